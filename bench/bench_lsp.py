"""Benchmark: language-server latency as an editor sees it, over stdio.

Usage:
    .venv/bin/python bench/bench_lsp.py [--keystrokes N] [--json]

For each input (synthetic scripts of about 120 and 1,000 pages from
``bench/synth.py``, and Big Fish from ../shared when it is there) one
``screenplay lsp`` process is started and driven by a minimal JSON-RPC client:

* **open**: ``didOpen`` to the first ``publishDiagnostics`` (the full check:
  reader, lint, XML schema and Schematron);
* **keystroke -> diagnostics**: one character typed into an action line in the
  middle of the script (an incremental ``didChange``), to the publication of
  diagnostics for that version, with the server's default debounce (50 ms)
  included; keystrokes are spaced so that each one's schema check finishes first;
* **keystroke -> completion**: a letter typed at the start of a cue line, then a
  completion request at once, to its response (the pending diagnostics of the
  keystroke compete for the interpreter, as they do in an editor).

Medians over the keystrokes (and the 90th percentile).  A benchmark, not a
test: it prints figures and asserts nothing; they depend on the machine's load.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIG_FISH, ROOT, machine
from bench.synth import synth_fountain


class Client:
    """Frames to the server's stdin; frames from its stdout collected on a thread."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "toolchain", "lsp"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        self.cond = threading.Condition()
        self.responses: dict[int, tuple[float, dict]] = {}
        self.published: dict[tuple[str, int], float] = {}  # first publication per version
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if not line.strip():
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            msg = json.loads(out.read(length))
            now = time.perf_counter()
            with self.cond:
                if msg.get("method") == "textDocument/publishDiagnostics":
                    p = msg["params"]
                    self.published.setdefault((p["uri"], p.get("version")), now)
                elif "id" in msg and "method" not in msg:
                    self.responses[msg["id"]] = (now, msg)
                self.cond.notify_all()

    def notify(self, method: str, params: dict) -> float:
        return self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict) -> tuple[float, dict]:
        """Send a request; return (seconds to its response, the response)."""
        self.next_id += 1
        msg_id = self.next_id
        sent = self._send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        with self.cond:
            self.cond.wait_for(lambda: msg_id in self.responses, timeout=120)
            at, resp = self.responses[msg_id]
        return at - sent, resp

    def _send(self, msg: dict) -> float:
        body = json.dumps(msg).encode("utf-8")
        assert self.proc.stdin is not None
        t = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return t

    def wait_published(self, uri: str, version: int, timeout: float = 120) -> float:
        with self.cond:
            self.cond.wait_for(lambda: (uri, version) in self.published, timeout=timeout)
            return self.published[(uri, version)]

    def close(self) -> None:
        try:
            self.request("shutdown", None)  # type: ignore[arg-type]
            self.notify("exit", None)  # type: ignore[arg-type]
            self.proc.wait(30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def _action_line(lines: list[str]) -> int:
    """A plain action line after a blank one, in the second half of the script."""
    for i in range(len(lines) // 2, len(lines)):
        s = lines[i]
        if s[:1].isupper() and s.rstrip().endswith(".") and not s.isupper() \
                and lines[i - 1] == "":
            return i
    raise SystemExit("no action line found in the second half of the script")


def bench_one(label: str, text: str, keystrokes: int) -> dict[str, object]:
    from screenplay.fountain_reader import parse_fountain
    from screenplay.layout import paginate
    pages = len(paginate(parse_fountain(text)).pages)
    client = Client()
    uri = f"file:///bench/{label.replace(' ', '-')}.fountain"
    client.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                  "capabilities": {}})
    client.notify("initialized", {})
    sent = client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "fountain", "version": 1, "text": text}})
    open_s = client.wait_published(uri, 1) - sent
    lines = text.split("\n")
    action = _action_line(lines)
    version = 1
    gap = max(0.3, 0.4 + 1.5 * open_s)  # past the schema pause and the schema check

    def change(line: int, start: int, end: int, new: str) -> float:
        nonlocal version
        version += 1
        return client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": start},
                                          "end": {"line": line, "character": end}},
                                "text": new}]})

    diag: list[float] = []
    for k in range(keystrokes):
        col = len(lines[action]) // 2
        t = change(action, col, col, "x") if k % 2 == 0 else change(action, col, col + 1, "")
        diag.append(client.wait_published(uri, version) - t)
        time.sleep(gap)
    # Completion: open an empty line above the action (blank before it), type a letter.
    change(action, 0, 0, "\n\n")
    time.sleep(gap)
    cue_line = action + 1
    comp: list[float] = []
    for k in range(keystrokes):
        if k % 2 == 0:
            change(cue_line, 0, 0, "M")
            col = 1
        else:
            change(cue_line, 0, 1, "")
            col = 0
        took, resp = client.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": cue_line, "character": col}})
        assert "result" in resp, resp
        comp.append(took)
        time.sleep(gap)
    client.close()

    def ms(xs: list[float]) -> dict[str, float]:
        xs = sorted(xs)
        return {"median_ms": round(statistics.median(xs) * 1000, 1),
                "p90_ms": round(xs[int(0.9 * (len(xs) - 1))] * 1000, 1)}
    return {"input": label, "pages": pages, "bytes": len(text.encode("utf-8")),
            "open_ms": round(open_s * 1000, 1), "keystroke_diagnostics": ms(diag),
            "keystroke_completion": ms(comp), "keystrokes": keystrokes}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keystrokes", type=int, default=15)
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args()
    inputs = [("synthetic 120 p", synth_fountain(120)), ("synthetic 1,000 p",
                                                         synth_fountain(1000))]
    if BIG_FISH.exists():
        inputs.insert(0, ("Big Fish (corpus)", BIG_FISH.read_text(encoding="utf-8")))
    else:
        print(f"(Big Fish skipped: {BIG_FISH} is missing)", file=sys.stderr)
    load_before = os.getloadavg()[0]
    rows = [bench_one(label, text, args.keystrokes) for label, text in inputs]
    info = machine()
    info["load_average_before"] = round(load_before, 2)
    if args.json:
        print(json.dumps({"machine": info, "results": rows}, indent=1))
        return
    print(f"Median (90th percentile) over {args.keystrokes} keystrokes, one server per input; "
          f"machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
          f"load {info['load_average_before']} -> {info['load_average'][0]}.\n")
    print("| input | pages | open: full check | keystroke -> diagnostics | "
          "keystroke -> completion |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        d, c = r["keystroke_diagnostics"], r["keystroke_completion"]
        print(f"| {r['input']} | {r['pages']} | {r['open_ms']} ms | {d['median_ms']} ms "
              f"({d['p90_ms']}) | {c['median_ms']} ms ({c['p90_ms']}) |")


if __name__ == "__main__":
    main()
