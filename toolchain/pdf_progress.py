"""A progress bar for reading long PDFs, shown on a terminal only.

The library's PDF reader reports pages read through a plain callback
(``screenplay.formats.PDF_PROGRESS``); this is the command line's callback,
which draws a rich bar on standard error for PDFs over :data:`MIN_PAGES`.
"""
from __future__ import annotations

#: Shorter PDFs read in well under a second: no bar.
MIN_PAGES = 20

TYPE_CHECKING = False  # typing is for type checkers only; rich is imported on first use
if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID


class PageBar:
    """Called with (pages read, pages): starts a bar on the first call of a long PDF."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if total <= MIN_PAGES:
            return
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
            console = self.console or Console(stderr=True)
            self.progress = progress = Progress(TextColumn("reading PDF"), BarColumn(),
                                                MofNCompleteColumn(), console=console, transient=True)
            progress.start()
            self.task = progress.add_task("pages", total=total)
        assert self.task is not None   # set with the bar
        self.progress.update(self.task, completed=done)
        if done >= total:
            self.progress.stop()
            self.progress = None


def install() -> None:
    """Show the bar for PDF inputs when standard error is a terminal."""
    import sys
    if sys.stderr.isatty():
        import screenplay.formats as formats
        formats.PDF_PROGRESS = PageBar()
