"""The document model as JSON, for scripts and tests.

Each element is an object with a ``type`` (its class name in lower case) and its
fields; inline text is a list of runs ``{"text", "style": [...], "kind"}``.
Source line ranges are kept as ``"lines": [first, last]``.
"""
from __future__ import annotations

import json
from typing import Any

from . import model as m
from .errors import InputError
from .fountain_rules import clean_scene_number

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
    for name in m.field_names(el):
        v = getattr(el, name)
        if name == "lines":
            d["lines"] = list(v)
        elif name == "text" and isinstance(v, tuple):
            d["text"] = _text_out(v)
        elif name == "character":
            d["character"] = _obj(v)
        elif name == "parts":
            d["parts"] = [_obj(p) for p in v]
        elif isinstance(v, tuple):
            d[name] = list(v)
        else:
            d[name] = v
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
             "int_ext": hp.int_ext, "location": hp.location,
             "sublocation": hp.sublocation, "time": hp.time,
             "lines": list(s.lines)}
            for s in doc.scenes()
            for hp in (s.heading.parts(),)  # parsed once, not once per field
        ],
        "diagnostics": [
            {"line": d.line, "severity": d.severity, "message": d.message, "rule": d.rule}
            for d in doc.diagnostics
        ],
    }


def write_json(doc: m.Document) -> str:
    """The model as JSON text, one element (title field, scene, ...) per line.

    Why not ``indent=``: with an indent, ``json`` falls back to its pure-Python
    encoder, which took seconds and half a gigabyte on a script of 100,000
    scenes.  Encoding each list item compactly keeps the C encoder and still
    gives a file that diffs and greps one element per line.
    """
    def dump(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    out = ["{"]
    items = list(to_dict(doc).items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, list) and value:
            out.append(f" {dump(key)}: [")
            out.append(",\n".join("  " + dump(v) for v in value))
            out.append(f" ]{comma}")
        else:
            out.append(f" {dump(key)}: {dump(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


#: Deepest outline section a file may ask for: the writers spell depth as that many
#: "#" characters, so an unchecked number from a file could ask for gigabytes.
MAX_SECTION_DEPTH = 1000
_KINDS = (m.TEXT, m.NOTE, m.BONEYARD)
_BODY_TYPES = frozenset(("sceneheading", "action", "speech", "lyrics", "transition", "centered",
                         "pagebreak", "section", "synopsis", "note", "boneyard"))
_PART_TYPES = frozenset(("parenthetical", "dialogue", "lyrics"))


class _Malformed(ValueError):
    """A model JSON value of the wrong type or shape; its message is for the user."""


def _need(ok: bool, what: str) -> None:
    """Refuse a value of the wrong JSON type (a hand-edited file is untrusted input)."""
    if not ok:
        raise _Malformed(what)


#: Longest integer accepted in a JSON file (line numbers and the like need far fewer
#: digits; Python refuses to convert more than 4,300, with a message about its internals).
_MAX_INT_DIGITS = 20


def _parse_int(digits: str) -> int:
    if len(digits) > _MAX_INT_DIGITS:
        raise _Malformed(f"a number has {len(digits.lstrip('-')):,} digits; "
                         f"at most {_MAX_INT_DIGITS} are accepted")
    return int(digits)


_REQUIRED: dict[type, tuple[str, ...]] = {}


def _required(cls: type) -> tuple[str, ...]:
    """The fields an element's constructor cannot do without."""
    if cls not in _REQUIRED:
        import inspect
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]  # type: ignore[misc]
        _REQUIRED[cls] = tuple(p.name for p in params if p.default is p.empty
                               and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))
    return _REQUIRED[cls]


def _text_in(data: Any) -> m.Text:
    _need(isinstance(data, list), "text must be a list of runs")
    runs = []
    for r in data:
        _need(isinstance(r, dict) and isinstance(r.get("text"), str), "a run needs a string \"text\"")
        names = r.get("style", [])
        _need(isinstance(names, list), "a run's style must be a list")
        style = 0
        for b, n in _STYLE_NAMES:
            if n in names:
                style |= b
        kind = r.get("kind", m.TEXT)
        _need(kind in _KINDS, f"unknown run kind {kind!r}")
        runs.append(m.Run(r["text"], style, kind))
    return tuple(runs)


