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
from .model import (
    BOLD, ITALIC, TEXT, UNDERLINE, UNPRINTED, Action, Centered, Dialogue, Document, Element,
    Lyrics, PageBreak, Parenthetical, SceneHeading, Section, Speech, Text, TitleField, Transition,
    plain,
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
    document, paper and mode (a caller writing the PDF too can share it).  When the
    shared layout engine is importable, page markers and print page breaks
    follow its pages; otherwise the browser paginates the print on its own.
    """
    paper, mode = _check_options(paper, mode)
    from .gcpause import gc_paused
    with gc_paused():  # the page plan and the page build many small objects, no cycles
        pages = _PagePlan(layout) if layout is not None else _page_plan(doc, paper, mode)
        fonts = [_font_face(b) for b in sorted(_styles_used(doc))] if embed_fonts else []
        page = _Writer(doc, paper, mode, pages, fonts).document()
        # Free the plan's many small objects while the collector is still
        # paused, rather than have its first run afterwards walk them all.
        del pages
    return page


#: Printed block elements that are one paragraph each: HTML class, whether the
#: text is shown in capitals, and whether it is loose lyrics (see
#: ``_PagePlan.emit_block``).  Looked up by exact type (see ``_Writer.body``).
_BLOCKS: dict[type, tuple[str, bool, bool]] = {
    Action: ("action", False, False),
    Transition: ("transition", True, False),
    Centered: ("centered", False, False),
    Lyrics: ("lyrics loose", False, True),
}


_BLOCK_TYPES = (Action, Transition, Centered, Lyrics)


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

    def __init__(self, doc: Document, paper: str, mode: str, pages: _PagePlan | None,
                 fonts: "list[str] | str" = "") -> None:
        self.doc = doc
        self.fonts = [fonts] if isinstance(fonts, str) else fonts
        self.paper = paper
        self.mode = mode
        self.pages = pages  # a PagePlan or None
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
        paged = " paged" if self.pages is not None else ""
        o.append(f"<body class=\"paper-{self.paper} mode-{self.mode}{paged}\">\n")
        o.append("<a class=\"skip\" href=\"#script\">Skip to the script</a>\n")
        watermark = getattr(self.pages.layout, "watermark", None) if self.pages is not None \
            else None
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
                f"\n@page {{ size: {_PAGE_SIZE[self.paper]}; }}\n"]
        if self.pages is not None:
            head.append(_print_css(self.pages.layout.profile, self.pages.gaps))
        if watermark:
            head.append(_WATERMARK_CSS)
        if self.pages is not None and getattr(self.pages, "marks", None):
            head.append(_MARK_CSS)
        head.append("</style>\n</head>\n")
        head += o  # one join copies the (font-heavy) head and the body once
        return "".join(head)

    # -- title page ---------------------------------------------------------

    def title_page(self) -> None:
        """The title page as the page's banner: title as the h1, credits centred, contact lower left.

        The arrangement is the layout's (format standard 5.9): with a layout,
        each centred entry gets the blank rows before it that put it on the
        PDF's row.
        """
        tp = self.doc.title_page
        if self.pages is not None and self.pages.layout.title_page is None:
            tp = []   # the layout leaves it out (--no-title-page): so does the HTML
        if not tp:
            # Keep one h1 for the outline even without a title page.
            title = escape(self.doc.title or "Screenplay", quote=False)
            self.out.append(f"<h1 class=\"sr-only\">{title}</h1>\n")
            return
        o = self.out
        rows = (_TitleRows(self.pages.layout.title_page, self.pages.gaps)
                if self.pages is not None else _TitleRows(None, set()))
        o.append("<header class=\"title-page sheet\">\n<div class=\"tp-centre\">\n")
        h1_done = False
        for key in _CENTRE_KEYS:
            for f in tp:
                if f.key.lower() != key:
                    continue
                lines = "<br/>".join(inline_html(v) for v in f.values)
                gap = rows.gap(f.values)
                cls = "tp-" + key + gap
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

    # -- scene index --------------------------------------------------------

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

    def body(self) -> None:
        """Every element of the body in order, each scene a ``<section>``.

        The common printed paragraphs (:data:`_BLOCKS`) are found by exact type
        and written right here, as they make up most of a script; anything
        else, subclasses included, goes through the ``isinstance`` tests.
        """
        o = self.out
        body = self.doc.body
        pages = self.pages
        rows_of = pages.by_source.get if pages is not None else None
        blocks = _BLOCKS
        n = 0
        open_section = False
        if pages is not None:
            pages.start(o)
        i = 0
        count = len(body)
        while i < count:
            el = body[i]
            block = blocks.get(type(el))
            if block is not None and isinstance(el, _BLOCK_TYPES):
                lines = rows_of(id(el)) if rows_of is not None else None
                if lines and pages is not None:
                    pages.emit_block(o, "p", block[0], el, lines, loose=block[2])
                else:
                    o.append(f"<p class=\"{block[0]}\">{inline_html(el.text, block[1])}</p>\n")
            elif isinstance(el, SceneHeading):
                if open_section:
                    o.append("</section>\n")
                n += 1
                self.heading(el, n)
                open_section = True
            elif isinstance(el, Speech):
                nxt = body[i + 1] if i + 1 < count else None
                if isinstance(nxt, Speech) and nxt.character.dual:  # the right column of a pair
                    self.dual(el, nxt)
                    i += 1
                else:
                    self.speech(el)
            else:
                self.element(el)
            i += 1
        if pages is not None:
            pages.finish(o)
        if open_section:
            o.append("</section>\n")

    def block(self, tag: str, cls: str, source: object, fallback: str, attrs: str = "",
              lines: "list[Row] | None" = None) -> None:
        """One printed paragraph: as one tag, or split where the layout turns a page."""
        if self.pages is not None:
            if lines is None:
                lines = self.pages.lines_of(source)
            if lines:
                self.pages.emit_block(self.out, tag, cls, source, lines, attrs)
                return
        self.out.append(f"<{tag} class=\"{cls}\"{attrs}>{fallback}</{tag}>\n")

    def heading(self, el: SceneHeading, n: int) -> None:
        o = self.out
        sid = f"scene-{n}"
        number = self.scene_label(el, n)
        label = escape(number, quote=False)
        # No accessible name on purpose: a named section is a "region" landmark,
        # and two hundred of them would bury banner, navigation and main.
        o.append(f"<section class=\"scene\" id=\"{sid}\" data-scene=\"{n}\" "
                 f"data-number=\"{escape(number)}\">\n")
        if self.pages is not None:
            # Exactly what the PDF prints: the layout's numbers, in the layout's margins.
            printed = self.pages.numbers.get(id(el), {})
            label = escape(printed.get("left") or printed.get("right") or number, quote=False)
            shown_l = " shown" if "left" in printed else ""
            shown_r = " shown" if "right" in printed else ""
        else:
            shown_l = shown_r = " shown" if self.mode == "shooting" else ""
        # The numbers are inside the heading's first row so they share its baseline.
        prefix = (f"<span class=\"num num-l{shown_l}\">{label}<span class=\"sr-only\">.</span>"
                  f"</span><span class=\"num num-r{shown_r}\" aria-hidden=\"true\">{label}</span>")
        lines = self.pages.lines_of(el) if self.pages is not None else None
        if lines and self.pages is not None:
            self.pages.emit_block(o, "h2", "heading", el, lines, f" id=\"{sid}-h\"", prefix=prefix,
                                  loose=False)
        else:
            o.append(f"<h2 class=\"heading\" id=\"{sid}-h\">{prefix}"
                     f"<span class=\"text\">{inline_html(el.text, upper=True)}</span></h2>\n")

    def element(self, el: Element) -> None:
        if isinstance(el, UNPRINTED):
            return  # sections, synopses, notes and boneyard never print
        if isinstance(el, PageBreak):
            if self.pages is None:
                self.out.append("<hr class=\"forced-break\" aria-hidden=\"true\"/>\n")
            return  # with a layout the next page marker shows the break
        if isinstance(el, Action):
            self.block("p", "action", el, inline_html(el.text))
        elif isinstance(el, Speech):
            self.speech(el)
        elif isinstance(el, Lyrics):
            self.block("p", "lyrics loose", el, inline_html(el.text))
        elif isinstance(el, Transition):
            self.block("p", "transition", el, inline_html(el.text, upper=True))
        elif isinstance(el, Centered):
            self.block("p", "centered", el, inline_html(el.text))

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

    def _cue_html(self, sp: Speech) -> str:
        ch = sp.character
        up = (lambda t: t) if ch.forced else str.upper   # "@McCABE" keeps its case
        ext = "".join(f" <span class=\"ext\">({escape(up(e), quote=False)})</span>"
                      for e in ch.extensions)
        return f"<span class=\"name\">{escape(up(ch.name), quote=False)}</span>{ext}"

    def speech(self, sp: Speech, column: str = "") -> None:
        """A speech: cue, parentheticals and lines grouped in one ``role=group`` block."""
        o = self.out
        if self.pages is not None:
            groups = self.pages.speech_groups(sp)
            if groups:
                self._speech_open(sp, column)
                self.pages.emit_speech(o, sp, groups)
                o.append("</div>\n")
                return
        self._speech_open(sp, column)
        o.append(f"<p class=\"cue\">{self._cue_html(sp)}</p>\n")
        for part in sp.parts:
            if isinstance(part, Parenthetical):
                o.append(f"<p class=\"paren\">({inline_html(part.text)})</p>\n")
            elif isinstance(part, Dialogue):
                o.append(f"<p class=\"dialogue\">{inline_html(part.text)}</p>\n")
            elif isinstance(part, Lyrics):
                o.append(f"<p class=\"lyrics\">{inline_html(part.text)}</p>\n")
        o.append("</div>\n")

    def dual(self, left: Speech, right: Speech) -> None:
        """Two speeches side by side; the markup keeps reading order left, then right.

        With a layout, a pair that runs over a page break becomes one side-by-side
        block per page, with the page marker between them.
        """
        o = self.out
        label = "<div class=\"dual{cont}{gap}\" role=\"group\" aria-label=\"spoken at the same time\">\n"
        pages = self.pages
        if pages is not None:
            lg, rg = pages.speech_groups(left), pages.speech_groups(right)
            if lg and rg:
                # Where each column's paragraphs stopped: a paragraph carried to
                # the next page continues there.
                at = {"left": (None, -1), "right": (None, -1)}
                for k, (page, lpart, rpart) in enumerate(pages.split_dual(lg, rg)):
                    both = lpart + rpart
                    top = min(grp[3][0][2] for grp in both)
                    gap = pages.enter(o, page, top)
                    o.append(label.format(cont=" cont" if k else "", gap=f" g{gap}"))
                    pages.hold = True
                    for sp, part, col in ((left, lpart, "left"), (right, rpart, "right")):
                        self._speech_open(sp, col, cont=bool(k))
                        if part:
                            at[col] = pages.emit_speech(o, sp, part, first=k == 0, at=at[col])
                        o.append("</div>\n")
                    pages.hold = False
                    pages.done(max(grp[3][-1][2] for grp in both))
                    o.append("</div>\n")
                return
        o.append(label.format(cont="", gap=""))
        self.speech(left, "left")
        self.speech(right, "right")
        o.append("</div>\n")


# ---------------------------------------------------------------------------
# Pages from the shared layout
# ---------------------------------------------------------------------------

def _page_plan(doc: Document, paper: str, mode: str) -> "_PagePlan | None":
    """The shared layout's pages for ``doc``, or None when no layout engine is installed.

    The HTML never paginates by itself: page markers and print breaks are the
    layout's, which is what the PDF writer draws.
    """
    try:
        from .layout import load_profile, paginate
    except ImportError:
        return None
    return _PagePlan(paginate(doc, load_profile(paper, mode)))


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


def _norm(s: str) -> str:
    """Text as the layout prints it (tabs expanded, NFC), upper-cased for matching rows."""
    s = s.replace("\t", "    ")
    if not s.isascii():
        from unicodedata import normalize  # only non-ASCII text needs it
        s = normalize("NFC", s)
    return s.upper()


class _TitleRows:
    """Finds where the layout put each centred title-page entry, as blank rows before it."""

    def __init__(self, lines: "list | None", gaps: set[int]) -> None:
        self.lines = [ln for ln in (lines or []) if ln.align == "center"]
        self.gaps = gaps
        self.i = 0
        self.last = -1

    def gap(self, values: list[Text]) -> str:
        """`` gN`` for the entry whose value lines are ``values``, or "" when not found."""
        want = _squash_text(" ".join(plain(v) for v in values))
        for j in range(self.i, len(self.lines)):
            ln = self.lines[j]
            got = _squash_text(ln.text)
            if got and want.startswith(got):
                g = max(0, ln.row - self.last - 1)
                # Take this entry's further rows too.
                seen = len(got)
                k = j + 1
                while k < len(self.lines) and seen < len(want):
                    more = _squash_text(self.lines[k].text)
                    if not want.startswith(more, seen):
                        break
                    seen += len(more)
                    k += 1
                self.last = self.lines[k - 1].row
                self.i = k
                self.gaps.add(g)
                return f" g{g}"
        return ""


def _squash_text(s: str) -> str:
    """Text for matching laid rows to their source: no white space, upper case."""
    return "".join(_norm(s).split())


class _RowJoiner:
    """Decides whether the break before each laid row was a line break in the source.

    Hard breaks become ``<br/>`` (kept on screen); wraps become a plain space, so
    the text reflows on a narrow screen and copies as one paragraph.  Only made
    for source text that has a line break (see :func:`_joiner`): without one
    every break is a wrap.
    """

    def __init__(self, source_text: str) -> None:
        self.s = _norm(source_text)
        self.pos = 0

    def sep(self, row_text: str) -> str:
        t = _norm(row_text).strip().strip("()").strip()
        hard = False
        if t:
            k = self.s.find(t, self.pos)
            if k >= 0:
                hard = "\n" in self.s[self.pos:k]
                self.pos = k + len(t)
        else:
            k = self.s.find("\n", self.pos)  # an empty row: a blank source line
            if k >= 0:
                hard = True
                self.pos = k + 1
        return "<br/>" if hard else " "


def _joiner(source: object) -> "_RowJoiner | None":
    """The joiner for rows laid from ``source``, or None when every break is a wrap."""
    text = getattr(source, "text", None)
    if not isinstance(text, tuple):
        return None
    if len(text) == 1 and text[0].kind == TEXT:
        s = text[0].text  # plain() of one printed run, without the join
    else:
        s = plain(text)
    return _RowJoiner(s) if "\n" in s else None


#: Laid line kind of each speech part type (anything else is lyrics).
_KIND_OF_PART = {Parenthetical: "parenthetical", Dialogue: "dialogue"}

#: HTML class of a speech part's paragraph, by laid line kind.
_PART_CLASS = {"parenthetical": "paren", "dialogue": "dialogue", "lyrics": "lyrics"}

#: Row of "no more furniture on this page": after every row.
_NEVER = 1 << 62

#: One laid row of an element: (page index, the LaidLine, its row, its kind).  The
#: row and kind are read once from the named tuple, as the rows are visited
#: several times (grouping, order checks, gaps).
Row = tuple[int, "LaidLine", int, str]

#: A speech's rows as paragraphs: (page index, part index or -1, laid kind, [Row, ...]).
SpeechGroup = tuple[int, int, str, list]


def _row_order(t: Row) -> tuple:
    """Sort key of rows: page, row, then left to right."""
    return (t[0], t[2], t[1].x)


class _PagePlan:
    """Walks the layout's pages while the writer walks the model.

    The writer asks for each element's laid lines; the plan emits page markers
    (with the page-number line), page furniture such as CONTINUED lines, and the
    number of blank rows before each block, so print reproduces the PDF rows.
    """

    def __init__(self, layout: Layout) -> None:
        from .layout import CONTENT_KINDS, HEADER_ROW
        self.layout = layout
        self.pages = layout.pages
        # id(source element) -> its laid rows (see :data:`Row`), in page order.
        self.by_source: dict[int, list[Row]] = {}
        self.header: list[list[LaidLine]] = []
        self.furniture: list[list[tuple[int, list[LaidLine]]]] = []
        #: id(heading) -> {"left"/"right": number} as the layout prints them
        self.numbers: dict[int, dict[str, str]] = {}
        by_source = self.by_source
        get = by_source.get
        content = CONTENT_KINDS
        # A paragraph's rows come one after another: the last source's list is
        # kept at hand, which saves most of the id() and dict look-ups.
        last_source: object = None
        last_rows: list[Row] = []
        #: (page index, row) of every revision mark (production drafts), drawn beside its row
        self.marks: set[tuple[int, int]] = set()
        for pi, page in enumerate(self.pages):
            furn: dict[int, list[LaidLine]] | None = None
            head: list[LaidLine] = []
            for ln in page.lines:
                row = ln.row
                if row == HEADER_ROW:
                    head.append(ln)
                    continue
                source = ln.source
                kind = ln.kind
                if source is not None and kind in content:
                    if source is not last_source:
                        last_source = source
                        last_rows = get(id(source))  # type: ignore[assignment]
                        if last_rows is None:
                            last_rows = by_source[id(source)] = []
                    last_rows.append((pi, ln, row, kind))
                elif kind == "revision-mark":
                    self.marks.add((pi, row))
                elif row >= 0:
                    if kind == "scene-number" and source is not None:
                        self.numbers.setdefault(id(source), {})[ln.column or ""] = ln.text
                    if furn is None:
                        furn = {}
                    found = furn.get(row)
                    if found is None:
                        furn[row] = [ln]
                    else:
                        found.append(ln)
            self.header.append(head)
            if furn is None:
                self.furniture.append([])
            else:
                # Furniture sharing a row with content is not drawn on its own.
                content_rows = {ln.row for ln in page.lines if ln.row != HEADER_ROW
                                and ln.source is not None and ln.kind in content}
                self.furniture.append(sorted((r, ls) for r, ls in furn.items()
                                             if r not in content_rows))
        self.cur = 0
        self.last = -1
        self.fptr = 0
        self.fnext = _NEVER
        self._next_furniture()
        self.hold = False
        self.gaps: set[int] = set()
        self._scene_page: dict[int, int] | None = None
        self._bases: dict[tuple, float] = {}  # (kind, column, loose) -> _find_base_x

    # -- queries ------------------------------------------------------------

    def lines_of(self, source: object) -> list[Row]:
        return self.by_source.get(id(source), [])

    def speech_lines(self, sp: Speech) -> list[Row]:
        """A speech's rows in (page, row) order, whatever part the layout names as their source.

        The result may be the plan's own list: callers only read it.
        """
        out = self._speech_rows(sp)
        if not _rows_ascend(out):
            out = sorted(out, key=_row_order)
        return out

    def _speech_rows(self, sp: Speech) -> list[Row]:
        """A speech's rows as the layout gave them, not yet checked for order."""
        get = self.by_source.get
        out = get(id(sp)) or []
        copied = False
        for src in (sp.character, *sp.parts):
            more = get(id(src))
            if more:
                if not copied:
                    out = list(out)
                    copied = True
                out.extend(more)
        return out

    def speech_groups(self, sp: Speech) -> list[SpeechGroup]:
        """A speech's rows cut into paragraphs: consecutive rows of one page, part and kind.

        Each row is given to the part it prints (see :meth:`_part_indexes`), so a
        speech's parts stay separate paragraphs whatever source the layout names.
        Groups never span a page, so a dual column takes its groups page by page.
        """
        parts = sp.parts
        groups: list[SpeechGroup] = []
        gpage, gidx, gkind = -1, -2, ""
        rows: list = []
        if len(parts) < 2:
            # At most one part (the usual case): every row that is not a cue
            # or (MORE) prints it, so the part follows from the kind.  The rows
            # are checked for (page, row) order on the way (see _rows_ascend).
            part = 0 if parts else -1
            lines = self._speech_rows(sp)
            prow = 0
            for t in lines:
                pi, _, row, kind = t
                if pi == gpage:
                    if row <= prow:
                        break  # out of order: sort them, below
                    prow = row
                    if kind == gkind:
                        rows.append(t)
                        continue
                elif pi < gpage:
                    break
                else:
                    prow = row
                rows = [t]
                groups.append((pi, -1 if kind == "character" or kind == "more" else part,
                               kind, rows))
                gpage, gkind = pi, kind
            else:
                return groups
            groups = []
            gpage, gkind = -1, ""
            for t in sorted(lines, key=_row_order):
                pi, _, _, kind = t
                if pi == gpage and kind == gkind:
                    rows.append(t)
                else:
                    rows = [t]
                    groups.append((pi, -1 if kind == "character" or kind == "more" else part,
                                   kind, rows))
                    gpage, gkind = pi, kind
            return groups
        lines = self.speech_lines(sp)
        kinds = [_KIND_OF_PART.get(type(p), "lyrics") for p in parts]
        if all(a != b for a, b in zip(kinds, kinds[1:])):
            # Neighbouring parts differ in kind (the next most usual): a change of
            # kind between rows is a change of part, and no text need be compared.
            indexes = _part_indexes_by_kind(lines, kinds)
        else:
            indexes = self._part_indexes(sp, lines, kinds)
        for t, idx in zip(lines, indexes):
            pi, _, _, kind = t
            if idx == gidx and pi == gpage and kind == gkind:
                rows.append(t)
            else:
                rows = [t]
                groups.append((pi, idx, kind, rows))
                gpage, gidx, gkind = pi, idx, kind
        return groups

    def _part_indexes(self, sp: Speech, lines: list, kinds: list[str]) -> list[int]:
        """Which of the speech's parts each laid row prints (-1 for cues and (MORE)).

        For speeches with neighbouring parts of one kind: the layout may name
        the part or the whole speech as a row's source, so rows are matched in
        order against the parts' printed text (white space ignored; a
        parenthetical's text with its brackets).
        """
        parts = sp.parts
        index = {id(p): i for i, p in enumerate(parts)}
        targets = [_squash_text(("(" + plain(p.text) + ")") if isinstance(p, Parenthetical)
                                else plain(p.text)) for p in parts]
        out: list[int] = []
        cur, off = 0, 0
        for _, ln, _, _ in lines:
            if ln.kind in ("character", "more") or not targets:
                out.append(-1)
                continue
            if id(ln.source) in index:
                out.append(index[id(ln.source)])
                continue
            row = _squash_text(ln.text)
            found = -1
            if (kinds[cur] == ln.kind and targets[cur].startswith(row, off)
                    and (row or off < len(targets[cur]))):
                found, off = cur, off + len(row)
            else:
                for j in range(cur + 1, len(targets)):
                    if kinds[j] == ln.kind and targets[j].startswith(row):
                        found, off = j, len(row)
                        break
            if found < 0:
                found = cur  # no better guess: keep the rows together
            cur = found
            out.append(found)
        return out

    def page_of_scene(self, index: int) -> str | None:
        if self._scene_page is None:
            # Layout.page_of_scene looks through every scene: asked for each scene
            # of a long script, that is quadratic.  The first span of an index wins there too.
            self._scene_page = {}
            for sc in self.layout.scenes:
                self._scene_page.setdefault(sc.index, sc.first_page)
        n = self._scene_page.get(index)
        return None if n is None else str(n)

    @staticmethod
    def split_dual(left: list, right: list) -> list[tuple[int, list, list]]:
        """Two columns' groups (or rows) page by page: (page, left ones, right ones)."""
        pages = sorted({t[0] for t in left} | {t[0] for t in right})
        return [(p, [t for t in left if t[0] == p], [t for t in right if t[0] == p])
                for p in pages]

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
        """Note the row of the current page's next unwritten furniture (kept for :meth:`_group`)."""
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
        """Where a row of this kind starts when it is not indented (inches); cached by :meth:`_group`."""
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

    @staticmethod
    def _indent(ln: LaidLine, base: float) -> str:
        """Leading spaces for a row the layout indented (indentation kept from the source)."""
        if ln.align != "left":
            return ""
        n = round((ln.x - base) * 10)
        return " " * n if n > 0 else ""

    def _group(self, o: list[str], tag: str, cls: str, attrs: str, lines: list,
               joiner: "_RowJoiner | None", prefix: str = "", loose: bool = False) -> None:
        """One paragraph's rows on one page, as ``<tag>`` with a span per row.

        This runs for every paragraph of the script, so the usual cases are
        written out inline: same page as the last block, no furniture before
        it, one plain run per row, no source line breaks.
        """
        pi, first, row, kind = lines[0]
        if self.hold or self.cur != pi or self.fnext < row:
            g = self.enter(o, pi, row)
        else:  # same page, no furniture before this row: enter() reduced to its gap
            g = row - self.last - 1
            if g < 0:
                g = 0
            self.gaps.add(g)
        key = (kind, first.column, loose)
        base = self._bases.get(key)
        if base is None:
            base = self._bases[key] = self._find_base_x(first, loose)
        # Each row: its text (plain runs escaped inline, the common case) after
        # the spaces of any indentation the layout kept (see :meth:`_indent`).
        texts: list[str] = []
        for _, ln, _, _ in lines:
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
            if self.marks and (pi, ln.row) in self.marks:
                t += self._mark(base)
            texts.append(t)
        if joiner is None and len(texts) == 1:  # most paragraphs: one row
            o.append(f"<{tag} class=\"{cls} g{g}\"{attrs}>{prefix}<span class=\"r\">{texts[0]}"
                     f"</span></{tag}>\n")
        else:
            if joiner is not None:
                seps = [joiner.sep(ln.text) for _, ln, _, _ in lines]  # each moves its place on
                seps[0] = ""
                body = "".join([f"{sep}<span class=\"r\">{t}</span>"
                                for sep, t in zip(seps, texts)])
            else:
                body = "<span class=\"r\">" + "</span> <span class=\"r\">".join(texts) + "</span>"
            o.append(f"<{tag} class=\"{cls} g{g}\"{attrs}>{prefix}{body}</{tag}>\n")
        if not self.hold:
            row = lines[-1][2]
            if row > self.last:
                self.last = row

    def emit_block(self, o: list[str], tag: str, cls: str, source: object, lines: list,
                   attrs: str = "", prefix: str = "", loose: bool | None = None) -> None:
        """A paragraph laid from ``source``: one tag per page it runs over.

        ``lines`` are the plan's rows of ``source``, which come in page order.
        ``loose`` tells lyrics outside a speech (found from ``source`` when not
        given); speech lyrics come through :meth:`emit_speech`.
        """
        if loose is None:
            loose = isinstance(source, Lyrics)
        if lines[0][0] == lines[-1][0]:  # first and last rows on one page: all are
            # A lone row has no break to join, so it needs no joiner.
            self._group(o, tag, cls, attrs, lines, _joiner(source) if len(lines) > 1 else None,
                        prefix, loose)
            return
        joiner = _joiner(source)
        k = 0
        start = 0
        for end in range(1, len(lines) + 1):
            if end == len(lines) or lines[end][0] != lines[start][0]:
                self._group(o, tag, cls + (" cont" if k else ""), attrs if k == 0 else "",
                            lines[start:end], joiner, prefix if k == 0 else "", loose)
                k += 1
                start = end

    def emit_speech(self, o: list[str], sp: Speech, groups: list[SpeechGroup],
                    first: bool = True, at: tuple = (None, -1)) -> tuple:
        """A speech's paragraphs (:meth:`speech_groups`): cue, parts, and the layout's (MORE) and CONT'D cues.

        ``at`` is where the speech stopped on an earlier page (a dual column
        comes page by page): the part and page of its last paragraph, which
        is returned for the next call.
        """
        joiners: dict[int, _RowJoiner | None] = {}
        cue_done = not first
        last_key, last_page = at
        group = self._group
        for pi, idx, kind, rows in groups:
            if kind == "character":
                if cue_done:
                    group(o, "p", "cue contd", " aria-hidden=\"true\"", rows, None)
                else:
                    group(o, "p", "cue", "", rows, None)
                cue_done = True
                continue
            if kind == "more":
                group(o, "p", "more", " aria-hidden=\"true\"", rows, None)
                continue
            cls = _PART_CLASS.get(kind, kind)
            key = (idx, kind)
            if key == last_key and pi > last_page:
                cls += " cont"  # the same paragraph, carried over a page
            last_key, last_page = key, pi
            if idx in joiners:
                j = joiners[idx]
            else:
                j = joiners[idx] = _joiner(sp.parts[idx]) if idx >= 0 else None
            group(o, "p", cls, "", rows, j)
        return last_key, last_page


def _part_indexes_by_kind(lines: list, kinds: list[str]) -> list[int]:
    """Which part each row prints, when neighbouring parts differ in kind.

    Rows come in part order, so a change of kind between rows is a change of
    part: the next part of the new kind.  Cues and (MORE) belong to none (-1).
    """
    nparts = len(kinds)
    out: list[int] = []
    cur, prev = -1, None
    for _, _, _, kind in lines:
        if kind == "character" or kind == "more":
            out.append(-1)
            continue
        if kind != prev:
            nxt = -1
            for j in range(cur + 1, nparts):
                if kinds[j] == kind:
                    nxt = j
                    break
            cur = nxt if nxt >= 0 else max(cur, 0)
            prev = kind
        out.append(cur)
    return out


def _rows_ascend(lines: list) -> bool:
    """True when (page, row) strictly increases, so sorting by (page, row, x) keeps the order.

    A speech's own rows come from the layout in that order; checking is cheaper
    than sorting them again.
    """
    prev_page, prev_row = -1, 0
    for page, _, row, _ in lines:
        if page < prev_page or (page == prev_page and row <= prev_row):
            return False
        prev_page, prev_row = page, row
    return True


__all__ = ["render_html", "inline_html", "PAPERS", "MODES"]
