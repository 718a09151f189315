"""Events from the dependency parse: each clause's verb, who does it, to whom, and what.

A verb with a subject is an event.  Its agent is what the subject refers to
(the coreference pass's answer, so "she" is a person), its recipient the
referent of a direct or dative object, its content the object phrase.  Verbs
of saying are "say" events (the speech pass decides whether they become a
line); verbs of going, or any verb with a goal ("to the station", "into the
house"), are "move"; the rest are "act".
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from .ir import Event, EventKind
from .lexicon import SPEECH_VERBS
from .lexicons import entries

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJ = ("nsubj", "nsubjpass")
_OBJ = ("dobj", "dative", "obj", "iobj")
_GOAL_PREPS = frozenset("to into onto toward towards inside".split())


def events_of(sent: "Span", who: Callable[["Token"], Optional[str]],
              lemma: Callable[["Token"], str], sentence: int) -> list[Event]:
    """The events of one sentence, in text order.

    ``who`` maps a token to the entity id it refers to (or None).
    """
    motion = frozenset(entries("motion_verbs"))
    out: list[Event] = []
    for v in sent:
        if v.pos_ not in ("VERB", "AUX") or v.dep_ in ("aux", "auxpass", "amod"):
            continue
        subj = next((c for c in v.children if c.dep_ in _SUBJ), None)
        if subj is None and v.dep_ == "conj":     # "Tom opens the door and leaves": shared subject
            subj = next((c for c in v.head.children if c.dep_ in _SUBJ), None)
        if subj is None:
            continue
        lem = lemma(v)
        agent = _referent(subj, who)
        objs = [c for c in v.children if c.dep_ in _OBJ]
        refs = [(o, _referent(o, who)) for o in objs]
        recipient = next((r for _, r in refs if r is not None), None)
        obj = next((o for o, r in refs if r is None), None)
        goal = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in _GOAL_PREPS
                     and any(g.dep_ == "pobj" for g in c.children)), None)
        kind: EventKind
        if lem in SPEECH_VERBS:
            kind = "say"
        elif lem in motion or goal is not None:
            kind = "move"
        else:
            kind = "act"
        content = None
        if obj is not None:
            content = _phrase(obj)
        elif goal is not None:
            content = _phrase(goal)
        else:
            comp = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp")), None)
            if comp is not None:
                content = _phrase(comp)
        out.append(Event(kind, sentence, lem, agent, recipient, content))
    return out


def _referent(tok: "Token", who: Callable[["Token"], Optional[str]]) -> Optional[str]:
    r = who(tok)
    if r is None:
        for c in tok.children:              # "Mr. Merry": the name's head may be its last word
            if c.dep_ in ("compound", "flat"):
                r = who(c)
                if r is not None:
                    break
    return r


def _phrase(tok: "Token", limit: int = 12) -> str:
    words = [t.text for t in tok.subtree]
    text = " ".join(words[:limit]) + (" ..." if len(words) > limit else "")
    return text.replace(" ,", ",").replace(" 's", "'s").replace(" .", ".")
