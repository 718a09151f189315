"""The typed document model every reader produces and every writer consumes.

One model, many formats (the pandoc/docutils design): the Fountain, XML and FDX
readers build a :class:`Document`; the Fountain, JSON, XML, PDF and HTML writers
only ever read one.  Nothing renders straight from source text.

Every element records the source lines it came from (``lines``, 1-based and
inclusive) so that checks and errors can point at the line a writer edits.
Source positions are not part of an element's identity: two documents are equal
when their content is equal, wherever it stood in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple, Union

# ---------------------------------------------------------------------------
# Inline text
# ---------------------------------------------------------------------------

BOLD = 1
ITALIC = 2
UNDERLINE = 4

#: Kinds of inline run.  Notes and boneyard can stand inside a line of text.
TEXT, NOTE, BONEYARD = "text", "note", "boneyard"


class Run(NamedTuple):
    """A stretch of text with one style: the unit of inline emphasis.

    ``style`` is a bit set of BOLD, ITALIC and UNDERLINE.  ``kind`` is
    ``"text"`` for printed text, ``"note"`` for an inline ``[[note]]`` and
    ``"boneyard"`` for inline ``/* omitted */`` text; those two never print.
    Line breaks inside an element are ``"\\n"`` in the text.

    A named tuple rather than a dataclass: a feature script has tens of
    thousands of runs, and a tuple is built several times faster.
    """

    text: str
    style: int = 0
    kind: str = TEXT

    @property
    def bold(self) -> bool:
        return bool(self.style & BOLD)

    @property
    def italic(self) -> bool:
        return bool(self.style & ITALIC)

    @property
    def underline(self) -> bool:
        return bool(self.style & UNDERLINE)


Text = tuple[Run, ...]


def text_of(s: str, style: int = 0) -> Text:
    """Build a Text from a plain string (empty string gives an empty Text)."""
    return (Run(s, style),) if s else ()


def plain(text: Text) -> str:
    """The printed characters of a Text: emphasis dropped, notes and boneyard left out."""
    return "".join(r.text for r in text if r.kind == TEXT)


def normalize_text(runs: "list[Run] | Text") -> Text:
    """Canonical form of inline runs: no empty runs, neighbours of one style merged.

    Readers and writers both pass through this so that two spellings of the same
    emphasis compare equal.
    """
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if r.kind == TEXT and not r.text.strip(" \t\n") and r.style:
            # Emphasis on white space alone cannot be written in Fountain.
            r = Run(r.text, 0, TEXT)
        if out and out[-1].kind == r.kind == TEXT and out[-1].style == r.style:
            out[-1] = Run(out[-1].text + r.text, r.style, TEXT)
        else:
            out.append(r)
    return tuple(out)


# ---------------------------------------------------------------------------
# Elements
# ---------------------------------------------------------------------------

Lines = tuple[int, int]
NO_LINES: Lines = (0, 0)


def _lines_field() -> Lines:
    return field(default=NO_LINES, compare=False, repr=False)  # type: ignore[return-value]


def _forced_field() -> bool:
    """How an element was marked in the source (``!``, ``@``, ``.``, ``>``).

    Kept for tools that want to know, but not part of identity: the writer adds
    a forcing mark wherever the element would otherwise be misread, so the
    same content may be forced in one spelling and not in another.
    """
    return field(default=False, compare=False)  # type: ignore[return-value]


@dataclass
class TitleField:
    """One title-page entry: a key and its value lines, in source order."""

    key: str
    values: list[Text]
    lines: Lines = _lines_field()


#: Words that, as the last ``-`` part of a heading, name its time of day.
TIMES_OF_DAY = frozenset(
    """DAY NIGHT MORNING EVENING AFTERNOON DAWN DUSK SUNRISE SUNSET NOON MIDNIGHT
    TWILIGHT LATER CONTINUOUS SAME MOMENTS MOMENT LATE EARLY MIDDAY NIGHTTIME
    DAYTIME PRE-DAWN CONT'D""".split()
)
_TIME_PHRASES = ("MOMENTS LATER", "SAME TIME", "A MOMENT LATER", "MAGIC HOUR",
                 "LATE NIGHT", "EARLY MORNING", "LATE AFTERNOON", "EARLY EVENING",
                 "LATER THAT NIGHT", "LATER THAT DAY", "NEXT DAY", "THE NEXT DAY",
                 "NEXT MORNING", "THE NEXT MORNING", "SAME DAY", "DAY/NIGHT")

