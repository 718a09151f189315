"""Helpers shared by the adapter's tests: what an adapted text says, and in whose voice."""
from __future__ import annotations

from toolchain.adapt import adapt, load_model


def adapted(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(cue, dialogue) pairs and action paragraphs of the adapted text, in order."""
    from screenplay.model import Action, Dialogue, Speech
    a, _ = adapt(text, "t", "t", load_model())
    lines: list[tuple[str, str]] = []
    action: list[str] = []
    for el in a.doc.body:
        if isinstance(el, Speech):
            lines.append((el.character.name, " ".join(p.text[0].text for p in el.parts if isinstance(p, Dialogue))))
        elif isinstance(el, Action):
            action.append(el.text[0].text)
    return lines, action
