"""``screenplay adapt``: prose synopses to Fountain screenplays."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from screenplay.errors import InputError
from screenplay.textio import read_text

from .app import Refused, app, guarded
from .outputs import is_special, write_output
from .runner import done, warn


@app.command(epilog="""Examples:

  screenplay adapt synopsis.txt                 (writes out/synopsis.fountain)

  screenplay adapt a.txt b.txt                  (one model load for both)

  screenplay adapt plot.txt -o draft.fountain --title "Winter Light" --author "A. Writer"

  screenplay adapt plot.txt --dump-ir plot.json  (also writes what adapt understood)
""")
def adapt(
    synopsis: List[Path] = typer.Argument(..., help="Synopsis text files (UTF-8)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Output .fountain file (one input only)."),
    title: Optional[str] = typer.Option(None, "--title",
                                        help="Title (default: the synopsis's own title, a line in "
                                             "capitals at its top; else the file name made readable)."),
    author: Optional[str] = typer.Option(None, "--author",
                                         help="Author for the title page (default: none)."),
    dump_ir: Optional[Path] = typer.Option(None, "--dump-ir", metavar="FILE.json",
                                           help="Also write the story model (characters, mentions, "
                                                "events, places, times, scenes) as JSON (one input only)."),
    force: bool = typer.Option(False, "--force",
                               help="Overwrite an output file even if a person has edited it."),
) -> None:
    """Adapt prose synopses into Fountain screenplays (deterministic, offline)."""

    def work() -> None:
        from .adapt import adapt as run, load_model, may_overwrite

        if output is not None and len(synopsis) > 1:
            raise Refused("-o names one output file; give one synopsis, or leave -o out", 2)
        if dump_ir is not None and len(synopsis) > 1:
            raise Refused("--dump-ir names one file; give one synopsis", 2)
        jobs = []
        inputs = {p.resolve() for p in synopsis}
        claimed: dict[Path, Path] = {}  # output -> the input that writes it
        for src in synopsis:
            dest = output or Path("out") / (src.stem + ".fountain")
            if dump_ir is not None and dump_ir.resolve() == dest.resolve():
                raise Refused(f"{dump_ir}: --dump-ir and the output are the same file; choose another", 2)
            if dest.resolve() in inputs or (dump_ir is not None and dump_ir.resolve() in inputs):
                raise Refused(f"{dest}: would overwrite an input file; choose another -o", 2)
            if dest.resolve() in claimed:
                raise Refused(f"{claimed[dest.resolve()]} and {src} would both be written to "
                              f"{dest}; adapt them one at a time with -o", 2)
            claimed[dest.resolve()] = src
            text = read_text(src)
            if _in_capitals(text):
                warn(f"{src}: the synopsis is written in capitals, so names cannot be told from other "
                     "words; the cast and dialogue will be poor - write it in ordinary case")
            jobs.append((src, dest, text))
        nlp = load_model()
        for src, dest, text in jobs:
            try:   # (no --title: the synopsis's own title line, else the file name made readable)
                adaptation, fountain = run(text, title, src.name, nlp, author=author)
            except InputError as e:   # name the file the problem is in
                raise InputError(e.message, e.line, e.source or str(src)) from None
            if not force and not is_special(dest) and not may_overwrite(dest):
                raise Refused(f"{dest}: changed since adapt wrote it (or not written by adapt); "
                              "left alone - pass --force to overwrite", 1)
            write_output(dest, fountain)
            if dump_ir is not None and adaptation.story is not None:
                write_output(str(dump_ir), adaptation.story.to_json())
                done(f"{src} -> {dump_ir} (story model)")
            done(f"{src} -> {dest}")

    guarded(work)


def _in_capitals(text: str) -> bool:
    """Whether nearly all letters are capitals (a synopsis typed with caps lock): capitals are
    how adapt tells a name, so such a text deserves a word before it is adapted."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