_PREFIX = re.compile(
    r"^(?P<p>INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT|EXT|EST|I\s*/\s*E|E\s*/\s*I"
    r"|ИНТ\.?\s*/\s*НАТ|ИНТ|НАТ|ЭКСТ)"
    r"(?:[.。]|\s|$)\s*",
    re.IGNORECASE,
)
#: Russian scripts write INT./EXT. as ИНТ./НАТ. (интерьер/натура); ЭКСТ. also occurs.
_PREFIX_NAMES = {"INT": "INT", "EXT": "EXT", "EST": "EST",
                 "ИНТ": "INT", "НАТ": "EXT", "ЭКСТ": "EXT"}


def _is_time(part: str) -> bool:
    # "NIGHT (1973)" is still night: a parenthesised year or note does not count.
    up = re.sub(r"\s*\([^)]*\)", "", part).strip().upper()
    if not up:
        return False
    if up in _TIME_PHRASES:
        return True
    words = re.split(r"[\s/]+", up.strip("() "))
    return bool(words) and all(w in TIMES_OF_DAY or w.isdigit() for w in words)


@dataclass
class SceneHeading:
    """A scene heading such as ``INT. HOUSE - KITCHEN - NIGHT``.

    ``text`` is the heading as written (without a forcing dot or scene number);
    the parsed parts are derived from it so that the written form and the parts
    can never disagree.  ``number`` is the scene number (``"12A"``) or None.
    """

    text: Text
    number: str | None = None
    forced: bool = _forced_field()
    lines: Lines = _lines_field()

    @property
    def plain(self) -> str:
        return plain(self.text)

    def parts(self) -> "HeadingParts":
        return parse_heading(self.plain)

    @property
    def int_ext(self) -> str | None:
        return self.parts().int_ext

    @property
    def location(self) -> str:
        return self.parts().location

    @property
    def sublocation(self) -> str | None:
        return self.parts().sublocation

    @property
    def time(self) -> str | None:
        return self.parts().time


@dataclass(frozen=True)
class HeadingParts:
    """A heading taken apart: INT/EXT, place, room and time of day."""

    int_ext: str | None
    location: str
    sublocation: str | None
    time: str | None


def parse_heading(text: str) -> HeadingParts:
    """Split heading text into its parts.

    ``INT`` / ``EXT`` / ``INT/EXT`` / ``I/E`` / ``EST`` become the canonical
    ``INT``, ``EXT``, ``INT/EXT`` or ``EST``.  The last `` - `` part is the time
    of day when it reads as one; the part before that, if any, is the room.
    """
    s = text.strip()
    ie: str | None = None
    m = _PREFIX.match(s)
    if m:
        p = re.sub(r"[\s.]", "", m.group("p").upper())
        ie = _PREFIX_NAMES.get(p, "INT/EXT")
        s = s[m.end():]
    parts = [p.strip() for p in re.split(r"\s+[-\u2013\u2014]+\s+|\s*--\s*", s) if p.strip()]
    time = None
    if len(parts) >= 2 and _is_time(parts[-1]):
        time = parts.pop()
    elif len(parts) == 1 and ie is None and _is_time(parts[0]):
        return HeadingParts(None, "", None, parts[0])
    location = parts[0] if parts else ""
    sub = " - ".join(parts[1:]) if len(parts) > 1 else None
    return HeadingParts(ie, location, sub, time)


@dataclass
class Action:
    """Action (description).  Line breaks and leading indentation are kept."""

    text: Text
    forced: bool = _forced_field()
    lines: Lines = _lines_field()


@dataclass
class Character:
    """A character cue: name, extensions such as ``V.O.``, and markers.

    ``extensions`` are the parenthesised notes after the name, without their
    parentheses (``("V.O.", "CONT'D")``).  ``forced`` is the ``@`` marker,
    ``dual`` the ``^`` that sets this speech beside the one before it.
    """

    name: str
    extensions: tuple[str, ...] = ()
    forced: bool = _forced_field()
    dual: bool = False
    lines: Lines = _lines_field()

    @property
    def cue(self) -> str:
        """The cue as printed: name and extensions, without markers."""
        return " ".join([self.name] + [f"({e})" for e in self.extensions])


