"""Benchmark: Big Fish to HTML, whole process, against screenplain's HTML export.

Each contender runs as a fresh process (interpreter start, imports, parse,
layout, write), interleaved so that machine noise hits all of them alike; the
median of the runs is reported.  A second table splits our own time by stage,
in one process, to show where it goes.

    .venv/bin/python bench/bench_html.py [--runs 9] [--peers $SCREENPLAY_PEERS] [--json]
                                         [--instructions]

``--instructions`` also counts each contender's instructions with valgrind
(one run each, slow but the same on every run, however busy the machine is).

screenplain (and jouvence, if present) are looked for in a throwaway venv
outside the repository (``--peers``, default $SCREENPLAY_PEERS; make it with
``python3 -m venv $SCREENPLAY_PEERS && $SCREENPLAY_PEERS/bin/pip install screenplain``).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG_FISH as SCRIPT
from bench.common import PEERS, ROOT, bench_env, instructions, measure

#: Our library path, as a user's one-off script would call it.
_OURS_LIB = """
import sys
from screenplay.formats import read_document
from screenplay.html_writer import render_html
from screenplay.textio import write_atomic
write_atomic(sys.argv[2], render_html(read_document(sys.argv[1])))
"""

_JOUVENCE = """
import sys
from jouvence.parser import JouvenceParser
from jouvence.html import HtmlDocumentRenderer
doc = JouvenceParser().parse(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    HtmlDocumentRenderer().render_doc(doc, f)
"""


def contenders(src: Path, out: Path, peers: Path) -> dict[str, list[str]]:
    py = sys.executable
    cli = Path(py).with_name("screenplay")
    found = {
        "ours (library)": [py, "-c", _OURS_LIB, str(src), str(out / "ours-lib.html")],
        "ours (screenplay render --html)": [str(cli), "render", str(src), "--html",
                                            str(out / "ours-cli.html")],
    }
    sp = peers / "bin" / "screenplain"
    if sp.exists():
        found["screenplain --format html"] = [str(sp), "--format", "html", str(src),
                                              str(out / "screenplain.html")]
    peer_py = peers / "bin" / "python"
    if peer_py.exists() and subprocess.run([str(peer_py), "-c", "import jouvence"],
                                           capture_output=True).returncode == 0:
        found["jouvence (HtmlDocumentRenderer)"] = [str(peer_py), "-c", _JOUVENCE, str(src),
                                                   str(out / "jouvence.html")]
    return found


def run_processes(cmds: dict[str, list[str]], runs: int,
                  env: dict[str, str]) -> dict[str, list[float]]:
    """Wall seconds of each run of each command, interleaved, after one warm-up each."""
    return {name: [x.wall for x in samples]
            for name, samples in run_samples(cmds, runs, env).items()}


def run_samples(cmds: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, list]:
    """Each command's samples (wall and CPU seconds), interleaved, after one warm-up each.

    CPU time is reported beside wall time because it is the steadier of the
    two on a shared machine: other processes delay a run but add no CPU to it.
    """
    result = measure(cmds, runs, env)
    for name, stats in result.items():
        if isinstance(stats, str):
            raise SystemExit(stats)
    return {name: list(stats.samples) for name, stats in result.items()}


_STAGES = """
import json, statistics, sys, time
t0 = time.perf_counter()
from screenplay.formats import read_document
from screenplay.html_writer import render_html
from screenplay.layout import load_profile, paginate
from screenplay.textio import write_atomic
out = {"imports": time.perf_counter() - t0}
runs = {"read + parse": [], "layout (shared with the PDF)": [], "HTML writer": [],
        "write file": []}
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    doc = read_document(sys.argv[1])
    t1 = time.perf_counter()
    lay = paginate(doc, load_profile("letter", "spec"))
    t2 = time.perf_counter()
    page = render_html(doc, layout=lay)
    t3 = time.perf_counter()
    write_atomic(sys.argv[2], page)
    t4 = time.perf_counter()
    for k, v in zip(runs, (t1 - t, t2 - t1, t3 - t2, t4 - t3)):
        runs[k].append(v)
for k, v in runs.items():
    out[k + " (first)"] = v[0]
    out[k] = statistics.median(v)
print(json.dumps(out))
"""


def stages(src: Path, out: Path, runs: int, env: dict[str, str]) -> dict[str, float]:
    """Seconds per stage in a fresh process: first call (what one run pays) and median."""
    r = subprocess.run([sys.executable, "-c", _STAGES, str(src), str(out / "stages.html"),
                        str(runs)], check=True, capture_output=True, text=True, env=env)
    return json.loads(r.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--peers", type=Path, default=PEERS)
    ap.add_argument("--script", type=Path, default=SCRIPT)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions per contender with valgrind (slow, exact)")
    args = ap.parse_args()
    if not args.script.exists():
        print(f"bench_html: {args.script} not found (needs ../shared beside the project)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cmds = contenders(args.script, out, args.peers)
        env = bench_env(out / "pycache")
        samples = run_samples(cmds, args.runs, env)
        times = {n: [x.wall for x in v] for n, v in samples.items()}
        cpus = {n: [x.cpu for x in v] for n, v in samples.items()}
        sizes = {name: (out / Path(cmd[-1]).name).stat().st_size if Path(cmd[-1]).suffix == ".html"
                 else 0 for name, cmd in cmds.items()}
        stage_s = stages(args.script, out, max(3, args.runs // 2), env)
        counts = ({n: instructions(cmd, env) for n, cmd in cmds.items()}
                  if args.instructions else {})
    result = {
        "input": str(args.script), "input_bytes": args.script.stat().st_size, "runs": args.runs,
        "whole_process_s": {n: {"median": statistics.median(t), "min": min(t),
                                "cpu_median": statistics.median(cpus[n])}
                            for n, t in times.items()},
        "output_bytes": sizes,
        "instructions": counts,
        "stages_s": stage_s,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"Big Fish ({result['input_bytes'] / 1024:.0f} KB Fountain) to HTML, "
          f"{args.runs} runs each, fresh process per run\n")
    print(f"{'contender':36} {'median s':>9} {'min s':>7} {'CPU s':>7} {'output KB':>10}"
          + (f" {'instr. (M)':>11}" if counts else ""))
    for n, t in result["whole_process_s"].items():
        count = counts.get(n)
        print(f"{n:36} {t['median']:9.3f} {t['min']:7.3f} {t['cpu_median']:7.3f} "
              f"{sizes[n] / 1024:10.0f}"
              + (f" {count / 1e6:11.0f}" if count else "           -" if counts else ""))
    if "screenplain --format html" not in times:
        print("\n(screenplain not found under --peers; see the module docstring)")
    print("\nour stages, in one fresh process (first call / median of later calls):")
    st = result["stages_s"]
    print(f"  {'imports':30} {st['imports'] * 1000:7.1f} ms")
    for n in ("read + parse", "layout (shared with the PDF)", "HTML writer", "write file"):
        print(f"  {n:30} {st[n + ' (first)'] * 1000:7.1f} / {st[n] * 1000:5.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
