"""The text layer of a PDF as positioned pieces of lines, through pdfium.

pypdfium2 was chosen over pdfplumber (pdfminer.six) by measurement (README,
"Reading PDFs"): it walks a page's text *objects* (one per string the producer
drew, usually a whole printed line) instead of every character, so a 120-page
script is read in about a third of a second rather than several seconds, and
the positions it gives are the producer's own (the text matrix), not glyph ink.

This module knows nothing about screenplays: it returns pages of lines, each a
list of segments (text, left and right edge, style), and the short horizontal
rules drawn under text (underlining).  ``pdf_reader`` gives them meaning.
"""
from __future__ import annotations

import ctypes
import math
import re

from .errors import InputError
from .model import BOLD, ITALIC, UNDERLINE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

#: Font-name fragments that mean bold or italic (PostScript names: "Courier-BoldOblique").
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FIXED_NAME = re.compile(r"courier|mono|typewriter|prestige|pica", re.IGNORECASE)
#: A private style bit: the font is fixed-pitch (advance 0.6 em), so a piece's end is known.
_FIXED = 64
_ITALIC_NAME = re.compile(r"italic|oblique|slant", re.IGNORECASE)


#: pdfium writes a hyphen that ends a line as U+0002; other control characters
#: (and lone surrogates' replacement) are not text.
_CLEAN = {**{c: None for c in range(32)}, 0x02: "-", 0x09: " ", 0x0A: " ", 0x0D: " ",
          0xA0: " ", 0x7F: None, 0xFFFE: None, 0xFFFF: None}


class Seg:
    """A stretch of text on one line: left and right edge in points, styled runs."""

    __slots__ = ("x0", "x1", "runs", "size", "cuts")

    def __init__(self, x0: float, x1: float, runs: list[tuple[str, int]], size: float,
                 cuts: list[tuple[float, int]] | None = None) -> None:
        self.x0 = x0
        self.x1 = x1
        self.runs = runs
        self.size = size
        #: where each drawn piece began: (x, offset in text), for splitting again
        self.cuts = cuts if cuts is not None else [(x0, 0)]

    def split(self, offset: int) -> "tuple[Seg, Seg]":
        """The segment cut at a character offset that a drawn piece began at."""
        x = next(cx for cx, off in self.cuts if off == offset)
        left: list[tuple[str, int]] = []
        right: list[tuple[str, int]] = []
        pos = 0
        for t, st in self.runs:
            if pos + len(t) <= offset:
                left.append((t, st))
            elif pos >= offset:
                right.append((t, st))
            else:
                left.append((t[: offset - pos], st))
                right.append((t[offset - pos:], st))
            pos += len(t)
        last_x, last_off = max(((cx, off) for cx, off in self.cuts if off < offset),
                               default=(self.x0, 0))
        text = "".join(t for t, _ in left).rstrip()
        end = min(x - 1.0, last_x + (len(text) - last_off) * self.size * 0.6)
        return (Seg(self.x0, end, left, self.size,
                    [c for c in self.cuts if c[1] < offset]),
                Seg(x, self.x1, right, self.size,
                    [(cx, off - offset) for cx, off in self.cuts if off >= offset]))

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)

    def __repr__(self) -> str:
        return f"Seg({self.x0:.1f}-{self.x1:.1f} {self.runs!r})"


class Line:
    """A printed line: its baseline (points from the page top) and segments left to right."""

    __slots__ = ("y", "segs")

    def __init__(self, y: float, segs: list[Seg]) -> None:
        self.y = y
        self.segs = segs

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)

    def __repr__(self) -> str:
        return f"Line(y={self.y:.1f} {self.segs!r})"


class Page:
    """One page: size in points and its lines from top to bottom."""

    __slots__ = ("width", "height", "lines")

    def __init__(self, width: float, height: float, lines: list[Line]) -> None:
        self.width = width
        self.height = height
        self.lines = lines


def _load(data: bytes, password: str | None):  # -> pdfium.PdfDocument
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            if password:
                raise InputError("wrong PDF password") from None
            raise InputError("the PDF is encrypted with a user password: "
                             "give it with --password") from None
        if code == 6:  # FPDF_ERR_SECURITY
            raise InputError("the PDF uses an unsupported security handler") from None
        raise InputError("not a readable PDF (damaged or truncated)") from None


