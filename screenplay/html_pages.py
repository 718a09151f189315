"""The HTML page's walk through the layout: page markers, furniture, blank rows, paragraphs.

The layout decides every page and row; this module only reads it.  The
writer (:mod:`screenplay.html_writer`) walks the model and takes each
element's laid lines from the front of one stream, and :class:`Pages` writes
them as paragraphs with the page markers and furniture between them.
"""
from __future__ import annotations

from .html_inline import inline_html, text_html
from .layout_types import CONTENT_KINDS, HEADER_ROW
from .model import TEXT

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from .layout_types import LaidLine, Layout
    from .model import SpeechPart


#: HTML class of a speech part's paragraph, by laid line kind.
_PART_CLASS = {"parenthetical": "paren", "dialogue": "dialogue", "lyrics": "lyrics"}

#: Row of "no more furniture on this page": after every row.
_NEVER = 1 << 62

#: One laid line of the script's text with the index of its page.
Placed = tuple[int, "LaidLine"]

#: A paragraph on one page: (page index, speech part or None, laid kind, its lines).
Paragraph = tuple[int, "SpeechPart | None", str, "list[LaidLine]"]


def paragraphs(lines: list[Placed]) -> list[Paragraph]:
    """An element's lines cut into paragraphs: consecutive lines of one page, part and kind.

    The lines come in the layout's order, so nothing is sorted or searched:
    a speech's cue, each of its parts and its (MORE) become paragraphs of their
    own, and a paragraph never spans a page.
    """
    out: list[Paragraph] = []
    gpage, gpart, gkind = -1, None, ""
    rows: list[LaidLine] = []
    for pi, ln in lines:
        part, kind = ln.part, ln.kind
        if pi == gpage and kind == gkind and part is gpart:
            rows.append(ln)
        else:
            rows = [ln]
            out.append((pi, part, kind, rows))
            gpage, gpart, gkind = pi, part, kind
    return out


