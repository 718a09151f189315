"""``screenplay report``: scene, location and cast breakdowns for production."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from screenplay.formats import read_document

from .app import app, guarded
from .outputs import check_output, write_output
from .runner import done, unknown


@app.command(epilog="""Examples:

  screenplay report script.fountain --kind scenes

  screenplay report script.fountain --kind cast --format csv -o cast.csv

  screenplay report script.fountain --kind locations --format html -o out/locations.html
""")
def report(
    file: Path = typer.Argument(..., help="Screenplay (.fountain, .xml, .fdx, .json)."),
    kind: str = typer.Option("scenes", "--kind", "-k", help="scenes | locations | cast"),
    fmt: str = typer.Option("text", "--format", help="text | csv | json | html"),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Output file (default, or '-': standard output)."),
    from_: Optional[str] = typer.Option(None, "--from", "-f",
                                        help="Input format (default: by file extension)."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing output that is not a report of this format."),
    paper: str = typer.Option("letter", "--paper", help="letter | a4 (pages are counted on it)"),
    mode: str = typer.Option("shooting", "--mode",
                             help="spec | shooting (shooting numbers the scenes)"),
) -> None:
    """Production breakdown: scene list with pages and eighths, locations, or cast with IDs."""

    def work() -> None:
        # Imported here, not at start-up: every other command would pay for it.
        from .reports import FORMATS, KINDS, RENDERERS, breakdown
        k, f = kind.lower(), fmt.lower()
        if k not in KINDS:
            raise unknown("report kind", kind, KINDS)
        if f not in FORMATS:
            raise unknown("report format", fmt, FORMATS)
        from .rendering import paper_and_mode
        paper_and_mode(paper, mode)
        dest = output or "-"
        check_output(dest, {"text": "report"}.get(f, f), force=force, inputs=[file])
        from screenplay.layout import load_profile, paginate
        doc = read_document(file, from_.lower() if from_ else None)
        b = breakdown(doc, paginate(doc, load_profile(paper, mode)))
        write_output(dest, RENDERERS[f](b, k))
        if dest != "-":
            done(f"wrote {dest}")

    guarded(work)
