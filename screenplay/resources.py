"""Where shipped resources (styles, fonts, schemas) are found, in a source tree or a wheel.

Paths are plain strings here (``style_path``, ``package_path``): every render
looks up its page profile, stylesheet and fonts, and pathlib would cost each
one-shot run a few milliseconds just to import.  ``style_file`` and
``package_file`` give the same places as Path objects for callers that want them.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache

TYPE_CHECKING = False  # typing and pathlib are for type checkers only here
if TYPE_CHECKING:
    from pathlib import Path

_HERE = os.path.dirname(os.path.realpath(__file__))


@lru_cache(maxsize=None)
def styles_path() -> str:
    """The ``styles/`` folder: page profiles (JSON), CSS and fonts.

    From a source checkout it is the repository's ``styles/``; from an installed
    wheel it is ``<prefix>/share/screenplay-toolchain/styles``.
    """
    candidates = [
        os.path.join(os.path.dirname(_HERE), "styles"),
        os.path.join(sys.prefix, "share", "screenplay-toolchain", "styles"),
        os.path.join(sys.base_prefix, "share", "screenplay-toolchain", "styles"),
    ]
    for c in candidates:
        if os.path.isdir(c):
            return c
    raise FileNotFoundError("styles folder not found (is the package installed completely?)")


def style_path(*parts: str) -> str:
    return os.path.join(styles_path(), *parts)


def package_path(*parts: str) -> str:
    """A data file shipped inside the ``screenplay`` package (schemas, say)."""
    return os.path.join(_HERE, *parts)


def styles_dir() -> "Path":
    from pathlib import Path
    return Path(styles_path())


def style_file(*parts: str) -> "Path":
    from pathlib import Path
    return Path(style_path(*parts))


def package_file(*parts: str) -> "Path":
    from pathlib import Path
    return Path(package_path(*parts))
