"""Adapting a prose synopsis into a Fountain screenplay.

Modules, in the order the work flows:
source (paragraphs, asides) -> nlp (spaCy) -> cast (who) -> refer (pronouns)
-> segment and places (scenes, headings) -> speech and grammar (dialogue)
-> action -> build (the Document) -> guard (edit safety).  score.py measures
an adaptation against hand annotations.
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


def adapt(text: str, title: str, source_name: str, nlp: Any = None,
          author: str | None = None) -> tuple[Adaptation, str]:
    """Adapt a synopsis; return the adaptation and its stamped Fountain text."""
    a = adapt_text(text, nlp or load_model(), title, source_name, author)
    return a, stamp(a.doc)
