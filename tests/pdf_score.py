"""Scoring an imported PDF against the document it was made from.

Units are the printed elements a reader sees: heading, action, cue,
parenthetical, dialogue, transition, centred (lyrics count as dialogue or
action, where they stand).  Each is compared by type and whitespace-normalised
text after aligning the two sequences (difflib's longest matching blocks), and
F1 is taken over matched units.  A cue's (CONT'D) is printout furniture (every
tool adds it by the same-speaker rule), so cues are compared without it.
Speeches count as recovered when cue and all parts match exactly.
"""
from __future__ import annotations

import difflib
import re

from screenplay.model import (
    Action, Centered, Dialogue, Document, Lyrics, Parenthetical, SceneHeading, Speech,
    Transition, plain,
)

_CONTD = {"CONT'D", "CONT’D", "CONT", "CONTD"}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _cue(sp: Speech) -> str:
    exts = [e for e in sp.character.extensions if e.upper() not in _CONTD]
    return _norm(" ".join([sp.character.name] + [f"({e})" for e in exts]))


def units(doc: Document) -> list[tuple[str, str]]:
    """The document's printed units, as (type, normalised text)."""
    out: list[tuple[str, str]] = []
    for el in doc.body:
        if isinstance(el, SceneHeading):
            out.append(("heading", _norm(plain(el.text)).upper()))
        elif isinstance(el, Action):
            out.append(("action", _norm(plain(el.text))))
        elif isinstance(el, Transition):
            out.append(("transition", _norm(plain(el.text)).upper()))
        elif isinstance(el, Centered):
            out.append(("centred", _norm(plain(el.text))))
        elif isinstance(el, Lyrics):
            out.append(("action", _norm(plain(el.text))))
        elif isinstance(el, Speech):
            out.append(("cue", _cue(el)))
            for p in el.parts:
                kind = "parenthetical" if isinstance(p, Parenthetical) else "dialogue"
                out.append((kind, _norm(plain(p.text))))
    return [u for u in out if u[1]]


def f1(truth: Document, got: Document) -> float:
    a, b = units(truth), units(got)
    if not a and not b:
        return 1.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    hit = sum(m.size for m in sm.get_matching_blocks())
    p = hit / len(b) if b else 0.0
    r = hit / len(a) if a else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _speech_key(sp: Speech) -> tuple:
    return (_cue(sp), tuple((type(p).__name__ if not isinstance(p, Lyrics) else "Dialogue",
                             _norm(plain(p.text))) for p in sp.parts if plain(p.text).strip()))


def speeches(truth: Document, got: Document) -> tuple[int, int]:
    """(speeches of the truth found exactly in the import, speeches of the truth)."""
    a = [_speech_key(s) for s in truth.speeches()]
    b = [_speech_key(s) for s in got.speeches()]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()), len(a)


def headings(truth: Document, got: Document) -> tuple[int, int]:
    """(headings found with equal text and, where the truth has one, scene number)."""
    def key(d: Document, numbered: bool) -> list:
        return [(_norm(plain(h.text)).upper(), h.number if numbered else None)
                for h in d.body if isinstance(h, SceneHeading)]
    numbered = any(h.number for h in truth.body if isinstance(h, SceneHeading))
    a, b = key(truth, numbered), key(got, numbered)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()), len(a)


def emphasis(truth: Document, got: Document) -> tuple[int, int]:
    """(emphasised runs of the truth found with the same style, emphasised runs)."""
    def runs(d: Document) -> list:
        out = []
        for el in d.body:
            texts = [p.text for p in el.parts] if isinstance(el, Speech) else \
                [getattr(el, "text", ())]
            for t in texts:
                if isinstance(t, tuple):
                    out += [(_norm(r.text), r.style) for r in t if r.style and r.text.strip()]
        return out
    a, b = runs(truth), runs(got)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()), len(a)


def report(truth: Document, got: Document) -> str:
    s, st = speeches(truth, got)
    h, ht = headings(truth, got)
    e, et = emphasis(truth, got)
    return f"F1 {f1(truth, got):.3f}, speeches {s}/{st}, headings {h}/{ht}, emphasis {e}/{et}"


def diff(truth: Document, got: Document, limit: int = 40) -> str:
    """The differing units, for a failing test's message."""
    a, b = units(truth), units(got)
    out = []
    for line in difflib.unified_diff([f"{k}: {t}" for k, t in a], [f"{k}: {t}" for k, t in b],
                                     lineterm="", n=0):
        out.append(line)
        if len(out) > limit:
            break
    return "\n".join(out)
