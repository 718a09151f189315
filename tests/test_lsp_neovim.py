"""A real editor: headless Neovim's built-in LSP client talks to `screenplay lsp`.

Neovim comes from Debian (`neovim`, installed by scripts/test.sh); without it the
test skips.  The Lua side (tests/lsp_neovim.lua) opens the project's fixture,
waits for diagnostics, types a heading without a time, waits for the new
diagnostics (so the incremental sync from a real client is exercised) and asks
for the outline; here we read back what Neovim recorded.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim (Debian package neovim) is "
                                "not installed")


def test_neovim_reads_back_diagnostics(tmp_path: Path) -> None:
    script = tmp_path / "harbour.fountain"
    shutil.copy(FIXTURES / "lsp" / "harbour.fountain", script)
    out = tmp_path / "seen.json"
    env = {**os.environ, "SP_OUT": str(out), "SP_PYTHON": sys.executable,
           "SP_FILE": str(script), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    p = subprocess.run([NVIM, "--headless", "--clean", "-n", "-c",
                        f"luafile {ROOT / 'tests' / 'lsp_neovim.lua'}"],
                       capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert out.exists(), f"Neovim wrote nothing (exit {p.returncode}): {p.stderr[-2000:]}"
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["opened"] is True
    lines = script.read_text(encoding="utf-8").split("\n")
    first = {(d["code"], d["lnum"]) for d in seen["first"]}
    assert first == {("heading-no-time", lines.index("EXT. QUAY #2#")),
                     ("cue-typo", lines.index("OTTOO")),
                     ("unclosed-note", lines.index("[[an unclosed note"))}
    assert all(d["source"] == "screenplay" and d["severity"] == 2 for d in seen["first"])
    assert seen["edited"] is True
    added = {(d["code"], d["lnum"]) for d in seen["second"]} - first
    # The buffer holds len(lines) - 1 lines (the file ends in a newline); a blank line and
    # the heading were added after them.
    heading = len(lines)
    assert ("heading-no-time", heading) in added and ("empty-scene", heading) in added
    assert seen["symbols"] == ["ACT ONE", "ACT TWO"]
    assert script.read_text(encoding="utf-8") == (FIXTURES / "lsp" / "harbour.fountain"
                                                  ).read_text(encoding="utf-8")
