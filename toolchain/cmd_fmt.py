"""``screenplay fmt``: rewrite Fountain files in the canonical form, in place.

The canonical form is what the project's Fountain writer makes of what the
reader read (:mod:`toolchain.lsp.formatting`); a file is rewritten only when the
result reads back to the same document, so formatting never changes what a
script says or how ``render`` prints it.  Writes are atomic and follow a
symbolic link to the file it names.  ``--check`` writes nothing and exits 1
when a file would change (for pre-commit hooks and CI); ``--diff`` writes
nothing and prints the change as a unified diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import typer

from screenplay.errors import InputError
from screenplay.formats import format_for
from screenplay.textio import decode_text, read_bytes, write_atomic

from .app import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Settings, app, guarded, stdout_write
from .runner import say_error


def _diff(path: str, old: str, new: str) -> str:
    import difflib
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                        f"a/{path}", f"b/{path}"))


def format_file(path: Path, check: bool, diff: bool) -> tuple[bool, str | None]:
    """Format one file; return (would change or changed, its diff when asked for).

    Raises :class:`InputError` for a file that is not readable Fountain.
    """
    from .lsp.formatting import format_fountain
    fmt = format_for(path)
    if fmt != "fountain":
        raise InputError(f"is {fmt.upper()}, not Fountain; fmt formats .fountain and .spmd "
                         "files", source=str(path))
    data = read_bytes(path)
    text = decode_text(data, str(path))
    try:
        new = format_fountain(text)
    except InputError as e:
        e.source = str(path)
        raise
    if new == text and data == new.encode("utf-8"):  # a BOM is dropped as well
        return False, None
    shown = _diff(str(path), text, new) if diff else None
    if not (check or diff):
        write_atomic(os.path.realpath(path), new)
    return True, shown


@app.command(epilog="""Examples:

  screenplay fmt draft.fountain                 (rewrite in place)

  screenplay fmt --check scripts/*.fountain     (exit 1 if any would change)

  screenplay fmt --diff draft.fountain          (show the change, write nothing)
""")
def fmt(
    files: list[Path] = typer.Argument(..., metavar="FILE...",
                                       help="Fountain files (.fountain, .spmd) to format."),
    check: bool = typer.Option(False, "--check",
                               help="Write nothing; exit 1 if any file would change."),
    diff: bool = typer.Option(False, "--diff",
                              help="Write nothing; print what would change as a unified diff."),
) -> None:
    """Rewrite Fountain files in the canonical form, in place and atomically.

    The result always reads back to the same screenplay, so what `render` prints
    never changes.  Exit status: 0 nothing to do or all formatted; 1 with --check,
    some file would change; 2 some file could not be read or written.
    """

    def work() -> int:
        code = EXIT_OK
        changed = 0
        for path in files:
            try:
                would, shown = format_file(path, check, diff)
            except InputError as e:
                say_error(str(e))
                code = max(code, EXIT_USAGE)
                continue
            except OSError as e:
                say_error(f"{path}: {e.strerror or e}")
                code = max(code, EXIT_USAGE)
                continue
            if not would:
                continue
            changed += 1
            if shown:
                stdout_write(shown)
            if check or diff:
                if check:
                    code = max(code, EXIT_PROBLEMS)
                if not Settings.quiet:
                    typer.echo(f"would reformat {path}", err=True)
            elif not Settings.quiet:
                typer.echo(f"reformatted {path}", err=True)
        if not Settings.quiet:
            verb = "would be reformatted" if check or diff else "reformatted"
            typer.echo(f"{changed} file(s) {verb}, {len(files) - changed} unchanged or "
                       "unreadable", err=True)
        return code

    raise typer.Exit(guarded(work))
