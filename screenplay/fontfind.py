"""Finding a system font for a character the bundled fonts cannot draw (fontconfig).

Courier Prime covers Latin, DejaVu Sans Mono adds Greek and Cyrillic; a Japanese,
Arabic or Devanagari script needs a font the system has.  ``fc-list
:charset=<hex>`` names the installed fonts holding a character; monospaced
ones are preferred, and only TrueType outlines (``.ttf``, ``.ttc``) are
returned, which is what reportlab can embed as a subset.  Without fontconfig
(``fc-list`` missing) nothing is found and the caller falls back to its
replacement character, with a warning.
"""
from __future__ import annotations

import shutil
import subprocess
import unicodedata

_EMBEDDABLE = (".ttf", ".ttc")
_CACHE: dict[tuple[str, str], list[tuple[str, int]]] = {}


def _list(pattern: str, fc_list: str) -> list[tuple[str, int]]:
    key = (pattern, fc_list)
    if key in _CACHE:
        return _CACHE[key]
    try:
        out = subprocess.run([fc_list, pattern, "file", "index"], capture_output=True,
                             text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    found: list[tuple[str, int]] = []
    for line in out.splitlines():
        path, _, rest = line.partition(": ")
        path = path.rstrip(":")
        if not path.lower().endswith(_EMBEDDABLE):
            continue
        index = 0
        if "index=" in rest:
            try:
                index = int(rest.split("index=")[1].split(":")[0])
            except ValueError:
                index = 0
        found.append((path, index))
    found.sort()      # deterministic: fc-list's order depends on its cache
    _CACHE[key] = found
    return found


def fonts_for(ch: str) -> list[tuple[str, int]]:
    """Installed TrueType fonts (path, face index) that have ``ch``: monospaced first."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    code = f"{ord(ch):x}"
    mono = _list(f":charset={code}:spacing=mono", fc_list)
    rest = [f for f in _list(f":charset={code}", fc_list) if f not in mono]
    return mono + rest


def columns(ch: str) -> int:
    """Grid columns a character takes: two for East Asian wide and full-width forms."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


__all__ = ["columns", "fonts_for"]
