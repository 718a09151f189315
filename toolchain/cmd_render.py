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
""")
def render(
    file: Path = typer.Argument(..., help="Input script (.fountain, or any format convert reads; "
                                          "'-': Fountain on standard input)."),
    pdf: Optional[Path] = typer.Option(None, "--pdf", help="Write a PDF here ('-': standard output)."),
    html: Optional[Path] = typer.Option(None, "--html",
                                        help="Write HTML here ('-': standard output)."),
    paper: str = typer.Option("letter", "--paper", help="Paper size: letter or a4."),
    mode: str = typer.Option("spec", "--mode",
                             help="spec (default) or shooting (scene numbers, CONTINUEDs)."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing output even if it is not a PDF/HTML."),
) -> None:
    """Render a screenplay to an industry-format PDF (and/or HTML)."""
    guarded(lambda: render_file(file, pdf, html, paper, mode, force))
