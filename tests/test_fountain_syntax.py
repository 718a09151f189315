"""The Fountain reader, one spec rule at a time, on small texts of our own."""
from __future__ import annotations

import pytest

from screenplay.errors import InputError
from screenplay.fountain_reader import parse_fountain
from screenplay.fountain_writer import write_fountain
from screenplay.model import (
    BOLD, ITALIC, UNDERLINE, Action, Boneyard, Centered, Dialogue, Lyrics, Note, PageBreak,
    Parenthetical, Run, SceneHeading, Section, Speech, Synopsis, Transition, parse_heading, plain,
)


def body(src: str):
    return parse_fountain(src).body


def kinds(src: str) -> list[str]:
    return [type(e).__name__ for e in body(src)]


def roundtrips(src: str) -> None:
    doc = parse_fountain(src)
    out = write_fountain(doc)
    assert parse_fountain(out) == doc
    assert write_fountain(parse_fountain(out)) == out


# -- scene headings ------------------------------------------------------------

@pytest.mark.parametrize("line,ie", [
    ("INT. KITCHEN - DAY", "INT"), ("EXT. PIER - NIGHT", "EXT"), ("int. lowercase - day", "INT"),
    ("INT./EXT. CAR - MOVING", "INT/EXT"), ("INT/EXT CAR - DAY", "INT/EXT"), ("I/E CAR", "INT/EXT"),
    ("EST. CITY - DAWN", "EST"), ("EXT BEACH - DAY", "EXT"),
])
def test_heading_prefixes(line: str, ie: str) -> None:
    (h,) = body(f"\n{line}\n\n")
    assert isinstance(h, SceneHeading) and h.int_ext == ie and not h.forced


def test_heading_parts_room_and_time() -> None:
    p = parse_heading("INT. APARTMENT - STUDY - NIGHT")
    assert (p.int_ext, p.location, p.sublocation, p.time) == ("INT", "APARTMENT", "STUDY", "NIGHT")
    p = parse_heading("EXT. DOCKS")
    assert (p.location, p.sublocation, p.time) == ("DOCKS", None, None)
    p = parse_heading("INT. HOSPITAL - CORRIDOR - MOMENTS LATER")
    assert p.time == "MOMENTS LATER" and p.sublocation == "CORRIDOR"


def test_forced_heading_and_scene_numbers() -> None:
    a, b, c = body(".FLASHBACK #7#\n\nINT. LAB - DAY #12A#\n\n...and then nothing.\n")
    assert isinstance(a, SceneHeading) and a.forced and a.plain == "FLASHBACK" and a.number == "7"
    assert isinstance(b, SceneHeading) and b.number == "12A" and b.plain == "INT. LAB - DAY"
    assert isinstance(c, Action)  # "..." is not a forced heading
    for n in ("I-1-A", "9.", "110A", "1a"):
        (h,) = body(f"INT. X - DAY #{n}#\n")
        assert h.number == n


def test_heading_needs_prefix_followed_by_dot_or_space() -> None:
    assert kinds("INTERIOR DESIGN is her passion.\n") == ["Action"]


# -- characters and dialogue ---------------------------------------------------

def test_cue_extensions_forced_and_curly_apostrophe() -> None:
    (sp,) = body("MAN\u2019S VOICE (V.O.) (cont'd)\nWho's there?\n")
    assert isinstance(sp, Speech)
    assert sp.character.name == "MAN\u2019S VOICE"
    assert sp.character.extensions == ("V.O.", "cont'd")
    (sp,) = body("@McCLANE\nYippee.\n")
    assert sp.character.name == "McCLANE" and sp.character.forced


def test_cue_needs_text_after_it() -> None:
    assert kinds("\nBOOM\n\nThe wall falls.\n") == ["Action", "Action"]


def test_parentheticals_lyrics_and_two_space_break() -> None:
    src = "ANNA\n(quietly)\nFirst line.\n  \nAfter a pause.\n~La la la\n(beat)\nDone.\n"
    (sp,) = body(src)
    assert [type(p).__name__ for p in sp.parts] == [
        "Parenthetical", "Dialogue", "Lyrics", "Parenthetical", "Dialogue"]
    assert plain(sp.parts[1].text) == "First line.\n\nAfter a pause."
    roundtrips(src)


def test_dual_dialogue_caret() -> None:
    a, b = body("BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n")
    assert not a.character.dual and b.character.dual and b.character.name == "STEEL"
    a, b = body("GIRL\nHey!\n\nGUY^\nHello!\n")
    assert b.character.dual and b.character.name == "GUY"


