"""The layout's data: page profiles, laid lines, pages, scene spans and the Layout.

Kept apart from the code that makes them (:mod:`screenplay.layout_paginate`,
:mod:`screenplay.layout_blocks`) so that every layout module imports these
types from here and imports flow one way: ``layout`` (the public entry point)
-> ``layout_paginate`` -> ``layout_blocks`` -> ``layout_text`` / ``layout_types``.
"""
from __future__ import annotations

from collections import namedtuple

from .model import Element, SpeechPart, Text, TitleField

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _F = TypeVar("_F", bound="_Frozen")

#: Most pages one script may lay out.  A feature is about 120 pages and a season of
#: television a few hundred; past this a file is refused before it can exhaust memory
#: (16 MB of nothing but forced page breaks would otherwise ask for millions of pages).
MAX_PAGES = 5000

#: ``LaidLine.row`` of the page-number / revision-header line above the body.
HEADER_ROW = -1

#: Line kinds that belong to the script text (the rest is page furniture).
CONTENT_KINDS = frozenset({
    "heading", "action", "character", "parenthetical", "dialogue", "lyrics",
    "transition", "centered", "more",
})
#: Page furniture: printed, but not part of any element and not counted in eighths.
FURNITURE_KINDS = frozenset({
    "page-number", "header", "scene-number", "continued-top", "continued-bottom",
    # production drafts (screenplay/revisions.py, locking.py, production.py)
    "revision-mark", "revision-header", "footer",
})


class _Frozen:
    """Base of the immutable profile objects: fields fixed at construction.

    Plain classes with ``__slots__`` rather than frozen dataclasses, so that
    importing the layout does not import :mod:`dataclasses` (and :mod:`inspect`)
    nor generate code per class.  A profile is cached and shared by every
    caller (:func:`load_profile`), hence immutable: change one with
    :meth:`_replace`, which returns a copy.
    """

    __slots__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; use ._replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _replace(self: _F, **changes: Any) -> _F:
        """A copy with some fields changed, like a named tuple's ``_replace``."""
        cls = type(self)
        bad = set(changes) - set(cls.__slots__)
        if bad:
            raise TypeError(f"{cls.__name__} has no field(s) {', '.join(sorted(bad))}")
        new = object.__new__(cls)
        for name in cls.__slots__:
            object.__setattr__(new, name, changes[name] if name in changes else getattr(self, name))
        return new

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    def __repr__(self) -> str:
        args = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({args})"


def _init_fields(obj: object, names: tuple[str, ...], values: tuple[Any, ...]) -> None:
    setattr_ = object.__setattr__
    for name, value in zip(names, values):
        setattr_(obj, name, value)


class ElementStyle(_Frozen):
    """Geometry of one element kind: where it starts, how wide, space before it."""

    __slots__ = ("left_in", "width", "space_before", "caps", "italic", "align", "right_in",
                 "axis_in", "hang")
    left_in: float
    width: int
    space_before: int
    caps: bool
    italic: bool
    align: str          # "left" | "right" | "center"
    right_in: float     # right edge for right-aligned kinds
    axis_in: float      # axis for centred kinds
    hang: int           # first row starts this many columns left (parenthetical "(")

    def __init__(self, left_in: float = 1.5, width: int = 60, space_before: int = 1,
                 caps: bool = False, italic: bool = False, align: str = "left",
                 right_in: float = 7.5, axis_in: float = 4.25, hang: int = 0) -> None:
        _init_fields(self, self.__slots__, (left_in, width, space_before, caps, italic, align,
                                            right_in, axis_in, hang))

    def __hash__(self) -> int:  # immutable and made of scalars, as the frozen dataclass was
        return hash(tuple(getattr(self, n) for n in self.__slots__))


