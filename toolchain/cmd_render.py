"""``screenplay render``: a script to PDF and/or HTML, paginated once by the layout engine."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from .app import app, guarded
from .layout_options import with_layout_options
from .rendering import render_file


@app.command(epilog="""Examples:

  screenplay render draft.fountain                          (writes out/draft.pdf)

  screenplay render draft.fountain --pdf draft.pdf --mode spec --paper a4

  screenplay render draft.fountain --html draft.html --scene-numbers left --no-more-contd

  screenplay render draft.fountain --show-settings          (what applies, and why)

  screenplay render draft.fountain --watermark "COPY FOR ANNE" --footer "{title} - {date}"

  screenplay render locked.fountain --scenes 12,14-16 --pdf sides.pdf

  screenplay render locked.fountain --character ANNE --pdf anne.pdf

Layout settings come from these options, else screenplay.toml beside the script
or in a parent folder (same names, with underscores), else the title page
(e.g. "Scene Numbers: left"), else the mode's preset.
""")
@with_layout_options
def render(
    file: Path = typer.Argument(..., help="Input script (.fountain, or any format convert reads; "
                                          "'-': Fountain on standard input)."),
    pdf: Optional[Path] = typer.Option(None, "--pdf", help="Write a PDF here ('-': standard output)."),
    html: Optional[Path] = typer.Option(None, "--html",
                                        help="Write HTML here ('-': standard output)."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing output even if it is not a PDF/HTML."),
    watermark: Optional[str] = typer.Option(
        None, "--watermark", help="Text drawn diagonally in light grey on every page."),
    header: Optional[str] = typer.Option(
        None, "--header", help="Header text; fields {title} {draft} {date} {page}."),
    footer: Optional[str] = typer.Option(
        None, "--footer", help="Footer text (PDF only); fields {title} {draft} {date} {page}."),
    scenes: Optional[str] = typer.Option(
        None, "--scenes", help="Sides: only these scenes, e.g. 12,14-16."),
    character: Optional[str] = typer.Option(
        None, "--character", help="Sides: every scene this character speaks or appears in."),
    show_settings: bool = typer.Option(
        False, "--show-settings",
        help="Print the effective layout settings and where each comes from; render nothing."),
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
) -> None:
    """Render a screenplay to an industry-format PDF (and/or HTML).

    A script carrying a lock (screenplay lock) keeps its locked page and scene
    numbers; one carrying a revision (screenplay revise) shows its marks.
    """
    guarded(lambda: render_file(file, pdf, html, layout, show_settings, force=force,
                                watermark=watermark,
                                header=header, footer=footer, scenes=scenes,
                                character=character))
