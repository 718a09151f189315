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
from collections import namedtuple

#: ``typing`` is imported for type checkers only: at run time it costs a one-shot
#: render milliseconds, and the annotations here are never evaluated.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Iterator

# ---------------------------------------------------------------------------
# Inline text
# ---------------------------------------------------------------------------

BOLD = 1
ITALIC = 2
UNDERLINE = 4

#: Kinds of inline run.  Notes and boneyard can stand inside a line of text.
TEXT, NOTE, BONEYARD = "text", "note", "boneyard"


class Run(namedtuple("Run", ("text", "style", "kind"), defaults=(0, TEXT))):
    """A stretch of text with one style: the unit of inline emphasis.

    ``style`` is a bit set of BOLD, ITALIC and UNDERLINE.  ``kind`` is
    ``"text"`` for printed text, ``"note"`` for an inline ``[[note]]`` and
    ``"boneyard"`` for inline ``/* omitted */`` text; those two never print.
    Line breaks inside an element are ``"\\n"`` in the text.

    A named tuple rather than a dataclass: a feature script has tens of
    thousands of runs, and a tuple is built several times faster.
    """

    __slots__ = ()
    text: str
    style: int
    kind: str

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


class Record:
    """Base of the model's element classes: field-wise equality and a readable repr.

    Hand-written classes with ``__slots__`` rather than dataclasses: creating a
    dataclass runs generated code through the compiler, and importing
    ``dataclasses`` pulls in ``inspect``, milliseconds that every one-shot
    ``screenplay render`` paid.  Each class lists its fields in ``__slots__``
    (in constructor order; a subclass adding none keeps its base's), names the
    ones that are not part of its identity in ``_not_compared`` (source lines,
    forcing marks) and the ones its repr leaves out in ``_not_shown``.
    """

    __slots__ = ()
    _not_compared: ClassVar[frozenset[str]] = frozenset(("lines",))
    _not_shown: ClassVar[frozenset[str]] = frozenset(("lines",))

    #: The fields in constructor order: the ``__slots__`` of the class that declares them.
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        if cls.__slots__:
            cls._fields = tuple(cls.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        skip = self._not_compared
        return all(getattr(self, n) == getattr(other, n)
                   for n in self._fields if n not in skip)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the elements it models

    def __repr__(self) -> str:
        skip = self._not_shown
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields if n not in skip)
        return f"{type(self).__name__}({inner})"


def field_names(obj: "Record | type[Record]") -> tuple[str, ...]:
    """The fields of a model element (or element class), in constructor order."""
    cls = obj if isinstance(obj, type) else type(obj)
    return cls._fields


#: ``forced`` records how an element was marked in the source (``!``, ``@``,
#: ``.``, ``>``).  It is kept for tools that want to know, but it is not part of
#: identity: the writer adds a forcing mark wherever the element would otherwise
#: be misread, so the same content may be forced in one spelling and not another.
_NOT_IDENTITY = frozenset(("lines", "forced"))


class TitleField(Record):
    """One title-page entry: a key and its value lines, in source order."""

    __slots__ = ("key", "values", "lines")

    def __init__(self, key: str, values: list[Text], lines: Lines = NO_LINES) -> None:
        self.key = key
        self.values = values
        self.lines = lines


class TextElement(Record):
    """Base of the elements that are a piece of text and nothing else."""

    __slots__ = ("text", "lines")

    def __init__(self, text: Any, lines: Lines = NO_LINES) -> None:
        self.text = text
        self.lines = lines


class ForcibleText(Record):
    """Base of the text elements a writer can force with a mark (``!``, ``>``)."""

    __slots__ = ("text", "forced", "lines")
    _not_compared = _NOT_IDENTITY

    def __init__(self, text: Text, forced: bool = False, lines: Lines = NO_LINES) -> None:
        self.text = text
        self.forced = forced
        self.lines = lines


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


class SceneHeading(Record):
    """A scene heading such as ``INT. HOUSE - KITCHEN - NIGHT``.

    ``text`` is the heading as written (without a forcing dot or scene number);
    the parsed parts are derived from it so that the written form and the parts
    can never disagree.  ``number`` is the scene number (``"12A"``) or None.
    """

    __slots__ = ("text", "number", "forced", "lines")
    _not_compared = _NOT_IDENTITY

    def __init__(self, text: Text, number: str | None = None, forced: bool = False,
                 lines: Lines = NO_LINES) -> None:
        self.text = text
        self.number = number
        self.forced = forced
        self.lines = lines

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


class HeadingParts(namedtuple("HeadingParts", ("int_ext", "location", "sublocation", "time"))):
    """A heading taken apart: INT/EXT, place, room and time of day."""

    __slots__ = ()
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


class Action(ForcibleText):
    """Action (description).  Line breaks and leading indentation are kept."""

    __slots__ = ()


