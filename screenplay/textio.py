"""Reading text files safely and writing output files atomically.

Every command goes through these two doors so that bad input gives one clear
error and no output file is ever left half-written.
"""
from __future__ import annotations

import os
import stat

from .errors import InputError

#: Largest input accepted.  A 1,000-page script is about 1.5 MB of Fountain.
MAX_INPUT_BYTES = 16 * 1024 * 1024

#: Control characters that mark a file as binary: all but tab, line feed, form feed and CR.
_CONTROL = tuple(chr(c) for c in [*range(0, 9), 11, *range(14, 32), 127])


#: The name ``-`` stands for standard input (and, for outputs, standard output).
STDIN = "-"


def display_name(path: str | os.PathLike) -> str:
    """How messages name an input: ``<stdin>`` for ``-``, else the path as given."""
    p = os.fspath(path)
    return "<stdin>" if p == STDIN else str(p)


def _read_stdin(limit: int) -> bytes:
    import sys
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError("standard input is closed", source="<stdin>")
    try:
        data = stream.read(limit + 1)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source="<stdin>") from None
    if len(data) > limit:
        raise InputError(f"input is over the {limit / 1e6:.0f} MB input limit", source="<stdin>")
    return data


def read_bytes(path: str | os.PathLike, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file, refusing what is not a regular, bounded file.

    ``-`` reads standard input (bounded the same way).
    """
    p = os.fspath(path)
    if p == STDIN:
        return _read_stdin(limit)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=str(path)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file", source=str(path))
    if st.st_size > limit:
        raise InputError(
            f"file is {st.st_size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB input limit",
            source=str(path),
        )
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=str(path)) from None
    if len(data) > limit:
        raise InputError(f"file is over the {limit / 1e6:.0f} MB input limit", source=str(path))
    return data


def decode_text(data: bytes, source: str | None = None, limit: int = MAX_INPUT_BYTES) -> str:
    """Decode UTF-8 (with or without BOM, or UTF-16 with BOM), refusing binary data clearly.

    Line endings are left alone; readers normalise them.  The size limit is
    checked here too, so that bytes handed to a reader directly (not read
    through :func:`read_bytes`) are bounded like files are.
    """
    if len(data) > limit:
        raise InputError(f"input is {len(data) / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB "
                         "input limit", source=source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a byte-order mark is unambiguous (Windows editors write it).
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError("starts like UTF-16 but does not decode as it", source=source) from None
    if is_pdf(data):
        raise InputError("is a PDF: read it as one (a .pdf name, or --from pdf)", source=source)
    if b"\x00" in data:
        raise InputError("looks like a binary file (contains NUL bytes), not text", source=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"is not valid UTF-8 (byte 0x{data[e.start]:02x} on line {line}); save it as UTF-8",
            source=source,
        ) from None
    head = text[:4096]
    bad = sum(map(head.count, _CONTROL))  # counted in C, not a Python loop per character
    if bad > 8:
        raise InputError("looks like a binary file (control characters), not text", source=source)
    return text


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF: ``%PDF-`` within the first KiB, as readers allow."""
    return b"%PDF-" in data[:1024]


def read_text(path: str | os.PathLike, limit: int = MAX_INPUT_BYTES) -> str:
    """Read and decode a UTF-8 text file."""
    return decode_text(read_bytes(path, limit), source=display_name(path), limit=limit)


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The data goes to a temporary file in the same folder, is flushed to disk and
    then renamed over the target.
    """
    p = os.fspath(path)
    try:
        _write_atomic(p, data)
    except OSError as e:
        # Name the file the person asked for, never our temporary file beside it.
        if e.filename != p or getattr(e, "filename2", None):
            raise OSError(e.errno, e.strerror or str(e), p) from None
        raise


def _write_atomic(p: str, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder, name = os.path.split(p)
    if folder:
        os.makedirs(folder, exist_ok=True)
    fd, tmp = _create_temporary(folder, name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            mode = os.stat(p).st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


#: How the temporary file is opened: created here and now (never an existing file
#: or a planted symbolic link), and not inherited by child processes.
_TMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
              | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _create_temporary(folder: str, name: str) -> tuple[int, str]:
    """A new, private file in ``folder``: ``.NAME.<random>.tmp``.

    The same guarantees as ``tempfile.mkstemp`` without importing ``tempfile``
    (with ``random`` and ``shutil`` it costs a one-shot render several ms).
    """
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, _TMP_FLAGS, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder or '.'}: could not create a temporary file")


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m
