"""The error discipline every command shares, without importing Typer.

Each command runs its work through :func:`guarded`, so that bad input becomes
one line on stderr and a documented exit code, never a traceback:

* 0  ok
* 1  problems found in the input (check errors, a refused overwrite)
* 2  usage or I/O error: the input could not be read or the output written
* 3  internal error (a bug: please report it)

This lives apart from the Typer app (:mod:`toolchain.app`) so that the quick
path for a plain ``screenplay render`` (:mod:`toolchain.quick`) behaves exactly
like the full CLI while skipping Typer's start-up, a fifth of a one-shot render.
A failure leaves by ``SystemExit`` with the exit code, which Typer passes through.
"""
from __future__ import annotations

import os
import sys

from screenplay.errors import InputError

TYPE_CHECKING = False  # typing is for type checkers only: it costs every start milliseconds
if TYPE_CHECKING:
    from typing import Callable, Iterable, NoReturn, TypeVar

    T = TypeVar("T")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Ctrl-C, by the shell's convention (128 + SIGINT).
EXIT_INTERRUPTED = 130
#: The reader of standard output went away (128 + SIGPIPE, what ``yes | head`` gives):
#: quiet, but never 0, since the output was cut short.
EXIT_BROKEN_PIPE = 141

#: Control characters (C0, DEL, C1) shown escaped in messages: a file name holding a
#: newline or an escape sequence must not split a message or drive the terminal.
_UNPRINTABLE = dict.fromkeys([*range(0, 32), *range(127, 160)])


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``): one message, one line.

    Bytes of a file name that are not UTF-8 (which Python keeps as lone surrogates)
    are shown as ``\\xNN`` too, rather than failing to print.
    """
    if not any(ord(c) < 32 or 127 <= ord(c) < 160 or 0xDC80 <= ord(c) <= 0xDCFF for c in text):
        return text
    return "".join(repr(c)[1:-1] if ord(c) in _UNPRINTABLE
                   else f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c
                   for c in text)


class Settings:
    """Options that hold for the whole command line (set by the root options)."""

    #: ``--quiet``: warnings and progress are not shown.
    quiet = False


class Refused(Exception):
    """A command declines to act (for example, to overwrite an edited file)."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS):
        super().__init__(message)
        self.code = code


def unknown(what: str, value: str, known: "Iterable[str]") -> Refused:
    """The refusal of a bad option value, with a suggestion as for a mistyped option.

    ``unknown mode 'shoting' - did you mean 'shooting'? (known: spec, shooting)``, exit 2.
    """
    import difflib
    names = list(known)
    close = difflib.get_close_matches(value.lower(), names, n=1, cutoff=0.6)
    hint = f" \u2014 did you mean '{close[0]}'?" if close else ""
    return Refused(f"unknown {what} '{value}'{hint} (known: {', '.join(names)})", EXIT_USAGE)


def say(line: str, err: bool = True) -> None:
    """One line of output (escaped) on stderr, or stdout with ``err=False``."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # the stream was closed before we started
        return
    stream.write(printable(line) + "\n")
    stream.flush()


def say_error(message: str) -> None:
    say(f"screenplay: error: {message}")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Report one error line and leave with ``code``."""
    say_error(message)
    raise SystemExit(code)


def warn(message: str) -> None:
    if not Settings.quiet:
        say(f"screenplay: warning: {message}")


def done(message: str) -> None:
    """Say what a command did (``wrote out/a.pdf``), on stderr, unless ``--quiet``."""
    if not Settings.quiet:
        say(message)


def guarded(work: "Callable[[], T]", time_limited: bool = True) -> "T":
    """Run a command body, turning every failure into one line and an exit code.

    ``time_limited`` bounds the whole body by the per-file time limit; commands
    that handle several files (``build``) pass False and bound each file.
    """
    from .limits import time_limit, time_limit_from_env
    from .pdf_progress import install
    install()
    try:
        with time_limit(time_limit_from_env() if time_limited else None):
            return work()
    except InputError as e:
        fail(str(e), EXIT_USAGE)
    except Refused as e:
        fail(str(e), e.code)
    except KeyboardInterrupt:
        sys.stderr.write("screenplay: interrupted; no file was left half-written\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        broken_pipe()
    except OSError as e:
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        fail(f"{where}{e.strerror or e}", EXIT_USAGE)
    except MemoryError:
        fail("out of memory on this input", EXIT_USAGE)
    except RecursionError:
        fail("input is nested too deeply", EXIT_USAGE)
    except Exception as e:  # a bug: still no traceback for the user
        if os.environ.get("SCREENPLAY_DEBUG"):
            raise
        fail(f"internal error: {type(e).__name__}: {e} (set SCREENPLAY_DEBUG=1 for a traceback)",
             EXIT_INTERNAL)


def broken_pipe() -> NoReturn:
    """Leave quietly, and not with 0, when the reader of our standard output has gone.

    Standard output is pointed at /dev/null first, so that Python's flush at exit
    does not report the broken pipe a second time.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    raise SystemExit(EXIT_BROKEN_PIPE)


def stdout_write(data: str | bytes) -> None:
    """Write all of ``data`` to standard output, or fail clearly.

    Goes to the file descriptor in a loop: with ``PYTHONUNBUFFERED=1`` Python's
    own unbuffered stream may write only part of a large block and say nothing.
    A closed standard output is an I/O error (exit 2), a reader that went away
    a quiet exit 141.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if sys.stdout is None:
        fail("cannot write to standard output: it is closed", EXIT_USAGE)
    try:
        sys.stdout.flush()
        fd = sys.stdout.fileno()
        view = memoryview(raw)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except BrokenPipeError:
        broken_pipe()
    except (OSError, ValueError) as e:  # EBADF, or a stream without a descriptor
        if not isinstance(e, OSError) or e.errno is None:
            buf = getattr(sys.stdout, "buffer", None)  # e.g. a test's captured stream
            if buf is not None:
                buf.write(raw)
                buf.flush()
            else:
                sys.stdout.write(raw.decode("utf-8", "replace"))
                sys.stdout.flush()
            return
        fail(f"cannot write to standard output: {e.strerror or e}", EXIT_USAGE)
