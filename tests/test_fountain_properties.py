"""Property tests: the reader never fails on text, and model -> Fountain -> model is exact.

The documents are generated from the model's own vocabulary, restricted only to
what Fountain can spell (for example, a scene heading cannot end in ``#1#``
without that becoming its scene number).
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain
from screenplay.inline import canonical_text
from screenplay.model import (
    BOLD, ITALIC, UNDERLINE, Action, Boneyard, Centered, Character, Dialogue, Document, Lyrics,
    Note, PageBreak, Parenthetical, Run, SceneHeading, Section, Speech, Synopsis, TitleField,
    Transition,
)

SETTINGS = settings(max_examples=int(__import__("os").environ.get("HYPOTHESIS_EXAMPLES", "300")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# -- any text at all ---------------------------------------------------------------

FOUNTAINISH = st.lists(
    st.sampled_from(list("INTEXabcZ019 .:!@#=>~<^()[]*/_\\\t\n\r'\u00e9\u0416\u3002") +
                    ["INT. ", "EXT. ", "CUT TO:", "[[", "]]", "/*", "*/", "===", "\n\n",
                     "  \n", "Title: ", "\ufeff", "#1A#", "@", "~", "\x01"]),
    max_size=120,
).map("".join)


@SETTINGS
@given(FOUNTAINISH)
def test_reader_raises_nothing_but_input_error_on_fountainish_text(text: str) -> None:
    try:
        doc = parse_fountain(text)
    except InputError:
        return
    # Whatever it read must write and read again without error.
    parse_fountain(write_fountain(doc))


@SETTINGS
@given(st.text(max_size=300))
def test_reader_raises_nothing_but_input_error_on_any_text(text: str) -> None:
    try:
        parse_fountain(text)
    except InputError:
        pass


# -- generated documents -----------------------------------------------------------------

_CHARS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"-") + \
    list("*_\\[]/#@~()<>=^&\u00e9\u00df\u0416\u03a9\u4e2d")
_word = st.text(alphabet=st.sampled_from(_CHARS), min_size=1, max_size=10)


def _line(max_words: int = 5) -> st.SearchStrategy[str]:
    return st.lists(_word, min_size=1, max_size=max_words).map(" ".join).map(str.strip).filter(bool)


_style = st.sampled_from([0, 0, 0, BOLD, ITALIC, UNDERLINE, BOLD | ITALIC, BOLD | UNDERLINE,
                          BOLD | ITALIC | UNDERLINE])
_note_text = st.text(alphabet=st.sampled_from(list("abc XYZ.\n")), min_size=1, max_size=20).map(
    lambda s: "\n".join(ln if ln.strip() else "" for ln in s.split("\n")))


@st.composite
def _text(draw: st.DrawFn, multiline: bool = False, notes: bool = False) -> tuple[Run, ...]:
    n_lines = draw(st.integers(1, 3)) if multiline else 1
    runs: list[Run] = []
    for i in range(n_lines):
        if i:
            runs.append(Run("\n"))
        for j in range(draw(st.integers(1, 4))):
            if j:
                runs.append(Run(" "))
            if notes and j and draw(st.integers(0, 4)) == 0:
                runs.append(Run(draw(_note_text), 0, "note"))
            else:
                runs.append(Run(draw(_line(3)), draw(_style)))
    text = canonical_text(tuple(runs))
    # Fountain trims white space at the ends of a line: generate lines that have none.
    joined = "".join(r.text if r.kind == "text" else "x" for r in text)
    for ln in joined.split("\n"):
        if ln != ln.strip() or not ln:
            return canonical_text((Run(draw(_line(2))),))
    return text


def _is_simple(t: tuple[Run, ...]) -> bool:
    s = "".join(r.text for r in t)
    return bool(s.strip()) and s == s.strip()


@st.composite
def _heading(draw: st.DrawFn) -> SceneHeading:
    prefix = draw(st.sampled_from(["INT. ", "EXT. ", "INT./EXT. ", "EST. ", ""]))
    words = draw(st.lists(st.text(alphabet=st.sampled_from(list("ABCXYZ019 -'")), min_size=1,
                                  max_size=8), min_size=1, max_size=4))
    text = (prefix + " - ".join(words)).strip()
    if not text[:1].isalnum():  # the spec forces a heading only with "." and a letter or digit
        text = "A" + text
    number = draw(st.one_of(st.none(), st.from_regex(r"[1-9][0-9]?[A-C]?", fullmatch=True)))
    return SceneHeading(canonical_text((Run(text.strip()),)), number)


_name = st.text(alphabet=st.sampled_from(list("ABCDEFXYZabc '.-\u00c9\u0416")), min_size=1,
                max_size=12).map(str.strip).filter(lambda s: any(c.isalpha() for c in s))
_ext = st.sampled_from(["V.O.", "O.S.", "CONT'D", "on phone", "O.C."])


@st.composite
def _speech(draw: st.DrawFn) -> Speech:
    parts = []
    last = None
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["dialogue", "dialogue", "paren", "lyrics"]))
        if kind == last and kind != "paren":
            continue
        if kind == "dialogue":
            parts.append(Dialogue(draw(_text(multiline=True, notes=True))))
        elif kind == "paren":
            parts.append(Parenthetical(draw(_text())))
        else:
            parts.append(Lyrics(draw(_text(multiline=True))))
        last = kind
    cue = Character(draw(_name), tuple(draw(st.lists(_ext, max_size=2))), dual=draw(st.booleans()))
    return Speech(cue, parts)


_element = st.one_of(
    _heading(),
    st.builds(Action, _text(multiline=True, notes=True)),
    _speech(),
    st.builds(Lyrics, _text(multiline=True)),
    st.builds(Transition, _text().filter(lambda t: not "".join(r.text for r in t).endswith("<"))),
    st.builds(Centered, _text(multiline=True)),
    st.just(PageBreak()),
    st.builds(Section, _text().filter(lambda t: not "".join(r.text for r in t).startswith("#")),
              st.integers(1, 3)),
    st.builds(Synopsis, _text()),
    st.builds(Note, _note_text.filter(lambda s: not s.endswith("]"))),
    st.builds(Boneyard, st.text(alphabet=st.sampled_from(list("abc XY\n.#")), max_size=20)),
)

_key = st.sampled_from(["Title", "Credit", "Author", "Source", "Draft date", "Contact", "Notes",
                        "Copyright", "Revision"])


@st.composite
def _document(draw: st.DrawFn) -> Document:
    title = [TitleField(draw(_key), draw(st.lists(_text(), max_size=3)))
             for _ in range(draw(st.integers(0, 3)))]
    return Document(title, draw(st.lists(_element, max_size=12)))


@SETTINGS
@given(_document())
def test_model_to_fountain_to_model_is_identity(doc: Document) -> None:
    written = write_fountain(doc)
    back = parse_fountain(written)
    assert back == doc, written
    assert write_fountain(back) == written
