"""Production revisions: a model-level diff of two drafts and the marks it leaves.

A revision compares two documents element by element (the model, not the text):
each printed element is a *unit* (a heading, an action paragraph, a transition; a
speech is its cue plus one unit per parenthetical, dialogue or lyric), and units
are matched with a longest-common-subsequence diff of their content.  Units that
are new or changed get the revision's colour; a removed unit leaves a mark on the
first row of the unit that now stands in its place.  Unchanged units keep the
colour an earlier revision gave them, so Blue marks stay Blue in the Pink pages.

The state (history of colours and dates, and which unit carries which colour) is a
boneyard block in the script itself (``/* screenplay-revisions 1 ... */``): every
reader keeps boneyard, every writer writes it back, so the state travels through
Fountain, JSON, XML and FDX, and the next revision knows the last one.  Units are
named by a short hash of their content (plus its occurrence count), so the marks
survive edits elsewhere in the file.

:func:`apply_marks` is a pass over a finished :class:`~screenplay.layout.Layout`:
it adds ``*`` rows at the right margin and a revision header on pages that carry
marks; it never moves a line.
"""
from __future__ import annotations

import datetime
import hashlib
import re
from difflib import SequenceMatcher

from .errors import InputError
from .layout import CONTENT_KINDS, HEADER_ROW, LaidLine, Layout
from .model import (Action, Boneyard, Centered, Document, Lyrics, PageBreak, SceneHeading,
                    Speech, Transition, text_of)

#: The industry's revision colours, in order (a setting: ``revise --sequence``).
COLOR_SEQUENCE = ("White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon",
                  "Cherry")
#: First line of the boneyard block holding the revision state.
MAGIC = "screenplay-revisions 1"
#: Where the ``*`` goes, inches left of the right paper edge (7.75 in on Letter,
#: Final Draft's default mark position).
MARK_FROM_RIGHT_IN = 0.75


class Unit:
    """One markable piece of the script: an element, or a cue or part of a speech."""

    __slots__ = ("key", "fp", "element", "part", "index")

    def __init__(self, key: str, element: object, part: object | None, index: int) -> None:
        self.key = key
        self.fp = ""
        self.element = element
        self.part = part          # the speech part, "cue" for a speech's cue, None otherwise
        self.index = index        # position of the element in Document.body


def _runs_key(text) -> str:
    return repr([(r.text, r.style) for r in text if r.kind == "text"])


def element_key(el: object) -> str | None:
    """Content of a printed element as a comparable string (None: never printed)."""
    if isinstance(el, SceneHeading):
        return "H" + el.plain.strip().upper()
    if isinstance(el, Speech):
        c = el.character
        return "S" + repr((c.name, c.extensions, c.dual,
                           [(type(p).__name__, _runs_key(p.text)) for p in el.parts]))
    for cls in (Action, Transition, Centered, Lyrics):
        if isinstance(el, cls):
            return cls.__name__[0] + _runs_key(el.text)
    return None


