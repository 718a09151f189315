"""Benchmark PDF import, and pypdfium2 against pdfplumber for the text layer.

Input: Big Fish rendered by us (Letter, spec; about 125 pages) into a temporary
folder, plus any other PDF given with --pdf.  Figures:

* ``screenplay convert X.pdf --to fountain`` as a whole process (start-up
  included): median wall time and peak RSS over --runs runs (bench/common.py);
* the text layer alone, in a child process, with each backend: pypdfium2 (what
  the importer uses: the page's text objects) and pdfplumber (pdfminer.six:
  every character) -- seconds and peak MiB;
* accuracy with each backend: the same reader (``screenplay.pdf_reader``) fed
  pages built from either text layer, scored against the Fountain truth with
  the tests' scorer (tests/pdf_score.py).

    .venv/bin/python bench/bench_pdf_import.py --runs 5

A script, not a test: timings depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG_FISH, ROOT, SCREENPLAY, RunFailed, child_json, run_once

_LAYER = r"""
import json, sys, time
t = time.perf_counter()
backend, path = sys.argv[1], sys.argv[2]
if backend == "pypdfium2":
    from screenplay.pdf_text import read_pages
    pages = read_pages(open(path, "rb").read())
    n = sum(len(s.text) for p in pages for ln in p.lines for s in ln.segs)
else:
    sys.path.insert(0, sys.argv[3])
    from bench.bench_pdf_import import plumber_pages
    pages = plumber_pages(path)
    n = sum(len(s.text) for p in pages for ln in p.lines for s in ln.segs)
print(json.dumps({"seconds": time.perf_counter() - t, "chars": n, "pages": len(pages)}))
"""


def plumber_pages(path: str) -> list:
    """Pages in pdf_text's shape, from pdfplumber's characters (for comparison only)."""
    import pdfplumber

    from screenplay.model import BOLD, ITALIC
    from screenplay.pdf_text import Page, Seg, _lines
    pages = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            pieces = []
            for w in pg.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False,
                                      x_tolerance=1.5):
                name = w["fontname"].lower()
                style = (BOLD if "bold" in name else 0) | (
                    ITALIC if "italic" in name or "oblique" in name else 0)
                pieces.append((w["bottom"] - w["size"] * 0.2,
                               Seg(w["x0"], w["x1"], [(w["text"], style)], w["size"])))
            rules = [(r["x0"], r["x1"], (r["top"] + r["bottom"]) / 2)
                     for r in pg.lines + pg.rects if abs(r["bottom"] - r["top"]) <= 2.5]
            pages.append(Page(float(pg.width), float(pg.height), _lines(pieces, rules)))
    return pages


def accuracy(pdf: Path, truth: Path) -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from screenplay.formats import read_document
    from screenplay.pdf_reader import _Reader
    from screenplay.pdf_text import read_pages
    from tests.pdf_score import report
    t = read_document(truth)
    out = {"pypdfium2": report(t, _Reader(read_pages(pdf.read_bytes())).document())}
    try:
        out["pdfplumber"] = report(t, _Reader(plumber_pages(str(pdf))).document())
    except ImportError:
        out["pdfplumber"] = "not installed"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pdf", type=Path, action="append", default=[],
                    help="another PDF to import (its truth: same name, .fountain)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pdf-import-"))
    inputs: list[tuple[str, Path, Path | None]] = []
    if BIG_FISH.exists():
        pdf = tmp / "Big-Fish.pdf"
        run_once([str(SCREENPLAY), "render", str(BIG_FISH), "--pdf", str(pdf)])
        inputs.append(("Big Fish rendered by us (Letter, spec)", pdf, BIG_FISH))
    else:
        print("../shared is absent: Big Fish skipped", file=sys.stderr)
    for p in args.pdf:
        truth = p.with_suffix(".fountain")
        inputs.append((p.name, p, truth if truth.exists() else None))
    results = []
    for label, pdf, truth in inputs:
        row: dict[str, object] = {"input": label}
        cmd = [str(SCREENPLAY), "convert", str(pdf), "--to", "fountain",
               "-o", str(tmp / "out.fountain")]
        try:
            run_once(cmd)  # warm-up
            samples = [run_once(cmd)[0] for _ in range(args.runs)]
            row["convert_wall_s"] = statistics.median(s.wall for s in samples)
            row["convert_peak_mib"] = max(s.peak_mib for s in samples)
        except RunFailed as e:
            row["convert"] = str(e)
        for backend in ("pypdfium2", "pdfplumber"):
            try:
                got = [child_json([sys.executable, "-c", _LAYER, backend, str(pdf), str(ROOT)])
                       for _ in range(max(1, args.runs // 2))]
                row[f"{backend}_s"] = statistics.median(g[0]["seconds"] for g in got)
                row[f"{backend}_peak_mib"] = max(g[1] for g in got)
                row["pages"] = got[0][0]["pages"]
            except RunFailed as e:
                row[f"{backend}_s"] = str(e)
        if truth is not None:
            row["accuracy"] = accuracy(pdf, truth)
        results.append(row)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        print(f"## {r['input']} ({r.get('pages', '?')} pages)")
        if "convert_wall_s" in r:
            print(f"- convert --to fountain, whole process: {r['convert_wall_s'] * 1000:.0f} ms,"
                  f" peak {r['convert_peak_mib']:.0f} MiB (median of {args.runs})")
        for b in ("pypdfium2", "pdfplumber"):
            v = r.get(f"{b}_s")
            if isinstance(v, float):
                print(f"- text layer, {b}: {v * 1000:.0f} ms in-process, "
                      f"peak {r[f'{b}_peak_mib']:.0f} MiB")
            else:
                print(f"- text layer, {b}: {v}")
        for b, text in r.get("accuracy", {}).items():
            print(f"- accuracy through {b}: {text}")


if __name__ == "__main__":
    main()
