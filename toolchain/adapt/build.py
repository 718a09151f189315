"""Assembling the screenplay: scenes, headings, action, dialogue and notes.

Everything the synopsis said stays traceable: each scene opens with its
source sentences as synopsis lines (``= ...``), asides become notes, and the
actor credits go to the title page.  The document is built from the model
classes and written by the Fountain writer, never as hand-made Fountain.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Callable

from screenplay.errors import InputError
from screenplay.model import (
    Action, Boneyard, Character, Dialogue, Document, Element, Note, Parenthetical, SceneHeading, Section,
    Speech, Synopsis, TitleField, Transition, text_of,
)

from .action import clean_action, is_past_narrative, past_perfect_to_present, split_commentary
from .cast import Cast, Person, in_quotes, listed_names
from .craft import Introducer, clean_heading_place, is_recalled, montage, readable_title, drop_meta, film_words, is_backstory, is_flashback, is_name as _is_name, \
    series_of_shots
from .events import events_of
from .grammar import sentence_case
from .lexicon import PERSON_NOUNS, RESPONSE_VERBS, ROLE_SUFFIXES
from .lexicons import entries
from .ir import Entity, Event, MentionHow, PlaceIR, SceneIR, SentenceIR, Story, TimeIR
from .ir import Mention as MentionIR
from .nlp import lemma as _lemma
from .nlp import parse_all
from .places import (
    LODGINGS, PLACES, ROOMS, VEHICLES, WEAK, Place, _moving, _stems, a_part, apposed_names, dwelling, home_in_full,
    kinds_in_full,
    home_ground, last_place_word, named_buildings, named_kinds, named_place, outdoors, places_in, scenery,
    there_opens, time_of,
)
from .refer import Tracker
from .segment import Move, continues, cue_of, move_in, split_action
from .source import split_source
from .speech import Line, SpeechEvent, SpeechReader

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass
class Sentence:
    """One source sentence and where it came from."""

    span: Any
    unit: int
    paragraph: int
    original: str
    start: int                 # offset of the sentence in the original text
    notes: list[str] = field(default_factory=list)
    index: int = -1            # position among all sentences
    section: str | None = None   # the part of the telling it opens ("Part II")


@dataclass
class SceneDraft:
    place: Place | None
    time: str
    cut: bool
    sentences: list[Sentence] = field(default_factory=list)
    items: list[object] = field(default_factory=list)   # str action, Line, ("note", str)
    people: set = field(default_factory=set)
    flashback: bool = False
    #: where in the text a scene begins that a sentence's move to a new place opened
    opens_at: int | None = None
    #: the people got to its place from the scene before ("They come upon a camp")
    reached: bool = False
    #: its place is only where the synopsis says its people live or work: a place the scene's
    #: own sentences name takes its place
    grounded: bool = False
    #: people the scene holds by a plural of their kind ("the jurors", "the patients"): lemmas
    crowds: set[str] = field(default_factory=set)
    #: the text says a new day begins with it ("Next day", "The following morning"): another
    #: day at the same place is not LATER
    new_day: bool = False
    #: a flashback of one sentence in the past perfect ("the night before, he had crawled ...")
    recalled: bool = False


@dataclass
class Adaptation:
    """The adapted document and what the adapter decided on the way (for scoring)."""

    doc: Document
    cast: list[Person]
    cues: list[str]
    events: list[tuple[int, SpeechEvent]]        # (offset in original text, event)
    scene_starts: list[int]                      # original offset of each scene's first sentence
    lines: list[tuple[int, Line]]                # (offset of source sentence, line)
    story: Story | None = None                   # the story model (--dump-ir)


def adapt_text(text: str, nlp: Any, title: str | None, source_name: str, author: str | None = None) -> Adaptation:
    """Adapt one synopsis into a screenplay document.

    With no ``title``, the script takes the synopsis's own (a line in capitals over the story),
    else its file name made readable."""
    src = split_source(text)
    if title is None:
        title = src.title or readable_title(PurePath(source_name).stem)
    docs = parse_all(nlp, [u.text for u in src.units])
    lemma = lambda t: _lemma(nlp, t)  # noqa: E731
    sents: list[Sentence] = []
    actor_credits: list[tuple[int, str, str]] = []
    for ui, (u, d) in enumerate(zip(src.units, docs)):
        unit_sents = list(d.sents)
        for s in unit_sents:
            a, b = s.start_char, s.end_char
            sentence = Sentence(s, ui, u.paragraph, u.source(src.text, a, b).strip(),
                                u.origin[a] if a < len(u.origin) else 0,
                                section=u.section if s is unit_sents[0] else None)
            for aside in u.asides:
                inside = a <= aside.at <= b if s is unit_sents[-1] else a <= aside.at < b
                if not inside:
                    continue
                if aside.kind == "actor":
                    actor_credits.append((len(sents), aside.before, aside.text))
                else:
                    sentence.notes.append(aside.text)
            sents.append(sentence)
    cast = Cast([s.span for s in sents], [s.paragraph for s in sents], actor_credits, lemma)
    story = Story(title, [SentenceIR(i, x.paragraph, x.start, " ".join(x.original.split()))
                          for i, x in enumerate(sents)])
    scene_events: dict[int, list[Event]] = {}
    tracker = Tracker(cast)

    def who(t: "Token") -> str | None:
        return _ref_id(tracker.referent(t))

    reader = SpeechReader(tracker, lemma)
    reader.past = is_past_narrative([s.span for s in sents])
    home = dwelling(text)
    has_home = bool(re.search(r"\b(?:home|apartment|flat|house)\b", text, re.IGNORECASE))
    lived_in = _lived_in([s.span for s in sents], home, lemma)
    told_building: str | None = None   # the building a story with no home is about
    if lived_in is None:
        lived_in = _home_named([s.span for s in sents])
    if lived_in is not None and not re.search(r"\b(?:apartment|flat|house|mansion|cabin)s?\b", text, re.IGNORECASE):
        home, has_home = lived_in, True   # "lives on a houseboat": home is the houseboat
    elif not has_home and not re.search(r"\b(?:mansion|cabin)s?\b", text, re.IGNORECASE):
        # no home at all: a room named is a room of the one building the story is about ("to open a
        # new hotel ... inside a laundry room")
        home = _building_told(text) or home
        told_building = home
    kinds = named_kinds([x.span for x in sents])
    # where the synopsis says its people live or work ("a keeper on a remote island") is where
    # the story opens, rather than a place it only gets to later
    ground = next((g for x in sents if x.paragraph == sents[0].paragraph
                   if (g := home_ground(x.span)) is not None), None) if sents else None
    # a story that opens in a year and then goes back to an earlier one ("In 2004, ...", then
    # "In the winter of 1944, ...") is in a flashback until a year as late comes back
    now_year = _opening_year(sents[0].span) if sents else None
    dated_past = False
    scenes: list[SceneDraft] = []
    events: list[tuple[int, SpeechEvent]] = []
    line_log: list[tuple[int, Line]] = []
    prev_para = -1
    dark_para = -2   # the paragraph the text last said was at night or in the evening
    prev_led_by_person = False
    prev_cut = False
    prev_unit = -1
    onward: Place | None = None   # where the last sentence ended up, when it went on from its scene
    pointed: Place | None = None  # the last place the sentence before named, in any clause
    seen_at: dict[Person, tuple[Place, int]] = {}   # where each person was last (not in a flashback), and
    # the number of scenes there were then
    for idx, sen in enumerate(sents):
        s = sen.span
        tracker.begin(s)
        cue = cue_of(s.text)
        beats = reader.read(s)
        found = _parts_placed(places_in(s, home, beats.spoken | film_words(s), kinds),
                              scenes[-1].place if scenes else None, s, home,
                              told_building)
        strong = [p for p, weak in found if not weak]
        here = strong[0] if strong else None
        if onward is not None and scenes and scenes[-1].flashback != is_flashback(s.text):
            onward = None   # where the past ended up is not where the present goes on
        if here is None and onward is not None:
            here = onward   # "... and returns to the house": the story goes on there
        onward = strong[-1] if len(strong) > 1 and strong[-1] != strong[0] and strong[-1].goal else None
        moves = _moves_to(s, strong)
        if here is not None and here.room is None:
            # "around the home ... in the living room": the room says where in it
            here = next((p for p, _ in found if p.location == here.location and p.room), here)
        if here is not None and a_part(here):
            # "camping in the attic ..., escaping to the roof": the roof of the building it names
            owner = next((p for p, _ in found if p.room is not None and p.location != here.location), None)
            if owner is not None:
                here = Place(here.int_ext, owner.location, here.location)
        hint = found[0][0] if found else None
        going = any(p.goal for p in strong)   # (kept before a room is put into its building)
        if scenes:
            here, hint = _within(here, scenes[-1].place, s, home), _within(hint, scenes[-1].place, s, home)
        if here is not None and here.location == "ROOM" and here.room is None and \
                any(t.lower_ == "room" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                    for t in s):   # (not "his room", "the room": which one, the text knows)
            # "moves him into a room over the garage": a room of the building the story was last in
            seen = next((sc.place for sc in reversed(scenes) if sc.place is not None), None)
            if seen is not None and seen.location != "ROOM":
                here = Place("INT", seen.location, "ROOM")
        # a named place: "flies to Amsterdam", "At the Rijksmuseum", "Back in London"
        named = named_place(s, lambda t: cast.person_for_token(s, t) is not None, beats.spoken)
        if here is None:
            if named is None or hint is None:   # a room in the sentence says more than the city it is in
                here = named
        elif here.room is None and here.location in _CRAFT_PARTS and (craft := _craft_named(s, scenes)):
            # "Back on the Nostromo, Ripley, in command on the bridge": the bridge of the craft seen before
            here = Place("INT", craft, here.location)
        elif named is not None and _said_after(s.text, named, here):
            here = named   # "leads them to a fort, and then to New Mexico": where they end up

        cur = scenes[-1] if scenes else None
        if here is not None and here.location == "BANK" and here.room is None and \
                _WATER.search(" ".join(x.span.text for x in sents[max(0, idx - 1): idx + 1])):
            # "the river has dropped ... leads Saito down to the bank": a river's bank, out of doors
            here = Place("EXT", "RIVERBANK", None, goal=here.goal)
        if here is None and there_opens(s) and pointed is not None:
            here = pointed   # "... to carry him to the castle. There he is received by the Count"
        pointed = last_place_word(s)
        if cur is not None and cur.place is not None and not is_backstory(s):
            side = _other_side(s, cur.place, scenes)   # "Outside, the reception fills the garden"
            if side is not None and here is not None and here.int_ext == "EXT" and here.room is None and \
                    here.location.lower() in _GROUNDS and side.int_ext == "EXT":
                here = Place("EXT", side.location, here.location)   # the house's own garden
            elif here is None:
                here = side
        year = _opening_year(s) if now_year is not None and idx > 0 else None
        was_past, dated_past = dated_past, dated_past if year is None else year < (now_year or 0)
        just_before = is_recalled(s)
        back = is_flashback(s.text) or dated_past or just_before
        # "Years earlier, Leon had been arrested ...": what happened before the story, told in
        # the past perfect, is a note for the writer in the scene it is told in, not a scene
        backstory = cur is not None and not back and is_backstory(s) and \
            not any(isinstance(it, Line) for it in beats.items)
        if backstory:
            here = hint = named = onward = None
            moves = []
        recalled = just_before
        # (a flashback the past perfect told is that sentence: the next one is the present again)
        new = cur is None or sen.paragraph != prev_para or cue.time or cue.cut or \
            (back and not cur.flashback) or was_past != dated_past or (cur.recalled and not recalled)
        asked = cur is not None and bool(cur.items) and isinstance(cur.items[-1], Line) and \
            cur.items[-1].text.rstrip().endswith("?")
        there = here is not None and _adjoining(here, cur.place if cur is not None else None)
        if not new and cur is not None and _told(cur) and prev_led_by_person and not asked and not there \
                and _newcomer(s, cur, tracker, lemma, after_cut=prev_cut):
            new = True   # (not right after a question: whoever answers it is there to hear it; nor
            # when the newcomer is in the same building: "Abe stands at the ring" of the gym)
        # a long scene is cut where the story moves on in time ("Later, ...", "After the trial, ...")
        if not new and cur is not None and len(cur.sentences) >= _LONG_SCENE and cur.items and _moves_on(s):
            new = True
        # a shorter one only by a marked leap: a date or time named, or people coming back or arriving
        if not new and cur is not None and _told(cur) and cur.items and _moves_on(s, leap=True):
            new = True
        # a cut in time (not only a new person or a new line): a place not named again is the
        # building, not the same room
        timed = new and not (cur is not None and sen.paragraph == prev_para and not cue.time and not cue.cut
                             and not _moves_on(s) and not _moves_on(s, leap=True))
        said_cut = new   # the text cuts here, not only the layout of one event a line
        # one sentence per line: each line is an event unless it plainly goes on from the last
        if not new and src.one_per_line and cur is not None and _told(cur) and \
                prev_unit != sen.unit and not continues(s.text):
            new = True
        continuous = False
        # an answer to the line just said stays in that exchange's scene ('"Go home." Tobias refuses
        # and sits down on the pier'): the place it names is where it ends up, not a cut
        answers = cur is not None and bool(cur.items) and isinstance(cur.items[-1], Line) and \
            lemma(s.root) in RESPONSE_VERBS and not cue.time and not cue.cut
        if not new and here is not None and cur is not None and cur.place is not None and here != cur.place \
                and not cur.grounded \
                and _told(cur) and not (answers and not going):   # (going on somewhere is a cut)
            new, continuous = True, True
        reached = not new and here is not None and here.goal and cur is not None and cur.place is None and \
            bool(cur.items) and _told(cur) and _gone_to(s, here)
        if reached:
            # "After the funeral they ride out. They come upon a camp": the scene so far was not
            # at the camp; the people get there now
            new = True
        if new and cur is not None and not cur.items and not cue.cut and sen.paragraph == prev_para:
            new = False  # no scene without content
        if backstory:
            new = continuous = False
        when: str | None = None
        # (the time of day of the line of time the scene is on: a flashback's night is over when
        # the story comes back)
        same_line = [sc for sc in scenes if sc.flashback == back] or scenes
        if new:
            place = here or hint
            new_day = bool(_NEW_DAY.search(s.text))
            # ("Next day, ...", "The following morning": the sentence opens on another day, not a
            # day named inside it, "they could die the next morning")
            opening = _NEW_DAY.search(s.text)
            dawns = opening is not None and opening.start() <= 4
            if here is None and hint is not None and cur is not None and cur.place is not None \
                    and cur.place.location != hint.location and not new_day:
                place = None   # waking up in a hospital ward is not the bedroom at home
            if place is None and new_day and has_home and cur is not None and \
                    any(sc.place is not None and sc.place.location == home and sc.flashback == back for sc in scenes):
                place = Place("INT", home, None)   # a new day with no place named: the home seen before
            if place is None and cur is not None and cur.place is not None and cur.place.int_ext == "INT" \
                    and outdoors(s):
                # "In the spring, the trees blossom": out of doors, where the story last was outside
                place = next((Place("EXT", sc.place.location) for sc in reversed(scenes)
                              if sc.place is not None and sc.place.int_ext == "EXT"), None)
            # back from a flashback, the story goes on where it was before it
            last = cur if cur is None or back or not cur.flashback else \
                next((sc for sc in reversed(scenes) if not sc.flashback), cur)
            if place is None and last is not None and last.place is not None and not backstory:
                # the other line of the story, taken up with no place named: where its people were
                # last seen
                # ("Meanwhile the officers stand in the sun, and Nicholson is shut in the box": back
                # at the camp, not on the coast the last scene went to)
                # (lately: three scenes back at most, or where they were is no longer known)
                away = [p for p in tracker.main_subjects() if p not in last.people and p in seen_at
                        and len(scenes) - seen_at[p][1] <= 3]
                if away and not back and _MEANWHILE.match(s.text) and not _adjoining(seen_at[away[0]][0], last.place):
                    place = seen_at[away[0]][0]
            if place is None and last is not None and last.place is not None:
                # a new time in an unnamed place: the same home, not the same room
                # (unless the people there go on there the same day: "The jurors vote again")
                stay = not new_day and not cue.time and (bool(_crowds_in(s) & last.crowds) or any(
                    _of_the_crowd(p, last.crowds) for p in tracker.present_in_sentence()))
                place = last.place if continuous or not timed or stay else _building_of(scenes, last.place)
            narrated = " ".join(t.text for t in s if t.i not in beats.spoken and not _of_a_post(t))
            # ("Days later", "Years later" is another day: the time of day, not LATER)
            when = time_of(narrated[:120]) or ("CONTINUOUS" if continuous else "LATER" if cue.later and not new_day
                                               else "DAY" if cue.later else None)
            if when in _DARK:
                dark_para = sen.paragraph
            if when is None:
                # a new paragraph that says no time has passed goes on in the dark the story is in (the
                # night of a robbery is still night); a shift in time or a new day is day, and so is
                # the rest of a day that was only said to be morning or afternoon
                dark = not (cue.time or cue.cut or new_day or _moves_on(s) or _moves_on(s, leap=True) or back) \
                    and _day_part(same_line) in _DARK and cur is not None and \
                    not any(_dated(x.span) for x in cur.sentences + [sen]) and sen.paragraph == dark_para + 1
                # (only the paragraph right after the one that said so: a synopsis's paragraphs move on)
                when = "DAY" if dawns else \
                    "LATER" if cur is not None and place == cur.place and sen.paragraph == prev_para else \
                    _day_part(same_line) if cur is not None and (sen.paragraph == prev_para or dark) else "DAY"
            if when in ("CONTINUOUS", "LATER") and not _adjoining(place, cur.place if cur else None):
                # LATER and CONTINUOUS say "the same place, or the next room": elsewhere, the time of day
                # ("Months later" elsewhere is a new day)
                when = "DAY" if new_day else _day_part(same_line)
            if cur is not None and place == cur.place and when == cur.time and back == cur.flashback and \
                    not (dawns and when == "DAY"):   # ("Next day" there is another day, not later)
                # a script never heads two scenes alike in a row: the text's own cut is a later
                # time there; a new line of a one-event-a-line synopsis is no cut
                when = None if not said_cut else "LATER" if when != "LATER" else _day_part(same_line)
        if new and when is not None:
            tracker.scene_break()
            reader.scene_break()
            gone = reached or place is not None and place is here and here.goal and _gone_to(s, here)
            grounded = cur is None and place is None and ground is not None
            scenes.append(SceneDraft(ground if grounded else place, when, cue.cut, flashback=back, reached=gone,
                                     grounded=grounded, new_day=dawns and when == "DAY", recalled=recalled))
            if cur is not None and not dawns and _adjoining(place, cur.place):
                scenes[-1].crowds |= cur.crowds   # (later the same day in the jury room: the jurors are still there)
            cur = scenes[-1]
        else:
            assert cur is not None   # with no scene yet, the sentence is new and has its time
            if (cur.place is None or cur.grounded) and (here or hint) is not None:
                cur.place, cur.grounded = here or hint, False
        if time_of(" ".join(t.text for t in s if t.i not in beats.spoken and not _of_a_post(t))) in _DARK:
            dark_para = sen.paragraph   # ("She retires for the night": the night goes on)
        prev_para = sen.paragraph
        prev_unit = sen.unit
        prev_cut = cue.cut
        prev_led_by_person = cue.cut or any(isinstance(tracker.referent(t), (Person, tuple)) for t in s
                                            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT")
        cur.sentences.append(sen)
        sen.index = idx
        said = {lemma(t) for ev in beats.events if ev.converted for t in s if t.idx == ev.verb_char}
        for e in events_of(s, who, lemma, idx):
            e.dialogue = e.kind == "say" and e.verb in said
            scene_events.setdefault(len(scenes) - 1, []).append(e)
        _record_mentions(story, s, idx, cast, tracker)
        cur.people |= set(tracker.present_in_sentence())
        if cur.place is not None and not cur.flashback:
            seen_at.update((p, (cur.place, len(scenes))) for p in tracker.present_in_sentence())
        cur.crowds |= _crowds_in(s)
        unit = src.units[sen.unit]
        for ev in beats.events:
            off = unit.origin[ev.verb_char] if ev.verb_char < len(unit.origin) else sen.start
            events.append((off, ev))
        first = True
        first_item = len(cur.items)
        if backstory:
            cur.items.append(("note", "Backstory: " + " ".join(sen.original.split())))
        for item in ([] if backstory else beats.items):
            if isinstance(item, str):
                body = clean_action(item, s, lemma) if first else item
                if recalled and not is_flashback(s.text):
                    body = past_perfect_to_present(body, s, lemma)   # (the flashback shows it now)
                body, comment = split_commentary(body)
                cur.items.append(body)
                if comment:
                    cur.items.append(("note", comment))
            else:
                cur.items.append(item)
                line_log.append((sen.start, item))
            first = False
        for n in sen.notes:
            cur.items.append(("note", n))
        for place, move in moves:
            if place.location == home and place.room and cur.place is not None and cur.place.location != home \
                    and not _HOME_WORDS.search(s.text):
                break   # "drives to the bank and then to the post office": no room of the home
            # the sentence's last action: what follows it (a line it became) goes with the move
            j = next((k for k in range(len(cur.items) - 1, first_item - 1, -1) if isinstance(cur.items[k], str)), -1)
            action = cur.items[j] if j >= 0 else None
            parts = split_action(action, s.text, move) if isinstance(action, str) else None
            if parts is None:
                break
            # "..., goes to the mill, and returns to the farm": the scene cuts where the people get there
            rest = cur.items[j + 1:]
            cur.items[j:] = [parts[0]]
            when = "CONTINUOUS" if _adjoining(place, cur.place) else _day_part(scenes)
            scenes.append(SceneDraft(place, when, False, flashback=back, opens_at=sen.start + move.char))
            scenes[-1].items.extend([parts[1]] + rest)
            first_item = 0
            scenes[-1].people |= cur.people
            cur = scenes[-1]
            onward = None
        tracker.end()
    credited = {p.actor for p in cast.people.values() if p.actor}
    loose_actors = [(before, actor) for _, before, actor in actor_credits if actor not in credited]
    names = _person_names(cast, [s.span for s in sents])
    doc = _document(src, scenes, cast, title, author, home, loose_actors, names, story, [x.span for x in sents],
                    reader.groups(), nlp)
    _record_story(story, cast, names, scenes, scene_events)
    return Adaptation(doc, cast.ordered(), _cues(scenes), events, [sc.sentences[0].start if sc.sentences else sc.opens_at or 0 for sc in scenes],
                      line_log, story)


def _moves_to(s: "Span", strong: list[Place]) -> list[tuple[Place, Move]]:
    """The places after its first that a sentence's people go on to, each with the clause that
    takes them there, in the order the sentence goes."""
    out: list[tuple[Place, Move]] = []
    last = strong[0] if strong else None
    for p in strong[1:]:
        if p == last or not p.goal:
            continue
        move = move_in(s, (p.room or p.location).split()[-1])
        if move is None:
            continue   # "across the river to the old fort, and then to the harbour": no cut at the fort
        if out and move.char <= out[-1][1].char:
            break
        out.append((p, move))
        last = p
    return out


def _building_told(text: str) -> str | None:
    """The first kind of building, not a vehicle, a story with no home names (HOTEL): where the
    rooms it names later are, unless it says otherwise.  None when it names none before a room."""
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in ROOMS and w not in WEAK:
            return None   # "Ana is in the kitchen": of no building named yet
        name, ie = PLACES.get(w, (None, ""))
        if name and ie == "INT" and w not in VEHICLES and w not in ROOMS and " " not in name:
            return name
    return None


def _gone_to(s: "Span", p: Place) -> bool:
    """A verb of going takes the people to the place ("they come upon a camp"), not a thing
    brought there ("brought down the line to his house")."""
    word = (p.room or p.location).split()[-1].lower()
    for t in s:
        if t.lower_ == word and t.dep_ == "dobj" and t.head.pos_ == "VERB":
            return _moving(t.head)   # "reaches a trading post"
        verb = t.head.head
        if t.lower_ == word and t.dep_ == "pobj" and verb.pos_ == "VERB":
            # "the trail leads them to a fort": taken there
            taken = bool(_stems(verb.lower_) & set(entries("placing_verbs"))) and any(
                c.dep_ == "dobj" and (c.tag_ in ("PRP", "NNP") or c.lower_ in PERSON_NOUNS) for c in verb.children)
            return _moving(verb) or taken
    return False


def _told(scene: SceneDraft) -> bool:
    """The scene holds some of the story: a sentence, or the part of one that moved there."""
    return bool(scene.sentences) or scene.opens_at is not None


def _adjoining(a: Place | None, b: Place | None) -> bool:
    """The same place, or another room of the same building."""
    return a is not None and b is not None and a.int_ext == b.int_ext and a.location == b.location


def _day_part(scenes: list["SceneDraft"]) -> str:
    """The time of day the story is at: the last scene's that names one."""
    for sc in reversed(scenes):
        if sc.time not in ("CONTINUOUS", "LATER"):
            return sc.time
    return "DAY"


