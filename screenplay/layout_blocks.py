"""Blocks: elements laid out as rows, with the rules for where each may break.

A block is the unit the paginator places: a paragraph (heading, action,
transition, centred text, loose lyrics), a speech, or a dual-dialogue pair.
Each block knows its rows, its legal split points (sentence ends, the
dialogue/parenthetical boundary) and the smallest part of it that may stand
at a page foot, so the paginator itself stays a short greedy loop.

Heights come from the wrap alone (one row per wrapped span), and a block
placed whole lays its lines directly (:meth:`Block.emit`): row objects are
only made for the blocks that are cut, so most text goes from a string slice
to its ``LaidLine`` in one step.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import namedtuple

from .layout_text import Flat, _clean, has_wide, row_end_hard, sentence_ends, wrap
from .layout_types import ElementStyle, LaidLine
from .model import ITALIC, TEXT, Element, Run, SpeechPart, Text, text_of

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Callable

#: Heights are counted no further than this: no page holds so many rows.
MAX_ROWS = 400

#: One segment of a printed row: a ``LaidLine`` without its row, i.e. x (in), runs,
#: kind, scene, source, align, column, speech part, start, end, hard break; placing
#: it is ``(row,) + seg``.
Seg = tuple[float, Text, str, int, Element | None, str, str | None, SpeechPart | None,
            int, int, bool]
Row = tuple[Seg, ...]

#: Builds a Run from its three fields in C (see ``layout_text._tuple_new``).
_tuple_new = tuple.__new__

#: ``round(x, 4)`` of the x positions seen so far.  Rounding a float to digits goes
#: through decimal string conversion (thousands of instructions), while a script has
#: only a few dozen distinct positions (margins plus a few columns of indent).
_ROUNDED: dict[float, float] = {}


def _round4(x: float) -> float:
    r = _ROUNDED.get(x)
    if r is None:
        r = round(x, 4)
        if x:  # 0.0 == -0.0 as keys, but they round to different signs: never cached
            if len(_ROUNDED) > 4096:  # unusual input (many centred widths): stay bounded
                _ROUNDED.clear()
            _ROUNDED[x] = r
    return r


_SPACES = re.compile(" *")


def _leading_spaces(s: str, at: int) -> int:
    """How many spaces start at ``s[at]``: indentation the layout keeps as an x offset."""
    return _SPACES.match(s, at).end() - at  # type: ignore[union-attr]  # " *" always matches


_CONTD = re.compile(r"CONT['\u2019]?D|CONT\.|CONTINUED|CONTINUING", re.IGNORECASE)


def contd_cue(cue: str, contd: str) -> str:
    """The cue for a speech continued on the next page: never doubled ("" adds nothing)."""
    return cue if not contd or _CONTD.search(cue) else f"{cue} {contd}"


def _plain_rows(s: str, st: int, left: float, width: int, kind: str, source: Element | None,
                column: str | None, first_width: int | None, first_left: float | None,
                part: SpeechPart | None, spans: list[tuple[int, int]] | None,
                scene: int, base: int = 0, full: str | None = None) -> list[Row]:
    """Rows of the usual paragraph: left-aligned, one style ``st`` over the whole of ``s``.

    Each row's runs are then its slice, and its x is the margin unless the row
    keeps indentation, so rounding happens once, not per row; text that fits
    on one row (most cues, headings and short lines) needs no ``wrap`` at all.
    ``base`` and ``full`` place ``s`` in its element's text (see ``Flat``).
    """
    x0 = first_left if first_left is not None else left
    rounded = _ROUNDED
    if spans is None:
        if len(s) <= (width if first_width is None else first_width) and "\n" not in s \
                and (s.isascii() or not has_wide(s)):
            # One row: what wrap() would give.
            b = len(s.rstrip(" "))
            if not b:
                return [()]
            hard = full is not None and row_end_hard(s, b, full, base)
            if s[0] == " ":
                lead = _leading_spaces(s, 0)
                return [((_round4(x0 + 0.1 * lead), (_tuple_new(Run, (s[lead:b], st, TEXT)),),
                          kind, scene, source, "left", column, part, base + lead, base + b,
                          hard),)]
            v = x0 + 0.0
            return [((rounded.get(v) or _round4(v), (_tuple_new(Run, (s[:b], st, TEXT)),),
                      kind, scene, source, "left", column, part, base, base + b, hard),)]
        spans = wrap(s, width, first_width)
    rows: list[Row] = []
    append = rows.append
    v = x0 + 0.0
    x_at = rounded.get(v) or _round4(v)   # what round(x0 + 0.1 * 0, 4) gives
    v = left + 0.0
    x_left = rounded.get(v) or _round4(v)
    check = full is not None or "\n" in s   # else no row ends at a line break
    for a, b in spans:
        if a == b:
            append(())
        else:
            if s[a] == " ":
                lead = _leading_spaces(s, a)
                x = _round4(x0 + 0.1 * lead)
                a += lead
            else:
                x = x_at
            append(((x, (_tuple_new(Run, (s[a:b], st, TEXT)),), kind, scene, source, "left",
                     column, part, base + a, base + b,
                     check and row_end_hard(s, b, full, base)),))
        x0 = left
        x_at = x_left
    return rows


def _emit_plain(s: str, st: int, left: float, width: int, kind: str, source: Element | None,
                column: str | None, part: SpeechPart | None,
                spans: list[tuple[int, int]] | None, scene: int, row: int,
                append: Callable[[LaidLine], None], base: int = 0,
                full: str | None = None) -> int:
    """Lay what ``_plain_rows`` would give (no first-row indent) straight as LaidLines.

    A block placed whole never needs its rows as objects: appending its lines
    from row ``row`` directly saves a tuple per segment and per row, and the
    second pass that turned them into lines.  Returns the row after the last.
    """
    new = _tuple_new
    rounded = _ROUNDED
    if spans is None:
        if len(s) <= width and "\n" not in s \
                and (s.isascii() or not has_wide(s)):  # one row, as wrap() gives it
            b = len(s.rstrip(" "))
            if b:
                if s[0] == " ":
                    lead = _leading_spaces(s, 0)
                    x = _round4(left + 0.1 * lead)
                else:
                    lead = 0
                    v = left + 0.0
                    x = rounded.get(v) or _round4(v)
                append(new(LaidLine, (row, x, (new(Run, (s[lead:b], st, TEXT)),), kind, scene,
                                      source, "left", column, part, base + lead, base + b,
                                      full is not None and row_end_hard(s, b, full, base))))
            return row + 1
        spans = wrap(s, width)
    v = left + 0.0
    x_left = rounded.get(v) or _round4(v)
    check = full is not None or "\n" in s   # else no row ends at a line break
    for a, b in spans:
        if a != b:
            if s[a] == " ":
                lead = _leading_spaces(s, a)
                x = _round4(left + 0.1 * lead)
                a += lead
            else:
                x = x_left
            append(new(LaidLine, (row, x, (new(Run, (s[a:b], st, TEXT)),), kind, scene, source,
                                  "left", column, part, base + a, base + b,
                                  check and row_end_hard(s, b, full, base))))
        row += 1
    return row


def emit_rows(rows: list[Row], row: int, append: Callable[[LaidLine], None]) -> int:
    """Lay rows as LaidLines from row ``row`` (a segment is a line without its row)."""
    new = _tuple_new
    for r in rows:
        for seg in r:
            append(new(LaidLine, (row,) + seg))
        row += 1
    return row


def _is_plain(flat: Flat) -> bool:
    """One style over the whole text (what ``_plain_rows`` handles)."""
    fs = flat.spans
    return len(fs) == 1 and fs[0][0] == 0 and fs[0][1] == len(flat.s)


def _rows_of(flat: Flat, left: float, width: int, kind: str, source: Element | None,
             align: str = "left", right: float = 7.5, axis: float = 4.25,
             extra_style: int = 0, column: str | None = None,
             first_width: int | None = None, first_left: float | None = None,
             part: SpeechPart | None = None,
             spans: list[tuple[int, int]] | None = None, scene: int = 0) -> list[Row]:
    """Rows of one paragraph; ``spans`` is its wrap when the caller already has it.

    Hot: every printed row of a script is made here, so the usual cases (left
    aligned, one style, often one row) skip the general loop and ``wrap``.
    """
    s = flat.s
    fs = flat.spans
    base, full = flat.base, flat.full
    if align == "left" and len(fs) == 1 and fs[0][0] == 0 and fs[0][1] == len(s):
        return _plain_rows(s, fs[0][2] | extra_style, left, width, kind, source, column,
                           first_width, first_left, part, spans, scene, base, full)
    if spans is None:
        spans = wrap(s, width, first_width)
    check = full is not None or "\n" in s   # else no row ends at a line break
    rows: list[Row] = []
    one = fs[0] if len(fs) == 1 else None
    if one is not None:  # one style throughout: cut rows inline
        x0, y0, st = one
        st |= extra_style
    cut = flat.cut
    first = True
    for a, b in spans:
        if a == b:
            rows.append(())
            first = False
            continue
        lead = _leading_spaces(s, a)
        a2 = a + lead
        if align == "right":
            x = right - 0.1 * (b - a2)
        elif align == "center":
            x = axis - 0.05 * (b - a2)
        else:
            x = (first_left if (first and first_left is not None) else left) + 0.1 * lead
        first = False
        runs: Text
        if one is not None:
            c = a2 if a2 > x0 else x0
            d = b if b < y0 else y0
            runs = (_tuple_new(Run, (s[c:d], st, TEXT)),) if c < d else ()
        else:
            runs = cut(a2, b, extra_style)
        rows.append(((_round4(x), runs, kind, scene, source, align, column, part, base + a2,
                      base + b, check and row_end_hard(s, b, full, base)),))
    return rows


class Block:
    """Base: a fixed list of rows that can only be cut by force."""

    __slots__ = ("scene", "space_before", "_rows")
    kind = "rows"
    keep_with_next = False

    def __init__(self, scene: int, space_before: int):
        self.scene = scene
        self.space_before = space_before
        self._rows: list[Row] | None = None

    def rows(self) -> list[Row]:
        rows = self._rows
        if rows is None:
            rows = self._rows = self._make_rows()
        return rows

    def _make_rows(self) -> list[Row]:
        return []

    def height(self) -> int:
        rows = self._rows
        if rows is None:
            rows = self._rows = self._make_rows()
        return len(rows)

    def emit(self, row: int, append: Callable[[LaidLine], None]) -> int | None:
        """Lay the whole block as lines from ``row`` without making its rows, if it can.

        Returns the row after the block, or None when the caller must lay
        :meth:`rows` instead.  Every line laid is script content.
        """
        return None

    def split(self, avail: int, extra: int) -> tuple[list[Row], "Block"] | None:
        """Largest legal top part fitting ``avail`` rows, and the rest; None if none."""
        return None

    def min_lead(self) -> int:
        """Fewest rows that may legally end a page (the whole height if unsplittable)."""
        return self.height()

    def force_split(self, avail: int) -> tuple[list[Row], "Block"]:
        """Last resort for a block taller than a page: cut at a row boundary."""
        rows = self.rows()
        n = max(1, min(avail, len(rows) - 1))
        return rows[:n], RowsBlock(rows[n:], self.scene)


class RowsBlock(Block):
    __slots__ = ()

    def __init__(self, rows: list[Row], scene: int):
        self.scene = scene
        self.space_before = 0
        self._rows = rows


class BreakBlock(Block):
    """A forced page break (``===``)."""

    __slots__ = ()
    kind = "break"

    def __init__(self, scene: int):
        self.scene = scene
        self.space_before = 0
        self._rows = []


class ParaBlock(Block):
    """A paragraph on one geometry: heading, action, transition, centred, loose lyrics."""

    __slots__ = ("kind", "flat", "style", "source", "splittable", "extra_style",
                 "first_row_extra", "keep_with_next", "mid_sentence_start", "_spans", "_cands",
                 "_height")

    def __init__(self, kind: str, flat: Flat, style: ElementStyle, source: Element | None,
                 scene: int, space_before: int | None = None, splittable: bool = False,
                 extra_style: int = 0, first_row_extra: tuple[Seg, ...] = ()):
        self.scene = scene
        self.space_before = style.space_before if space_before is None else space_before
        self._rows: list[Row] | None = None
        self.kind = kind
        self.flat = flat
        self.style = style
        self.source = source
        self.splittable = splittable
        self.extra_style = extra_style | (ITALIC if style.italic else 0)
        self.first_row_extra = first_row_extra
        self.keep_with_next = kind == "heading"
        self.mid_sentence_start = False   # a piece of a huge paragraph cut mid-sentence
        self._spans: list[tuple[int, int]] | None = None
        self._cands: list[tuple[int, int]] | None = None
        self._height: int | None = None

    def height(self) -> int:
        """One row per span of the wrap, so the rows need not exist yet (see :meth:`emit`)."""
        rows = self._rows
        if rows is not None:
            return len(rows)
        n = self._height
        if n is None:
            s = self.flat.s
            if len(s) <= self.style.width and "\n" not in s \
                    and (s.isascii() or not has_wide(s)):
                n = 1   # wrap()'s one-row case
            else:
                n = len(self.spans())
            self._height = n
        return n

    def emit(self, row: int, append: Callable[[LaidLine], None]) -> int | None:
        st = self.style
        flat = self.flat
        if self._rows is not None or self.first_row_extra or st.align != "left" \
                or not _is_plain(flat):
            return None
        return _emit_plain(flat.s, flat.spans[0][2] | self.extra_style, st.left_in, st.width,
                           self.kind, self.source, None, None, self._spans, self.scene, row,
                           append, flat.base, flat.full)

    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = wrap(self.flat.s, self.style.width)
        return self._spans

    def _make_rows(self) -> list[Row]:
        st = self.style
        flat = self.flat
        s = flat.s
        fs = flat.spans
        if st.align == "left" and len(fs) == 1 and fs[0][0] == 0 and fs[0][1] == len(s):
            rows = _plain_rows(s, fs[0][2] | self.extra_style, st.left_in, st.width, self.kind,
                               self.source, None, None, None, None, self._spans, self.scene,
                               flat.base, flat.full)
        else:
            rows = _rows_of(flat, st.left_in, st.width, self.kind, self.source, st.align,
                            st.right_in, st.axis_in, self.extra_style, None, None, None, None,
                            self._spans, self.scene)
        if self.first_row_extra and rows:
            rows[0] = rows[0] + self.first_row_extra
        return rows

    def _with(self, flat: Flat) -> "ParaBlock":
        return ParaBlock(self.kind, flat, self.style, self.source, self.scene, 0,
                         self.splittable, self.extra_style)

    def _candidates(self) -> list[tuple[int, int]]:
        """(top rows, offset) of legal sentence-end splits, ascending (made once)."""
        if self._cands is not None:
            return self._cands
        out: list[tuple[int, int]] = []
        if self.splittable and self.height() >= 4:
            spans = self.spans()
            ends = [e for (_, e) in spans]
            total = len(self.flat.s)
            for k in sentence_ends(self.flat.s):
                if k >= total or not self.flat.s[k:].strip():
                    continue
                top = bisect_left(ends, k) + 1
                if top >= 2 and len(spans) - top + 1 >= 2:
                    out.append((top, k))
        self._cands = out
        return out

    def _bottom_ok(self, k: int) -> bool:
        return len(wrap(self.flat.s[k:].strip(), self.style.width)) >= 2

    def split(self, avail: int, extra: int) -> tuple[list[Row], Block] | None:
        for top, k in reversed(self._candidates()):
            if top <= avail and self._bottom_ok(k):
                head = self._with(self.flat.sub(0, k).strip())
                return head.rows(), self._with(self.flat.sub(k).strip())
        return None

    def min_lead(self) -> int:
        for top, k in self._candidates():
            if self._bottom_ok(k):
                return top
        return self.height()

    def force_split(self, avail: int) -> tuple[list[Row], Block]:
        spans = self.spans()
        n = max(1, min(avail, len(spans) - 1))
        cut = spans[n][0]
        return self._with(self.flat.sub(0, cut)).rows()[:n], self._with(self.flat.sub(cut))


class SpeechGeometry(namedtuple("SpeechGeometry", ("cue_in", "cue_w", "paren_in", "paren_w",
                                                   "paren_hang", "dlg_in", "dlg_w", "column"),
                                  defaults=(None,))):
    """Columns of one speech: normal, or the left or right half of dual dialogue."""

    __slots__ = ()
    cue_in: float
    cue_w: int
    paren_in: float
    paren_w: int
    paren_hang: int
    dlg_in: float
    dlg_w: int
    column: str | None


class Part:
    """One parenthetical, dialogue or lyrics paragraph of a speech, with its rows cached."""

    __slots__ = ("kind", "flat", "source", "rows", "spans")

    def __init__(self, kind: str, flat: Flat, source: SpeechPart,
                 rows: list[Row] | None = None,
                 spans: list[tuple[int, int]] | None = None) -> None:
        self.kind = kind          # "parenthetical" | "dialogue" | "lyrics"
        self.flat = flat
        self.source = source
        self.rows = rows          # wrapped once, shared by the pieces of a split speech
        self.spans = spans        # its wrap (dialogue and lyrics)


class SpeechBlock(Block):
    """A cue with its parentheticals, dialogue and lyrics."""

    __slots__ = ("cue", "parts", "geo", "source", "more", "contd", "_height", "_cands", "_cue",
                 "_cue_s")
    kind = "speech"

    def __init__(self, cue: str, parts: list[Part], geo: SpeechGeometry, source: Element,
                 scene: int, space_before: int, more: str, contd: str):
        self.scene = scene
        self.space_before = space_before
        self._rows: list[Row] | None = None
        self.cue = cue
        self.parts = parts
        self.geo = geo
        self.source = source
        self.more = more
        self.contd = contd
        self._height: int | None = None
        self._cands: list[tuple[int, int, int | None]] | None = None
        self._cue: list[Row] | None = None
        self._cue_s: str | None = None

    def _cue_text(self) -> str:
        """The printed cue (tabs expanded, NFC), i.e. ``flat_str(cue).s``."""
        cs = self._cue_s
        if cs is None:
            cs = self.cue
            if "\t" in cs or not cs.isascii():
                cs = _clean(cs)
            self._cue_s = cs
        return cs

    def _cue_rows(self) -> list[Row]:
        """The cue's rows, made once (height, rows and split candidates all ask)."""
        if self._cue is None:
            g = self.geo
            # flat_str(cue) is one style-0 span over the whole printed cue: plain rows.
            self._cue = _plain_rows(self._cue_text(), 0, g.cue_in, g.cue_w, "character",
                                    self.source, g.column, None, None, None, None, self.scene)
        return self._cue

    def _cue_height(self) -> int:
        cue = self._cue
        if cue is not None:
            return len(cue)
        cs = self._cue_text()
        if len(cs) <= self.geo.cue_w and "\n" not in cs and (cs.isascii() or not has_wide(cs)):
            return 1
        return len(self._cue_rows())

    def _part_height(self, p: Part) -> int:
        """Rows of one part: one per span of its wrap, without making the rows."""
        rows = p.rows
        if rows is not None:
            return len(rows)
        if p.kind == "parenthetical":
            return len(self.rows_of(p))
        s = p.flat.s
        if p.spans is None and len(s) <= self.geo.dlg_w and "\n" not in s \
                and (s.isascii() or not has_wide(s)):
            return 1
        return len(self.spans_of(p))

    def emit(self, row: int, append: Callable[[LaidLine], None]) -> int | None:
        if self._rows is not None:
            return None
        g = self.geo
        scene = self.scene
        source = self.source
        column = g.column
        if self._cue is not None:
            row = emit_rows(self._cue, row, append)
        else:
            row = _emit_plain(self._cue_text(), 0, g.cue_in, g.cue_w, "character", source,
                              column, None, None, scene, row, append)
        for p in self.parts:
            if p.rows is None and p.kind != "parenthetical" and _is_plain(p.flat):
                flat = p.flat
                st = flat.spans[0][2] | (ITALIC if p.kind == "lyrics" else 0)
                row = _emit_plain(flat.s, st, g.dlg_in, g.dlg_w, p.kind, source, column, p.source,
                                  p.spans, scene, row, append, flat.base, flat.full)
            else:
                row = emit_rows(self.rows_of(p), row, append)
        return row

    def _rows_for(self, p: Part) -> list[Row]:
        g = self.geo
        if p.kind == "parenthetical":
            f = p.flat
            inner = tuple((a + 1, b + 1, s) for a, b, s in f.spans)
            # The brackets sit on the text's own (stripped) ones when it has them:
            # offsets are the text's, one before it, kept inside the element's text.
            flat = Flat("(" + f.s + ")", ((0, 1, 0),) + inner + ((len(f.s) + 1, len(f.s) + 2, 0),),
                        f.base - 1)
            rows = _rows_of(flat, g.paren_in, g.paren_w, "parenthetical", self.source,
                            "left", 7.5, 4.25, 0, g.column, g.paren_w + g.paren_hang,
                            g.paren_in - 0.1 * g.paren_hang, p.source, None, self.scene)
            return _within(rows, len(f.s if f.full is None else f.full))
        flat = p.flat
        s = flat.s
        spans = p.spans
        if spans is None and (len(s) > g.dlg_w or "\n" in s):
            spans = self.spans_of(p)   # several rows: wrap once, shared with candidates()
        extra = ITALIC if p.kind == "lyrics" else 0
        fs = flat.spans
        if len(fs) == 1 and fs[0][0] == 0 and fs[0][1] == len(s):  # see _rows_of
            return _plain_rows(s, fs[0][2] | extra, g.dlg_in, g.dlg_w, p.kind, self.source,
                               g.column, None, None, p.source, spans, self.scene, flat.base,
                               flat.full)
        return _rows_of(flat, g.dlg_in, g.dlg_w, p.kind, self.source, "left", 7.5, 4.25,
                        extra, g.column, None, None, p.source, spans, self.scene)

    def spans_of(self, p: Part) -> list[tuple[int, int]]:
        """The wrap of a dialogue or lyrics part, shared by its rows and its split points."""
        if p.spans is None:
            p.spans = wrap(p.flat.s, self.geo.dlg_w)
        return p.spans

    def rows_of(self, p: Part) -> list[Row]:
        rows = p.rows
        if rows is None:
            rows = p.rows = self._rows_for(p)
        return rows

    def part_rows(self) -> list[list[Row]]:
        return [self.rows_of(p) for p in self.parts]

    def _make_rows(self) -> list[Row]:
        rows = list(self._cue_rows())
        for p in self.parts:
            prow = p.rows
            if prow is None:
                prow = p.rows = self._rows_for(p)
            rows.extend(prow)
        return rows

    def height(self) -> int:
        """Rows of the whole speech, counted no further than MAX_ROWS (no page is taller)."""
        if self._height is None:
            n = self._cue_height()
            for p in self.parts:
                n += self._part_height(p)
                if n >= MAX_ROWS:
                    n = MAX_ROWS
                    break
            self._height = n
        return self._height

    def more_row(self) -> Row:
        return ((self.geo.cue_in, text_of(self.more), "more", self.scene, self.source, "left",
                 self.geo.column, None, 0, len(self.more), False),)

    def _has_dialogue_after(self, p: int) -> bool:
        return any(q.kind != "parenthetical" for q in self.parts[p + 1:])

    def candidates(self) -> list[tuple[int, int, int | None]]:
        """Legal splits as (rows before (MORE), part index, offset or None), ascending."""
        if self._cands is not None:
            return self._cands
        out: list[tuple[int, int, int | None]] = []
        cue_n = self._cue_height()
        before = cue_n
        for p, part in enumerate(self.parts):
            if before > MAX_ROWS:
                break           # no page holds more: later splits can never be chosen
            if part.kind == "parenthetical":
                if p > 0 and self.parts[p - 1].kind != "parenthetical" and before - cue_n >= 2 \
                        and self._has_dialogue_after(p):
                    out.append((before, p, None))
            else:
                s = part.flat.s
                spans = self.spans_of(part)
                ends = [e for (_, e) in spans]
                offs = sentence_ends(s)
                if part.kind == "lyrics":
                    offs = sorted(set(offs) | {i for i, c in enumerate(s) if c == "\n"})
                for k in offs:
                    rest = s[k:].strip()
                    if not rest and not self._has_dialogue_after(p):
                        continue
                    if not rest and p + 1 < len(self.parts) \
                            and self.parts[p + 1].kind == "parenthetical":
                        continue  # the boundary candidate before the parenthetical covers it
                    top = bisect_left(ends, k) + 1
                    if before - cue_n + top >= 2:
                        out.append((before + top, p, k))
            before += self._part_height(part)
        self._cands = out
        return out

    def _cut(self, p: int, k: int | None) -> tuple[list[Row], "SpeechBlock"]:
        top_parts = list(self.parts[:p])
        rest_parts = list(self.parts[p:]) if k is None else list(self.parts[p + 1:])
        if k is not None:
            part = self.parts[p]
            head = part.flat.sub(0, k).strip()
            tail = part.flat.sub(k).strip()
            if head.s:
                top_parts.append(Part(part.kind, head, part.source))
            if tail.s:
                rest_parts.insert(0, Part(part.kind, tail, part.source))
        top = SpeechBlock(self.cue, top_parts, self.geo, self.source, self.scene, 0,
                          self.more, self.contd)
        rest = SpeechBlock(contd_cue(self.cue, self.contd), rest_parts, self.geo, self.source,
                           self.scene, 0, self.more, self.contd)
        if not self.more:   # (MORE)/(CONT'D) turned off: the speech just goes on
            return top.rows(), rest
        return top.rows() + [self.more_row()], rest

    def split(self, avail: int, extra: int) -> tuple[list[Row], Block] | None:
        more = 1 if self.more else 0
        for h, p, k in reversed(self.candidates()):
            if h + more <= avail + (extra if more else 0):
                return self._cut(p, k)
        return None

    def min_lead(self) -> int:
        c = self.candidates()
        return min(c[0][0] + (1 if self.more else 0), self.height()) if c else self.height()

    def force_split(self, avail: int) -> tuple[list[Row], Block]:
        """Cut at a row boundary (no legal break fits): as many rows as fit, then (MORE)."""
        want = max(len(self._cue_rows()) + 1, avail - 1)
        before = len(self._cue_rows())
        for p, part in enumerate(self.parts):
            rows = self.rows_of(part)
            if before + len(rows) > want:
                r = want - before
                if r <= 0:
                    return self._cut(p, None) if p > 0 else super().force_split(avail)
                spans = self.spans_of(part) if part.kind != "parenthetical" else \
                    [(max(a - 1, 0), b) for a, b in wrap("(" + part.flat.s + ")", self.geo.paren_w,
                                                          self.geo.paren_w + self.geo.paren_hang)]
                return self._cut(p, spans[min(r, len(spans) - 1)][0])
            before += len(rows)
        return super().force_split(avail)


