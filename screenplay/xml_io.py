"""The screenplay XML vocabulary: model -> XML -> model is the identity.

Why XML at all: the XML form is what the shipped XSD and Schematron rules check
(``screenplay/schema/``), so every script can be validated by any schema tool,
not only by this program.  The vocabulary mirrors the model closely:

* ``<title-page>`` holds ``<field key="...">`` entries with one ``<value>`` per line;
* ``<cast>`` lists every cue name once (derived from the speeches) so that the
  schema's ``xs:key``/``xs:keyref`` can say "every cue names a cast member";
* ``<body>`` holds what comes before the first heading, then one ``<scene>`` per
  heading (the model's flat sequence, grouped the way :meth:`Document.scenes`
  groups it, so reading flattens it back exactly);
* inline emphasis is mixed content: ``<em style="bold italic">``,
  ``<inline-note>`` and ``<inline-boneyard>``;
* every element that came from a source file carries ``line`` (and ``last-line``
  when it spans several), so errors found in the XML can name the Fountain line.

Parsing is defensive: no DTDs, no entity expansion, no network, a size limit.
"""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from lxml import etree

from . import model as m
from .errors import InputError

T = TypeVar("T")

from .xml_parse import NS, parse_xml_bytes

__all__ = ["NS", "parse_xml_bytes", "write_xml", "read_xml", "read_xml_bytes", "to_tree",
           "from_tree", "validate_document", "xml_safe"]
_Q = "{%s}" % NS
VERSION = "1"
#: Deepest outline section accepted (the schema only says "positive").
MAX_SECTION_DEPTH = 1000

_STYLE_WORDS = ((m.BOLD, "bold"), (m.ITALIC, "italic"), (m.UNDERLINE, "underline"))
_KIND_TAG = {m.NOTE: "inline-note", m.BONEYARD: "inline-boneyard"}
_TAG_KIND = {v: k for k, v in _KIND_TAG.items()}

# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _style_attr(style: int) -> str:
    return " ".join(word for bit, word in _STYLE_WORDS if style & bit)


def _put_text(el: etree._Element, text: m.Text) -> None:
    """Write runs as mixed content: plain runs are text nodes, others child elements."""
    last: etree._Element | None = None

    def add_plain(s: str) -> None:
        if last is None:
            el.text = (el.text or "") + s
        else:
            last.tail = (last.tail or "") + s

    for r in text:
        if r.kind == m.TEXT and not r.style:
            add_plain(r.text)
            continue
        tag = _KIND_TAG.get(r.kind, "em")
        child = etree.SubElement(el, _Q + tag)
        if r.style:
            child.set("style", _style_attr(r.style))
        child.text = r.text
        last = child


def _put_lines(el: etree._Element, lines: m.Lines) -> None:
    first, last = lines
    if first > 0:
        el.set("line", str(first))
        if last != first:
            el.set("last-line", str(last))


def _flag(el: etree._Element, name: str, value: bool) -> None:
    if value:
        el.set(name, "true")


def _text_el(parent: etree._Element, tag: str, text: m.Text, lines: m.Lines) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag)
    _put_lines(el, lines)
    _put_text(el, text)
    return el


def _element(parent: etree._Element, el: m.Element) -> None:
    if isinstance(el, m.Action):
        x = _text_el(parent, "action", el.text, el.lines)
        _flag(x, "forced", el.forced)
    elif isinstance(el, m.Speech):
        sp = etree.SubElement(parent, _Q + "speech")
        _put_lines(sp, el.lines)
        c = el.character
        cue = etree.SubElement(sp, _Q + "cue", name=c.name)
        _flag(cue, "forced", c.forced)
        _flag(cue, "dual", c.dual)
        _put_lines(cue, c.lines)
        for ext in c.extensions:
            etree.SubElement(cue, _Q + "extension").text = ext
        for part in el.parts:
            tag = {m.Parenthetical: "parenthetical", m.Dialogue: "dialogue",
                   m.Lyrics: "lyrics"}[type(part)]
            _text_el(sp, tag, part.text, part.lines)
    elif isinstance(el, m.Transition):
        x = _text_el(parent, "transition", el.text, el.lines)
        _flag(x, "forced", el.forced)
    elif isinstance(el, m.Lyrics):
        _text_el(parent, "lyrics", el.text, el.lines)
    elif isinstance(el, m.Centered):
        _text_el(parent, "centered", el.text, el.lines)
    elif isinstance(el, m.PageBreak):
        _put_lines(etree.SubElement(parent, _Q + "page-break"), el.lines)
    elif isinstance(el, m.Section):
        x = _text_el(parent, "section", el.text, el.lines)
        x.set("depth", str(el.depth))
    elif isinstance(el, m.Synopsis):
        _text_el(parent, "synopsis", el.text, el.lines)
    elif isinstance(el, m.Note):
        x = etree.SubElement(parent, _Q + "note")
        _put_lines(x, el.lines)
        x.text = el.text
    elif isinstance(el, m.Boneyard):
        x = etree.SubElement(parent, _Q + "boneyard")
        _put_lines(x, el.lines)
        x.text = el.text
    else:
        raise TypeError(f"not a body element: {type(el).__name__}")


