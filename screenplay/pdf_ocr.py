"""Scanned screenplays: pages rendered by pdfium, deskewed, read by Tesseract.

Used only when asked (``convert --ocr``) and only for PDFs without a text
layer.  Each page is rendered at 300 dpi, its skew measured by the projection
profile (the angle at which rows of text make the sharpest histogram) and
undone, and Debian's ``tesseract`` command reads it as TSV: words with boxes.
Words become the same pages of lines :mod:`screenplay.pdf_text` gives, so the
reader that follows does not know the difference.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from .errors import InputError
from .pdf_text import Line, Page, Seg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

DPI = 300
#: Skew angles tried, in degrees: scans are rarely more than 3 degrees off.
_ANGLES = [a / 10 for a in range(-30, 31, 2)]


def available() -> bool:
    return shutil.which("tesseract") is not None


def _skew(img) -> float:  # img: PIL image, greyscale
    """The angle that makes text rows straightest (highest variance of row sums)."""
    import numpy as np
    small = img.reduce(4) if hasattr(img, "reduce") else img
    best, best_score = 0.0, -1.0
    for a in _ANGLES:
        rotated = np.asarray(small.rotate(a, fillcolor=255), dtype=np.float32)
        rows = (255.0 - rotated).sum(axis=1)
        score = float(np.var(rows))
        if score > best_score:
            best, best_score = a, score
    return best


def read_pages_ocr(data: bytes, password: str | None = None,
                   progress: "Callable[[int, int], None] | None" = None) -> list[Page]:
    """Every page's words, by OCR.  Raises InputError when tesseract is missing."""
    if not available():
        raise InputError("--ocr needs the tesseract command (Debian: apt-get install "
                         "tesseract-ocr)")
    from .pdf_text import _load
    pdf = _load(data, password)
    pages: list[Page] = []
    try:
        n = len(pdf)
        with tempfile.TemporaryDirectory(prefix="screenplay-ocr-") as tmp:
            for i in range(n):
                page = pdf[i]
                try:
                    width, height = page.get_size()
                    img = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                finally:
                    page.close()
                angle = _skew(img)
                if angle:
                    img = img.rotate(angle, fillcolor=255, expand=False)
                path = os.path.join(tmp, f"p{i}.png")
                img.save(path)
                pages.append(Page(width, height, _words(_tesseract(path), width)))
                if progress is not None:
                    progress(i + 1, n)
    finally:
        pdf.close()
    return pages


def _tesseract(path: str) -> str:
    try:
        r = subprocess.run(["tesseract", path, "-", "--psm", "4", "-c",
                            "preserve_interword_spaces=1", "tsv"],
                           capture_output=True, text=True, timeout=120,
                           # one thread: OpenMP threads contending on a busy machine made
                           # a page take 7.6 s instead of 2 s
                           env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except (OSError, subprocess.TimeoutExpired) as e:
        raise InputError(f"tesseract failed: {e}") from None
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["?"])[-1]
        raise InputError(f"tesseract failed: {last}")
    return r.stdout


def _words(tsv: str, width: float):
    """Tesseract's words as pdf_text lines: one baseline per OCR line, points not pixels."""
    k = 72.0 / DPI
    lines: dict[tuple[str, str, str], list[tuple[float, float, float, str]]] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        try:
            left, top, w, h = (int(v) for v in f[6:10])
            conf = float(f[10])
        except ValueError:
            continue
        if conf < 10:
            continue
        lines.setdefault((f[2], f[3], f[4]), []).append(
            (left * k, (left + w) * k, (top + h) * k, f[11].strip()))
    widths = [(x1 - x0) / len(t) for ws in lines.values() for x0, x1, _, t in ws if len(t) > 2]
    widths.sort()
    cw = widths[len(widths) // 2] if widths else 7.2
    size = cw / 0.6
    out: list[Line] = []
    for ws in lines.values():
        bottoms = sorted(b for _, _, b, _ in ws)
        y = bottoms[len(bottoms) // 2]
        segs: list[Seg] = []
        for x0, x1, _, t in sorted(ws):
            # Word boxes are ink: a space between words measures more than a cell,
            # so words closer than three cells are one stretch with one space.
            if segs and x0 - segs[-1].x1 < cw * 3:
                last = segs[-1]
                segs[-1] = Seg(last.x0, x1, last.runs + [(" " + t, 0)], size)
            else:
                segs.append(Seg(x0, x1, [(t, 0)], size))
        out.append(Line(y, segs))
    out.sort(key=lambda ln: ln.y)
    return out
