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
from .model import (
    Action, Centered, Character, Diagnostic, Dialogue, Document, PageBreak, Parenthetical, Run,
    SceneHeading, Speech, TitleField, Transition, normalize_text,
)
from .pdf_text import Line, Page, Seg, read_pages
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
_MORE = re.compile(r"^\(\s*MORE\s*\)$", re.IGNORECASE)
_CONTD = {"CONT'D", "CONT’D", "CONT", "CONTD", "CONT.", "CONTINUING", "CONT'D.", "CONTINUED"}
_HEADING = re.compile(r"^(INT|EXT|EST|INT\.?/EXT|EXT\.?/INT|I/E|E/I)[.\s]", re.IGNORECASE)
class _CueTest:
    """Whether a line reads as a cue: a name in capitals (McCABE and DeNIRO too)
    and any parenthesised extensions after it, which may be in any case."""

    _EXT = re.compile(r"\s*\([^)]*\)\s*$")

    def match(self, text: str) -> bool:
        t = text.strip()
        while self._EXT.search(t) and not t.startswith("("):
            t = self._EXT.sub("", t)
        letters = [c for c in t if c.isalpha()]
        if not letters or not letters[0].isupper() or t.startswith("("):
            return False
        lower = sum(1 for c in letters if c.islower())
        return lower == 0 or (lower <= 2 and len(letters) - lower >= 3)


_CUE = _CueTest()

#: Set by the command line's ``--password`` (or ``SCREENPLAY_PDF_PASSWORD``).
PASSWORD: str | None = None


def read_pdf_bytes(data: bytes, source: str | None = None, password: str | None = None,
                   progress: "Callable[[int, int], None] | None" = None) -> Document:
    """Read a screenplay PDF into a Document.

    ``password`` opens a PDF encrypted with a user password (one with only an
    owner password opens without); ``progress`` is called with (pages read, pages).
    """
    if len(data) > MAX_INPUT_BYTES:  # bytes handed over directly are bounded like files
        raise InputError(f"input is {len(data) / 1e6:.1f} MB, over the "
                         f"{MAX_INPUT_BYTES / 1e6:.0f} MB input limit", source=source)
    password = password or PASSWORD or os.environ.get("SCREENPLAY_PDF_PASSWORD") or None
    try:
        pages = read_pages(data, password, progress)
    except InputError as e:
        e.source = e.source or source
        raise
    return _Reader(pages).document()


def _seg_runs(segs: list[Seg]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    prev: Seg | None = None
    for s in segs:
        if prev is not None:
            cw = max(prev.size * 0.6, 1.0)
            out.append((" " * max(1, round((s.x0 - prev.x1) / cw)), 0))
        out.extend(s.runs)
        prev = s
    return out


class _Row:
    """A body line made ready for classifying: text, runs, positions in inches."""

    __slots__ = ("page", "y", "x0", "x1", "runs", "text", "number", "segs")

    def __init__(self, page: int, y: float, segs: list[Seg], number: str | None) -> None:
        self.page = page
        self.y = y
        self.segs = segs
        self.x0 = segs[0].x0 / PT
        self.x1 = segs[-1].x1 / PT
        self.runs = _seg_runs(segs)
        self.text = "".join(t for t, _ in self.runs).strip()
        self.number = number


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
        out = []
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


_CREDIT = re.compile(r"^((written|screenplay|teleplay|story|script)\s+)?by:?$", re.IGNORECASE)
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}|\b(19|20)\d\d\b|\b(january|february|march|april|may|"
                   r"june|july|august|september|october|november|december)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(\(c\)|©|copyright\b)", re.IGNORECASE)


