"""``screenplay check``: schema errors on Fountain lines, lint rules, report formats, exit codes."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from screenplay import model as m
from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.lint import cue_typos, lint
from screenplay.validate import schematron_available, validate_tree
from screenplay.xml_io import NS, parse_xml_bytes, read_xml_bytes, write_xml
from toolchain.cli import app

from .conftest import FIXTURES, corpus_files, shared_path

runner = CliRunner()
Q = "{%s}" % NS
LINT = FIXTURES / "xml" / "lint-cases.fountain"

SCRIPT = """Title: Mutations

INT. KITCHEN - DAY #1#

ANN
Pass the salt.

BOB
(reaching)
Here.

EXT. YARD - NIGHT #2#

ANN
Thanks.

INT. KITCHEN - LATER #3#

BOB
Anything else?
"""


def _mutate(fn) -> tuple[bytes, m.Document]:
    """Apply ``fn`` to the XML tree of SCRIPT; return the new XML and the original model."""
    doc = parse_fountain(SCRIPT)
    tree = parse_xml_bytes(write_xml(doc).encode())
    fn(tree.getroot())
    return etree.tostring(tree, encoding="utf-8"), doc


def _errors(xml: bytes) -> list[m.Diagnostic]:
    return [d for d in validate_tree(parse_xml_bytes(xml)) if d.severity == "error"]


def test_unmutated_script_is_valid() -> None:
    xml, _ = _mutate(lambda root: None)
    assert _errors(xml) == []


def test_cue_naming_unknown_character_is_rejected_on_its_fountain_line() -> None:
    def rename(root: etree._Element) -> None:
        root.findall(f".//{Q}cue")[2].set("name", "ANNE")  # ANN's second speech
    xml, doc = _mutate(rename)
    third_speech = list(doc.speeches())[2]
    errs = _errors(xml)
    assert [(d.line, d.rule) for d in errs] == [(third_speech.character.lines[0],
                                                  "cue-not-in-cast")]
    assert "ANNE" in errs[0].message
    # The model can hold such a script, so reading it works; check is what reports it.
    assert list(read_xml_bytes(xml).speeches())[2].character.name == "ANNE"


def test_duplicated_scene_number_is_rejected_on_the_second_heading() -> None:
    def dup(root: etree._Element) -> None:
        root.findall(f".//{Q}scene")[2].set("number", "1")
    xml, doc = _mutate(dup)
    third = doc.scenes()[2].heading
    errs = _errors(xml)
    assert [(d.line, d.rule) for d in errs] == [(third.lines[0], "duplicate-scene-number")]
    assert "1" in errs[0].message


def test_misspelled_element_is_rejected_on_its_fountain_line() -> None:
    def misspell(root: etree._Element) -> None:
        root.findall(f".//{Q}dialogue")[1].tag = Q + "dialog"  # BOB's "Here."
    xml, doc = _mutate(misspell)
    here = list(doc.speeches())[1].parts[1]
    errs = _errors(xml)
    assert len(errs) == 1 and errs[0].line == here.lines[0] == 10
    assert errs[0].rule == "unexpected-element" and "<dialog>" in errs[0].message
    with pytest.raises(InputError) as e:  # reading it as input is refused, on the same line
        read_xml_bytes(xml, "m.xml")
    assert e.value.line == 10 and "dialog" in str(e.value)


def test_bad_scene_number_pattern_and_int_ext_enumeration() -> None:
    def bad(root: etree._Element) -> None:
        root.findall(f".//{Q}scene")[0].set("number", "1 A")
        root.findall(f".//{Q}heading")[1].set("int-ext", "OUTSIDE")
    xml, doc = _mutate(bad)
    lines = sorted(d.line for d in _errors(xml))
    assert lines == [doc.scenes()[0].heading.lines[0], doc.scenes()[1].heading.lines[0]]


def test_schematron_dual_dialogue_needs_a_partner() -> None:
    if not schematron_available():
        pytest.skip("lxml has no isoschematron")
    doc = parse_fountain("INT. A - DAY\n\nStuff happens.\n\nBOB ^\nHi.\n")
    errs = [d for d in validate_tree(parse_xml_bytes(write_xml(doc).encode()))
            if d.severity == "error"]
    assert [(d.line, d.rule) for d in errs] == [(5, "dual-without-partner")]
    ok = parse_fountain("INT. A - DAY\n\nANN\nHo.\n\nBOB ^\nHi.\n")
    assert validate_tree(parse_xml_bytes(write_xml(ok).encode())) == []


def test_schematron_scene_order_is_a_warning() -> None:
    if not schematron_available():
        pytest.skip("lxml has no isoschematron")
    doc = parse_fountain("INT. A - DAY #10#\n\nX.\n\nINT. B - DAY #9A#\n\nY.\n\n"
                         "INT. C - DAY #I-1#\n\nZ.\n\nINT. D - DAY #11#\n\nW.\n")
    found = validate_tree(parse_xml_bytes(write_xml(doc).encode()))
    assert [(d.line, d.rule, d.severity) for d in found] == [(5, "scene-number-order", "warning")]


# ---------------------------------------------------------------------------
# lint
# ---------------------------------------------------------------------------


def _rules(diags: list[m.Diagnostic]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for d in diags:
        out.setdefault(d.rule, []).append(d.line)
    return out


def test_lint_rules_on_fixture() -> None:
    text = LINT.read_text(encoding="utf-8")
    src = text.splitlines()
    found = _rules(lint(parse_fountain(text)))

    def line_of(s: str) -> int:
        return next(i + 1 for i, ln in enumerate(src) if ln.startswith(s))
    assert found["unknown-title-key"] == [line_of("Budget:")]
    assert found["cue-typo"] == [line_of("GEORGES")]
    assert found["empty-scene"] == [line_of("EXT. GARDEN")]
    assert found["heading-no-time"] == [line_of("EXT. GARDEN")]
    assert found["speech-without-dialogue"] == [line_of("(sighs)") - 1]
    assert found["unclosed-note"] == [line_of("Later [[")]
    assert found["unclosed-boneyard"] == [line_of("/*")]


def test_cue_typo_prefers_the_rare_spelling_and_skips_real_pairs() -> None:
    doc = parse_fountain("INT. A - DAY\n\n" + "".join(
        f"{n}\nLine.\n\n" for n in ["GEORGE"] * 5 + ["GEORGES", "JING", "PING", "PING",
                                                     "MAN #1", "MAN #2", "BOB", "ROB"]))
    found = cue_typos(doc)
    assert len(found) == 1
    assert "'GEORGES'" in found[0].message and "'GEORGE'" in found[0].message


def test_heading_time_accepts_years_and_continuous() -> None:
    doc = parse_fountain("INT. HOUSE - NIGHT (1973)\n\nA.\n\nEXT. ROAD - CONTINUOUS\n\nB.\n\n"
                         "INT. CAR\n\nC.\n")
    assert _rules(lint(doc)) == {"heading-no-time": [9]}


def test_corpus_has_no_schema_errors_and_no_false_typos() -> None:
    files = corpus_files()
    if not files:
        shared_path("corpus", "fountain")
    for p in files:
        doc = parse_fountain(p.read_text(encoding="utf-8"))
        errs = [d for d in validate_tree(parse_xml_bytes(write_xml(doc).encode()))
                if d.severity == "error"]
        assert errs == [], p.name
        typos = [d.message for d in cue_typos(doc)]
        assert typos == [], (p.name, typos)


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------

LINE_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+): (?P<sev>error|warning): .+ \[(?P<rule>[a-z-]+)\]$")


def test_check_clean_file_exits_0(tmp_path: Path) -> None:
    f = tmp_path / "ok.fountain"
    f.write_text(SCRIPT, encoding="utf-8")
    r = runner.invoke(app, ["check", str(f)])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""


def test_check_warnings_only_exit_0_with_compiler_lines() -> None:
    r = runner.invoke(app, ["check", str(LINT)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 7
    for ln in lines:
        mt = LINE_RE.match(ln)
        assert mt and mt["file"] == str(LINT) and mt["sev"] == "warning", ln
    assert [int(LINE_RE.match(ln)["line"]) for ln in lines] == sorted(
        int(LINE_RE.match(ln)["line"]) for ln in lines)


def test_check_xml_with_errors_exits_1_and_json_reports_them(tmp_path: Path) -> None:
    xml, doc = _mutate(lambda root: root.findall(f".//{Q}cue")[0].set("name", "ANA"))
    f = tmp_path / "bad.xml"
    f.write_bytes(xml)
    r = runner.invoke(app, ["check", str(f)])
    assert r.exit_code == 1
    first_cue = next(doc.speeches()).character.lines[0]
    assert f"{f}:{first_cue}: error: cue names 'ANA'" in r.stdout
    r = runner.invoke(app, ["check", str(f), "--format", "json"])
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["valid"] is False and data["errors"] >= 1
    assert {"line": first_cue, "rule": "cue-not-in-cast"}.items() <= data["diagnostics"][0].items()


def test_check_keeps_xml_and_refuses_to_overwrite_input(tmp_path: Path) -> None:
    src = tmp_path / "s.fountain"
    src.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "kept.xml"
    r = runner.invoke(app, ["check", str(src), "--xml", str(out)])
    assert r.exit_code == 0, r.output
    assert read_xml_bytes(out.read_bytes()) == parse_fountain(SCRIPT)
    r = runner.invoke(app, ["check", str(src), "--xml", str(src)])
    assert r.exit_code == 1  # a refused overwrite, like every command
    assert src.read_text(encoding="utf-8") == SCRIPT


def test_check_reads_fdx_and_json(tmp_path: Path) -> None:
    r = runner.invoke(app, ["check", str(FIXTURES / "xml" / "other-app.fdx"), "--format", "json"])
    assert r.exit_code == 0, r.output
    rules = {d["rule"] for d in json.loads(r.stdout)["diagnostics"]}
    assert {"fdx-orphan-dialogue", "fdx-unknown-type"} <= rules


@pytest.mark.parametrize("args", [["check", "/nonexistent/x.fountain"],
                                  ["check", str(LINT), "--format", "yaml"]])
def test_check_could_not_run_exits_2(args: list[str]) -> None:
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_check_binary_input_exits_2(tmp_path: Path) -> None:
    f = tmp_path / "b.fountain"
    f.write_bytes(b"\x00\x01\x02" * 100)
    r = runner.invoke(app, ["check", str(f)])
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1


def test_schematron_warns_about_silent_cast_members_and_placeless_headings() -> None:
    if not schematron_available():
        pytest.skip("lxml has no isoschematron")

    def edit(root: etree._Element) -> None:
        cast = root.find(f"{Q}cast")
        etree.SubElement(cast, Q + "character", name="GHOST")
        root.findall(f".//{Q}heading")[0].set("location", " ")
    xml, doc = _mutate(edit)
    found = validate_tree(parse_xml_bytes(xml))
    assert {(d.rule, d.severity) for d in found} == {
        ("cast-member-without-speech", "warning"), ("heading-without-location", "warning")}
    assert any("GHOST" in d.message for d in found)
    assert [d.line for d in found if d.rule == "heading-without-location"] == [
        doc.scenes()[0].heading.lines[0]]