#: Sentences a scene holds before a shift in time may cut it.
_LONG_SCENE = 2


def _of_a_post(t: "Token") -> bool:
    """A time word that says which post a person holds ("a night manager", "the night museum
    guard"), or a word of a name ("the Sunset Motel"), not when the scene is."""
    if t.tag_ in ("NNP", "NNPS") and t.ent_type_ not in ("DATE", "TIME") and \
            (t.dep_ == "compound" and t.head.tag_ in ("NNP", "NNPS")
             or any(c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") for c in t.children)):
        return time_of(t.lower_) is not None
    head = t
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    return head is not t and head.lower_ in PERSON_NOUNS and time_of(t.lower_) is not None


def _dated(s: "Span") -> bool:
    """The sentence names a date or a season ("in the spring", "The winter was long"): days pass
    in it, so the night it may follow is over."""
    return any(t.ent_type_ == "DATE" and time_of(t.text) is None for t in s)


def _opening_year(s: "Span") -> int | None:
    """The year a sentence opens in, before its subject ("In 1944, ...", "In the winter of
    1944, ..."): a date the recogniser names, written as a year."""
    root = s.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    stop = subj.left_edge.i if subj is not None else root.i
    for t in s:
        if t.i >= stop:
            break
        if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text.isdigit() and 1000 <= int(t.text) < 2200:
            return int(t.text)
    return None


def _moves_on(s: "Span", leap: bool = False) -> bool:
    """The sentence opens, before its subject, with a shift in time: a date or a time word.

    A ``leap`` is more: a date or time the recogniser names ("A year later,"),
    or a clause of going that opens the sentence ("When they return, ...").
    """
    shifts = entries("time_shifts")
    root = s.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    stop = subj.left_edge.i if subj is not None else root.i
    going = set(entries("motion_verbs"))
    for t in s:
        if t.i >= stop:
            break
        if in_quotes(t):
            continue   # ('"Come back tomorrow," he says': the words' time, not the story's)
        if t.ent_type_ in ("DATE", "TIME") and (not leap or t.i - s.start < 4):
            return True
        if not leap and t.lower_ in shifts:
            return True
        if leap and t.i == s.start and t.lower_ in shifts and t.head.dep_ == "advcl" and \
                _lemma_of(t.head) in going:
            return True
    # "They are later married": the word of time set inside the main verb's phrase
    predicate = [root] + [c for c in root.children if c.dep_ in ("acomp", "xcomp", "attr", "oprd")]
    return not leap and any(c.dep_ == "advmod" and c.lower_ in ("later", "afterwards", "afterward", "subsequently", "soon",
                                                                  "eventually")
                            and c.i > stop for p in predicate for c in p.children)


def _lemma_of(t: "Token") -> str:
    """A verb of going's dictionary form: "returns" -> "return", "came" -> "come"."""
    going = set(entries("motion_verbs"))
    return next((x for x in sorted(_stems(t.lower_)) if x in going), t.lower_)


_HOME_WORDS = re.compile(r"\b(?:home|house|apartment|flat)\b", re.IGNORECASE)


#: Parts of a craft people are aboard: where they are on it.
_CRAFT_PARTS = frozenset("CABIN COCKPIT DECK HOLD GALLEY COMPARTMENT CORRIDOR BRIDGE BERTH BUNK AISLE LAVATORY "
                         "AIRLOCK HATCH CAR COACH ENGINE BAY".split())
#: The rooms people sleep in, which only a building people live or lodge in has.
_LIVING_ROOMS = frozenset(["BEDROOM", "NURSERY", "GUEST ROOM"])


def _within(p: Place | None, current: Place | None, s: "Span", home: str) -> Place | None:
    """A room is a room of the building the scene is in, unless the sentence says home.

    "in the doctor's office" while the scene is in a hospital is HOSPITAL -
    OFFICE, not the characters' home; "the day room" is a room of it too.
    """
    if p is None or current is None or _HOME_WORDS.search(s.text):
        return p
    if current.location.split()[-1].lower() in VEHICLES and \
            not any(w in _CRAFT_PARTS for w in (p.room or p.location).split()):
        return p   # a bookshop is no part of the plane the last scene was on, nor are stairs of a taxi
    part = _part_of(p, current)
    if part is not None:
        return part
    at_home = current.location == home
    if current.room is None and "'S " in current.location and current.location.split()[-1].lower() in ROOMS \
            and p.location != current.location:
        return p   # somebody's own room holds no other: after "her mother's kitchen", "the sheriff's office"
    # (a place named for a kind of building of its own, "the church hall", is no part of this one)
    own_building = len(p.location.split()) > 1 and p.location.split()[0].lower() in PLACES and \
        PLACES[p.location.split()[0].lower()][1] == "INT"
    if (p.site and not (at_home and p.goal) or a_part(p) and (at_home or not p.goal)) and p.room is None and \
            current.location != p.location and not own_building and \
            (current.int_ext == "INT" or current.location.split()[-1].lower() in _SETTLEMENTS or
             current.room is not None and p.int_ext == "INT"):   # (its garage, from its driveway)
        # "in biology class" at a school, "in a gas chamber" at a camp, "in a secret passage" at
        # the mansion: a part of where they are (climbing into a culvert leaves the house); the
        # roof they go up to is their building's
        return Place(p.int_ext, current.location, p.location)
    if current.int_ext == "INT" and p.location == "ROOM":
        return Place("INT", current.location, p.location)   # "moves him into a room over the garage": one of its
    if current.location == home:
        return p
    if current.int_ext != "INT":
        return p
    if p.room is None and p.int_ext == "INT" and re.search(r"\b(?:ROOM|OFFICE|WARD|CELL|HALL)$", p.location) \
            and p.location != current.location and p.location.split()[0].lower() not in PLACES:
        # (a "church hall" or "town hall" is a building of its own, not a room of this one)
        return Place("INT", current.location, p.location)
    if p.location == home and p.room and not _NEW_DAY.search(s.text) and \
            not re.search(rf"\b{re.escape(home.split()[-1])}\b", s.text, re.IGNORECASE):
        # (a new day's breakfast in the kitchen is at home, not at last night's concert hall; "the
        # balcony of the saloon" names its building, whatever building the scene was in)
        if p.room in _LIVING_ROOMS and current.location.split()[-1] not in LODGINGS:
            return current   # waking up in the infirmary is no bedroom of it: they stay where they are
        return Place("INT", current.location, p.room)
    return p


def _parts_placed(found: list[tuple[Place, bool]], current: Place | None, s: "Span",
                  home: str, building: str | None = None) -> list[tuple[Place, bool]]:
    """The places found, with those that can only be a part of where the scene is ("swims in
    the pool") made that part, or of the one building a story with no home is about; left out
    where there is neither."""
    out: list[tuple[Place, bool]] = []
    for p, weak in found:
        if p.beside and (current is None or current.location == home and building is None or current.int_ext != "INT"):
            p = replace(p, site=False, part=False)   # "sits at the bar" after a scene at home: the bar
        if p.part:
            whole = _within(p, current, s, home) if current is not None else None
            if (whole is None or whole == p) and building is not None:
                whole = Place(p.int_ext, building, p.location)
            if whole is None or whole == p:
                continue
            p = whole
        out.append((p, weak))
    return out


#: Open places that hold buildings, whose rooms and yards are parts of them (a camp's hut);
#: a moor or a bridge holds none.
_SETTLEMENTS = frozenset("camp campsite village town city farm ranch campus park market square harbour harbor "
                         "port docks plaza".split())


def _said_after(text: str, later: Place, earlier: Place) -> bool:
    """Whether the sentence names ``later`` after the last word of ``earlier``'s name."""
    up = text.upper()
    return up.rfind(later.location.split()[0]) > up.rfind(earlier.location.split()[-1]) >= 0


def _building_of(scenes: list["SceneDraft"], room: Place) -> Place:
    """The place a room is part of, inside or out as it was last seen ("EXT. CAMP" after
    "INT. CAMP - HUT"); INT/EXT of the room when it was never seen on its own."""
    for sc in reversed(scenes):
        if sc.place is not None and sc.place.location == room.location and sc.place.room is None:
            return sc.place
    known = PLACES.get(room.location.split()[-1].lower())
    # a hotel is indoors; so is a building no list knows whose yard or roof was seen
    ie = known[1] if known else "INT" if room.room is not None and a_part(Place(room.int_ext, room.room)) \
        else room.int_ext
    return Place(ie, room.location, None)


def _said_in_full(places: list[Place | None], towns: frozenset[str] = frozenset()) -> dict[str, str]:
    """A place named once in full and later by its last word only: "an American embassy",
    then "the embassy" -> AMERICAN EMBASSY; or by the first word of its name: "Shawshank State
    Penitentiary", then "Shawshank".  Only when one full name ends (or begins) with that word."""
    full: dict[str, set[str]] = {}
    first: dict[str, set[str]] = {}
    for p in places:
        if p is not None and " " in p.location and p.room is None:
            full.setdefault(p.location.split()[-1], set()).add(p.location)
            first.setdefault(p.location.split()[0], set()).add(p.location)
    # (not a town's name: "Moscow" is the city, not the MOSCOW PRISON in it)
    out = {w: next(iter(v)) for w, v in first.items()
           if len(v) == 1 and w not in PLACES_UPPER and w not in towns and len(w) > 3}
    out.update({w: next(iter(v)) for w, v in full.items() if len(v) == 1})
    return out


def _part_of(p: Place, building: Place) -> Place | None:
    """"The school parking lot" while in HIGH SCHOOL: a part of that building, named after it.

    The words before the place's own name that the building's name ends with
    say whose part it is: HIGH SCHOOL - PARKING LOT.
    """
    if p.room is not None or p.location == building.location:
        return None
    words, own = p.location.split(), building.location.split()
    for n in range(len(words) - 1, 0, -1):
        if words[:n] == own[-n:]:
            return Place(p.int_ext, building.location, " ".join(words[n:]))
    return None


def _ref_id(r: object) -> str | None:
    """The entity id of a referent: a person's key, a group's keys joined with '+'."""
    if isinstance(r, Person):
        return r.cue
    if isinstance(r, tuple) and r:
        return "+".join(p.cue for p in r if isinstance(p, Person)) or None
    return None


def _record_mentions(story: Story, s: "Span", idx: int, cast: Cast, tracker: Tracker) -> None:
    """Names and roles the cast knows, and pronouns the tracker resolved, as mentions."""
    taken: set[int] = set()
    for m in cast.mentions(s):
        how: MentionHow = "name" if m.person.named and s[m.start].text[:1].isupper() else "role"
        story.mentions.append(MentionIR(m.person.cue, idx, m.start, m.end, s[m.start:m.end].text, how))
        taken.update(range(m.start, m.end))
    for t in s:
        rel = t.i - s.start
        if rel in taken or t.tag_ not in ("PRP", "PRP$"):
            continue
        rid = _ref_id(tracker.referent(t))
        if rid is not None:
            story.mentions.append(MentionIR(rid, idx, rel, rel + 1, t.text, "pronoun"))


def _record_story(story: Story, cast: Cast, names: dict[str, set[str]], scenes: list["SceneDraft"],
                  scene_events: dict[int, list[Event]]) -> None:
    """Entities, events, places, times: the rest of the story model, from what the passes decided."""
    speakers = {c for c in _cues(scenes)}
    story.mentions.sort(key=lambda m: (m.sentence, m.start))
    known: set[str] = set()
    for p in cast.ordered():
        forms = sorted(names.get(p.key, set()) | p.forms)
        if p.cue in known:
            continue
        known.add(p.cue)
        first = p.first if p.first < 10 ** 9 else None
        story.entities.append(Entity(p.cue, "person", p.cue, [f for f in forms if f.upper() != p.cue],
                                     p.gender, p.actor, first, p.cue in speakers))
    keyed = {p.key for p in cast.ordered()}
    for key, key_forms in names.items():
        if key not in known and key not in keyed:
            story.entities.append(Entity(key, "person", key, sorted(key_forms)))
    place_ids: dict[tuple[str, str, str | None], str] = {}
    for i, sc in enumerate(scenes):
        pid = None
        if sc.place is not None:
            pl = sc.place
            bid = place_ids.get((pl.int_ext, pl.location, None))
            if bid is None:
                bid = place_ids[(pl.int_ext, pl.location, None)] = f"P{len(story.places) + 1}"
                story.places.append(PlaceIR(bid, pl.location, "building" if pl.int_ext == "INT" else "area",
                                            pl.int_ext))
            pid = bid
            if pl.room:
                rid = place_ids.get((pl.int_ext, pl.location, pl.room))
                if rid is None:
                    rid = place_ids[(pl.int_ext, pl.location, pl.room)] = f"P{len(story.places) + 1}"
                    story.places.append(PlaceIR(rid, pl.room, "room", pl.int_ext, bid))
                pid = rid
        for e in scene_events.get(i, []):
            e.place, e.time = pid, sc.time
            story.events.append(e)
        for scene in story.scenes:
            if scene.index == i:
                scene.place = pid
        story.times.append(TimeIR(i, sc.time, sc.flashback))


#: Times of day that last until the text says the day has come.
_DARK = frozenset({"NIGHT", "EVENING"})
#: Kind words of places, in capitals: the first word of a name that is one ("HOTEL ...") is no short name.
PLACES_UPPER = frozenset(w.upper() for w in PLACES)
#: Waters that have banks: "the bank" near one of them is no bank of money.
_WATER = re.compile(r"\b(?:rivers?|streams?|creeks?|brooks?|canals?|lakes?|ponds?)\b", re.IGNORECASE)
#: A sentence that cuts to another line of the story happening at the same time.
_MEANWHILE = re.compile(r"^\s*(?:meanwhile|in the meantime|at the same time|elsewhere)\b", re.IGNORECASE)
_NEW_DAY = re.compile(r"\b(?:(?:next|following) (?:day|morning|evening|night)|one (?:day|morning)|"
                      r"(?:days?|weeks?|months?|years?) (?:later|pass)|the day after)\b", re.IGNORECASE)
_ENTRANCES = frozenset("come enter arrive appear return walk drop join show rush run hurry burst knock "
                       "ring".split())


#: A building's own ground out of doors, named alone after "Outside,": the garden is the house's.
_GROUNDS = frozenset("garden gardens lawn yard grounds driveway porch terrace courtyard patio".split())


def _craft_named(s: Any, scenes: list["SceneDraft"]) -> str | None:
    """The name of a craft or building the story has been inside, when the sentence names it
    ("Back on the Nostromo, ..."), else None."""
    inside = {sc.place.location for sc in scenes if sc.place is not None and sc.place.int_ext == "INT"}
    return next((t.text.upper() for t in s if t.pos_ == "PROPN" and t.text.upper() in inside), None)


def _other_side(s: Any, place: Place, scenes: list["SceneDraft"]) -> Place | None:
    """The same building seen from its other side, when the sentence opens with a bare
    "Outside," or "Inside," ("Outside, the guests dance": EXT. of the house the scene was in;
    "Inside," after the lawn: back in the building the story was last inside)."""
    first = s[0] if len(s) > 1 else None
    if first is None or s[1].text != "," or first.lower_ not in ("outside", "inside") or first.pos_ == "ADP":
        return None
    if place.int_ext == "INT" and first.lower_ == "outside":
        return Place("EXT", place.location, None)
    if place.int_ext == "EXT" and first.lower_ == "inside":
        return next((Place("INT", sc.place.location, None) for sc in reversed(scenes)
                     if sc.place is not None and sc.place.int_ext == "INT"), None)
    return None


def _newcomer(s: Any, scene: SceneDraft, tracker: Tracker, lemma: Any, after_cut: bool = False) -> bool:
    """A sentence led by somebody not yet in the scene, doing something there: a cut.

    Somebody coming in ("Lena comes into the room") is an entrance, not a cut.
    """
    for t in s:
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        r = tracker.referent(t)
        if r is None:
            for c in t.children:
                if c.dep_ == "compound":
                    r = tracker.referent(c)
        if not isinstance(r, Person) or t.head.dep_ != "ROOT":
            return False
        if r in scene.people:
            return False
        others = set(tracker.present_in_sentence())
        if (others - {r}) & scene.people:
            return False   # "Mr. B tells Mr. A ...": someone joins the people there, the cast goes on
        if _of_the_crowd(r, scene.crowds):
            return False   # "The jurors are locked in ... Juror 3 demands ...": one of those there
        # "His partner ... tells him": a pronoun taking up the last sentence's people is continuity
        # (after a cut-away shot the story comes back: no continuity to keep)
        last = {p for p, _ in tracker.history[-1]} if tracker.history and not after_cut else set()
        for w in s:
            if w.lower_ in ("he", "she", "him", "her", "they", "them") and w.tag_ == "PRP":
                ref = tracker.referent(w)
                if (isinstance(ref, Person) and ref in last) or (isinstance(ref, tuple) and set(ref) & last):
                    return False
        return lemma(t.head) not in _ENTRANCES
    return False


def _crowds_in(s: Any) -> set[str]:
    """The kinds of people a sentence shows there by a plural ("the jurors file out", "the
    patients play cards"): lemmas of plural person nouns, not of a group only talked of."""
    out: set[str] = set()
    for t in s:
        if t.tag_ != "NNS" or in_quotes(t):
            continue
        word = t.lemma_.lower() if t.lemma_ else t.lower_.rstrip("s")
        if word in PERSON_NOUNS or word.endswith(ROLE_SUFFIXES) and t.dep_ in ("nsubj", "nsubjpass"):
            out.add(word)
    return out


def _of_the_crowd(p: Person, crowds: set[str]) -> bool:
    """Whether a person is named as one of a kind the scene holds ("Juror 8" of "the jurors",
    "a patient" of "the patients")."""
    if not crowds:
        return False
    words = {w.lower() for f in p.forms | {p.cue} for w in re.findall(r"[A-Za-z]+", f)}
    return bool(words & crowds)


def _lived_in(spans: list[Any], home: str, lemma: Callable[[Any], str]) -> str | None:
    """The place the story first says its people live in ("lives with her grandmother on a
    houseboat"), when it is a building or vehicle of its own: their home in this story."""
    for sp in spans[:3]:
        for place, hinted in places_in(sp, home):
            if hinted or place.room or place.int_ext != "INT" or place.part:
                continue
            if any(lemma(t) == "live" and t.pos_ == "VERB" for t in sp):
                return place.location
    return None


def _home_named(spans: list[Any]) -> str | None:
    """The place the story first calls its people's home ("their new home in a sea anemone",
    "her home aboard a barge"): what it is, not a house it never mentions."""
    for sp in spans[:3]:
        for t in sp:
            if t.lower_ != "home" or t.pos_ != "NOUN":
                continue
            # (the parse may hang the phrase on the verb: "admiring [their home] [in a sea anemone]")
            after = [c for c in t.head.children if c.i == t.i + 1] if t.dep_ == "dobj" else []
            for prep in list(t.children) + after:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside", "on", "aboard", "under"):
                    continue
                obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                if obj is not None and any(c.dep_ == "det" for c in obj.children) and obj.lower_ not in PERSON_NOUNS:
                    words = [c.text for c in obj.lefts if c.dep_ == "compound"] + [obj.text]
                    return " ".join(words).upper()
    return None


def _cues(scenes: list[SceneDraft]) -> list[str]:
    out: list[str] = []
    for sc in scenes:
        for it in sc.items:
            if isinstance(it, Line) and it.speaker.cue not in out:
                out.append(it.speaker.cue)
    return out


#: Lower-case words that belong inside names ("Vincent van Gogh", "Leonardo da Vinci").
_NAME_PARTICLES = frozenset("de da di del della du van von der den ter le la bin bint al el y dos das".split())


def _person_names(cast: Cast, spans: list["Span"]) -> dict[str, set[str]]:
    """Every named character's names: the cast's, and the entity recogniser's PERSONs.

    A name the recogniser calls a person less often than a place or an
    organisation is left out ("Forks" once PERSON, twice GPE).
    """
    names: dict[str, set[str]] = {}
    for p in cast.ordered():
        if p.named:
            names[p.key] = {f for f in p.forms}
    votes: Counter[tuple[str, bool]] = Counter()
    for sp in spans:
        doc = sp.doc
        for e in sp.ents:
            end = e.end
            if e.label_ == "PERSON":   # 'Jonas Peter "Jo" McAllister' comes as two entities
                while end < sp.end and (doc[end].text in ('"', "'") or doc[end].ent_type_ == "PERSON"):
                    end += 1
            txt = re.sub(r"(?:'s|')$", "", doc[e.start:end].text.strip(" \"',.;:")).strip(" \"'")
            if any(w[:1].islower() and w.lower() not in _NAME_PARTICLES for w in txt.split()):
                continue   # "Jerry meet Osgood": the recogniser ran two names and a verb together
            if end - e.start == 1 and e.start == sp.start and end < sp.end and doc[end].text == "," and \
                    not any(t.text == doc[e.start].text and t.i != e.start for s2 in spans for t in s2):
                continue   # "Onshore, Jerry and Osgood tango": a word opening the sentence, no one named
            j = e.start - 1
            while j >= sp.start and doc[j].tag_ in ("JJ", "JJR", "JJS"):
                j -= 1
            if j >= sp.start and doc[j].lower_ in ("a", "an") and end - e.start == 1 and \
                    not any(t.text == doc[e.start].text for t in sp if t.i != e.start):
                continue   # "a young Frenchwoman": a kind of person, not a name
            if e.label_ in ("PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT") and txt:
                votes[(txt, e.label_ == "PERSON")] += 1
    for (txt, is_person), n in votes.items():
        if not is_person or n <= votes[(txt, False)] or not txt[:1].isupper() or len(txt) < 2 \
                or not txt.split()[-1][:1].isupper() or txt in cast.placelike or txt in cast.thinglike:
            # ("Vera sighs" read as one person: a name ends in a name; "the coast of Galicia" is nobody)
            continue
        words = set(re.findall(r"[\w.'-]+", txt))
        owner = next((k for k, fs in names.items() if txt in fs or any(f in words for f in fs)), None)
        if owner is None:   # "Nell" when the cast knows "Eleanor Vance"? only whole-word matches join
            # (a name, not a role phrase: "the Lindqvists' daughter" does not make "Lindqvists" hers)
            # ("Elsa Morrow" is "Dr. Elsa Morrow": the words of a longer name)
            owner = next((k for k, fs in names.items() if any(txt in f.split() or f" {txt} " in f" {f} "
                                                              for f in fs if _is_name(f))), None)
        if owner is not None:
            names[owner].add(txt)
        else:
            names[txt.upper()] = {txt}
    # a name listed with characters' names is a character's ("Otto, Mirela, and Sven")
    known = {w for fs in names.values() for f in fs if _is_name(f) for w in f.split()}
    for txt in listed_names(spans, known):
        if not any(txt in fs or any(txt in f.split() for f in fs if _is_name(f)) for fs in names.values()):
            names[txt.upper()] = {txt}
    return names


def _document(src: Any, scenes: list[SceneDraft], cast: Cast, title: str, author: str | None,
              home: str, loose_actors: list[tuple[str, str]], names: dict[str, set[str]],
              story: Story, story_spans: list[Any], groups: list[Person] | None = None,
              nlp: Any = None) -> Document:
    letters = [c for c in src.text if c.isalpha()]
    shouted = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)   # (warned of already)
    if not any(isinstance(it, Line) or isinstance(it, str) and drop_meta(it, shouted).strip()
               for sc in scenes for it in sc.items):
        raise InputError("the synopsis has no story text (only a title, credits or narration about the film)")
    tp = [TitleField("Title", [text_of(title)])]
    if author:
        tp += [TitleField("Credit", [text_of("Written by")]), TitleField("Author", [text_of(author)])]
    tp.append(TitleField("Source", [text_of("Adapted from a synopsis")]))
    # a group that speaks is introduced like a role ("hundreds of STRIKERS")
    # (a role the text writes with a capital is found as written: "the Squire")
    intro = Introducer(names, {p.key: next((f for f in p.forms if f.upper() == p.cue), None) or
                               (p.cue.title() if p.cue.title() in p.forms else p.cue.lower())
                               for p in cast.ordered() + (groups or []) if not p.named and p.cue})
    # a title such as "Nurse" or "Chief" is also a common noun the synopsis writes in lower case:
    # it may stay in a heading ("NURSES' STATION"); a name may not
    common = set(re.findall(r"\b[a-z][a-z'-]+\b", src.text)) | {"mr", "mrs", "ms", "dr"}
    person_words = {w.upper() for fs in names.values() for f in fs
                    for w in (x.strip("'.,\"") for x in f.split()) if w[:1].isupper() and len(w) > 1
                    and w.lower() not in common}
    full_names = named_buildings(story_spans)
    for kind, name in named_kinds(story_spans).items():
        full_names.setdefault(kind.upper(), name)   # "the Larkspur Observatory", then "the observatory"
    for kind, name in apposed_names(story_spans).items():
        full_names.setdefault(kind, name)           # "Chez Lulu, a small café", then "the café"
    said_in_full = kinds_in_full(story_spans)
    towns = frozenset(t.text.upper() for sp in story_spans for t in sp if t.ent_type_ in ("GPE", "LOC"))
    said_in_full.update(_said_in_full([sc.place for sc in scenes], towns))
    said_in_full.update(home_in_full(story_spans, home))
    first_side: dict[str, str] = {}   # the side each place was first seen from, by its full name
    for sc in scenes:
        if sc.place is not None and sc.place.room is None:
            first_side.setdefault(sc.place.location, sc.place.int_ext)

    def where_of(place: Place) -> str:
        building = full_names.get(place.location, place.location)
        building = said_in_full.get(building, building)
        return clean_heading_place(building + (f" - {place.room}" if place.room else ""), person_words)

    # before the synopsis names any place, the story is where it first goes, unless it tells
    # how the people got there from where they were
    first = next((sc for sc in scenes if sc.place is not None and where_of(sc.place)), None)
    opening = (first.place if first is not None and not first.reached else None) or \
        scenery(src.text) or Place("INT", home)
    if first is not None and first is not scenes[0] and opening is first.place and opening.room is not None:
        opening = _building_of(scenes, opening)   # an earlier time there: the building, not the room
    last_where, last_ie = where_of(opening) or home, opening.int_ext
    last_heading: tuple[str, str, str, bool] | None = None
    body: list[Element] = []
    for pre in src.prefaces:
        body.append(Note(pre))
    # The cast list is a note: actors are casting, not part of a spec script's printed pages.
    cast_lines = [f"{p.cue} - {p.actor}" for p in cast.ordered() if p.actor]
    for before, actor in loose_actors:
        words = before.rstrip(" ,").split()
        who = words[-1].upper() if words else "UNNAMED"
        cast_lines.append(f"{who} - {actor}")
    if cast_lines:
        body.append(Note("Cast (actors named in the synopsis):\n" + "\n".join(cast_lines)))
    # FADE IN: opens the script flush left (as action); FADE OUT. closes it as a transition,
    # forced because it does not end in "TO:"
    body.append(Action(text_of("FADE IN:")))
    was_flashback = False
    for sc, nxt in zip(scenes, scenes[1:]):
        if _shows_nothing(sc, shouted):
            # a title and "A photoplay in five reels" make no scene: their lines (and the notes
            # with them) go with the next
            nxt.sentences[:0], sc.sentences = sc.sentences, []
            nxt.items[:0], sc.items = [it for it in sc.items if isinstance(it, tuple)], []
            if nxt.time in ("LATER", "CONTINUOUS"):
                nxt.time = sc.time   # (no earlier moment of that place is shown)
    shown = [sc for sc in scenes if sc.sentences]
    for sc, prior in zip(reversed(shown), reversed(shown[:-1])):
        if not _shows_nothing(sc, shouted):
            break
        # "Newly restored. Screens with an introduction.": a festival's note after the story
        prior.sentences += sc.sentences
        prior.items += [it for it in sc.items if isinstance(it, tuple)]
        sc.sentences, sc.items = [], []
    for si, sc in enumerate(scenes):
        if not sc.items and not sc.sentences:
            continue
        if was_flashback and not sc.flashback:
            body.append(Transition(text_of("BACK TO PRESENT"), forced=True))
        was_flashback = sc.flashback
        if sc.cut and body and not isinstance(body[-1], Transition):
            body.append(Transition(text_of("CUT TO:")))
        place = sc.place or opening
        where = where_of(place)
        if not where:   # a "place" that was only a name: still where the last scene was
            where, place = last_where, Place(last_ie, last_where)
        elif place.room is None and where in first_side and where != place.location:
            place = replace(place, int_ext=first_side[where])   # ("Shawshank": inside, as it was first)
        sc.place = place   # the place the heading names, for the story model too
        if (place.int_ext, where, sc.time, sc.flashback) == last_heading and not sc.new_day:
            # two names of one place ("the warehouse", "an abandoned warehouse") met in a row: a later
            # time there, as when the story named it alike
            sc.time = "LATER" if sc.time != "LATER" else _day_part(scenes[:si])
        last_where, last_ie, last_heading = where, place.int_ext, (place.int_ext, where, sc.time, sc.flashback)
        heading = f"{place.int_ext}. {where} - {sc.time}" + (" (FLASHBACK)" if sc.flashback else "")
        body.extend(Section(text_of(s.section)) for s in sc.sentences if s.section)
        body.append(SceneHeading(text_of(heading)))
        story.scenes.append(SceneIR(si, heading, None, sc.time, [x.index for x in sc.sentences],
                                    sorted({p.cue for p in sc.people if isinstance(p, Person)}), sc.cut))
        for s in sc.sentences:
            body.append(Synopsis(text_of(" ".join(s.original.split()))))
        pending: Speech | None = None
        for it in sc.items:
            if isinstance(it, Line):
                said = drop_meta(it.text, shouted)
                if not said:
                    continue
                voice = (it.voice,) if it.voice else ()
                if pending is not None and pending.character.name == it.speaker.cue and not it.paren \
                        and pending.character.extensions == voice and not it.dual:
                    last = pending.parts[-1]
                    assert isinstance(last, Dialogue)
                    pending.parts[-1] = Dialogue(text_of(f"{last.text[0].text} {said}"))
                    continue
                if it.intro and it.speaker.key in intro.pending:
                    # the telling that first shows this person became the line: the action still
                    # introduces them ("Loan officer WALTER PRINE.")
                    body.append(Action(text_of(sentence_case(intro.apply(it.intro)))))
                parts: list = []
                if it.paren:
                    parts.append(Parenthetical(text_of(it.paren)))
                parts.append(Dialogue(text_of(said)))
                pending = Speech(Character(it.speaker.cue, voice, dual=it.dual), parts)
                body.append(pending)
                continue
            pending = None
            if isinstance(it, tuple):
                body.append(Note(it[1]))
            elif isinstance(it, str) and it.strip():
                plain = drop_meta(it, shouted)
                summed = montage(plain, nlp) if plain.strip() and nlp is not None else None
                if summed is not None:
                    # a long span summed up: a MONTAGE of what is done in it, shot by shot
                    body.append(Action(text_of(f"MONTAGE - {summed[0].upper()}")))
                    body.extend(Action(text_of("-- " + intro.apply(shot))) for shot in summed[1])
                    body.append(Action(text_of("END MONTAGE.")))
                    continue
                action = intro.apply(plain)
                shots = series_of_shots(action)
                if shots is not None:
                    # what a camera shows of a span of time: a series of short shots
                    body.append(Action(text_of(shots[0])))
                    body.append(Action(text_of("SERIES OF SHOTS:")))
                    body.extend(Action(text_of("-- " + shot)) for shot in shots[1])
                elif action.strip():
                    body.append(Action(text_of(action)))
    body.append(Transition(text_of("FADE OUT."), forced=True))
    return Document(tp, body)


def _shows_nothing(sc: SceneDraft, shouted: bool = False) -> bool:
    """Whether a scene holds only narration about the film (and notes): no scene of its own."""
    return any(not isinstance(it, tuple) for it in sc.items) and \
        all(isinstance(it, tuple) or _told_of_the_film(it, shouted) for it in sc.items)


def _told_of_the_film(item: object, shouted: bool = False) -> bool:
    """Whether an item of a scene is narration about the film alone, which leaves nothing."""
    if isinstance(item, Line):
        return not drop_meta(item.text, shouted)
    return isinstance(item, str) and not drop_meta(item, shouted).strip()


__all__ = ["Adaptation", "adapt_text", "Boneyard"]
