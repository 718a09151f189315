"""File-name arithmetic on plain strings, with pathlib's rules.

``pathlib`` costs a one-shot render several milliseconds to import (it brings
``urllib.parse`` and more), and the render path only ever needs a name's
suffix and stem.  These follow ``PurePath.suffix`` and ``PurePath.stem``
exactly, so output names do not depend on which path a command took.
"""
from __future__ import annotations

import os


def _name(path: str | os.PathLike[str]) -> str:
    """The last component, as pathlib sees it: empty and ``.`` parts do not count."""
    s = os.fspath(path)
    if os.altsep:
        s = s.replace(os.altsep, os.sep)
    parts = [p for p in s.split(os.sep) if p and p != "."]
    return parts[-1] if parts else ""


def suffix(path: str | os.PathLike[str]) -> str:
    """The last dot-suffix of the file name (``".fountain"``), or ``""`` (as PurePath.suffix)."""
    name = _name(path)
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def stem(path: str | os.PathLike[str]) -> str:
    """The file name without its last suffix (as PurePath.stem)."""
    name = _name(path)
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name
