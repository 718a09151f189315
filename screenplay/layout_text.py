"""Text on the character grid: flattening styled runs, greedy wrapping, sentence ends.

Work happens on one plain string per paragraph plus a list of style spans, so
wrapping is string slicing (``str.rfind``) rather than per-character Python
loops, and emphasis is re-attached to each row afterwards.
"""
from __future__ import annotations

import re
import unicodedata
from collections import namedtuple

from .model import TEXT, Run, Text

_TAB = "    "

#: ``_tuple_new(Run, (text, style, kind))`` builds a Run (or a Flat) without the
#: named tuple's Python-level ``__new__``: rows are cut tens of thousands of times.
_tuple_new = tuple.__new__


class Flat(namedtuple("Flat", ("s", "spans", "base", "full"), defaults=(0, None))):
    """A paragraph's printed text and its emphasis as (start, end, style) spans.

    A piece of a paragraph (cut at a page foot, or a chunk of a huge one)
    remembers where it came from: ``s`` is ``full[base:base + len(s)]``, where
    ``full`` is the whole element's printed text (None: ``s`` is the whole).
    That is what lets every laid line carry its offsets in the element and
    tell a hard line break from a wrap (:func:`row_end_hard`).

    A named tuple (immutable, built in C) because a script makes thousands.
    """

    __slots__ = ()
    s: str
    spans: tuple[tuple[int, int, int], ...]
    base: int
    full: str | None

    def cut(self, a: int, b: int, extra_style: int = 0) -> Text:
        """The runs covering s[a:b]."""
        if a >= b:
            return ()
        spans = self.spans
        if len(spans) == 1:  # most paragraphs carry one style: no search needed
            x, y, st = spans[0]
            if x > a:
                a = x
            if y < b:
                b = y
            return (_tuple_new(Run, (self.s[a:b], st | extra_style, TEXT)),) if a < b else ()
        out: list[Run] = []
        s = self.s
        for (x, y, st) in spans:
            if y <= a:
                continue
            if x >= b:
                break
            out.append(_tuple_new(Run, (s[max(a, x):min(b, y)], st | extra_style, TEXT)))
        return tuple(out)

    def sub(self, a: int, b: int | None = None) -> "Flat":
        """A new Flat for s[a:b] (spans shifted)."""
        b = len(self.s) if b is None else b
        spans = tuple((max(x, a) - a, min(y, b) - a, st) for (x, y, st) in self.spans
                      if y > a and x < b)
        full = self.s if self.full is None else self.full
        return _tuple_new(Flat, (self.s[a:b], spans, self.base + a, full))

    def strip(self) -> "Flat":
        s = self.s
        a = len(s) - len(s.lstrip())
        b = len(s.rstrip())
        if a == 0 and b == len(s):
            return self  # nothing to strip (immutable, so sharing is safe)
        return self.sub(a, max(a, b))


def _clean(t: str) -> str:
    """Printed form of a string: tabs expanded, Unicode in NFC (flatten and flat_str's ``.s``)."""
    if "\t" in t:
        t = t.replace("\t", _TAB)
    if not t.isascii():
        t = unicodedata.normalize("NFC", t)
    return t


def flatten(text: Text, caps: bool = False) -> Flat:
    """Printed text of runs (notes and boneyard dropped), NFC, tabs expanded."""
    if len(text) == 1:  # the usual paragraph: one run, one span
        r = text[0]
        t = r.text
        if r.kind != TEXT or not t:
            return Flat("", ())
        if "\t" in t or not t.isascii():
            t = _clean(t)
        if caps:
            t = t.upper()
        return _tuple_new(Flat, (t, ((0, len(t), r.style),), 0, None))
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for r in text:
        if r.kind != TEXT or not r.text:
            continue
        t = _clean(r.text)
        if caps:
            t = t.upper()
        parts.append(t)
        if spans and spans[-1][2] == r.style and spans[-1][1] == pos:
            spans[-1] = (spans[-1][0], pos + len(t), r.style)
        else:
            spans.append((pos, pos + len(t), r.style))
        pos += len(t)
    return Flat("".join(parts), tuple(spans))


