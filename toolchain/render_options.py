"""``render``'s own options (outputs, production text, sides), declared once.

The layout options come from :mod:`toolchain.layout_options`; these are the
rest of ``render``'s command line.  Typer reads them through
:func:`with_render_options` and the quick path (:mod:`toolchain.quick`) through
:data:`RENDER_OPTIONS` itself, so an option added here is known to both, with
the same name, and reaches :func:`toolchain.rendering.render_file` under the
same keyword.  Nothing here imports Typer (or typing) until a command is declared.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


class RenderOption:
    """One option: its keyword for ``render_file``, its flag, its help and its kind.

    ``kind`` is ``"path"`` (a file name; ``-`` is standard output), ``"text"``
    (any words) or ``"switch"`` (present or not).
    """

    __slots__ = ("name", "flag", "help", "kind")

    def __init__(self, name: str, flag: str, help: str, kind: str) -> None:
        self.name, self.flag, self.help, self.kind = name, flag, help, kind


RENDER_OPTIONS = (
    RenderOption("pdf", "--pdf", "Write a PDF here ('-': standard output).", "path"),
    RenderOption("html", "--html", "Write HTML here ('-': standard output).", "path"),
    RenderOption("force", "--force",
                 "Replace an existing output even if it is not a PDF/HTML.", "switch"),
    RenderOption("watermark", "--watermark",
                 "Text drawn diagonally in light grey on every page.", "text"),
    RenderOption("header", "--header",
                 "Header text; fields {title} {draft} {date} {page}.", "text"),
    RenderOption("footer", "--footer",
                 "Footer text (PDF only); fields {title} {draft} {date} {page}.", "text"),
    RenderOption("scenes", "--scenes", "Sides: only these scenes, e.g. 12,14-16.", "text"),
    RenderOption("character", "--character",
                 "Sides: every scene this character speaks or appears in.", "text"),
    RenderOption("show_settings", "--show-settings",
                 "Print the effective layout settings and where each comes from; "
                 "render nothing.", "switch"),
)

#: flag -> option, for the quick path's one pass over a command line.
BY_FLAG = {o.flag: o for o in RENDER_OPTIONS}


def with_render_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add every :data:`RENDER_OPTIONS` entry as an option of a Typer command.

    The command receives them gathered as ``options``: keyword -> value for each
    option (None for a text or path left out, False for a switch left out), ready
    to pass on to ``render_file``.
    """
    import functools
    import inspect
    from pathlib import Path
    from typing import Optional, get_type_hints

    import typer

    sig = inspect.signature(func)
    hints = get_type_hints(func)
    params = [p.replace(annotation=hints.get(p.name, p.annotation))
              for p in sig.parameters.values() if p.name != "options"]
    annotations = {k: v for k, v in hints.items() if k != "options"}
    first_keyword = next((i for i, p in enumerate(params)
                          if p.kind is inspect.Parameter.KEYWORD_ONLY), len(params))
    added = []
    for o in RENDER_OPTIONS:
        ann: Any
        if o.kind == "switch":
            default, ann = typer.Option(False, o.flag, help=o.help), bool
        else:
            default = typer.Option(None, o.flag, help=o.help)
            ann = Optional[Path] if o.kind == "path" else Optional[str]
        added.append(inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY,
                                       default=default, annotation=ann))
        annotations[o.name] = ann
    params[first_keyword:first_keyword] = added   # before the layout options, as --help shows

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        options = {o.name: kwargs.pop(o.name, None) for o in RENDER_OPTIONS}
        return func(*args, options=options, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = annotations
    del wrapper.__wrapped__  # Typer must read the new signature, not the original's
    return wrapper
