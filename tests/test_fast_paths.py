"""The render path's shortcuts agree with the general code they stand in for.

Rendering Big Fish fast enough (issue 5's benchmark) added fast paths for the
common case: one-row paragraphs, one-style paragraphs, a hand-written HTML
escape, named-tuple laid lines, and a CLI that loads only the command it runs.
Each test here drives the fast path and the general path with the same input,
so a shortcut that drifts from the rule it replaces fails here rather than as
a changed page.
"""
from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenplay.html_writer import escape
from screenplay.layout import LaidLine
from screenplay.layout_blocks import _rows_of
from screenplay.layout_text import Flat, flatten, wrap
from screenplay.model import BOLD, ITALIC, NOTE, TEXT, Run

_TEXT = st.text(alphabet=st.sampled_from(list("ab -\n\t<>&\"'é")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
def test_escape_is_html_escape(s: str, quote: bool) -> None:
    assert escape(s, quote=quote) == html.escape(s, quote=quote)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -")), max_size=70),
       st.integers(1, 40), st.one_of(st.none(), st.integers(1, 45)))
def test_one_row_wrap_matches_the_general_wrap(s: str, width: int, first: int | None) -> None:
    # A trailing line break sends the text through the general loop, which
    # then adds one empty row for the empty last line.
    general = wrap(s + "\n", width, first)
    assert wrap(s, width, first) == general[:-1]
    assert general[-1] == (len(s) + 1, len(s) + 1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ")), min_size=1, max_size=60),
       st.data())
def test_one_span_cut_matches_the_span_search(s: str, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(s)))
    a = data.draw(st.integers(0, len(s)))
    b = data.draw(st.integers(0, len(s)))
    one = Flat(s, ((0, len(s), BOLD),))
    two = Flat(s, ((0, k, BOLD), (k, len(s), BOLD)))
    got, ref = one.cut(a, b, ITALIC), two.cut(a, b, ITALIC)
    assert "".join(r.text for r in got) == "".join(r.text for r in ref)
    assert all(r.style == BOLD | ITALIC and r.kind == TEXT for r in got + ref)


def _shape(rows: list) -> list:
    """Rows as (x, printed text, styles) per segment: what a page shows."""
    return [[(seg[0], "".join(r.text for r in seg[1]), {r.style for r in seg[1]}) + seg[2:]
             for seg in row] for row in rows]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc  -\n")), max_size=150),
       st.integers(5, 40), st.one_of(st.none(), st.floats(0.5, 3.0)),
       st.sampled_from(["left", "right", "center"]))
def test_one_style_rows_match_the_general_rows(s: str, width: int, first_left: float | None,
                                              align: str) -> None:
    one = Flat(s, ((0, len(s), ITALIC),) if s else ())
    k = len(s) // 2
    split = Flat(s, ((0, k, ITALIC), (k, len(s), ITALIC)) if s else ())  # takes the general path
    args = dict(align=align, first_width=width + 1, first_left=first_left, extra_style=BOLD)
    fast = _rows_of(one, 2.5, width, "dialogue", None, **args)
    slow = _rows_of(split, 2.5, width, "dialogue", None, **args)
    assert _shape(fast) == _shape(slow)


def test_flatten_of_one_run_matches_several() -> None:
    one = flatten((Run("Hello\tthere", BOLD),), caps=True)
    several = flatten((Run("Hello\t", BOLD), Run("note", 0, NOTE), Run("there", BOLD)),
                      caps=True)
    assert one == several == Flat("HELLO    THERE", ((0, 14, BOLD),))
    assert flatten((Run("x", 0, NOTE),)) == Flat("", ())


def test_laid_line_is_an_immutable_record() -> None:
    ln = LaidLine(3, 1.5, (Run("HELLO", 0),), "action", scene=2)
    assert (ln.row, ln.x, ln.kind, ln.scene, ln.source, ln.align, ln.column, ln.part) == \
        (3, 1.5, "action", 2, None, "left", None, None)
    assert ln.text == "HELLO" and ln.x_end == pytest.approx(2.0)
    assert ln == LaidLine(3, 1.5, (Run("HELLO", 0),), "action", 2)
    assert hash(ln) == hash(LaidLine(3, 1.5, (Run("HELLO", 0),), "action", 2))
    with pytest.raises(AttributeError):
        ln.row = 4  # type: ignore[misc]
    assert ln._replace(row=4).row == 4 and ln.row == 3


def test_cli_loads_only_the_command_it_runs() -> None:
    from toolchain.cli import COMMAND_MODULES, _modules_for
    assert _modules_for(["render", "x.fountain", "--html", "x.html"]) == ["cmd_render"]
    assert _modules_for(["-q", "check", "x.fountain"]) == ["cmd_check"]
    # Help, completion, the version and unknown commands need every command listed.
    for argv in ([], ["--help"], ["--version"], ["rendr", "x"]):
        assert _modules_for(argv) is None
    assert set(COMMAND_MODULES) >= {"convert", "check", "render", "report", "build"}


def test_cli_app_attribute_has_every_command() -> None:
    import toolchain.cli as cli
    names = {c.name or c.callback.__name__ for c in cli.app.registered_commands}
    assert names >= set(cli.COMMAND_MODULES)
