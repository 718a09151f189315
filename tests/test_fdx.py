"""Final Draft FDX: corpus files from Final Draft and Fade In read like their Fountain twins,
and our own FDX reads back to the same model in Final Draft's own vocabulary."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from screenplay import model as m
from screenplay.fdx import SP, read_fdx_bytes, write_fdx
from screenplay.fountain_reader import parse_fountain
from screenplay.formats import read_document
from toolchain.cli import app

from .conftest import FIXTURES, corpus_files, corpus_params, shared_path

runner = CliRunner()
CORPUS = corpus_files()

#: Paragraph types Final Draft itself defines (its default template's ElementSettings).
FD_TYPES = {"Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition",
            "Shot", "General", "Lyrics", "Cast List", "New Act", "End of Act"}
FD_STYLES = {"Bold", "Italic", "Underline"}


def _twin(fdx: str, fountain: str) -> tuple[m.Document, m.Document]:
    a = read_fdx_bytes(shared_path("corpus", "fountain", fdx).read_bytes())
    b = parse_fountain(shared_path("corpus", "fountain", fountain).read_text(encoding="utf-8"))
    return a, b


def _values(doc: m.Document) -> dict[str, list[str]]:
    return {f.key: [m.plain(v) for v in f.values] for f in doc.title_page}


def test_final_draft_file_reads_like_its_fountain_twin() -> None:
    fdx, fountain = _twin("fdx-import/TestFDX-FD.finaldraft.fdx", "fdx-import/TestFDX-FD.fountain")
    assert len(fdx.body) == 11
    assert fdx.body == fountain.body  # kinds, text, scene numbers, O.S., forced transition
    assert [s.heading.number for s in fdx.scenes()] == ["1", "2"]
    assert fdx.diagnostics == []
    # The twin has no title page; Final Draft saved one anyway (it is the same script as
    # TestFDX-FI, whose twin has one), so only check it was read sensibly.
    assert _values(fdx)["Title"] == ["FDX Test Script"]


def test_fade_in_file_reads_like_its_fountain_twin() -> None:
    fdx, fountain = _twin("fdx-import/TestFDX-FI.fadein.fdx", "fdx-import/TestFDX-FI.fountain")
    assert fdx.body == fountain.body
    got, want = _values(fdx), _values(fountain)
    # FDX title pages are positioned paragraphs without keys, so keys are inferred:
    # the centred title and author come out under the same keys ...
    assert got["Title"] == want["Title"] and got["Author"] == want["Author"]
    assert got["Copyright"] == want["Copyright"]
    # ... and every other value is kept, though "Draft\ninformation" has no date to say
    # it is a draft date, and Fade In adds a "Written by" credit line the twin lacks.
    flat_got = [v for vs in got.values() for v in vs]
    assert all(v in flat_got for vs in want.values() for v in vs)


def test_final_draft_11_reference_reads_like_its_twin() -> None:
    fdx, fountain = _twin("final-draft-reference/big-fish-excerpt-scene-numbers.finaldraft11.fdx",
                          "final-draft-reference/big-fish-excerpt-scene-numbers.fountain")
    assert fdx.body == fountain.body  # 80 elements, page break, bold FADE IN:, V.O.
    assert [s.heading.number for s in fdx.scenes()] == [
        "1", "1A", "2", "2A", "I-1-A", "110A", "9."]
    got, want = _values(fdx), _values(fountain)
    for key in ("Title", "Credit", "Author", "Source"):
        assert got[key] == want[key]
    # Final Draft's copy of the title page has no Notes or Copyright block: not in the file.
    assert "Notes" not in got


def test_screenplain_fdx_reads_like_its_twin_apart_from_split_dialogue() -> None:
    fdx, fountain = _twin("spec-samples/Brick-and-Steel.screenplain.fdx",
                          "spec-samples/Brick-and-Steel.fountain")
    assert len(fdx.body) == len(fountain.body)
    diffs = [(a, b) for a, b in zip(fdx.body, fountain.body) if a != b]
    # screenplain writes each line of a two-line speech as its own Dialogue paragraph;
    # Fountain has one dialogue with a line break.  Joined, they are the same.
    assert len(diffs) == 1
    a, b = diffs[0]
    assert [type(p) for p in a.parts] == [m.Dialogue, m.Dialogue]
    joined = m.normalize_text(list(a.parts[0].text) + [m.Run("\n")] + list(a.parts[1].text))
    assert joined == b.parts[0].text
    # Dual dialogue read from <DualDialogue>:
    duals = [el for el in fdx.body if isinstance(el, m.Speech) and el.character.dual]
    assert [d.character.name for d in duals] == ["BRICK"]


@pytest.mark.parametrize("path", corpus_params())
def test_our_fdx_reads_back_to_the_same_model(path: Path) -> None:
    doc = parse_fountain(path.read_text(encoding="utf-8"))
    back = read_fdx_bytes(write_fdx(doc).encode("utf-8"))
    assert back == doc
    assert back.title_page == doc.title_page


def test_our_fdx_uses_final_draft_vocabulary() -> None:
    doc = parse_fountain(shared_path("corpus", "fountain", "spec-samples",
                                     "Brick-and-Steel.fountain").read_text(encoding="utf-8"))
    root = etree.fromstring(write_fdx(doc).encode("utf-8"))
    assert root.tag == "FinalDraft" and root.get("DocumentType") == "Script"
    own = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)
           and etree.QName(e).namespace is None}
    assert own == {"FinalDraft", "Content", "Paragraph", "Text", "DualDialogue", "TitlePage"}
    types = {p.get("Type") for p in root.iter("Paragraph") if p.get("Type")}
    assert types <= FD_TYPES
    assert {"Scene Heading", "Action", "Character", "Parenthetical", "Dialogue",
            "Transition"} <= types
    for t in root.iter("Text"):
        if t.get("Style"):
            assert set(t.get("Style").split("+")) <= FD_STYLES
    assert any(t.get("Style") == "Bold+Underline" for t in root.iter("Text"))  # title
    assert len(root.findall("Content/Paragraph/DualDialogue")) == 1
    centred = root.findall("Content/Paragraph[@Alignment='Center']")
    assert [p.get("Type") for p in centred] == ["Action"] * len(centred) and centred
    # Private attributes only ever live in our own namespace.
    for e in root.iter():
        for k in e.attrib:
            assert not k.startswith("{") or k.startswith("{%s}" % SP)


def test_scene_numbers_and_page_breaks_use_final_draft_attributes() -> None:
    doc = parse_fountain("INT. A - DAY #12A#\n\nX.\n\n===\n\nINT. B - DAY #13#\n\nY.\n\n===\n")
    root = etree.fromstring(write_fdx(doc).encode())
    heads = root.findall("Content/Paragraph[@Type='Scene Heading']")
    assert [h.get("Number") for h in heads] == ["12A", "13"]
    assert heads[1].get("StartsNewPage") == "Yes"
    assert root.findall("Content/Paragraph")[-1].get("StartsNewPage") == "Yes"
    assert read_fdx_bytes(write_fdx(doc).encode()) == doc


def _strip_private(xml: str) -> bytes:
    """What Final Draft would keep after a save: our namespace gone."""
    root = etree.fromstring(xml.encode())
    for e in root.iter():
        for k in [k for k in e.attrib if k.startswith("{%s}" % SP)]:
            del e.attrib[k]
    etree.cleanup_namespaces(root)
    return etree.tostring(root)


def test_without_private_attributes_forcing_is_inferred() -> None:
    """A file re-saved by Final Draft loses sp: attributes; forcing marks are then inferred."""
    doc = parse_fountain(shared_path("corpus", "fountain", "spec-samples",
                                     "Brick-and-Steel.fountain").read_text(encoding="utf-8"))
    back = read_fdx_bytes(_strip_private(write_fdx(doc)))
    assert back.body == doc.body
    assert [f.key for f in back.title_page] == [f.key for f in doc.title_page]


def test_other_application_fdx_fixture() -> None:
    doc = read_fdx_bytes((FIXTURES / "xml" / "other-app.fdx").read_bytes())
    kinds = [type(e).__name__ for e in doc.body]
    assert kinds == ["Action", "SceneHeading", "SceneHeading", "Action", "Speech", "Speech",
                     "Action", "Action", "Note", "PageBreak", "Action", "Transition"]
    heading, shot = doc.body[1], doc.body[2]
    assert heading.number == "12A" and not heading.forced
    assert shot.forced and m.plain(shot.text) == "ANGLE ON THE LAMP"
    assert doc.body[3].text == (m.Run("The lamp turns. "), m.Run("Slowly", 7), m.Run("."))
    anna, mcbride = doc.body[4], doc.body[5]
    assert (anna.character.name, anna.character.extensions, anna.character.dual) == (
        "ANNA", ("O.S.",), False)
    assert mcbride.character.dual and mcbride.character.forced  # lower case c needs '@'
    assert m.plain(mcbride.parts[0].text) == "shouting"
    assert doc.body[11].forced  # FADE OUT. does not end in TO:
    assert [d.rule for d in doc.diagnostics] == ["fdx-orphan-dialogue", "fdx-unknown-type"]
    assert [d.line for d in doc.diagnostics] == [38, 41]
    assert _values(doc) == {"Title": ["The Lamp"], "Credit": ["Written by"],
                            "Author": ["A. Keeper"], "Copyright": ["Copyright (c) 2026"],
                            "Contact": ["keeper@example.invalid", "555 0100"]}


def test_cli_convert_to_and_from_fdx(tmp_path: Path) -> None:
    src = tmp_path / "s.fountain"
    src.write_text("Title: T\n\nINT. A - DAY #1#\n\nANN (V.O.)\n*Hi*.\n\nBOB ^\nHo.\n",
                   encoding="utf-8")
    r = runner.invoke(app, ["convert", str(src), "--to", "fdx"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "s.fdx"
    assert re.search(r'<Paragraph Type="Scene Heading" Number="1"', out.read_text())
    assert read_document(out) == read_document(src)
    r = runner.invoke(app, ["convert", str(out), "--to", "xml", "-o", str(tmp_path / "s.xml")])
    assert r.exit_code == 0, r.output
    assert read_document(tmp_path / "s.xml") == read_document(src)
    r = runner.invoke(app, ["convert", str(tmp_path / "s.xml"), "--to", "fountain", "-o", "-"])
    assert r.exit_code == 0 and r.stdout == src.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Any script that survives Fountain also survives FDX
# ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_words = st.text(alphabet="abcXYZ *_.:()!@#~=>[]/\\^'-\t", min_size=1, max_size=14)
_line = st.lists(_words, min_size=1, max_size=4).map(" ".join)
_para = st.lists(_line, min_size=1, max_size=3).map("\n".join)
_name = st.sampled_from(["ANN", "BOB", "DR. NO", "McCOY", "ANN (V.O.)", "BOB ^", "@zed"])
_block = st.one_of(
    _para,
    st.builds(lambda n, d: f"{n}\n{d}", _name, _para),
    st.builds(lambda n, p, d: f"{n}\n({p})\n{d}", _name, _words, _line),
    st.builds(lambda h, n: f"INT. {h} - DAY #{n}#", _words, st.integers(1, 99)),
    st.builds(lambda t: f"> {t} <", _words),
    st.builds(lambda t: f"# {t}", _words),
    st.builds(lambda t: f"= {t}", _words),
    st.builds(lambda t: f"[[{t}]]", _words),
    st.just("CUT TO:"), st.just("==="), st.just("> FADE OUT."),
)


_title = st.lists(st.builds(lambda k, vs: f"{k}:" + "".join(f"\n    {v}" for v in vs),
                           st.sampled_from(["Title", "Author", "Contact", "Notes", "Budget"]),
                           st.lists(_line, min_size=0, max_size=2)), max_size=4)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_title, st.lists(_block, min_size=1, max_size=8))
def test_fountain_canonical_scripts_survive_fdx(title: list[str], blocks: list[str]) -> None:
    head = "\n".join(title) + "\n\n" if title else ""
    doc = parse_fountain(head + "\n\n".join(blocks) + "\n")
    assert read_fdx_bytes(write_fdx(doc).encode("utf-8")) == doc
