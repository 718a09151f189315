"""Fountain writer: :class:`~screenplay.model.Document` to canonical Fountain.

Canonical means: one blank line between elements, no indentation a person did
not write, forcing characters (``!`` ``@`` ``.`` ``>``) only where the element
would otherwise be misread, ``\\n`` line endings and a final newline.  Reading
the output gives the same document, and writing that again gives the same bytes.
"""
from __future__ import annotations

from .fountain_mask import mask
from .fountain_rules import (
    SCENE_NUMBER_RE, TITLE_KEY_RE, cue_name_ok, is_heading, is_transition, line_kind,
    looks_like_cue, strip_placeholders,
)
from .inline import note_body, write_inline
from .model import (
    Action, Boneyard, Centered, Character, Dialogue, Document, Element, Lyrics, Note, PageBreak,
    Parenthetical, Run, SceneHeading, Section, Speech, Synopsis, Text, Transition, plain,
)


def _lines(text: Text) -> list[str]:
    return write_inline(text).split("\n")


def _action(el: Action, opens_file: bool = False) -> list[str]:
    """Action lines, with ``!`` wherever the reader would otherwise see another element.

    The decision mirrors the reader's: it is taken on the same masked lines (a
    note spanning lines counts as one), with the same rules in the same order.
    """
    written = write_inline(el.text)
    phys = written.split("\n")
    masked, _ = mask(written, [])
    while masked and not masked[-1].text.strip():
        masked.pop()
    while masked and not masked[0].text.strip():
        masked.pop(0)
    if not masked:
        return ["!"]
    out: list[str] = []
    for i, ml in enumerate(masked):
        chunk = phys[ml.first - 1: ml.last]
        s = ml.text.strip()
        if not s:
            out.append("  ")
            continue
        kind = line_kind(s)
        force = kind != "action" or _is_region(s)
        if i == 0:
            force = force or el.forced or is_heading(s) or \
                is_transition(strip_placeholders(s).strip()) or s.startswith("@") or \
                (len(masked) > 1 and looks_like_cue(s)) or \
                (opens_file and TITLE_KEY_RE.match(ml.text) is not None)
        if force:
            chunk[0] = "!" + chunk[0]
        out.extend(chunk)
    return out


def _is_region(s: str) -> bool:
    return s.startswith("\x00") and s.endswith("\x00") and strip_placeholders(s) == ""


def _cue(c: Character) -> str:
    name = c.name.replace("(", "\\(").replace("^", "\\^") if "(" in c.name or "^" in c.name else c.name
    cue = " ".join([name] + [f"({e})" for e in c.extensions])
    force = c.forced or not cue_name_ok(c.name) or not looks_like_cue(cue)
    if c.dual:
        cue += " ^"
    return ("@" + cue) if force else cue


def _speech(sp: Speech) -> list[str]:
    out = [_cue(sp.character)]
    for part in sp.parts:
        if isinstance(part, Parenthetical):
            lines = _lines(part.text)
            lines[0] = "(" + lines[0]
            lines[-1] = lines[-1] + ")"
            out.extend(lines)
        elif isinstance(part, Lyrics):
            out.extend("~" + ln for ln in _lines(part.text))
        else:
            for ln in _lines(part.text):
                if not ln.strip():
                    out.append("  ")
                elif ln.lstrip()[:1] in ("(", "\uff08", "~"):
                    out.append("\\" + ln.lstrip() if ln.lstrip()[0] != "\uff08" else ln.lstrip())
                else:
                    out.append(ln)
    return out


def _heading(h: SceneHeading) -> str:
    s = write_inline(h.text)
    st = s.strip()
    need = h.forced or not is_heading(st) or SCENE_NUMBER_RE.search(st) is not None
    line = ("." + s) if need else s
    if h.number:
        line += f" #{h.number}#"
    return line


def _transition(t: Transition) -> str:
    s = write_inline(t.text)
    if not t.forced and is_transition(plain(t.text).strip()) and s == plain(t.text):
        return s
    return ">" + s


def element_lines(el: Element, opens_file: bool = False) -> list[str]:
    """The Fountain lines of one element (without surrounding blank lines)."""
    if isinstance(el, SceneHeading):
        return [_heading(el)]
    if isinstance(el, Action):
        return _action(el, opens_file)
    if isinstance(el, Speech):
        return _speech(el)
    if isinstance(el, Transition):
        return [_transition(el)]
    if isinstance(el, Centered):
        return [f"> {ln} <" for ln in _lines(el.text)]
    if isinstance(el, Lyrics):
        return ["~" + ln for ln in _lines(el.text)]
    if isinstance(el, PageBreak):
        return ["==="]
    if isinstance(el, Section):
        return ["#" * max(1, el.depth) + " " + write_inline(el.text).replace("\n", " ")]
    if isinstance(el, Synopsis):
        return ["= " + ln for ln in _lines(el.text)]
    if isinstance(el, Note):
        return f"[[{note_body(el.text)}]]".split("\n")
    if isinstance(el, Boneyard):
        return f"/*{el.text}*/".split("\n")
    raise TypeError(f"not a screenplay element: {type(el).__name__}")


def write_fountain(doc: Document) -> str:
    """Serialise a document as canonical Fountain text."""
    out: list[str] = []
    for f in doc.title_page:
        vals = [write_inline(v) for v in f.values]
        if len(vals) == 1 and "\n" not in vals[0]:
            out.append(f"{f.key}: {vals[0]}")
        else:
            out.append(f"{f.key}:")
            for v in vals:
                out.extend("    " + ln for ln in v.split("\n"))
    if doc.title_page:
        out.append("")
    opens = not doc.title_page
    for i, el in enumerate(doc.body):
        if i:
            out.append("")
        out.extend(element_lines(el, opens_file=opens))
        # Notes and boneyard may stand before a title page, so the element after them
        # still opens the file as far as title-page detection goes.
        opens = opens and isinstance(el, (Note, Boneyard))
    return "\n".join(out).rstrip("\n") + "\n" if out else ""
