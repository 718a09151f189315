"""Turning reported speech into the words a character would say.

"Ines says she is fine" becomes "I'm fine."; "he asks if she is coming"
becomes "Are you coming?"; "she tells him not to wait" becomes "Don't wait.".
The rewrite works on spaCy tokens: pronouns that point at the speaker become
first person, those that point at the listener second person, verbs agree
with their new subjects, and indirect questions get their word order back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

#: Pronoun forms by grammatical role.
FIRST = {"subj": "I", "obj": "me", "poss": "my", "pposs": "mine", "refl": "myself"}
SECOND = {"subj": "you", "obj": "you", "poss": "your", "pposs": "yours", "refl": "yourself"}
WH_WORDS = frozenset("what who whom whose which where when why how".split())
_IRREGULAR_3SG = {"has": "have", "does": "do", "is": "are", "goes": "go", "'s": "'re"}
_MODALS = frozenset("can could will would shall should may might must".split())


def base_from_3sg(word: str) -> str:
    """``wants`` -> ``want``, ``tries`` -> ``try``, ``goes`` -> ``go`` (regular English)."""
    low = word.lower()
    if low in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[low]
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return word[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return word[:-1]
    return word


def third_singular(base: str) -> str:
    """``try`` -> ``tries``, ``go`` -> ``goes``, ``have`` -> ``has``."""
    low = base.lower()
    if low == "have":
        return "has"
    if low == "be":
        return "is"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return base[:-1] + "ies"
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    return base + "s"


def agree(verb: Any, person: str) -> str:
    """The form of a finite verb or auxiliary for subject ``I`` or ``you``."""
    w = verb.text
    low = verb.lower_
    if low in ("is", "'s"):
        if person == "1":
            return "am" if low == "is" else "'m"
        return "are" if low == "is" else "'re"
    if low == "was" and person == "2":
        return "were"
    if low == "are" and person == "1":
        return "am"
    if low == "were" and person == "1":
        return "was"
    if verb.tag_ == "VBZ":
        return base_from_3sg(w)
    return w


@dataclass
class Word:
    """One output word: its text, the space after it, and the token it came from."""

    text: str
    space: str
    tok: Any = None


def render(words: list[Word]) -> str:
    """Join words, tidying the spaces a removal or reordering left behind."""
    out = ""
    prev: Word | None = None
    for w in words:
        if not w.text:
            continue
        # words that stood together in the text stay together ("twelve-year-old", "1930s")
        joined = prev is not None and prev.tok is not None and w.tok is not None and \
            prev.tok.i + 1 == w.tok.i and not prev.space and prev.tok.doc is w.tok.doc
        if out and not joined and not out.endswith((" ", "\n")) and _needs_space(out, w.text):
            out += " "
        out += w.text + w.space
        prev = w
    out = " ".join(out.split())
    for p in (" ,", " .", " ?", " !", " ;", " :", " n't", " 's", " 're", " 'm", " 've", " 'll", " 'd"):
        out = out.replace(p, p[1:])
    return out.strip()


def _needs_space(before: str, word: str) -> bool:
    if word[:1] in ",.;:!?)" or word.lower() in ("n't", "'s", "'re", "'m", "'ve", "'ll", "'d"):
        return False
    return not before.endswith(("(", '"')) or True


def sentence_case(s: str, end: str = ".") -> str:
    """Capitalise the first letter and end with one mark of punctuation."""
    s = " ".join(s.split())
    s = re.sub(r'" ([^"]*?) "', r'"\1"', s)
    s = s.replace(" ,", ",").replace(" .", ".").replace("s ' ", "s' ")
    s = s.strip().strip(",;: -")
    while True:
        # (a dangling joint, not "for a while", "for once", "ever so")
        stripped = re.sub(r"(?:,?\s+(?<!\ba )(?<!\bthe )(?<!\bever )(?:and|but|or|because|while|when))+$", "", s)
        if stripped == s:
            break
        s = stripped.strip(",;: -")
    s = re.sub(r"\bI and (my|your|his|her|our|their) (\w+) am\b", r"\1 \2 and I are", s)
    s = re.sub(r"\bI and (my|your|his|her|our|their) (\w+)", r"\1 \2 and I", s)
    # "I and Kenny work": the speaker names himself last
    s = re.sub(r"\bI and ([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)(?= (?:am|are|were|was|have|\w+)\b)",
               lambda m: f"{m.group(1)} and I", s)
    s = re.sub(r"\b(\w+) and I am\b", r"\1 and I are", s)
    if not s:
        return s
    s = s[0].upper() + s[1:]
    s = s.rstrip()
    if s.endswith('"') and len(s) > 1 and s[-2] in ".!?":
        return s
    if s[-1] in ".!?":
        if end == "?" and s[-1] == ".":
            s = s[:-1] + "?"
        return s
    return s + end


def fix_i_capital(s: str) -> str:
    """Capitalise 'i' wherever a rewrite produced it, and contractions with it."""
    words = s.split(" ")
    return " ".join("I" + w[1:] if w in ("i", "i'm", "i'll", "i'd", "i've") or w.startswith("i'") else w
                    for w in words)


def base_form(tok: Any, lemma: Callable[[Any], str]) -> str:
    """The bare infinitive of a verb token."""
    if tok.tag_ == "VBZ":
        return base_from_3sg(tok.text)
    if tok.tag_ in ("VB", "VBP"):
        return tok.text
    lem = lemma(tok)
    return lem or tok.text


def _name_read_as_adjective(t: Any) -> bool:
    """A capitalised word opening a sentence (or a clause after a comma or "and") that the
    tagger made an adjective of no kind ("Rusz questions Ilona": not "American soldiers")."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    return t.tag_ == "JJ" and t.text[:1].isupper() and t.ent_type_ in ("", "PERSON") and \
        (before is None or t.is_sent_start or before.text in (",", ";") or before.lower_ == "and")


