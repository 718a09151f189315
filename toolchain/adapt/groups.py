"""Groups that speak as one: "the strikers chant "Bread and work!"".

A screenplay gives a crowd's words a cue of their own (STRIKERS, CROWD).  The
group is the quoting verb's subject when that is a plural or collective common
noun, or, for "they", the nearest such noun acting as a subject just before
(in the sentence or the one before it).  A pair of named people ("Tom and
Ann ... they") is never replaced by a noun that came before them.
"""
from __future__ import annotations

from typing import Any

from .lexicon import GROUP_NOUNS

_SUBJ = ("nsubj", "nsubjpass")


def _subject(v: Any) -> Any:
    """The subject of a verb, of the verb it is coordinated with, or of the verb a
    participle hangs on ("the crowd returns, chanting ...")."""
    for _ in range(4):
        s = next((c for c in v.children if c.dep_ in _SUBJ), None)
        participle = v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp")
        if s is not None or not (v.dep_ == "conj" or participle) or v.head.i == v.i:
            return s
        v = v.head
    return None


def _groupish(t: Any) -> bool:
    """A common noun that can name a body of people: plural, or a collective noun."""
    if not t.is_alpha or not t.is_lower:
        return False
    if t.tag_ == "NNS" and not any(c.dep_ == "det" for c in t.children) and \
            any(c.dep_ in ("nmod", "compound") and c.text[:1].isupper() and c.i == t.i - 1 - sum(
                1 for x in c.children if x.dep_ == "nummod") for c in t.children):
        return False   # "Juror 3 lunges at him": a name and its verb the tagger read as a plural noun
    return t.tag_ == "NNS" or (t.tag_ == "NN" and t.lower_ in GROUP_NOUNS)


def _acts(t: Any) -> bool:
    """The noun is who does something: a subject, or "hundreds of strikers" as one."""
    if t.dep_ in _SUBJ:
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ in _SUBJ:
        return True
    return t.dep_ == "conj" and t.head.dep_ in _SUBJ


def group_cue(tok: Any) -> str:
    """The cue of a group noun: its compounds and the noun ("HOTEL STAFF", "STRIKERS")."""
    comps = [c.text for c in tok.lefts if c.dep_ == "compound" and c.is_alpha]
    return " ".join(comps + [tok.text]).upper()


def speaking_group(v: Any, prev_sent: Any) -> str | None:
    """The cue of the group whose words a quoting verb gives, or None."""
    subj = _subject(v)
    if subj is None:
        return None
    if _groupish(subj):
        return group_cue(subj)
    if subj.lower_ != "they":
        return None
    sent = subj.sent
    pools = [[t for t in sent if t.i < subj.i]]
    if prev_sent is not None:
        pools.append(list(prev_sent))
    for pool in pools:
        for t in reversed(pool):
            if t.pos_ == "PROPN" and t.dep_ in _SUBJ and any(c.dep_ == "conj" for c in t.children):
                return None   # "Tom and Ann": "they" are the pair
            if _groupish(t) and _acts(t):
                return group_cue(t)
    return None
