"""Benchmark ``screenplay render --pdf`` against afterwriting and screenplain.

Whole-process wall time and peak resident memory of each command, on
Big-Fish.fountain and on it repeated ten times, measured the same way for every
tool (``os.wait4`` on the child gives its own ``ru_maxrss``).  The peers are not
project dependencies: install them somewhere outside the repository, e.g.::

    npm install --prefix $SCREENPLAY_PEERS/aw afterwriting
    python3 -m venv $SCREENPLAY_PEERS/sp && $SCREENPLAY_PEERS/sp/bin/pip install screenplain

and pass their executables with --afterwriting / --screenplain.

    .venv/bin/python bench/bench_pdf.py --runs 5 \\
        --afterwriting $SCREENPLAY_PEERS/aw/node_modules/.bin/afterwriting \\
        --screenplain $SCREENPLAY_PEERS/sp/bin/screenplain

This is a script, not a test: timings depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG_FISH, ROOT, RunFailed, repeat_text, run_once


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one run of cmd as a child process."""
    try:
        sample, _ = run_once(cmd)
    except RunFailed as e:
        raise SystemExit(str(e)) from None
    return sample.wall, sample.peak_mib


_LIBRARY = ("import sys; from screenplay.formats import read_document; "
            "from screenplay.pdf_writer import render_pdf; "
            "from screenplay.textio import write_atomic; "
            "write_atomic(sys.argv[2], render_pdf(read_document(sys.argv[1])))")


def commands(tool: str, exe: str, src: Path, out: Path) -> list[str]:
    if tool == "screenplay":
        return [exe, "render", str(src), "--pdf", str(out)]
    if tool == "library":   # the same rendering without the CLI's start-up
        return [exe, "-c", _LIBRARY, str(src), str(out)]
    if tool == "afterwriting":
        return [exe, "--source", str(src), "--pdf", str(out), "--overwrite"]
    if tool == "screenplain":
        return [exe, "--format", "pdf", str(src), str(out)]
    raise ValueError(tool)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=BIG_FISH)
    ap.add_argument("--runs", type=int, default=3, help="runs per tool and input (median kept)")
    ap.add_argument("--screenplay", default=str(ROOT / ".venv" / "bin" / "screenplay"))
    ap.add_argument("--afterwriting", help="afterwriting CLI (optional peer)")
    ap.add_argument("--screenplain", help="screenplain CLI (optional peer)")
    args = ap.parse_args()
    if not args.source.is_file():
        raise SystemExit(f"{args.source}: not found (the shared corpus must be beside the repo)")
    tools = [("screenplay", args.screenplay), ("library", sys.executable)]
    for name in ("afterwriting", "screenplain"):
        exe = getattr(args, name)
        if exe:
            if not shutil.which(exe):
                raise SystemExit(f"{name}: {exe} is not executable")
            tools.append((name, exe))

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        work = Path(tmp)
        text = args.source.read_text(encoding="utf-8")
        inputs = [("x1", work / "big-fish.fountain"), ("x10", work / "big-fish-x10.fountain")]
        inputs[0][1].write_text(text, encoding="utf-8")
        inputs[1][1].write_text(repeat_text(args.source, 10), encoding="utf-8")
        print(f"{'tool':<14}{'input':<7}{'wall s (median)':>17}{'peak MiB':>10}{'pages':>7}")
        for label, src in inputs:
            for tool, exe in tools:
                out = work / f"{tool}-{label}.pdf"
                walls, mems = [], []
                for _ in range(args.runs):
                    w, m = measure(commands(tool, exe, src, out))
                    walls.append(w)
                    mems.append(m)
                pages = _pages(out)
                print(f"{tool:<14}{label:<7}{statistics.median(walls):>17.3f}"
                      f"{max(mems):>10.1f}{pages:>7}")
                sys.stdout.flush()


def _pages(pdf: Path) -> str:
    try:
        from pypdf import PdfReader
        return str(len(PdfReader(str(pdf)).pages))
    except Exception:  # pypdf missing or a peer wrote something odd: the count is optional
        return "?"


if __name__ == "__main__":
    main()
