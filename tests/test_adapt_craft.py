"""Screenplay craft on its own: capitals at first appearance, no film narration, clean headings."""
from __future__ import annotations

from toolchain.adapt import adapt, load_model
from toolchain.adapt.craft import Introducer, clean_heading_place, drop_meta, readable_title


def test_readable_title_drops_ordering_prefix_and_separators() -> None:
    assert readable_title("03_winter-light") == "Winter Light"
    assert readable_title("the_house_of_the_lake") == "The House of the Lake"
    assert readable_title("2046") == "2046"


def test_first_appearance_only_is_capitalised_longest_name_wins() -> None:
    intro = Introducer({"MARA": ["Mara", "Mara Lind"], "OTTO": ["Otto"], "AUNT": ["her aunt"]})
    assert intro.apply("Mara Lind waits at the pier.") == "MARA LIND waits at the pier."
    assert intro.apply("Mara sees Otto and Mara waves.") == "Mara sees OTTO and Mara waves."
    assert intro.apply("Otto leaves.") == "Otto leaves."
    assert intro.apply("She calls her aunt.") == "She calls her aunt."   # a role phrase is not a name


def test_a_role_phrase_opening_a_sentence_is_not_the_name_introduced() -> None:
    intro = Introducer({"IDA": ["Her neighbour", "Ida", "Ida Brandt"]})
    assert intro.apply("Her neighbour Ida knocks at the door.") == \
        "Her neighbour IDA knocks at the door."


def test_name_inside_another_word_is_not_a_name() -> None:
    intro = Introducer({"ANN": ["Ann"]})
    assert intro.apply("Annabel sings; Ann listens.") == "Annabel sings; ANN listens."


def test_where_the_film_opens_stays_the_setting_of_what_happens() -> None:
    # "opens in PLACE as CLAUSE": the place was the clause's setting, not a fragment before it
    assert drop_meta("The film opens in Lyon as a tram derails near the river.") == \
        "In Lyon, a tram derails near the river."
    assert drop_meta("The movie begins at dawn, when the ferry docks.") == "At dawn, the ferry docks."
    # only narration about the film is rewritten; a person who opens something is left alone
    assert drop_meta("Mara opens in Lyon as a tram derails.") == "Mara opens in Lyon as a tram derails."
    # a year alone is no action
    assert drop_meta("The film opens in 1953.") == ""


def test_narration_about_the_film_is_cut_and_what_it_told_stays() -> None:
    assert drop_meta("The film opens with Mara asleep on a train.") == "Mara asleep on a train."
    assert drop_meta("We later learn that Otto lied.") == "Otto lied."
    assert drop_meta("Mara leaves; it is later revealed that she took the key.") == \
        "Mara leaves; she took the key."
    assert drop_meta("Otto watches a film at the cinema.") == "Otto watches a film at the cinema."
    # the film's own parts: "In the final scene, ..." tells the film, not the story
    assert drop_meta("In the final scene, Mara sings at a club.") == "Mara sings at a club."
    assert drop_meta("During the opening moments of the film, Otto sleeps.") == "Otto sleeps."
    assert drop_meta("In the last days of the war, Otto deserts.") == "In the last days of the war, Otto deserts."
    # a treatment's title line and its length in reels
    assert drop_meta("THE FERRYMAN'S WIFE.") == ""
    assert drop_meta("A photoplay in six reels.") == ""
    assert drop_meta("Treatment for a photoplay in five acts") == ""
    # a blurb's verdict on the film is about the film; where it is set is the story's
    assert drop_meta("The first hand-drawn feature film remains as fresh as it was in 1951.") == ""
    assert drop_meta("The film is set in Lisbon.") == "The film is set in Lisbon."
    assert drop_meta("The film crew arrives at dawn.") == "The film crew arrives at dawn."
    assert drop_meta("Treatment for a friend in need of five acts of kindness.") != ""
    # a festival blurb: the director's feature, the performances, the film's last image
    assert drop_meta("Set in a port town, Ana Ruiz's assured debut follows Tomas, a docker.") == "Tomas, a docker."
    assert drop_meta("Ruiz draws fine performances from Eva Lind, and the film's final image lingers.") == ""
    assert drop_meta("Tomas draws water from the well.") == "Tomas draws water from the well."
    assert drop_meta("Otto reads the FBI file.") == "Otto reads the FBI file."


