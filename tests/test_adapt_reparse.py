"""The second reading of sentences whose verb the tagger took for a noun after a name.

Invented sentences only.
"""
from __future__ import annotations

from toolchain.adapt import load_model
from toolchain.adapt.nlp import parse_all

from .adapt_helpers import adapted


def _tokens(text: str) -> list[tuple[str, str, str]]:
    doc = parse_all(load_model(), [text])[0]
    return [(t.text, t.tag_, t.dep_) for t in doc]


def test_a_verb_read_as_a_noun_after_a_name_is_a_verb_again() -> None:
    got = _tokens("Mara phones Tobias to tell him that she has arrived.")
    assert ("phones", "VBZ", "ROOT") in got
    assert ("Mara", "NNP", "nsubj") in got and ("Tobias", "NNP", "dobj") in got


def test_the_words_spacing_and_names_stay_as_written() -> None:
    text = "At dawn, Oskar Lind sails north, and Runa waves."
    doc = parse_all(load_model(), [text])[0]
    assert doc.text == text
    assert [t.text for t in doc][:5] == ["At", "dawn", ",", "Oskar", "Lind"]
    assert all(t.ent_type_ != "PERSON" for t in doc if t.lower_ == "sails")


def test_a_sentence_the_tagger_read_right_is_left_alone() -> None:
    got = _tokens("The fishermen mend their nets while Runa waits.")
    assert ("nets", "NNS", "dobj") in got


def test_thanks_and_a_promise_after_a_misread_name_are_both_said() -> None:
    got, _ = adapted("Mara Quinn is a pilot. She lives with her brother Tobias, and he fixes her plane. "
                     "Tobias thanks Mara for the money and promises to pay her back.")
    assert ("TOBIAS", "Thank you for the money. I'll pay you back.") in got


def test_a_name_spelt_like_a_modal_before_a_verb_that_agrees_is_a_name() -> None:
    got = _tokens("Will tells her that he must stay.")
    assert ("Will", "NNP", "nsubj") in got and ("tells", "VBZ", "ROOT") in got
    got = _tokens("Will you stay with me?")
    assert ("Will", "MD", "aux") in got   # a real question keeps its modal
    lines, _ = adapted("Marshal Will Kane marries Amy Fowler. Will tells her that he must stay.")
    assert ("WILL", "I must stay.") in lines


def test_a_verb_read_as_a_noun_after_two_joined_names_is_a_verb_again() -> None:
    got = _tokens("Lying under a table in the kitchen, Tom and Lena watch as a rat runs out of a sack.")
    assert ("watch", "VBP", "ROOT") in got
    assert ("Tom", "NNP", "nsubj") in got and ("Lena", "NNP", "conj") in got and ("and", "CC", "cc") in got


def test_a_second_misread_verb_in_a_sentence_is_read_again_too() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted('The jurors sit in the jury room. When Juror 8 accuses him of lying, Juror 3 lunges at '
                            'him screaming "I\'ll kill you!" and has to be held back.\n')
    assert ("JUROR 3", "I'll kill you!") in lines, lines
    assert "Juror 3 has to be held back." in action, action
