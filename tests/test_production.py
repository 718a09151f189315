"""Production drafts end to end: lock, edit, revise, and read the PDFs' text layer.

The scenario (tests/production_scenario.py) runs on the project's own fixture
script and, when ../shared is beside the project, on Big Fish.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SHARED
from tests.production_scenario import Plan, locked_copy, read_pdf
from toolchain.cli import app

FIXTURE = Path(__file__).parent / "fixtures" / "production" / "draft.fountain"
BIG_FISH = SHARED / "corpus" / "fountain" / "spec-samples" / "Big-Fish.fountain"
HEADER = "Blue Rev. 12/06/26"

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def scenario(src: Path, tmp: Path) -> Path:
    script = tmp / "script.fountain"
    white = tmp / "white.fountain"
    locked = locked_copy(src, script, run)
    shutil.copyfile(script, white)
    plan = Plan(locked)
    script.write_text(plan.edited(), encoding="utf-8")
    r = run("revise", str(white), str(script), "--color", "blue", "--date", "2026-12-06",
            "--pdf", str(tmp / "blue.pdf"))
    assert r.exit_code == 0, r.output
    assert "Blue revision" in r.output
    r = run("render", str(white), "--mode", "shooting", "--pdf", str(tmp / "white.pdf"))
    assert r.exit_code == 0, r.output
    before = read_pdf(tmp / "white.pdf")[1:]   # without the title page
    after_all = read_pdf(tmp / "blue.pdf")
    after = after_all[1:]
    by_label = {p.label or "1": p for p in before}
    assert [p.label or "1" for p in before] == plan.labels

    touched = plan.touched()
    shown = [p.label or "1" for p in after]
    # Every locked page number is kept: as a page of its own or folded into "12-13".
    for label in plan.labels:
        assert label in shown or any("-" in s and label in s.split("-") for s in shown), label
    for page in after:
        label = page.label or "1"
        base = label.split("-")[0].rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        is_a_page = base != label.split("-")[0]
        if base not in touched and not is_a_page:
            # Unchanged pages: the same text, no mark, no revision header.
            assert page.lines == by_label[label].lines, f"page {label} changed"
            assert not page.marked and HEADER not in page.header, label
        # The header exactly on pages with marks.
        assert (HEADER in page.header) == bool(page.marked), label

    # The changed line: its rows and only its rows are marked.
    changed = next(p for p in after if p.label == plan.labels[plan.changed_page]
                   or (plan.changed_page == 0 and not p.label))
    starred = [changed.text_without_marks(t) for t in changed.marked]
    assert any(plan.word[::-1] in s for s in starred), starred
    old = by_label[plan.labels[plan.changed_page]]
    assert len(changed.lines) == len(old.lines)
    differing = [a for a, b in zip(changed.lines, old.lines) if a != b]
    assert len(differing) == len(changed.marked)     # each starred row is a changed row

    # The grown speech overflowed onto an A-page; the page after it is untouched.
    grow_label = plan.labels[plan.grow_page]
    assert grow_label + "A" in shown
    nxt = plan.labels[plan.grow_page + 1]
    assert next(p for p in after if p.label == nxt).lines == by_label[nxt].lines

    # The added scene has a lettered number; the removed scene prints OMITTED in place.
    text = "\n".join(line for p in after for line in p.lines)
    assert "INT. FERRY OFFICE - NIGHT" in text
    heading_line = next(line for line in text.split("\n") if "FERRY OFFICE" in line)
    assert heading_line.split()[0][-1] == "A", heading_line
    removed_number = plan.doc.body[plan.removed[0]].number
    omitted = [line for line in text.split("\n") if "OMITTED" in line]
    assert omitted and omitted[0].split()[0] == removed_number, omitted
    omitted_page = next(p for p in after if any("OMITTED" in line for line in p.lines))
    assert omitted_page.marked

    # The title page lists the revision.
    assert any(HEADER in line for line in after_all[0].lines)
    return script


def test_production_scenario_on_fixture(tmp_path: Path) -> None:
    scenario(FIXTURE, tmp_path)


@pytest.mark.skipif(not BIG_FISH.is_file(), reason="../shared (Big Fish) is not beside the project")
def test_production_scenario_on_big_fish(tmp_path: Path) -> None:
    scenario(BIG_FISH, tmp_path)


def test_the_same_edits_through_fdx(tmp_path: Path) -> None:
    """Revision state and lock travel through FDX: the PDF from FDX is the PDF from Fountain."""
    script = scenario(FIXTURE, tmp_path)
    fdx = tmp_path / "script.fdx"
    assert run("convert", str(script), "--to", "fdx", "-o", str(fdx)).exit_code == 0
    data = fdx.read_text(encoding="utf-8")
    assert 'RevisionID="1"' in data and "<Revisions " in data
    assert 'Name="Blue Rev. 2026-12-06"' in data
    assert "<SceneProperties " in data
    r = run("render", str(fdx), "--mode", "shooting", "--pdf", str(tmp_path / "fdx.pdf"))
    assert r.exit_code == 0, r.output
    a = [p.lines + [p.header, p.label] for p in read_pdf(tmp_path / "blue.pdf")]
    b = [p.lines + [p.header, p.label] for p in read_pdf(tmp_path / "fdx.pdf")]
    assert a == b


def test_final_draft_revision_marks_are_read(tmp_path: Path) -> None:
    """An FDX with only Final Draft's marks (no block of ours) renders with those marks."""
    from lxml import etree

    from screenplay.formats import read_document
    from screenplay.layout import load_profile
    from screenplay.production import production_layout
    old, new = tmp_path / "old.fountain", tmp_path / "new.fountain"
    text = FIXTURE.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    word = "slower"
    assert word in text
    new.write_text(text.replace(word, "faster", 1), encoding="utf-8")
    assert run("revise", str(old), str(new), "--color", "pink", "--date", "2026-12-06",
               "--pdf", str(tmp_path / "p.pdf")).exit_code == 0
    fdx = tmp_path / "new.fdx"
    assert run("convert", str(new), "--to", "fdx", "-o", str(fdx)).exit_code == 0
    root = etree.fromstring(fdx.read_bytes())
    for p in root.iter("Paragraph"):       # what Final Draft keeps: not our sp: blocks
        if any(v == "boneyard" for k, v in p.attrib.items() if k.endswith("kind")):
            p.getparent().remove(p)
    foreign = tmp_path / "foreign.fdx"
    foreign.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    profile = load_profile("letter", "shooting")

    def marks(path: Path) -> list[list[int]]:
        layout = production_layout(read_document(path), profile)
        return [sorted(ln.row for ln in p.lines if ln.kind == "revision-mark")
                for p in layout.pages]
    got, want = marks(foreign), marks(new)
    assert got == want and any(got)
    heads = {ln.text for p in production_layout(read_document(foreign), profile).pages
             for ln in p.lines if ln.kind == "revision-header"}
    assert heads == {"Pink Rev. 12/06/26"}
