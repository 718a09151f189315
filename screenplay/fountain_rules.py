"""Fountain's line rules: what a line is on its own (heading, transition, cue, ...).

Shared by the reader, which classifies lines with them, and the writer, which must
know what a line it writes would be misread as (and force it where needed).
Kept apart from both so that neither reaches into the other's private parts.
"""
from __future__ import annotations

import re

from .inline import PLACEHOLDER

#: The spec's heading prefixes, plus the Russian ИНТ./НАТ. (интерьер/натура) that
#: Cyrillic scripts use; the ideographic full stop is accepted after the prefix.
HEADING_RE = re.compile(
    r"^(?:INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT|EXT|EST|I\s*/\s*E|E\s*/\s*I"
    r"|\u0418\u041d\u0422\.?\s*/\s*\u041d\u0410\u0422|\u0418\u041d\u0422|\u041d\u0410\u0422|\u042d\u041a\u0421\u0422)"
    r"(?:[.\u3002]|\s)",
    re.IGNORECASE,
)
SCENE_NUMBER_RE = re.compile(r"\s*#([A-Za-z0-9][A-Za-z0-9.\-]*)#\s*$")
TRANSITION_RE = re.compile(r"^[^a-z]*TO:$")
PAGE_BREAK_RE = re.compile(r"^={3,}$")
CUE_RE = re.compile(r"^(?P<name>.*?)(?P<ext>(?:\s*[(\uff08][^()\uff08\uff09]*[)\uff09])*)\s*(?P<dual>\^)?\s*$")
EXT_RE = re.compile(r"[(\uff08]([^()\uff08\uff09]*)[)\uff09]")
PLACE_RE = re.compile("\x00\\d+\x00")
TITLE_KEY_RE = re.compile(
    r"^(?P<key>[^\s:\uff1a\\!@#.>~=\[(\x00][^:\uff1a\x00]{0,40}?)\s*[:\uff1a]\s*(?P<value>.*)$")
FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: The characters FORBIDDEN_RE matches, one by one: a substring test per character
#: (memchr in C) checks a whole script many times faster than one regex search.
FORBIDDEN_CHARS = tuple(map(chr, (*range(9), 11, *range(14, 32), 127)))


def strip_placeholders(s: str) -> str:
    return PLACE_RE.sub("", s) if PLACEHOLDER in s else s


def is_heading(line: str) -> bool:
    """An un-forced scene heading (``INT. ...``) on a stripped line."""
    return bool(HEADING_RE.match(line))


def is_forced_heading(line: str) -> bool:
    """``.HEADING``: one leading dot then a letter or digit (``...`` is action)."""
    return len(line) > 1 and line[0] == "." and line[1].isalnum()


def is_transition(line: str) -> bool:
    """An un-forced transition: upper case, ending in ``TO:``."""
    return line.endswith("TO:") and bool(TRANSITION_RE.match(line)) and \
        not line.startswith(("!", "@", "~", "=", "#", ">", "."))


def cue_name_ok(name: str) -> bool:
    """A cue name: some letter, no lower-case letter, no forcing character first."""
    if not name or name[0] in "!@#=~>.[(\\" or name.startswith("/*"):
        return False
    if name.upper() != name and any(c.islower() for c in name):
        return False
    if name.lower() != name:  # has an upper-case letter, so has a letter
        return True
    return any(c.isalpha() for c in name)  # caseless scripts (Japanese, say)


def looks_like_cue(line: str) -> bool:
    """Would this stripped line be read as a character cue if text followed it?"""
    s = strip_placeholders(line).strip() if PLACEHOLDER in line else line.strip()
    if not s:
        return False
    head = s.split("(", 1)[0]
    if head.upper() != head and any(c.islower() for c in head):  # quick no for most action
        return False
    if is_heading(s) or is_transition(s) or PAGE_BREAK_RE.match(s):
        return False
    m = CUE_RE.match(s)
    return m is not None and cue_name_ok(m.group("name").strip())


def line_kind(line: str) -> str:
    """The kind a stripped line has on its own, whatever paragraph it stands in.

    One of ``pagebreak``, ``section``, ``synopsis``, ``centered``, ``transition``
    (forced), ``heading`` (forced), ``lyric``, ``forced_action`` or ``action``.
    """
    if not line:
        return "action"
    c = line[0]
    if c == "=":
        return "pagebreak" if PAGE_BREAK_RE.match(line) else "synopsis"
    if c == "#":
        return "section"
    if c == ">":
        return "centered" if line.endswith("<") and len(line) > 1 else "transition"
    if c == "." and is_forced_heading(line):
        return "heading"
    if c == "~":
        return "lyric"
    if c == "!":
        return "forced_action"
    return "action"


def clean_scene_number(number: str | None) -> str | None:
    """A scene number from another format, fit for one heading line (None if empty).

    White space runs (a newline above all, which would start a new line and so a
    new element in Fountain) become one space; what is left is trimmed.
    """
    if number is None:
        return None
    return " ".join(number.split()) or None
