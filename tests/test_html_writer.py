"""HTML writer: well-formed output, everything printed in order, hostile text kept as text.

The page is written as polyglot HTML5 (void tags self-closed, no bare ``<`` in
the script), so the strict XML parser of lxml is the balance check: one
unclosed ``<em>`` anywhere and parsing fails.
"""
from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from screenplay import html_writer
from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.html_writer import render_html
from screenplay.layout import load_profile, paginate
from screenplay.model import (
    Action, Character, Dialogue, Document, Parenthetical, Run, SceneHeading, Speech, TitleField,
    plain,
)

from .conftest import FIXTURES, shared_path

HOSTILE = FIXTURES / "html" / "hostile.fountain"
SAMPLES = [
    ("spec-samples", "Big-Fish.fountain"),
    ("spec-samples", "Brick-and-Steel.fountain"),
    ("kitchen-sink", "afterwriting-test.fountain"),
    ("kitchen-sink", "afterwriting-client.fountain"),
]

#: Every element the writer may produce; anything else came from script text.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "div", "h1", "h2", "p",
    "br", "nav", "ol", "li", "span", "main", "section", "strong", "em", "u", "select",
    "option", "label", "output", "script", "hr",
}


def _doc(*parts: str) -> Document:
    path = shared_path("corpus", "fountain", *parts)
    return parse_fountain(path.read_text(encoding="utf-8"))


def _parse(page: str) -> etree._Element:
    """Strict XML parse: fails on any unbalanced or stray tag."""
    return etree.fromstring(page.encode("utf-8"), etree.XMLParser(resolve_entities=False))


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _squash(s: str) -> str:
    """Compare text without white space (wrapping and <br/> differ by design)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s.replace("\t", " ")))


def _text(el: etree._Element, skip: str = "num") -> str:
    """Text of an element, leaving out the scene-number spans."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if skip in _classes(e) or "sr-only" in _classes(e):
            if e.tail:
                parts.append(e.tail)
            return
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
        if e.tail and e is not el:
            parts.append(e.tail)

    walk(el)
    return "".join(parts)


def _printed(root: etree._Element) -> list[tuple[str, str]]:
    """(kind, squashed text) of headings, cues and dialogue, in document order.

    A paragraph the layout split over a page ("cont") is joined to its first part;
    the cue repeated with (CONT'D) on the next page is furniture and skipped.
    """
    out: list[tuple[str, str]] = []
    main = root.find(".//main")
    for el in _reading_order(main):
        c = _classes(el)
        if el.tag == "h2" and "heading" in c:
            out.append(("heading", _squash(_text(el))))
        elif el.tag == "p" and "cue" in c and "contd" not in c:
            out.append(("cue", _squash(_text(el))))
        elif el.tag == "p" and "dialogue" in c:
            if "cont" in c and out and out[-1][0] == "dialogue":
                out[-1] = ("dialogue", out[-1][1] + _squash(_text(el)))
            else:
                out.append(("dialogue", _squash(_text(el))))
    return out


def _reading_order(main: etree._Element) -> list[etree._Element]:
    """Elements in document order, except that a dual-dialogue block the layout split
    over a page (``.dual`` then ``.dual.cont``) is read left column, then right."""
    out: list[etree._Element] = []
    pending: list[etree._Element] = []  # the parts of one split dual block

    def flush() -> None:
        for side in ("left", "right"):
            for block in pending:
                for sp in block:
                    if side in _classes(sp):
                        out.extend(sp.iter())
        pending.clear()

    def walk(el: etree._Element) -> None:
        c = _classes(el)
        if "dual" in c:
            if "cont" not in c:
                flush()
            pending.append(el)
            return
        if el.get("role") == "doc-pagebreak" or "furn" in c:
            out.append(el)  # page furniture between the parts of a split block
            return
        if pending:
            flush()
        out.append(el)
        for child in el:
            walk(child)

    walk(main)
    flush()
    return out


