"""The Fountain language server (``screenplay lsp``) and the pieces it is made of.

pygls and lsprotocol (the optional ``lsp`` extra) are imported only by the
modules that speak the protocol (:mod:`.server` and the feature modules);
:mod:`.text`, :mod:`.index`, :mod:`.diagnostics` and :mod:`.formatting` work on
plain text and the document model, so ``screenplay fmt`` runs without the extra.
"""


def main() -> None:
    """``screenplay-lsp``: the server without the command-line parser (for editor set-ups
    that take a program but no arguments)."""
    import sys
    try:
        from .server import main as serve
    except ImportError as e:
        sys.stderr.write(f"screenplay-lsp: error: needs the 'lsp' extra ({e.name or e} is "
                         "missing): pip install 'screenplay-toolchain[lsp]'\n")
        raise SystemExit(2) from None
    serve()
