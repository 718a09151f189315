"""Production breakdown reports: scenes, locations and cast (format-standard section 6).

Every page figure comes from the same layout the PDF is drawn from
(:func:`screenplay.layout.paginate`), so a report's "starts on page 12" is the
page a reader finds it on.  Reports are plain data (lists of dataclasses)
with one renderer per output format.
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from screenplay.layout import Layout, eighths_text  # one definition, re-exported here
from screenplay.model import Dialogue, Document, Lyrics, Parenthetical, Speech, plain

KINDS = ("scenes", "locations", "cast")
FORMATS = ("text", "csv", "json", "html")

_NIGHT = {"NIGHT", "EVENING", "DUSK", "SUNSET", "MIDNIGHT", "TWILIGHT", "NIGHTTIME", "LATE NIGHT",
          "MAGIC HOUR"}
_DAY = {"DAY", "MORNING", "AFTERNOON", "DAWN", "SUNRISE", "NOON", "MIDDAY", "DAYTIME",
        "EARLY MORNING", "LATE AFTERNOON", "PRE-DAWN"}


def day_or_night(time: str | None, previous: str) -> str:
    """D or N for a heading's time of day; CONTINUOUS, LATER and the like keep the last one."""
    if not time:
        return previous
    t = re.sub(r"\s*\([^)]*\)", "", time).strip().upper()
    if t in _NIGHT or any(w in _NIGHT for w in t.split()):
        return "N"
    if t in _DAY or any(w in _DAY for w in t.split()):
        return "D"
    return previous


@dataclass
class SceneRow:
    """R1: one scene of the one-liner."""

    scene: str
    int_ext: str
    location: str
    time: str
    day_night: str
    start_page: str
    eighths: int
    length: str
    cast_ids: list[int]
    cast: list[str]
    heading: str
    omitted: bool = False
    source_line: int = 0
    #: production drafts: colour of the scene's newest revision mark ("" if none)
    revision: str = ""
    #: production drafts: the locked page the scene starts on ("" when not locked)
    locked_page: str = ""


@dataclass
class LocationRow:
    """R2: one distinct location, INT/EXT and time of day stripped."""

    location: str
    scene_count: int
    scenes: list[str]
    eighths: int
    length: str
    interior: int
    exterior: int
    day: int
    night: int
    pages: list[int]
    characters: list[str]


@dataclass
class CastRow:
    """R3: one speaking character, numbered by production's rule (1 = in most scenes)."""

    cast_id: int
    name: str
    speeches: int
    dialogue_rows: int
    words: int
    scene_count: int
    scenes: list[str]
    pages: list[int]
    first_scene: str
    first_page: int


@dataclass
class Breakdown:
    """All three reports for one script, computed together from one layout."""

    title: str
    pages: int
    scenes: list[SceneRow] = field(default_factory=list)
    locations: list[LocationRow] = field(default_factory=list)
    cast: list[CastRow] = field(default_factory=list)
    #: scene label -> character names speaking in it, for the cast-by-scene picture
    presence: dict[str, list[str]] = field(default_factory=dict)


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019]\w+)*", text))


