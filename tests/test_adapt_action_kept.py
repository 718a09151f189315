"""What a telling removes from the action is the telling alone.

When a sentence holds both a deed and speech, the speech becomes a line and the
rest stays action: every clause not said stays, grammatical, and only the verb
of saying, its listener and what is said go.  Invented sentences only.
"""
from __future__ import annotations

import re

import pytest

from .adapt_helpers import adapted

_OPEN = "Nora Hale keeps a ferry inn on the river. Her brother Tobias mends the nets. "
_STOP = frozenset("the and that his her him she they them their with for are was were has had have "
                  "not but then who when while into onto from this will".split())



def _words(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", s) if len(w) > 2 and w.lower() not in _STOP}


@pytest.mark.parametrize("said,telling", [
    pytest.param("That night a stranger named Ilse Brandt arrives at the inn in a gale and asks for a bed "
                 "in exchange for work.", {"asks"}, id="arrival-then-request"),
    pytest.param('Tobias turns out to know boats, and he tells Nora, "This hull is sound. It only needs tar."',
                 {"tells", "nora"}, id="deed-then-quotation-to-a-listener"),
    pytest.param("Nora tells Tobias that she is staying--she will risk waiting for the spring thaw.",
                 {"tells", "tobias", "nora"}, id="clause-after-a-dash"),
    pytest.param("Tobias says that the lamp was old and apologizes.", {"says"}, id="deed-read-as-a-noun-after-speech"),
    pytest.param("Nora cooks dinner and tells Tobias that the ferry is late, and Tobias laughs.",
                 {"tells"}, id="clause-after-the-report"),
    pytest.param("Nora Hale shrugs and tells Tobias that the ferry is late.", {"tells", "tobias"}, id="noun-read-deed-first"),
    pytest.param("Tobias nods, then asks Nora whether the ferry will come.", {"asks", "nora", "then", "whether"},
                 id="deed-parsed-as-subject"),
    pytest.param("Nora Hale, who has waited all winter, tells Tobias that she is leaving.", {"tells", "tobias", "who"},
                 id="aside-relative-clause-on-the-teller"),
    pytest.param("Tobias locks the gate, warns Nora that the dogs are loose, and goes to bed.", {"warns", "nora"},
                 id="deeds-around-a-warning"),
])
def test_every_clause_not_said_stays_in_the_action(said: str, telling: set[str]) -> None:
    lines, action = adapted(_OPEN + said)
    assert lines, "the speech should become a line"
    story = " ".join(action[2:])   # after FADE IN: and the opening
    missing = _words(said) - telling - _words(" ".join(t for _, t in lines)) - _words(story)
    assert not missing, (missing, action, lines)


@pytest.mark.parametrize("said,want_action,want_line", [
    pytest.param("That night a stranger named Ilse Brandt arrives at the inn in a gale and asks for a bed "
                 "in exchange for work.",
                 "That night a stranger named ILSE BRANDT arrives at the inn in a gale.",
                 ("ILSE BRANDT", "Can I have a bed in exchange for work?"), id="arrival-introduces-the-speaker"),
    pytest.param('Tobias turns out to know boats, and he tells Nora, "This hull is sound. It only needs tar."',
                 "Tobias turns out to know boats.", ("TOBIAS", "This hull is sound. It only needs tar."),
                 id="the-listener-goes-with-the-telling"),
    pytest.param("Tobias says that the lamp was old and apologizes.", "Tobias apologizes.",
                 ("TOBIAS", "The lamp was old."), id="a-deed-after-what-is-said"),
    pytest.param("Tobias nods, then asks Nora whether the ferry will come.", "Tobias nods.",
                 ("TOBIAS", "Will the ferry come?"), id="the-deed-before-a-question"),
    pytest.param("Tobias locks the gate, warns Nora that the dogs are loose, and goes to bed.",
                 "Tobias goes to bed.", ("TOBIAS", "The dogs are loose."), id="the-warner-goes-to-bed"),
    pytest.param("Nora Hale, who has waited all winter, tells Tobias that she is leaving.",
                 "Nora Hale has waited all winter.", ("NORA HALE", "I am leaving."), id="the-aside-becomes-a-sentence"),
])
def test_the_action_left_is_grammatical(said: str, want_action: str, want_line: tuple[str, str]) -> None:
    lines, action = adapted(_OPEN + said)
    assert want_action in action
    assert want_line in lines


@pytest.mark.parametrize("said,want_action,want_line", [
    pytest.param("Nora refuses at first, but after Tobias tells her that the mill burned last year, she hides "
                 "the peddler in the cellar.", "She hides the peddler in the cellar.",
                 ("TOBIAS", "The mill burned last year."), id="the-clause-a-telling-hangs-on-is-no-speech"),
    pytest.param("When the bailiff arrives, Nora lies to him, saying that the peddler left at dawn.",
                 "When the bailiff arrives, Nora lies to him.", ("NORA", "The peddler left at dawn."),
                 id="a-when-clause-keeps-its-when"),
])
def test_a_main_clause_stays_whole(said: str, want_action: str, want_line: tuple[str, str]) -> None:
    lines, action = adapted(_OPEN + said)
    assert want_action in action
    assert want_line in lines


def test_a_past_deed_read_as_a_participle_stays() -> None:
    # "Elias paid in silver and said": the small parser hangs "paid" on the name
    lines, action = adapted("Nora Hale kept a ferry inn on the river. Her brother Tobias mended the nets. "
                             "One evening a peddler named Elias Crane arrived at the inn. "
                             'Elias paid in silver and said to Tobias, "Your sister drives a hard bargain."')
    assert "Elias pays in silver." in action
    assert ("ELIAS", "Your sister drives a hard bargain.") in lines


def test_a_list_of_deeds_keeps_its_and() -> None:
    # the last deed became a line: the "and" it had goes before the last deed kept
    lines, action = adapted(_OPEN + "A surveyor named Felix Grau arrives with a map. "
                                     "Tobias laughs, pours Felix a drink, and tells him to sit down.")
    assert "Tobias laughs and pours Felix a drink." in action
    assert ("TOBIAS", "Sit down.") in lines


def test_a_present_deed_is_not_joined_to_a_past_clause_below() -> None:
    # the parse joins "tells" to "drowned": the one who finds him tells, not the drowned man
    lines, _ = adapted(_OPEN + "A surveyor named Felix Grau arrives with a map. "
                                "In April, Tobias finds Felix drowned below the weir, his map still in "
                                "his pocket, and tells Nora that the dam is finished.")
    assert ("TOBIAS", "The dam is finished.") in lines


@pytest.mark.parametrize("said,want_action,want_line", [
    pytest.param("After quietly locking the cellar and hiding the key, Nora tells Tobias that the peddler is gone.",
                 "Nora quietly locks the cellar and hides the key.", ("NORA", "The peddler is gone."),
                 id="after-doing-becomes-the-deed"),
    pytest.param("After questioning the ferryman and being told that nobody crossed, Nora insists on searching "
                 "the woods.", "Nora questions the ferryman and is told that nobody crossed.",
                 ("NORA", "I insist on searching the woods."), id="a-passive-deed-too"),
    pytest.param("After angrily slamming the door, Tobias rejects Nora's plan, saying that the river is too high.",
                 "After angrily slamming the door, Tobias rejects Nora's plan.",
                 ("TOBIAS", "The river is too high."), id="the-main-verb-is-the-predicate-not-the-phrase's"),
])
def test_a_phrase_done_around_a_telling_stays(said: str, want_action: str, want_line: tuple[str, str]) -> None:
    lines, action = adapted(_OPEN + said)
    assert want_action in action
    assert want_line in lines


def test_what_is_done_after_a_telling_follows_the_line() -> None:
    lines, action = adapted(_OPEN + "Before going to bed, Nora warns Tobias against opening the cellar.")
    assert lines == [("NORA", "Don't open the cellar.")]
    assert action[-1] == "Nora goes to bed."


def test_words_after_a_dash_with_no_verb_of_their_own_are_still_said() -> None:
    lines, action = adapted(_OPEN + "Nora tells Tobias that their uncle has gone to town--all the other men "
                                     "being away--to buy salt for the winter.")
    # (the dashes come back as the writer typed them)
    assert lines == [("NORA", "Their uncle has gone to town--all the other men being away--"
                              "to buy salt for the winter.")]


def test_a_telling_verb_kept_as_action_keeps_its_subject() -> None:
    # an introduction stays action (its line is "This is ..."): the clause before it and its subject stay
    lines, action = adapted(_OPEN + "The pair make peace and Tobias introduces Nora to his friends, Ada and Ben.")
    assert ("TOBIAS", "This is Nora.") in lines
    assert any(a.startswith("The pair make peace and Tobias introduces Nora to his friends") for a in action)


def test_the_comma_closing_a_subjects_apposition_is_no_list() -> None:
    lines, action = adapted(_OPEN + "Her neighbour, Ida Brandt, climbs onto the pier and tells Tobias to row faster.")
    assert "Her neighbour, IDA BRANDT, climbs onto the pier." in action
    assert not any("BRANDT and" in ln for ln in action)


def test_a_deed_the_parse_joined_to_a_speakers_name_stays() -> None:
    # the small tagger reads "scatter" as a noun and makes "Ana and Rui scatter ..., and Rui"
    # the subject of "asks"; a verb in the third singular has one doer, Rui
    lines, action = adapted("Beto dies in the spring. Ana and Rui scatter his ashes from the pier, "
                            "and Rui asks if he can keep the boat.")
    assert any("scatter his ashes from the pier" in a for a in action), action
    assert lines and lines[-1][0] == "RUI", lines


def test_a_deed_the_parse_buried_in_a_phrase_before_a_telling_stays() -> None:
    # the small parser reads "At the party Otto thanks Vera, and" as one phrase on "tells"
    lines, action = adapted("Vera Stoll runs a bakery. At the party Otto thanks Vera, and Lise tells Jan "
                            "that she wants him as her partner.")
    assert any("thanks Vera" in a for a in action), action
    assert lines and lines[-1][0] == "LISE", lines


def test_a_clause_whose_verb_the_parse_made_a_participle_below_stays() -> None:
    lines, action = adapted("Tom Ware loved Anna Holt. In June Tom came back. He asked Carl for Anna's hand, "
                            "and the old man, seeing that his daughter would go with or without his blessing, "
                            "at last consented.")
    assert any(a.startswith("The old man, seeing that") and a.endswith("at last consents.") for a in action), action


def test_a_state_set_off_with_an_adverb_keeps_its_commas() -> None:
    # ", now frail, calls ..." had become "now frail and calls"
    from .adapt_helpers import adapted
    _, action = adapted("Marta Cruz runs the cannery. Her mother Rosalia, now frail, calls Marta to her bedside "
                        "and tells her that the cannery must stay in the family.")
    assert not any("frail and calls" in a for a in action), action
