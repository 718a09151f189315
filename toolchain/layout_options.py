"""The layout options of ``render``/``build``/``watch``/``report``, declared once.

Every option comes from :data:`screenplay.settings.SETTINGS`: a choice or text
setting is ``--name VALUE``, a switch is ``--name/--no-name``.  Typer reads them
through :func:`with_layout_options` (which adds them to a command's signature),
and the quick path (:mod:`toolchain.quick`) through :data:`QUICK_OPTIONS`, so the
two can never disagree.  Nothing here imports Typer until a command is declared.
"""
from __future__ import annotations

from screenplay.settings import SETTINGS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

#: option word -> (setting name, value): value None means "the next word is the value".
QUICK_OPTIONS: dict[str, tuple[str, object]] = {}
for _s in SETTINGS:
    if _s.kind == "bool":
        QUICK_OPTIONS[_s.option] = (_s.name, True)
        QUICK_OPTIONS["--no-" + _s.option[2:]] = (_s.name, False)
    else:
        QUICK_OPTIONS[_s.option] = (_s.name, None)
del _s


def _help(s: Any) -> str:
    if s.kind == "choice":
        return s.help + f" [{'|'.join(s.choices)}]"
    return s.help


def with_layout_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add every layout setting as an option of a Typer command.

    The command receives them gathered as ``layout``: a dict of the options given
    on the command line (options left out are absent, so the project file, the
    title page and the presets can decide them).
    """
    import functools
    import inspect
    from typing import Optional

    import typer

    from typing import get_type_hints

    sig = inspect.signature(func)
    hints = get_type_hints(func)      # real objects: the command's module may defer them
    annotations = {k: v for k, v in hints.items() if k != "layout"}
    params = [p.replace(annotation=hints.get(p.name, p.annotation))
              for p in sig.parameters.values() if p.name != "layout"]
    names = []
    for s in SETTINGS:
        if s.kind == "bool":
            opt = typer.Option(None, f"{s.option}/--no-{s.option[2:]}", help=_help(s),
                               show_default=False)
            ann: Any = Optional[bool]
        else:
            opt = typer.Option(None, s.option, help=_help(s), show_default=False)
            ann = Optional[str]
        params.append(inspect.Parameter(s.name, inspect.Parameter.KEYWORD_ONLY,
                                        default=opt, annotation=ann))
        annotations[s.name] = ann
        names.append(s.name)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        layout = {n: kwargs.pop(n) for n in names if kwargs.get(n) is not None}
        for n in names:
            kwargs.pop(n, None)
        return func(*args, layout=layout, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = annotations
    del wrapper.__wrapped__  # Typer must read the new signature, not the original's
    return wrapper
