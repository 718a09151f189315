"""Pagination: from the document model to pages of positioned lines.

This is the one place that decides where every printed row goes, so the PDF
writer, the HTML writer and the breakdown reports (page counts, eighths) all
agree page for page.  It knows nothing about PDF or HTML: a page is a list of
:class:`LaidLine` on a grid of 12 pt rows and 0.1 in columns, following
``format-standard.md`` (Final Draft's geometry and pagination rules).

Public API::

    profile = load_profile(paper="letter", mode="spec")   # styles/*.json
    layout = paginate(doc, profile)                        # -> Layout
    for page in layout.pages:
        page.number, page.label                            # 1, "" / 2, "2."
        for line in page.lines:                            # LaidLine
            line.row, line.x, line.runs, line.kind, line.scene, line.source
            line.element, line.start, line.end, line.hard      # what it prints, from where
    layout.title_page                                      # list[LaidLine] or None
    layout.scenes                                          # list[SceneSpan]: pages, eighths

Coordinates: ``x`` is inches from the left page edge where the text starts;
``row`` is the 0-based body row (baseline at ``first_baseline_pt + pitch * row``),
and ``row == HEADER_ROW`` is the page-number line above the body.
"""
from __future__ import annotations

from .errors import InputError
from .layout_types import (CONTENT_KINDS, FURNITURE_KINDS, HEADER_ROW, MAX_PAGES, ElementStyle,
                           LaidLine, Layout, Page, Profile, SceneSpan, eighths_text)
from .model import Document
from .setting_defs import MODES, PAPERS  # the one definition of both

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Any


# ---------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------

def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _read_json(name: str) -> dict[str, Any]:
    import json  # only when a profile is first loaded, not at import

    from .resources import style_path
    try:
        with open(style_path(name), encoding="utf-8") as f:
            return json.loads(f.read())
    except FileNotFoundError:
        raise InputError(f"page profile {name} is missing from the styles folder") from None
    except (OSError, ValueError) as e:
        raise InputError(f"page profile {name} cannot be read: {e}") from None


_PROFILE_CACHE: dict[tuple[str, str], Profile] = {}


def load_profile(paper: str = "letter", mode: str = "spec") -> Profile:
    """The page profile for a paper size and script mode, from ``styles/``."""
    paper, mode = paper.lower(), mode.lower()
    if paper not in PAPERS:
        raise InputError(f"unknown paper '{paper}' (known: {', '.join(PAPERS)})")
    if mode not in MODES:
        raise InputError(f"unknown mode '{mode}' (known: {', '.join(MODES)})")
    key = (paper, mode)
    if key in _PROFILE_CACHE:
        return _PROFILE_CACHE[key]
    data = _merge(_merge(_read_json("profile-base.json"), _read_json(f"paper-{paper}.json")),
                  _read_json(f"mode-{mode}.json"))
    try:
        prof = _profile_from_dict(data)
    except (KeyError, TypeError, ValueError) as e:
        raise InputError(f"page profile {paper}/{mode} is malformed: {e}") from None
    _PROFILE_CACHE[key] = prof
    return prof


def _profile_from_dict(d: dict[str, Any]) -> Profile:
    els = dict(d["elements"])
    dual_left = els.pop("dual_left")
    dual_right = els.pop("dual_right")
    elements = {k: ElementStyle(**v) for k, v in els.items()}
    pn = d.get("page_number", {})
    return Profile(
        paper=d["paper"], mode=d["mode"],
        page_width_in=float(d["page_width_in"]), page_height_in=float(d["page_height_in"]),
        body_rows=int(d["body_rows"]),
        top_margin_in=float(d.get("top_margin_in", 1.0)),
        body_left_in=float(d.get("body_left_in", 1.5)),
        font_size_pt=float(d.get("font_size_pt", 12)),
        row_pitch_pt=float(d.get("row_pitch_pt", 12)),
        char_width_in=float(d.get("char_width_in", 0.1)),
        elements=elements, dual_left=dual_left, dual_right=dual_right,
        more_text=d.get("more_text", "(MORE)"), contd_text=d.get("contd_text", "(CONT'D)"),
        more_below_capacity=bool(d.get("more_below_capacity", False)),
        page_number_right_in=float(pn.get("right_in", 7.5)),
        page_number_baseline_pt=float(pn.get("baseline_pt", 48)),
        page_number_format=pn.get("format", "{n}."),
        page_number_first_page=bool(pn.get("first_page", False)),
        scene_numbers=bool(d.get("scene_numbers", False)),
        scene_number_left_in=float(d.get("scene_number_left_in", 0.75)),
        scene_number_right_in=float(d.get("scene_number_right_in", 7.38)),
        scene_continueds=bool(d.get("scene_continueds", False)),
        continued_bottom_in=float(d.get("continued_bottom_in", 6.0)),
        continued_top_in=float(d.get("continued_top_in", 1.5)),
        continued_counter=bool(d.get("continued_counter", True)),
        auto_contd=bool(d.get("auto_contd", False)),
        draft_header=bool(d.get("draft_header", False)),
        title_page=dict(d.get("title_page", {})),
        first_baseline_pt=(float(d["first_baseline_pt"]) if "first_baseline_pt" in d else None),
        glyph_advance_pt=(float(d["glyph_advance_pt"]) if "glyph_advance_pt" in d else None),
    )


def paginate(doc: Document, profile: Profile | None = None) -> Layout:
    """Lay a document out on pages.  Linear in the size of the document."""
    from .gcpause import gc_paused
    from .layout_paginate import Paginator
    with gc_paused():
        return Paginator(doc, profile or load_profile()).run()


__all__ = [
    "CONTENT_KINDS", "FURNITURE_KINDS", "HEADER_ROW", "MAX_PAGES", "ElementStyle", "LaidLine",
    "Layout", "Page", "Profile", "SceneSpan", "eighths_text", "load_profile", "paginate",
]
