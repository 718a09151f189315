"""Fountain inline markup: emphasis, escapes, and inline notes and boneyard.

Shared by the Fountain reader and writer so that what one writes the other
reads back the same.  Emphasis follows fountain.io: ``*italic*``,
``**bold**``, ``***bold italic***``, ``_underline_``, nestable, and allowed to
run over line breaks inside one element.  A backslash before ASCII punctuation
makes it literal (``\\*``), as in Markdown.
"""
from __future__ import annotations

import re

TYPE_CHECKING = False  # typing is for type checkers only: importing it costs milliseconds
if TYPE_CHECKING:
    from typing import Sequence

from .model import BOLD, BONEYARD, ITALIC, NOTE, TEXT, UNDERLINE, Run, Text, normalize_text

# Private markers.  The reader refuses input containing C0 control characters,
# so these can never collide with a writer's text.
PLACEHOLDER = "\x00"  # \x00<index>\x00 stands for a masked note or boneyard region
_ESC_STAR, _ESC_UNDER, _ESC_BSL = "\x02", "\x03", "\x04"
_B_ON, _B_OFF, _I_ON, _I_OFF, _U_ON, _U_OFF = "\x11", "\x12", "\x13", "\x14", "\x15", "\x16"

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BOLD_ITALIC = re.compile(r"\*\*\*(?=[^\s*])(.+?)(?<=[^\s\\])\*\*\*", re.S)
_BOLD = re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s\\])\*\*", re.S)
_ITALIC = re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s\\])\*", re.S)
_UNDER = re.compile(r"_(?=[^\s_])(.+?)(?<=[^\s\\])_", re.S)
_TOKEN = re.compile("(\x00\\d+\x00|[\x11-\x16])")
_PLACE = re.compile("\x00(\\d+)\x00")
#: ``Run`` is a named tuple; building one through ``tuple.__new__`` skips its
#: Python-level ``__new__``, which matters at one run per element.
_tuple_new = tuple.__new__


def _unescape_char(m: re.Match[str]) -> str:
    c = m.group(1)
    return {"*": _ESC_STAR, "_": _ESC_UNDER, "\\": _ESC_BSL}.get(c, c)


def _restore(s: str) -> str:
    return s.replace(_ESC_STAR, "*").replace(_ESC_UNDER, "_").replace(_ESC_BSL, "\\")


def unescape(s: str) -> str:
    """Plain text with backslash escapes removed (for cue names and keys)."""
    return _restore(_ESCAPE.sub(_unescape_char, s))


def parse_inline(s: str, regions: Sequence[tuple[str, str]] = ()) -> Text:
    """Turn one element's source text into styled runs.

    ``regions`` resolves ``\\x00<i>\\x00`` placeholders left by the reader's
    masking pass: each is ``(kind, content)`` with kind ``note`` or ``boneyard``.
    """
    # Most elements have no markup at all.  Four substring tests (memchr in C)
    # are much cheaper than a regex search over the text.
    if "*" not in s and "_" not in s and "\\" not in s and PLACEHOLDER not in s:
        return (_tuple_new(Run, (s, 0, TEXT)),) if s else ()
    if "\\" in s:
        s = _ESCAPE.sub(_unescape_char, s)
    if "*" in s:
        s = _BOLD_ITALIC.sub(lambda m: _B_ON + _I_ON + m.group(1) + _I_OFF + _B_OFF, s)
        s = _BOLD.sub(lambda m: _B_ON + m.group(1) + _B_OFF, s)
        s = _ITALIC.sub(lambda m: _I_ON + m.group(1) + _I_OFF, s)
    if "_" in s:
        s = _UNDER.sub(lambda m: _U_ON + m.group(1) + _U_OFF, s)
    runs: list[Run] = []
    depth = {BOLD: 0, ITALIC: 0, UNDERLINE: 0}
    style = 0
    for tok in _TOKEN.split(s):
        if not tok:
            continue
        c = tok[0]
        if len(tok) == 1 and "\x11" <= c <= "\x16":
            bit = {_B_ON: BOLD, _B_OFF: BOLD, _I_ON: ITALIC, _I_OFF: ITALIC,
                   _U_ON: UNDERLINE, _U_OFF: UNDERLINE}[c]
            depth[bit] += 1 if c in (_B_ON, _I_ON, _U_ON) else -1
            style = sum(b for b, d in depth.items() if d > 0)
        elif c == PLACEHOLDER:
            m = _PLACE.fullmatch(tok)
            idx = int(m.group(1)) if m else -1
            if 0 <= idx < len(regions):
                kind, content = regions[idx]
                runs.append(Run(content, 0, kind))
        else:
            runs.append(Run(_restore(tok), style))
    return normalize_text(runs)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

