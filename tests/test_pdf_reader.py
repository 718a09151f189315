"""Reading screenplay PDFs back (issue 14), scored against the documents they came from."""
from __future__ import annotations

import io
import os
import random
import subprocess
import sys

import pytest

from screenplay.errors import InputError
from screenplay.formats import read_document
from screenplay.fountain_reader import parse_fountain
from screenplay.layout import paginate
from screenplay.model import BOLD, ITALIC, UNDERLINE, Centered, SceneHeading, Speech, Transition
from screenplay.pdf_reader import read_pdf_bytes
from screenplay.pdf_writer import render_pdf

from .conftest import CORPUS, ROOT, corpus_params, shared_path
from .pdf_score import diff, emphasis, f1, headings, report, speeches

#: A script written for these tests: every element the importer recovers, and a
#: speech long enough to be split across a page break with (MORE)/(CONT'D).
_LONG = " ".join(f"Sentence number {k} of a speech that will not fit on one page." for k in
                 range(60))
SCRIPT = f"""Title: The Importer Test
Credit: written by
Author: A. Tester
Draft date: 1 May 2026

INT. WORKSHOP - NIGHT

A bench covered in parts. **Bold words**, *italic words* and _underlined words_ here.

MARA
(quietly)
Hand me the wrench.

JONAS (V.O.)
Which one? There are three.

MARA
The big one.

.A FORCED HEADING

Rain on the window.

BOB
Left side.

ALICE ^
Right side.

> THE END OF PART ONE <

CUT TO:

EXT. YARD - DAY

JONAS
{_LONG}

The yard is quiet again.
"""


def _doc():
    return parse_fountain(SCRIPT)


@pytest.fixture(scope="module", params=[("letter", "spec"), ("a4", "shooting")])
def own(request):
    paper, mode = request.param
    doc = _doc()
    return doc, read_pdf_bytes(render_pdf(doc, paper=paper, mode=mode)), paper, mode


def test_own_fixture_units_speeches_headings(own):
    truth, got, paper, mode = own
    assert f1(truth, got) >= 0.98, diff(truth, got)
    s, st = speeches(truth, got)
    assert s == st, diff(truth, got)
    h, ht = headings(truth, got)
    assert h == ht, diff(truth, got)


def test_own_fixture_joins_the_split_speech_and_keeps_emphasis(own):
    truth, got, paper, mode = own
    long = [sp for sp in got.speeches() if sp.character.name == "JONAS"][-1]
    assert len(long.parts) == 1 and "Sentence number 59" in "".join(
        r.text for r in long.parts[0].text), "the (MORE) split was not joined"
    assert "CONT'D" not in long.character.extensions
    styles = {r.text.strip(): r.style for el in got.body if not isinstance(el, Speech)
              for r in getattr(el, "text", ()) if hasattr(r, "style")}
    assert styles.get("Bold words") == BOLD
    assert styles.get("italic words") == ITALIC
    assert styles.get("underlined words") == UNDERLINE


def test_own_fixture_recovers_dual_centred_transition_forced_title(own):
    truth, got, paper, mode = own
    duals = [sp for sp in got.speeches() if sp.character.dual]
    assert [d.character.name for d in duals] == ["ALICE"]
    assert any(isinstance(e, Centered) for e in got.body)
    assert any(isinstance(e, Transition) and "CUT TO:" in str(e.text) for e in got.body)
    forced = [h for h in got.body if isinstance(h, SceneHeading) and h.forced]
    assert len(forced) == 1
    assert got.title and "IMPORTER TEST" in got.title.upper()
    keys = {f.key: " ".join(r.text for v in f.values for r in v) for f in got.title_page}
    assert keys.get("Credit") == "written by" and keys.get("Author") == "A. Tester"
    assert keys.get("Draft date") == "1 May 2026"
    if mode == "shooting":
        nums = [h.number for h in got.body if isinstance(h, SceneHeading)]
        assert nums == ["1", "2", "3"]


def test_round_trip_gives_the_same_pages():
    """Our PDF -> import -> render again: same page count and the same page breaks."""
    doc = _doc()
    first = paginate(doc)
    again = paginate(read_pdf_bytes(render_pdf(doc)))
    assert len(again.pages) == len(first.pages)

    def starts(lay) -> list[str]:
        return [" ".join("".join(r.text for r in pg.lines[0].runs).split())[:30]
                for pg in lay.pages if pg.lines]
    assert starts(again) == starts(first)


