"""The Fountain language server (``screenplay lsp``) and the pieces it is made of.

pygls and lsprotocol (the optional ``lsp`` extra) are imported only by the
modules that speak the protocol (:mod:`.server` and the feature modules);
:mod:`.text`, :mod:`.index`, :mod:`.diagnostics` and :mod:`.formatting` work on
plain text and the document model, so ``screenplay fmt`` runs without the extra.
"""
