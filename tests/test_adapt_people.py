"""Who is who on text nobody tuned for: names, sex from pronouns, and whose pronoun a line keeps.

All sentences are written for these tests.
"""
from __future__ import annotations

from toolchain.adapt import adapt, load_model


def _run(text: str) -> tuple[list[tuple[str, str]], list[str], dict[str, str | None]]:
    """(cue, dialogue) pairs, visible non-synopsis lines, and each entity's sex."""
    from screenplay.model import Dialogue, Speech
    a, fountain = adapt(text, "t", "t", load_model())
    lines = [(el.character.name, " ".join(p.text[0].text for p in el.parts if isinstance(p, Dialogue)))
             for el in a.doc.body if isinstance(el, Speech)]
    body = [ln for ln in fountain.splitlines() if ln.strip() and not ln.startswith("=")]
    assert a.story is not None
    return lines, body, {e.id: e.gender for e in a.story.entities}


def test_a_pronoun_opening_a_quoted_sentence_is_nobody() -> None:
    _, _, sex = _run('Nadia Voss finds the old well. Nadia tells Piet, "The water is gone. They took it."')
    assert "THEY" not in sex


def test_a_town_one_leaves_for_is_a_place_not_a_person() -> None:
    _, body, sex = _run("Her son Jonas wants to leave for Tallinn to work in a bakery. He packs a bag.")
    assert "TALLINN" not in sex
    assert not any("TALLINN" in ln for ln in body)


def test_her_and_him_tell_each_persons_sex() -> None:
    text = ("Greta Lund struggles to keep her vineyard. Her son Ivo tells her that it is hopeless. "
            "At the bank, Oskar Brandt tells Greta that the loan is refused. She asks him for more time. "
            "He says he can do nothing. Oskar warns Greta that people are talking. "
            "She tells him to mind his own business.")
    lines, _, sex = _run(text)
    assert sex["GRETA"] == "F" and sex["OSKAR"] == "M"
    assert lines[-1][0] == "GRETA"                  # "She tells him": not Oskar's own line
    assert ("OSKAR", "The loan is refused.") in lines or any(c == "OSKAR" for c, _ in lines)


def test_the_listener_said_to_while_a_deed_is_done_to_him_is_you() -> None:
    lines, _, _ = _run("Pavel Orlov, a drifter, sleeps in the barn. One night the barn catches fire. Lena pulls "
                       "Pavel out of the flames, and the constable, Emil Hart, arrests Pavel, claiming that he "
                       "started it.")
    said = [t for c, t in lines if c == "EMIL HART"]
    assert said and "I set" not in said[0] and said[0].startswith("You started")


def test_a_third_party_of_the_speakers_sex_keeps_his_pronoun() -> None:
    lines, _, _ = _run("Lotte Berg lives with her father. Two men court her: Anton Weiss, a rich fellow, "
                       "and Karl Stein, a poor clerk. Her father favors Anton and urges her to marry him.")
    said = dict(lines)
    assert "Marry me." not in said.values()


def test_a_text_opening_with_a_full_name_keeps_the_first_name() -> None:
    _, body, sex = _run("Vera Holm waits at the gate. Later, Tomek persuades her to go in.")
    assert "VERA HOLM" in sex and "HOLM" not in sex
    assert any(ln.startswith("VERA HOLM waits") for ln in body)


def test_a_suggestion_is_not_an_order() -> None:
    lines, _, _ = _run("Ines Varga runs a small hotel. Her banker, Mr. Roth, visits her. "
                       "He suggests that she sell the garden to a builder.")
    assert ("MR. ROTH", "You could sell the garden to a builder.") in lines


def test_where_an_act_is_done_stays_in_the_action_not_the_line() -> None:
    lines, body, _ = _run("Frank Dolan, the foreman, sets fire to the mill. The police come. "
                          "Dolan confesses before the constable.")
    assert not any("constable" in said for _, said in lines)
    assert any("before the constable" in ln for ln in body)


def test_a_pronoun_used_again_in_one_sentence_is_the_same_person() -> None:
    lines, _, _ = _run("Hana Sato works at an observatory. Her boss Miguel comes in. Miguel runs up the ladder "
                       "and tells her to come down, but she refuses to leave until the recording is complete.")
    assert lines[-1] == ("HANA SATO", "I won't leave until the recording is complete.")


def test_what_somebody_would_say_if_is_no_line() -> None:
    lines, body, _ = _run("Pia Holm keeps a diary. Her brother Max is told that if he cries or says that he "
                          "is cold, he will lose the game.")
    assert not any("cold" in said for _, said in lines)


def test_a_quotation_standing_alone_after_a_quoted_line_is_the_same_speakers() -> None:
    lines, body, _ = _run('Ellen Marsh calls her student that night. "This is not noise," she says. '
                          '"Someone is counting." She hangs up.')
    assert lines == [("ELLEN MARSH", "This is not noise. Someone is counting.")]
    assert not any("Someone is counting" in ln for ln in body if not ln.isupper() and ln not in
                   ("This is not noise. Someone is counting.",))


