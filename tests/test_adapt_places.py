"""Where scenes happen: the place phrases a synopsis gives, on sentences written for these tests."""
from __future__ import annotations

from functools import lru_cache

from toolchain.adapt import adapt_text, load_model


@lru_cache(maxsize=None)
def _heads(text: str) -> str:
    a = adapt_text(text, load_model(), "t", "t.txt")
    return " | ".join(sc.heading for sc in a.story.scenes)


def test_a_phrase_that_places_a_town_is_not_where_the_people_are() -> None:
    heads = _heads("Mara moves to Galway, a small town near the western coast, to live with her aunt.\n")
    assert "GALWAY" in heads and "COAST" not in heads


def test_the_last_place_a_sentence_moves_people_to_heads_the_scene() -> None:
    heads = _heads("Serving a sentence on a prison farm, Tom is transferred to a mental hospital.\n"
                   "He meets the other patients.\n")
    assert heads.startswith("INT. MENTAL HOSPITAL")


def test_a_room_without_article_inside_the_building_the_scene_is_in() -> None:
    heads = _heads("Lena starts at a new high school.\n"
                   "Lena sits beside Omar in chemistry class; he seems to dislike her.\n"
                   "A week later, Lena is almost hit by a truck in the school parking lot.\n")
    assert "HIGH SCHOOL - CHEMISTRY CLASS" in heads
    assert "EXT. HIGH SCHOOL - PARKING LOT" in heads


def test_furniture_is_not_a_place() -> None:
    heads = _heads("Tom sits at the table in the kitchen. Later Tom sits at the table and reads a letter.\n")
    assert "TABLE" not in heads


def test_a_vehicle_people_take_is_where_they_are_but_not_one_taken_before() -> None:
    assert "DELIVERY VAN" in _heads("Tom steals a delivery van and drives off with the others.\n")
    heads = _heads("Anna is at home. She says that he took a taxi home the day before.\n")
    assert "TAXI" not in heads


def test_a_place_arrived_at_is_a_heading_one_only_wanted_is_not() -> None:
    assert "LIGHTHOUSE" in _heads("Tom is in the garden.\nUpon arriving at the lighthouse, Tom finds the door open.\n")
    assert "LIGHTHOUSE" not in _heads("Tom is in the garden. Tom wants to go to the lighthouse.\n")


def test_an_occasion_attended_is_where_the_people_are() -> None:
    heads = _heads("Ana lives in Porto with her sister.\n\nBack in Lisbon, Ana attends a wedding.\n")
    assert "INT. WEDDING" in heads


def test_a_part_of_an_outdoor_place_and_back_to_it() -> None:
    heads = _heads("The prisoners are marched into a labour camp.\n"
                   "Tom waits in a guard hut.\n\nThe next day Tom hides the bread.\n")
    assert "CAMP - GUARD HUT" in heads and heads.endswith("EXT. LABOUR CAMP - DAY")


def test_objects_people_go_to_are_not_places() -> None:
    heads = _heads("Ana is in the living room. She goes to the piano and plays.\n\nLater she sits in her wheelchair.\n")
    assert "PIANO" not in heads and "WHEELCHAIR" not in heads


def test_a_place_named_in_full_keeps_its_full_name() -> None:
    heads = _heads("Tom is taken to a military hospital.\n\nThe next day Ana visits a cafe.\n\n"
                   "That night Tom is sent back to the hospital.\n")
    assert heads.count("MILITARY HOSPITAL") == 2 and "INT. HOSPITAL " not in heads


def test_a_story_naming_no_place_is_set_where_its_things_are() -> None:
    from toolchain.adapt.places import scenery

    assert scenery("The trees sway. Two old trees argue while a tree frog sings.").location == "FOREST"
    assert scenery("Nothing here but talk.") is None
    heads = _heads("The trees sway in the spring wind. Two birds sing to the trees.\n")
    assert heads.startswith("EXT. FOREST") and "HOUSE" not in heads


def test_someone_named_is_not_a_place() -> None:
    from toolchain.adapt.nlp import parse_all
    from toolchain.adapt.places import named_place

    for text in ("Ida and Tom bump into a Scot named Fergus.", "At the port they run into a Dane called Jens."):
        sent = next(iter(parse_all(load_model(), [text])[0].sents))
        assert named_place(sent, lambda t: False) is None, text


