"""Action lines: present tense, narrator framing removed, asides as notes.

Synopses describe shots ("The scene cuts to Anne trying out a wheelchair");
action says what we see ("Anne tries out a wheelchair.").  Verbs left as bare
-ing forms after the framing is cut become present tense.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from .grammar import third_singular
from .segment import strip_cut

#: Narrator talk about the film rather than in it: these clauses become notes.
COMMENTARY = re.compile(
    r"\b(?:implying|suggesting|presumably|it is (?:unclear|implied|apparent|clear) (?:that|how|whether)|"
    r"never (?:seen|shown|specified|explained)|plot hole|the audience|the viewer|on screen)\b",
    re.IGNORECASE,
)


def present_gerunds(text: str, sent: Any, lemma: Callable[[Any], str]) -> str:
    """After framing is cut, "Anne trying out" reads "Anne tries out"."""
    words = text.split(" ")
    if len(words) < 3:
        return text
    finite = {t.text for t in sent if t.tag_ in ("VBZ", "VBD", "VBP", "MD")}
    for k, w in enumerate(words[:7]):
        bare = w.strip(",.;:")
        if bare in finite:
            return text
        if k > 0 and bare.endswith("ing"):
            tok = next((t for t in sent if t.text == bare and t.tag_ in ("VBG", "NN")), None)
            if tok is None:
                return text
            base = lemma(tok)
            if not base or base.endswith("ing"):
                # tagged as a noun: ask the lemmatizer again as a verb
                saved = tok.pos_
                try:
                    tok.pos_ = "VERB"
                    base = lemma(tok)
                finally:
                    tok.pos_ = saved
            if not base or base.endswith("ing"):
                return text
            words[k] = w.replace(bare, third_singular(base))
            return " ".join(words)
    return text


def clean_action(text: str, sent: Any, lemma: Callable[[Any], str]) -> str:
    """Action text with editing phrases cut and the verb in the present."""
    stripped = strip_cut(text)
    if stripped != text:
        stripped = present_gerunds(stripped, sent, lemma)
    return stripped


def split_commentary(text: str) -> tuple[str, str | None]:
    """Split a trailing narrator comment (", implying ...") off an action sentence."""
    m = re.search(r",\s+((?:implying|suggesting|presumably|perhaps implying)\b.*)$", text, re.IGNORECASE)
    if m:
        head = text[:m.start()].rstrip(" ,") + "."
        return head, m.group(1).rstrip(".") + "."
    return text, None