def _within(rows: list[Row], n: int) -> list[Row]:
    """Rows with their offsets clamped to ``0..n`` (brackets the layout added lie outside)."""
    out: list[Row] = []
    for r in rows:
        if r and (r[0][8] < 0 or r[0][9] > n):
            seg = r[0]
            r = (seg[:8] + (max(seg[8], 0), min(seg[9], n), seg[10]),) + r[1:]
        out.append(r)
    return out


def _side_by_side(left: list[Row], right: list[Row]) -> list[Row]:
    """Rows of two dual-dialogue columns joined, the shorter padded with empty rows."""
    n = max(len(left), len(right))
    return [(left[i] if i < len(left) else ()) + (right[i] if i < len(right) else ())
            for i in range(n)]


class DualBlock(Block):
    """Two speeches side by side; as tall as the taller column."""

    __slots__ = ("left", "right")
    kind = "dual"

    def __init__(self, left: SpeechBlock | Block | None, right: SpeechBlock | Block | None,
                 scene: int, space_before: int):
        super().__init__(scene, space_before)
        self.left = left
        self.right = right

    def height(self) -> int:
        return max(c.height() if c else 0 for c in (self.left, self.right))

    def _make_rows(self) -> list[Row]:
        return _side_by_side(self.left.rows() if self.left else [],
                             self.right.rows() if self.right else [])

    def _cut(self, avail: int, cut_column: Callable[[Block], tuple[list[Row], Block] | None]
             ) -> tuple[list[Row], Block] | None:
        """Cut each column that does not fit with ``cut_column``; None if one cannot be cut."""
        tops: list[list[Row]] = []
        rests: list[Block | None] = []
        for col in (self.left, self.right):
            if col is None or col.height() <= avail:
                tops.append(col.rows() if col else [])
                rests.append(None)
                continue
            sp = cut_column(col)
            if sp is None:
                return None
            tops.append(sp[0])
            rests.append(sp[1])
        return _side_by_side(tops[0], tops[1]), DualBlock(rests[0], rests[1], self.scene, 0)

    def split(self, avail: int, extra: int) -> tuple[list[Row], Block] | None:
        return self._cut(avail, lambda col: col.split(avail, extra))

    def min_lead(self) -> int:
        return max(c.min_lead() for c in (self.left, self.right) if c is not None)

    def force_split(self, avail: int) -> tuple[list[Row], Block]:
        cut = self._cut(avail, lambda col: col.force_split(avail))
        assert cut is not None  # force_split always cuts
        return cut
