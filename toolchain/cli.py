"""Entry point of the ``screenplay`` command.

``toolchain.cli.app`` is the app with every command module loaded (tests and
tools use it).  :func:`main` loads only the module of the command being run
when the command line names one: each module imports what its command needs,
and a one-shot ``screenplay render`` should not pay for ``adapt`` or ``watch``.
Help, completion and unknown commands load them all, so they list every command.
A plain ``screenplay render`` skips Typer altogether (:mod:`toolchain.quick`).
"""
from __future__ import annotations

import gc
import sys

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Any

#: Command name -> the module that registers it on the app when imported.
#: A new command module is added here.
COMMAND_MODULES = {
    "convert": "cmd_convert",
    "check": "cmd_check",
    "render": "cmd_render",
    "adapt": "cmd_adapt",
    "report": "cmd_report",
    "watch": "cmd_watch",
    "build": "cmd_build",
    "fmt": "cmd_fmt",
    "lsp": "cmd_lsp",
    "lock": "cmd_lock",
    "revise": "cmd_revise",
}


def _load(names: "list[str] | None" = None) -> Any:
    """The app with the given command modules (default: all) registered."""
    import importlib

    from .app import app
    for name in (COMMAND_MODULES.values() if names is None else names):
        importlib.import_module(f"{__package__}.{name}")
    return app


def _modules_for(argv: list[str]) -> "list[str] | None":
    """The one command module a command line needs, or None for all of them.

    The root options are flags (``--version``, ``--quiet``), so the first word
    not starting with ``-`` is the command; with none (``--help``, completion)
    or an unknown one, every module is loaded so that help and errors list all.
    """
    for word in argv:
        if not word.startswith("-"):
            mod = COMMAND_MODULES.get(word)
            return [mod] if mod else None
    return None


def __getattr__(name: str) -> Any:
    if name == "app":
        return _load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    from .limits import stop_cleanly_on_sigterm
    from .quick import plan_render
    # A plain render runs the same work without Typer's start-up.
    run = plan_render(sys.argv[1:])
    if run is None:
        app = _load(_modules_for(sys.argv[1:]))
        run = lambda: _run_typer(app)  # noqa: E731
    # Everything imported so far (typer, click, our modules) lives until the
    # process ends.  Freezing it keeps the cyclic collector, and its full pass
    # at interpreter exit, from walking those objects again and again (about a
    # tenth of a one-shot render).  Objects made later are collected as usual.
    gc.freeze()
    stop_cleanly_on_sigterm()
    try:
        run()
    except KeyboardInterrupt:
        sys.stderr.write("screenplay: interrupted\n")
        sys.exit(130)

def _run_typer(app: Any) -> None:
    """Run the Typer app, reporting a usage error in one line like every other error.

    Typer draws usage errors in a box of five lines or more; ours are one line,
    ``screenplay: error: MESSAGE (see 'screenplay CMD --help')``, exit 2.
    """
    # (the ignores: which of the two modules exists depends on the Typer installed)
    try:  # Typer 0.28 carries its own copy of Click; earlier ones use Click itself
        from typer._click import exceptions as cx  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        from click import exceptions as cx  # type: ignore[no-redef, unused-ignore]

    from .runner import say_error
    try:
        code = app(standalone_mode=False)
    except cx.NoArgsIsHelpError as e:  # a bare command: its help, as before
        sys.stdout.write(e.ctx.get_help() + "\n")
        raise SystemExit(e.exit_code) from None
    except cx.UsageError as e:
        cmd = e.ctx.command_path if e.ctx is not None else "screenplay"
        say_error(f"{e.format_message()} (see '{cmd} --help')")
        raise SystemExit(e.exit_code) from None
    except cx.ClickException as e:
        say_error(e.format_message())
        raise SystemExit(e.exit_code) from None
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
