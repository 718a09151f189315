"""Final Draft FDX: reading what Final Draft, Fade In and others save, and writing it back.

FDX is a flat list of ``<Paragraph Type="...">`` in ``<Content>``, each holding
``<Text Style="Bold+Italic+Underline">`` runs.  The paragraph types are Final
Draft's: Scene Heading (with ``Number``), Action, Character, Parenthetical,
Dialogue, Transition, Shot, General, Lyrics; side-by-side speeches sit inside
``<Paragraph><DualDialogue>...</DualDialogue></Paragraph>``; the title page is
``<TitlePage><Content>`` with positioned but unlabelled paragraphs.

FDX cannot say everything Fountain can (forcing marks, title-page keys,
sections, synopses, notes, boneyard).  So that our own FDX reads back to the
very same model, the writer records those in attributes of a private namespace
(``sp:``), which an FDX reader that does not know them should pass over (not
tried in Final Draft itself, which we do not have), and writes the unprintable
elements as General paragraphs in their Fountain spelling (``# Act One``,
``[[note]]``), so they stay legible there.  Files from other programs have no ``sp:``
attributes; the reader then infers what it can (a forced heading is one that
would not read as a heading; the title page is labelled by position and wording).
"""
from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter
from typing import Callable

from lxml import etree

from . import model as m
from .errors import InputError
from .fountain_rules import CUE_RE, clean_scene_number, cue_name_ok, is_heading, is_transition
from .xml_io import parse_xml_bytes, xml_safe

SP = "urn:x-screenplay-toolchain:fdx-extras:1"
_A = "{%s}" % SP

_STYLE = ((m.BOLD, "Bold"), (m.ITALIC, "Italic"), (m.UNDERLINE, "Underline"))
_CENTRED_KEYS = ("title", "credit", "author", "authors", "source")
_EXT_RE = re.compile(r"[(\uff08]([^()\uff08\uff09]*)[)\uff09]")

# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _style_attr(style: int) -> str:
    return "+".join(word for bit, word in _STYLE if style & bit)


def _put_runs(par: etree._Element, text: m.Text) -> None:
    for r in text:
        t = etree.SubElement(par, "Text")
        if r.kind == m.TEXT:
            t.text = r.text
        else:  # shown in brackets in Final Draft, marked so we can read it back
            t.set(_A + "kind", r.kind)
            t.text = f"[[{r.text}]]" if r.kind == m.NOTE else f"/*{r.text}*/"
        if r.style:
            t.set("Style", _style_attr(r.style))
    if not text:
        etree.SubElement(par, "Text")


def _par(parent: etree._Element, ptype: str, text: m.Text | None = None, **attrs: str
         ) -> etree._Element:
    p = etree.SubElement(parent, "Paragraph", Type=ptype)
    for k, v in attrs.items():
        p.set(k, v)
    if text is not None:
        _put_runs(p, text)
        if _tidy(text) != text or not text:
            # White space that matters (an empty element, a kept blank line): the reader
            # must neither skip the paragraph as spacing nor tidy it.
            p.set(_A + "keep", "true")
    return p


def _forced(p: etree._Element, value: bool) -> None:
    if value:
        p.set(_A + "forced", "true")


def _prefixed(prefix: str, text: m.Text) -> m.Text:
    return m.normalize_text([m.Run(prefix)] + list(text))


def _speech_pars(parent: etree._Element, sp: m.Speech, mark_dual: bool) -> list[etree._Element]:
    c = sp.character
    cue = _par(parent, "Character", m.text_of(c.cue))
    _forced(cue, c.forced)
    if mark_dual:
        cue.set(_A + "dual", "true")
    out = [cue]
    for part in sp.parts:
        if isinstance(part, m.Parenthetical):
            out.append(_par(parent, "Parenthetical",
                            m.normalize_text([m.Run("(")] + list(part.text) + [m.Run(")")])))
        elif isinstance(part, m.Lyrics):
            out.append(_par(parent, "Lyrics", part.text))
        else:
            out.append(_par(parent, "Dialogue", part.text))
    return out


