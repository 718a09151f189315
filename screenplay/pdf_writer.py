"""PDF writer (reportlab): draws the pages :mod:`screenplay.layout` computed.

It decides nothing about placement; it only turns grid positions into points,
picks a font for every character and records what it could not draw.

* Fonts are embedded: Courier Prime (regular, bold, italic, bold italic) and,
  for characters Courier Prime lacks (Cyrillic, Greek...), DejaVu Sans Mono.
  Both are drawn with a character spacing that makes every advance exactly
  one grid column (7.2 pt), so mixed scripts stay on the 10-cpi grid.
* A character neither has (Japanese, Arabic, Devanagari...) is drawn from an
  installed font that has it, found through fontconfig
  (:mod:`screenplay.fontfind`) and embedded as a subset; a wide (full-width)
  character takes two grid columns.  Only a character no installed font has is
  drawn as U+FFFD and reported in ``warnings``: never dropped silently.
* One outline entry (bookmark) per scene; title and author in the metadata.
"""
from __future__ import annotations

import io
import re
import unicodedata
from typing import Callable

from .errors import InputError
from .layout import LaidLine, Layout, Profile, load_profile, paginate
from .model import BOLD, ITALIC, UNDERLINE, Document, plain

_PRIMARY = {
    0: ("CourierPrime", "CourierPrime-Regular.ttf"),
    BOLD: ("CourierPrime-Bold", "CourierPrime-Bold.ttf"),
    ITALIC: ("CourierPrime-Italic", "CourierPrime-Italic.ttf"),
    BOLD | ITALIC: ("CourierPrime-BoldItalic", "CourierPrime-BoldItalic.ttf"),
}
_FALLBACK = {
    0: ("DejaVuSansMono", "DejaVuSansMono.ttf"),
    BOLD: ("DejaVuSansMono-Bold", "DejaVuSansMono-Bold.ttf"),
    ITALIC: ("DejaVuSansMono-Oblique", "DejaVuSansMono-Oblique.ttf"),
    BOLD | ITALIC: ("DejaVuSansMono-BoldOblique", "DejaVuSansMono-BoldOblique.ttf"),
}
_REPLACEMENT = "\ufffd"
#: Greek, Cyrillic (with supplement) and Greek Extended.
_SCRIPTS_FROM_FALLBACK = ((0x0370, 0x03FF), (0x0400, 0x052F), (0x1F00, 0x1FFF))


class _Font:
    """A registered TTF: its name, the characters it covers, its advance."""

    __slots__ = ("name", "cmap", "advance", "tt")

    def __init__(self, name: str, cmap: frozenset[str], advance: float, tt):
        self.name = name
        self.cmap = cmap
        self.advance = advance
        self.tt = tt


_FONTS: dict[str, _Font] = {}


def _system_ttf(path: str, index: int) -> _Font | None:
    """An installed TrueType font as a registered :class:`_Font`; None if reportlab can't."""
    name = "Sys-" + re.sub(r"[^A-Za-z0-9]+", "-", path.rsplit("/", 1)[-1]) + f"-{index}"
    f = _FONTS.get(name)
    if f is not None:
        return f
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont
    try:
        tt = TTFont(name, path, subfontIndex=index)
    except (OSError, TTFError, ValueError, KeyError, IndexError):
        return None   # CFF outlines, a broken file: the next candidate is tried
    pdfmetrics.registerFont(tt)
    cmap = frozenset(chr(c) for c in tt.face.charToGlyph.keys())
    adv = tt.face.charWidths.get(ord("M"), tt.face.defaultWidth) / 1000.0
    f = _FONTS[name] = _Font(name, cmap, adv, tt)
    return f


def _font(table: dict[int, tuple[str, str]], style: int) -> _Font:
    name, file = table[style & (BOLD | ITALIC)]
    f = _FONTS.get(name)
    if f is not None:
        return f
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    from .resources import style_file
    path = style_file("fonts", file)
    try:
        tt = TTFont(name, str(path))
    except (OSError, TTFError) as e:
        raise InputError(f"font {file} cannot be loaded from {path.parent}: {e}") from None
    pdfmetrics.registerFont(tt)
    codes = tt.face.charToGlyph.keys()
    if table is _PRIMARY:
        # Courier Prime has a few Greek and Cyrillic letters (Δ, Ω, π) but not
        # the scripts: draw whole scripts from one font so words look uniform.
        codes = [c for c in codes if not any(a <= c <= b for a, b in _SCRIPTS_FROM_FALLBACK)]
    cmap = frozenset(chr(c) for c in codes)
    adv = tt.face.charWidths.get(ord("M"), tt.face.defaultWidth) / 1000.0
    f = _Font(name, cmap, adv, tt)
    _FONTS[name] = f
    return f


