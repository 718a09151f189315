"""``screenplay report``: scene, location and cast breakdowns for production."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from screenplay.formats import read_document
from screenplay.textio import write_atomic

from .app import Refused, app, guarded, stdout_write
from .layout_options import with_layout_options
from .rendering import check_options, lay_out


@app.command(epilog="""Examples:

  screenplay report script.fountain --kind scenes

  screenplay report script.fountain --kind cast --format csv -o cast.csv

  screenplay report script.fountain --kind locations --format html -o out/locations.html
""")
@with_layout_options
def report(
    file: Path = typer.Argument(..., help="Screenplay (.fountain, .xml, .fdx, .json)."),
    kind: str = typer.Option("scenes", "--kind", "-k", help="scenes | locations | cast"),
    fmt: str = typer.Option("text", "--format", "-f", help="text | csv | json | html"),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Output file (default: standard output)."),
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
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
        check_options(layout)
        doc = read_document(file)
        _, laid, doc = lay_out(file, doc, layout)   # pages as render lays them
        b = breakdown(doc, laid)
        from .rendering import _has_production_state
        if _has_production_state(doc):  # a locked or revised script (production drafts)
            from .reports import add_production
            add_production(b, doc, laid)
        data = RENDERERS[f](b, k)
        if output in (None, "-"):
            stdout_write(data)
        else:
            write_atomic(output, data)

    guarded(work)
