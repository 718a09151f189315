"""The incremental reader gives exactly the reader's document, line for line.

Compared over the corpus, Big Fish, a synthetic script, and sequences of random
edits (typing, new lines, deleted stretches, Fountain's own markers) applied to
one reader in turn, the way an editor's keystrokes arrive.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from toolchain.lsp.incremental import MIN_CHARS, IncrementalReader

from .conftest import ROOT, corpus_params


def _synth(pages: int) -> str:
    import sys
    sys.path.insert(0, str(ROOT))
    from bench.synth import synth_fountain
    return synth_fountain(pages)


def deep(doc) -> list:  # type: ignore[no-untyped-def]
    """Everything a document holds, source lines included (equality leaves them out)."""
    out: list = [("title", f.key, f.values, f.lines) for f in doc.title_page]
    for el in doc.body:
        out.append((repr(el), el.lines))
        if hasattr(el, "character"):
            out.append((el.character.lines, [(repr(p), p.lines) for p in el.parts]))
    out.append([(d.line, d.rule, d.message, d.severity) for d in doc.diagnostics])
    return out


def same_as_reader(reader: IncrementalReader, text: str) -> None:
    try:
        expected = parse_fountain(text)
    except InputError as e:
        with pytest.raises(InputError) as got:
            reader(text)
        assert (got.value.message, got.value.line) == (e.message, e.line)
        return
    assert deep(reader(text)) == deep(expected)


@pytest.mark.parametrize("path", corpus_params())
def test_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    reader = IncrementalReader()
    same_as_reader(reader, text)
    same_as_reader(reader, text * 3)  # long enough to be read in pieces
    same_as_reader(reader, "\ufeff" + (text * 3).replace("\n", "\r\n"))  # BOM, CRLF
    same_as_reader(reader, (text * 3).replace("\n\n", "\n\x0c", 5))  # form feeds


def test_a_keystroke_reads_one_piece() -> None:
    text = _synth(40)
    assert len(text) > MIN_CHARS
    reader = IncrementalReader()
    same_as_reader(reader, text)
    pieces = reader.read
    assert pieces > 20
    mid = len(text) // 2
    typed = text[:mid] + "x" + text[mid:]
    same_as_reader(reader, typed)
    assert (reader.read, reader.moved) == (1, 0) and reader.reused == pieces - 1
    enter = typed[:mid] + "\n\nNew action.\n" + typed[mid:]
    same_as_reader(reader, enter)
    assert reader.read <= 2 and reader.moved > 0  # later pieces only had their lines moved


def test_big_fish_edits() -> None:
    p = ROOT.parent / "shared" / "corpus" / "fountain" / "spec-samples" / "Big-Fish.fountain"
    if not p.exists():
        pytest.skip("../shared is not beside the project (Big Fish missing)")
    text = p.read_text(encoding="utf-8")
    reader = IncrementalReader()
    same_as_reader(reader, text)
    for at in range(1000, len(text), len(text) // 7):
        text = text[:at] + "\n\nINT. NEW PLACE - DAY\n\nSomething.\n" + text[at:]
        same_as_reader(reader, text)


_snippets = st.sampled_from([
    "x", "\n", "\n\n", "\n\nINT. HALL - NIGHT\n\n", "\n\nEXT. YARD\n", "[[note", "]]",
    "/*", "*/", "\n\nBOB\n", "(quietly)\n", "^", "@", "# Act\n", "= syn\n", "> CUT TO:\n",
    "  \n", "\t", "é🐟", "Title: X\n", "\x01", "\r\n", "\r", "\x0c", "INT. ", ".FORCED\n",
    "~la\n", "==="])


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), _snippets), min_size=1,
                max_size=8))
def test_random_edit_sequences(edits: list[tuple[float, int, str]]) -> None:
    text = _BASE
    assert len(text) > MIN_CHARS  # read in pieces
    reader = IncrementalReader()
    same_as_reader(reader, text)
    for where, cut, snippet in edits:
        at = int(where * len(text))
        text = text[:at] + snippet + text[at + cut:]
        same_as_reader(reader, text)


_BASE = _synth(16)