def _lines_in(v: Any) -> m.Lines:
    _need(isinstance(v, list) and len(v) == 2 and all(type(n) is int for n in v),
          "lines must be two integers")
    return (v[0], v[1])


def _el_in(d: Any, allowed: frozenset[str] = _BODY_TYPES) -> Any:
    _need(isinstance(d, dict), "an element must be an object")
    _need(d.get("type") in allowed, f"element type {d.get('type')!r} is not allowed here")
    cls = _TYPES[d["type"]]
    kw: dict[str, Any] = {}
    for name in m.field_names(cls):
        if name not in d:
            continue
        v = d[name]
        if name == "lines":
            kw["lines"] = _lines_in(v)
        elif name == "text":
            # Notes and boneyard hold raw strings; everything else holds runs.
            if cls in (m.Note, m.Boneyard):
                _need(isinstance(v, str), "a note's or boneyard's text must be a string")
                kw["text"] = v
            else:
                kw["text"] = _text_in(v)
        elif name == "character":
            kw["character"] = _el_in(v, frozenset(("character",)))
        elif name == "parts":
            _need(isinstance(v, list), "parts must be a list")
            kw["parts"] = [_el_in(p, _PART_TYPES) for p in v]
        elif name == "extensions":
            _need(isinstance(v, list) and all(isinstance(e, str) for e in v),
                  "extensions must be strings")
            kw["extensions"] = tuple(v)
        elif name in ("forced", "dual"):
            _need(isinstance(v, bool), f"{name} must be true or false")
            kw[name] = v
        elif name == "depth":
            _need(type(v) is int and 1 <= v <= MAX_SECTION_DEPTH,
                  f"section depth must be a whole number from 1 to {MAX_SECTION_DEPTH}")
            kw[name] = v
        elif name in ("name", "number"):
            _need(isinstance(v, str) or (name == "number" and v is None),
                  f"{name} must be a string")
            # a scene number is one line of a heading: a newline in it would add an element
            kw[name] = clean_scene_number(v) if name == "number" else v
        else:
            kw[name] = v
    missing = [f for f in _required(cls) if f not in kw]
    _need(not missing, f"element \"{d['type']}\" needs " + ", ".join(f'"{f}"' for f in missing))
    return cls(**kw)


def from_dict(data: dict[str, Any]) -> m.Document:
    """Rebuild a document from :func:`to_dict` output."""
    try:
        fields_in = data.get("title_page", [])
        body_in = data.get("body", [])
        _need(isinstance(fields_in, list) and isinstance(body_in, list),
              "title_page and body must be lists")
        title = []
        for f in fields_in:
            _need(isinstance(f, dict) and isinstance(f.get("key"), str)
                  and isinstance(f.get("values"), list), "a title field needs a key and values")
            title.append(m.TitleField(f["key"], [_text_in(v) for v in f["values"]],
                                      _lines_in(f.get("lines", [0, 0]))))
        body = [_el_in(e) for e in body_in]
    except _Malformed as e:
        raise InputError(f"not a screenplay model JSON document: {e}") from None
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InputError("not a screenplay model JSON document: a value has the wrong type "
                         "or shape") from None
    assert all(isinstance(b, m.Record) for b in body)
    return m.Document(title, body)


def read_json(text: str) -> m.Document:
    try:
        data = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", line=e.lineno) from None
    except _Malformed as e:
        raise InputError(f"invalid JSON: {e}") from None
    except RecursionError:  # json's C parser recurses once per nesting level
        raise InputError("invalid JSON: nested too deeply") from None
    if "\\ud" in text.lower():
        # "\ud800"-style escapes give lone surrogates, which no writer can encode.
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("JSON holds an unpaired surrogate escape (\\udXXX), "
                             "which is not a character") from None
    if not isinstance(data, dict) or data.get("format") != "screenplay-model":
        raise InputError("JSON is not a screenplay model document (no \"format\": \"screenplay-model\")")
    return from_dict(data)
