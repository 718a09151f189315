"""Action lines: present tense, narrator framing removed, asides as notes.

Synopses describe shots ("The scene cuts to Ines trying out a new bicycle");
action says what we see ("Ines tries out a new bicycle.").  Verbs left as bare
-ing forms after the framing is cut become present tense.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from .grammar import third_singular
from .segment import strip_cut

def present_gerunds(text: str, sent: Any, lemma: Callable[[Any], str]) -> str:
    """After framing is cut, "Ines trying out" reads "Ines tries out"."""
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


_PLURAL_SUBJ = frozenset("they we you i".split())
_BE_PAST = {"was": ("is", "are", "am"), "were": ("is", "are", "am")}
_MODAL_PAST = {"could": "can", "would": "will"}


def is_past_narrative(sents: list[Any]) -> bool:
    """Whether a synopsis tells its story in the past tense (most main verbs VBD)."""
    past = present = 0
    for s in sents:
        root = s.root
        if root.tag_ == "VBD":
            past += 1
        elif root.tag_ in ("VBZ", "VBP"):
            present += 1
        for c in root.children:
            if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD":
                past += 1
            elif c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP"):
                present += 1
    return past > 2 * present and past >= 2


def _has_subject(tok: Any) -> bool:
    """Whether the parse gives the verb (or the verb it helps) a subject."""
    v = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in list(v.children) + list(tok.children))


def _number(verb: Any) -> str:
    """'3' for a singular third-person subject, 'p' for plural (or I/you)."""
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None and subj.dep_ == "expl":
            # "there were two loves": the number is the noun's that follows
            subj = next((c for c in v.children if c.dep_ in ("attr", "nsubj")), subj)
        if subj is not None:
            if subj.lower_ == "i":
                return "1"
            if subj.tag_ in ("NNPS", "NNS") and subj.text[:1].isupper() and \
                    not any(c.dep_ in ("det", "conj") for c in subj.children) and \
                    (subj.ent_type_ == "PERSON" or any(t.text == subj.text and t.i != subj.i and
                                                       (t.ent_type_ == "PERSON" or t.tag_ == "NNP") for t in subj.doc)):
                return "3"   # "Keyes thought": a surname ending in s, one person
            if subj.lower_ in _PLURAL_SUBJ or subj.tag_ in ("NNS", "NNPS") or \
                    subj.tag_ == "CD" and subj.lower_ not in ("one", "1") or \
                    any(c.dep_ == "conj" for c in subj.children):
                return "p"
            return "3"
        if v.dep_ in ("conj", "aux", "auxpass") and v.head.i != v.i:
            v = v.head
            continue
        break
    return "3"


def present_form(tok: Any, lemma: Callable[[Any], str]) -> str | None:
    """The present tense of a past verb token, agreeing with its subject; None to keep it."""
    low = tok.lower_
    if tok.tag_ != "VBD" and not (low in _MODAL_PAST and tok.tag_ == "MD"):
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have", "'d", "was", "were", "be", "been")
           for c in tok.children):
        return None   # "Why had he never claimed?": a participle the tagger read as past, its auxiliary carries the tense
    doc = tok.doc
    if 0 < tok.i < len(doc) - 2 and doc[tok.i - 1].text == "," and doc[tok.i + 1].text == "," and (
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or
            doc[tok.i + 2].tag_ == "VBD" and (doc[tok.i + 2].head.i == tok.i or tok.head.i == tok.i + 2) and
            not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in tok.children)):
        return None   # "Lady Vane, ashamed, came": a participle set off by commas, no verb of its own
    num = _number(tok if tok.dep_ not in ("aux", "auxpass") else tok.head)
    if low == "were" and num == "3" and not _has_subject(tok):
        num = "p"   # "from then on the gloves were off", its subject lost in the parse: "were" says plural
    if low in _BE_PAST:
        form = {"3": "is", "p": "are", "1": "am"}[num]
    elif low in _MODAL_PAST:
        form = _MODAL_PAST[low]
    elif low == "had":
        form = "has" if num == "3" else "have"
    elif low == "did":
        form = "does" if num == "3" else "do"
    else:
        base = lemma(tok)
        if not base or (base == low and low.endswith("ed")):
            return None   # no better guess than the past form
        form = third_singular(base) if num == "3" else base
    return form[0].upper() + form[1:] if tok.text[0].isupper() else form


def past_perfect_to_present(text: str, sent: Any, lemma: Callable[[Any], str]) -> str:
    """An action of a flashback in the present, as the scene shows it: "he had crawled through
    the tunnel" -> "he crawls through the tunnel"."""
    for t in sent:
        had = next((c for c in t.children if c.dep_ == "aux" and c.lower_ == "had"), None)
        if t.tag_ != "VBN" or had is None or any(c.dep_ == "auxpass" for c in t.children):
            continue
        base = lemma(t)
        if not base:
            continue
        form = third_singular(base) if _number(t) == "3" else base
        text = re.sub(rf"\bhad\s+((?:\w+\s+)?){re.escape(t.text)}\b", rf"\g<1>{form}", text, count=1)
    return text


def to_present(words: list[Any], lemma: Callable[[Any], str]) -> None:
    """Put the narrated (unquoted) verbs of an action into the present, in place."""
    quoted = False
    for w in words:
        t = w.tok
        if t is None:
            continue
        if t.text == '"':
            quoted = not quoted
            continue
        if quoted:
            continue
        if t.lower_ in _MODAL_PAST:
            continue  # "could"/"would" in narration is often not past at all
        form = present_form(t, lemma)
        if form:
            w.text = form
