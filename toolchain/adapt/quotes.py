"""Quotation marks in a sentence: spoken words or a title.

Quoted words after a verb of saying are what was said; quoted capitalised
words without a closing stop ("Yesterday" by the Beatles) are a title and
stay in the action with their marks.
"""
from __future__ import annotations

from typing import Any


def quote_spans(sent: Any) -> list[tuple[int, int]]:
    """Doc token indexes (open, close) of the double-quote pairs in a sentence."""
    marks = [t.i for t in sent if t.text == '"' or t.text in ("``", "''")]
    return [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def quote_after(v: Any, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation that is what a verb says: right after it (a comma or listener between),
    or right before it with only the speaker between."""
    for a, b in quotes:
        gap = [t for t in v.doc[v.i + 1:a]]
        if 0 <= a - v.i <= 4 and all(t.is_punct or t.dep_ in ("dobj", "dative", "prep", "pobj") or
                                     t.pos_ in ("PRON", "PROPN") for t in gap):
            return (a, b)
    for a, b in quotes:
        # a quotation before its verb: '"Let's go home," he says.' (only its speaker between)
        between = [t for t in v.doc[b + 1:v.i]]
        if 0 < v.i - b <= 4 and all(t.is_punct or t.dep_ in ("nsubj", "compound") or t.pos_ in ("PRON", "PROPN")
                                    for t in between):
            return (a, b)
    return None


def quote_text(sent: Any, q: tuple[int, int]) -> str:
    doc = sent.doc
    inner = doc[q[0] + 1:q[1]].text.strip()
    inner = inner.strip(" ,")
    if not inner:
        return ""
    end = "." if inner[-1] not in ".!?" else ""
    return inner[0].upper() + inner[1:] + end


def is_title(sent: Any, a: int, b: int) -> bool:
    """A quoted title (song, book, film): capitalised words, no closing stop."""
    doc = sent.doc
    words = [t for t in doc[a + 1:b] if t.is_alpha]
    if not words or len(words) > 8:
        return False
    if doc[b - 1].text in (".", "!", "?", ","):
        return False
    small = {"a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "by", "with", "or"}
    return all(w.text[0].isupper() or w.lower_ in small for w in words) and words[0].text[0].isupper()
