"""The Typer application object and the error discipline every command shares.

Commands live in their own modules and register on :data:`app`.  Each runs its
work through :func:`guarded`, so that bad input becomes one line on stderr and
a documented exit code, never a traceback:

* 0  ok
* 1  problems found in the input (check errors, a refused overwrite)
* 2  usage or I/O error: the input could not be read or the output written
* 3  internal error (a bug: please report it)
"""
from __future__ import annotations

import os
import sys
from typing import Callable, NoReturn, TypeVar

import typer

from screenplay.errors import InputError

from . import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="screenplay",
    help="Adapt synopses into Fountain screenplays, check them, and render PDF and HTML scripts.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

T = TypeVar("T")

#: Set by the global ``--quiet`` option: warnings and progress are not shown.
QUIET = False


class Refused(Exception):
    """A command declines to act (for example, to overwrite an edited file)."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS):
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"screenplay: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    if not QUIET:
        typer.echo(f"screenplay: warning: {message}", err=True)


def guarded(work: Callable[[], T], time_limited: bool = True) -> T:
    """Run a command body, turning every failure into one line and an exit code.

    ``time_limited`` bounds the whole body by the per-file time limit; commands
    that handle several files (``build``) pass False and bound each file.
    """
    from .limits import time_limit, time_limit_from_env
    try:
        with time_limit(time_limit_from_env() if time_limited else None):
            return work()
    except typer.Exit:
        raise
    except InputError as e:
        fail(str(e), EXIT_USAGE)
    except Refused as e:
        fail(str(e), e.code)
    except KeyboardInterrupt:
        typer.echo("screenplay: interrupted; no file was left half-written", err=True)
        raise typer.Exit(130)
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


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"screenplay {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version_callback,
                                 is_eager=True, help="Show the version and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Show errors only: no warnings, progress or summaries."),
) -> None:
    """Adapt synopses into Fountain screenplays, check them, and render PDF and HTML scripts.

    Exit codes: 0 ok; 1 problems found in the input (check errors, an edited file
    left alone); 2 usage or I/O error (unreadable input, unwritable output);
    3 internal error.
    """
    global QUIET
    QUIET = quiet


def stdout_write(data: str | bytes) -> None:
    if isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
