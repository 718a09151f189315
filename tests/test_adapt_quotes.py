"""Quotations and who says them: whole quotations, groups, cue names, listeners.

Invented sentences only; each checks the lines a script gets from them.
"""
from __future__ import annotations

from toolchain.adapt import adapt, load_model


def _adapt(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(cue, dialogue) pairs in order, and the visible lines that are not synopsis lines."""
    from screenplay.model import Dialogue, Speech
    a, fountain = adapt(text, "t", "t", load_model())
    lines = [(el.character.name, " ".join(p.text[0].text for p in el.parts if isinstance(p, Dialogue)))
             for el in a.doc.body if isinstance(el, Speech)]
    body = [ln for ln in fountain.splitlines() if ln.strip() and not ln.startswith("=")]
    return lines, body


def test_a_quotation_of_two_sentences_is_one_line() -> None:
    lines, _ = _adapt('Tom fails to lift the crate. He turns to them and says, "But I tried. '
                      'At least I did that." Then he walks out.')
    assert ("TOM", "But I tried. At least I did that.") in lines


def test_a_group_chanting_in_brackets_gets_a_cue_of_its_own() -> None:
    lines, body = _adapt("Lena and Tom reach the square. Lena sees that hundreds of protesters are "
                         "gathering below, and that they have blocked the road. A guide translates what "
                         'they are chanting ("Go home now. Nobody [is] safe here.", "Bread for all!") '
                         "Lena takes Tom's hand.")
    assert ("PROTESTERS", "Go home now. Nobody is safe here. Bread for all!") in lines
    assert "A guide translates what they are chanting." in body
    assert any("hundreds of PROTESTERS" in ln for ln in body)   # a speaking group is introduced


def test_they_after_a_named_pair_is_no_group_cue() -> None:
    lines, _ = _adapt('The soldiers leave. Lena and Tom reach the square, and they shout "Wait for us!"')
    assert all(cue != "SOLDIERS" for cue, _ in lines)


def test_quote_run_takes_quotations_joined_by_commas_only() -> None:
    from toolchain.adapt.quotes import quote_run, quote_spans
    doc = load_model()('They sing "One," "Two" and then "Three" loudly.')
    sent = next(iter(doc.sents))
    quotes = quote_spans(sent)
    assert len(quote_run(sent, quotes[0], quotes)) == 2


def test_a_titled_full_name_and_the_surname_share_one_cue() -> None:
    lines, _ = _adapt("Rev. Major Otto Kranz tells the villagers that he is tired. Major Kranz rides ahead. "
                      "Kranz says he will stay. Later Kranz says he is happy.")
    assert {cue for cue, _ in lines} == {"KRANZ"}


def test_a_bare_noun_parsed_as_subject_is_not_a_character() -> None:
    lines, body = _adapt("Tom and Lena ride home. He rides back to the farm, says goodbye to Lena, "
                         "and is given her scarf.")
    assert lines == []
    assert not any(ln.strip() == "GOODBYE" for ln in body)


def test_a_manner_adverb_between_name_and_verb_keeps_the_speaker() -> None:
    lines, _ = _adapt("Orla meets Tom at the station. Orla angrily accuses him of lying.")
    assert lines == [("ORLA", "I accuse you of lying.")]


def test_one_speaks_to_ones_own_husband() -> None:
    lines, body = _adapt('Lena meets her husband Tom at home. Lena picks up her bag while Tom keeps sobbing '
                         'and coldly says to her husband "Come along, Tom."')
    assert ("LENA", "Come along, Tom.") in lines
    assert "Lena picks up her bag while Tom keeps sobbing." in body


def test_a_quotation_after_a_semicolon_is_the_last_speakers() -> None:
    lines, body = _adapt('Lena finds her brother Tom in the barn. She asks him if his story is true. '
                         'He insists it is; "It is too strange to be a lie!"')
    assert lines[-1] == ("TOM", "It is. It is too strange to be a lie!")
    assert body.count("It is too strange to be a lie!") == 0   # a line, not also action


def test_scare_quotes_and_names_given_stay_in_the_action() -> None:
    for sentence in ('Jack sees the guards holding up a "welcome" banner with his photo on it.',
                     'Lena calls him a "hero" and smiles.',
                     'The guards call him "the ghost" because he never sleeps.'):
        lines, body = _adapt("Jack meets Lena at the gate. " + sentence)
        assert lines == [], sentence
        assert sentence in body


def test_a_letter_saying_something_is_its_writers_voice_over() -> None:
    lines, body = _adapt("Tom kisses Lena goodbye at the station. She cries. A year later, Lena receives a "
                         "letter from Tom, saying that he is staying in Leeds and that he misses her.")
    assert lines == [("TOM", "I am staying in Leeds and I miss you.")]
    assert "TOM (V.O.)" in body
    lines, body = _adapt("Tom kisses Lena goodbye at the station. Tom sends her a note saying he will come back.")
    assert lines == [("TOM", "I will come back.")]
    assert "TOM (V.O.)" in body


def test_the_one_asked_is_the_one_who_declines() -> None:
    lines, _ = _adapt("Tom meets his friend Max at the bar. Tom says goodbye to everyone, and invites a nervous "
                      "Max to come with them; he declines, saying he is not yet ready to leave the town.")
    assert lines == [("TOM", "Goodbye."), ("MAX", "I am not yet ready to leave the town.")]
    lines, _ = _adapt("Tom meets his friend Max at the bar. Tom asks Max to come along. He refuses, "
                      "saying he is tired.")
    assert lines[-1] == ("MAX", "I am tired.")


def test_a_man_with_a_wife_is_not_mrs_of_his_surname() -> None:
    a, _ = adapt("Tom Baker meets his friend Max in town. Later, Tom's wife Ann cooks dinner. "
                 "Mrs. Baker smiles at Max. Tom goes out.", "t", "t", load_model())
    assert a.story is not None
    sex = {e.id: e.gender for e in a.story.entities}
    assert sex["TOM"] == "M" and sex["MRS. BAKER"] == "F"


def test_a_comparison_left_over_from_a_line_is_no_action() -> None:
    _, body = _adapt("Lena meets her son Tom at the camp. Tom excitedly tells his mother about how he won "
                     "a prize, just as his father had promised.")
    assert not any(ln.startswith("Just as") for ln in body)


def test_a_quoted_verb_phrase_keeps_its_subject() -> None:
    lines, _ = _adapt('Tom returns home after the war. As Captain Max Brand remarks, Tom "fits a lot of descriptions".')
    assert lines == [("MAX BRAND", "Tom fits a lot of descriptions.")]


def test_a_nickname_in_brackets_is_still_an_aside_and_a_sentence_goes_on_after_a_quotation() -> None:
    lines, body = _adapt('Jack (nicknamed "Ace") arrives at the base. The crowd gathers outside. '
                         'They chant ("Go home!", "No war!") until dawn.')
    assert '[[nicknamed "Ace"]]' in body
    assert lines == [("CROWD", "Go home! No war!")]
    assert not any(ln.lower().startswith("until") for ln in body)


def test_the_boy_of_a_story_with_a_son_is_the_son() -> None:
    lines, _ = _adapt("Lena and her husband have a son, Leo, and run a bakery. Later the young boy excitedly "
                      "tells his mother about how he won a prize.")
    assert lines == [("LEO", "I won a prize.")]


def test_a_speech_verb_with_its_own_subject_keeps_it_whatever_the_listener() -> None:
    lines, _ = _adapt("Tom meets Anne at the inn. Tom is sick, and Anne says to his father that she will stay.")
    assert ("ANNE", "I will stay.") in lines


def test_a_letter_from_somebody_unknown_is_not_its_readers_line() -> None:
    lines, _ = _adapt("Mara runs a shop with her brother Ivo. Mara receives a letter from her cousin Teo, "
                      "saying that he has found work in the city.")
    assert lines == []


def test_a_crowd_chanting_as_it_moves_gets_its_cue() -> None:
    lines, body = _adapt('Mara runs a shop. At dawn the crowd returns with torches, chanting ("Bread and work! '
                         'Bread and work!")')
    assert lines == [("CROWD", "Bread and work! Bread and work!")]
    assert "At dawn the CROWD returns with torches." in body


def test_who_in_a_describing_phrase_is_the_person_described() -> None:
    # the parse hangs "who warns" on "forties"; the one who warns is John, not Anna
    lines, _ = _adapt("Anna Berg, a young teacher, takes a job on an island. On the ferry she "
                      "meets John Holm, a fisherman in his forties, who warns her that the "
                      "islanders do not trust outsiders. John smiles.")
    assert [said for _, said in lines] == ["The islanders do not trust outsiders."]
    assert lines[0][0].startswith("JOHN")


def test_who_turns_and_says_is_the_one_the_clause_describes() -> None:
    lines, _ = _adapt("A stranger watches Mara and Piet from the pier. That night they climb the tower. "
                      "In the lamp room they find the stranger, a woman in a grey coat, who turns and "
                      'says, "You came back, Mara."')
    assert lines and lines[-1] == ("STRANGER", "You came back, Mara.")


def test_a_letter_that_reads_a_quotation_has_no_speaker() -> None:
    lines, body = _adapt('Mara finds a note under her door; it reads, "Leave the island before winter."')
    assert lines == []
    assert any("Leave the island before winter." in ln for ln in body)


def test_the_listeners_pronoun_in_an_order_is_you() -> None:
    # neither sex is known from the names alone: "tells her" shows who "she" is
    lines, _ = _adapt("Rosa visits Tom. Rosa asks Tom for a new roof. Tom tells her to be "
                      "grateful for what she has.")
    assert lines[-1] == ("TOM", "Be grateful for what you have.")


def test_telling_that_is_only_planned_is_not_said_yet() -> None:
    lines, body = _adapt("Tom meets Ada at the farm. Tom decides to ride to town and tell the sheriff "
                         "that the horse is lame.")
    assert lines == []
    assert any("tell the sheriff that the horse is lame" in ln for ln in body)


def test_telling_a_wh_clause_keeps_the_action() -> None:
    lines, body = _adapt("Tom meets Ada at the farm. Later he tells Ada who he is.")
    assert lines == []
    assert any("he tells Ada who he is" in ln for ln in body)


def test_an_order_after_the_verb_is_what_is_said_not_the_clause_before() -> None:
    lines, _ = _adapt("Tom meets his sister Ada at the farm. Ada is tired, but, afraid of the storm, she tells "
                      "him not to go.")
    assert lines == [("ADA", "Don't go.")]


def test_somebody_elses_aside_inside_what_is_said_keeps_it_action() -> None:
    lines, body = _adapt("Tom meets Ada at the farm. Ada begs Tom to save the dog from the river "
                         "which, the guard tells her, has flooded the road.")
    assert lines == []
    assert any("the guard tells her" in ln.lower() for ln in body)



def test_a_quoted_name_after_a_preposition_is_no_line() -> None:
    # the sentence's stop inside the marks had made the name words somebody says
    from .adapt_helpers import adapted
    got, _ = adapted('Jess keeps house for her father. Jess has never met the stranger, although she has '
                     'heard of "Black Jack."')
    assert not any("Black Jack" in said for _, said in got)


def test_a_marked_infinitive_is_nobodys_line() -> None:
    # 'were ordered to "line up"': the sentence's own verb in quotation marks, said by nobody in it
    from .adapt_helpers import adapted
    got, _ = adapted('Milo hates the cold. He hides in the barn when the children are ordered to "line up".')
    assert not any("line up" in said.lower() for _, said in got)


def test_a_word_marked_at_the_end_of_a_sentence_is_no_line() -> None:
    # the sentence's stop inside the marks had made the marked word somebody's line
    from .adapt_helpers import adapted
    got, _ = adapted('Nell Hart nurses on the ward. The patients whisper that Joe was not sent home but taken '
                     '"downstairs."')
    assert not any("ownstairs" in said for _, said in got)


def test_words_that_call_a_man_by_name_are_not_his_own() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted("Sam Kane visits Martin Howe, his old teacher, but Howe shows him his hands and tells him "
                       'that he cannot hold a gun. "It is no use, Sam," he says.\n')
    assert ("KANE", "It is no use, Sam.") not in lines
    assert any(cue == "HOWE" and "It is no use, Sam." in said for cue, said in lines)


def test_a_speaker_who_names_herself_still_speaks() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted("Ripley reaches the shuttle with the cat. She records a last entry in the log. "
                       '"This is Ripley, last of the crew, signing off."\n')
    assert lines and lines[-1] == ("RIPLEY", "This is Ripley, last of the crew, signing off.")


def test_a_quotation_broken_by_its_verb_is_one_line() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted('Helen laughs at Hal. "You are a fine boy," she says, "you have broad shoulders. '
                            'But he is a man."\n')
    assert lines == [("HELEN", "You are a fine boy, you have broad shoulders. But he is a man.")]
    assert not any("fine boy" in a for a in action)


def test_an_answer_after_a_question_is_the_answerer_s() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted('"Why would a man marry a man?" Joe asks. "Security!" Jerry answers.\n')
    assert lines == [("JOE", "Why would a man marry a man?"), ("JERRY", "Security!")]


def test_a_quoted_name_told_is_the_listener_not_the_line() -> None:
    from .adapt_helpers import adapted
    lines, _ = adapted('Joe calls himself Josephine. Sugar meets him on the train.\n\n'
                       'Sugar tells "Josephine" that she joined the band to get away from saxophone players.\n')
    assert lines == [("SUGAR", "I joined the band to get away from saxophone players.")]


def test_a_quotation_asking_what_leaves_no_verb_behind() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted('Bloat and Gill live in a tank.\n\nThe plan works. "Now what?" asks Bloat.\n')
    assert lines == [("BLOAT", "Now what?")]
    assert not any("asks" in a for a in action)


def test_a_quotation_shrieked_or_said_by_a_name_after_the_verb_is_a_line_once() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted('Shane and Wilson meet on the porch.\n\n"Prove it," said Wilson, smiling, and when '
                            'Torrey reached for his gun, Wilson shot him dead in the mud.\n')
    assert lines == [("WILSON", "Prove it.")]
    assert any(a.startswith("When Torrey reached for his gun") for a in action), action
    lines, action = adapted('Mara and Tom sit by the fire.\n\nTom drops the kettle. "My hand!" he shrieks.\n')
    assert lines == [("TOM", "My hand!")] and not any("My hand" in a for a in action)


def test_words_called_out_or_repeated_by_name_are_lines_and_a_song_title_is_not() -> None:
    from .adapt_helpers import adapted
    pre = "Don and Kathy meet at the studio. Cosmo is Don's friend.\n\n"
    lines, _ = adapted(pre + 'Don calls out, "Ladies and gentlemen, stop that girl!"\n')
    assert lines == [("DON", "Ladies and gentlemen, stop that girl!")]
    lines, action = adapted(pre + 'Don tells the gossip his life story, repeating the motto "Dignity, always dignity."\n')
    assert lines == [("DON", "Dignity, always dignity.")] and "Don tells the gossip his life story." in action
    lines, action = adapted(pre + 'Kathy turns back as Don sings "You Are My Lucky Star" to her from the stage.\n')
    assert lines == [] and any('"You Are My Lucky Star"' in a for a in action)


def test_a_quotation_before_its_speaker_with_article_or_manner_is_a_line() -> None:
    lines, body = _adapt('Marco waits at the station. "Not guilty," he finally says, and Lena helps him. '
                         '"Good shot," the old guard says, as another car goes past.')
    assert ("MARCO", "Not guilty.") in lines
    assert ("GUARD", "Good shot.") in lines
    assert not any('"Good shot' in ln or '"Not guilty' in ln for ln in body)   # said once, not also in action
    assert any(ln.startswith("Another car goes past") for ln in body)


def test_an_exclamation_then_its_speaker_and_listener_is_one_sentence() -> None:
    lines, body = _adapt('The driver fills the van. "You were only supposed to fill the tank!" '
                         'Marco yells at him. Lena laughs.')
    assert ("MARCO", "You were only supposed to fill the tank!") in lines
    assert not any('tank!"' in ln for ln in body)


def test_she_after_a_sentence_about_a_trade_of_unknown_sex_is_that_one() -> None:
    lines, _ = _adapt('Lena waits at the station. Marco calls the bank. The operator thinks it is a joke. '
                      '"Please hold," she says, and she leaves him waiting.')
    assert ("OPERATOR", "Please hold.") in lines


def test_a_bare_man_or_woman_keeps_the_adjective_that_describes_them_in_the_cue() -> None:
    lines, body = _adapt('Harry and Sally eat lunch. An older woman at a nearby table gives the waiter her order. '
                         '"I will have the soup," she says. The same woman leaves.')
    assert ("OLDER WOMAN", "I will have the soup.") in lines
    assert any("An OLDER WOMAN at a nearby table" in ln for ln in body)


def test_she_is_the_story_lines_subject_not_one_in_a_condition() -> None:
    lines, _ = _adapt('Lina learns that Kathy sang her songs. She tells Simpson that her contract lets her control '
                      'her publicity and threatens to sue the studio unless Kathy goes on singing for her. '
                      '"What do they think I am?" she snaps. Simpson gives in.')
    assert any(cue == "LINA" and said.endswith("What do they think I am?") for cue, said in lines)
    assert all(cue != "KATHY" for cue, _ in lines)


def test_he_as_subject_is_the_story_lines_subject_not_the_one_thrown_out() -> None:
    lines, _ = _adapt("Charlie corners Bridger in his cell. Bridger is outraged and has him thrown out, but then "
                      "he agrees to pay for the job.")
    assert [cue for cue, _ in lines] == ["BRIDGER"], lines
    # the one asked still answers: sex tells them apart
    lines, _ = _adapt("Tom tells Ana to come down, but she refuses.")
    assert ("ANA", "No.") in lines


def test_a_role_right_before_a_name_is_that_persons_whatever_the_parse_hangs_it_on() -> None:
    lines, _ = _adapt('Lime smiles. He meets Kurtz, and Kurtz explains that Lime asked them to take care of Martins '
                      'and of his girlfriend, the actress Anna Schmidt. Anna weeps. Lime laughs. '
                      '"Nobody cares," he says.')
    assert ("LIME", "Nobody cares.") in lines
    a, _ = adapt("Lime smiles. Kurtz explains that Lime asked them to take care of his girlfriend, the actress "
                 "Anna Schmidt. Anna weeps.", "t", "t", load_model())
    assert a.story is not None
    sex = {e.id: e.gender for e in a.story.entities}
    assert sex.get("LIME") != "F" and sex.get("ANNA SCHMIDT", sex.get("ANNA")) == "F", sex


def test_words_after_a_question_between_two_men_are_not_taken_for_the_answer() -> None:
    text = ('Emil loses his hat on the ferry. Vogel meets Emil on the upper deck. High above the harbour, Vogel '
            'shows no regret. Pointing at the crowd below, he asks Emil whether he would miss any of them. '
            '"Nobody misses anybody. Why should we?" he says coolly.')
    lines, _ = _adapt(text)
    assert lines[-1] == ("VOGEL", "Nobody misses anybody. Why should we?"), lines


def test_a_name_the_tagger_took_for_a_noun_after_a_quotation_is_its_speaker() -> None:
    lines, body = _adapt('A space ranger named Buzz Lightyear lands on the bed. "To the stars and back!" Buzz '
                         'proclaims, and the other toys are smitten.')
    assert ("BUZZ", "To the stars and back!") in lines
    assert "The other toys are smitten." in body


def test_words_standing_alone_after_a_newcomers_quotation_are_still_theirs() -> None:
    lines, body = _adapt('Ana knocks at the door. "Come in," Tom says. "Sit down." Ana sits.')
    assert ("TOM", "Come in. Sit down.") in lines
    assert not any('"Sit down."' in ln for ln in body)


def test_a_things_part_is_no_speaker_of_the_clause_joined_to_it() -> None:
    lines, _ = _adapt("Nico watches the water. When the fishermen haul in a shark, the town celebrates, but Ada "
                      "points out that its bite is too small and insists that it is not the killer.")
    assert [cue for cue, _ in lines] == ["ADA"], lines


def test_pointing_out_that_something_is_so_is_said() -> None:
    lines, body = _adapt("Keyes reads the claim. The president thinks it was suicide, but Keyes mocks the idea, "
                         "pointing out that nobody jumps from a train going fifteen miles an hour.")
    assert ("KEYES", "Nobody jumps from a train going fifteen miles an hour.") in lines
    lines, body = _adapt("Ada points out the lighthouse to Nico.")
    assert lines == []   # pointing at a thing says nothing


def test_words_screamed_while_doing_something_to_somebody_are_the_doer_s() -> None:
    from .adapt_helpers import adapted
    lines, action = adapted('Tom and Ana sit in the kitchen. When Tom accuses her of lying, Ana lunges at him '
                            'screaming "I\'ll kill you!" and has to be held back.\n')
    assert ("ANA", "I'll kill you!") in lines, lines
    assert any(a.endswith("Ana lunges at him.") for a in action), action
