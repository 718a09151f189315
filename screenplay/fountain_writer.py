"""Fountain writer: :class:`~screenplay.model.Document` to canonical Fountain.

Canonical means: one blank line between elements, no indentation a person did
not write, forcing characters (``!`` ``@`` ``.`` ``>``) only where the element
would otherwise be misread, ``\\n`` line endings and a final newline.  Reading
the output gives the same document, and writing that again gives the same bytes.
"""
from __future__ import annotations

from .fountain_reader import (
    SCENE_NUMBER_RE, cue_name_ok, is_heading, is_transition, line_kind, looks_like_cue,
)
from .inline import write_inline
from .model import (
    Action, Boneyard, Centered, Character, Dialogue, Document, Element, Lyrics, Note, PageBreak,
    Parenthetical, SceneHeading, Section, Speech, Synopsis, Text, Transition, plain,
)


def _lines(text: Text) -> list[str]:
    return write_inline(text).split("\n")


def _action(el: Action) -> list[str]:
    lines = _lines(el.text)
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return ["!"]
    out: list[str] = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            out.append("  ")
            continue
        force = line_kind(s) != "action" or (i == 0 and el.forced)
        if i == 0:
            force = force or is_heading(s) or is_transition(s) or (
                len(lines) > 1 and looks_like_cue(s)) or s.startswith("@") or (
                s.startswith("[[") and s.endswith("]]")) or (s.startswith("/*") and s.endswith("*/"))
        else:
            force = force or (s.startswith("[[") and s.endswith("]]")) or (
                s.startswith("/*") and s.endswith("*/"))
        out.append("!" + ln if force else ln)
    return out


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


def element_lines(el: Element) -> list[str]:
    """The Fountain lines of one element (without surrounding blank lines)."""
    if isinstance(el, SceneHeading):
        return [_heading(el)]
    if isinstance(el, Action):
        return _action(el)
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
        body = "\n".join(ln if ln.strip() else "  " for ln in el.text.split("\n"))
        return f"[[{body}]]".split("\n")
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
    for i, el in enumerate(doc.body):
        if i:
            out.append("")
        out.extend(element_lines(el))
    return "\n".join(out).rstrip("\n") + "\n" if out else ""