def test_a_place_in_a_reported_clause_joined_by_and_is_not_a_heading() -> None:
    for text in ("Ana is in the kitchen. She learns that Tom has fled and is hiding in the lighthouse.\n",
                 "Ana is in the kitchen. Ana reveals that Tom took the money and hid it in the cellar.\n"):
        heads = _heads(text)
        assert "LIGHTHOUSE" not in heads and "CELLAR" not in heads, heads


def test_somebody_s_office_is_their_place_not_a_room_of_the_home() -> None:
    heads = _heads("Tom is at home with Ana.\n\nThe next day Tom is dragged to the sheriff's office.\n")
    assert "INT. SHERIFF'S OFFICE" in heads and "HOUSE - OFFICE" not in heads


def test_the_home_keeps_the_one_name_the_synopsis_gives_it() -> None:
    heads = _heads("Tom lives in a beach house with his sister Ana.\n\nThe next day Ana returns to the house.\n")
    assert "INT. BEACH HOUSE" in heads and "INT. HOUSE " not in heads


def test_somebody_arriving_to_talk_to_the_people_there_is_no_cut() -> None:
    heads = _heads("Ana waits in the kitchen for the bus. Tom tells Ana that the bus is late.\n")
    assert heads.count("INT.") + heads.count("EXT.") == 1


def test_a_leap_in_time_cuts_a_short_scene_a_passing_when_does_not() -> None:
    assert _heads("Ana and Tom ride to the lake. When they return, Ana cries.\n").count(" - ") == 2
    assert _heads("Ana sits with Tom. A year later, Ana cries.\n").count(" - ") == 2
    assert _heads("Ana sits with Tom. Then, when asked about the money, Tom lies.\n").count(" - ") == 1


def test_what_a_finder_sees_happens_where_they_are() -> None:
    assert "CANYON" in _heads("Tom is at home.\n\nThe next day Tom finds Ana wounded in a canyon.\n")


def test_a_named_place_reached_after_another_heads_the_scene() -> None:
    heads = _heads("Ana is at home.\n\nThe trail leads Tom to a fort, and then to Santa Fe, where he rests.\n")
    assert "SANTA FE" in heads


def test_a_place_gone_toward_after_boarding_heads_the_scene() -> None:
    heads = _heads("Ana is at home.\n\n"
                   "The next day they board a raft and paddle downriver toward the northern border.\n")
    assert "NORTHERN BORDER" in heads


def test_a_town_someone_is_tracked_to_where_things_happen() -> None:
    heads = _heads("Ana is at home.\n\nThe next day Tom tracks Ana to Lisbon, where she is hiding, and catches her.\n")
    assert "LISBON" in heads


def test_a_compound_ending_in_a_place_word_is_a_part_of_where_they_are() -> None:
    heads = _heads("The prisoners are marched into a labour camp.\n\nThe next day Tom is shot in a churchyard.\n\n"
                   "That night Ana weeps.\n")
    assert "EXT. LABOUR CAMP - CHURCHYARD" in heads and heads.endswith("EXT. LABOUR CAMP - NIGHT")


def test_a_kind_of_place_named_once_in_full_keeps_that_name() -> None:
    heads = _heads("They are put on a train bound for a mining camp.\n\nThe next day Tom works in the camp.\n")
    assert "MINING CAMP" in heads and "EXT. CAMP " not in heads


def test_a_journey_in_one_sentence_heads_its_first_place_and_goes_on_at_its_last() -> None:
    heads = _heads("Ana is at home.\n\nThe next day Tom rides to the lake, fills a bucket, and returns to the farm.\n"
                   "He waters the horses.\n")
    assert "EXT. LAKE" in heads and heads.endswith("EXT. FARM - CONTINUOUS") is False
    assert "EXT. FARM" in heads.split(" | ")[-1]


def test_distance_talked_about_is_not_a_place() -> None:
    heads = _heads("Ana is in the kitchen.\n\nSince it is far to the town, Ana stays in the barn.\n")
    assert "TOWN" not in heads


def test_a_describing_phrase_does_not_name_the_home() -> None:
    for kind in ("upper-middle-class", "upper middle class"):
        heads = _heads(f"Ana and Tom live in an {kind} apartment.\n\nThe next day Ana returns to the apartment.\n")
        assert "CLASS APARTMENT" not in heads, heads


