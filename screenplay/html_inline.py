"""Script text as HTML: escaping and emphasis, shared by the HTML page and its parts.

Kept apart from the page writer so that every piece of script text goes
through the same two functions (:func:`escape`, :func:`inline_html`): a
Fountain file can never inject markup.
"""
from __future__ import annotations

from .model import BOLD, ITALIC, TEXT, UNDERLINE, Text


def escape(s: str, quote: bool = True) -> str:
    """:func:`html.escape`, character for character.

    Written out here because importing :mod:`html` loads its table of two
    thousand named entities, a noticeable part of a one-shot render's start-up.
    Each replacement runs only when its character occurs: most script text has
    none, and a membership test is cheaper than a call that finds nothing.
    """
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if quote:
        if '"' in s:
            s = s.replace('"', "&quot;")
        if "'" in s:
            s = s.replace("'", "&#x27;")
    return s


def text_html(s: str) -> str:
    """Printed text as HTML: escaped (no quotes needed outside attributes), line breaks as ``<br/>``."""
    s = escape(s, quote=False)
    return s.replace("\n", "<br/>") if "\n" in s else s


def inline_html(text: Text, upper: bool = False) -> str:
    """Printed runs as escaped HTML; each run opens and closes its own tags.

    Wrapping every run on its own keeps ``<strong>``/``<em>``/``<u>`` balanced
    whatever the emphasis in the source.  Notes and boneyard never print.
    Line breaks become ``<br>``.
    """
    if len(text) == 1:
        r = text[0]
        if not r.style and r.kind == TEXT:  # the common case
            return text_html(r.text.upper() if upper else r.text)
    parts: list[str] = []
    for r in text:
        if r.kind != TEXT or not r.text:
            continue
        body = text_html(r.text.upper() if upper else r.text)
        st = r.style
        if st & ITALIC:
            body = f"<em>{body}</em>"
        if st & BOLD:
            body = f"<strong>{body}</strong>"
        if st & UNDERLINE:
            body = f"<u>{body}</u>"
        parts.append(body)
    return "".join(parts)


def attr(value: str) -> str:
    """A value escaped for a double-quoted attribute."""
    return escape(value, quote=True)


__all__ = ["attr", "escape", "inline_html", "text_html"]
