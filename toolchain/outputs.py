"""Where an output may go: the one rule every command that writes a file follows.

* ``-`` is standard output.
* A device, pipe or socket (``-o /dev/null``, a FIFO) is written to directly:
  replacing it with a regular file would break whatever reads it.
* An output never replaces one of the command's inputs.
* An existing regular file is replaced (atomically) only when its content is of
  the kind being written (a PDF over a PDF, our XML over XML), or is empty;
  anything else, say a PDF over ``notes.txt``, is refused with exit 1 unless
  ``--force``.  Kinds are told by content, never by extension.

Kept free of Typer and pathlib, like :mod:`toolchain.rendering`, so that the
quick render path pays nothing for it.
"""
from __future__ import annotations

import os
import re
import stat

from screenplay.textio import write_atomic

from .runner import EXIT_PROBLEMS, EXIT_USAGE, Refused, stdout_write

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Iterable

#: Output kinds and their human names, for messages.
KIND_NAMES = {
    "pdf": "a PDF", "html": "an HTML page", "xml": "screenplay XML", "fdx": "a Final Draft file",
    "json": "JSON", "csv": "a CSV table", "report": "a text report", "fountain": "a text file",
}

#: Plain text that may well be a script: a title page such as "Title: A, B" /
#: "Credit: x, y" can look like a CSV table, so a Fountain output may replace it.
_READS_AS_FOUNTAIN = ("csv",)

#: How much of an existing file is read to tell its kind.
_HEAD = 4096

_REPORT_TITLE = re.compile(rb"^[^\n]*: (?:scenes|locations|cast) report \(\d+ pages?\)\r?\n")


def kind_of(head: bytes) -> str:
    """The kind of a file from its first bytes: one of :data:`KIND_NAMES`, or ``binary``.

    Plain text that is none of the structured kinds is ``fountain``: any text
    reads as Fountain, so a Fountain output may replace a text file, but a PDF
    or a report may not.
    """
    if head.startswith(b"%PDF-"):
        return "pdf"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    low = text[:200].lower()
    if low.startswith((b"<!doctype html", b"<html")):
        return "html"
    if low.startswith(b"<"):
        if b"<finaldraft" in head.lower():
            return "fdx"
        if re.search(rb"<screenplay[\s>/]", head):
            return "xml"
        return "binary"  # some other XML: not ours to replace
    if text.startswith((b"{", b"[")):
        return "json"
    if b"\x00" in head:
        return "binary"
    if _REPORT_TITLE.match(text):
        return "report"
    if _looks_like_csv(text):
        return "csv"
    return "fountain"


def _looks_like_csv(text: bytes) -> bool:
    """At least two lines, every whole one split into the same number (> 1) of fields."""
    import csv
    import io
    lines = text.split(b"\n")
    if len(lines) > 1 and len(text) >= _HEAD:
        lines = lines[:-1]  # the last line may be cut off
    lines = [ln for ln in lines if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        rows = list(csv.reader(io.StringIO(b"\n".join(lines).decode("utf-8"))))
    except (UnicodeDecodeError, csv.Error):
        return False
    widths = {len(r) for r in rows}
    return len(widths) == 1 and widths.pop() > 1


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        try:
            return os.path.realpath(a) == os.path.realpath(b)
        except OSError:
            return False


def check_output(dest: str | os.PathLike[str], kind: str, *, force: bool = False,
                 inputs: "Iterable[str | os.PathLike[str]]" = ()) -> None:
    """Refuse ``dest`` as an output of ``kind`` when writing it could lose someone's data.

    Raises :class:`~toolchain.runner.Refused`: exit 1 for an existing file of
    another kind (``--force`` allows it) or an input; exit 2 for a directory.
    """
    p = os.fspath(dest)
    if p == "-":
        return
    for src in inputs:
        s = os.fspath(src)
        if s != "-" and _same_file(p, s):
            raise Refused(f"{p}: would overwrite an input file; choose another output", EXIT_PROBLEMS)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        return
    except OSError as e:
        raise Refused(f"{p}: cannot write: {e.strerror or e}", EXIT_USAGE) from None
    if stat.S_ISDIR(st.st_mode):
        raise Refused(f"{p}: is a directory; name a file", EXIT_USAGE)
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0 or force:
        return  # devices and pipes are written to as they are; an empty file holds nothing
    try:
        with open(p, "rb") as f:
            head = f.read(_HEAD)
    except OSError as e:
        raise Refused(f"{p}: cannot read the existing file to check what it is: "
                      f"{e.strerror or e}", EXIT_USAGE) from None
    found = kind_of(head)
    if found != kind and not (kind == "fountain" and found in _READS_AS_FOUNTAIN):
        what = KIND_NAMES.get(found, "a binary file")
        raise Refused(f"{p}: exists and is {what}, not {KIND_NAMES[kind]}; left alone "
                      "(pass --force to replace it, or choose another output)", EXIT_PROBLEMS)


def is_special(dest: str | os.PathLike[str]) -> bool:
    """Whether ``dest`` exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        return not stat.S_ISREG(os.stat(dest).st_mode) and not stat.S_ISDIR(os.stat(dest).st_mode)
    except OSError:
        return False


def write_output(dest: str | os.PathLike[str], data: str | bytes) -> None:
    """Write an output checked by :func:`check_output`: stdout, a device as is, else atomically."""
    p = os.fspath(dest)
    if p == "-":
        stdout_write(data)
    elif is_special(p):
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with open(p, "wb") as f:
            f.write(raw)
    else:
        write_atomic(p, data)
