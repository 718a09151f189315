"""The one exception type readers raise for input they cannot accept.

Callers (the CLI above all) catch :class:`InputError` and print its one line;
anything else escaping a reader is a bug.
"""
from __future__ import annotations


class InputError(Exception):
    """Input that cannot be read: binary, wrongly encoded, too large, malformed.

    ``line`` is the 1-based source line when one is known.
    """

    def __init__(self, message: str, line: int | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.source = source

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message