def test_a_second_verb_in_the_tense_of_what_is_said_is_still_said() -> None:
    lines, body, _ = _run("Tom Hale runs the mill. Later he confronts Ada Lind in the office and admits that he "
                          "saw the letter months ago but was afraid of losing his job.")
    assert lines == [("TOM HALE", "I saw the letter months ago, but I was afraid of losing my job.")]
    assert not any("afraid" in ln for ln in body if ln != lines[0][1])
    # in the story's own tense the second verb is the speaker's next deed
    lines, body, _ = _run("Tom Hale runs the mill. Tom admits that he saw the letter and leaves the room.")
    assert lines == [("TOM", "I saw the letter.")]


def test_a_later_and_that_takes_the_clauses_before_it_into_the_line() -> None:
    lines, _, _ = _run("Tom Hale is a farmer. He gets angry, saying that Ann and Joe have their own lives, and "
                       "they should have their own too, and that the visit caught him by surprise.")
    assert lines[0][0] == "TOM HALE" and lines[0][1].endswith("the visit caught me by surprise.")
    # a speaker of unknown sex: "him" might be anybody, so the line stops before it
    lines, _, _ = _run("Tom Hale gets angry, saying that Ann and Joe have their own lives, and they should "
                       "have their own too, and that the visit caught him by surprise.")
    assert lines == [("TOM HALE", "Ann and Joe have their own lives.")]


def test_a_past_tense_synopsis_keeps_hyphenated_words_whole() -> None:
    _, body, _ = _run("Rosa Quint ran a bakery with her well-known brother. She baked bread for the "
                      "next-door school. One morning the oven broke down.")
    text = " ".join(ln for ln in body if not ln.startswith(("INT.", "EXT.")))
    assert "well-known" in text and "next-door" in text and " - " not in text
    assert "runs a bakery" in text or "RUNS" in text.upper()


def test_offering_somebody_something_to_do_a_task_is_the_listeners_task() -> None:
    lines, _, _ = _run("Nell Parrish lives on a boat. One morning a steamer runs aground. Its captain, Silas Cobb, "
                       "offers Nell a dollar to carry messages to the town.")
    assert lines == [("SILAS COBB", "I'll give you a dollar to carry messages to the town.")]
    lines, _, _ = _run("Nell Parrish lives on a boat. Silas Cobb meets her. He offers to carry her bag.")
    assert lines == [("SILAS COBB", "Let me carry your bag.")]


def test_asking_somebody_for_something_is_a_request() -> None:
    lines, _, _ = _run("Ruth Calloway struggles to keep her farm. At the bank, Walter Prine tells her that the "
                       "loan is refused. She asks him for more time.")
    assert lines[-1] == ("RUTH CALLOWAY", "Can I have more time?")


def test_a_speaker_first_seen_in_a_telling_that_became_a_line_is_still_introduced() -> None:
    _, body, _ = _run("Ruth Calloway keeps an orchard. At the bank, loan officer Walter Prine tells Ruth that "
                      "the loan is refused. Later Walter visits the orchard.")
    assert "WALTER PRINE, a loan officer." in body       # the name first, as a script introduces
    assert "Later Walter visits the orchard." in body     # introduced once, not twice


def test_a_role_before_a_speaker_name_follows_the_name_and_her_is_hers() -> None:
    # "her" the tagger read as a plain pronoun is still her own: "my ex-husband"
    lines, body, _ = _run("Down-on-her-luck jazz singer Lola Vance agrees to help her ex-husband, "
                          "the forger Benny Sato. Benny's plan depends on a night manager.")
    assert "LOLA VANCE, a down-on-her-luck jazz singer." in body
    assert lines[0] == ("LOLA VANCE", "I'll help my ex-husband, the forger Benny Sato.")
    _, body, _ = _run("At the hearing, the Board's inspector, Mr. Hollis, accuses Ivo Brand of negligence.")
    assert "MR. HOLLIS, the Board's inspector." in body   # was the fragment "The Board's inspector, MR. HOLLIS."
    _, body, _ = _run("Rita's brother Sam Kell tells Rita that the farm is sold.")
    assert "SAM KELL, RITA's brother." in body             # whose brother: no article


def test_a_role_apposed_to_a_named_man_is_that_man() -> None:
    _, body, sex = _run("Nell Parrish lives on a boat. One morning a steamer runs aground. Its captain, a gruff "
                        "man named Silas Cobb, offers Nell a dollar to carry messages to the town. Later Captain "
                        "Cobb refuses to sail, saying the river is too low.")
    assert "CAPTAIN" not in sex and "CAPTAIN COBB" in sex        # one person, not two
    assert "Its captain, a gruff man named SILAS COBB." in body


def test_a_past_tense_report_comes_back_in_the_speakers_present() -> None:
    text = ("Nell Parrish lived on a houseboat. Her father had gone north. The ship's cook, Mrs. Albright, "
            "told Nell that she had seen a man in a lumber camp. Nell begged Captain Cobb to take her there. "
            "He refused, saying the river was too low.")
    lines, _, _ = _run(text)
    said = dict(lines)
    assert said["MRS. ALBRIGHT"] == "I have seen a man in a lumber camp."
    assert said["CAPTAIN COBB"].endswith("The river is too low.")


