"""Production drafts: one entry point that lays a script out as production needs it.

:func:`production_layout` is ``paginate`` plus the passes a production draft
adds: locked page numbers (:mod:`screenplay.locking`), revision marks and
headers (:mod:`screenplay.revisions`), header and footer text with fields, a
watermark, and sides (only the chosen scenes, with their original page and scene
numbers).  A script without a lock or revision state, rendered without options,
gets exactly ``paginate``'s layout.
"""
from __future__ import annotations

import re

from .errors import InputError
from .layout import HEADER_ROW, LaidLine, Layout, Profile, paginate
from .locking import locked_layout, read_lock
from .model import Action, Document, SceneHeading, Speech, plain, text_of
from .revisions import apply_marks, read_state

#: Fields header and footer text may name: ``{title}``, ``{draft}``, ``{date}``, ``{page}``.
FIELDS = ("title", "draft", "date", "page")
_FIELD = re.compile(r"\{([^{}]*)\}")


def has_production_state(doc: Document) -> bool:
    """Does the script carry a lock or revision state (so that render must apply it)?"""
    from .model import Boneyard
    return any(isinstance(el, Boneyard) and el.text.lstrip().startswith("screenplay-")
               for el in doc.body)


def production_layout(doc: Document, profile: Profile,
                      **options) -> Layout:
    """The layout of ``doc`` with its lock, revision marks and the given furniture."""
    return production_view(doc, profile, **options)[0]


def production_view(doc: Document, profile: Profile, *, watermark: str | None = None,
                    header: str | None = None, footer: str | None = None,
                    scenes: str | None = None, character: str | None = None,
                    warn=None) -> tuple[Layout, Document]:
    """The layout, and the document it was laid out from (a locked script's has its
    OMITTED headings and new scene numbers; the lines' sources are its elements)."""
    warn = warn or (lambda msg: None)
    lock = read_lock(doc)
    if lock is not None and (lock.paper, lock.mode) != (profile.paper, profile.mode):
        warn(f"the script was locked on {lock.paper} paper in {lock.mode} mode; laid out on "
             f"{profile.paper}/{profile.mode} its locked page numbers are not kept")
        lock = None
    laid = doc
    if lock is not None:
        layout, laid = locked_layout(doc, profile, lock)
    else:
        layout = paginate(doc, profile)
    state = read_state(doc)
    if state is not None:
        apply_marks(laid, layout, state)
    if header is not None or footer is not None:
        values = _field_values(doc, state)
        if header is not None:
            _header(layout, header, values)
        if footer is not None:
            _footer(layout, footer, values)
    if watermark is not None:
        text = " ".join(watermark.split())
        if not text:
            raise InputError("the watermark text is empty")
        if len(text) > 60:
            raise InputError("the watermark text is longer than 60 characters")
        layout.watermark = text
    if scenes is not None or character is not None:
        keep = select_scenes(laid, layout, scenes, character)
        sides(layout, keep)
    return layout, laid


# ---------------------------------------------------------------------------
# Header and footer
# ---------------------------------------------------------------------------

def _field_values(doc: Document, state) -> dict[str, str]:
    def key(*names: str) -> str:
        for n in names:
            v = doc.title_value(n)
            if v:
                return " ".join(plain(t) for t in v).strip()
        return ""
    draft = key("revision", "draft")
    date = key("draft date", "date")
    if state is not None and state.history:
        from .revisions import header_text
        colour, iso = state.history[-1]
        draft = draft or header_text(colour, iso)
        date = date or iso
    return {"title": doc.title or "", "draft": draft, "date": date}


def fill_fields(template: str, values: dict[str, str], page: str) -> str:
    """``template`` with ``{title}``, ``{draft}``, ``{date}`` and ``{page}`` filled in."""
    def one(m: re.Match) -> str:
        name = m.group(1).strip().lower()
        if name == "page":
            return page
        if name not in values:
            raise InputError(f"unknown field '{{{m.group(1)}}}' in header/footer text "
                             f"(known: {', '.join('{' + f + '}' for f in FIELDS)})")
        return values[name]
    return " ".join(_FIELD.sub(one, template).split())


def _page_text(page, p: Profile) -> str:
    from .locking import page_label_of
    return page_label_of(page, p)


def _header(layout: Layout, template: str, values: dict[str, str]) -> None:
    """Header text at the left of the page-number line (replaces the draft header)."""
    p = layout.profile
    for page in layout.pages:
        text = fill_fields(template, values, _page_text(page, p))
        page.lines = [ln for ln in page.lines if not (ln.row == HEADER_ROW and ln.kind == "header")]
        if text:
            page.lines.append(LaidLine(HEADER_ROW, p.body_left_in, text_of(text[:60]), "header"))