def verb_read_as_noun(t: Any) -> bool:
    """Whether a noun is really a present verb the small tagger misread ("Mara shrugs",
    "... and apologizes", "Ana and Rui scatter his ashes"): no determiner or adjective, and
    it stands where a verb does - joined to a verb, the sentence's head with a name or
    pronoun before it, or between two names and the start of an object."""
    if any(c.dep_ in ("det", "poss", "amod", "nummod", "case") and
           not (c.i == t.i - 1 and c.dep_ == "amod" and _name_read_as_adjective(c)) for c in t.children):
        return False
    if t.tag_ == "NN" and 1 < t.i < len(t.doc) - 1 and t.is_lower and t.doc[t.i + 1].tag_ in ("PRP$", "DT") \
            and t.doc[t.i - 1].pos_ == "PROPN" and t.doc[t.i - 1] in t.subtree and t.doc[t.i - 2].lower_ == "and":
        # "Marisol and Dani scatter his ashes": a plural subject's verb read as a noun with the
        # last name as its compound; a noun is not followed by the start of another noun phrase
        return True
    if t.tag_ != "NNS" or not t.lower_.endswith("s"):
        return False
    doc = t.doc
    if 0 < t.i < len(doc) - 1 and (doc[t.i - 1].pos_ == "PROPN" or _name_read_as_adjective(doc[t.i - 1])) and \
            (doc[t.i - 1].head.i == t.i or doc[t.i - 1].dep_ == "compound" and t.dep_ == "compound") \
            and doc[t.i + 1].tag_ in ("NNP", "DT", "PRP$", "PRP") and t.is_lower:
        return True   # "Paul thanks Greta": a name, the "noun", and straight after it another noun phrase
    if t.i > t.sent.start and doc[t.i - 1].pos_ == "PROPN" and t.is_lower and \
            not any(w.pos_ in ("VERB", "AUX") for w in t.sent):
        return True   # "Oskar sails north": a sentence has a verb, and a name's "noun" is the one there is
    if t.dep_ == "conj":
        return bool(t.head.pos_ in ("VERB", "AUX"))
    if t.dep_ == "nsubj" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ",":
        # "Tobias nods, then asks": made the subject of the verb after it
        return any(c.dep_ in ("compound", "nsubj") and c.pos_ == "PROPN" and c.i == t.i - 1 for c in t.children)
    if t.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) and \
            any(c.dep_ == "dobj" and c.tag_ == "PRP" and c.i == t.i + 1 for c in t.children):
        return True   # "The skipper, Angus Muir, thanks them": a noun has no object pronoun
    return bool(t.dep_ == "ROOT" and any(c.dep_ in ("compound", "nsubj") and c.i < t.i and
                                         (c.pos_ == "PROPN" or c.tag_ == "PRP") for c in t.children))
