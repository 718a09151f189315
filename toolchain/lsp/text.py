"""Lines and columns as LSP counts them.

LSP positions are (line, character) with characters counted in UTF-16 code
units (the default position encoding), while Python strings index code points.
Line breaks are ``\\r\\n``, ``\\r`` or ``\\n``, the same ones the Fountain reader
turns into line breaks, so reader line numbers and LSP line numbers agree.
"""
from __future__ import annotations

import re

_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The document's lines without their line breaks (a final break gives a last empty line)."""
    if "\r" not in text:
        return text.split("\n")
    return _BREAK.split(text)


def u16len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units (characters beyond the BMP count two)."""
    if s.isascii():
        return len(s)
    return len(s.encode("utf-16-le", "surrogatepass")) // 2  # a lone surrogate is one unit


def to_u16(line: str, col: int) -> int:
    """A code-point column in ``line`` as a UTF-16 column."""
    return u16len(line[:col])


def from_u16(line: str, col16: int) -> int:
    """A UTF-16 column in ``line`` as a code-point column (clamped to the line).

    A column that falls inside a surrogate pair moves to the character's start.
    """
    if col16 <= 0:
        return 0
    if line.isascii():
        return min(col16, len(line))
    units = 0
    for i, ch in enumerate(line):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > col16:
            return i
        if units == col16:
            return i + 1
    return len(line)