_MARK = {UNDERLINE: "_", BOLD: "**", ITALIC: "*"}
_ORDER = (UNDERLINE, BOLD, ITALIC)  # outermost first


def escape(s: str) -> str:
    """Escape characters that would otherwise start markup."""
    if not any(c in s for c in "\\*_[/"):
        return s
    s = s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    return s.replace("[[", "\\[[")


def _shift_space(runs: Text) -> list[Run]:
    """Take white space at the edges of each emphasised stretch out of the emphasis.

    Fountain cannot open emphasis before a space or close it after one, so
    ``*word *`` is written, and read back, as ``*word* ``.  Stretches are
    measured per style bit, over notes and boneyard, which carry no style.
    """
    chars: list[list] = []  # [char, style] for text; None marks a non-text run
    others: list[Run] = []
    for r in runs:
        if r.kind != TEXT:
            chars.append([None, len(others)])
            others.append(r)
        else:
            chars.extend([c, r.style] for c in r.text)
    ws = " \t\n"
    for bit in (BOLD, ITALIC, UNDERLINE):
        i, n = 0, len(chars)
        while i < n:
            if chars[i][0] is None or not chars[i][1] & bit:
                i += 1
                continue
            j = i
            while j < n and (chars[j][0] is None or chars[j][1] & bit):
                j += 1
            seg = [k for k in range(i, j) if chars[k][0] is not None]
            lo = 0
            while lo < len(seg) and chars[seg[lo]][0] in ws:
                chars[seg[lo]][1] &= ~bit
                lo += 1
            hi = len(seg) - 1
            while hi >= lo and chars[seg[hi]][0] in ws:
                chars[seg[hi]][1] &= ~bit
                hi -= 1
            i = j
    out: list[Run] = []
    for c, st in chars:
        if c is None:
            out.append(others[st])
        elif out and out[-1].kind == TEXT and out[-1].style == st:
            out[-1] = Run(out[-1].text + c, st)
        else:
            out.append(Run(c, st))
    return out


def note_body(text: str) -> str:
    """A note's text as written: an empty line inside it becomes two spaces (the spec's rule)."""
    if "\n" not in text:
        return text
    return "\n".join(ln if ln.strip() else "  " for ln in text.split("\n"))


def canonical_text(text: Text) -> Text:
    """The form of ``text`` that survives a Fountain round trip."""
    if all(r.kind != TEXT or not r.style for r in text):
        return normalize_text(text)
    return normalize_text(_shift_space(text))


def write_inline(text: Text) -> str:
    """Serialise runs back to Fountain inline markup."""
    parts: list[str] = []
    stack: list[int] = []  # open styles, outermost first
    for r in canonical_text(text):
        if r.kind != TEXT:
            # Notes and boneyard sit inside whatever emphasis is open.
            parts.append(f"[[{note_body(r.text)}]]" if r.kind == NOTE else f"/*{r.text}*/")
            continue
        want = r.style
        # Close styles no longer wanted (and anything opened inside them).
        while stack and any(not (want & b) for b in stack):
            keep = 0
            for i, b in enumerate(stack):
                if not (want & b):
                    keep = i
                    break
            while len(stack) > keep:
                parts.append(_MARK[stack.pop()])
        for b in _ORDER:
            if want & b and b not in stack:
                stack.append(b)
                parts.append(_MARK[b])
        e = escape(r.text)
        # A "/" next to an emphasis star would open or close a boneyard.
        if e.endswith("/"):
            e = e[:-1] + "\\/"
        if e.startswith("/"):
            e = "\\" + e
        parts.append(e)
    while stack:
        parts.append(_MARK[stack.pop()])
    return "".join(parts)
