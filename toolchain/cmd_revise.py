"""``screenplay revise``: revision pages from two versions of a script."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from .app import app, guarded
from .layout_options import with_layout_options
from .drafts import revise_files
from .rendering import render_file


@app.command(epilog="""Examples:

  screenplay revise white.fountain script.fountain --color blue --date 2026-12-06

  screenplay revise blue.fountain script.fountain --pdf out/pink.pdf   (next colour: Pink)

  screenplay revise old.fdx new.fdx -o revised.fdx --pdf out/revised.pdf
""")
@with_layout_options
def revise(
    old: Path = typer.Argument(..., help="The previous version (carries earlier revisions)."),
    new: Path = typer.Argument(..., help="The new version; the revision is stored in it."),
    color: Optional[str] = typer.Option(None, "--color", "--colour",
                                        help="Revision colour (default: the next in sequence)."),
    date: Optional[str] = typer.Option(None, "--date", help="Revision date, YYYY-MM-DD "
                                       "(default: today)."),
    sequence: Optional[str] = typer.Option(
        None, "--sequence", help="Colour order, e.g. White,Blue,Pink,Yellow (kept in the file)."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", help="Write the revised script here instead of into NEW "
        "(needed when NEW is not Fountain)."),
    pdf: Optional[Path] = typer.Option(None, "--pdf", help="Render the revised PDF here "
                                       "(default: out/<name>.pdf)."),
    html: Optional[Path] = typer.Option(None, "--html", help="Render HTML here."),
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
) -> None:
    """Mark what changed between two versions: * in the margin, colour and date in the header.

    The comparison is element by element (headings, action, cues, dialogue),
    not line by line. Marks of earlier revisions keep their colour; the title
    page lists the revision history.
    """
    def work() -> None:
        dest = revise_files(old, new, color, date, sequence, output)
        render_file(dest, pdf, html, layout)

    guarded(work)
