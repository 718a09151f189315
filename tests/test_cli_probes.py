"""Probe findings of issue 15 that tests/test_cli_contract.py did not yet pin down.

Each test names the finding it guards.  Several need a file or a place even root
cannot read or write (``/proc/self/mem``, ``/sys``), since the test machine runs as
root, where a ``chmod 000`` file proves nothing.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "Title: Probe\n\nINT. ROOM - DAY\n\nBOB\nHello there.\n\nEXT. YARD - NIGHT\n\nANN\nHi.\n"
UNREADABLE = "/proc/self/mem"  # exists, is a regular file, and read() fails with EIO


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolchain", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "b.fountain").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def _one_error_line(stderr: str, name: str) -> None:
    errors = [ln for ln in stderr.splitlines() if ln.startswith("screenplay: error: ")]
    assert len(errors) == 1 and name in errors[0], stderr
    assert "\u256d" not in stderr and "Traceback" not in stderr, stderr  # no Typer box


def test_convert_beside_the_input_keeps_a_file_of_another_kind(ws: Path) -> None:
    """``convert --to fdx`` with no ``-o`` replaced an unrelated b.fdx next to the input."""
    (ws / "b.fdx").write_text("my notes about the FDX export\n", encoding="utf-8")
    p = run(["convert", "b.fountain", "--to", "fdx"], ws)
    assert p.returncode == 1
    _one_error_line(p.stderr, "b.fdx")
    assert (ws / "b.fdx").read_text(encoding="utf-8") == "my notes about the FDX export\n"
    p = run(["convert", "b.fountain", "--to", "fdx", "--force"], ws)
    assert p.returncode == 0, p.stderr
    assert b"<FinalDraft" in (ws / "b.fdx").read_bytes()


@pytest.mark.skipif(not os.path.exists(UNREADABLE), reason="no /proc/self/mem on this system")
@pytest.mark.parametrize("args", [
    ["check", UNREADABLE],
    ["render", UNREADABLE, "--html", "x.html"],
    ["convert", UNREADABLE, "--to", "json", "-o", "-"],
    ["report", UNREADABLE],
    ["fmt", UNREADABLE],
    ["lock", UNREADABLE],
    ["adapt", UNREADABLE],
])
def test_an_unreadable_input_is_one_line_and_exit_2(ws: Path, args: list[str]) -> None:
    """An unreadable input got Typer's five-line box."""
    p = run(args, ws)
    assert p.returncode == 2, p.stderr
    _one_error_line(p.stderr, UNREADABLE)
    assert not (ws / "x.html").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_file_without_read_permission_is_one_line(ws: Path) -> None:
    (ws / "b.fountain").chmod(0)
    try:
        p = run(["check", "b.fountain"], ws)
    finally:
        (ws / "b.fountain").chmod(0o600)
    assert p.returncode == 2
    _one_error_line(p.stderr, "b.fountain")


def test_an_unwritable_place_is_named_not_our_temporary_file(ws: Path) -> None:
    """"…/.cli.565298fd18ae.tmp: Is a directory": the message must name the user's path.

    /sys refuses new files even to root, so this runs where test_cli_contract's
    read-only folder is skipped (as root).
    """
    if not os.path.isdir("/sys") or os.access("/sys", os.W_OK) and os.geteuid() != 0:
        pytest.skip("no /sys that refuses new files here")
    p = run(["render", "b.fountain", "--pdf", "/sys/probe.pdf"], ws)
    assert p.returncode == 2
    _one_error_line(p.stderr, "/sys/probe.pdf")
    assert ".tmp" not in p.stderr
    (ws / "dir.pdf").mkdir()
    p = run(["render", "b.fountain", "--pdf", "dir.pdf"], ws)
    assert p.returncode in (1, 2)
    _one_error_line(p.stderr, "dir.pdf")
    assert ".tmp" not in p.stderr and (ws / "dir.pdf").is_dir()


# -- the page limit: build exits 2, as the README says, and every command names the script --

def _long_script(path: Path) -> Path:
    path.write_text("INT. A - DAY\n\n" + "Bob waits.\n\n" * 200, encoding="utf-8")  # ~4 pages
    return path


