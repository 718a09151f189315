"""Speech acts a synopsis reports and the line each becomes; names listed with characters' names.

Invented sentences only.  A line is made for an act done now, in a main
clause, by a known person; the words are the formula English has for the act
("declines" -> "No, thank you."), in the speaker's person.
"""
from __future__ import annotations

import pytest

from toolchain.adapt import adapt, load_model

from .adapt_helpers import adapted
from toolchain.adapt.performative import formulas, performatives

_MEET = "Sarah meets her brother John at the station. She hugs him. "




@pytest.mark.parametrize("text,want", [
    pytest.param(_MEET + "John invites Sarah to stay with him in London; she declines.",
                 [("JOHN", "Will you stay with me in London?"), ("SARAH", "No, thank you.")],
                 id="invitation-and-refusal-by-the-one-invited"),
    pytest.param(_MEET + "She offers him a cup of tea; he refuses.",
                 [("SARAH", "Would you like a cup of tea?"), ("JOHN", "No.")], id="offer-refused"),
    pytest.param(_MEET + "Later, Sarah expresses her desire to become a doctor.",
                 [("SARAH", "I want to become a doctor.")], id="desire-said-as-want"),
    pytest.param(_MEET + "John blames the fire on Sarah's dog.", [("JOHN", "It was Sarah's dog.")], id="blame"),
    pytest.param(_MEET + "Sarah refuses to leave the house.", [("SARAH", "I won't leave the house.")],
                 id="refusal-to-do"),
    pytest.param(_MEET + "She thanks him for the flowers.", [("SARAH", "Thank you for the flowers.")],
                 id="thanks-for"),
    pytest.param(_MEET + "Then she says goodbye to him.", [("SARAH", "Goodbye.")], id="goodbye"),
    pytest.param(_MEET + "Later she apologizes to him for coming home late. He forgives her.",
                 [("SARAH", "I'm sorry for coming home late."), ("JOHN", "I forgive you.")],
                 id="apology-for-a-deed-and-forgiveness"),
    pytest.param(_MEET + "John invites Sarah to dinner. She accepts.",
                 [("JOHN", "Come to dinner."), ("SARAH", "Yes, thank you.")], id="invitation-accepted"),
    pytest.param("Sarah meets her friend John at the station. She smiles at him. That night, John proposes to Sarah.",
                 [("JOHN", "Will you marry me?")], id="proposal-to-a-person"),
    pytest.param(_MEET + "Later she phones John to bring her car to the house.",
                 [("SARAH", "Bring my car to the house.")], id="phone-call-to-ask"),
])
def test_a_reported_speech_act_becomes_its_line(text: str, want: list[tuple[str, str]]) -> None:
    assert adapted(text)[0] == want


def test_the_phone_call_stays_in_the_action() -> None:
    lines, action = adapted(_MEET + "Later she phones John to bring her car to the house.")
    assert action[-1].endswith("phones John.")


def test_a_call_made_to_tell_something_is_no_request() -> None:
    lines, action = adapted(_MEET + "Later she phones John to tell him the news.")
    assert lines == [] and action[-1] == "Later she phones John to tell him the news."


def test_acts_not_done_now_stay_action() -> None:
    # prevented, hypothetical, habitual, negated, planned: nothing is said
    text = _MEET + ("He leaves without saying goodbye. He would thank her for the flowers. "
                    "He usually greets her. She does not apologize. She wants to thank him.")
    assert adapted(text)[0] == []


def test_they_who_include_the_speaker_are_we() -> None:
    text = ("Sarah and her brother John pack their bags at night. Their friend Paul watches. "
            "They invite Paul to escape with them.")
    lines, _ = adapted(_MEET + "John invites Sarah to stay with him; she agrees.")
    assert ("SARAH", "All right.") in lines
    # a group inviting: two voices, no line; never "escape with them" for the speaker's own group
    assert not any("with them" in said for _, said in adapted(text)[0])


def test_an_introduction_keeps_the_action_and_capitalises_everyone_listed() -> None:
    lines, action = adapted(_MEET + "Later he introduces Sarah to his friends, Paul, Anna and Marek.")
    assert lines == [("JOHN", "This is Sarah.")]
    assert any("PAUL, ANNA and MAREK" in a for a in action)


def test_a_role_phrase_possessor_is_not_the_persons_name() -> None:
    # "the Hendersons' daughter" names Laurie by her role: "Hendersons" is not a name of hers
    from toolchain.adapt.build import _person_names
    from toolchain.adapt.cast import Person
    from toolchain.adapt.nlp import parse_all

    class _Cast:
        placelike: set[str] = set()
        thinglike: set[str] = set()

        def ordered(self) -> list[Person]:
            return [Person("LAURIE", "LAURIE", True, {"Laurie", "Hendersons ' daughter"})]

    doc = parse_all(load_model(), ["Tom is greeted warmly by the Hendersons' daughter Laurie, and he smiles."])[0]
    assert any(e.text == "Hendersons" and e.label_ == "PERSON" for e in doc.ents)   # what the test leans on
    names = _person_names(_Cast(), list(doc.sents))  # type: ignore[arg-type]
    assert "Hendersons" not in names["LAURIE"]


def test_formula_lexicon_is_small_and_every_verb_is_a_speech_act() -> None:
    fs = formulas()
    assert 0 < len(fs) < 120
    assert all(f.verb in performatives() for f in fs)
    assert all(f.line.rstrip()[-1] in ".!?" for f in fs)


def test_everyone_in_a_list_with_a_character_is_introduced() -> None:
    _, action = adapted(_MEET + "Later, three strangers, Victoria, Luke and John, arrive at the inn.")
    assert any("VICTORIA, LUKE and John" in a for a in action)


def test_a_person_gone_to_is_no_place() -> None:
    from screenplay.model import SceneHeading
    a, _ = adapt("Sarah and her brother John live on a farm. One night Sarah falls ill. John rides to the doctor "
                 "in the town.", "t", "t", load_model())
    heads = [el.text[0].text for el in a.doc.body if isinstance(el, SceneHeading)]
    assert not any("DOCTOR" in h for h in heads)


def test_the_one_answered_is_you() -> None:
    lines, _ = adapted(_MEET + "She tells him that she saw a ghost. He refuses to believe her.")
    assert lines == [("SARAH", "I saw a ghost."), ("JOHN", "I won't believe you.")]


def test_what_is_refused_stays_in_the_action_and_nobody_thanks_himself() -> None:
    lines, action = adapted(_MEET + "He offers to carry her bag. She declines his help. "
                                     "He greets the driver and thanks him.")
    assert lines == [("JOHN", "Let me carry your bag."), ("SARAH", "No, thank you.")]
    assert "Sarah declines his help." in action
