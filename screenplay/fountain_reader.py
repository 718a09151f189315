"""Fountain reader: source text to :class:`~screenplay.model.Document`.

Follows the syntax at fountain.io.  The work happens in three passes:

1. *Masking*: boneyard (``/* */``, nestable) and notes (``[[ ]]``, which may
   span lines but not a blank one) are cut out and replaced by placeholders, so
   that a note in a cue line or a commented-out scene cannot confuse the
   line rules.  A map keeps every remaining line's source line numbers.
2. *Blocks*: lines are grouped into paragraphs at blank lines (a line of exactly
   two spaces is not blank: it is the spec's way of keeping an empty line inside
   dialogue or action).
3. *Elements*: each paragraph is classified with the spec's rules (forcing
   characters first, then headings, transitions, cues, and action).

Where the spec is silent and tools differ, the reader is lenient in the way a
writer expects: a heading or ``TO:`` transition followed directly by text on
the next line is still a heading or transition.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .errors import InputError
from .gcpause import gc_paused
from .inline import PLACEHOLDER, parse_inline, unescape
from .model import (
    Action, Boneyard, Centered, Character, Diagnostic, Dialogue, Document, Element, Lyrics,
    Note, PageBreak, Parenthetical, SceneHeading, Section, Speech, SpeechPart, Synopsis,
    TitleField, Transition, normalize_text,
)
from .textio import decode_text

# ---------------------------------------------------------------------------
# Line rules, shared with the writer (which must know what it would be misread as)
# ---------------------------------------------------------------------------

#: The spec's heading prefixes, plus the Russian ИНТ./НАТ. (интерьер/натура) that
#: Cyrillic scripts use; the ideographic full stop is accepted after the prefix.
HEADING_RE = re.compile(
    r"^(?:INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT|EXT|EST|I\s*/\s*E|E\s*/\s*I"
    r"|\u0418\u041d\u0422\.?\s*/\s*\u041d\u0410\u0422|\u0418\u041d\u0422|\u041d\u0410\u0422|\u042d\u041a\u0421\u0422)"
    r"(?:[.\u3002]|\s)",
    re.IGNORECASE,
)
SCENE_NUMBER_RE = re.compile(r"\s*#([A-Za-z0-9][A-Za-z0-9.\-]*)#\s*$")
TRANSITION_RE = re.compile(r"^[^a-z]*TO:$")
PAGE_BREAK_RE = re.compile(r"^={3,}$")
CUE_RE = re.compile(r"^(?P<name>.*?)(?P<ext>(?:\s*[(\uff08][^()\uff08\uff09]*[)\uff09])*)\s*(?P<dual>\^)?\s*$")
_EXT_RE = re.compile(r"[(\uff08]([^()\uff08\uff09]*)[)\uff09]")
_PLACE_RE = re.compile("\x00\\d+\x00")
_TITLE_KEY_RE = re.compile(
    r"^(?P<key>[^\s:\uff1a\\!@#.>~=\[(\x00][^:\uff1a\x00]{0,40}?)\s*[:\uff1a]\s*(?P<value>.*)$")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def strip_placeholders(s: str) -> str:
    return _PLACE_RE.sub("", s) if PLACEHOLDER in s else s


def is_heading(line: str) -> bool:
    """An un-forced scene heading (``INT. ...``) on a stripped line."""
    return bool(HEADING_RE.match(line))


def is_forced_heading(line: str) -> bool:
    """``.HEADING``: one leading dot then a letter or digit (``...`` is action)."""
    return len(line) > 1 and line[0] == "." and line[1].isalnum()


def is_transition(line: str) -> bool:
    """An un-forced transition: upper case, ending in ``TO:``."""
    return line.endswith("TO:") and bool(TRANSITION_RE.match(line)) and \
        not line.startswith(("!", "@", "~", "=", "#", ">", "."))


def cue_name_ok(name: str) -> bool:
    """A cue name: some letter, no lower-case letter, no forcing character first."""
    if not name or name[0] in "!@#=~>.[(\\" or name.startswith("/*"):
        return False
    if name.upper() != name and any(c.islower() for c in name):
        return False
    if name.lower() != name:  # has an upper-case letter, so has a letter
        return True
    return any(c.isalpha() for c in name)  # caseless scripts (Japanese, say)


def looks_like_cue(line: str) -> bool:
    """Would this stripped line be read as a character cue if text followed it?"""
    s = strip_placeholders(line).strip() if PLACEHOLDER in line else line.strip()
    if not s:
        return False
    head = s.split("(", 1)[0]
    if head.upper() != head and any(c.islower() for c in head):  # quick no for most action
        return False
    if is_heading(s) or is_transition(s) or PAGE_BREAK_RE.match(s):
        return False
    m = CUE_RE.match(s)
    return bool(m) and cue_name_ok(m.group("name").strip())


def line_kind(line: str) -> str:
    """The kind a stripped line has on its own, whatever paragraph it stands in.

    One of ``pagebreak``, ``section``, ``synopsis``, ``centered``, ``transition``
    (forced), ``heading`` (forced), ``lyric``, ``forced_action`` or ``action``.
    """
    if not line:
        return "action"
    c = line[0]
    if c == "=":
        return "pagebreak" if PAGE_BREAK_RE.match(line) else "synopsis"
    if c == "#":
        return "section"
    if c == ">":
        return "centered" if line.endswith("<") and len(line) > 1 else "transition"
    if c == "." and is_forced_heading(line):
        return "heading"
    if c == "~":
        return "lyric"
    if c == "!":
        return "forced_action"
    return "action"


# ---------------------------------------------------------------------------
# Pass 1: masking of boneyard and notes
# ---------------------------------------------------------------------------

_MASK_TOKEN = re.compile(r"\\.|/\*|\*/|\[\[", re.S)
_BLANK_IN_NOTE = re.compile(r"\n(?!  \n)[ \t]*\n")


class _Line(NamedTuple):
    """One masked line and the source lines it stands for."""

    text: str  # masked text, tabs kept
    first: int  # 1-based source line where it starts
    last: int  # source line where it ends (after any multi-line region)


def _close_boneyard(text: str, opener: re.Match[str], memo: dict[int, int | None]) -> int | None:
    """Where the boneyard opened by ``opener`` ends (after its ``*/``), or None if never.

    Openers nest.  When the scan runs off the end of the text, every opener it
    passed is matched in the same pass and remembered in ``memo``, so that a file of
    many unclosed openers costs one scan, not one per opener.
    """
    stack = [opener.start()]
    q, n = opener.end(), len(text)
    seen: list[int] = []  # openers met on the way, in order
    pairs: dict[int, int] = {}
    while q < n:
        k = _MASK_TOKEN.search(text, q)
        if not k:
            break
        t = k.group()
        q = k.end()
        if t == "/*":
            stack.append(k.start())
            seen.append(k.start())
        elif t == "*/" and stack:
            pairs[stack.pop()] = q
            if not stack:
                return q
    for start in seen:
        memo[start] = pairs.get(start)
    return None


def _mask(text: str, diags: list[Diagnostic]) -> tuple[list[_Line], list[tuple[str, str]]]:
    regions: list[tuple[str, str]] = []
    spans: list[tuple[int, int, int]] = []  # (start, end, region index)
    pos = 0
    n = len(text)
    # Memos that keep hostile input (thousands of unclosed "/*" or "[[") linear:
    # where each "/*" scanned to the end of the text closes (None: never), the
    # last "]]" found and where its search began, and a running line count.
    bone_end: dict[int, int | None] = {}
    note_close, note_from = -1, n + 1
    counted, line_no = 0, 1

    def line_at(at: int) -> int:
        nonlocal counted, line_no
        line_no += text.count("\n", counted, at)
        counted = at
        return line_no

    while pos < n:
        m = _MASK_TOKEN.search(text, pos)
        if not m:
            break
        tok = m.group()
        if tok[0] == "\\":
            pos = m.end()
            continue
        if tok == "*/":
            pos = m.end()
            continue
        if tok == "[[":
            # The first "]]" at or after a point is the same for every point up to it.
            if not (note_from <= m.end() and (note_close < 0 or m.end() <= note_close)):
                note_close, note_from = text.find("]]", m.end()), m.end()
            close = note_close
            if close >= 0:
                if text.find("[[", m.end(), close) < 0:
                    body = text[m.end():close]
                    if not _BLANK_IN_NOTE.search(body):
                        spans.append((m.start(), close + 2, len(regions)))
                        if "\n" in body:
                            body = "\n".join("" if not ln.strip() else ln for ln in body.split("\n"))
                        regions.append(("note", body))
                        pos = close + 2
                        continue
            diags.append(Diagnostic(line_at(m.start()),
                                    "note '[[' is not closed before a blank line; read as text",
                                    "unclosed-note"))
            pos = m.end()
            continue
        # "/*": find the matching "*/" with nesting.
        if m.start() in bone_end:
            end = bone_end[m.start()]
        else:
            end = _close_boneyard(text, m, bone_end)
        if end is None:
            diags.append(Diagnostic(line_at(m.start()),
                                    "boneyard '/*' is never closed; read as text",
                                    "unclosed-boneyard"))
            pos = m.end()
            continue
        spans.append((m.start(), end, len(regions)))
        regions.append(("boneyard", text[m.end():end - 2]))
        pos = end
    # Build masked lines with their source line numbers.
    lines: list[_Line] = []
    if not spans:
        parts = text.split("\n")
        numbers = range(1, len(parts) + 1)
        new = tuple.__new__
        return [new(_Line, t) for t in zip(parts, numbers, numbers)], regions
    pieces: list[str] = []
    extra: dict[int, int] = {}  # masked line index -> newlines swallowed on it
    prev = 0
    masked_line = 0
    for start, end, idx in spans:
        seg = text[prev:start]
        pieces.append(seg)
        masked_line += seg.count("\n")
        pieces.append(f"\x00{idx}\x00")
        swallowed = text.count("\n", start, end)
        if swallowed:
            extra[masked_line] = extra.get(masked_line, 0) + swallowed
        prev = end
    pieces.append(text[prev:])
    src = 1
    for i, t in enumerate("".join(pieces).split("\n")):
        add = extra.get(i, 0)
        lines.append(_Line(t, src, src + add))
        src += 1 + add
    return lines, regions


# ---------------------------------------------------------------------------
# Passes 2 and 3
# ---------------------------------------------------------------------------


class _Reader:
    def __init__(self, text: str):
        self.diags: list[Diagnostic] = []
        self.lines, self.regions = _mask(text, self.diags)
        self.body: list[Element] = []

    # -- helpers -----------------------------------------------------------
    def inline(self, s: str):
        return parse_inline(s, self.regions)

    def region_only(self, s: str) -> tuple[str, str] | None:
        """The (kind, content) of a line that is nothing but one note or boneyard."""
        m = _PLACE_RE.fullmatch(s.strip())
        if m:
            return self.regions[int(s.strip()[1:-1])]
        return None

    # -- title page --------------------------------------------------------
    def title_page(self) -> tuple[list[TitleField], int]:
        i = 0
        lines = self.lines
        prelude: list[_Line] = []  # notes or boneyard standing before the title page
        while i < len(lines):
            t = lines[i].text.strip()
            if not t:
                i += 1
            elif PLACEHOLDER in t and self.region_only(t) is not None:
                prelude.append(lines[i])
                i += 1
            else:
                break
        if i >= len(lines):
            return [], 0
        first = lines[i].text
        m = _TITLE_KEY_RE.match(first)
        if not m or first[0] in " \t" or is_heading(first) or is_transition(first.strip()):
            return [], 0
        for ln in prelude:
            kind_r, content = self.region_only(ln.text.strip())  # type: ignore[misc]
            span = (ln.first, ln.last)
            self.body.append(Note(content, span) if kind_r == "note" else Boneyard(content, span))
        fields: list[TitleField] = []
        while i < len(lines) and lines[i].text.strip():
            ln = lines[i]
            raw = ln.text
            m = _TITLE_KEY_RE.match(raw) if raw[:1] not in (" ", "\t") else None
            if m:
                val = m.group("value").strip()
                fields.append(TitleField(unescape(m.group("key").strip()),
                                         [self.inline(val)] if val else [], (ln.first, ln.last)))
            elif fields:
                val = raw.strip()
                fields[-1].values.append(self.inline(val))
                fields[-1].lines = (fields[-1].lines[0], ln.last)
            i += 1
        return fields, i

    # -- blocks --------------------------------------------------------------
    def blocks(self, start: int) -> list[list[_Line]]:
        out: list[list[_Line]] = []
        cur: list[_Line] = []
        lines = self.lines
        n = len(lines)
        for i in range(start, n):
            ln = lines[i]
            t = ln.text
            if t.strip():
                cur.append(ln)
            elif t == "  " and cur and i + 1 < n and lines[i + 1].text.strip():
                cur.append(_Line("", ln.first, ln.last))
            elif cur:
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
        return out

    def read(self) -> Document:
        title, start = self.title_page()
        for block in self.blocks(start):
            self.block(block)
        return Document(title, self.body, self.diags)

    def block(self, block: list[_Line]) -> None:
        while block:
            # A kept empty line ("  ") left at the head after a one-line element is a gap.
            while block and not block[0].text.strip():
                block = block[1:]
            if block:
                block = self.block_head(block)

    def block_head(self, block: list[_Line]) -> list[_Line]:
        """Read the element(s) at the head of a paragraph; return what is left."""
        ln = block[0]
        s = ln.text.strip()
        span = (ln.first, ln.last)
        kind = line_kind(s)
        if kind == "action":
            if PLACEHOLDER in s:
                # Paragraph-level notes and boneyard.
                reg = self.region_only(s)
                if reg is not None:
                    kind_r, content = reg
                    self.body.append(Note(content, span) if kind_r == "note"
                                     else Boneyard(content, span))
                    return block[1:]
            if is_heading(s):
                self.heading(s, False, span)
                return block[1:]
            if s.endswith("TO:") and is_transition(strip_placeholders(s).strip()):
                # Lenient: a transition followed directly by text is still one.
                self.body.append(Transition(self.inline(s), False, span))
                return block[1:]
            if len(block) > 1 and (s[:1] == "@" or looks_like_cue(s)):
                return self.speech(block)
            return self.action(block)
        if kind == "heading":
            self.heading(s[1:], True, span)
            return block[1:]
        if kind == "pagebreak":
            self.body.append(PageBreak(span))
            return block[1:]
        if kind == "section":
            depth = len(s) - len(s.lstrip("#"))
            self.body.append(Section(self.inline(s[depth:].strip()), depth, span))
            return block[1:]
        if kind == "synopsis":
            self.body.append(Synopsis(self.inline(s[1:].strip()), span))
            return block[1:]
        if kind == "transition":
            self.body.append(Transition(self.inline(s[1:].strip()), True, span))
            return block[1:]
        if kind == "centered":
            return self.run_of(block, "centered")
        if kind == "lyric":
            return self.run_of(block, "lyric")
        return self.action(block)

    def run_of(self, block: list[_Line], kind: str) -> list[_Line]:
        texts: list[str] = []
        i = 0
        while i < len(block) and line_kind(block[i].text.strip()) == kind:
            s = block[i].text.strip()
            texts.append(s[1:-1].strip() if kind == "centered" else s[1:].strip())
            i += 1
        span = (block[0].first, block[i - 1].last)
        t = self.inline("\n".join(texts))
        self.body.append(Centered(t, span) if kind == "centered" else Lyrics(t, span))
        return block[i:]

    def action(self, block: list[_Line]) -> list[_Line]:
        texts: list[str] = []
        forced = False
        i = 0
        while i < len(block):
            raw = block[i].text
            s = raw.strip()
            k = line_kind(s)
            if i > 0 and (k not in ("action", "forced_action") or
                          (PLACEHOLDER in s and self.region_only(s))):
                break
            if k == "forced_action":
                lead = raw[: len(raw) - len(raw.lstrip())]
                raw = lead + raw.lstrip()[1:]
                if i == 0:
                    forced = True
            texts.append((raw.replace("\t", "    ") if "\t" in raw else raw).rstrip())
            i += 1
        span = (block[0].first, block[i - 1].last)
        self.body.append(Action(self.inline("\n".join(texts)), forced, span))
        return block[i:]

    def heading(self, s: str, forced: bool, span: tuple[int, int]) -> None:
        number = None
        m = SCENE_NUMBER_RE.search(s)
        if m:
            number = m.group(1)
            s = s[: m.start()]
        self.body.append(SceneHeading(self.inline(s.strip()), number, forced, span))

    def speech(self, block: list[_Line]) -> list[_Line]:
        """Read a cue and its speech; return the lines left over (none, unless not a speech)."""
        first = block[0]
        s = first.text.strip()
        forced = s.startswith("@")
        if forced:
            s = s[1:].strip()
        if "(" in s or "^" in s or "\uff08" in s:
            m = CUE_RE.match(s)
            assert m is not None  # CUE_RE matches any string
            name = m.group("name").strip()
            ext = m.group("ext")
            exts = tuple(e.strip() for e in _EXT_RE.findall(ext)) if ext else ()
            dual = bool(m.group("dual"))
        else:
            name, exts, dual = s, (), False
        if PLACEHOLDER in name:
            name = strip_placeholders(name).strip()
        if "\\" in name:
            name = unescape(name)
        if not name:
            # "@" with nothing after it (or only a note): a cue must name someone, and
            # the XML schema refuses an empty name, so this is action, not a speech.
            self.diags.append(Diagnostic(first.first, "'@' cue without a name; read as action",
                                         "empty-cue"))
            return self.action(block)
        character = Character(name, exts, forced, dual, (first.first, first.last))
        parts: list[SpeechPart] = []
        texts = [ln.text.strip() for ln in block]
        n = len(block)
        i = 1
        while i < n:
            t = texts[i]
            c = t[:1]
            if c == "(" or c == "\uff08":
                j = i
                while j < n - 1 and not texts[j].endswith((")", "\uff09")):
                    j += 1
                if texts[j].endswith((")", "\uff09")):
                    chunk = texts[i] if j == i else "\n".join(texts[i:j + 1])
                    parts.append(Parenthetical(self.inline(chunk[1:-1].strip()),
                                               (block[i].first, block[j].last)))
                    i = j + 1
                    continue
            j = i + 1
            if c == "~":
                while j < n and texts[j][:1] == "~":
                    j += 1
                body = "\n".join(x[1:].strip() for x in texts[i:j])
                parts.append(Lyrics(self.inline(body), (block[i].first, block[j - 1].last)))
            else:
                while j < n and texts[j][:1] not in ("(", "\uff08", "~"):
                    j += 1
                body = t if j == i + 1 else "\n".join(texts[i:j])
                parts.append(Dialogue(self.inline(body), (block[i].first, block[j - 1].last)))
            i = j
        self.body.append(Speech(character, parts, (first.first, block[-1].last)))
        return []


def parse_fountain(text: str) -> Document:
    """Read Fountain source text into a Document.

    Raises :class:`InputError` only for text that cannot be a screenplay at all
    (control characters); everything else reads, with diagnostics for what was
    doubtful.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" in text:
        text = text.replace("\x0c", "\n")
    m = _FORBIDDEN.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        raise InputError(f"control character U+{ord(m.group()):04X} is not allowed in Fountain text",
                         line=line)
    with gc_paused():
        return _Reader(text).read()


def read_fountain_bytes(data: bytes, source: str | None = None) -> Document:
    """Decode and parse a Fountain file's bytes."""
    text = decode_text(data, source)
    try:
        return parse_fountain(text)
    except InputError as e:
        e.source = source
        raise
