"""Rows of a screenplay PDF, classified by indent, grouped into the model's elements.

:mod:`screenplay.pdf_reader` strips the page furniture and learns the indents;
this module turns the remaining rows into headings, action, speeches (split
ones joined), dual dialogue, transitions, centred text and forced page breaks.
"""
from __future__ import annotations

import re

from .model import (
    Action, Centered, Character, Dialogue, PageBreak, Parenthetical, Run, SceneHeading,
    Speech, Transition, normalize_text,
)
from .pdf_text import Seg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .pdf_reader import _Reader

PT = 72.0  # points per inch

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
        for m in range(n):
            if kinds[m] == "C" and self._centred(rows[m]) and not (
                    m + 1 < n and kinds[m + 1] in ("D", "P")
                    and self.blanks(rows[m], rows[m + 1]) == 0):
                kinds[m] = "Z"
        i = 0
        last_speech: Speech | None = None
        more_pending = False
        bottom = max((r.y for r in rows), default=0.0)
        # each column's right edge: how far its wrapped lines reach
        self.limit = {}
        for row, kind in zip(rows, kinds):
            if kind in ("A", "D", "P") and row.x1 > self.limit.get(kind, 0.0):
                self.limit[kind] = row.x1
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
            if k in ("A", "C", "D", "P"):
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
        if not b.text or _HEADING.match(b.text) or b.text.upper() == b.text:
            return False
        # A wrapped row ends where the next word no longer fitted; if the next
        # page's first word would have fitted within the widest action row, the
        # paragraph ended here ("THE EMPTY LOT" above a new paragraph).
        word = b.text.split()[0]
        cell = (a.x1 - a.x0) / max(1, len(t))
        return a.x1 + (len(word) + 1) * cell > self.limit.get("A", a.x1) + cell / 2

    def _heading(self, row: _Row, prev_blank: int) -> bool:
        t = row.text
        if row.number:
            return True
        if _HEADING.match(t) and t.upper() == t:
            return True
        if t.upper() == t and any(c.isalpha() for c in t) and prev_blank >= 2 \
                and not t.rstrip().endswith(":"):
            # headings stand after two blank rows: a forced heading; a capitalised
            # line ending in a colon ("FADE IN:" opening a script) is action
            return True
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
