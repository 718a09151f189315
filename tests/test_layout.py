"""The layout engine: wrapping, scene numbering, and every pagination rule of the
format standard (section 4-5), checked on the pages it computes for Big Fish and
the kitchen-sink corpus files, in both modes and on both papers."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_path
from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import (CONTENT_KINDS, HEADER_ROW, Layout, eighths_text, load_profile,
                               paginate)
from screenplay.layout_paginate import number_scenes
from screenplay.layout_text import CHUNK_CHARS, sentence_ends, wrap
from screenplay.model import (Action, Centered, Lyrics, Parenthetical, SceneHeading, Speech,
                              Transition, plain)

SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
#: Character budgets from format-standard.md section 2 (independent of styles/*.json).
BUDGET = {"heading": 61, "action": 61, "character": 37, "parenthetical": 26, "dialogue": 35,
          "lyrics": 35, "transition": 16, "centered": 60}
DUAL_BUDGET = {"dialogue": 25, "lyrics": 25, "parenthetical": 21, "character": 20}

CORPUS_CASES = [
    ("spec-samples", "Big-Fish.fountain"),
    ("spec-samples", "Brick-and-Steel.fountain"),
    ("spec-samples", "The-Last-Birthday-Card.fountain"),
    ("kitchen-sink", "afterwriting-test.fountain"),
    ("kitchen-sink", "afterwriting-client.fountain"),
]


def load(*parts: str):
    path = shared_path("corpus", "fountain", *parts)
    return parse_fountain(path.read_text(encoding="utf-8"))


def content(page) -> list:
    return sorted((ln for ln in page.lines if ln.row >= 0 and ln.kind in CONTENT_KINDS),
                  key=lambda ln: (ln.row, ln.x))


# ---------------------------------------------------------------------------
# The rule checker: each assertion is one rule of format-standard.md section 4
# ---------------------------------------------------------------------------

def check_rules(lay: Layout, doc) -> dict[str, int]:
    """Assert every pagination rule on a layout; return how often each case occurred."""
    p = lay.profile
    seen: Counter[str] = Counter()
    total_rows: Counter[int] = Counter()
    for page in lay.pages:
        for ln in content(page):
            total_rows[id(ln.source)] += 1
    pages = lay.pages
    forced = {int(n) for n in re.findall(r"line (\d+): ", " ".join(lay.warnings))}
    for i, page in enumerate(pages):
        body = [ln for ln in page.lines if ln.row >= 0]
        assert body, f"page {page.number} is empty"
        # 1. capacity, and 2. no blank rows at the top
        # (Final Draft lets (MORE) alone take the row below the body: the probe)
        assert max(ln.row for ln in body if ln.kind != "more") < p.body_rows, \
            f"page {page.number} over capacity"
        assert max(ln.row for ln in body) < p.body_rows + p.more_below_capacity
        # the bottom margin stays at least 0.83 in (format-standard section 1)
        assert p.baseline_pt(max(ln.row for ln in body)) <= p.page_height_pt - 0.83 * 72
        assert min(ln.row for ln in body) == 0, f"page {page.number} starts with a blank row"
        # no two segments overlap on a row
        by_row: dict[int, list] = {}
        for ln in body:
            by_row.setdefault(ln.row, []).append(ln)
        for row, segs in by_row.items():
            segs.sort(key=lambda ln: ln.x)
            for a, b in zip(segs, segs[1:]):
                assert a.x_end <= b.x + 1e-6, \
                    f"page {page.number} row {row}: {a.text!r} overlaps {b.text!r}"
        lines = content(page)
        last_page = i == len(pages) - 1
        # 3 and 5. no heading, cue or parenthetical ends a page (per column)
        if not last_page and lines:
            for col in {ln.column for ln in lines}:
                col_lines = [ln for ln in lines if ln.column == col]
                last = col_lines[-1]
                assert last.kind not in ("heading", "character", "parenthetical"), \
                    f"page {page.number} ends with a {last.kind}: {last.text!r}"
        # 4. a transition never starts a page (unless the page was forced by ===)
        if i > 0 and lines and lines[0].kind == "transition":
            raise AssertionError(f"page {page.number} starts with a transition")
        # 6. dialogue splits: (MORE) after >= 2 speech rows, at a sentence end or before a
        #    parenthetical, and the next page opens with the cue + one (CONT'D)
        for more in (ln for ln in lines if ln.kind == "more"):
            seen["more"] += 1
            col = [ln for ln in lines if ln.column == more.column and ln.source is more.source]
            above = [ln for ln in col if ln.row < more.row and ln.kind != "character"]
            assert len(above) >= 2, f"page {page.number}: (MORE) after {len(above)} speech rows"
            assert above[-1].kind in ("dialogue", "lyrics"), \
                f"page {page.number}: (MORE) right after a {above[-1].kind}"
            nxt = [ln for ln in content(pages[i + 1]) if ln.column == more.column]
            assert nxt[0].kind == "character" and nxt[0].source is more.source
            assert len(re.findall("CONT['\u2019]D", nxt[0].text)) == 1, nxt[0].text
            after_cue = [ln for ln in nxt if ln.source is more.source and ln.kind != "character"]
            assert any(ln.kind in ("dialogue", "lyrics") for ln in after_cue), \
                "no dialogue after the (CONT'D) cue"
            if after_cue[0].kind == "parenthetical":
                seen["more-before-parenthetical"] += 1
            elif more.source.lines[0] in forced:
                seen["forced-split"] += 1   # rule 8 fallback, reported as a warning
            else:
                assert SENTENCE_END.search(above[-1].text), \
                    f"page {page.number}: dialogue split mid-sentence: {above[-1].text!r}"
        # 7. action splits: sentence end, >= 2 rows each side
        if not last_page and lines and lines[-1].kind == "action":
            nxt = content(pages[i + 1])
            if nxt and nxt[0].source is lines[-1].source and nxt[0].kind == "action":
                seen["action-split"] += 1
                top = [ln for ln in lines if ln.source is lines[-1].source]
                bottom = [ln for ln in nxt if ln.source is lines[-1].source]
                if lines[-1].source.lines[0] not in forced:
                    assert len(top) >= 2 and len(bottom) >= 2, (page.number, len(top), len(bottom))
                    assert SENTENCE_END.search(top[-1].text), top[-1].text
        # 3 (second half). what follows a heading on its page has >= 2 rows, or is whole
        for j, ln in enumerate(lines):
            if ln.kind == "heading" and (j + 1 < len(lines)) and lines[j + 1].kind != "heading":
                follow = lines[j + 1]
                here = sum(1 for x in lines if x.source is follow.source)
                assert here >= min(2, total_rows[id(follow.source)]), \
                    f"page {page.number}: heading {ln.text!r} with {here} row(s) after it"
        # 10. dual dialogue: columns start on the same row, and stay in their halves
        duals = [ln for ln in lines if ln.column]
        starts: dict[str, int] = {}
        for ln in duals:
            starts.setdefault(ln.column, ln.row)
            if ln.column == "left":
                assert 1.99 <= ln.x and ln.x_end <= 4.51, (ln.text, ln.x)
            else:
                assert 4.99 <= ln.x and ln.x_end <= 7.51, (ln.text, ln.x)
        if duals:
            seen["dual"] += 1
            if len(starts) == 2 and all(ln.kind == "character" for ln in duals[:2]):
                assert starts["left"] == starts["right"]
        # width budgets and greedy breaks
        for a, b in zip(lines, lines[1:]):
            budget = (DUAL_BUDGET if a.column else BUDGET).get(a.kind)
            if budget:
                # a row-ending hyphen may hang one column past the width (Final Draft's
                # "soon-to-be-" in 35 columns, "father--" in 61)
                over = 1 if a.text.endswith("-") else 0
                assert len(a.text) <= budget + over, f"{a.kind} row over budget: {a.text!r}"
            if (b.row == a.row + 1 and b.source is a.source and b.kind == a.kind == "action"
                    and b.column == a.column and budget and not a.text.endswith("-")
                    and "\n" not in plain(a.source.text)
                    and len(a.source.text[0].text) < CHUNK_CHARS):  # huge ones go in pieces
                word = re.match(r"[^ ]*?[^ -]-(?=[^\s-])|[^ ]+", b.text).group(0)
                src = plain(a.source.text)
                at = src.find(a.text) + len(a.text)
                gap = len(src[at:]) - len(src[at:].lstrip(" ")) if at >= len(a.text) else 1
                assert len(a.text) + gap + len(word) > budget, \
                    f"not greedy: {a.text!r} could take {word!r}"
        # 12. page numbers from page 2, "N.", on the header line
        labels = [ln for ln in page.lines if ln.kind == "page-number"]
        if page.number == 1 and not p.draft_header:
            assert not labels
        if page.number >= 2:
            assert len(labels) == 1 and labels[0].row == HEADER_ROW
            assert labels[0].text == f"{page.number}."
            assert abs(labels[0].x_end - p.page_number_right_in) < 1e-6
        # shooting: scene numbers on both sides of every heading; CONTINUED furniture
        if p.scene_numbers:
            firsts = {}
            for ln in lines:
                if ln.kind == "heading":
                    firsts.setdefault(id(ln.source), ln)
            for ln in firsts.values():
                if True:
                    nums = [x for x in page.lines if x.kind == "scene-number" and x.row == ln.row]
                    left = [x for x in nums if x.column == "left"]
                    right = [x for x in nums if x.column == "right"]
                    assert [round(x.x, 2) for x in left] == [p.scene_number_left_in], ln.text
                    assert [round(x.x_end, 2) for x in right] == [p.scene_number_right_in]
                    assert nums[0].text == nums[1].text != ""
                    seen["scene-number"] += 1
    if p.scene_continueds:
        for a, b in zip(pages, pages[1:]):
            ca, cb = content(a), content(b)
            if not ca or not cb:
                continue
            mid_scene = cb[0].scene == ca[-1].scene and cb[0].kind != "heading" and cb[0].scene
            bottom = [ln for ln in a.lines if ln.kind == "continued-bottom"]
            top = [ln for ln in b.lines if ln.kind == "continued-top"]
            if mid_scene:
                seen["continued"] += 1
                assert len(bottom) == 1 and bottom[0].text == "(CONTINUED)"
                assert bottom[0].row == max(ln.row for ln in ca) + 2
                assert len(top) == 1 and top[0].row == 0 and top[0].text.startswith("CONTINUED:")
                assert cb[0].row == 2
            else:
                assert not top and not bottom
    # conservation: every printed word of the script is on some page, in order
    words = []
    for el in doc.body:
        if isinstance(el, (Action, Transition, Centered, Lyrics, SceneHeading)):
            words += plain(el.text).split()
        elif isinstance(el, Speech):
            for part in el.parts:
                t = plain(part.text)
                words += (f"({t.strip()})" if isinstance(part, Parenthetical) else t).split()
    laid = []
    for page in pages:
        for ln in sorted(content(page), key=lambda ln: (ln.column or "", ln.row)) \
                if any(x.column for x in page.lines) else content(page):
            if ln.kind not in ("character", "more"):
                laid += ln.text.split()
    want, got = "".join(words).upper(), "".join(laid).upper()
    if not any(isinstance(el, SceneHeading) and re.match(r"\(?OMITTED", el.plain, re.I)
               for el in doc.body):
        if any(isinstance(el, Speech) and el.character.dual for el in doc.body):
            assert Counter(want) == Counter(got)  # columns interleave; compare characters
        else:
            assert want == got
    return dict(seen)


# ---------------------------------------------------------------------------
# Unit tests
# ---------------------------------------------------------------------------

def test_profiles_follow_the_standard():
    letter = load_profile("letter", "spec")
    a4 = load_profile("a4", "shooting")
    # Final Draft's measured page (format-standard v2): 54 rows, first baseline 80 pt,
    # page number ending at 7.25 in on a 44 pt baseline, 61-column action
    assert (letter.page_width_in, letter.page_height_in, letter.body_rows) == (8.5, 11.0, 54)
    assert letter.style("action").width == 61 and letter.page_number_right_in == 7.25
    assert a4.body_rows == 58 and abs(a4.page_width_in * 25.4 - 210) < 0.1
    assert letter.style("character").left_in == 3.5 and letter.style("dialogue").width == 35
    assert not letter.scene_numbers and a4.scene_numbers and not a4.scene_continueds
    assert letter.baseline_pt(0) == 80.0 and letter.baseline_pt(53) == 716.0
    assert letter.baseline_pt(HEADER_ROW) == 44.0
    with pytest.raises(InputError):
        load_profile("legal")
    with pytest.raises(InputError):
        load_profile("letter", "draft")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghij-", min_size=1, max_size=14), min_size=1,
                max_size=40), st.integers(min_value=8, max_value=60))
def test_wrap_is_greedy_and_loses_nothing(words, width):
    s = " ".join(words)
    rows = wrap(s, width)
    assert "".join(s[a:b] for a, b in rows).replace(" ", "") == s.replace(" ", "")
    for a, b in rows:
        assert b - a <= width or (b - a == width + 1 and s[b - 1] == "-")
    for (a, b), (c, d) in zip(rows, rows[1:]):
        nxt = s[c:d].split(" ")[0]
        piece = re.match(r"[^-]*-?", nxt).group(0) if re.match(r"[^-]+-[^-]", nxt) else nxt
        # the next word (or hyphenated piece) would not have fitted on the row
        if len(nxt) <= width:
            assert (b - a) + 1 + len(piece) > width or s[b - 1] == "-" or s[b:c].strip() == "", \
                (s[a:b], nxt)


def test_wrap_breaks_after_hyphens_and_keeps_hard_breaks():
    s = "Did I want to deprive my soon-to-be-born son"
    rows = [s[a:b] for a, b in wrap(s, 35)]
    assert rows == ["Did I want to deprive my soon-to-be-", "born son"]   # the "-" hangs
    rows = [s[a:b] for a, b in wrap(s, 34)]
    assert rows == ["Did I want to deprive my soon-to-", "be-born son"]
    t = "He mutters in unison with his father--"
    assert [t[a:b] for a, b in wrap(t, len(t) - 1)] == [t]      # a closing dash hangs too
    assert [t[a:b] for a, b in wrap(t, len(t) - 2)] == [t[:-9], "father--"]
    assert [s2 for s2 in ("one\n\ntwo",) for a, b in wrap(s2, 10)] and \
        len(wrap("one\n\ntwo", 10)) == 3
    assert wrap("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_sentence_ends_skip_titles_and_initials():
    s = 'Mr. Smith met Dr. Who. "Really?" he said. J. R. Bob left!'
    ends = [s[:k].rsplit(" ", 1)[-1] for k in sentence_ends(s)]
    assert ends == ["Who.", '"Really?"', "said.", "left!"]


def test_scene_numbering_keeps_source_numbers_and_inserts_letters():
    assert number_scenes([None, None, None]) == ["1", "2", "3"]
    assert number_scenes(["10", None, None, "11"]) == ["10", "10A", "10B", "11"]
    assert number_scenes([None, "1", None]) == ["A1", "1", "2"]
    assert number_scenes(["1", "1A", None, "5"]) == ["1", "1A", "2", "5"]
    assert number_scenes(["I-1-A", None]) == ["I-1-A", "1"]
    out = number_scenes(["3", None, "4", None])
    assert out == ["3", "3A", "4", "5"] and len(set(out)) == len(out)


def test_same_speaker_contd_only_in_shooting_mode_and_never_doubled():
    doc = parse_fountain("INT. ROOM - DAY\n\nBOB\nHi.\n\nHe sits.\n\nBOB\nAgain.\n\n"
                         "BOB (CONT'D)\nThird.\n\nAL\nNo.\n\nBOB\nFour.\n\n"
                         "BOB (V.O.)\nFive.\n\nINT. HALL - DAY\n\nBOB\nSix.\n")
    cues = lambda lay: [ln.text for pg in lay.pages for ln in pg.lines  # noqa: E731
                        if ln.kind == "character"]
    assert cues(paginate(doc, load_profile("letter", "shooting"))) == [
        "BOB", "BOB (CONT'D)", "BOB (CONT'D)", "AL", "BOB", "BOB (V.O.)", "BOB"]
    assert cues(paginate(doc, load_profile("letter", "spec")))[1] == "BOB"


def _long_speech(cue: str, sentences: int) -> str:
    body = " ".join(f"Sentence number {i} is here and it goes on." for i in range(sentences))
    filler = "\n\n".join(f"Filler action line {i}." for i in range(20))
    return f"INT. ROOM - DAY\n\n{filler}\n\n{cue}\n{body}\n"


@pytest.mark.parametrize("cue,expected", [
    ("JOHN (V.O.)", "JOHN (V.O.) (CONT'D)"),
    ("JOHN (CONT'D)", "JOHN (CONT'D)"),
    ("EDWARD (CONT\u2019D)", "EDWARD (CONT\u2019D)"),   # afterwriting doubles this one
])
def test_split_dialogue_gets_more_and_one_contd(cue, expected):
    doc = parse_fountain(_long_speech(cue, 30))
    lay = paginate(doc, load_profile())
    assert len(lay.pages) == 2
    first, second = content(lay.pages[0]), content(lay.pages[1])
    assert first[-1].kind == "more" and first[-1].text == "(MORE)" and first[-1].x == 3.5
    assert SENTENCE_END.search(first[-2].text)
    assert second[0].text == expected and second[0].row == 0
    check_rules(lay, doc)


def test_dialogue_splits_before_a_parenthetical():
    talk = " ".join(["Word word word word word word word word"] * 3)  # no sentence end
    filler = "\n\n".join(f"Filler {i}." for i in range(23))
    after = "And then it goes on. " * 5
    doc = parse_fountain(f"INT. ROOM - DAY\n\n{filler}\n\nANN\n{talk}\n(beat)\n{after}\n")
    lay = paginate(doc, load_profile())
    seen = check_rules(lay, doc)
    assert seen.get("more-before-parenthetical") == 1


def test_action_split_and_short_action_kept_whole():
    sentences = " ".join(f"Action sentence {i} runs along for a while here." for i in range(20))
    filler = "\n\n".join(f"Filler {i}." for i in range(22))
    doc = parse_fountain(f"INT. ROOM - DAY\n\n{filler}\n\n{sentences}\n")
    lay = paginate(doc, load_profile())
    assert check_rules(lay, doc).get("action-split") == 1
    three = "\n\n".join(f"Filler {i}." for i in range(26))
    doc2 = parse_fountain(f"INT. ROOM - DAY\n\n{three}\n\n" + "One. Two. " * 15 + "\n")
    lay2 = paginate(doc2, load_profile())
    tail = [ln for ln in content(lay2.pages[-1]) if ln.kind == "action"]
    assert len(lay2.pages) == 2 and len(tail) == 3  # the 3-row paragraph moved whole


def test_forced_page_break_and_empty_document():
    doc = parse_fountain("First page.\n\n===\n\nSecond page.\n")
    lay = paginate(doc, load_profile())
    assert [content(p)[0].text for p in lay.pages] == ["First page.", "Second page."]
    empty = paginate(parse_fountain(""), load_profile())
    assert len(empty.pages) == 1 and empty.title_page is None


def test_huge_unbreakable_paragraph_makes_progress():
    doc = parse_fountain("INT. X - DAY\n\n" + "x" * 20000 + "\n")
    lay = paginate(doc, load_profile())
    assert sum(len(ln.text) for p in lay.pages for ln in content(p) if ln.kind == "action") == 20000
    assert lay.warnings and "mid-sentence" in lay.warnings[0]


@pytest.mark.parametrize("body", ["Word word word. " * 25000, "BOB\n" + "word " * 80000,
                                  "y" * 400000])
def test_huge_paragraphs_paginate_in_linear_time(body):
    import time
    doc = parse_fountain("INT. X - DAY\n\n" + body + "\n")
    t0 = time.perf_counter()
    lay = paginate(doc, load_profile())
    assert time.perf_counter() - t0 < 8
    printed = sum(len(ln.text.replace(" ", "")) for p in lay.pages for ln in content(p)
                  if ln.kind in ("action", "dialogue"))
    assert printed == len(body.replace("BOB\n", "").replace(" ", ""))
    check_rules(lay, doc)


def test_title_page_positions():
    doc = parse_fountain("Title: My Film\nCredit: written by\nAuthor: A. Writer\n"
                         "Source: a story\nDraft date: 1 May 2026\nContact: me@example.com\n\n"
                         "INT. X - DAY\n\nHi.\n")
    lay = paginate(doc, load_profile())
    rows = {ln.text: ln for ln in lay.title_page}
    title = rows["MY FILM"]
    assert title.row == 18 and abs((title.x + title.x_end) / 2 - 4.25) < 0.051
    assert rows["written by"].row == 22 and rows["A. Writer"].row == 25
    assert rows["a story"].row == 30
    last = lay.profile.body_rows - 1
    assert rows["me@example.com"].x == 1.5 and rows["me@example.com"].row == last
    assert rows["1 May 2026"].row < last


def test_shooting_header_with_draft_name():
    doc = parse_fountain("Title: T\nRevision: Blue Revision\nDraft date: 2026-05-01\n\n"
                         "INT. X - DAY\n\nHi.\n")
    lay = paginate(doc, load_profile("letter", "shooting"))
    head = [ln for ln in lay.pages[0].lines if ln.row == HEADER_ROW]
    assert {ln.kind for ln in head} == {"header", "page-number"}
    assert [ln.text for ln in head if ln.kind == "header"] == ["Blue Revision 2026-05-01"]


def test_omitted_scene_keeps_its_number():
    doc = parse_fountain("INT. A - DAY #1#\n\nHi.\n\n.OMITTED #2#\n\nINT. C - DAY\n\nBye.\n")
    lay = paginate(doc, load_profile("letter", "shooting"))
    heads = [(ln.text) for ln in lay.pages[0].lines if ln.kind == "heading"]
    assert heads == ["INT. A - DAY", "OMITTED", "INT. C - DAY"]
    assert [s.number for s in lay.scenes] == ["1", "2", "3"] and lay.scenes[1].omitted


def test_scene_spans_and_eighths():
    doc = load("spec-samples", "Big-Fish.fountain")
    lay = paginate(doc, load_profile())
    assert len(lay.scenes) == len(doc.scenes())
    assert all(s.eighths >= 1 for s in lay.scenes)
    # on a full page the scene segments add up to 8/8, give or take one per boundary
    for page in lay.pages[5:40]:
        segs = [(s.rows_by_page[page.number]) for s in lay.scenes if page.number in s.rows_by_page]
        if page.rows_used() >= 50 and segs:
            eighths = sum(max(1, int(8 * r / 55 + 0.5)) for r in segs)
            assert abs(eighths - 8) <= len(segs), (page.number, segs)
    length = eighths_text(lay.scenes[0].eighths)
    assert length.endswith("/8") or length.isdigit()


# ---------------------------------------------------------------------------
# The corpus, every rule, both modes, both papers
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("paper,mode", [("letter", "spec"), ("letter", "shooting"),
                                        ("a4", "spec"), ("a4", "shooting")])
@pytest.mark.parametrize("folder,name", CORPUS_CASES)
def test_corpus_obeys_every_rule(folder, name, paper, mode):
    doc = load(folder, name)
    lay = paginate(doc, load_profile(paper, mode))
    seen = check_rules(lay, doc)
    if name == "Big-Fish.fountain":
        assert seen.get("more", 0) >= 2, seen
        if mode == "shooting":   # Final Draft's shooting default: numbers, no CONTINUEDs
            assert seen.get("continued", 0) == 0 and seen.get("scene-number") == 192
    if name in ("Brick-and-Steel.fountain", "afterwriting-test.fountain"):
        assert seen.get("dual", 0) >= 1


def test_big_fish_page_count_is_plausible():
    """About a page a minute: Big Fish runs ~125 minutes; FD prints it on ~120 pages."""
    doc = load("spec-samples", "Big-Fish.fountain")
    n = len(paginate(doc, load_profile()).pages)
    assert 110 <= n <= 135, n
    assert len(paginate(doc, load_profile("a4")).pages) < n


def test_layout_is_linear_in_length():
    import time
    text = shared_path("corpus", "fountain", "spec-samples", "Big-Fish.fountain").read_text()
    one = parse_fountain(text)
    ten = parse_fountain("\n\n".join([text.split("\n\n", 1)[1]] * 10))
    t0 = time.perf_counter()
    a = paginate(one, load_profile())
    t1 = time.perf_counter()
    b = paginate(ten, load_profile())
    t2 = time.perf_counter()
    assert 9 * len(a.pages) <= len(b.pages) <= 11 * len(a.pages)
    assert (t2 - t1) < 25 * (t1 - t0) + 0.5


def test_rows_know_their_element_and_speech_part():
    doc = parse_fountain("INT. X - DAY\n\nANN\n(soft)\nFirst line.\n~Sung line\n\nAction here.\n")
    lay = paginate(doc, load_profile())
    lines = content(lay.pages[0])
    speech = doc.body[1]
    rows = [ln for ln in lines if ln.source is speech]
    assert [ln.kind for ln in rows] == ["character", "parenthetical", "dialogue", "lyrics"]
    assert [ln.part for ln in rows] == [None] + list(speech.parts)
    assert lines[-1].source is doc.body[2] and lines[-1].part is None
    assert all(ln.scene == 1 for ln in lines)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_corpus_with_scene_continueds_on_obeys_every_rule(paper):
    """CONTINUEDs are a setting (off in Final Draft's shooting default): on, the rules hold."""
    doc = load("spec-samples", "Big-Fish.fountain")
    prof = load_profile(paper, "shooting")._replace(scene_continueds=True)
    seen = check_rules(paginate(doc, prof), doc)
    assert seen.get("continued", 0) >= 50 and seen.get("scene-number") == 192
