"""``screenplay watch``: re-render a script every time it is saved.

Polls the file's modification time and size (no extra dependency, works on
every file system, including network mounts where change events are unreliable).
A file that cannot be read or fails the check is reported and the watch goes on;
the outputs of the last good build stay in place until a new build succeeds.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import typer

from screenplay.errors import InputError
from screenplay.formats import read_document

from .app import EXIT_OK, Refused, app, fail
from .layout_options import with_layout_options
from .pipeline import render_all
from .rendering import check_options
from .runner import say


def _stamp() -> str:
    return time.strftime("%H:%M:%S")


def _n(k: int, word: str) -> str:
    return f"{k} {word}" if k == 1 else f"{k} {word}s"


def _say(line: str) -> None:
    say(line, err=False)


#: Warnings listed after a build; the rest are counted (``screenplay check`` lists them all).
SHOWN_WARNINGS = 20


def build_once(file: Path, out_dir: Path, layout: dict[str, Any] | None = None,
               force: bool = False) -> bool:
    """One build, reported in a line or a few; never raises for bad input (nor for a bug)."""
    from .limits import time_limit, time_limit_from_env
    try:
        with time_limit(time_limit_from_env(), str(file)):
            doc = read_document(file)
            res = render_all(doc, file.stem, out_dir, source=str(file), layout=layout,
                             force=force, inputs=(file,), live=True)
    except (InputError, Refused) as e:
        _say(f"[{_stamp()}] error: {e}")
        return False
    except OSError as e:
        _say(f"[{_stamp()}] error: {e.filename or file}: {e.strerror or e}")
        return False
    except (MemoryError, RecursionError) as e:
        _say(f"[{_stamp()}] error: {file}: input too large or nested too deeply ({type(e).__name__})")
        return False
    except Exception as e:  # a bug must not end the watch either; it is reported as one
        if os.environ.get("SCREENPLAY_DEBUG"):
            raise
        _say(f"[{_stamp()}] internal error: {type(e).__name__}: {e} "
             "(set SCREENPLAY_DEBUG=1 for a traceback)")
        return False
    for d in res.errors:
        _say(f"{file}:{d.line}: error: {d.message} [{d.rule}]")
    for w in res.warnings[:SHOWN_WARNINGS]:
        _say(w if w.startswith(str(file)) else f"{file}: warning: {w}")
    if len(res.warnings) > SHOWN_WARNINGS:
        _say(f"... and {len(res.warnings) - SHOWN_WARNINGS} more warnings (screenplay check {file})")
    status = "ok" if res.ok else _n(len(res.errors), "error")
    _say(f"[{_stamp()}] {file.name}: {status}, {_n(res.scenes, 'scene')}, {_n(res.pages, 'page')}, "
         f"{_n(len(res.warnings), 'warning')}, {res.seconds:.2f} s -> "
         + ", ".join(str(p) for p in res.outputs))
    return res.ok


@app.command(epilog="""Examples:

  screenplay watch draft.fountain                (PDF, HTML and XML in out/ on every save)

  screenplay watch draft.fountain --mode spec --paper a4
""")
@with_layout_options
def watch(
    file: Path = typer.Argument(..., help="The screenplay to watch."),
    out_dir: Path = typer.Option(Path("out"), "--out-dir", help="Where the outputs go."),
    interval: float = typer.Option(0.5, "--interval", min=0.05, help="Seconds between looks."),
    force: bool = typer.Option(False, "--force",
                               help="Replace existing outputs even if they are not of their kind."),
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
) -> None:
    """Re-render a screenplay on every save; errors are reported and watching goes on.

    The HTML it writes reloads itself in the browser after each build (a small
    script and a NAME.reload.js beside it; render and build never add them).
    """
    if not file.exists():
        fail(f"{file}: no such file")
    from .runner import Refused
    try:
        check_options(layout)
    except Refused as e:
        fail(str(e))
    _say(f"watching {file} (Ctrl-C to stop)")
    last: tuple[float, int] | None = None
    present = True
    # Ctrl-C raises KeyboardInterrupt, but one that lands while Python runs a
    # finalizer is printed and dropped, and the watch would go on.  The flag
    # keeps the request: the loop checks it on every turn.
    stop = [False]

    def _on_interrupt(signum: int, frame: object) -> None:
        stop[0] = True
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, _on_interrupt)
    try:
        while not stop[0]:
            try:
                st = file.stat()
                sig: tuple[float, int] | None = (st.st_mtime, st.st_size)
            except OSError:
                sig = None
            if sig is None and present:
                present = False
                _say(f"[{_stamp()}] {file} is gone; waiting for it to come back")
            elif sig is not None and not present:
                present = True
                _say(f"[{_stamp()}] {file} is back")
            if sig is not None and sig != last:
                last = sig
                time.sleep(min(interval, 0.1))  # let an editor finish its save
                build_once(file, out_dir, layout, force)
            time.sleep(interval)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
    _say("stopped")
    raise typer.Exit(EXIT_OK)
