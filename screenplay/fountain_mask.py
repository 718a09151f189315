"""Pass 1 of reading Fountain: boneyard and notes masked out of the source.

Boneyard (``/* */``, nestable) and notes (``[[ ]]``, which may span lines but not
a blank one) are cut out and replaced by placeholders, so that a note in a cue
line or a commented-out scene cannot confuse the line rules.  A map keeps every
remaining line's source line numbers.  The writer uses :func:`mask` too, to see
its own output the way the reader will.
"""
from __future__ import annotations

import re
from collections import namedtuple

from .model import Diagnostic

_MASK_TOKEN = re.compile(r"\\.|/\*|\*/|\[\[", re.S)
_BLANK_IN_NOTE = re.compile(r"\n(?!  \n)[ \t]*\n")


class _Line(namedtuple("_Line", ("text", "first", "last"))):
    """One masked line and the source lines it stands for.

    ``text`` is the masked text, tabs kept; ``first`` the 1-based source line
    where it starts, ``last`` the one where it ends (after any multi-line
    region).  ``collections.namedtuple`` rather than ``typing.NamedTuple``:
    importing ``typing`` costs a one-shot run milliseconds.
    """

    __slots__ = ()
    text: str
    first: int
    last: int


def _close_boneyard(text: str, opener: re.Match[str], memo: dict[int, int | None]) -> int | None:
    """Where the boneyard opened by ``opener`` ends (after its ``*/``), or None if never.

    Openers nest.  When the scan runs off the end of the text, every opener it
    passed is matched in the same pass and remembered in ``memo``, so that a file of
    many unclosed openers costs one scan, not one per opener.
    """
    stack = [opener.start()]
    q, n = opener.end(), len(text)
    seen: list[int] = []  # openers met on the way, in order
    pairs: dict[int, int] = {}
    while q < n:
        k = _MASK_TOKEN.search(text, q)
        if not k:
            break
        t = k.group()
        q = k.end()
        if t == "/*":
            stack.append(k.start())
            seen.append(k.start())
        elif t == "*/" and stack:
            pairs[stack.pop()] = q
            if not stack:
                return q
    for start in seen:
        memo[start] = pairs.get(start)
    return None


#: Masked lines as three parallel lists (text, first and last source line) and
#: the masked regions: lists index faster than a tuple per line is built.
_Masked = tuple[list[str], list[int], list[int], list[tuple[str, str]]]


def mask_lines(text: str, diags: list[Diagnostic]) -> _Masked:
    """Cut out notes and boneyard; return the masked lines and the regions."""
    if "/*" not in text and "[[" not in text:
        # Nothing can open a region (an escape only ever hides an opener), so
        # there is nothing to mask, nothing to report, and line i is source line i + 1.
        parts = text.split("\n")
        numbers = list(range(1, len(parts) + 1))
        return parts, numbers, numbers, []
    regions: list[tuple[str, str]] = []
    spans: list[tuple[int, int, int]] = []  # (start, end, region index)
    pos = 0
    n = len(text)
    # Memos that keep hostile input (thousands of unclosed "/*" or "[[") linear:
    # where each "/*" scanned to the end of the text closes (None: never), the
    # last "]]" found and where its search began, and a running line count.
    bone_end: dict[int, int | None] = {}
    note_close, note_from = -1, n + 1
    counted, line_no = 0, 1

    def line_at(at: int) -> int:
        nonlocal counted, line_no
        line_no += text.count("\n", counted, at)
        counted = at
        return line_no

    search = _MASK_TOKEN.search
    while pos < n:
        m = search(text, pos)
        if not m:
            break
        tok = m.group()
        if tok[0] == "\\" or tok == "*/":
            pos = m.end()
            continue
        if tok == "[[":
            # The first "]]" at or after a point is the same for every point up to it.
            if not (note_from <= m.end() and (note_close < 0 or m.end() <= note_close)):
                note_close, note_from = text.find("]]", m.end()), m.end()
            close = note_close
            if close >= 0:
                if text.find("[[", m.end(), close) < 0:
                    body = text[m.end():close]
                    if not _BLANK_IN_NOTE.search(body):
                        spans.append((m.start(), close + 2, len(regions)))
                        if "\n" in body:
                            body = "\n".join("" if not ln.strip() else ln for ln in body.split("\n"))
                        regions.append(("note", body))
                        pos = close + 2
                        continue
            diags.append(Diagnostic(line_at(m.start()),
                                    "note '[[' is not closed before a blank line; read as text",
                                    "unclosed-note"))
            pos = m.end()
            continue
        # "/*": find the matching "*/" with nesting.
        if m.start() in bone_end:
            end = bone_end[m.start()]
        else:
            end = _close_boneyard(text, m, bone_end)
        if end is None:
            diags.append(Diagnostic(line_at(m.start()),
                                    "boneyard '/*' is never closed; read as text",
                                    "unclosed-boneyard"))
            pos = m.end()
            continue
        spans.append((m.start(), end, len(regions)))
        regions.append(("boneyard", text[m.end():end - 2]))
        pos = end
    # Build masked lines with their source line numbers.
    if not spans:
        parts = text.split("\n")
        numbers = list(range(1, len(parts) + 1))
        return parts, numbers, numbers, regions
    pieces: list[str] = []
    extra: dict[int, int] = {}  # masked line index -> newlines swallowed on it
    prev = 0
    masked_line = 0
    for start, end, idx in spans:
        seg = text[prev:start]
        pieces.append(seg)
        masked_line += seg.count("\n")
        pieces.append(f"\x00{idx}\x00")
        swallowed = text.count("\n", start, end)
        if swallowed:
            extra[masked_line] = extra.get(masked_line, 0) + swallowed
        prev = end
    pieces.append(text[prev:])
    texts = "".join(pieces).split("\n")
    firsts: list[int] = []
    lasts: list[int] = []
    src = 1
    for i in range(len(texts)):
        add = extra.get(i, 0)
        firsts.append(src)
        lasts.append(src + add)
        src += 1 + add
    return texts, firsts, lasts, regions


def mask(text: str, diags: list[Diagnostic]) -> tuple[list[_Line], list[tuple[str, str]]]:
    """The masked lines as :class:`_Line` tuples (the writer's view of pass 1)."""
    texts, firsts, lasts, regions = mask_lines(text, diags)
    new = tuple.__new__
    return [new(_Line, t) for t in zip(texts, firsts, lasts)], regions