def read_pages(data: bytes, password: str | None = None,
               progress: "Callable[[int, int], None] | None" = None) -> list[Page]:
    """Every page's lines.  Raises InputError for unreadable or text-less PDFs."""
    import pypdfium2.raw as raw
    pdf = _load(data, password)
    try:
        n = len(pdf)
        if n == 0:
            raise InputError("the PDF has no pages")
        pages: list[Page] = []
        raws: list[_RawPage] = []
        chars = 0
        for i in range(n):
            # pdfium's own calls, not pypdfium2's page helpers: a third less time a page
            page = raw.FPDF_LoadPage(pdf.raw, i)
            if not page:
                raise InputError(f"page {i + 1} of the PDF is damaged")
            try:
                raws.append(_read_page(raw, page))
            finally:
                raw.FPDF_ClosePage(page)
            if progress is not None:
                progress(i + 1, n)
        ratio = _cell_ratio(raws)
        for rp in raws:
            _respace_fixed(rp, ratio)
            p = Page(rp.width, rp.height, _lines(rp.pieces, rp.rules))
            chars += sum(len(s.text) for ln in p.lines for s in ln.segs)
            pages.append(p)
        if chars == 0:
            raise InputError("no text layer: run OCR first (e.g. ocrmypdf)")
        return pages
    finally:
        pdf.close()


def _read_page(raw, hp) -> "_RawPage":
    """Text objects and thin rules of one page, grouped into lines."""
    width, height = raw.FPDF_GetPageWidthF(hp), raw.FPDF_GetPageHeightF(hp)
    # A page box need not start at (0, 0): positions are taken from its corner.
    box = [ctypes.c_float() for _ in range(4)]
    ox = oy = 0.0
    if raw.FPDFPage_GetCropBox(hp, *box) or raw.FPDFPage_GetMediaBox(hp, *box):
        ox, oy = box[0].value, box[1].value
        if not (math.isfinite(ox) and math.isfinite(oy)):
            ox = oy = 0.0
    top = height + oy
    textpage = raw.FPDFText_LoadPage(hp)
    pieces: list[tuple[float, Seg]] = []
    fixed: list[int] = []  # indices of fixed-pitch pieces in ``pieces``
    rules: list[tuple[float, float, float]] = []
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    m = raw.FS_MATRIX()
    name = ctypes.create_string_buffer(128)
    fonts: dict[int, int] = {}
    cap = 2048  # bytes: FPDFTextObj_GetText counts UTF-16 bytes, the final NUL included
    buf = ctypes.create_string_buffer(cap)
    ubuf = ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
    text_kind, path_kind = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH
    get_text = raw.FPDFTextObj_GetText
    try:
        for k in range(raw.FPDFPage_CountObjects(hp)):
            obj = raw.FPDFPage_GetObject(hp, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == text_kind:
                n = get_text(obj, textpage, ubuf, cap)
                if n > cap:  # a longer string than any so far: a bigger buffer
                    cap = n * 2
                    buf = ctypes.create_string_buffer(cap)
                    ubuf = ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
                    n = get_text(obj, textpage, ubuf, cap)
                if n <= 2:
                    continue
                text = ctypes.string_at(buf, n - 2).decode("utf-16-le", "replace")
                if not text.isprintable():
                    text = text.translate(_CLEAN)
                if not text.strip():
                    continue
                if not raw.FPDFPageObj_GetMatrix(obj, m) or not raw.FPDFPageObj_GetBounds(
                        obj, l, b, r, t):
                    continue
                if not all(map(math.isfinite, (m.a, m.d, m.e, m.f, l.value, r.value))):
                    continue  # a damaged or degenerate matrix places nothing
                size = ctypes.c_float()
                raw.FPDFTextObj_GetFontSize(obj, size)
                scale = abs(m.d) or abs(m.a) or 1.0
                font = raw.FPDFTextObj_GetFont(obj)
                key = ctypes.cast(font, ctypes.c_void_p).value or 0
                style = fonts.get(key)
                if style is None:
                    style = _font_style(raw, font, name) if key else 0
                    fonts[key] = style
                # The text matrix gives the producer's origin; bounds give the ink's right edge.
                em = size.value * scale
                lead = len(text) - len(text.lstrip())
                x0 = m.e if abs(m.e - l.value) < 6 + lead * 8 else l.value
                if lead:  # the printed text starts after the spaces
                    x0 = x0 + lead * em * 0.6 if style & _FIXED else l.value
                text = text.lstrip()
                x1 = r.value
                if style & _FIXED and em > 0.5:  # respaced once the cell is known
                    fixed.append(len(pieces))
                pieces.append((top - m.f, Seg(x0 - ox, x1 - ox, [(text, style & 7)], em)))
            elif kind == path_kind:
                if raw.FPDFPageObj_GetBounds(obj, l, b, r, t) and all(
                        map(math.isfinite, (l.value, b.value, r.value, t.value))):
                    if t.value - b.value <= 2.5 and r.value - l.value > 3.0:
                        rules.append((l.value - ox, r.value - ox, top - (t.value + b.value) / 2))
    finally:
        raw.FPDFText_ClosePage(textpage)
    return _RawPage(width, height, pieces, fixed, rules)


_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,2}\.$")
_SENTENCE_GAP = re.compile(r"(?:(?<=[.?!:;])|(?<=[.?!][\"')]))(?= \S|$)")


