"""Blocks: elements laid out as rows, with the rules for where each may break.

A block is the unit the paginator places: a paragraph (heading, action,
transition, centred text, loose lyrics), a speech, or a dual-dialogue pair.
Each block knows its rows, its legal split points (sentence ends, the
dialogue/parenthetical boundary) and the smallest part of it that may stand
at a page foot, so the paginator itself stays a short greedy loop.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from .layout import ElementStyle
from .layout_text import Flat, flat_str, sentence_ends, wrap
from .model import ITALIC, TEXT, Element, Run, SpeechPart, Text, text_of

#: Heights are counted no further than this: no page holds so many rows.
MAX_ROWS = 400

#: One segment of a printed row: x (in), runs, kind, align, column, source, speech part.
Seg = tuple[float, Text, str, str, Optional[str], Optional[Element], Optional[SpeechPart]]
Row = tuple[Seg, ...]

#: Builds a Run from its three fields in C (see ``layout_text._tuple_new``).
_tuple_new = tuple.__new__

_CONTD = re.compile(r"CONT['\u2019]?D|CONT\.|CONTINUED|CONTINUING", re.IGNORECASE)


def contd_cue(cue: str, contd: str) -> str:
    """The cue for a speech continued on the next page: never doubled."""
    return cue if _CONTD.search(cue) else f"{cue} {contd}"


def _rows_of(flat: Flat, left: float, width: int, kind: str, source: Element | None,
             align: str = "left", right: float = 7.5, axis: float = 4.25,
             extra_style: int = 0, column: str | None = None,
             first_width: int | None = None, first_left: float | None = None,
             part: SpeechPart | None = None,
             spans: list[tuple[int, int]] | None = None) -> list[Row]:
    """Rows of one paragraph; ``spans`` is its wrap when the caller already has it."""
    rows: list[Row] = []
    s = flat.s
    if spans is None:
        spans = wrap(s, width, first_width)
    fs = flat.spans
    if align == "left" and len(fs) == 1 and fs[0][0] == 0 and fs[0][1] == len(s):
        # The usual paragraph: left-aligned, one style over the whole text.
        # Each row's runs are then its slice, and its x is the margin unless
        # the row keeps indentation, so ``round`` runs once, not per row.
        st = fs[0][2] | extra_style
        base = first_left if first_left is not None else left
        x_at = round(base + 0.0, 4)   # what round(base + 0.1 * 0, 4) gives
        x_left = round(left + 0.0, 4)
        for a, b in spans:
            if a == b:
                rows.append(())
            else:
                if s[a] == " ":
                    lead = 1
                    while s[a + lead] == " ":
                        lead += 1
                    x = round(base + 0.1 * lead, 4)
                    a += lead
                else:
                    x = x_at
                rows.append(((x, (_tuple_new(Run, (s[a:b], st, TEXT)),), kind, align, column,
                              source, part),))
            base, x_at = left, x_left
        return rows
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
        lead = 0
        while s[a + lead] == " ":
            lead += 1
        a2 = a + lead
        if align == "right":
            x = right - 0.1 * (b - a2)
        elif align == "center":
            x = axis - 0.05 * (b - a2)
        else:
            x = (first_left if (first and first_left is not None) else left) + 0.1 * lead
        first = False
        if one is not None:
            c = a2 if a2 > x0 else x0
            d = b if b < y0 else y0
            runs = (_tuple_new(Run, (s[c:d], st, TEXT)),) if c < d else ()
        else:
            runs = cut(a2, b, extra_style)
        rows.append(((round(x, 4), runs, kind, align, column, source, part),))
    return rows


class Block:
    """Base: a fixed list of rows that can only be cut by force."""

    kind = "rows"
    keep_with_next = False

    def __init__(self, scene: int, space_before: int):
        self.scene = scene
        self.space_before = space_before
        self._rows: list[Row] | None = None

    def rows(self) -> list[Row]:
        if self._rows is None:
            self._rows = self._make_rows()
        return self._rows

    def _make_rows(self) -> list[Row]:
        return []

    def height(self) -> int:
        return len(self.rows())

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
    def __init__(self, rows: list[Row], scene: int):
        super().__init__(scene, 0)
        self._rows = rows


class BreakBlock(Block):
    """A forced page break (``===``)."""

    kind = "break"

    def __init__(self, scene: int):
        super().__init__(scene, 0)
        self._rows = []


class ParaBlock(Block):
    """A paragraph on one geometry: heading, action, transition, centred, loose lyrics."""

    def __init__(self, kind: str, flat: Flat, style: ElementStyle, source: Element | None,
                 scene: int, space_before: int | None = None, splittable: bool = False,
                 extra_style: int = 0, first_row_extra: tuple[Seg, ...] = ()):
        super().__init__(scene, style.space_before if space_before is None else space_before)
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

    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = wrap(self.flat.s, self.style.width)
        return self._spans

    def _make_rows(self) -> list[Row]:
        st = self.style
        rows = _rows_of(self.flat, st.left_in, st.width, self.kind, self.source, st.align,
                        st.right_in, st.axis_in, self.extra_style)
        if self.first_row_extra and rows:
            rows[0] = rows[0] + self.first_row_extra
        return rows

    def _with(self, flat: Flat) -> "ParaBlock":
        return ParaBlock(self.kind, flat, self.style, self.source, self.scene, 0,
                         self.splittable, self.extra_style)

    def _candidates(self) -> list[tuple[int, int]]:
        """(top rows, offset) of legal sentence-end splits, ascending."""
        if not self.splittable or self.height() < 4:
            return []
        spans = self.spans()
        ends = [e for (_, e) in spans]
        out = []
        total = len(self.flat.s)
        for k in sentence_ends(self.flat.s):
            if k >= total or not self.flat.s[k:].strip():
                continue
            top = bisect_left(ends, k) + 1
            if top >= 2 and len(spans) - top + 1 >= 2:
                out.append((top, k))
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


@dataclass(frozen=True)
class SpeechGeometry:
    """Columns of one speech: normal, or the left or right half of dual dialogue."""

    cue_in: float
    cue_w: int
    paren_in: float
    paren_w: int
    paren_hang: int
    dlg_in: float
    dlg_w: int
    column: str | None = None


@dataclass
class Part:
    """One parenthetical, dialogue or lyrics paragraph of a speech, with its rows cached."""

    kind: str          # "parenthetical" | "dialogue" | "lyrics"
    flat: Flat
    source: Element
    rows: list[Row] | None = None   # wrapped once, shared by the pieces of a split speech
    spans: list[tuple[int, int]] | None = None   # its wrap (dialogue and lyrics)


class SpeechBlock(Block):
    """A cue with its parentheticals, dialogue and lyrics."""

    kind = "speech"

    def __init__(self, cue: str, parts: list[Part], geo: SpeechGeometry, source: Element,
                 scene: int, space_before: int, more: str, contd: str):
        super().__init__(scene, space_before)
        self.cue = cue
        self.parts = parts
        self.geo = geo
        self.source = source
        self.more = more
        self.contd = contd
        self._height: int | None = None
        self._cands: list[tuple[int, int, int | None]] | None = None
        self._cue: list[Row] | None = None

    def _cue_rows(self) -> list[Row]:
        """The cue's rows, made once (height, rows and split candidates all ask)."""
        if self._cue is None:
            g = self.geo
            self._cue = _rows_of(flat_str(self.cue), g.cue_in, g.cue_w, "character",
                                 self.source, column=g.column)
        return self._cue

    def _rows_for(self, p: Part) -> list[Row]:
        g = self.geo
        if p.kind == "parenthetical":
            f = p.flat
            inner = tuple((a + 1, b + 1, s) for a, b, s in f.spans)
            flat = Flat("(" + f.s + ")", ((0, 1, 0),) + inner + ((len(f.s) + 1, len(f.s) + 2, 0),))
            return _rows_of(flat, g.paren_in, g.paren_w, "parenthetical", self.source,
                            column=g.column, first_width=g.paren_w + g.paren_hang,
                            first_left=g.paren_in - 0.1 * g.paren_hang, part=p.source)
        return _rows_of(p.flat, g.dlg_in, g.dlg_w, p.kind, self.source, column=g.column,
                        extra_style=ITALIC if p.kind == "lyrics" else 0, part=p.source,
                        spans=self.spans_of(p))

    def spans_of(self, p: Part) -> list[tuple[int, int]]:
        """The wrap of a dialogue or lyrics part, shared by its rows and its split points."""
        if p.spans is None:
            p.spans = wrap(p.flat.s, self.geo.dlg_w)
        return p.spans

    def rows_of(self, p: Part) -> list[Row]:
        if p.rows is None:
            p.rows = self._rows_for(p)
        return p.rows

    def part_rows(self) -> list[list[Row]]:
        return [self.rows_of(p) for p in self.parts]

    def _make_rows(self) -> list[Row]:
        rows = list(self._cue_rows())
        for p in self.parts:
            rows.extend(self.rows_of(p))
        return rows

    def height(self) -> int:
        """Rows of the whole speech, counted no further than MAX_ROWS (no page is taller)."""
        if self._height is None:
            n = len(self._cue_rows())
            for p in self.parts:
                n += len(self.rows_of(p))
                if n >= MAX_ROWS:
                    n = MAX_ROWS
                    break
            self._height = n
        return self._height

    def more_row(self) -> Row:
        return ((self.geo.cue_in, text_of(self.more), "more", "left", self.geo.column, self.source,
                 None),)

    def _has_dialogue_after(self, p: int) -> bool:
        return any(q.kind != "parenthetical" for q in self.parts[p + 1:])

    def candidates(self) -> list[tuple[int, int, int | None]]:
        """Legal splits as (rows before (MORE), part index, offset or None), ascending."""
        if self._cands is not None:
            return self._cands
        out: list[tuple[int, int, int | None]] = []
        cue_n = len(self._cue_rows())
        before = cue_n
        for p, part in enumerate(self.parts):
            if before > MAX_ROWS:
                break           # no page holds more: later splits can never be chosen
            prow = self.rows_of(part)
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
            before += len(prow)
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
        return top.rows() + [self.more_row()], rest

    def split(self, avail: int, extra: int) -> tuple[list[Row], Block] | None:
        for h, p, k in reversed(self.candidates()):
            if h + 1 <= avail + extra:
                return self._cut(p, k)
        return None

    def min_lead(self) -> int:
        c = self.candidates()
        return min(c[0][0] + 1, self.height()) if c else self.height()

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


def _side_by_side(left: list[Row], right: list[Row]) -> list[Row]:
    """Rows of two dual-dialogue columns joined, the shorter padded with empty rows."""
    n = max(len(left), len(right))
    return [(left[i] if i < len(left) else ()) + (right[i] if i < len(right) else ())
            for i in range(n)]


class DualBlock(Block):
    """Two speeches side by side; as tall as the taller column."""

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

    def _cut(self, avail: int, cut_column) -> tuple[list[Row], Block] | None:  # type: ignore[no-untyped-def]
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
