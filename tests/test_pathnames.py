"""``screenplay.pathnames`` agrees with pathlib on every name shape."""
from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screenplay.pathnames import stem, suffix

SHAPES = ["a.fountain", "dir/a.b.fountain", ".hidden", "a.", "a..", "x/.f", "..", ".", "",
          "a/b/", "a.b/", "/", "/x.y", "..z", "a.b.", "a/./", "./a.x/.", "a//b.c", "draft.FDX"]


@pytest.mark.parametrize("name", SHAPES)
def test_known_shapes(name):
    p = PurePosixPath(name)
    assert (suffix(name), stem(name)) == (p.suffix, p.stem)


@given(st.text(alphabet="ab./ ", max_size=12))
def test_any_name(name):
    p = PurePosixPath(name)
    assert (suffix(name), stem(name)) == (p.suffix, p.stem)