def test_indented_dialogue_is_read() -> None:
    (sp,) = body("\t\t\tDAN\n\tThen let's retire them.\n\t_Permanently_.\n")
    assert sp.character.name == "DAN"
    runs = sp.parts[0].text
    assert plain(runs) == "Then let's retire them.\nPermanently."
    assert Run("Permanently", UNDERLINE) in runs


# -- transitions, centered, page breaks, forced action -----------------------------

def test_transitions() -> None:
    a, b, c = body("CUT TO:\n\n>Burn to white.\n\n    SMASH CUT TO:\n")
    assert isinstance(a, Transition) and not a.forced
    assert isinstance(b, Transition) and b.forced and plain(b.text) == "Burn to white."
    assert isinstance(c, Transition)


def test_centered_multi_line_and_page_break() -> None:
    a, b = body("> THE END <\n>  AGAIN  <\n\n===\n")
    assert isinstance(a, Centered) and plain(a.text) == "THE END\nAGAIN"
    assert isinstance(b, PageBreak)


def test_forced_action_keeps_case_and_indentation() -> None:
    (a,) = body("!SCANNING THE AREA\nShe waits.\n")
    assert isinstance(a, Action) and a.forced
    assert plain(a.text) == "SCANNING THE AREA\nShe waits."
    (a,) = body("Line one.\n\tIndented with a tab.\n")
    assert plain(a.text) == "Line one.\n    Indented with a tab."


# -- outline, notes, boneyard ---------------------------------------------------------

def test_sections_and_synopses() -> None:
    a, b, c = body("# Act One\n\n## The Job\n\n= Anna is hired.\n")
    assert isinstance(a, Section) and a.depth == 1 and plain(a.text) == "Act One"
    assert isinstance(b, Section) and b.depth == 2
    assert isinstance(c, Synopsis) and plain(c.text) == "Anna is hired."


def test_notes_inline_multiline_and_standalone() -> None:
    a, b = body("She runs[[check the speed]] fast.\n\n[[A note\nover two lines.]]\n")
    assert [r.kind for r in a.text] == ["text", "note", "text"]
    assert isinstance(b, Note) and b.text == "A note\nover two lines."


def test_note_with_blank_line_is_not_a_note() -> None:
    doc = parse_fountain("Text [[broken\n\nnote]] here.\n")
    assert all(isinstance(e, Action) for e in doc.body)
    assert [d.rule for d in doc.diagnostics] == ["unclosed-note"]
    assert doc.diagnostics[0].line == 1


def test_nested_boneyard_hides_whole_scenes() -> None:
    src = "INT. A - DAY\n\n/*\nINT. B - DAY\n\n/* inner */\n\nGone.\n*/\n\nINT. C - DAY\n"
    els = body(src)
    assert [type(e).__name__ for e in els] == ["SceneHeading", "Boneyard", "SceneHeading"]
    assert "/* inner */" in els[1].text
    assert els[2].lines == (11, 11)  # line numbers survive the masked region
    roundtrips(src)


def test_unclosed_boneyard_is_reported() -> None:
    doc = parse_fountain("Text /* never closed\n\nMore.\n")
    assert doc.diagnostics[0].rule == "unclosed-boneyard"


# -- emphasis --------------------------------------------------------------------------

@pytest.mark.parametrize("src,expect", [
    ("*italic*", [("italic", ITALIC)]),
    ("**bold**", [("bold", BOLD)]),
    ("***both***", [("both", BOLD | ITALIC)]),
    ("_under_", [("under", UNDERLINE)]),
    ("_**ub**_", [("ub", BOLD | UNDERLINE)]),
    ("**b *bi* b**", [("b ", BOLD), ("bi", BOLD | ITALIC), (" b", BOLD)]),
    ("\\*not\\*", [("*not*", 0)]),
    ("a * b * c", [("a * b * c", 0)]),
    ("*over\ntwo lines*", [("over\ntwo lines", ITALIC)]),
])
def test_emphasis(src: str, expect: list[tuple[str, int]]) -> None:
    (a,) = body(src + "\n")
    assert [(r.text, r.style) for r in a.text] == expect
    roundtrips(src + "\n")


# -- title page ------------------------------------------------------------------------