def test_a_bare_name_is_no_introduction_line() -> None:
    _, body, _ = _run("Rosa Delgado visits the council house. Elvira Soto refuses and tells her to be patient.")
    assert "ELVIRA SOTO." not in body


def test_people_the_story_does_not_know_say_nothing_in_anybodys_name() -> None:
    lines, body, _ = _run("Leon Varga washes dishes. That night, two men from a local gang beat Leon in the alley "
                          "and warn him that his daughter will pay if he does not help Sabine.")
    assert lines == []                          # not Leon's own words
    assert any("warn him that" in ln for ln in body)


def test_a_denial_joined_to_a_consent_is_two_acts() -> None:
    lines, _, _ = _run('Leon Varga (Idris Cole) washes dishes. His old partner, Sabine Roux (Ana Mirel), visits '
                       'him. Leon calls Sabine. "You sent them," he says. She denies it, but agrees to meet him '
                       'at the harbour.')
    assert lines[-1] == ("SABINE ROUX", "I deny it. I'll meet you at the harbour.")


def test_a_possessive_in_a_named_persons_clause_is_theirs_not_the_speakers() -> None:
    lines, _, _ = _run("Max Brandt and Otto Kern run a garage. Otto berates him for his temper, but Max dismisses "
                       "the criticism. He tells the others to wait as Felix Roth is on his way there.")
    assert lines[-1] == ("MAX", "Wait as Felix Roth is on his way there.")


def test_a_text_message_is_read_in_the_writers_voice() -> None:
    from screenplay.model import Speech
    from toolchain.adapt import adapt as run
    a, _ = run('Priya Nair plans weddings. Her client Tom Becket is a shy vet. Two weeks before the wedding, '
               'Tom texts Priya: "I cannot do this."', "t", "t", load_model())
    cues = [(el.character.name, el.character.extensions) for el in a.doc.body if isinstance(el, Speech)]
    assert cues and cues[-1][1] == ("V.O.",)


def test_a_full_name_the_tagger_reads_as_plural_still_opens_the_text() -> None:
    _, body, sex = _run("Mildred Ayres works at the switchboard. Later she goes home.")
    assert "MILDRED AYRES" in sex and "AYRES" not in sex


def test_what_the_words_did_to_the_speaker_is_action_not_his_line() -> None:
    lines, body, _ = _run("Paul Berg sits at breakfast with his wife Ana. He tells Ana that the play was sad and "
                          "that a boy asked him about it later, causing Paul to break down in tears.")
    assert lines and not any("break" in said for _, said in lines)
    assert "Paul breaks down in tears." in body


def test_a_subject_pronoun_is_not_the_one_its_verb_is_done_to() -> None:
    lines, _, sex = _run("Paul Berg and Ana Berg sit at breakfast. He tells Ana that the play was sad.")
    assert lines == [("PAUL BERG", "The play was sad.")]
    assert sex["PAUL BERG"] == "M"


def test_a_quotation_after_a_call_is_the_callers() -> None:
    lines, _, _ = _run('Hana Sato works at an observatory. Her teacher Ellen Marsh lives in another town. '
                       'Ellen calls her that night. "This is not noise," she says.')
    assert lines == [("ELLEN MARSH", "This is not noise.")] or lines == [("ELLEN", "This is not noise.")]


def test_what_is_questioned_is_nobody() -> None:
    _, body, sex = _run("Ines Moura loses the deed. Once again, her honesty is questioned, and Rui leaves.")
    assert "HONESTY" not in sex
    assert not any("HONESTY" in ln for ln in body)


def test_a_name_ending_in_ly_is_no_manner_of_speaking() -> None:
    # the small parser can hang a name on the verb as a modifier, as it would "angrily"
    from spacy.tokens import Doc

    from toolchain.adapt.speech import SpeechReader
    words = ["The", "porter", "tells", "Holly", ",", "then", "angrily", "leaves", "."]
    for name_tag, want in (("NNP", None), ("RB", "holly")):
        doc = Doc(load_model().vocab, words=words,
                  tags=["DT", "NN", "VBZ", name_tag, ",", "RB", "RB", "VBZ", "."],
                  deps=["det", "nsubj", "ROOT", "advmod", "punct", "advmod", "advmod", "conj", "punct"],
                  heads=[1, 2, 2, 2, 2, 7, 7, 2, 2])
        reader = SpeechReader.__new__(SpeechReader)
        assert reader._manner(doc[2]) == want
        assert reader._manner(doc[7]) == "angrily"


def test_a_role_and_name_before_a_warning_introduce_the_speaker_and_find_the_one_warned() -> None:
    # the small parser reads the one warned as a second subject of "warns"
    lines, body, _ = _run("Lena Roth learns that her father Emil is ill. She takes a train to Graz. "
                          "At the hospital, a young surgeon, Dr. Anton Weiss, warns Lena that her father "
                          "may not wake up.")
    assert ("ANTON WEISS", "Your father may not wake up.") in lines, lines
    assert any("DR. ANTON WEISS" in ln and "surgeon" in ln for ln in body), body