def breakdown(doc: Document, layout: Layout) -> Breakdown:
    """Compute scene, location and cast reports from a document and its layout."""
    scenes = doc.scenes()
    spans = {s.index: s for s in layout.scenes}
    # Which speaker each laid dialogue line belongs to, and where speeches fall.
    speaker_of: dict[int, str] = {}
    for el in doc.body:
        if isinstance(el, Speech):
            speaker_of[id(el)] = el.character.name
            for p in el.parts:
                speaker_of[id(p)] = el.character.name
    rows_by_speaker: dict[str, int] = {}
    pages_by_speaker: dict[str, set[int]] = {}
    first_page_by_speaker: dict[str, int] = {}
    for page in layout.pages:
        for ln in page.lines:
            if ln.source is None or ln.kind not in ("dialogue", "lyrics", "character"):
                continue
            who = speaker_of.get(id(ln.source))
            if who is None:
                continue
            pages_by_speaker.setdefault(who, set()).add(page.number)
            first_page_by_speaker.setdefault(who, page.number)
            if ln.kind in ("dialogue", "lyrics"):
                rows_by_speaker[who] = rows_by_speaker.get(who, 0) + 1

    speeches: dict[str, int] = {}
    words: dict[str, int] = {}
    scenes_by_speaker: dict[str, list[str]] = {}
    presence: dict[str, list[str]] = {}
    scene_rows: list[SceneRow] = []
    dn = "D"
    labels: dict[int, str] = {}
    for sc in scenes:
        span = spans.get(sc.index)
        label = (span.number if span and span.number else sc.heading.number) or str(sc.index)
        labels[sc.index] = label
        cast_here: list[str] = []
        for el in sc.body:
            if isinstance(el, Speech):
                who = el.character.name
                speeches[who] = speeches.get(who, 0) + 1
                words[who] = words.get(who, 0) + sum(
                    _words(plain(p.text)) for p in el.parts if isinstance(p, (Dialogue, Lyrics)))
                if who not in cast_here:
                    cast_here.append(who)
        for who in cast_here:
            scenes_by_speaker.setdefault(who, []).append(label)
        presence[label] = cast_here
        h = sc.heading
        dn = day_or_night(h.time, dn)
        eighths = span.eighths if span else 0
        start = str(span.first_page) if span else ""
        scene_rows.append(SceneRow(
            scene=label, int_ext=h.int_ext or "", location=h.location, time=h.time or "",
            day_night=dn, start_page=start, eighths=eighths, length=eighths_text(eighths),
            cast_ids=[], cast=cast_here, heading=h.plain,
            omitted=bool(span and span.omitted), source_line=h.lines[0]))
    # Speeches before the first heading still count for the cast.
    for el in doc.body:
        if isinstance(el, Speech) and el.character.name not in speeches:
            speeches[el.character.name] = 1
            words[el.character.name] = sum(
                _words(plain(p.text)) for p in el.parts if isinstance(p, (Dialogue, Lyrics)))

    names = sorted(speeches, key=lambda n: (-len(scenes_by_speaker.get(n, [])),
                                            -rows_by_speaker.get(n, 0), n))
    cast_id = {n: i + 1 for i, n in enumerate(names)}
    cast_rows = [CastRow(
        cast_id=cast_id[n], name=n, speeches=speeches[n], dialogue_rows=rows_by_speaker.get(n, 0),
        words=words.get(n, 0), scene_count=len(scenes_by_speaker.get(n, [])),
        scenes=scenes_by_speaker.get(n, []), pages=sorted(pages_by_speaker.get(n, ())),
        first_scene=(scenes_by_speaker.get(n) or [""])[0],
        first_page=first_page_by_speaker.get(n, 0)) for n in names]
    for r in scene_rows:
        r.cast_ids = sorted(cast_id[n] for n in r.cast)

    loc_rows: dict[str, LocationRow] = {}
    for r, sc in zip(scene_rows, scenes):
        key = " ".join(r.location.upper().split()) or "(NO LOCATION)"
        row = loc_rows.get(key)
        if row is None:
            row = loc_rows[key] = LocationRow(key, 0, [], 0, "", 0, 0, 0, 0, [], [])
        row.scene_count += 1
        row.scenes.append(r.scene)
        row.eighths += r.eighths
        if r.int_ext in ("INT", "INT/EXT"):
            row.interior += 1
        if r.int_ext in ("EXT", "INT/EXT", "EST"):
            row.exterior += 1
        if r.day_night == "N":
            row.night += 1
        else:
            row.day += 1
        span = spans.get(sc.index)
        if span:
            for page_no in range(span.first_page, span.last_page + 1):
                if page_no not in row.pages:
                    row.pages.append(page_no)
        for n in r.cast:
            if n not in row.characters:
                row.characters.append(n)
    for row in loc_rows.values():
        row.length = eighths_text(row.eighths)
    locations = sorted(loc_rows.values(), key=lambda r: (-r.scene_count, r.location))
    return Breakdown(doc.title or "", len(layout.pages), scene_rows, locations, cast_rows, presence)


# ---------------------------------------------------------------------------
# Output formats
# ---------------------------------------------------------------------------

_COLUMNS: dict[str, list[tuple[str, str, Callable[[Any], str]]]] = {
    "scenes": [
        ("Sc.", "scene", str), ("I/E", "int_ext", str), ("Location", "location", str),
        ("Time", "time", str), ("D/N", "day_night", str), ("Page", "start_page", str),
        ("Length", "length", str), ("Cast", "cast_ids", lambda v: ",".join(map(str, v))),
    ],
    "locations": [
        ("Location", "location", str), ("Scenes", "scene_count", str),
        ("Length", "length", str), ("INT", "interior", str), ("EXT", "exterior", str),
        ("D", "day", str), ("N", "night", str),
        ("Scene numbers", "scenes", lambda v: ", ".join(v)),
        ("Characters", "characters", lambda v: ", ".join(v)),
    ],
    "cast": [
        ("ID", "cast_id", str), ("Character", "name", str), ("Scenes", "scene_count", str),
        ("Speeches", "speeches", str), ("Dialogue rows", "dialogue_rows", str),
        ("Words", "words", str), ("First sc.", "first_scene", str),
        ("First pg.", "first_page", str), ("Pages", "pages", lambda v: _ranges(v)),
    ],
}


def _ranges(pages: list[int]) -> str:
    """[1,2,3,5] -> "1-3, 5"."""
    out: list[str] = []
    start = prev = None
    for p in pages:
        if start is None:
            start = prev = p
        elif p == prev + 1:  # type: ignore[operator]
            prev = p
        else:
            out.append(f"{start}-{prev}" if start != prev else str(start))
            start = prev = p
    if start is not None:
        out.append(f"{start}-{prev}" if start != prev else str(start))
    return ", ".join(out)


def _rows(b: Breakdown, kind: str) -> list[Any]:
    rows: dict[str, list[Any]] = {"scenes": b.scenes, "locations": b.locations, "cast": b.cast}
    return rows[kind]


