"""What ``screenplay render`` does, apart from reading its command line.

Kept free of Typer so that the full CLI (:mod:`toolchain.cmd_render`) and the
quick path for plain render command lines (:mod:`toolchain.quick`) run the same
code, and so that its imports are only the ones rendering needs (paths are
plain strings or Path objects alike; pathlib itself is not needed).
"""
from __future__ import annotations

import os
import sys

from screenplay.formats import read_document
from screenplay.model import UNPRINTED, Document
from screenplay.pathnames import stem
from screenplay.settings import BY_NAME, Resolved, parse_value, resolve
from screenplay.textio import write_atomic

from .runner import Refused, warn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from screenplay.layout import Layout


def _check_dest(dest: str | os.PathLike[str], source: str | os.PathLike[str]) -> None:
    try:
        same = os.path.realpath(dest) == os.path.realpath(source)
    except OSError:
        same = False
    if same:
        raise Refused(f"{dest}: would overwrite the input file; choose another output", 1)


def check_options(layout: dict[str, Any] | None) -> None:
    """Refuse a bad option value (exit 2) before any file is read."""
    from screenplay.errors import InputError
    for name, value in (layout or {}).items():
        try:
            parse_value(BY_NAME[name], value)
        except InputError as e:
            raise Refused(str(e), 2) from None


def settings_for(file: str | os.PathLike[str], doc: Document | None,
                 layout: dict[str, Any] | None) -> Resolved:
    """The effective layout settings for one script (see :mod:`screenplay.settings`)."""
    return resolve(layout or {}, script=file, doc=doc)


def lay_out(file: str | os.PathLike[str], doc: Document,
            layout: dict[str, Any] | None) -> tuple[Resolved, Layout, Document]:
    """Settings, pages and the document to draw: the one layout step every command shares.

    The document is ``doc`` itself, or a copy whose notes print (the ``notes``
    setting): the PDF and the HTML must both draw the one returned.
    """
    from screenplay.layout import paginate
    from screenplay.settings import profile_for
    settings = settings_for(file, doc, layout)
    if settings.values.get("notes"):
        from screenplay.notes import notes_as_text
        doc = notes_as_text(doc)
    return settings, paginate(doc, profile_for(settings)), doc


def render_file(file: str | os.PathLike[str], pdf: str | os.PathLike[str] | None,
                html: str | os.PathLike[str] | None,
                layout: dict[str, Any] | None = None, show_settings: bool = False) -> None:
    """Render ``file`` to a PDF and/or HTML; with neither named, to ``out/<name>.pdf``.

    ``layout`` holds the layout options given on the command line (setting name ->
    value).  ``show_settings`` prints the effective settings and where each comes
    from instead of rendering.
    """
    check_options(layout)
    pdf_out = pdf
    if pdf_out is None and html is None and not show_settings:
        pdf_out = os.path.join("out", stem(file) + ".pdf")
    for dest in (pdf_out, html):
        if dest is not None:
            _check_dest(dest, file)
    doc = read_document(file)
    if show_settings:
        sys.stdout.write("\n".join(settings_for(file, doc, layout).lines()) + "\n")
        return
    if not doc.title_page and all(isinstance(el, UNPRINTED) for el in doc.body):
        raise Refused(f"{file}: nothing to render (no title page and no printable text)", 1)
    # One layout for both outputs: the HTML's pages are the PDF's pages.
    settings, laid, doc = lay_out(file, doc, layout)
    for msg in laid.warnings:
        warn(f"{file}: {msg}")
    if pdf_out is not None:
        from screenplay.pdf_writer import render_layout
        problems: list[str] = []
        data = render_layout(doc, laid, problems.append)
        for msg in problems:
            warn(f"{file}: {msg}")
        write_atomic(pdf_out, data)
    if html is not None:
        from screenplay.html_writer import render_html
        v = settings.values
        write_atomic(html, render_html(doc, paper=v["paper"], mode=v["mode"], layout=laid))