def test_they_after_the_speaker_and_one_other_is_we() -> None:
    lines, _, _ = _run("Lena Roth drives north with her son Kai. She tells him that Emil taught her "
                       "to skate when they were children.")
    assert ("LENA", "Emil taught me to skate when we were children.") in [(c.split()[0], t) for c, t in lines], lines


def test_a_name_set_off_before_a_verb_the_parse_left_without_subject_is_its_speaker() -> None:
    lines, body, _ = _run("Tom Reed is a rancher. His daughter Jess loves Hal. When Jess shows her father "
                          "the letter, Tom, knowing that Hal has never hurt anyone, and believing that he "
                          "has reformed, agrees to take Jess to the mine.")
    assert lines and lines[-1][0] == "TOM", lines
    assert "Jess shows her father the letter." in body, body


def test_a_role_whose_joined_verb_is_a_telling_is_a_speaker() -> None:
    lines, _, sex = _run("Bandits storm the inn. Later the chief returns with more men. The chief then "
                         "grabs the cook, puts a knife to his throat and orders him to open the cellar.")
    assert "CHIEF" in sex
    assert ("CHIEF", "Open the cellar.") in lines, lines


def test_an_order_to_two_people_is_said_to_both_and_the_meanwhile_stays_action() -> None:
    # the parse hangs "to help him" on "arrives"; "him" is the one who gives the order
    lines, body, _ = _run("Mr. Brown and Mr. Green hide in a garage with Mr. Gray. Eddie then arrives and "
                          "orders Mr. Brown and Mr. Green to help him carry the money out, while Mr. Gray "
                          "stays with the car. Later Eddie tells Mr. Brown and Mr. Green that they are fools.")
    assert ("EDDIE", "Help me carry the money out.") in lines, lines
    assert ("EDDIE", "You are fools.") in lines, lines
    assert "Mr. Gray stays with the car." in body, body


def test_a_role_a_named_person_is_said_to_be_is_theirs() -> None:
    _, body, sex = _run("Anna Holt is the daughter of a ferryman on a cold river. Her father, Carl, is a "
                        "stern man. One night a stranger, Tom Ware, knocks at the door. Carl sends him away, "
                        "but his daughter follows him.")
    assert "DAUGHTER" not in sex, sex
    assert not any("DAUGHTER" in ln for ln in body), body


def test_him_is_none_of_those_who_do_it_and_a_quote_goes_on_after_its_listener() -> None:
    text = ("When old Bruno Kell wanders off on Sunday, his granddaughter Mia and her friend Leo Hart search "
            "the harbour. They find him at dawn on the breakwater. \"It's late,\" he tells her. "
            "\"Your grandmother will worry.\" Mia takes his hand and walks him home.")
    lines, body, sex = _run(text)
    assert [(c.split()[0], t) for c, t in lines] == [("BRUNO", "It's late. Your grandmother will worry.")], lines
    assert "GRANDMOTHER" not in sex                      # talked of inside the words
    assert sex.get("MIA") != "M"                         # "takes his hand": not her own


def test_her_opening_a_sentence_is_the_last_sentences_subject() -> None:
    _, _, sex = _run("Sergeant Nia Roe is called to a farm outside York, where the body of a clerk, Ewan "
                     "Hale, has been found. Her new partner, Tom Bly, thinks it was an accident.")
    assert sex["NIA ROE"] == "F", sex


def test_people_told_apart_by_an_adjective_are_two_characters() -> None:
    lines, body, sex = _run("An old man and a young man meet at a bar. The old man tells the young man that "
                            "he is tired. The young man laughs and tells the old man to go home.")
    assert {"OLD MAN", "YOUNG MAN"} <= set(sex), sex
    assert [c for c, _ in lines] == ["OLD MAN", "YOUNG MAN"], lines
    assert any("OLD MAN" in ln and "YOUNG MAN" in ln for ln in body), body


def test_things_told_apart_by_an_adjective_who_act_are_characters() -> None:
    # no person noun at all: two owls, one of them called by two adjectives
    lines, body, sex = _run("In the barn a quarrel starts between a scruffy grey owl and a smaller, quicker owl "
                            "over a white owl. The grey owl sulks in the rafters. The small owl then proposes "
                            "to the white owl, with a feather serving as a ring, and they fly off together.")
    assert {"GREY OWL", "SMALL OWL", "WHITE OWL"} <= set(sex), sex
    assert ("SMALL OWL", "Will you marry me?") in lines, lines


def test_a_kind_after_an_article_is_no_name_and_the_name_beside_it_is() -> None:
    _, body, sex = _run("At night Will Ames hides in a cellar with a young Frenchwoman, Lauri, who is caring "
                        "for a baby. He gives her his bread.")
    assert "FRENCHWOMAN" not in sex, sex
    assert any("a young Frenchwoman, LAURI," in ln for ln in body), body


