"""`screenplay build`: the README's main job, and its care for edited files."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from screenplay.fountain_reader import parse_fountain
from toolchain.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    work = tmp_path_factory.mktemp("build")
    old = Path.cwd()
    import os
    os.chdir(work)
    try:
        r = runner.invoke(app, ["build"])
    finally:
        os.chdir(old)
    assert r.exit_code == 0, r.output
    return work / "out", r.output


def test_build_with_no_input_makes_all_four_outputs(built: tuple[Path, str]) -> None:
    out, output = built
    names = sorted(p.name for p in out.iterdir())
    assert names == ["sample.fountain", "sample.html", "sample.pdf", "sample.xml"]
    assert (out / "sample.pdf").read_bytes().startswith(b"%PDF")
    assert "<section" in (out / "sample.html").read_text(encoding="utf-8")
    doc = parse_fountain((out / "sample.fountain").read_text(encoding="utf-8"))
    assert doc.title == "The Lighthouse Key"
    assert len(doc.scenes()) >= 4 and len(doc.characters()) >= 3
    # The summary table names the script with its counts.
    line = next(ln for ln in output.splitlines() if ln.startswith("sample "))
    assert str(len(doc.scenes())) in line.split()
    assert "built cleanly" in output


def test_build_keeps_an_edited_fountain_and_builds_from_it(built: tuple[Path, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = built
    fountain = out / "sample.fountain"
    edited = fountain.read_text(encoding="utf-8").replace(
        "EXT. HARBOUR - DAWN", "EXT. OLD HARBOUR - DAWN", 1)
    assert "OLD HARBOUR" in edited
    fountain.write_text(edited, encoding="utf-8")
    monkeypatch.chdir(out.parent)
    r = runner.invoke(app, ["build"])
    assert r.exit_code == 0, r.output
    assert fountain.read_text(encoding="utf-8") == edited
    assert "edited" in r.output
    assert "OLD HARBOUR" in (out / "sample.xml").read_text(encoding="utf-8")


def test_build_fails_on_check_errors_and_bad_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "dupe.fountain"
    bad.write_text("INT. A - DAY #1#\n\nOne.\n\nINT. B - DAY #1#\n\nTwo.\n", encoding="utf-8")
    good = tmp_path / "good.fountain"
    good.write_text("INT. A - DAY\n\nBOB\nHi.\n", encoding="utf-8")
    out = tmp_path / "o"
    r = runner.invoke(app, ["build", str(good), str(bad), "--out-dir", str(out)])
    assert r.exit_code == 1
    assert f"{bad}:5: error:" in r.output
    assert (out / "good.pdf").exists() and (out / "dupe.pdf").exists()
    binary = tmp_path / "bin.fountain"
    binary.write_bytes(b"\x00\x01\x02")
    r = runner.invoke(app, ["build", str(binary), "--out-dir", str(out)])
    assert r.exit_code == 2 and "binary" in r.output and "failed" in r.output
    r = runner.invoke(app, ["build", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "no such file" in r.output