class _Painter:
    """Draws laid lines on one canvas, choosing a font per character run."""

    def __init__(self, canvas, profile: Profile, warn: Callable[[str], None]):
        self.c = canvas
        self.p = profile
        self.warn = warn
        self.size = profile.font_size_pt
        self.cell = profile.glyph_advance_pt
        self.grid = profile.char_width_in * 72.0
        #: characters no embedded font has, with the first source line they occur on
        self.missing: dict[str, int] = {}
        #: installed fonts found for characters the bundled ones lack
        self.system: list[_Font] = []
        self.looked_up: set[str] = set()

    def _system_font(self, ch: str) -> _Font | None:
        """An installed font that has ``ch`` (fontconfig), loaded once; None if none has."""
        for f in self.system:
            if ch in f.cmap:
                return f
        if ch in self.looked_up:
            return None
        self.looked_up.add(ch)
        from .fontfind import fonts_for
        for path, index in fonts_for(ch):
            found = _system_ttf(path, index)
            if found is not None and ch in found.cmap:
                self.system.append(found)
                return found
        return None

    def _segments(self, text: str, style: int, line: int) -> list[tuple[_Font, str, int]]:
        """``text`` cut into (font, characters, grid columns per character) pieces."""
        prim = _font(_PRIMARY, style)
        if prim.cmap.issuperset(text):
            return [(prim, text, 1)]
        fb = _font(_FALLBACK, style)
        eaw = unicodedata.east_asian_width
        out: list[tuple[_Font, str, int]] = []
        cur: tuple[_Font, int] | None = None
        buf: list[str] = []
        for ch in text:
            k = 1
            if ch in prim.cmap:
                f = prim
            elif unicodedata.category(ch) == "Cf":
                continue  # zero-width and bidi controls: nothing to draw, nothing lost
            elif ch in fb.cmap:
                f = fb
            else:
                sys_font = self._system_font(ch)
                if sys_font is not None:
                    f = sys_font
                    k = 2 if eaw(ch) in ("W", "F") else 1   # full-width: two columns
                else:
                    f = fb
                    if ch not in self.missing:
                        self.missing[ch] = line
                    ch = _REPLACEMENT if _REPLACEMENT in fb.cmap else "?"
            if cur is not None and (f is not cur[0] or k != cur[1]) and buf:
                out.append((cur[0], "".join(buf), cur[1]))
                buf = []
            cur = (f, k)
            buf.append(ch)
        if buf and cur is not None:
            out.append((cur[0], "".join(buf), cur[1]))
        return out

    def draw(self, lines: list[LaidLine]) -> None:
        """Emit one BT/ET text block per page.

        This is reportlab's documented recipe for dynamic (TTF) fonts:
        ``splitString`` maps characters to subset codes (and records them for
        embedding), ``getSubsetInternalName`` names the subset font.  Writing
        the operators directly skips the text object's width bookkeeping and
        per-call number formatting, which was most of the drawing time.
        """
        c = self.c
        doc = c._doc
        ph = self.p.page_height_pt
        size = self.size
        cell = self.cell
        ops: list[str] = ["BT"]
        underlines: list[tuple[float, float, float]] = []
        cur_key: tuple[str, int] | None = None
        cur_tc: tuple[_Font, int] | None = None
        grid = self.grid
        for ln in lines:
            y = ph - self.p.baseline_pt(ln.row)
            x = ln.x * 72.0
            if ln.align != "left" and cell != grid:
                # The layout aligned the line on the grid: keep its right edge or axis.
                n = len(ln.text)
                x += n * (grid - cell) * (1.0 if ln.align == "right" else 0.5)
            src_line = ln.source.lines[0] if ln.source is not None else 0
            for run in ln.runs:
                t = run.text
                if not t:
                    continue
                if run.style & UNDERLINE:
                    underlines.append((x, x + len(t) * cell, y - 1.6))
                for font, seg, cols in self._segments(t, run.style, src_line):
                    if cur_tc is None or font is not cur_tc[0] or cols != cur_tc[1]:
                        # spacing that makes each advance exactly ``cols`` grid cells
                        adv = font.advance if cols == 1 else font.tt.face.charWidths.get(
                            ord(seg[0]), font.tt.face.defaultWidth) / 1000.0
                        ops.append(f"{cols * cell - adv * size:.4f} Tc")
                        cur_tc = (font, cols)
                    ops.append(f"1 0 0 1 {x:.3f} {y:.3f} Tm")
                    tt = font.tt
                    for subset, data in tt.splitString(seg, doc):
                        key = (font.name, subset)
                        if key != cur_key:
                            ops.append(f"{tt.getSubsetInternalName(subset, doc)} {size:g} Tf")
                            cur_key = key
                        ops.append(f"({_pdf_string(data)}) Tj")
                    x += len(seg) * cols * cell
        ops.append("ET")
        c.addLiteral("\n".join(ops))
        if underlines:
            c.setLineWidth(0.6)
            for x0, x1, y in underlines:
                c.line(x0, y, x1, y)


