"""``screenplay render``: a script to PDF and/or HTML, paginated once by the layout engine."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from .app import app, guarded
from .layout_options import with_layout_options
from .render_options import with_render_options
from .rendering import render_file


@app.command(epilog="""Examples:

  screenplay render draft.fountain                          (writes out/draft.pdf)

  screenplay render draft.fountain --pdf draft.pdf --mode spec --paper a4

  screenplay render draft.fountain --html draft.html --scene-numbers left --no-more-contd

  screenplay render draft.fountain --show-settings          (what applies, and why)

  screenplay render draft.fountain --watermark "COPY FOR INES" --footer "{title} - {date}"

  screenplay render locked.fountain --scenes 12,14-16 --pdf sides.pdf

  screenplay render locked.fountain --character INES --pdf ines.pdf

Layout settings come from these options, else screenplay.toml beside the script
or in a parent folder (same names, with underscores), else the title page
(e.g. "Scene Numbers: left"), else the mode's preset.
""")
@with_layout_options
@with_render_options
def render(
    file: Path = typer.Argument(..., help="Input script (.fountain, or any format convert reads; "
                                          "'-': Fountain on standard input)."),
    options: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_render_options
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
) -> None:
    """Render a screenplay to an industry-format PDF (and/or HTML).

    A script carrying a lock (screenplay lock) keeps its locked page and scene
    numbers; one carrying a revision (screenplay revise) shows its marks.
    """
    guarded(lambda: render_file(file, layout=layout, **options))
