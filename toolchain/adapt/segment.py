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

_TIME_OPENERS = re.compile(
    r"^(?:(?:the )?(?:next|following) (?:day|morning|night|evening|afternoon|week|month|year)s?"
    r"|(?:that|this|one|the same|on(?:e)? \w+) (?:day|night|evening|morning|afternoon|weekend)"
    r"|later(?: that| on)?|one day|some time|sometime|meanwhile|(?:several|a few|some|many|two|three|four|five|six)"
    r" (?:hours|days|weeks|months|years) (?:later|earlier|before|after)|(?:hours|days|weeks|months|years) (?:later|earlier)|after (?:breakfast|lunch|dinner|supper|the \w+|a \w+)"
    r"|in the (?:next|following) (?:scene|shot|sequence)|next|afterwards|afterward|eventually|at (?:dawn|dusk|night|midnight)"
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
    later = bool(re.match(r"^(?:later|some time|sometime|(?:\w+ )?(?:hours|days|weeks|months|years) later|"
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
    s = re.sub(r"^next,?\s+", "", s, flags=re.IGNORECASE)
    if s != text:
        s = re.sub(r"^[^:.]{0,40}:\s+", "", s)
    return s[:1].upper() + s[1:] if s else s
