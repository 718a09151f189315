"""Property-based fuzzing of every input path (issue 8).

Each test makes inputs a reader might meet (structured ones built from the
format's own vocabulary and then damaged, plus raw bytes in odd encodings) and
holds the code to tests/fuzz_contract.py: a reader returns a Document or raises
InputError, and every writer then handles what was read.  Inputs that ever
failed live in tests/fixtures/fuzz/ and are replayed by test_fuzz_regressions.py.

Example counts are kept small for CI; set HYPOTHESIS_EXAMPLES=2000 (say) to
search harder locally.
"""
from __future__ import annotations

import json
import os
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screenplay.errors import InputError
from screenplay.fdx import SP
from screenplay.xml_io import NS

from .fuzz_contract import check_contract, write_everything


def _examples(default: int) -> settings:
    """Settings for one property: ``default`` examples unless HYPOTHESIS_EXAMPLES says more.

    Random or not as the profile says (tests/conftest.py: fixed unless HYPOTHESIS_PROFILE=search).
    """
    n = int(os.environ.get("HYPOTHESIS_EXAMPLES", "0") or 0) or default
    return settings(max_examples=n, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------

#: Characters that mean something somewhere in our formats, plus awkward Unicode.
_AWKWARD = ("\t", "\r", "\x0c", "\x0b", "\x01", "\u00a0", "\u200b", "\u2028", "\ufeff", "\ufffd",
            "\U0001f600", "\u0301", "\uff08", "\uff09", "\u3002", "é", "Ж", "日")
_words = st.sampled_from(["INT.", "EXT.", "INT./EXT.", "I/E", "EST.", "ИНТ.", "DAY", "NIGHT", "-",
                          "BOB", "ALICE", "(V.O.)", "(CONT'D)", "CUT TO:", "FADE OUT.", "TO:",
                          "hello", "the", "room", "#1#", "#12A#", "#", "##", "=", "===", "~", "!",
                          "@", ".", ">", "<", "^", "*", "**", "***", "_", "\\", "/*", "*/", "[[",
                          "]]", "(", ")", ":", "Title:", "Author:", "Draft date:", "  ", " ",
                          "&", "<b>", "]]>", "<!--", "\"", "'"])
_chunk = st.one_of(_words, st.sampled_from(_AWKWARD), st.text(max_size=6))
_line = st.lists(_chunk, max_size=8).map(" ".join)
#: Fountain-like text: lines of meaningful tokens, with blank lines between blocks.
fountain_text = st.lists(st.one_of(_line, st.just(""), st.just("  ")), max_size=30).map("\n".join)

_BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-32")


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Text encoded some way a user's editor might have saved it, BOM or not."""
    s = draw(text)
    enc = draw(st.sampled_from(_ENCODINGS))
    data = s.encode(enc, errors="replace")
    return draw(st.sampled_from(_BOMS)) + data


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """A few byte-level edits: cut, duplicate, overwrite or insert."""
    b = bytearray(data)
    for _ in range(draw(st.integers(0, 4))):
        if not b:
            break
        i = draw(st.integers(0, len(b) - 1))
        j = draw(st.integers(i, min(len(b), i + 64)))
        op = draw(st.sampled_from(("cut", "dup", "flip", "insert", "truncate")))
        if op == "cut":
            del b[i:j]
        elif op == "dup":
            b[i:i] = b[i:j]
        elif op == "flip":
            b[i] = draw(st.integers(0, 255))
        elif op == "insert":
            b[i:i] = draw(st.sampled_from([b"<", b">", b"&", b"&amp;", b"</", b"/>", b"\"", b"\x00",
                                           b"\xff", b"]]>", b"<![CDATA[", b"<!--", b"<?x?>",
                                           b"&#0;", b"&#xD800;", b"\xe2\x80"]))
        else:
            del b[i:]
    return bytes(b)


def _attr_values() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(["", "0", "1", "-1", "2", "7", "1000", "1001",
                                      "99999999999999999999", "abc", "true", "false", "yes",
                                      "Yes", "bold", "italic underline", "1A", "12A", "I-1-A",
                                      "note", "boneyard", "section", "synopsis", " 3 ", "١٢"]),
                     st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=8))


