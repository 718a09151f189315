"""How the Schematron check grows with dual-dialogue pairs and numbered scenes (issue 15).

The probe found it quadratic: 20,000 dual pairs took 56 s.  This prints, for a few
sizes, the in-process time of the Schematron step alone (median of --runs fresh
child processes, peak memory from bench/common.py), valid and failing variants,
so the growth can be read off: linear is ~2x per doubling, quadratic ~4x.
A benchmark, not a test: it asserts nothing.

    .venv/bin/python bench/bench_schematron.py [--runs 3] [--sizes 5000 10000 20000]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RunFailed, child_json  # noqa: E402

CHILD = r"""
import json, sys, time
from screenplay.fountain_reader import parse_fountain
from screenplay.validate import load_schematron, schematron_diagnostics
from screenplay.xml_io import write_xml
from screenplay.xml_parse import parse_xml_bytes
kind, n = sys.argv[1], int(sys.argv[2])
if kind == "dual pairs":
    src = "INT. A - DAY\n\n" + "BOB\nHi.\n\nANN ^\nYo.\n\n" * n
elif kind == "dual without partner":
    src = "INT. A - DAY\n\n" + "BOB ^\nHi.\n\n" * n
elif kind == "numbered scenes":
    src = "".join(f"INT. A{i} - DAY #{i + 1}#\n\nHi.\n\n" for i in range(n))
else:  # numbers going down: one finding per scene
    src = "".join(f"INT. A{i} - DAY #{n - i}#\n\nHi.\n\n" for i in range(n))
data = write_xml(parse_fountain(src)).encode()
tree = parse_xml_bytes(data, limit=len(data))
load_schematron()
t = time.perf_counter()
found = schematron_diagnostics(tree)
print(json.dumps({"seconds": time.perf_counter() - t, "findings": len(found)}))
"""

KINDS = ("dual pairs", "dual without partner", "numbered scenes", "scene numbers going down")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    args = ap.parse_args()
    print("| case | n | findings | Schematron (median) | peak MiB | growth vs previous |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        prev = None
        for n in args.sizes:
            times, peak, findings = [], 0.0, 0
            try:
                for _ in range(args.runs):
                    data, mib = child_json([sys.executable, "-c", CHILD, kind, str(n)])
                    times.append(data["seconds"])
                    findings, peak = data["findings"], max(peak, mib)
            except RunFailed as e:
                print(f"| {kind} | {n:,} | - | {e} | | |")
                continue
            med = statistics.median(times)
            growth = f"{med / prev:.1f}x" if prev else ""
            print(f"| {kind} | {n:,} | {findings:,} | {med * 1000:.0f} ms | {peak:.0f} | {growth} |")
            prev = med


if __name__ == "__main__":
    main()
