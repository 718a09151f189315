"""Breakdown reports: scene eighths, locations and cast, from the shared layout."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from screenplay.fountain_reader import parse_fountain
from screenplay.layout import load_profile, paginate
from screenplay.textio import read_text
from toolchain.cli import app
from toolchain.reports import breakdown, eighths_text, render_csv, render_html, render_json

from .conftest import shared_path

runner = CliRunner()

OWN = """Title: Two Rooms

INT. KITCHEN - MORNING

ANNA pours coffee. BEN reads.

ANNA
You're up early.

BEN
Couldn't sleep.

EXT. GARDEN - NIGHT

ANNA
Ben? Are you out here?

INT. KITCHEN - CONTINUOUS

BEN
Right here.

ANNA
(startled)
Don't do that.
"""


def _bd(text: str, mode: str = "shooting"):
    doc = parse_fountain(text)
    layout = paginate(doc, load_profile("letter", mode))
    return doc, layout, breakdown(doc, layout)


def test_eighths_text() -> None:
    assert [eighths_text(n) for n in (1, 4, 8, 11, 16)] == ["1/8", "4/8", "1", "1 3/8", "2"]


def test_own_script_scene_location_cast() -> None:
    _doc, _layout, b = _bd(OWN)
    assert [s.scene for s in b.scenes] == ["1", "2", "3"]
    assert [s.location for s in b.scenes] == ["KITCHEN", "GARDEN", "KITCHEN"]
    assert [s.day_night for s in b.scenes] == ["D", "N", "N"]  # CONTINUOUS keeps night
    assert all(s.eighths >= 1 for s in b.scenes)
    kitchen = next(r for r in b.locations if r.location == "KITCHEN")
    assert kitchen.scene_count == 2 and kitchen.scenes == ["1", "3"] and kitchen.interior == 2
    assert sum(r.scene_count for r in b.locations) == len(b.scenes)
    anna, ben = b.cast[0], b.cast[1]
    assert (anna.name, anna.cast_id, anna.scene_count, anna.speeches) == ("ANNA", 1, 3, 3)
    assert (ben.name, ben.cast_id, ben.scene_count) == ("BEN", 2, 2)
    assert b.scenes[1].cast_ids == [1]
    assert anna.words == len("You're up early. Ben? Are you out here? Don't do that.".split())


def test_formats_parse_back() -> None:
    _doc, _layout, b = _bd(OWN)
    rows = list(csv.reader(io.StringIO(render_csv(b, "scenes"))))
    assert rows[0][:3] == ["Sc.", "I/E", "Location"] and len(rows) == 4
    data = json.loads(render_json(b, "cast"))
    assert [r["name"] for r in data["rows"]] == ["ANNA", "BEN"]
    page = lxml_html.fromstring(render_html(b, "locations"))
    assert page.xpath("//table[@class='grid']")
    on = page.xpath("//table[@class='grid']//td[@class='on']")
    assert len(on) == 3 + 2  # ANNA in 3 scenes, BEN in 2


def test_hostile_names_are_escaped_in_html() -> None:
    _doc, _layout, b = _bd("INT. <SCRIPT> - DAY\n\n@<b>Eve</b>\nHi & bye.\n")
    out = render_html(b, "cast")
    assert "<b>Eve</b>" not in out and "&lt;b&gt;Eve&lt;/b&gt;" in out
    assert "<SCRIPT>" not in out


def test_big_fish_eighths_add_up_per_page() -> None:
    src = shared_path("corpus", "fountain", "spec-samples", "Big-Fish.fountain")
    doc = parse_fountain(read_text(src))
    layout = paginate(doc, load_profile("letter", "shooting"))
    b = breakdown(doc, layout)
    rows_cap = layout.profile.body_rows
    per_page: dict[int, int] = {}
    boundaries: dict[int, int] = {}
    for span in layout.scenes:
        total = 0
        for page, rows in span.rows_by_page.items():
            e = max(1, int(8 * rows / rows_cap + 0.5))  # the standard's round-half-up rule
            per_page[page] = per_page.get(page, 0) + e
            boundaries[page] = boundaries.get(page, 0) + 1
            total += e
        assert total == span.eighths, span
    checked = 0
    for page in layout.pages[:-1]:
        used = sum(span.rows_by_page.get(page.number, 0) for span in layout.scenes)
        if used < rows_cap - 6 or page.number not in per_page:
            continue  # not a full page (a forced break or a block pushed over)
        slack = boundaries[page.number]
        assert abs(per_page[page.number] - 8) <= slack, (page.number, per_page[page.number])
        checked += 1
    assert checked > 50
    # Scene counts per location add up to the scene total; cast IDs are 1..n.
    assert sum(r.scene_count for r in b.locations) == len(b.scenes) == len(doc.scenes())
    assert [c.cast_id for c in b.cast] == list(range(1, len(b.cast) + 1))
    assert b.cast[0].name == "EDWARD"
    # Start pages are the pages the scenes' headings are printed on.
    for s, span in zip(b.scenes, layout.scenes):
        page = layout.pages[span.first_page - 1]
        assert any(ln.kind == "heading" and ln.scene == span.index for ln in page.lines)


def test_report_cli_kinds_and_formats(tmp_path: Path) -> None:
    src = tmp_path / "two.fountain"
    src.write_text(OWN, encoding="utf-8")
    r = runner.invoke(app, ["report", str(src), "--kind", "locations"])
    assert r.exit_code == 0 and "KITCHEN" in r.stdout and "2 locations" in r.stdout
    out = tmp_path / "cast.csv"
    r = runner.invoke(app, ["report", str(src), "--kind", "cast", "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text().startswith("ID,Character")
    r = runner.invoke(app, ["report", str(src), "--kind", "props"])
    assert r.exit_code == 2 and "unknown report kind" in r.output
    r = runner.invoke(app, ["report", str(tmp_path / "missing.fountain")])
    assert r.exit_code == 2 and "no such file" in r.output