def test_a_capitalised_modal_between_names_is_a_name() -> None:
    _, body, _ = _run("In 1917, two young soldiers, Lance Corporal Tom Hale (Ian Moss) and Lance Corporal Will "
                      "Scott (Joe Penn), are summoned by General Ames. Scott salutes.")
    assert any("LANCE CORPORAL WILL SCOTT" in ln for ln in body), body


def test_the_comma_closing_a_relative_clause_is_no_list() -> None:
    lines, body, _ = _run("Captain Ruth Ames, whose company passes by in trucks, offers Tom Hale a ride and "
                          "warns him not to lose his temper.")
    assert any(ln.lower().endswith("whose company passes by in trucks, offers tom hale a ride.") for ln in body), body
    # a full name the recogniser calls a person, met once as an object, is the one told
    assert ("RUTH AMES", "Don't lose your temper.") in lines, lines


def test_a_kin_noun_is_the_other_side_of_the_one_tie_the_text_gave() -> None:
    lines, _, sex = _run("Sergeant Nia Roe finds the body of a clerk, Ewan Hale. Ewan's sister Beth insists "
                         "her brother was honest.")
    assert "BROTHER" not in sex, sex
    assert ("BETH", "My brother was honest.") in lines, lines


def test_a_nameless_story_introduces_its_roles_and_takes_them_up() -> None:
    lines, body, sex = _run("A widow in a mountain village refuses to sell her late husband's olive grove to a "
                            "builder. Her son comes home for the harvest. The village priest warns her that the "
                            "builder has bribed the mayor. At the end of the harvest the son tells his mother "
                            "that he will stay, and the old woman smiles for the first time.")
    assert ("WIDOW", "I won't sell my late husband's olive grove to a builder.") in lines, lines
    assert "A WIDOW in a mountain village." in body and "The VILLAGE PRIEST." in body, body
    assert ("SON", "I will stay.") in lines, lines                     # the narrator's clause is not his
    assert "The old woman smiles for the first time." in body, body     # the widow, no new WOMAN
    assert "WOMAN" not in sex, sex


def test_the_one_found_doing_something_is_not_the_finder() -> None:
    # "finds him treating": the parser makes "him" the subject of "treating"
    from toolchain.adapt import adapt_text
    a = adapt_text("Charlotte's fiance, Tom Becket, is a shy vet. Priya Nair hires a band. Priya drives to the "
                   "farm and finds him treating a sheep.", load_model(), "t", "t.txt")
    assert a.story is not None
    him = [m.entity for m in a.story.mentions if m.text == "him"]
    assert him == ["TOM BECKET"], him


def test_a_parent_named_by_his_child_is_the_one_who_has_that_child() -> None:
    # "lives with his daughter Mila": Ivo is Mila's father; "father and daughter" is no new FATHER
    text = ("Ivo Brand, a ferryman, lives with his daughter Mila on a river island. One morning Mila "
            "tells her father that his boat is leaking. That evening, father and daughter mend the hull.")
    lines, body, sex = _run(text)
    assert "FATHER" not in sex
    assert not any("FATHER" in ln for ln in body)
    assert ("MILA", "Your boat is leaking.") in lines


def test_his_child_tells_nothing_of_her_mother() -> None:
    # the father's "his daughter" does not make him the one "her mother" means
    lines, _, _ = _run("Ivo Brand lives with his daughter Mila on a river island. One day her mother "
                       "arrives from the city and asks Mila to come home.")
    assert ("MOTHER", "Please come home.") in lines


def test_a_name_only_ever_where_something_is_is_a_place_not_a_person() -> None:
    # the recogniser called the town a PERSON; named only after "in", it had become a character
    _, body, sex = _run("Anton Varga lives on a farm. In flashback, Anton remembers his wife Eszter, "
                        "who died in the bombing of their street in Debrecen.")
    assert "DEBRECEN" not in sex
    assert not any("DEBRECEN" in ln for ln in body)


def test_a_name_the_tagger_made_an_adjective_keeps_its_deed() -> None:
    # "Rusz" tagged JJ and "questions" NNS: the clause had vanished from the action
    _, body, _ = _run("Ilona Bartok hides Anton in the cellar. Captain Rusz arrives at the farm with military "
                      "police, searching for deserters. Rusz questions Ilona, who insists she lives alone with her son.")
    assert "Rusz questions Ilona." in body


def test_a_silent_era_treatment_keeps_mother_and_son_apart_and_her_words_hers() -> None:
    # the project's own fixture, told in the past tense like a 1910s photoplay treatment
    from .conftest import FIXTURES
    text = (FIXTURES / "synopses" / "silent-treatment.txt").read_text("utf-8")
    lines, body, sex = _run(text)
    assert "LADY VANE" in sex and "EDWARD" in sex            # "Lady Vane" had swallowed "Edward Vane"
    assert ("LADY VANE", "Your daughter has more courage than all my house.") in lines   # was RUTH's
    assert "Lady Vane, ashamed, comes to the miller's bedside and begs his forgiveness." in body   # "ashames"
    assert "Crouch, seen running from the mill by a shepherd boy, is taken before the magistrate." in body
    assert "STEWARD" not in sex   # "the Lady's steward, Crouch," is Crouch, though the parse lost the apposition


