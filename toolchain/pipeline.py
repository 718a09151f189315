"""The build pipeline shared by ``build`` and ``watch``: check, lay out once, render.

One screenplay goes in (a Document and the name to give its outputs); its
XML is validated against the schema and linted, its pages are laid out once,
and PDF, HTML and XML are written atomically into the output folder.  The
result carries what the summary table shows.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from screenplay.model import Diagnostic, Document

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any
from screenplay.textio import write_atomic

#: Screen time per page: the industry's rule of thumb of one minute a page.
MINUTES_PER_PAGE = 1.0


@dataclass
class Result:
    """What happened to one script."""

    name: str
    source: str
    scenes: int = 0
    pages: int = 0
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    failed: str | None = None  # a one-line reason when the script could not be processed

    @property
    def minutes(self) -> float:
        return self.pages * MINUTES_PER_PAGE

    @property
    def ok(self) -> bool:
        return self.failed is None and not self.errors


def check_document(doc: Document) -> list[Diagnostic]:
    """Schema validation of the document's XML, then lint: what ``screenplay check`` reports."""
    from screenplay.xml_io import validate_document
    return check_policy(validate_document(doc), doc)


def check_policy(found: list[Diagnostic], doc: Document | None) -> list[Diagnostic]:
    """The one check policy (``check``, ``build`` and ``watch``): schema findings plus lint.

    Lint runs whenever there is a document (schema errors do not hide lint
    findings); the same finding reported twice (the schema and lint can agree)
    is shown once; findings are ordered by line, errors first.
    """
    if doc is not None:
        from screenplay.lint import lint
        found = found + lint(doc)
    seen: set[tuple[int, str, str]] = set()
    unique = []
    for d in sorted(found, key=lambda d: (d.line, d.severity != "error", d.rule)):
        key = (d.line, d.rule, d.message)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


#: What render_all writes, by extension, and the kind each must find if the file exists.
OUTPUT_KINDS = {"xml": "xml", "pdf": "pdf", "html": "html"}


def planned_outputs(out_dir: Path, name: str,
                    formats: tuple[str, ...] = ("xml", "pdf", "html")) -> list[tuple[Path, str]]:
    """The files :func:`render_all` will write, with their kinds."""
    return [(out_dir / f"{name}.{f}", OUTPUT_KINDS[f]) for f in formats]


def render_all(doc: Document, name: str, out_dir: Path, *, source: str = "",
               layout: dict[str, Any] | None = None,
               formats: tuple[str, ...] = ("xml", "pdf", "html"), force: bool = False,
               inputs: tuple[str | Path, ...] = (), live: bool = False) -> Result:
    """Check one document and write its outputs as ``out_dir/name.{xml,pdf,html}``.

    Outputs are written even when the check finds errors (a writer wants to see
    the pages), but the result records the errors so the caller can fail.
    ``layout`` holds the layout options of the command line; the settings are
    resolved as ``render`` resolves them (:func:`toolchain.rendering.lay_out`).
    Every output is vetted first (:func:`toolchain.outputs.check_output`): none
    may be one of ``inputs`` or replace a file of another kind (unless ``force``).
    ``live`` (watch) adds the reload script to the HTML and writes its ``.reload.js``.
    """
    from .outputs import check_output
    for p, kind in planned_outputs(out_dir, name, formats):
        check_output(p, kind, force=force, inputs=inputs)
    from screenplay.html_writer import render_html
    from screenplay.pdf_writer import render_layout
    from screenplay.xml_io import write_xml

    from .rendering import lay_out

    t0 = time.perf_counter()
    res = Result(name, source)
    res.scenes = len(doc.scenes())
    found = check_document(doc)
    res.errors = [d for d in found if d.severity == "error"]
    res.warnings = [f"{source or name}:{d.line}: warning: {d.message} [{d.rule}]"
                    for d in found if d.severity != "error"]
    settings, laid, drawn = lay_out(source or name, doc, layout,
                                    on_warning=res.warnings.append)   # drawn: notes may print
    res.pages = len(laid.pages)
    res.warnings.extend(laid.warnings)
    out_dir.mkdir(parents=True, exist_ok=True)
    if "xml" in formats:
        p = out_dir / f"{name}.xml"
        write_atomic(p, write_xml(doc))
        res.outputs.append(p)
    if "pdf" in formats:
        p = out_dir / f"{name}.pdf"
        write_atomic(p, render_layout(drawn, laid, res.warnings.append))
        res.outputs.append(p)
    if "html" in formats:
        p = out_dir / f"{name}.html"
        v = settings.values
        page = render_html(drawn, paper=v["paper"], mode=v["mode"], layout=laid)
        if live:
            from .live_reload import add_reload, reload_script_name
            page, stamp = add_reload(page, p.name)
            write_atomic(p, page)
            write_atomic(out_dir / reload_script_name(p.name), stamp)  # after: the page is there
        else:
            write_atomic(p, page)
        res.outputs.append(p)
    res.seconds = time.perf_counter() - t0
    return res
