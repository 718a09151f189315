"""A second real editor: Emacs in batch mode, its eglot client talking to `screenplay lsp`.

Emacs and eglot come from Debian (`emacs-nox`, `elpa-eglot`; scripts/test.sh installs
them); the test skips when either is missing.  tests/lsp_emacs.el opens the project's
fixture in a stand-in `fountain-mode`, connects eglot, waits for Flymake's diagnostics
and writes them out; here we read them back.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
EMACS = shutil.which("emacs")


def _has_eglot() -> bool:
    if EMACS is None:
        return False
    p = subprocess.run([EMACS, "--batch", "--eval",
                        "(progn (require 'package) (package-initialize) (require 'eglot))"],
                       capture_output=True, timeout=60)
    return p.returncode == 0


def test_emacs_eglot_reads_back_diagnostics(tmp_path: Path) -> None:
    if not _has_eglot():
        pytest.skip("Emacs with eglot (Debian packages emacs-nox and elpa-eglot) is not "
                    "installed")
    script = tmp_path / "harbour.fountain"
    shutil.copy(FIXTURES / "lsp" / "harbour.fountain", script)
    out = tmp_path / "seen.tsv"
    env = {**os.environ, "SP_OUT": str(out), "SP_PYTHON": sys.executable,
           "SP_FILE": str(script), "HOME": str(tmp_path)}
    p = subprocess.run([EMACS, "--batch", "-l", str(ROOT / "tests" / "lsp_emacs.el")],
                       capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert out.exists(), f"Emacs wrote nothing (exit {p.returncode}): {p.stderr[-2000:]}"
    rows = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines()]
    lines = script.read_text(encoding="utf-8").split("\n")
    seen = {(int(n), rule_of(msg)) for n, _, msg in rows}
    assert seen == {(lines.index("EXT. QUAY #2#") + 1, "heading-no-time"),
                    (lines.index("OTTOO") + 1, "cue-typo"),
                    (lines.index("[[an unclosed note") + 1, "unclosed-note")}
    assert all(kind == "eglot-warning" for _, kind, _ in rows)


def rule_of(message: str) -> str:
    """eglot writes "screenplay [rule]: message"."""
    return message.split("[", 1)[1].split("]", 1)[0]