class Profile(_Frozen):
    """Everything that varies between paper sizes and script modes.

    Read from ``styles/profile-base.json`` with ``paper-<paper>.json`` and
    ``mode-<mode>.json`` laid over it (see :func:`load_profile`).  A profile is
    immutable and shared; tests and callers adjust a copy with ``_replace``, for
    example ``p._replace(body_rows=54)`` to reproduce Final Draft's page capacity.
    """

    __slots__ = (
        "paper", "mode", "page_width_in", "page_height_in", "body_rows", "top_margin_in",
        "body_left_in", "font_size_pt", "row_pitch_pt", "char_width_in", "elements",
        "dual_left", "dual_right", "more_text", "contd_text", "more_below_capacity",
        "page_number_right_in", "page_number_baseline_pt", "page_number_format",
        "page_number_first_page", "scene_numbers", "scene_number_left_in",
        "scene_number_right_in", "scene_continueds", "continued_bottom_in", "continued_top_in",
        "continued_counter", "auto_contd", "draft_header", "title_page", "first_baseline_pt",
        "glyph_advance_pt", "scene_number_sides", "more_contd", "print_title_page",
        "print_notes",
    )
    paper: str
    mode: str
    page_width_in: float
    page_height_in: float
    body_rows: int
    top_margin_in: float
    body_left_in: float
    font_size_pt: float
    row_pitch_pt: float
    char_width_in: float
    elements: dict[str, ElementStyle]
    dual_left: dict[str, float]
    dual_right: dict[str, float]
    more_text: str
    contd_text: str
    #: Final Draft lets (MORE) sit one row below the body capacity; the standard does not.
    more_below_capacity: bool
    page_number_right_in: float
    page_number_baseline_pt: float
    page_number_format: str
    page_number_first_page: bool
    scene_numbers: bool
    scene_number_left_in: float
    scene_number_right_in: float
    scene_continueds: bool
    continued_bottom_in: float
    continued_top_in: float
    continued_counter: bool
    auto_contd: bool
    draft_header: bool
    title_page: dict[str, float]
    #: Baseline of body row 0 from the top edge: Final Draft prints it 8 pt below the 1 in
    #: top margin (80 pt), not a whole row below it (84 pt).
    first_baseline_pt: float
    #: How far the PDF advances per character.  The layout's grid stays 0.1 in per
    #: column (rows start on it); Final Draft draws Courier at 7.0 pt, which is how its
    #: 6.0 in action column holds 61 characters.  Right-aligned and centred lines keep
    #: their right edge or axis when drawn.
    glyph_advance_pt: float
    #: Where scene numbers print when ``scene_numbers`` is on: both, left, right, none.
    scene_number_sides: str
    #: (MORE) and a (CONT'D) cue when a speech breaks across pages.
    more_contd: bool
    print_title_page: bool
    #: Notes ([[...]]) printed in the text instead of left out.
    print_notes: bool

    def __init__(self, paper: str, mode: str, page_width_in: float, page_height_in: float,
                 body_rows: int, top_margin_in: float = 1.0, body_left_in: float = 1.5,
                 font_size_pt: float = 12.0, row_pitch_pt: float = 12.0,
                 char_width_in: float = 0.1, elements: dict[str, ElementStyle] | None = None,
                 dual_left: dict[str, float] | None = None,
                 dual_right: dict[str, float] | None = None,
                 more_text: str = "(MORE)", contd_text: str = "(CONT'D)",
                 more_below_capacity: bool = False, page_number_right_in: float = 7.5,
                 page_number_baseline_pt: float = 48.0, page_number_format: str = "{n}.",
                 page_number_first_page: bool = False, scene_numbers: bool = False,
                 scene_number_left_in: float = 0.75, scene_number_right_in: float = 7.38,
                 scene_continueds: bool = False, continued_bottom_in: float = 6.0,
                 continued_top_in: float = 1.5, continued_counter: bool = True,
                 auto_contd: bool = False, draft_header: bool = False,
                 title_page: dict[str, float] | None = None,
                 first_baseline_pt: float | None = None,
                 glyph_advance_pt: float | None = None, scene_number_sides: str = "both",
                 more_contd: bool = True, print_title_page: bool = True,
                 print_notes: bool = False) -> None:
        _init_fields(self, self.__slots__, (
            paper, mode, page_width_in, page_height_in, body_rows, top_margin_in, body_left_in,
            font_size_pt, row_pitch_pt, char_width_in,
            {} if elements is None else elements,
            {} if dual_left is None else dual_left,
            {} if dual_right is None else dual_right,
            more_text, contd_text, more_below_capacity, page_number_right_in,
            page_number_baseline_pt, page_number_format, page_number_first_page, scene_numbers,
            scene_number_left_in, scene_number_right_in, scene_continueds, continued_bottom_in,
            continued_top_in, continued_counter, auto_contd, draft_header,
            {} if title_page is None else title_page,
            top_margin_in * 72.0 + row_pitch_pt if first_baseline_pt is None
            else first_baseline_pt,
            char_width_in * 72.0 if glyph_advance_pt is None else glyph_advance_pt,
            scene_number_sides, more_contd, print_title_page, print_notes))

    @property
    def page_width_pt(self) -> float:
        return self.page_width_in * 72.0

    @property
    def page_height_pt(self) -> float:
        return self.page_height_in * 72.0

    def baseline_pt(self, row: int) -> float:
        """Baseline of a row, in points from the top edge of the page."""
        if row == HEADER_ROW:
            return self.page_number_baseline_pt
        return self.first_baseline_pt + self.row_pitch_pt * row

    def style(self, kind: str) -> ElementStyle:
        return self.elements[kind]


