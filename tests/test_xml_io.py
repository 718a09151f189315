"""Screenplay XML: model -> XML -> model is the identity, and the XML validates.

Validated twice: with lxml (libxml2 inside Python) and with the separate
``xmllint`` program, so the schema is not only right for our own code path.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from screenplay import model as m
from screenplay.fountain_reader import parse_fountain
from screenplay.resources import package_file
from screenplay.validate import load_xsd, xsd_path
from screenplay.xml_io import (NS, from_tree, parse_xml_bytes, read_xml, to_tree, validate_document,
                               write_xml)

from .conftest import corpus_files, corpus_params, shared_path

CORPUS = corpus_files()


def _all_lines(doc: m.Document) -> list[tuple[str, m.Lines]]:
    """Every recorded source range, in document order (lines are not part of ==)."""
    out: list[tuple[str, m.Lines]] = [("title", f.lines) for f in doc.title_page]
    for el in doc.body:
        out.append((type(el).__name__, el.lines))
        if isinstance(el, m.Speech):
            out.append(("cue", el.character.lines))
            out.extend((type(p).__name__, p.lines) for p in el.parts)
    return out


def _kitchen_sink() -> m.Document:
    """A hand-built document with every element kind, style and flag."""
    t = m.text_of
    return m.Document(
        title_page=[m.TitleField("Title", [(m.Run("Big", m.BOLD), m.Run(" Night"))], (1, 2)),
                    m.TitleField("Draft date", [], (3, 3))],
        body=[
            m.Section(t("Act One"), 1, (5, 5)),
            m.Synopsis(t("They meet."), (6, 6)),
            m.Action(t("  indented\nsecond line"), True, (8, 9)),
            m.SceneHeading(t("INT. HOUSE - NIGHT"), "1A", False, (11, 11)),
            m.Speech(m.Character("ANN", ("V.O.", "CONT'D"), False, False, (13, 13)),
                     [m.Parenthetical(t("quietly"), (14, 14)),
                      m.Dialogue((m.Run("Say "), m.Run("<&> \"it\"", m.ITALIC | m.UNDERLINE),
                                  m.Run("note", 0, m.NOTE), m.Run(" now.")), (15, 15)),
                      m.Lyrics(t("La la"), (16, 16))], (13, 16)),
            m.Speech(m.Character("McBOB", (), True, True, (18, 18)), [m.Dialogue(t("Yes."))],
                     (18, 19)),
            m.Lyrics(t("Standing alone"), (21, 21)),
            m.Transition(t("Fade to grey."), True, (23, 23)),
            m.PageBreak((25, 25)),
            m.SceneHeading(t("HOLD ON THIS"), None, True, (27, 27)),
            m.Centered(t("THE END"), (29, 29)),
            m.Note("a loose\nnote", (31, 32)),
            m.Boneyard(" cut scene\n\nINT. X ", (34, 36)),
            m.Action((m.Run("kept "), m.Run("gone", 0, m.BONEYARD), m.Run(" ")), False),
        ])


def test_kitchen_sink_round_trip_is_identity_including_lines() -> None:
    doc = _kitchen_sink()
    back = read_xml(write_xml(doc))
    assert back == doc
    assert _all_lines(back) == _all_lines(doc)


def test_kitchen_sink_validates() -> None:
    assert validate_document(_kitchen_sink()) == []


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_round_trip(path: Path) -> None:
    doc = parse_fountain(path.read_text(encoding="utf-8"))
    back = read_xml(write_xml(doc))
    assert back == doc
    assert _all_lines(back) == _all_lines(doc)


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_xml_validates_with_lxml(path: Path) -> None:
    doc = parse_fountain(path.read_text(encoding="utf-8"))
    tree = parse_xml_bytes(write_xml(doc).encode("utf-8"))
    schema = load_xsd()
    assert schema.validate(tree), schema.error_log.last_error
    # No schema *errors* on any corpus file; Schematron warnings are allowed.
    assert [d for d in validate_document(doc) if d.severity == "error"] == []


def test_corpus_xml_validates_with_xmllint(tmp_path: Path) -> None:
    """An independent validator (libxml2's command-line tool) accepts every corpus file."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        pytest.skip("xmllint not installed (Debian package libxml2-utils)")
    shared_path("corpus", "fountain")
    files = []
    for i, p in enumerate(CORPUS):
        out = tmp_path / f"{i:02d}-{p.stem}.xml"
        out.write_text(write_xml(parse_fountain(p.read_text(encoding="utf-8"))), encoding="utf-8")
        files.append(str(out))
    assert len(files) >= 10
    r = subprocess.run([xmllint, "--noout", "--nonet", "--schema", xsd_path(), *files],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stderr.count(" validates") == len(files)


def test_xmllint_rejects_what_lxml_rejects(tmp_path: Path) -> None:
    """Both validators see the keyref: a cue naming no cast member fails in xmllint too."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        pytest.skip("xmllint not installed (Debian package libxml2-utils)")
    doc = parse_fountain("INT. A - DAY\n\nANN\nHi.\n")
    bad = write_xml(doc).replace('<cue name="ANN"', '<cue name="BOB"')
    f = tmp_path / "bad.xml"
    f.write_text(bad, encoding="utf-8")
    r = subprocess.run([xmllint, "--noout", "--nonet", "--schema", xsd_path(), str(f)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "BOB" in r.stderr


def test_schema_files_ship_inside_the_package() -> None:
    assert package_file("schema", "screenplay.xsd").is_file()
    assert package_file("schema", "screenplay.sch").is_file()


def test_vocabulary_shape() -> None:
    """Scenes group the flat body; heading parts and the cast are written out."""
    doc = parse_fountain("Title: T\n\nCOLD OPEN ACTION.\n\nINT. BARN - NIGHT #4#\n\n"
                         "ANN\nHi.\n\nBOB\nHo.\n\nANN\nHa.\n")
    root = to_tree(doc).getroot()
    q = "{%s}" % NS
    assert [c.get("name") for c in root.iter(q + "character")] == ["ANN", "BOB"]
    assert root.find(f"{q}cast/{q}character").get("speeches") == "2"
    body = root.find(q + "body")
    assert [etree.QName(c).localname for c in body] == ["action", "scene"]
    scene = body.find(q + "scene")
    assert scene.get("number") == "4"
    h = scene.find(q + "heading")
    assert (h.get("int-ext"), h.get("location"), h.get("time")) == ("INT", "BARN", "NIGHT")
    assert h.get("line") == "5"
    assert from_tree(to_tree(doc)) == doc


def test_mixed_content_is_not_reindented() -> None:
    """Pretty-printing must never add white space inside text: it would change the script."""
    doc = m.Document(body=[m.Action((m.Run("x", m.BOLD),))])
    xml = write_xml(doc)
    assert '<action><em style="bold">x</em></action>' in xml


_run = st.builds(
    m.Run,
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
            | st.sampled_from(["\n", " ", "\t", "<", "&", ">", "]"]), min_size=1, max_size=12)
    | st.just("]]>"),
    st.integers(0, 7),
    st.sampled_from([m.TEXT, m.TEXT, m.NOTE, m.BONEYARD]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_run, max_size=6))
def test_any_inline_text_round_trips(runs: list[m.Run]) -> None:
    text = m.normalize_text(runs)
    doc = m.Document(body=[m.Action(text), m.Synopsis(text)])
    assert read_xml(write_xml(doc)) == doc


from .test_fdx import _block, _title  # noqa: E402  (the same Fountain-shaped scripts)


@settings(max_examples=80, deadline=None)
@given(_title, st.lists(_block, min_size=1, max_size=8))
def test_fountain_shaped_scripts_round_trip_and_validate(title: list[str], blocks: list[str]
                                                         ) -> None:
    head = "\n".join(title) + "\n\n" if title else ""
    doc = parse_fountain(head + "\n\n".join(blocks) + "\n")
    back = read_xml(write_xml(doc))
    assert back == doc and _all_lines(back) == _all_lines(doc)
    # Duplicate scene numbers are the writer's own doing here; anything else must validate.
    errors = [d for d in validate_document(doc) if d.severity == "error"]
    assert all(d.rule in ("duplicate-scene-number", "dual-without-partner", "dual-chain")
               for d in errors), errors
