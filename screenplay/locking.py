"""Locked pages and scene numbers: page numbers that never move once a script is locked.

``screenplay lock`` records, in a boneyard block of the script
(``/* screenplay-lock 1 ... */``), which printed elements start on each page,
and writes every scene's number into its heading (``#12#``, which the Fountain
reader already understands).  After edits, :func:`locked_layout` lays the script
out so that every locked page keeps its number:

* a forced break goes before the first element of each locked page, so the
  pages nobody touched come out row for row as before;
* a page that grows overflows onto A/B pages (``12A``, ``12B``);
* a page whose content is all gone is folded into the one before (``12-13``);
* a scene whose locked number is gone prints as ``OMITTED`` in its place, and a
  new scene takes a letter after the one before (``45A``) or before the next
  (``A46``), as the lock's scene style says.

Everything here works on the model before pagination (inserting page breaks and
OMITTED headings) and on the finished :class:`~screenplay.layout.Layout` after it
(page labels): the paginator itself is not touched.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from .errors import InputError
from .layout import CONTENT_KINDS, HEADER_ROW, LaidLine, Layout, Profile, paginate
from .model import Document, Element, PageBreak, SceneHeading, text_of
from .revisions import _block_of, element_fingerprints, element_key

MAGIC = "screenplay-lock 1"
SCENE_STYLES = ("suffix", "prefix")
_LEAD_INT = re.compile(r"^(\d+)")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class LockedPage:
    """One locked page: its label, whether it began inside an element, and what starts on it."""

    __slots__ = ("label", "continues", "fps")

    def __init__(self, label: str, continues: bool, fps: list[str]) -> None:
        self.label = label
        self.continues = continues
        self.fps = fps


class LockState:
    """What ``lock`` recorded: the profile, the scene style, pages and scene numbers."""

    __slots__ = ("paper", "mode", "scene_style", "pages", "scenes")

    def __init__(self, paper: str, mode: str, scene_style: str = "suffix",
                 pages: list[LockedPage] | None = None, scenes: list[str] | None = None) -> None:
        self.paper = paper
        self.mode = mode
        self.scene_style = scene_style
        self.pages = [] if pages is None else pages
        self.scenes = [] if scenes is None else scenes

    def to_text(self) -> str:
        lines = [MAGIC, f"profile: {self.paper} {self.mode}", f"scene-style: {self.scene_style}",
                 "scenes: " + " ".join(self.scenes)]
        for pg in self.pages:
            lines.append(f"page {pg.label}{' +' if pg.continues else ''}: " + " ".join(pg.fps))
        return "\n" + "\n".join(lines) + "\n"

    @classmethod
    def from_text(cls, text: str) -> "LockState":
        st = cls("letter", "shooting")
        for raw in text.strip().splitlines()[1:]:
            key, _, val = raw.partition(":")
            key, val = key.strip(), val.strip()
            if key == "profile":
                parts = val.split()
                if len(parts) == 2:
                    st.paper, st.mode = parts
            elif key == "scene-style":
                st.scene_style = val if val in SCENE_STYLES else "suffix"
            elif key == "scenes":
                st.scenes = val.split()
            elif key.startswith("page "):
                label = key[5:].strip()
                cont = label.endswith("+")
                label = label.rstrip("+").strip()
                if label:
                    st.pages.append(LockedPage(label, cont, val.split()))
        return st


def read_lock(doc: Document) -> LockState | None:
    """The lock a document carries, or None."""
    found = _block_of(doc, MAGIC)
    return LockState.from_text(found[1].text) if found else None


# ---------------------------------------------------------------------------
# Making a lock
# ---------------------------------------------------------------------------

def _starts(doc: Document, layout: Layout) -> list[tuple[bool, list[int]]]:
    """Per page: does it open inside an element, and the body indexes starting on it."""
    pos = {id(el): i for i, el in enumerate(doc.body)}
    seen: set[int] = set()
    out: list[tuple[bool, list[int]]] = []
    for page in layout.pages:
        cont = False
        first = True
        starts: list[int] = []
        for ln in sorted((ln for ln in page.lines if ln.row >= 0 and ln.source is not None
                          and ln.kind in CONTENT_KINDS), key=lambda ln: ln.row):
            i = pos.get(id(ln.source))
            if i is None:
                continue
            if first:
                cont = i in seen
                first = False
            if i not in seen:
                seen.add(i)
                starts.append(i)
        out.append((cont, starts))
    return out


def make_lock(doc: Document, layout: Layout, scene_style: str = "suffix") -> LockState:
    """The lock of a document as laid out now (its pages' labels are kept as printed)."""
    if scene_style not in SCENE_STYLES:
        raise InputError(f"unknown scene style '{scene_style}' (known: {', '.join(SCENE_STYLES)})")
    fps = dict(element_fingerprints(doc))
    pages: list[LockedPage] = []
    for page, (cont, starts) in zip(layout.pages, _starts(doc, layout)):
        label = page_label_of(page, layout.profile)
        pages.append(LockedPage(label, cont, [fps[i] for i in starts if i in fps]))
    numbers = [s.number or str(s.index) for s in layout.scenes]
    p = layout.profile
    return LockState(p.paper, p.mode, scene_style, pages, numbers)


def page_label_of(page, profile: Profile) -> str:
    """The page's number as the reader sees it (``12A``), without the format's dot."""
    label = page.label or str(page.number)
    fmt = profile.page_number_format
    pre, _, post = fmt.partition("{n}")
    if pre and label.startswith(pre):
        label = label[len(pre):]
    if post and label.endswith(post):
        label = label[:-len(post)]
    return label or str(page.number)


_NUMBER_AT_END = re.compile(r"\s*#[^#\n]*#\s*$")


def number_headings(source: str, doc: Document, numbers: list[str]) -> str:
    """Fountain source with ``#N#`` written on every heading that has no number yet."""
    lines = source.split("\n")
    heads = [el for el in doc.body if isinstance(el, SceneHeading)]
    for el, num in zip(heads, numbers):
        if el.number or not el.lines[0] or not num:
            continue
        i = el.lines[0] - 1
        if 0 <= i < len(lines):
            core = lines[i].rstrip("\r")
            lines[i] = core.rstrip() + f" #{num}#" + lines[i][len(core):]
    return "\n".join(lines)


def strip_numbers(source: str, doc: Document) -> str:
    """Fountain source with the ``#N#`` scene numbers taken off every heading."""
    lines = source.split("\n")
    for el in doc.body:
        if isinstance(el, SceneHeading) and el.number and el.lines[0]:
            i = el.lines[0] - 1
            if 0 <= i < len(lines):
                core = lines[i].rstrip("\r")
                lines[i] = _NUMBER_AT_END.sub("", core) + lines[i][len(core):]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Laying out a locked script
# ---------------------------------------------------------------------------

def _new_scene_numbers(nums: list[str | None], style: str) -> list[str | None]:
    """Numbers for scenes added since the lock: 45A after 45 (suffix) or A46 before 46."""
    out = list(nums)
    used = {n.upper() for n in nums if n}
    for i, n in enumerate(nums):
        if n:
            continue
        prev = next((nums[j] for j in range(i - 1, -1, -1) if nums[j]), None)
        nxt = next((nums[j] for j in range(i + 1, len(nums)) if nums[j]), None)
        before = (style == "prefix" and nxt is not None) or prev is None
        base = (nxt if before else prev) or "1"
        cand = f"{base}.{i}"
        for letter in _LETTERS:
            trial = f"{letter}{base}" if before else f"{base}{letter}"
            if trial.upper() not in used:
                cand = trial
                break
        used.add(cand.upper())
        out[i] = cand
    return out


def locked_document(doc: Document, lock: LockState, forced: frozenset[int] = frozenset()
                    ) -> tuple[Document, list[int]]:
    """The document with OMITTED scenes, new scene numbers and page breaks for the lock.

    A break goes before the first element of every locked page in ``forced``:
    the pages a layout without it did not start where they were locked (a
    forced break changes the look-ahead of the block before it, so breaks go
    only where the natural flow does not already put them).
    Returns the new document and, for every element of its body, the index of
    the locked page it belongs to (-1 for the inserted page breaks).
    """
    body = list(doc.body)
    heads = [el for el in body if isinstance(el, SceneHeading)]
    present = {h.number.upper() for h in heads if h.number}
    # OMITTED in place of every locked scene that is gone.
    locked = lock.scenes
    inserts: dict[int, list[SceneHeading]] = {}   # id of the heading to insert before
    tail: list[Element] = []
    head_by_number = {h.number.upper(): h for h in heads if h.number}
    for i, num in enumerate(locked):
        if num.upper() in present:
            continue
        omitted = SceneHeading(text_of("OMITTED"), num)
        nxt = next((head_by_number[n.upper()] for n in locked[i + 1:]
                    if n.upper() in present), None)
        if nxt is None:
            tail.append(omitted)
        else:
            inserts.setdefault(id(nxt), []).append(omitted)
    if inserts or tail:
        new_body: list[Element] = []
        for el in body:
            new_body.extend(inserts.get(id(el), ()))
            new_body.append(el)
        body = new_body + tail
    # Numbers for new scenes, in the lock's style.
    heads = [el for el in body if isinstance(el, SceneHeading)]
    nums = _new_scene_numbers([h.number for h in heads], lock.scene_style)
    renum = {id(h): n for h, n in zip(heads, nums) if n != h.number}
    if renum:
        body = [SceneHeading(el.text, renum[id(el)], el.forced, el.lines)
                if isinstance(el, SceneHeading) and id(el) in renum else el for el in body]
    draft = Document(doc.title_page, body, doc.diagnostics)
    # Which locked page each element belongs to.
    old_seq: list[str] = []
    old_page: list[int] = []
    for k, pg in enumerate(lock.pages):
        old_seq += pg.fps
        old_page += [k] * len(pg.fps)
    fps = element_fingerprints(draft)
    group = [-1] * len(body)
    sm = SequenceMatcher(None, old_seq, [fp for _, fp in fps], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for k in range(j2 - j1):
            bi = fps[j1 + k][0]
            if tag in ("equal", "replace") and i1 + k < i2:
                group[bi] = old_page[i1 + k]
    # Everything else belongs with what stands before it.
    cur = 0
    for i in range(len(body)):
        if group[i] < 0:
            group[i] = cur
        else:
            cur = group[i] = max(group[i], cur)
    # A page break before the first element of every forced locked page.
    first_of: dict[int, int] = {}
    printed = {bi for bi, _ in fps}
    for i, g in enumerate(group):
        if i in printed:
            first_of.setdefault(g, i)
    out_body: list[Element] = []
    out_group: list[int] = []
    for i, el in enumerate(body):
        g = group[i]
        if first_of.get(g) == i and 0 < g < len(lock.pages) and g in forced:
            out_body.append(PageBreak())
            out_group.append(-1)
        out_body.append(el)
        out_group.append(g)
    return Document(doc.title_page, out_body, doc.diagnostics), out_group


def locked_layout(doc: Document, profile: Profile, lock: LockState
                  ) -> tuple[Layout, Document]:
    """Lay out a locked script: locked page numbers kept, A-pages, merged pages, OMITTED.

    Returns the layout and the document it was laid out from (``doc`` with the
    OMITTED headings, new scene numbers and locked page breaks); the lines'
    ``source`` elements are that document's.
    """
    # "CONTINUED: (3)" counts a scene's pages: an A-page would change the count on every
    # later page of the scene, so a locked script prints a plain "CONTINUED:".
    profile = profile._replace(continued_counter=False)
    forced: frozenset[int] = frozenset()
    for _ in range(8):
        draft, group = locked_document(doc, lock, forced)
        layout = paginate(draft, profile)
        starts, opens = page_groups(draft, layout, lock, group)
        # A locked page that lost its start (content before it grew or shrank) gets
        # a break before its first element, and the script is laid out again.
        first_of: dict[int, int] = {}
        for i, g in enumerate(group):
            if g >= 0 and element_key(draft.body[i]) is not None:
                first_of.setdefault(g, i)
        lost = set()
        for g, first in first_of.items():
            if g == 0 or g in forced or g >= len(lock.pages):
                continue
            if g not in starts:
                lost.add(g)
            elif not lock.pages[g].continues and opens[starts.index(g)] != first:
                lost.add(g)
        if not lost:
            break
        forced = forced | lost
    label_pages(layout, lock, starts)
    return layout, draft


def page_groups(doc: Document, layout: Layout, lock: LockState, group: list[int]
                ) -> tuple[list[int], list[int]]:
    """Per page: the locked page it belongs to (the one its first element of its own is
    on), and the body index of the element it opens with (-1: it opens with the end of
    an element begun on an earlier page)."""
    pos = {id(el): i for i, el in enumerate(doc.body)}
    seen: set[int] = set()
    page_groups: list[int] = []
    opens: list[int] = []
    prev = 0
    for page in layout.pages:
        g = None
        first_line = True
        opener = -1
        for ln in sorted((ln for ln in page.lines if ln.row >= 0 and ln.source is not None
                          and ln.kind in CONTENT_KINDS), key=lambda ln: ln.row):
            i = pos.get(id(ln.source))
            if first_line:
                first_line = False
                if i is not None and i not in seen:
                    opener = i   # the page opens with an element of its own
            if i is None or i in seen:
                continue
            seen.add(i)
            if g is None:
                g = group[i]
        if g is None:
            nxt = prev + 1
            g = nxt if (nxt < len(lock.pages) and lock.pages[nxt].continues
                        and not lock.pages[nxt].fps and nxt not in page_groups) else prev
        g = max(g, prev)
        page_groups.append(g)
        opens.append(opener)
        prev = g
    return page_groups, opens


def label_pages(layout: Layout, lock: LockState, page_groups: list[int]) -> None:
    """Give every page its locked label: 12, 12A, 12B, or 12-13 where pages merged."""
    labels: list[str] = []
    count: dict[int, int] = {}
    for g in page_groups:
        n = count.get(g, 0)
        count[g] = n + 1
        base = lock.pages[g].label if g < len(lock.pages) else str(g + 1)
        labels.append(base if n == 0 else base + _suffix(n))
    # Locked pages with no page left: fold their numbers into the page before.
    shown = set(page_groups)
    last_of: dict[int, int] = {}
    for pi, g in enumerate(page_groups):
        last_of[g] = pi
    for g in range(len(lock.pages)):
        if g in shown:
            continue
        before = max((k for k in shown if k < g), default=None)
        if before is None:
            after = min((k for k in shown if k > g), default=None)
            if after is None:
                continue
            pi = page_groups.index(after)
            labels[pi] = f"{lock.pages[g].label}-{labels[pi]}" if "-" not in labels[pi] \
                else f"{lock.pages[g].label}-{labels[pi].split('-', 1)[1]}"
            continue
        pi = last_of[before]
        head = labels[pi].split("-", 1)[0]
        labels[pi] = f"{head}-{lock.pages[g].label}"
    p = layout.profile
    for page, label in zip(layout.pages, labels):
        set_page_label(page, label, p)


def _suffix(n: int) -> str:
    """A, B, ... Z, then AA, AB for the n-th overflow page."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = _LETTERS[r] + s
    return s


def set_page_label(page, label: str, p: Profile) -> None:
    """Show ``label`` as the page's number (the layout's page-number line, right-aligned)."""
    text = p.page_number_format.format(n=label)
    lines = [ln for ln in page.lines if not (ln.row == HEADER_ROW and ln.kind == "page-number")]
    had = len(lines) != len(page.lines)
    if had or label != "1":
        lines.append(LaidLine(HEADER_ROW, round(p.page_number_right_in - 0.1 * len(text), 4),
                              text_of(text), "page-number", 0, None, "right"))
        page.label = text
    page.lines = lines


__all__ = ["LockState", "LockedPage", "MAGIC", "SCENE_STYLES", "label_pages", "locked_document",
           "locked_layout", "make_lock", "number_headings", "page_label_of", "read_lock",
           "strip_numbers"]
