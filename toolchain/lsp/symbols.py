"""The script's structure for editors: outline symbols, folding ranges, page code lenses."""
from __future__ import annotations

from lsprotocol import types

from screenplay.layout_types import eighths_text

from .convert import lines_range, position
from .index import DocumentIndex, SceneInfo, SectionInfo


def scene_label(scene: SceneInfo) -> str:
    """How a scene is named in the outline: its number (source's, else its place) and heading."""
    return f"{scene.number or scene.index}. {scene.heading or '(untitled scene)'}"


def _section_symbol(index: DocumentIndex, sec: SectionInfo,
                    children: list[types.DocumentSymbol]) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=sec.title or "(untitled section)", detail="#" * min(sec.depth, 6),
        kind=types.SymbolKind.Namespace, range=lines_range(index, sec.line, sec.end_line),
        selection_range=lines_range(index, sec.line, sec.line), children=children)


def _scene_symbol(index: DocumentIndex, scene: SceneInfo) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=scene_label(scene), detail=f"scene {scene.index}", kind=types.SymbolKind.Class,
        range=lines_range(index, scene.line, scene.end_line),
        selection_range=lines_range(index, scene.line, scene.line))


def document_symbols(index: DocumentIndex) -> list[types.DocumentSymbol]:
    """Sections nest by depth; each scene sits in the innermost section open above it."""
    roots: list[types.DocumentSymbol] = []
    # open sections: (depth, the list of its symbol's children, kept typed as a list)
    stack: list[tuple[int, list[types.DocumentSymbol]]] = []
    items: list[tuple[int, SectionInfo | SceneInfo]] = sorted(
        [(s.line, s) for s in index.sections] + [(s.line, s) for s in index.scenes],
        key=lambda t: t[0])
    for _, item in items:
        if isinstance(item, SectionInfo):
            while stack and stack[-1][0] >= item.depth:
                stack.pop()
            children: list[types.DocumentSymbol] = []
            sym = _section_symbol(index, item, children)
        else:
            sym = _scene_symbol(index, item)
        (stack[-1][1] if stack else roots).append(sym)
        if isinstance(item, SectionInfo):
            stack.append((item.depth, children))
    return roots


def folding_ranges(index: DocumentIndex) -> list[types.FoldingRange]:
    """One range per scene and per section that spans more than its first line."""
    out = []
    for s in index.sections:
        if s.end_line > s.line:
            out.append(types.FoldingRange(start_line=s.line, end_line=s.end_line,
                                          kind=types.FoldingRangeKind.Region))
    for sc in index.scenes:
        if sc.end_line > sc.line:
            out.append(types.FoldingRange(start_line=sc.line, end_line=sc.end_line,
                                          kind=types.FoldingRangeKind.Region))
    return sorted(out, key=lambda r: (r.start_line, -r.end_line))


def length_words(eighths: int) -> str:
    """A scene length in eighths as words with its unit: "3/8 page", "1 3/8 pages"."""
    length = eighths_text(eighths)
    single = length == "1" or ("/" in length and " " not in length)
    return f"{length} {'page' if single else 'pages'}"


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
        title = f"page {span.first_page} of {total} \u00b7 {length_words(span.eighths)}"
        at = position(index, s.line, 0)
        out.append(types.CodeLens(range=types.Range(start=at, end=at),
                                  command=types.Command(title=title, command="")))
    return out