def test_heading_place_loses_names_years_and_numbers() -> None:
    people = {"SAM", "ROSIE", "COTTON"}
    assert clean_heading_place("SHIRE SAM ROSIE COTTON", people) == "SHIRE"
    assert clean_heading_place("AD", set()) == ""
    assert clean_heading_place("ROME 180 AD", set()) == "ROME"
    assert clean_heading_place("SAM'S HOUSE - KITCHEN", people) == "HOUSE - KITCHEN"
    assert clean_heading_place("TRAIN STATION", people) == "TRAIN STATION"


def test_flashback_is_recognised_from_the_sentence_own_words() -> None:
    from toolchain.adapt.craft import is_flashback
    assert is_flashback("In a flashback, young Mara sails with her father.")
    assert is_flashback("A flashback shows the fire.")
    assert not is_flashback("Mara remembers the fire.")
    assert not is_flashback("Mara reads a book about flashbacks in cinema.")


def test_age_before_a_name_follows_it_in_parentheses() -> None:
    intro = Introducer({"NELL": ["Nell Ames"], "BO": ["Bo"]})
    assert intro.apply("Seventeen-year-old Nell Ames moves to a new town.") == "NELL AMES (17) moves to a new town."
    assert intro.apply("She meets an 82-year-old Bo at the dock.") == "She meets BO (82) at the dock."


def test_unnamed_character_introduced_by_role_after_names() -> None:
    intro = Introducer({"ANNE": ["Anne", "deceased woman"]}, {"GUARD": "guard", "ANNE": "woman"})
    assert intro.apply("A guard finds a deceased woman named Anne.") == "A GUARD finds a deceased woman named ANNE."
    assert intro.apply("The guard leaves.") == "The guard leaves."


def test_narration_cut_before_a_participle_leaves_a_sentence() -> None:
    assert drop_meta("The film ends with Mara secretly watching the sea.") == "Mara is secretly watching the sea."
    assert drop_meta("The movie closes with Mara and Otto dancing.") == "Mara and Otto are dancing."
    assert drop_meta("Mara is watching the sea.") == "Mara is watching the sea."   # no narration: untouched


def test_the_film_ending_at_the_end_of_a_sentence_is_cut() -> None:
    assert drop_meta("Mara sits down by the window, and the film ends.") == "Mara sits down by the window."
    assert drop_meta("Otto leaves as the movie ends.") == "Otto leaves."


def test_backstory_in_the_past_perfect_is_a_note_not_a_scene() -> None:
    from toolchain.adapt import adapt, load_model
    text = ("Leon Varga washes dishes in a restaurant. His old partner, Sabine Roux, finds him there.\n\n"
            "Years earlier, Leon had been arrested during a job that Sabine planned.\n\n"
            "That night, Leon walks home along the river.")
    _, fountain = adapt(text, "t", "t", load_model())
    lines = fountain.splitlines()
    assert "[[Backstory: Years earlier, Leon had been arrested during a job that Sabine planned.]]" in lines
    heads = [ln for ln in lines if ln.startswith(("INT.", "EXT."))]
    assert len(heads) == 2                           # the backstory opened no scene of its own
    # the story's own time shift in the present is still a scene ("Months later, ...")
    assert not any(ln.startswith("[[Backstory") for ln in adapt(
        "Leon Varga washes dishes. Several months earlier, Leon meets Sabine at a bar.", "t", "t",
        load_model())[1].splitlines())


