"""``screenplay lock``: record page breaks and scene numbers so that they never move."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from .app import app, guarded
from .layout_options import with_layout_options
from .drafts import lock_file, unlock_file


@app.command(epilog="""Examples:

  screenplay lock shooting.fountain                (pages and scene numbers locked)

  screenplay lock shooting.fountain --scene-style prefix      (new scenes A46, not 45A)

  screenplay lock shooting.fountain --unlock       (drop the lock: renumber everything)
""")
@with_layout_options
def lock(
    file: Path = typer.Argument(..., help="The Fountain script to lock (changed in place)."),
    unlock: bool = typer.Option(False, "--unlock",
                                help="Remove the lock and the scene numbers (renumber)."),
    scene_style: str = typer.Option("suffix", "--scene-style",
                                    help="New scenes: suffix (45A) or prefix (A46)."),
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
) -> None:
    """Lock a script's pages and scene numbers (written into the file itself).

    After edits, render keeps every locked page number, adds 12A pages for
    overflow, prints 12-13 for pages merged away, numbers new scenes 45A and
    prints OMITTED where a scene was cut.
    """
    if unlock:
        guarded(lambda: unlock_file(file))
    else:
        guarded(lambda: lock_file(file, layout, scene_style.lower()))