def _title_page(p: Page) -> list[TitleField]:
    """Title, credit, author and source from the centred lines; the corner blocks.

    The title is the first centred block (and later blocks printed in its
    style); a credit line ("written by") comes next, the author after it, and
    whatever is centred below is the source.  Of the lower corner blocks, a
    leading date is the draft date, a copyright line is the copyright, and the
    rest is the contact (left) or notes (right).
    """
    centre = p.width / 2
    middle: list[tuple[Line, bool]] = []  # (line, a blank row above it)
    corner_l: list[Line] = []
    corner_r: list[Line] = []
    prev_y = None
    for ln in p.lines:
        mid = (ln.x0 + ln.x1) / 2
        if abs(mid - centre) < 0.5 * PT and ln.y < p.height * 0.7:
            middle.append((ln, prev_y is not None and ln.y - prev_y > 16))
            prev_y = ln.y
        elif ln.x0 >= centre - 0.5 * PT:
            corner_r.append(ln)
        else:
            corner_l.append(ln)

    def text(lines: list[Line]) -> list:
        return [normalize_text([Run(t, st) for s in ln.segs for t, st in s.runs])
                for ln in lines]

    def style(ln: Line) -> int:
        return min((st for s in ln.segs for t, st in s.runs if t.strip()), default=0)

    fields: list[TitleField] = []
    title: list[Line] = []
    k = 0
    while k < len(middle):
        ln, gap = middle[k]
        if title and (_CREDIT.match(ln.text.strip()) or (gap and (
                not style(title[0]) or style(ln) != style(title[0])))):
            break
        title.append(ln)
        k += 1
    if title:
        fields.append(TitleField("Title", text(title)))
    if k < len(middle) and _CREDIT.match(middle[k][0].text.strip()):
        fields.append(TitleField("Credit", text([middle[k][0]])))
        k += 1
    author: list[Line] = []
    while k < len(middle) and (not author or not middle[k][1]):
        author.append(middle[k][0])
        k += 1
    if author:
        fields.append(TitleField("Author", text(author)))
    if k < len(middle):
        fields.append(TitleField("Source", text([ln for ln, _ in middle[k:]])))
    for block, rest_key in ((corner_l, "Contact"), (corner_r, "Notes" if corner_l else "Contact")):
        if block and _DATE.search(block[0].text) and not _COPYRIGHT.match(block[0].text):
            fields.append(TitleField("Draft date", text(block[:1])))
            block = block[1:]
        copy = [ln for ln in block if _COPYRIGHT.match(ln.text.strip())]
        rest = [ln for ln in block if ln not in copy]
        if rest:
            fields.append(TitleField(rest_key, text(rest)))
        if copy:
            fields.append(TitleField("Copyright", text(copy)))
    return fields


