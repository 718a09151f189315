"""Lint rules: things a schema cannot call wrong but a production would trip over.

Each rule returns :class:`~screenplay.model.Diagnostic` objects on the source
line a writer would edit.  Rules are warnings unless the script cannot be
shot as written.  ``screenplay check`` runs them after the schema checks.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from .model import (
    TIMES_OF_DAY, Boneyard, Diagnostic, Dialogue, Document, Lyrics, Note, PageBreak, Section,
    Synopsis,
)

#: Title-page keys Fountain tools understand (compared case-insensitively).
KNOWN_TITLE_KEYS = frozenset([
    "title", "credit", "author", "authors", "source", "draft date", "date", "contact",
    "contact info", "copyright", "notes", "revision", "revisions", "format"])

_NOT_CONTENT = (Section, Synopsis, Note, Boneyard, PageBreak)


def _distance(a: str, b: str, cap: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), stopping early past ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


def _only_digits_differ(a: str, b: str) -> bool:
    """MAN #1 and MAN #2, GUARD 1 and GUARD 2: numbered extras, not typos."""
    strip = re.compile(r"[\d#\s]+")
    return strip.sub("", a) == strip.sub("", b) and a != b


def cue_typos(doc: Document) -> list[Diagnostic]:
    """Cue names one slip apart where one is much rarer: GEORGE and GEORGES."""
    counts: dict[str, int] = {}
    first_line: dict[str, int] = {}
    for sp in doc.speeches():
        n = sp.character.name
        counts[n] = counts.get(n, 0) + 1
        first_line.setdefault(n, sp.character.lines[0] or sp.lines[0])
    names = list(counts)
    out: list[Diagnostic] = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            la, lb = (sum(c.isalpha() for c in x) for x in (a, b))
            if min(la, lb) < 4 or _only_digits_differ(a, b):
                continue
            if a[:1].upper() != b[:1].upper():
                continue  # slips rarely hit the first letter; JING and PING are twins
            if _distance(a.upper(), b.upper(), 1) > 1:
                continue
            rare, common = (b, a) if counts[b] <= counts[a] else (a, b)
            if counts[rare] > 2 or counts[common] < 2 * counts[rare]:
                continue  # both used a fair amount: two real characters (JAN and JEAN)
            out.append(Diagnostic(
                first_line[rare],
                f"cue '{rare}' ({_n(counts[rare], 'speech')}) is probably a typo of "
                f"'{common}' ({_n(counts[common], 'speech')})",
                "cue-typo"))
    return out


def _n(k: int, word: str) -> str:
    return f"{k} {word}" + ("" if k == 1 else "es" if word.endswith("ch") else "s")


def _has_time(text: str, parsed_time: str | None) -> bool:
    if parsed_time:
        return True
    # Any part after the place may hold it: "NIGHT (1973)", "NIGHT - [THE STORM]".
    parts = re.split(r"\s+[-\u2013\u2014]+\s+|\s*--\s*", text.strip())[1:]
    words = [w for part in parts for w in re.split(r"[\s/(),\[\]]+", part.upper())]
    return any(w in TIMES_OF_DAY for w in words if w)


def _latin(text: str) -> bool:
    """Mostly Latin letters: the times of day we know are English words."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) * 2 > len(letters)


def headings_without_time(doc: Document) -> list[Diagnostic]:
    """INT./EXT. headings should end in a time of day (DAY, NIGHT, CONTINUOUS...)."""
    out = []
    for s in doc.scenes():
        h = s.heading
        if h.int_ext and _latin(h.plain) and not _has_time(h.plain, h.time):
            out.append(Diagnostic(h.lines[0], f"scene heading '{h.plain.strip()}' has no time "
                                  "of day (add ' - DAY', ' - NIGHT'...)", "heading-no-time"))
    return out


def empty_scenes(doc: Document) -> list[Diagnostic]:
    """A heading with nothing printed before the next one."""
    out = []
    for s in doc.scenes():
        if not any(not isinstance(el, _NOT_CONTENT) for el in s.body):
            out.append(Diagnostic(s.heading.lines[0], f"scene {s.index} "
                                  f"('{s.heading.plain.strip()}') is empty", "empty-scene"))
    return out


def speeches_without_dialogue(doc: Document) -> list[Diagnostic]:
    out = []
    for sp in doc.speeches():
        if not any(isinstance(p, (Dialogue, Lyrics)) for p in sp.parts):
            out.append(Diagnostic(sp.lines[0], f"cue '{sp.character.name}' has no dialogue",
                                  "speech-without-dialogue"))
    return out


def unknown_title_keys(doc: Document) -> list[Diagnostic]:
    return [Diagnostic(f.lines[0], f"unknown title-page key '{f.key}' (known: Title, Credit, "
                       "Author, Source, Draft date, Contact, Copyright, Notes...)",
                       "unknown-title-key")
            for f in doc.title_page if f.key.strip().lower() not in KNOWN_TITLE_KEYS]


def reader_diagnostics(doc: Document) -> list[Diagnostic]:
    """What the reader noticed while reading (unclosed notes and boneyard, say)."""
    return list(doc.diagnostics)


RULES: tuple[Callable[[Document], Iterable[Diagnostic]], ...] = (
    reader_diagnostics, unknown_title_keys, headings_without_time, empty_scenes,
    speeches_without_dialogue, cue_typos,
)


def lint(doc: Document) -> list[Diagnostic]:
    """Every lint finding, in line order."""
    out: list[Diagnostic] = []
    for rule in RULES:
        out.extend(rule(doc))
    return sorted(out, key=lambda d: (d.line, d.rule))