def test_the_town_that_holds_a_place_does_not_replace_it() -> None:
    heads = _heads("Efua is a cook at a busy hotel in Kumasi.\nShe burns the soup.\n")
    assert heads.startswith("INT. BUSY HOTEL") or heads.startswith("INT. HOTEL"), heads
    assert "KUMASI" not in heads


def test_a_place_in_a_gerund_of_manner_is_not_where_they_are() -> None:
    heads = _heads("Ana is in the church.\n\nThe next day, Tom scolds Ana for bringing shame on the village.\n")
    assert "VILLAGE" not in heads


def test_a_shelter_on_open_country_is_its_own_place_a_hut_in_a_camp_is_part_of_it() -> None:
    heads = _heads("They reach a collapsed bridge.\n\nThat night, they shelter in a ruined bothy on the hillside.\n")
    assert "INT. RUINED BOTHY - NIGHT" in heads and "BRIDGE - RUINED BOTHY" not in heads


def test_a_place_found_in_a_place_visited_is_no_cut_to_it() -> None:
    heads = _heads("Ana is at home.\n\nThe next day Ana visits the farm and finds Tom working in the fields. "
                   "Tom explains that the harvest failed.\n")
    assert heads.split(" | ")[-1].startswith("EXT. FARM"), heads


def test_a_new_line_without_a_new_time_stays_in_the_same_part_of_the_building() -> None:
    heads = _heads("Lena starts at a new high school.\nLena waits in the school parking lot.\n"
                   "A truck skids towards her.\n").split(" | ")
    assert heads[-1].startswith("EXT. HIGH SCHOOL - PARKING LOT"), heads


def test_a_part_named_by_where_it_is_on_something_is_no_place() -> None:
    heads = _heads("Mara and Piet walk to the lighthouse. At the top they find a box. "
                   "At the edge of the cliff, Piet waits.")
    assert "TOP" not in heads and "EDGE" not in heads


def test_a_place_reached_after_manage_or_end_up_is_where_they_are() -> None:
    heads = _heads("Ines and Paulo come home late and talk in the kitchen. "
                   "Afraid of the landlord, they end up hiding in the cellar and wait there.\n")
    assert "HOUSE - CELLAR" in heads, heads
    heads = _heads("Ines and Paulo talk in the kitchen. They manage to slip into the cellar.\n")
    assert "HOUSE - CELLAR" in heads, heads
    assert "MARKET" not in _heads("Ines is at home.\nShe wants to go to the market.\n")


def test_a_gerund_after_its_clause_goes_on_with_the_story() -> None:
    heads = _heads("Ines and Paulo are at the bakery.\nThe dog barks, and they run out, escaping to the harbour.\n"
                   "They sit on a crate.\n")
    assert "HARBOUR" in heads, heads
    assert "HARBOUR" not in _heads("Ines is at the bakery.\nShe earns money by going to the harbour.\n")


def test_a_part_of_a_building_named_with_the_building() -> None:
    heads = _heads("Ines waits in the square.\n"
                   "At dusk she climbs onto the roof of a grain warehouse next to the church.\n")
    assert "GRAIN WAREHOUSE - ROOF" in heads, heads
    assert "CHURCH" not in heads


def test_what_people_handle_in_a_room_puts_them_in_it() -> None:
    heads = _heads("Marta and Paulo are at home.\nPaulo reads a letter.\nThen Marta scrubs the bathroom tiles.\n")
    assert "HOUSE - BATHROOM" in heads, heads
    heads = _heads("Marta and Paulo are at home.\nPaulo reads a letter.\nThen Marta paints the bedroom door.\n")
    assert "- BEDROOM -" not in heads, heads


def test_a_sentence_that_moves_on_to_a_new_place_cuts_where_the_people_get_there() -> None:
    from screenplay.fountain_writer import write_fountain
    text = ("Ana and Tom live on a farm in the hills.\n\nOne morning Tom is in the barn. "
            "He saddles a horse, and carrying two sacks rides to the mill, buys the flour, "
            "and returns to the farmhouse. Ana bakes the bread.\n")
    out = write_fountain(adapt_text(text, load_model(), "t", "t.txt").doc)
    mill, home = out.index("rides to the mill and buys the flour."), out.index("He returns to the farmhouse.")
    assert "INT. FARMHOUSE - " in out[mill:home], out
    assert "INT. MILL - " in out[:mill] and "INT. FARMHOUSE" not in out[:mill], out


