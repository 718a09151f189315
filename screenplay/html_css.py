"""The HTML page's styles: the stylesheet, embedded fonts and the print rules.

The print rules are computed from the layout's page profile (and the blank-row
gaps the page uses), so print and PDF share one geometry; the screen styles
live in ``styles/screenplay.css``.
"""
from __future__ import annotations

from functools import lru_cache

from .model import (BOLD, ITALIC, TEXT, Action, Centered, Document, Lyrics, SceneHeading,
                    Speech, Transition)
from .resources import style_path

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Iterable

    from .layout_types import Profile

#: @page sizes; the horizontal grid is the same on both (format standard, section 3).
PAGE_SIZE = {"letter": "8.5in 11in", "a4": "210mm 297mm"}


@lru_cache(maxsize=None)
def stylesheet() -> str:
    with open(style_path("screenplay.css"), encoding="utf-8") as f:
        return f.read()


#: Courier Prime faces shipped in ``styles/fonts`` (SIL OFL), by style bits.
_FACES = {0: ("CourierPrime-Regular.ttf", "normal", "normal"),
          BOLD: ("CourierPrime-Bold.ttf", "bold", "normal"),
          ITALIC: ("CourierPrime-Italic.ttf", "normal", "italic"),
          BOLD | ITALIC: ("CourierPrime-BoldItalic.ttf", "bold", "italic")}


@lru_cache(maxsize=None)
def font_face(bits: int) -> str:
    """One ``@font-face`` rule with the font as a data URI, or "" when it is not shipped.

    Embedding makes the file render and print with the PDF's own font on any
    machine (some system copies of Courier Prime carry wrong weight data).
    """
    name, weight, style = _FACES[bits]
    try:
        with open(style_path("fonts", name), "rb") as f:
            data = f.read()
    except OSError:
        return ""
    from binascii import b2a_base64  # only when fonts are embedded
    b64 = b2a_base64(data, newline=False).decode("ascii")  # what base64.b64encode does
    return (f"@font-face {{ font-family: \"Screenplay Courier\"; font-weight: {weight}; "
            f"font-style: {style}; src: url(data:font/ttf;base64,{b64}) format(\"truetype\"); }}\n")


def styles_used(doc: Document) -> set[int]:
    """Which of bold/italic combinations the printed text needs (lyrics are italic).

    Plain runs (style 0) add nothing to the set, which always holds 0, so
    only styled runs are looked at closely: this walks every run of the script.
    """
    used = {0}
    add = used.add
    mask = BOLD | ITALIC
    for f in doc.title_page:
        for v in f.values:
            for r in v:
                if r.style and r.kind == TEXT:
                    add(r.style & mask)
    for el in doc.body:
        if isinstance(el, Speech):
            for p in el.parts:
                if isinstance(p, Lyrics):
                    for r in p.text:
                        if r.kind == TEXT:
                            add((r.style | ITALIC) & mask)
                else:
                    for r in p.text:
                        if r.style and r.kind == TEXT:
                            add(r.style & mask)
        elif isinstance(el, (Action, SceneHeading, Transition, Centered)):
            for r in el.text:
                if r.style and r.kind == TEXT:
                    add(r.style & mask)
        elif isinstance(el, Lyrics):
            for r in el.text:
                if r.kind == TEXT:
                    add((r.style | ITALIC) & mask)
    return used


#: The watermark (production drafts): fixed, so that print repeats it on every page.
WATERMARK_CSS = (".watermark { position: fixed; top: 50%; left: 50%; z-index: 5; "
                  "transform: translate(-50%, -50%) rotate(-52deg); white-space: nowrap; "
                  "font: bold 64pt 'Courier Prime', 'Courier New', monospace; "
                  "color: rgba(0, 0, 0, 0.12); pointer-events: none; }\n")


#: Revision marks (production drafts): after the row on screen, at the PDF's column in print.
MARK_CSS = (".rev { margin-left: 2ch; }\n"
             "@media print { .paged .r:has(> .rev) { position: relative; } "
             ".paged .rev { position: absolute; margin: 0; } }\n")