def test_title_page_multiline_values_in_order() -> None:
    src = ("Title:\n\t_**THE LONG WAY**_\n\tPART ONE\nCredit: Written by\nAuthor: A. Writer\n"
           "Contact:\n    1 Main St.\n    Springfield\n\nEXT. ROAD - DAY\n")
    doc = parse_fountain(src)
    assert [f.key for f in doc.title_page] == ["Title", "Credit", "Author", "Contact"]
    assert doc.title == "THE LONG WAY PART ONE"
    assert [plain(v) for v in doc.title_page[3].values] == ["1 Main St.", "Springfield"]
    assert doc.title_page[3].lines == (6, 8)
    assert isinstance(doc.body[0], SceneHeading) and doc.body[0].lines == (10, 10)
    roundtrips(src)


def test_no_title_page_when_first_line_is_not_key_value() -> None:
    doc = parse_fountain("EXT. FIELD - DAY\n\nWind.\n")
    assert doc.title_page == []


# -- whitespace, line endings, encoding -----------------------------------------------

def test_crlf_cr_bom_and_trailing_space() -> None:
    a = parse_fountain("\ufeffINT. A - DAY\r\n\r\nBOB   \r\nHi.\r\n")
    b = parse_fountain("INT. A - DAY\r\rBOB\rHi.\r")
    c = parse_fountain("INT. A - DAY\n\nBOB\nHi.\n")
    assert a == b == c


def test_control_characters_are_an_input_error() -> None:
    with pytest.raises(InputError) as e:
        parse_fountain("Fine.\n\nBad \x01 here.\n")
    assert e.value.line == 3


def test_source_line_ranges() -> None:
    doc = parse_fountain("INT. A - DAY\n\nBOB\n(softly)\nHi.\n\nShe leaves.\nQuickly.\n")
    h, sp, act = doc.body
    assert h.lines == (1, 1) and sp.lines == (3, 5) and act.lines == (7, 8)
    assert sp.character.lines == (3, 3)
    assert [p.lines for p in sp.parts] == [(4, 4), (5, 5)]


def test_writer_forces_what_would_be_misread() -> None:
    from screenplay.model import Action, Character, Document, Speech, text_of
    doc = Document(body=[
        Action(text_of("BANG\nThe door flies open.")),  # would read as a cue
        Action(text_of("INT. is short for interior.")),  # would read as a heading
        Action(text_of("FADE TO:")),  # would read as a transition
        Speech(Character("Mrs. Lee"), [Dialogue(text_of("(not a wryly)"))]),
        Speech(Character("R2"), [Lyrics(text_of("beep")), Parenthetical(text_of("whirs"))]),
    ])
    out = write_fountain(doc)
    assert "!BANG" in out and "!INT. is" in out and "!FADE TO:" in out and "@Mrs. Lee" in out
    assert parse_fountain(out) == doc


def test_boneyard_and_note_elements_roundtrip() -> None:
    from screenplay.model import Document
    doc = Document(body=[Note("Two\n\nparagraphs"), Boneyard("INT. OLD - DAY\n\nCut.")])
    assert parse_fountain(write_fountain(doc)) == doc


def test_note_before_title_page_keeps_the_title_page() -> None:
    doc = parse_fountain("[[Script note.\n- one\n]]\n\nTitle: Late Start\nAuthor: Me\n\nINT. A - DAY\n")
    assert [f.key for f in doc.title_page] == ["Title", "Author"]
    assert isinstance(doc.body[0], Note) and doc.body[0].lines == (1, 3)
    assert isinstance(doc.body[1], SceneHeading)
    roundtrips("[[Script note.]]\n\nTitle: Late Start\n\nINT. A - DAY\n")


def test_text_like_a_title_key_after_a_leading_note_stays_action() -> None:
    from screenplay.model import Document, text_of
    doc = Document(body=[Note("X"), Action(text_of("0:"))])
    out = write_fountain(doc)
    assert parse_fountain(out) == doc


def test_fade_in_on_the_first_line_is_action_not_a_title_page():
    """Many scripts open with "FADE IN:" alone; it is the first action, while a
    title page's key has a value or is written as a key ("Title:")."""
    from screenplay.model import Action
    doc = parse_fountain("FADE IN:\n\nEXT. PIER - DAWN\n\nGulls.\n")
    assert doc.title_page == [] and isinstance(doc.body[0], Action)
    assert doc.title_page == parse_fountain("FADE IN:\n").title_page
    keyed = parse_fountain("Title:\n    The Pier\n\nEXT. PIER - DAWN\n")
    assert [f.key for f in keyed.title_page] == ["Title"]
    assert [f.key for f in parse_fountain("Draft date:\n\nEXT. PIER - DAWN\n").title_page] == ["Draft date"]
