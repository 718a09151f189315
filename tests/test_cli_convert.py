"""`screenplay convert` end to end, and what every command does with bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screenplay.fountain_reader import parse_fountain
from toolchain.cli import app

runner = CliRunner()

SAMPLE = """Title: The Lighthouse Keeper
Author: Test Writer

EXT. LIGHTHOUSE - NIGHT

Rain hammers the glass. MARA (60s) climbs the spiral stair.

MARA
(to herself)
One more night.

CUT TO:
"""


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_version_and_help() -> None:
    r = run("--version")
    assert r.exit_code == 0 and r.output.startswith("screenplay ")
    r = run("--help")
    assert r.exit_code == 0 and "convert" in r.output
    r = run("convert", "--help")
    assert r.exit_code == 0 and "--to" in r.output and "Examples" in r.output


def test_convert_to_json_and_back(tmp_path: Path) -> None:
    src = tmp_path / "light.fountain"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "light.json"
    r = run("convert", str(src), "--to", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title_page"][0]["key"] == "Title"
    assert [e["type"] for e in data["body"]] == ["sceneheading", "action", "speech", "transition"]
    assert data["scenes"][0]["location"] == "LIGHTHOUSE" and data["scenes"][0]["time"] == "NIGHT"
    assert data["body"][2]["lines"] == [8, 10]
    # JSON reads back into the same model.
    back = tmp_path / "back.fountain"
    r = run("convert", str(out), "--to", "fountain", "-o", str(back))
    assert r.exit_code == 0, r.output
    assert parse_fountain(back.read_text(encoding="utf-8")) == parse_fountain(SAMPLE)


def test_convert_to_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.fountain").write_text(SAMPLE, encoding="utf-8")
    r = run("convert", "a.fountain", "--to", "fountain", "-o", "-")
    assert r.exit_code == 0
    assert r.stdout.startswith("Title: The Lighthouse Keeper\n")
    assert "\nMARA\n(to herself)\nOne more night.\n" in r.stdout
    assert list(tmp_path.iterdir()) == [tmp_path / "a.fountain"]


def test_convert_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    src = tmp_path / "a.fountain"
    src.write_text(SAMPLE + "\n\n\n", encoding="utf-8")
    before = src.read_bytes()
    r = run("convert", str(src), "--to", "fountain", "-o", str(src))
    assert r.exit_code == 1 and "overwrite" in r.output
    assert src.read_bytes() == before


# -- bad input: one line, non-zero exit, no traceback -----------------------------------

def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    binary = tmp / "image.fountain"
    binary.write_bytes(bytes(range(256)) * 4)
    latin = tmp / "latin1.fountain"
    latin.write_bytes("INT. CAF\xc9 - DAY\n\nCaf\xe9 cr\xe8me.\n".encode("latin-1"))
    folder = tmp / "folder.fountain"
    folder.mkdir()
    huge = tmp / "huge.fountain"
    with open(huge, "wb") as f:  # 50 MB, sparse-free but quick to write
        f.write((b"Action line that repeats.\n\n") * (50 * 1024 * 1024 // 27 + 1))
    return {
        "binary": (binary, "binary"),
        "latin-1": (latin, "UTF-8"),
        "directory": (folder, "directory"),
        "missing": (tmp / "nope.fountain", "no such file"),
        "50 MB": (huge, "limit"),
    }


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return _bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("case", ["binary", "latin-1", "directory", "missing", "50 MB"])
def test_bad_input_gives_one_line_and_exit_2(bad_inputs, case: str, tmp_path: Path) -> None:
    path, word = bad_inputs[case]
    out = tmp_path / "out.json"
    r = run("convert", str(path), "--to", "json", "-o", str(out))
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1, r.output
    assert lines[0].startswith("screenplay: error: ") and word in lines[0]
    assert "Traceback" not in r.output
    assert not out.exists()


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bin.fountain"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04")
    p = subprocess.run([sys.executable, "-m", "toolchain", "convert", str(bad), "--to", "json",
                        "-o", str(tmp_path / "x.json")], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
    assert p.stdout == ""


def test_empty_file_converts_to_empty_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.fountain"
    empty.write_text("", encoding="utf-8")
    r = run("convert", str(empty), "--to", "json", "-o", "-")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["body"] == []


def test_unknown_formats_are_usage_errors(tmp_path: Path) -> None:
    src = tmp_path / "a.fountain"
    src.write_text(SAMPLE, encoding="utf-8")
    r = run("convert", str(src), "--to", "docx")
    assert r.exit_code == 2 and "unknown output format" in r.output
    r = run("convert", str(src), "--to", "json", "--from", "rtf")
    assert r.exit_code == 2 and "unknown input format" in r.output


def test_bad_json_input(tmp_path: Path) -> None:
    j = tmp_path / "x.json"
    j.write_text("{not json", encoding="utf-8")
    r = run("convert", str(j), "--to", "fountain", "-o", "-")
    assert r.exit_code == 2 and "invalid JSON" in r.output
    j.write_text('{"format": "screenplay-model", "body": [{"type": "nonsense"}]}', encoding="utf-8")
    r = run("convert", str(j), "--to", "fountain", "-o", "-")
    assert r.exit_code == 2 and "not a screenplay model" in r.output


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    src = tmp_path / "a.fountain"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "sub" / "a.json"
    r = run("convert", str(src), "--to", "json", "-o", str(out))
    assert r.exit_code == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["a.json"]


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    src = tmp_path / "win.fountain"
    src.write_bytes(SAMPLE.encode("utf-16"))
    r = run("convert", str(src), "--to", "fountain", "-o", "-")
    assert r.exit_code == 0 and "MARA" in r.stdout
