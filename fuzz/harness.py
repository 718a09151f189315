"""One atheris harness for every reader: ``python fuzz/harness.py <reader> [libFuzzer args]``.

Why one file for four harnesses: the contract (tests/fuzz_contract.py) is the
same for each reader, only the door differs, and libFuzzer wants a separate
process per target anyway.  The thin per-format scripts beside this file
(fuzz_fountain.py, ...) name the reader, so each can be run on its own.

Any exception other than InputError escapes TestOneInput and atheris records
the input as a crash; libFuzzer's own -timeout and -rss_limit_mb catch hangs and
memory blow-ups.  atheris is a fuzzing tool, not a dependency: nothing under
tests/ imports this file.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["screenplay", "tests.fuzz_contract"]):
    # Import every module the contract reaches so that all of it is instrumented
    # (the contract itself imports lazily).
    import screenplay.fdx  # noqa: F401
    import screenplay.fountain_reader  # noqa: F401
    import screenplay.fountain_writer  # noqa: F401
    import screenplay.html_writer  # noqa: F401
    import screenplay.inline  # noqa: F401
    import screenplay.json_io  # noqa: F401
    import screenplay.layout  # noqa: F401
    import screenplay.layout_blocks  # noqa: F401
    import screenplay.layout_paginate  # noqa: F401
    import screenplay.layout_text  # noqa: F401
    import screenplay.model  # noqa: F401
    import screenplay.pdf_writer  # noqa: F401
    import screenplay.textio  # noqa: F401
    import screenplay.validate  # noqa: F401
    import screenplay.xml_io  # noqa: F401
    from tests.fuzz_contract import READERS, check_contract, read_or_refuse

#: FUZZ_PDF=0 skips the PDF writer (reportlab dominates the time per input);
#: FUZZ_WRITE=0 runs the reader alone, tens of times more inputs per second.
_PDF = os.environ.get("FUZZ_PDF", "1") != "0"
_WRITE = os.environ.get("FUZZ_WRITE", "1") != "0"


def main(reader: str, argv: list[str]) -> None:
    if reader not in READERS:
        sys.exit(f"unknown reader {reader!r}; choose from {', '.join(READERS)}")

    def test_one_input(data: bytes) -> None:
        if _WRITE:
            check_contract(reader, data, pdf=_PDF)
        else:
            read_or_refuse(reader, data)

    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: harness.py <fountain|xml|fdx|json> [libFuzzer options] [corpus dirs]")
    main(sys.argv[1], [sys.argv[0], *sys.argv[2:]])
