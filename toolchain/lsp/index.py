"""What the server knows about one open document, built from the project's own reader.

:class:`DocumentIndex` parses the text once with :func:`screenplay.fountain_reader.parse_fountain`
and derives what the features ask for: scenes and sections with their source
lines, every character's cues with their columns, known locations and times of
day.  The costlier parts (pagination, action mentions of names) are computed on
first use, so a keystroke pays only for the parse.  Lines here are 0-based and
columns code points; :mod:`.text` converts to LSP's UTF-16 columns at the edge.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, cast

from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.model import Action, Document, SceneHeading, Section, Speech, plain
from screenplay.textio import MAX_INPUT_BYTES

from .text import split_lines

if TYPE_CHECKING:
    from screenplay.layout import Layout, SceneSpan


class Span:
    """A stretch of one line: 0-based line, code-point columns [start, end)."""

    __slots__ = ("line", "start", "end")

    def __init__(self, line: int, start: int, end: int) -> None:
        self.line, self.start, self.end = line, start, end

    def __contains__(self, pos: tuple[int, int]) -> bool:
        return pos[0] == self.line and self.start <= pos[1] <= self.end

    def __repr__(self) -> str:
        return f"Span({self.line}, {self.start}, {self.end})"


class SceneInfo:
    """One scene: 1-based index, heading as written, its source number, first and last line."""

    __slots__ = ("index", "heading", "number", "line", "end_line", "element")

    def __init__(self, index: int, element: SceneHeading, line: int, end_line: int) -> None:
        self.index = index
        self.element = element
        self.heading = element.plain.strip()
        self.number = element.number
        self.line = line
        self.end_line = end_line


class SectionInfo:
    """One outline section: title, depth (number of ``#``), first and last line."""

    __slots__ = ("title", "depth", "line", "end_line")

    def __init__(self, title: str, depth: int, line: int, end_line: int) -> None:
        self.title, self.depth, self.line, self.end_line = title, depth, line, end_line


class CharacterInfo:
    """A character as the cues name it: every cue's span and the scenes they speak in."""

    __slots__ = ("name", "cues", "scenes", "extensions")

    def __init__(self, name: str) -> None:
        self.name = name
        self.cues: list[Span] = []
        self.scenes: list[int] = []     # scene indices, in order, without repeats
        self.extensions: dict[str, None] = {}  # extensions used with this name, in order

    @property
    def speeches(self) -> int:
        return len(self.cues)


def check_size(text: str) -> None:
    """Refuse text the command line would refuse: over the input limit or not encodable."""
    if len(text) * 4 <= MAX_INPUT_BYTES:  # cannot be over the limit: skip the encoding
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            line = text.count("\n", 0, e.start) + 1
            raise InputError(f"contains a lone surrogate (U+{ord(text[e.start]):04X}), "
                             "not text", line=line) from None
        return
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise InputError("contains a lone surrogate, not text") from None
    if size > MAX_INPUT_BYTES:
        raise InputError(f"document is {size / 1e6:.1f} MB, over the "
                         f"{MAX_INPUT_BYTES / 1e6:.0f} MB input limit")


#: Heading text -> (location, time of day): headings repeat across versions of a document.
_PARTS: dict[str, tuple[str, str | None]] = {}


def _heading_parts(heading: str) -> tuple[str, str | None]:
    got = _PARTS.get(heading)
    if got is None:
        from screenplay.model import parse_heading
        parts = parse_heading(heading)
        got = (parts.location, parts.time)
        if len(_PARTS) > 50_000:
            _PARTS.clear()
        _PARTS[heading] = got
    return got


def _cue_span(line_text: str, line: int, name: str) -> Span:
    col = line_text.find(name)
    if col < 0:  # an escaped or oddly spelled cue: point at the line's text
        col = len(line_text) - len(line_text.lstrip())
        return Span(line, col, len(line_text.rstrip()))
    return Span(line, col, col + len(name))


class DocumentIndex:
    """One version of one document, read and indexed.

    ``error`` is set (and ``doc`` None) when the text cannot be read as Fountain
    at all: a control character, a lone surrogate, over the size limit.  ``reader``
    is the Fountain reader, or an :class:`~.incremental.IncrementalReader` that
    re-reads only what changed since the last version.
    """

    def __init__(self, text: str, version: int | None = None,
                 reader: Callable[[str], Document] = parse_fountain) -> None:
        self.text = text
        self.version = version
        self.lines = split_lines(text)
        self.doc: Document | None = None
        self.error: InputError | None = None
        self.scenes: list[SceneInfo] = []
        self.sections: list[SectionInfo] = []
        self.characters: dict[str, CharacterInfo] = {}
        self.locations: dict[str, None] = {}
        self.times: dict[str, None] = {}
        self.transitions: dict[str, None] = {}
        self.cue_lines: dict[int, tuple[str, Span]] = {}
        self._layout: Layout | None = None
        self._mentions: dict[int, list[tuple[Span, str]]] | None = None
        try:
            check_size(text)
            self.doc = reader(text)
        except InputError as e:
            self.error = e
            return
        except RecursionError:
            self.error = InputError("document is nested too deeply")
            return
        self._index(self.doc)

    # -- building -----------------------------------------------------------
    def _index(self, doc: Document) -> None:
        """One pass over the elements (dispatch on the exact type: a long script has tens
        of thousands of elements, and this runs after every keystroke)."""
        from screenplay.model import Transition
        lines, n_lines = self.lines, len(self.lines)
        scenes, characters, cue_lines = self.scenes, self.characters, self.cue_lines
        scene = 0
        current: SceneInfo | None = None  # the scene being extended, None after a section
        open_sections: list[SectionInfo] = []
        last_line = 0
        for el in doc.body:
            t = el.__class__
            if t is Speech:
                c = cast(Speech, el).character
                name = c.name
                info = characters.get(name)
                if info is None:
                    info = characters[name] = CharacterInfo(name)
                ln = (c.lines[0] or el.lines[0]) - 1
                span = _cue_span(lines[ln] if 0 <= ln < n_lines else "", ln, name)
                info.cues.append(span)
                cue_lines[ln] = (name, span)
                if scene and (not info.scenes or info.scenes[-1] != scene):
                    info.scenes.append(scene)
                for e in c.extensions:
                    info.extensions.setdefault(e, None)
            elif t is SceneHeading:
                scene += 1
                first, last = el.lines
                current = SceneInfo(scene, cast(SceneHeading, el), first - 1, last - 1)
                scenes.append(current)
                location, time = _heading_parts(current.heading)
                if location:
                    self.locations.setdefault(location, None)
                if time:
                    self.times.setdefault(time, None)
            elif t is Section:
                current = None
                sec = cast(Section, el)
                depth = sec.depth
                while open_sections and open_sections[-1].depth >= depth:
                    open_sections.pop().end_line = max(last_line - 1, 0)
                first, last = sec.lines
                info_s = SectionInfo(plain(sec.text).strip(), depth, first - 1, last - 1)
                self.sections.append(info_s)
                open_sections.append(info_s)
            elif t is Transition:
                text = plain(cast(Transition, el).text).strip()
                self.transitions.setdefault(text, None)
            last = el.lines[1]
            if last:
                last_line = last
                if current is not None and last - 1 > current.end_line:
                    current.end_line = last - 1
        for info_o in open_sections:
            info_o.end_line = max(last_line - 1, info_o.line)

    # -- lookups ------------------------------------------------------------
    def scene_at(self, line: int) -> SceneInfo | None:
        """The scene whose heading is on this 0-based line."""
        for s in self.scenes:
            if s.line == line:
                return s
            if s.line > line:
                break
        return None

    def layout(self) -> Layout | None:
        """The document's pagination (computed once per version, on first use)."""
        if self._layout is None and self.doc is not None:
            from screenplay.layout import paginate
            self._layout = paginate(self.doc)
        return self._layout

    def page_count(self) -> int:
        lay = self.layout()
        return len(lay.pages) if lay else 0

    def scene_span(self, index: int) -> SceneSpan | None:
        lay = self.layout()
        if lay is None:
            return None
        for s in lay.scenes:
            if s.index == index:
                return s
        return None

    def mentions(self) -> dict[int, list[tuple[Span, str]]]:
        """Character names written in action, by 0-based line: ``[(span, name)]``.

        A mention is the name as the cue spells it, as a whole word (``BOB`` in
        ``BOB'S car``, not in ``BOBBY``); action is where a script introduces
        and refers to its characters.
        """
        if self._mentions is not None:
            return self._mentions
        found: dict[int, list[tuple[Span, str]]] = {}
        names = sorted(self.characters, key=len, reverse=True)
        if names and self.doc is not None:
            pat = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, names)))
            for el in self.doc.body:
                if not isinstance(el, Action):
                    continue
                for ln in range(el.lines[0] - 1, el.lines[1]):
                    text = self.lines[ln] if 0 <= ln < len(self.lines) else ""
                    for m in pat.finditer(text):
                        found.setdefault(ln, []).append((Span(ln, m.start(), m.end()),
                                                         m.group()))
        self._mentions = found
        return found

    def name_at(self, line: int, col: int) -> tuple[str, Span] | None:
        """The character name at a position, in a cue or an action mention."""
        pos = (line, col)
        cue = self.cue_lines.get(line)
        if cue is not None and pos in cue[1]:
            return cue
        for span, name in self.mentions().get(line, ()):
            if pos in span:
                return name, span
        return None
