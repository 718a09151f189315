"""Completion: cues after a blank line, heading prefixes, places and times, transitions.

Completion answers from the last index built (names, places and times change
slowly) and the current line's text, so a keystroke never waits for a parse.
"""
from __future__ import annotations

import re

from lsprotocol import types

from screenplay.fountain_reader import HEADING_RE

from .index import DocumentIndex
from .text import to_u16

HEADING_PREFIXES = ("INT. ", "EXT. ", "INT./EXT. ", "EXT./INT. ", "I/E. ", "EST. ")
STANDARD_TIMES = ("DAY", "NIGHT", "CONTINUOUS", "LATER", "MOMENTS LATER", "MORNING",
                  "AFTERNOON", "EVENING", "DAWN", "DUSK", "SAME TIME")
STANDARD_TRANSITIONS = ("CUT TO:", "DISSOLVE TO:", "SMASH CUT TO:", "MATCH CUT TO:",
                        "FADE TO:", "FADE OUT.", "FADE TO BLACK.", "JUMP CUT TO:")
STANDARD_EXTENSIONS = ("V.O.", "O.S.", "O.C.", "CONT'D")
#: The heading's place ends at the first " - " (or " -- "); after it comes the time.
_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*--\s*")


def _item(label: str, kind: types.CompletionItemKind, line: int, start16: int, end16: int,
          detail: str, sort: str, insert: str | None = None) -> types.CompletionItem:
    rng = types.Range(start=types.Position(line=line, character=start16),
                      end=types.Position(line=line, character=end16))
    return types.CompletionItem(label=label, kind=kind, detail=detail, sort_text=sort,
                                filter_text=insert or label,
                                text_edit=types.TextEdit(range=rng, new_text=insert or label))


def complete(index: DocumentIndex | None, line_text: str, prev_blank: bool, line: int,
             col: int) -> list[types.CompletionItem]:
    """Completion items for the cursor at code-point ``col`` of ``line_text`` (line ``line``).

    ``prev_blank`` says the line above is blank (or there is none): where a cue,
    heading or transition may start.
    """
    before = line_text[:col]
    lead = len(before) - len(before.lstrip())
    typed = before[lead:]
    start16, end16 = to_u16(line_text, lead), to_u16(line_text, col)
    up = typed.upper()
    out: list[types.CompletionItem] = []
    m = HEADING_RE.match(typed)
    if m:  # in a heading: a place after the prefix, a time after the dash
        prefix = typed[:m.end()].rstrip() + " "
        rest = typed[m.end():].lstrip()
        dash = list(_DASH.finditer(rest))
        if dash:
            cut = dash[-1].end()
            base = len(typed) - len(rest) + cut
            times = dict.fromkeys(STANDARD_TIMES)
            if index is not None:
                times.update(index.times)
            s16 = to_u16(line_text, lead + base)
            for i, t in enumerate(times):
                out.append(_item(t, types.CompletionItemKind.EnumMember, line, s16, end16,
                                 "time of day", f"{i:04d}"))
            return out
        if index is not None:
            for i, place in enumerate(index.locations):
                out.append(_item(prefix + place, types.CompletionItemKind.Module, line,
                                 start16, end16, "known location", f"{i:04d}",
                                 insert=prefix + place + " - "))
        return out
    if not prev_blank:
        return out
    # A line that may start a cue, a heading or a transition.
    if typed and any(c.islower() for c in typed):
        return out
    n = 0
    if index is not None:
        for name, info in sorted(index.characters.items(),
                                 key=lambda kv: (-kv[1].speeches, kv[0])):
            detail = f"{info.speeches} speech{'es' if info.speeches != 1 else ''}"
            out.append(_item(name, types.CompletionItemKind.Class, line, start16, end16,
                             detail, f"0{n:05d}"))
            n += 1
            exts = dict.fromkeys(info.extensions)
            exts.update(dict.fromkeys(STANDARD_EXTENSIONS))
            for e in exts:
                cue = f"{name} ({e})"
                out.append(_item(cue, types.CompletionItemKind.Class, line, start16, end16,
                                 "character cue", f"1{n:05d}"))
                n += 1
    for p in HEADING_PREFIXES:
        out.append(_item(p.strip(), types.CompletionItemKind.Keyword, line, start16, end16,
                         "scene heading", f"2{n:05d}", insert=p))
        n += 1
    trans = dict.fromkeys(STANDARD_TRANSITIONS)
    if index is not None:
        trans.update(index.transitions)
    for t in trans:
        out.append(_item(t, types.CompletionItemKind.Event, line, start16, end16, "transition",
                         f"3{n:05d}"))
        n += 1
    if up:
        out = [i for i in out if (i.filter_text or i.label).upper().startswith(up)]
    return out
