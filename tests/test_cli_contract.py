"""The command-line contract of issue 15, each rule and each probe finding as a test.

Most run the real ``screenplay`` process (``python -m toolchain``), since the
rules are about what a person sees: exit codes, stderr lines, files left alone.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "Title: Contract\n\nINT. ROOM - DAY\n\nBOB\nHello there.\n\nEXT. YARD - NIGHT\n\nANN\nHi.\n"


def run(args: list[str], cwd: Path, stdin: bytes | None = None, **env: str
        ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "toolchain", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def err(p: subprocess.CompletedProcess[bytes]) -> str:
    return p.stderr.decode("utf-8", "replace")


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "s.fountain").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("my notes, not a screenplay output\n", encoding="utf-8")
    return tmp_path


# -- 1. data safety ------------------------------------------------------------------------

@pytest.mark.parametrize("args,dest", [
    (["render", "s.fountain", "--pdf", "notes.txt"], "notes.txt"),
    (["render", "s.fountain", "--html", "notes.txt"], "notes.txt"),
    (["convert", "s.fountain", "--to", "xml", "-o", "notes.txt"], "notes.txt"),
    (["report", "s.fountain", "-o", "notes.txt"], "notes.txt"),
    (["report", "s.fountain", "--format", "csv", "-o", "notes.txt"], "notes.txt"),
    (["check", "s.fountain", "--xml", "notes.txt"], "notes.txt"),
    (["report", "s.fountain", "-o", "s.fountain"], "s.fountain"),   # the probe's data loss
    (["convert", "s.fountain", "--to", "fountain", "-o", "s.fountain"], "s.fountain"),
])
def test_a_file_of_another_kind_or_an_input_is_never_replaced(ws: Path, args: list[str],
                                                               dest: str) -> None:
    before = (ws / dest).read_bytes()
    p = run(args, ws)
    assert p.returncode == 1, err(p)
    assert (ws / dest).read_bytes() == before
    assert len(err(p).splitlines()) == 1 and dest in err(p)


def test_force_replaces_and_the_same_kind_is_replaced_without_it(ws: Path) -> None:
    p = run(["render", "s.fountain", "--pdf", "notes.txt", "--force"], ws)
    assert p.returncode == 0, err(p)
    assert (ws / "notes.txt").read_bytes().startswith(b"%PDF")
    for _ in range(2):  # a PDF over a PDF: replaced, no --force needed
        p = run(["render", "s.fountain", "--pdf", "notes.txt"], ws)
        assert p.returncode == 0, err(p)
    for fmt in ("text", "csv", "json", "html"):
        for _ in range(2):
            p = run(["report", "s.fountain", "--format", fmt, "-o", f"r.{fmt}"], ws)
            assert p.returncode == 0, (fmt, err(p))
    p = run(["convert", "s.fountain", "--to", "fdx"], ws)          # beside the input
    assert p.returncode == 0 and (ws / "s.fdx").exists()
    p = run(["convert", "s.fountain", "--to", "fdx"], ws)          # our own FDX again: fine
    assert p.returncode == 0, err(p)


def test_an_empty_file_may_be_replaced(ws: Path) -> None:
    (ws / "empty.pdf").write_bytes(b"")
    assert run(["render", "s.fountain", "--pdf", "empty.pdf"], ws).returncode == 0


def test_build_never_overwrites_its_own_input_and_watch_does_not_loop(ws: Path) -> None:
    d = ws / "d"
    d.mkdir()
    assert run(["convert", "s.fountain", "--to", "xml", "-o", "d/u.xml"], ws).returncode == 0
    before = (d / "u.xml").read_bytes()
    p = run(["build", "d/u.xml", "--out-dir", "d"], ws)
    assert p.returncode == 1 and "would overwrite an input" in err(p), err(p)
    assert (d / "u.xml").read_bytes() == before
    # watch: the refusal is reported once, and since nothing is written, never again
    proc = subprocess.Popen([sys.executable, "-m", "toolchain", "watch", "d/u.xml", "--out-dir",
                             "d", "--interval", "0.1"], cwd=ws, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        time.sleep(4)
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode()
    assert out.count("would overwrite an input") == 1, out
    assert (d / "u.xml").read_bytes() == before


def test_two_inputs_with_one_output_are_refused(ws: Path) -> None:
    for sub in ("a", "b"):
        (ws / sub).mkdir()
        (ws / sub / "plot.fountain").write_text(SCRIPT, encoding="utf-8")
    p = run(["build", "a/plot.fountain", "b/plot.fountain", "--out-dir", "o"], ws)
    assert p.returncode == 2 and "both be written" in err(p)
    assert not (ws / "o").exists()


def test_adapt_refuses_two_synopses_with_one_output_before_loading_anything(ws: Path) -> None:
    for sub in ("a", "b"):
        (ws / sub).mkdir()
        (ws / sub / "plot.txt").write_text("Anna opens the door. Bob waits.\n", encoding="utf-8")
    p = run(["adapt", "a/plot.txt", "b/plot.txt"], ws)
    assert p.returncode == 2 and "both be written to out/plot.fountain" in err(p), err(p)
    assert not (ws / "out").exists()


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_is_written_to_not_replaced(ws: Path) -> None:
    os.mkfifo(ws / "pipe.pdf")
    reader = subprocess.Popen(["cat", str(ws / "pipe.pdf")], stdout=subprocess.PIPE)
    p = run(["render", "s.fountain", "--pdf", "pipe.pdf"], ws)
    data = reader.communicate(timeout=60)[0]
    assert p.returncode == 0, err(p)
    assert data.startswith(b"%PDF") and (ws / "pipe.pdf").is_fifo()
    p = run(["render", "s.fountain", "--pdf", "/dev/null"], ws)
    assert p.returncode == 0 and Path("/dev/null").is_char_device()


# -- 2. "-" is standard input and output; broken pipes ---------------------------------------

def test_dash_reads_stdin_and_writes_stdout(ws: Path) -> None:
    p = run(["render", "-", "--html", "-"], ws, stdin=SCRIPT.encode())
    assert p.returncode == 0 and b"BOB" in p.stdout and p.stdout.startswith(b"<!DOCTYPE html>")
    p = run(["render", "s.fountain", "--pdf", "-"], ws)
    assert p.returncode == 0 and p.stdout.startswith(b"%PDF") and p.stdout.rstrip().endswith(b"%%EOF")
    p = run(["convert", "-", "--to", "json"], ws, stdin=SCRIPT.encode())
    assert p.returncode == 0 and b'"screenplay-model"' in p.stdout
    p = run(["check", "-"], ws, stdin=SCRIPT.encode())
    assert p.returncode == 0 and "<stdin>: 0 errors, 0 warnings" in err(p)
    p = run(["report", "-", "-o", "-"], ws, stdin=SCRIPT.encode())
    assert p.returncode == 0 and b"scenes report" in p.stdout
    p = run(["render", "-"], ws, stdin=SCRIPT.encode())  # no default output name for stdin
    assert p.returncode == 2 and "--pdf or --html" in err(p)
    for same in ("-", "both.out"):  # one destination for two outputs: refused, nothing written
        p = run(["render", "s.fountain", "--pdf", same, "--html", same], ws)
        assert p.returncode == 2 and "give each its own output" in err(p) and p.stdout == b""
        assert not (ws / "both.out").exists()


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_broken_pipe_is_quiet_and_not_success(ws: Path, unbuffered: str) -> None:
    (ws / "big.fountain").write_text("INT. A - DAY\n\nHi there.\n\n" * 60000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "toolchain", "convert", "big.fountain", "--to",
                             "fountain", "-o", "-"], cwd=ws, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, stderr
    assert stderr == ""


def test_whole_output_with_pythonunbuffered(ws: Path) -> None:
    (ws / "big.fountain").write_text("INT. A - DAY\n\nHi there.\n\n" * 60000, encoding="utf-8")
    whole = run(["convert", "big.fountain", "--to", "fountain", "-o", "-"], ws)
    p = run(["convert", "big.fountain", "--to", "fountain", "-o", "-"], ws, PYTHONUNBUFFERED="1")
    assert p.returncode == 0 and p.stdout == whole.stdout and len(p.stdout) > 1_000_000


def test_closed_stdout_is_a_clean_error(ws: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "toolchain", "convert", "s.fountain", "--to", "json",
                        "-o", "-"], cwd=ws, stdout=subprocess.DEVNULL, capture_output=False,
                       stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
                       timeout=120, preexec_fn=lambda: os.close(1))
    assert p.returncode == 2, p.stderr
    assert p.stderr.decode().strip() == "screenplay: error: cannot write to standard output: it is closed"


# -- 3. messages name the user's paths, escaped --------------------------------------------

def test_errors_name_the_users_path_never_a_temporary_file(ws: Path) -> None:
    (ws / "ro").mkdir()
    os.chmod(ws / "ro", 0o500)
    try:
        p = run(["render", "s.fountain", "--pdf", "ro/x.pdf"], ws)
    finally:
        os.chmod(ws / "ro", 0o700)
    if os.geteuid() != 0:  # root may write anywhere
        assert p.returncode == 2 and "ro/x.pdf" in err(p) and ".tmp" not in err(p), err(p)
    from screenplay.textio import write_atomic
    (ws / "f").write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as e:
        write_atomic(ws / "f" / "sub.pdf", b"%PDF")  # a file where a folder should be
    assert ".tmp" not in str(e.value) and str(ws / "f" / "sub.pdf") == e.value.filename


def test_a_file_name_with_newlines_and_escapes_is_one_escaped_line(ws: Path) -> None:
    name = "evil\n\x1b[31mred.fountain"
    p = run(["check", name], ws)
    assert p.returncode == 2
    assert err(p).count("\n") == 1 and "\x1b" not in err(p)
    assert "evil\\n\\x1b[31mred.fountain" in err(p)


def test_usage_errors_are_one_line(ws: Path) -> None:
    for args in (["check"], ["check", "s.fountain", "--bogus"], ["watch", "s.fountain",
                                                                  "--interval", "abc"]):
        p = run(args, ws)
        assert p.returncode == 2 and len(err(p).splitlines()) == 1, err(p)
        assert err(p).startswith("screenplay: error: ") and "\u256d" not in err(p)


# -- 4. say what happened --------------------------------------------------------------------

def test_render_and_convert_say_what_they_wrote_unless_quiet(ws: Path) -> None:
    p = run(["render", "s.fountain", "--pdf", "a.pdf", "--html", "a.html"], ws)
    assert err(p).splitlines() == ["wrote a.pdf", "wrote a.html"]
    p = run(["convert", "s.fountain", "--to", "json", "-o", "a.json"], ws)
    assert err(p).splitlines() == ["wrote a.json"]
    p = run(["-q", "render", "s.fountain", "--pdf", "a.pdf"], ws)
    assert err(p) == ""
    p = run(["convert", "s.fountain", "--to", "json", "-o", "-"], ws)
    assert err(p) == ""  # the data went to stdout: nothing to say


def test_check_says_a_clean_script_is_clean(ws: Path) -> None:
    p = run(["check", "s.fountain"], ws)
    assert p.returncode == 0 and err(p).strip() == "s.fountain: 0 errors, 0 warnings"


def test_watch_lists_warnings_and_reports_a_vanished_file(ws: Path) -> None:
    import queue
    import threading
    src = ws / "w.fountain"
    src.write_text("INT. ROOM\n\nBOB\nHi.\n", encoding="utf-8")  # no time of day: a warning
    proc = subprocess.Popen([sys.executable, "-m", "toolchain", "watch", "w.fountain", "--out-dir",
                             "o", "--interval", "0.1"], cwd=ws, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines: "queue.Queue[str]" = queue.Queue()
    assert proc.stdout is not None
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()

    def wait_for(needle: str) -> list[str]:
        seen = []
        end = time.monotonic() + 60
        while time.monotonic() < end:
            try:
                seen.append(lines.get(timeout=0.2))
            except queue.Empty:
                continue
            if needle in seen[-1]:
                return seen
        raise AssertionError(f"never saw {needle!r}: {seen}")

    try:
        seen = wait_for("w.fountain: ok")
        warned = [x for x in seen if ": warning:" in x]
        assert warned and "1 warning," in seen[-1], seen
        html = (ws / "o" / "w.html").read_text(encoding="utf-8")
        assert "__screenplayBuild" in html and (ws / "o" / "w.reload.js").exists()
        src.unlink()
        wait_for("is gone")
        time.sleep(0.3)
        src.write_text(SCRIPT, encoding="utf-8")
        wait_for("is back")
        wait_for("w.fountain: ok")
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_watch_html_reload_script_is_allowed_by_the_csp() -> None:
    import base64
    import hashlib
    import re

    from screenplay.fountain_reader import parse_fountain
    from screenplay.html_writer import render_html
    from toolchain.live_reload import add_reload, build_id

    page = render_html(parse_fountain(SCRIPT))
    assert "reload" not in page  # render's own pages have no live part
    live, stamp = add_reload(page, "draft.html")
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', live)
    assert csp
    scripts = re.findall(r"<script>(.*?)</script>", live, re.S)
    assert len(scripts) == 2
    for s in scripts:  # every inline script is admitted by its hash, and nothing else inline
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp.group(1)
    assert "unsafe-inline" not in csp.group(1).split("script-src")[1]
    assert "draft.reload.js" in scripts[1] and build_id(page) in stamp and build_id(page) in scripts[1]
    assert add_reload(page + " ", "draft.html")[1] != stamp  # new content, new id


# -- 5. one vocabulary -----------------------------------------------------------------------

def test_short_options_mean_the_same_everywhere() -> None:
    from typer.main import get_command

    from toolchain.cli import app
    meaning: dict[str, set[str]] = {}
    for name, cmd in get_command(app).commands.items():  # type: ignore[attr-defined]
        for param in cmd.params:
            longs = [o for o in param.opts if o.startswith("--")]
            for o in param.opts + param.secondary_opts:
                if len(o) == 2 and o.startswith("-"):
                    meaning.setdefault(o, set()).update(longs)
    assert meaning["-f"] == {"--from"} and meaning["-o"] == {"--output"}
    assert all(len(v) == 1 for v in meaning.values()), meaning


@pytest.mark.parametrize("args,hint", [
    (["render", "s.fountain", "--mode", "shoting"], "did you mean 'shooting'?"),
    (["render", "s.fountain", "--paper", "letr"], "did you mean 'letter'?"),
    (["report", "s.fountain", "--kind", "cats"], "did you mean 'cast'?"),
    (["report", "s.fountain", "--format", "jsn"], "did you mean 'json'?"),
    (["convert", "s.fountain", "--to", "fdz"], "did you mean 'fdx'?"),
    (["build", "s.fountain", "--mode", "shootin"], "did you mean 'shooting'?"),
])
def test_bad_values_get_suggestions(ws: Path, args: list[str], hint: str) -> None:
    p = run(args, ws, SCREENPLAY_FULL_CLI="1")
    assert p.returncode == 2 and hint in err(p), err(p)
    assert len(err(p).splitlines()) == 1


def test_convert_help_lists_every_input_format() -> None:
    from typer.testing import CliRunner

    from screenplay.formats import READERS
    from toolchain.cli import app
    out = CliRunner().invoke(app, ["convert", "--help"], env={"COLUMNS": "200"}).output
    for fmt in READERS:
        assert fmt in out
    assert ".fdx" in out and ".spmd" in out


def test_build_time_column_includes_adapt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from toolchain import cmd_build
    from toolchain.pipeline import Result

    def slow_build_one(src: Path, *a: object, **k: object) -> Result:
        time.sleep(0.3)  # stands for the adapt step, before the render
        r = Result(src.stem, str(src))
        r.seconds = 0.01  # what the render alone took
        return r

    monkeypatch.setattr(cmd_build, "_build_one", slow_build_one)
    src = tmp_path / "x.fountain"
    src.write_text(SCRIPT, encoding="utf-8")
    from typer.testing import CliRunner

    from toolchain.cli import app
    r = CliRunner().invoke(app, ["build", str(src), "--out-dir", str(tmp_path / "o")])
    row = [ln for ln in r.output.splitlines() if ln.startswith("x ")][0]
    assert float(row.split()[-1].rstrip("s")) >= 0.3, r.output


# -- 7. probe findings -----------------------------------------------------------------------

def test_json_with_a_5000_digit_integer_is_bad_input(ws: Path) -> None:
    assert run(["convert", "s.fountain", "--to", "json", "-o", "s.json"], ws).returncode == 0
    text = (ws / "s.json").read_text(encoding="utf-8")
    (ws / "big.json").write_text(text.replace('"version": 1', '"version": 1' + "0" * 5000),
                                 encoding="utf-8")
    p = run(["convert", "big.json", "--to", "fountain", "-o", "-"], ws)
    assert p.returncode == 2 and "5,001 digits" in err(p) and "int_max_str_digits" not in err(p)


def test_watch_survives_a_json_that_once_killed_it(ws: Path) -> None:
    from toolchain.cmd_watch import build_once
    (ws / "s.json").write_text('{"format": "screenplay-model", "body": [' + "9" * 5000 + "]}",
                               encoding="utf-8")
    assert build_once(ws / "s.json", ws / "o", "letter", "shooting") is False


def test_json_errors_do_not_expose_python_internals() -> None:
    from screenplay.errors import InputError
    from screenplay.json_io import read_json
    with pytest.raises(InputError) as e:
        read_json('{"format": "screenplay-model", "body": [{"type": "speech", "lines": [1, 1]}]}')
    assert "__init__" not in str(e.value) and "positional" not in str(e.value)
    assert '"character"' in str(e.value)


def test_xml_line_superscript_two_is_not_a_crash(ws: Path) -> None:
    (ws / "sup.xml").write_text(
        '<?xml version="1.0"?>\n<screenplay xmlns="urn:x-screenplay-toolchain:screenplay:1" '
        'version="1"><body><scene line="\u00b2"><heading line="\u00b2">INT. A - DAY</heading>'
        "</scene></body></screenplay>", encoding="utf-8")
    for args in (["check", "sup.xml"], ["convert", "sup.xml", "--to", "fountain", "-o", "-"]):
        p = run(args, ws)
        assert p.returncode in (1, 2) and "internal error" not in err(p), err(p)


def test_fdx_scene_number_with_a_newline_adds_no_heading() -> None:
    from screenplay.fdx import read_fdx_bytes
    from screenplay.fountain_reader import parse_fountain
    from screenplay.fountain_writer import write_fountain
    fdx = (b'<?xml version="1.0"?><FinalDraft DocumentType="Script" Version="5"><Content>'
           b'<Paragraph Type="Scene Heading" Number="1&#10;INT. EVIL - DAY"><Text>INT. A - DAY'
           b'</Text></Paragraph><Paragraph Type="Action"><Text>Hi.</Text></Paragraph></Content>'
           b"</FinalDraft>")
    doc = read_fdx_bytes(fdx)
    assert len(doc.scenes()) == 1
    assert len(parse_fountain(write_fountain(doc)).scenes()) == 1


def test_csv_report_cells_cannot_be_formulas(ws: Path) -> None:
    (ws / "f.fountain").write_text("INT. =HYPERLINK(\"http://x\") - DAY\n\n@+CMD\nHi.\n\n"
                                   "@-2+3\nYo.\n\n@@SUM(A1)\nNo.\n", encoding="utf-8")
    for kind in ("scenes", "locations", "cast"):
        p = run(["report", "f.fountain", "--kind", kind, "--format", "csv"], ws)
        assert p.returncode == 0, err(p)
        import csv
        import io
        for row in list(csv.reader(io.StringIO(p.stdout.decode())))[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@")), (kind, cell)


def test_check_accepts_a_large_script_render_accepts(tmp_path: Path) -> None:
    """Our own XML of a script under the input limit may be over it: it is not an input."""
    from screenplay.fountain_reader import parse_fountain
    from screenplay.textio import MAX_INPUT_BYTES
    from screenplay.xml_io import write_xml
    from toolchain.cmd_check import check_file
    text = "".join(f"INT. PLACE {i} - DAY\n\nBob waits.\n\n" for i in range(1500))
    doc = parse_fountain(text)
    per_scene = len(write_xml(doc).encode()) / 1500
    scenes = int(MAX_INPUT_BYTES / per_scene) + 2000   # XML just over the limit
    src = tmp_path / "big.fountain"
    src.write_text("".join(f"INT. PLACE {i} - DAY\n\nBob waits.\n\n" for i in range(scenes)),
                   encoding="utf-8")
    assert src.stat().st_size < MAX_INPUT_BYTES
    diags, xml = check_file(src)
    assert xml is not None and len(xml.encode()) > MAX_INPUT_BYTES
    assert not [d for d in diags if d.severity == "error"]


def test_build_exits_2_at_a_limit_as_readme_says(ws: Path) -> None:
    (ws / "bin.fountain").write_bytes(b"\x00\x01\x02" * 10)
    p = run(["build", "bin.fountain", "--out-dir", "o"], ws)
    assert p.returncode == 2 and "binary" in err(p)
    p = run(["build", "s.fountain", "--out-dir", "o"], ws, SCREENPLAY_TIME_LIMIT="0.001")
    assert p.returncode == 2 and "time limit" in err(p), err(p)


# -- kinds of existing files, hostile XML, Schematron ------------------------------------------

def test_kinds_are_told_by_content() -> None:
    from toolchain.outputs import kind_of
    assert kind_of(b"%PDF-1.7\n...") == "pdf"
    assert kind_of(b"\n<!DOCTYPE html>\n<html>") == "html"
    assert kind_of(b'<?xml version="1.0"?>\n<screenplay xmlns="urn:x">') == "xml"
    assert kind_of(b'<?xml version="1.0"?>\n<FinalDraft DocumentType="Script">') == "fdx"
    assert kind_of(b'<?xml version="1.0"?>\n<svg/>') == "binary"   # XML, but not ours
    assert kind_of(b'{"format": "screenplay-model"}') == "json"
    assert kind_of(b"Contract: scenes report (3 pages)\n\nScene ...") == "report"
    assert kind_of(b"scene,heading,page\n1,INT. A,1\n2,EXT. B,2\n") == "csv"
    assert kind_of(b"INT. ROOM - DAY\n\nBob waits, then leaves.\n") == "fountain"
    assert kind_of(b"\x00\x01\x02") == "binary"


def test_a_fountain_output_may_replace_text_that_looks_like_csv(tmp_path: Path) -> None:
    from toolchain.outputs import check_output
    from toolchain.runner import Refused
    f = tmp_path / "t.fountain"
    f.write_text("Title: A, B\nCredit: x, y\n", encoding="utf-8")  # a title page, or a table
    check_output(f, "fountain")
    with pytest.raises(Refused):
        check_output(f, "pdf")


@pytest.mark.parametrize("where", ["late", "utf-16", "utf-32"])
def test_a_doctype_is_refused_wherever_and_however_it_is_written(where: str) -> None:
    from screenplay.errors import InputError
    from screenplay.xml_parse import parse_xml_bytes
    doc = '<!DOCTYPE a SYSTEM "/etc/passwd"><a/>'
    if where == "late":
        data = ("<?xml version='1.0'?><!--" + "x" * 70000 + "-->" + doc).encode()
    else:
        data = ('<?xml version="1.0" encoding="%s"?>' % where.upper() + doc).encode(where)
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_xml_bytes(data)


def test_no_external_resource_is_ever_opened(tmp_path: Path) -> None:
    """Even past the DOCTYPE check, the parser hands back nothing: a DTD that is a pipe
    (which blocks whoever opens it) does not hang the parse."""
    from lxml import etree

    from screenplay.xml_parse import _parser
    fifo = tmp_path / "dtd"
    os.mkfifo(fifo)
    code = ("from lxml import etree; from screenplay.xml_parse import _parser; "
            f"etree.fromstring(b'<!DOCTYPE a SYSTEM \"{fifo}\"><a/>', _parser()); print('done')")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert p.stdout.strip() == b"done", p.stderr
    assert etree.fromstring(b"<a/>", _parser()).tag == "a"


def _dual_pairs_tree(n: int):  # -> lxml tree of n dual-dialogue pairs
    from screenplay.fountain_reader import parse_fountain
    from screenplay.xml_io import write_xml
    from screenplay.xml_parse import parse_xml_bytes
    src = "INT. A - DAY\n\n" + "BOB\nHi.\n\nANN ^\nYo.\n\n" * n
    data = write_xml(parse_fountain(src)).encode()
    return parse_xml_bytes(data, limit=len(data))


def test_schematron_is_linear_in_dual_pairs_and_numbered_scenes() -> None:
    """20,000 pairs took 56 s; quadratic growth shows as about 4x for 2x the pairs."""
    from screenplay.validate import load_schematron, schematron_diagnostics
    load_schematron()

    def seconds(tree) -> float:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        schematron_diagnostics(tree)
        return time.perf_counter() - t

    small, large = _dual_pairs_tree(4000), _dual_pairs_tree(16000)
    a = min(seconds(small) for _ in range(2))
    b = min(seconds(large) for _ in range(2))
    assert b < 30 and b / max(a, 1e-3) < 8, (a, b)   # linear: ~4x; quadratic: ~16x
    # findings too (each used to cost a walk over its siblings): a reversed numbering
    from screenplay.fountain_reader import parse_fountain
    from screenplay.xml_io import write_xml
    from screenplay.xml_parse import parse_xml_bytes
    data = write_xml(parse_fountain("".join(f"INT. A{i} - DAY #{20000 - i}#\n\nHi.\n\n"
                                            for i in range(20000)))).encode()
    t = time.perf_counter()
    found = schematron_diagnostics(parse_xml_bytes(data, limit=len(data)))
    assert time.perf_counter() - t < 30 and len(found) == 19999
    assert found[1].line > found[0].line > 0  # lines come from the rules' diagnostic


def test_the_time_limit_reaches_into_the_schematron() -> None:
    from screenplay.validate import load_schematron, schematron_diagnostics
    from toolchain.limits import TimeLimitExceeded, time_limit
    load_schematron()
    tree = _dual_pairs_tree(40000)
    t = time.perf_counter()
    schematron_diagnostics(tree)
    whole = time.perf_counter() - t
    t = time.perf_counter()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(whole / 10):
            schematron_diagnostics(tree)
    assert time.perf_counter() - t < whole * 0.6, whole


@pytest.mark.slow
def test_watch_page_loads_its_reload_script_in_a_browser(tmp_path: Path) -> None:
    """From file://, under the page's own CSP, the reload script is loaded (and polled)."""
    import shutil
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (scripts/test.sh installs it as root on Debian)")
    from screenplay.fountain_reader import parse_fountain
    from screenplay.html_writer import render_html
    from toolchain.live_reload import add_reload, build_id
    page = render_html(parse_fountain(SCRIPT))
    live, stamp = add_reload(page, "w.html")
    (tmp_path / "w.html").write_text(live, encoding="utf-8")
    # the build id of the page itself (so it does not reload), and a line to see it ran
    (tmp_path / "w.reload.js").write_text(stamp + "console.log('reload script ran');\n",
                                          encoding="utf-8")
    assert build_id(page) in stamp
    p = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
                        "--dump-dom", (tmp_path / "w.html").as_uri()],
                       capture_output=True, timeout=120)
    log = p.stderr.decode("utf-8", "replace")
    assert "reload script ran" in log, log[-2000:]
    assert "Content Security Policy" not in log and b"<main" in p.stdout


def test_adapt_warns_about_a_synopsis_in_capitals_and_still_adapts(ws: Path) -> None:
    (ws / "loud.txt").write_text("ANNA OPENS THE DOOR OF THE BAKERY. BOB WAITS OUTSIDE IN THE RAIN.\n",
                                 encoding="utf-8")
    p = run(["adapt", "loud.txt", "-o", "loud.fountain"], ws)
    assert p.returncode == 0, err(p)
    assert "written in capitals" in err(p) and (ws / "loud.fountain").exists()
    (ws / "calm.txt").write_text("Anna opens the door of the bakery. Bob waits outside in the rain.\n",
                                 encoding="utf-8")
    p = run(["adapt", "calm.txt", "-o", "calm.fountain"], ws)
    assert p.returncode == 0 and "capitals" not in err(p)