def test_the_place_a_thing_is_taken_from_is_where_the_taker_is() -> None:
    heads = _heads("Ana and Tom live on a farm in the hills.\n\n"
                   "One morning Tom walks to the gate. Then he fetches a ladder from the shed.\n")
    assert "INT. SHED" in heads, heads
    heads = _heads("Ana is at the farm.\n\nOne morning Ana takes a coin from the jar and a ring from her "
                   "finger. She comes home from the market.\n")
    assert "JAR" not in heads and "FINGER" not in heads and "MARKET" not in heads, heads


def test_each_place_a_sentence_goes_on_to_opens_a_scene() -> None:
    from screenplay.fountain_writer import write_fountain
    text = ("Ana and Tom live on a farm in the hills.\n\nOne morning Tom is in the kitchen. Later he gets a mule "
            "from the stable, and leading it by the rope walks to the mill, buys the flour, and returns to the "
            "farmhouse.\n")
    out = write_fountain(adapt_text(text, load_model(), "t", "t.txt").doc)
    assert "he gets a mule from the stable.\n\nINT. MILL - " in out, out
    assert "Leading it by the rope, he walks to the mill and buys the flour.\n\nINT. FARMHOUSE - " in out, out


def test_an_event_the_synopsis_also_uses_as_a_time_is_no_place() -> None:
    heads = _heads("The four friends meet at a noodle bar before the planned robbery. "
                   "After they agree on the shares, they go to the robbery.\n")
    assert "ROBBERY" not in heads, heads


def test_the_thing_people_sit_or_lie_on_names_the_place_it_stands_in() -> None:
    heads = _heads("Nadia waits at a bus depot.\n\nThat afternoon, Nadia sits on a park bench and reads a letter.\n")
    assert heads.split(" | ")[0] == "INT. BUS DEPOT - DAY"      # (not on a bus)
    assert "EXT. PARK" in heads
    heads = _heads("Omar is driving through the city.\n\nThe next day, Omar lies in a hospital bed.\n")
    assert "INT. HOSPITAL - DAY" in heads and "BED" not in heads
    heads = _heads("Mara and Tom live in a flat in Leeds.\n\nThe next morning, Tom sits at the kitchen table.\n")
    assert "KITCHEN" in heads and "TABLE" not in heads


def test_common_ground_out_of_doors_is_exterior() -> None:
    heads = _heads("The next morning, Omar drives to a quarry outside the city.\n\n"
                   "At dawn, a guard stops their truck at the border crossing.\n")
    assert "EXT. QUARRY" in heads and "EXT. BORDER CROSSING" in heads


def test_waking_up_away_from_home_is_no_bedroom() -> None:
    heads = _heads("Nora and Ivo work at a field hospital.\n\nThat night, Ivo is carried into the infirmary.\n\n"
                   "The next morning, Ivo wakes up in pain.\n")
    assert "BEDROOM" not in heads


def test_a_home_the_story_names_is_that_place_not_a_house() -> None:
    heads = _heads("Two otters, Pip and his sister Moss, admire their new home in a hollow log beside the river.\n\n"
                   "The next morning, Pip wakes up and swims off.\n")
    assert "HOUSE" not in heads and "BEDROOM" not in heads
    assert heads.split(" | ")[0].endswith("LOG - DAY")


def test_an_office_of_a_kind_is_a_place_and_a_state_is_none() -> None:
    heads = _heads("Tom and Ada are at home in their house.\n\nThe next day, Tom races to the recruiting office.\n")
    assert "INT. RECRUITING OFFICE" in heads and "HOUSE - OFFICE" not in heads
    heads = _heads("The night train leaves Vienna.\n\nAt midnight the train comes to a stop. "
                   "In his hurry, Tom runs into the corridor.\n")
    assert "STOP" not in heads and "HURRY" not in heads


