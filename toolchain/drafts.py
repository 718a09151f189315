"""What ``screenplay lock`` and ``screenplay revise`` do, apart from their command lines.

Both write their record into the script itself, and only their record: the
lock's ``#N#`` scene numbers on headings that had none and its boneyard block,
the revision's boneyard block.  Every other line of the person's file stays as
written, and the file is replaced atomically.
"""
from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from screenplay.model import Document

from screenplay.formats import WRITERS, format_for, read_document
from screenplay.textio import decode_text, read_bytes, write_atomic

from .runner import Refused, Settings

FOUNTAIN_ONLY = "writes its record into a Fountain script; convert it to .fountain first"


def _say(message: str) -> None:
    if not Settings.quiet:
        sys.stdout.write(message + "\n")


def _fountain_source(file: str | os.PathLike[str], what: str) -> tuple[str, Document]:
    """The file's text and its document (Fountain only: the record is written into it)."""
    if format_for(file) != "fountain":
        raise Refused(f"{file}: {what} {FOUNTAIN_ONLY}", 2)
    from screenplay.fountain_reader import parse_fountain
    text = decode_text(read_bytes(file), str(file))
    return text, parse_fountain(text)


def lock_file(file: str | os.PathLike[str], layout: dict[str, Any] | None = None,
              scene_style: str = "suffix") -> None:
    """Record the pages and scene numbers of ``file`` as they are laid out now.

    ``layout`` holds the layout options of the command line; with the project
    file and the title page they decide the pages, exactly as ``render`` does.
    """
    from screenplay.fountain_reader import parse_fountain
    from screenplay.layout import paginate
    from screenplay.settings import profile_for

    from .rendering import check_options, settings_for
    check_options(layout)
    from screenplay.locking import MAGIC, make_lock, number_headings, read_lock
    from screenplay.revisions import splice_block
    text, doc = _fountain_source(file, "lock")
    from screenplay.revisions import element_fingerprints
    if not element_fingerprints(doc):
        raise Refused(f"{file}: nothing to lock (no printable text)", 1)
    if read_lock(doc) is not None:
        raise Refused(f"{file}: is already locked; `screenplay lock --unlock {file}` first "
                      "to renumber", 1)
    profile = profile_for(settings_for(file, doc, layout))
    paper, mode = profile.paper, profile.mode
    first = paginate(doc, profile)
    numbers = [s.number or str(s.index) for s in first.scenes]
    text = number_headings(text, doc, numbers)
    doc = parse_fountain(text)
    laid_out = paginate(doc, profile)
    lock = make_lock(doc, laid_out, scene_style)
    write_atomic(file, splice_block(text, doc, MAGIC, lock.to_text()))
    pages, scenes = len(lock.pages), len(lock.scenes)
    _say(f"{file}: locked {pages} page{'s' * (pages != 1)} and {scenes} scene "
         f"number{'s' * (scenes != 1)} ({paper}, {mode})")


def unlock_file(file: str | os.PathLike[str]) -> None:
    """Drop the lock and the scene numbers: the next render numbers pages and scenes afresh."""
    from screenplay.fountain_reader import parse_fountain
    from screenplay.locking import MAGIC, read_lock, strip_numbers
    from screenplay.revisions import splice_block
    text, doc = _fountain_source(file, "unlock")
    if read_lock(doc) is None:
        raise Refused(f"{file}: is not locked", 1)
    text = strip_numbers(text, doc)
    doc = parse_fountain(text)
    write_atomic(file, splice_block(text, doc, MAGIC, None))
    _say(f"{file}: unlocked; pages and scenes are numbered afresh")


def revise_files(old: str | os.PathLike[str], new: str | os.PathLike[str],
                 colour: str | None, date: str | None, sequence: str | None,
                 output: str | None) -> str:
    """Compare ``old`` with ``new``, store the revision in ``new`` (or ``output``).

    Returns the path of the script now holding the revision.
    """
    from screenplay.revisions import (MAGIC, check_date, next_colour, normalise_colour,
                                      read_state, revise, splice_block, with_block)
    seq = None
    if sequence is not None:
        seq = tuple(c.strip().capitalize() for c in sequence.split(",") if c.strip())
        if len(seq) < 2:
            raise Refused("--sequence needs at least two colours, e.g. White,Blue,Pink", 2)
    old_doc = read_document(old)
    prev = read_state(old_doc)
    order = seq or (prev.sequence if prev else None)
    from screenplay.revisions import COLOR_SEQUENCE
    order = order or COLOR_SEQUENCE
    name = normalise_colour(colour, order) if colour else next_colour(prev, order)
    iso = check_date(date)
    text: str | None
    if output is None:
        text, new_doc = _fountain_source(new, "revise")
    else:
        for src in (old, new):
            if os.path.realpath(output) == os.path.realpath(src):
                raise Refused(f"{output}: -o would overwrite an input; leave -o out to store "
                              "the revision in NEW", 1)
        new_doc = read_document(new)
        text = None
    state, summary = revise(old_doc, new_doc, name, iso, order)
    if output is None:
        assert text is not None   # read from NEW above
        write_atomic(new, splice_block(text, new_doc, MAGIC, state.to_text()))
        dest = str(new)
    else:
        fmt = format_for(output)
        if fmt not in WRITERS:
            raise Refused(f"{output}: cannot write this format", 2)
        revised = with_block(new_doc, MAGIC, state.to_text())
        write_atomic(output, WRITERS[fmt](revised))
        dest = output
    _say(f"{dest}: {name} revision of {iso}: {summary.changed} changed, {summary.added} added, "
         f"{summary.removed} removed (elements, speech parts and cues)")
    return dest
