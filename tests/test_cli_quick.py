"""The quick path for plain ``screenplay render`` lines behaves exactly like the full CLI.

:mod:`toolchain.quick` skips Typer's start-up for a command line that is plainly
a render.  These tests pin which lines take it, and run the same lines through
both paths (``SCREENPLAY_FULL_CLI=1`` forces the Typer one) to show that exit
codes, messages and written files are the same.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolchain.quick import plan_render

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

SCRIPT = """Title: Quick Test
Author: Nobody

INT. KITCHEN - NIGHT

MARA stirs a pot. The lights flicker.

MARA
(to herself)
Not again.

CUT TO:

EXT. GARDEN - CONTINUOUS

Rain.
"""


@pytest.mark.parametrize("argv", [
    ["render", "a.fountain"],
    ["render", "a.fountain", "--html", "a.html"],
    ["-q", "render", "--html=a.html", "a.fountain", "--paper", "A4"],
    ["--quiet", "-q", "render", "a.fountain", "--mode", "shooting", "--pdf", "x.pdf"],
    ["render", "a.fountain", "--watermark", "DRAFT", "--scenes=1,3-4", "--force"],
    ["render", "a.fountain", "--show-settings", "--paper", "a4"],
])
def test_plain_render_lines_take_the_quick_path(argv, monkeypatch):
    monkeypatch.delenv("SCREENPLAY_FULL_CLI", raising=False)
    assert plan_render(argv) is not None


@pytest.mark.parametrize("argv", [
    [],
    ["--help"],
    ["-V", "render", "a.fountain"],
    ["check", "a.fountain"],
    ["render"],
    ["render", "--help"],
    ["render", "a.fountain", "-h"],
    ["render", "a.fountain", "b.fountain"],
    ["render", "a.fountain", "--pdf"],
    ["render", "a.fountain", "--pdf", "x.pdf", "--pdf", "y.pdf"],
    ["render", "a.fountain", "--bogus", "x"],
    ["render", "--", "a.fountain"],
    ["render", "a.fountain", "--html", "-x.html"],
    ["render", "a.fountain", "--html="],
    ["render", ""],
    ["render", "-"],
    ["render", "a.fountain", "--quiet"],
])
def test_anything_else_is_left_to_typer(argv, monkeypatch):
    monkeypatch.delenv("SCREENPLAY_FULL_CLI", raising=False)
    assert plan_render(argv) is None


def test_completion_and_the_opt_out_use_the_full_cli(monkeypatch):
    monkeypatch.setenv("_SCREENPLAY_COMPLETE", "bash_complete")
    assert plan_render(["render", "a.fountain"]) is None
    monkeypatch.delenv("_SCREENPLAY_COMPLETE")
    monkeypatch.setenv("SCREENPLAY_FULL_CLI", "1")
    assert plan_render(["render", "a.fountain"]) is None


def _run(args: list[str], cwd: Path, full: bool) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SCREENPLAY_FULL_CLI", None)
    if full:
        env["SCREENPLAY_FULL_CLI"] = "1"
    p = subprocess.run([sys.executable, "-m", "toolchain", *args], cwd=cwd, env=env,
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stderr


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".pdf", ".html")}


CASES = {
    "html": ["render", "s.fountain", "--html", "s.html"],
    "default pdf in out/": ["render", "s.fountain"],
    "both, a4 shooting": ["-q", "render", "s.fountain", "--pdf=o/s.pdf", "--html", "o/s.html",
                          "--paper", "a4", "--mode", "SHOOTING"],
    "unknown paper": ["render", "s.fountain", "--html", "s.html", "--paper", "b5"],
    "unknown mode": ["render", "s.fountain", "--mode", "draft"],
    "missing input": ["render", "missing.fountain", "--html", "m.html"],
    "binary input": ["render", "bin.fountain", "--html", "b.html"],
    "nothing to render": ["render", "notes.fountain", "--html", "n.html"],
    "overwrite the input": ["render", "s.fountain", "--html", "s.fountain"],
    "a folder as input": ["render", "sub", "--html", "d.html"],
    "undrawable characters warn": ["render", "odd.fountain", "--pdf", "odd.pdf"],
    "... unless quiet": ["-q", "render", "odd.fountain", "--pdf", "odd.pdf"],
    "production options": ["render", "s.fountain", "--pdf", "p.pdf", "--html", "p.html",
                           "--watermark", "COPY FOR ANNE", "--header", "{title} p{page}",
                           "--scenes", "1"],
    "sides by character": ["render", "s.fountain", "--html=m.html", "--character", "MARA"],
    "--force over a text file": ["render", "s.fountain", "--pdf", "text.pdf", "--force"],
    "a text file without --force": ["render", "s.fountain", "--pdf", "text.pdf"],
}


def _workspace(root: Path) -> Path:
    root.mkdir()
    (root / "s.fountain").write_text(SCRIPT, encoding="utf-8")
    (root / "bin.fountain").write_bytes(b"\x00\x01\x02PK" * 50)
    (root / "notes.fountain").write_text("[[just a note]]\n\n# A section\n", encoding="utf-8")
    (root / "odd.fountain").write_text("INT. LAB - DAY\n\nThe sign reads \U0001F600 \u2603.\n",
                                       encoding="utf-8")
    (root / "sub").mkdir()
    (root / "text.pdf").write_text("not a PDF: notes\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("case", list(CASES))
def test_quick_and_full_paths_agree(case, tmp_path):
    args = CASES[case]
    quick_dir = _workspace(tmp_path / "quick")
    full_dir = _workspace(tmp_path / "full")
    q_code, q_err = _run(args, quick_dir, full=False)
    f_code, f_err = _run(args, full_dir, full=True)
    assert (q_code, q_err) == (f_code, f_err)
    assert _outputs(quick_dir) == _outputs(full_dir)
    if case in ("html", "default pdf in out/", "both, a4 shooting", "production options",
                "sides by character", "--force over a text file"):
        assert q_code == 0 and _outputs(quick_dir), "a good render writes its files"
    else:
        # one message (an error, or a warning), plus the "wrote" line of a good render
        said = [ln for ln in q_err.splitlines() if not ln.startswith("wrote ")]
        assert len(said) <= 1 and "Traceback" not in q_err
    if case == "--force over a text file":
        assert (quick_dir / "text.pdf").read_bytes().startswith(b"%PDF")
    if case == "a text file without --force":
        assert q_code == 1 and (quick_dir / "text.pdf").read_bytes().startswith(b"not a PDF")
    if case == "overwrite the input":
        assert (quick_dir / "s.fountain").read_text(encoding="utf-8") == SCRIPT


def test_typer_still_reports_what_the_quick_path_declines(tmp_path):
    _workspace(tmp_path / "w")
    code, err = _run(["render", "s.fountain", "--bogus", "x"], tmp_path / "w", full=False)
    assert code == 2 and "--bogus" in err


@pytest.mark.parametrize("argv", [
    ["render", "./s.fountain"],
    ["render", "s.fountain", "--html", "o//s.html"],
    ["render", "s.fountain", "--pdf", "o/s.pdf/"],
])
def test_paths_pathlib_would_rewrite_go_to_typer(argv, monkeypatch):
    """The full CLI names files as Path prints them; the quick path takes only clean ones."""
    monkeypatch.delenv("SCREENPLAY_FULL_CLI", raising=False)
    assert plan_render(argv) is None


def test_unclean_paths_still_render_the_same(tmp_path):
    for name, full in (("quick", False), ("full", True)):
        w = _workspace(tmp_path / name)
        code, err = _run(["render", "./s.fountain", "--html", "o//s.html", "--paper", "nope"],
                         w, full)
        assert code == 2 and err == "screenplay: error: unknown paper 'nope' (known: letter, a4)\n"
        code, err = _run(["render", "./notes.fountain", "--html", "o//s.html"], w, full)
        assert (code, err) == (1, "screenplay: error: notes.fountain: nothing to render "
                                  "(no title page and no printable text)\n")


def test_the_quick_path_loads_only_what_rendering_needs(tmp_path):
    """What the quick path is for: a render that pays for no parser and no unused modules.

    Each of these cost a one-shot render milliseconds of start-up (Typer about
    30 ms; pathlib, typing, dataclasses a few each) and none is needed to render.
    """
    w = _workspace(tmp_path / "w")
    probe = ("import sys; sys.argv = ['screenplay', 'render', 's.fountain', '--html', 's.html']\n"
             "from toolchain.cli import main\n"
             "main()\n"
             "print(sorted(m for m in ('typer', 'click', 'pathlib', 'typing', 'dataclasses',"
             " 'inspect', 'tempfile', 'threading')"
             " if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SCREENPLAY_FULL_CLI", None)
    p = subprocess.run([sys.executable, "-c", probe], cwd=w, env=env, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert (w / "s.html").stat().st_size > 1000
    assert p.stdout.strip() == "[]"
