"""Final Draft's revision marks and scene pages in FDX, to and from our revision state.

What FDX holds for a production draft, as Final Draft and the programs that
exchange FDX with it write it (looked up in public FDX writers and readers):

* ``<Text RevisionID="n">``: the run was changed in revision set ``n``
  (0 or absent: unchanged);
* ``<Revisions ActiveSet="n" Location="7.75" ...>`` with one
  ``<Revision ID="n" Name="..." Mark="*" Color="#RRRRGGGGBBBB" .../>`` per set;
* ``<SceneProperties Page="12" Length="" Title=""/>`` inside a Scene Heading
  paragraph: the page the scene starts on; ``Number`` on the paragraph is its
  scene number.

We found no element for locked page breaks themselves in any FDX we could
consult, so the lock's page record travels only in our own boneyard block
(which our FDX keeps in an ``sp:`` attribute); Final Draft gets the scene
numbers and each scene's locked start page.

Reading: a file with ``RevisionID`` runs and no revision block of ours gets
one, built from the marks (each marked paragraph's unit takes the colour named
by its revision set), so ``render`` shows Final Draft's marks.
"""
from __future__ import annotations

from lxml import etree

from .model import Centered, Document, Lyrics, Parenthetical, SceneHeading, Transition
from .revisions import MAGIC, RevisionState, Unit, read_state, units, with_block

#: Final Draft writes colours as 16 bits per channel.
COLOR_HEX = {
    "white": "#FFFFFFFFFFFF", "blue": "#00000000FFFF", "pink": "#FFFF9999CCCC",
    "yellow": "#FFFFFFFF0000", "green": "#0000FFFF0000", "goldenrod": "#DADAA5A52020",
    "buff": "#F0F0DCDC8282", "salmon": "#FAFA80807272", "cherry": "#DEDE31316363",
}
_SP_KIND = "{urn:x-screenplay-toolchain:fdx-extras:1}kind"


def _expected_type(u) -> str:
    el, part = u.element, u.part
    if part == "cue":
        return "Character"
    if part is not None:
        return ("Parenthetical" if isinstance(part, Parenthetical)
                else "Lyrics" if isinstance(part, Lyrics) else "Dialogue")
    if isinstance(el, SceneHeading):
        return "Scene Heading"
    if isinstance(el, Transition):
        return "Transition"
    if isinstance(el, Lyrics):
        return "Lyrics"
    if isinstance(el, Centered):
        return "Action"
    return "Action"


def _printed_paragraphs(root: etree._Element) -> list[etree._Element]:
    content = root.find("Content")
    if content is None:
        return []
    return [p for p in content.iter("Paragraph")
            if p.get("Type") and p.get(_SP_KIND) is None and p.find("Text") is not None
            and "".join(t.text or "" for t in p.iter("Text")).strip()]


def _align(doc: Document, root: etree._Element) -> list[tuple[Unit, etree._Element]] | None:
    """Our units beside the FDX paragraphs they were written as (None: they do not line up)."""
    us = units(doc)
    pars = _printed_paragraphs(root)
    out = []
    j = 0
    for u in us:
        want = _expected_type(u)
        while j < len(pars) and pars[j].get("Type") != want:
            j += 1
        if j == len(pars):
            return None
        out.append((u, pars[j]))
        j += 1
    return out


def add_production(fdx: str, doc: Document) -> str:
    """Our FDX with Final Draft's revision marks and scene pages added."""
    state = read_state(doc)
    from .locking import read_lock
    lock = read_lock(doc)
    if state is None and lock is None:
        return fdx
    root = etree.fromstring(fdx.encode("utf-8"),
                            etree.XMLParser(resolve_entities=False, no_network=True,
                                            huge_tree=True))
    if state is not None and state.history:
        ids = {}
        for n, (colour, _) in enumerate(state.history, start=1):
            ids[colour] = n
        pairs = _align(doc, root) or []
        for u, par in pairs:
            m = state.marks.get(u.fp)
            if m is not None and m[0] in ids:
                spans = state.spans.get(u.fp)
                if spans:
                    _mark_spans(par, spans, str(ids[m[0]]))
                else:
                    for t in par.findall("Text"):
                        t.set("RevisionID", str(ids[m[0]]))
        revs = etree.SubElement(root, "Revisions", ActiveSet=str(len(state.history)),
                                Location="7.75", RevisionMode="No", RevisionsShown="All",
                                ShowAllMarks="Yes", ShowAllSets="Yes")
        for n, (colour, date) in enumerate(state.history, start=1):
            hexc = COLOR_HEX.get(colour.split()[-1].lower(), "#000000000000")
            etree.SubElement(revs, "Revision", Color=hexc, FullRevision="No", ID=str(n),
                             Mark="*", Name=f"{colour} Rev. {date}".strip(), PageColor=hexc,
                             Style="")
    if lock is not None:
        _scene_pages(doc, root, lock)
    etree.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
            + etree.tostring(root, encoding="unicode") + "\n")


