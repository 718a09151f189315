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

from .errors import InputError
from .gcpause import gc_paused
from .inline import PLACEHOLDER, parse_inline, unescape
from .model import (
    Action, Boneyard, Centered, Character, Diagnostic, Dialogue, Document, Element, Lyrics,
    Note, PageBreak, Parenthetical, SceneHeading, Section, Speech, SpeechPart, Synopsis,
    TitleField, Transition, normalize_text,
)
from .fountain_mask import mask, mask_lines
from .fountain_rules import (
    CUE_RE, EXT_RE, FORBIDDEN_CHARS, FORBIDDEN_RE, HEADING_RE, PAGE_BREAK_RE, PLACE_RE,
    SCENE_NUMBER_RE, TITLE_KEY_RE, TRANSITION_RE, cue_name_ok, is_forced_heading, is_heading,
    is_transition, line_kind, looks_like_cue, strip_placeholders,
)
from .textio import decode_text

__all__ = ["parse_fountain", "read_fountain_bytes", "split_cue", "mask", "CUE_RE", "HEADING_RE",
           "PAGE_BREAK_RE", "SCENE_NUMBER_RE", "TITLE_KEY_RE", "TRANSITION_RE", "cue_name_ok",
           "is_forced_heading", "is_heading", "is_transition", "line_kind", "looks_like_cue",
           "strip_placeholders"]


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
        exts = tuple(e.strip() for e in EXT_RE.findall(ext)) if ext else ()
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
        self.raw, self.first, self.last, self.regions = mask_lines(text, self.diags)
        self.strip: list[str] = list(map(str.strip, self.raw))
        self.body: list[Element] = []
        self.cues: dict[str, object] = {}  # stripped line -> _plain_cue(line)
        regions = self.regions
        self.inline = (lambda s: parse_inline(s, regions)) if regions else parse_inline

    # -- helpers -----------------------------------------------------------
    def region_only(self, s: str) -> tuple[str, str] | None:
        """The (kind, content) of a line that is nothing but one note or boneyard."""
        s = s.strip()
        if PLACE_RE.fullmatch(s):
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
        if first[0] in " \t" or not TITLE_KEY_RE.match(first) or is_heading(first) \
                or is_transition(first.strip()):
            return [], 0
        inline = self.inline
        fields: list[TitleField] = []
        while i < n and strip[i]:
            line = raw[i]
            m = TITLE_KEY_RE.match(line) if line[:1] not in (" ", "\t") else None
            if m:
                val = m.group("value").strip()
                fields.append(TitleField(unescape(m.group("key").strip()),
                                         [inline(val)] if val else [], self.span(i, i)))
            elif fields:
                fields[-1].values.append(inline(strip[i]))
                fields[-1].lines = (fields[-1].lines[0], self.last[i])
            i += 1
        if len(fields) == 1 and not fields[0].values and fields[0].key.isupper():
            # one capitalised word and a colon alone ("FADE IN:", "COLD OPEN:")
            # is how a script's first line of action often reads, not a title page
            return [], 0
        for k in prelude:
            kind_r, content = self.region_only(strip[k])  # type: ignore[misc]
            span = self.span(k, k)
            self.body.append(Note(content, span) if kind_r == "note" else Boneyard(content, span))
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
                seen = self.cues.get(s, _UNSEEN)
                if seen is _UNSEEN:  # a script repeats its cues: parse each once
                    seen = self.cues[s] = _plain_cue(s)
                if seen is not None:
                    cue: tuple[str, tuple[str, ...], bool] = seen  # type: ignore[assignment]
                    name, exts, dual = cue
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
    if any(c in text for c in FORBIDDEN_CHARS):
        m = FORBIDDEN_RE.search(text)
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
