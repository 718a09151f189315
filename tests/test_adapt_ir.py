"""The story model and the passes that fill it, on sentences written for these tests."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolchain.adapt import adapt_text, load_model
from toolchain.adapt.events import events_of
from toolchain.adapt.ir import IR_VERSION
from toolchain.adapt.nlp import parse_all
from toolchain.cli import app

runner = CliRunner()

STORY = (
    "Mara Lind (Eva Roth), a retired ferry captain, repairs a boat at the harbour.\n\n"
    "That evening, she drives to the station and gives Otto a letter.\n"
    "Otto tells her that the train is late.\n"
)


def _story():
    return adapt_text(STORY, load_model(), "Harbour", "h.txt").story


def _id(st, name: str) -> str:
    """The entity id (its cue) of the character a name belongs to."""
    return next(e.id for e in st.entities if name in e.aliases or e.name == name.upper())


def test_entities_carry_names_aliases_actor_and_sex() -> None:
    st = _story()
    mara = st.entity(_id(st, "Mara Lind"))
    assert mara is not None and mara.actor == "Eva Roth"
    assert "Mara Lind" in mara.aliases or mara.name == "MARA LIND"   # the full name, not "LIND" alone
    assert mara.gender == "F"                    # "she" took her up
    otto = st.entity("OTTO")
    assert otto is not None and otto.speaks     # his reported speech became a line


def test_pronoun_mentions_resolve_to_the_person() -> None:
    st = _story()
    she = [m for m in st.mentions if m.how == "pronoun" and m.text == "she"]
    assert she and all(m.entity == _id(st, "Mara Lind") for m in she)


def test_events_from_the_parse_have_agents_recipients_and_kinds() -> None:
    st = _story()
    by_verb = {e.verb: e for e in st.events}
    mara = _id(st, "Mara Lind")
    assert by_verb["repair"].kind == "act" and by_verb["repair"].agent == mara
    assert by_verb["drive"].kind == "move" and "station" in (by_verb["drive"].content or "")
    give = by_verb["give"]
    assert give.agent == mara and give.recipient == "OTTO"
    tell = by_verb["tell"]
    assert tell.kind == "say" and tell.agent == "OTTO" and tell.dialogue


def test_places_form_a_hierarchy_and_scenes_point_at_them() -> None:
    st = _story()
    ids = {p.id for p in st.places}
    assert st.scenes and all(s.place in ids for s in st.scenes if s.place)
    for p in st.places:
        if p.parent is not None:
            assert p.level == "room" and p.parent in ids
    assert any(t.label == "EVENING" for t in st.times)
    # every source sentence is in exactly one scene
    covered = sorted(i for s in st.scenes for i in s.sentences)
    assert covered == list(range(len(st.sentences)))


def test_json_round_trips_with_accents() -> None:
    st = adapt_text("Zoë walks to the café.\n", load_model(), "Zoë", "z.txt").story
    data = json.loads(st.to_json())
    assert data["version"] == IR_VERSION and data["title"] == "Zoë"
    assert "Zoë" in st.to_json()


def test_events_pass_alone_on_a_parsed_sentence() -> None:
    doc = parse_all(load_model(), ["The guard runs into the yard and shouts."])[0]
    sent = next(iter(doc.sents))
    evs = events_of(sent, lambda t: "GUARD" if t.lower_ == "guard" else None,
                    lambda t: t.lemma_ or t.lower_, 0)
    kinds = {e.kind for e in evs}
    assert "move" in kinds
    assert all(e.agent == "GUARD" for e in evs)


def test_cli_dump_ir_title_and_author(tmp_path: Path) -> None:
    src = tmp_path / "07_harbour-story.txt"
    src.write_text(STORY, "utf-8")
    out, ir = tmp_path / "h.fountain", tmp_path / "h.json"
    r = runner.invoke(app, ["adapt", str(src), "-o", str(out), "--dump-ir", str(ir), "--author", "Ann Lee"])
    assert r.exit_code == 0, r.output
    text = out.read_text("utf-8")
    assert text.startswith("Title: Harbour Story\n")
    assert "Author: Ann Lee" in text and "07_harbour" not in text
    assert json.loads(ir.read_text("utf-8"))["entities"]
    r = runner.invoke(app, ["adapt", str(src), str(src), "--dump-ir", str(ir)])
    assert r.exit_code == 2


def test_flashback_scene_is_marked_and_the_story_comes_back(tmp_path: Path) -> None:
    src = tmp_path / "fb.txt"
    src.write_text("Mara waits at the pier at dawn.\n\nIn a flashback, young Mara sails with her father "
                   "on a stormy sea.\n\nThat night, Mara climbs to the lighthouse.\n", "utf-8")
    out = tmp_path / "fb.fountain"
    r = runner.invoke(app, ["adapt", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text("utf-8")
    heads = [ln for ln in text.splitlines() if ln.startswith(("INT.", "EXT."))]
    assert heads[1].endswith("(FLASHBACK)") and not heads[0].endswith("(FLASHBACK)")
    assert not heads[2].endswith("(FLASHBACK)")
    assert text.index(">BACK TO PRESENT") < text.index(heads[2])
    assert "In a flashback" not in "\n".join(ln for ln in text.splitlines() if not ln.startswith("="))
    r = runner.invoke(app, ["check", str(out)])
    assert r.exit_code == 0, r.output


def test_control_characters_never_reach_the_fountain(tmp_path: Path) -> None:
    src = tmp_path / "ctl.txt"
    src.write_text("Mara walks into the kitchen.\x07 She says \x1b\"Hello\x0b there.\" Otto\x85 nods.\n", "utf-8")
    out = tmp_path / "ctl.fountain"
    assert runner.invoke(app, ["adapt", str(src), "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in text)
    r = runner.invoke(app, ["check", str(out)])
    assert r.exit_code == 0, r.output


def test_a_quotation_goes_to_the_subject_of_its_verb_named_by_title() -> None:
    text = ("Mara meets Chief Oduya at the dock. Oduya offers her a coin, and Chief murmurs "
            "\"Keep it for the crossing.\"\n")
    a = adapt_text(text, load_model(), "Dock", "d.txt")
    oduya = _id(a.story, "Oduya")
    spoken = [(ln.speaker.cue, ln.text) for _, ln in a.lines]
    assert any(cue == oduya and "crossing" in said for cue, said in spoken), spoken


def test_later_and_continuous_only_in_the_same_building() -> None:
    from toolchain.adapt import sample_text
    from .conftest import FIXTURES
    texts = [sample_text()] + [p.read_text("utf-8") for p in sorted((FIXTURES / "synopses").glob("*.txt"))]
    checked = 0
    for text in texts:
        st = adapt_text(text, load_model(), "T", "t.txt").story
        places = {p.id: p for p in st.places}

        def building(pid: str | None) -> str | None:
            p = places.get(pid) if pid else None
            return p.parent or p.id if p else None
        for before, sc in zip(st.scenes, st.scenes[1:]):
            if sc.time in ("LATER", "CONTINUOUS"):
                checked += 1
                assert building(sc.place) == building(before.place), (before.heading, sc.heading)
    assert checked > 0


def test_quotation_before_its_verb_is_one_line_not_two() -> None:
    a = adapt_text('Otto rows the boat to the pier. "We are late," he says.\n', load_model(), "P", "p.txt")
    lines = [(ln.speaker.cue, ln.text) for _, ln in a.lines]
    assert lines == [("OTTO", "We are late.")], lines


def test_dump_ir_never_replaces_the_output_or_an_input(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text(STORY, "utf-8")
    out = tmp_path / "s.fountain"
    r = runner.invoke(app, ["adapt", str(src), "-o", str(out), "--dump-ir", str(out)])
    assert r.exit_code == 2 and not out.exists()
    r = runner.invoke(app, ["adapt", str(src), "-o", str(out), "--dump-ir", str(src)])
    assert r.exit_code == 2 and src.read_text("utf-8") == STORY