def _footer(layout: Layout, template: str, values: dict[str, str]) -> None:
    """Footer text centred two rows below the body (PDF; HTML pages carry no footer)."""
    p = layout.profile
    row = p.body_rows + 1
    axis = p.page_width_in / 2
    for page in layout.pages:
        text = fill_fields(template, values, _page_text(page, p))[:60]
        if text:
            page.lines.append(LaidLine(row, round(axis - 0.05 * len(text), 4), text_of(text),
                                       "footer", 0, None, "center"))


# ---------------------------------------------------------------------------
# Sides
# ---------------------------------------------------------------------------

def _lead(num: str) -> int | None:
    m = re.match(r"^[A-Z]*(\d+)", num.strip().upper())
    return int(m.group(1)) if m else None


def parse_scene_list(spec: str) -> list[tuple[str, str]]:
    """``"12,14-16,45A"`` as ranges [(first, last)] of scene numbers."""
    out: list[tuple[str, str]] = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        a, sep, b = item.partition("-")
        a, b = a.strip(), (b.strip() if sep else a.strip())
        if not a or not b or _lead(a) is None or _lead(b) is None:
            raise InputError(f"'{item}' in --scenes is not a scene number or range like 14-16")
        out.append((a.upper(), b.upper()))
    if not out:
        raise InputError("--scenes names no scenes")
    return out


def _in_range(num: str, first: str, last: str) -> bool:
    n = num.strip().upper()
    if n in (first, last):
        return True
    ln, lf, ll = _lead(n), _lead(first), _lead(last)
    if ln is None or lf is None or ll is None or first == last:
        return False
    return lf < ln < ll or (ln == lf and n > first and ln < ll) or (ln == ll and ln > lf
                                                                    and n < last)


def select_scenes(doc: Document, layout: Layout, scenes: str | None,
                  character: str | None) -> set[int]:
    """Scene indexes (1-based) the sides keep: by number and/or by character."""
    keep: set[int] = set()
    numbers = {s.index: (s.number or str(s.index)) for s in layout.scenes}
    if scenes is not None:
        ranges = parse_scene_list(scenes)
        for idx, num in numbers.items():
            if any(_in_range(num, a, b) for a, b in ranges):
                keep.add(idx)
    if character is not None:
        name = " ".join(character.split()).upper()
        if not name:
            raise InputError("--character is empty")
        word = re.compile(r"(?<![\w])" + re.escape(name) + r"(?![\w])", re.IGNORECASE)
        scene = 0
        for el in doc.body:
            if isinstance(el, SceneHeading):
                scene += 1
            elif isinstance(el, Speech) and el.character.name.upper() == name:
                keep.add(scene)
            elif isinstance(el, Action) and word.search(plain(el.text)):
                keep.add(scene)
        keep.discard(0)
    if not keep:
        what = f"scenes {scenes}" if scenes else f"character {character}"
        raise InputError(f"no scene matches {what}")
    return keep


def sides(layout: Layout, keep: set[int]) -> None:
    """Only the kept scenes' pages, each with only those scenes' lines (numbers unchanged)."""
    pages = []
    for page in layout.pages:
        if not any(ln.scene in keep for ln in page.lines if ln.row >= 0):
            continue
        page.lines = [ln for ln in page.lines
                      if ln.row == HEADER_ROW or ln.scene in keep
                      or (ln.kind in ("revision-mark", "footer") and ln.row >= 0)]
        # A mark beside a row that is no longer there goes too.
        rows = {ln.row for ln in page.lines if ln.kind != "revision-mark"}
        page.lines = [ln for ln in page.lines if ln.kind != "revision-mark" or ln.row in rows]
        pages.append(page)
    layout.pages = pages
    layout.scenes = [s for s in layout.scenes if s.index in keep]
    layout.title_page = None


def sides_document(doc: Document, layout: Layout) -> Document:
    """Only the scenes a sides layout kept, for writers that walk the model (HTML)."""
    keep = {s.index for s in layout.scenes}
    body = []
    scene = 0
    for el in doc.body:
        if isinstance(el, SceneHeading):
            scene += 1
        if scene in keep:
            body.append(el)
    return Document([], body, doc.diagnostics)


__all__ = ["FIELDS", "fill_fields", "has_production_state", "parse_scene_list",
           "production_layout", "production_view", "select_scenes", "sides", "sides_document"]
