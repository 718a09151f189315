"""Quotation marks in a sentence: spoken words or a title.

Quoted words after a verb of saying are what was said; quoted capitalised
words without a closing stop ("Yesterday" by the Beatles) are a title and
stay in the action with their marks.
"""
from __future__ import annotations

import re
from typing import Any


#: Longest quotation (in tokens) kept in one sentence; past it a lone mark is more likely
#: a typo than a speech, and the text is cut as the parser wants.
MAX_QUOTE_TOKENS = 80


def keep_quotes_whole(doc: Any) -> Any:
    """No sentence starts inside a quotation: '"But I tried. At least I did that."' is one
    utterance, so its verb of saying and both its sentences stay in one unit.

    Runs before the parser, which respects the boundaries it is told are absent.
    """
    marks = [t.i for t in doc if t.text == '"']
    if len(marks) % 2:
        return doc   # unbalanced marks: no safe pairing
    for a, b in zip(marks[::2], marks[1::2]):
        if b - a <= MAX_QUOTE_TOKENS:
            for k in range(a + 1, b + 1):
                doc[k].is_sent_start = False
            if b + 1 < len(doc) and doc[b + 1].is_lower and doc[b + 1].is_alpha:
                doc[b + 1].is_sent_start = False   # '"No war!" until dawn': the sentence goes on
            elif _said_by_after(doc, b + 1):
                doc[b + 1].is_sent_start = False   # '"Security!" Jerry answers.': whose words they are
    return doc


def _said_by_after(doc: Any, k: int) -> bool:
    """Whether a quotation's close is followed by who said it and a verb of saying ("Jerry
    answers.", "he says,"): one sentence with it, though the tokenizer saw an end inside."""
    from .lexicon import QUOTE_VERBS
    n = 0
    # (a name the tagger took for a common noun: '"To the stars!" Buzz proclaims')
    while k + n < len(doc) and n < 3 and (doc[k + n].tag_ in ("NNP", "NNPS", "NN", "PRP") and
                                          doc[k + n].text[:1].isupper() and doc[k + n].is_alpha
                                          or n == 0 and doc[k].lower_ in ("he", "she", "they", "i", "we")):
        n += 1
    if n == 0 or k + n >= len(doc):
        return False
    verb = doc[k + n].lower_
    stems = {verb, verb[:-1], verb[:-2], verb[:-1] if verb.endswith("ed") else verb, re.sub(r"ies$", "y", verb)}
    return (doc[k + n].tag_.startswith("VB") or doc[k + n].tag_ == "NNS") and bool(stems & QUOTE_VERBS) and \
        _short_tail(doc, k + n + 1)


def _short_tail(doc: Any, k: int) -> bool:
    """Whether what follows a verb of saying up to the next stop is at most its listener or manner
    ("at him", "to the crowd", "angrily"): no clause of its own."""
    n = 0
    while k + n < len(doc) and not doc[k + n].is_punct:
        if n == 4 or doc[k + n].tag_.startswith(("VB", "MD")) or doc[k + n].lower_ in ("that", "and", "but"):
            return False
        n += 1
    return True


