"""Layout settings: resolving papers, modes and every layout rule a user sets.

Each setting has a name (also its ``screenplay.toml`` key and, with dashes, its
command-line option), its values and a one-line help text.  Values come from, in
order of precedence:

1. the command line of ``render``/``build``/``watch``/``report``;
2. ``screenplay.toml`` beside the script or in the nearest parent folder that has one;
3. the script's title page (``Scene Numbers: left``, ``Paper: A4``: a setting's
   name with spaces or underscores, any case), for what a writer sets per script;
4. the mode's preset (``styles/mode-<mode>.json``: ``spec`` or ``shooting``);
5. the built-in default.

:func:`resolve` returns each value with where it came from (what
``render --show-settings`` prints), and :func:`profile_for` the page profile the
layout uses.  This module knows nothing of the command line (the CLI's options are
generated from :data:`SETTINGS`) and reads files only in :func:`read_project_file`.
The table itself (names, values, help) is :mod:`screenplay.setting_defs`.
"""
from __future__ import annotations

import os
from collections import namedtuple

from .errors import InputError
from .layout import load_profile
from .setting_defs import (_NOT_FROM_TITLE, BY_NAME, DEFAULT_MODE, MODES, PAPERS,
                           SCENE_NUMBER_SIDES, SETTINGS, TITLE_KEYS, Setting)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .layout import Profile
    from .model import Document

PROJECT_FILE = "screenplay.toml"

