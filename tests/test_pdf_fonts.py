"""Scripts in any language: characters Courier Prime lacks come from installed fonts.

The Japanese test needs a CJK TrueType font known to fontconfig (``scripts/test.sh``
installs fonts-ipafont-gothic); it skips, saying so, when there is none.
"""
from __future__ import annotations

import io
import shutil

import pytest

from .conftest import shared_path
from screenplay.fontfind import columns, fonts_for
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import load_profile, paginate
from screenplay.layout_text import wrap
from screenplay.pdf_writer import render_layout

pdfplumber = pytest.importorskip("pdfplumber")


def _rows_back(data: bytes) -> list[list[str]]:
    """Each page's rows as drawn: glyphs grouped by baseline, in x order, no spaces."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: dict[float, list] = {}
            for c in page.chars:
                rows.setdefault(round(float(page.height) - c["matrix"][5], 1), []).append(c)
            out.append(["".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])
                                if not c["text"].isspace()) for _, cs in sorted(rows.items())])
    return out


def _rows_laid(lay) -> list[list[str]]:
    pages = ([lay.title_page] if lay.title_page else []) + [p.lines for p in lay.pages]
    out = []
    for lines in pages:
        rows: dict[int, list] = {}
        for ln in lines:
            rows.setdefault(ln.row, []).append(ln)
        out.append(["".join(ln.text for ln in sorted(ls, key=lambda ln: ln.x)).replace(" ", "")
                    for _, ls in sorted(rows.items())])
    return out


def _need_cjk_font() -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    if not fonts_for("\u65e5"):
        pytest.skip("no installed TrueType font has Japanese (apt-get install "
                    "fonts-ipafont-gothic)")


@pytest.mark.parametrize("name", ["jp.fountain", "cyrillic.fountain"])
def test_text_layer_comes_back_unchanged(name):
    if name == "jp.fountain":
        _need_cjk_font()
    doc = parse_fountain(shared_path("corpus", "fountain", "unicode", name)
                         .read_text(encoding="utf-8"))
    lay = paginate(doc, load_profile("letter", "shooting"))
    warnings: list[str] = []
    data = render_layout(doc, lay, warnings.append)
    assert warnings == []                       # every character found a font
    assert _rows_back(data) == _rows_laid(lay)
    assert "\ufffd" not in "".join(r for p in _rows_back(data) for r in p)


def test_full_width_characters_take_two_columns_in_layout_and_pdf():
    _need_cjk_font()
    assert columns("日") == 2 and columns("A") == 1 and columns("Ж") == 1
    s = "日本語" * 20
    assert [b - a for a, b in wrap(s, 61)] == [30, 30]       # 60 columns a row
    doc = parse_fountain("INT. A - DAY\n\nAB日本CD\n")
    data = render_layout(doc, paginate(doc, load_profile()))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] in "AB日本CD"]
    xs = {c["text"]: c["x0"] for c in chars}
    cell = 7.0
    assert abs(xs["B"] - xs["A"] - cell) < 0.1
    assert abs(xs["本"] - xs["日"] - 2 * cell) < 0.1     # a wide character: two cells
    assert abs(xs["C"] - xs["A"] - 6 * cell) < 0.1


def test_a_character_no_font_has_is_reported_once():
    doc = parse_fountain("INT. A - DAY\n\nA private-use \U000F0001 here.\n")
    warnings: list[str] = []
    render_layout(doc, paginate(doc, load_profile()), warnings.append)
    assert len(warnings) == 1 and "U+F0001" in warnings[0]


def test_cjk_rows_never_start_with_a_closing_mark():
    s = "これは日本語の脚本です。とても長い文章がここに続きます、そして折り返しが必要です。"
    rows = [s[a:b] for a, b in wrap(s, 20)]
    assert "".join(rows) == s
    assert all(sum(columns(c) for c in r) <= 20 for r in rows)
    assert not any(r[0] in "、。」）" for r in rows)
