"""Resource limits the CLI enforces: time per file, and clean stops on signals.

Input size is bounded where files are read (``screenplay.textio``), XML depth by
the XML parser, and page count by the layout; this module adds the limits that
belong to a running command rather than to a format.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Iterator

from screenplay.errors import InputError

#: Default seconds one file may take (adapting, checking and rendering it).  A
#: 1,000-page script builds in well under a minute here; ten times that is a hang.
DEFAULT_TIME_LIMIT = 600.0


class TimeLimitExceeded(InputError):
    """One file took longer than the time limit allows."""


def time_limit_from_env() -> float:
    """``SCREENPLAY_TIME_LIMIT`` seconds (0 turns the limit off), else the default."""
    raw = os.environ.get("SCREENPLAY_TIME_LIMIT", "")
    try:
        return float(raw) if raw.strip() else DEFAULT_TIME_LIMIT
    except ValueError:
        return DEFAULT_TIME_LIMIT


@contextmanager
def time_limit(seconds: float | None, what: str = "") -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` if the block runs longer than ``seconds``.

    Uses SIGALRM, so it works only in the main thread on POSIX; elsewhere the
    block simply runs unbounded (the other limits still hold).  Python refuses
    a signal handler outside the main thread, which is how that is told (no
    need to import :mod:`threading` for it).
    """
    def _expired(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(f"took longer than the {seconds:g} s time limit "
                                "(SCREENPLAY_TIME_LIMIT=0 lifts it)", source=what or None)

    installed = False
    if seconds and seconds > 0 and hasattr(signal, "SIGALRM"):
        try:
            previous = signal.signal(signal.SIGALRM, _expired)
            installed = True
        except ValueError:  # not the main thread
            pass
    if not installed:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into an exception, so atomic writes remove their temporary files.

    By default Python dies on SIGTERM without unwinding; raising lets every
    ``finally`` run, and the exit status is the conventional 128 + 15.
    """
    def _term(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, _term)
    except ValueError:  # not the main thread: leave SIGTERM as it is
        pass