def _respace(text: str, cells: float) -> str:
    """Give back the spaces pdfium's text extraction folded into one.

    In a fixed-pitch font the string's width says how many characters it has
    (its last glyph's ink ends inside the last cell).  Missing ones are spaces
    that stood together; they go where writers double them, after a sentence.
    """
    missing = math.ceil(cells - 0.05) - len(text)
    if missing <= 0 or missing > len(text):
        return text
    gaps = [m.start() for m in _SENTENCE_GAP.finditer(text)] or \
        [k for k, c in enumerate(text) if c == " "][:1]
    if not gaps:
        return text
    # Writers double the space after a sentence, not after "Dr." or "St.": a
    # short capitalised word before a full stop takes a space after the others,
    # and the piece's end (spaces before whatever is drawn next) last of all.
    order = sorted(range(len(gaps)), key=lambda g: (
        gaps[g] == len(text), _ABBREVIATION.search(text, 0, gaps[g]) is not None))
    extra = [0] * len(gaps)
    for k in range(missing):
        extra[order[k % len(gaps)]] += 1
    out, last = [], 0
    for at, add in zip(gaps, extra):
        out.append(text[last:at] + " " * add)
        last = at
    out.append(text[last:])
    return "".join(out)


class _RawPage:
    """A page's pieces before respacing, which needs the whole document's cell."""

    __slots__ = ("width", "height", "pieces", "fixed", "rules")

    def __init__(self, width: float, height: float, pieces: list[tuple[float, Seg]],
                 fixed: list[int], rules: list[tuple[float, float, float]]) -> None:
        self.width, self.height, self.pieces = width, height, pieces
        self.fixed, self.rules = fixed, rules


def _cell_ratio(pages: "list[_RawPage]") -> float:
    """The document's fixed-pitch advance as a fraction of the font size.

    Courier's glyphs advance 0.6 em, but a producer may tighten them with
    character spacing (Final Draft and our writer print a 7.0 pt cell at
    12 pt).  A piece of k characters that pdfium did not fold spaces in spans
    k - 1 cells and the ink of the last, which ends past a quarter of its cell
    (a full stop's does); each candidate scores the characters of the pieces
    it explains that way.  Folded pieces explain a wrong, larger cell, but
    each its own, so over a document the true cell wins.  Producers set the
    cell in round figures: candidates are 0.05 pt apart, 0.6 em first and
    kept on a tie.
    """
    sizes: dict[float, int] = {}
    spans: list[tuple[float, int, float]] = []
    for p in pages:
        for k in p.fixed:
            seg = p.pieces[k][1]
            n = len(seg.runs[0][0].rstrip())
            if n >= 8:
                spans.append((seg.x1 - seg.x0, n, seg.size))
                sizes[round(seg.size, 2)] = sizes.get(round(seg.size, 2), 0) + n
    if len(spans) < 3:
        return 0.6
    size = max(sizes, key=lambda z: sizes[z])
    if not 4.0 <= size <= 48.0:  # no script's body size: keep Courier's cell (and bound the work)
        return 0.6
    spans = [(w, n, z) for w, n, z in spans if abs(z - size) < 0.01][:4000]
    best, score = 0.6 * size, -1
    for cell in [0.6 * size] + [c / 20 for c in range(round(size * 10), round(size * 12))]:
        got = sum(n for w, n, _ in spans if (n - 0.75) * cell < w <= n * cell + 0.01)
        if got > score:
            best, score = cell, got
    return best / size