def _body_element(content: etree._Element, el: m.Element) -> etree._Element:
    """Write one non-speech element; return its (first) paragraph."""
    if isinstance(el, m.SceneHeading):
        p = _par(content, "Scene Heading", el.text)
        if el.number is not None:
            p.set("Number", el.number)
        _forced(p, el.forced)
        return p
    if isinstance(el, m.Action):
        p = _par(content, "Action", el.text)
        _forced(p, el.forced)
        return p
    if isinstance(el, m.Transition):
        p = _par(content, "Transition", el.text)
        _forced(p, el.forced)
        return p
    if isinstance(el, m.Centered):
        return _par(content, "Action", el.text, Alignment="Center")
    if isinstance(el, m.Lyrics):
        p = _par(content, "Lyrics", el.text)
        p.set(_A + "standalone", "true")
        return p
    if isinstance(el, m.Section):
        p = _par(content, "General", _prefixed("#" * el.depth + " ", el.text))
        p.set(_A + "kind", "section")
        p.set(_A + "depth", str(el.depth))
        return p
    if isinstance(el, m.Synopsis):
        p = _par(content, "General", _prefixed("= ", el.text))
        p.set(_A + "kind", "synopsis")
        return p
    if isinstance(el, m.Note):
        p = _par(content, "General", m.text_of(f"[[{el.text}]]"))
        p.set(_A + "kind", "note")
        return p
    if isinstance(el, m.Boneyard):
        p = _par(content, "General", m.text_of(f"/*{el.text}*/"))
        p.set(_A + "kind", "boneyard")
        return p
    raise TypeError(f"not a body element: {type(el).__name__}")


def _title_page(root: etree._Element, doc: m.Document) -> None:
    tp = etree.SubElement(root, "TitlePage")
    content = etree.SubElement(tp, "Content")
    indexed = list(enumerate(doc.title_page))
    centred = [(i, f) for i, f in indexed if f.key.lower() in _CENTRED_KEYS]
    left = [(i, f) for i, f in indexed if f.key.lower() not in _CENTRED_KEYS]

    def blank(align: str) -> None:
        etree.SubElement(content, "Paragraph", Type="General", Alignment=align)

    def block(i: int, f: m.TitleField, align: str) -> None:
        values = f.values or [()]
        for v in values:
            p = etree.SubElement(content, "Paragraph", Type="General", Alignment=align)
            p.set(_A + "key", f.key)
            p.set(_A + "index", str(i))
            if not f.values:
                p.set(_A + "empty", "true")
            if v:
                _put_runs(p, v)

    for _ in range(16):  # about a third of the way down the page, as Final Draft does
        blank("Center")
    for n, (i, f) in enumerate(centred):
        if n:
            blank("Center")
        block(i, f, "Center")
    if left:
        for _ in range(12):
            blank("Left")
        for n, (i, f) in enumerate(left):
            if n:
                blank("Left")
            block(i, f, "Left")


def write_fdx(doc: m.Document) -> str:
    """Serialise a document as FDX text that Final Draft opens."""
    return xml_safe(lambda: _write_fdx(doc))


