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
    from screenplay.lint import lint
    from screenplay.xml_io import validate_document
    found = validate_document(doc)
    if not any(d.severity == "error" and d.rule == "xsd" for d in found):
        found = found + lint(doc)
    return sorted(found, key=lambda d: (d.line, d.severity != "error", d.rule))


def render_all(doc: Document, name: str, out_dir: Path, *, source: str = "",
               paper: str = "letter", mode: str = "shooting",
               formats: tuple[str, ...] = ("xml", "pdf", "html")) -> Result:
    """Check one document and write its outputs as ``out_dir/name.{xml,pdf,html}``.

    Outputs are written even when the check finds errors (a writer wants to see
    the pages), but the result records the errors so the caller can fail.
    """
    from screenplay.html_writer import render_html
    from screenplay.layout import load_profile, paginate
    from screenplay.pdf_writer import render_layout
    from screenplay.xml_io import write_xml

    t0 = time.perf_counter()
    res = Result(name, source)
    res.scenes = len(doc.scenes())
    found = check_document(doc)
    res.errors = [d for d in found if d.severity == "error"]
    res.warnings = [f"{source or name}:{d.line}: warning: {d.message} [{d.rule}]"
                    for d in found if d.severity != "error"]
    layout = paginate(doc, load_profile(paper, mode))
    res.pages = len(layout.pages)
    res.warnings.extend(layout.warnings)
    out_dir.mkdir(parents=True, exist_ok=True)
    if "xml" in formats:
        p = out_dir / f"{name}.xml"
        write_atomic(p, write_xml(doc))
        res.outputs.append(p)
    if "pdf" in formats:
        p = out_dir / f"{name}.pdf"
        write_atomic(p, render_layout(doc, layout, res.warnings.append))
        res.outputs.append(p)
    if "html" in formats:
        p = out_dir / f"{name}.html"
        write_atomic(p, render_html(doc, paper=paper, mode=mode, layout=layout))
        res.outputs.append(p)
    res.seconds = time.perf_counter() - t0
    return res
