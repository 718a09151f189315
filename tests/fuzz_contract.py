"""The robustness contract every input path is fuzzed against, in one place.

Shared by the hypothesis tests (tests/test_fuzz_*.py) and the atheris
harnesses (fuzz/*.py) so that both hold the code to the same rule: whatever
the input, a reader either returns a Document or raises InputError, and every
writer handles whatever a reader accepted, again raising nothing but
InputError.  Nothing here imports atheris or hypothesis.
"""
from __future__ import annotations

from typing import Callable

from screenplay.errors import InputError
from screenplay.model import Document

#: reader name -> (bytes -> Document).  Each goes through the same door the CLI uses.
READERS: dict[str, Callable[[bytes], Document]] = {}


def _fountain(data: bytes) -> Document:
    from screenplay.fountain_reader import read_fountain_bytes
    return read_fountain_bytes(data, "fuzz.fountain")


def _xml(data: bytes) -> Document:
    from screenplay.xml_io import read_xml_bytes
    return read_xml_bytes(data, "fuzz.xml")


def _fdx(data: bytes) -> Document:
    from screenplay.fdx import read_fdx_bytes
    return read_fdx_bytes(data, "fuzz.fdx")


def _json(data: bytes) -> Document:
    from screenplay.json_io import read_json
    from screenplay.textio import decode_text
    return read_json(decode_text(data, "fuzz.json"))


READERS.update(fountain=_fountain, xml=_xml, fdx=_fdx, json=_json)


def read_or_refuse(reader: str, data: bytes) -> Document | None:
    """Run one reader; ``None`` when it refused the input with an InputError."""
    try:
        return READERS[reader](data)
    except InputError as e:
        # The refusal must be one line: the CLI prints it as is.
        assert "\n" not in str(e), f"multi-line InputError: {str(e)!r}"
        return None


def write_everything(doc: Document, *, pdf: bool = True) -> dict[str, str | bytes]:
    """Send a document through every writer; return what each produced.

    A writer may refuse the document with InputError (XML cannot hold control
    characters, for instance); any other exception propagates to the caller,
    which is the fuzzer's finding.  Our own XML, FDX, JSON and Fountain output
    is read back too, since a file we wrote is an input the next run reads.
    """
    from screenplay.fdx import read_fdx_bytes, write_fdx
    from screenplay.fountain_reader import parse_fountain
    from screenplay.fountain_writer import write_fountain
    from screenplay.html_writer import render_html
    from screenplay.json_io import read_json, write_json
    from screenplay.layout import paginate
    from screenplay.xml_io import read_xml_bytes, write_xml

    out: dict[str, str | bytes] = {}

    def attempt(name: str, fn: Callable[[], str | bytes]) -> None:
        try:
            out[name] = fn()
        except InputError as e:
            assert "\n" not in str(e), f"multi-line InputError from {name}: {str(e)!r}"

    attempt("fountain", lambda: write_fountain(doc))
    attempt("json", lambda: write_json(doc))
    attempt("xml", lambda: write_xml(doc))
    attempt("fdx", lambda: write_fdx(doc))
    layout = None
    try:
        layout = paginate(doc)
    except InputError:
        pass
    attempt("html", lambda: render_html(doc, embed_fonts=False, layout=layout))
    if pdf and layout is not None:
        from screenplay.pdf_writer import render_layout
        attempt("pdf", lambda: render_layout(doc, layout, warn=lambda _m: None))
    # Read back what we wrote: only InputError may come out.
    for name, back in (("fountain", lambda s: parse_fountain(s)),
                       ("json", lambda s: read_json(s)),
                       ("xml", lambda s: read_xml_bytes(s.encode("utf-8"))),
                       ("fdx", lambda s: read_fdx_bytes(s.encode("utf-8")))):
        if name in out:
            try:
                back(out[name])
            except InputError:
                pass
    return out


def check_contract(reader: str, data: bytes, *, pdf: bool = True) -> Document | None:
    """The whole contract for one input: read, and if accepted, write everywhere."""
    doc = read_or_refuse(reader, data)
    if doc is not None:
        write_everything(doc, pdf=pdf)
    return doc