def _expected(doc: Document) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for el in doc.body:
        if isinstance(el, SceneHeading):
            out.append(("heading", _squash(el.plain.upper())))
        elif isinstance(el, Speech):
            name = el.character.name   # a forced cue ("@McCABE") keeps its case
            out.append(("cue", _squash(name if el.character.forced else name.upper())))
            out.extend(("dialogue", _squash(plain(p.text))) for p in el.parts
                       if isinstance(p, Dialogue))
    return out


def _assert_in_order(doc: Document, page: str) -> None:
    got = _printed(_parse(page))
    want = _expected(doc)
    assert len(got) == len(want)
    for (gk, gt), (wk, wt) in zip(got, want):
        assert gk == wk, (gt, wt)
        if gk == "cue":
            assert gt.startswith(wt), (gt, wt)  # extensions and (CONT'D) follow the name
        else:
            assert gt == wt


@pytest.mark.parametrize("parts", SAMPLES, ids=[p[1] for p in SAMPLES])
@pytest.mark.parametrize("mode", ["spec", "shooting"])
def test_every_scene_cue_and_line_in_order(parts: tuple[str, str], mode: str) -> None:
    doc = _doc(*parts)
    page = render_html(doc, mode=mode, embed_fonts=False)
    _assert_in_order(doc, page)
    root = _parse(page)
    sections = root.findall(".//main//section")
    assert len(sections) == len(doc.scenes())
    assert [s.get("id") for s in sections] == [f"scene-{i}" for i in range(1, len(sections) + 1)]
    # Each section opens with its heading (page furniture aside), and is not a named
    # region: landmarks stay banner, navigation and main.
    for s in sections:
        first = next(c for c in s if "pb" not in _classes(c) and "furn" not in _classes(c))
        assert first.tag == "h2" and first.get("id") == s.get("id") + "-h"
        assert s.get("aria-labelledby") is None and s.get("aria-label") is None
    assert "paged" in _classes(root.find("body"))   # rows and pages are the layout's


def test_order_agrees_with_screenplain_export() -> None:
    """An independent oracle: screenplain's HTML of Brick & Steel lists the same cues and lines."""
    ref = shared_path("corpus", "fountain", "spec-samples", "Brick-and-Steel.screenplain.html")
    theirs = lxml_html.fromstring(ref.read_bytes())
    their_cues = [_squash(e.text_content()) for e in theirs.iter()
                  if e.tag == "p" and "character" in (e.get("class") or "").split()]
    page = render_html(_doc("spec-samples", "Brick-and-Steel.fountain"), embed_fonts=False)
    ours = [t for k, t in _printed(_parse(page)) if k == "cue"]
    assert their_cues and [c.split("(")[0] for c in ours] == [c.split("(")[0] for c in their_cues]


def test_big_fish_is_well_formed_html5_too() -> None:
    page = render_html(_doc("spec-samples", "Big-Fish.fountain"))
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    tree = lxml_html.document_fromstring(page)  # the HTML parser agrees with the XML one
    assert len(tree.findall(".//section")) == len(_parse(page).findall(".//{*}section"))
    assert {el.tag for el in _parse(page).iter() if isinstance(el.tag, str)} <= ALLOWED_TAGS


# ---------------------------------------------------------------------------
# Hostile text
# ---------------------------------------------------------------------------