def test_a_blurb_opening_and_an_age_after_the_name() -> None:
    from toolchain.adapt import adapt, load_model
    _, fountain = adapt("Set over one hot weekend in Lisbon, this gentle debut follows Rita Paz, a "
                        "nineteen-year-old lifeguard who dreams of leaving, and her grandfather Abel. Rita "
                        "swims out to the buoy.", "t", "t", load_model())
    body = [ln for ln in fountain.splitlines() if ln and not ln.startswith(("=", "/*"))]
    assert not any("debut" in ln for ln in body), body
    assert any(ln.startswith("RITA PAZ (19), a lifeguard who dreams of leaving") for ln in body), body


def test_a_part_marker_is_a_section_not_action() -> None:
    # "Part I" on a line of its own had become the action "Part." and "I." in a scene of its own
    from screenplay.model import Action, SceneHeading, Section
    a, _ = adapt("Part I\n\nIn 1939, Tomas Berg runs a bookshop in Lund with his aunt Vera. He meets Elin, a "
                 "teacher.\n\nPart II: The War\n\nIn 1944, Tomas is sent to a camp in the north.\n",
                 "t", "t", load_model())
    sections = [el.text[0].text for el in a.doc.body if isinstance(el, Section)]
    assert sections == ["Part I", "Part II: The War"]
    assert not any(isinstance(el, Action) and el.text[0].text.startswith("Part") for el in a.doc.body)
    body = a.doc.body
    for k, el in enumerate(body):
        if isinstance(el, Section):
            assert isinstance(body[k + 1], SceneHeading)   # a part opens with a scene


def test_an_age_told_by_decade_or_by_of_goes_in_brackets_after_the_name() -> None:
    from toolchain.adapt.craft import Introducer
    intro = Introducer({"N": ["Nadia Kern"], "O": ["Oskar"], "P": ["Pia"]})
    assert intro.apply("Nadia Kern, a weary nurse in her late forties, works nights.") == \
        "NADIA KERN (late 40s), a weary nurse, works nights."
    assert intro.apply("Oskar, in his twenties, drives.") == "OSKAR (20s) drives."
    assert intro.apply("Pia, a quiet girl of twelve, reads.") == "PIA (12), a quiet girl, reads."


def test_a_family_named_by_its_surname_introduces_nobody() -> None:
    from toolchain.adapt.craft import Introducer
    intro = Introducer({"V": ["Vera Lind", "Lind"]})
    assert intro.apply("The Lind family runs a bakery.") == "The Lind family runs a bakery."
    assert intro.apply("Vera Lind bakes bread.") == "VERA LIND bakes bread."


def test_a_treatment_s_front_matter_and_its_narrating_scenes_are_cut() -> None:
    # the subtitle and label lines a pasted treatment opens with are no action
    assert drop_meta("A Comedy of the Great War, in Six Reels") == ""
    assert drop_meta("Treatment") == ""
    assert drop_meta("THE LONG ROAD – story summary.") == ""
    # what "the scene shows" is what happens, as a sentence
    assert drop_meta("The scene showed the ticket clerk counting his coins.") == "The ticket clerk is counting his coins."
    assert drop_meta("The final scene showed him waving from the deck.") == "He is waving from the deck."
    assert drop_meta("A title explained that the ferry was late.") == "The ferry was late."
    assert drop_meta('He walked off, in the words of the title, "Never again."') == 'He walked off, "Never again."'
    assert drop_meta("The storm at sea made up the middle of the picture.") == ""
    assert drop_meta("He begins to record a confession, which makes up most of the story.") == \
        "He begins to record a confession."
    # a person who shows something is no part of the film
    assert drop_meta("Mara showed the clerk her ticket.") == "Mara showed the clerk her ticket."
    assert drop_meta("The men standing at the gate are guards.") == "The men standing at the gate are guards."