def _offset0(par: etree._Element) -> int:
    """Characters the writer put before the unit's own text (a parenthetical's "(")."""
    return 1 if par.get("Type") == "Parenthetical" else 0


def _mark_spans(par: etree._Element, spans: list[tuple[int, int]], rid: str) -> None:
    """Split the paragraph's runs at the changed spans; RevisionID on the changed pieces."""
    pos = -_offset0(par)
    for t in list(par.findall("Text")):
        if t.get(_SP_KIND) is not None:   # an inline note or boneyard: not printed text
            continue
        text = t.text or ""
        start, end = pos, pos + len(text)
        pos = end
        cuts = sorted({0, len(text)} | {min(max(x - start, 0), len(text))
                                         for a, b in spans for x in (a, b)})
        pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i] < cuts[i + 1]]
        if len(pieces) <= 1:
            if any(a < end and start < b for a, b in spans):
                t.set("RevisionID", rid)
            continue
        parent = t.getparent()
        at = parent.index(t)
        parent.remove(t)
        for k, (x, y) in enumerate(pieces):
            piece = etree.Element("Text", dict(t.attrib))
            piece.text = text[x:y]
            if any(a < start + y and start + x < b for a, b in spans):
                piece.set("RevisionID", rid)
            parent.insert(at + k, piece)


def _scene_pages(doc: Document, root: etree._Element, lock) -> None:
    """``SceneProperties Page`` on every heading: the page it starts on, as locked."""
    from .errors import InputError
    from .layout import load_profile
    from .locking import locked_layout, page_label_of
    try:
        profile = load_profile(lock.paper, lock.mode)
    except InputError:  # a lock naming a paper or mode we do not have: no pages to give
        return
    layout, _ = locked_layout(doc, profile, lock)
    label = {p.number: page_label_of(p, layout.profile) for p in layout.pages}
    by_number = {s.number: label.get(s.first_page, "") for s in layout.scenes if s.number}
    content = root.find("Content")
    if content is None:
        return
    for p in content.iter("Paragraph"):
        if p.get("Type") == "Scene Heading" and p.get("Number") in by_number:
            props = etree.Element("SceneProperties", Length="", Page=by_number[p.get("Number")],
                                  Title="")
            p.insert(0, props)


def read_production(data: bytes, doc: Document) -> Document:
    """``doc`` (read from FDX ``data``) with Final Draft's revision marks as our state."""
    if read_state(doc) is not None or b"RevisionID" not in data:
        return doc
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                                      huge_tree=True))
    except etree.XMLSyntaxError:
        return doc
    names: dict[str, str] = {}
    dates: dict[str, str] = {}
    order: list[str] = []
    revs = root.find("Revisions")
    if revs is not None:
        for r in revs.findall("Revision"):
            rid, name = r.get("ID", ""), (r.get("Name") or "").strip()
            colour, _, rest = name.partition(" Rev.")
            colour = colour.strip() or f"Revision {rid}"
            names[rid] = colour
            order.append(colour)
            dates[colour] = rest.strip()
    pairs = _align(doc, root)
    if not pairs:
        return doc
    marks: dict[str, tuple[str, bool]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for u, par in pairs:
        runs = [t for t in par.findall("Text") if t.get(_SP_KIND) is None]
        ids = [i for i in (t.get("RevisionID") for t in runs) if i and i != "0"]
        if not ids:
            continue
        rid = max(ids, key=lambda i: int(i) if i.isdigit() else 0)
        marks[u.fp] = (names.get(rid, f"Revision {rid}"), True)
        if len(ids) < len(runs):   # only some runs changed: those are the spans
            pos, found = -_offset0(par), []
            for t in runs:
                n = len(t.text or "")
                if t.get("RevisionID") not in (None, "", "0") and n:
                    found.append((max(pos, 0), max(pos + n, 1)))
                pos += n
            spans[u.fp] = found
    if not marks:
        return doc
    used = {c for c, _ in marks.values()}
    history = [(c, dates.get(c, "")) for c in order]
    for c in sorted(used - set(order)):
        history.append((c, ""))
    state = RevisionState(history, marks)
    state.spans = {fp: sp for fp, sp in spans.items() if sp}
    return with_block(doc, MAGIC, state.to_text())


__all__ = ["COLOR_HEX", "add_production", "read_production"]
