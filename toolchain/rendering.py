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
from screenplay.textio import display_name
from screenplay.settings import BY_NAME, Resolved, parse_value, resolve

from .outputs import check_output, write_output
from .runner import Refused, done, unknown, warn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from screenplay.layout import Layout


def _has_production_state(doc: Document) -> bool:
    """A lock or revision block in the script (checked here, so a plain render imports
    nothing of the production modules)."""
    from screenplay.model import Boneyard
    return any(type(el) is Boneyard and el.text.lstrip().startswith("screenplay-")
               for el in doc.body)


def check_options(layout: dict[str, Any] | None) -> None:
    """Refuse a bad option value (exit 2) before any file is read."""
    from screenplay.errors import InputError
    for name, value in (layout or {}).items():
        setting = BY_NAME[name]
        try:
            parse_value(setting, value)
        except InputError as e:
            if setting.kind == "choice":  # the suggestion every bad value gets
                raise unknown(name.replace("_", " "), str(value), setting.choices) from None
            raise Refused(str(e), 2) from None


def settings_for(file: str | os.PathLike[str], doc: Document | None,
                 layout: dict[str, Any] | None) -> Resolved:
    """The effective layout settings for one script (see :mod:`screenplay.settings`)."""
    return resolve(layout or {}, script=file, doc=doc)


def lay_out(file: str | os.PathLike[str], doc: Document, layout: dict[str, Any] | None,
            production: dict[str, Any] | None = None,
            on_warning: Callable[[str], None] | None = None,
            ) -> tuple[Resolved, Layout, Document]:
    """Settings, pages and the document to draw: the one layout step every command shares.

    The document is ``doc`` itself, or a copy whose notes print (the ``notes``
    setting), or, for a locked or revised script or with production options
    (watermark, header/footer, sides), the copy the production passes laid out
    (:func:`screenplay.production.production_view`): the PDF and the HTML must
    both draw the one returned.
    """
    from screenplay.errors import InputError
    try:
        return _lay_out(file, doc, layout, production, on_warning)
    except InputError as e:  # a limit the layout reached: say which script reached it
        if e.source is None:
            e.source = display_name(file)
        raise


def _lay_out(file: str | os.PathLike[str], doc: Document, layout: dict[str, Any] | None,
             production: dict[str, Any] | None,
             on_warning: Callable[[str], None] | None) -> tuple[Resolved, Layout, Document]:
    from screenplay.layout import paginate
    from screenplay.settings import profile_for
    settings = settings_for(file, doc, layout)
    if settings.values.get("notes"):
        from screenplay.notes import notes_as_text
        doc = notes_as_text(doc)
    profile = profile_for(settings)
    extra = {k: v for k, v in (production or {}).items() if v is not None}
    if extra or _has_production_state(doc):
        from screenplay.production import production_view
        laid, doc = production_view(doc, profile, warn=on_warning, **extra)
        return settings, laid, doc
    return settings, paginate(doc, profile), doc


def render_file(file: str | os.PathLike[str], pdf: str | os.PathLike[str] | None = None,
                html: str | os.PathLike[str] | None = None,
                layout: dict[str, Any] | None = None, show_settings: bool = False, *,
                force: bool = False, watermark: str | None = None,
                header: str | None = None, footer: str | None = None,
                scenes: str | None = None, character: str | None = None) -> None:
    """Render ``file`` to a PDF and/or HTML; with neither named, to ``out/<name>.pdf``.

    ``layout`` holds the layout options given on the command line (setting name ->
    value).  ``show_settings`` prints the effective settings and where each comes
    from instead of rendering.  The production options (watermark,
    header/footer text, sides by scene or character) and a lock or revision state the
    script carries go through :func:`screenplay.production.production_view`.
    ``-`` as the input reads standard input, as an output writes standard output;
    ``force`` replaces an existing output that is not of the output's kind.
    """
    check_options(layout)
    pdf_out = pdf
    if pdf_out is None and html is None and not show_settings:
        if os.fspath(file) == "-":
            raise Refused("reading standard input: name the output with --pdf or --html", 2)
        pdf_out = os.path.join("out", stem(file) + ".pdf")
    if pdf_out is not None and html is not None and os.fspath(pdf_out) == os.fspath(html):
        raise Refused(f"--pdf and --html both name {os.fspath(html)}; give each its own output", 2)
    for dest, kind in ((pdf_out, "pdf"), (html, "html")):
        if dest is not None:
            check_output(dest, kind, force=force, inputs=[file])
    doc = read_document(file)
    if show_settings:
        sys.stdout.write("\n".join(settings_for(file, doc, layout).lines()) + "\n")
        return
    if not doc.title_page and all(isinstance(el, UNPRINTED) for el in doc.body):
        raise Refused(f"{file}: nothing to render (no title page and no printable text)", 1)
    # One layout for both outputs: the HTML's pages are the PDF's pages.
    production = dict(watermark=watermark, header=header, footer=footer, scenes=scenes,
                      character=character)
    settings, laid, doc = lay_out(file, doc, layout, production,
                                  on_warning=lambda m: warn(f"{file}: {m}"))
    for msg in laid.warnings:
        warn(f"{file}: {msg}")
    if pdf_out is not None:
        from screenplay.pdf_writer import render_layout
        problems: list[str] = []
        data = render_layout(doc, laid, problems.append)
        for msg in problems:
            warn(f"{file}: {msg}")
        write_output(pdf_out, data)
        _wrote(pdf_out)
    if html is not None:
        from screenplay.html_writer import render_html
        if footer is not None:  # the HTML page has no room below the body for a footer
            for page in laid.pages:
                page.lines = [ln for ln in page.lines if ln.kind != "footer"]
        if scenes is not None or character is not None:  # sides: only the kept scenes
            from screenplay.production import sides_document
            doc = sides_document(doc, laid)
        v = settings.values
        write_output(html, render_html(doc, paper=v["paper"], mode=v["mode"], layout=laid))
        _wrote(html)


def _wrote(dest: str | os.PathLike[str]) -> None:
    if os.fspath(dest) != "-":
        done(f"wrote {os.fspath(dest)}")
