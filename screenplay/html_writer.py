"""HTML writer: one self-contained, semantic, accessible HTML5 file per script.

Why it is built the way it is:

* **Semantic first.** Each scene is a ``<section>`` opened by its heading
  (``<h2>``), each speech is a group holding its cue, parentheticals and lines,
  and the title page is the page's ``<header>``.  A screen reader can walk the
  script by headings and landmarks (banner, navigation, main).
* **Safe by construction.** Every piece of script text goes through
  :func:`html.escape`, and each element is emitted by one function that opens
  and closes its own tags, so a Fountain file can never inject markup.  A
  Content-Security-Policy in the head only lets our own inline script run.
* **Self-contained.** The stylesheet (``styles/screenplay.css``) is inlined
  and the Courier Prime faces the text uses are embedded from
  ``styles/fonts`` (SIL OFL), so 1 ``ch`` is the standard's 0.1 in at 12 pt on
  any machine.
* **Pages come from the shared layout.** The HTML never paginates on its own:
  each element's rows and page numbers are taken from :mod:`screenplay.layout`
  (see :class:`_PagePlan`), so the page markers on screen and the page breaks
  in print are the PDF's.  Without a layout engine it falls back to plain
  flowing markup.
* **Works without JavaScript.** The small script only adds character
  highlighting; without it the page reads and prints the same.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .errors import InputError
from .layout_types import CONTENT_KINDS, HEADER_ROW
from .model import (
    BOLD, ITALIC, TEXT, UNDERLINE, Action, Centered, Document, Element, Lyrics, SceneHeading,
    Section, Speech, SpeechPart, Text, TitleField, Transition,
)
from .resources import style_path

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Iterable

    from .layout_types import LaidLine, Layout, Profile

from .setting_defs import MODES, PAPERS  # noqa: E402  (the one definition)

#: @page sizes; the horizontal grid is the same on both (format standard, section 3).
_PAGE_SIZE = {"letter": "8.5in 11in", "a4": "210mm 297mm"}

#: Title-page keys by where they print (format standard, section 5.9).
_CENTRE_KEYS = ("title", "credit", "author", "authors", "source")
_LEFT_KEYS = ("draft date", "date", "contact")      # lower left
_RIGHT_KEYS = ("notes", "copyright")                # lower right, then any other keys


# ---------------------------------------------------------------------------
# Inline text
# ---------------------------------------------------------------------------

def escape(s: str, quote: bool = True) -> str:
    """:func:`html.escape`, character for character.

    Written out here because importing :mod:`html` loads its table of two
    thousand named entities, a noticeable part of a one-shot render's start-up.
    Each replacement runs only when its character occurs: most script text has
    none, and a membership test is cheaper than a call that finds nothing.
    """
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if quote:
        if '"' in s:
            s = s.replace('"', "&quot;")
        if "'" in s:
            s = s.replace("'", "&#x27;")
    return s


def _text_html(s: str) -> str:
    """Printed text as HTML: escaped (no quotes needed outside attributes), line breaks as ``<br/>``."""
    s = escape(s, quote=False)
    return s.replace("\n", "<br/>") if "\n" in s else s


def inline_html(text: Text, upper: bool = False) -> str:
    """Printed runs as escaped HTML; each run opens and closes its own tags.

    Wrapping every run on its own keeps ``<strong>``/``<em>``/``<u>`` balanced
    whatever the emphasis in the source.  Notes and boneyard never print.
    Line breaks become ``<br>``.
    """
    if len(text) == 1:
        r = text[0]
        if not r.style and r.kind == TEXT:  # the common case
            return _text_html(r.text.upper() if upper else r.text)
    parts: list[str] = []
    for r in text:
        if r.kind != TEXT or not r.text:
            continue
        body = _text_html(r.text.upper() if upper else r.text)
        st = r.style
        if st & ITALIC:
            body = f"<em>{body}</em>"
        if st & BOLD:
            body = f"<strong>{body}</strong>"
        if st & UNDERLINE:
            body = f"<u>{body}</u>"
        parts.append(body)
    return "".join(parts)


def attr(value: str) -> str:
    """A value escaped for a double-quoted attribute."""
    return escape(value, quote=True)


# ---------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _stylesheet() -> str:
    with open(style_path("screenplay.css"), encoding="utf-8") as f:
        return f.read()


#: Courier Prime faces shipped in ``styles/fonts`` (SIL OFL), by style bits.
_FACES = {0: ("CourierPrime-Regular.ttf", "normal", "normal"),
          BOLD: ("CourierPrime-Bold.ttf", "bold", "normal"),
          ITALIC: ("CourierPrime-Italic.ttf", "normal", "italic"),
          BOLD | ITALIC: ("CourierPrime-BoldItalic.ttf", "bold", "italic")}


@lru_cache(maxsize=None)
def _font_face(bits: int) -> str:
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


def _styles_used(doc: Document) -> set[int]:
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


#: Character highlighting.  Reads names from data attributes and compares
#: strings, so no script text is ever turned into a selector or into markup.
#: It is written without "<" or "&" so the whole page stays well-formed XML.
_SCRIPT = """(function () {
  var tool = document.getElementById("hl-tool");
  var pick = document.getElementById("hl-pick");
  if (!tool || !pick) { return; }
  tool.hidden = false;
  var speeches = document.querySelectorAll(".speech[data-character]");
  function apply() {
    var who = pick.value, n = 0;
    speeches.forEach(function (sp) {
      var on = who !== "" ? sp.getAttribute("data-character") === who : false;
      sp.classList.toggle("hl", on);
      if (on) { n += 1; }
    });
    document.body.classList.toggle("highlighting", who !== "");
    var out = document.getElementById("hl-count");
    if (out) { out.textContent = who === "" ? "" : n + (n === 1 ? " speech" : " speeches"); }
  }
  pick.addEventListener("change", apply);
  apply();
})();"""


#: CSP hash of :data:`_SCRIPT`, written out so that rendering needs no hashlib
#: (tests/test_html_writer.py recomputes it and fails if the script changes).
_SCRIPT_HASH = "sha256-R4IFwDE82IW3bKwVM2ZfXxR+zIm4rsuWDdpY0KEqXP8="


def _check_options(paper: str, mode: str) -> tuple[str, str]:
    p, m = paper.lower(), mode.lower()
    if p not in PAPERS:
        raise InputError(f"unknown paper '{paper}' (known: {', '.join(PAPERS)})")
    if m not in MODES:
        raise InputError(f"unknown mode '{mode}' (known: {', '.join(MODES)})")
    return p, m


def render_html(doc: Document, *, paper: str = "letter", mode: str = "spec",
                embed_fonts: bool = True, layout: Layout | None = None) -> str:
    """Render ``doc`` as one HTML5 page that reads on screen and prints like the PDF.

    ``paper`` is ``"letter"`` or ``"a4"``; ``mode`` is ``"spec"`` (no scene
    numbers) or ``"shooting"`` (scene numbers in both margins).
    ``embed_fonts`` inlines the Courier Prime faces the text uses (about
    90 KB each); without it the page relies on the reader's Courier.
    ``layout`` is a :class:`screenplay.layout.Layout` already made for this
    document, paper and mode (a caller writing the PDF too can share it); without
    one the shared layout makes it.  Page markers, print page breaks and every
    row come from the layout, which is what the PDF writer draws.
    """
    paper, mode = _check_options(paper, mode)
    from .gcpause import gc_paused
    if layout is None:
        from .layout import load_profile, paginate
        layout = paginate(doc, load_profile(paper, mode))
    with gc_paused():  # the page plan and the page build many small objects, no cycles
        pages = _Pages(layout)
        fonts = [_font_face(b) for b in sorted(_styles_used(doc))] if embed_fonts else []
        page = _Writer(doc, paper, mode, pages, fonts).document()
        # Free the plan's many small objects while the collector is still
        # paused, rather than have its first run afterwards walk them all.
        del pages
    return page


#: Printed block elements that are one paragraph each: HTML class, whether the
#: text is shown in capitals, and whether it is loose lyrics (see
#: ``_PagePlan.emit_block``).  Looked up by exact type (see ``_Writer.body``).
_BLOCKS: dict[type, tuple[str, bool]] = {
    Action: ("action", False),
    Transition: ("transition", False),
    Centered: ("centered", False),
    Lyrics: ("lyrics loose", True),
}


#: The watermark (production drafts): fixed, so that print repeats it on every page.
_WATERMARK_CSS = (".watermark { position: fixed; top: 50%; left: 50%; z-index: 5; "
                  "transform: translate(-50%, -50%) rotate(-52deg); white-space: nowrap; "
                  "font: bold 64pt 'Courier Prime', 'Courier New', monospace; "
                  "color: rgba(0, 0, 0, 0.12); pointer-events: none; }\n")


#: Revision marks (production drafts): after the row on screen, at the PDF's column in print.
_MARK_CSS = (".rev { margin-left: 2ch; }\n"
             "@media print { .paged .r:has(> .rev) { position: relative; } "
             ".paged .rev { position: absolute; margin: 0; } }\n")


class _Writer:
    """Builds the page as a list of string pieces (fast, and every tag closed where opened)."""

    def __init__(self, doc: Document, paper: str, mode: str, pages: _Pages,
                 fonts: "list[str] | str" = "") -> None:
        self.doc = doc
        self.fonts = [fonts] if isinstance(fonts, str) else fonts
        self.paper = paper
        self.mode = mode
        self.pages = pages
        self.out: list[str] = []
        self._opens: dict[str, str] = {}  # cue name -> the opening tag of its speech group

    # -- scene identity -----------------------------------------------------
    # Every heading's id is ``scene-<n>``, n its position among the script's
    # headings: the index and the body count headings in the same order.

    def scene_label(self, heading: SceneHeading, index: int) -> str:
        """The number shown for a scene: its own number when it has one, else its position."""
        return heading.number or str(index)

    # -- whole page ---------------------------------------------------------

    def document(self) -> str:
        o = self.out
        title = self.doc.title or "Screenplay"
        layout = self.pages.layout
        o.append(f"<body class=\"paper-{self.paper} mode-{self.mode} paged\">\n")
        o.append("<a class=\"skip\" href=\"#script\">Skip to the script</a>\n")
        watermark = layout.watermark
        if watermark:
            o.append(f"<div class=\"watermark\" aria-hidden=\"true\">{escape(watermark)}</div>\n")
        self.title_page()
        self.index()
        o.append("<main id=\"script\" class=\"sheet\" tabindex=\"-1\">\n")
        self.body()
        o.append("</main>\n")
        o.append(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
        # The head comes last: the print rules depend on the rows the body used.
        head = ["<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n",
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; img-src data:; font-src data:; "
                f"script-src '{_SCRIPT_HASH}'\"/>\n",
                "<meta name=\"generator\" content=\"screenplay-toolchain\"/>\n",
                f"<title>{escape(title, quote=False)}</title>\n<style>\n",
                *self.fonts, _stylesheet(),
                f"\n@page {{ size: {_PAGE_SIZE[self.paper]}; }}\n",
                _print_css(layout.profile, self.pages.gaps)]
        if watermark:
            head.append(_WATERMARK_CSS)
        if self.pages.marks:
            head.append(_MARK_CSS)
        head.append("</style>\n</head>\n")
        head += o  # one join copies the (font-heavy) head and the body once
        return "".join(head)

    # -- title page ---------------------------------------------------------

    def title_page(self) -> None:
        """The title page as the page's banner: title as the h1, credits centred, contact lower left.

        The arrangement is the layout's (format standard 5.9): each centred
        entry gets the blank rows before it that put it on the PDF's row.
        """
        tp = self.doc.title_page
        laid = self.pages.layout.title_page
        if laid is None:
            tp = []   # the layout leaves it out (--no-title-page): so does the HTML
        if not tp:
            # Keep one h1 for the outline even without a title page.
            title = escape(self.doc.title or "Screenplay", quote=False)
            self.out.append(f"<h1 class=\"sr-only\">{title}</h1>\n")
            return
        o = self.out
        rows = _TitleRows(laid or [], self.pages.gaps)
        o.append("<header class=\"title-page sheet\">\n<div class=\"tp-centre\">\n")
        h1_done = False
        for key in _CENTRE_KEYS:
            for f in tp:
                if f.key.lower() != key:
                    continue
                lines = "<br/>".join(inline_html(v) for v in f.values)
                cls = "tp-" + key + rows.gap(f)
                if key == "title" and not h1_done:
                    o.append(f"<h1 class=\"{cls}\">{lines}</h1>\n")
                    h1_done = True
                else:
                    o.append(f"<p class=\"{cls}\">{lines}</p>\n")
        if not h1_done:
            o.append(f"<h1 class=\"tp-title\">{escape(self.doc.title or 'Screenplay', quote=False)}"
                     "</h1>\n")
        o.append("</div>\n")
        from .setting_defs import TITLE_KEYS   # layout settings, not printed
        known = set(_CENTRE_KEYS) | set(_LEFT_KEYS) | set(_RIGHT_KEYS) | TITLE_KEYS
        by_key: dict[str, list[TitleField]] = {}
        for f in tp:     # grouped once: linear in the number of keys
            by_key.setdefault(f.key.lower(), []).append(f)
        others = [k for k in by_key if k not in known]
        for side, keys in (("left", _LEFT_KEYS), ("right", _RIGHT_KEYS + tuple(others))):
            fields = [f for key in keys for f in by_key.get(key, ())]
            if not fields:
                continue
            o.append(f"<div class=\"tp-lower tp-{side}\">\n")
            for f in fields:
                lines = "<br/>".join(inline_html(v) for v in f.values)
                cls = "tp-" + re.sub(r"[^a-z0-9]+", "-", f.key.lower()).strip("-")
                o.append(f"<p class=\"{cls}\">{lines}</p>\n")
            o.append("</div>\n")
        o.append("</header>\n")
    def index(self) -> None:
        """The scene index: sections as an outline, each scene a link with its number and page."""
        o = self.out
        o.append("<nav class=\"index\" aria-labelledby=\"index-h\">\n")
        o.append("<h2 id=\"index-h\">Scenes</h2>\n")
        names = self.doc.characters()
        if names:
            o.append("<div id=\"hl-tool\" class=\"hl-tool\" hidden=\"hidden\">"
                     "<label for=\"hl-pick\">Highlight</label> <select id=\"hl-pick\">"
                     "<option value=\"\">nobody</option>")
            for name in sorted(names):
                o.append(f"<option value=\"{escape(name)}\">{escape(name, quote=False)}</option>")
            o.append("</select> <output id=\"hl-count\" for=\"hl-pick\"></output></div>\n")
        o.append("<ol class=\"scenes\">\n")
        pages = self.pages
        n = 0
        for el in self.doc.body:
            t = type(el)
            if t is Action or t is Speech:
                continue  # the bulk of a script, neither heading nor section
            if isinstance(el, SceneHeading):
                n += 1
                label = escape(self.scene_label(el, n), quote=False)
                page = ""
                if pages is not None:
                    p = pages.page_of_scene(n)
                    if p:
                        page = f" <span class=\"ix-page\">p.&#160;{escape(p, quote=False)}</span>"
                o.append(f"<li><a href=\"#scene-{n}\"><span class=\"ix-num\">{label}"
                         f"</span> <span class=\"ix-text\">{inline_html(el.text, upper=True)}"
                         f"</span>{page}</a></li>\n")
            elif isinstance(el, Section):
                o.append(f"<li class=\"section depth-{min(el.depth, 6)}\">"
                         f"{inline_html(el.text)}</li>\n")
        o.append("</ol>\n</nav>\n")

    # -- body ---------------------------------------------------------------

    # -- body ---------------------------------------------------------------

    def body(self) -> None:
        """Every element of the body in order, each scene a ``<section>``.

        Each element's rows are the run of laid lines at the front of the
        layout's stream (:meth:`_Pages.take`); an element the layout did not
        print (notes, sections, an empty paragraph) has none and writes nothing.
        The common printed paragraphs (:data:`_BLOCKS`) are found by exact type,
        as they make up most of a script; subclasses go through ``isinstance``.
        """
        o = self.out
        pages = self.pages
        take = pages.take
        emit_block = pages.emit_block
        blocks = _BLOCKS
        n = 0
        open_section = False
        partner: object = None   # the right column of the last dual pair, already written
        pages.start(o)
        for el in self.doc.body:
            block = blocks.get(type(el))
            if block is None:
                block = _block_of(el)
            if block is not None:
                lines = take(el)
                if lines:
                    emit_block(o, "p", block[0], lines, loose=block[1])
            elif isinstance(el, SceneHeading):
                if open_section:
                    o.append("</section>\n")
                n += 1
                self.heading(el, n, take(el))
                open_section = True
            elif isinstance(el, Speech) and el is not partner:
                lines = take(el, partner=True)
                if lines and lines[0][1].column is not None:
                    partner = self.dual(el, lines)
                elif lines:
                    self.speech(el, lines)
        pages.finish(o)
        if open_section:
            o.append("</section>\n")

    def heading(self, el: SceneHeading, n: int, lines: list[Placed]) -> None:
        o = self.out
        sid = f"scene-{n}"
        number = self.scene_label(el, n)
        # No accessible name on purpose: a named section is a "region" landmark,
        # and two hundred of them would bury banner, navigation and main.
        o.append(f"<section class=\"scene\" id=\"{sid}\" data-scene=\"{n}\" "
                 f"data-number=\"{escape(number)}\">\n")
        # Exactly what the PDF prints: the layout's numbers, in the layout's margins.
        printed = {ln.column: ln.text for _, ln in lines if ln.kind == "scene-number"}
        label = escape(printed.get("left") or printed.get("right") or number, quote=False)
        shown_l = " shown" if "left" in printed else ""
        shown_r = " shown" if "right" in printed else ""
        # The numbers are inside the heading's first row so they share its baseline.
        prefix = (f"<span class=\"num num-l{shown_l}\">{label}<span class=\"sr-only\">.</span>"
                  f"</span><span class=\"num num-r{shown_r}\" aria-hidden=\"true\">{label}</span>")
        if printed:
            lines = [t for t in lines if t[1].kind != "scene-number"]
        if lines:
            self.pages.emit_block(o, "h2", "heading", lines, f" id=\"{sid}-h\"", prefix=prefix)
        else:  # a heading with no text still anchors its scene
            o.append(f"<h2 class=\"heading\" id=\"{sid}-h\">{prefix}"
                     f"<span class=\"text\">{inline_html(el.text, upper=True)}</span></h2>\n")

    def _speech_open(self, sp: Speech, column: str = "", cont: bool = False) -> None:
        name = sp.character.name
        if not column and not cont:
            # One opening tag per cue name, made once: a script repeats few names.
            tag = self._opens.get(name)
            if tag is None:
                a = escape(name)
                tag = self._opens[name] = (f"<div class=\"speech\" role=\"group\" "
                                           f"data-character=\"{a}\" aria-label=\"{a}\">\n")
            self.out.append(tag)
            return
        cls = "speech" + (f" {column}" if column else "") + (" cont" if cont else "")
        a = escape(name)
        self.out.append(f"<div class=\"{cls}\" role=\"group\" data-character=\"{a}\" "
                        f"aria-label=\"{a}\">\n")

    def speech(self, sp: Speech, lines: list[Placed]) -> None:
        """A speech: cue, parentheticals and lines grouped in one ``role=group`` block."""
        self._speech_open(sp)
        self.pages.emit_speech(self.out, paragraphs(lines))
        self.out.append("</div>\n")

    def dual(self, left: Speech, lines: list[Placed]) -> object:
        """Two speeches side by side; the markup keeps reading order left, then right.

        ``lines`` are the pair's (the layout lays them row by row, left column
        first).  A pair that runs over a page break becomes one side-by-side
        block per page, with the page marker between them.  Returns the right
        column's speech, which this wrote.
        """
        o = self.out
        pages = self.pages
        label = "<div class=\"dual{cont} g{gap}\" role=\"group\" " \
                "aria-label=\"spoken at the same time\">\n"
        right = next((ln.source for _, ln in lines if ln.source is not left), None)
        columns = ((left, paragraphs([t for t in lines if t[1].source is left]), "left"),
                   (right, paragraphs([t for t in lines if t[1].source is not left]), "right"))
        page_list: list[int] = []
        for _, paras, _ in columns:
            for para in paras:
                if para[0] not in page_list:
                    page_list.append(para[0])
        page_list.sort()   # a few page indexes, not rows
        # Where each column's paragraphs stopped: a paragraph carried to the
        # next page continues there.
        at: dict[str, tuple[object, str, int]] = {"left": (None, "", -1),
                                                  "right": (None, "", -1)}
        for k, page in enumerate(page_list):
            here = [[p for p in paras if p[0] == page] for _, paras, _ in columns]
            both = here[0] + here[1]
            gap = pages.enter(o, page, min(p[3][0].row for p in both))
            o.append(label.format(cont=" cont" if k else "", gap=gap))
            pages.hold = True
            for (sp, _, col), part in zip(columns, here):
                if not isinstance(sp, Speech):
                    continue
                self._speech_open(sp, col, cont=bool(k))
                if part:
                    at[col] = pages.emit_speech(o, part, first=k == 0, at=at[col])
                o.append("</div>\n")
            pages.hold = False
            pages.done(max(p[3][-1].row for p in both))
            o.append("</div>\n")
        return right


def _block_of(el: Element) -> tuple[str, bool] | None:
    """HTML class and looseness of a printed paragraph whose type is a subclass (else None)."""
    for cls, block in _BLOCKS.items():
        if isinstance(el, cls):
            return block
    return None


class _TitleRows:
    """Where the layout put each centred title-page entry, as blank rows before it.

    The layout lays the centred entries in the order the writer asks for them,
    each line naming its field: an entry's lines are the run at the front.
    """

    def __init__(self, lines: list[LaidLine], gaps: set[int]) -> None:
        self.lines = [ln for ln in lines if ln.align == "center"]
        self.gaps = gaps
        self.i = 0
        self.last = -1

    def gap(self, field: TitleField) -> str:
        """`` gN`` for ``field``, or "" when the layout did not lay it (a repeated key)."""
        lines, i = self.lines, self.i
        k = i
        while k < len(lines) and lines[k].source is field:
            k += 1
        if k == i:
            return ""
        g = max(0, lines[i].row - self.last - 1)
        self.last = lines[k - 1].row
        self.i = k
        self.gaps.add(g)
        return f" g{g}"


# ---------------------------------------------------------------------------
# Pages from the shared layout
# ---------------------------------------------------------------------------

#: In a 12 pt line box Chromium sets Courier Prime's baseline 3 pt (0.25 em) higher
#: than the PDF's row baseline (measured with pdftotext -bbox on both prints), so
#: print moves every page's rows down by that much.
_BASELINE_SHIFT_EM = 0.25


def _print_css(profile: Profile, gaps: Iterable[int]) -> str:
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


class _Pages:
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
        # Each row: its text (plain runs escaped inline, the common case) after
        # the spaces of any indentation the layout kept.
        parts: list[str] = []
        sep = ""
        for ln in lines:
            runs = ln.runs
            r = runs[0] if len(runs) == 1 else None
            if r is not None and not r.style and r.kind == TEXT:
                t = _text_html(r.text)
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


__all__ = ["render_html", "inline_html", "PAPERS", "MODES"]