# -- errors: one line, exit 2, never a traceback --------------------------------------
def test_not_a_pdf_and_truncated():
    data = render_pdf(_doc())
    with pytest.raises(InputError, match="PDF"):
        read_pdf_bytes(b"%PDF-1.4\nnothing else")
    with pytest.raises(InputError):
        read_pdf_bytes(data[: len(data) // 3])


def test_damaged_bytes_give_input_error_or_a_document():
    data = bytearray(render_pdf(_doc()))
    rng = random.Random(14)
    for _ in range(40):
        bad = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            bad[rng.randrange(len(bad))] = rng.randrange(256)
        try:
            read_pdf_bytes(bytes(bad))
        except InputError as e:
            assert "\n" not in str(e)


def test_no_text_layer():
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match="no text layer: run OCR first"):
        read_pdf_bytes(buf.getvalue())


def _encrypted(user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(render_pdf(_doc()))))
    w.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def test_owner_password_imports_user_password_needs_it():
    assert read_pdf_bytes(_encrypted("", "owner-secret")).title
    locked = _encrypted("open-me", "owner-secret")
    with pytest.raises(InputError, match="--password"):
        read_pdf_bytes(locked)
    with pytest.raises(InputError, match="wrong PDF password"):
        read_pdf_bytes(locked, password="nope")
    assert read_pdf_bytes(locked, password="open-me").title


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolchain", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120)


def test_cli_convert_check_and_errors(tmp_path):
    pdf = tmp_path / "script.pdf"
    pdf.write_bytes(render_pdf(_doc()))
    r = _cli("convert", str(pdf), "--to", "fountain", "-o", "-")
    assert r.returncode == 0, r.stderr
    assert "INT. WORKSHOP - NIGHT" in r.stdout
    r = _cli("check", str(pdf))
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
    # a PDF under another name is recognised by its %PDF- magic, not called binary
    other = tmp_path / "script.fountain"
    other.write_bytes(pdf.read_bytes())
    r = _cli("convert", str(other), "--to", "json", "-o", str(tmp_path / "o.json"))
    assert r.returncode == 0, r.stderr
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(pdf.read_bytes()[:500])
    r = _cli("convert", str(bad), "--to", "fountain", "-o", "-")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted("pw", "owner"))
    r = _cli("convert", str(locked), "--to", "fountain", "-o", "-")
    assert r.returncode == 2 and "--password" in r.stderr
    r = _cli("convert", str(locked), "--to", "fountain", "-o", "-", "--password", "pw")
    assert r.returncode == 0, r.stderr


# -- the corpus (../shared) --------------------------------------------------------------
def test_final_draft_reference():
    folder = shared_path("corpus", "fountain", "final-draft-reference")
    truth = read_document(folder / "big-fish-excerpt-scene-numbers.finaldraft11.fdx")
    got = read_document(folder / "big-fish-excerpt-scene-numbers.finaldraft11.pdf")
    assert f1(truth, got) >= 0.99, report(truth, got) + "\n" + diff(truth, got)
    assert speeches(truth, got) == (33, 33), report(truth, got)
    assert headings(truth, got) == (7, 7), report(truth, got)


@pytest.mark.parametrize("path", corpus_params("spec-samples/*.fountain"))
@pytest.mark.parametrize("paper,mode", [("letter", "spec"), ("a4", "spec"),
                                        ("letter", "shooting"), ("a4", "shooting")])
def test_corpus_rendered_by_us(path, paper, mode, tmp_path):
    truth = read_document(path)
    pdf = tmp_path / "script.pdf"
    pdf.write_bytes(render_pdf(truth, paper=paper, mode=mode))
    got = read_document(pdf)
    assert f1(truth, got) >= 0.98, report(truth, got) + "\n" + diff(truth, got)
    s, st = speeches(truth, got)
    assert s >= 0.99 * st, report(truth, got)
    h, ht = headings(truth, got)
    ie = sum(1 for e in truth.body if isinstance(e, SceneHeading) and e.int_ext)
    assert h >= ie, report(truth, got)


@pytest.mark.parametrize("path", corpus_params("peer-pdfs/*.pdf"))
def test_peer_pdfs(path):
    stem = path.name.split(".")[0]
    truth = read_document(CORPUS / "spec-samples" / f"{stem}.fountain")
    got = read_document(path)
    assert f1(truth, got) >= 0.93, report(truth, got) + "\n" + diff(truth, got)


def test_emphasis_metric_counts_styles():
    truth = parse_fountain("Some **bold** text.\n")
    assert emphasis(truth, truth) == (1, 1)


def test_progress_bar_only_for_long_pdfs():
    from rich.console import Console

    from toolchain.pdf_progress import PageBar
    out = io.StringIO()
    bar = PageBar(Console(file=out, force_terminal=True, width=60))
    for k in range(1, 6):
        bar(k, 5)
    assert out.getvalue() == ""
    calls = []
    doc = _doc()
    long = parse_fountain(SCRIPT + "\n".join(f"\nINT. ROOM {k} - DAY\n\nWords.\n\n===\n" for k in
                                              range(60)))
    data = render_pdf(long)
    read_pdf_bytes(data, progress=lambda d, t: calls.append((d, t)))
    total = calls[-1][1]
    assert total > 20 and calls[-1] == (total, total) and len(calls) == total
    for d, t in calls:
        bar(d, t)
    assert "reading PDF" in out.getvalue()
    assert doc.title  # the short script is untouched


