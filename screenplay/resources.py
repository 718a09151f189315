"""Where shipped resources (styles, fonts, schemas) are found, in a source tree or a wheel."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def styles_dir() -> Path:
    """The ``styles/`` folder: page profiles (JSON), CSS and fonts.

    From a source checkout it is the repository's ``styles/``; from an installed
    wheel it is ``<prefix>/share/screenplay-toolchain/styles``.
    """
    candidates = [
        _HERE.parent / "styles",
        Path(sys.prefix) / "share" / "screenplay-toolchain" / "styles",
        Path(sys.base_prefix) / "share" / "screenplay-toolchain" / "styles",
    ]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("styles folder not found (is the package installed completely?)")


def style_file(*parts: str) -> Path:
    return styles_dir().joinpath(*parts)


def package_file(*parts: str) -> Path:
    """A data file shipped inside the ``screenplay`` package (schemas, say)."""
    return _HERE.joinpath(*parts)
