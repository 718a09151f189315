"""``screenplay convert``: any input format to any text output format, via the model."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from screenplay.formats import EXTENSIONS, READERS, WRITERS, format_for, read_document

from .app import app, guarded
from .outputs import check_output, write_output
from .runner import done, unknown


def _input_formats() -> str:
    """Every input format with its extensions, for --help: ``fountain (.fountain, .spmd, .txt)``."""
    return ", ".join(f"{name} ({', '.join(sorted(e for e, n in EXTENSIONS.items() if n == name))})"
                     for name in sorted(READERS))


_HELP = ("Convert a screenplay between formats through the document model.\n\n"
         f"Reads {_input_formats()}; writes {', '.join(sorted(WRITERS))}. Without -o the "
         "output goes beside the input (to standard output for input '-').")


@app.command(help=_HELP, epilog="""Examples:

  screenplay convert draft.fountain --to json -o draft.json

  screenplay convert draft.fountain --to fountain -o -    (canonical Fountain to stdout)

  screenplay convert received.pdf --to fountain -o received.fountain    (import a PDF)
""")
def convert(
    file: Path = typer.Argument(..., help="Input file, or '-' for standard input. Reads "
                                          + _input_formats() + "."),
    to: str = typer.Option(..., "--to", "-t", help="Output format: " + ", ".join(sorted(WRITERS))),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Output file, or '-' for standard output."),
    from_: Optional[str] = typer.Option(None, "--from", "-f",
                                        help="Input format (default: by file extension; "
                                             "Fountain for '-'): " + ", ".join(sorted(READERS))),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing output that is not of the output's kind."),
    password: Optional[str] = typer.Option(
        None, "--password", help="Password of an encrypted PDF input (or set "
        "SCREENPLAY_PDF_PASSWORD; other commands read only that)."),
    ocr: bool = typer.Option(False, "--ocr", help="Read a scanned PDF (no text layer) with "
                             "tesseract OCR, deskewed; about 2 s a page."),
) -> None:
    """Convert a screenplay between formats through the document model (help: _HELP)."""

    def work() -> None:
        fmt_out = to.lower()
        if fmt_out not in WRITERS:
            raise unknown("output format", to, sorted(WRITERS))
        fmt_in = (from_ or format_for(file)).lower()
        if fmt_in not in READERS:
            raise unknown("input format", fmt_in, sorted(READERS))
        dest = output or ("-" if str(file) == "-" else str(file.with_suffix("." + fmt_out)))
        check_output(dest, fmt_out, force=force, inputs=[file])
        if password is not None or ocr:
            import screenplay.pdf_reader as pdf_reader
            pdf_reader.PASSWORD = password
            pdf_reader.OCR = ocr
        doc = read_document(file, fmt_in)
        write_output(dest, WRITERS[fmt_out](doc))
        if dest != "-":
            done(f"wrote {dest}")

    guarded(work)