def _hash(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def _name(units: list, key_of) -> None:
    seen: dict[str, int] = {}
    for u in units:
        k = key_of(u)
        n = seen.get(k, 0)
        seen[k] = n + 1
        h = _hash(k)
        u.fp = h if n == 0 else f"{h}.{n}"


def units(doc: Document) -> list[Unit]:
    """The markable units of a document in reading order, each with its fingerprint."""
    out: list[Unit] = []
    for i, el in enumerate(doc.body):
        if isinstance(el, Speech):
            c = el.character
            out.append(Unit("C" + repr((c.name, c.extensions, c.dual)), el, "cue", i))
            for p in el.parts:
                out.append(Unit(type(p).__name__[0] + _runs_key(p.text), el, p, i))
        elif not isinstance(el, PageBreak):
            k = element_key(el)
            if k is not None:
                out.append(Unit(k, el, None, i))
    _name(out, lambda u: u.key)
    return out


def element_fingerprints(doc: Document) -> list[tuple[int, str]]:
    """(body index, fingerprint) of every printed element except page breaks."""
    items = [(i, element_key(el)) for i, el in enumerate(doc.body)
             if not isinstance(el, PageBreak)]
    keyed = [Unit(k, None, None, i) for i, k in items if k is not None]
    _name(keyed, lambda u: u.key)
    return [(u.index, u.fp) for u in keyed]


# ---------------------------------------------------------------------------
# State
# ---------------------------------------------------------------------------

class RevisionState:
    """History of revisions and the colour of every marked unit.

    ``marks`` maps a unit fingerprint to ``(colour, whole)``: ``whole`` False
    means only its first row is marked (where something was removed).
    """

    __slots__ = ("history", "marks", "sequence", "omitted", "spans")

    def __init__(self, history: list[tuple[str, str]] | None = None,
                 marks: dict[str, tuple[str, bool]] | None = None,
                 sequence: tuple[str, ...] = COLOR_SEQUENCE,
                 omitted: dict[str, str] | None = None) -> None:
        self.history = [] if history is None else history   # [(colour, ISO date)]
        self.marks = {} if marks is None else marks
        self.sequence = sequence
        #: scene number -> colour of the revision that cut the scene (its OMITTED is marked)
        self.omitted = {} if omitted is None else omitted
        #: unit fingerprint -> character spans of its text that changed (only the rows
        #: holding them are marked); a marked unit without spans is marked on every row
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def to_text(self) -> str:
        lines = [MAGIC]
        if self.sequence != COLOR_SEQUENCE:
            lines.append("sequence: " + ", ".join(self.sequence))
        if self.history:
            lines.append("history: " + " | ".join(f"{c} @ {d}" for c, d in self.history))
        for num, colour in self.omitted.items():
            lines.append(f"omitted: {num} {colour}")
        for fp, (colour, whole) in self.marks.items():
            lines.append(f"mark: {fp} {colour}" + ("" if whole else " ^"))
        for fp, spans in self.spans.items():
            lines.append(f"span: {fp} " + " ".join(f"{a}-{b}" for a, b in spans))
        return "\n" + "\n".join(lines) + "\n"

    @classmethod
    def from_text(cls, text: str) -> "RevisionState":
        st = cls()
        for raw in text.strip().splitlines()[1:]:
            key, _, val = raw.partition(":")
            key, val = key.strip(), val.strip()
            if key == "sequence":
                seq = tuple(c.strip() for c in val.split(",") if c.strip())
                if seq:
                    st.sequence = seq
            elif key == "history":
                for item in val.split("|"):
                    colour, _, date = item.partition("@")
                    if colour.strip():
                        st.history.append((colour.strip(), date.strip()))
            elif key == "omitted":
                parts = val.split(None, 1)
                if len(parts) == 2:
                    st.omitted[parts[0]] = parts[1].strip()
            elif key == "span":
                parts = val.split()
                spans = []
                for item in parts[1:]:
                    a, _, b = item.partition("-")
                    if a.isdigit() and b.isdigit() and int(a) <= int(b):
                        spans.append((int(a), int(b)))
                if len(parts) > 1 and spans:
                    st.spans[parts[0]] = spans
            elif key == "mark":
                parts = val.split()
                if len(parts) >= 2:
                    whole = parts[-1] != "^"
                    colour = " ".join(parts[1:] if whole else parts[1:-1])
                    if colour:
                        st.marks[parts[0]] = (colour, whole)
        return st

    def colour_rank(self, colour: str) -> int:
        """Order of a colour in the history (later revisions rank higher)."""
        for i in range(len(self.history) - 1, -1, -1):
            if self.history[i][0].lower() == colour.lower():
                return i
        return -1

    def date_of(self, colour: str) -> str:
        i = self.colour_rank(colour)
        return self.history[i][1] if i >= 0 else ""


def _block_of(doc: Document, magic: str) -> tuple[int, Boneyard] | None:
    for i in range(len(doc.body) - 1, -1, -1):
        el = doc.body[i]
        if isinstance(el, Boneyard) and el.text.strip().startswith(magic):
            return i, el
    return None


def read_state(doc: Document) -> RevisionState | None:
    """The revision state a document carries, or None."""
    found = _block_of(doc, MAGIC)
    return RevisionState.from_text(found[1].text) if found else None


def with_block(doc: Document, magic: str, text: str | None) -> Document:
    """A copy of ``doc`` whose state block ``magic`` is ``text`` (None removes it)."""
    body = list(doc.body)
    found = _block_of(doc, magic)
    if found:
        del body[found[0]]
    if text is not None:
        body.append(Boneyard(text))
    return Document(doc.title_page, body, doc.diagnostics)


def splice_block(source: str, doc: Document, magic: str, text: str | None) -> str:
    """Fountain source with its state block ``magic`` replaced by ``text`` (None removes).

    Only the block's own lines change: the rest of the person's file stays
    exactly as written.
    """
    lines = source.split("\n")
    found = _block_of(doc, magic)
    if found and found[1].lines[0]:
        a, b = found[1].lines
        del lines[a - 1:b]
        while a - 2 >= 0 and a - 2 < len(lines) and not lines[a - 2].strip() and \
                (a - 1 >= len(lines) or not lines[a - 1].strip()):
            del lines[a - 2]
            a -= 1
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        lines[-1] = lines[-1].rstrip("\r")   # its ending is written below
    out = "\n".join(lines)
    nl = "\r\n" if "\r\n" in source else "\n"   # the file's own line endings
    if text is not None:
        out += nl + nl + "/*" + text.replace("\n", nl) + "*/"
    return out + nl


def next_colour(state: RevisionState | None, sequence: tuple[str, ...] = COLOR_SEQUENCE) -> str:
    """The colour after the last one in the history: Blue after White, 2nd Blue after Cherry."""
    if state is None or not state.history:
        return sequence[1] if len(sequence) > 1 else sequence[0]
    n = len(state.history) + 1   # White (the locked draft) counts as the first
    rounds, i = divmod(n, len(sequence))
    name = sequence[i]
    return name if rounds == 0 else f"{_ordinal(rounds + 1)} {name}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def normalise_colour(name: str, sequence: tuple[str, ...] = COLOR_SEQUENCE) -> str:
    """A colour name as the sequence spells it (``blue`` -> ``Blue``); other names title-cased."""
    for c in sequence:
        if c.lower() == name.strip().lower():
            return c
    if not name.strip():
        raise InputError("a revision colour cannot be empty")
    return " ".join(w.capitalize() for w in name.split())


def check_date(date: str | None) -> str:
    """An ISO date (YYYY-MM-DD); today when none is given."""
    if date is None:
        return datetime.date.today().isoformat()
    try:
        return datetime.date.fromisoformat(date.strip()).isoformat()
    except ValueError:
        raise InputError(f"revision date '{date}' is not a date like 2026-12-06") from None


def short_date(iso: str) -> str:
    """``2026-12-06`` as printed in a revision header: ``12/06/26``."""
    try:
        d = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return d.strftime("%m/%d/%y")


class Summary:
    """What a revision changed, counted in units."""

    __slots__ = ("changed", "added", "removed")

    def __init__(self) -> None:
        self.changed = self.added = self.removed = 0


def revise(old: Document, new: Document, colour: str, date: str,
           sequence: tuple[str, ...] | None = None) -> tuple[RevisionState, Summary]:
    """The revision state of ``new`` after comparing it with ``old``.

    Marks of earlier revisions (``old``'s state) carry over to the units that
    did not change; changed and added units get ``colour``; a removed unit marks
    the first row of the unit after it (or before it, at the end).
    """
    prev = read_state(old)
    seq = sequence or (prev.sequence if prev else COLOR_SEQUENCE)
    history = list(prev.history) if prev else []
    if history and history[-1][0] == colour:
        history[-1] = (colour, date)   # the same round again: it is still that revision
    else:
        history.append((colour, date))
    old_marks = prev.marks if prev else {}
    omitted = dict(prev.omitted) if prev else {}
    a, b = units(old), units(new)
    marks: dict[str, tuple[str, bool]] = {}
    old_spans = prev.spans if prev else {}
    spans: dict[str, list[tuple[int, int]]] = {}
    summary = Summary()
    sm = SequenceMatcher(None, [u.key for u in a], [u.key for u in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                m = old_marks.get(a[i1 + k].fp)
                if m is not None:
                    marks[b[j1 + k].fp] = m
                    if a[i1 + k].fp in old_spans:
                        spans[b[j1 + k].fp] = old_spans[a[i1 + k].fp]
            continue
        for j in range(j1, j2):
            marks[b[j].fp] = (colour, True)
        if tag == "replace":
            common = min(i2 - i1, j2 - j1)
            for k in range(common):   # a changed paragraph: which of its words changed
                ua, ub = a[i1 + k], b[j1 + k]
                if ua.key[:1] == ub.key[:1]:
                    changed = _changed_spans(unit_text(ua), unit_text(ub))
                    if changed:
                        spans[ub.fp] = changed
            summary.changed += common
            summary.added += (j2 - j1) - common
            summary.removed += (i2 - i1) - common
        elif tag == "insert":
            summary.added += j2 - j1
        else:
            summary.removed += i2 - i1
        if tag == "delete" and _whole_scenes(a, i1, i2):
            # Cut scenes that had numbers print as OMITTED in a locked script: mark that.
            nums = [u.element.number for u in a[i1:i2]
                    if u.part is None and isinstance(u.element, SceneHeading)]
            if all(nums):
                for num in nums:
                    if num is not None:
                        omitted[num] = colour
                continue
        if tag == "delete":  # (a shorter replacement is marked already: no extra mark)
            anchor = j2 if j2 < len(b) else j1 - 1
            if 0 <= anchor < len(b):
                fp = b[anchor].fp
                if marks.get(fp, ("", False))[0] != colour:
                    marks[fp] = (colour, False)
    state = RevisionState(history, marks, tuple(seq), omitted)
    state.spans = {fp: sp for fp, sp in spans.items() if fp in marks}
    return state, summary


def unit_text(u: Unit) -> str:
    """The printed text of a paragraph-like unit ("" for cues and headings: one row each)."""
    if u.part == "cue" or isinstance(u.element, SceneHeading):
        return ""
    src = u.part if u.part is not None else u.element
    text = getattr(src, "text", ())
    return "".join(r.text for r in text if r.kind == "text")


def _changed_spans(old: str, new: str) -> list[tuple[int, int]]:
    """Character spans of ``new`` whose words differ from ``old`` (empty: mark it all)."""
    if not old or not new:
        return []
    ot = [m.group() for m in re.finditer(r"\S+", old)]
    nt = list(re.finditer(r"\S+", new))
    if not nt:
        return []
    out: list[tuple[int, int]] = []
    sm = SequenceMatcher(None, ot, [m.group() for m in nt], autojunk=False)
    for tag, _, _, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if j1 < j2:
            out.append((nt[j1].start(), nt[j2 - 1].end()))
        else:  # words removed: mark where they stood
            pos = nt[j1].start() if j1 < len(nt) else nt[-1].end() - 1
            out.append((pos, pos + 1))
    return out


def _whole_scenes(a: list[Unit], i1: int, i2: int) -> bool:
    """Do units i1..i2 make up whole scenes (a heading first, a heading or the end after)?"""
    def is_head(u: Unit) -> bool:
        return u.part is None and isinstance(u.element, SceneHeading)
    return is_head(a[i1]) and (i2 == len(a) or is_head(a[i2]))


# ---------------------------------------------------------------------------
# The layout pass
# ---------------------------------------------------------------------------

def _unit_index(doc: Document) -> dict[tuple[int, int], Unit]:
    """(id of element, id of part or 0) -> unit; a cue is (id of speech, 1)."""
    out: dict[tuple[int, int], Unit] = {}
    for u in units(doc):
        if u.part is None:
            out[(id(u.element), 0)] = u
        elif u.part == "cue":
            out[(id(u.element), 1)] = u
        else:
            out[(id(u.element), id(u.part))] = u
    return out


def _unit_of(ln: LaidLine, index: dict[tuple[int, int], Unit]) -> Unit | None:
    src = ln.source
    if src is None or ln.kind not in CONTENT_KINDS or ln.kind == "more":
        return None
    if isinstance(src, Speech):
        if ln.kind == "character":
            return index.get((id(src), 1))
        if ln.part is not None:
            return index.get((id(src), id(ln.part)))
        return None
    return index.get((id(src), 0))


def marked_rows(doc: Document, layout: Layout, state: RevisionState
                ) -> list[dict[int, str]]:
    """Per page: body row -> colour of the newest mark on that row."""
    index = _unit_index(doc)
    out: list[dict[int, str]] = []
    first_done: set[str] = set()
    cursor: dict[str, int] = {}   # per unit: where in its text the next row is looked for
    for page in layout.pages:
        rows: dict[int, str] = {}
        for ln in page.lines:
            if ln.row < 0:
                continue
            if ln.kind == "heading" and state.omitted and isinstance(ln.source, SceneHeading) \
                    and ln.source.number in state.omitted and ln.text.strip() == "OMITTED":
                rows[ln.row] = state.omitted[ln.source.number]
                continue
            u = _unit_of(ln, index)
            if u is None:
                continue
            m = state.marks.get(u.fp)
            if m is None:
                continue
            colour, whole = m
            if not whole:
                if u.fp in first_done and ln.row not in rows:
                    continue
                first_done.add(u.fp)
            elif u.fp in state.spans and not _row_changed(u, ln, state.spans[u.fp], cursor):
                continue
            cur = rows.get(ln.row)
            if cur is None or state.colour_rank(colour) > state.colour_rank(cur):
                rows[ln.row] = colour
        out.append(rows)
    return out


def _row_changed(u: Unit, ln: LaidLine, spans: list[tuple[int, int]],
                 cursor: dict[str, int]) -> bool:
    """Does this row of ``u`` hold any changed span?  (Unsure: yes.)"""
    text = unit_text(u).lower()
    row = ln.text.strip().lower()
    if ln.kind == "parenthetical":
        row = row.strip("()")
    if not text or not row:
        return True
    at = text.find(row, cursor.get(u.fp, 0))
    if at < 0:
        return True
    end = at + len(row)
    cursor[u.fp] = end
    return any(a < end and at < b for a, b in spans)


def header_text(colour: str, date: str) -> str:
    """The revision header of a changed page: ``Blue Rev. 12/06/26``."""
    return f"{colour} Rev. {short_date(date)}".strip()


def apply_marks(doc: Document, layout: Layout, state: RevisionState) -> dict[int, str]:
    """Draw ``*`` beside marked rows and the revision header on pages that have any.

    Returns page number -> the newest colour on that page (the colour of its
    header).  Only adds furniture lines; nothing already laid moves.
    """
    p = layout.profile
    x = round(p.page_width_in - MARK_FROM_RIGHT_IN, 4)
    colours: dict[int, str] = {}
    for page, rows in zip(layout.pages, marked_rows(doc, layout, state)):
        if not rows:
            continue
        for row in sorted(rows):
            page.lines.append(LaidLine(row, x, text_of("*"), "revision-mark", 0, None))
        newest = max(rows.values(), key=state.colour_rank)
        colours[page.number] = newest
        text = header_text(newest, state.date_of(newest))
        right = p.page_number_right_in
        for ln in page.lines:
            if ln.row == HEADER_ROW and ln.kind == "page-number":
                right = ln.x - 0.3
        page.lines.append(LaidLine(HEADER_ROW, round(right - 0.1 * len(text), 4),
                                   text_of(text), "revision-header", 0, None, "right"))
    _title_history(layout, state)
    return colours


def _title_history(layout: Layout, state: RevisionState) -> None:
    """The revision history, lower right on the title page above what stands there."""
    if not layout.title_page or not state.history:
        return
    p = layout.profile
    edge = float(p.title_page.get("right_in", 7.5))
    rights = [ln.row for ln in layout.title_page if ln.align == "right"]
    lefts = [ln.row for ln in layout.title_page if ln.align == "left"]
    bottom = (min(rights) - 2) if rights else p.body_rows - 1
    texts = ["Revisions:"] + [header_text(c, d) for c, d in state.history]
    top = bottom - len(texts) + 1
    if top < 0 or (lefts and top <= max(lefts) and not rights):
        top = max(0, top)
    for i, t in enumerate(texts):
        layout.title_page.append(LaidLine(max(0, top + i), round(edge - 0.1 * len(t), 4),
                                          text_of(t), "title", 0, None, "right"))


def scene_colours(doc: Document, state: RevisionState) -> dict[int, str]:
    """Scene index (1-based) -> colour of the newest mark in the scene."""
    out: dict[int, str] = {}
    scene = 0
    by_element: dict[int, list[Unit]] = {}
    for u in units(doc):
        by_element.setdefault(u.index, []).append(u)
    for i, el in enumerate(doc.body):
        if isinstance(el, SceneHeading):
            scene += 1
        for u in by_element.get(i, ()):
            m = state.marks.get(u.fp)
            if m is None:
                continue
            cur = out.get(scene)
            if cur is None or state.colour_rank(m[0]) > state.colour_rank(cur):
                out[scene] = m[0]
    return out


__all__ = ["COLOR_SEQUENCE", "MAGIC", "RevisionState", "Summary", "apply_marks", "check_date",
           "element_fingerprints", "element_key", "header_text", "next_colour",
           "normalise_colour", "read_state", "revise", "scene_colours", "splice_block",
           "units", "with_block"]
