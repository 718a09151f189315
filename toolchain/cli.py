"""Entry point of the ``screenplay`` command: the app with every command module loaded."""
from __future__ import annotations

import sys

from .app import app

# Each module registers its commands on ``app`` when imported.
from . import cmd_convert  # noqa: F401,E402
from . import cmd_check  # noqa: F401,E402
from . import cmd_render  # noqa: F401,E402
from . import cmd_adapt  # noqa: F401,E402
from . import cmd_report  # noqa: F401,E402
from . import cmd_watch  # noqa: F401,E402
from . import cmd_build  # noqa: F401,E402


def main() -> None:
    from .limits import stop_cleanly_on_sigterm
    stop_cleanly_on_sigterm()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("screenplay: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