def _heading(parent: etree._Element, h: m.SceneHeading) -> None:
    x = etree.SubElement(parent, _Q + "heading")
    _flag(x, "forced", h.forced)
    parts = h.parts()
    # Derived, for schema checks and XSLT users; the reader trusts the text only.
    if parts.int_ext:
        x.set("int-ext", parts.int_ext)
    if parts.location:
        x.set("location", parts.location)
    if parts.sublocation:
        x.set("sublocation", parts.sublocation)
    if parts.time:
        x.set("time", parts.time)
    _put_lines(x, h.lines)
    _put_text(x, h.text)


_STRUCTURAL = {"screenplay", "title-page", "field", "cast", "body", "scene", "speech", "cue"}


def _indent(el: etree._Element, level: int = 0) -> None:
    """Indent structural elements only; mixed text content is left byte-exact."""
    if etree.QName(el).localname not in _STRUCTURAL or len(el) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def to_tree(doc: m.Document) -> etree._ElementTree:
    """The document as an lxml tree in the screenplay vocabulary."""
    root = etree.Element(_Q + "screenplay", nsmap={None: NS})
    root.set("version", VERSION)
    if doc.title_page:
        tp = etree.SubElement(root, _Q + "title-page")
        for f in doc.title_page:
            fx = etree.SubElement(tp, _Q + "field", key=f.key)
            _put_lines(fx, f.lines)
            for v in f.values:
                _put_text(etree.SubElement(fx, _Q + "value"), v)
    cast = etree.SubElement(root, _Q + "cast")
    counts: dict[str, int] = {}
    for sp in doc.speeches():
        counts[sp.character.name] = counts.get(sp.character.name, 0) + 1
    for name, n in counts.items():
        etree.SubElement(cast, _Q + "character", name=name, speeches=str(n))
    body = etree.SubElement(root, _Q + "body")
    container = body
    for el in doc.body:
        if isinstance(el, m.SceneHeading):
            container = etree.SubElement(body, _Q + "scene")
            if el.number is not None:
                container.set("number", el.number)
            _heading(container, el)
        else:
            _element(container, el)
    # One findall, not one per scene: that was quadratic (minutes at 100,000 scenes).
    for x, scene in zip(body.findall(_Q + "scene"), doc.scenes()):
        _put_lines(x, scene.lines)
    _indent(root)
    return etree.ElementTree(root)


def xml_safe(build: Callable[[], T]) -> T:
    """Run a tree builder, turning lxml's refusal of control characters into an InputError."""
    try:
        return build()
    except ValueError as e:
        if "XML compatible" not in str(e):
            raise
        raise InputError("the text contains control characters, which XML cannot hold "
                         "(was the input binary?)") from None


