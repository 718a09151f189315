"""Hover: a heading's scene number, start page and length; a name's speeches and scenes."""
from __future__ import annotations

from lsprotocol import types

from .convert import lines_range, span_range
from .index import DocumentIndex
from .symbols import length_words


def _scene_list(scenes: list[int], limit: int = 12) -> str:
    shown = ", ".join(map(str, scenes[:limit]))
    return shown + (f", \u2026 ({len(scenes) - limit} more)" if len(scenes) > limit else "")


def _plural(k: int, word: str) -> str:
    return f"{k} {word}" + ("" if k == 1 else "es" if word.endswith("ch") else "s")


def hover(index: DocumentIndex, line: int, col: int) -> types.Hover | None:
    """What to show at a position (0-based line, code-point column), or None."""
    scene = index.scene_at(line)
    if scene is not None:
        span = index.scene_span(scene.index)
        number = span.number if span is not None and span.number else scene.number
        head = f"**Scene {number or scene.index}**"
        if number and str(number) != str(scene.index):
            head += f" ({scene.index} in order)"
        lines = [head, "", scene.heading]
        if span is not None:
            eighths = _plural(span.eighths, "eighth")
            lines += ["", f"starts on page {span.first_page} of {index.page_count()}, "
                      f"{length_words(span.eighths)} long ({eighths})"]
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n".join(lines)),
                           range=lines_range(index, line, line))
    found = index.name_at(line, col)
    if found is None:
        return None
    name, where = found
    info = index.characters[name]
    text = (f"**{name}**: {_plural(info.speeches, 'speech')} in "
            f"{_plural(len(info.scenes), 'scene')}")
    if info.scenes:
        text += f"\n\nscenes {_scene_list(info.scenes)}"
    if info.extensions:
        text += "\n\nextensions: " + ", ".join(info.extensions)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                       range=span_range(index, where))