def _xml_text() -> st.SearchStrategy[str]:
    """Text XML can hold (control characters would only ever test the parser's refusal)."""
    return st.one_of(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12),
                     _line.map(lambda t: "".join(c for c in t if c >= " " or c in "\t\n")))


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def xml_tree(draw: st.DrawFn, tags: list[str], attrs: list[str], depth: int = 0) -> str:
    """An element built from a vocabulary, serialised by hand (so it may be invalid)."""
    tag = draw(st.sampled_from(tags))
    names = draw(st.lists(st.sampled_from(attrs), max_size=4, unique=True))
    at = "".join(f" {n}={quoteattr(draw(_attr_values()))}" for n in names)
    kids = []
    if depth < 4:
        for _ in range(draw(st.integers(0, 4))):
            kids.append(draw(xml_tree(tags, attrs, depth + 1)))
            kids.append(_esc(draw(_xml_text())))
    return f"<{tag}{at}>{_esc(draw(_xml_text()))}{''.join(kids)}</{tag}>"


_SP_TAGS = ["title-page", "field", "value", "cast", "character", "body", "scene", "heading",
            "action", "speech", "cue", "extension", "parenthetical", "dialogue", "lyrics",
            "transition", "centered", "page-break", "section", "synopsis", "note", "boneyard",
            "em", "inline-note", "inline-boneyard", "screenplay", "other"]
_SP_ATTRS = ["line", "last-line", "number", "forced", "dual", "name", "key", "depth", "style",
             "int-ext", "location", "sublocation", "time", "speeches", "version"]


def _maybe(draw: st.DrawFn, name: str, good: st.SearchStrategy[str]) -> str:
    """An attribute: often absent, usually a valid value, sometimes a random one."""
    pick = draw(st.integers(0, 19))
    if pick < 8:
        return ""
    value = draw(good) if pick < 19 else draw(_attr_values())
    return f" {name}={quoteattr(value)}"


def _req(draw: st.DrawFn, name: str, good: st.SearchStrategy[str]) -> str:
    """A required attribute: a valid value, once in a while a random one."""
    value = draw(_attr_values()) if draw(st.integers(0, 19)) == 19 else draw(good)
    return f" {name}={quoteattr(value)}"


_LINE = st.integers(1, 500).map(str)
_BOOL = st.sampled_from(["true", "false"])


@st.composite
def _inline(draw: st.DrawFn) -> str:
    """Mixed content: text with <em>, <inline-note> and <inline-boneyard>."""
    out = [_esc(draw(_xml_text()))]
    for _ in range(draw(st.integers(0, 3))):
        tag = draw(st.sampled_from(["em", "em", "inline-note", "inline-boneyard"]))
        style = f" style={quoteattr(draw(st.sampled_from(['bold', 'italic', 'underline', 'bold italic', 'italic underline'])))}"
        out.append(f"<{tag}{style if tag == 'em' else ''}>{_esc(draw(_xml_text()))}</{tag}>")
        out.append(_esc(draw(_xml_text())))
    return "".join(out)


@st.composite
def _body_element(draw: st.DrawFn) -> str:
    lines = _maybe(draw, "line", _LINE) + _maybe(draw, "last-line", _LINE)
    kind = draw(st.sampled_from(["action", "transition", "lyrics", "centered", "synopsis",
                                 "section", "note", "boneyard", "page-break", "speech", "speech"]))
    if kind == "speech":
        exts = "".join(f"<extension>{_esc(draw(_xml_text()))}</extension>"
                       for _ in range(draw(st.integers(0, 2))))
        name = _req(draw, "name", st.sampled_from(["BOB", "ALICE", "MRS. O'HARA", "日本"]))
        cue = f"<cue{name}{_maybe(draw, 'dual', _BOOL)}{_maybe(draw, 'forced', _BOOL)}>{exts}</cue>"
        parts = "".join(f"<{t}>{draw(_inline())}</{t}>" for t in draw(st.lists(
            st.sampled_from(["dialogue", "parenthetical", "lyrics"]), max_size=3)))
        return f"<speech{lines}>{cue}{parts}</speech>"
    if kind == "page-break":
        return f"<page-break{lines}/>"
    extra = _maybe(draw, "forced", _BOOL) if kind in ("action", "transition") else ""
    if kind == "section":
        extra = _req(draw, "depth", st.sampled_from(["1", "2", "3", "6", "1000"]))
    content = _esc(draw(_xml_text())) if kind in ("note", "boneyard") else draw(_inline())
    return f"<{kind}{lines}{extra}>{content}</{kind}>"