@dataclass
class Parenthetical:
    """A wryly inside a speech; ``text`` excludes the parentheses."""

    text: Text
    lines: Lines = _lines_field()


@dataclass
class Dialogue:
    """Spoken lines inside a speech; ``"\\n"`` marks a line break."""

    text: Text
    lines: Lines = _lines_field()


@dataclass
class Lyrics:
    """Sung lines (``~``), inside a speech or standing alone."""

    text: Text
    lines: Lines = _lines_field()


SpeechPart = Union[Parenthetical, Dialogue, Lyrics]


@dataclass
class Speech:
    """A character cue and what follows it up to the next blank line."""

    character: Character
    parts: list[SpeechPart] = field(default_factory=list)
    lines: Lines = _lines_field()


@dataclass
class Transition:
    """A transition such as ``CUT TO:``; ``forced`` is the ``>`` marker."""

    text: Text
    forced: bool = _forced_field()
    lines: Lines = _lines_field()


@dataclass
class Centered:
    """Centred text (``> THE END <``); one entry per line."""

    text: Text
    lines: Lines = _lines_field()


@dataclass
class PageBreak:
    """A forced page break (``===``)."""

    lines: Lines = _lines_field()


@dataclass
class Section:
    """An outline section (``#``, ``##``...); never printed."""

    text: Text
    depth: int = 1
    lines: Lines = _lines_field()


@dataclass
class Synopsis:
    """A synopsis line (``= ...``); never printed."""

    text: Text
    lines: Lines = _lines_field()


@dataclass
class Note:
    """A note standing as its own paragraph (``[[...]]``); never printed."""

    text: str
    lines: Lines = _lines_field()


@dataclass
class Boneyard:
    """Text the writer has set aside (``/* ... */``); never printed."""

    text: str
    lines: Lines = _lines_field()


Element = Union[SceneHeading, Action, Speech, Lyrics, Transition, Centered, PageBreak,
                Section, Synopsis, Note, Boneyard]

#: Elements that never appear on the printed page.
UNPRINTED = (Section, Synopsis, Note, Boneyard)


@dataclass
class Scene:
    """A view of one scene: its heading and the elements up to the next heading."""

    index: int
    heading: SceneHeading
    body: list[Element]

    @property
    def lines(self) -> Lines:
        last = self.body[-1].lines[1] if self.body else self.heading.lines[1]
        return (self.heading.lines[0], max(last, self.heading.lines[1]))


@dataclass
class Diagnostic:
    """Something a reader noticed but could read past (an unclosed note, say)."""

    line: int
    message: str
    rule: str
    severity: str = "warning"


@dataclass
class Document:
    """A whole screenplay: title page and a flat sequence of elements.

    Scenes are a view over the sequence (:meth:`scenes`) rather than a nesting,
    so that material before the first heading (sections, a cold open's action)
    has a place and the Fountain order is kept exactly.
    """

    title_page: list[TitleField] = field(default_factory=list)
    body: list[Element] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list, compare=False, repr=False)

    def scenes(self) -> list[Scene]:
        out: list[Scene] = []
        for el in self.body:
            if isinstance(el, SceneHeading):
                out.append(Scene(len(out) + 1, el, []))
            elif out:
                out[-1].body.append(el)
        return out

    def title_value(self, key: str) -> list[Text] | None:
        """Value lines of the first title-page field with this key (any case)."""
        k = key.lower()
        for f in self.title_page:
            if f.key.lower() == k:
                return f.values
        return None

    @property
    def title(self) -> str | None:
        v = self.title_value("title")
        return " ".join(plain(t) for t in v).strip() if v else None

    def speeches(self) -> Iterator[Speech]:
        for el in self.body:
            if isinstance(el, Speech):
                yield el

    def characters(self) -> list[str]:
        """Cue names in order of first appearance."""
        seen: dict[str, None] = {}
        for sp in self.speeches():
            seen.setdefault(sp.character.name, None)
        return list(seen)