def test_a_name_shared_with_another_of_the_other_sex_stays_apart() -> None:
    _, _, sex = _run("The young baron, Felix Moor, returning from the city, meets Anna at the fair and loses "
                     "his heart to her. But the baron's mother, the stern Lady Moor, forbids the match.")
    assert "LADY MOOR" in sex and "FELIX MOOR" in sex


def test_a_word_capitalised_only_by_the_sentence_is_not_part_of_the_name() -> None:
    # "Old Tom Reed" had made OLD TOM REED, and the recogniser's "Tom Reed" a second person
    _, body, sex = _run("Old Tom Reed, the miller, had but one joy in life, his daughter Anna. The mill burned. "
                        "Tom Reed was badly hurt.")
    assert set(sex) == {"TOM REED", "ANNA"}
    assert body[body.index("FADE IN:") + 2].startswith("Old TOM REED, the miller,")


def test_a_first_name_the_recogniser_missed_stays_part_of_the_name() -> None:
    _, _, sex = _run("Ilona Bartok hides Anton Varga in the cellar. Captain Rusz arrives at the farm. Ilona lies.")
    assert "ILONA BARTOK" in sex and "BARTOK" not in sex


def test_a_name_with_a_role_set_beside_it_is_a_character() -> None:
    _, body, sex = _run("On a quiet island, Ana Ruiz's second feature follows Eleni, a fisherman's widow who "
                        "will not sell her boat. When her son Stavros returns, she refuses to see him.")
    assert "ELENI" in sex
    assert any(ln.startswith("ELENI, a fisherman's widow") for ln in body)


def test_a_chief_named_beside_her_role_is_named_in_full() -> None:
    _, body, _ = _run("Lola Vance sings in a casino. Lola distracts the security chief, Ramona Diaz, by asking "
                      "her about a bracelet. Later Ramona watches the cameras.")
    assert any("RAMONA DIAZ" in ln for ln in body)


def test_a_verb_read_as_a_noun_before_an_object_pronoun_is_a_deed() -> None:
    # "thanks" tagged a plural noun: the clause had vanished
    _, body, _ = _run("Walter Crane keeps the light. Thomas Reid and Effie Crane row out to rescue the crew. "
                      "The skipper, Angus Muir, thanks them and asks Walter to testify at the inquiry in Oban.")
    assert any(ln.startswith("The skipper, ANGUS MUIR, thanks them") for ln in body)


def test_a_full_name_listed_with_a_person_is_a_person() -> None:
    # the recogniser called "Effie Crane" an organisation and the parser made "row" a noun
    _, body, sex = _run("Thomas Reid and Effie Crane row out to rescue the crew. Effie waves.")
    assert "EFFIE CRANE" in sex


def test_a_name_met_once_inside_a_question_is_talked_of_not_met() -> None:
    # the recogniser called the city a PERSON, and "He" became its line
    lines, _, sex = _run("Walter Crane keeps a lighthouse with his daughter Effie. A relief keeper, Thomas Reid, "
                         "arrives by boat. Effie asks Thomas what Edinburgh is like. He promises to take her "
                         "letters to the mainland.")
    assert "EDINBURGH" not in sex
    assert not any(cue == "EDINBURGH" for cue, _ in lines)


def test_a_name_before_a_verb_the_tagger_made_a_noun_is_a_person() -> None:
    # "Oskar sails north" parsed as one noun phrase: Oskar had been no character while the sexes
    # were learnt, and "He ..." had gone to Runa (she then had both)
    from .adapt_helpers import adapted
    got, _ = adapted("Runa keeps the lighthouse. She lives with her father. Oskar sails north. He is a fisherman. "
                     "A year later, Runa receives a letter from Oskar, saying that he is well.")
    assert ("OSKAR", "I am well.") in got


def test_a_nickname_quoted_inside_a_name_is_the_same_person() -> None:
    text = ('In Lisbon, fixer Gus "the Owl" Ferreira (Tam Rudd) meets Lena Sosa at a bar. The Owl offers her a job. '
            'Gus tells her, "It pays well." Ferreira leaves.')
    lines, body, sex = _run(text)
    people = {k for k in sex if "LENA" not in k}
    assert len(people) == 1, sex
    assert any('GUS "THE OWL" FERREIRA' in ln for ln in body)
    assert lines and lines[0][0] in people


def test_the_actor_credited_after_a_nicknamed_name_plays_that_person() -> None:
    from toolchain.adapt import adapt, load_model
    text = ('Trawler cook Hal Brandt (Ivo Lenz) sails with his daughter Mina "Minnow" Brandt (Zoe Kraft). '
            'Minnow climbs the mast. Hal shouts at her, but she laughs.')
    a, _ = adapt(text, "t", "t", load_model())
    assert a.story is not None
    actors = {e.id: e.actor for e in a.story.entities}
    assert actors.get("MINNOW") == "Zoe Kraft", actors
    assert "BRANDT" not in actors


