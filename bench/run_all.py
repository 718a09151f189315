"""Every benchmark figure the issues ask for, in one run and one table.

    .venv/bin/python bench/run_all.py            # full: about five minutes on 2 cores
    .venv/bin/python bench/run_all.py --quick    # a minute: fewer runs, no x10 / 1,000 pages
    .venv/bin/python bench/run_all.py --json     # the same figures as JSON

Figures: parse (in-process, median of repeated parses), ``render --pdf``,
``render --html``, ``build`` (whole processes, start-up included), ``adapt``
(whole process, model load included) and the ``build`` of the embedded sample;
on Big Fish from ../shared (skipped with a message when absent), Big Fish
repeated ten times, and synthetic scripts of about 100 and 1,000 pages from
bench/synth.py.  Each cell is the median wall time over --runs runs (after one
untimed warm-up) and the largest peak resident memory of the process.

Peers (screenplain, afterwriting, jouvence) are measured the same way where
they are installed under --peers; they are never project dependencies, and
without them their columns say "not installed".  The scale section divides
the 1,000-page script's cost by the 100-page one's, stage by stage (target
about 10x), and gives the 1,000-page runs' peak memory (target under 200 MiB).
Progress goes to stderr; the table (or JSON) to stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (BIG_FISH, LONG_SEED, PEERS as PEERS_DIR, SCREENPLAY, SHARED, RunFailed, Stats, bench_env,
                          child_json, machine, measure, repeat_text)
from bench.synth import synth_fountain

PEERS = ("screenplain", "afterwriting", "jouvence")
LINEAR_TARGET = 10.0
MEMORY_TARGET_MIB = 200.0

# --- in-process snippets, each run in a fresh child that prints JSON ------------------

_OURS_PARSE = """
import json, sys, time
from screenplay.fountain_reader import parse_fountain
text = open(sys.argv[1], encoding="utf-8").read()
parse_fountain(text)
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); parse_fountain(text); times.append(time.perf_counter() - t)
print(json.dumps(times))
"""

_SCREENPLAIN_PARSE = """
import io, json, sys, time
from screenplain.parsers import fountain
text = open(sys.argv[1], encoding="utf-8").read()
fountain.parse(io.StringIO(text))
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); fountain.parse(io.StringIO(text)); times.append(time.perf_counter() - t)
print(json.dumps(times))
"""

_JOUVENCE_PARSE = """
import json, sys, time
from jouvence.parser import JouvenceParser
text = open(sys.argv[1], encoding="utf-8").read()
JouvenceParser().parseString(text)
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); JouvenceParser().parseString(text); times.append(time.perf_counter() - t)
print(json.dumps(times))
"""

_JOUVENCE_HTML = """
import sys
from jouvence.parser import JouvenceParser
from jouvence.html import HtmlDocumentRenderer
doc = JouvenceParser().parse(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    HtmlDocumentRenderer().render_doc(doc, f)
"""

#: Our stages one by one in one process, for the scale section: what grows with the script.
_OURS_STAGES = """
import json, statistics, sys, time
from screenplay.fountain_reader import parse_fountain
from screenplay.html_writer import render_html
from screenplay.layout import load_profile, paginate
from screenplay.pdf_writer import render_layout
from screenplay.xml_io import write_xml
from toolchain.pipeline import check_document
text = open(sys.argv[1], encoding="utf-8").read()
runs = int(sys.argv[2])
names = ("parse", "layout", "PDF writer", "HTML writer", "XML writer", "check (XSD + Schematron + lint)")
wall = {n: [] for n in names}
cpu = {n: [] for n in names}
pages = 0
def clocks():
    return time.perf_counter(), time.process_time()
for i in range(runs + 1):  # the first pass warms caches (fonts, schema) and is not kept
    t = [clocks()]
    doc = parse_fountain(text); t.append(clocks())
    lay = paginate(doc, load_profile("letter", "spec")); t.append(clocks())
    render_layout(doc, lay, lambda w: None); t.append(clocks())
    render_html(doc, layout=lay); t.append(clocks())
    write_xml(doc); t.append(clocks())
    check_document(doc); t.append(clocks())
    pages = len(lay.pages)
    del doc, lay
    if i:
        for n, a, b in zip(names, t, t[1:]):
            wall[n].append(b[0] - a[0])
            cpu[n].append(b[1] - a[1])
print(json.dumps({"pages": pages, "median": {n: statistics.median(v) for n, v in wall.items()},
                  "cpu_median": {n: statistics.median(v) for n, v in cpu.items()}}))
"""


@dataclass
class Script:
    """One Fountain input: a label for the table and the file the contenders read."""

    label: str
    path: Path
    pages: int = 0


@dataclass
class Peers:
    """Where each installed peer is; None for the ones that are not."""

    screenplain: Path | None = None          # its CLI
    screenplain_python: Path | None = None   # a Python that imports screenplain
    afterwriting: Path | None = None
    jouvence_python: Path | None = None


def find_peers(base: Path) -> Peers:
    """Look for the peers in the throwaway places the README tells people to put them."""
    found = Peers()
    for venv in (base / "sp", base):
        if (venv / "bin" / "screenplain").exists():
            found.screenplain = venv / "bin" / "screenplain"
            found.screenplain_python = venv / "bin" / "python"
            break
    for aw in (base / "aw" / "node_modules" / ".bin" / "afterwriting",
               base / "node_modules" / ".bin" / "afterwriting"):
        if aw.exists():
            found.afterwriting = aw
            break
    for venv in (base / "jv", base, base / "sp"):
        py = venv / "bin" / "python"
        if py.exists() and subprocess.run([str(py), "-c", "import jouvence"],
                                          capture_output=True).returncode == 0:
            found.jouvence_python = py
            break
    return found


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- the figures ----------------------------------------------------------------------

Cell = dict  # {"wall_s": ..., "peak_mib": ...} or {"error": ...} or {"na": reason}


def _cells(result: dict[str, Stats | str]) -> dict[str, Cell]:
    return {k: ({"error": v} if isinstance(v, str) else v.as_dict()) for k, v in result.items()}


def parse_figure(s: Script, peers: Peers, runs: int, env: dict[str, str]) -> dict[str, Cell]:
    """In-process parse time (median of repeated parses in one child) and that child's peak."""
    snippets = {"ours": (sys.executable, _OURS_PARSE)}
    if peers.screenplain_python:
        snippets["screenplain"] = (str(peers.screenplain_python), _SCREENPLAIN_PARSE)
    if peers.jouvence_python:
        snippets["jouvence"] = (str(peers.jouvence_python), _JOUVENCE_PARSE)
    cells: dict[str, Cell] = {}
    for tool, (py, code) in snippets.items():
        try:
            times, peak = child_json([py, "-c", code, str(s.path), str(max(runs, 3))], env)
            cells[tool] = {"wall_s": round(statistics.median(times), 5), "peak_mib": round(peak, 1),
                           "runs": len(times), "in_process": True}
        except RunFailed as e:
            cells[tool] = {"error": str(e)}
    return cells


def render_figure(fmt: str, s: Script, peers: Peers, runs: int, env: dict[str, str],
                  out: Path) -> dict[str, Cell]:
    """Whole-process ``render --pdf``/``--html`` against the peers that write the same format."""
    stem = out / f"{s.path.stem}-{fmt}"
    cmds = {"ours": [str(SCREENPLAY), "render", str(s.path), f"--{fmt}", f"{stem}-ours.{fmt}"]}
    if peers.screenplain:
        cmds["screenplain"] = [str(peers.screenplain), "--format", fmt, str(s.path),
                               f"{stem}-sp.{fmt}"]
    if fmt == "pdf" and peers.afterwriting:
        cmds["afterwriting"] = [str(peers.afterwriting), "--source", str(s.path), "--pdf",
                                f"{stem}-aw.pdf", "--overwrite"]
    if fmt == "html" and peers.jouvence_python:
        cmds["jouvence"] = [str(peers.jouvence_python), "-c", _JOUVENCE_HTML, str(s.path),
                            f"{stem}-jv.html"]
    return _cells(measure(cmds, runs, env))


def build_figure(s: Script, runs: int, env: dict[str, str], out: Path) -> dict[str, Cell]:
    cmd = [str(SCREENPLAY), "build", str(s.path), "--out-dir", str(out / f"build-{s.path.stem}"),
           "-q"]
    return _cells(measure({"ours": cmd}, runs, env))


def stages(s: Script, runs: int, env: dict[str, str]) -> dict:
    """Our stages' in-process medians on one script, with the process's peak memory."""
    data, peak = child_json([sys.executable, "-c", _OURS_STAGES, str(s.path), str(runs)], env)
    data["peak_mib"] = round(peak, 1)
    data["bytes"] = s.path.stat().st_size
    return data


def interleaved_stages(scripts: list[Script], runs: int, env: dict[str, str]) -> dict[str, dict]:
    """Stage timings for several scripts, one fresh process per run, alternating scripts.

    On a shared machine the load drifts over minutes; alternating the 100- and
    1,000-page runs makes both see the same load, so their ratio means something.
    """
    got: dict[str, list[dict]] = {s.label: [] for s in scripts}
    for _ in range(runs):
        for s in scripts:
            got[s.label].append(stages(s, 1, env))
    out: dict[str, dict] = {}
    for label, runs_ in got.items():
        names = list(runs_[0]["median"])
        out[label] = {
            "pages": runs_[0]["pages"], "bytes": runs_[0]["bytes"], "runs": len(runs_),
            "median": {n: statistics.median(r["median"][n] for r in runs_) for n in names},
            "cpu_median": {n: statistics.median(r["cpu_median"][n] for r in runs_) for n in names},
            "peak_mib": max(r["peak_mib"] for r in runs_)}
    return out


# --- formatting -----------------------------------------------------------------------

def fmt_time(sec: float) -> str:
    return f"{sec * 1000:.1f} ms" if sec < 1 else f"{sec:.2f} s"


def fmt_cell(cell: Cell | None, installed: bool) -> str:
    if cell is None:
        return "not installed" if not installed else "—"
    if "error" in cell:
        return "failed: " + cell["error"][:60].replace("|", "/")
    return f"{fmt_time(cell['wall_s'])} · {cell['peak_mib']:.0f} MiB"


def markdown(report: dict) -> str:
    """The one table, then the scale section, as Markdown."""
    inst = report["peers_installed"]
    lines = [f"Median wall time over {report['runs']} runs (after a warm-up) · peak RSS of the "
             "process. Parse is in-process (repeated parses in one interpreter); every other "
             "figure is a whole fresh process, start-up included.", "",
             "| figure | input | ours | " + " | ".join(PEERS) + " |",
             "|---|---|---:|" + "---:|" * len(PEERS)]
    for row in report["rows"]:
        cells = row["cells"]
        peer_cells = []
        for p in PEERS:
            applies = p in row.get("peers", PEERS)
            peer_cells.append(fmt_cell(cells.get(p), inst[p]) if applies else "—")
        lines.append(f"| {row['figure']} | {row['input']} | {fmt_cell(cells.get('ours'), True)} | "
                     + " | ".join(peer_cells) + " |")
    scale = report.get("scale")
    lines.append("")
    if not scale:
        lines.append("Scale: skipped (--quick, or no 1,000-page run).")
        return "\n".join(lines)
    lines += [f"**Scale** — synthetic {scale['pages_small']}-page vs {scale['pages_large']}-page "
              f"script ({scale['size_ratio']:.1f}× the text); in-process stages are medians of "
              f"{scale['runs']} fresh processes alternating between the two scripts. Target: cost ≈ "
              f"{LINEAR_TARGET:.0f}× (linear), peak memory < {MEMORY_TARGET_MIB:.0f} MiB.", "",
              "| stage | 100 p | 1,000 p | ratio (target ≈ 10×) | CPU-time ratio "
              "| peak MiB, 1,000 p (target < 200) |",
              "|---|---:|---:|---:|---:|---:|"]
    for st in scale["stages"]:
        mem = f"{st['peak_mib']:.0f}" if st.get("peak_mib") is not None else ""
        if mem:
            mem += " ✓" if st["peak_mib"] < MEMORY_TARGET_MIB else " ✗"
        cpu = f"{st['cpu_ratio']:.1f}×" if st.get("cpu_ratio") else ""
        lines.append(f"| {st['stage']} | {fmt_time(st['small_s'])} | {fmt_time(st['large_s'])} | "
                     f"{st['ratio']:.1f}× | {cpu} | {mem} |")
    lines += ["", "In-process stages exclude start-up, so their ratio is the cost's growth; "
              "whole-process ratios are lower because start-up (" +
              fmt_time(scale["startup_s"]) + " for `screenplay --version`) and imports are "
              "paid once whatever the size; \"net\" subtracts that start-up (not from "
              "`render`, whose plain command lines skip it)."]
    return "\n".join(lines)


# --- main -----------------------------------------------------------------------------

def scripts(work: Path, quick: bool) -> list[Script]:
    found: list[Script] = []
    if BIG_FISH.is_file():
        found.append(Script("Big Fish (corpus)", BIG_FISH))
        if not quick:
            x10 = work / "big-fish-x10.fountain"
            x10.write_text(repeat_text(BIG_FISH, 10), encoding="utf-8")
            found.append(Script("Big Fish ×10", x10))
    else:
        progress(f"note: {BIG_FISH} not found (../shared is not beside the project): "
                 "corpus rows skipped")
    for pages in ((100,) if quick else (100, 1000)):
        p = work / f"synthetic-{pages}.fountain"
        p.write_text(synth_fountain(pages), encoding="utf-8")
        found.append(Script(f"synthetic {pages:,} p", p))
    return found


def run(args: argparse.Namespace) -> dict:
    peers = Peers() if args.no_peers else find_peers(args.peers)
    installed = {"screenplain": bool(peers.screenplain), "afterwriting": bool(peers.afterwriting),
                 "jouvence": bool(peers.jouvence_python)}
    report: dict = {"runs": args.runs, "machine": machine(), "peers_installed": installed,
                    "rows": []}
    rows = report["rows"]
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-all-") as tmp:
        work = Path(tmp)
        env = bench_env(work / "pycache")
        progress("start-up ...")
        startup = measure({"ours": [str(SCREENPLAY), "--version"]}, args.runs, env)
        rows.append({"figure": "start-up", "input": "`screenplay --version`",
                     "cells": _cells(startup), "peers": ()})
        inputs = scripts(work, args.quick)
        for s in inputs:
            progress(f"{s.label}: parse ...")
            s.pages = stages(s, 1, env)["pages"]
            label = f"{s.label}, {s.pages:,} pages"
            rows.append({"figure": "parse", "input": label, "script": s.label,
                         "cells": parse_figure(s, peers, args.runs, env),
                         "peers": ("screenplain", "jouvence")})
            for fmt in ("pdf", "html"):
                progress(f"{s.label}: render --{fmt} ...")
                rows.append({"figure": f"render --{fmt}", "input": label, "script": s.label,
                             "cells": render_figure(fmt, s, peers, args.runs, env, work),
                             "peers": ("screenplain", "afterwriting") if fmt == "pdf"
                             else ("screenplain", "jouvence")})
            progress(f"{s.label}: build ...")
            rows.append({"figure": "build (check + PDF + HTML + XML)", "input": label,
                         "script": s.label,
                         "cells": build_figure(s, args.runs, env, work), "peers": ()})
        seeds = [p for p in (SHARED / "seeds" / "amour-short.txt", LONG_SEED) if p.is_file()]
        if not seeds:
            progress("note: ../shared/seeds not found: adapt rows skipped")
        for seed in seeds:
            progress(f"adapt {seed.name} ...")
            cmd = [str(SCREENPLAY), "adapt", str(seed), "-o", str(work / f"{seed.stem}.fountain"),
                   "--force"]
            rows.append({"figure": "adapt (model load included)",
                         "input": f"{seed.name}, {seed.stat().st_size / 1000:.1f} KB",
                         "cells": _cells(measure({"ours": cmd}, args.runs, env)), "peers": ()})
        progress("build of the embedded sample ...")
        cmd = [str(SCREENPLAY), "build", "--out-dir", str(work / "sample"), "-q"]
        rows.append({"figure": "build (adapt + check + PDF + HTML + XML)",
                     "input": "embedded sample synopsis",
                     "cells": _cells(measure({"ours": cmd}, args.runs, env)), "peers": ()})
        synthetic = [s for s in inputs if s.label.startswith("synthetic")]
        staged: dict[str, dict] = {}
        if len(synthetic) > 1:
            progress("scale: stages of the synthetic scripts, interleaved ...")
            staged = interleaved_stages(synthetic, args.runs, env)
        report["scale"] = scale_section(rows, staged, startup)
    order = [r["figure"] for r in rows]   # one figure's inputs together, in the order run
    rows.sort(key=lambda r: order.index(r["figure"]))
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report["seconds"] = round(time.perf_counter() - t_start, 1)
    return report


def scale_section(rows: list[dict], staged: dict[str, dict],
                  startup: dict[str, Stats | str]) -> dict | None:
    """1,000-page cost over 100-page cost, per in-process stage and per whole command."""
    small, large = "synthetic 100 p", "synthetic 1,000 p"
    if small not in staged or large not in staged:
        return None
    boot = startup["ours"].wall if isinstance(startup["ours"], Stats) else 0.0
    out: list[dict] = []
    for name, a in staged[small]["median"].items():
        b = staged[large]["median"][name]
        cpu = staged[large]["cpu_median"][name] / staged[small]["cpu_median"][name]
        out.append({"stage": f"{name} (in-process)", "small_s": a, "large_s": b, "ratio": b / a,
                    "cpu_ratio": cpu, "peak_mib": None})
    out[-1]["peak_mib"] = staged[large]["peak_mib"]  # all stages share one process
    out[-1]["note"] = "peak is for the process running every stage"
    by = {(r["figure"], r.get("script")): r["cells"].get("ours", {}) for r in rows}
    for fig in ("parse", "render --pdf", "render --html", "build (check + PDF + HTML + XML)"):
        a, b = by.get((fig, small), {}), by.get((fig, large), {})
        if "wall_s" not in a or "wall_s" not in b:
            continue
        whole = fig != "parse"
        out.append({"stage": fig + (" (whole process)" if whole else " (in-process, alone)"),
                    "small_s": a["wall_s"], "large_s": b["wall_s"],
                    "ratio": b["wall_s"] / a["wall_s"],
                    "cpu_ratio": b["cpu_s"] / a["cpu_s"] if whole else None,
                    "peak_mib": b["peak_mib"]})
        # `render` lines skip the full CLI's start-up (toolchain/quick.py), so
        # subtracting `screenplay --version` from them would overstate their growth.
        if whole and not fig.startswith("render") and a["wall_s"] > boot:
            out.append({"stage": fig + " (whole process, net of start-up)",
                        "small_s": a["wall_s"] - boot, "large_s": b["wall_s"] - boot,
                        "ratio": (b["wall_s"] - boot) / (a["wall_s"] - boot), "peak_mib": None})
    return {"pages_small": staged[small]["pages"], "pages_large": staged[large]["pages"],
            "size_ratio": staged[large]["bytes"] / staged[small]["bytes"], "startup_s": boot,
            "runs": staged[large].get("runs", 1),
            "stages": out}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, help="timed runs per figure (default 5; 2 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="fewer runs; skip Big Fish x10 and the 1,000-page script")
    ap.add_argument("--peers", type=Path, default=PEERS_DIR,
                    help="where the peers were installed (see README, Benchmarks)")
    ap.add_argument("--no-peers", action="store_true", help="measure only this project")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the Markdown table")
    args = ap.parse_args(argv)
    if args.runs is None:
        args.runs = 2 if args.quick else 5
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not SCREENPLAY.exists():
        print(f"run_all: {SCREENPLAY} not found; run with the project venv's python "
              "(.venv/bin/python bench/run_all.py)", file=sys.stderr)
        return 2
    progress(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        m = report["machine"]
        print(f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, "
              f"Python {m['python']}, {m['os']}; load average {m['load_average'][0]} at start, "
              f"{m['load_average_after'][0]} at end; {report['seconds']:.0f} s in all.\n")
        print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
