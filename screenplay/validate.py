"""Validate screenplay XML against the shipped XSD and Schematron rules.

Why a module of its own: a schema error is only useful to a writer if it names
the line they edit.  libxml2 reports the line of the *XML*; every element the
XML writer emits carries the *Fountain* line it came from (``line=``), so each
error is mapped to the nearest element (or ancestor) that has one.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Callable, TypeVar

from lxml import etree

from .model import Diagnostic
from .resources import package_path
from .xml_parse import NS

try:  # lxml built without libxslt has no isoschematron
    from lxml import isoschematron
except ImportError:  # pragma: no cover - depends on the lxml build
    isoschematron = None

T = TypeVar("T")

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
_NS_BRACES = re.compile(r"\{urn:x-screenplay-toolchain:screenplay:1\}")


def xsd_path() -> str:
    return package_path("schema", "screenplay.xsd")


def sch_path() -> str:
    return package_path("schema", "screenplay.sch")


@lru_cache(maxsize=1)
def load_xsd() -> etree.XMLSchema:
    """The XSD, parsed once.  It is our own file, but parsed without network all the same."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(xsd_path(), parser))


def schematron_available() -> bool:
    return isoschematron is not None


@lru_cache(maxsize=1)
def load_schematron():  # -> isoschematron.Schematron | None
    if isoschematron is None:
        return None
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    # No generated XPath locations: the skeleton counts preceding siblings for each one,
    # which is quadratic in findings; the rules' "line" diagnostic says where instead.
    return isoschematron.Schematron(etree.parse(sch_path(), parser), store_report=True,
                                    compile_params={"generate-paths": "false()"})


def fountain_line(el: etree._Element | None) -> int:
    """The source line recorded on ``el`` or its nearest ancestor (0 if none)."""
    while el is not None:
        v = el.get("line") if isinstance(el.tag, str) else None
        # ASCII digits only: str.isdigit() also takes "²", which int() refuses;
        # and a bounded length, since int() refuses thousands of digits too.
        if v and len(v) <= 18 and v.isascii() and v.isdigit():
            return int(v)
        el = el.getparent()
    return 0


class _LineIndex:
    """Find the element an XML line belongs to: the last one starting on or before it."""

    def __init__(self, tree: etree._ElementTree):
        self.els = [el for el in tree.getroot().iter()
                    if isinstance(el.tag, str) and el.sourceline is not None]
        self.starts = [el.sourceline for el in self.els]

    def at(self, xml_line: int) -> etree._Element | None:
        i = bisect.bisect_right(self.starts, xml_line)
        return self.els[i - 1] if i else None


def _clean(msg: str) -> str:
    msg = _NS_BRACES.sub("", msg)
    msg = msg.replace("Element 'screenplay': ", "").strip()
    return msg


#: Rules from the XSD's identity constraints (key, keyref, unique) rather than its shape.
IDENTITY_RULES = frozenset({"cue-not-in-cast", "duplicate-scene-number", "duplicate-cast-member"})


def _friendly(msg: str) -> tuple[str, str]:
    """A writer's wording for the schema errors that matter most, and a rule name."""
    m = re.search(r"No match found for key-sequence \['(.*)'\] of keyref 'cueNamesCastMember'", msg)
    if m:
        return (f"cue names '{m.group(1)}', who is not in the cast list", "cue-not-in-cast")
    m = re.search(r"Duplicate key-sequence \['(.*)'\] in unique identity-constraint "
                  r"'uniqueSceneNumber'", msg)
    if m:
        return (f"scene number {m.group(1)} is used by an earlier scene too",
                "duplicate-scene-number")
    m = re.search(r"Duplicate key-sequence \['(.*)'\] in key identity-constraint 'castName'", msg)
    if m:
        return (f"cast member '{m.group(1)}' is listed twice", "duplicate-cast-member")
    m = re.match(r"Element '([^']+)': This element is not expected\.(?: Expected is "
                 r"(?:one of )?\( ?(.+?) ?\)\.)?", msg)
    if m:
        expected = f" (expected {m.group(2)})" if m.group(2) else ""
        return f"<{m.group(1)}> is not allowed here{expected}", "unexpected-element"
    return msg, "xsd"