def _write_fdx(doc: m.Document) -> str:
    root = etree.Element("FinalDraft", nsmap={"sp": SP})
    root.set("DocumentType", "Script")
    root.set("Template", "No")
    root.set("Version", "5")
    content = etree.SubElement(root, "Content")
    body = doc.body
    page_break = False
    i = 0
    while i < len(body):
        el = body[i]
        if isinstance(el, m.PageBreak):
            if page_break:  # two breaks in a row: the first gets an empty page of its own
                etree.SubElement(content, "Paragraph", Type="Action", StartsNewPage="Yes")
            page_break = True
            i += 1
            continue
        if isinstance(el, m.Speech):
            nxt = body[i + 1] if i + 1 < len(body) else None
            if isinstance(nxt, m.Speech) and nxt.character.dual and not el.character.dual:
                outer = etree.SubElement(content, "Paragraph")
                dual = etree.SubElement(outer, "DualDialogue")
                _speech_pars(dual, el, False)
                _speech_pars(dual, nxt, False)
                first = outer
                i += 2
            else:
                first = _speech_pars(content, el, el.character.dual)[0]
                i += 1
        else:
            first = _body_element(content, el)
            i += 1
        if page_break:
            first.set("StartsNewPage", "Yes")
            page_break = False
    if page_break:
        etree.SubElement(content, "Paragraph", Type="Action", StartsNewPage="Yes")
    if doc.title_page:
        _title_page(root, doc)
    etree.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
            + etree.tostring(root, encoding="unicode") + "\n")


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _runs(par: etree._Element) -> m.Text:
    runs: list[m.Run] = []
    for t in par.iterchildren("Text"):
        s = t.text or ""
        words = (t.get("Style") or "").split("+")
        style = sum(bit for bit, word in _STYLE if word in words)
        kind = t.get(_A + "kind")
        if kind == m.NOTE and s.startswith("[[") and s.endswith("]]"):
            runs.append(m.Run(s[2:-2], style, m.NOTE))
        elif kind == m.BONEYARD and s.startswith("/*") and s.endswith("*/"):
            runs.append(m.Run(s[2:-2], style, m.BONEYARD))
        else:
            runs.append(m.Run(s.replace("\r\n", "\n").replace("\r", "\n"), style))
    return m.normalize_text(runs)


Ranges = list[tuple[int, int]]


def _map_text(text: m.Text, fn: Callable[[str], Ranges]) -> m.Text:
    """Keep the stretches of the plain text that ``fn`` returns, each character with its style.

    ``fn`` gets the text as one string and returns sorted, disjoint ``(start, end)``
    ranges to keep.  Ranges rather than a list per character: a 10 MB paragraph
    once cost a gigabyte here.  Text holding notes or boneyard is left alone:
    Final Draft never writes them, and our own writer never writes text that
    needs tidying.
    """
    if any(r.kind != m.TEXT for r in text):
        return text  # notes inside: leave as is rather than guess
    pieces: list[tuple[str, int]] = []
    keep = fn("".join(r.text for r in text))
    k, offset = 0, 0
    for r in text:
        stop = offset + len(r.text)
        while k < len(keep) and keep[k][0] < stop:
            a, b = max(keep[k][0], offset), min(keep[k][1], stop)
            if a < b:
                pieces.append((r.text[a - offset:b - offset], r.style))
            if keep[k][1] > stop:
                break  # the range goes on into the next run
            k += 1
        offset = stop
    # Grouped by style before normalising, which would unstyle a lone styled space.
    runs = [m.Run("".join(t for t, _ in grp), st) for st, grp in groupby(pieces, key=itemgetter(1))]
    return m.normalize_text(runs)


def _tidy(text: m.Text) -> m.Text:
    """Drop white space at paragraph ends and before line breaks, as Fountain does."""
    def keep(s: str) -> Ranges:
        starts, pos = [], 0
        lines = s.split("\n")
        for ln in lines:
            starts.append(pos)
            pos += len(ln) + 1
        first, last = 0, len(lines) - 1
        while first <= last and not lines[first].strip():
            first += 1
        while last >= first and not lines[last].strip():
            last -= 1
        out: Ranges = []
        for i in range(first, last + 1):
            a = starts[i]
            b = a + len(lines[i].rstrip(" \t"))
            if i < last:
                # The line break is kept too; join it to this line's range when adjacent.
                if b == a + len(lines[i]):
                    out.append((a, b + 1))
                else:
                    out += [(a, b), (a + len(lines[i]), a + len(lines[i]) + 1)]
            else:
                out.append((a, b))
        return out

    return _map_text(text, keep)


