"""Our PDFs read back with pdfplumber / pypdf / pdftotext and held to the
format standard's measured positions and tolerances (format-standard.md §0-2,
§4 check recipes, §5).  Expected positions below are the standard's numbers,
written out here, not read from styles/*.json."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from functools import lru_cache

import pdfplumber
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from .conftest import FIXTURES, shared_path
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import load_profile, paginate
from screenplay.pdf_writer import render_pdf

CORPUS = ("corpus", "fountain")
TOL = 0.5           # pt, left- and right-aligned x
CENTRE_TOL = 3.6    # pt, centred text
PITCH_TOL = 0.1     # pt

#: x0 (pt) of each element's first glyph, format-standard.md §2 and §4 recipes.
X0 = {"heading": 108.0, "action": 108.0, "character": 252.0, "dialogue": 180.0,
      "lyrics": 180.0, "more": 252.0, "continued-top": 108.0, "continued-bottom": 432.0}
DUAL_X0 = {"left": {"character": 180.0, "dialogue": 144.0, "lyrics": 144.0, "more": 180.0},
           "right": {"character": 396.0, "dialogue": 360.0, "lyrics": 360.0, "more": 396.0}}
PAREN_OPEN, PAREN_WRAP = 208.8, 216.0
DUAL_PAREN = {"left": (162.0, 169.2), "right": (378.0, 385.2)}
TRANSITION_X1, PAGE_NUMBER_X1, CENTRE_AXIS = 511.2, 522.0, 306.0
#: the left number starts at 0.75 in, the right one *ends* at 7.38 in (Final Draft's PDF)
SCENE_NO_LEFT, SCENE_NO_RIGHT_X1 = 54.0, 531.36
#: Final Draft draws Courier at 7.0 pt per character on the 0.1 in (7.2 pt) grid
ADVANCE = 7.0
BODY_RIGHT = 540.0  # 7.5 in: nothing but numbers goes past it
FIRST_BASELINE = 80.0
BUDGET = {"heading": 61, "action": 61, "character": 37, "parenthetical": 26, "dialogue": 35,
          "lyrics": 35, "transition": 16, "centered": 60}
DUAL_BUDGET = 25


def _doc(*parts: str):
    return parse_fountain(shared_path(*CORPUS, *parts).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def rendered(name: str, paper: str, mode: str):
    """(document, layout, pdf bytes, rows per PDF page) for a corpus file."""
    folder, file = name.split("/")
    doc = _doc(folder, file)
    lay = paginate(doc, load_profile(paper, mode))
    warnings: list[str] = []
    data = render_pdf(doc, paper=paper, mode=mode, warnings=warnings)
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for pg in pdf.pages:
            rows: dict[float, list] = {}
            for ch in pg.chars:
                base = round(float(pg.height) - ch["matrix"][5], 2)
                rows.setdefault(base, []).append(ch)
            for chars in rows.values():
                chars.sort(key=lambda c: c["x0"])
            pages.append((float(pg.width), float(pg.height), rows))
    return doc, lay, data, pages, tuple(warnings)


def _segment(chars: list, x_pt: float, n: int) -> list:
    """The n glyphs of a row starting at x (spaces included)."""
    i = 0
    while i < len(chars) and chars[i]["x0"] < x_pt - 1.0:
        i += 1
    return chars[i:i + n]


CASES = [("spec-samples/Big-Fish.fountain", "letter", "spec"),
         ("spec-samples/Big-Fish.fountain", "letter", "shooting"),
         ("kitchen-sink/afterwriting-test.fountain", "letter", "shooting"),
         ("kitchen-sink/afterwriting-client.fountain", "a4", "spec"),
         ("spec-samples/Brick-and-Steel.fountain", "letter", "spec")]


@pytest.mark.parametrize("name,paper,mode", CASES)
def test_every_line_sits_where_the_standard_says(name, paper, mode):
    doc, lay, data, pages, _ = rendered(name, paper, mode)
    offset = 1 if lay.title_page else 0
    assert len(pages) == len(lay.pages) + offset
    prof = lay.profile
    checked = Counter()
    for page in lay.pages:
        width, height, rows = pages[page.number - 1 + offset]
        if paper == "letter":
            assert (width, height) == (612.0, 792.0)
        else:
            assert abs(width - 595.28) < 0.5 and abs(height - 841.89) < 0.5
        body_baselines = sorted(b for b in rows if b > 60)
        # row pitch: every body baseline is 80 + 12n, and at most 54 (A4: 58) rows
        for b in body_baselines:
            n = (b - FIRST_BASELINE) / 12.0
            assert abs(n - round(n)) * 12 <= PITCH_TOL, (page.number, b)
            # 54 (A4: 58) rows, and (MORE) alone may take the row below them
            assert b <= FIRST_BASELINE + 12 * (58 if paper == "a4" else 54), b
        assert len(body_baselines) <= (58 if paper == "a4" else 54) + 1
        for ln in page.lines:
            text = ln.text
            base = round(prof.baseline_pt(ln.row), 2)
            assert base in rows, f"page {page.number}: nothing drawn on row {ln.row} ({text!r})"
            seg = _segment(rows[base], ln.x * 72, len(text))
            got = "".join(c["text"] for c in seg)
            assert got == text, (page.number, ln.row, got, text)
            x0, x1 = seg[0]["x0"], seg[-1]["x0"] + ADVANCE
            kind, col = ln.kind, ln.column
            if kind == "page-number":
                assert re.fullmatch(r"\d+[A-Z]*(-\d+[A-Z]*)?\.", text)
                assert abs(x1 - PAGE_NUMBER_X1) <= TOL and abs(base - 44) <= 0.01
            elif kind == "scene-number":
                if col == "left":
                    assert abs(x0 - SCENE_NO_LEFT) <= TOL
                else:
                    assert abs(x1 - SCENE_NO_RIGHT_X1) <= TOL, (text, x1)
            elif kind == "transition":
                assert abs(x1 - TRANSITION_X1) <= TOL, (text, x1)
            elif kind in ("centered", "title"):
                if ln.align == "center":
                    assert abs((x0 + x1) / 2 - CENTRE_AXIS) <= CENTRE_TOL, text
            elif kind == "parenthetical":
                first = text.startswith("(")
                want = (DUAL_PAREN[col] if col else (PAREN_OPEN, PAREN_WRAP))[0 if first else 1]
                assert abs(x0 - want) <= TOL, (text, x0, want)
            elif kind in X0:
                want = DUAL_X0[col][kind] if col else X0[kind]
                indent = 0.0
                if kind == "action" and abs(x0 - want) > TOL:
                    indent = round((x0 - want) / 7.2) * 7.2   # source indentation is kept
                    assert indent > 0
                assert abs(x0 - want - indent) <= TOL, (page.number, kind, text, x0, want)
            budget = DUAL_BUDGET if col and kind in ("dialogue", "lyrics") else BUDGET.get(kind)
            if budget:
                assert len(text) <= budget + text.endswith("-"), (kind, text)  # hanging "-"
            if kind not in ("page-number", "scene-number", "header"):
                hang = ADVANCE if text.endswith("-") else 0.0   # a row-ending hyphen hangs
                assert x1 - hang <= BODY_RIGHT + TOL, (page.number, kind, text, x1)
            checked[kind] += 1
    assert checked["dialogue"] and checked["character"] and checked["page-number"]
    if mode == "shooting":
        assert checked["scene-number"] >= 2
    if name.startswith("kitchen-sink") or "Brick" in name:
        assert checked["parenthetical"] and checked["transition"] and checked["centered"]


def test_page_numbers_start_at_two_and_title_page_is_bare():
    doc, lay, data, pages, _ = rendered("spec-samples/Big-Fish.fountain", "letter", "spec")
    title_rows, first_rows = pages[0][2], pages[1][2]
    assert not any(b < 60 for b in title_rows) and not any(b < 60 for b in first_rows)
    for k, (_, _, rows) in enumerate(pages[2:], start=2):
        top = [b for b in rows if b < 60]
        assert len(top) == 1 and "".join(c["text"] for c in rows[top[0]]) == f"{k}."


def test_shooting_script_has_numbers_in_both_margins_and_continueds():
    doc, lay, data, pages, _ = rendered("spec-samples/Big-Fish.fountain", "letter", "shooting")
    text = "\n".join("".join(c["text"] for c in row) for _, _, rows in pages
                     for _, row in sorted(rows.items()))
    assert "(CONTINUED)" not in text      # Final Draft's shooting default: off
    on = load_profile("letter", "shooting")._replace(scene_continueds=True)
    with pdfplumber.open(io.BytesIO(render_pdf(doc, profile=on))) as pdf:
        text = "\n".join(pg.extract_text() for pg in pdf.pages)
    assert text.count("(CONTINUED)") >= 50
    assert re.search(r"^(\d+[A-Z]?) ?CONTINUED: \(2\) ?\1$", text, re.M)  # numbers beside it
    # scene 1: "1" at 0.75 in and at 7.38 in on the heading's baseline
    heading = next(ln for p in lay.pages for ln in p.lines if ln.kind == "heading")
    page = next(p for p in lay.pages if heading in p.lines)
    rows = pages[page.number][2]
    row = rows[round(lay.profile.baseline_pt(heading.row), 2)]
    assert row[0]["text"] == "1" and abs(row[0]["x0"] - SCENE_NO_LEFT) <= TOL
    assert row[-1]["text"] == "1" and abs(row[-1]["x0"] + ADVANCE - SCENE_NO_RIGHT_X1) <= TOL


def test_outline_metadata_and_embedded_fonts():
    doc, lay, data, pages, warnings = rendered("spec-samples/Big-Fish.fountain", "letter", "spec")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Big Fish" and reader.metadata.author == "John August"
    outline = reader.outline
    assert len(outline) == len(doc.scenes()) == 192
    assert reader.get_destination_page_number(outline[0]) == 2  # title page, page 1, page 2
    fonts = set()
    for page in reader.pages[:10]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = (font.get("/FontDescriptor")
                    or font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
            assert "/FontFile2" in desc.get_object(), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"CourierPrime-Regular", "CourierPrime-Bold"} <= fonts
    assert warnings == ()


def test_emphasis_uses_the_bold_italic_fonts_and_underlines():
    doc = parse_fountain("INT. X - DAY\n\nPlain **bold** *italic* ***both*** _under_ line.\n")
    data = render_pdf(doc)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pg = pdf.pages[0]
        font_of = {c["text"]: c["fontname"].split("+")[-1] for c in pg.chars}
        assert font_of["P"] == "CourierPrime-Regular"
        assert font_of["b"] == "CourierPrime-BoldItalic"     # last "b" is in ***both***
        assert font_of["c"] == "CourierPrime-Italic"
        assert font_of["u"] == "CourierPrime-Regular"
        under = [ln for ln in pg.lines if abs(ln["x0"] - (108 + ADVANCE * 23)) < 1]
        assert under and abs(under[0]["x1"] - under[0]["x0"] - 5 * ADVANCE) < 0.5


def _pdftotext(data: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode("utf-8")


def _printed_chars(lay) -> Counter:
    lines = [ln for p in lay.pages for ln in p.lines] + list(lay.title_page or [])
    return Counter(ch for ln in lines for ch in ln.text if not ch.isspace())


@pytest.mark.parametrize("source", ["cyrillic", "european"])
def test_every_character_survives(source):
    if source == "cyrillic":
        doc = _doc("unicode", "cyrillic.fountain")
    else:
        doc = parse_fountain((FIXTURES / "pdf" / "european.fountain").read_text(encoding="utf-8"))
    warnings: list[str] = []
    data = render_pdf(doc, warnings=warnings)
    assert warnings == []
    got = Counter(ch for ch in _pdftotext(data) if not ch.isspace())
    want = _printed_chars(paginate(doc, load_profile()))
    missing = want - got
    assert not missing, f"characters lost: {dict(missing)}"
    if source == "european":
        for word in ("Łódź", "żółć", "Ελληνικά", "façade", "cœur", "ΣΟΦΊΑ"):
            assert word in _pdftotext(data).replace("\n", " ") or word.upper() in _pdftotext(data)


def test_fallback_font_keeps_the_grid():
    doc = parse_fountain("INT. X - DAY\n\nAbc Ждём Ωμέγα end.\n")
    data = render_pdf(doc)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["top"] > 90]
    xs = [c["x0"] for c in chars]
    for k, x in enumerate(xs):
        assert abs(x - (108 + ADVANCE * k)) <= TOL, (k, chars[k]["text"], x)
    assert {c["fontname"].split("+")[-1] for c in chars} == {"CourierPrime-Regular",
                                                             "DejaVuSansMono"}


def test_undrawable_characters_are_reported_not_dropped():
    # Private-use characters: no bundled or installed font has them (Japanese, which
    # this test used, is now drawn from an installed font when there is one).
    pua = "".join(chr(0xF0000 + i) for i in range(15))
    doc = parse_fountain(f"Title: {pua[0]}\n\nINT. A - DAY\n\nText {pua}.\n")
    warnings: list[str] = []
    data = render_pdf(doc, warnings=warnings)
    # One warning that counts and names them, with the line each first occurs on.
    (summary,) = warnings
    m = re.match(r"(\d+) characters cannot be drawn by any bundled or installed font", summary)
    assert m and int(m.group(1)) > 12
    assert "U+F0000" in summary and "(line 1)" in summary and summary.endswith("more")
    assert "\ufffd" in _pdftotext(data)


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------

def _cli():
    from toolchain.cli import app
    return app


def test_render_command_default_output_and_options(tmp_path, monkeypatch):
    src = tmp_path / "script.fountain"
    src.write_text("Title: T\n\nINT. X - DAY\n\nHello.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    r = runner.invoke(_cli(), ["render", str(src)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "out" / "script.pdf"
    assert out.read_bytes().startswith(b"%PDF")
    r = runner.invoke(_cli(), ["render", str(src), "--pdf", str(tmp_path / "a4.pdf"),
                               "--paper", "a4", "--mode", "shooting"])
    assert r.exit_code == 0, r.output
    page = PdfReader(str(tmp_path / "a4.pdf")).pages[0]
    assert abs(float(page.mediabox.width) - 595.28) < 0.5


@pytest.mark.parametrize("args,content,code", [
    (["--paper", "legal"], b"INT. X - DAY\n", 2),
    (["--mode", "draft"], b"INT. X - DAY\n", 2),
    ([], b"\x00\x01\x02binary", 2),
    ([], b"caf\xe9 latin-1\n", 2),
    ([], b"", 1),
    ([], b"\n\n  \n/* only boneyard */\n", 1),
])
def test_render_command_rejects_bad_input_in_one_line(tmp_path, args, content, code):
    src = tmp_path / "bad.fountain"
    src.write_bytes(content)
    r = CliRunner().invoke(_cli(), ["render", str(src), "--pdf", str(tmp_path / "o.pdf"), *args])
    assert r.exit_code == code
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "o.pdf").exists()


def test_render_command_never_overwrites_its_input(tmp_path):
    src = tmp_path / "same.pdf"
    src.write_bytes(b"INT. X - DAY\n\nHi.\n")
    r = CliRunner().invoke(_cli(), ["render", str(src), "--pdf", str(src)])
    assert r.exit_code == 1 and src.read_bytes() == b"INT. X - DAY\n\nHi.\n"


def test_render_command_html_branch(tmp_path):
    src = tmp_path / "s.fountain"
    src.write_text("INT. X - DAY\n\nHi.\n", encoding="utf-8")
    r = CliRunner().invoke(_cli(), ["render", str(src), "--html", str(tmp_path / "s.html")])
    try:
        import screenplay.html_writer  # noqa: F401
    except ImportError:
        assert r.exit_code == 2 and "html_writer" in r.output
        return
    assert r.exit_code == 0, r.output
    assert "Hi." in (tmp_path / "s.html").read_text(encoding="utf-8")
    assert not (tmp_path / "out").exists()


def test_invisible_format_characters_are_not_reported():
    doc = parse_fountain("INT. X - DAY\n\nA\u200bB\u2060C\ufeffD.\n")
    warnings: list[str] = []
    text = _pdftotext(render_pdf(doc, warnings=warnings))
    assert warnings == [] and "ABCD." in text and "\ufffd" not in text
