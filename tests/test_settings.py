"""Every layout rule a setting: values, precedence, the CLI options, and what they change."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.html_writer import render_html
from screenplay.layout import CONTENT_KINDS, paginate
from screenplay.settings import SETTINGS, profile_for, resolve
from toolchain.layout_options import QUICK_OPTIONS
from toolchain.quick import plan_render

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """Title: Settings
Author: Someone

INT. HALL - DAY

Ann waits.

ANN
""" + " ".join(f"Sentence {i} of a speech long enough to need a page break." for i in range(60)) \
    + """

Ann stops.

ANN
Done.

@McCABE
(quietly)
And me.
"""


def _run(*args: str, cwd: Path, full: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("SCREENPLAY_FULL_CLI", None)
    if full:
        env["SCREENPLAY_FULL_CLI"] = "1"
    return subprocess.run([sys.executable, "-m", "toolchain", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_defaults_come_from_the_shooting_preset():
    r = resolve({})
    assert r.values["mode"] == "shooting" and r.origins["mode"] == "default"
    assert r.values["scene_numbers"] == "both" and r.origins["scene_numbers"] == "shooting preset"
    assert r.values["scene_continueds"] is False and r.values["auto_contd"] is True
    assert r.values["more_contd"] is True and r.values["title_page"] is True
    spec = resolve({"mode": "spec"})
    assert spec.values["scene_numbers"] == "none" and spec.values["auto_contd"] is False


def test_precedence_cli_then_project_file_then_title_page_then_preset(tmp_path):
    (tmp_path / "screenplay.toml").write_text('paper = "a4"\nscene_numbers = "right"\n'
                                              'more_contd = false\n')
    sub = tmp_path / "act1"
    sub.mkdir()
    script = sub / "s.fountain"
    script.write_text("Title: T\nScene Numbers: left\nAuto CONT'D: no\nMore Contd: yes\n"
                      "Title Page: no\n\nINT. A - DAY\n\nHi.\n")
    doc = parse_fountain(script.read_text())
    r = resolve({"paper": "letter"}, script=script, doc=doc)
    assert r.values["paper"] == "letter" and r.origins["paper"] == "command line"
    # the project file (in a parent folder) beats the title page
    assert r.values["scene_numbers"] == "right" and r.origins["scene_numbers"].endswith(
        "screenplay.toml")
    assert r.values["more_contd"] is False
    # the title page beats the preset
    assert r.values["title_page"] is False and r.origins["title_page"] == "title page"
    prof = profile_for(r)
    assert prof.paper == "letter" and prof.scene_number_sides == "right"
    assert not prof.more_contd and not prof.print_title_page
    lay = paginate(doc, prof)
    assert lay.title_page is None
    nums = [ln for p in lay.pages for ln in p.lines if ln.kind == "scene-number"]
    assert [ln.column for ln in nums] == ["right"]


@pytest.mark.parametrize("cli,message", [
    ({"mode": "shoting"}, "did you mean 'shooting'"),
    ({"scene_numbers": "middle"}, "known: both, left, right, none"),
    ({"scene_continueds": "maybe"}, "true or false"),
    ({"page_number_format": "Page"}, "{n}"),
    ({"page_number_format": "{x}"}, "{n}"),
])
def test_bad_values_are_refused_with_one_line(cli, message):
    with pytest.raises(InputError) as e:
        resolve(cli)
    assert message in str(e.value) and "\n" not in str(e.value)


def test_bad_project_file_names_itself(tmp_path):
    (tmp_path / "screenplay.toml").write_text("scene_numbrs = 'left'\n")
    script = tmp_path / "s.fountain"
    script.write_text("INT. A - DAY\n\nHi.\n")
    with pytest.raises(InputError, match=r"screenplay.toml: unknown setting 'scene_numbrs'.*"
                                         r"did you mean 'scene_numbers'"):
        resolve({}, script=script)
    (tmp_path / "screenplay.toml").write_text("paper = [\n")
    with pytest.raises(InputError, match="not valid TOML"):
        resolve({}, script=script)


def test_each_switch_changes_the_pages():
    doc = parse_fountain(SCRIPT)
    on = paginate(doc, profile_for({"mode": "shooting"}))
    kinds = {ln.kind for p in on.pages for ln in p.lines}
    assert "more" in kinds and on.title_page
    cues = [ln.text for p in on.pages for ln in p.lines if ln.kind == "character"]
    assert "ANN (CONT'D)" in cues and "McCABE" in cues      # the forced cue keeps its case
    off = paginate(doc, profile_for({"mode": "shooting", "more_contd": False,
                                     "auto_contd": False, "title_page": False,
                                     "scene_numbers": "none"}))
    kinds = {ln.kind for p in off.pages for ln in p.lines}
    assert "more" not in kinds and "scene-number" not in kinds and off.title_page is None
    cues = [ln.text for p in off.pages for ln in p.lines if ln.kind == "character"]
    assert not any("CONT'D" in c for c in cues)
    # the speech still breaks legally: its dialogue rows continue at the top of a page
    assert len(off.pages) >= 2
    cont = paginate(doc, profile_for({"mode": "spec", "scene_continueds": True}))
    assert any(ln.kind == "continued-bottom" for p in cont.pages for ln in p.lines)
    fmt = paginate(doc, profile_for({"page_number_format": "Page {n}"}))
    assert [ln.text for ln in fmt.pages[1].lines if ln.kind == "page-number"] == ["Page 2"]


@pytest.mark.parametrize("mode", ["spec", "shooting"])
def test_html_shows_the_scene_numbers_the_pdf_shows(mode):
    doc = parse_fountain("INT. A - DAY\n\nHi.\n\nEXT. B - NIGHT #7A#\n\nHo.\n")
    lay = paginate(doc, profile_for({"mode": mode}))
    page = render_html(doc, mode=mode, layout=lay)
    shown = page.count("num num-l shown") + page.count("num num-r shown")
    printed = sum(1 for p in lay.pages for ln in p.lines if ln.kind == "scene-number")
    assert shown == printed == (4 if mode == "shooting" else 0)
    left = paginate(doc, profile_for({"scene_numbers": "left"}))
    page = render_html(doc, layout=left)
    assert page.count("num num-l shown") == 2 and page.count("num num-r shown") == 0
    assert "7A" in page


def test_settings_keys_on_the_title_page_are_not_printed():
    doc = parse_fountain("Title: T\nScene Numbers: left\nPaper: A4\n\nINT. A - DAY\n\nHi.\n")
    r = resolve({}, doc=doc)
    assert r.values["paper"] == "a4"
    lay = paginate(doc, profile_for(r))
    assert [ln.text for ln in lay.title_page] == ["T"]
    assert ">left<" not in render_html(doc, paper="a4", layout=lay)


def test_html_title_page_is_linear_in_its_keys():
    """50,000 title-page keys took 88 s when each was searched for among all of them."""
    src = "Title: T\n" + "".join(f"Key{i}: v{i}\n" for i in range(50000)) + "\nINT. A - DAY\n\nHi.\n"
    doc = parse_fountain(src)
    lay = paginate(doc, profile_for({}))
    t0 = time.perf_counter()
    page = render_html(doc, layout=lay)
    assert time.perf_counter() - t0 < 10
    assert "v49999" in page


def test_quick_path_knows_every_layout_option():
    for s in SETTINGS:
        assert s.option in QUICK_OPTIONS
        if s.kind == "bool":
            assert plan_render(["render", "a.fountain", s.option]) is not None
            assert plan_render(["render", "a.fountain", "--no-" + s.option[2:]]) is not None
            assert plan_render(["render", "a.fountain", s.option + "=x"]) is None
        else:
            assert plan_render(["render", "a.fountain", s.option, "x"]) is not None
    assert plan_render(["render", "a.fountain", "--mode", "spec", "--mode", "spec"]) is None


def test_render_options_are_declared_once_for_typer_and_the_quick_path():
    """Typer's render takes exactly the declared options, and so does the quick path."""
    from typer.main import get_command

    from toolchain.cli import app
    from toolchain.render_options import RENDER_OPTIONS
    render = get_command(app).commands["render"]  # type: ignore[attr-defined]
    typer_flags = {o for p in render.params if p.param_type_name == "option"
                   for o in p.opts + p.secondary_opts}
    declared = {o.flag for o in RENDER_OPTIONS} | set(QUICK_OPTIONS)
    assert typer_flags - {"--help", "-h"} == declared
    for o in RENDER_OPTIONS:
        word = [o.flag] if o.kind == "switch" else [o.flag, "x.out"]
        assert plan_render(["render", "a.fountain", *word]) is not None, o.flag
        assert plan_render(["render", "a.fountain", *word, *word]) is None, o.flag
        if o.kind == "switch":
            assert plan_render(["render", "a.fountain", o.flag + "=1"]) is None


