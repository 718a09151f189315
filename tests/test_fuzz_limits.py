"""Huge and deeply nested inputs finish, with a result or a one-line error (issue 8).

Each case builds its input inside a fresh Python process and reads it there, so
that a hang is caught by the subprocess timeout (no pytest-timeout plugin needed)
and a blow-up cannot take the test run with it.  The timeouts are generous (the
cases take well under a second on a laptop); they are there to turn "never
finishes", the quadratic failures these cases once had, into a failure.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT

#: Seconds a case may take before it counts as a hang (each takes < 2 s normally).
BUDGET = 120

_RUNNER = textwrap.dedent("""
    import resource, sys
    sys.path.insert(0, {root!r})
    from screenplay.errors import InputError
    from tests.fuzz_contract import READERS
    data = {make}
    try:
        doc = READERS[{reader!r}](data)
    except InputError as e:
        msg = str(e)
        assert "\\n" not in msg, msg
        print("REFUSED", msg)
    else:
        {after}
        print("OK", len(doc.body), len(doc.diagnostics))
    print("RSS_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
""")

#: After a successful read, the text writers run too (they must stay linear; the
#: FDX writer once took a gigabyte and minutes on one 10 MB paragraph).
_WRITE = ("from screenplay.fountain_writer import write_fountain; "
          "from screenplay.json_io import write_json; from screenplay.xml_io import write_xml; "
          "from screenplay.fdx import write_fdx; "
          "write_fountain(doc); write_json(doc); write_xml(doc); write_fdx(doc)")

_XML_ROOT = "b'<screenplay xmlns=\"urn:x-screenplay-toolchain:screenplay:1\" version=\"1\"><cast/>'"

CASES = {
    # Fountain: each of these was (or could have been) quadratic in the masking pass.
    "20k-nested-boneyard-openers": ("fountain", "b'/*' * 20000", "OK"),
    "20k-unclosed-boneyards-on-lines": ("fountain", "b'/* aside\\n' * 20000", "OK"),
    "50k-unclosed-note-openers": ("fountain", "b'[[' * 50000", "OK"),
    "notes-split-by-blank-lines": ("fountain", "b'[[ a\\n\\n' * 20000 + b']]'", "OK"),
    "one-10MB-line": ("fountain", "b'a' * 10_000_000", "OK"),
    "100k-tiny-scenes": ("fountain",
                         "b''.join(b'INT. ROOM %d - DAY\\n\\n' % i for i in range(100_000))", "OK"),
    "1MB-cue-name": ("fountain", "b'INT. X - DAY\\n\\n' + b'A' * 1_000_000 + b'\\nHello.\\n'", "OK"),
    "1MB-of-emphasis-marks": ("fountain", "b'*_' * 500_000", "OK"),
    # XML and FDX: lxml refuses nesting deeper than 256 levels unless huge_tree is on.
    "xml-100k-nested-elements": ("xml", _XML_ROOT + " + b'<body>' * 100000 + b'</body>' * 100000"
                                 " + b'</screenplay>'", "REFUSED"),
    "xml-section-depth-1e12": ("xml", _XML_ROOT + " + b'<body><section depth=\"1000000000000\">"
                               "A</section></body></screenplay>'", "REFUSED"),
    "xml-100k-empty-actions": ("xml", _XML_ROOT + " + b'<body>' + b'<action/>' * 100000 + "
                               "b'</body></screenplay>'", "OK"),
    "fdx-100k-nested-paragraphs": ("fdx", "b'<FinalDraft><Content>' + b'<Paragraph>' * 100000 + "
                                   "b'</Paragraph>' * 100000 + b'</Content></FinalDraft>'",
                                   "REFUSED"),
    "fdx-section-depth-1e12": ("fdx", "b'<FinalDraft xmlns:sp=\"urn:x-screenplay-toolchain:fdx-extras:1\">"
                               "<Content><Paragraph Type=\"General\" sp:kind=\"section\" "
                               "sp:depth=\"1000000000000\"><Text># A</Text></Paragraph>"
                               "</Content></FinalDraft>'", "OK"),
    # JSON: the C parser recurses per level.
    "json-1M-nested-arrays": ("json", "b'[' * 1_000_000", "REFUSED"),
    "json-section-depth-1e12": ("json", "b'{\"format\": \"screenplay-model\", \"body\": [{\"type\": "
                                "\"section\", \"text\": [], \"depth\": 1000000000000}]}'",
                                "REFUSED"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_large_input_finishes_with_result_or_one_line_error(case: str) -> None:
    reader, make, expected = CASES[case]
    code = _RUNNER.format(root=str(ROOT), make=make, reader=reader, after=_WRITE)
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=BUDGET, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: still running after {BUDGET} s (reader or writer not linear)")
    assert proc.returncode == 0, f"{case} raised:\n{proc.stderr[-3000:]}"
    first = proc.stdout.splitlines()[0]
    assert first.startswith(("OK", "REFUSED")), proc.stdout
    if expected:
        assert first.startswith(expected), first
    rss = int(proc.stdout.split("RSS_MB")[1].split()[0])
    # Bounded memory: a 16 MB input may not cost more than about 1 GiB to read and write.
    assert rss < 1024, f"{case}: peak RSS {rss} MB"


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    """The 16 MB limit is checked from the file's size, before its bytes are read."""
    from screenplay.errors import InputError
    from screenplay.formats import read_document
    from screenplay.textio import MAX_INPUT_BYTES
    for ext in (".fountain", ".xml", ".fdx", ".json"):
        big = tmp_path / f"big{ext}"
        with open(big, "wb") as f:
            f.truncate(MAX_INPUT_BYTES + 1)  # sparse: no 16 MB write needed
        with pytest.raises(InputError, match="input limit"):
            read_document(big)


def test_bytes_over_the_size_limit_are_refused_by_every_reader() -> None:
    """Bytes handed to a reader directly (a library caller, not a file) are bounded too."""
    from screenplay.errors import InputError
    from screenplay.formats import READERS
    from screenplay.textio import MAX_INPUT_BYTES
    big = b"A" * (MAX_INPUT_BYTES + 1)
    for fmt, reader in sorted(READERS.items()):
        with pytest.raises(InputError, match="input limit"):
            reader(big, f"big.{fmt}")


def test_synopsis_paragraph_over_the_limit_is_refused_before_parsing() -> None:
    """spaCy raises ValueError over 1,000,000 characters; the adapter refuses far sooner."""
    from screenplay.errors import InputError
    from toolchain.adapt import adapt_text, load_model
    from toolchain.adapt.nlp import MAX_UNIT_CHARS
    with pytest.raises(InputError, match="too long to adapt") as e:
        adapt_text("word " * (MAX_UNIT_CHARS // 5 + 1), load_model(), "T", "long.txt")
    assert "\n" not in str(e.value)