class LaidLine(namedtuple("LaidLine", ("row", "x", "runs", "kind", "scene", "source",
                                         "align", "column", "part", "start", "end", "hard"),
                           defaults=(0, None, "left", None, None, 0, 0, False))):
    """One printed line segment at a fixed grid position, and where its text came from.

    ``runs`` keep emphasis (model ``Run`` objects, notes already removed).
    ``kind`` is an element kind (``CONTENT_KINDS``) or page furniture
    (``FURNITURE_KINDS``).  ``scene`` is the 1-based index of the scene the
    line belongs to (0 before the first heading).  ``source`` is the
    top-level element of ``Document.body`` it was laid out from (the whole
    ``Speech`` for a cue, its parentheticals, dialogue and (MORE); its
    ``.lines`` give the source lines), the ``TitleField`` on the title page,
    or None for furniture.  ``column`` is
    "left"/"right" inside dual dialogue, and names the margin of a scene number.
    ``part`` is the speech part (Parenthetical, Dialogue or Lyrics) a speech
    row came from, so two parts of one speech stay apart; None otherwise.

    ``start``/``end`` are the row's offsets in its :attr:`element`'s printed
    text (``layout_text.flatten(element.text).s``: notes dropped, tabs
    expanded, NFC; a cue's printed cue; a title field's values joined by
    ``"\n"``), so a reader of the layout never searches the text again.
    ``hard`` is True when the row ends at a line break of that text rather
    than at a wrap or at the element's end: a writer that reflows text (the
    HTML) keeps exactly those breaks.  Furniture has 0, 0, False.
    """

    __slots__ = ()
    row: int
    x: float
    runs: Text
    kind: str
    scene: int
    source: Element | TitleField | None
    align: str
    column: str | None
    part: SpeechPart | None
    start: int
    end: int
    hard: bool

    # A named tuple rather than a frozen dataclass, like the model's ``Run``:
    # a feature script lays out thousands of lines, and a frozen dataclass
    # pays one ``object.__setattr__`` call per field for each of them.

    @property
    def element(self) -> Element | SpeechPart | TitleField | None:
        """What the row prints: the speech part for a speech's part rows, else ``source``."""
        part = self.part
        return self.source if part is None else part

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def x_end(self) -> float:
        """Right edge in inches, assuming one grid column per character."""
        return self.x + 0.1 * len(self.text)


class Page:
    """One script page (the title page is separate and not counted)."""

    __slots__ = ("number", "label", "lines")

    def __init__(self, number: int, label: str, lines: list[LaidLine] | None = None) -> None:
        self.number = number
        self.label = label            # "2." etc.; "" when the page shows no number
        self.lines: list[LaidLine] = [] if lines is None else lines

    def body_lines(self) -> list[LaidLine]:
        """Lines in the body grid (row >= 0), furniture included."""
        return [ln for ln in self.lines if ln.row >= 0]

    def rows_used(self) -> int:
        rows = [ln.row for ln in self.lines if ln.row >= 0]
        return max(rows) + 1 if rows else 0


class SceneSpan:
    """Where a scene fell: its pages and its length in eighths (for reports)."""

    __slots__ = ("index", "number", "heading", "omitted", "first_page", "last_page",
                 "rows_by_page", "eighths")

    def __init__(self, index: int, number: str | None, heading: str, omitted: bool,
                 first_page: int, last_page: int, rows_by_page: dict[int, int] | None = None,
                 eighths: int = 0) -> None:
        self.index = index            # 1-based, as in Document.scenes()
        self.number = number          # printed scene number (shooting mode), else the source's
        self.heading = heading
        self.omitted = omitted
        self.first_page = first_page  # Page.number
        self.last_page = last_page
        self.rows_by_page: dict[int, int] = {} if rows_by_page is None else rows_by_page
        #: Length in eighths of a page; :func:`eighths_text` writes it ("1 3/8").
        self.eighths = eighths


def eighths_text(eighths: int) -> str:
    """Pages and eighths as production writes them: ``1 3/8``, ``4/8``, ``2``.

    The one definition: a scene's length is its ``SceneSpan.eighths`` written by this
    (the breakdown reports, the language server), never a second property.
    """
    whole, rest = divmod(eighths, 8)
    if whole and rest:
        return f"{whole} {rest}/8"
    return str(whole) if whole else f"{rest}/8"


class Layout:
    """The paginated script."""

    __slots__ = ("profile", "pages", "title_page", "scenes", "warnings", "watermark")

    def __init__(self, profile: Profile, pages: list[Page],
                 title_page: list[LaidLine] | None = None,
                 scenes: list[SceneSpan] | None = None,
                 warnings: list[str] | None = None) -> None:
        self.profile = profile
        self.pages = pages
        self.title_page = title_page
        self.scenes: list[SceneSpan] = [] if scenes is None else scenes
        self.warnings: list[str] = [] if warnings is None else warnings
        #: Text drawn diagonally in light grey on every page (production drafts), or None.
        self.watermark: str | None = None

    def page_of_scene(self, index: int) -> int | None:
        for s in self.scenes:
            if s.index == index:
                return s.first_page
        return None
