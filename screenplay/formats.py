"""Registry of readers and writers by format name and file extension.

The CLI asks this module, never a particular reader, so a new format is one
entry here.  Text formats write ``str``; binary formats (PDF) write ``bytes``.
"""
from __future__ import annotations

import os

from .errors import InputError
from .model import Document
from .pathnames import suffix
from .textio import decode_text, display_name, read_bytes

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Callable

    Reader = Callable[[bytes, "str | None"], Document]
    Writer = Callable[[Document], "str | bytes"]


def _fountain_reader(data: bytes, source: str | None) -> Document:
    from .fountain_reader import parse_fountain
    return parse_fountain(decode_text(data, source))


def _json_reader(data: bytes, source: str | None) -> Document:
    from .json_io import read_json
    return read_json(decode_text(data, source))


def _fountain_writer(doc: Document) -> str:
    from .fountain_writer import write_fountain
    return write_fountain(doc)


def _json_writer(doc: Document) -> str:
    from .json_io import write_json
    return write_json(doc)


#: format name -> reader taking the file's bytes and its name (for messages)
READERS: dict[str, Reader] = {"fountain": _fountain_reader, "json": _json_reader}
#: format name -> writer
WRITERS: dict[str, Writer] = {"fountain": _fountain_writer, "json": _json_writer}
#: file extension -> format name
EXTENSIONS: dict[str, str] = {
    ".fountain": "fountain", ".spmd": "fountain", ".txt": "fountain", ".json": "json",
}


def register_reader(name: str, reader: Reader, *extensions: str) -> None:
    READERS[name] = reader
    for ext in extensions:
        EXTENSIONS[ext] = name


def register_writer(name: str, writer: Writer) -> None:
    WRITERS[name] = writer


def format_for(path: str | os.PathLike, default: str = "fountain") -> str:
    return EXTENSIONS.get(suffix(path).lower(), default)


def read_document(path: str | os.PathLike, fmt: str | None = None) -> Document:
    """Read any supported input file into the document model."""
    fmt = fmt or format_for(path)
    if fmt not in READERS:
        raise InputError(f"unknown input format '{fmt}' (known: {', '.join(sorted(READERS))})",
                         source=display_name(path))
    data = read_bytes(path)
    name = display_name(path)
    if fmt != "pdf" and sniff_format(data) == "pdf":
        fmt = "pdf"  # a PDF by its magic, whatever its name: never "looks like a binary file"
    try:
        return READERS[fmt](data, name)
    except InputError as e:
        if e.source is None:
            e.source = name
        raise


# -- screenplay XML and Final Draft FDX (issue 3) ------------------------------
def _xml_reader(data: bytes, source: str | None) -> Document:
    from .xml_io import read_xml_bytes
    return read_xml_bytes(data, source)


def _xml_writer(doc: Document) -> str:
    from .xml_io import write_xml
    return write_xml(doc)


def _fdx_reader(data: bytes, source: str | None) -> Document:
    from .fdx import read_fdx_bytes
    doc = read_fdx_bytes(data, source)
    if b"RevisionID" in data:  # Final Draft's revision marks (production drafts)
        from .fdx_production import read_production
        doc = read_production(data, doc)
    return doc


def _fdx_writer(doc: Document) -> str:
    from .fdx import write_fdx
    text = write_fdx(doc)
    if "screenplay-" in text:  # a lock or revision state: Final Draft's marks and pages too
        from .fdx_production import add_production
        text = add_production(text, doc)
    return text


register_reader("xml", _xml_reader, ".xml")
register_writer("xml", _xml_writer)
register_reader("fdx", _fdx_reader, ".fdx")
register_writer("fdx", _fdx_writer)


# -- screenplay PDFs (issue 14) ---------------------------------------------------
#: Called with (pages read, pages) while a PDF is read: the command line's progress bar.
PDF_PROGRESS: Callable[[int, int], None] | None = None


def _pdf_reader(data: bytes, source: str | None) -> Document:
    from .pdf_reader import read_pdf_bytes
    return read_pdf_bytes(data, source, progress=PDF_PROGRESS)


register_reader("pdf", _pdf_reader, ".pdf")


def sniff_format(data: bytes) -> str | None:
    """A format known from the file's first bytes, whatever its name says (``%PDF-``)."""
    from .textio import is_pdf
    return "pdf" if is_pdf(data) else None
