"""Notes printed: the ``notes`` layout setting (``render --notes``).

Notes (``[[...]]``) never print by default.  With the setting on, the document
is copied with every inline note turned into text in its brackets and every
standalone note into an action paragraph, before it is laid out; the PDF and
the HTML both draw that copy, so they show the same notes on the same rows.
The reader's document is left as it was.
"""
from __future__ import annotations

import copy

from .model import NOTE, TEXT, Action, Document, Element, Note, Run, Speech, Text


def _shown(text: Text) -> Text:
    if not any(r.kind == NOTE for r in text):
        return text
    return tuple(Run(f"[[{r.text}]]", r.style, TEXT) if r.kind == NOTE else r for r in text)


def notes_as_text(doc: Document) -> Document:
    """A copy of ``doc`` whose notes print; elements without notes are shared."""
    body: list[Element] = []
    for el in doc.body:
        if isinstance(el, Note):
            text = el.text if isinstance(el.text, str) else "".join(r.text for r in el.text)
            body.append(Action((Run(f"[[{text}]]", 0, TEXT),), lines=el.lines))
        elif isinstance(el, Speech):
            parts = [p if not isinstance(getattr(p, "text", None), tuple)
                     or _shown(p.text) is p.text else _with_text(p, _shown(p.text))
                     for p in el.parts]
            if any(a is not b for a, b in zip(parts, el.parts)):
                sp = copy.copy(el)
                sp.parts = parts
                el = sp
            body.append(el)
        elif isinstance(t := getattr(el, "text", None), tuple) and _shown(t) is not t:
            body.append(_with_text(el, _shown(t)))
        else:
            body.append(el)
    out = copy.copy(doc)
    out.body = body
    return out


def _with_text(el, text: Text):
    new = copy.copy(el)
    new.text = text
    return new


__all__ = ["notes_as_text"]
