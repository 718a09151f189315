"""Small, general word lists the adapter reads as data (one file per kind).

Each file holds one entry a line; ``#`` starts a comment.  None holds a word
chosen because it occurs in a test text: they name kinds of things (narration
about a film, words that are never a place's name), not things of one story.
"""
from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicon ``name`` (``name.txt`` beside this module), in file order."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text("utf-8")
    out = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)
