"""Hostile XML is refused or bounded: never resolved over the network, never allowed to eat memory.

Each refusal must be one line through InputError (exit 2 from the CLI), with no traceback.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screenplay.errors import InputError
from screenplay.fdx import read_fdx_bytes
from screenplay.formats import read_document
from screenplay.textio import MAX_INPUT_BYTES
from screenplay.xml_io import parse_xml_bytes, read_xml_bytes
from toolchain.cli import app

from .conftest import FIXTURES

HERE = FIXTURES / "xml"
runner = CliRunner()


def _one_line_error(args: list[str]) -> str:
    r = runner.invoke(app, args)
    assert r.exit_code == 2, r.output
    err = r.stderr.strip()
    assert "Traceback" not in r.output and "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


def test_external_entity_is_not_resolved() -> None:
    data = (HERE / "xxe.xml").read_bytes()
    with pytest.raises(InputError) as e:
        read_xml_bytes(data, "xxe.xml")
    assert "DOCTYPE" in str(e.value)
    assert "root:" not in str(e.value)  # /etc/passwd content never appears


def test_external_entity_refused_even_past_the_quick_scan() -> None:
    """A DOCTYPE pushed beyond the first 64 KB by a comment is still refused, unexpanded."""
    pad = b"<!--" + b"x" * 70000 + b"-->\n"
    data = (HERE / "xxe.xml").read_bytes().replace(b"<!DOCTYPE", pad + b"<!DOCTYPE", 1)
    with pytest.raises(InputError) as e:
        parse_xml_bytes(data)
    assert "root:" not in str(e.value)


def test_billion_laughs_is_refused_quickly() -> None:
    data = (HERE / "billion-laughs.xml").read_bytes()
    t = time.perf_counter()
    with pytest.raises(InputError):
        read_fdx_bytes(data, "billion-laughs.xml")
    # Same attack with the DOCTYPE hidden after 64 KB: libxml2 still bounds it.
    pad = b"<!--" + b"x" * 70000 + b"-->\n"
    with pytest.raises(InputError):
        parse_xml_bytes(data.replace(b"<!DOCTYPE", pad + b"<!DOCTYPE", 1))
    assert time.perf_counter() - t < 2.0


def test_external_dtd_over_the_network_is_refused() -> None:
    with pytest.raises(InputError) as e:
        read_fdx_bytes((HERE / "external-dtd.fdx").read_bytes())
    assert "DOCTYPE" in str(e.value)


def test_100_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.xml"
    with open(big, "wb") as f:  # sparse: costs no disk and no time
        f.write(b"<screenplay>")
        f.truncate(100 * 1024 * 1024)
    t = time.perf_counter()
    with pytest.raises(InputError) as e:
        read_document(big)
    assert "limit" in str(e.value)
    assert time.perf_counter() - t < 1.0
    err = _one_line_error(["check", str(big)])
    assert "limit" in err
    fdx = tmp_path / "huge.fdx"
    os.link(big, fdx)
    assert "limit" in _one_line_error(["convert", str(fdx), "--to", "fountain", "-o", "-"])


def test_oversized_bytes_refused_by_the_parser_itself() -> None:
    with pytest.raises(InputError):
        parse_xml_bytes(b"<a>" + b" " * (MAX_INPUT_BYTES + 1) + b"</a>")


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_cli_refuses_hostile_xml_in_one_line(name: str, tmp_path: Path) -> None:
    _one_line_error(["check", str(HERE / name)])
    _one_line_error(["convert", str(HERE / name), "--from", "xml", "--to", "fountain",
                     "-o", str(tmp_path / "out.fountain")])
    assert not (tmp_path / "out.fountain").exists()


@pytest.mark.parametrize("data,expect", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"<screenplay><body>", "well-formed"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "well-formed"),
    (b"<?xml version='1.0' encoding='UTF-16'?><a/>", "XML"),
    (b"<html><body/></html>", "not screenplay XML"),
])
def test_malformed_xml_is_one_clear_error(data: bytes, expect: str) -> None:
    with pytest.raises(InputError) as e:
        read_xml_bytes(data, "bad.xml")
    assert expect in str(e.value)


def test_malformed_fdx_names_its_line() -> None:
    with pytest.raises(InputError) as e:
        read_fdx_bytes(b"<FinalDraft>\n<Content>\n<Paragraph>\n</Content>", "x.fdx")
    assert e.value.line == 4


def test_fdx_with_wrong_root_is_refused() -> None:
    with pytest.raises(InputError) as e:
        read_fdx_bytes(b"<screenplay/>")
    assert "FinalDraft" in str(e.value)


def test_writers_refuse_control_characters_in_one_line() -> None:
    from screenplay import model as m
    from screenplay.fdx import write_fdx
    from screenplay.xml_io import write_xml
    doc = m.Document(body=[m.Action(m.text_of("bell \x07 here"))])
    for write in (write_xml, write_fdx):
        with pytest.raises(InputError) as e:
            write(doc)
        assert "control characters" in str(e.value)
