"""Where a synopsis cuts to a new scene.

A screenwriter cuts when time or place changes.  In synopsis prose that shows
as a paragraph break, a time phrase opening a sentence ("The next day",
"That night", "One afternoon", "Later"), an editing phrase ("Cut to", "The
scene cuts to", "In the next shot"), or a person being somewhere else ("is in
the study", "goes into the kitchen", "at her bedside").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_TIME_OPENERS = re.compile(
    r"^(?:(?:the )?(?:next|following) (?:day|morning|night|evening|afternoon|week|month|year)s?"
    r"|(?:that|this|one|the same|on(?:e)? \w+) (?:day|night|evening|morning|afternoon|weekend)"
    r"|later(?: that| on)?|one day|some time|sometime|meanwhile|(?:soon|shortly|not long|a while|some time) after(?:wards?)?"
    r"|before long|after that|(?:several|a few|some|many|two|three|four|five|six)"
    r" (?:minutes|hours|days|weeks|months|years) (?:later|earlier|before|after)|(?:moments|minutes|hours|days|weeks|months|years) (?:later|earlier)|after (?:breakfast|lunch|dinner|supper|the \w+|a \w+)"
    r"|in the (?:next|following) (?:scene|shot|sequence)|next|afterwards|afterward|eventually|at (?:dawn|dusk|night|midnight)"
    r"|(?:at|over) (?:breakfast|lunch|dinner|supper)"
    r"|in the (?:morning|evening|afternoon|middle of the night)|that (?:night|evening|morning|afternoon)"
    r"|the film (?:opens|begins|starts|ends|concludes)|the (?:movie|story) (?:opens|begins|starts)"
    r"|(?:some|much|a lot of) time (?:has )?(?:passes|passed|elapses|elapsed|goes by|later))\b",
    re.IGNORECASE,
)
_CUT = re.compile(r"^(?:cut to\b|(?:the|this) (?:scene|film|shot|movie)? ?(?:cuts|shifts|changes|jumps) to\b|this cuts to\b)",
                  re.IGNORECASE)
_INNER = re.compile(r"\b(?:(?:is|are) next seen|in the middle of the night|wakes up|awakens|"
                    r"(?:some|much) time (?:has )?(?:passed|elapsed)|time passes)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """Why a sentence opens a scene (empty when it does not by itself)."""

    time: bool = False
    cut: bool = False
    later: bool = False


def cue_of(text: str) -> Cue:
    """Time and editing cues at the head of a sentence."""
    s = text.strip().lstrip('"').strip()
    cut = bool(_CUT.match(s))
    time = bool(_TIME_OPENERS.match(s)) or bool(_INNER.search(s[:80]))
    later = bool(re.match(r"^(?:later|some time|sometime|(?:\w+ ){0,2}(?:moments|minutes|hours|days|weeks|months|years) later|"
                          r"(?:some|much|a lot of) time)", s, re.IGNORECASE))
    return Cue(time, cut, later)


_CONTINUES = re.compile(r"^(?:(?:however|then|but|and|so|still|meanwhile|suddenly|soon|finally),?\s+)?"
                        r"(?:he|she|they|it|as|while|when|whereupon)\b", re.IGNORECASE)


def continues(text: str) -> bool:
    """A line that goes on with the previous one ("She sits...", "As he reaches...")."""
    return bool(_CONTINUES.match(text.strip()))


def strip_cut(text: str) -> str:
    """The action without the editing phrase the transition now carries."""
    s = text
    s = re.sub(r"^(?:cut to|(?:the|this) (?:scene |film |shot |movie )?(?:cuts|shifts|jumps) to)\s*:?\s*", "", s,
               flags=re.IGNORECASE)
    s = re.sub(r"^in the (?:next|following) (?:scene|shot|sequence),?\s*", "", s, flags=re.IGNORECASE)
    s = re.sub(r"\b(is|are) next seen\b", r"\1", s)
    # ("Next, they ..." is the edit; "Next day" and "Next Monday" are when, and stay)
    s = re.sub(r"^next(?:,\s*|\s+(?=(?:he|she|they|we|it|the|a|an|his|her|their)\b))", "", s, flags=re.IGNORECASE)
    if s != text:
        s = re.sub(r"^[^:.]{0,40}:\s+", "", s)
    return s[:1].upper() + s[1:] if s else s


#: Links a place word climbs through to the verb that takes the people there.
_TO_VERB = frozenset("pobj prep dobj compound amod advmod npadvmod".split())


@dataclass(frozen=True)
class Move:
    """Where a sentence's action moves on to a new place: the clause that goes there
    ("..., and returns to the farm") and who goes, to begin that clause with."""

    char: int          # offset in the sentence where the clause of going starts
    subject: str       # "He", "Tom and Ana"
    verb: int = 0      # offset of its verb: what comes before it ("taking two sacks") leads in
    joint: int | None = None   # the comma before the verb this clause followed in a list


def move_in(sent: Any, word: str) -> Move | None:
    """The joined clause of the sentence's main verb that takes its people to ``word``'s place.

    A screenwriter cuts where the people get to the new place, so the action
    before it stays in the old scene.  Only a verb that shares the main verb's
    subject ("Tom fetches a lamp, crosses the yard and returns to the house"),
    never a clause with its own people or a place talked about.
    """
    place = next((t for t in reversed(list(sent)) if t.lower_ == word.lower() and t.pos_ in ("NOUN", "PROPN")), None)
    if place is None:
        return None
    verb = place
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "xcomp" or verb.head.i == verb.i or \
                verb.dep_ not in _TO_VERB and verb.dep_ != "xcomp":
            break   # "takes the group fishing on a boat": through the verb that says what for
        verb = verb.head
    root = sent.root
    if verb.pos_ == "ADP" and verb.dep_ == "conj" and verb.head.i == root.i and root.pos_ == "VERB" and \
            verb.left_edge.i > root.i + 1 and place.head.i == verb.i:
        # "leads them to a fort, and then to a border town": the second place shares the verb
        return Move(sent.doc[verb.left_edge.i].idx - sent.start_char, "", verb.idx - sent.start_char)
    if verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.i <= root.i or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj" and head.i != root.i:
        head = head.head
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if head.i != root.i or subj is None or subj.i > root.i:
        return None
    who = list(subj.subtree)
    if len(who) > 5 or any(w.dep_ in ("relcl", "acl", "appos") or w.text in ",(" for w in who):
        return None
    start = verb.left_edge.i
    if start <= root.i + 1:
        return None
    text = sent.doc[who[0].i: who[-1].i + 1].text
    if who[0].tag_ in ("PRP", "DT"):
        text = text[:1].upper() + text[1:]
    joint = None
    if verb.head.dep_ == "conj" and verb.head.i > root.i and sent.doc[verb.head.left_edge.i - 1].text == ",":
        joint = sent.doc[verb.head.left_edge.i - 1].idx - sent.start_char   # "goes there, buys bread, and"
    return Move(sent.doc[start].idx - sent.start_char, text, verb.idx - sent.start_char, joint)


def split_action(action: str, sentence: str, move: Move) -> tuple[str, str] | None:
    """The action before the move and the move as a sentence of its own ("Tom fetches a
    lamp." / "Tom returns to the house."), when the action line still holds that clause."""
    tail = sentence[move.char:].strip()
    if not tail:
        return None
    if not action.rstrip().endswith(tail):
        # the end of the sentence became a line ("..., where a keeper tells them that ..."): the
        # action ends where the line begins
        end = action.rstrip(" .")
        cut = next((k for k in range(len(tail), 11, -1) if end.endswith(tail[:k].rstrip(" ,;"))), None)
        if cut is None:
            return None
        tail = action[len(end) - len(tail[:cut].rstrip(" ,;")):].strip()
    before = action.rstrip()[: -len(tail)].rstrip()
    before = re.sub(r"(?:,?\s+(?:and|then|and then|but))+$", "", before).rstrip(" ,;")
    if len(before.split()) < 3:
        return None
    if move.joint is not None and move.joint < move.char:
        # the list lost its last "and": "goes to the mill, buys the flour" -> "... mill and buys ..."
        last = re.sub(r"(?:,?\s+(?:and|then|and then|but))+\s*$", "", sentence[move.joint + 1: move.char]).rstrip(" ,;")
        if last.strip() and before.endswith("," + last):
            before = before[: -len(last) - 1] + " and" + last
    if before[-1:] not in ".!?":
        before += "."
    lead = sentence[move.char: move.verb].strip().rstrip(",")
    if len(lead.split()) > 1:
        # "and taking two sacks rides to the mill" -> "Taking two sacks, he rides to the mill"
        who = move.subject if move.subject.split()[0] not in _PRONOUNS else move.subject.lower()
        return before, f"{lead[:1].upper()}{lead[1:]}, {who} {sentence[move.verb:].strip()}"
    if not move.subject:
        return before, tail[:1].upper() + tail[1:]   # "Then to a border town."
    return before, f"{move.subject} {tail}"


_PRONOUNS = frozenset("He She They We I It".split())
