"""Canonical Fountain: the project's writer applied to what the reader read.

Shared by ``screenplay fmt`` and the language server's formatting request.  The
writer's promise is that its output reads back to the same document; this
module checks that promise on every call and refuses to format when it does not
hold, so formatting can never change what a script says or how it renders.
"""
from __future__ import annotations

from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain


class NotRoundTrip(InputError):
    """The canonical form would read back as a different document: left alone."""


def format_fountain(text: str) -> str:
    """The canonical form of Fountain ``text`` (``InputError`` if it cannot be read)."""
    doc = parse_fountain(text)
    out = write_fountain(doc)
    if out == text:
        return out
    if parse_fountain(out) != doc:
        raise NotRoundTrip("the canonical form would read back differently (a writer bug); "
                           "left as it is")
    return out
