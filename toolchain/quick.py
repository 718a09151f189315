"""A quick path for the most common command line: ``screenplay render FILE [options]``.

Importing Typer (and the Click it carries) costs about 30 ms, a fifth of a
one-shot render of a feature script, and a render from an editor's "export"
button or a ``make`` rule pays it every time.  A command line that is plainly a
render (the command, one input file, and only render's own options, declared
once in :mod:`toolchain.render_options` and :mod:`toolchain.layout_options` for
Typer and this parser alike) does not need a general parser, so it runs here
with the same code and the same error discipline as the full CLI (:mod:`toolchain.rendering`,
:mod:`toolchain.runner`).

Anything else, including help, unknown or repeated options, a ``--`` separator
and values that start with ``-``, is left to Typer, so that its messages and
exit codes stay the only ones users see for a command line it would question.
``SCREENPLAY_FULL_CLI=1`` turns the quick path off (the tests compare the two).
"""
from __future__ import annotations

import gc
import os

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Callable

#: Root options the quick path understands (both mean ``--quiet``).
_QUIET = ("--quiet", "-q")


def _canonical(path: str) -> bool:
    """Whether ``path`` reads the same after pathlib's clean-up (``Path(path)``).

    The full CLI hands commands Path objects, which drop ``.`` and empty parts
    (``./a//b/`` prints as ``a/b``); messages name files the way they print.  The
    quick path passes strings on, so it takes only those that are already clean
    and leaves the rest to the full CLI.  Paper and mode names pass trivially.
    """
    if os.sep != "/" or os.altsep:
        return False  # other path rules (Windows): always the full CLI
    body = path[1:] if path.startswith("/") else path
    return bool(path) and all(part not in ("", ".") for part in body.split("/"))


def plan_render(argv: list[str]) -> "Callable[[], None] | None":
    """The render a command line asks for, ready to run; None to use the full CLI."""
    if os.environ.get("SCREENPLAY_FULL_CLI") or any(k.endswith("_COMPLETE") for k in os.environ):
        return None  # asked for the full CLI; or shell completion, which is Click's business
    quiet = False
    i = 0
    while i < len(argv) and argv[i] in _QUIET:
        quiet = True
        i += 1
    if i >= len(argv) or argv[i] != "render":
        return None
    from .layout_options import QUICK_OPTIONS
    from .render_options import BY_FLAG
    options: dict[str, object] = {}
    layout: dict[str, object] = {}
    files: list[str] = []
    paths: list[str] = []
    rest = argv[i + 1:]
    k = 0
    while k < len(rest):
        word = rest[k]
        if not word.startswith("-"):
            files.append(word)
            k += 1
            continue
        name, eq, value = word.partition("=")
        given: dict[str, object]
        fixed: object                       # a switch's value; None: the next word
        if name in BY_FLAG:
            option = BY_FLAG[name]
            given, key = options, option.name
            fixed = True if option.kind == "switch" else None
        elif name in QUICK_OPTIONS:
            given, (key, fixed) = layout, QUICK_OPTIONS[name]
        else:
            return None                     # not one of render's: Typer says so
        if key in given:
            return None                     # repeated: Typer decides what that means
        if fixed is not None:
            if eq:
                return None                 # a switch takes no value
            given[key] = fixed
            k += 1
            continue
        if not eq:
            if k + 1 >= len(rest):
                return None
            k += 1
            value = rest[k]
        if not value or value[0] == "-":
            return None
        if name in BY_FLAG and BY_FLAG[name].kind == "path":
            paths.append(value)
        given[key] = value
        k += 1
    if len(files) != 1 or not all(_canonical(p) for p in [*files, *paths]):
        return None

    def run() -> None:
        from .rendering import render_file
        from .runner import Settings, guarded
        Settings.quiet = quiet
        # One document read, laid out and written once, then the process ends:
        # the cyclic collector would only walk its objects between the stages
        # and again at exit (3-4% of the run) and find no cycles to free.
        gc.disable()
        guarded(lambda: render_file(files[0], layout=layout, **options))  # type: ignore[arg-type]
        gc.freeze()

    return run
