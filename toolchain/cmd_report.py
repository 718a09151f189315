"""``screenplay report``: scene, location and cast breakdowns for production."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from screenplay.formats import read_document

from .app import app, guarded
from .layout_options import with_layout_options
from .outputs import check_output, write_output
from .rendering import check_options, lay_out
from .runner import done, unknown


@app.command(epilog="""Examples:

  screenplay report script.fountain --kind scenes

  screenplay report script.fountain --kind cast --format csv -o cast.csv

  screenplay report script.fountain --kind locations --format html -o out/locations.html
""")
@with_layout_options
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
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
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
        check_options(layout)
        dest = output or "-"
        check_output(dest, {"text": "report"}.get(f, f), force=force, inputs=[file])
        doc = read_document(file, from_.lower() if from_ else None)
        _, laid, doc = lay_out(file, doc, layout)   # pages as render lays them
        b = breakdown(doc, laid)
        from .rendering import _has_production_state
        if _has_production_state(doc):  # a locked or revised script (production drafts)
            from .reports import add_production
            add_production(b, doc, laid)
        write_output(dest, RENDERERS[f](b, k))
        if dest != "-":
            done(f"wrote {dest}")

    guarded(work)
