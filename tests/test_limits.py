"""The per-file time limit: enforced in the main thread, harmless in any other."""
from __future__ import annotations

import threading
import time

import pytest

from toolchain.limits import TimeLimitExceeded, time_limit


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_the_limit_stops_a_long_block_in_the_main_thread():
    with pytest.raises(TimeLimitExceeded, match="0.05 s time limit"):
        with time_limit(0.05, "x.fountain"):
            _spin(2.0)


def test_a_block_inside_the_limit_finishes_and_the_alarm_is_cleared():
    with time_limit(5.0):
        _spin(0.01)
    _spin(0.05)  # no stray alarm afterwards


def test_no_limit_and_other_threads_run_unbounded():
    with time_limit(0):
        _spin(0.01)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.01):  # cannot be armed outside the main thread
                _spin(0.05)
        except BaseException as e:  # pragma: no cover - the failure being tested for
            errors.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert errors == []