def test_roles_written_with_capitals_are_characters() -> None:
    text = ('The Shepherd lived on the fell with his only child, the Girl. One winter evening a Stranger knocked '
            'at the door. He was a ragged young man, and he asked for bread. The Girl gave him a loaf. Later the '
            'Parson, a stern man, came to the cottage. He told the Shepherd that a thief was loose in the parish. '
            'The Shepherd feared for his daughter.')
    lines, body, sex = _run(text)
    assert {"SHEPHERD", "GIRL", "STRANGER", "PARSON"} <= set(sex), sex
    assert not {"CHILD", "MAN", "DAUGHTER"} & set(sex), sex
    assert [c for c, _ in lines] == ["STRANGER", "PARSON"], lines
    assert body[body.index("FADE IN:") + 2].startswith("The SHEPHERD lives"), body
    assert any("a STRANGER knocks" in ln for ln in body) and any("the PARSON, a stern man" in ln for ln in body)


def test_a_word_moving_the_story_on_does_not_open_a_name() -> None:
    text = ('Tamsin Reyes joins the school choir. Her rival, Odile, mocks her voice. '
            'Afterward Tamsin finds Odile in the corridor and says, "I forgive you."')
    lines, body, sex = _run(text)
    assert not any("AFTERWARD" in k for k in sex), sex
    assert lines and lines[0][0] == "TAMSIN", lines


def test_a_name_after_and_is_not_set_beside_the_role_before_it() -> None:
    from toolchain.adapt import adapt, load_model
    text = ('Inspector Ana Ruiz (Mei Tan) guards the witness. At dawn Kessler kills Falk\'s driver and wounds Ruiz. '
            'Ruiz survives.')
    a, _ = adapt(text, "t", "t", load_model())
    assert a.story is not None
    aliases = {e.id: e.aliases for e in a.story.entities}
    assert not any("driver" in f for f in aliases["RUIZ"]), aliases


def test_a_pronoun_opening_the_next_sentence_tells_the_sex_of_whom_nothing_else_did() -> None:
    text = ('Lorna Pike runs the ferry with her uncle. Inspector Marlo Quist (Ben Hale) has been watching the '
            'harbour for weeks. She notices that a crate is missing. Quist tells the ferryman, "Somebody took it."')
    _, _, sex = _run(text)
    assert sex.get("QUIST") == "F", sex


def test_places_named_by_their_kind_are_nobody() -> None:
    text = ('The film follows the Novak family over twenty years in a port town on the coast of Dalmatia. '
            'Vesna Novak, a young widow, runs Chez Bastien, a small French restaurant by the harbour. By spring, '
            'Chez Bastien has a queue around the block. In the final scene, Vesna and her son Ivo walk along the '
            'river Krka, and she tells him about his father.')
    _, body, sex = _run(text)
    assert not {"CHEZ BASTIEN", "KRKA", "DALMATIA"} & set(sex), sex
    assert not any(w in ln for ln in body for w in ("BASTIEN", "KRKA", "DALMATIA"))


def test_an_organisation_that_orders_is_no_character() -> None:
    text = ('Agent Mara Vells guards the archive. One night the agency orders her to burn the files. '
            'Mara refuses and tells her partner, "I will not do it."')
    lines, body, sex = _run(text)
    assert "AGENCY" not in sex, sex
    assert all(c != "AGENCY" for c, _ in lines) and not any("AGENCY" in ln for ln in body)


def test_a_name_set_after_a_thing_of_a_person_is_the_persons_and_one_entity() -> None:
    from toolchain.adapt import adapt, load_model
    text = ('In the lab, Tariq finds the notebook of the lead chemist, Dr. Ines Vargo, which describes a spore. '
            'Later Tariq finds Dr. Vargo in the clinic. Vargo, home at last, tells him, "Burn it."')
    a, _ = adapt(text, "t", "t", load_model())
    assert a.story is not None
    ents = {e.id: e.aliases for e in a.story.entities}
    vargo = [k for k in ents if "VARGO" in k]
    assert len(vargo) == 1, ents
    assert not {"notebook", "home"} & set(ents[vargo[0]]), ents


def test_a_title_before_a_name_makes_the_role_that_person_and_either_man_is_nobody() -> None:
    text = ('Sheriff Noah Tell keeps the peace in Elm Creek. One night Ada Rusk rides into town to fetch the '
            'sheriff. The sheriff listens to her and saddles his horse. At dawn Tell faces the gunman Jed Crane in '
            'the street. Before either man draws, Ada shouts, "Stop!"')
    _, body, sex = _run(text)
    assert not {"SHERIFF", "MAN"} & set(sex), sex
    assert not any("the SHERIFF" in ln or "either MAN" in ln for ln in body), body


