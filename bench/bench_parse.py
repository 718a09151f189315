"""Benchmark: Fountain parse time, ours against screenplain's parser, in one run.

Usage:
    .venv/bin/python bench/bench_parse.py [--peer-python PATH] [--repeat N]

Inputs: ``Big-Fish.fountain`` from ../shared (or any --input) and the same text
repeated 10 times.  Each parser runs in-process in its own interpreter (ours
here, screenplain in the Python given by --peer-python, a virtual environment
holding ``pip install screenplain``; it is never a project dependency), and
the median of N runs is reported with the ratio.  This is a benchmark, not a
test: it prints figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG_FISH as DEFAULT_INPUT
from bench.common import PEERS, ROOT, RunFailed, child_json, repeat_text

_PEER = r"""
import io, json, statistics, sys, time
from screenplain.parsers import fountain
text = open(sys.argv[1], encoding="utf-8").read()
times = []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    fountain.parse(io.StringIO(text))
    times.append(time.perf_counter() - t0)
print(json.dumps(times))
"""


def time_ours(path: Path, repeat: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from screenplay.fountain_reader import parse_fountain
    text = path.read_text(encoding="utf-8")
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        parse_fountain(text)
        times.append(time.perf_counter() - t0)
    return times


def time_peer(python: str, path: Path, repeat: int) -> list[float] | None:
    try:
        times, _peak = child_json([python, "-c", _PEER, str(path), str(repeat)])
    except RunFailed as e:
        print(f"  (screenplain not run: {e})", file=sys.stderr)
        return None
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--peer-python", default=str(PEERS / "sp" / "bin" / "python"),
                    help="a Python with screenplain installed")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    if not args.input.exists():
        sys.exit(f"input not found: {args.input}")
    with tempfile.TemporaryDirectory() as tmp:
        x10 = Path(tmp) / "x10.fountain"
        x10.write_text(repeat_text(args.input, 10), encoding="utf-8")
        print(f"{'input':<22}{'size':>10}{'ours (ms)':>12}{'screenplain (ms)':>18}{'ratio':>8}")
        for label, path in ((args.input.name, args.input), ("x10", x10)):
            ours = statistics.median(time_ours(path, args.repeat)) * 1000
            peer_t = time_peer(args.peer_python, path, args.repeat)
            peer = statistics.median(peer_t) * 1000 if peer_t else float("nan")
            size = path.stat().st_size
            print(f"{label:<22}{size:>10,}{ours:>12.1f}{peer:>18.1f}{ours / peer:>8.2f}")


if __name__ == "__main__":
    main()
