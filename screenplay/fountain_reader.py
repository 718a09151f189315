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
from collections import namedtuple

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
#: The characters _FORBIDDEN matches, one by one: a substring test per character
#: (memchr in C) checks a whole script many times faster than one regex search.
_FORBIDDEN_CHARS = tuple(map(chr, (*range(9), 11, *range(14, 32), 127)))


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


class _Line(namedtuple("_Line", ("text", "first", "last"))):
    """One masked line and the source lines it stands for.

    ``text`` is the masked text, tabs kept; ``first`` the 1-based source line
    where it starts, ``last`` the one where it ends (after any multi-line
    region).  ``collections.namedtuple`` rather than ``typing.NamedTuple``:
    importing ``typing`` costs a one-shot run milliseconds.
    """

    __slots__ = ()
    text: str
    first: int
    last: int


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


#: Masked lines as three parallel lists (text, first and last source line) and
#: the masked regions: lists index faster than a tuple per line is built.
_Masked = tuple[list[str], list[int], list[int], list[tuple[str, str]]]


def _mask_lines(text: str, diags: list[Diagnostic]) -> _Masked:
    """Cut out notes and boneyard; return the masked lines and the regions."""
    if "/*" not in text and "[[" not in text:
        # Nothing can open a region (an escape only ever hides an opener), so
        # there is nothing to mask, nothing to report, and line i is source line i + 1.
        parts = text.split("\n")
        numbers = list(range(1, len(parts) + 1))
        return parts, numbers, numbers, []
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

    search = _MASK_TOKEN.search
    while pos < n:
        m = search(text, pos)
        if not m:
            break
        tok = m.group()
        if tok[0] == "\\" or tok == "*/":
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
    if not spans:
        parts = text.split("\n")
        numbers = list(range(1, len(parts) + 1))
        return parts, numbers, numbers, regions
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
    texts = "".join(pieces).split("\n")
    firsts: list[int] = []
    lasts: list[int] = []
    src = 1
    for i in range(len(texts)):
        add = extra.get(i, 0)
        firsts.append(src)
        lasts.append(src + add)
        src += 1 + add
    return texts, firsts, lasts, regions


def _mask(text: str, diags: list[Diagnostic]) -> tuple[list[_Line], list[tuple[str, str]]]:
    """The masked lines as :class:`_Line` tuples (the writer's view of pass 1)."""
    texts, firsts, lasts, regions = _mask_lines(text, diags)
    new = tuple.__new__
    return [new(_Line, t) for t in zip(texts, firsts, lasts)], regions


# ---------------------------------------------------------------------------
# Passes 2 and 3
# ---------------------------------------------------------------------------

#: Characters that can start an un-forced heading (HEADING_RE is case-blind, so
#: this includes the Turkish dotted and dotless I), and that can follow those
#: (besides white space; "\u017f" is a long s).  Set tests are far cheaper than a
#: failing case-blind regex match, and most paragraphs start otherwise.
_HEADING_FIRST = frozenset("EIei\u0130\u0131\u0418\u041d\u042d\u0438\u043d\u044d")
_HEADING_SECOND = frozenset("/NSXnsx\u017f\u0410\u041a\u041d\u0430\u043a\u043d")
#: First characters of a line that is not plain action on its own (see line_kind).
_KIND_FIRST = frozenset("=#>.~!")
#: First characters of a line that ends an action paragraph when not at its head
#: ("." only when it forces a heading).
_ACTION_STOP = frozenset("=#>~.")
_PAREN_OPEN = frozenset("(\uff08")
_PAREN_CLOSE = (")", "\uff09")
_DIALOGUE_STOP = frozenset("(\uff08~")
_UNSEEN = object()


def split_cue(s: str) -> tuple[str, tuple[str, ...], bool]:
    """A stripped cue line's name, extensions and dual mark (``^``), as CUE_RE reads them.

    Most cues are a bare name: the regex runs only when a bracket or caret is there.
    """
    if "(" in s or "^" in s or "\uff08" in s:
        m = CUE_RE.match(s)
        assert m is not None  # CUE_RE matches any string
        ext = m.group("ext")
        exts = tuple(e.strip() for e in _EXT_RE.findall(ext)) if ext else ()
        return m.group("name").strip(), exts, bool(m.group("dual"))
    return s, (), False

def _plain_cue(s: str) -> tuple[str, tuple[str, ...], bool] | None:
    """``(name, extensions, dual)``, the name unescaped, when ``s`` reads as a cue, else None.

    ``s`` is a stripped line without placeholders that the caller has already
    found to be no heading, transition or page break: with those settled this is
    :func:`looks_like_cue` and the cue parsing of a speech in one pass.
    """
    head = s.split("(", 1)[0] if "(" in s else s
    # Quick no for most action.  For ASCII text, any change under upper() is a
    # lower-case letter, so the character scan is only needed beyond ASCII.
    if head.upper() != head and (head.isascii() or any(c.islower() for c in head)):
        return None
    name, exts, dual = split_cue(s)
    if not cue_name_ok(name):
        return None
    return (unescape(name) if "\\" in name else name), exts, dual