def flat_str(s: str, style: int = 0) -> Flat:
    if "\t" in s or not s.isascii():
        s = _clean(s)
    return _tuple_new(Flat, (s, ((0, len(s), style),) if s else (), 0, None))


def row_end_hard(s: str, e: int, full: str | None, base: int) -> bool:
    """Whether a row of ``s`` ending at offset ``e`` ends at a line break of its element.

    Spaces after the row's last character are skipped (a wrap trims them); at
    the end of ``s`` the element's whole text ``full`` decides, as a piece cut
    at a page foot has lost the break that followed it (None: ``s`` is the whole).
    """
    n = len(s)
    while e < n and s[e] == " ":
        e += 1
    if e < n:
        return s[e] == "\n"
    if full is None:
        return False
    j = base + n
    n = len(full)
    while j < n and full[j] == " ":
        j += 1
    return j < n and full[j] == "\n"


_WIDE = ("W", "F")
#: Characters a CJK row never starts with (the basic kinsoku rule): closing marks.
_NO_ROW_START = frozenset("、。，．・：；？！）」』】〕〉》ー゛゜ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
                          ",.:;?!)]}")


def has_wide(s: str) -> bool:
    """Whether ``s`` holds a character that takes two grid columns (CJK, full-width forms)."""
    if s.isascii():
        return False
    eaw = unicodedata.east_asian_width
    return any(eaw(c) in _WIDE for c in s if c > "\u10ff")


def _wrap_wide(s: str, width: int, first_width: int | None) -> list[tuple[int, int]]:
    """:func:`wrap` for text with two-column characters: widths counted in columns.

    A row may break at a space, after a hyphen, or between two characters when
    either is wide (Japanese and Chinese have no spaces between words; every CJK
    screenplay tool breaks between ideographs), but never before a closing mark
    such as "。" or "」" (kinsoku).
    """
    eaw = unicodedata.east_asian_width
    rows: list[tuple[int, int]] = []
    w = first_width if first_width is not None else width
    base = 0
    for line in s.split("\n"):
        n = len(line.rstrip(" "))
        pos = 0
        while True:
            col = 0
            brk = -1          # offset just after the last break opportunity
            i = pos
            while i < n:
                c = line[i]
                cw = 2 if eaw(c) in _WIDE else 1
                if col + cw > w and i > pos:
                    break
                if c == " ":
                    brk = i
                elif i + 1 < n and (cw == 2 or c == "-" or eaw(line[i + 1]) in _WIDE) \
                        and line[i + 1] != " " and line[i + 1] not in _NO_ROW_START:
                    brk = i + 1
                col += cw
                i += 1
            if i >= n:
                rows.append((base + pos, base + n))
                break
            if line[i] == " ":
                brk = i       # the row is full exactly at a space
            end = brk if brk > pos else i
            e = end
            while e > pos and line[e - 1] == " ":
                e -= 1
            rows.append((base + pos, base + e))
            pos = end
            while pos < n and line[pos] == " ":
                pos += 1
            w = width
            if pos >= n:
                break
        w = width
        base += len(line) + 1
    return rows


