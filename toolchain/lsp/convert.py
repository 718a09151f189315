"""Index positions (0-based line, code-point column) to and from LSP types (UTF-16 columns)."""
from __future__ import annotations

from lsprotocol import types

from .index import DocumentIndex, Span
from .text import from_u16, to_u16


def position(index: DocumentIndex, line: int, col: int) -> types.Position:
    text = index.lines[line] if 0 <= line < len(index.lines) else ""
    return types.Position(line=line, character=to_u16(text, col))


def span_range(index: DocumentIndex, span: Span) -> types.Range:
    return types.Range(start=position(index, span.line, span.start),
                       end=position(index, span.line, span.end))


def lines_range(index: DocumentIndex, first: int, last: int) -> types.Range:
    """From the start of line ``first`` to the end of line ``last``."""
    last = min(max(last, first), max(len(index.lines) - 1, 0))
    end_text = index.lines[last] if index.lines else ""
    return types.Range(start=types.Position(line=first, character=0),
                       end=position(index, last, len(end_text)))


def whole_range(index: DocumentIndex) -> types.Range:
    return lines_range(index, 0, len(index.lines) - 1)


def code_point(index: DocumentIndex, pos: types.Position) -> tuple[int, int]:
    """An LSP position as (line, code-point column) in this index's text."""
    line = pos.line
    text = index.lines[line] if 0 <= line < len(index.lines) else ""
    return line, from_u16(text, pos.character)