def test_a_part_of_the_film_is_nobody_and_whom_it_shows_speaks() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted("Mara and Tom are at the ferry.\n\nA title explained that Tom had lost the tickets. "
                       'The scene showed Mara at the rail, furious: "You lost them again!"\n')
    assert [cue for cue, _ in lines] == ["MARA"]
    assert lines[0][1] == "You lost them again!"


def test_there_agrees_with_what_there_is() -> None:
    from .adapt_helpers import adapted
    _, action = adapted("There were two dogs in the yard. There was a cat on the wall. Mara walked home.\n")
    text = " ".join(action)
    assert "There are two dogs" in text and "There is a cat" in text


def test_a_festival_blurb_s_credits_and_notes_make_no_scene() -> None:
    assert drop_meta("Director: Ana Ruiz.") == "" and drop_meta("Starring Tom Vale.") == ""
    assert drop_meta("With Ana Ruiz, Tom Vale, Ed Kerr.") == ""
    assert drop_meta("Newly restored.") == "" and drop_meta("Screens with an introduction.") == ""
    assert drop_meta("With Mara, Tom walks home.") == "With Mara, Tom walks home."
    a, fountain = adapt("LANTERN (Chile, 1961). Director: Ana Ruiz. With Ana Ruiz, Tom Vale.\n\n"
                        "Mara falls asleep on a park bench. The next morning Tom finds her.\n\n"
                        "Newly restored. Screens with an introduction.\n", "t", "t", load_model())
    heads = [ln for ln in fountain.splitlines() if ln.startswith(("INT.", "EXT."))]
    assert heads[0] == "EXT. PARK - DAY" and len(heads) == 2, heads
    assert "Director" not in " ".join(ln for ln in fountain.splitlines() if not ln.startswith("="))


def test_what_is_told_is_nobody() -> None:
    a, fountain = adapt("Ann and Joe meet in Rome. By nightfall, neither of them wants the story told.\n",
                        "t", "t", load_model())
    assert "STORY" not in fountain


def test_a_surname_ending_in_s_is_one_person_and_a_participle_keeps_its_form() -> None:
    from .adapt_helpers import adapted
    _, action = adapted("Keyes and Neff worked at an insurance office. Dietrichson lived in a house.\n\n"
                        "Keyes thought about it. Why had Dietrichson never claimed on his policy? "
                        "The Americans arrived. Keyes brought Jackson to the office.\n")
    text = " ".join(action)
    assert "Keyes thinks about it." in text and "Keyes brings" in text
    assert "Why has Dietrichson never claimed on his policy?" in text
    assert "The Americans arrive." in text


def test_a_list_of_things_seen_becomes_a_series_of_shots() -> None:
    from toolchain.adapt.craft import series_of_shots
    assert series_of_shots("He shows her the city: a haircut, a scooter ride, the old bridge, a dance on a barge.") \
        == ("He shows her the city.", ["A haircut.", "A scooter ride.", "The old bridge.", "A dance on a barge."])
    # a cast, a clause or a quotation after a colon is no series
    assert series_of_shots("Its crew are asleep: Captain Dallas, Officer Kane, Ripley and Parker.") is None
    assert series_of_shots("The town has it all: the church is old, the mill is new, the bridge is long.") is None
    assert series_of_shots('She writes three words: "Come", "home", "now".') is None
    a, fountain = adapt("Joe meets Ann in Rome.\n\nHe shows her the city: a haircut, a scooter ride, the old bridge, "
                        "a dance on a barge.\n", "t", "t", load_model())
    assert "SERIES OF SHOTS:" in fountain and "-- A scooter ride." in fountain


def test_a_blurb_s_credit_line_and_restoration_note_are_cut_and_a_setting_stays() -> None:
    assert drop_meta("USA, 1982, 115 min. Director: Ana Ruiz.") == ""
    assert drop_meta("Screenplay: Ana Ruiz.") == ""
    assert drop_meta("The director's luminous fairy tale returns in a new restoration for its anniversary.") == ""
    assert drop_meta("Paris, 1940.") == "Paris, 1940."
    assert drop_meta("Tom returns to the screening room.") == "Tom returns to the screening room."