def test_a_story_aboard_a_craft_opens_aboard_it_and_lands_out_of_doors() -> None:
    heads = _heads("The spaceship Calypso is on its way back to Earth with a crew of six.\n\n"
                   "The next day, the freighter lands roughly on the ice moon, damaging its hull. "
                   "Ines and Bo walk out and find a derelict spacecraft.\n\n"
                   "That night, Bo finds a chamber filled with strange eggs.\n")
    first = heads.split(" | ")[0]
    assert first.startswith("INT. CALYPSO")
    assert "EXT. ICE MOON" in heads or "EXT. MOON" in heads
    assert "CHAMBER" in heads


def test_a_workplace_office_a_round_of_doors_and_a_past_deed_place_nobody() -> None:
    heads = _heads("Kane and Amy live in a house on Main Street.\n\nThe next day, Kane goes back to his office.\n\n"
                   "That afternoon, Kane goes from door to door looking for help.\n\n"
                   "That night, a messenger brings a telegram: Miller, whom Kane sent to prison five years ago, "
                   "is arriving on the twelve o'clock train.\n")
    assert "HOUSE - OFFICE" not in heads and "INT. OFFICE" in heads
    assert "ENTRANCE HALL" not in heads and "PRISON" not in heads and "TWELVE" not in heads


def test_the_offices_of_a_company_are_its_building() -> None:
    heads = _heads("Late one night, insurance salesman Walter Neff staggers into the downtown offices of "
                   "the Pacific All Risk Insurance Company with a bullet wound in his shoulder.\n")
    assert heads.startswith("INT. PACIFIC ALL RISK INSURANCE COMPANY - NIGHT"), heads


def test_a_shop_is_no_part_of_the_plane_the_last_scene_was_on() -> None:
    heads = _heads("Harry and Sally sit together on the plane.\n\n"
                   "Years later, Harry and Sally run into each other in a bookshop.\n")
    assert "INT. BOOKSHOP" in heads and "PLANE - BOOKSHOP" not in heads


def test_a_craft_boarded_by_its_name_is_where_they_are() -> None:
    heads = _heads("Marshall and Korshunov meet in Moscow.\n\n"
                   "The next day, Marshall boards Air Force One for the flight home with his wife.\n")
    assert heads.endswith("INT. AIR FORCE ONE - DAY"), heads


def test_a_country_a_victory_was_over_is_no_place() -> None:
    heads = _heads("Nicholson and Saito meet at the camp.\n\n"
                   "Using the anniversary of Japan's victory over Russia as an excuse, Saito releases Nicholson.\n")
    assert "RUSSIA" not in heads


def test_taken_to_a_place_is_there_and_coming_to_one_s_aid_is_nowhere() -> None:
    heads = _heads("Salieri lives in Vienna.\n\nThe next day, Salieri is taken to an asylum.\n\n"
                   "That night, Starrett comes to his aid in the fight.\n")
    assert "INT. ASYLUM" in heads and "AID" not in heads


def test_where_somebody_else_is_in_an_opening_with_phrase_does_not_set_the_scene() -> None:
    heads = _heads("Mara Lind runs the harbour office.\n"
                   "With her father in prison, Mara takes charge of the fleet.\n")
    assert "PRISON" not in heads and heads.startswith("INT. HARBOUR OFFICE"), heads


def test_a_place_that_tells_which_person_is_not_where_the_scene_is() -> None:
    heads = _heads("The jurors argue in the jury room. Juror 4 still believes the woman across the street.\n")
    assert "STREET" not in heads, heads
    # one is where one visits somebody
    heads = _heads("Mara lives in a flat in Leeds. Next day Mara visits the old man in the hospital.\n")
    assert heads.endswith("INT. HOSPITAL - DAY"), heads


def test_a_room_no_list_knows_of_a_building_is_that_building_s() -> None:
    assert _heads("The sailors are locked in the storeroom of the fort.\n") == "INT. FORT - STOREROOM - DAY"
    assert _heads("Tom waits in the anteroom of the palace.\n") == "INT. PALACE - ANTEROOM - DAY"


def test_the_kind_held_in_a_room_goes_on_there_in_the_next_paragraph() -> None:
    heads = _heads("The nine sailors are locked in the storeroom of the fort.\n\n"
                   "Sailor 3 demands to know why they are kept there.\n\nThe sailors vote again.\n")
    assert heads.count("FORT - STOREROOM") == 3, heads