def test_hostile_text_stays_text() -> None:
    doc = parse_fountain(HOSTILE.read_text(encoding="utf-8"))
    page = render_html(doc, embed_fonts=False)
    root = _parse(page)
    tags = {el.tag for el in root.iter() if isinstance(el.tag, str)}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    scripts = root.findall(".//script")
    assert len(scripts) == 1 and scripts[0].text == html_writer._SCRIPT
    for el in root.iter():
        if isinstance(el.tag, str):
            assert not any(a.lower().startswith("on") for a in el.attrib)
    assert root.findtext(".//title") == doc.title
    h1 = root.find(".//header//h1")
    assert '<script>alert("title")</script> & "Quotes"' in "".join(h1.itertext())
    header_text = "".join(root.find(".//header").itertext())
    assert "Eve </h1><img src=x onerror=alert(1)>" in header_text
    assert "a&b@example.com <!-- comment -->" in header_text
    heading = root.find(".//main//h2")
    assert "\"QUOTED\" <SCRIPT> & CO'S KITCHEN" in _text(heading)
    cues = [_text(p) for p in root.iter("p") if "cue" in _classes(p)]
    assert cues[0] == '<SCRIPT>ALERT("CUE")</SCRIPT>'
    speech = root.find(".//main//div[@data-character]")
    assert speech.get("data-character") == '<SCRIPT>ALERT("CUE")</SCRIPT>'
    names = [o.get("value") for o in root.iter("option")]
    assert 'JOHN "JJ" O\'NEIL & CO' in names
    main_text = "".join(root.find(".//main").itertext())
    assert "<i>beat</i> & \"pause\"" in main_text
    assert "Action with <b>tags</b> & ampersands &amp; entities" in main_text
    assert "Yes </div></section> it is." in main_text.replace("\n", " ")
    strong = [e.text for e in root.iter("strong")]
    assert "<bold>" in strong
    # Notes, boneyard and synopses never reach the page, not even escaped.
    for hidden in ('alert("note")', "inline <script>note", 'alert("boneyard")', "Synopsis <"):
        assert hidden not in main_text
        assert escape_all(hidden) not in page
    # Sections appear only as text in the index outline.
    nav_text = "".join(root.find(".//nav").itertext())
    assert 'Act <script>alert("section")</script>' in nav_text


def escape_all(s: str) -> str:
    from html import escape
    return escape(s, quote=False)


_printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=40,
).filter(lambda s: s.strip() != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_printable, heading=_printable, name=_printable, line=_printable, action=_printable,
       style=st.integers(min_value=0, max_value=7))
def test_any_text_gives_well_formed_html(title: str, heading: str, name: str, line: str,
                                         action: str, style: int) -> None:
    doc = Document(
        title_page=[TitleField("Title", [(Run(title),)])],
        body=[SceneHeading((Run("INT. " + heading),)),
              Action((Run(action, style), Run(" [[x]]", 0, "note"))),
              Speech(Character(name.upper()), [Parenthetical((Run(line),)),
                                               Dialogue((Run(line, style),))])],
    )
    root = _parse(render_html(doc, embed_fonts=False))
    main = "".join(root.find(".//main").itertext())
    assert _squash(line) in _squash(main)
    assert _squash(action) in _squash(main)
    assert root.find(".//main//div[@data-character]").get("data-character") == name.upper()


# ---------------------------------------------------------------------------
# Structure, reading aids, options
# ---------------------------------------------------------------------------

def test_landmarks_and_heading_order() -> None:
    root = _parse(render_html(_doc("spec-samples", "Brick-and-Steel.fountain"), embed_fonts=False))
    body = root.find("body")
    assert [e.tag for e in body if e.tag in ("header", "nav", "main")] == ["header", "nav", "main"]
    headings = [e.tag for e in body.iter() if e.tag in ("h1", "h2", "h3")]
    assert headings[0] == "h1" and headings.count("h1") == 1 and "h3" not in headings
    assert body.find(".//nav").get("aria-labelledby") == "index-h"
    skip = body.find("a")
    assert skip.get("href") == "#script" and body.find(".//main").get("id") == "script"


def test_index_links_every_scene_and_pages_match_the_layout() -> None:
    from screenplay.layout import load_profile, paginate
    doc = _doc("spec-samples", "Big-Fish.fountain")
    root = _parse(render_html(doc, embed_fonts=False))
    links = root.findall(".//nav//a")
    ids = {s.get("id") for s in root.iter("section")}
    assert len(links) == len(doc.scenes()) and all(a.get("href")[1:] in ids for a in links)
    layout = paginate(doc, load_profile("letter", "spec"))
    pages = [a.findtext("span[@class='ix-page']") for a in links]
    assert pages == [f"p.\u00a0{layout.page_of_scene(i)}" for i in range(1, len(links) + 1)]
    # One page marker per laid-out page, numbered like the PDF.
    markers = [e for e in root.iter() if e.get("role") == "doc-pagebreak"]
    assert [m.get("id") for m in markers] == [f"page-{p.number}" for p in layout.pages]
    labels = ["".join(m.itertext()) for m in markers]
    assert labels == [p.label for p in layout.pages]


