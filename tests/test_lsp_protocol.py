"""The language server against a hostile client: raw JSON-RPC frames over stdio.

Malformed JSON, unknown methods, requests with missing or wrong-typed params,
text no Fountain reader accepts (a lone surrogate escaped in JSON, NUL bytes):
each gets an error response or an error diagnostic, and the server goes on
answering and exits cleanly when told to.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")


class RawClient:
    """A minimal LSP client: frames out, frames in (read on a thread)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "toolchain", "lsp"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages: list[dict] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = out.read(length or 0)
            with self.cond:
                self.messages.append(json.loads(body))
                self.cond.notify_all()

    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def wait(self, pred, timeout: float = 20.0) -> dict:
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                for m in self.messages:
                    if pred(m):
                        return m
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no such message; got {self.messages[-5:]}")
                self.cond.wait(left)

    def response(self, msg_id: int) -> dict:
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m)

    def diagnostics(self, uri: str) -> dict:
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri)


@pytest.fixture
def raw():
    c = RawClient()
    c.send({"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                         "capabilities": {}}})
    assert "result" in c.response(1)
    c.send({"method": "initialized", "params": {}})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
    c.proc.wait(10)
    for f in (c.proc.stdin, c.proc.stdout, c.proc.stderr):
        if f:
            f.close()


def _alive(c: RawClient, msg_id: int) -> None:
    """The server still answers a good request."""
    c.send({"id": msg_id, "method": "textDocument/documentSymbol",
            "params": {"textDocument": {"uri": "untitled:ok.fountain"}}})
    assert "result" in c.response(msg_id)


def _open(c: RawClient, uri: str, text: str) -> None:
    c.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "fountain", "version": 1, "text": text}}})


def test_malformed_requests_get_errors_and_the_server_goes_on(raw):
    _open(raw, "untitled:ok.fountain", "INT. ROOM - DAY\n\nBOB\nHi.\n")
    raw.diagnostics("untitled:ok.fountain")
    raw.send_raw(b"{this is not json")
    assert raw.wait(lambda m: m.get("id") is None and "error" in m)["error"]["code"] == -32700
    raw.send_raw(b'[1, {"a": null}]')
    assert raw.wait(lambda m: m.get("id") is None and m.get("error", {}).get("code") == -32600)
    _alive(raw, 2)
    raw.send({"id": 3, "method": "screenplay/noSuchMethod", "params": {}})
    assert raw.response(3)["error"]["code"] == -32601
    raw.send({"id": 4, "method": "textDocument/hover", "params": {"textDocument": {}}})
    assert "error" in raw.response(4)
    raw.send({"id": 5, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "untitled:ok.fountain"},
        "position": {"line": "three", "character": -1}}})
    assert "error" in raw.response(5)
    raw.send({"id": 6, "method": "textDocument/rename", "params": {
        "textDocument": {"uri": "untitled:ok.fountain"},
        "position": {"line": 2, "character": 1}, "newName": "BOB\nSMITH"}})
    assert "one non-empty line" in raw.response(6)["error"]["message"]
    raw.send({"id": 7, "method": "textDocument/formatting", "params": {
        "textDocument": {"uri": "untitled:never-opened.fountain"},
        "options": {"tabSize": 4, "insertSpaces": True}}})
    assert "is not open" in raw.response(7)["error"]["message"]
    _alive(raw, 8)
    raw.send({"id": 9, "method": "shutdown"})
    assert raw.response(9)["result"] is None
    raw.send({"method": "exit"})
    assert raw.proc.wait(20) == 0
    assert raw.proc.stderr is not None
    err = raw.proc.stderr.read()
    assert b"Traceback" not in err, err.decode()


def test_unreadable_text_gets_an_error_diagnostic(raw):
    # A lone surrogate can only arrive as a JSON escape: no UTF-8 encodes it.
    raw.send_raw(b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": '
                 b'{"textDocument": {"uri": "untitled:s.fountain", "languageId": "fountain", '
                 b'"version": 1, "text": "INT. A - DAY\\n\\nX \\udc00 Y\\n"}}}')
    d = raw.diagnostics("untitled:s.fountain")["params"]["diagnostics"]
    assert len(d) == 1 and d[0]["severity"] == 1 and "surrogate" in d[0]["message"]
    assert d[0]["range"]["start"]["line"] == 2
    _open(raw, "untitled:nul.fountain", "A\x00B\n" * 100)
    d = raw.diagnostics("untitled:nul.fountain")["params"]["diagnostics"]
    assert len(d) == 1 and "U+0000" in d[0]["message"]
    raw.send({"id": 2, "method": "textDocument/formatting", "params": {
        "textDocument": {"uri": "untitled:nul.fountain"},
        "options": {"tabSize": 4, "insertSpaces": True}}})
    err = raw.response(2)["error"]
    assert err["code"] == -32803 and "cannot be read as Fountain" in err["message"]
    _open(raw, "untitled:huge.fountain", "x" * (17 * 1024 * 1024))
    d = raw.diagnostics("untitled:huge.fountain")["params"]["diagnostics"]
    assert "input limit" in d[0]["message"]
    _open(raw, "untitled:ok.fountain", "INT. ROOM - DAY\n\nBOB\nHi.\n")
    _alive(raw, 3)


_WITHOUT_PYGLS = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pygls", "lsprotocol"):
            raise ImportError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
sys.argv = ["screenplay"] + sys.argv[1:]
from toolchain.cli import main
main()
"""


@pytest.mark.parametrize("argv", [["lsp"],
                                  ["fmt", "--check", "tests/fixtures/lsp/harbour.fountain"]])
def test_without_the_lsp_extra(argv: list[str]) -> None:
    """`lsp` says how to install the extra (exit 2, one line); `fmt` does not need it."""
    from .conftest import ROOT
    p = subprocess.run([sys.executable, "-c", _WITHOUT_PYGLS, *argv], capture_output=True,
                       text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)
    if argv[0] == "lsp":
        assert p.returncode == 2
        lines = p.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("screenplay: error: screenplay lsp needs ")
        assert lines[0].endswith("is missing): pip install 'screenplay-toolchain[lsp]'")
    else:
        assert p.returncode in (0, 1) and "Traceback" not in p.stderr