@st.composite
def screenplay_xml(draw: st.DrawFn) -> bytes:
    """Screenplay XML shaped as the schema says (mostly), then maybe damaged or salted.

    Mostly-valid documents reach the model and the writers; the salt (a random
    element from the vocabulary somewhere) and the byte damage try the refusals.
    """
    out = []
    if draw(st.booleans()):
        fields = "".join(
            f"<field{_req(draw, 'key', st.sampled_from(['Title', 'Author', 'Draft date', 'Notes']))}"
            f"{_maybe(draw, 'line', _LINE)}>"
            + "".join(f"<value>{draw(_inline())}</value>" for _ in range(draw(st.integers(0, 3))))
            + "</field>" for _ in range(draw(st.integers(0, 3))))
        out.append(f"<title-page>{fields}</title-page>")
    names = draw(st.lists(st.sampled_from(["BOB", "ALICE", "MRS. O'HARA", "日本"]), unique=True,
                          max_size=3))
    out.append("<cast>" + "".join(f"<character name={quoteattr(n)} speeches=\"1\"/>" for n in names)
               + "</cast>")
    body = [draw(_body_element()) for _ in range(draw(st.integers(0, 3)))]
    for _ in range(draw(st.integers(0, 3))):
        heading = (f"<heading{_maybe(draw, 'forced', _BOOL)}{_maybe(draw, 'line', _LINE)}>"
                   f"{draw(_inline())}</heading>")
        number = _maybe(draw, "number", st.sampled_from(["1", "12A", "I-1-A", "2", "3"]))
        kids = "".join(draw(_body_element()) for _ in range(draw(st.integers(0, 3))))
        body.append(f"<scene{number}>{heading}{kids}</scene>")
    out.append("<body>" + "".join(body) + "</body>")
    if draw(st.integers(0, 4)) == 0:  # salt: a random vocabulary element somewhere
        out.insert(draw(st.integers(0, len(out))), draw(xml_tree(_SP_TAGS, _SP_ATTRS, 2)))
    ns = f' xmlns="{NS}" version="1"' if draw(st.integers(0, 9)) < 9 else \
        draw(st.sampled_from([f' xmlns="{NS}"', "", ' xmlns="urn:x"', f' xmlns="{NS}" version="2"']))
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n<screenplay{ns}>{"".join(out)}</screenplay>'.encode()
    return draw(damaged(data)) if draw(st.integers(0, 3)) == 0 else data


_FDX_TAGS = ["Content", "Paragraph", "Text", "DualDialogue", "TitlePage", "SceneProperties",
             "ElementSettings", "Other"]
_FDX_ATTRS = ["Type", "Style", "Alignment", "StartsNewPage", "Number", "sp:kind", "sp:forced",
              "sp:dual", "sp:keep", "sp:standalone", "sp:depth", "sp:key", "sp:index", "sp:empty"]
_FDX_TYPES = ["Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition",
              "Shot", "General", "Lyrics", "Cast List", "New Act", ""]