def _note_xml_line(msg: str, fountain: int, xml_line: int | None, always: bool) -> str:
    """Say which XML line is meant when the reported line is not one, or when asked."""
    if xml_line and (always or not fountain):
        return f"{msg} (XML line {xml_line})"
    return msg


def xsd_errors(tree: etree._ElementTree, xml_lines: bool = False) -> list[Diagnostic]:
    """XSD errors as diagnostics on Fountain lines (XML lines where none is recorded).

    ``xml_lines`` adds the XML line to every message, for XML a person edits.
    """
    schema = load_xsd()
    if schema.validate(tree):
        return []
    out: list[Diagnostic] = []
    index = _LineIndex(tree)
    for e in schema.error_log:
        if "No precomputed value" in e.message:
            continue  # libxml2's echo of the facet error just reported
        el = index.at(e.line) if e.line else None
        fl = fountain_line(el)
        msg, rule = _friendly(_clean(e.message))
        out.append(Diagnostic(fl or e.line or 0, _note_xml_line(msg, fl, e.line, xml_lines),
                              rule, "error"))
    return out


def schematron_diagnostics(tree: etree._ElementTree, xml_lines: bool = False
                           ) -> list[Diagnostic]:
    """Failed Schematron assertions; empty when lxml has no isoschematron."""
    sch = load_schematron()
    if sch is None:
        return []
    report = _run_interruptibly(lambda: (sch.validate(tree), sch.validation_report)[1])
    out: list[Diagnostic] = []
    for fa in report.iter(SVRL + "failed-assert", SVRL + "successful-report"):
        where = "".join(t for d in fa.iter(SVRL + "diagnostic-reference")
                        if d.get("diagnostic") == "line" for t in d.itertext()).strip()
        fl = int(where) if where.isascii() and where.isdigit() and len(where) <= 18 else 0
        text = " ".join("".join(t.itertext()) for t in fa.iter(SVRL + "text")).strip()
        text = " ".join(text.split())
        role = (fa.get("role") or "error").lower()
        severity = "warning" if role in ("warning", "warn", "info", "information") else "error"
        out.append(Diagnostic(fl, text, fa.get("id") or "schematron", severity))
    return out


def _run_interruptibly(work: "Callable[[], T]") -> "T":
    """Run ``work`` (an XSLT transformation) in a helper thread, waiting in short steps.

    libxslt runs in C without returning to Python, so a signal (Ctrl-C, SIGTERM,
    the time limit's alarm) would wait until it finished.  The main thread waits
    here instead, where Python runs signal handlers between steps; an exception
    they raise leaves at once, and the helper (a daemon) ends with the process.
    """
    import threading
    box: list[Any] = []

    def run() -> None:
        try:
            box.append((True, work()))
        except BaseException as e:  # handed to the main thread
            box.append((False, e))

    t = threading.Thread(target=run, name="schematron", daemon=True)
    t.start()
    while t.is_alive():
        t.join(0.05)
    ok, value = box[0]
    if not ok:
        raise value
    return value


def validate_tree(tree: etree._ElementTree, xml_lines: bool = False) -> list[Diagnostic]:
    """All schema findings for a screenplay XML tree: XSD first, then Schematron.

    Schematron runs only when the tree has the XSD's shape (identity errors such
    as a duplicated scene number do not stop it), since its rules assume that shape.
    """
    root = tree.getroot()
    if root.tag != "{%s}screenplay" % NS:
        return [Diagnostic(root.sourceline or 0, f"not screenplay XML: the root element is "
                           f"<{etree.QName(root).localname}>, expected <screenplay "
                           f"xmlns=\"{NS}\">", "not-screenplay-xml", "error")]
    errs = xsd_errors(tree, xml_lines)
    if any(d.rule not in IDENTITY_RULES for d in errs):
        return errs
    return errs + schematron_diagnostics(tree, xml_lines)