def _strip_parens(text: m.Text) -> m.Text:
    """``(quietly)`` -> ``quietly``: the first "(" and last ")" of the printed text go.

    Works on the runs themselves rather than through :func:`_map_text`, so that a
    parenthetical holding boneyard or a note (``( /* */ )``) loses its brackets too.
    """
    s = m.plain(text)
    if len(s) < 2 or not (s.startswith("(") and s.endswith(")")):
        return text
    runs = list(text)
    printed = [k for k, r in enumerate(runs) if r.kind == m.TEXT and r.text]
    first, last = printed[0], printed[-1]
    runs[first] = m.Run(runs[first].text[1:], runs[first].style, runs[first].kind)
    runs[last] = m.Run(runs[last].text[:-1], runs[last].style, runs[last].kind)
    return m.normalize_text(runs)


def _strip_prefix(text: m.Text, prefix_re: str) -> m.Text:
    mt = re.match(prefix_re, m.plain(text))
    if not mt:
        return text
    n = mt.end()
    return _map_text(text, lambda s: [(n, len(s))])


#: Deepest section depth taken from an ``sp:depth`` attribute; the writers spell a
#: depth as that many "#" characters, so an unchecked number could ask for gigabytes.
MAX_SECTION_DEPTH = 1000


def _int_attr(p: etree._Element, name: str, default: int, hi: int | None = None) -> int:
    """A whole-number attribute of our own namespace, or ``default`` when it is not one.

    These attributes only refine what the paragraph already says, so a damaged
    one is passed over rather than refusing the whole file.
    """
    v = p.get(name)
    try:
        n = int(v) if v is not None else default
    except ValueError:
        return default
    return n if n >= 0 and (hi is None or n <= hi) else default


def _cue(s: str) -> tuple[str, tuple[str, ...]]:
    s = s.strip()
    mt = CUE_RE.match(s)
    if not mt:
        return s, ()
    name = mt.group("name").strip()
    exts = tuple(e.strip() for e in _EXT_RE.findall(mt.group("ext") or ""))
    return (name or s), exts


