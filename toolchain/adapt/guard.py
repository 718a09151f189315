"""Edit safety: never overwrite a screenplay a person has changed.

Every generated file ends with one boneyard comment (never printed, kept by
any Fountain tool that keeps comments) holding a SHA-256 of the text above it.
Before writing, adapt reads the existing file: if the comment is there and the
hash still matches, the file is untouched generated output and may be
replaced; if the text was edited, or the comment removed, or the file was
never generated, a person owns it and adapt refuses unless forced.  The
comment sits at the very end so that it is out of a writer's way, and it
lives in the file itself so that it travels with the file (no sidecar to lose).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from screenplay.fountain_writer import element_lines, write_fountain
from screenplay.model import Boneyard, Document
from screenplay.textio import read_bytes

_STAMP = re.compile(r"\n\n/\* screenplay adapt: generated; sha256 ([0-9a-f]{64})\.[^\n]*\*/\n\Z")
_TAIL = ("Edit freely: once this file is changed, adapt will not overwrite it. ")


def stamp(doc: Document) -> str:
    """The Fountain text of ``doc`` with the generated-file stamp as its last element."""
    body = write_fountain(doc)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    mark = Boneyard(f" screenplay adapt: generated; sha256 {digest}. {_TAIL}")
    # what write_fountain(doc + [mark]) gives: the writer's blank line, then the mark
    text = body + "\n" + "\n".join(element_lines(mark)) + "\n"
    if not _STAMP.search(text):
        raise AssertionError("the edit stamp did not round-trip")  # pragma: no cover
    return text


def untouched(text: str) -> bool:
    """True when ``text`` is adapt output nobody has edited since."""
    m = _STAMP.search(text)
    if not m:
        return False
    body = text[:m.start()] + "\n"
    return hashlib.sha256(body.encode("utf-8")).hexdigest() == m.group(1)


def may_overwrite(path: Path) -> bool:
    """Whether adapt may write ``path``: absent, or its own untouched output."""
    if not path.exists():
        return True
    try:
        data = read_bytes(path)
        return untouched(data.decode("utf-8"))
    except Exception:
        return False