#: In a 12 pt line box Chromium sets Courier Prime's baseline 3 pt (0.25 em) higher
#: than the PDF's row baseline (measured with pdftotext -bbox on both prints), so
#: print moves every page's rows down by that much.
_BASELINE_SHIFT_EM = 0.25


def print_css(profile: Profile, gaps: Iterable[int]) -> str:
    """Print rules taken from the layout's page profile, so print and PDF share one geometry.

    Offsets are columns from the body's left edge (1 ch = 0.1 in); ``.gN`` sets
    the blank rows the layout put before a block.
    """
    left = profile.body_left_in
    el = profile.elements

    def col(x: float) -> str:
        return f"{(x - left) * 10:.2f}ch"

    def box(sel: str, kind: str) -> str:
        st = el[kind]
        if st.align == "right":
            start = (st.right_in - left) * 10 - st.width
            return f"{sel} {{ margin-left: {start:.2f}ch; width: {st.width}ch; }}"
        if st.align == "center":
            start = (st.axis_in - left) * 10 - st.width / 2
            return f"{sel} {{ margin-left: {start:.2f}ch; width: {st.width}ch; }}"
        indent = f" text-indent: -{st.hang}ch;" if st.hang else ""
        return f"{sel} {{ margin-left: {col(st.left_in)}; width: {st.width}ch;{indent} }}"

    rules = [box(".paged .heading", "heading"), box(".paged .action", "action"),
             box(".paged .cue", "character"), box(".paged .paren", "parenthetical"),
             box(".paged .dialogue", "dialogue"), box(".paged .speech .lyrics", "lyrics"),
             box(".paged .lyrics.loose", "loose_lyrics"), box(".paged .transition", "transition"),
             box(".paged .centered", "centered"),
             f".paged .more {{ margin-left: {col(el['more'].left_in)}; }}"]
    for side, d in (("left", profile.dual_left), ("right", profile.dual_right)):
        rules.append(f".paged .dual .{side} .cue {{ margin-left: {col(d['character_in'])}; "
                     f"width: {d['character_width']}ch; }}")
        hang = el["parenthetical"].hang
        rules.append(f".paged .dual .{side} .paren {{ margin-left: {col(d['parenthetical_in'])}; "
                     f"width: {d['parenthetical_width']}ch; text-indent: -{hang}ch; }}")
        rules.append(f".paged .dual .{side} .more {{ margin-left: {col(d['character_in'])}; }}")
        rules.append(f".paged .dual .{side} .dialogue, .paged .dual .{side} .lyrics "
                     f"{{ margin-left: {col(d['dialogue_in'])}; width: {d['dialogue_width']}ch; }}")
    top = (profile.first_baseline_pt - profile.row_pitch_pt) / profile.row_pitch_pt \
        + _BASELINE_SHIFT_EM
    rules.append(f".paged .pb {{ height: {top:g}em; }}")
    rules.append(f".paged .title-page {{ padding-top: {top:g}em; }}")
    rules.append(f".paged .tp-lower {{ top: {top:g}em; height: {profile.body_rows}em; }}")
    hdr = profile.page_number_baseline_pt / profile.row_pitch_pt - 1 + _BASELINE_SHIFT_EM
    rules.append(f".paged .pb .hdr {{ top: {hdr:g}em; }}")
    squeeze = profile.glyph_advance_pt - profile.char_width_in * 72.0
    if squeeze:  # glyphs drawn narrower than the 0.1 in grid, as the PDF draws them
        rules.append(f".paged .sheet {{ letter-spacing: {squeeze:.3f}pt; }}")
    rules.extend(f".paged .g{g} {{ margin-top: {g}em !important; }}" for g in sorted(gaps))
    return "@media print {\n" + "\n".join(rules) + "\n}\n"


__all__ = ["MARK_CSS", "PAGE_SIZE", "WATERMARK_CSS", "font_face", "print_css", "styles_used",
           "stylesheet"]
