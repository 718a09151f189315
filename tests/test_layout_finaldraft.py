"""Page breaks against Final Draft 11's own PDF of a Big Fish excerpt, and its
dialogue-split probe (../shared/corpus/fountain/final-draft-reference/).

Our shooting profile *is* Final Draft's page (format-standard.md v2, measured on
this PDF): 54 body rows from an 80 pt baseline, 61-column action, spaces kept as
typed, a row-ending hyphen hanging one column, no scene CONTINUEDs.  So the
excerpt is compared with the profile as shipped, not an adjusted copy.
"""
from __future__ import annotations

import json
import re

import pytest

from .conftest import shared_path
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import CONTENT_KINDS, load_profile, paginate

REF = ("corpus", "fountain", "final-draft-reference")
PDF = "big-fish-excerpt-scene-numbers.finaldraft11.pdf"


def _excerpt():
    return parse_fountain(shared_path(*REF, "big-fish-excerpt-scene-numbers.fountain")
                          .read_text(encoding="utf-8"))


def _fd_pages(pdf_file: object = None) -> list[list[tuple[int, str]]]:
    """(body row, text) of every script page of Final Draft's PDF (or ``pdf_file``).

    Rows come from each glyph's baseline (``792 - matrix[5]``), 80 pt for row 0
    and 12 pt apart; Final Draft draws some glyphs twice, so duplicates at the
    same x are dropped.  Scene numbers (left of 1.5 in, or ending at 7.38 in after
    a wide gap) and the page number (above the body) are left out.
    """
    pdfplumber = pytest.importorskip("pdfplumber")
    out = []
    with pdfplumber.open(pdf_file or str(shared_path(*REF, PDF))) as pdf:
        for page in pdf.pages[1:]:           # the title page is not a script page
            rows: dict[int, dict[float, str]] = {}
            for c in page.chars:
                base = float(page.height) - c["matrix"][5]
                row = (base - 80.0) / 12.0
                if base < 70 or c["x0"] < 100:
                    continue                  # page number, left scene number
                assert abs(row - round(row)) < 0.01, (page.page_number, base)
                rows.setdefault(round(row), {})[round(c["x0"], 1)] = c["text"]
            lines = []
            for r in sorted(rows):
                xs = sorted(rows[r])
                text, prev = "", None
                for x in xs:
                    if prev is not None and x - prev > 20:
                        break                 # a wide gap: the right-hand scene number
                    if prev is not None and x - prev > 10:
                        text += " "           # " (CONT'D)" is drawn apart, its space undrawn
                    text += rows[r][x]
                    prev = x
                if text.strip():
                    lines.append((r, text.rstrip()))
            out.append(lines)
    return out


def _our_pages(profile=None) -> list[list[tuple[int, str]]]:
    lay = paginate(_excerpt(), profile or load_profile("letter", "shooting"))
    out = []
    for page in lay.pages:
        rows: dict[int, list] = {}
        for ln in page.lines:
            if ln.row >= 0 and ln.kind in CONTENT_KINDS:
                rows.setdefault(ln.row, []).append(ln)
        out.append([(r, " ".join(ln.text for ln in sorted(rows[r], key=lambda ln: ln.x)))
                    for r in sorted(rows)])
    return out


def test_excerpt_matches_final_draft_page_for_page_and_row_for_row():
    fd, ours = _fd_pages(), _our_pages()
    assert len(ours) == len(fd) == 8
    for n, (o, f) in enumerate(zip(ours, fd), start=1):
        # first and last text of every page, on the same body row
        assert o[0] == f[0], f"page {n} starts: ours {o[0]!r}, Final Draft {f[0]!r}"
        assert o[-1] == f[-1], f"page {n} ends: ours {o[-1]!r}, Final Draft {f[-1]!r}"
    # and every row in between, spaces as typed ("story.  In every gesture,")
    assert ours == fd


