"""``screenplay render``: a script to PDF and/or HTML, paginated once by the layout engine."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .app import app, guarded
from .rendering import render_file


@app.command(epilog="""Examples:

  screenplay render draft.fountain                          (writes out/draft.pdf)

  screenplay render draft.fountain --pdf draft.pdf --mode shooting --paper a4

  screenplay render draft.fountain --html draft.html

  screenplay render draft.fountain --watermark "COPY FOR ANNE" --footer "{title} - {date}"

  screenplay render locked.fountain --mode shooting --scenes 12,14-16 --pdf sides.pdf

  screenplay render locked.fountain --mode shooting --character ANNE --pdf anne.pdf
""")
def render(
    file: Path = typer.Argument(..., help="Input script (.fountain, or any format convert reads)."),
    pdf: Optional[Path] = typer.Option(None, "--pdf", help="Write a PDF here."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write HTML here."),
    paper: str = typer.Option("letter", "--paper", help="Paper size: letter or a4."),
    mode: str = typer.Option("spec", "--mode",
                             help="spec (default) or shooting (scene numbers, CONTINUEDs)."),
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
) -> None:
    """Render a screenplay to an industry-format PDF (and/or HTML).

    A script carrying a lock (screenplay lock) keeps its locked page and scene
    numbers; one carrying a revision (screenplay revise) shows its marks.
    """
    guarded(lambda: render_file(file, pdf, html, paper, mode, watermark=watermark,
                                header=header, footer=footer, scenes=scenes,
                                character=character))
