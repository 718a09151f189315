"""The Fountain reader and writer on every real file in the shared corpus.

Checks that each file reads, that the round trip is exact and the writer stable,
and that our element sequence agrees with other tools' recorded output where
the corpus holds one (or says, in the spec's words, why it differs).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain
from screenplay.model import (
    Action, Centered, Dialogue, Document, Lyrics, Note, Parenthetical, SceneHeading, Speech,
    Transition, UNPRINTED, plain,
)
from screenplay.textio import read_text

from .conftest import CORPUS, corpus_files, shared_path

FILES = corpus_files()


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(CORPUS)) for p in paths]


@pytest.fixture(params=FILES or [None], ids=_ids(FILES) or ["no-corpus"])
def corpus_doc(request: pytest.FixtureRequest) -> tuple[Path, str, Document]:
    if request.param is None:
        pytest.skip("../shared/corpus/fountain is not beside the project")
    text = read_text(request.param)
    return request.param, text, parse_fountain(text)


def test_corpus_file_reads_into_scenes_and_speech(corpus_doc: tuple[Path, str, Document]) -> None:
    path, text, doc = corpus_doc
    assert doc.body, f"{path.name}: nothing read"
    # Every non-blank source line is accounted for by some element or the title page.
    covered = set()
    for f in doc.title_page:
        covered.update(range(f.lines[0], f.lines[1] + 1))
    for el in doc.body:
        assert el.lines[0] >= 1 and el.lines[1] >= el.lines[0], el
        covered.update(range(el.lines[0], el.lines[1] + 1))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    missing = [i + 1 for i, ln in enumerate(lines) if ln.strip() and i + 1 not in covered]
    assert not missing, f"{path.name}: source lines not in any element: {missing[:10]}"


def test_round_trip_is_identity_and_writer_is_stable(corpus_doc: tuple[Path, str, Document]) -> None:
    path, _text, doc = corpus_doc
    written = write_fountain(doc)
    again = parse_fountain(written)
    assert again == doc, f"{path.name}: model changed through Fountain"
    assert write_fountain(again) == written, f"{path.name}: writing twice gave other bytes"


# ---------------------------------------------------------------------------
# Agreement with other tools' recorded output
# ---------------------------------------------------------------------------


def _fountain_tools_dump(doc: Document) -> list[tuple[str, str]]:
    """Our elements in the vocabulary of fountain-tools' expected dumps."""
    out: list[tuple[str, str]] = []
    for el in doc.body:
        if isinstance(el, SceneHeading):
            out.append(("HEADING", el.plain))
        elif isinstance(el, Action):
            out.append(("ACTION", plain(el.text)))
        elif isinstance(el, Lyrics):
            out.extend(("LYRIC", ln) for ln in plain(el.text).split("\n"))
        elif isinstance(el, Note):
            out.append(("NOTE", el.text))
        elif isinstance(el, Speech):
            out.append(("CHARACTER", el.character.name))
            for p in el.parts:
                if isinstance(p, Parenthetical):
                    out.append(("PARENTHETICAL", plain(p.text)))
                elif isinstance(p, Lyrics):
                    out.extend(("LYRIC", ln) for ln in plain(p.text).split("\n"))
                else:
                    out.append(("DIALOGUE", plain(p.text)))
    return out