class _Builder:
    """Rows, classified by their indents, grouped into elements."""

    def __init__(self, reader: _Reader, rows: list[_Row]) -> None:
        self.r = reader
        self.rows = rows
        self.body: list = []
        self.tol = max(0.08, reader.cw * 1.2)
        self.limit: dict[str, float] = {}

    def kind(self, row: _Row) -> str:
        r, x, t = self.r, row.x0, row.text
        tol = self.tol
        if _MORE.match(t) and x > r.action + tol:
            return "P"  # (MORE) ends the part of a speech on this page
        if abs(x - r.action) < tol:
            return "A"
        if abs(x - r.cue) < tol and _CUE.match(t):
            return "C"
        if abs(x - r.dialogue) < tol:
            return "D"
        if t.startswith("(") and r.dialogue - tol < x < r.cue + tol:
            return "P"
        if abs(x - r.paren) < tol:
            return "P"
        if x > r.cue + 0.5 and t.upper() == t and (
                abs(row.x1 - r.right) < 0.5 or t.endswith(":") or x > r.cue + 1.5):
            return "T"
        if self._centred(row):
            return "Z"
        if abs(x - r.cue) < tol * 2 and _CUE.match(t):
            return "C"
        # the nearest indent
        best = min((abs(x - r.action), "A"), (abs(x - r.dialogue), "D"),
                   (abs(x - r.paren), "P"), (abs(x - r.cue), "C"))
        return best[1] if best[1] != "C" or _CUE.match(t) else "D"

    def _centred(self, row: _Row) -> bool:
        """Whether the row's middle is the page's (or the text column's) axis."""
        page_mid = self.r.pages[row.page].width / PT / 2
        mid = (row.x0 + row.x1) / 2
        return abs(mid - page_mid) < 0.25 or abs(mid - (self.r.action + self.r.right) / 2) < 0.25

    def blanks(self, a: _Row, b: _Row) -> int:
        if a.page != b.page:
            return -1  # a page break: unknown
        return max(0, round((b.y - a.y) / self.r.pitch) - 1)

    def build(self) -> list:
        rows = self.rows
        kinds = [self.kind(r) for r in rows]
        n = len(rows)
        # A "cue" that no speech follows, centred on the page, is centred text
        # whose line happened to start at the cue indent.
        for k in range(n):
            if kinds[k] == "C" and self._centred(rows[k]) and not (
                    k + 1 < n and kinds[k + 1] in ("D", "P")
                    and self.blanks(rows[k], rows[k + 1]) == 0):
                kinds[k] = "Z"
        i = 0
        last_speech: Speech | None = None
        more_pending = False
        bottom = max((r.y for r in rows), default=0.0)
        # each column's right edge: how far its wrapped lines reach
        self.limit: dict[str, float] = {}
        for row, k in zip(rows, kinds):
            if k in ("A", "D", "P") and row.x1 > self.limit.get(k, 0.0):
                self.limit[k] = row.x1
        while i < n:
            row, k = rows[i], kinds[i]
            prev_blank = self.blanks(rows[i - 1], row) if i else 2
            if prev_blank == -1 and not more_pending and self._forced_break(i, bottom):
                self.body.append(PageBreak())
            # dual dialogue: a row with two cues side by side
            if (len(row.segs) >= 2 and all(_CUE.match(s.text.strip()) for s in row.segs[:2])
                    and row.segs[1].x0 / PT > self.r.cue and i + 1 < n
                    and self.blanks(row, rows[i + 1]) == 0 and k in ("C", "D", "P", "A")):
                i = self._dual(i)
                last_speech = None
                continue
            if k == "C" and i + 1 < n and kinds[i + 1] in ("D", "P") and \
                    self.blanks(row, rows[i + 1]) == 0:
                j = i + 1
                while j < n and kinds[j] in ("D", "P") and self.blanks(rows[j - 1], rows[j]) == 0:
                    j += 1
                part_rows = rows[i + 1:j]
                more = bool(part_rows) and _MORE.match(part_rows[-1].text) is not None
                if more:
                    part_rows = part_rows[:-1]
                parts = self._speech_parts(part_rows, kinds[i + 1:i + 1 + len(part_rows)])
                ch = _character(row.text)
                if (more_pending and last_speech is not None and prev_blank == -1
                        and last_speech.character.name == ch.name):
                    _extend(last_speech, parts)
                else:
                    last_speech = Speech(ch, parts)
                    self.body.append(last_speech)
                more_pending = more
                i = j
                continue
            more_pending = False
            if k in ("A", "C", "D", "P") or k == "Z" and False:
                j = i + 1
                while j < n and kinds[j] == k and self.blanks(rows[j - 1], rows[j]) == 0:
                    j += 1
                if k == "A" and j < n and kinds[j] == "A" and self.blanks(rows[j - 1], rows[j]) == -1 \
                        and self._runs_on(rows[j - 1], rows[j]):
                    # an action paragraph the page break cut: join it again
                    j += 1
                    while j < n and kinds[j] == "A" and self.blanks(rows[j - 1], rows[j]) == 0:
                        j += 1
                group = rows[i:j]
                long_heading = k == "A" and len(group) <= 3 and all(
                    r.text.upper() == r.text for r in group) and (
                    bool(_HEADING.match(row.text)) or bool(row.number))
                top_heading = (len(group) == 1 and prev_blank == -1 and i + 1 < n
                               and self.blanks(row, rows[i + 1]) > 0
                               and self._heading(row, 2) and not row.text.endswith(":")
                               and round((bottom - rows[i - 1].y) / self.r.pitch) >= 2
                               and row.page not in self.r.continued)
                if (len(group) == 1 and self._heading(row, prev_blank)) or long_heading \
                        or top_heading:
                    text = _text(group)
                    plain_t = "".join(r.text for r in text).strip()
                    forced = not _HEADING.match(plain_t)
                    self.body.append(SceneHeading(normalize_text(text), row.number, forced))
                    last_speech = None
                else:
                    self.body.append(Action(normalize_text(
                        _text(group, self.limit.get("A"), self.r.cw))))
                i = j
                continue
            if k == "T":  # a long transition wraps: its rows are one
                j = i + 1
                while j < n and kinds[j] == "T" and self.blanks(rows[j - 1], rows[j]) == 0:
                    j += 1
                self.body.append(Transition(normalize_text(_text(rows[i:j])), False))
                i = j
                continue
            # centred text: lines without a blank between them are one element
            j = i + 1
            while j < n and kinds[j] == "Z" and self.blanks(rows[j - 1], rows[j]) == 0:
                j += 1
            runs: list[Run] = []
            for row in rows[i:j]:
                if runs:
                    runs.append(Run("\n", 0))
                runs.extend(_text([row]))
            self.body.append(Centered(normalize_text(runs)))
            i = j
        return self.body

    def _forced_break(self, i: int, bottom: float) -> bool:
        """Whether the page before row i ended early although what follows would fit.

        A paginator fills a page as long as the next block (with a heading, the
        block after it too) fits whole; a page left with room for it was ended
        by the writer (Fountain's ``===``).
        """
        rows = self.rows
        free = round((bottom - rows[i - 1].y) / self.r.pitch)
        j, blocks = i, 0
        while j < len(rows) and rows[j].page == rows[i].page:
            j += 1
            if j < len(rows) and self.blanks(rows[j - 1], rows[j]) != 0:
                blocks += 1
                if blocks == 2 or not (j - i == 1 and self._heading(rows[i], 2)):
                    break
        need = round((rows[j - 1].y - rows[i].y) / self.r.pitch) + 1
        return free >= need + 3

    def _runs_on(self, a: _Row, b: _Row) -> bool:
        """Whether the action row ending a page goes on in the row starting the next."""
        t = a.text.rstrip()
        if not t or t[-1] in ".!?:\"')”’-—":
            return False
        return bool(b.text) and not _HEADING.match(b.text) and b.text.upper() != b.text

    def _heading(self, row: _Row, prev_blank: int) -> bool:
        t = row.text
        if row.number:
            return True
        if _HEADING.match(t) and t.upper() == t:
            return True
        if t.upper() == t and any(c.isalpha() for c in t) and prev_blank >= 2:
            return True  # headings stand after two blank rows: a forced heading
        return False

    def _speech_parts(self, rows: list[_Row], kinds: list[str], wrap: bool = True) -> list:
        parts: list = []
        cur: list[_Row] = []
        cur_kind = None
        for row, k in zip(rows, kinds):
            kind = "P" if row.text.startswith("(") else ("P" if cur_kind == "P" and not
                                                        cur[-1].text.endswith(")") else "D")
            if cur and (kind != cur_kind or kind == "P" and cur[-1].text.endswith(")")):
                parts.append(self._part(cur_kind, cur, wrap))
                cur = []
            cur.append(row)
            cur_kind = kind
        if cur:
            parts.append(self._part(cur_kind, cur, wrap))
        return parts

    def _part(self, kind: str | None, rows: list[_Row], wrap: bool):
        limit = self.limit.get(kind or "D") if wrap else None
        return _part(kind, rows, limit, self.r.cw)

    def _dual(self, i: int) -> int:
        rows = self.rows
        first = rows[i]
        split = (first.segs[0].x0 + first.segs[1].x0) / 2 / PT
        left_rows: list[tuple[float, list[Seg]]] = []
        right_rows: list[tuple[float, list[Seg]]] = []
        j = i
        while j < len(rows) and (j == i or self.blanks(rows[j - 1], rows[j]) == 0):
            row = rows[j]
            ls = [s for s in row.segs if s.x0 / PT < split]
            rs = [s for s in row.segs if s.x0 / PT >= split]
            if ls:
                left_rows.append((row.y, ls))
            if rs:
                right_rows.append((row.y, rs))
            j += 1
        for side, col in ((0, left_rows), (1, right_rows)):
            if not col:
                continue
            crow = _Row(first.page, col[0][0], col[0][1], None)
            prows = [_Row(first.page, y, s, None) for y, s in col[1:]]
            ch = _character(crow.text)
            ch.dual = side == 1
            self.body.append(Speech(ch, self._speech_parts(prows, ["D"] * len(prows), False)))
        return j