_ESCAPE = re.compile(rb"[\\()\x00-\x1f\x7f-\xff]")


def _pdf_string(data: bytes) -> str:
    """Bytes as the inside of a PDF literal string (octal escapes where needed)."""
    if _ESCAPE.search(data):
        data = _ESCAPE.sub(lambda m: b"\\%03o" % m.group(0)[0], data)
    return data.decode("latin-1")


def _meta(doc: Document, key: str) -> str:
    v = doc.title_value(key)
    return " ".join(plain(t).strip() for t in v).strip() if v else ""


def render_layout(doc: Document, layout: Layout,
                  warn: Callable[[str], None] | None = None) -> bytes:
    """Draw an already paginated layout.  ``warn`` receives one message per problem."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    # Binary (zlib) streams without ASCII85: reportlab's pure-Python A85 encoder
    # is the single largest cost on a feature-length script.
    rl_config.useA85 = 0
    msgs: list[str] = []
    warn = warn or msgs.append
    p = layout.profile
    buf = io.BytesIO()
    first = _font(_PRIMARY, 0)
    c = Canvas(buf, pagesize=(p.page_width_pt, p.page_height_pt), invariant=1,
               pageCompression=1, initialFontName=first.name,
               initialFontSize=p.font_size_pt, initialLeading=p.row_pitch_pt)
    title = doc.title or ""
    c.setTitle(title or "Untitled screenplay")
    author = _meta(doc, "author") or _meta(doc, "authors")
    if author:
        c.setAuthor(author)
    c.setCreator("screenplay-toolchain")
    c.setSubject(f"{'Shooting' if p.mode == 'shooting' else 'Spec'} script, {p.paper.upper()}")
    painter = _Painter(c, p, warn)
    if layout.title_page:
        painter.draw(layout.title_page)
        c.showPage()
    spans = {s.index: s for s in layout.scenes}
    outlined: set[int] = set()
    for page in layout.pages:
        for ln in page.lines:
            if ln.kind == "heading" and ln.scene not in outlined:
                outlined.add(ln.scene)
                _bookmark(c, p, ln, spans.get(ln.scene))
        watermark = getattr(layout, "watermark", None)
        if watermark:
            _watermark(c, p, watermark)
        painter.draw(page.lines)
        c.showPage()
    if layout.scenes:
        c.showOutline()
    c.save()
    if painter.missing:
        warn(missing_summary(painter.missing))
    return buf.getvalue()


def _watermark(c, p: Profile, text: str) -> None:
    """``text`` across the page, corner to corner, in light grey under the script."""
    import math
    font = _font(_PRIMARY, BOLD)
    w, h = p.page_width_pt, p.page_height_pt
    width_em = font.advance * len(text) or 1.0
    size = min(110.0, 0.8 * math.hypot(w, h) / width_em)
    c.saveState()
    c.setFillGray(0.85)
    c.translate(w / 2, h / 2)
    c.rotate(math.degrees(math.atan2(h, w)))
    c.setFont(font.name, size)
    c.drawCentredString(0, -size / 3, text)
    c.restoreState()


def missing_summary(missing: dict[str, int], shown: int = 12) -> str:
    """One warning naming the characters no embedded font can draw (never dropped silently)."""
    names = [f"U+{ord(ch):04X} {ch!r} (line {line})" if line else f"U+{ord(ch):04X} {ch!r}"
             for ch, line in missing.items()]
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    n = len(names)
    return (f"{n} character{'s' if n != 1 else ''} cannot be drawn by any bundled or installed "
            f"font and print as \ufffd: " + ", ".join(names[:shown]) + more)


def _bookmark(c, p: Profile, ln: LaidLine, span) -> None:  # type: ignore[no-untyped-def,unused-ignore]
    """One outline entry per scene, pointing at its heading's row."""
    key = f"scene-{ln.scene}"
    c.bookmarkHorizontalAbsolute(key, p.page_height_pt - p.baseline_pt(ln.row) + p.row_pitch_pt)
    label = span.heading.strip() if span is not None else ln.text
    if p.scene_numbers and span is not None and span.number:
        label = f"{span.number.rstrip('.')}. {label}"
    c.addOutlineEntry(label or f"Scene {ln.scene}", key, level=0)


def render_pdf(doc: Document, *, paper: str = "letter", mode: str = "spec",
               profile: Profile | None = None, warnings: list[str] | None = None) -> bytes:
    """The document as PDF bytes.

    Problems that do not stop rendering (a character no font can draw, a block
    taller than a page) are appended to ``warnings`` when a list is given.
    """
    prof = profile or load_profile(paper, mode)
    layout = paginate(doc, prof)
    sink: list[str] = warnings if warnings is not None else []
    sink.extend(layout.warnings)
    return render_layout(doc, layout, sink.append)


__all__ = ["render_pdf", "render_layout"]