class Pages:
    """Walks the layout's pages while the writer walks the model.

    The layout lays the body's elements in order, so the writer takes each
    element's lines from the front of one stream (:meth:`take`).  The plan emits
    page markers (with the page-number line), page furniture such as CONTINUED
    lines, and the number of blank rows before each block, so print reproduces
    the PDF rows.  It never decides where a page ends: the layout did.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.pages = layout.pages
        #: Every line of the script's text (and the scene numbers beside its headings),
        #: in the layout's order, with its page index; :meth:`take` reads from ``_next``.
        self.stream: list[Placed] = []
        self._next = 0
        self.header: list[list[LaidLine]] = []
        self.furniture: list[list[tuple[int, list[LaidLine]]]] = []
        #: (page index, row) of every revision mark (production drafts), drawn beside its row
        self.marks: set[tuple[int, int]] = set()
        stream = self.stream.append
        content = CONTENT_KINDS
        for pi, page in enumerate(self.pages):
            furn: dict[int, list[LaidLine]] | None = None
            head: list[LaidLine] = []
            content_rows: set[int] = set()
            for ln in page.lines:
                row = ln.row
                if row == HEADER_ROW:
                    head.append(ln)
                    continue
                source = ln.source
                kind = ln.kind
                if source is not None and kind in content:
                    stream((pi, ln))
                    content_rows.add(row)
                elif kind == "revision-mark":
                    self.marks.add((pi, row))
                elif row >= 0:
                    if kind == "scene-number" and source is not None:
                        stream((pi, ln))   # taken with its heading
                    if furn is None:
                        furn = {}
                    found = furn.get(row)
                    if found is None:
                        furn[row] = [ln]
                    else:
                        found.append(ln)
            self.header.append(head)
            # Furniture sharing a row with content is not drawn on its own.
            self.furniture.append([] if furn is None else
                                  sorted((r, ls) for r, ls in furn.items()
                                         if r not in content_rows))
        self.cur = 0
        self.last = -1
        self.fptr = 0
        self.fnext = _NEVER
        self._next_furniture()
        self.hold = False
        self.gaps: set[int] = set()
        self._scene_page: dict[int, int] | None = None
        self._bases: dict[tuple[str, str | None, bool], float] = {}

    # -- queries ------------------------------------------------------------

    def take(self, el: object, partner: bool = False) -> list[Placed]:
        """The lines laid from ``el``: the run at the front of the stream whose source it is.

        With ``partner``, lines of the speech laid beside ``el`` (dual dialogue,
        in the right column) belong to the run too.
        """
        stream = self.stream
        k = j = self._next
        n = len(stream)
        other: object = None
        while j < n:
            ln = stream[j][1]
            src = ln.source
            if src is not el:
                if not partner or (other is not None and src is not other):
                    break
                if other is None:
                    if ln.column != "right":
                        break
                    other = src
            j += 1
        self._next = j
        return stream[k:j]

    def page_of_scene(self, index: int) -> str | None:
        if self._scene_page is None:
            # Layout.page_of_scene looks through every scene: asked for each scene
            # of a long script, that is quadratic.  The first span of an index wins there too.
            self._scene_page = {}
            for sc in self.layout.scenes:
                self._scene_page.setdefault(sc.index, sc.first_page)
        n = self._scene_page.get(index)
        return None if n is None else str(n)

    # -- page state ---------------------------------------------------------

    def _marker(self, pi: int, first: bool = False) -> str:
        page = self.pages[pi]
        heads = "".join(
            f"<span class=\"hdr\" style=\"left:{ln.x * 10:.1f}ch\">{inline_html(ln.runs)}</span>"
            for ln in self.header[pi])
        cls = "pb first" if first else "pb"
        return (f"<div class=\"{cls}\" role=\"doc-pagebreak\" id=\"page-{page.number}\" "
                f"aria-label=\"page {page.number}\"><span aria-hidden=\"true\">{heads}</span>"
                "</div>\n")

    def _gap(self, row: int) -> int:
        g = max(0, row - self.last - 1)
        self.gaps.add(g)
        return g

    def _furniture(self, o: list[str], upto: int | None) -> None:
        rows = self.furniture[self.cur] if self.cur < len(self.furniture) else []
        while self.fptr < len(rows) and (upto is None or rows[self.fptr][0] < upto):
            row, lines = rows[self.fptr]
            segs = "".join(
                f"<span style=\"left:{(ln.x - 1.5) * 10:.1f}ch\">{inline_html(ln.runs)}</span>"
                for ln in lines)
            o.append(f"<div class=\"furn g{self._gap(row)}\" aria-hidden=\"true\">{segs}</div>\n")
            self.last = row
            self.fptr += 1
        self._next_furniture()

    def _next_furniture(self) -> None:
        """Note the row of the current page's next unwritten furniture (kept for :meth:`group`)."""
        rows = self.furniture[self.cur] if self.cur < len(self.furniture) else ()
        self.fnext = rows[self.fptr][0] if self.fptr < len(rows) else _NEVER

    def start(self, o: list[str]) -> None:
        if self.pages:
            o.append(self._marker(0, first=True))

    def finish(self, o: list[str]) -> None:
        if not self.pages:
            return
        self._furniture(o, None)
        while self.cur + 1 < len(self.pages):
            self._turn(o)
            self._furniture(o, None)

    def _turn(self, o: list[str]) -> None:
        self.cur += 1
        self.last = -1
        self.fptr = 0
        self._next_furniture()
        o.append(self._marker(self.cur))

    def enter(self, o: list[str], pi: int, row: int) -> int:
        """Move to page ``pi`` before a block starting on ``row``; return its blank rows."""
        if self.hold:
            return 0
        while self.cur < pi:
            self._furniture(o, None)
            self._turn(o)
        rows = self.furniture[self.cur] if self.cur < len(self.furniture) else ()
        if self.fptr < len(rows) and rows[self.fptr][0] < row:
            self._furniture(o, row)
        g = row - self.last - 1
        if g < 0:
            g = 0
        self.gaps.add(g)
        return g

    def done(self, row: int) -> None:
        if not self.hold:
            self.last = max(self.last, row)

    # -- emission -----------------------------------------------------------

    def _find_base_x(self, ln: LaidLine, loose: bool) -> float:
        """Where a row of this kind starts when it is not indented (inches); cached by :meth:`group`."""
        prof = self.layout.profile
        kind = ln.kind
        if ln.column in ("left", "right"):
            d = prof.dual_left if ln.column == "left" else prof.dual_right
            key = {"character": "character_in", "more": "character_in",
                   "parenthetical": "parenthetical_in"}.get(kind, "dialogue_in")
            return float(d.get(key, prof.body_left_in))
        if loose and kind == "lyrics":
            kind = "loose_lyrics"
        st = prof.elements.get(kind)
        return st.left_in if st is not None else prof.body_left_in

    def _mark(self, base: float) -> str:
        """A revision ``*`` at the PDF's mark column, ``base`` being the row's left edge."""
        prof = self.layout.profile
        off = (prof.page_width_in - 0.75 - base) * 10
        return f"<span class=\"rev\" style=\"left:{off:.1f}ch\" aria-hidden=\"true\">*</span>"

    def group(self, o: list[str], tag: str, cls: str, attrs: str, pi: int,
              lines: list[LaidLine], prefix: str = "", loose: bool = False) -> None:
        """One paragraph's rows on page ``pi``, as ``<tag>`` with a span per row.

        Rows the layout ended at a line break of the source are joined by
        ``<br/>`` (kept on screen); wrapped rows by a space, so the text reflows
        on a narrow screen and copies as one paragraph.  This runs for every
        paragraph of the script, so the usual cases are written out inline.
        """
        first = lines[0]
        row = first.row
        if self.hold or self.cur != pi or self.fnext < row:
            g = self.enter(o, pi, row)
        else:  # same page, no furniture before this row: enter() reduced to its gap
            g = row - self.last - 1
            if g < 0:
                g = 0
            self.gaps.add(g)
        key = (first.kind, first.column, loose)
        base = self._bases.get(key)
        if base is None:
            base = self._bases[key] = self._find_base_x(first, loose)
        marks = self.marks
        if len(lines) == 1 and not marks and first.x == base:   # most paragraphs: one row
            runs = first.runs
            r = runs[0] if len(runs) == 1 else None
            t = text_html(r.text) if r is not None and not r.style and r.kind == TEXT \
                else inline_html(runs)
            o.append(f"<{tag} class=\"{cls} g{g}\"{attrs}>{prefix}<span class=\"r\">{t}"
                     f"</span></{tag}>\n")
            if not self.hold and row > self.last:
                self.last = row
            return
        # Each row: its text (plain runs escaped inline, the common case) after
        # the spaces of any indentation the layout kept.
        parts: list[str] = []
        sep = ""
        for ln in lines:
            runs = ln.runs
            r = runs[0] if len(runs) == 1 else None
            if r is not None and not r.style and r.kind == TEXT:
                t = text_html(r.text)
            else:
                t = inline_html(runs)
            x = ln.x
            if x != base and ln.align == "left":
                n = round((x - base) * 10)
                if n > 0:
                    t = " " * n + t
            if marks and (pi, ln.row) in marks:
                t += self._mark(base)
            parts.append(f"{sep}<span class=\"r\">{t}</span>")
            sep = "<br/>" if ln.hard else " "
        o.append(f"<{tag} class=\"{cls} g{g}\"{attrs}>{prefix}{''.join(parts)}</{tag}>\n")
        if not self.hold:
            row = lines[-1].row
            if row > self.last:
                self.last = row

    def emit_block(self, o: list[str], tag: str, cls: str, lines: list[Placed],
                   attrs: str = "", prefix: str = "", loose: bool = False) -> None:
        """A paragraph's lines (in page order): one tag per page it runs over."""
        pi = lines[0][0]
        if lines[-1][0] == pi:   # on one page (most): one tag
            self.group(o, tag, cls, attrs, pi, [ln for _, ln in lines], prefix, loose)
            return
        k = 0
        start = 0
        n = len(lines)
        for end in range(1, n + 1):
            if end == n or lines[end][0] != lines[start][0]:
                self.group(o, tag, cls + (" cont" if k else ""), attrs if k == 0 else "",
                           lines[start][0], [ln for _, ln in lines[start:end]],
                           prefix if k == 0 else "", loose)
                k += 1
                start = end

    def emit_speech(self, o: list[str], paras: list[Paragraph], first: bool = True,
                    at: tuple[object, str, int] = (None, "", -1)) -> tuple[object, str, int]:
        """A speech's paragraphs (:func:`paragraphs`): cue, parts, and the layout's (MORE) and CONT'D cues.

        ``at`` is where the speech stopped on an earlier page (a dual column
        comes page by page): the part, kind and page of its last paragraph,
        which is returned for the next call.
        """
        cue_done = not first
        last_part, last_kind, last_page = at
        group = self.group
        for pi, part, kind, rows in paras:
            if kind == "character":
                if cue_done:
                    group(o, "p", "cue contd", " aria-hidden=\"true\"", pi, rows)
                else:
                    group(o, "p", "cue", "", pi, rows)
                cue_done = True
                continue
            if kind == "more":
                group(o, "p", "more", " aria-hidden=\"true\"", pi, rows)
                continue
            cls = _PART_CLASS.get(kind, kind)
            if part is last_part and kind == last_kind and pi > last_page:
                cls += " cont"  # the same paragraph, carried over a page
            last_part, last_kind, last_page = part, kind, pi
            group(o, "p", cls, "", pi, rows)
        return last_part, last_kind, last_page


__all__ = ["Pages", "Paragraph", "Placed", "paragraphs"]
