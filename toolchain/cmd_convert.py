"""``screenplay convert``: any input format to any text output format, via the model."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from screenplay.formats import READERS, WRITERS, format_for, read_document
from screenplay.textio import write_atomic

from .app import Refused, app, guarded, stdout_write


@app.command(epilog="""Examples:

  screenplay convert draft.fountain --to json -o draft.json

  screenplay convert draft.fountain --to fountain -o -    (canonical Fountain to stdout)

  screenplay convert received.pdf --to fountain -o received.fountain    (import a PDF)
""")
def convert(
    file: Path = typer.Argument(..., help="Input file (.fountain, .json, .xml, .fdx, .pdf)."),
    to: str = typer.Option(..., "--to", "-t", help="Output format: " + ", ".join(sorted(WRITERS))),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Output file, or '-' for standard output."),
    from_: Optional[str] = typer.Option(None, "--from", "-f",
                                        help="Input format (default: by file extension)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the input file itself."),
    password: Optional[str] = typer.Option(
        None, "--password", help="Password of an encrypted PDF input (or set "
        "SCREENPLAY_PDF_PASSWORD; other commands read only that)."),
    ocr: bool = typer.Option(False, "--ocr", help="Read a scanned PDF (no text layer) with "
                             "tesseract OCR, deskewed; about 2 s a page."),
) -> None:
    """Convert a screenplay between formats through the document model."""

    def work() -> None:
        fmt_out = to.lower()
        if fmt_out not in WRITERS:
            raise Refused(f"unknown output format '{to}' (known: {', '.join(sorted(WRITERS))})", 2)
        fmt_in = (from_ or format_for(file)).lower()
        if fmt_in not in READERS:
            raise Refused(f"unknown input format '{fmt_in}' (known: {', '.join(sorted(READERS))})", 2)
        if password is not None or ocr:
            import screenplay.pdf_reader as pdf_reader
            pdf_reader.PASSWORD = password
            pdf_reader.OCR = ocr
        doc = read_document(file, fmt_in)
        data = WRITERS[fmt_out](doc)
        dest = output or str(file.with_suffix("." + fmt_out))
        if dest == "-":
            stdout_write(data)
            return
        if Path(dest).resolve() == file.resolve() and not force:
            raise Refused(f"{dest}: would overwrite the input file; pass --force to do that, "
                          "or choose another -o", 1)
        write_atomic(dest, data)

    guarded(work)
