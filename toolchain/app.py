"""The Typer application object, its root options, and the shared error discipline.

Commands live in their own modules and register on :data:`app`.  Each runs its
work through :func:`guarded` (from :mod:`toolchain.runner`, re-exported here),
so that bad input becomes one line on stderr and a documented exit code, never
a traceback:

* 0  ok
* 1  problems found in the input (check errors, a refused overwrite)
* 2  usage or I/O error: the input could not be read or the output written
* 3  internal error (a bug: please report it)
"""
from __future__ import annotations

import typer

from . import __version__
from .runner import (EXIT_INTERNAL, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Refused, Settings,
                     fail, guarded, stdout_write, warn)

__all__ = ["app", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_INTERNAL", "Refused",
           "Settings", "fail", "guarded", "stdout_write", "warn"]

app = typer.Typer(
    name="screenplay",
    help="Adapt synopses into Fountain screenplays, check them, and render PDF and HTML scripts.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
    Settings.quiet = quiet