def test_revision_asterisks_dropped_and_counted():
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Courier", 12)
    rows = [(108, "INT. HALL - DAY"), (108, ""), (108, "A revised line of action here."),
            (108, ""), (252, "ANNA"), (180, "A revised speech."), (108, ""),
            (108, "Another line of action.")]
    y = 720
    for x, text in rows:
        if text:
            c.drawString(x, y, text)
        if "revised" in text:
            c.drawString(7.6 * 72, y, "*")
        y -= 12
    c.showPage()
    c.save()
    doc = read_pdf_bytes(buf.getvalue())
    printed = " ".join(str(e) for e in doc.body)
    assert "*" not in printed
    assert [d.rule for d in doc.diagnostics] == ["pdf-revision-marks"]
    assert "2 revision mark" in doc.diagnostics[0].message
    assert isinstance(doc.body[0], SceneHeading)
    assert [sp.character.name for sp in doc.speeches()] == ["ANNA"]


def test_build_refuses_to_overwrite_its_pdf_input(tmp_path):
    pdf = tmp_path / "script.pdf"
    data = render_pdf(_doc())
    pdf.write_bytes(data)
    r = _cli("build", str(pdf), "--out-dir", str(tmp_path))
    assert r.returncode != 0 and "overwrite" in r.stderr
    assert pdf.read_bytes() == data


def _page_starts(lay) -> list[str]:
    return [" ".join("".join(r.text for r in pg.lines[0].runs).split()) if pg.lines else ""
            for pg in lay.pages]


