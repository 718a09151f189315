"""What ``screenplay render`` does, apart from reading its command line.

Kept free of Typer so that the full CLI (:mod:`toolchain.cmd_render`) and the
quick path for plain render command lines (:mod:`toolchain.quick`) run the same
code, and so that its imports are only the ones rendering needs (paths are
plain strings or Path objects alike; pathlib itself is not needed).
"""
from __future__ import annotations

import os

from screenplay.formats import read_document
from screenplay.model import UNPRINTED
from screenplay.pathnames import stem

from .outputs import check_output, write_output
from .runner import Refused, done, unknown, warn

PAPERS = ("letter", "a4")
MODES = ("spec", "shooting")


def paper_and_mode(paper: str, mode: str) -> tuple[str, str]:
    """``--paper`` and ``--mode`` checked (with a suggestion for a typo) and lower-cased."""
    pap, mod = paper.lower(), mode.lower()
    if pap not in PAPERS:
        raise unknown("paper", paper, PAPERS)
    if mod not in MODES:
        raise unknown("mode", mode, MODES)
    return pap, mod


def render_file(file: str | os.PathLike[str], pdf: str | os.PathLike[str] | None,
                html: str | os.PathLike[str] | None,
                paper: str = "letter", mode: str = "spec", force: bool = False) -> None:
    """Render ``file`` to a PDF and/or HTML; with neither named, to ``out/<name>.pdf``.

    ``-`` as the input reads standard input, as an output writes standard output.
    """
    pap, mod = paper_and_mode(paper, mode)
    pdf_out = pdf
    if pdf_out is None and html is None:
        if os.fspath(file) == "-":
            raise Refused("reading standard input: name the output with --pdf or --html", 2)
        pdf_out = os.path.join("out", stem(file) + ".pdf")
    if pdf_out is not None and html is not None and os.fspath(pdf_out) == os.fspath(html):
        raise Refused(f"--pdf and --html both name {os.fspath(html)}; give each its own output", 2)
    for dest, kind in ((pdf_out, "pdf"), (html, "html")):
        if dest is not None:
            check_output(dest, kind, force=force, inputs=[file])
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
        write_output(pdf_out, data)
        _wrote(pdf_out)
    if html is not None:
        from screenplay.html_writer import render_html
        write_output(html, render_html(doc, paper=pap, mode=mod, layout=layout))
        _wrote(html)


def _wrote(dest: str | os.PathLike[str]) -> None:
    if os.fspath(dest) != "-":
        done(f"wrote {os.fspath(dest)}")
