"""The layout settings as data: papers, modes, and every setting's name, values and help.

Pure data with no imports of the layout, so the layout, the writers and
:mod:`screenplay.settings` (which resolves values) all read the one definition
without importing each other in a circle.  :mod:`screenplay.settings` re-exports it.
"""
from __future__ import annotations

from collections import namedtuple

PAPERS = ("letter", "a4")
MODES = ("spec", "shooting")
#: The mode every command uses unless told otherwise (Final Draft's shooting script).
DEFAULT_MODE = "shooting"
SCENE_NUMBER_SIDES = ("both", "left", "right", "none")


class Setting(namedtuple("Setting", ("name", "kind", "choices", "default", "help"))):
    """One layout setting.  ``kind`` is "choice", "bool" or "text"; ``default`` None
    means "from the mode's preset"."""

    __slots__ = ()

    @property
    def option(self) -> str:
        """The command-line option: ``--scene-numbers``; a switch also has ``--no-...``."""
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("paper", "choice", PAPERS, "letter", "Paper size: letter or a4."),
    Setting("mode", "choice", MODES, DEFAULT_MODE,
            "Preset: shooting (default: scene numbers, same-speaker CONT'D) or spec."),
    Setting("scene_numbers", "choice", SCENE_NUMBER_SIDES, None,
            "Scene numbers in both margins, left, right or none (mode's preset)."),
    Setting("scene_continueds", "bool", (), None,
            "(CONTINUED)/CONTINUED: where a scene runs across pages (off in both presets)."),
    Setting("more_contd", "bool", (), True,
            "(MORE) and a (CONT'D) cue where a speech breaks across pages."),
    Setting("auto_contd", "bool", (), None,
            "(CONT'D) when the same character speaks again after action (mode's preset)."),
    Setting("title_page", "bool", (), True, "Print the title page."),
    Setting("notes", "bool", (), False, "Print [[notes]] in the text (they are left out)."),
    Setting("page_number_format", "text", (), "{n}.",
            "Page number text, {n} for the number: '{n}.' (default), 'Page {n}'."),
)
BY_NAME = {s.name: s for s in SETTINGS}
#: Settings a title page cannot set: "Notes:" is Fountain's own title-page key.
_NOT_FROM_TITLE = frozenset({"notes"})
#: Title-page keys that set a layout setting (lower case): read, never printed.
TITLE_KEYS = frozenset(k for s in SETTINGS if s.name not in _NOT_FROM_TITLE
                       for k in (s.name, s.name.replace("_", " ")))


__all__ = ["BY_NAME", "DEFAULT_MODE", "MODES", "PAPERS", "SCENE_NUMBER_SIDES", "SETTINGS",
           "TITLE_KEYS", "Setting"]
