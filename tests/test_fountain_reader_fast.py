"""The Fountain reader's cheap pre-checks must never change what it reads.

The reader tests a line's first characters against small sets before it tries
the case-blind heading regex, and tests for forbidden characters one by one
instead of with a regex search.  These tests derive the sets from the regexes
themselves, so that a change to a regex cannot silently leave a pre-check stale.
"""
from __future__ import annotations

import re
import sys

from screenplay.fountain_reader import _HEADING_FIRST, _HEADING_SECOND, parse_fountain
from screenplay.fountain_rules import FORBIDDEN_CHARS, FORBIDDEN_RE, HEADING_RE

_ALL = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
# A case-blind regex relates characters only through their case mappings, so the
# characters it can match are among those whose upper or lower case is ASCII or
# Cyrillic (white space and "/" are matched as themselves).
_BASIC = re.compile("[\x00-\x7f\u0400-\u04ff]")
_CANDIDATES = [c for c in _ALL if _BASIC.search(c.lower() + c.upper() + c.casefold())
               or c.isspace()]
# Every continuation the heading prefixes allow after their first one or two characters.
_TAILS_AFTER_FIRST = ["NT ", "nt.", "XT ", "ST ", "/E ", " / I ", "\u041d\u0422 ", "\u0410\u0422 ",
                      "\u041a\u0421\u0422 "]
_TAILS_AFTER_SECOND = ["T ", "t.", "E ", "I ", "/E ", "\u0422 ", "\u0421\u0422 ", "T/EXT "]


def test_heading_first_characters_are_exactly_those_the_regex_allows() -> None:
    found = {c for c in _CANDIDATES if any(HEADING_RE.match(c + t) for t in _TAILS_AFTER_FIRST)}
    assert found == set(_HEADING_FIRST)


def test_heading_second_characters_cover_every_match() -> None:
    for first in _HEADING_FIRST:
        for c in _CANDIDATES:
            if c in _HEADING_SECOND or c.isspace():
                continue
            assert not any(HEADING_RE.match(first + c + t) for t in _TAILS_AFTER_SECOND), (first, c)
    # ...and none of the set is there for nothing.
    for c in _HEADING_SECOND:
        assert any(HEADING_RE.match(f + c + t) for f in _HEADING_FIRST for t in _TAILS_AFTER_SECOND)


def test_forbidden_characters_are_exactly_those_the_regex_matches() -> None:
    assert set(FORBIDDEN_CHARS) == {c for c in _ALL if FORBIDDEN_RE.match(c)}


def test_case_blind_headings_still_read() -> None:
    for line in ["\u0130NT. HOUSE - DAY", "\u0131nt. house", "e\u017ft. bridge", "I /E CAR - NIGHT",
                 "\u043d\u0430\u0442. \u0423\u041b\u0418\u0426\u0410", "Ext.\u3000x"]:
        doc = parse_fountain(f"{line}\n\nSome action.\n")
        assert type(doc.body[0]).__name__ == "SceneHeading", line