@pytest.mark.parametrize("path", corpus_params("spec-samples/*.fountain"))
@pytest.mark.parametrize("paper,mode", [("letter", "spec"), ("a4", "shooting")])
def test_corpus_round_trip_keeps_pages(path, paper, mode):
    """Our PDF -> import -> render again: the same page count and (nearly) the same breaks.

    Known difference (README): an action paragraph the page break split at a
    hard line break may be laid whole, moving one or two breaks in Big Fish.
    """
    from screenplay.layout import load_profile
    from screenplay.pdf_writer import render_layout
    doc = read_document(path)
    prof = load_profile(paper, mode)
    first = paginate(doc, prof)
    again = paginate(read_pdf_bytes(render_layout(doc, first, lambda m: None)), prof)
    assert len(again.pages) == len(first.pages)
    a, b = _page_starts(first), _page_starts(again)
    moved = [k + 1 for k, (x, y) in enumerate(zip(a, b)) if x != y]
    assert len(moved) <= max(0, len(a) // 50), f"pages starting differently: {moved}"


def _typed_pdf(font: str, pagesize, origin: tuple[float, float] = (0, 0)) -> bytes:
    """A page typed at Final Draft's indents in any font, the page box anywhere."""
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    w, h = pagesize
    c = canvas.Canvas(buf, pagesize=(w + origin[0], h + origin[1]))
    if origin != (0, 0):  # the printed page is a crop box away from the sheet's corner
        c.setCropBox((origin[0], origin[1], origin[0] + w, origin[1] + h))
    c.setFont(font, 12)
    rows = ["INT. LIBRARY - NIGHT", "", "Dust in the lamplight. A clock ticks somewhere.", "",
            (252, "ROSA"), (216, "(whispering)"), (180, "Is anybody there?"), "",
            "Silence. She waits.", "", (252, "ROSA"), (180, "Thought so."), "",
            (None, "CUT TO:"), "", "EXT. STREET - DAY", "", "Rain."]
    y = h - 72
    for row in rows:
        if isinstance(row, tuple):
            x, text = row
            if x is None:
                c.drawRightString(origin[0] + 7.1 * 72, origin[1] + y, text)
            else:
                c.drawString(origin[0] + x, origin[1] + y, text)
        elif row:
            c.drawString(origin[0] + 108, origin[1] + y, row)
        y -= 12
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("font", ["Courier", "Times-Roman", "Helvetica"])
@pytest.mark.parametrize("paper,origin", [("letter", (0, 0)), ("a4", (0, 0)),
                                          ("letter", (36, 50))])
def test_any_font_paper_and_page_box(font, paper, origin):
    from reportlab.lib.pagesizes import A4, letter
    doc = read_pdf_bytes(_typed_pdf(font, letter if paper == "letter" else A4, origin))
    kinds = [type(e).__name__ for e in doc.body]
    assert kinds == ["SceneHeading", "Action", "Speech", "Action", "Speech", "Transition",
                     "SceneHeading", "Action"], kinds
    first, second = doc.speeches()
    assert [type(p).__name__ for p in first.parts] == ["Parenthetical", "Dialogue"]
    assert second.character.name == "ROSA" and not second.character.extensions


def _scanned(angle: float) -> bytes:
    """Our fixture as a scan: pages rendered to 200 dpi images (tilted by ``angle``), no text."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(render_pdf(_doc()))
    images = [pdf[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
              for i in range(len(pdf))]
    if angle:
        images = [im.rotate(angle, fillcolor=255) for im in images]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return buf.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("angle", [0.0, 1.0])
def test_ocr_reads_a_scan_deskewed(angle):
    from screenplay.pdf_ocr import available
    if not available():
        pytest.skip("tesseract is not installed (Debian: tesseract-ocr)")
    data = _scanned(angle)
    with pytest.raises(InputError, match="no text layer"):
        read_pdf_bytes(data)
    truth = _doc()
    got = read_pdf_bytes(data, ocr=True)
    assert f1(truth, got) >= 0.95, report(truth, got) + "\n" + diff(truth, got)


@pytest.mark.slow
def test_cli_ocr_option(tmp_path):
    from screenplay.pdf_ocr import available
    if not available():
        pytest.skip("tesseract is not installed (Debian: tesseract-ocr)")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scanned(0.0))
    r = _cli("convert", str(scan), "--to", "fountain", "-o", "-")
    assert r.returncode == 2 and "no text layer: run OCR first (e.g. ocrmypdf)" in r.stderr
    r = _cli("convert", str(scan), "--to", "fountain", "-o", "-", "--ocr")
    assert r.returncode == 0, r.stderr
    assert "INT. WORKSHOP - NIGHT" in r.stdout


def test_doubled_spaces_survive_our_tightened_cell():
    """Our writer prints a 7.0 pt cell (Final Draft's), not Courier's 7.2 pt: the
    importer measures the document's cell, so spaces pdfium folds come back."""
    # The cell is measured over the document, most of whose rows (as in real
    # scripts) have no doubled space for pdfium to fold.
    plain = ("The light through the tall window falls on a half finished canvas, on "
             "brushes in jars and on a cold cup of coffee by the easel")
    action = ("Scott is painting.  Badly.  He turns to the easel again and frowns "
              "at the sky.  It is wrong.")
    lines = [plain] * 8 + [action] * 3
    src = "INT. STUDIO - DAY\n\n" + "\n\n".join(lines) + "\n\nSCOTT\nNo.  Not again.  Never.\n"
    doc = read_pdf_bytes(render_pdf(parse_fountain(src)))
    from screenplay.fountain_writer import write_fountain
    back = write_fountain(doc)
    assert back.count("Badly.  He") == 3 and back.count("sky.  It") == 3
    assert back.count("canvas, on brushes") == 8
    assert "No.  Not again.  Never." in back


def test_respacing_prefers_sentence_ends_over_abbreviations_and_brackets():
    from screenplay.pdf_text import _respace
    # one space was folded: it belongs after "legs.", not after "Dr."
    got = _respace("Young Dr. Bennett stands between the Wife's legs. She's", 55.6)
    assert got == "Young Dr. Bennett stands between the Wife's legs.  She's"
    # a bracket closing an age is no sentence end
    assert _respace("Will (6) sits down. He waits.", 29.6) == "Will (6) sits down.  He waits."
    # nothing folded: nothing added
    assert _respace("Go. Now.", 7.8) == "Go. Now."


def test_fade_in_opening_a_script_stays_action():
    """The first row of a script stands after no blank rows we can see; an
    all-capital "FADE IN:" there is the action Fountain reads it as, not a
    forced scene heading."""
    from screenplay.model import Action
    src = "FADE IN:\n\nEXT. PIER - DAWN\n\nGulls circle over the nets.\n"
    doc = read_pdf_bytes(render_pdf(parse_fountain(src)))
    first = doc.body[0]
    assert isinstance(first, Action) and "FADE IN:" in str(first.text)
    assert isinstance(doc.body[1], SceneHeading)


def test_title_underlined_by_the_page_comes_back_plain():
    """The title page prints every title in capitals and underlined; the rule is
    the page's style, so the imported title is not marked `_underlined_`."""
    src = "Title: The Pier\nAuthor: Ada Lune\n\nEXT. PIER - DAWN\n\nGulls circle.\n"
    doc = read_pdf_bytes(render_pdf(parse_fountain(src)))
    title = next(f for f in doc.title_page if f.key == "Title")
    runs = [r for line in title.values for r in line]
    assert "".join(r.text for r in runs) == "THE PIER"
    assert not any(r.style & UNDERLINE for r in runs)
