"""A character across the script: go to the first cue, list every cue and mention, rename.

A character is the name its cues give.  References are its cues plus the places
action writes the same name as a whole word; rename changes all of them, and
nothing else (dialogue is what people say and stays as written).
"""
from __future__ import annotations

from lsprotocol import types

from screenplay.fountain_reader import cue_name_ok

from .convert import span_range
from .index import DocumentIndex, Span


class RenameRefused(ValueError):
    """A new name that would not read back as a cue (the server answers with an error)."""


def _spans(index: DocumentIndex, name: str, cues: bool = True) -> list[Span]:
    info = index.characters[name]
    out = list(info.cues) if cues else []
    for line_spans in index.mentions().values():
        out.extend(span for span, n in line_spans if n == name)
    return sorted(out, key=lambda s: (s.line, s.start))


def definition(index: DocumentIndex, uri: str, line: int, col: int) -> types.Location | None:
    """The first cue of the character named at the position."""
    found = index.name_at(line, col)
    if found is None:
        return None
    first = index.characters[found[0]].cues[0]
    return types.Location(uri=uri, range=span_range(index, first))


def references(index: DocumentIndex, uri: str, line: int, col: int,
               include_declaration: bool = True) -> list[types.Location] | None:
    """Every cue and action mention of the character named at the position."""
    found = index.name_at(line, col)
    if found is None:
        return None
    name = found[0]
    first = index.characters[name].cues[0]
    spans = _spans(index, name)
    if not include_declaration:
        spans = [s for s in spans if (s.line, s.start) != (first.line, first.start)]
    return [types.Location(uri=uri, range=span_range(index, s)) for s in spans]


def prepare_rename(index: DocumentIndex, line: int, col: int) -> types.Range | None:
    found = index.name_at(line, col)
    return span_range(index, found[1]) if found else None


def check_new_name(new: str) -> str:
    """The new name as it will be written, or :class:`RenameRefused` saying why not."""
    name = new.strip()
    if not name or "\n" in name or "\r" in name:
        raise RenameRefused("a character's name is one non-empty line")
    if any(c in name for c in "()^\uff08\uff09") or "[[" in name or "/*" in name:
        raise RenameRefused("a character's name cannot hold brackets, '^', notes or boneyard")
    if any(c.islower() for c in name) or not cue_name_ok(name):
        raise RenameRefused(f"'{name}' would not read as a cue: use capitals and some letter")
    return name


def rename(index: DocumentIndex, uri: str, line: int, col: int,
           new_name: str) -> types.WorkspaceEdit | None:
    """Edits renaming the character at the position in every cue and action mention."""
    found = index.name_at(line, col)
    if found is None:
        return None
    name = check_new_name(new_name)
    if name != found[0] and name in index.characters:
        raise RenameRefused(f"'{name}' is already a character; renaming would merge the two")
    edits = [types.TextEdit(range=span_range(index, s), new_text=name)
             for s in _spans(index, found[0])]
    return types.WorkspaceEdit(changes={uri: edits})
