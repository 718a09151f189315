"""Screenplay PDFs back into the document model.

The printed page is read the way a reader of scripts reads it: by where lines
start.  The document's own indents (action, dialogue, parenthetical, cue) are
learned from the x positions of its lines, with Final Draft's standard offsets
as the fallback for short documents, so any paper size, margin or font works.
What the printout added is taken away again: page numbers and running headers,
scene numbers in the margins (kept as the scene's number when both sides
agree), CONTINUED, (MORE) and the (CONT'D) that a split or the same-speaker
rule added; a speech split across a page break becomes one speech again.
The text layer comes from :mod:`screenplay.pdf_text`.
"""
from __future__ import annotations

import os
import re
from collections import Counter

from .errors import InputError
from .model import Character, Diagnostic, Document, SceneHeading, Speech, TitleField
from .pdf_elements import _CONTD, _CUE, _HEADING, _Builder, _Row
from .pdf_text import Page, Seg, read_pages
from .pdf_title import _title_page
from .textio import MAX_INPUT_BYTES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

PT = 72.0  # points per inch

#: Final Draft's standard indents relative to the action indent, in inches
#: (action 1.5", dialogue 2.5", parenthetical 3.0", cue 3.5").
FALLBACK = {"dialogue": 1.0, "paren": 1.5, "cue": 2.0}

_SCENE_NO = re.compile(r"^[A-Z]{0,3}-?\d+[A-Z0-9.\-]{0,5}$|^[A-Z]{1,2}\d*\.?$", re.IGNORECASE)
_PAGE_NO = re.compile(r"^(page\s+)?\d+[A-Z]{0,2}\.?(\s*(of|/)\s*\d+)?$", re.IGNORECASE)
_CONTINUED = re.compile(r"^\(?\s*CONTINUED\s*\)?:?(\s*\(\d+\))?$|^CONT(INUED|'D)?:?$",
                        re.IGNORECASE)

#: Set by the command line's ``--password`` (or ``SCREENPLAY_PDF_PASSWORD``).
PASSWORD: str | None = None
#: Set by ``--ocr``: read a PDF without a text layer by OCR (screenplay.pdf_ocr).
OCR = False


def read_pdf_bytes(data: bytes, source: str | None = None, password: str | None = None,
                   progress: "Callable[[int, int], None] | None" = None,
                   ocr: bool | None = None) -> Document:
    """Read a screenplay PDF into a Document.

    ``password`` opens a PDF encrypted with a user password (one with only an
    owner password opens without); ``progress`` is called with (pages read, pages);
    ``ocr`` reads a PDF without a text layer by OCR instead of refusing it.
    """
    if len(data) > MAX_INPUT_BYTES:  # bytes handed over directly are bounded like files
        raise InputError(f"input is {len(data) / 1e6:.1f} MB, over the "
                         f"{MAX_INPUT_BYTES / 1e6:.0f} MB input limit", source=source)
    password = password or PASSWORD or os.environ.get("SCREENPLAY_PDF_PASSWORD") or None
    ocr = OCR if ocr is None else ocr
    try:
        try:
            pages = read_pages(data, password, progress)
        except InputError as e:
            if not (ocr and e.message.startswith("no text layer")):
                raise
            from .pdf_ocr import read_pages_ocr
            pages = read_pages_ocr(data, password, progress)
    except InputError as e:
        e.source = e.source or source
        raise
    return _Reader(pages).document()


