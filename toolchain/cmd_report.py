"""``screenplay report``: scene, location and cast breakdowns for production."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from screenplay.formats import read_document
from screenplay.textio import write_atomic

from .app import Refused, app, guarded, stdout_write


@app.command(epilog="""Examples:

  screenplay report script.fountain --kind scenes

  screenplay report script.fountain --kind cast --format csv -o cast.csv

  screenplay report script.fountain --kind locations --format html -o out/locations.html
""")
def report(
    file: Path = typer.Argument(..., help="Screenplay (.fountain, .xml, .fdx, .json)."),
    kind: str = typer.Option("scenes", "--kind", "-k", help="scenes | locations | cast"),
    fmt: str = typer.Option("text", "--format", "-f", help="text | csv | json | html"),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Output file (default: standard output)."),
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
            raise Refused(f"unknown report kind '{kind}' (known: {', '.join(KINDS)})", 2)
        if f not in FORMATS:
            raise Refused(f"unknown report format '{fmt}' (known: {', '.join(FORMATS)})", 2)
        from screenplay.layout import load_profile, paginate
        doc = read_document(file)
        from .rendering import _has_production_state
        if _has_production_state(doc):  # a locked or revised script (production drafts)
            from screenplay.production import production_view

            from .reports import add_production
            layout, laid = production_view(doc, load_profile(paper, mode))
            b = breakdown(laid, layout)
            add_production(b, laid, layout)
        else:
            b = breakdown(doc, paginate(doc, load_profile(paper, mode)))
        data = RENDERERS[f](b, k)
        if output in (None, "-"):
            stdout_write(data)
        else:
            write_atomic(output, data)

    guarded(work)
