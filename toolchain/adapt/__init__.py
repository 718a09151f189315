"""Adapting a prose synopsis into a Fountain screenplay.

Passes, in the order the work flows, each adding to the story model (ir.py):
source (paragraphs, asides) -> nlp (spaCy, entities on) -> cast and refer
(mentions, coreference) -> events (the dependency parse) -> places and segment
(places, time, scenes) -> speech and grammar (dialogue) -> action and craft
(screenplay conventions) -> build (the Document) -> guard (edit safety).
Word lists are data files in lexicons/.  bench/adapt_score.py measures an
adaptation against hand annotations.
"""
from __future__ import annotations

from importlib import resources
from typing import Any

from .build import Adaptation, adapt_text
from .guard import may_overwrite, stamp, untouched
from .nlp import load_model

__all__ = ["Adaptation", "adapt_text", "adapt", "load_model", "may_overwrite", "sample_text", "stamp",
           "untouched"]


def sample_text() -> str:
    """The project's own demonstration synopsis (toolchain/data/sample.txt), installed or not."""
    return resources.files("toolchain.data").joinpath("sample.txt").read_text("utf-8")


def adapt(text: str, title: str | None, source_name: str, nlp: Any = None,
          author: str | None = None) -> tuple[Adaptation, str]:
    """Adapt a synopsis; return the adaptation and its stamped Fountain text."""
    a = adapt_text(text, nlp or load_model(), title, source_name, author)
    return a, stamp(a.doc)
