"""Revisions, locks, sides, watermarks and header/footer fields, unit by unit."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain
from screenplay.layout import load_profile
from screenplay.locking import _new_scene_numbers, read_lock
from screenplay.production import fill_fields, parse_scene_list, production_layout
from screenplay.revisions import (COLOR_SEQUENCE, MAGIC, RevisionState, next_colour,
                                  read_state, revise, units, with_block)
from toolchain.cli import app

runner = CliRunner()

OLD = """Title: Small Hours
Draft: Shooting Draft

INT. KITCHEN - NIGHT

Ada fills the kettle.

ADA
Nobody sleeps in this house.

BEN
(yawning)
Then nobody complains.

EXT. GARDEN - NIGHT

The gate swings open.

INT. HALL - NIGHT

Ben locks the door twice.
"""


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_diff_is_element_by_element() -> None:
    new = _edit(OLD, "Then nobody complains.", "Then nobody complains. Ever.")
    new = _edit(new, "The gate swings open.\n\n", "")
    state, summary = revise(parse_fountain(OLD), parse_fountain(new), "Blue", "2026-12-06")
    assert (summary.changed, summary.added, summary.removed) == (1, 0, 1)
    doc = parse_fountain(new)
    marked = {u.key[:1] + "".join(r for r in u.key if r.isalpha())[:12]: state.marks.get(u.fp)
              for u in units(doc)}
    assert sum(1 for m in state.marks.values() if m[1]) == 1      # the changed dialogue
    assert sum(1 for m in state.marks.values() if not m[1]) == 1  # where the action was cut
    assert marked  # every unit was named
    # Unchanged text gives no marks at all.
    same, s2 = revise(parse_fountain(OLD), parse_fountain(OLD), "Blue", "2026-12-06")
    assert same.marks == {} and (s2.changed, s2.added, s2.removed) == (0, 0, 0)


def test_state_round_trips_through_the_fountain_writer_and_fdx() -> None:
    from screenplay.fdx import read_fdx, write_fdx
    new = _edit(OLD, "Nobody sleeps", "Nobody ever sleeps")
    state, _ = revise(parse_fountain(OLD), parse_fountain(new), "Blue", "2026-12-06")
    doc = with_block(parse_fountain(new), MAGIC, state.to_text())
    for back in (parse_fountain(write_fountain(doc)), read_fdx(write_fdx(doc))):
        got = read_state(back)
        assert got is not None
        assert got.history == [("Blue", "2026-12-06")] and got.marks == state.marks


def test_colour_sequence_and_second_rounds() -> None:
    assert next_colour(None) == "Blue"
    st = RevisionState([(c, "2026-01-01") for c in COLOR_SEQUENCE[1:]])
    assert next_colour(st) == "2nd White"
    st.history.append(("2nd White", "2026-02-01"))
    assert next_colour(st) == "2nd Blue"
    custom = ("White", "Blue", "Green")
    assert next_colour(RevisionState([("Blue", "x")], sequence=custom), custom) == "Green"
    assert RevisionState.from_text(RevisionState(sequence=custom).to_text()).sequence == custom


def test_earlier_marks_keep_their_colour(tmp_path: Path) -> None:
    old, new = tmp_path / "old.fountain", tmp_path / "new.fountain"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(_edit(OLD, "Nobody sleeps", "Nobody ever sleeps"), encoding="utf-8")
    r = run("revise", str(old), str(new), "--date", "2026-12-06", "--pdf", str(tmp_path / "b.pdf"))
    assert r.exit_code == 0, r.output and "Blue revision" in r.output
    blue = new.read_text(encoding="utf-8")
    old.write_text(blue, encoding="utf-8")
    new.write_text(_edit(blue, "Ben locks the door twice.", "Ben locks the door once."),
                   encoding="utf-8")
    r = run("revise", str(old), str(new), "--date", "2026-12-09", "--pdf", str(tmp_path / "p.pdf"))
    assert r.exit_code == 0, r.output
    assert "Pink revision" in r.output
    state = read_state(parse_fountain(new.read_text(encoding="utf-8")))
    assert state is not None
    assert state.history == [("Blue", "2026-12-06"), ("Pink", "2026-12-09")]
    assert sorted(c for c, _ in state.marks.values()) == ["Blue", "Pink"]
    # Only the revision block changed in the person's file; their text is theirs.
    assert new.read_text(encoding="utf-8").startswith(
        _edit(blue, "Ben locks the door twice.", "Ben locks the door once.").split("/*")[0]
        .rstrip())
    # One page, with marks of both colours: the header names the newest.
    doc = parse_fountain(new.read_text(encoding="utf-8"))
    layout = production_layout(doc, load_profile("letter", "shooting"))
    heads = [ln.text for p in layout.pages for ln in p.lines if ln.kind == "revision-header"]
    assert heads == ["Pink Rev. 12/09/26"]
    marks = [ln for p in layout.pages for ln in p.lines if ln.kind == "revision-mark"]
    assert len(marks) == 2 and all(ln.x == 7.75 for ln in marks)
    history = [ln.text for ln in layout.title_page or [] if "Rev." in ln.text]
    assert history == ["Blue Rev. 12/06/26", "Pink Rev. 12/09/26"]
    # The HTML draws the same marks beside the same rows, and the header above its page.
    html = tmp_path / "p.html"
    r = run("render", str(new), "--mode", "shooting", "--html", str(html))
    assert r.exit_code == 0, r.output
    page = html.read_text(encoding="utf-8")
    assert page.count('class="rev"') == 2 and "Pink Rev. 12/09/26" in page
    from lxml import etree
    etree.fromstring(page.split("<!DOCTYPE html>\n", 1)[1].encode("utf-8"))  # well-formed


def test_revise_refuses_bad_input(tmp_path: Path) -> None:
    old, new = tmp_path / "old.fountain", tmp_path / "new.fountain"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(OLD, encoding="utf-8")
    r = run("revise", str(old), str(new), "--date", "06/12/2026")
    assert r.exit_code == 2 and "not a date" in r.output
    assert new.read_text(encoding="utf-8") == OLD         # nothing written
    fdx = tmp_path / "new.fdx"
    r = run("convert", str(new), "--to", "fdx", "-o", str(fdx))
    assert r.exit_code == 0
    r = run("revise", str(old), str(fdx))
    assert r.exit_code == 2 and "Fountain" in r.output
    fdx.write_text(fdx.read_text(encoding="utf-8").replace("Nobody sleeps", "Nobody ever sleeps"),
                   encoding="utf-8")
    r = run("revise", str(old), str(fdx), "-o", str(fdx))
    assert r.exit_code == 1 and "overwrite" in r.output
    out = tmp_path / "revised.fdx"
    r = run("revise", str(old), str(fdx), "-o", str(out), "--date", "2026-12-06",
            "--pdf", str(tmp_path / "r.pdf"))
    assert r.exit_code == 0, r.output
    assert 'RevisionID="1"' in out.read_text(encoding="utf-8")
    state = read_state(parse_fountain(run("convert", str(out), "--to", "fountain", "-o", "-")
                                      .output))
    assert state is not None and len(state.marks) == 1
    r = run("revise", str(old), str(tmp_path / "missing.fountain"))
    assert r.exit_code == 2
    binary = tmp_path / "bin.fountain"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    r = run("revise", str(old), str(binary))
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_lock_unlock_and_scene_styles(tmp_path: Path) -> None:
    f = tmp_path / "s.fountain"
    f.write_text(OLD, encoding="utf-8")
    r = run("lock", str(f))
    assert r.exit_code == 0, r.output
    text = f.read_text(encoding="utf-8")
    assert "INT. KITCHEN - NIGHT #1#" in text and "INT. HALL - NIGHT #3#" in text
    lock = read_lock(parse_fountain(text))
    assert lock is not None and lock.scenes == ["1", "2", "3"] and lock.pages[0].label == "1"
    assert run("lock", str(f)).exit_code == 1            # already locked
    # A new scene between 1 and 2 is 1A; the cut scene 2 prints OMITTED in place.
    edited = _edit(text, "EXT. GARDEN - NIGHT #2#\n\nThe gate swings open.\n\n",
                   "INT. PANTRY - NIGHT\n\nA mouse.\n\n")
    f.write_text(edited, encoding="utf-8")
    layout = production_layout(parse_fountain(edited), load_profile("letter", "shooting"))
    heads = [(ln.text, [x.text for x in p.lines if x.kind == "scene-number" and x.row == ln.row])
             for p in layout.pages for ln in p.lines if ln.kind == "heading"]
    assert [h for h, _ in heads] == ["INT. KITCHEN - NIGHT", "INT. PANTRY - NIGHT", "OMITTED",
                                     "INT. HALL - NIGHT"]
    assert [n[0] for _, n in heads] == ["1", "1A", "2", "3"]
    # Unlock renumbers: the numbers and the record are gone, the text is the person's.
    r = run("lock", "--unlock", str(f))
    assert r.exit_code == 0, r.output
    back = f.read_text(encoding="utf-8")
    assert "#" not in back and "screenplay-lock" not in back
    assert back.strip() == _edit(OLD, "EXT. GARDEN - NIGHT\n\nThe gate swings open.\n\n",
                                 "INT. PANTRY - NIGHT\n\nA mouse.\n\n").strip()
    assert run("lock", "--unlock", str(f)).exit_code == 1   # not locked
    assert _new_scene_numbers(["45", None, None, "46"], "suffix") == ["45", "45A", "45B", "46"]
    assert _new_scene_numbers(["45", None, None, "46"], "prefix") == ["45", "A46", "B46", "46"]
    assert _new_scene_numbers([None, "1"], "suffix") == ["A1", "1"]


def test_lock_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    f = tmp_path / "s.json"
    f.write_text("{}", encoding="utf-8")
    r = run("lock", str(f))
    assert r.exit_code == 2 and "Fountain" in r.output
    g = tmp_path / "s.fountain"
    g.write_text(OLD, encoding="utf-8")
    e = tmp_path / "empty.fountain"
    e.write_text("Title: Nothing yet\n", encoding="utf-8")
    r = run("lock", str(e))
    assert r.exit_code == 1 and "nothing to lock" in r.output
    assert e.read_text(encoding="utf-8") == "Title: Nothing yet\n"
    r = run("lock", str(g), "--scene-style", "sideways")
    assert r.exit_code == 2 and "scene style" in r.output
    assert g.read_text(encoding="utf-8") == OLD


def test_sides_keep_original_numbers(tmp_path: Path) -> None:
    f = tmp_path / "s.fountain"
    f.write_text(OLD, encoding="utf-8")
    assert run("lock", str(f)).exit_code == 0
    doc = parse_fountain(f.read_text(encoding="utf-8"))
    layout = production_layout(doc, load_profile("letter", "shooting"), scenes="3")
    kept = [ln.text for p in layout.pages for ln in p.lines if ln.kind == "heading"]
    assert kept == ["INT. HALL - NIGHT"]
    nums = {ln.text for p in layout.pages for ln in p.lines if ln.kind == "scene-number"}
    assert nums == {"3"} and layout.title_page is None
    by_char = production_layout(doc, load_profile("letter", "shooting"), character="ben")
    assert {s.number for s in by_char.scenes} == {"1", "3"}   # speaks in 1, named in 3
    assert parse_scene_list("12, 14-16,45A") == [("12", "12"), ("14", "16"), ("45A", "45A")]
    r = run("render", str(f), "--mode", "shooting", "--scenes", "9", "--pdf",
            str(tmp_path / "x.pdf"))
    assert r.exit_code == 2 and "no scene matches" in r.output
    r = run("render", str(f), "--scenes", "1-x", "--pdf", str(tmp_path / "x.pdf"))
    assert r.exit_code == 2
    r = run("render", str(f), "--mode", "shooting", "--scenes", "3", "--html",
            str(tmp_path / "x.html"))
    assert r.exit_code == 0, r.output
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "INT. HALL - NIGHT" in page and "KITCHEN" not in page and "GARDEN" not in page
    r = run("render", str(f), "--mode", "shooting", "--scenes", "2-3", "--pdf",
            str(tmp_path / "sides.pdf"))
    assert r.exit_code == 0, r.output
    import pypdf
    text = pypdf.PdfReader(str(tmp_path / "sides.pdf")).pages[0].extract_text()
    assert "GARDEN" in text and "HALL" in text and "KITCHEN" not in text


def test_watermark_header_and_footer(tmp_path: Path) -> None:
    f = tmp_path / "s.fountain"
    f.write_text(OLD + "\n===\n\nINT. ATTIC - NIGHT\n\nDust.\n", encoding="utf-8")
    pdf, html = tmp_path / "w.pdf", tmp_path / "w.html"
    r = run("render", str(f), "--pdf", str(pdf), "--html", str(html), "--watermark",
            "COPY FOR ANNE", "--header", "{title} / {draft}", "--footer", "page {page} - {date}")
    assert r.exit_code == 0, r.output
    import pypdf
    pages = pypdf.PdfReader(str(pdf)).pages
    assert len(pages) == 3
    for p in pages[1:]:
        t = p.extract_text()
        assert "COPY FOR ANNE" in t and "Small Hours / Shooting Draft" in t
    assert "page 2 -" in pages[2].extract_text()
    page = html.read_text(encoding="utf-8")
    assert page.count('class="watermark"') == 1 and "COPY FOR ANNE" in page
    assert "position: fixed" in page and "page 2 -" not in page    # no footer in HTML
    assert fill_fields("{Title}: {page}", {"title": "T"}, "12A") == "T: 12A"
    r = run("render", str(f), "--header", "{author}", "--pdf", str(pdf))
    assert r.exit_code == 2 and "unknown field" in r.output
    r = run("render", str(f), "--watermark", "   ", "--pdf", str(pdf))
    assert r.exit_code == 2


def test_plain_render_is_untouched_by_production_code() -> None:
    from screenplay.layout import paginate
    doc = parse_fountain(OLD)
    a = paginate(doc, load_profile("letter", "shooting"))
    b = production_layout(doc, load_profile("letter", "shooting"))
    assert [[tuple(ln) for ln in p.lines] for p in a.pages] == \
        [[tuple(ln) for ln in p.lines] for p in b.pages]


@pytest.mark.parametrize("colour", ["pink", "GOLDENROD"])
def test_colour_names_are_normalised(tmp_path: Path, colour: str) -> None:
    old, new = tmp_path / "old.fountain", tmp_path / "new.fountain"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(OLD + "\nINT. ROOF - DAY\n\nWind.\n", encoding="utf-8")
    r = run("revise", str(old), str(new), "--color", colour, "--date", "2026-12-06",
            "--pdf", str(tmp_path / "r.pdf"))
    assert r.exit_code == 0, r.output
    state = read_state(parse_fountain(new.read_text(encoding="utf-8")))
    assert state is not None and state.history[0][0] == colour.capitalize()


def test_scene_report_has_revision_colour_and_locked_page(tmp_path: Path) -> None:
    import json
    f, old = tmp_path / "s.fountain", tmp_path / "old.fountain"
    f.write_text(OLD, encoding="utf-8")
    assert run("lock", str(f)).exit_code == 0
    old.write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    f.write_text(_edit(old.read_text(encoding="utf-8"), "Ben locks the door twice.",
                       "Ben locks the door once."), encoding="utf-8")
    assert run("revise", str(old), str(f), "--color", "yellow", "--date", "2026-12-06",
               "--pdf", str(tmp_path / "y.pdf")).exit_code == 0
    r = run("report", str(f), "--kind", "scenes", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)["rows"]
    assert [(x["scene"], x["revision"], x["locked_page"]) for x in rows] == [
        ("1", "", "1"), ("2", "", "1"), ("3", "Yellow", "1")]
    text = run("report", str(f), "--kind", "scenes").output
    assert "Locked pg." in text and "Rev." in text and "Yellow" in text
    # An ordinary script's report has neither column.
    g = tmp_path / "plain.fountain"
    g.write_text(OLD, encoding="utf-8")
    plain_text = run("report", str(g), "--kind", "scenes").output
    assert "Locked pg." not in plain_text and "Rev." not in plain_text


def test_damaged_state_blocks_never_crash() -> None:
    """Whatever a person (or a merge) leaves in the blocks, render and FDX still work."""
    import random

    from screenplay.formats import WRITERS
    from screenplay.production import production_view
    base = OLD * 3
    rng = random.Random(17)
    words = ["page", "page 1 +:", "page :", "scenes:", "mark:", "omitted:", "history:",
             "sequence:", "@", "|", "^", ":", "+", "1", "12A", "-", "profile: a5 spec",
             "profile: letter shooting", "scene-style: prefix", "abc.1", "\n", "Blue", "0"]
    for _ in range(40):
        blocks = []
        for magic in ("screenplay-lock 1", "screenplay-revisions 1"):
            if rng.random() < 0.8:
                junk = "".join(rng.choice(words) + rng.choice([" ", "\n", ""])
                               for _ in range(rng.randint(0, 40)))
                blocks.append(f"/* {magic}\n{junk}\n*/")
        doc = parse_fountain(base + "\n\n" + "\n\n".join(blocks) + "\n")
        for mode in ("shooting", "spec"):
            layout, laid = production_view(doc, load_profile("letter", mode))
            assert layout.pages and laid.body
        WRITERS["fdx"](doc)


def test_lock_keeps_windows_line_endings(tmp_path: Path) -> None:
    f = tmp_path / "crlf.fountain"
    f.write_bytes(OLD.replace("\n", "\r\n").encode("utf-8"))
    assert run("lock", str(f)).exit_code == 0
    data = f.read_bytes()
    assert b"INT. KITCHEN - NIGHT #1#\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")
    assert run("lock", "--unlock", str(f)).exit_code == 0
    assert f.read_bytes().rstrip() == OLD.replace("\n", "\r\n").encode("utf-8").rstrip()


def test_build_applies_the_lock_and_the_revision(tmp_path: Path) -> None:
    f, old = tmp_path / "s.fountain", tmp_path / "old.fountain"
    f.write_text(OLD, encoding="utf-8")
    assert run("lock", str(f)).exit_code == 0
    old.write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    f.write_text(_edit(old.read_text(encoding="utf-8"), "EXT. GARDEN - NIGHT #2#\n\n"
                       "The gate swings open.\n\n", ""), encoding="utf-8")
    assert run("revise", str(old), str(f), "--date", "2026-12-06",
               "--pdf", str(tmp_path / "r.pdf")).exit_code == 0
    r = run("build", str(f), "--out-dir", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    import pypdf
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "out" / "s.pdf")).pages)
    assert "OMITTED" in text and "Blue Rev. 12/06/26" in text
    assert "OMITTED" in (tmp_path / "out" / "s.html").read_text(encoding="utf-8")


def test_only_rows_with_changed_words_are_marked() -> None:
    long = ("The tide does not wait for anyone. I counted them twice and then a third time. "
            "You kept the key all this time and never said a word about the boathouse.")
    old = OLD.replace("Nobody sleeps in this house.", long)
    new = old.replace("a third time", "a fourth time")
    state, _ = revise(parse_fountain(old), parse_fountain(new), "Blue", "2026-12-06")
    doc = with_block(parse_fountain(new), MAGIC, state.to_text())
    assert read_state(parse_fountain(write_fountain(doc))).spans == state.spans  # type: ignore
    layout = production_layout(doc, load_profile("letter", "shooting"))
    page = layout.pages[0]
    marked = {ln.row for ln in page.lines if ln.kind == "revision-mark"}
    rows = {ln.row: ln.text for ln in page.lines if ln.kind == "dialogue"}
    assert len([r for r in rows if "anyone" in rows[r] or "boathouse" in rows[r]
                or "fourth" in rows[r]]) >= 3
    assert marked and all("fourth" in rows[r] or "third" in rows[r] for r in marked
                          if r in rows)
    assert len(marked) == sum(1 for t in rows.values() if "fourth" in t)
