"""Adapting a prose synopsis into a Fountain screenplay.

Modules, in the order the work flows:
source (paragraphs, asides) -> nlp (spaCy) -> cast (who) -> refer (pronouns)
-> segment and places (scenes, headings) -> speech and grammar (dialogue)
-> action -> build (the Document) -> guard (edit safety).  score.py measures
an adaptation against hand annotations.
"""
from __future__ import annotations

from typing import Any

from .build import Adaptation, adapt_text
from .guard import may_overwrite, stamp, untouched
from .nlp import load_model

__all__ = ["Adaptation", "adapt_text", "adapt", "load_model", "may_overwrite", "stamp", "untouched"]


def adapt(text: str, title: str, source_name: str, nlp: Any = None) -> tuple[Adaptation, str]:
    """Adapt a synopsis; return the adaptation and its stamped Fountain text."""
    a = adapt_text(text, nlp or load_model(), title, source_name)
    return a, stamp(a.doc)