def quote_spans(sent: Any) -> list[tuple[int, int]]:
    """Doc token indexes (open, close) of the double-quote pairs in a sentence."""
    marks = [t.i for t in sent if t.text == '"' or t.text in ("``", "''")]
    return [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def quote_after(v: Any, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation that is what a verb says: right after it (a comma or listener between),
    or right before it with only the speaker between."""
    for a, b in quotes:
        gap = [t for t in v.doc[v.i + 1:a]]
        # (a particle, or an object named before its words: 'calls out, "..."', 'repeating the motto "..."')
        if 0 <= a - v.i <= 4 and all(t.is_punct or t.dep_ in ("dobj", "dative", "prep", "pobj", "prt") or
                                     t.dep_ in ("det", "amod", "compound", "poss") and t.head.dep_ == "dobj" or
                                     t.pos_ in ("PRON", "PROPN") for t in gap):
            return (a, b)
    return quote_before(v, quotes)


def quote_before(v: Any, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation right before its verb: '"Let's go home," he says.' (only its speaker between)."""
    for a, b in quotes:
        between = [t for t in v.doc[b + 1:v.i]]
        # (the speaker may come with its article and a manner: '"Not guilty," he finally says',
        # '"Good shot," the old sheriff says')
        if 0 < v.i - b <= 5 and all(t.is_punct or t.dep_ in ("nsubj", "compound") or t.pos_ in ("PRON", "PROPN") or
                                    t.dep_ in ("det", "amod", "poss") and t.head.dep_ == "nsubj" or
                                    t.dep_ == "advmod" and t.pos_ == "ADV" and t.head.i == v.i
                                    for t in between):
            return (a, b)
    return None


def quote_text(sent: Any, q: tuple[int, int]) -> str:
    doc = sent.doc
    inner = doc[q[0] + 1:q[1]].text.strip()
    # an editor's brackets ("[they're] going to kill [us]") mark words supplied, not said apart
    inner = re.sub(r"\[([^\[\]]*)\]", r"\1", inner)
    inner = re.sub(r"\s+", " ", inner).strip(" ,")
    if not inner:
        return ""
    end = "." if inner[-1] not in ".!?" else ""
    return inner[0].upper() + inner[1:] + end


def is_scare(sent: Any, a: int, b: int) -> bool:
    """Quotation marks around a word or two inside a phrase (a "welcome" banner, calls
    him a "hero"): a usage marked, not words spoken.  Words said are a clause, end with a
    stop, or are set off by a comma, colon or the start of the sentence."""
    doc = sent.doc
    inner = [t for t in doc[a + 1:b] if not t.is_punct]
    if not inner or len(inner) > 4:
        return False
    if a == sent.start or doc[a - 1].text in (",", ":", ";"):
        return False
    if doc[b - 1].text in (".", "!", "?"):
        # the sentence's own stop set inside the marks around a word or two: 'being taken
        # "upstairs."' is a word of the sentence (a phrase of more may be words somebody said)
        return doc[b - 1].text == "." and len(inner) <= 2 and inner[0].is_lower and \
            all(t.is_punct for t in doc[b + 1:sent.end]) and not any(t.tag_.startswith("VB") for t in inner)
    if doc[a - 1].lower_ == "to" and inner[0].is_lower:
        return True   # 'had been ordered to "take a shower"': the sentence's own infinitive, marked
    return not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in inner)


def is_title(sent: Any, a: int, b: int) -> bool:
    """A quoted title (song, book, film): capitalised words, no closing stop."""
    doc = sent.doc
    words = [t for t in doc[a + 1:b] if t.is_alpha]
    if not words or len(words) > 8:
        return False
    if doc[b - 1].text in (".", "!", "?", ","):
        # the sentence's own stop set inside the marks closes a name after a preposition
        # ('she has heard of "Black Jack."'); anywhere else a stop ends words said
        if not (doc[b - 1].text == "." and a > sent.start and doc[a - 1].pos_ == "ADP" and
                all(t.is_punct for t in doc[b + 1:sent.end])):
            return False
        words = [t for t in words if t.i < b - 1]
    small = {"a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "by", "with", "or"}
    return all(w.text[0].isupper() or w.lower_ in small for w in words) and words[0].text[0].isupper()


def quote_run(sent: Any, q: tuple[int, int], quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation and those that follow it with only a comma or "and" between
    ('chanting "Stay back!", "Bread and work!"'): one speaker's words."""
    doc = sent.doc
    run = [q]
    for a, b in quotes:
        if a <= run[-1][1]:
            continue
        gap = doc[run[-1][1] + 1:a]
        if len(gap) > 2 or not all(t.text in (",", ";") or t.lower_ in ("and", "or") for t in gap):
            break
        run.append((a, b))
    return run


def quoted_predicate_subject(sent: Any, q: tuple[int, int]) -> list[Any]:
    """The subject outside a quotation that holds only its verb phrase: in 'Tomas "fits the
    description"' the words said are "Tomas fits the description"; [] for a whole quotation."""
    doc = sent.doc
    if q[0] + 1 >= q[1]:
        return []
    first = doc[q[0] + 1]
    if not first.is_lower or first.tag_ not in ("VBZ", "VBD", "VBP"):
        return []
    subj = next((c for c in first.children if c.dep_ == "nsubj" and c.i < q[0]), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return []
    return sorted(subj.subtree, key=lambda t: t.i)