def test_how_the_film_is_put_together_is_no_action() -> None:
    assert drop_meta("The film is broken up by short interviews with elderly couples.") == ""
    assert drop_meta("The story is told in flashback by the old man.") == ""


def test_were_says_plural_when_the_parse_loses_the_subject() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted("Ryker and Shane met in the town. Starrett lived on a farm.\n\n"
                       "Ryker declared that from then on the gloves were off.\n")
    assert lines == [("RYKER", "From then on the gloves are off.")]


def test_what_the_story_closes_on_is_the_last_thing_seen() -> None:
    assert drop_meta("Kathy turns back, and the story closes with the couple standing in front of a billboard.") == \
        "Kathy turns back. The couple is standing in front of a billboard."


def test_a_synopsis_of_a_title_and_credits_only_is_refused() -> None:
    import pytest

    from screenplay.errors import InputError
    with pytest.raises(InputError, match="no story text"):
        adapt("THE LONG NIGHT\nFrance, 1961, 98 min. Director: Ana Ruiz.\n", "t", "t", load_model())


def test_a_synopsis_in_capitals_keeps_its_story() -> None:
    a, fountain = adapt("ANNA OPENS THE DOOR OF THE BAKERY. BOB WAITS OUTSIDE IN THE RAIN.\n", "t", "t", load_model())
    action = [ln for ln in fountain.splitlines() if ln and not ln.startswith(("=", "INT.", "EXT."))]
    assert "ANNA OPENS THE DOOR OF THE BAKERY." in action and "BOB WAITS OUTSIDE IN THE RAIN." in action


def test_a_long_span_summed_up_becomes_a_montage_shot_by_shot() -> None:
    from toolchain.adapt import load_model
    from toolchain.adapt.craft import montage
    nlp = load_model()
    span, shots = montage("Over the following weeks, Mara teaches Jon to sail, and they fall out.", nlp) or ("", [])
    assert span == "Over the following weeks"
    assert shots == ["Mara teaches Jon to sail.", "They fall out."]
    # the one who does each thing is named in each shot
    _, shots = montage("For months, she repaints the boat, mends the sails and writes to the harbour master.",
                       nlp) or ("", [])
    assert shots == ["She repaints the boat.", "She mends the sails.", "She writes to the harbour master."]
    # one thing done is no montage; nor is a sentence that sums up no span
    assert montage("For weeks, Harry leaves messages on her machine.", nlp) is None
    assert montage("Mara teaches Jon to sail, and they fall out.", nlp) is None


def test_adapt_writes_the_montage_between_its_markers() -> None:
    from .adapt_helpers import adapted
    _, action = adapted("Mara lives in a flat in Leeds.\n\nAs the months pass, Mara paints the harbour "
                        "and Jon builds a boat.\n")
    k = action.index("MONTAGE - AS THE MONTHS PASS")
    assert action[k + 1:k + 4] == ["-- Mara paints the harbour.", "-- JON builds a boat.", "END MONTAGE."], action


def test_the_film_s_closing_interview_is_narration_and_no_place() -> None:
    from .adapt_helpers import adapted
    a, _ = adapt("Harry and Sally dance at a party in the hotel ballroom.\n\nIn the closing interview on the sofa, "
                 "Harry and Sally tell the camera how they met.\n", "t", "t", load_model())
    assert a.story is not None and "INTERVIEW" not in " ".join(s.heading for s in a.story.scenes)
    _, action = adapted("Harry and Sally dance at a party in the hotel ballroom.\n\nIn the closing interview on the "
                        "sofa, Harry and Sally tell the camera how they met.\n")
    assert not any("closing interview" in x for x in action), action