def _read_dump(path: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    return [(m.group(1), m.group(2)) for m in re.finditer(r'^(?:\[\[\d+\]\])?([A-Z]+):"(.*?)"$',
                                                          text, re.M | re.S)]


def test_lyrics_agree_with_fountain_tools() -> None:
    src = shared_path("corpus", "fountain", "features", "Lyrics.fountain")
    expected = _read_dump(src.with_name("Lyrics.fountain-tools.expected.txt"))
    assert _fountain_tools_dump(parse_fountain(read_text(src))) == expected


def test_notes_agree_with_fountain_tools_where_the_spec_allows() -> None:
    src = shared_path("corpus", "fountain", "features", "Notes.fountain")
    doc = parse_fountain(read_text(src))
    ours = _fountain_tools_dump(doc)
    # The same four notes, with the same text (fountain-tools numbers them [[0]]..[[3]]).
    expected = _read_dump(src.with_name("Notes.fountain-tools.expected.txt"))
    exp_notes = [t for k, t in expected if k == "NOTE"]
    inline_notes = [r.text for el in doc.body if isinstance(el, (Action, Speech))
                    for r in (el.text if isinstance(el, Action) else ()) if r.kind == "note"]
    para_notes = [el.text for el in doc.body if isinstance(el, Note)]
    assert exp_notes[0] == inline_notes[0]
    assert exp_notes[1] == para_notes[0]
    assert exp_notes[2] == inline_notes[1].replace("\n\n", "\n  \n")
    # fountain-tools reads the fourth "note" across a blank line.  The spec: "Notes can
    # contain carriage returns, but if you wish a note to contain an empty line, you must
    # place two spaces there" -- so a blank line ends it and it is not a note (we warn).
    assert any(d.rule == "unclosed-note" for d in doc.diagnostics)
    assert exp_notes[3].startswith("This\ndoesn't")
    # fountain-tools merges the action after JACK's speech into the dialogue; the spec
    # ends dialogue at a blank line ("Dialogue is any text following a Character element"
    # up to the next empty line), so ours is an action paragraph.
    kinds = [k for k, _ in ours]
    assert kinds[:5] == ["HEADING", "ACTION", "NOTE", "CHARACTER", "PARENTHETICAL"]
    assert kinds[5] == "DIALOGUE" and kinds[6] == "ACTION"
    assert ours[5][1] == "Did you know Brick and Steel are retired?"


def _screenplain_sequence(path: Path) -> list[tuple[str, str]]:
    tree = lxml_html.fromstring(path.read_bytes())
    out: list[tuple[str, str]] = []
    for el in tree.iter("h6", "div"):
        cls = (el.get("class", "").split() or [""])[0]
        if el.tag == "h6":
            txt = "".join(el.itertext())
            for s in el.iterfind("span"):
                txt = txt.replace(s.text_content(), "", 1)
            out.append(("heading", " ".join(txt.split())))
        elif cls in ("action", "transition"):
            out.append((cls, " ".join(el.text_content().split())))
        elif cls == "dialog":
            out.append(("speech", el.findtext("p[@class='character']").strip()))
        elif cls in ("left", "right"):
            out.append(("speech", el.findtext("p[@class='character']").strip()))
    return out


def _our_sequence(doc: Document) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for el in doc.body:
        if isinstance(el, UNPRINTED):
            continue
        if isinstance(el, SceneHeading):
            out.append(("heading", " ".join(el.plain.split())))
        elif isinstance(el, (Action, Centered)):
            out.append(("action", " ".join(plain(el.text).split())))
        elif isinstance(el, Transition):
            out.append(("transition", " ".join(plain(el.text).split())))
        elif isinstance(el, Speech):
            out.append(("speech", el.character.cue))
    return out


@pytest.mark.parametrize("name", [
    "features/scene-numbers", "features/dual-dialogue", "spec-samples/Brick-and-Steel",
])
def test_element_sequence_agrees_with_screenplain_html(name: str) -> None:
    src = shared_path("corpus", "fountain", name + ".fountain")
    doc = parse_fountain(read_text(src))
    theirs = _screenplain_sequence(src.with_name(src.stem + ".screenplain.html"))
    ours = _our_sequence(doc)
    assert [k for k, _ in ours] == [k for k, _ in theirs]
    for (k, a), (_, b) in zip(ours, theirs):
        if k in ("heading", "speech"):
            assert a == b


def test_scene_numbers_from_screenplain_sample() -> None:
    src = shared_path("corpus", "fountain", "features", "scene-numbers.fountain")
    doc = parse_fountain(read_text(src))
    assert [s.heading.number for s in doc.scenes()] == ["1", "2", None, None, "2-B"]


def test_big_fish_counts() -> None:
    src = shared_path("corpus", "fountain", "spec-samples", "Big-Fish.fountain")
    doc = parse_fountain(read_text(src))
    scenes = doc.scenes()
    assert len(scenes) > 150
    assert all(s.heading.int_ext in ("INT", "EXT", "INT/EXT", "EST", None) for s in scenes)
    assert "EDWARD" in doc.characters() and "WILL" in doc.characters()
    assert doc.title == "Big Fish"
    # Every speech has something to say.
    assert all(sp.parts for sp in doc.speeches())


def test_final_draft_reference_scene_numbers() -> None:
    src = shared_path("corpus", "fountain", "final-draft-reference",
                      "big-fish-excerpt-scene-numbers.fountain")
    nums = [s.heading.number for s in parse_fountain(read_text(src)).scenes()]
    for n in ("1", "1A", "2A", "I-1-A", "110A", "9."):
        assert n in nums


def test_cyrillic_file_reads_headings_speech_and_emphasis() -> None:
    src = shared_path("corpus", "fountain", "unicode", "cyrillic.fountain")
    doc = parse_fountain(read_text(src))
    text = write_fountain(doc)
    cyr = {c for c in read_text(src) if "\u0400" <= c <= "\u04ff"}
    assert cyr and cyr <= set(text)
    assert any(isinstance(el, SceneHeading) for el in doc.body)
    assert any(isinstance(el, Speech) for el in doc.body)


def test_japanese_is_read_leniently() -> None:
    src = shared_path("corpus", "fountain", "unicode", "jp.fountain")
    doc = parse_fountain(read_text(src))
    # Full-width colons in title keys and the ideographic full stop after INT are accepted.
    assert doc.title == "映画"
    assert [s.heading.int_ext for s in doc.scenes()] == ["INT"]
    sp = next(doc.speeches())
    assert sp.character.name == "ジョン"
    assert isinstance(sp.parts[0], Parenthetical) and isinstance(sp.parts[1], Dialogue)
