"""HTML writer: one self-contained, semantic, accessible HTML5 file per script.

Why it is built the way it is:

* **Semantic first.** Each scene is a ``<section>`` opened by its heading
  (``<h2>``), each speech is a group holding its cue, parentheticals and lines,
  and the title page is the page's ``<header>``.  A screen reader can walk the
  script by headings and landmarks (banner, navigation, main).
* **Safe by construction.** Every piece of script text goes through
  :func:`screenplay.html_inline.escape`, and each element is emitted by one function that opens
  and closes its own tags, so a Fountain file can never inject markup.  A
  Content-Security-Policy in the head only lets our own inline script run.
* **Self-contained.** The stylesheet (``styles/screenplay.css``) is inlined
  and the Courier Prime faces the text uses are embedded from
  ``styles/fonts`` (SIL OFL), so 1 ``ch`` is the standard's 0.1 in at 12 pt on
  any machine.
* **Pages come from the shared layout.** The HTML never paginates on its own:
  each element's rows, breaks and page numbers are the laid lines of
  :mod:`screenplay.layout` (walked by :mod:`screenplay.html_pages`), so the page
  markers on screen and the page breaks in print are the PDF's.
* **Works without JavaScript.** The small script only adds character
  highlighting; without it the page reads and prints the same.
"""
from __future__ import annotations

import re

from .errors import InputError
from .html_css import (MARK_CSS, PAGE_SIZE, WATERMARK_CSS, font_face, print_css, styles_used,
                       stylesheet)
from .html_inline import escape, inline_html
from .html_pages import Pages, Placed, paragraphs
from .model import (Action, Centered, Document, Element, Lyrics, SceneHeading, Section, Speech,
                    TitleField, Transition)
from .setting_defs import MODES, PAPERS  # the one definition

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from .layout_types import LaidLine, Layout

#: Title-page keys by where they print (format standard, section 5.9).
_CENTRE_KEYS = ("title", "credit", "author", "authors", "source")
_LEFT_KEYS = ("draft date", "date", "contact")      # lower left
_RIGHT_KEYS = ("notes", "copyright")                # lower right, then any other keys


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
        pages = Pages(layout)
        fonts = [font_face(b) for b in sorted(styles_used(doc))] if embed_fonts else []
        page = _Writer(doc, paper, mode, pages, fonts).document()
        # Free the plan's many small objects while the collector is still
        # paused, rather than have its first run afterwards walk them all.
        del pages
    return page


#: Printed block elements that are one paragraph each: HTML class, and whether it is
#: loose lyrics (see ``Pages.emit_block``).  Looked up by exact type (see ``_Writer.body``).
_BLOCKS: dict[type, tuple[str, bool]] = {
    Action: ("action", False),
    Transition: ("transition", False),
    Centered: ("centered", False),
    Lyrics: ("lyrics loose", True),
}


class _Writer:
    """Builds the page as a list of string pieces (fast, and every tag closed where opened)."""

    def __init__(self, doc: Document, paper: str, mode: str, pages: Pages,
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
                *self.fonts, stylesheet(),
                f"\n@page {{ size: {PAGE_SIZE[self.paper]}; }}\n",
                print_css(layout.profile, self.pages.gaps)]
        if watermark:
            head.append(WATERMARK_CSS)
        if self.pages.marks:
            head.append(MARK_CSS)
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
        layout's stream (:meth:`Pages.take`); an element the layout did not
        print (notes, sections, an empty paragraph) has none and writes nothing.
        The common printed paragraphs (:data:`_BLOCKS`) are found by exact type,
        as they make up most of a script; subclasses go through ``isinstance``.
        """
        o = self.out
        pages = self.pages
        take = pages.take
        emit_block = pages.emit_block
        blocks: dict[type, tuple[str, bool] | None] = dict(_BLOCKS)   # subclasses added as met
        n = 0
        open_section = False
        partner: object = None   # the right column of the last dual pair, already written
        pages.start(o)
        for el in self.doc.body:
            t = type(el)
            block = blocks.get(t, _UNSEEN)
            if block is _UNSEEN:
                block = blocks[t] = _block_of(el)
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


#: ``_Writer.body``'s mark for a type it has not classified yet.
_UNSEEN: tuple[str, bool] = ("", False)


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


__all__ = ["render_html", "inline_html", "PAPERS", "MODES"]
