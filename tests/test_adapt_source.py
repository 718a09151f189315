"""The synopsis text pass on its own: what reaches the parser, and what is refused first."""
from __future__ import annotations

import time

import pytest

from screenplay.errors import InputError
from toolchain.adapt.source import MAX_PARAGRAPH_CHARS, split_source


def test_control_characters_become_spaces_and_offsets_hold() -> None:
    text = "Mara opens the door.\x07 She waves\x1b at\x85 Tom.\n"
    src = split_source(text)
    joined = " ".join(u.text for u in src.units)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in joined)
    u = src.units[0]
    # every cleaned character still points at the same character of the (cleaned) original
    for i, c in enumerate(u.text):
        assert src.text[u.origin[i]] == c


def test_punctuation_run_is_cut_short_before_the_tokenizer() -> None:
    src = split_source("Mara sings " + "!?." * 10_000 + " and Tom laughs.\n")
    u = src.units[0]
    assert "!?." in u.text and "!?.!" not in u.text
    assert u.text.endswith("and Tom laughs.")
    assert all(src.text[u.origin[i]] == c for i, c in enumerate(u.text))


def test_ordinary_punctuation_is_kept() -> None:
    src = split_source('She asks, "Really?!" and he nods...\n')
    assert src.units[0].text == 'She asks, "Really?!" and he nods...'


def test_huge_paragraph_refused_before_bookkeeping() -> None:
    text = "word " * (MAX_PARAGRAPH_CHARS // 5 + 10)
    t = time.perf_counter()
    with pytest.raises(InputError, match="too long to adapt"):
        split_source(text)
    assert time.perf_counter() - t < 2.0


def test_empty_and_preface_only_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        split_source(" \n\t\n")
    with pytest.raises(InputError, match="no story"):
        split_source("Note: this is only a preface.\n")


def test_misspelt_its_before_an_article_or_no_reads_as_it_is() -> None:
    src = split_source("Tom tells her its no big deal. Its a trap. The dog wags its tail.\n")
    u = src.units[0]
    assert u.text == "Tom tells her it's no big deal. It's a trap. The dog wags its tail."
    # the mended apostrophe points into the original; the rest still point at themselves
    assert len(u.origin) == len(u.text)
    assert all(src.text[u.origin[i]] == c for i, c in enumerate(u.text) if c != "'")


def test_misspelt_its_becomes_the_line_it_reports() -> None:
    from toolchain.adapt import adapt, load_model
    from screenplay.model import Dialogue, Speech
    a, _ = adapt("Anne and Georges are at home.\n\nGeorges tells Anne its no big deal.\n", "t", "t", load_model())
    said = [" ".join(p.text[0].text for p in el.parts if isinstance(p, Dialogue))
            for el in a.doc.body if isinstance(el, Speech)]
    assert said == ["It's no big deal."]


def test_a_title_in_capitals_over_the_credits_is_a_line_of_its_own() -> None:
    src = split_source("THE LONG NIGHT\nFrance, 1961, 98 min. Director: Ana Ruiz.\n\nMara waits for the bus.\n")
    assert src.title == "THE LONG NIGHT"   # the script's title, not the start of the credits' sentence
    assert src.units[0].text.startswith("France, 1961")
    # a sentence in capitals that runs on is no title
    assert split_source("MARA WAITS\nfor the bus.\n").units[0].text == "MARA WAITS for the bus."


def test_a_title_in_capitals_over_the_story_is_the_title_not_a_unit() -> None:
    src = split_source("THE LANTERN KEEPER\n\nMara climbs the lighthouse stairs. Tom waits below.\n")
    assert src.title == "THE LANTERN KEEPER"
    assert all("LANTERN" not in u.text for u in src.units)


def test_no_title_line_when_the_text_opens_with_a_sentence_or_a_part() -> None:
    assert split_source("Mara climbs the stairs.\n\nTom waits.\n").title is None
    assert split_source("PART ONE\n\nMara climbs the stairs.\n").title is None
    # capitals running on into a sentence below are the sentence's start, not a title
    assert split_source("IN THE NORTH\nof the island, Mara waits.\n").title is None


def test_a_title_set_on_two_lines_is_one_title_and_a_title_alone_is_no_story() -> None:
    src = split_source("THE END\nOF THE WORLD\n\nMara waits for the bus.\n")
    assert src.title == "THE END OF THE WORLD"
    assert [u.text for u in src.units] == ["Mara waits for the bus."]
    with pytest.raises(InputError, match="only a title"):
        split_source("TOY STORY\n\n")


def test_a_title_with_its_credits_in_brackets_is_the_title() -> None:
    src = split_source("SALT AND IRON (France, 1961, 95 min). Director: Ana Ruiz.\n\nMara sails at dawn.\n")
    assert src.title == "SALT AND IRON"
    assert src.units[0].text == "Director: Ana Ruiz."
    # a character introduced in capitals with an age is no title
    src = split_source("MARA (30s), a fisherwoman, mends her nets.\n\nTom waits.\n")
    assert src.title is None and src.units[0].text.startswith("MARA, a fisherwoman")
