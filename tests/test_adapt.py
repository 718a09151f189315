"""``screenplay adapt`` on the project's own synopses: behaviour, safety, bad input.

The fixtures under tests/fixtures/synopses are written for these tests in
several styles (a Wikipedia-like plot, one sentence per line, a three-sentence
premise, a large cast, mostly exteriors); toolchain/data/sample.txt is the
project's demonstration synopsis.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain
from screenplay.model import (
    Action, Note, Parenthetical, Speech, Synopsis, Transition, plain,
)
from toolchain.adapt import adapt, adapt_text, load_model, stamp, untouched
from toolchain.adapt.grammar import base_from_3sg, third_singular
from toolchain.adapt.source import split_source
from toolchain.cli import app

from .conftest import FIXTURES, ROOT

runner = CliRunner()
SYNOPSES = sorted((FIXTURES / "synopses").glob("*.txt"))
SAMPLE = ROOT / "toolchain" / "data" / "sample.txt"
ALL = SYNOPSES + [SAMPLE]


@lru_cache(maxsize=None)
def _adapted(path: Path):
    text = path.read_text("utf-8")
    return adapt_text(text, load_model(), path.stem, path.name), text


def _speeches(doc) -> list[tuple[str, str, str]]:
    out = []
    for el in doc.body:
        if isinstance(el, Speech):
            paren = " ".join(plain(p.text) for p in el.parts if isinstance(p, Parenthetical))
            words = " ".join(plain(p.text) for p in el.parts if not isinstance(p, Parenthetical))
            out.append((el.character.name, paren, words))
    return out


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_fixture_styles_are_present() -> None:
    names = {p.stem for p in SYNOPSES}
    assert {"wiki-plot", "one-per-line", "premise", "large-cast", "exteriors", "past-tense"} <= names


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_source_sentence_is_kept_as_a_synopsis_line(path: Path) -> None:
    a, text = _adapted(path)
    src = split_source(text)
    kept = _squash(" ".join(plain(el.text).replace("\n", " ") for el in a.doc.body if isinstance(el, Synopsis)))
    story = _squash(" ".join(src.text[u.origin[0]:u.origin[-1] + 1] for u in src.units))
    assert kept == story
    for pre in src.prefaces:
        assert any(isinstance(el, Note) and el.text == pre for el in a.doc.body)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_output_round_trips_and_every_cue_is_a_character(path: Path) -> None:
    a, _ = _adapted(path)
    assert parse_fountain(write_fountain(a.doc)) == a.doc
    cast = {p.cue for p in a.cast}
    for name, _, words in _speeches(a.doc):
        assert name in cast
        assert words and words[0].isupper() and words[-1] in ".?!"
    scenes = a.doc.scenes()
    assert scenes and all(s.body for s in scenes)  # no scene without content
    for s in scenes:
        assert s.heading.int_ext in ("INT", "EXT") and s.heading.time and s.heading.location


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_scene_shows_something(path: Path) -> None:
    # a scene of a title line and "A photoplay in five reels" alone had been a heading with nothing under it
    _, text = _adapted(path)
    shown = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith(("=", "/*", "[["))]
    for a, b in zip(shown, shown[1:]):
        assert not (re.match(r"(INT|EXT)\.", a) and re.match(r"(INT|EXT)\.|>FADE OUT", b)), a


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_same_input_same_bytes(path: Path) -> None:
    text = path.read_text("utf-8")
    nlp = load_model()
    assert adapt(text, "T", path.name, nlp)[1] == adapt(text, "T", path.name, nlp)[1]


def test_sample_dialogue_action_notes_and_cast() -> None:
    a, _ = _adapted(SAMPLE)
    lines = _speeches(a.doc)
    said = {(n, w) for n, _, w in lines}
    # quoted speech, with its speaker
    assert ("IDA", "Nobody has climbed those stairs since the storm.") in said
    # reported speech in the speaker's own words: person and tense turned
    assert ("MARGUERITE", "I will go alone.") in said
    assert ("TOBIAS", "Someone is following you.") in said
    assert ("MARGUERITE", "Why did you come back?") in said
    # a manner adverb becomes a parenthetical, and "tells him to go" an imperative
    assert ("MARGUERITE", "angrily", "Go home.") in lines
    actions = [plain(el.text) for el in a.doc.body if isinstance(el, Action)]
    # a speech act is said aloud: "thanks him" is her "Thank you."
    assert ("MARGUERITE", "Thank you.") in said
    assert "Marguerite thanks him." not in actions
    # a quoted title stays in the action, quotation marks and all
    assert any('"The Harbour Waltz"' in t for t in actions)
    # actors are listed in the cast note, never in the action
    note = next(el.text for el in a.doc.body if isinstance(el, Note) and el.text.startswith("Cast"))
    assert "MARGUERITE - Selma Dufort" in note and "IDA - Clara Montfort" in note
    assert not any("Selma Dufort" in t for t in actions)
    # the preface is a note, the cut a transition, times of day in the headings
    assert any(isinstance(el, Note) and el.text.startswith("Note:") for el in a.doc.body)
    assert any(isinstance(el, Transition) and plain(el.text) == "CUT TO:" for el in a.doc.body)
    times = {s.heading.time for s in a.doc.scenes()}
    assert {"DAWN", "EVENING", "MORNING", "NIGHT"} <= times
    # a scene cut on "The scene cuts to X cycling": the action is in the present
    assert any(t.startswith("Tobias cycles back") for t in actions)


def test_one_sentence_per_line_becomes_several_scenes() -> None:
    a, text = _adapted(FIXTURES / "synopses" / "one-per-line.txt")
    n_lines = len([ln for ln in text.splitlines() if ln.strip()])
    assert n_lines / 3 <= len(a.doc.scenes()) <= n_lines
    said = {(n, w) for n, _, w in _speeches(a.doc)}
    assert ("AMA", "I am waiting for my mother.") in said   # "The girl, Ama, says she is..."


def test_exteriors_get_ext_headings_and_the_same_place_the_same_name() -> None:
    a, _ = _adapted(FIXTURES / "synopses" / "exteriors.txt")
    heads = [s.heading for s in a.doc.scenes()]
    assert sum(h.int_ext == "EXT" for h in heads) >= len(heads) - 1
    assert any(h.time == "DAWN" for h in heads) and any(h.time == "NIGHT" for h in heads)


def test_large_cast_questions_and_quoted_speaker() -> None:
    a, _ = _adapted(FIXTURES / "synopses" / "large-cast.txt")
    said = {(n, w) for n, _, w in _speeches(a.doc)}
    assert ("GRETA", "What have you written about their mother?") in said
    assert ("SOPHIE", "Does Greta know?") in said
    assert ("MRS. HALLORAN", "I burned it in the stove.") in said
    cues = {n for n, _, _ in _speeches(a.doc)}
    assert "FAMILY" not in cues   # a group is never a character


def test_premise_actor_after_a_role_goes_to_the_cast_note() -> None:
    a, _ = _adapted(FIXTURES / "synopses" / "premise.txt")
    notes = [el.text for el in a.doc.body if isinstance(el, Note)]
    assert any("Lena Hart" in n for n in notes)
    assert len(a.doc.scenes()) >= 1


@pytest.mark.parametrize("word,base", [("wants", "want"), ("tries", "try"), ("goes", "go"),
                                       ("has", "have"), ("watches", "watch"), ("is", "are")])
def test_third_person_to_base_form(word: str, base: str) -> None:
    assert base_from_3sg(word) == base


@pytest.mark.parametrize("base,word", [("try", "tries"), ("go", "goes"), ("have", "has"),
                                       ("play", "plays"), ("cycle", "cycles")])
def test_base_to_third_person(base: str, word: str) -> None:
    assert third_singular(base) == word


# -- edit safety --------------------------------------------------------------------------

def test_stamp_detects_any_edit() -> None:
    a, _ = _adapted(FIXTURES / "synopses" / "premise.txt")
    text = stamp(a.doc)
    assert untouched(text)
    assert parse_fountain(text).body[-1].__class__.__name__ == "Boneyard"
    assert not untouched(text.replace("chef", "cook", 1))
    assert not untouched(text + "\nINT. NEW SCENE - DAY\n")
    cut = text[:text.rindex("/*")]
    assert not untouched(cut)


def _run(args: list[str]):
    return runner.invoke(app, ["adapt", *args], catch_exceptions=False)


def test_cli_writes_default_output_and_refuses_to_overwrite_edits(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "harbour.txt"
    src.write_text((FIXTURES / "synopses" / "premise.txt").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    r = _run([str(src)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "out" / "harbour.fountain"
    first = out.read_bytes()
    assert b"Title: Harbour" in first
    # untouched output may be regenerated, byte for byte
    assert _run([str(src)]).exit_code == 0
    assert out.read_bytes() == first
    # a person's edit is never overwritten without --force
    edited = first.replace(b"disgraced chef", b"famous chef")
    out.write_bytes(edited)
    r = _run([str(src)])
    assert r.exit_code == 1
    assert "changed since adapt wrote it" in r.output and len(r.output.strip().splitlines()) == 1
    assert out.read_bytes() == edited
    r = _run([str(src), "--force"])
    assert r.exit_code == 0 and out.read_bytes() == first


def test_cli_refuses_a_file_it_did_not_write(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("Anna says she is cold. Tom gives her his coat.\n", "utf-8")
    mine = tmp_path / "mine.fountain"
    mine.write_text("INT. KITCHEN - DAY\n\nMy own scene.\n", "utf-8")
    r = _run([str(src), "-o", str(mine), "--title", "Cold"])
    assert r.exit_code == 1
    assert mine.read_text("utf-8").startswith("INT. KITCHEN")


def test_cli_several_inputs_and_title(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Mia says she is leaving. Leo asks her why.\n", "utf-8")
    r = _run(["a.txt", "b.txt"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / "a.fountain").exists() and (tmp_path / "out" / "b.fountain").exists()
    r = _run(["a.txt", "b.txt", "-o", "x.fountain"])
    assert r.exit_code == 2


@pytest.mark.parametrize("data,needle", [
    (b"", "empty"),
    (b"   \n\n  \n", "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"Anna says \xff\xfe hello.\n", "UTF-8"),
    (b"Note: only a preface here.\n", "preface"),
])
def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, data: bytes, needle: str) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(data)
    r = _run([str(src), "-o", str(tmp_path / "bad.fountain")])
    assert r.exit_code == 2
    assert needle in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert "Traceback" not in r.output
    assert not (tmp_path / "bad.fountain").exists()


def test_cli_never_overwrites_its_input(tmp_path: Path) -> None:
    src = tmp_path / "s.fountain"
    src.write_text("Anna says she is cold.\n", "utf-8")
    r = _run([str(src), "-o", str(src)])
    assert r.exit_code == 2
    assert src.read_text("utf-8") == "Anna says she is cold.\n"


def test_stamped_text_is_what_the_writer_gives_for_the_marked_document() -> None:
    a, _ = _adapted(FIXTURES / "synopses" / "premise.txt")
    text = stamp(a.doc)
    reread = parse_fountain(text)
    assert write_fountain(reread) == text
    assert reread.body[:-1] == a.doc.body


@pytest.mark.parametrize("path", [SAMPLE, FIXTURES / "synopses" / "large-cast.txt"], ids=lambda p: p.stem)
def test_adapted_fountain_passes_check_without_errors(tmp_path: Path, path: Path) -> None:
    check = pytest.importorskip("toolchain.cmd_check")
    text = path.read_text("utf-8")
    out = tmp_path / "adapted.fountain"
    out.write_text(adapt(text, "T", path.name, load_model())[1], "utf-8")
    found, _ = check.check_file(out)
    errors = [d for d in found if d.severity == "error"]
    assert not errors, [f"{d.line}: {d.message}" for d in errors]


@pytest.mark.parametrize("text,cue,line", [
    ("José arrives at the café.\r\nHe tells María that he loves her.\r\n", "JOSÉ", "I love you."),
    ("- Tom meets Ann in the park.\n- Ann says she is tired.\n", "ANN", "I am tired."),
    ("Nadia asks Omar if he has seen her keys. Omar says he has not.", "NADIA", "Have you seen my keys?"),
    ("Lena asks Paul where he was last night.", "LENA", "Where were you last night?"),
    ("Ruth tells Sam not to open the door.", "RUTH", "Don't open the door."),
    ("Iris promises to call her sister in the morning.", "IRIS", "I'll call my sister in the morning."),
])
def test_reported_speech_in_the_speakers_words(text: str, cue: str, line: str) -> None:
    a = adapt_text(text, load_model(), "t", "t.txt")
    assert (cue, line) in {(n, w) for n, _, w in _speeches(a.doc)}


def test_a_speech_act_without_words_stays_action() -> None:
    a = adapt_text("Kate thanks Leo and apologizes.", load_model(), "t", "t.txt")
    assert not _speeches(a.doc)
    assert any(isinstance(el, Action) and "thanks LEO" in plain(el.text) for el in a.doc.body)  # Leo introduced


def test_past_tense_synopsis_becomes_present_action_and_present_lines() -> None:
    a, _ = _adapted(FIXTURES / "synopses" / "past-tense.txt")
    actions = [plain(el.text) for el in a.doc.body if isinstance(el, Action)]
    assert any("DARA QUINT crashes her plane" in t for t in actions)  # first appearance
    assert "She survives the crash but breaks her leg." in actions
    said = {(n, w) for n, _, w in _speeches(a.doc)}
    assert ("ELIAS", "The nearest town is three days away.") in said
    assert ("DARA", "Can you take me there?") in said
    assert ("ELIAS", "I will, but only after the storm passes.") in said
    assert ("DARA", "Cut the lines!") in said


def test_sample_is_reachable_as_package_data() -> None:
    from toolchain.adapt import sample_text
    assert sample_text() == SAMPLE.read_text("utf-8")


def test_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Sets and dicts must not leak their order into the output (PYTHONHASHSEED varies)."""
    import os
    import subprocess
    import sys
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"s{seed}.fountain"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "toolchain.cli", "adapt", str(SAMPLE), "-o", str(out)],
                       check=True, env=env, cwd=ROOT, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_cli_title_is_the_synopsis_own_title_line_unless_given(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "draft_3.txt"
    body = (FIXTURES / "synopses" / "premise.txt").read_text("utf-8")
    src.write_text("THE SALT ROAD\n\n" + body, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert _run([str(src)]).exit_code == 0
    text = (tmp_path / "out" / "draft_3.fountain").read_text("utf-8")
    assert text.startswith("Title: THE SALT ROAD\n")
    assert "= THE SALT ROAD" not in text   # on the title page, not a line of the story
    assert _run([str(src), "--title", "Harbour Lights", "--force"]).exit_code == 0
    assert (tmp_path / "out" / "draft_3.fountain").read_text("utf-8").startswith("Title: Harbour Lights\n")
