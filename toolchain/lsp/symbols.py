"""The script's structure for editors: outline symbols, folding ranges, page code lenses."""
from __future__ import annotations

from lsprotocol import types

from .convert import lines_range, position
from .index import DocumentIndex, SceneInfo


def scene_label(scene: SceneInfo) -> str:
    """How a scene is named in the outline: its number (source's, else its place) and heading."""
    return f"{scene.number or scene.index}. {scene.heading or '(untitled scene)'}"


def document_symbols(index: DocumentIndex) -> list[types.DocumentSymbol]:
    """Sections nest by depth; each scene sits in the innermost section open above it."""
    roots: list[types.DocumentSymbol] = []
    stack: list[tuple[int, types.DocumentSymbol]] = []
    items: list[tuple[int, int, object]] = (
        [(s.line, 0, s) for s in index.sections] + [(s.line, 1, s) for s in index.scenes])
    for _, kind, item in sorted(items, key=lambda t: (t[0], t[1])):
        if kind == 0:
            depth = item.depth  # type: ignore[attr-defined]
            sym = types.DocumentSymbol(
                name=item.title or "(untitled section)",  # type: ignore[attr-defined]
                detail="#" * min(depth, 6), kind=types.SymbolKind.Namespace,
                range=lines_range(index, item.line, item.end_line),  # type: ignore[attr-defined]
                selection_range=lines_range(index, item.line, item.line),  # type: ignore[attr-defined]
                children=[])
            while stack and stack[-1][0] >= depth:
                stack.pop()
        else:
            scene: SceneInfo = item  # type: ignore[assignment]
            sym = types.DocumentSymbol(
                name=scene_label(scene), detail=f"scene {scene.index}",
                kind=types.SymbolKind.Class,
                range=lines_range(index, scene.line, scene.end_line),
                selection_range=lines_range(index, scene.line, scene.line))
            depth = 1 << 30  # scenes hold nothing
        (stack[-1][1].children if stack else roots).append(sym)  # type: ignore[union-attr]
        if kind == 0:
            stack.append((depth, sym))
    return roots


def folding_ranges(index: DocumentIndex) -> list[types.FoldingRange]:
    """One range per scene and per section that spans more than its first line."""
    out = []
    for s in index.sections:
        if s.end_line > s.line:
            out.append(types.FoldingRange(start_line=s.line, end_line=s.end_line,
                                          kind=types.FoldingRangeKind.Region))
    for s in index.scenes:
        if s.end_line > s.line:
            out.append(types.FoldingRange(start_line=s.line, end_line=s.end_line,
                                          kind=types.FoldingRangeKind.Region))
    return sorted(out, key=lambda r: (r.start_line, -r.end_line))


def code_lenses(index: DocumentIndex) -> list[types.CodeLens]:
    """Above each heading: "page 12 of 118 · 1 3/8 pages", from the shared layout."""
    if index.doc is None or not index.scenes:
        return []
    total = index.page_count()
    out = []
    for s in index.scenes:
        span = index.scene_span(s.index)
        if span is None:
            continue
        length = span.length
        unit = "page" if length == "1" or "/" in length and " " not in length else "pages"
        title = f"page {span.first_page} of {total} \u00b7 {length} {unit}"
        at = position(index, s.line, 0)
        out.append(types.CodeLens(range=types.Range(start=at, end=at),
                                  command=types.Command(title=title, command="")))
    return out
