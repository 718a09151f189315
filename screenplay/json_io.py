"""The document model as JSON, for scripts and tests.

Each element is an object with a ``type`` (its class name in lower case) and its
fields; inline text is a list of runs ``{"text", "style": [...], "kind"}``.
Source line ranges are kept as ``"lines": [first, last]``.
"""
from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from . import model as m
from .errors import InputError

_TYPES: dict[str, type] = {
    cls.__name__.lower(): cls
    for cls in (m.SceneHeading, m.Action, m.Speech, m.Lyrics, m.Transition, m.Centered,
                m.PageBreak, m.Section, m.Synopsis, m.Note, m.Boneyard, m.Character,
                m.Parenthetical, m.Dialogue)
}
_STYLE_NAMES = ((m.BOLD, "bold"), (m.ITALIC, "italic"), (m.UNDERLINE, "underline"))
_TEXT_FIELDS = {"text"}


def _text_out(t: m.Text) -> list[dict[str, Any]]:
    out = []
    for r in t:
        d: dict[str, Any] = {"text": r.text}
        if r.style:
            d["style"] = [n for b, n in _STYLE_NAMES if r.style & b]
        if r.kind != m.TEXT:
            d["kind"] = r.kind
        out.append(d)
    return out


def _obj(el: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"type": type(el).__name__.lower()}
    for f in fields(el):
        v = getattr(el, f.name)
        if f.name == "lines":
            d["lines"] = list(v)
        elif f.name == "text" and isinstance(v, tuple):
            d["text"] = _text_out(v)
        elif f.name == "character":
            d["character"] = _obj(v)
        elif f.name == "parts":
            d["parts"] = [_obj(p) for p in v]
        elif isinstance(v, tuple):
            d[f.name] = list(v)
        else:
            d[f.name] = v
    return d


def to_dict(doc: m.Document) -> dict[str, Any]:
    """The document as plain JSON-able data."""
    return {
        "format": "screenplay-model",
        "version": 1,
        "title_page": [
            {"key": f.key, "values": [_text_out(v) for v in f.values], "lines": list(f.lines)}
            for f in doc.title_page
        ],
        "body": [_obj(el) for el in doc.body],
        "scenes": [
            {"index": s.index, "number": s.heading.number, "heading": s.heading.plain,
             "int_ext": s.heading.int_ext, "location": s.heading.location,
             "sublocation": s.heading.sublocation, "time": s.heading.time,
             "lines": list(s.lines)}
            for s in doc.scenes()
        ],
        "diagnostics": [
            {"line": d.line, "severity": d.severity, "message": d.message, "rule": d.rule}
            for d in doc.diagnostics
        ],
    }


def write_json(doc: m.Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1) + "\n"


def _text_in(data: Any) -> m.Text:
    runs = []
    for r in data:
        style = 0
        for b, n in _STYLE_NAMES:
            if n in r.get("style", ()):
                style |= b
        runs.append(m.Run(str(r["text"]), style, r.get("kind", m.TEXT)))
    return tuple(runs)


def _el_in(d: dict[str, Any]) -> Any:
    cls = _TYPES[d["type"]]
    kw: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in d:
            continue
        v = d[f.name]
        if f.name == "lines":
            kw["lines"] = tuple(v)
        elif f.name == "text" and isinstance(v, list):
            kw["text"] = _text_in(v)
        elif f.name == "character":
            kw["character"] = _el_in(v)
        elif f.name == "parts":
            kw["parts"] = [_el_in(p) for p in v]
        elif f.name == "extensions":
            kw["extensions"] = tuple(v)
        else:
            kw[f.name] = v
    return cls(**kw)


def from_dict(data: dict[str, Any]) -> m.Document:
    """Rebuild a document from :func:`to_dict` output."""
    try:
        title = [m.TitleField(f["key"], [_text_in(v) for v in f["values"]], tuple(f.get("lines", (0, 0))))
                 for f in data.get("title_page", [])]
        body = [_el_in(e) for e in data.get("body", [])]
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise InputError(f"not a screenplay model JSON document ({type(e).__name__}: {e})") from None
    assert all(is_dataclass(b) for b in body)
    return m.Document(title, body)


def read_json(text: str) -> m.Document:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", line=e.lineno) from None
    if not isinstance(data, dict) or data.get("format") != "screenplay-model":
        raise InputError("JSON is not a screenplay model document (no \"format\": \"screenplay-model\")")
    return from_dict(data)
