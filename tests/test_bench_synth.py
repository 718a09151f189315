"""The synthetic scripts the scale benchmark relies on: same seed, same bytes, right length.

The "cost grows linearly" figure divides the 1,000-page run by the 100-page
one, so both scripts must really be about that long, and must not change
between runs or machines.
"""
from __future__ import annotations

from collections import Counter

import pytest

from bench.synth import synth_fountain
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import load_profile, paginate
from screenplay.model import Speech


def test_same_seed_same_text_other_seed_other_text() -> None:
    a = synth_fountain(20, seed=3)
    assert a == synth_fountain(20, seed=3)
    assert a != synth_fountain(20, seed=4)


@pytest.mark.parametrize("pages", [10, 100])
def test_lays_out_to_about_the_requested_pages(pages: int) -> None:
    doc = parse_fountain(synth_fountain(pages))
    got = len(paginate(doc, load_profile("letter", "spec")).pages)
    assert abs(got - pages) <= 0.15 * pages, got


def test_text_grows_in_proportion_to_pages() -> None:
    small, large = len(synth_fountain(10)), len(synth_fountain(100))
    assert 8 < large / small < 12


def test_has_the_mix_of_a_real_draft() -> None:
    doc = parse_fountain(synth_fountain(100))
    assert not doc.diagnostics
    kinds = Counter(type(e).__name__ for e in doc.body)
    for kind in ("SceneHeading", "Action", "Speech", "Transition"):
        assert kinds[kind] > 0, kind
    speeches = [e for e in doc.body if isinstance(e, Speech)]
    assert any(s.character.dual for s in speeches)
    assert any(type(p).__name__ == "Parenthetical" for s in speeches for p in s.parts)
    assert kinds["SceneHeading"] > 50


def test_rejects_a_non_positive_length() -> None:
    with pytest.raises(ValueError):
        synth_fountain(0)