def test_excerpt_title_page_contd_and_scene_numbers_match_final_draft():
    lay = paginate(_excerpt(), load_profile("letter", "shooting"))
    title = [ln.text for ln in lay.title_page if ln.row < 40]
    assert title == ["BIG FISH", "written by", "John August",
                     "based on the novel by Daniel Wallace"]
    text = shared_path(*REF, "big-fish-excerpt-scene-numbers.pdf-pages.json").read_text()
    fd_contd = len(re.findall(r"\(CONT'D\)", text))
    ours = [ln for p in lay.pages for ln in p.lines
            if ln.kind == "character" and "CONT'D" in ln.text]
    assert len(ours) == fd_contd
    nums = [ln for p in lay.pages for ln in p.lines if ln.kind == "scene-number"]
    assert [ln.text for ln in nums if ln.column == "left"] == \
        ["1", "1A", "2", "2A", "I-1-A", "110A", "9."]
    # left numbers start at 0.75 in, right ones end at 7.38 in; page numbers end at 7.25
    assert {ln.x for ln in nums if ln.column == "left"} == {0.75}
    assert {round(ln.x_end, 4) for ln in nums if ln.column == "right"} == {7.38}
    labels = [ln for p in lay.pages for ln in p.lines if ln.kind == "page-number"]
    assert labels and {round(ln.x_end, 4) for ln in labels} == {7.25}
    assert not any(ln.kind.startswith("continued") for p in lay.pages for ln in p.lines)


def test_the_old_standard_values_do_not_reproduce_final_draft():
    """v1 of the standard (60-column action, 55 rows): the breaks drift, which is why
    the measured values are the default now."""
    std = load_profile("letter", "shooting")
    els = dict(std.elements)
    els["action"] = els["action"]._replace(width=60)
    v1 = std._replace(body_rows=55, elements=els)
    fd, ours = _fd_pages(), _our_pages(v1)
    assert [p[0] for p in ours] != [p[0] for p in fd]


@pytest.mark.parametrize("mode", ["spec", "shooting"])
def test_two_short_sentences_probe_splits_where_final_draft_does(mode):
    probe = json.loads(shared_path(*REF, "probe-two-short-sentences.expected.json").read_text())
    doc = parse_fountain(shared_path(*REF, "probe-two-short-sentences.fountain").read_text())
    lay = paginate(doc, load_profile("letter", mode))
    assert lay.profile.body_rows == probe["lines_per_page"]
    exp = probe["expected"]
    top_page = lay.pages[exp["top_page"] - 1]
    bottom_page = lay.pages[exp["bottom_page"] - 1]
    top = sorted((ln for ln in top_page.lines if ln.kind in CONTENT_KINDS), key=lambda ln: ln.row)
    bottom = sorted((ln for ln in bottom_page.lines if ln.kind in CONTENT_KINDS),
                    key=lambda ln: ln.row)
    assert top[-1].text == "(MORE)"
    assert top[-2].text.endswith(exp["top_fragment_ends_with"])
    assert bottom[0].text == "EDWARD (CONT'D)"
    assert bottom[1].text.startswith(exp["bottom_fragment_starts_with"][:25])
    joined = " ".join(ln.text for ln in bottom[1:] if ln.kind == "dialogue")
    assert joined == exp["bottom_fragment_starts_with"]


def test_our_pdf_prints_final_draft_rows_with_spaces_as_typed():
    """Read back from our own PDF the same way: same rows, same text, spaces kept."""
    import io

    from screenplay.pdf_writer import render_layout
    doc = _excerpt()
    data = render_layout(doc, paginate(doc, load_profile("letter", "shooting")))
    ours = _fd_pages(io.BytesIO(data))
    assert ours == _fd_pages()
    assert "BLOOM, 40's and handsome, tells the story.  In every gesture," in \
        [text for _, text in ours[1]]


def test_spaces_as_typed_survive_model_fountain_writer_and_html():
    from screenplay.fountain_writer import write_fountain
    from screenplay.html_writer import render_html
    src = "INT. A - DAY\n\nHe tells the story.  In every  gesture.\n\nBOB\nHi.  There.\n"
    doc = parse_fountain(src)
    text = write_fountain(doc)
    assert "story.  In every  gesture." in text and "Hi.  There." in text
    assert parse_fountain(text) == doc
    lay = paginate(doc, load_profile("letter", "shooting"))
    rows = [ln.text for p in lay.pages for ln in p.lines]
    assert "He tells the story.  In every  gesture." in rows and "Hi.  There." in rows
    page = render_html(doc, layout=lay)
    assert "story.  In every  gesture." in page and "Hi.  There." in page
