"""Reading a long script again after a keystroke without reading all of it.

The text is cut before each scene heading that follows an empty line: the
reader starts a paragraph there whatever came before (a note cannot span an
empty line, and no reader rule looks at the element before), so each piece
reads the same alone as inside the whole.  Pieces are kept between versions,
keyed by their text; after an edit only the pieces that changed are read, and
pieces that merely moved (lines inserted above them) are copied with their line
numbers moved rather than read again.  Line ends and form feeds are normalised
first, as the reader does.  Text with boneyard (``/*``, which may span empty
lines) is read whole, as is every text when the pieces would not pay (short
scripts); a piece the reader refuses (a control character) sends the whole text
to the reader, so that its error names the line in the whole text.  The result is
the :class:`~screenplay.model.Document` the reader makes of the whole text,
element for element and line for line (``tests/test_lsp_incremental.py``).
"""
from __future__ import annotations

import re
from typing import Any

from screenplay.errors import InputError
from screenplay.fountain_reader import is_heading, parse_fountain
from screenplay.model import Diagnostic, Document, Speech

#: Where a piece may start: an empty line, then what may be a heading (checked with the
#: reader's own rule, is_heading, before it is used).
_CUT = re.compile(r"\n\n(?=[ \t]*(?:INT|EXT|EST|I|E|\u0418\u041d\u0422|\u041d\u0410\u0422"
                  r"|\u042d\u041a\u0421\u0422))", re.IGNORECASE)
#: Below this many characters the whole text is read (the reader takes a few ms).
MIN_CHARS = 20_000


def _shift_record(obj: Any, delta: int) -> Any:
    """A copy of a model element with every source line moved by ``delta``."""
    if isinstance(obj, Speech):
        first, last = obj.lines
        return Speech(_shift_record(obj.character, delta),
                      [_shift_record(p, delta) for p in obj.parts], (first + delta, last + delta))
    values = []
    for name in obj._fields:
        v = getattr(obj, name)
        if name == "lines" and v != (0, 0):
            v = (v[0] + delta, v[1] + delta)
        values.append(v)
    return type(obj)(*values)


class _Piece:
    __slots__ = ("offset", "doc")

    def __init__(self, offset: int, doc: Document) -> None:
        self.offset = offset  # lines before the piece in the text it was read from
        self.doc = doc        # read with absolute line numbers


class IncrementalReader:
    """Reads successive versions of one document, re-reading only the pieces that changed.

    Not thread-safe by itself: the server reads one document on one thread at a time.
    """

    def __init__(self) -> None:
        self._pieces: dict[str, _Piece] = {}
        self.reused = self.moved = self.read = 0  # counts of the last call, for tests

    def __call__(self, text: str) -> Document:
        self.reused = self.moved = self.read = 0
        norm = text[1:] if text.startswith("\ufeff") else text
        if "\r" in norm:  # the reader's own normalisation, so that pieces match its lines
            norm = norm.replace("\r\n", "\n").replace("\r", "\n")
        if "\x0c" in norm:
            norm = norm.replace("\x0c", "\n")
        if len(norm) < MIN_CHARS or "/*" in norm:
            self._pieces = {}
            self.read = 1
            return parse_fountain(text)
        starts = [0]
        for m in _CUT.finditer(norm):
            at = m.start() + 2
            eol = norm.find("\n", at)
            if is_heading(norm[at:eol if eol >= 0 else len(norm)].strip()):
                starts.append(at)
        starts.append(len(norm))
        pieces: dict[str, _Piece] = {}
        title: list = []
        body: list = []
        diags: list[Diagnostic] = []
        offset = 0
        try:
            for k in range(len(starts) - 1):
                seg = norm[starts[k]:starts[k + 1]]
                piece = pieces.get(seg) or self._pieces.get(seg)
                if piece is None:
                    self.read += 1
                    piece = _Piece(offset, _relative(parse_fountain(seg), offset))
                elif piece.offset != offset:
                    self.moved += 1
                    piece = _Piece(offset, _moved(piece.doc, offset - piece.offset))
                else:
                    self.reused += 1
                pieces[seg] = piece
                if k == 0:
                    title = piece.doc.title_page
                body.extend(piece.doc.body)
                diags.extend(piece.doc.diagnostics)
                offset += seg.count("\n")
        except InputError:
            self._pieces = {}
            return parse_fountain(text)  # raises again, with the line in the whole text
        self._pieces = pieces
        return Document(title, body, diags)


def _relative(doc: Document, offset: int) -> Document:
    """A piece's document with its lines counted in the whole text."""
    return _moved(doc, offset) if offset else doc


def _moved(doc: Document, delta: int) -> Document:
    return Document([_shift_record(f, delta) for f in doc.title_page],
                    [_shift_record(el, delta) for el in doc.body],
                    [Diagnostic(d.line + delta, d.message, d.rule, d.severity)
                     for d in doc.diagnostics])
