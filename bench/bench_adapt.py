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
    args = ap.parse_args()
    texts = [p.read_text("utf-8") for p in ([LONG] if LONG.exists() else []) + OWN]
    src = LONG if LONG.exists() else OWN[0]
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