@pytest.fixture
def two_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from screenplay import layout_paginate
    monkeypatch.setattr(layout_paginate, "MAX_PAGES", 2)


def test_build_exits_2_at_the_page_limit_and_names_the_script(
        tmp_path: Path, two_page_limit: None) -> None:
    """The README: build exits 2 "when an input cannot be read or hits a limit"."""
    from typer.testing import CliRunner

    from toolchain.cli import app
    src = _long_script(tmp_path / "long.fountain")
    ok = tmp_path / "ok.fountain"
    ok.write_text(SCRIPT, encoding="utf-8")
    r = CliRunner().invoke(app, ["build", str(ok), str(src), "--out-dir", str(tmp_path / "o")])
    assert r.exit_code == 2, r.output
    assert f"{src}: the script runs past 2 pages" in r.output
    assert (tmp_path / "o" / "ok.pdf").exists() and not (tmp_path / "o" / "long.pdf").exists()
    row = [ln for ln in r.output.splitlines() if ln.startswith("long ")][0]
    assert "failed" in row


def test_render_names_the_script_at_the_page_limit(tmp_path: Path, two_page_limit: None) -> None:
    from typer.testing import CliRunner

    from toolchain.cli import app
    src = _long_script(tmp_path / "long.fountain")
    r = CliRunner().invoke(app, ["render", str(src), "--pdf", str(tmp_path / "l.pdf")])
    assert r.exit_code == 2
    assert r.output.strip().startswith(f"screenplay: error: {src}: the script runs past 2 pages")
    assert not (tmp_path / "l.pdf").exists()


# -- signals reach into the Schematron ---------------------------------------------------------

def _dual_pairs_tree(n: int):  # -> lxml tree of n dual-dialogue pairs
    from screenplay.fountain_reader import parse_fountain
    from screenplay.xml_io import write_xml
    from screenplay.xml_parse import parse_xml_bytes
    data = write_xml(parse_fountain("INT. A - DAY\n\n" + "BOB\nHi.\n\nANN ^\nYo.\n\n" * n)).encode()
    return parse_xml_bytes(data, limit=len(data))


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs POSIX signals")
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_a_signal_stops_the_schematron_at_once(sig: str) -> None:
    """The Schematron ignored SIGINT/SIGTERM until the XSLT finished (20k pairs: 56 s)."""
    from screenplay.validate import load_schematron, schematron_diagnostics
    load_schematron()
    tree = _dual_pairs_tree(40000)
    t = time.perf_counter()
    schematron_diagnostics(tree)
    whole = time.perf_counter() - t

    class Stopped(Exception):
        pass

    def stop(signum: int, frame: object) -> None:
        raise Stopped

    signum = getattr(signal, sig)
    previous = signal.signal(signum, stop)
    timer = threading.Timer(whole / 10, lambda: os.kill(os.getpid(), signum))
    try:
        t = time.perf_counter()
        timer.start()
        with pytest.raises(Stopped):
            schematron_diagnostics(tree)
        assert time.perf_counter() - t < whole * 0.6, whole
    finally:
        timer.cancel()
        signal.signal(signum, previous)


# -- hostile XML: the refusal tells nothing about the reader's files ---------------------------

def test_a_doctype_refusal_does_not_say_whether_a_file_exists(tmp_path: Path) -> None:
    """External DTDs were loaded, and the messages told a present file from an absent one."""
    from screenplay.errors import InputError
    from screenplay.xml_parse import parse_xml_bytes
    present = tmp_path / "present.dtd"
    present.write_text("<!ELEMENT a EMPTY>", encoding="utf-8")
    messages = []
    for target in (present, tmp_path / "absent.dtd"):
        with pytest.raises(InputError) as e:
            parse_xml_bytes(f'<?xml version="1.0"?><!DOCTYPE a SYSTEM "{target}"><a/>'.encode())
        messages.append(str(e.value).replace(str(target), "TARGET"))
    assert messages[0] == messages[1]
    assert "TARGET" not in messages[0]