def test_split_speech_shows_more_and_contd_as_furniture() -> None:
    doc = _doc("kitchen-sink", "afterwriting-test.fountain")
    root = _parse(render_html(doc, embed_fonts=False))
    more = [p for p in root.iter("p") if "more" in _classes(p)]
    assert more, "the long speech in the kitchen sink splits over a page"
    for p in more:
        assert p.get("aria-hidden") == "true"
        nxt = p.getnext()
        assert nxt is not None and nxt.get("role") == "doc-pagebreak"
        cue = nxt.getnext()
        assert "contd" in _classes(cue) and "CONT'D" in _text(cue)


def test_dual_dialogue_side_by_side_and_emphasis_balanced() -> None:
    root = _parse(render_html(_doc("kitchen-sink", "afterwriting-test.fountain"), embed_fonts=False))
    duals = [d for d in root.iter("div") if "dual" in _classes(d)]
    assert duals
    cols = [sorted(_classes(s) & {"left", "right"}) for s in duals[0]]
    assert cols == [["left"], ["right"]]
    assert [s.get("data-character") for s in duals[0]] == ["HERO 1", "HERO 2"]
    tags = {e.tag for e in root.find(".//main").iter()}
    assert {"strong", "em", "u"} <= tags


def test_title_page_and_unprinted_elements() -> None:
    doc = _doc("spec-samples", "The-Last-Birthday-Card.fountain")
    page = render_html(doc, embed_fonts=False)
    root = _parse(page)
    synopses = [plain(e.text) for e in doc.body if type(e).__name__ == "Synopsis"]
    main_text = "".join(root.find(".//main").itertext())
    assert synopses and not any(s in main_text for s in synopses)
    h1 = root.find(".//header//h1")
    assert h1 is not None and h1.find("strong").text == "THE LAST BIRTHDAY CARD"
    assert [e.get("class").split()[0] for e in root.iter("h1")] == ["tp-title"]  # one h1
    without = _parse(render_html(Document(body=doc.body), embed_fonts=False))
    assert without.find(".//header") is None
    assert [e.get("class") for e in without.iter("h1")] == ["sr-only"]  # still one h1
    doc = _doc("spec-samples", "Brick-and-Steel.fountain")
    tp = _parse(render_html(doc, embed_fonts=False)).find(".//header")
    title = "".join(tp.find(".//h1").itertext())
    assert _squash(title) == _squash("".join(plain(v) for v in doc.title_value("title") or []))
    lower = [p.get("class") for p in tp.find("div[@class='tp-lower tp-left']")]
    assert lower == ["tp-draft-date", "tp-contact"]
    assert tp.find("div[@class='tp-lower tp-right']") is None
    # Big Fish has notes and a copyright line: they go lower right, as in the PDF.
    tp = _parse(render_html(_doc("spec-samples", "Big-Fish.fountain"), embed_fonts=False)).find(
        ".//header")
    right = [p.get("class") for p in tp.find("div[@class='tp-lower tp-right']")]
    assert right == ["tp-notes", "tp-copyright"]
    # With the layout, each centred entry carries the blank rows that put it on its row.
    centre = [p.get("class").split()[-1] for p in tp.find("div[@class='tp-centre']")]
    assert centre == ["g18", "g3", "g2", "g4"]  # rows 18, 22, 25 and 30


def test_highlighting_is_an_enhancement_only() -> None:
    page = render_html(_doc("spec-samples", "Brick-and-Steel.fountain"), embed_fonts=False)
    root = _parse(page)
    tool = root.find(".//*[@id='hl-tool']")
    assert tool.get("hidden") == "hidden"  # without JavaScript there is no dead control
    names = [o.get("value") for o in tool.iter("option")][1:]
    assert names == sorted({"STEEL", "BRICK", "DAN", "JACK", "COGNITO"} & set(names)) or names
    # The CSP admits exactly our script, by hash.
    csp = root.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    digest = base64.b64encode(hashlib.sha256(root.findtext(".//script").encode()).digest())
    assert f"'sha256-{digest.decode()}'" in csp and "default-src 'none'" in csp


