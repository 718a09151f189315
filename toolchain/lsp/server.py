"""``screenplay lsp``: the protocol wiring (pygls 2) over the feature modules.

Documents are kept by pygls' workspace with incremental sync.  Each request
reads the :class:`~.index.DocumentIndex` of the document's current version,
built once per version.  Diagnostics are computed after a short pause in typing
(debounced) on a worker thread, one analysis per document at a time, and
published only if no newer edit has arrived meanwhile: the reader's warnings
and lint first, with the last XML-schema findings carried along the edit, then
the schema's own findings once typing pauses (:meth:`FountainServer._diagnose`).
Completion answers from the last index built, so it never waits for a parse.

A document that cannot be read (control characters, a lone surrogate, over the
size limit) gets one error diagnostic, and every request about it an LSP error
response; nothing a client sends stops the server.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcParseError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from screenplay.model import Diagnostic
from toolchain import __version__

# named in full, not "from . import": the package's __init__ starts this module lazily
import toolchain.lsp.characters as characters
import toolchain.lsp.completion as completion
import toolchain.lsp.hover as hover
import toolchain.lsp.symbols as symbols
from .convert import code_point, lines_range, position
from .diagnostics import (Finding, check_findings, lint_diagnostics, place, schema_diagnostics,
                          shift)
from .formatting import format_fountain
from .incremental import IncrementalReader
from .index import DocumentIndex

#: LSP's RequestFailed: the request was valid but could not be answered.
REQUEST_FAILED = -32803
#: Pause after the last keystroke before diagnostics run (SCREENPLAY_LSP_DEBOUNCE_MS).
DEFAULT_DEBOUNCE_MS = 50
#: Pause in typing before the XML schema check (the slow part) runs again, in seconds.
SCHEMA_IDLE = 0.4

_SEVERITY = {"error": types.DiagnosticSeverity.Error,
             "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


class RequestFailed(JsonRpcException):
    CODE = REQUEST_FAILED


def _debounce_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("SCREENPLAY_LSP_DEBOUNCE_MS",
                                             DEFAULT_DEBOUNCE_MS))) / 1000
    except ValueError:
        return DEFAULT_DEBOUNCE_MS / 1000


log = logging.getLogger(__name__)


class _Answered:
    """Stands in for a request already answered with an error; pygls drops it unhandled."""

    jsonrpc = "answered"


class FountainProtocol(LanguageServerProtocol):
    """pygls' protocol, except that a request whose params do not fit its method gets an
    error response (pygls only logs it, and the client would wait for ever)."""

    def structure_message(self, data: Any) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "method" in data and "id" in data:
                msg_id = data["id"] if isinstance(data["id"], (int, str)) else None
                # pygls types the id as str | int, but JSON-RPC answers null when it cannot tell
                self._send_response(msg_id, error=types.ResponseError(  # type: ignore[arg-type]
                    code=exc.code, message=f"{exc.message or 'invalid request'} "
                    f"for {str(data['method'])[:80]}"))
                return _Answered()
            raise

    def handle_message(self, message: Any) -> Any:
        if not hasattr(message, "jsonrpc"):  # a JSON value that is no JSON-RPC message
            # null id: see structure_message (pygls' MsgId leaves out JSON-RPC's null)
            self._send_response(None, error=types.ResponseError(  # type: ignore[arg-type]
                code=-32600, message="not a JSON-RPC message"))
            return None
        return super().handle_message(message)


class _OneLine(logging.Formatter):
    """Log lines without tracebacks (an editor shows the server's stderr as its log);
    SCREENPLAY_DEBUG=1 brings them back."""

    def formatException(self, ei: Any) -> str:
        return super().formatException(ei) if os.environ.get("SCREENPLAY_DEBUG") else ""

    def format(self, record: logging.LogRecord) -> str:
        if os.environ.get("SCREENPLAY_DEBUG"):
            return super().format(record)
        record.exc_info = record.exc_text = None
        return super().format(record).split("\n", 1)[0]


class FountainServer(LanguageServer):
    """The language server, with the per-document state the features share."""

    def __init__(self) -> None:
        super().__init__("screenplay", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=FountainProtocol)
        self.indexes: dict[str, DocumentIndex] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.locks: dict[str, asyncio.Lock] = {}
        #: The last schema findings of each document, moved along with later edits.
        self.schema: dict[str, list[Diagnostic]] = {}
        #: Each document's reader, which keeps the pieces of the last version it read.
        self.readers: dict[str, IncrementalReader] = {}
        self.debounce = _debounce_seconds()

    def report_server_error(self, error: Exception, source: object) -> None:
        """A frame that is not JSON gets JSON-RPC's parse error; other errors are logged."""
        if isinstance(error, json.JSONDecodeError):
            # null id: see FountainProtocol.structure_message
            self.protocol._send_response(None, error=types.ResponseError(  # type: ignore[arg-type]
                code=JsonRpcParseError.CODE, message=f"not JSON: {error}"))
            return
        log.error("%s: %s", type(error).__name__, error)

    # -- documents ------------------------------------------------------------
    def text_of(self, uri: str) -> tuple[str, int | None]:
        """The open document's text and version (an LSP error if it is not open)."""
        doc = self.workspace.text_documents.get(unquote(uri))
        if doc is None:
            raise JsonRpcInvalidParams(f"{uri} is not open (send textDocument/didOpen first)")
        return doc.source, doc.version

    def index(self, uri: str) -> DocumentIndex:
        """The index of the document's current version (built now if it is stale)."""
        text, version = self.text_of(uri)
        ix = self.indexes.get(uri)
        if ix is None or ix.version != version:
            ix = DocumentIndex(text, version, self.reader(uri))
            self.indexes[uri] = ix
        return ix

    def reader(self, uri: str) -> IncrementalReader:
        r = self.readers.get(uri)
        if r is None:
            r = self.readers[uri] = IncrementalReader()
        return r

    def readable(self, uri: str) -> DocumentIndex:
        """The current index, or an LSP error response when the text cannot be read."""
        ix = self.index(uri)
        if ix.doc is None:
            msg = ix.error.message if ix.error is not None else "cannot be read"
            raise RequestFailed(f"the document cannot be read as Fountain: {msg}")
        return ix

    # -- diagnostics ----------------------------------------------------------
    def schedule(self, uri: str, delay: float, full: bool = False) -> None:
        """(Re)start the countdown to this document's diagnostics."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(
            self._diagnose(uri, delay, full))

    def shift_schema(self, uri: str, changes: Sequence[types.TextDocumentContentChangeEvent]) -> None:
        """Carry the last schema findings across edits until the schema runs again."""
        found = self.schema.get(uri)
        if not found:
            return
        for ch in changes:
            rng = getattr(ch, "range", None)
            if rng is None:  # the whole text was replaced: nothing to carry
                self.schema[uri] = []
                return
            found = shift(found, rng.start.line, rng.end.line,
                          ch.text.count("\n") + ch.text.count("\r") - ch.text.count("\r\n"))
        self.schema[uri] = found

    async def _diagnose(self, uri: str, delay: float, full: bool) -> None:
        """Publish lint at once and the schema's findings after a pause in typing.

        The reader and lint take a fraction of a full check; the XML schema the
        rest.  After a keystroke the lint findings go out with the previous
        schema findings (moved along with the edit); the schema runs once typing
        has paused for SCHEMA_IDLE and its findings follow.  On open (``full``)
        everything is computed before the first publication.
        """
        if delay:
            await asyncio.sleep(delay)
        lock = self.locks.setdefault(uri, asyncio.Lock())
        loop = asyncio.get_running_loop()
        async with lock:  # one analysis per document at a time; waiting here is cancellable
            try:
                text, version = self.text_of(uri)
            except JsonRpcInvalidParams:
                return  # closed meanwhile
            try:
                ix, lint_found = await loop.run_in_executor(None, _read_and_lint, text, version,
                                                            self.reader(uri))
                if full:
                    self.schema[uri] = await loop.run_in_executor(None, schema_diagnostics, ix)
            except Exception as e:  # a bug: say so in the editor rather than go quiet
                self._publish_failure(uri, version, e)
                return
            if not self._current(uri, version):
                return  # a newer edit will publish its own
            self.indexes[uri] = ix
            schema_found = self.schema.get(uri, []) if ix.doc is not None else []
            self._publish(uri, ix, lint_found + schema_found)
            if full or ix.doc is None:
                return
        await asyncio.sleep(SCHEMA_IDLE)
        async with lock:
            if not self._current(uri, version):
                return
            try:
                found = await loop.run_in_executor(None, schema_diagnostics, ix)
            except Exception as e:
                self._publish_failure(uri, version, e)
                return
            if not self._current(uri, version):
                return
            before = self.schema.get(uri, [])
            self.schema[uri] = found
            if found != before:
                self._publish(uri, ix, lint_found + found)

    def _current(self, uri: str, version: int | None) -> bool:
        doc = self.workspace.text_documents.get(unquote(uri))
        return doc is not None and doc.version == version

    def _publish(self, uri: str, ix: DocumentIndex, found: list[Diagnostic]) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=ix.version, diagnostics=[to_lsp(ix, f) for f in place(ix, found)]))

    def _publish_failure(self, uri: str, version: int | None, e: Exception) -> None:
        log.exception("diagnostics failed")
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0),
                                  end=types.Position(line=0, character=0)),
                severity=types.DiagnosticSeverity.Error, source="screenplay",
                code="internal-error", message=f"internal error: {type(e).__name__}: {e}")]))


def _read_and_lint(text: str, version: int | None, reader: IncrementalReader
                   ) -> tuple[DocumentIndex, list[Diagnostic]]:
    """Read one version of a document and lint it (runs on a worker thread)."""
    ix = DocumentIndex(text, version, reader)
    return ix, lint_diagnostics(ix)


def analyse(text: str, version: int | None) -> tuple[DocumentIndex, list[Finding]]:
    """Everything a full check finds in one version of a document (benchmarks, tests)."""
    ix = DocumentIndex(text, version)
    return ix, check_findings(ix)


def to_lsp(ix: DocumentIndex, f: Finding) -> types.Diagnostic:
    return types.Diagnostic(
        range=types.Range(start=position(ix, f.line, f.start), end=position(ix, f.line, f.end)),
        severity=_SEVERITY.get(f.severity, types.DiagnosticSeverity.Warning),
        code=f.rule, source="screenplay", message=f.message)


server = FountainServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FountainServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0.0, full=True)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FountainServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.shift_schema(params.text_document.uri, params.content_changes)
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FountainServer, params: types.DidSaveTextDocumentParams) -> None:
    pass  # diagnostics follow edits; saving changes nothing the server reads


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FountainServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.indexes.pop(uri, None)
    ls.locks.pop(uri, None)
    ls.schema.pop(uri, None)
    ls.readers.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(ls: FountainServer, params: types.DocumentSymbolParams
                    ) -> list[types.DocumentSymbol]:
    return symbols.document_symbols(ls.readable(params.text_document.uri))


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
def folding_range(ls: FountainServer, params: types.FoldingRangeParams
                  ) -> list[types.FoldingRange]:
    return symbols.folding_ranges(ls.readable(params.text_document.uri))


@server.feature(types.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: FountainServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    return symbols.code_lenses(ls.readable(params.text_document.uri))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: FountainServer, params: types.HoverParams) -> types.Hover | None:
    ix = ls.readable(params.text_document.uri)
    return hover.hover(ix, *code_point(ix, params.position))


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=[".", " ", "-", "("]))
def on_completion(ls: FountainServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    text, version = ls.text_of(uri)
    ix = ls.indexes.get(uri)
    if ix is None:
        ix = ls.index(uri)
    if ix.doc is None and ix.version == version:
        raise RequestFailed("the document cannot be read as Fountain: "
                            + (ix.error.message if ix.error else "cannot be read"))
    line = params.position.line
    current = _line_of(text, line)
    prev_blank = line == 0 or not _line_of(text, line - 1).strip()
    from .text import from_u16
    col = from_u16(current, params.position.character)
    items = completion.complete(ix if ix.doc is not None else None, current, prev_blank,
                                line, col)
    return types.CompletionList(is_incomplete=False, items=items)


def _line_of(text: str, n: int) -> str:
    """Line ``n`` of the text without splitting the whole document (cheap per keystroke)."""
    if n < 0:
        return ""
    start = 0
    if "\r" in text:
        from .text import split_lines
        lines = split_lines(text)
        return lines[n] if n < len(lines) else ""
    for _ in range(n):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def on_definition(ls: FountainServer, params: types.DefinitionParams) -> types.Location | None:
    ix = ls.readable(params.text_document.uri)
    return characters.definition(ix, params.text_document.uri, *code_point(ix, params.position))


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def on_references(ls: FountainServer, params: types.ReferenceParams
                  ) -> list[types.Location] | None:
    ix = ls.readable(params.text_document.uri)
    return characters.references(ix, params.text_document.uri,
                                 *code_point(ix, params.position),
                                 include_declaration=params.context.include_declaration)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def on_prepare_rename(ls: FountainServer, params: types.PrepareRenameParams
                      ) -> types.Range | None:
    ix = ls.readable(params.text_document.uri)
    return characters.prepare_rename(ix, *code_point(ix, params.position))


@server.feature(types.TEXT_DOCUMENT_RENAME)  # pygls offers prepareRename when the client can
def on_rename(ls: FountainServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    ix = ls.readable(params.text_document.uri)
    try:
        return characters.rename(ix, params.text_document.uri,
                                 *code_point(ix, params.position), params.new_name)
    except characters.RenameRefused as e:
        raise RequestFailed(str(e)) from None


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def on_formatting(ls: FountainServer, params: types.DocumentFormattingParams
                  ) -> list[types.TextEdit]:
    ix = ls.readable(params.text_document.uri)
    try:
        new = format_fountain(ix.text)
    except Exception as e:  # InputError (NotRoundTrip) and anything the writer trips on
        raise RequestFailed(f"cannot format: {getattr(e, 'message', e)}") from None
    return minimal_edit(ix, new)


def minimal_edit(ix: DocumentIndex, new: str) -> list[types.TextEdit]:
    """One edit replacing only the lines between the unchanged head and tail."""
    if new == ix.text:
        return []
    old_lines = ix.lines
    from .text import split_lines
    new_lines = split_lines(new)
    head = 0
    limit = min(len(old_lines), len(new_lines))
    while head < limit and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (tail < limit - head and old_lines[-1 - tail] == new_lines[-1 - tail]):
        tail += 1
    if "\r" in ix.text or head >= len(old_lines):  # keep it simple: replace everything
        return [types.TextEdit(range=lines_range(ix, 0, len(old_lines) - 1), new_text=new)]
    old_end = len(old_lines) - tail  # old lines [head, old_end) are replaced
    new_mid = new_lines[head:len(new_lines) - tail]
    if old_end < len(old_lines):  # replace whole lines, up to the start of the first kept one
        rng = types.Range(start=types.Position(line=head, character=0),
                          end=types.Position(line=old_end, character=0))
        text = "".join(ln + "\n" for ln in new_mid)
    elif head:  # the change reaches the end: replace from the end of the last kept line
        rng = types.Range(start=position(ix, head - 1, len(old_lines[head - 1])),
                          end=position(ix, len(old_lines) - 1, len(old_lines[-1])))
        text = "".join("\n" + ln for ln in new_mid)
    else:
        rng = lines_range(ix, 0, len(old_lines) - 1)
        text = "\n".join(new_mid)
    return [types.TextEdit(range=rng, new_text=text)]


def main() -> None:
    """Serve over stdin/stdout until the client says exit."""
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine("screenplay lsp: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if os.environ.get("SCREENPLAY_DEBUG") else logging.WARNING)
    server.start_io()


__all__ = ["server", "main", "FountainServer", "analyse", "minimal_edit", "lines_range"]