class _Reader:
    def __init__(self) -> None:
        self.body: list[m.Element] = []
        self.diags: list[m.Diagnostic] = []
        self.speech: m.Speech | None = None

    def lines(self, p: etree._Element) -> m.Lines:
        n = p.sourceline or 0
        return (n, n)

    def paragraph(self, p: etree._Element, in_dual: int = 0) -> int:
        """Read one Paragraph; ``in_dual`` counts Character paragraphs seen in a DualDialogue."""
        if p.get("StartsNewPage") == "Yes":
            self.speech = None
            self.body.append(m.PageBreak(self.lines(p)))
        dual = p.find("DualDialogue")
        if dual is not None:
            count = 0
            for q in dual.iterchildren("Paragraph"):
                count = self.paragraph(q, count)
            self.speech = None
            return in_dual
        ptype = p.get("Type") or "General"
        raw = _runs(p)
        # sp:keep marks our own text whose white space is meant: take it as written.
        text = raw if p.get(_A + "keep") is not None else _tidy(raw)
        s = m.plain(text)
        lines = self.lines(p)
        forced_attr = p.get(_A + "forced")
        kind = p.get(_A + "kind")
        if not text and ptype != "Character" and kind is None and p.get(_A + "keep") is None:
            return in_dual  # empty paragraphs are Final Draft's spacing, not content
        if ptype == "Character":
            name, exts = _cue(s)
            forced = forced_attr == "true" if forced_attr else not cue_name_ok(name)
            dual_flag = in_dual > 0 or p.get(_A + "dual") == "true"
            ch = m.Character(name, exts, forced, dual_flag, lines)
            self.speech = m.Speech(ch, [], lines)
            self.body.append(self.speech)
            return in_dual + 1
        if ptype in ("Dialogue", "Parenthetical") or (
                ptype == "Lyrics" and p.get(_A + "standalone") != "true"):
            if self.speech is not None:
                if ptype == "Parenthetical":
                    part: m.SpeechPart = m.Parenthetical(_strip_parens(text), lines)
                elif ptype == "Lyrics":
                    part = m.Lyrics(text, lines)
                else:
                    part = m.Dialogue(text, lines)
                self.speech.parts.append(part)
                self.speech.lines = (self.speech.lines[0], lines[1])
                return in_dual
            if ptype == "Lyrics":
                self.body.append(m.Lyrics(text, lines))
                return in_dual
            self.diags.append(m.Diagnostic(lines[0], f"{ptype} paragraph with no character "
                                           "before it; read as action", "fdx-orphan-dialogue"))
            self.body.append(m.Action(text, False, lines))
            return in_dual
        self.speech = None
        if ptype in ("Scene Heading", "Shot"):
            forced = forced_attr == "true" if forced_attr else not is_heading(s.strip())
            number = clean_scene_number(p.get("Number")) if ptype == "Scene Heading" else None
            self.body.append(m.SceneHeading(text, number, forced, lines))
        elif ptype == "Transition":
            forced = forced_attr == "true" if forced_attr else not is_transition(s.strip())
            self.body.append(m.Transition(text, forced, lines))
        elif ptype == "Lyrics":
            self.body.append(m.Lyrics(text, lines))
        elif p.get("Alignment") == "Center" and ptype in ("Action", "General"):
            self.body.append(m.Centered(text, lines))
        elif ptype == "General" and self.general(text, raw, kind, p, lines):
            pass
        else:
            if ptype not in ("Action", "General"):
                self.diags.append(m.Diagnostic(lines[0], f"Final Draft paragraph type "
                                               f"'{ptype}' has no Fountain equivalent; read as "
                                               "action", "fdx-unknown-type"))
            forced = forced_attr == "true"
            self.body.append(m.Action(text, forced, lines))
        return in_dual

    def general(self, text: m.Text, raw: m.Text, kind: str | None, p: etree._Element,
                lines: m.Lines) -> bool:
        """General paragraphs written in Fountain's spelling of unprinted elements."""
        s = m.plain(text)
        rs = m.plain(raw)
        if kind == "section" or (kind is None and re.match(r"#+ ", s)):
            counted = min(max(1, len(s) - len(s.lstrip("#"))), MAX_SECTION_DEPTH)
            depth = _int_attr(p, _A + "depth", counted, MAX_SECTION_DEPTH) or counted
            self.body.append(m.Section(_strip_prefix(text, r"#+ ?"), depth, lines))
            return True
        if kind == "synopsis" or (kind is None and s.startswith("= ")):
            self.body.append(m.Synopsis(_strip_prefix(text, r"= ?"), lines))
            return True
        if (kind == "note" or kind is None) and rs.startswith("[[") and rs.endswith("]]") \
                and "]]" not in rs[2:-2]:
            self.body.append(m.Note(rs[2:-2], lines))
            return True
        if (kind == "boneyard" or kind is None) and rs.startswith("/*") and rs.endswith("*/"):
            self.body.append(m.Boneyard(rs[2:-2], lines))
            return True
        return False


_CREDIT_RE = re.compile(r"^((written|screenplay|story|teleplay|script|adapted|created)"
                        r"(\s+and\s+\w+)?\s+)?by\b", re.IGNORECASE)
_SOURCE_RE = re.compile(r"^(based\s+(up)?on|adapted\s+from|from\s+the)\b", re.IGNORECASE)
_COPY_RE = re.compile(r"(\u00a9|\(c\)|copyright)", re.IGNORECASE)
_DATE_RE = re.compile(r"(\d{1,4}[/.\-]\d{1,2}([/.\-]\d{1,4})?|\b(jan|feb|mar|apr|may|jun|jul|"
                      r"aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\bdraft\b)", re.IGNORECASE)


