"""Words written, not spoken: a letter "saying that ..." is its writer's voice.

"Jess receives a letter from Steve, saying that he is well" is Steve's line,
heard over the scene as the letter is read: STEVE (V.O.) "I am well."  The
writer is the one the letter is from ("from Steve"), or the subject of the
verb that writes or sends it; the reader is the one who gets or reads it.
"""
from __future__ import annotations

from typing import Any, Callable

#: Things written to somebody whose words a film lets us hear in the writer's voice.
WRITTEN_NOUNS = frozenset("letter note message telegram postcard card email e-mail text diary journal".split())
#: Things that "say" or "read" something and are never a person who speaks ("the telegram
#: only says he is missing", "the sign says closed").
SAYING_THINGS = WRITTEN_NOUNS | frozenset(
    "sign notice poster headline newspaper article report label inscription caption plaque banner "
    "billboard radio television tv screen recording tape voicemail document contract will "
    # a silent film's titles narrate ("A title explains that ...") and are nobody
    "title intertitle".split())
#: The film's own parts, which narrate ("The scene shows Ann at her door: ...") and are nobody.
FILM_PARTS = frozenset("scene scenes shot shots camera picture film movie reel sequence frame title intertitle".split())
#: What is told, never who tells it ("wants the story told", "the news spreads").
TOLD_THINGS = frozenset("story tale news rumour rumor truth secret lie joke gossip word".split())
SENDING_VERBS = frozenset("write send leave mail post".split())
#: Verbs of sending written words (lemmas): what they say is read, heard in the writer's voice.
WRITING_VERBS = frozenset("write text email e-mail message telegraph cable wire fax".split())
_SUBJ = ("nsubj", "nsubjpass")


def sender_of(noun: Any, verb: Any) -> Any:
    """The token after "from" on the written thing or on the verb that brings it."""
    for h in (noun, verb):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def written_by(v: Any, lemma: Callable[[Any], str]) -> tuple[Any, Any] | None:
    """(writer token, reader token) when a verb of saying gives what a letter says.

    The verb hangs on the letter ("a letter saying ...") or on the clause that has
    the letter as its object ("receives a letter from Steve, saying ...").
    """
    if v.tag_ != "VBG":
        return None
    if v.dep_ == "acl" and v.head.lower_ in WRITTEN_NOUNS:
        noun, verb = v.head, v.head.head
    elif v.dep_ in ("advcl", "xcomp", "conj"):
        verb = v.head
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in WRITTEN_NOUNS), None)
        if noun is None:
            return None
    else:
        return None
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if lemma(verb) in SENDING_VERBS:
        to = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ == "pobj"), None)
        return subj, next((c for c in verb.children if c.dep_ in ("dative", "iobj")), to)
    writer = sender_of(noun, verb)
    return (writer, subj) if writer is not None else None
