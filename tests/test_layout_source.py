"""Laid lines carry their source (issue 15): element, offsets in its printed text, and
whether the row ends at a line break of that text or at a wrap.

The HTML writer keeps exactly the breaks these flags mark, so they are checked here
against the printed text itself, on scripts that wrap, break lines, split paragraphs
and speeches over pages, and put speeches side by side.
"""
from __future__ import annotations

import pytest

from .conftest import shared_path
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import CONTENT_KINDS, Layout, load_profile, paginate
from screenplay.layout_text import flatten
from screenplay.model import Parenthetical, Speech, TitleField

#: A page of short lines broken by hand, then a paragraph too long for one page, a
#: speech with a parenthetical, hard breaks and a long dialogue, and a dual pair.
SYNTHETIC = "\n".join([
    "Title: The Test",
    "Author: One",
    "    Two",
    "",
    "INT. ROOM - DAY",
    "",
    "A line.\nAnother line that is long enough to wrap at least once across the action width.",
    "",
    " ".join(f"Sentence number {i} runs on for a while before it stops." for i in range(140)),
    "",
    "BOB",
    "(quietly, and at some length so that it wraps)",
    "First line of speech.",
    "Second line, broken by hand.",
    " ".join(f"Dialogue sentence {i} goes on." for i in range(90)),
    "",
    "ALICE",
    "Left side talks.",
    "",
    "CARL ^",
    "Right side answers at length, long enough to wrap in the narrow column.",
    "",
])


def _printed(ln) -> str:
    """The printed text the line's offsets index: the element's flattened text."""
    el = ln.element
    if isinstance(el, TitleField):
        return "\n".join(flatten(v, caps=False).s for v in el.values)
    caps = ln.kind in ("heading", "transition")
    return flatten(el.text, caps=caps).s


def _check(lay: Layout) -> int:
    checked = 0
    for page in lay.pages:
        for ln in page.lines:
            if ln.kind not in CONTENT_KINDS or ln.kind in ("character", "more"):
                assert ln.start == ln.end == 0 or ln.kind in ("character", "more")
                continue
            el = ln.element
            assert el is not None
            if isinstance(ln.source, Speech):
                assert ln.part is el and el in ln.source.parts
            s = _printed(ln)
            assert 0 <= ln.start <= ln.end <= len(s), (ln, s)
            if isinstance(el, Parenthetical):
                assert s[ln.start:ln.end].strip("()") == ln.text.strip("()"), (ln, s)
            else:
                assert s[ln.start:ln.end] == ln.text, (ln, s)
            # A hard break: the row's text is followed (after spaces) by a newline.
            assert ln.hard == s[ln.end:].lstrip(" ").startswith("\n"), (ln, s)
            checked += 1
    return checked


def test_synthetic_lines_know_their_source() -> None:
    doc = parse_fountain(SYNTHETIC)
    lay = paginate(doc, load_profile("letter", "spec"))
    assert len(lay.pages) >= 3   # the long paragraph and speech both cross a page
    assert _check(lay) > 100
    lines = [ln for p in lay.pages for ln in p.lines if ln.kind in CONTENT_KINDS]
    # The hand-broken lines end hard; wrapped rows do not; a split paragraph's rows
    # keep offsets in the whole element (its second page starts far into it).
    action = [ln for ln in lines if ln.kind == "action"]
    assert action[0].text == "A line." and action[0].hard
    assert not any(ln.hard for ln in action[1:])
    pages_of_long = {p.number for p in lay.pages for ln in p.lines
                     if ln.kind == "action" and ln.source is action[-1].source}
    assert len(pages_of_long) >= 2
    assert action[-1].start > 3000
    speech = [ln for ln in lines if ln.kind == "dialogue" and ln.column is None]
    assert [ln.hard for ln in speech[:2]] == [True, True]
    assert speech[0].text == "First line of speech."
    assert any(ln.kind == "more" for ln in lines)
    # Title lines: a field's second value follows a hard break in the joined values.
    title = [ln for ln in lay.title_page or [] if ln.text == "One"]
    assert title and title[0].hard
    dual = [ln for ln in lines if ln.column == "right" and ln.kind == "dialogue"]
    assert len(dual) >= 2 and dual[0].start == 0 and not dual[0].hard


def test_furniture_has_no_source_offsets() -> None:
    lay = paginate(parse_fountain(SYNTHETIC), load_profile("letter", "shooting"))
    furn = [ln for p in lay.pages for ln in p.lines if ln.kind not in CONTENT_KINDS]
    assert furn and all(ln.start == ln.end == 0 and not ln.hard for ln in furn)


@pytest.mark.parametrize("name", ["Big-Fish.fountain", "Brick-and-Steel.fountain"])
def test_corpus_lines_know_their_source(name: str) -> None:
    path = shared_path("corpus", "fountain", "spec-samples", name)
    doc = parse_fountain(path.read_text(encoding="utf-8"))
    for paper, mode in (("letter", "spec"), ("a4", "shooting")):
        assert _check(paginate(doc, load_profile(paper, mode))) > 50
