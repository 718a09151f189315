"""The paginator: elements to blocks, blocks to pages (format-standard.md section 4-5).

One greedy pass over the blocks, with one block of look-ahead: a heading
needs the smallest legal part of what follows beside it, and a block
followed by a transition only counts as fitting when the transition fits too.
"""
from __future__ import annotations

import re

from .errors import InputError
from .layout_blocks import (Block, BreakBlock, DualBlock, ParaBlock, Part, Row, Seg, SpeechBlock,
                            SpeechGeometry, contd_cue)
from .layout_text import (CHUNK_CHARS, Flat, chunk_offsets, ends_sentence, flat_str, flatten,
                          row_end_hard, wrap)
from .layout_types import (CONTENT_KINDS, HEADER_ROW, MAX_PAGES, ElementStyle, LaidLine, Layout,
                           Page, Profile, SceneSpan)
from .model import (UNDERLINE, Action, Centered, Dialogue, Document, Element, Lyrics, PageBreak,
                    Parenthetical, SceneHeading, Speech, SpeechPart, Text, TitleField,
                    Transition, plain, text_of)

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Any

#: ``_tuple_new(LaidLine, fields)`` skips the named tuple's Python-level ``__new__``
#: for the thousands of lines :meth:`Paginator._place` makes (all nine fields given).
_tuple_new = tuple.__new__

_OMITTED = re.compile(r"^\(?\s*OMITTED\s*\)?$", re.IGNORECASE)
_LEAD_INT = re.compile(r"^(\d+)")

#: Speech part class -> line kind (any other part prints as dialogue).
_PART_KINDS = {Parenthetical: "parenthetical", Lyrics: "lyrics", Dialogue: "dialogue"}


def number_scenes(sources: list[str | None]) -> list[str]:
    """Scene numbers for a shooting script, keeping every number the source gives.

    Unnumbered scenes continue the count; where the next given number leaves
    no room (a scene between 10 and 11), the new one takes a letter: 10A, 10B;
    before a first given number 1 it is A1.  Numbers are never reused.
    """
    used = {s.upper() for s in sources if s}
    out: list[str] = []
    last: str | None = None
    base: str | None = None     # the number inserted scenes take a letter after
    last_int = 0
    for i, src in enumerate(sources):
        if src:
            out.append(src)
            last = src
            base = src
            m = _LEAD_INT.match(src)
            if m:
                last_int = int(m.group(1))
            continue
        nxt = None
        for later in sources[i + 1:]:
            if later:
                m = _LEAD_INT.match(later)
                nxt = int(m.group(1)) if m else None
                break
        cand = last_int + 1
        if (nxt is None or cand < nxt) and str(cand).upper() not in used:
            num = str(cand)
            last_int = cand
            base = num
        else:
            num = ""
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
                trial = f"{base}{letter}" if base else f"{letter}{nxt or 1}"
                if trial.upper() not in used:
                    num = trial
                    break
            if not num:
                num = f"{last or ''}.{i}"
        used.add(num.upper())
        out.append(num)
        last = num
    return out