def test_no_name_is_made_of_a_verb_or_a_sentence_s_opening_word() -> None:
    from .adapt_helpers import adapted
    _, action = adapted("Joe and Jerry meet Osgood at the hotel. Osgood waits.\n\n"
                        "Onshore, Jerry and Osgood tango until dawn.\n")
    text = " ".join(action)
    assert "MEET" not in text and "ONSHORE" not in text


def test_a_role_with_its_number_is_a_name_and_its_verb_is_no_group() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted("Twelve jurors sit in a hot room. Juror 8 votes not guilty.\n\n"
                       'Juror 3 lunges at him screaming "I\'ll kill him!" and has to be held back. '
                       "Juror 8 tells the others that the boy may be innocent.\n")
    cues = [cue for cue, _ in lines]
    assert "JUROR 8" in cues and "LUNGES" not in cues


def test_a_numbered_name_is_introduced_and_keeps_the_story_line() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted("The jurors are locked into a small room. Only Juror 8, a quiet architect, votes not guilty.\n\n"
                            "Juror 8 says that he does not know whether the boy is innocent. "
                            "\"We're talking about somebody's life here,\" he tells them.\n")
    assert any(a.startswith("Only JUROR 8, a quiet architect") for a in action), action
    assert [cue for cue, _ in lines] == ["JUROR 8"]


def test_a_rank_said_alone_is_the_one_person_who_holds_it() -> None:
    a, _ = adapt('Hutter travels to the castle of Count Orlok. The Count greets him at the door. '
                 '"Welcome," the Count says. Anna meets Baron Kurtz at a cafe. "Sit down," the Baron says.',
                 "t", "t", load_model())
    from screenplay.model import Speech
    cues = [el.character.name for el in a.doc.body if isinstance(el, Speech)]
    assert cues == ["COUNT ORLOK", "BARON KURTZ"], cues
    a, _ = adapt("The votes are in. The count begins at noon.", "t", "t", load_model())
    assert a.story is not None and not a.story.entities   # a count of votes is nobody


def test_a_word_opening_quoted_words_is_no_name() -> None:
    a, _ = adapt('Vogel meets Emil on the deck. "Nobody misses anybody. Why should we?" Vogel says. Emil laughs. '
                 '"Where are we? Nobody knows," Emil says.', "t", "t", load_model())
    assert a.story is not None
    assert sorted(e.id for e in a.story.entities) == ["EMIL", "VOGEL"]


def test_two_bare_nouns_joined_take_up_people_the_story_has() -> None:
    a, _ = adapt("Ten-year-old Elliott finds a small visitor in the shed. As boy and alien grow close, "
                 "the creature builds a transmitter.", "t", "t", load_model())
    assert a.story is not None
    assert "BOY" not in {e.id for e in a.story.entities}
    a, _ = adapt("A boy and his dog walk to the lake. The boy throws a stick.", "t", "t", load_model())
    assert a.story is not None and "BOY" in {e.id for e in a.story.entities}   # "a boy" is somebody new


def test_a_character_named_by_a_capitalised_title_speaks() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted('Mira lives on a farm. The Grey Warden tries to stop her at the gate. "Turn back," he says.\n')
    assert ("WARDEN", "Turn back.") in lines or ("GREY WARDEN", "Turn back.") in lines, lines
    # a place or a body of people so named is nobody
    a, _ = adapt("Mira lives on a farm. The Situation Room tells her that the storm is coming. "
                 "The Senate decides to wait.", "t", "t", load_model())
    assert a.story is not None and {e.id for e in a.story.entities} == {"MIRA"}, [e.id for e in a.story.entities]


def test_a_witch_is_she() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted('Mira lives on a farm. The Witch vows revenge. Mira throws a bucket of water. The water '
                       'splashes over the Witch, who shrinks away. "I am melting!" she shrieks.\n')
    assert lines and lines[-1] == ("WITCH", "I am melting!"), lines


def test_a_time_inside_quoted_words_is_not_the_story_s() -> None:
    a, _ = adapt('Mira lives in a flat in Rome. Tom visits her at the flat and asks for money. '
                 '"Come back tomorrow," she says.', "t", "t", load_model())
    assert a.story is not None and len(a.story.scenes) == 1, [s.heading for s in a.story.scenes]


def test_she_is_the_woman_of_the_last_sentence_before_a_name_of_unknown_sex() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted('Mira lives in a flat in Rome. Tom visits her at the flat and asks for money. '
                       '"Come back tomorrow," she says.\n')
    assert ("MIRA", "Come back tomorrow.") in lines, lines
    # not one only talked of, nor past somebody the sentence itself has
    lines, _ = adapted("Then Joe arrives at the warehouse and reveals that Mr. Blue is dead. "
                       "He accuses Mr. Orange of being an informant.\n")
    assert lines and lines[-1][0] == "JOE", lines


def test_the_last_sentence_s_he_stays_a_he_before_a_man_it_did_something_to() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted('Mr. Blue waits at the bar. Joe arrives and sits down. He asks Mr. Blue for the money. '
                       '"The job went wrong," he says.\n')
    assert lines and all(who == "JOE" for who, _ in lines), lines