def _respace_fixed(page: _RawPage, ratio: float) -> None:
    """Give each fixed-pitch piece back the spaces pdfium folded, at the document's cell."""
    for k in page.fixed:
        seg = page.pieces[k][1]
        text, style = seg.runs[0]
        cell = seg.size * ratio
        core = text.rstrip()  # trailing spaces have no ink: the width ends before them
        text = _respace(core, (seg.x1 - seg.x0) / cell) + text[len(core):]
        seg.runs[0] = (text, style)
        seg.x1 = max(seg.x1, seg.x0 + len(text) * cell)


def _font_style(raw, font, name) -> int:
    style = 0
    got = raw.FPDFFont_GetBaseFontName(font, name, len(name)) if hasattr(
        raw, "FPDFFont_GetBaseFontName") else raw.FPDFFont_GetFontName(font, name, len(name))
    fname = name.value.decode("latin-1", "replace") if got else ""
    fname = fname.split("+", 1)[-1]
    if _BOLD_NAME.search(fname) or raw.FPDFFont_GetWeight(font) >= 600:
        style |= BOLD
    angle = ctypes.c_int()
    if _ITALIC_NAME.search(fname) or (raw.FPDFFont_GetItalicAngle(font, angle)
                                      and angle.value != 0):
        style |= ITALIC
    if _FIXED_NAME.search(fname) or raw.FPDFFont_GetFlags(font) & 1:
        style |= _FIXED
    return style


def _lines(pieces: list[tuple[float, Seg]],
           rules: list[tuple[float, float, float]]) -> list[Line]:
    """Pieces on one baseline (within a fifth of their size) become a line, left to right.

    Neighbouring pieces closer than about a character are one segment (a space
    is put between them when the gap is a space wide); wider gaps stay separate
    segments, which is how margins' scene numbers and dual dialogue's columns
    are told apart later.
    """
    pieces.sort(key=lambda p: (round(p[0], 1), p[1].x0))
    groups: list[tuple[float, list[Seg]]] = []
    for y, seg in pieces:
        if groups and abs(groups[-1][0] - y) <= max(1.0, seg.size * 0.2):
            groups[-1][1].append(seg)
        else:
            groups.append((y, [seg]))
    lines: list[Line] = []
    for y, segs in groups:
        segs.sort(key=lambda s: s.x0)
        if rules:
            segs = _underline(y, segs, rules)
        merged: list[Seg] = []
        for s in segs:
            if merged:
                prev = merged[-1]
                cw = _char_width(prev)
                gap = s.x0 - prev.x1
                if gap < cw * 3.5:
                    runs = prev.runs
                    if gap > cw * 0.4 and not prev.runs[-1][0].endswith(" "):
                        runs = runs + [(" " * max(1, round(gap / cw)), 0)]
                    offset = sum(len(t) for t, _ in runs)
                    merged[-1] = Seg(prev.x0, max(prev.x1, s.x1), runs + s.runs, prev.size,
                                     prev.cuts + [(x, offset + o) for x, o in s.cuts])
                    continue
            merged.append(s)
        lines.append(Line(y, merged))
    return lines


def _char_width(s: Seg) -> float:
    n = len(s.text)
    return max(0.5, (s.x1 - s.x0) / n if n else s.size * 0.6)


def _underline(y: float, segs: list[Seg], rules: list[tuple[float, float, float]]) -> list[Seg]:
    """Split segments where a rule is drawn just under their baseline and mark that part."""
    under = [(a, b) for a, b, ry in rules if 0 <= ry - y <= 4.0]
    if not under:
        return segs
    out: list[Seg] = []
    for s in segs:
        n = len(s.text)
        if not n:
            continue
        cw = (s.x1 - s.x0) / n
        marks = [False] * n
        for a, b in under:
            for i in range(n):
                cx = s.x0 + (i + 0.5) * cw
                if a <= cx <= b:
                    marks[i] = True
        if not any(marks):
            out.append(s)
            continue
        i = 0
        while i < n:
            j = i
            while j < n and marks[j] == marks[i]:
                j += 1
            part = s.text[i:j]
            style = s.runs[0][1] if len(s.runs) == 1 else 0
            out.append(Seg(s.x0 + i * cw, s.x0 + j * cw,
                           [(part, style | (UNDERLINE if marks[i] else 0))], s.size))
            i = j
    return out
