"""Parsing untrusted XML safely: the one door our XML and FDX readers go through.

A module of its own so that the validator (:mod:`screenplay.validate`) and the
XML vocabulary (:mod:`screenplay.xml_io`) can both use it without importing
each other.

A screenplay never needs a document type declaration, and every XML attack that
matters here (external entities and DTDs, "billion laughs") needs one, so any
DOCTYPE is refused outright, wherever it is in the file and in whatever encoding
the file is written; and the parser is given a resolver that hands back nothing,
so that no file or pipe named by a document is ever opened.
"""
from __future__ import annotations

from lxml import etree

from .errors import InputError
from .textio import MAX_INPUT_BYTES

NS = "urn:x-screenplay-toolchain:screenplay:1"

#: Declarations refused, as they appear in any encoding libxml2 detects by itself.
_DECLARATIONS = tuple(word.encode(enc) for word in ("<!DOCTYPE", "<!ENTITY")
                      for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


class _NothingResolver(etree.Resolver):
    """Every external resource (DTD, entity, XInclude) resolves to an empty string."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        return self.resolve_string("", context)


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers are not thread-safe, and they are cheap.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, dtd_validation=False, remove_pis=True,
                             collect_ids=False, attribute_defaults=False)
    parser.resolvers.add(_NothingResolver())
    return parser


def _declares(data: bytes) -> bool:
    """Whether the bytes hold a DOCTYPE or ENTITY declaration in any of the encodings."""
    return any(word in data for word in _DECLARATIONS)


def parse_xml_bytes(data: bytes, source: str | None = None,
                    limit: int = MAX_INPUT_BYTES) -> etree._ElementTree:
    """Parse untrusted XML, refusing DTDs, entities and oversized input.

    ``limit`` bounds inputs; callers parsing XML they wrote themselves pass a
    larger one (the limit is for what people hand us, not our own intermediate XML).
    """
    if len(data) > limit:
        raise InputError(f"XML is {len(data) / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB "
                         "input limit", source=source)
    if not data.strip():
        raise InputError("is empty, not XML", source=source)
    if _declares(data):
        raise InputError("XML with a DOCTYPE or entity declarations is not accepted "
                         "(screenplay files never need one)", source=source)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as e:
        line = e.lineno if isinstance(e.lineno, int) and e.lineno > 0 else None
        msg = str(e.msg or e).splitlines()[0] if (e.msg or str(e)) else "malformed XML"
        if "Excessive depth" in msg:  # libxml2's own limit; its advice (XML_PARSE_HUGE) is not ours
            msg = "elements nested more than 256 deep"
        raise InputError(f"not well-formed XML: {msg}", line=line, source=source) from None
    except ValueError as e:  # e.g. an encoding declaration lxml cannot honour
        raise InputError(f"not readable as XML: {e}", source=source) from None
    di = tree.docinfo
    if di.doctype or di.internalDTD is not None or di.externalDTD is not None:
        raise InputError("XML with a DOCTYPE is not accepted", source=source)
    for node in tree.iter(etree.Entity):  # an entity left unexpanded: refuse, never resolve
        raise InputError(f"XML entity reference &{node.name}; is not accepted",
                         line=node.sourceline, source=source)
    return tree
