"""``screenplay lsp``: the Fountain language server, over standard input and output.

Needs the optional ``lsp`` extra (pygls and lsprotocol); without it the command
says how to install it and exits 2.  The server itself is :mod:`toolchain.lsp.server`.
"""
from __future__ import annotations

import typer

from .app import EXIT_USAGE, app, fail


@app.command(epilog="""Editors start it themselves; see "Editing Fountain" in the README.

  screenplay lsp            (speak LSP on stdin/stdout)
""")
def lsp(
    stdio: bool = typer.Option(True, "--stdio/--no-stdio", hidden=True,
                               help="Use standard input and output (the only transport)."),
) -> None:
    """Run the Fountain language server on stdin/stdout (for editors).

    Diagnostics (reader, schema, lint), outline, completion, hover, go to
    definition, references, rename of characters, formatting, folding and page
    code lenses for .fountain and .spmd documents.
    """
    try:
        from .lsp.server import main
    except ImportError as e:
        fail(f"screenplay lsp needs the 'lsp' extra ({e.name or e} is missing): "
             "pip install 'screenplay-toolchain[lsp]'", EXIT_USAGE)
    main()