def test_shooting_mode_prints_scene_numbers_spec_does_not() -> None:
    doc = _doc("final-draft-reference", "big-fish-excerpt-scene-numbers.fountain")
    shoot = _parse(render_html(doc, mode="shooting", embed_fonts=False))
    spec = _parse(render_html(doc, mode="spec", embed_fonts=False))
    nums = [s.get("data-number") for s in shoot.iter("section")]
    assert nums == [h.heading.number or str(h.index) for h in doc.scenes()]
    assert "1A" in nums
    shown = [e for e in shoot.iter("span") if {"num", "shown"} <= _classes(e)]
    assert len(shown) == 2 * len(nums)
    assert not [e for e in spec.iter("span") if "shown" in _classes(e)]


def test_paper_sizes_and_bad_options() -> None:
    doc = _doc("spec-samples", "Brick-and-Steel.fountain")
    assert "size: 8.5in 11in" in render_html(doc, embed_fonts=False)
    assert "size: 210mm 297mm" in render_html(doc, paper="A4", embed_fonts=False)
    with pytest.raises(InputError):
        render_html(doc, paper="legal")
    with pytest.raises(InputError):
        render_html(doc, mode="draft")


def test_fonts_embedded_only_when_used() -> None:
    plain_doc = Document(body=[Action((Run("plain"),))])
    page = render_html(plain_doc)
    assert page.count("@font-face") == 1 and "font/ttf;base64," in page
    bold_doc = Document(body=[Action((Run("bold", 1),))])
    assert render_html(bold_doc).count("@font-face") == 2
    assert "@font-face" not in render_html(bold_doc, embed_fonts=False)


def test_empty_document() -> None:
    root = _parse(render_html(Document(), embed_fonts=False))
    assert root.findtext(".//title") == "Screenplay"
    assert root.find(".//main") is not None and not root.findall(".//section")


def test_stylesheet_is_inlined_from_styles() -> None:
    from screenplay.resources import style_file
    css = Path(style_file("screenplay.css")).read_text(encoding="utf-8")
    assert css in render_html(Document(), embed_fonts=False)


def test_rows_keep_source_line_breaks_and_reflow_wraps() -> None:
    long = "word " * 30
    doc = Document(body=[
        SceneHeading((Run("INT. ROOM - DAY"),)),
        Action((Run(long.strip()),)),
        Speech(Character("ANN"), [Dialogue((Run("First line\nsecond line"),))]),
    ])
    root = _parse(render_html(doc, embed_fonts=False))
    action = next(p for p in root.iter("p") if "action" in _classes(p))
    rows = action.findall("span")
    assert len(rows) == 3 and action.find("br") is None  # wrapped: joined by spaces
    assert all(len(r.text) <= 60 for r in rows)
    assert " ".join(r.text for r in rows) == long.strip()
    dlg = next(p for p in root.iter("p") if "dialogue" in _classes(p))
    assert [r.text for r in dlg.findall("span")] == ["First line", "second line"]
    assert dlg.find("br") is not None  # a line break in the source stays one


def test_dual_pair_across_a_note_is_side_by_side_as_in_the_pdf() -> None:
    # The layout pairs "ANN ^" with JOE although a note stands between them (notes
    # never print); the HTML used to write them one under the other.
    doc = parse_fountain("INT. A\n\nJOE\nOne.\n\n[[a note]]\n\nANN ^\nTwo.\n")
    lay = paginate(doc, load_profile())
    assert {ln.column for p in lay.pages for ln in p.lines if ln.kind == "dialogue"} \
        == {"left", "right"}
    root = _parse(render_html(doc, layout=lay, embed_fonts=False))
    duals = [d for d in root.iter("div") if "dual" in _classes(d)]
    assert len(duals) == 1
    assert [s.get("data-character") for s in duals[0]] == ["JOE", "ANN"]


