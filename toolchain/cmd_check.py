"""``screenplay check``: schema validation and lint, reported like a compiler.

Every script is turned into screenplay XML and validated against the shipped
XSD and Schematron rules, then linted.  Findings name the Fountain source line,
as ``FILE:LINE: error|warning: message [rule]``, so an editor can jump to it.
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from screenplay.errors import InputError
from screenplay.formats import format_for, read_document
from screenplay.model import Diagnostic, Document
from screenplay.textio import display_name, read_bytes

from .app import EXIT_OK, EXIT_PROBLEMS, app, guarded, stdout_write, warn
from .outputs import check_output, write_output
from .runner import say, unknown


def check_file(path: Path, fmt: str | None = None) -> tuple[list[Diagnostic], str | None]:
    """Validate and lint one file; return the findings and the XML that was checked.

    XML input is validated as it stands (its ``line`` attributes point at the
    Fountain source); any other format is read into the model and its XML built.
    """
    from screenplay.validate import validate_tree
    from screenplay.xml_io import from_tree, parse_xml_bytes, write_xml

    from .pipeline import check_policy

    fmt = (fmt or format_for(path)).lower()
    doc: Document | None
    if fmt == "xml":
        data = read_bytes(path)
        tree = parse_xml_bytes(data, display_name(path))
        found = validate_tree(tree, xml_lines=True)
        try:
            doc = from_tree(tree)
        except (InputError, ValueError):  # malformed in ways the schema already reported
            doc = None
        xml = data.decode("utf-8", "replace")
    else:
        doc = read_document(path, fmt)
        xml = write_xml(doc)
        data = xml.encode("utf-8")
        # Our own XML, not an input: the input size limit is not for it.
        found = validate_tree(parse_xml_bytes(data, display_name(path), limit=max(len(data), 1)))
    return check_policy(found, doc), xml


def format_text(path: str, diags: list[Diagnostic]) -> str:
    lines = []
    for d in diags:
        where = f"{path}:{d.line}" if d.line else path
        lines.append(f"{where}: {d.severity}: {d.message} [{d.rule}]")
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(path: str, diags: list[Diagnostic]) -> str:
    from screenplay.validate import schematron_available
    errors = sum(d.severity == "error" for d in diags)
    data = {
        "file": path,
        "valid": errors == 0,
        "errors": errors,
        "warnings": len(diags) - errors,
        "schematron": schematron_available(),
        "diagnostics": [{"file": path, "line": d.line, "severity": d.severity,
                         "message": d.message, "rule": d.rule} for d in diags],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@app.command(epilog="""Examples:

  screenplay check draft.fountain

  screenplay check draft.fountain --format json

  screenplay check draft.fountain --xml draft.xml   (keep the validated XML)
""")
def check(
    file: Path = typer.Argument(..., help="Screenplay to check (.fountain, .xml, .fdx, .json)."),
    fmt: str = typer.Option("text", "--format", help="Report format: text or json."),
    xml_out: Optional[Path] = typer.Option(None, "--xml", help="Also write the checked XML here."),
    from_: Optional[str] = typer.Option(None, "--from", "-f",
                                        help="Input format (default: by file extension)."),
    force: bool = typer.Option(False, "--force",
                               help="Let --xml replace an existing file that is not screenplay XML."),
) -> None:
    """Validate a screenplay against the XML schema and lint it.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
    """

    def work() -> int:
        if fmt not in ("text", "json"):
            raise unknown("report format", fmt, ("text", "json"))
        if xml_out is not None:
            check_output(xml_out, "xml", force=force, inputs=[file])
        from screenplay.validate import schematron_available
        diags, xml = check_file(file, from_)
        if not schematron_available():
            warn("lxml has no isoschematron here; Schematron rules were not checked")
        if xml_out is not None and xml is not None:
            write_output(xml_out, xml)
        shown = display_name(file)
        stdout_write(format_json(shown, diags) if fmt == "json" else format_text(shown, diags))
        errors = sum(d.severity == "error" for d in diags)
        if fmt == "text":
            say(f"{shown}: {_count(errors, 'error')}, {_count(len(diags) - errors, 'warning')}")
        return EXIT_PROBLEMS if errors else EXIT_OK

    code = guarded(work)
    raise typer.Exit(code)