def test_a_bank_by_a_river_is_its_bank_and_one_in_town_a_bank() -> None:
    assert _heads("Tom fishes in the river all morning. At noon he walks down to the bank to rest.\n") \
        .endswith("EXT. RIVERBANK - AFTERNOON")
    assert _heads("Tom lives in London. Next day Tom goes to the bank to borrow money.\n").endswith("INT. BANK - DAY")


def test_a_place_named_by_the_first_word_of_its_name_is_that_place() -> None:
    heads = _heads("Andy Dufresne is sent to the Larkmoor State Penitentiary in Maine. Years later, a thief named "
                   "Tommy is imprisoned at Larkmoor.\n")
    assert heads.endswith("INT. LARKMOOR STATE PENITENTIARY - DAY") and "EXT. LARKMOOR" not in heads, heads
    # a town is not the hotel named after it
    heads = _heads("Mara flies to Oslo and checks into the Oslo Grand Hotel. Next day Mara walks around Oslo.\n")
    assert heads.endswith("EXT. OSLO - DAY"), heads


def test_a_thing_slipped_into_somebody_s_coat_goes_nowhere() -> None:
    heads = _heads("At the clock tower, Marty waits for the storm. Marty slips a second letter into Doc's coat.\n")
    assert heads == "INT. CLOCK TOWER - DAY", heads


def test_a_named_place_reached_is_where_they_are_but_an_agreement_is_not() -> None:
    assert _heads("Johnnie hides in the woods. At dawn they reach the Union depot.\n").endswith("INT. UNION DEPOT - DAWN")
    assert "AGREEMENT" not in _heads("Johnnie hides in the woods. At dawn they reach the Geneva agreement.\n")


def test_a_bakery_or_a_casino_is_a_building_by_its_kind() -> None:
    assert _heads("Mara opens the bakery at dawn.\n") == "INT. BAKERY - DAWN"
    assert _heads("Tom lives in Reno. That night Tom gambles away his savings at the casino.\n").endswith(
        "INT. CASINO - NIGHT")


def test_the_camera_one_drifts_toward_is_no_place() -> None:
    heads = _heads("Norma lives in a mansion. At dawn Norma comes down the staircase and drifts toward the camera.\n")
    assert "CAMERA" not in heads, heads


def test_a_house_named_in_the_plural_is_not_the_home_and_another_s_mansion_is_his() -> None:
    heads = _heads("Don and Cosmo once danced through pool halls and vaudeville houses. Now Don lives in a house in "
                   "Hollywood.\n\nNext day Don sleeps in the house.\n")
    assert "VAUDEVILLE" not in heads, heads
    heads = _heads("Don lives in a house in Hollywood. Later that night, at a party in the mansion of studio head "
                   "R.F. Simpson, the guests watch a talking picture.\n")
    assert heads.endswith("INT. MANSION - NIGHT"), heads


def test_a_place_in_what_the_one_met_lets_happen_at_the_end_of_the_sentence_is_where_it_happens() -> None:
    heads = _heads("Princess Ann slips out of the embassy and falls asleep on a park bench. She is found by Joe "
                   "Bradley, a newspaperman, who lets her sleep it off in his tiny flat. The next morning Joe "
                   "realizes who his guest is.\n")
    assert heads.split(" | ")[1:] == ["INT. APARTMENT - DAY", "INT. APARTMENT - MORNING"], heads
    # a clause inside the subject describes: "A pelican, who visits the window sill, brings ..."
    assert "SILL" not in _heads("Nemo is in an aquarium in the office of a Sydney dentist. A pelican named "
                                "Nigel, who visits the window sill, brings the news.\n")


def test_a_family_s_house_in_a_story_whose_home_is_a_cabin_is_a_house() -> None:
    heads = _heads("Ana lives in a cabin by the lake. The cabin is cold, and Ana fixes the cabin door. That evening "
                   "Ana has dinner at the Millers' house.\n")
    assert heads.endswith("INT. HOUSE - EVENING"), heads


def test_what_one_arrives_in_is_how_one_comes_not_where_one_is() -> None:
    heads = _heads("Dorothy lands in Munchkinland. Glinda arrives in a floating bubble and asks Dorothy whether she "
                   "is a good witch.\n")
    assert "BUBBLE" not in heads, heads
    assert _heads("Mara lives in Leeds. Next day Tom arrives in a small village.\n").endswith("EXT. VILLAGE - DAY")