def test_paragraphs_the_layout_does_not_print_write_nothing() -> None:
    # An action of spaces or of a note alone prints nothing in the PDF: no empty <p> either.
    doc = parse_fountain("INT. A\n\nSeen.\n\n[[only a note]]\n\nAlso seen.\n")
    doc.body.insert(2, Action((Run("   "),)))
    root = _parse(render_html(doc, embed_fonts=False))
    actions = [p for p in root.find(".//main").iter("p") if "action" in _classes(p)]
    assert ["".join(p.itertext()) for p in actions] == ["Seen.", "Also seen."]


def test_neighbouring_parts_of_one_kind_stay_apart() -> None:
    # Two dialogue parts in a row: rows name their part, so each is its own paragraph.
    doc = Document(body=[SceneHeading((Run("INT. A"),)), Speech(Character("ANN"), [
        Dialogue((Run("Same words."),)), Dialogue((Run("Same words."),)),
        Parenthetical((Run("(beat)"),)), Dialogue((Run("Same words."),))])])
    root = _parse(render_html(doc, embed_fonts=False))
    speech = next(d for d in root.iter("div") if "speech" in _classes(d))
    got = [(sorted(_classes(p) & {"cue", "dialogue", "paren"})[0], "".join(p.itertext()))
           for p in speech.iter("p")]
    assert got == [("cue", "ANN"), ("dialogue", "Same words."), ("dialogue", "Same words."),
                   ("paren", "(beat)"), ("dialogue", "Same words.")]


def test_split_dialogue_continues_on_the_next_page() -> None:
    root = _parse(render_html(_doc("kitchen-sink", "afterwriting-test.fountain"), embed_fonts=False))
    conts = [p for p in root.iter("p") if {"dialogue", "cont"} <= _classes(p)]
    assert conts
    for p in conts:
        prev = p.getprevious()
        assert "contd" in _classes(prev)  # after the marker comes the repeated cue
        assert p.getparent() is prev.getparent()  # still inside the same speech group


_words = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta-echo", "x" * 40, "&", "<b>",
                                   "end.", "\n", "  "]), min_size=1, max_size=60)


def _txt(words: list[str], style: int = 0) -> tuple[Run, ...]:
    s = " ".join(words).strip() or "text"
    return (Run(s, style),)


@st.composite
def _bodies(draw: st.DrawFn) -> list:
    from screenplay.model import Centered, Lyrics, Note, PageBreak, Section, Transition
    out: list = []
    for _ in range(draw(st.integers(min_value=1, max_value=40))):
        k = draw(st.integers(min_value=0, max_value=9))
        if k == 0:
            out.append(SceneHeading(_txt(draw(_words)[:4]), draw(st.sampled_from([None, "7A"]))))
        elif k in (1, 2):
            out.append(Action(_txt(draw(_words), draw(st.integers(0, 7)))))
        elif k in (3, 4, 5):
            parts: list = []
            for _ in range(draw(st.integers(min_value=1, max_value=4))):
                kind = draw(st.sampled_from([Dialogue, Dialogue, Parenthetical, Lyrics]))
                parts.append(kind(_txt(draw(_words))))
            out.append(Speech(Character(draw(st.sampled_from(["ANN", "BO", "CY"])),
                                        dual=draw(st.booleans())), parts))
        elif k == 6:
            out.append(draw(st.sampled_from([PageBreak(), Note("n <x>"), Section((Run("s"),))])))
        elif k == 7:
            out.append(Transition(_txt(["CUT", "TO:"])))
        elif k == 8:
            out.append(Centered(_txt(draw(_words)[:5])))
        else:
            out.append(Lyrics(_txt(draw(_words)[:8])))
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_bodies(), mode=st.sampled_from(["spec", "shooting"]),
       paper=st.sampled_from(["letter", "a4"]))
def test_random_scripts_paginate_into_well_formed_pages(body: list, mode: str, paper: str) -> None:
    from screenplay.layout import load_profile, paginate
    doc = Document(body=body)
    page = render_html(doc, mode=mode, paper=paper, embed_fonts=False)
    _assert_in_order(doc, page)
    root = _parse(page)
    markers = [e for e in root.iter() if e.get("role") == "doc-pagebreak"]
    assert len(markers) == len(paginate(doc, load_profile(paper, mode)).pages)