def write_xml(doc: m.Document) -> str:
    """Serialise a document as screenplay XML text."""
    body = etree.tostring(xml_safe(lambda: to_tree(doc)), encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    if not isinstance(el.tag, str):
        return ""
    return etree.QName(el).localname if el.tag.startswith(_Q) else "{other}"


def _style_of(el: etree._Element) -> int:
    words = (el.get("style") or "").split()
    return sum(bit for bit, word in _STYLE_WORDS if word in words)


def _get_text(el: etree._Element) -> m.Text:
    runs: list[m.Run] = []
    if el.text:
        runs.append(m.Run(el.text))
    for child in el:
        if not isinstance(child.tag, str):  # comments: skip, keep their tail
            pass
        else:
            tag = _local(child)
            kind = _TAG_KIND.get(tag, m.TEXT)
            if tag != "em" and kind == m.TEXT:
                raise InputError(f"unexpected <{tag}> inside text", line=child.sourceline)
            runs.append(m.Run(child.text or "", _style_of(child), kind))
        if child.tail:
            runs.append(m.Run(child.tail))
    return m.normalize_text(runs)


def _get_lines(el: etree._Element) -> m.Lines:
    first = el.get("line")
    if not first:
        return m.NO_LINES
    last = el.get("last-line") or first
    try:
        return (int(first), int(last))
    except ValueError:
        raise InputError(f"line attribute is not a number: {first!r}",
                         line=el.sourceline) from None


def _true(el: etree._Element, name: str) -> bool:
    return el.get(name) in ("true", "1")


def _children(el: etree._Element) -> Iterable[etree._Element]:
    return (c for c in el if isinstance(c.tag, str))


def _read_element(x: etree._Element) -> m.Element:
    tag = _local(x)
    lines = _get_lines(x)
    if tag == "action":
        return m.Action(_get_text(x), _true(x, "forced"), lines)
    if tag == "speech":
        kids = list(_children(x))
        if not kids or _local(kids[0]) != "cue":
            raise InputError("<speech> must start with a <cue>", line=x.sourceline)
        cue = kids[0]
        exts = tuple(e.text or "" for e in _children(cue))
        ch = m.Character(cue.get("name", ""), exts, _true(cue, "forced"), _true(cue, "dual"),
                         _get_lines(cue))
        parts: list[m.SpeechPart] = []
        for p in kids[1:]:
            cls = _PART_CLASSES.get(_local(p))
            if cls is None:
                raise InputError(f"unexpected <{_local(p)}> in a speech", line=p.sourceline)
            parts.append(cls(_get_text(p), _get_lines(p)))
        return m.Speech(ch, parts, lines)
    if tag == "transition":
        return m.Transition(_get_text(x), _true(x, "forced"), lines)
    if tag == "lyrics":
        return m.Lyrics(_get_text(x), lines)
    if tag == "centered":
        return m.Centered(_get_text(x), lines)
    if tag == "page-break":
        return m.PageBreak(lines)
    if tag == "section":
        try:
            depth = int(x.get("depth", "1"))
        except ValueError:
            raise InputError("section depth is not a number", line=x.sourceline) from None
        if not 1 <= depth <= MAX_SECTION_DEPTH:  # the writers spell depth as that many "#"
            raise InputError(f"section depth {depth} is outside 1 to {MAX_SECTION_DEPTH}",
                             line=x.sourceline)
        return m.Section(_get_text(x), depth, lines)
    if tag == "synopsis":
        return m.Synopsis(_get_text(x), lines)
    if tag == "note":
        return m.Note(x.text or "", lines)
    if tag == "boneyard":
        return m.Boneyard(x.text or "", lines)
    raise InputError(f"unknown element <{tag}>", line=x.sourceline)


#: Speech parts by element name.
_PART_CLASSES: dict[str, Callable[[m.Text, m.Lines], m.SpeechPart]] = {
    "parenthetical": m.Parenthetical, "dialogue": m.Dialogue, "lyrics": m.Lyrics}


def _check_root(root: etree._Element, source: str | None = None) -> None:
    if root.tag != _Q + "screenplay":
        q = etree.QName(root)
        where = f" in namespace '{q.namespace}'" if q.namespace else " (no namespace)"
        raise InputError(f"not screenplay XML: the root element is <{q.localname}>{where}, "
                         f"expected <screenplay xmlns=\"{NS}\">", line=root.sourceline,
                         source=source)


def from_tree(tree: etree._ElementTree | etree._Element) -> m.Document:
    """Rebuild a document from a tree in the screenplay vocabulary."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    _check_root(root)
    doc = m.Document()
    for part in _children(root):
        tag = _local(part)
        if tag == "title-page":
            for f in _children(part):
                values = [_get_text(v) for v in _children(f)]
                doc.title_page.append(m.TitleField(f.get("key", ""), values, _get_lines(f)))
        elif tag == "body":
            for x in _children(part):
                if _local(x) == "scene":
                    kids = list(_children(x))
                    if not kids or _local(kids[0]) != "heading":
                        raise InputError("<scene> must start with a <heading>", line=x.sourceline)
                    h = kids[0]
                    doc.body.append(m.SceneHeading(_get_text(h), x.get("number"),
                                                   _true(h, "forced"), _get_lines(h)))
                    doc.body.extend(_read_element(k) for k in kids[1:])
                else:
                    doc.body.append(_read_element(x))
        elif tag == "cast":
            continue  # derived from the speeches; the schema checks it agrees
        else:
            raise InputError(f"unknown element <{tag}>", line=part.sourceline)
    return doc


def read_xml_bytes(data: bytes, source: str | None = None, validate: bool = True) -> m.Document:
    """Read screenplay XML (bytes from an untrusted file) into the model.

    With ``validate`` the XML must have the shape the XSD gives; the first such
    error is raised, naming the Fountain line recorded in the XML where there is
    one.  Production errors the model can still hold (a cue missing from the cast,
    a scene number used twice) are not refused here: ``screenplay check`` reports
    them, and our own writer's output always reads back.
    """
    tree = parse_xml_bytes(data, source)
    _check_root(tree.getroot(), source)
    if validate:
        from .validate import IDENTITY_RULES, xsd_errors
        errs = [d for d in xsd_errors(tree, xml_lines=True) if d.rule not in IDENTITY_RULES]
        if errs:
            d = errs[0]
            more = f" (and {len(errs) - 1} more)" if len(errs) > 1 else ""
            raise InputError(f"invalid screenplay XML: {d.message}{more}",
                             line=d.line or None, source=source)
    try:
        return from_tree(tree)
    except InputError as e:
        e.source = e.source or source
        raise


def read_xml(text: str, validate: bool = True) -> m.Document:
    return read_xml_bytes(text.encode("utf-8"), validate=validate)


def validate_document(doc: m.Document) -> list[m.Diagnostic]:
    """Build the XML of a document and validate it (XSD, then Schematron).

    The XML is serialised and parsed again so that libxml2 knows element lines.
    It is our own output, not an input, so the input size limit does not apply
    to it: a script that was small enough to read makes XML several times larger.
    """
    from .validate import validate_tree
    data = write_xml(doc).encode("utf-8")
    return validate_tree(parse_xml_bytes(data, limit=max(len(data), 1)))