def _table(b: Breakdown, kind: str) -> tuple[list[str], list[list[str]]]:
    cols = list(_COLUMNS[kind])
    if kind == "scenes":  # production drafts: the columns appear when a script has them
        if any(r.locked_page for r in b.scenes):
            cols.insert(6, ("Locked pg.", "locked_page", str))
        if any(r.revision for r in b.scenes):
            cols.append(("Rev.", "revision", str))
    rows = [[fmt(getattr(r, attr)) for _, attr, fmt in cols] for r in _rows(b, kind)]
    if kind == "scenes":
        for r, src in zip(rows, b.scenes):
            if src.omitted:
                r[2] = "OMITTED"
    return [c for c, _, _ in cols], rows


def render_text(b: Breakdown, kind: str) -> str:
    head, rows = _table(b, kind)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(head)]
    widths = [min(w, 48) for w in widths]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths)).rstrip()

    title = f"{b.title or 'Untitled'}: {kind} report ({b.pages} pages)"
    lines = [title, "", fmt(head), fmt(["-" * w for w in widths])]
    lines += [fmt(r) for r in rows]
    if kind == "scenes":
        total = sum(s.eighths for s in b.scenes)
        lines += ["", f"{len(b.scenes)} scenes, {eighths_text(total)} pages"]
    elif kind == "locations":
        lines += ["", f"{len(b.locations)} locations, {sum(r.scene_count for r in b.locations)} scenes"]
    else:
        lines += ["", f"{len(b.cast)} speaking characters"]
    return "\n".join(lines) + "\n"


#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets a ``'`` before it.

    Script text (a character named ``=HYPERLINK(...)``, a scene heading
    starting with ``-``) must not run as a formula where the report is opened,
    as OWASP's "CSV injection" advice says.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(b: Breakdown, kind: str) -> str:
    head, rows = _table(b, kind)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    w.writerows([csv_cell(c) for c in r] for r in rows)
    return buf.getvalue()


def render_json(b: Breakdown, kind: str) -> str:
    data = {"title": b.title, "pages": b.pages, "report": kind,
            "rows": [asdict(r) for r in _rows(b, kind)]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
.grid td{padding:0;width:1.1rem;height:1.1rem}
.grid td.on{background:#2b6cb0}
.grid th.sc{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:.7rem}
.grid th.who{white-space:nowrap}
figure{margin:2rem 0;overflow-x:auto}
"""


def render_html(b: Breakdown, kind: str) -> str:
    """A table, and for every kind the cast-by-scene picture underneath."""
    e = html.escape
    head, rows = _table(b, kind)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(b.title or 'Untitled')} \u2013 {e(kind)} report</title>",
           f"<style>{_CSS}</style></head><body><main>",
           f"<h1>{e(b.title or 'Untitled')}: {e(kind)} report</h1>",
           f"<p>{b.pages} pages, {len(b.scenes)} scenes, {len(b.locations)} locations, "
           f"{len(b.cast)} speaking characters.</p>",
           "<table><thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in head) +
           "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>")
    out.append("</tbody></table>")
    # The picture: which character is in which scene, across the script.
    labels = [s.scene for s in b.scenes]
    out.append('<figure><figcaption>Who speaks in which scene (columns are scenes in script '
               'order)</figcaption><table class="grid"><thead><tr><th></th>')
    out.extend(f'<th class="sc" scope="col">{e(lb)}</th>' for lb in labels)
    out.append("</tr></thead><tbody>")
    for c in b.cast:
        here = set(c.scenes)
        cells = "".join(f'<td class="on" title="{e(c.name)} in scene {e(lb)}"></td>' if lb in here
                        else "<td></td>" for lb in labels)
        out.append(f'<tr><th class="who" scope="row">{c.cast_id}. {e(c.name)}</th>{cells}</tr>')
    out.append("</tbody></table></figure></main></body></html>")
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[Breakdown, str], str]] = {
    "text": render_text, "csv": render_csv, "json": render_json, "html": render_html,
}


def add_production(b: Breakdown, doc: Document, layout: Layout) -> None:
    """Each scene's revision colour and locked start page, for a locked or revised script.

    ``doc`` is the document ``layout`` was laid out from (a locked script's, with
    its OMITTED headings), the one :func:`breakdown` was given.
    """
    from screenplay.locking import page_label_of, read_lock
    from screenplay.revisions import read_state, scene_colours
    state = read_state(doc)
    colours = scene_colours(doc, state) if state is not None else {}
    locked = read_lock(doc) is not None
    label = {p.number: page_label_of(p, layout.profile) for p in layout.pages}
    spans = {s.index: s for s in layout.scenes}
    for i, row in enumerate(b.scenes, start=1):
        row.revision = colours.get(i, "")
        if state is not None and row.omitted and row.scene in state.omitted:
            row.revision = state.omitted[row.scene]
        span = spans.get(i)
        if locked and span is not None:
            row.locked_page = label.get(span.first_page, "")
