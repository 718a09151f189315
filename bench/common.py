"""Measurement shared by every benchmark script: one way to time a run, for us and the peers.

Every contender is timed the same way so that the figures can sit side by side:
a fresh child process per run (interpreter or Node start-up included, as a
user pays it), wall time from ``perf_counter`` around it, CPU time and peak
resident memory of that very child from ``os.wait4`` (no ``/usr/bin/time``
needed, and no mixing with other children), medians over several runs.
In-process figures (parse only, stages) run in a child too, which prints its
own timings as JSON, so its peak memory is measured the same way.
"""
from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import threading
import time
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

#: Where the peers (screenplain, afterwriting, jouvence) are installed, outside the
#: project: $SCREENPLAY_PEERS, else a "peers" folder in the system's temporary directory.
PEERS = Path(os.environ.get("SCREENPLAY_PEERS") or Path(tempfile.gettempdir()) / "peers")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BIG_FISH = SHARED / "corpus" / "fountain" / "spec-samples" / "Big-Fish.fountain"
LONG_SEED = SHARED / "seeds" / "amour-long.txt"
VENV_BIN = Path(sys.executable).parent
SCREENPLAY = VENV_BIN / "screenplay"

#: A run longer than this is stopped and reported as failed rather than waited on.
TIMEOUT_S = 600.0


class RunFailed(Exception):
    """A contender exited non-zero, was killed, or timed out; the message says which."""


@dataclass
class Sample:
    """One run of one command: wall and CPU seconds, and the child's peak RSS in MiB."""

    wall: float
    cpu: float
    peak_mib: float


@dataclass
class Stats:
    """Runs of one command: medians of time, and the largest peak memory seen."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def wall_min(self) -> float:
        return min(s.wall for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.peak_mib for s in self.samples)

    def as_dict(self) -> dict[str, float]:
        return {"wall_s": round(self.wall, 4), "wall_min_s": round(self.wall_min, 4),
                "cpu_s": round(self.cpu, 4), "peak_mib": round(self.peak_mib, 1),
                "runs": len(self.samples)}


def bench_env(pycache: Path | None = None) -> dict[str, str]:
    """Environment for every contender: byte code cached, as after a normal install.

    Some sandboxes set PYTHONDONTWRITEBYTECODE, which would make our source tree
    compile on every run while a pip-installed peer has its .pyc files.  The
    cache goes to a temporary folder, never into the repository.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def split_env(cmd: list[str], env: dict[str, str] | None) -> tuple[list[str], dict[str, str]]:
    """Leading ``NAME=value`` words of a command are environment settings for it."""
    extra = dict(env if env is not None else os.environ)
    while cmd and "=" in cmd[0] and not cmd[0].startswith("/"):
        k, v = cmd[0].split("=", 1)
        extra[k] = v
        cmd = cmd[1:]
    return cmd, extra


def run_once(cmd: list[str], env: dict[str, str] | None = None,
             timeout: float = TIMEOUT_S, capture: bool = False) -> tuple[Sample, str]:
    """Run cmd once as a child; its Sample, and its stdout when capture is set."""
    cmd, env = split_env(cmd, env)
    t0 = time.perf_counter()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=env)
    except OSError as e:
        raise RunFailed(f"{cmd[0]}: {e}") from None
    timer = threading.Timer(timeout, lambda: os.kill(proc.pid, signal.SIGKILL))
    timer.start()
    try:
        # reading the pipes before wait4 keeps a chatty child from blocking on a full pipe
        out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - t0
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        why = "timed out" if code == -signal.SIGKILL else f"exit {code}"
        last = err.strip().splitlines()[-1:] or [""]
        raise RunFailed(f"{Path(cmd[0]).name} {why}: {last[0][:200]}")
    # Linux reports ru_maxrss in KiB
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0), out


def measure(cmds: dict[str, list[str]], runs: int, env: dict[str, str] | None = None,
            warmup: bool = True) -> dict[str, Stats | str]:
    """Time several commands, interleaved run by run so that load hits them alike.

    Each gets one untimed warm-up run (page cache, .pyc files).  A command that
    fails is dropped from the rest of the runs and reported by its message.
    """
    result: dict[str, Stats | str] = {name: Stats() for name in cmds}
    for name, cmd in cmds.items():
        if warmup:
            try:
                run_once(cmd, env)
            except RunFailed as e:
                result[name] = str(e)
    for _ in range(runs):
        for name, cmd in cmds.items():
            stats = result[name]
            if isinstance(stats, str):
                continue
            try:
                stats.samples.append(run_once(cmd, env)[0])
            except RunFailed as e:
                result[name] = str(e)
    return result


def child_json(cmd: list[str], env: dict[str, str] | None = None) -> tuple[dict, float]:
    """Run a child that prints JSON (its own in-process timings); that JSON and its peak MiB."""
    sample, out = run_once(cmd, env, capture=True)
    try:
        return json.loads(out.strip().splitlines()[-1]), sample.peak_mib
    except (ValueError, IndexError):
        raise RunFailed(f"{Path(cmd[0]).name} printed no JSON: {out[-200:]!r}") from None


def instructions(cmd: list[str], env: dict[str, str] | None = None) -> int | None:
    """Instructions one run of cmd executes, counted by valgrind's callgrind; None without it.

    Wall time on a shared two-core machine moves by tens of percent from run to
    run; an instruction count is the same every time for the same program and
    input, so it settles "which is faster" when the timings overlap.  It counts
    work, not waiting: I/O and cache misses are not in it.
    """
    import re
    import shutil
    if shutil.which("valgrind") is None:
        return None
    cmd, env = split_env(cmd, env)
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                       timeout=TIMEOUT_S * 10)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if p.returncode == 0 and m else None


def repeat_text(path: Path, times: int) -> str:
    """A script's text repeated, blank lines between, as the issues' "x10" inputs are made."""
    text = path.read_text(encoding="utf-8")
    return "\n\n".join([text] * times)


def machine() -> dict[str, object]:
    """What the figures were measured on: CPU, cores, memory, Python, load."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = int(line.split()[1]) / 1024 / 1024
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": round(ram_gib, 1),
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}",
            "load_average": [round(x, 2) for x in os.getloadavg()]}