_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def parse_value(setting: Setting, value: object, where: str = "") -> object:
    """A setting's value from a string or TOML value; InputError names ``where`` if given."""
    name = setting.name
    where = f"{where}: " if where else ""
    if setting.kind == "bool":
        if isinstance(value, bool):
            return value
        v = str(value).strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
        raise InputError(f"{where}{name} must be true or false, not {value!r}")
    if not isinstance(value, str):
        raise InputError(f"{where}{name} must be text, not {value!r}")
    if setting.kind == "choice":
        v = value.strip().lower()
        if v not in setting.choices:
            import difflib
            near = difflib.get_close_matches(v, setting.choices, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise InputError(f"{where}unknown {name.replace('_', ' ')} '{value}' "
                             f"(known: {', '.join(setting.choices)}){hint}")
        return v
    v = value.strip()
    try:
        shown = v.format(n=2)
    except (IndexError, KeyError, ValueError) as e:
        raise InputError(f"{where}{name} {value!r} is not a format with {{n}}: {e}") from None
    if "{n}" not in v or not shown or "\n" in shown or len(shown) > 20:
        raise InputError(f"{where}{name} {value!r} must contain {{n}} and print on one line")
    return v


def find_project_file(script: str | os.PathLike[str] | None) -> str | None:
    """The nearest ``screenplay.toml`` in the script's folder or a parent folder."""
    if script is None or str(script) == "-":
        return None
    d = os.path.dirname(os.path.abspath(os.fspath(script)))
    while True:
        cand = os.path.join(d, PROJECT_FILE)
        if os.path.isfile(cand):
            return cand
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def read_project_file(path: str) -> dict[str, Any]:
    """The settings a ``screenplay.toml`` holds (top level, or a ``[layout]`` table)."""
    import importlib
    try:  # by name: tomllib came with Python 3.11, and the project still runs on 3.10
        tomllib = importlib.import_module("tomllib")
    except ImportError:
        raise InputError(f"{path}: reading {PROJECT_FILE} needs Python 3.11 or later") from None
    from .textio import decode_text, read_bytes
    try:
        data = tomllib.loads(decode_text(read_bytes(path), path))
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML: {e}") from None
    table = data.get("layout", data)
    if not isinstance(table, dict):
        raise InputError(f"{path}: [layout] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key == "layout" and isinstance(value, dict):
            continue
        setting = BY_NAME.get(key)
        if setting is None:
            import difflib
            near = difflib.get_close_matches(key, list(BY_NAME), n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise InputError(f"{path}: unknown setting '{key}' "
                             f"(known: {', '.join(BY_NAME)}){hint}")
        out[key] = parse_value(setting, value, path)
    return out


def _title_settings(doc: Document | None, script: object = None) -> dict[str, Any]:
    if doc is None or not doc.title_page:
        return {}
    from .model import plain
    out: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.name in _NOT_FROM_TITLE:
            continue
        for key in (setting.name.replace("_", " "), setting.name):
            lines = doc.title_value(key)
            if lines:
                text = " ".join(plain(t).strip() for t in lines).strip()
                where = f"title page key '{key}'"
                if script is not None and str(script) != "-":
                    where = f"{script}: {where}"
                out[setting.name] = parse_value(setting, text, where)
                break
    return out


class Resolved(namedtuple("Resolved", ("values", "origins"))):
    """Effective settings: name -> value, and name -> where the value came from."""

    __slots__ = ()
    values: dict[str, Any]
    origins: dict[str, str]

    def lines(self) -> list[str]:
        """``name = value  (origin)`` per setting, as ``render --show-settings`` prints."""
        width = max(len(s.name) for s in SETTINGS)
        out = []
        for s in SETTINGS:
            v = self.values[s.name]
            shown = ("true" if v else "false") if isinstance(v, bool) else f"{v}"
            out.append(f"{s.name:<{width}} = {shown:<10} ({self.origins[s.name]})")
        return out


def resolve(cli: dict[str, Any] | None = None, script: str | os.PathLike[str] | None = None,
            doc: Document | None = None, project: dict[str, Any] | None = None,
            project_path: str | None = None) -> Resolved:
    """Effective settings from the command line, the project file, the title page, presets.

    ``cli`` holds only what was given (None values are ignored, and checked here).
    The project file is looked up from ``script`` unless ``project`` is passed.
    """
    given = {k: parse_value(BY_NAME[k], v) for k, v in (cli or {}).items()
             if v is not None}
    if project is None:
        project_path = find_project_file(script)
        project = read_project_file(project_path) if project_path else {}
    file_origin = project_path or PROJECT_FILE
    title = _title_settings(doc, script)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for s in SETTINGS:
        if s.name in given:
            values[s.name], origins[s.name] = given[s.name], "command line"
        elif s.name in project:
            values[s.name], origins[s.name] = project[s.name], file_origin
        elif s.name in title:
            values[s.name], origins[s.name] = title[s.name], "title page"
    preset = load_profile(values.get("paper", "letter"), values.get("mode", DEFAULT_MODE))
    for s in SETTINGS:
        if s.name in values:
            continue
        if s.default is not None:
            values[s.name], origins[s.name] = s.default, "default"
            continue
        origins[s.name] = f"{values['mode']} preset"
        if s.name == "scene_numbers":
            values[s.name] = "both" if preset.scene_numbers else "none"
        else:
            values[s.name] = getattr(preset, s.name)
    return Resolved(values, origins)


def profile_for(settings: Resolved | dict[str, Any]) -> Profile:
    """The page profile the layout uses for these settings."""
    v = settings.values if isinstance(settings, Resolved) else settings
    base = load_profile(v.get("paper", "letter"), v.get("mode", DEFAULT_MODE))
    changes: dict[str, Any] = {}
    if "scene_numbers" in v:
        changes["scene_numbers"] = v["scene_numbers"] != "none"
        changes["scene_number_sides"] = v["scene_numbers"]
    if "title_page" in v:
        changes["print_title_page"] = bool(v["title_page"])
    if "notes" in v:
        changes["print_notes"] = bool(v["notes"])
    for name in ("scene_continueds", "more_contd", "auto_contd", "page_number_format"):
        if name in v:
            changes[name] = v[name]
    return base._replace(**changes) if changes else base


__all__ = ["BY_NAME", "DEFAULT_MODE", "MODES", "PAPERS", "PROJECT_FILE", "SCENE_NUMBER_SIDES",
           "SETTINGS", "TITLE_KEYS", "Resolved", "Setting", "find_project_file", "parse_value",
           "profile_for", "read_project_file", "resolve"]