def _read_title_page(root: etree._Element) -> list[m.TitleField]:
    pars = root.findall("TitlePage/Content/Paragraph")
    if not pars:
        return []
    keyed = [p for p in pars if p.get(_A + "key") is not None]
    if keyed:
        return _keyed_title(keyed)
    # Blocks of non-empty paragraphs with one alignment, split at empty paragraphs.
    blocks: list[tuple[str, list[m.Text], int]] = []
    prev_empty = True
    for p in pars:
        text = _tidy(_runs(p))
        align = "center" if p.get("Alignment") == "Center" else "left"
        if not m.plain(text).strip():
            prev_empty = True
            continue
        values = _split_lines(text)
        if prev_empty or not blocks or blocks[-1][0] != align:
            blocks.append((align, values, p.sourceline or 0))
        else:
            blocks[-1][1].extend(values)
        prev_empty = False
    fields: list[m.TitleField] = []
    seen: set[str] = set()
    after_credit = False
    for align, values, line in blocks:
        s = " ".join(m.plain(v) for v in values)
        if align == "center":
            if "Title" not in seen:
                key = "Title"
            elif (c := _CREDIT_RE.match(s)) and not s[c.end():].strip():
                key = "Credit"  # "Written by", with the names in the next block
            elif _SOURCE_RE.match(s) or (c and "Author" in seen):
                key = "Source"  # "based on the novel by ...", "Story by KTM"
            elif after_credit or "Author" not in seen:
                key = "Author"
            else:
                key = "Notes"
            after_credit = key == "Credit"
        else:
            after_credit = False
            if _COPY_RE.search(s):
                key = "Copyright"
            elif _DATE_RE.search(s) and len(s) < 40 and "Draft date" not in seen:
                key = "Draft date"
            elif "Contact" not in seen:
                key = "Contact"
            else:
                key = "Notes"
        seen.add(key)
        fields.append(m.TitleField(key, values, (line, line)))
    return fields


def _split_lines(text: m.Text) -> list[m.Text]:
    out: list[list[m.Run]] = [[]]
    for r in text:
        parts = r.text.split("\n") if r.kind == m.TEXT else [r.text]
        for k, piece in enumerate(parts):
            if k:
                out.append([])
            if piece:
                out[-1].append(m.Run(piece, r.style, r.kind))
    return [m.normalize_text(v) for v in out if v]


def _keyed_title(pars: list[etree._Element]) -> list[m.TitleField]:
    fields: dict[int, m.TitleField] = {}
    for p in pars:
        idx = _int_attr(p, _A + "index", len(fields))
        f = fields.get(idx)
        line = p.sourceline or 0
        if f is None:
            f = fields[idx] = m.TitleField(p.get(_A + "key") or "", [], (line, line))
        if p.get(_A + "empty") != "true":
            f.values.append(_runs(p))
    return [fields[k] for k in sorted(fields)]


def read_fdx_bytes(data: bytes, source: str | None = None) -> m.Document:
    """Read an FDX file (from Final Draft, Fade In, Highland, ...) into the model."""
    tree = parse_xml_bytes(data, source)
    root = tree.getroot()
    if root.tag != "FinalDraft":
        raise InputError(f"not a Final Draft file: the root element is <{root.tag}>, "
                         "not <FinalDraft>", line=root.sourceline, source=source)
    content = root.find("Content")
    if content is None:
        raise InputError("Final Draft file has no <Content>", source=source)
    r = _Reader()
    for p in content.iterchildren("Paragraph"):
        r.paragraph(p)
    doc = m.Document(_read_title_page(root), r.body, r.diags)
    return doc


def read_fdx(text: str) -> m.Document:
    return read_fdx_bytes(text.encode("utf-8"))
