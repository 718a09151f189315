"""Replay every input that ever broke a reader or writer (issue 8).

Each file under tests/fixtures/fuzz/<reader>/ is one input found by hypothesis
or atheris (or written by hand to pin a limit).  The folder name says which door
it goes through; the test holds it to the same contract as the fuzzers
(tests/fuzz_contract.py).  A crash in code that another change owns is listed in
tests/fixtures/fuzz/xfail.json with its reason, and shows as xfail until fixed.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from screenplay.errors import InputError

from .conftest import FIXTURES
from .fuzz_contract import READERS, check_contract, write_everything

FUZZ = FIXTURES / "fuzz"
_XFAIL: dict[str, str] = json.loads((FUZZ / "xfail.json").read_text("utf-8")) \
    if (FUZZ / "xfail.json").exists() else {}


def _cases() -> list[Any]:
    out = []
    for d in sorted(p for p in FUZZ.iterdir() if p.is_dir()):
        for f in sorted(d.iterdir()):
            if not f.is_file() or f.name.startswith("."):
                continue
            rel = f"{d.name}/{f.name}"
            marks = [pytest.mark.xfail(strict=False, reason=_XFAIL[rel])] if rel in _XFAIL else []
            out.append(pytest.param(d.name, f, id=rel, marks=marks))
    return out


def test_every_fixture_folder_names_a_reader() -> None:
    known = set(READERS) | {"synopsis"}
    assert {p.name for p in FUZZ.iterdir() if p.is_dir()} <= known
    assert set(_XFAIL) <= {f"{p.parent.name}/{p.name}" for p in FUZZ.glob("*/*")}, \
        "xfail.json names a fixture that does not exist"


@pytest.mark.parametrize("reader,path", _cases())
def test_fuzz_finding_keeps_the_contract(reader: str, path: Path) -> None:
    data = path.read_bytes()
    if reader == "synopsis":
        from screenplay.textio import decode_text
        from toolchain.adapt import adapt_text, load_model
        try:
            doc = adapt_text(decode_text(data), load_model(), "Fuzz", path.name).doc
        except InputError:
            return
        write_everything(doc)
        return
    doc = check_contract(reader, data)
    if reader == "fountain" and doc is not None:
        # What we read from Fountain, our XML must hold and give back unchanged.
        from screenplay.xml_io import read_xml, write_xml
        try:
            xml = write_xml(doc)
        except InputError:
            return
        back = read_xml(xml)
        assert (back.title_page, back.body) == (doc.title_page, doc.body)
        # ... and so must our FDX (a boneyard inside a parenthetical once lost its brackets).
        from screenplay.fdx import read_fdx_bytes, write_fdx
        back = read_fdx_bytes(write_fdx(doc).encode("utf-8"))
        assert (back.title_page, back.body) == (doc.title_page, doc.body)
