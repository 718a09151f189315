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


def _has_production_state(doc) -> bool:  # type: ignore[no-untyped-def]
    """A lock or revision block in the script (checked here, so a plain render imports
    nothing of the production modules)."""
    from screenplay.model import Boneyard
    return any(type(el) is Boneyard and el.text.lstrip().startswith("screenplay-")
               for el in doc.body)


def render_file(file: str | os.PathLike[str], pdf: str | os.PathLike[str] | None,
                html: str | os.PathLike[str] | None,
                paper: str = "letter", mode: str = "spec", *, watermark: str | None = None,
                header: str | None = None, footer: str | None = None,
                scenes: str | None = None, character: str | None = None) -> None:
    """Render ``file`` to a PDF and/or HTML; with neither named, to ``out/<name>.pdf``.

    The production options (watermark, header/footer text, sides by scene or
    character) and a lock or revision state the script carries go through
    :func:`screenplay.production.production_layout`; a plain script is paginated as is.
    """
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
    production = dict(watermark=watermark, header=header, footer=footer, scenes=scenes,
                      character=character)
    if _has_production_state(doc) or any(v is not None for v in production.values()):
        from screenplay.production import production_view
        # A locked script is laid out from a copy with its OMITTED scenes and new scene
        # numbers: the writers walk that copy, whose elements the layout's lines point at.
        layout, doc = production_view(doc, load_profile(pap, mod),
                                      warn=lambda m: warn(f"{file}: {m}"), **production)
    else:
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
        if footer is not None:  # the HTML page has no room below the body for a footer
            for page in layout.pages:
                page.lines = [ln for ln in page.lines if ln.kind != "footer"]
        if scenes is not None or character is not None:  # sides: only the kept scenes
            from screenplay.production import sides_document
            doc = sides_document(doc, layout)
        write_atomic(html, render_html(doc, paper=pap, mode=mod, layout=layout))
