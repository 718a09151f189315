"""The error discipline every command shares, without importing Typer.

Each command runs its work through :func:`guarded`, so that bad input becomes
one line on stderr and a documented exit code, never a traceback:

* 0  ok
* 1  problems found in the input (check errors, a refused overwrite)
* 2  usage or I/O error: the input could not be read or the output written
* 3  internal error (a bug: please report it)

This lives apart from the Typer app (:mod:`toolchain.app`) so that the quick
path for a plain ``screenplay render`` (:mod:`toolchain.quick`) behaves exactly
like the full CLI while skipping Typer's start-up, a fifth of a one-shot render.
A failure leaves by ``SystemExit`` with the exit code, which Typer passes through.
"""
from __future__ import annotations

import os
import sys

from screenplay.errors import InputError

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Callable, NoReturn, TypeVar

    T = TypeVar("T")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Ctrl-C, by the shell's convention (128 + SIGINT).
EXIT_INTERRUPTED = 130


class Settings:
    """Options that hold for the whole command line (set by the root options)."""

    #: ``--quiet``: warnings and progress are not shown.
    quiet = False


class Refused(Exception):
    """A command declines to act (for example, to overwrite an edited file)."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS):
        super().__init__(message)
        self.code = code


def say_error(message: str) -> None:
    sys.stderr.write(f"screenplay: error: {message}\n")
    sys.stderr.flush()


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Report one error line and leave with ``code``."""
    say_error(message)
    raise SystemExit(code)


def warn(message: str) -> None:
    if not Settings.quiet:
        sys.stderr.write(f"screenplay: warning: {message}\n")
        sys.stderr.flush()


def guarded(work: "Callable[[], T]", time_limited: bool = True) -> "T":
    """Run a command body, turning every failure into one line and an exit code.

    ``time_limited`` bounds the whole body by the per-file time limit; commands
    that handle several files (``build``) pass False and bound each file.
    """
    from .limits import time_limit, time_limit_from_env
    from .pdf_progress import install
    install()
    try:
        with time_limit(time_limit_from_env() if time_limited else None):
            return work()
    except InputError as e:
        fail(str(e), EXIT_USAGE)
    except Refused as e:
        fail(str(e), e.code)
    except KeyboardInterrupt:
        sys.stderr.write("screenplay: interrupted; no file was left half-written\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    except OSError as e:
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        fail(f"{where}{e.strerror or e}", EXIT_USAGE)
    except MemoryError:
        fail("out of memory on this input", EXIT_USAGE)
    except RecursionError:
        fail("input is nested too deeply", EXIT_USAGE)
    except Exception as e:  # a bug: still no traceback for the user
        if os.environ.get("SCREENPLAY_DEBUG"):
            raise
        fail(f"internal error: {type(e).__name__}: {e} (set SCREENPLAY_DEBUG=1 for a traceback)",
             EXIT_INTERNAL)


def stdout_write(data: str | bytes) -> None:
    if isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
