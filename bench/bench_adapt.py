"""Benchmark ``screenplay adapt``.

Two figures, as the issue states them:

* whole process: ``screenplay adapt amour-long.txt`` as a child process,
  interpreter start and model load included (target: at most 2 s, peak
  memory at most 250 MiB; the entity recogniser is part of the load);
* throughput after load: synopsis kilobytes adapted per second by one loaded
  model, over the long seed and the project's own synopses repeated
  (target: at least 50 KB/s); the best of several rounds is the figure, the median
  shows the spread.

    .venv/bin/python bench/bench_adapt.py --runs 5
    .venv/bin/python bench/bench_adapt.py --stages 5   # where a whole run's time goes

``--stages`` runs the command's own steps in fresh interpreters and reports,
per step, the least wall and CPU time over the runs: importing the CLI,
importing spaCy (with the adapter's modules), loading the model, the parse,
the adapter's passes; then the wall time of the interpreter's exit after the
work, and of the whole child (its start-up included).

This is a script, not a test: timings depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import LONG_SEED as LONG
from bench.common import ROOT, SCREENPLAY, RunFailed, run_once
OWN = sorted((ROOT / "tests" / "fixtures" / "synopses").glob("*.txt")) + [ROOT / "toolchain" / "data" / "sample.txt"]


def whole_process(src: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Wall and CPU seconds and peak MiB of each run (CPU tells what a busy machine's wall hides)."""
    walls, cpus, peaks = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            try:
                sample, _ = run_once([str(SCREENPLAY), "adapt", str(src), "-o",
                                      f"{tmp}/out.fountain", "--force"])
            except RunFailed as e:
                raise SystemExit(f"adapt failed on {src}: {e}") from None
            walls.append(sample.wall)
            cpus.append(sample.cpu)
            peaks.append(sample.peak_mib)
    return walls, cpus, peaks


#: One run of ``screenplay adapt``'s steps, timed from inside (see ``stages``).
_STAGES = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
marks = [(time.perf_counter(), cpu())]
def mark():
    marks.append((time.perf_counter(), cpu()))
import toolchain.cli, toolchain.app
mark()
import toolchain.adapt as adapt
from toolchain.adapt import build, nlp as nlp_module
if hasattr(nlp_module, "_import_spacy"):
    nlp_module._import_spacy()
else:
    import spacy
mark()
nlp = adapt.load_model()
mark()
parse, spent = build.parse_all, [0.0, 0.0]
def timed(*args):
    t, c = time.perf_counter(), cpu()
    out = parse(*args)
    spent[0] += time.perf_counter() - t
    spent[1] += cpu() - c
    return out
build.parse_all = timed
text = open(sys.argv[1], encoding="utf-8").read()
adapt.adapt(text, "T", "t.txt", nlp)
mark()
steps = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])]
steps[-1:] = [tuple(spent), (steps[-1][0] - spent[0], steps[-1][1] - spent[1])]
print(json.dumps({"steps": steps, "end": time.time()}), flush=True)
"""
STAGE_NAMES = ("CLI import", "import spaCy and the adapter", "model load", "parse", "passes")


def stages(src: Path, runs: int) -> dict[str, dict[str, float]]:
    """Least wall and CPU seconds of each step of ``adapt`` over RUNS fresh interpreters."""
    import subprocess
    best: dict[str, dict[str, float]] = {}
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _STAGES, str(src)], capture_output=True,
                             text=True, env=env, cwd=ROOT, check=True).stdout
        done, whole = time.time(), time.perf_counter() - t0
        got = json.loads(out.strip().splitlines()[-1])
        seen = {name: {"wall": w, "cpu": c} for name, (w, c) in zip(STAGE_NAMES, got["steps"])}
        seen["exit"] = {"wall": done - got["end"]}       # interpreter shut-down, seen from outside
        seen["whole"] = {"wall": whole}
        for name, figures in seen.items():
            kept = best.setdefault(name, dict(figures))
            for k, v in figures.items():
                kept[k] = min(kept[k], v)
    return {name: {k: round(v, 3) for k, v in figures.items()} for name, figures in best.items()}


def throughput(texts: list[str], rounds: int) -> tuple[float, float, float]:
    """(best, median) KB of synopsis adapted per second over whole rounds, and the load time."""
    sys.path.insert(0, str(ROOT))
    from toolchain.adapt import adapt, load_model

    t0 = time.perf_counter()
    nlp = load_model()
    load = time.perf_counter() - t0
    adapt(texts[0], "warm", "warm.txt", nlp)
    size = sum(len(t.encode("utf-8")) for t in texts)
    walls = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for i, text in enumerate(texts):
            adapt(text, f"T{i}", f"t{i}.txt", nlp)
        walls.append(time.perf_counter() - t0)
    # best round: the machine's speed with the least interference from other work
    return size / 1000 / min(walls), size / 1000 / statistics.median(walls), load


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="whole-process runs (best is reported)")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the texts for throughput")
    ap.add_argument("--stages", type=int, metavar="RUNS", default=0,
                    help="instead, time each step of a whole run (least of RUNS fresh interpreters)")
    args = ap.parse_args()
    texts = [p.read_text("utf-8") for p in ([LONG] if LONG.exists() else []) + OWN]
    src = LONG if LONG.exists() else OWN[0]
    if args.stages:
        print(json.dumps({"input": src.name, "stages_s": stages(src, args.stages),
                          "load_average": round(os.getloadavg()[0], 2)}, indent=1))
        return 0
    wall, cpu, peak = whole_process(src, args.runs)
    kbs, kbs_median, load = throughput(texts, args.rounds)
    print(json.dumps({
        "input": src.name, "input_kb": round(src.stat().st_size / 1000, 1),
        "whole_process_s": {"best": round(min(wall), 2), "median": round(statistics.median(wall), 2),
                            "cpu_best": round(min(cpu), 2)},
        "peak_mib": round(max(peak), 1),
        "model_load_s": round(load, 2),
        "throughput_kb_per_s": {"best": round(kbs, 1), "median": round(kbs_median, 1)},
        "load_average": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
        "targets": {"whole_process_s": 2.0, "peak_mib": 250, "throughput_kb_per_s": 50.0},
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
