"""The findings of ``screenplay check`` for an open document, placed on its lines.

The same three sources as the command: the reader's own warnings (unclosed
notes and boneyard), the XML schema and Schematron rules
(:func:`screenplay.xml_io.validate_document`) and lint
(:func:`screenplay.lint.lint`).  Each becomes a plain record with a 0-based line
and a code-point column range covering the line's text; the server turns them
into LSP diagnostics with the rule name as the code.
"""
from __future__ import annotations

from screenplay.model import Diagnostic

from .index import DocumentIndex


class Finding:
    """One diagnostic: where (0-based line, code-point columns), how bad, what, which rule."""

    __slots__ = ("line", "start", "end", "severity", "message", "rule")

    def __init__(self, line: int, start: int, end: int, severity: str, message: str,
                 rule: str) -> None:
        self.line, self.start, self.end = line, start, end
        self.severity, self.message, self.rule = severity, message, rule

    def __repr__(self) -> str:
        return f"Finding({self.line}, {self.severity}, {self.rule!r}, {self.message!r})"


def _place(index: DocumentIndex, d: Diagnostic) -> Finding:
    line = max(d.line - 1, 0)
    if line >= len(index.lines):
        line = max(len(index.lines) - 1, 0)
    text = index.lines[line] if index.lines else ""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if end <= start:  # a blank line: a zero-width range at its start
        start = end = 0
    return Finding(line, start, end, d.severity, d.message, d.rule)


def lint_diagnostics(index: DocumentIndex) -> list[Diagnostic]:
    """The reader's warnings and lint, or one error when the text cannot be read (fast)."""
    if index.doc is None:
        err = index.error
        message = err.message if err is not None else "cannot be read"
        return [Diagnostic(getattr(err, "line", None) or 1, message, "unreadable", "error")]
    from screenplay.lint import lint
    return lint(index.doc)


def schema_diagnostics(index: DocumentIndex) -> list[Diagnostic]:
    """The XML schema and Schematron findings (most of a check's time)."""
    if index.doc is None:
        return []
    from screenplay.xml_io import validate_document
    return validate_document(index.doc)


def place(index: DocumentIndex, found: list[Diagnostic]) -> list[Finding]:
    """Findings on this text's lines, errors first on a line, each rule and message once."""
    seen: set[tuple[int, str, str]] = set()
    out = []
    for d in sorted(found, key=lambda d: (d.line, d.severity != "error", d.rule)):
        key = (d.line, d.rule, d.message)
        if key not in seen:
            seen.add(key)
            out.append(_place(index, d))
    return out


def check_findings(index: DocumentIndex, schema: bool = True) -> list[Finding]:
    """Everything ``screenplay check`` would report for this text, in line order.

    A document that cannot be read gets one error on the line the reader named.
    ``schema=False`` leaves out the XML schema checks (lint and the reader only).
    """
    found = lint_diagnostics(index)
    if schema:
        found = schema_diagnostics(index) + found
    return place(index, found)


def shift(found: list[Diagnostic], start: int, end: int, inserted_lines: int
          ) -> list[Diagnostic]:
    """Move findings (1-based lines) across an edit of 0-based lines ``start``..``end``.

    Lines after the edit move by the change in line count; lines inside it go to
    its first line.  Keeps the last schema findings in place while the schema
    check of the new text is still to come.
    """
    delta = inserted_lines - (end - start)
    out = []
    for d in found:
        ln = d.line - 1
        if ln > end:
            ln += delta
        elif ln > start:
            ln = start
        out.append(Diagnostic(ln + 1, d.message, d.rule, d.severity))
    return out