def _text(rows: list[_Row], limit: float | None = None, cw: float = 0.1) -> list[Run]:
    """The rows' runs as one text.  A line break is a space where the wrap made it;
    where the next line's first word would have fitted (``limit``, the right edge
    of the column in inches, ``cw`` a character's width) the writer broke the line.
    """
    out: list[Run] = []
    for k, row in enumerate(rows):
        runs = list(row.runs)
        # leading and trailing blanks of the printed line are not text
        if runs:
            runs[0] = (runs[0][0].lstrip(), runs[0][1])
            runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
        runs = [(t, st) for t, st in runs if t]
        if k and runs:
            prev = rows[k - 1].text
            word = row.text.split(" ", 1)[0]
            sep = ""
            if limit is not None and rows[k - 1].x1 + (len(word) + 1) * cw <= limit + cw * 0.3:
                sep = "\n"
            elif not (re.search(r"\w-$", prev) and not prev.endswith("--")):
                sep = " "  # the line break was a space
            if sep:
                # emphasis running over the break takes it in
                if out and out[-1].style and out[-1].style == runs[0][1]:
                    out[-1] = Run(out[-1].text + sep, out[-1].style)
                else:
                    out.append(Run(sep, 0))
        out.extend(Run(t, st) for t, st in runs)
    return out


def _part(kind: str | None, rows: list[_Row], limit: float | None = None, cw: float = 0.1):
    text = normalize_text(_text(rows, limit, cw))
    if kind == "P":
        s = "".join(r.text for r in text)
        if s.startswith("(") and s.endswith(")"):
            runs = list(text)
            runs[0] = Run(runs[0].text[1:], runs[0].style)
            runs[-1] = Run(runs[-1].text[:-1], runs[-1].style)
            return Parenthetical(normalize_text(runs))
        return Parenthetical(text)
    return Dialogue(text)


def _character(text: str) -> Character:
    t = text.strip()
    exts: list[str] = []
    while t.endswith(")") and "(" in t:
        k = t.rfind("(")
        exts.insert(0, t[k + 1:-1].strip())
        t = t[:k].rstrip()
    return Character(t, tuple(exts))


def _extend(speech: Speech, parts: list) -> None:
    """Continue a speech that a page break cut: the split paragraph is one again."""
    if parts and speech.parts and isinstance(parts[0], Dialogue) and \
            isinstance(speech.parts[-1], Dialogue):
        joined = list(speech.parts[-1].text) + [Run(" ", 0)] + list(parts[0].text)
        speech.parts[-1] = Dialogue(normalize_text(joined))
        parts = parts[1:]
    speech.parts.extend(parts)