@pytest.mark.parametrize("args", [
    ["--scene-numbers", "left", "--no-more-contd", "--no-title-page"],
    ["--mode", "spec", "--scene-continueds", "--page-number-format", "Page {n}"],
    ["--scene-numbers", "sideways"],
])
def test_quick_and_full_cli_agree_on_layout_options(tmp_path, args):
    outs = []
    for full in (False, True):  # one folder each, so that messages name the same files
        cwd = tmp_path / str(full)
        cwd.mkdir()
        (cwd / "s.fountain").write_text(SCRIPT)
        out = cwd / "s.html"
        r = _run("render", "s.fountain", "--html", out.name, *args, cwd=cwd, full=full)
        outs.append((r.returncode, r.stderr, out.read_text() if out.exists() else None))
    assert outs[0] == outs[1]
    if "sideways" in args:
        assert outs[0][0] == 2 and "unknown scene numbers 'sideways'" in outs[0][1]


def test_show_settings_prints_values_and_origins(tmp_path):
    (tmp_path / "screenplay.toml").write_text('[layout]\npaper = "a4"\n')
    (tmp_path / "s.fountain").write_text("Title: T\nMore CONTD: false\n\nINT. A - DAY\n\nHi.\n")
    r = _run("render", "s.fountain", "--show-settings", "--mode", "spec", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = {ln.split("=")[0].strip(): ln for ln in r.stdout.splitlines()}
    assert "spec" in lines["mode"] and "(command line)" in lines["mode"]
    assert "a4" in lines["paper"] and "screenplay.toml)" in lines["paper"]
    assert "false" in lines["more_contd"] and "(title page)" in lines["more_contd"]
    assert "(spec preset)" in lines["scene_numbers"]
    assert not (tmp_path / "out").exists()          # nothing rendered


def test_render_build_and_report_share_the_default_mode(tmp_path):
    (tmp_path / "s.fountain").write_text("INT. A - DAY\n\nHi.\n\nINT. B - DAY\n\nHo.\n")
    r = _run("render", "s.fountain", "--html", "r.html", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    b = _run("build", "s.fountain", "--out-dir", "b", cwd=tmp_path)
    assert b.returncode == 0, b.stderr
    rendered, built = (tmp_path / "r.html").read_text(), (tmp_path / "b" / "s.html").read_text()
    assert "mode-shooting" in rendered and "mode-shooting" in built
    assert rendered.count("num-l shown") == built.count("num-l shown") == 2
    rep = _run("report", "s.fountain", "--kind", "scenes", "--format", "json", cwd=tmp_path)
    assert rep.returncode == 0 and '"1"' in rep.stdout


def test_render_warns_about_an_unclosed_note(tmp_path):
    (tmp_path / "s.fountain").write_text("INT. A - DAY\n\nHe waits. [[never closed\n")
    r = _run("render", "s.fountain", "--pdf", "s.pdf", cwd=tmp_path)
    assert r.returncode == 0
    assert "s.fountain: line 3: an unclosed [[ note prints as text" in r.stderr


def test_forced_cue_prints_as_typed_in_the_pdf(tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    from screenplay.pdf_writer import render_layout
    doc = parse_fountain("INT. A - DAY\n\n@McCABE\nHi.\n\nMCCABE (v.o.)\nHo.\n")
    import io
    data = render_layout(doc, paginate(doc, profile_for({})))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = pdf.pages[0].extract_text()
    assert "\nMcCABE\n" in text and "\nMCCABE (V.O.)\n" in text


def test_content_kinds_unchanged_by_settings():
    doc = parse_fountain(SCRIPT)
    a = paginate(doc, profile_for({"scene_numbers": "none"}))
    b = paginate(doc, profile_for({"scene_numbers": "both"}))
    text = lambda lay: [ln.text for p in lay.pages for ln in p.lines  # noqa: E731
                        if ln.kind in CONTENT_KINDS]
    assert text(a) == text(b)


def test_notes_print_in_pdf_and_html_alike_only_when_asked(tmp_path):
    src = "INT. A - DAY\n\n[[A standalone note.]]\n\nHe [[inline]] walks.\n\nBOB\nHi [[there]].\n"
    (tmp_path / "n.fountain").write_text(src)
    for flag, shown in (("--notes", True), ("--no-notes", False)):
        r = _run("render", "n.fountain", flag, "--pdf", "n.pdf", "--html", "n.html", cwd=tmp_path)
        assert r.returncode == 0 and "unclosed" not in r.stderr, r.stderr
        html = (tmp_path / "n.html").read_text()
        import pdfplumber
        with pdfplumber.open(tmp_path / "n.pdf") as pdf:
            text = "\n".join(p.extract_text() for p in pdf.pages)
        for note in ("[[A standalone note.]]", "He [[inline]] walks.", "Hi [[there]]."):
            assert (note in text) is shown, (flag, note)
            assert (note in html) is shown, (flag, note)
    # the reader's document is not changed by printing its notes
    from screenplay.notes import notes_as_text
    doc = parse_fountain(src)
    before = repr(doc.body)
    notes_as_text(doc)
    assert repr(doc.body) == before


def test_fountain_notes_title_key_is_printed_not_read_as_a_setting():
    doc = parse_fountain("Title: T\nNotes: FINAL DRAFT with changes\n\nINT. A - DAY\n\nHi.\n")
    r = resolve({}, doc=doc)
    assert r.values["notes"] is False and r.origins["notes"] == "default"
    lay = paginate(doc, profile_for(r))
    assert "FINAL DRAFT with changes" in [ln.text for ln in lay.title_page]


@pytest.mark.parametrize("opts", [{}, {"more_contd": False, "auto_contd": False}])
def test_html_prints_the_same_more_and_contd_as_the_pdf(opts):
    import re
    doc = parse_fountain(SCRIPT)
    lay = paginate(doc, profile_for(opts))
    page = render_html(doc, layout=lay)
    contd = sum("CONT'D" in ln.text for p in lay.pages for ln in p.lines)
    more = sum(ln.text == "(MORE)" for p in lay.pages for ln in p.lines)
    assert len(re.findall(r"CONT(&#x27;|&#39;|')D", page)) == contd
    assert page.count("(MORE)") == more
    assert (contd, more) == ((0, 0) if opts else (2, 1))
