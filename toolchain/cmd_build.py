"""``screenplay build``: synopses and scripts in, checked PDF, HTML, XML (and Fountain) out.

Synopses (``.txt``) are adapted first, loading the language model once for all
of them; Fountain, FDX, XML and JSON scripts are used as they are.  Each script
is checked against the schema, laid out once and rendered.  A Fountain file a
person has edited since ``adapt`` wrote it is never overwritten: the build uses
it as it stands and says so.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any, List, Optional

import typer

from screenplay.errors import InputError
from screenplay.formats import format_for, read_document
from screenplay.textio import read_text, write_atomic

from .app import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Refused, Settings, app, guarded, warn
from .limits import time_limit, time_limit_from_env
from .layout_options import with_layout_options
from .outputs import check_output
from .pipeline import Result, planned_outputs, render_all
from .rendering import check_options
from .runner import say

SAMPLE = Path(__file__).resolve().parent / "data" / "sample.txt"
SAMPLE_TITLE = "The Lighthouse Key"
SYNOPSIS_SUFFIXES = {".txt", ".text", ".synopsis"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _progress(total: int, quiet: bool):  # -> context manager with .advance(label)
    """A progress bar on a terminal; nothing when piped or quiet."""
    import contextlib

    if quiet or total < 2 or not sys.stderr.isatty():
        class _Null:
            def advance(self, label: str) -> None:
                pass
        return contextlib.nullcontext(_Null())
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    class _Bar:
        def __init__(self) -> None:
            self.p = Progress(TextColumn("{task.description}"), BarColumn(),
                              TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                              transient=True)
            self.task = self.p.add_task("building", total=total)

        def __enter__(self) -> "_Bar":
            self.p.__enter__()
            return self

        def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                     tb: TracebackType | None) -> None:
            self.p.__exit__(kind, exc, tb)

        def advance(self, label: str) -> None:
            self.p.update(self.task, advance=1, description=label)

    return _Bar()


def _build_one(src: Path, out_dir: Path, layout: dict[str, Any],
               models: dict[str, object], force: bool = False,
               inputs: tuple[Path, ...] = ()) -> Result:
    """Adapt (for a synopsis) or read one input, then check and render it."""
    name = src.stem
    if src.suffix.lower() in SYNOPSIS_SUFFIXES:
        from .adapt import adapt, load_model, may_overwrite
        fountain_path = out_dir / f"{name}.fountain"
        for p, kind in [(fountain_path, "fountain"), *planned_outputs(out_dir, name)]:
            check_output(p, kind, force=force, inputs=inputs)
        if "nlp" not in models:
            models["nlp"] = load_model()
        if fountain_path.exists() and not may_overwrite(fountain_path):
            warn(f"{fountain_path}: you have edited it since adapt wrote it;"
                 " building from your version (adapt --force regenerates)")
            doc = read_document(fountain_path)
        else:
            title = SAMPLE_TITLE if src == SAMPLE else None   # (the synopsis's own, else the file's)
            adaptation, text = adapt(read_text(src), title, src.name, models["nlp"])
            write_atomic(fountain_path, text)
            doc = adaptation.doc
        res = render_all(doc, name, out_dir, source=str(src), layout=layout,
                         force=force, inputs=inputs)
        res.outputs.insert(0, fountain_path)
        return res
    if format_for(src, "") == "":
        raise InputError(f"unknown kind of input '{src.suffix}' (synopses are .txt; scripts "
                         ".fountain, .fdx, .xml, .json or .pdf)", source=str(src))
    for p, kind in planned_outputs(out_dir, name):  # before reading: a refusal costs nothing
        check_output(p, kind, force=force, inputs=inputs)
    return render_all(read_document(src), name, out_dir, source=str(src), layout=layout,
                      force=force, inputs=inputs)


def summary_table(results: list[Result], seconds: float) -> str:
    """The end-of-build table, plain text so it reads the same in a log and a terminal."""
    head = ["script", "scenes", "pages", "minutes", "warnings", "errors", "time"]
    rows = []
    for r in results:
        if r.failed:
            rows.append([r.name, "-", "-", "-", "-", "failed", f"{r.seconds:.2f}s"])
        else:
            rows.append([r.name, str(r.scenes), str(r.pages), f"~{r.minutes:.0f}",
                         str(len(r.warnings)), str(len(r.errors)), f"{r.seconds:.2f}s"])
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h)
              for i, h in enumerate(head)]
    fmt = lambda cells: "  ".join(  # noqa: E731
        c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    lines = [fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]
    ok = sum(r.ok for r in results)
    lines.append(f"{ok} of {_plural(len(results), 'script')} built cleanly in {seconds:.1f} s")
    return "\n".join(lines) + "\n"


@app.command(epilog="""Examples:

  screenplay build                              (the embedded sample synopsis -> out/)

  screenplay build treatment.txt draft.fountain --out-dir renders

  screenplay build script.fdx --mode spec --paper a4 --scene-numbers none
