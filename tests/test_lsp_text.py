"""The language server's pure parts: UTF-16 columns, the formatting edit, moved findings,
and the document index on awkward text (CRLF, BOM, no scenes)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenplay.model import Diagnostic
from toolchain.lsp.diagnostics import check_findings, shift
from toolchain.lsp.index import DocumentIndex
from toolchain.lsp.text import from_u16, split_lines, to_u16, u16len

pytest.importorskip("lsprotocol", reason="the lsp extra (pygls, lsprotocol) is not installed")

from toolchain.lsp.server import minimal_edit  # noqa: E402

#: Lines mixing ASCII, accents, CJK and characters beyond the BMP.
line_text = st.text(alphabet=st.sampled_from(list("ab Z.-é漢🐟😀\t")), max_size=30)


def test_utf16_units() -> None:
    assert u16len("abc") == 3 and u16len("é") == 1 and u16len("🐟") == 2
    assert to_u16("a🐟b", 2) == 3 and from_u16("a🐟b", 3) == 2
    assert from_u16("a🐟b", 2) == 1  # inside the surrogate pair: the character's start
    assert from_u16("ab", 99) == 2 and from_u16("ab", -1) == 0
    assert u16len("x\udc00") == 2  # a lone surrogate counts one unit, never raises


@settings(derandomize=True, max_examples=200)
@given(line_text, st.integers(min_value=0, max_value=40))
def test_utf16_round_trip(line: str, col: int) -> None:
    col = min(col, len(line))
    assert from_u16(line, to_u16(line, col)) == col


def test_split_lines_counts_like_lsp() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\n") == ["a", ""]


def _apply(old: str, new: str) -> str:
    ix = DocumentIndex(old)
    out = old
    for e in minimal_edit(ix, new):
        lines = ix.lines

        def offset(line: int, col16: int) -> int:
            return sum(len(x) + 1 for x in lines[:line]) + from_u16(lines[line], col16)
        a = offset(e.range.start.line, e.range.start.character)
        b = offset(e.range.end.line, e.range.end.character)
        out = out[:a] + e.new_text + out[b:]
    return out


@settings(derandomize=True, max_examples=300)
@given(st.lists(line_text, max_size=8), st.lists(line_text, max_size=8))
def test_minimal_edit_turns_old_into_new(a: list[str], b: list[str]) -> None:
    old, new = "\n".join(a), "\n".join(b)
    assert _apply(old, new) == new
    assert _apply(old + "\n", new + "\n") == new + "\n"


def test_minimal_edit_touches_only_what_changed() -> None:
    old = "A\nB\n\n\nC\nD\n"
    edits = minimal_edit(DocumentIndex(old), "A\nB\n\nC\nD\n")
    assert len(edits) == 1 and edits[0].range.start.line >= 2 and edits[0].range.end.line <= 4


def test_shift_moves_findings_with_an_edit() -> None:
    found = [Diagnostic(1, "a", "r"), Diagnostic(5, "b", "r"), Diagnostic(10, "c", "r")]
    # Two lines inserted at 0-based line 2 (a change of lines 2..2 with two line breaks).
    moved = shift(found, 2, 2, 2)
    assert [d.line for d in moved] == [1, 7, 12]
    # Lines 3..6 (0-based) replaced by one line: line 5 (inside) goes to the edit's start.
    moved = shift(found, 3, 6, 0)
    assert [d.line for d in moved] == [1, 4, 7]


def test_index_on_crlf_bom_and_scriptless_text() -> None:
    ix = DocumentIndex("\ufeffINT. A - DAY\r\n\r\nBOB\r\nHi.\r\n")
    assert ix.doc is not None and [s.line for s in ix.scenes] == [0]
    assert ix.characters["BOB"].cues[0].line == 2
    empty = DocumentIndex("")
    assert empty.doc is not None and empty.scenes == [] and check_findings(empty) == []
    bad = DocumentIndex("\x00" * 10)
    f = check_findings(bad)
    assert len(f) == 1 and f[0].severity == "error" and f[0].rule == "unreadable"
