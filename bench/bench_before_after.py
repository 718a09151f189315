"""``render --pdf`` and ``render --html`` of this checkout against an older revision, interleaved.

"No slower than before" is a comparison, and on a shared machine the load moves
between two separate benchmark runs more than a change does.  This runs the two
versions of the code alternately (one run of each in turn, a fresh process per
run, the first round untimed) with the same interpreter, so both see the same
load.  The older revision is a plain copy of its files, for example::

    base=$(mktemp -d) && git archive c6488a1 | tar -x -C "$base"
    .venv/bin/python bench/bench_before_after.py --base "$base" --runs 9

It is put first on ``PYTHONPATH``, which wins over this checkout's editable
install.  A benchmark, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG_FISH, ROOT, RunFailed, bench_env, run_once


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=Path, required=True, help="a copy of the older revision")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--script", type=Path, default=BIG_FISH)
    args = ap.parse_args()
    if not args.script.exists():
        raise SystemExit(f"{args.script}: not found (the shared corpus is beside the project)")
    out = Path(tempfile.mkdtemp())
    cache = Path(tempfile.mkdtemp())
    versions = {"before": args.base.resolve(), "after": ROOT}
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for rnd in range(args.runs + 1):
        for label, path in versions.items():
            for kind in ("pdf", "html"):
                cmd = [sys.executable, "-m", "toolchain", "render", str(args.script),
                       f"--{kind}", str(out / f"{label}.{kind}")]
                try:
                    env = bench_env(cache / label)
                    env["PYTHONPATH"] = str(path)
                    sample, _ = run_once(cmd, env=env)
                except RunFailed as e:
                    raise SystemExit(f"{label}: {e}") from None
                if rnd:
                    times.setdefault((label, kind), []).append((sample.wall, sample.peak_mib))
    print(f"{args.script.name}, {args.runs} interleaved runs each (median wall, peak RSS)")
    for kind in ("pdf", "html"):
        b, a = times[("before", kind)], times[("after", kind)]
        mb, ma = statistics.median(w for w, _ in b), statistics.median(w for w, _ in a)
        print(f"render --{kind:<4}  before {mb:.3f} s {max(m for _, m in b):5.1f} MiB   "
              f"after {ma:.3f} s {max(m for _, m in a):5.1f} MiB   after/before {ma / mb:.2f}")


if __name__ == "__main__":
    main()
