"""`screenplay fmt`: canonical Fountain in place, --check, --diff, and the pre-commit hooks.

The corpus test is the promise that matters: formatting never changes what
`render` prints (the laid-out pages and the HTML are identical before and after)
and a second formatting changes nothing.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain
from toolchain.cli import app
from toolchain.lsp.formatting import format_fountain

from .conftest import ROOT, corpus_params

runner = CliRunner()

MESSY = ("Title:   Night Ferry\nAuthor: Someone\n\n\n\nint. ferry deck - night\n\n\n"
         "Waves.   \n\n\n\nMARA\n(quietly)\nWe're late.\n\n\n\n> CUT TO:\n")


def fmt(*args: str):
    return runner.invoke(app, ["fmt", *args])


def test_rewrites_in_place_and_is_idempotent(tmp_path: Path) -> None:
    f = tmp_path / "ferry.fountain"
    f.write_text(MESSY, encoding="utf-8")
    r = fmt(str(f))
    assert r.exit_code == 0, r.output
    new = f.read_text(encoding="utf-8")
    assert new == write_fountain(parse_fountain(MESSY)) != MESSY
    assert parse_fountain(new) == parse_fountain(MESSY)
    assert "\n\n\n" not in new and "Waves.   " not in new
    r = fmt(str(f), "--check")
    assert r.exit_code == 0 and f.read_text(encoding="utf-8") == new
    assert [p.name for p in tmp_path.iterdir()] == ["ferry.fountain"]  # no temporary left


def test_check_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    a, b = tmp_path / "a.fountain", tmp_path / "b.spmd"
    a.write_text(MESSY, encoding="utf-8")
    b.write_text(format_fountain(MESSY), encoding="utf-8")
    r = fmt("--check", str(a), str(b))
    assert r.exit_code == 1
    assert f"would reformat {a}" in r.output and f"would reformat {b}" not in r.output
    assert a.read_text(encoding="utf-8") == MESSY


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path) -> None:
    a = tmp_path / "a.fountain"
    a.write_text(MESSY, encoding="utf-8")
    r = fmt("--diff", str(a))
    assert r.exit_code == 0
    assert f"--- a/{a}" in r.output and f"+++ b/{a}" in r.output
    assert "-int. ferry deck - night" in r.output or "-Waves.   " in r.output
    assert a.read_text(encoding="utf-8") == MESSY
    r = fmt("--diff", "--check", str(a))
    assert r.exit_code == 1 and "@@" in r.output


def test_bad_inputs_are_one_line_and_left_alone(tmp_path: Path) -> None:
    binary = tmp_path / "bin.fountain"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    latin = tmp_path / "latin.fountain"
    latin.write_bytes("INT. CAF\u00c9 - DAY\n".encode("latin-1"))
    xml = tmp_path / "s.xml"
    xml.write_text("<screenplay/>", encoding="utf-8")
    good = tmp_path / "good.fountain"
    good.write_text(MESSY, encoding="utf-8")
    for bad in (binary, latin, xml, tmp_path / "missing.fountain"):
        before = bad.read_bytes() if bad.exists() else None
        p = subprocess.run([sys.executable, "-m", "toolchain", "fmt", str(bad), str(good)],
                           capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert p.returncode == 2, p.stderr
        errors = [ln for ln in p.stderr.splitlines() if ln.startswith("screenplay: error:")]
        assert len(errors) == 1 and "Traceback" not in p.stderr
        assert (bad.read_bytes() if bad.exists() else None) == before
        # The good file beside it is still formatted.
        assert good.read_text(encoding="utf-8") == format_fountain(MESSY)
        good.write_text(MESSY, encoding="utf-8")


def test_follows_a_symlink_and_keeps_the_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.fountain"
    real.write_text(MESSY, encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.fountain"
    link.symlink_to(real)
    assert fmt(str(link)).exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == format_fountain(MESSY)
    assert real.stat().st_mode & 0o777 == 0o640


def test_bom_and_crlf_become_canonical(tmp_path: Path) -> None:
    f = tmp_path / "w.fountain"
    canonical = format_fountain(MESSY)
    f.write_bytes(b"\xef\xbb\xbf" + canonical.replace("\n", "\r\n").encode("utf-8"))
    assert fmt("--check", str(f)).exit_code == 1
    assert fmt(str(f)).exit_code == 0
    assert f.read_bytes() == canonical.encode("utf-8")


def _printed(text: str) -> tuple:
    """What render prints: every laid-out line of every page, in two profiles, and the HTML."""
    from screenplay.html_writer import render_html
    from screenplay.layout import load_profile, paginate
    doc = parse_fountain(text)
    out = []
    for paper, mode in (("letter", "spec"), ("a4", "shooting")):
        lay = paginate(doc, load_profile(paper, mode))
        out.append([(p.number, p.label, [(ln.row, ln.x, ln.kind, ln.text, ln.align)
                                         for ln in p.lines]) for p in lay.pages])
        out.append([(ln.row, ln.x, ln.text) for ln in lay.title_page or []])
    out.append(render_html(doc))
    return tuple(map(repr, out))


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_formatting_keeps_what_render_prints(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    once = format_fountain(text)
    assert format_fountain(once) == once  # idempotent
    assert parse_fountain(once) == parse_fountain(text)
    assert _printed(once) == _printed(text)


def _hooks() -> dict[str, str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)$", text, re.M)
    entries = re.findall(r"^  entry: (.+)$", text, re.M)
    assert len(ids) == len(entries)
    return dict(zip(ids, entries))


def test_pre_commit_hooks_run_as_pre_commit_would(tmp_path: Path) -> None:
    hooks = _hooks()
    assert set(hooks) == {"screenplay-fmt", "screenplay-check"}
    bindir = Path(sys.executable).parent
    if not (bindir / "screenplay").exists():
        pytest.skip("the screenplay command is not installed beside this Python")
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    good, messy = tmp_path / "good.fountain", tmp_path / "messy.fountain"
    good.write_text(format_fountain(MESSY), encoding="utf-8")
    messy.write_text(MESSY, encoding="utf-8")

    def run(hook: str, *files: Path) -> subprocess.CompletedProcess:
        cmd = shlex.split(hooks[hook]) + [str(f) for f in files]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)

    assert run("screenplay-fmt", good, messy).returncode == 0
    assert messy.read_text(encoding="utf-8") == format_fountain(MESSY)
    assert run("screenplay-check", good, messy).returncode == 0
    broken = tmp_path / "broken.fountain"
    broken.write_text("INT. A - DAY #1#\n\nX.\n\nINT. B - DAY #1#\n\nY.\n", encoding="utf-8")
    p = run("screenplay-check", good, broken)
    assert p.returncode == 1 and "broken.fountain" in p.stdout
