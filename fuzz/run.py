"""Run every atheris harness for a bounded time and summarise what it found.

    .venv/bin/python fuzz/run.py --seconds 300 --jobs 2 [fountain xml fdx json]

Why a runner: libFuzzer needs a seed corpus, time/memory/hang limits and a place
for crash files, and the closing note of issue 8 needs each run's length and
execution count; this does all of that the same way every time.  Seeds come
from ../shared/corpus and tests/fixtures, plus our own XML, FDX and JSON
written from the Fountain seeds (so the structured readers start from valid
documents).  Work files go to out/fuzz/ (git-ignored); crash inputs land in
out/fuzz/<reader>/crashes/ to be copied into tests/fixtures/fuzz/<reader>/.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
WORK = ROOT / "out" / "fuzz"
READERS = ("fountain", "xml", "fdx", "json")
_EXT = {"fountain": (".fountain", ".txt", ".spmd"), "xml": (".xml",), "fdx": (".fdx",),
        "json": (".json",)}
#: Seeds bigger than this are skipped: libFuzzer mutates small inputs far faster.
MAX_SEED = 64 * 1024


def _sources() -> list[Path]:
    roots = [p for p in (SHARED, FIXTURES) if p.is_dir()]
    return sorted(p for r in roots for p in r.rglob("*") if p.is_file())


def build_seeds(reader: str) -> Path:
    """Fill out/fuzz/<reader>/seeds with the corpus files for this reader."""
    seeds = WORK / reader / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    files = _sources()
    n = 0

    def put(name: str, data: bytes) -> None:
        nonlocal n
        if 0 < len(data) <= MAX_SEED:
            (seeds / f"{n:04d}-{name}").write_bytes(data)
            n += 1

    for p in files:
        if p.suffix in _EXT[reader]:
            put(p.name, p.read_bytes())
    if reader in ("xml", "fdx", "json"):
        from screenplay.fdx import write_fdx
        from screenplay.fountain_reader import read_fountain_bytes
        from screenplay.json_io import write_json
        from screenplay.xml_io import write_xml
        from screenplay.errors import InputError
        writer = {"xml": write_xml, "fdx": write_fdx, "json": write_json}[reader]
        for p in files:
            if p.suffix == ".fountain" and p.stat().st_size <= MAX_SEED:
                try:
                    put(p.stem + "." + reader, writer(read_fountain_bytes(p.read_bytes())).encode())
                except InputError:
                    pass
    return seeds


def run_one(reader: str, seconds: int, rss_mb: int, timeout: int, pdf: bool,
            max_len: int = 16384, write: bool = True) -> dict:
    """Run one harness; return its length, executions and crash files."""
    base = WORK / reader
    corpus = base / "corpus"          # libFuzzer adds what it learns here (shared by both modes)
    if not write:
        base = WORK / f"{reader}-read-only"  # own log and crashes: may run beside the full one
    crashes = base / "crashes"
    for d in (corpus, crashes):
        d.mkdir(parents=True, exist_ok=True)
    seeds = build_seeds(reader)
    before = {p.name for p in crashes.iterdir()}
    cmd = [sys.executable, str(ROOT / "fuzz" / f"fuzz_{reader}.py"),
           f"-max_total_time={seconds}", f"-rss_limit_mb={rss_mb}", f"-timeout={timeout}",
           f"-max_len={max_len}", "-print_final_stats=1", f"-artifact_prefix={crashes}/",
           str(corpus), str(seeds)]
    env = {**os.environ, "FUZZ_PDF": "1" if pdf else "0", "FUZZ_WRITE": "1" if write else "0"}
    log = base / "log.txt"
    start = time.monotonic()
    with open(log, "w") as f:
        rc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=env, cwd=base).returncode
    took = time.monotonic() - start
    text = log.read_text(errors="replace")
    execs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    cov = re.findall(r"cov: (\d+)", text)
    return {"reader": reader, "pdf": pdf, "write": write, "max_len": max_len,
            "seconds": round(took, 1), "executions": int(execs[-1]) if execs else None,
            "coverage": int(cov[-1]) if cov else None, "exit": rc,
            "crashes": sorted(p.name for p in crashes.iterdir() if p.name not in before),
            "log": str(log)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("readers", nargs="*", default=list(READERS), choices=READERS)
    ap.add_argument("--seconds", type=int, default=60, help="run length per harness")
    ap.add_argument("--jobs", type=int, default=2, help="harnesses run at once")
    ap.add_argument("--rss-mb", type=int, default=1024, help="memory limit per harness")
    ap.add_argument("--timeout", type=int, default=10, help="seconds allowed per input")
    ap.add_argument("--no-pdf", action="store_true", help="skip the PDF writer (faster)")
    ap.add_argument("--max-len", type=int, default=16384, help="largest input libFuzzer makes")
    ap.add_argument("--read-only", action="store_true",
                    help="fuzz the reader alone, without the writers (much faster)")
    a = ap.parse_args()
    with ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(lambda r: run_one(r, a.seconds, a.rss_mb, a.timeout, not a.no_pdf,
                                                a.max_len, not a.read_only),
                                a.readers))
    WORK.mkdir(parents=True, exist_ok=True)
    with open(WORK / "runs.jsonl", "a") as f:
        for r in results:
            f.write(json.dumps({**r, "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}) + "\n")
    print(f"{'reader':10} {'seconds':>8} {'execs':>9} {'cov':>6} exit new-crashes")
    for r in results:
        print(f"{r['reader']:10} {r['seconds']:8.1f} {r['executions'] or 0:9d} {r['coverage'] or 0:6d} "
              f"{r['exit']:4d} {len(r['crashes'])}")
    sys.exit(1 if any(r["crashes"] for r in results) else 0)


if __name__ == "__main__":
    main()
