"""Speech acts said in the first person: the line is the act itself.

Some verbs of saying perform what they name when a speaker says them in the
first person present: "Nash denies any knowledge of a setup" is "I deny any
knowledge of a setup."; "insists on a stealth approach" is "I insist on a
stealth approach."; "accuses him of lying" is "I accuse you of lying."
When such a verb has no clause of content, its objects and prepositional
phrases (read from the dependency parse) are the rest of the line, with
pronouns shifted by the reader.  "warns her against going" is a
prohibition: "Don't go."  The verbs are data (lexicons/performative_verbs.txt).
"""
from __future__ import annotations

import functools
from typing import Any, Callable

from .grammar import Word, base_form, fix_i_capital, render, sentence_case
from .lexicons import entries

#: Dependents of the verb that carry what the act is about.
_COMPLEMENTS = frozenset("dobj dative prep attr oprd acomp npadvmod".split())
_STOP = frozenset("conj cc punct advcl ccomp xcomp relcl mark".split())


@functools.lru_cache(maxsize=1)
def performatives() -> dict[str, bool]:
    """Performative verbs, each with whether it may stand alone."""
    out: dict[str, bool] = {}
    for line in entries("performative_verbs"):
        word, _, mark = line.partition(" ")
        out[word] = mark.strip() == "*"
    return out


Shift = Callable[[list[Any]], list[Word]]


def performative_line(v: Any, lem: str, shift: Shift, lemma: Callable[[Any], str]) -> tuple[str, set[int]] | None:
    """The first-person line a speech act makes, and the tokens it takes, or None.

    None when the verb is not performative, is negated or in a question, or
    has nothing to say and may not stand alone.
    """
    table = performatives()
    if lem not in table or any(c.dep_ == "neg" for c in v.children):
        return None
    if not _said_now(v):
        return None
    parts = [c for c in v.children if c.i > v.i and c.dep_ in _COMPLEMENTS]
    parts = [c for c in parts if not any(s.dep_ in _STOP and s.tag_.startswith("VB") and s.dep_ != "pcomp"
                                         for s in c.subtree if s is not c)] or parts
    # "insists on a stealth approach to avoid ...": a purpose after the object goes with it
    parts += [c for c in v.children if c.dep_ == "xcomp" and parts and c.i > parts[0].i]
    banned = next((c for c in parts if c.dep_ == "prep" and c.lower_ == "against"), None)
    if banned is not None:
        gerund = next((g for g in banned.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if gerund is not None:
            # "warns her against befriending him": a prohibition
            rest = sorted((t for t in gerund.subtree if t.i != gerund.i), key=lambda t: t.i)
            body = render(shift(rest))
            told = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i < banned.i]
            took = {t.i for t in banned.subtree} | {v.i} | {t.i for c in told for t in c.subtree}
            return sentence_case(fix_i_capital(f"Don't {base_form(gerund, lemma)} {body}".strip())), took
    if lem == "warn":
        return None   # a warning without its danger says nothing a line could
    toks = sorted({t for c in parts for t in c.subtree}, key=lambda t: t.i)
    if toks and toks[-1].i - toks[0].i + 1 != len(toks):
        return None   # not one stretch of words: the parse is unsure
    if not toks and not table[lem]:
        return None
    body = render(shift(toks)) if toks else ""
    if toks and not body:
        return None
    act = "Thank" if lem == "thank" else f"I {lem}"   # "I thank you" is stiff: "Thank you"
    line = sentence_case(fix_i_capital(f"{act} {body}".strip()))
    return line, {t.i for t in toks} | {v.i}


def _said_now(v: Any) -> bool:
    """The act happens in the story's present, by one speaker, in a main clause.

    Not "as he has promised" or "the oath that he swore" (told of, not done),
    not "the promised tank", and not "Billy and Candy agree" (two voices).
    """
    if v.dep_ not in ("ROOT", "conj", "pcomp") or v.tag_ not in ("VBZ", "VBP", "VBD", "VBG"):
        return False
    if any(c.dep_ in ("aux", "mark") and c.lower_ in ("has", "have", "had", "as", "if", "when", "because")
           for c in v.children):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None and v.dep_ == "conj":
        # "refuses to explain and warns her": the small model may hang the second verb
        # on the infinitive; the subject is still the first verb's
        h = v.head
        while h.dep_ in ("conj", "xcomp") and h.head.i != h.i:
            h = h.head
        if h.dep_ != "ROOT":
            return False
        subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
    if subj is None and v.dep_ != "pcomp":
        return False
    return subj is None or not any(c.dep_ == "conj" for c in subj.children)
