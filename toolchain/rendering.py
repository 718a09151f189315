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
from screenplay.textio import write_atomic

from .runner import Refused, warn

PAPERS = ("letter", "a4")
MODES = ("spec", "shooting")


def _check_dest(dest: str | os.PathLike[str], source: str | os.PathLike[str]) -> None:
    try:
        same = os.path.realpath(dest) == os.path.realpath(source)
    except OSError:
        same = False
    if same:
        raise Refused(f"{dest}: would overwrite the input file; choose another output", 1)


def render_file(file: str | os.PathLike[str], pdf: str | os.PathLike[str] | None,
                html: str | os.PathLike[str] | None,
                paper: str = "letter", mode: str = "spec") -> None:
    """Render ``file`` to a PDF and/or HTML; with neither named, to ``out/<name>.pdf``."""
    pap, mod = paper.lower(), mode.lower()
    if pap not in PAPERS:
        raise Refused(f"unknown paper '{paper}' (known: {', '.join(PAPERS)})", 2)
    if mod not in MODES:
        raise Refused(f"unknown mode '{mode}' (known: {', '.join(MODES)})", 2)
    pdf_out = pdf
    if pdf_out is None and html is None:
        pdf_out = os.path.join("out", stem(file) + ".pdf")
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