class Character(Record):
    """A character cue: name, extensions such as ``V.O.``, and markers.

    ``extensions`` are the parenthesised notes after the name, without their
    parentheses (``("V.O.", "CONT'D")``).  ``forced`` is the ``@`` marker,
    ``dual`` the ``^`` that sets this speech beside the one before it.
    """

    __slots__ = ("name", "extensions", "forced", "dual", "lines")
    _not_compared = _NOT_IDENTITY

    def __init__(self, name: str, extensions: tuple[str, ...] = (), forced: bool = False,
                 dual: bool = False, lines: Lines = NO_LINES) -> None:
        self.name = name
        self.extensions = extensions
        self.forced = forced
        self.dual = dual
        self.lines = lines

    @property
    def cue(self) -> str:
        """The cue as printed: name and extensions, without markers."""
        return " ".join([self.name] + [f"({e})" for e in self.extensions])


class Parenthetical(TextElement):
    """A wryly inside a speech; ``text`` excludes the parentheses."""

    __slots__ = ()
    text: Text


class Dialogue(TextElement):
    """Spoken lines inside a speech; ``"\\n"`` marks a line break."""

    __slots__ = ()
    text: Text


class Lyrics(TextElement):
    """Sung lines (``~``), inside a speech or standing alone."""

    __slots__ = ()
    text: Text


SpeechPart = Parenthetical | Dialogue | Lyrics


class Speech(Record):
    """A character cue and what follows it up to the next blank line."""

    __slots__ = ("character", "parts", "lines")

    def __init__(self, character: Character, parts: list[SpeechPart] | None = None,
                 lines: Lines = NO_LINES) -> None:
        self.character = character
        self.parts = [] if parts is None else parts
        self.lines = lines


class Transition(ForcibleText):
    """A transition such as ``CUT TO:``; ``forced`` is the ``>`` marker."""

    __slots__ = ()


class Centered(TextElement):
    """Centred text (``> THE END <``); one entry per line."""

    __slots__ = ()
    text: Text


class PageBreak(Record):
    """A forced page break (``===``)."""

    __slots__ = ("lines",)

    def __init__(self, lines: Lines = NO_LINES) -> None:
        self.lines = lines


class Section(Record):
    """An outline section (``#``, ``##``...); never printed."""

    __slots__ = ("text", "depth", "lines")

    def __init__(self, text: Text, depth: int = 1, lines: Lines = NO_LINES) -> None:
        self.text = text
        self.depth = depth
        self.lines = lines


class Synopsis(TextElement):
    """A synopsis line (``= ...``); never printed."""

    __slots__ = ()
    text: Text


class Note(TextElement):
    """A note standing as its own paragraph (``[[...]]``); never printed."""

    __slots__ = ()
    text: str


class Boneyard(TextElement):
    """Text the writer has set aside (``/* ... */``); never printed."""

    __slots__ = ()
    text: str


Element = (SceneHeading | Action | Speech | Lyrics | Transition | Centered | PageBreak
           | Section | Synopsis | Note | Boneyard)

#: Elements that never appear on the printed page.
UNPRINTED = (Section, Synopsis, Note, Boneyard)


class Scene(Record):
    """A view of one scene: its heading and the elements up to the next heading."""

    __slots__ = ("index", "heading", "body")
    _not_compared = _not_shown = frozenset()

    def __init__(self, index: int, heading: SceneHeading, body: list[Element]) -> None:
        self.index = index
        self.heading = heading
        self.body = body

    @property
    def lines(self) -> Lines:
        last = self.body[-1].lines[1] if self.body else self.heading.lines[1]
        return (self.heading.lines[0], max(last, self.heading.lines[1]))


class Diagnostic(Record):
    """Something a reader noticed but could read past (an unclosed note, say)."""

    __slots__ = ("line", "message", "rule", "severity")
    _not_compared = _not_shown = frozenset()

    def __init__(self, line: int, message: str, rule: str, severity: str = "warning") -> None:
        self.line = line
        self.message = message
        self.rule = rule
        self.severity = severity


class Document(Record):
    """A whole screenplay: title page and a flat sequence of elements.

    Scenes are a view over the sequence (:meth:`scenes`) rather than a nesting,
    so that material before the first heading (sections, a cold open's action)
    has a place and the Fountain order is kept exactly.  ``diagnostics`` (what
    the reader noticed) is not part of a document's identity.
    """

    __slots__ = ("title_page", "body", "diagnostics")
    _not_compared = _not_shown = frozenset(("diagnostics",))

    def __init__(self, title_page: list[TitleField] | None = None,
                 body: list[Element] | None = None,
                 diagnostics: list[Diagnostic] | None = None) -> None:
        self.title_page = [] if title_page is None else title_page
        self.body = [] if body is None else body
        self.diagnostics = [] if diagnostics is None else diagnostics

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