""")
@with_layout_options
def build(
    inputs: Optional[List[Path]] = typer.Argument(
        None, help="Synopses (.txt) and scripts (.fountain, .fdx, .xml, .json). "
                   "None: the embedded sample synopsis."),
    out_dir: Path = typer.Option(Path("out"), "--out-dir", help="Where outputs go."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors; no progress or summary."),
    force: bool = typer.Option(False, "--force",
                               help="Replace existing outputs even if they are not of their kind."),
    layout: dict[str, Any] = None,  # type: ignore[assignment]  # filled by with_layout_options
) -> None:
    """Adapt, check and render: PDF, HTML and XML (plus Fountain for synopses) in out/."""

    def work() -> int:
        check_options(layout)  # bad layout options fail before any work
        quiet_ = quiet or Settings.quiet
        sources = list(inputs or [SAMPLE])
        names: dict[str, Path] = {}
        for s in sources:
            if not s.exists():
                raise InputError("no such file", source=str(s))
            if s.is_dir():
                raise InputError("is a directory, not a file", source=str(s))
            if s.stem in names:
                raise Refused(f"{names[s.stem]} and {s} would both be written to "
                              f"{out_dir / s.stem}.*; build them into different --out-dir", 2)
            names[s.stem] = s
        every_input = tuple(sources)
        t0 = time.perf_counter()
        limit = time_limit_from_env()
        results: list[Result] = []
        code = EXIT_OK
        models: dict[str, object] = {}  # the language model, loaded once when needed
        with _progress(len(sources), quiet_) as bar:
            for src in sources:
                t1 = time.perf_counter()
                try:
                    with time_limit(limit, str(src)):
                        res = _build_one(src, out_dir, layout, models, force, every_input)
                except (InputError, Refused) as e:
                    # unreadable input or a limit: 2, as README says; a refused output: 1
                    code = max(code, e.code if isinstance(e, Refused) else EXIT_USAGE)
                    res = Result(src.stem, str(src), failed=str(e))
                    say(f"screenplay: error: {e}")
                # the time column counts the whole file: adapting it as well as rendering
                res.seconds = time.perf_counter() - t1
                results.append(res)
                if res.errors:
                    code = max(code, EXIT_PROBLEMS)
                for d in res.errors:
                    say(f"{res.source}:{d.line}: error: {d.message} [{d.rule}]")
                if not quiet_:
                    for w in res.warnings[:20]:
                        say(w)
                    if len(res.warnings) > 20:
                        say(f"... and {len(res.warnings) - 20} more warnings "
                            f"(screenplay check {res.source})")
                bar.advance(src.stem)
        if not quiet_:
            for line in summary_table(results, time.perf_counter() - t0).splitlines():
                say(line, err=False)  # escaped: a script's name is a file name
            for r in results:
                if r.outputs:
                    say(f"{r.name}: " + ", ".join(str(p) for p in r.outputs), err=False)
            sys.stdout.flush()
        return code

    code = guarded(work, time_limited=False)
    raise typer.Exit(code)