@st.composite
def fdx_paragraph(draw: st.DrawFn, depth: int = 0) -> str:
    """A Final Draft paragraph with plausible types, runs and our private attributes."""
    attrs = {"Type": draw(st.sampled_from(_FDX_TYPES))}
    for name in draw(st.lists(st.sampled_from(_FDX_ATTRS[1:]), max_size=3, unique=True)):
        attrs[name] = draw(st.one_of(_attr_values(), st.sampled_from(
            ["Center", "Yes", "Bold+Italic", "Underline+Bold", "note", "section", "boneyard"])))
    at = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    runs = []
    for _ in range(draw(st.integers(0, 3))):
        style = draw(st.sampled_from(["", ' Style="Bold"', ' Style="Italic+Underline"',
                                      ' sp:kind="note"', ' sp:kind="boneyard"']))
        runs.append(f"<Text{style}>{_esc(draw(st.one_of(fountain_text, _xml_text())))}</Text>")
    if depth < 2 and draw(st.integers(0, 5)) == 0:
        inner = "".join(draw(st.lists(fdx_paragraph(depth + 1), max_size=4)))
        runs.append(f"<DualDialogue>{inner}</DualDialogue>")
    return f"<Paragraph{at}>{''.join(runs)}</Paragraph>"


@st.composite
def fdx_document(draw: st.DrawFn) -> bytes:
    """An FDX file: paragraphs in Content, maybe a title page, extra junk, maybe damaged."""
    body = "".join(draw(st.lists(fdx_paragraph(), max_size=10)))
    title = ""
    if draw(st.booleans()):
        title = "<TitlePage><Content>" + "".join(draw(st.lists(fdx_paragraph(2), max_size=5))) + \
            "</Content></TitlePage>"
    junk = "".join(draw(st.lists(xml_tree(_FDX_TAGS, _FDX_ATTRS[:5]), max_size=2)))
    data = (f'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
            f'<FinalDraft DocumentType="Script" Version="5" xmlns:sp="{SP}">'
            f"<Content>{body}</Content>{title}{junk}</FinalDraft>").encode()
    return draw(damaged(data)) if draw(st.booleans()) else data


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                        st.floats(allow_nan=True), st.text(max_size=6),
                        st.sampled_from(["text", "note", "boneyard", "bold", "action", "speech",
                                         "character", "dialogue", "section", "sceneheading"]))
    return st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=3),
                                                     st.dictionaries(st.text(max_size=6), c,
                                                                     max_size=3)), max_leaves=8)


def _paths(node: Any, at: tuple = ()) -> list[tuple]:
    out = [at]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, at + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, at + (i,))
    return out


@st.composite
def model_json(draw: st.DrawFn) -> bytes:
    """A real model document (from Fountain) with a few of its values swapped for random ones."""
    from screenplay.fountain_reader import parse_fountain
    from screenplay.json_io import to_dict
    try:
        data: Any = to_dict(parse_fountain(draw(fountain_text)))
    except InputError:
        data = {"format": "screenplay-model", "body": []}
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        value = draw(_json_values())
        if not path:
            continue
        node = data
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    text = json.dumps(data, allow_nan=True)
    return text.encode() if draw(st.booleans()) else draw(damaged(text.encode()))


# ---------------------------------------------------------------------------
# Properties: readers
# ---------------------------------------------------------------------------


@_examples(150)
@given(fountain_text)
def test_fountain_text_reads_and_writes_everywhere(text: str) -> None:
    from screenplay.fountain_reader import parse_fountain
    try:
        doc = parse_fountain(text)
    except InputError:
        return
    write_everything(doc)


@_examples(100)
@given(st.one_of(encoded(fountain_text), st.binary(max_size=300)))
def test_fountain_bytes_in_any_encoding(data: bytes) -> None:
    check_contract("fountain", data, pdf=False)


@_examples(120)
@given(screenplay_xml())
def test_screenplay_xml_from_vocabulary(data: bytes) -> None:
    check_contract("xml", data)


@_examples(60)
@given(screenplay_xml())
def test_screenplay_xml_unvalidated(data: bytes) -> None:
    """``validate=False`` is a public door too: shapes the XSD would refuse reach the model."""
    from screenplay.xml_io import read_xml_bytes
    try:
        doc = read_xml_bytes(data, validate=False)
    except InputError:
        return
    write_everything(doc, pdf=False)


