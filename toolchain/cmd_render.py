"""``screenplay render``: a script to PDF and/or HTML, paginated once by the layout engine."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from screenplay.formats import read_document
from screenplay.model import UNPRINTED
from screenplay.textio import write_atomic

from .app import Refused, app, guarded, warn

_PAPERS = ("letter", "a4")
_MODES = ("spec", "shooting")


def _check_dest(dest: Path, source: Path) -> None:
    try:
        same = dest.resolve() == source.resolve()
    except OSError:
        same = False
    if same:
        raise Refused(f"{dest}: would overwrite the input file; choose another output", 1)


@app.command(epilog="""Examples:

  screenplay render draft.fountain                          (writes out/draft.pdf)

  screenplay render draft.fountain --pdf draft.pdf --mode shooting --paper a4

  screenplay render draft.fountain --html draft.html
""")
def render(
    file: Path = typer.Argument(..., help="Input script (.fountain, or any format convert reads)."),
    pdf: Optional[Path] = typer.Option(None, "--pdf", help="Write a PDF here."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write HTML here."),
    paper: str = typer.Option("letter", "--paper", help="Paper size: letter or a4."),
    mode: str = typer.Option("spec", "--mode",
                             help="spec (default) or shooting (scene numbers, CONTINUEDs)."),
) -> None:
    """Render a screenplay to an industry-format PDF (and/or HTML)."""

    def work() -> None:
        pap, mod = paper.lower(), mode.lower()
        if pap not in _PAPERS:
            raise Refused(f"unknown paper '{paper}' (known: {', '.join(_PAPERS)})", 2)
        if mod not in _MODES:
            raise Refused(f"unknown mode '{mode}' (known: {', '.join(_MODES)})", 2)
        pdf_out = pdf
        if pdf_out is None and html is None:
            pdf_out = Path("out") / (file.stem + ".pdf")
        for dest in (pdf_out, html):
            if dest is not None:
                _check_dest(dest, file)
        doc = read_document(file)
        if not doc.title_page and all(isinstance(el, UNPRINTED) for el in doc.body):
            raise Refused(f"{file}: nothing to render (no title page and no printable text)", 1)
        from screenplay.layout import load_profile, paginate
        # One layout for both outputs: the HTML's pages are the PDF's pages.
        layout = paginate(doc, load_profile(pap, mod))
        for msg in layout.warnings:
            warn(f"{file}: {msg}")
        if pdf_out is not None:
            from screenplay.pdf_writer import render_layout
            problems: list[str] = []
            data = render_layout(doc, layout, problems.append)
            for msg in problems:
                warn(f"{file}: {msg}")
            write_atomic(pdf_out, data)
        if html is not None:
            from screenplay.html_writer import render_html
            write_atomic(html, render_html(doc, paper=pap, mode=mod, layout=layout))

    guarded(work)
