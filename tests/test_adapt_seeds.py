"""``screenplay adapt`` scored against the hand annotations in ../shared/gold.

The thresholds are the issue's: scene count inside the gold range, at least 40
of the 45 major boundaries, at least 95% of the 122 speech events attributed
to the right speaker, at least 85% of reported speech (kind R) turned into
dialogue of the right speaker, every quoted utterance as dialogue of its
speaker, every main character found, and no cue that is not a character.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from screenplay.fountain_reader import parse_fountain
from screenplay.model import Action, Note, Speech, plain
from screenplay.fountain_writer import write_fountain
from toolchain.adapt import adapt_text, load_model
from bench.adapt_score import Score, score

from .conftest import shared_path


def _printed(el: object) -> str:
    if isinstance(el, Action):
        return plain(el.text)
    if isinstance(el, Speech):
        return el.character.name + " " + " ".join(plain(p.text) for p in el.parts)
    return ""


@lru_cache(maxsize=None)
def _scored(stem: str) -> tuple[Score, object]:
    seed = shared_path("seeds", f"{stem}.txt")
    gold = shared_path("gold")
    text = seed.read_text("utf-8")
    a = adapt_text(text, load_model(), stem, seed.name)
    return score(a, text, gold, stem), a


def test_long_seed_scenes_within_gold_range_and_major_boundaries() -> None:
    s, _ = _scored("amour-long")
    lo, hi = s.scene_range
    assert lo <= s.scenes <= hi, s.summary()
    assert s.major_total == 45
    assert s.major_hit >= 40, s.major_missed


def test_long_seed_speakers_attributed() -> None:
    s, _ = _scored("amour-long")
    assert s.events_total == 122
    assert s.events_right >= 0.95 * s.events_total, s.events_wrong


def test_long_seed_reported_speech_becomes_dialogue() -> None:
    s, _ = _scored("amour-long")
    assert s.r_total > 90
    assert s.r_converted >= 0.85 * s.r_total, s.r_missed


def test_long_seed_quotes_are_dialogue_of_their_speaker() -> None:
    s, a = _scored("amour-long")
    assert s.quotes_total == 8
    assert s.quotes_right == s.quotes_total, s.quotes_missed
    # the quoted song title keeps its quotation marks and is nobody's line
    printed = " ".join(_printed(el) for el in a.doc.body)
    assert '"Yesterday"' in printed
    assert not any(plain(p.text).strip('"."') == "Yesterday" for sp in a.doc.body if isinstance(sp, Speech)
                   for p in sp.parts)


@pytest.mark.parametrize("stem", ["amour-long", "amour-short"])
def test_cast_complete_and_cues_are_characters(stem: str) -> None:
    s, a = _scored(stem)
    assert not s.main_missing
    assert s.main_found
    assert not s.bad_cues


def test_short_seed_scene_count_within_gold_range() -> None:
    s, _ = _scored("amour-short")
    lo, hi = s.scene_range
    assert lo <= s.scenes <= hi, s.summary()


@pytest.mark.parametrize("stem", ["amour-long", "amour-short"])
def test_seed_output_round_trips_through_fountain(stem: str) -> None:
    _, a = _scored(stem)
    assert parse_fountain(write_fountain(a.doc)) == a.doc


@pytest.mark.parametrize("stem", ["amour-long", "amour-short"])
def test_actor_names_go_to_the_cast_note_not_the_action(stem: str) -> None:
    _, a = _scored(stem)
    gold = __import__("json").loads(shared_path("gold", f"{stem}.gold.json").read_text("utf-8"))
    actors = [c["actor"] for c in gold["characters"] if c.get("actor")]
    notes = " ".join(el.text for el in a.doc.body if isinstance(el, Note))
    printed = " ".join(_printed(el) for el in a.doc.body)
    for actor in actors:
        assert actor in notes
        assert actor not in printed