@_examples(60)
@given(fountain_text, st.data())
def test_our_own_xml_damaged(text: str, data: st.DataObject) -> None:
    """Start from valid XML of ours and break it a little."""
    from screenplay.fountain_reader import parse_fountain
    from screenplay.xml_io import write_xml
    try:
        xml = write_xml(parse_fountain(text)).encode()
    except InputError:
        return
    check_contract("xml", data.draw(damaged(xml)), pdf=False)


@_examples(120)
@given(fdx_document())
def test_fdx_like_documents(data: bytes) -> None:
    check_contract("fdx", data)


@_examples(60)
@given(fountain_text, st.data())
def test_our_own_fdx_damaged(text: str, data: st.DataObject) -> None:
    from screenplay.fdx import write_fdx
    from screenplay.fountain_reader import parse_fountain
    try:
        fdx = write_fdx(parse_fountain(text)).encode()
    except InputError:
        return
    check_contract("fdx", data.draw(damaged(fdx)), pdf=False)


@_examples(150)
@given(model_json())
def test_model_json_with_wrong_types(data: bytes) -> None:
    check_contract("json", data, pdf=False)


@_examples(60)
@given(st.one_of(_json_values().map(lambda v: json.dumps(v).encode()),
                 st.dictionaries(st.sampled_from(["format", "title_page", "body", "version"]),
                                 _json_values()).map(
                     lambda d: json.dumps({**d, "format": "screenplay-model"}).encode())))
def test_arbitrary_json(data: bytes) -> None:
    check_contract("json", data, pdf=False)


@_examples(60)
@given(st.sampled_from(["fountain", "xml", "fdx", "json"]),
       st.one_of(st.binary(max_size=200), encoded(st.text(max_size=80))))
def test_random_bytes_any_reader(reader: str, data: bytes) -> None:
    check_contract(reader, data, pdf=False)


@_examples(80)
@given(fountain_text)
def test_json_round_trip_is_identity(text: str) -> None:
    """What our JSON writer produces, the stricter JSON reader still accepts unchanged."""
    from screenplay.fountain_reader import parse_fountain
    from screenplay.json_io import read_json, write_json
    try:
        doc = parse_fountain(text)
    except InputError:
        return
    back = read_json(write_json(doc))
    assert back.body == doc.body and back.title_page == doc.title_page


# ---------------------------------------------------------------------------
# Synopsis text (the adapter): slow per example, so few of them
# ---------------------------------------------------------------------------

_prose_words = st.sampled_from(["Anna", "Bob", "she", "he", "they", "walks", "into", "the",
                                "kitchen", "says", '"Hello."', "\u201cNo,\u201d", "next",
                                "morning", "at", "night", "(", ")", "[", "]", ";", ",", ".",
                                "!", "?", "\u2014", "...", "Mr.", "Dr.", "St.", "INT.", "#",
                                "*", "/*", "\n", "\n\n", "e.g.", "1999", "\t"])
prose = st.one_of(st.lists(_prose_words, max_size=60).map(" ".join), st.text(max_size=120))


@pytest.fixture(scope="module")
def nlp() -> Any:
    from toolchain.adapt import load_model
    return load_model()


@_examples(25)
@given(text=prose)
def test_synopsis_text_adapts_and_writes(nlp: Any, text: str) -> None:
    from toolchain.adapt import adapt_text
    try:
        a = adapt_text(text, nlp, "Fuzz", "fuzz.txt")
    except InputError:
        return
    write_everything(a.doc, pdf=False)


@_examples(80)
@given(fountain_text)
def test_our_xml_and_fdx_read_back_to_the_same_model(text: str) -> None:
    """A file we wrote is an input we must read: XML and FDX round-trip the model exactly."""
    from screenplay.fdx import read_fdx, write_fdx
    from screenplay.fountain_reader import parse_fountain
    from screenplay.xml_io import read_xml, write_xml
    try:
        doc = parse_fountain(text)
        xml = write_xml(doc)
    except InputError:
        return  # control characters: refused on the way in or out
    back = read_xml(xml)
    assert (back.title_page, back.body) == (doc.title_page, doc.body)
    back = read_fdx(write_fdx(doc))
    assert (back.title_page, back.body) == (doc.title_page, doc.body)