class _Reader:
    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.diags: list[Diagnostic] = []
        self.asterisks = 0
        self.continued: set[int] = set()
        sizes = Counter(round(s.size, 1) for p in pages for ln in p.lines for s in ln.segs)
        self.size = max(1.0, sizes.most_common(1)[0][0]) if sizes else 12.0
        ys: Counter = Counter()
        for p in pages:
            for a, b in zip(p.lines, p.lines[1:]):
                ys[round(b.y - a.y)] += 1
        # The row pitch is the smallest spacing in common use (short scripts have
        # more one-line paragraphs, two rows apart, than lines one row apart).
        total = sum(ys.values()) or 1
        common = [d for d, n in ys.items()
                  if self.size * 0.8 <= d <= self.size * 1.6 and n >= total * 0.05]
        self.pitch = max(1.0, float(min(common))) if common else self.size
        self.cw = self.size * 0.6 / PT  # one character of the body font, in inches

    # -- page furniture -------------------------------------------------------
    def _is_title_page(self) -> bool:
        if len(self.pages) < 2:
            return False
        p = self.pages[0]
        if not p.lines:
            return True
        first = p.lines[0]
        centre = (first.x0 + first.x1) / 2
        if abs(centre - p.width / 2) > 0.6 * PT:
            return False
        return not any(_HEADING.match(ln.text) for ln in p.lines)

    def _body_lines(self, index: int, p: Page) -> list[tuple[float, list[Seg]]]:
        """Lines of a page without running headers, footers and page numbers."""
        out: list[tuple[float, list[Seg]]] = []
        top, bottom = 0.95 * PT, p.height - 0.6 * PT
        for k, ln in enumerate(p.lines):
            text = ln.text.strip()
            if ln.y < top or ln.y > bottom:
                continue  # header and footer bands: page numbers, running titles
            if (k == 0 or k == len(p.lines) - 1) and _PAGE_NO.match(text) and (
                    ln.x0 > p.width * 0.6 or abs((ln.x0 + ln.x1) / 2 - p.width / 2) < PT):
                continue
            if any(_CONTINUED.match(s.text.strip()) for s in ln.segs):
                if not out:
                    self.continued.add(index)  # the page goes on with the scene before
                continue  # CONTINUED lines, scene numbers beside them included
            out.append((ln.y, ln.segs))
        return out

    # -- indents ---------------------------------------------------------------
    def _learn(self, rows: list[_Row]) -> None:
        xs = Counter(round(r.x0 * 20) / 20 for r in rows)
        total = sum(xs.values()) or 1
        common = [x for x, n in xs.items() if n >= max(2, total * 0.04)]
        self.action = min(common) if common else (min(xs) if xs else 1.5)

        def mode(lo: float, hi: float, pred) -> float | None:
            c = Counter(round(r.x0 * 20) / 20 for r in rows
                        if lo <= r.x0 <= hi and pred(r))
            best = c.most_common(1)
            return best[0][0] if best and best[0][1] >= 3 else None

        a = self.action
        self.dialogue = mode(a + 0.5, a + 1.6, lambda r: not r.text.startswith("(")
                             and not _CUE.match(r.text)) or a + FALLBACK["dialogue"]
        self.cue = mode(self.dialogue + 0.4, a + 3.0,
                        lambda r: bool(_CUE.match(r.text)) and not r.text.startswith("(")
                        ) or a + FALLBACK["cue"]
        self.paren = mode(self.dialogue + 0.1, self.cue - 0.05,
                          lambda r: r.text.startswith("(")) or a + FALLBACK["paren"]
        rights = sorted(r.x1 for r in rows if abs(r.x0 - a) < 0.05)
        self.right = rights[int(len(rights) * 0.95)] if rights else a + 6.0

    # -- the whole document -----------------------------------------------------
    def document(self) -> Document:
        pages = self.pages
        title: list[TitleField] = []
        start = 0
        if self._is_title_page():
            title = _title_page(pages[0])
            start = 1
        raw: list[tuple[int, float, list[Seg]]] = []
        for i in range(start, len(pages)):
            for y, segs in self._body_lines(i, pages[i]):
                raw.append((i, y, segs))
        # First pass: action indent from lines as they are (margins included).
        pre = [_Row(i, y, segs, None) for i, y, segs in raw]
        # Scene numbers and revision marks sit left of the action indent: the
        # action indent is the leftmost common position of lines that are not them.
        xs = Counter(round(r.x0 * 20) / 20 for r in pre
                     if not _SCENE_NO.match(r.segs[0].text.strip()))
        total = sum(xs.values()) or 1
        common = [x for x, n in xs.items() if n >= max(2, total * 0.04)]
        action_guess = min(common) if common else 1.5
        rows: list[_Row] = []
        for i, y, segs in raw:
            row = self._strip_margins(i, y, segs, action_guess, pages[i].width / PT)
            if row is not None:
                rows.append(row)
        self._learn(rows)
        body = _Builder(self, rows).build()
        _drop_automatic_contd(body)
        if self.asterisks:
            self.diags.append(Diagnostic(0, f"{self.asterisks} revision mark(s) (*) in the "
                                         "margins were dropped", "pdf-revision-marks"))
        return Document(title, body, self.diags)

    def _strip_margins(self, i: int, y: float, segs: list[Seg], action: float,
                       width: float) -> _Row | None:
        segs = list(segs)
        left_no = right_no = None
        # A number in the left margin may have been drawn close enough to the
        # heading to join it: cut the segment where a piece began at the indent.
        if segs and segs[0].x0 / PT < action - 0.2 and segs[0].x1 / PT > action:
            for cx, off in segs[0].cuts:
                if off and abs(cx / PT - action) < 0.06:
                    head, rest = segs[0].split(off)
                    if _SCENE_NO.match(head.text.strip()):
                        segs[0:1] = [head, rest]
                    break
        while segs and segs[0].x1 / PT < action - 0.05:
            t = segs[0].text.strip()
            if t and set(t) <= {"*"}:
                self.asterisks += 1
            elif _SCENE_NO.match(t) and left_no is None:
                left_no = t
            else:
                break
            segs = segs[1:]
        if segs and left_no:
            # the same number on the right, joined to a long heading
            last = segs[-1]
            text = last.text.rstrip()
            if text.endswith(left_no) and len(text) > len(left_no):
                off = len(text) - len(left_no)
                if any(o == off and cx / PT > width * 0.75 for cx, o in last.cuts):
                    segs[-1:] = list(last.split(off))
        while len(segs) > 1 or (segs and segs[-1].x0 / PT > width * 0.85):
            t = segs[-1].text.strip()
            if segs[-1].x0 / PT < width * 0.8:
                break
            if t and set(t) <= {"*"}:
                self.asterisks += 1
            elif _SCENE_NO.match(t) and right_no is None and len(segs) > 1:
                right_no = t
            else:
                break
            segs = segs[:-1]
        if not segs:
            return None
        if left_no and right_no:
            number = left_no if left_no == right_no else None
        else:
            number = left_no or right_no
        return _Row(i, y, segs, number)


def _drop_automatic_contd(body: list) -> None:
    """Take away (CONT'D) when the producer added it by the same-speaker rule.

    A cue whose speaker also spoke last in the same scene is where tools add
    (CONT'D).  When every such cue has one, the rule is the producer's and the
    marks go; when some lack it, the writer typed the ones there, and they stay.
    """
    with_mark: list[Character] = []
    without = 0
    last: str | None = None
    for el in body:
        if isinstance(el, SceneHeading):
            last = None
        elif isinstance(el, Speech):
            ch = el.character
            if ch.dual:
                last = None
                continue
            if last == ch.name:
                if any(e.upper() in _CONTD for e in ch.extensions):
                    with_mark.append(ch)
                elif not ch.extensions:
                    without += 1
            last = ch.name
    if with_mark and without <= len(with_mark) // 20:
        for ch in with_mark:
            ch.extensions = tuple(e for e in ch.extensions if e.upper() not in _CONTD)
