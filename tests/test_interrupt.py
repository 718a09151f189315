"""Interrupted and over-long runs: no half-written file, no changed edit, a clear message."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

_SCENE = """INT. ARCHIVE ROOM {n} - NIGHT

Dust hangs in the lamplight. CLERK {n} lifts a box down from the top shelf and blows on it.

CLERK {n}
(reading the label)
Nineteen fifty-three. Nobody has opened this since.

ASSISTANT
Then we are the first. Open it.

"""


def _big_script(path: Path, scenes: int = 9000) -> Path:
    path.write_text("Title: Long Night\n\n" + "".join(_SCENE.format(n=i) for i in range(scenes)),
                    encoding="utf-8")
    return path


def _start(args: list[str], cwd: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "toolchain", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_mid_render_leaves_old_output_and_no_temp_file(tmp_path: Path, sig: int,
                                                              code: int) -> None:
    src = _big_script(tmp_path / "long.fountain")
    out = tmp_path / "long.pdf"
    out.write_bytes(b"%PDF-1.4 OLD VERSION")
    proc = _start(["render", str(src), "--pdf", str(out)], tmp_path)
    time.sleep(1.0)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    data = out.read_bytes()
    if proc.returncode == 0:  # finished before the signal: the new file must be whole
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    else:
        assert proc.returncode == code, err
        assert data == b"%PDF-1.4 OLD VERSION"
        assert "Traceback" not in err and len(err.strip().splitlines()) <= 1
    assert _no_temp_files(tmp_path)


def test_kill_never_leaves_a_partial_output(tmp_path: Path) -> None:
    src = _big_script(tmp_path / "long.fountain")
    out = tmp_path / "long.pdf"
    out.write_bytes(b"%PDF-1.4 OLD VERSION")
    for delay in (0.5, 1.5, 2.5):
        proc = _start(["render", str(src), "--pdf", str(out)], tmp_path)
        time.sleep(delay)
        proc.kill()
        proc.communicate(timeout=60)
        data = out.read_bytes()
        assert data == b"%PDF-1.4 OLD VERSION" or (data.startswith(b"%PDF")
                                          and data.rstrip().endswith(b"%%EOF"))


def test_time_limit_gives_one_line_and_writes_nothing(tmp_path: Path) -> None:
    src = _big_script(tmp_path / "long.fountain")
    out = tmp_path / "long.pdf"
    proc = _start(["render", str(src), "--pdf", str(out)], tmp_path,
                  SCREENPLAY_TIME_LIMIT="0.2")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert err.count("\n") == 1 and "time limit" in err and "Traceback" not in err
    assert not out.exists() and _no_temp_files(tmp_path)


def test_adapt_interrupted_leaves_an_edited_file_alone(tmp_path: Path) -> None:
    """An edited Fountain file is never touched, whatever happens to the run."""
    synopsis = tmp_path / "story.txt"
    synopsis.write_text("Anna walks into the kitchen. She says she is tired.\n", encoding="utf-8")
    target = tmp_path / "out" / "story.fountain"
    target.parent.mkdir()
    target.write_text("INT. MY OWN SCENE - DAY\n\nWritten by hand.\n", encoding="utf-8")
    before = target.read_bytes()
    proc = _start(["adapt", str(synopsis)], tmp_path)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1 and "left alone" in err
    assert target.read_bytes() == before


def test_page_limit_is_a_clear_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import screenplay.layout_paginate as lp
    from screenplay.errors import InputError
    from screenplay.fountain_reader import parse_fountain
    from screenplay.layout import MAX_PAGES, load_profile, paginate
    assert MAX_PAGES >= 1000  # the 1,000-page benchmark script must fit
    doc = parse_fountain("INT. A - DAY\n\nText.\n\n===\n\n" * 12)
    assert len(paginate(doc, load_profile()).pages) == 12
    monkeypatch.setattr(lp, "MAX_PAGES", 5)
    with pytest.raises(InputError, match="past 5 pages"):
        paginate(doc, load_profile())