class Paginator:
    """Lays one document out with one profile; :meth:`run` returns the Layout."""

    def __init__(self, doc: Document, profile: Profile):
        self.doc = doc
        self.p = profile
        self.pages: list[Page] = []
        self.lines: list[LaidLine] = []
        self.used = 0
        self.empty = True
        self.scene_pages: dict[int, int] = {}
        self.numbers: dict[int, str] = {}
        self.cur_scene = 0
        self.warnings: list[str] = []
        self._warned: set[str] = set()
        self._geos: dict[str | None, SpeechGeometry] = {}
        #: Per page, as :meth:`_place` fills it: the first body row of each scene
        #: (in row order) and the last row holding a scene's content; :meth:`spans`
        #: reads these instead of scanning every laid line again.
        self._firsts: dict[int, int] = {}
        self._last = -1
        self._page_rows: list[tuple[dict[int, int], int]] = []
        self._cue_space = profile.elements["character"].space_before
        self._heads: list[SceneHeading] | None = None   # the document's, from build_blocks

    # -- elements to blocks -------------------------------------------------

    def _geo(self, column: str | None) -> SpeechGeometry:
        """The columns of a speech (immutable, so made once per column and shared)."""
        geo = self._geos.get(column)
        if geo is None:
            geo = self._geos[column] = self._make_geo(column)
        return geo

    def _make_geo(self, column: str | None) -> SpeechGeometry:
        p = self.p
        if column is None:
            par = p.style("parenthetical")
            return SpeechGeometry(p.style("character").left_in, p.style("character").width,
                                  par.left_in, par.width, par.hang,
                                  p.style("dialogue").left_in, p.style("dialogue").width)
        d = p.dual_left if column == "left" else p.dual_right
        return SpeechGeometry(d["character_in"], int(d["character_width"]),
                              d["parenthetical_in"], int(d["parenthetical_width"]),
                              p.style("parenthetical").hang,
                              d["dialogue_in"], int(d["dialogue_width"]), column)

    def _speech(self, sp: Speech, cue: str, column: str | None, scene: int) -> SpeechBlock:
        parts: list[Part] = []
        geo = self._geo(column)
        kinds = _PART_KINDS
        for part in sp.parts:
            kind = kinds.get(type(part))
            if kind is None:  # a subclass: classify as the model's classes would
                kind = ("parenthetical" if isinstance(part, Parenthetical)
                        else "lyrics" if isinstance(part, Lyrics) else "dialogue")
            f = flatten(part.text)
            if "[[" in f.s:
                self._unclosed_note(part, f.s)
            if kind == "parenthetical":
                f = f.strip()
                s = f.s
                if s.startswith("(") and s.endswith(")"):
                    f = f.sub(1, len(s) - 1)
            s = f.s
            if not s.strip():
                continue
            if kind == "parenthetical" or len(s) <= CHUNK_CHARS:  # not chunked
                parts.append(Part(kind, f, part))
                continue
            cuts = chunk_offsets(s, geo.dlg_w)
            if not cuts:
                parts.append(Part(kind, f, part))
                continue
            for a, b in zip([0] + cuts, cuts + [len(s)]):
                parts.append(Part(kind, f.sub(a, b).strip(), part))
        p = self.p
        # A forced cue ("@McCABE") prints as typed; any other is in capitals.
        if not sp.character.forced:
            cue = cue.upper()
        more, contd = (p.more_text, p.contd_text) if p.more_contd else ("", "")
        return SpeechBlock(cue, parts, geo, sp, scene, self._cue_space, more, contd)

    def build_blocks(self) -> list[Block]:
        p = self.p
        blocks: list[Block] = []
        heads = self._heads = [el for el in self.doc.body if isinstance(el, SceneHeading)]
        numbered = p.scene_numbers and p.scene_number_sides != "none"
        if numbered:
            nums = number_scenes([h.number for h in heads])
        else:
            nums = [h.number or "" for h in heads]
        head_style = p.style("heading")
        # With numbers printed, a heading keeps a column clear before the right-hand
        # number, which ends at scene_number_right_in: the room depends on its length.
        num_room = int(round((p.scene_number_right_in - head_style.left_in) / p.char_width_in)) - 1
        head_styles: dict[int, ElementStyle] = {}
        action_style = p.style("action")
        transition_style = p.style("transition")
        scene_numbers = numbered
        auto_contd = p.auto_contd
        append = blocks.append
        scene = 0
        last_speaker: str | None = None
        prev_el: Element | None = None
        prev_speech: tuple[Speech, str] | None = None
        for el in self.doc.body:
            # isinstance in _PRINTED's order (a subclass lays out as its base).
            if isinstance(el, Action):
                f = flatten(el.text)
                if "[[" in f.s:
                    self._unclosed_note(el, f.s)
                if f.s.strip():
                    if len(f.s) <= CHUNK_CHARS:
                        append(ParaBlock("action", f, action_style, el, scene, None, True))
                    else:
                        blocks += _paras("action", f, action_style, el, scene, splittable=True)
                prev_speech = None
            elif isinstance(el, Speech):
                ch = el.character
                cue = ch.cue
                if auto_contd and not ch.extensions and last_speaker == ch.name.upper() \
                        and not ch.dual:
                    cue = contd_cue(cue, p.contd_text)
                if ch.dual and prev_speech is not None and blocks \
                        and isinstance(blocks[-1], SpeechBlock):
                    first, first_cue = prev_speech
                    left = self._speech(first, first_cue, "left", scene)
                    right = self._speech(el, ch.cue, "right", scene)
                    blocks[-1] = DualBlock(left, right, scene, blocks[-1].space_before)
                    prev_speech = None
                    last_speaker = None
                else:
                    append(self._speech(el, cue, None, scene))
                    prev_speech = (el, cue)
                    last_speaker = ch.name.upper()
            elif isinstance(el, SceneHeading):
                scene += 1
                last_speaker = None
                number = nums[scene - 1]
                self.numbers[scene] = number
                text = "OMITTED" if _OMITTED.match(el.plain.strip()) else None
                flat = flat_str(text) if text else flatten(el.text, caps=True)
                extra: tuple[Seg, ...] = ()
                if scene_numbers and number:
                    extra = self._scene_number_segs(number, "scene-number", el, scene)
                style = head_style
                if extra:
                    room = num_room - len(number)
                    if room < style.width:
                        style = head_styles.get(room) or head_styles.setdefault(
                            room, head_style._replace(width=max(room, 10)))
                blocks += _paras("heading", flat, style, el, scene, first_row_extra=extra)
                prev_speech = None
            elif isinstance(el, Transition):
                blocks += _paras("transition", flatten(el.text, caps=True),
                                 transition_style, el, scene)
                prev_speech = None
            elif isinstance(el, Centered):
                gap = None
                if isinstance(prev_el, Centered) and prev_el.lines[1] \
                        and el.lines[0] == prev_el.lines[1] + 1:
                    gap = 0
                blocks += _paras("centered", flatten(el.text), p.style("centered"), el, scene,
                                 space_before=gap)
                prev_speech = None
            elif isinstance(el, Lyrics):
                blocks += _paras("lyrics", flatten(el.text), p.style("loose_lyrics"), el, scene)
                prev_speech = None
            elif isinstance(el, PageBreak):
                append(BreakBlock(scene))
                prev_speech = None
            else:
                continue  # sections, synopses, notes, boneyard never print
            prev_el = el
        return blocks

    def _scene_number_segs(self, number: str, kind: str, source: SceneHeading | None,
                           scene: int) -> tuple[Seg, ...]:
        p = self.p
        t = text_of(number)
        # The right-hand number ends at the margin position (right-aligned, as Final
        # Draft prints "1A" and "22" both ending at 7.38 in).
        right_x = round(p.scene_number_right_in - p.char_width_in * len(number), 4)
        left_x = p.scene_number_left_in
        sides = p.scene_number_sides
        segs = []
        if sides in ("both", "left"):
            segs.append((left_x, t, kind, scene, source, "left", "left", None, 0, 0, False))
        if sides in ("both", "right"):
            segs.append((right_x, t, kind, scene, source, "right", "right", None, 0, 0, False))
        return tuple(segs)

    # -- placing ------------------------------------------------------------

    def _unclosed_note(self, el: Element | SpeechPart, s: str) -> None:
        """Notes never print, so a "[[" left in printed text is a note never closed
        (with notes printed, one more "[[" than "]]" is)."""
        if self.p.print_notes and s.count("[[") <= s.count("]]"):
            return
        line = el.lines[0] if el.lines else 0
        text = f"line {line}: an unclosed [[ note prints as text (close it with ]])"
        if text not in self._warned:
            self._warned.add(text)
            self.warnings.append(text)

    def _warn(self, b: Block, message: str) -> None:
        """One warning per source element and message, naming its line."""
        text = f"line {_src_line(b)}: {message}"
        if text not in self._warned:
            self._warned.add(text)
            self.warnings.append(text)

    def _place(self, rows: list[Row], scene: int, gap: int) -> None:
        """Lay rows from the next free row; each segment is a LaidLine without its row."""
        start = row = self.used + (0 if self.empty else gap)
        append = self.lines.append
        new = _tuple_new
        for r in rows:
            for seg in r:
                append(new(LaidLine, (row,) + seg))
            row += 1
        if rows:
            self.used = row
            self.empty = False
            self.cur_scene = scene
            if scene:
                if scene not in self.scene_pages:
                    self.scene_pages[scene] = 1
                r0 = rows[0]
                if r0 and rows[-1] and r0[0][2] in CONTENT_KINDS:
                    # The usual block: content from its first row to its last.
                    self._note_span(scene, start, row - 1)
                else:
                    self._note_rows(rows, scene, start)

    def _place_block(self, b: Block, gap: int) -> None:
        """Lay a whole block from the next free row: :meth:`Block.emit` if it can, else rows."""
        start = self.used + (0 if self.empty else gap)
        lines = self.lines
        n0 = len(lines)
        end = b.emit(start, lines.append)
        if end is None:
            self._place(b.rows(), b.scene, gap)
            return
        # As _place, for a block of content lines only (what emit() lays).
        scene = b.scene
        self.used = end
        self.empty = False
        self.cur_scene = scene
        if scene:
            if scene not in self.scene_pages:
                self.scene_pages[scene] = 1
            if len(lines) > n0:
                self._note_span(scene, lines[n0][0], lines[-1][0])

    def _note_rows(self, rows: list[Row], scene: int, start: int) -> None:
        """Record the first and last rows of the scene's content on this page (for spans).

        A row counts when its first segment is content: scene-number furniture
        only ever follows a heading's own segment on its row, so a row holding
        nothing else is all furniture.
        """
        content = CONTENT_KINDS
        n = len(rows)
        i = 0
        while i < n and not (rows[i] and rows[i][0][2] in content):
            i += 1
        if i == n:
            return
        j = n - 1
        while not (rows[j] and rows[j][0][2] in content):
            j -= 1
        self._note_span(scene, start + i, start + j)

    def _note_span(self, scene: int, first: int, last: int) -> None:
        """Content of ``scene`` from row ``first`` to ``last`` on this page (for spans)."""
        if scene not in self._firsts:
            self._firsts[scene] = first
        if last > self._last:
            self._last = last

    def _end_page(self) -> None:
        """Close the page being filled (its lines and its scene rows for :meth:`spans`)."""
        self.pages.append(Page(len(self.pages) + 1, "", self.lines))
        self._page_rows.append((self._firsts, self._last))
        self.lines = []
        self._firsts = {}
        self._last = -1

    def _new_page(self, continuing: bool) -> None:
        p = self.p
        scene = self.cur_scene
        cont = continuing and p.scene_continueds and scene > 0
        if cont:
            row = min(self.used + 1, p.body_rows - 1)
            self.lines.append(LaidLine(row, p.continued_bottom_in, text_of("(CONTINUED)"),
                                       "continued-bottom", scene))
        if len(self.pages) >= MAX_PAGES:
            raise InputError(f"the script runs past {MAX_PAGES:,} pages, the most one file may "
                             "lay out (it bounds memory and time); split it into parts")
        self._end_page()
        self.used = 0
        self.empty = True
        if cont:
            n = self.scene_pages.get(scene, 1) + 1
            self.scene_pages[scene] = n
            label = "CONTINUED:"
            if p.continued_counter and n >= 3:
                label += f" ({n - 1})"
            self.lines.append(LaidLine(0, p.continued_top_in, text_of(label), "continued-top",
                                       scene))
            num = self.numbers.get(scene)
            if p.scene_numbers and num:
                for seg in self._scene_number_segs(num, "scene-number", None, scene):
                    self.lines.append(_tuple_new(LaidLine, (0,) + seg))
            self.used = 2

    def place_all(self, blocks: list[Block]) -> None:
        p = self.p
        cap = p.body_rows
        cont_on = p.scene_continueds
        # (MORE) may take the row below the body, unless a (CONTINUED) needs the foot
        extra = 1 if p.more_below_capacity and not cont_on else 0
        n = len(blocks)

        def after(i: int) -> Block | None:
            return blocks[i + 1] if i + 1 < n else None

        def reserve_for(nxt: Block | None, scene: int) -> int:
            if not cont_on or scene == 0 or nxt is None or nxt.kind == "heading":
                return 0
            return 2

        place_block = self._place_block
        for i, blk in enumerate(blocks):
            if type(blk) is BreakBlock:
                if not self.empty:
                    nxt = after(i)
                    self._new_page(nxt is not None and nxt.kind != "heading")
                continue
            b: Block = blk
            nxt = blocks[i + 1] if i + 1 < n else None   # the look-ahead: fixed for this block
            guard = 0
            while True:
                guard += 1
                if guard > 100000:  # pragma: no cover - progress is guaranteed below
                    raise RuntimeError("pagination made no progress")
                empty = self.empty
                gap = 0 if empty else b.space_before
                h = b.height()
                need = gap + h
                reserve = 0 if (not cont_on or b.scene == 0 or nxt is None
                                or nxt.kind == "heading") else 2   # reserve_for(nxt, b.scene)
                if b.keep_with_next and nxt is not None and type(nxt) is not BreakBlock:
                    lead = nxt.min_lead()
                    nxt2 = after(i + 1)
                    if nxt2 is not None and nxt2.kind == "transition" and lead >= nxt.height() \
                            and nxt.kind != "transition":
                        # an unsplittable block takes its transition along (rule 4), so the
                        # heading needs room for both or it would end the page (rule 3)
                        lead += nxt2.space_before + nxt2.height()
                    need += nxt.space_before + lead
                    reserve = 2 if (cont_on and nxt.kind != "heading") else 0
                elif nxt is not None and nxt.kind == "transition" and b.kind != "transition":
                    need += nxt.space_before + nxt.height()
                    reserve = reserve_for(after(i + 1), b.scene)
                if self.used + need <= cap - reserve:
                    if empty and self.pages and getattr(b, "mid_sentence_start", False):
                        self._warn(b, "a paragraph with no sentence end near a page foot "
                                      "was broken mid-sentence")
                    place_block(b, gap)
                    break
                split_room = cap - self.used - gap - (2 if cont_on and b.scene else 0)
                if self.empty:
                    # Nothing on this page yet: place what fits, by rule if possible.
                    if self.used + gap + h <= cap - reserve_for(nxt, b.scene):
                        place_block(b, gap)
                        break
                    sp = b.split(split_room, extra) if not b.keep_with_next else None
                    if sp is None:
                        sp = b.force_split(max(1, split_room))
                        self._warn(b, "a block taller than a page was cut mid-sentence")
                    self._place(sp[0], b.scene, gap)
                    self._new_page(True)
                    b = sp[1]
                    continue
                sp = None
                if not b.keep_with_next and split_room > 0:
                    sp = b.split(split_room, extra)
                    fresh = cap - (4 if cont_on and b.scene else 0)
                    if sp is None and split_room >= 4 and h > fresh \
                            and b.split(fresh, extra) is None:
                        # No legal break here or on a fresh page, and it fits no page:
                        # cut it here rather than strand what stands above it.
                        sp = b.force_split(split_room)
                        self._warn(b, "a block taller than a page was cut mid-sentence")
                if sp is not None:
                    self._place(sp[0], b.scene, gap)
                    self._new_page(True)
                    b = sp[1]
                    continue
                self._new_page(b.kind != "heading")
        if self.lines or not self.pages:
            self._end_page()

    # -- furniture, title page, spans --------------------------------------

    def _number_pages(self) -> None:
        p = self.p
        header = self._draft_header() if p.draft_header else None
        for page in self.pages:
            if page.number >= 2 or p.page_number_first_page or header:
                label = p.page_number_format.format(n=page.number)
                page.label = label
                x = round(p.page_number_right_in - 0.1 * len(label), 4)
                page.lines.append(LaidLine(HEADER_ROW, x,
                                           text_of(label), "page-number", 0, None, "right"))
            if header:
                page.lines.append(LaidLine(HEADER_ROW, p.body_left_in, text_of(header), "header"))

    def _draft_header(self) -> str | None:
        vals = []
        for key in ("revision", "draft"):
            v = self.doc.title_value(key)
            if v:
                vals.append(" ".join(plain(t) for t in v).strip())
                break
        if not vals:
            return None
        date = self.doc.title_value("draft date") or self.doc.title_value("date")
        if date:
            vals.append(" ".join(plain(t) for t in date).strip())
        return " ".join(v for v in vals if v)[:40] or None

    def title_page(self) -> list[LaidLine] | None:
        """The title page (format-standard.md 5.9), laid on the body grid.

        Title (caps, underlined), credit, author and source are centred on
        rows 18, 22, 25 and 30; draft date and contact sit lower left, notes,
        copyright and any other keys lower right, both ending on the last
        body row.  Each line's ``source`` is its TitleField.
        """
        tp = self.doc.title_page
        if not tp:
            return None
        geo = self.p.title_page
        axis = float(geo.get("axis_in", 4.25))
        from .setting_defs import TITLE_KEYS   # layout settings, not printed
        fields: dict[str, TitleField] = {}
        for f in tp:
            key = f.key.lower()
            if key not in TITLE_KEYS:
                fields.setdefault(key, f)
        out: list[LaidLine] = []
        row = int(geo.get("title_row", 18))
        for key, row_key, style, caps in (("title", "title_row", UNDERLINE, True),
                                          ("credit", "credit_row", 0, False),
                                          ("author", "author_row", 0, False),
                                          ("authors", "author_row", 0, False),
                                          ("source", "source_row", 0, False)):
            fld = fields.pop(key, None)
            if fld is None:
                continue
            row = max(int(geo.get(row_key, row)), row)
            base = 0
            for i, t in enumerate(fld.values):
                flat = flatten(t, caps=caps)
                spans = _trimmed(flat.s, wrap(flat.s, 60))
                last = len(fld.values) - 1
                for j, (a, b) in enumerate(spans):
                    hard = row_end_hard(flat.s, b, None, 0) or (j == len(spans) - 1 and i < last)
                    out.append(LaidLine(row, round(axis - 0.05 * (b - a), 4), flat.cut(a, b, style),
                                        "title", 0, fld, "center", None, None, base + a,
                                        base + b, hard))
                    row += 1
                base += len(flat.s) + 1
            row += 1
        left = [fields.pop(k) for k in ("draft date", "date", "contact") if k in fields]
        right = [fields.pop(k) for k in ("notes", "copyright") if k in fields]
        right += list(fields.values())
        out += self._title_block(left, float(geo.get("left_in", 1.5)), "left", 26)
        out += self._title_block(right, float(geo.get("right_in", 7.5)), "right", 34)
        return out

    def _title_block(self, fields: list[TitleField], edge: float, align: str, width: int) -> list[LaidLine]:
        """Fields stacked with a blank row between them, ending on the last body row."""
        rows: list[tuple[float, Text, TitleField | None, int, int, bool]] = []
        for fld in fields:
            if rows:
                rows.append((0.0, (), None, 0, 0, False))
            base = 0
            last = len(fld.values) - 1
            for i, t in enumerate(fld.values):
                f = flatten(t)
                spans = _trimmed(f.s, wrap(f.s, width))
                for j, (a, b) in enumerate(spans):
                    x = edge if align == "left" else edge - 0.1 * (b - a)
                    hard = row_end_hard(f.s, b, None, 0) or (j == len(spans) - 1 and i < last)
                    rows.append((round(x, 4), f.cut(a, b), fld, base + a, base + b, hard))
                base += len(f.s) + 1
        first = self.p.body_rows - len(rows)
        return [LaidLine(first + i, x, runs, "title", 0, fld, align, None, None, a, b, hard)
                for i, (x, runs, fld, a, b, hard) in enumerate(rows) if runs]

    def spans(self) -> list[SceneSpan]:
        p = self.p
        if self._heads is None:
            self._heads = [el for el in self.doc.body if isinstance(el, SceneHeading)]
        heads = self._heads   # scene index i is heads[i - 1]
        found: dict[int, SceneSpan] = {}
        for page, (firsts, last) in zip(self.pages, self._page_rows):
            # Rows are placed top-down, so ``firsts`` is already in row order.
            order = list(firsts.items())
            for j, (sc, start) in enumerate(order):
                end = order[j + 1][1] if j + 1 < len(order) else last + 1
                sp = found.get(sc)
                if sp is None:
                    h = heads[sc - 1]
                    sp = SceneSpan(sc, self.numbers.get(sc) or h.number, h.plain,
                                   bool(_OMITTED.match(h.plain.strip())), page.number, page.number)
                    found[sc] = sp
                sp.last_page = page.number
                sp.rows_by_page[page.number] = sp.rows_by_page.get(page.number, 0) + end - start
        for sp in found.values():
            sp.eighths = sum(max(1, int(8 * r / p.body_rows + 0.5))
                             for r in sp.rows_by_page.values())
        return [found[k] for k in sorted(found)]

    def run(self) -> Layout:
        blocks = self.build_blocks()
        self.place_all(blocks)
        self._number_pages()
        title = self.title_page() if self.p.print_title_page else None
        return Layout(self.p, self.pages, title, self.spans(), self.warnings)


def _paras(kind: str, flat: Flat, style: ElementStyle, source: Element, scene: int,
           **kw: Any) -> list[Block]:
    """A paragraph as one block, or as pieces shorter than a page when it is huge."""
    cuts = chunk_offsets(flat.s, style.width)
    if not cuts:
        return [ParaBlock(kind, flat, style, source, scene, **kw)]
    out: list[Block] = []
    for i, (a, b) in enumerate(zip([0] + cuts, cuts + [len(flat.s)])):
        piece = flat.sub(a, b)
        if i:
            kw = {k: v for k, v in kw.items() if k not in ("first_row_extra", "space_before")}
            kw["space_before"] = 0
        blk = ParaBlock(kind, piece, style, source, scene, **kw)
        tail = flat.s[max(0, a - 8):a].rstrip()
        blk.mid_sentence_start = bool(i) and not ends_sentence(tail)
        out.append(blk)
    return out


def _trimmed(s: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Row spans without leading spaces; blank rows dropped."""
    out = []
    for a, b in spans:
        while a < b and s[a] == " ":
            a += 1
        if a < b:
            out.append((a, b))
    return out


def _src_line(b: Block) -> int:
    src = getattr(b, "source", None)
    return src.lines[0] if src is not None else 0