class _Reader:
    """One parse.  Lines are indices into parallel lists, and a paragraph is a
    range of them, so no per-line or per-paragraph objects are built."""

    def __init__(self, text: str):
        self.diags: list[Diagnostic] = []
        self.raw, self.first, self.last, self.regions = _mask_lines(text, self.diags)
        self.strip: list[str] = list(map(str.strip, self.raw))
        self.body: list[Element] = []
        self.cues: dict[str, object] = {}  # stripped line -> _plain_cue(line)
        regions = self.regions
        self.inline = (lambda s: parse_inline(s, regions)) if regions else parse_inline

    # -- helpers -----------------------------------------------------------
    def region_only(self, s: str) -> tuple[str, str] | None:
        """The (kind, content) of a line that is nothing but one note or boneyard."""
        s = s.strip()
        if _PLACE_RE.fullmatch(s):
            return self.regions[int(s[1:-1])]
        return None

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source lines of masked lines ``i`` to ``j`` inclusive."""
        return (self.first[i], self.last[j])

    # -- title page --------------------------------------------------------
    def title_page(self) -> tuple[list[TitleField], int]:
        i = 0
        raw, strip = self.raw, self.strip
        n = len(raw)
        prelude: list[int] = []  # notes or boneyard standing before the title page
        while i < n:
            t = strip[i]
            if not t:
                i += 1
            elif PLACEHOLDER in t and self.region_only(t) is not None:
                prelude.append(i)
                i += 1
            else:
                break
        if i >= n:
            return [], 0
        first = raw[i]
        if first[0] in " \t" or not _TITLE_KEY_RE.match(first) or is_heading(first) \
                or is_transition(first.strip()):
            return [], 0
        for k in prelude:
            kind_r, content = self.region_only(strip[k])  # type: ignore[misc]
            span = self.span(k, k)
            self.body.append(Note(content, span) if kind_r == "note" else Boneyard(content, span))
        inline = self.inline
        fields: list[TitleField] = []
        while i < n and strip[i]:
            line = raw[i]
            m = _TITLE_KEY_RE.match(line) if line[:1] not in (" ", "\t") else None
            if m:
                val = m.group("value").strip()
                fields.append(TitleField(unescape(m.group("key").strip()),
                                         [inline(val)] if val else [], self.span(i, i)))
            elif fields:
                fields[-1].values.append(inline(strip[i]))
                fields[-1].lines = (fields[-1].lines[0], self.last[i])
            i += 1
        return fields, i

    # -- paragraphs ----------------------------------------------------------
    def read(self) -> Document:
        title, i = self.title_page()
        raw, strip = self.raw, self.strip
        n = len(strip)
        head = self.block_head
        while i < n:
            if not strip[i]:
                i += 1
                continue
            # A paragraph runs to the next blank line; a line of exactly two
            # spaces between two lines of text is kept inside it.
            end = i + 1
            while True:  # list.index finds the next blank line without a Python-level loop
                try:
                    end = strip.index("", end)
                except ValueError:
                    end = n
                    break
                if raw[end] == "  " and end + 1 < n and strip[end + 1]:
                    end += 1
                else:
                    break
            while i < end:
                i = head(i, end)
                # A kept empty line left at the head after a one-line element is a gap.
                while i < end and not strip[i]:
                    i += 1
        return Document(title, self.body, self.diags)

    def block_head(self, i: int, end: int) -> int:
        """Read the element(s) at the head of paragraph lines ``i:end``; return where the rest starts."""
        s = self.strip[i]
        c = s[0]
        if c in _KIND_FIRST:
            kind = line_kind(s)
            if kind != "action":
                return self.forced_head(kind, s, i, end)
        # Placeholders exist only where something was masked (input may not hold NUL).
        masked = bool(self.regions) and PLACEHOLDER in s
        if masked:
            # Paragraph-level notes and boneyard.
            reg = self.region_only(s)
            if reg is not None:
                kind_r, content = reg
                span = self.span(i, i)
                self.body.append(Note(content, span) if kind_r == "note"
                                 else Boneyard(content, span))
                return i + 1
        if c in _HEADING_FIRST and (s[1:2] in _HEADING_SECOND or s[1:2].isspace()) \
                and HEADING_RE.match(s):
            self.heading(s, False, i)
            return i + 1
        if s.endswith("TO:") and is_transition(strip_placeholders(s).strip()):
            # Lenient: a transition followed directly by text is still one.
            self.body.append(Transition(self.inline(s), False, (self.first[i], self.last[i])))
            return i + 1
        if end - i > 1:
            if c == "@" or masked:
                if c == "@" or looks_like_cue(s):
                    return self.speech(i, end)
            else:
                # Not a heading or transition (just tested) nor a page break
                # (it would start with "="): what _plain_cue needs.
                cue = self.cues.get(s, _UNSEEN)
                if cue is _UNSEEN:  # a script repeats its cues: parse each once
                    cue = self.cues[s] = _plain_cue(s)
                if cue is not None:
                    name, exts, dual = cue  # type: ignore[misc]
                    return self.speech_body(i, end, name, exts, False, dual)
        return self.action(i, end)

    def forced_head(self, kind: str, s: str, i: int, end: int) -> int:
        """An element a line's first character decides (see :func:`line_kind`)."""
        span = self.span(i, i)
        if kind == "heading":
            self.heading(s[1:], True, i)
        elif kind == "pagebreak":
            self.body.append(PageBreak(span))
        elif kind == "section":
            depth = len(s) - len(s.lstrip("#"))
            self.body.append(Section(self.inline(s[depth:].strip()), depth, span))
        elif kind == "synopsis":
            self.body.append(Synopsis(self.inline(s[1:].strip()), span))
        elif kind == "transition":
            self.body.append(Transition(self.inline(s[1:].strip()), True, span))
        elif kind == "centered" or kind == "lyric":
            return self.run_of(i, end, kind)
        else:  # forced_action
            return self.action(i, end)
        return i + 1

    def run_of(self, i: int, end: int, kind: str) -> int:
        strip = self.strip
        texts: list[str] = []
        k = i
        while k < end and line_kind(strip[k]) == kind:
            s = strip[k]
            texts.append(s[1:-1].strip() if kind == "centered" else s[1:].strip())
            k += 1
        span = (self.first[i], self.last[k - 1])
        t = self.inline("\n".join(texts))
        self.body.append(Centered(t, span) if kind == "centered" else Lyrics(t, span))
        return k

    def action(self, i: int, end: int) -> int:
        raw, strip, regions = self.raw, self.strip, self.regions
        texts: list[str] = []
        forced = False
        k = i
        while k < end:
            line = raw[k]
            s = strip[k]
            c = s[:1]
            if k > i and ((c in _ACTION_STOP and (c != "." or is_forced_heading(s))) or
                          (regions and PLACEHOLDER in s and self.region_only(s))):
                break  # another element starts here
            if c == "!":  # forced action: drop the "!", keep the indentation
                body = line.lstrip()
                line = line[: len(line) - len(body)] + body[1:]
                if k == i:
                    forced = True
            texts.append((line.replace("\t", "    ") if "\t" in line else line).rstrip())
            k += 1
        text = texts[0] if len(texts) == 1 else "\n".join(texts)
        self.body.append(Action(self.inline(text), forced, (self.first[i], self.last[k - 1])))
        return k

    def heading(self, s: str, forced: bool, i: int) -> None:
        number = None
        if "#" in s:
            m = SCENE_NUMBER_RE.search(s)
            if m:
                number = m.group(1)
                s = s[: m.start()]
        self.body.append(SceneHeading(self.inline(s.strip()), number, forced,
                                      (self.first[i], self.last[i])))

    def speech(self, i: int, end: int) -> int:
        """Read a forced cue, or one with notes in it, and its speech; return where the rest starts."""
        s = self.strip[i]
        forced = s.startswith("@")
        if forced:
            s = s[1:].strip()
        name, exts, dual = split_cue(s)
        if PLACEHOLDER in name:
            name = strip_placeholders(name).strip()
        if "\\" in name:
            name = unescape(name)
        return self.speech_body(i, end, name, exts, forced, dual)

    def speech_body(self, i: int, end: int, name: str, exts: tuple[str, ...], forced: bool,
                    dual: bool) -> int:
        """The speech under the cue on line ``i``: it takes the rest of the paragraph."""
        first, last = self.first, self.last
        if not name:
            # "@" with nothing after it (or only a note): a cue must name someone, and
            # the XML schema refuses an empty name, so this is action, not a speech.
            self.diags.append(Diagnostic(first[i], "'@' cue without a name; read as action",
                                         "empty-cue"))
            return self.action(i, end)
        character = Character(name, exts, forced, dual, (first[i], last[i]))
        parts: list[SpeechPart] = []
        texts = self.strip
        inline = self.inline
        k = i + 1
        while k < end:
            t = texts[k]
            c = t[:1]
            if c in _PAREN_OPEN:
                j = k
                while j < end - 1 and not texts[j].endswith(_PAREN_CLOSE):
                    j += 1
                if texts[j].endswith(_PAREN_CLOSE):
                    chunk = t if j == k else "\n".join(texts[k:j + 1])
                    parts.append(Parenthetical(inline(chunk[1:-1].strip()), (first[k], last[j])))
                    k = j + 1
                    continue
            j = k + 1
            if c == "~":
                while j < end and texts[j][:1] == "~":
                    j += 1
                body = "\n".join(x[1:].strip() for x in texts[k:j])
                parts.append(Lyrics(inline(body), (first[k], last[j - 1])))
            else:
                while j < end and texts[j][:1] not in _DIALOGUE_STOP:
                    j += 1
                body = t if j == k + 1 else "\n".join(texts[k:j])
                parts.append(Dialogue(inline(body), (first[k], last[j - 1])))
            k = j
        self.body.append(Speech(character, parts, (first[i], last[end - 1])))
        return end


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
    if any(c in text for c in _FORBIDDEN_CHARS):
        m = _FORBIDDEN.search(text)
        assert m is not None
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
