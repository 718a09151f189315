"""`screenplay watch`: a real process re-renders on save and survives errors."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = "INT. ROOM - DAY\n\nBOB\nHello.\n"
SECOND = FIRST + "\nEXT. YARD - NIGHT\n\nANNA\nHi.\n"
BROKEN = "INT. A - DAY #1#\n\nOne.\n\nINT. B - DAY #1#\n\nTwo.\n"  # scene number used twice


def _reader(stream, q: "queue.Queue[str]") -> None:
    for line in iter(stream.readline, ""):
        q.put(line.rstrip("\n"))


def _wait_for(q: "queue.Queue[str]", needle: str, timeout: float = 60.0) -> str:
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        try:
            line = q.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"never saw {needle!r}; saw {seen}")


def test_watch_rebuilds_on_save_and_reports_errors_without_exiting(tmp_path: Path) -> None:
    script = tmp_path / "draft.fountain"
    script.write_text(FIRST, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolchain", "watch", str(script), "--out-dir", str(out),
         "--interval", "0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    q: "queue.Queue[str]" = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, q), daemon=True).start()
    try:
        line = _wait_for(q, "draft.fountain: ok")
        assert "1 scene," in line
        first_xml = (out / "draft.xml").read_text(encoding="utf-8")
        assert (out / "draft.pdf").read_bytes().startswith(b"%PDF")
        time.sleep(0.2)
        script.write_text(SECOND, encoding="utf-8")
        line = _wait_for(q, "2 scenes")
        assert "ok" in line
        second_xml = (out / "draft.xml").read_text(encoding="utf-8")
        assert second_xml != first_xml and "ANNA" in second_xml
        # An error is reported, with its Fountain line, and the watch goes on.
        time.sleep(0.2)
        script.write_text(BROKEN, encoding="utf-8")
        err = _wait_for(q, ": error:")
        assert "draft.fountain:" in err
        _wait_for(q, "1 error,")
        assert proc.poll() is None
        # Unreadable bytes: reported, still running.
        time.sleep(0.2)
        script.write_bytes(b"\x00\x01binary\x02")
        _wait_for(q, "binary")
        assert proc.poll() is None
        # Fixing the file brings a good build back.
        time.sleep(0.2)
        script.write_text(SECOND, encoding="utf-8")
        _wait_for(q, "draft.fountain: ok")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    rest = []
    while not q.empty():
        rest.append(q.get())
    assert proc.returncode == 0, f"exit {proc.returncode}; last output: {rest[-10:]}"