def wrap(s: str, width: int, first_width: int | None = None) -> list[tuple[int, int]]:
    """Greedy wrap of ``s`` into rows of at most ``width`` characters.

    Returns (start, end) offsets into ``s`` with trailing spaces trimmed.  Rows
    break at spaces, or after a hyphen inside a word (as Final Draft does:
    "soon-to-be-" / "born"); a word longer than a row is cut at the row end.
    A hyphen that ends a row may hang one column past the width, as a space at
    a break does: Final Draft prints "Did I want to deprive my soon-to-be-" (36
    characters) in a 35-column speech and "...with his father--" (62) in 61.
    ``"\\n"`` forces a break and an empty hard line gives an empty row.
    Leading indentation of a hard line is kept on its first row only.
    """
    w = first_width if first_width is not None else width
    if not s.isascii() and has_wide(s):
        return _wrap_wide(s, width, first_width)
    if len(s) <= w and "\n" not in s:  # fits on one row (most cues, headings, short lines)
        return [(0, len(s.rstrip(" ")))]
    rows: list[tuple[int, int]] = []
    append = rows.append
    base = 0
    for line in (s.split("\n") if "\n" in s else (s,)):
        n_trim = len(line.rstrip(" "))
        if n_trim <= w or (n_trim == w + 1 and line[w] == "-"):  # the hard line fits its row
            append((base, base + n_trim))
            w = width
            base += len(line) + 1
            continue
        hyphens = "-" in line   # else no row can break after a hyphen: skip that search
        pos = 0
        while True:
            limit = pos + w
            k = line.rfind(" ", pos + 1, limit + 1)
            if hyphens and line[limit] == "-" and line[limit - 1] != " " \
                    and (limit + 1 >= n_trim or line[limit + 1] == " "):
                end = limit + 1    # a word ending in "-" or "--": its last hyphen hangs
            elif hyphens:
                h = line.rfind("-", pos + 1, limit + 1)   # at ``limit`` it hangs
                if (h > k and h + 1 < n_trim and line[h + 1] not in " -"
                        and line[h - 1] not in " -"):
                    end = h + 1
                elif k > pos:
                    end = k
                else:
                    end = limit
            elif k > pos:
                end = k
            else:
                end = limit
            e = end
            while e > pos and line[e - 1] == " ":
                e -= 1
            append((base + pos, base + e))
            pos = end
            w = width
            if line[pos] == " ":  # the next row starts after the spaces (pos < n_trim here)
                pos += 1
                while pos < n_trim and line[pos] == " ":
                    pos += 1
            if n_trim - pos <= w or (n_trim - pos == w + 1 and line[n_trim - 1] == "-"):
                append((base + pos, base + max(pos, n_trim)))
                break
        base += len(line) + 1
    return rows


_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)")
_TAIL_END: re.Pattern[str] | None = None


def ends_sentence(tail: str) -> bool:
    """Whether ``tail`` (the end of a row or piece) ends a sentence.

    Its pattern is compiled on first use: only huge paragraphs, cut into
    pieces, ask, and compiling costs a few hundred microseconds of start-up.
    """
    global _TAIL_END
    if _TAIL_END is None:
        _TAIL_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
    return _TAIL_END.search(tail) is not None
_ABBREV = frozenset({"MR", "MRS", "MS", "DR", "ST", "JR", "SR", "VS", "MT", "PROF", "LT",
                     "SGT", "CAPT", "GEN", "COL", "REV", "NO"})


def sentence_ends(s: str) -> list[int]:
    """Offsets just past each sentence end (".", "!", "?", "..." plus closing quotes).

    Common title abbreviations ("Mr.", "Dr.") and single initials are not ends.
    """
    out: list[int] = []
    for m in _SENTENCE_END.finditer(s):
        if m.group(0) == ".":
            i = m.start()
            j = i
            while j > 0 and s[j - 1].isalpha():
                j -= 1
            word = s[j:i]
            if word.upper() in _ABBREV or (len(word) == 1 and word.isupper()):
                continue
        out.append(m.end())
    return out


#: Paragraphs longer than this are laid out in pieces (see :func:`chunk_offsets`).
CHUNK_CHARS = 6000


def chunk_offsets(s: str, width: int, rows_per_chunk: int = 48) -> list[int]:
    """Where to cut a very long paragraph into pieces of about ``rows_per_chunk`` rows.

    Cuts fall on row starts of the paragraph's own wrap, so the pieces wrap
    exactly as the whole would; a row ending a sentence is preferred, so a
    page break between pieces is a legal one.  Keeping each piece shorter
    than a page is what keeps pagination linear on pathological input (a
    single 10 MB paragraph) instead of re-wrapping the remainder per page.
    """
    if len(s) <= CHUNK_CHARS:
        return []
    spans = wrap(s, width)
    cuts: list[int] = []
    r = rows_per_chunk
    while r < len(spans) - 4:
        best = r
        for j in range(r, max(r - rows_per_chunk // 2, 1), -1):
            a, b = spans[j - 1]
            if b > a and _SENTENCE_END.search(s, max(a, b - 8), b):
                best = j
                break
        cuts.append(spans[best][0])
        r = best + rows_per_chunk
    return cuts
