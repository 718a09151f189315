"""Where and when a scene happens: INT./EXT., place, room and time of day.

Places come from the place nouns a sentence puts its people in ("in the
study", "at her bedside", "on a bus") and from objects that only stand in one
room (a toilet, a sink).  Rooms of the characters' home become sub-locations
of one dwelling ("APARTMENT - STUDY"), so the same room always gets the same
heading.  Times of day come from the text ("that night", "at breakfast").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .lexicon import PERSON_NOUNS
from .lexicons import entries

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Rooms of a dwelling (sub-locations).
ROOMS = {
    "kitchen": "KITCHEN", "bedroom": "BEDROOM", "bathroom": "BATHROOM", "study": "STUDY",
    "living room": "LIVING ROOM", "sitting room": "LIVING ROOM", "lounge": "LIVING ROOM",
    "dining room": "DINING ROOM", "hall": "HALLWAY", "hallway": "HALLWAY", "corridor": "HALLWAY",
    "entrance hall": "ENTRANCE HALL", "front door": "ENTRANCE HALL",
    "door": "ENTRANCE HALL", "doorway": "ENTRANCE HALL", "attic": "ATTIC", "basement": "BASEMENT",
    "cellar": "CELLAR", "nursery": "NURSERY", "office": "OFFICE", "library": "LIBRARY",
    "laundry room": "LAUNDRY ROOM", "guest room": "GUEST ROOM", "staircase": "STAIRS", "stairs": "STAIRS",
    # things that stand in one room only
    "bed": "BEDROOM", "bedside": "BEDROOM", "toilet": "BATHROOM", "shower": "BATHROOM",
    "bathtub": "BATHROOM", "bath": "BATHROOM", "sink": "KITCHEN", "stove": "KITCHEN",
    "dishes": "KITCHEN", "breakfast": "KITCHEN",
}
#: Places in their own right: name and whether they are outdoors.
PLACES = {
    "apartment": ("APARTMENT", "INT"), "flat": ("APARTMENT", "INT"), "house": ("HOUSE", "INT"),
    "home": (None, "INT"), "mansion": ("MANSION", "INT"), "cabin": ("CABIN", "INT"),
    "hospital": ("HOSPITAL", "INT"), "clinic": ("CLINIC", "INT"), "church": ("CHURCH", "INT"),
    "school": ("SCHOOL", "INT"), "classroom": ("CLASSROOM", "INT"), "restaurant": ("RESTAURANT", "INT"),
    "cafe": ("CAFE", "INT"), "café": ("CAFE", "INT"), "bar": ("BAR", "INT"), "pub": ("PUB", "INT"),
    "hotel": ("HOTEL", "INT"), "shop": ("SHOP", "INT"), "store": ("STORE", "INT"),
    "supermarket": ("SUPERMARKET", "INT"), "museum": ("MUSEUM", "INT"), "theater": ("THEATER", "INT"),
    "theatre": ("THEATRE", "INT"), "cinema": ("CINEMA", "INT"), "concert hall": ("CONCERT HALL", "INT"),
    "concert": ("CONCERT HALL", "INT"), "recital": ("CONCERT HALL", "INT"), "performance": ("CONCERT HALL", "INT"), "opera": ("OPERA HOUSE", "INT"),
    "lighthouse": ("LIGHTHOUSE", "INT"), "gallery": ("GALLERY", "INT"), "studio": ("STUDIO", "INT"),
    "motel": ("MOTEL", "INT"), "inn": ("INN", "INT"), "embassy": ("EMBASSY", "INT"), "club": ("CLUB", "INT"), "diner": ("DINER", "INT"), "ward": ("HOSPITAL - WARD", "INT"),
    "moor": ("MOOR", "EXT"), "loch": ("LOCH", "EXT"), "summit": ("SUMMIT", "EXT"), "hill": ("HILL", "EXT"),
    "hillside": ("HILLSIDE", "EXT"), "meadow": ("MEADOW", "EXT"), "quay": ("QUAY", "EXT"),
    "path": ("PATH", "EXT"), "cliff path": ("CLIFF PATH", "EXT"), "trail": ("TRAIL", "EXT"),
    "coast road": ("COAST ROAD", "EXT"), "coast": ("COAST", "EXT"), "car park": ("CAR PARK", "EXT"),
    "terrace": ("TERRACE", "EXT"), "mine": ("MINE", "EXT"), "fields": ("FIELDS", "EXT"),
    "courtroom": ("COURTROOM", "INT"), "court": ("COURTROOM", "INT"), "prison": ("PRISON", "INT"),
    "jail": ("JAIL", "INT"), "cell": ("CELL", "INT"), "police station": ("POLICE STATION", "INT"),
    "station": ("STATION", "INT"), "airport": ("AIRPORT", "INT"), "factory": ("FACTORY", "INT"),
    "warehouse": ("WAREHOUSE", "INT"), "gym": ("GYM", "INT"),
    "laboratory": ("LABORATORY", "INT"), "lab": ("LABORATORY", "INT"), "barn": ("BARN", "INT"),
    "car": ("CAR", "INT"), "bus": ("BUS", "INT"), "train": ("TRAIN", "INT"), "taxi": ("TAXI", "INT"),
    "cab": ("TAXI", "INT"), "plane": ("PLANE", "INT"), "ship": ("SHIP", "INT"), "boat": ("BOAT", "EXT"),
    "truck": ("TRUCK", "INT"), "van": ("VAN", "INT"), "elevator": ("ELEVATOR", "INT"), "lift": ("LIFT", "INT"),
    "tent": ("TENT", "INT"), "castle": ("CASTLE", "INT"), "palace": ("PALACE", "INT"),
    "street": ("STREET", "EXT"), "road": ("ROAD", "EXT"), "highway": ("HIGHWAY", "EXT"),
    "park": ("PARK", "EXT"), "garden": ("GARDEN", "EXT"), "yard": ("YARD", "EXT"),
    "backyard": ("BACKYARD", "EXT"), "beach": ("BEACH", "EXT"), "forest": ("FOREST", "EXT"),
    "woods": ("WOODS", "EXT"), "field": ("FIELD", "EXT"), "farm": ("FARM", "EXT"),
    "bridge": ("BRIDGE", "EXT"), "river": ("RIVER", "EXT"), "lake": ("LAKE", "EXT"), "sea": ("SEA", "EXT"),
    "riverbank": ("RIVERBANK", "EXT"), "wilderness": ("WILDERNESS", "EXT"), "tundra": ("TUNDRA", "EXT"),
    "glacier": ("GLACIER", "EXT"), "canyon": ("CANYON", "EXT"), "prairie": ("PRAIRIE", "EXT"),
    "swamp": ("SWAMP", "EXT"), "marsh": ("MARSH", "EXT"), "dunes": ("DUNES", "EXT"), "clearing": ("CLEARING", "EXT"),
    "orchard": ("ORCHARD", "EXT"), "vineyard": ("VINEYARD", "EXT"), "ranch": ("RANCH", "EXT"),
    "campus": ("CAMPUS", "EXT"), "plaza": ("PLAZA", "EXT"), "boardwalk": ("BOARDWALK", "EXT"),
    "subway": ("SUBWAY", "INT"), "tunnel": ("TUNNEL", "INT"), "platform": ("PLATFORM", "EXT"),
    "sidewalk": ("SIDEWALK", "EXT"), "crossroads": ("CROSSROADS", "EXT"), "border": ("BORDER", "EXT"),
    "harbor": ("HARBOR", "EXT"), "harbour": ("HARBOUR", "EXT"), "port": ("PORT", "EXT"),
    "dock": ("DOCKS", "EXT"), "docks": ("DOCKS", "EXT"), "square": ("SQUARE", "EXT"),
    "rooftop": ("ROOFTOP", "EXT"), "roof": ("ROOFTOP", "EXT"), "cemetery": ("CEMETERY", "EXT"),
    "graveyard": ("CEMETERY", "EXT"), "parking lot": ("PARKING LOT", "EXT"), "mountain": ("MOUNTAIN", "EXT"),
    "mountains": ("MOUNTAINS", "EXT"), "desert": ("DESERT", "EXT"), "village": ("VILLAGE", "EXT"),
    "alley": ("ALLEY", "EXT"), "courtyard": ("COURTYARD", "EXT"), "playground": ("PLAYGROUND", "EXT"),
    "camp": ("CAMP", "EXT"), "campsite": ("CAMPSITE", "EXT"), "battlefield": ("BATTLEFIELD", "EXT"),
    "porch": ("PORCH", "EXT"), "balcony": ("BALCONY", "EXT"), "cliff": ("CLIFF", "EXT"),
    "island": ("ISLAND", "EXT"), "jungle": ("JUNGLE", "EXT"), "shore": ("SHORE", "EXT"),
    "pier": ("PIER", "EXT"), "town": ("TOWN", "EXT"), "city": ("CITY", "EXT"), "market": ("MARKET", "EXT"),
    "stadium": ("STADIUM", "EXT"), "racetrack": ("RACETRACK", "EXT"), "valley": ("VALLEY", "EXT"),
}
_LOC_PREPS = frozenset("in at into inside on onto to toward towards outside near by across through from around "
                       "throughout along up down over beside past".split())
#: Things that say which room, but do not by themselves move a scene.
WEAK = frozenset("bed bedside toilet shower bath bathtub sink stove dishes breakfast door doorway".split()) | {"front door"}
_MOTION = frozenset("go goes went walk walks walked run runs ran rush rushes rushed arrive arrives arrived "
                    "return returns returned come comes came enter enters entered head heads headed drive "
                    "drives drove move moves moved reach reaches reached approach approaches approached "
                    "visit visits visited".split())
TIME_WORDS = [
    (r"\b(?:midnight)\b", "NIGHT"), (r"\b(?:night|nightmare|bedtime)\b", "NIGHT"),
    (r"\b(?:evening|dinner|supper|sunset|dusk)\b", "EVENING"),
    (r"\b(?:dawn|sunrise|daybreak)\b", "DAWN"),
    (r"\b(?:morning|breakfast)\b", "MORNING"), (r"\b(?:afternoon|lunch|noon)\b", "AFTERNOON"),
]
_WAKE = re.compile(r"\b(?:wakes up|awakens|wakes)\b", re.I)


@dataclass(frozen=True)
class Place:
    """A located place: INT/EXT, main location, optional room."""

    int_ext: str
    location: str
    room: str | None = None

    def heading(self, time: str) -> str:
        loc = self.location + (f" - {self.room}" if self.room else "")
        return f"{self.int_ext}. {loc} - {time}"


def dwelling(text: str) -> str:
    """The characters' home, named by the word the synopsis uses most."""
    counts = Counter()
    for w in ("apartment", "flat", "house", "mansion", "cabin"):
        counts[PLACES[w][0]] += len(re.findall(rf"\b{w}s?\b", text, re.I))
    best, n = counts.most_common(1)[0]
    return best if n else "HOUSE"


def places_in(sent: Any, home: str, skip: set[int] | frozenset = frozenset()) -> list[tuple[Place, bool]]:
    """Places a sentence puts people in, with whether the place is only hinted (a bed, a sink)."""
    out: list[tuple[Place, bool]] = []
    toks = list(sent)
    for k, t in enumerate(toks):
        if t.pos_ not in ("NOUN", "PROPN") and t.lower_ != "home" or t.i in skip:
            continue
        if t.dep_ in ("compound", "amod"):
            continue   # "a home attendant", "the kitchen table": a modifier, not a place
        low = t.lower_
        two = (toks[k - 1].lower_ + " " + low) if k > 0 else ""
        key = two if two in ROOMS or two in PLACES else low
        if key == "entrance" and k > 0 and toks[k - 1].pos_ == "NOUN":
            out.append((Place("EXT", toks[k - 1].text.upper() + " ENTRANCE", None), False))
            continue
        if key not in ROOMS and key not in PLACES:
            generic = _generic_place(t)
            if generic is not None:
                out.append((generic, False))
            continue
        prep = t.head if t.dep_ == "pobj" else None
        verb = prep.head if prep is not None else t.head
        located = (prep is not None and prep.lower_ in _LOC_PREPS) or low == "home" or \
            (t.dep_ == "dobj" and verb.lower_ in _MOTION)
        if key in WEAK:
            located = located or t.dep_ in ("dobj", "pobj")
        if key in ("concert", "recital", "opera", "performance") and t.dep_ == "dobj":
            located = True
        if prep is not None and (prep.lower_ == "from" or prep.dep_ == "agent"):
            continue   # "struck by a van": the one who does it, not where
        # only where the sentence's own people are, not a place talked about
        clause = verb
        while clause.dep_ in ("prep", "pobj", "advmod", "dobj", "attr", "appos", "compound", "npadvmod") \
                and clause.head.i != clause.i:
            clause = clause.head
        main = clause.dep_ in ("ROOT", "conj", "advcl") and not (
            clause.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not (clause.tag_ == "VBG" and clause.i < clause.head.i))
        weak = key in WEAK
        if not (located and main):
            # a room worked in ("vacuuming the living room", "seated in the study"): a hint only
            if key in ROOMS and t.dep_ in ("dobj", "pobj"):
                out.append((Place("INT", home, ROOMS[key]), True))
            continue
        if key in ("apartment", "flat", "house", "mansion", "cabin"):
            out.append((Place("INT", home, None), weak))
            continue
        if key in ROOMS:
            out.append((Place("INT", home, ROOMS[key]), weak))
        else:
            name, ie = PLACES[key]
            if name is None or key in ("apartment", "flat", "house", "home") and name == home:
                out.append((Place("INT", home, None), weak))
            else:
                out.append((Place(ie, place_name(t, key, name), None), weak))
    text = sent.text.lower()
    for pat, room in _ACTIVITIES:
        if re.search(pat, text):
            out.append((Place("INT", home, room), True))
            break
    return out


#: What people do in one room only: hints for a heading, never a cut.
_ACTIVITIES = [
    (r"\b(?:brush(?:es|ing)? (?:his|her|their) teeth|shav(?:es|ing)\b|takes? a (?:shower|bath))", "BATHROOM"),
    (r"\b(?:cook(?:s|ing)? (?:dinner|lunch|breakfast)|eats? (?:dinner|lunch|breakfast)|having (?:dinner|lunch))",
     "KITCHEN"),
    (r"\b(?:wakes? up|awakens|goes to bed|lies? in bed|asleep)\b", "BEDROOM"),
]


_GOAL_OR_SITE = frozenset("in at into inside onto to toward towards".split())


def _generic_place(t: "Token") -> Place | None:
    """A place no word list knows, from the parse: a noun phrase the people are in or go to.

    "is transferred to a mental institution", "they hide in an old barn": the
    object of a preposition of place, with a determiner (a particular place),
    on a verb of going or staying, in the sentence's own story line.  A room
    ("the day room") is INT; anything else unknown is INT too, the usual case.
    """
    if t.pos_ != "NOUN" or t.dep_ != "pobj" or t.tag_ == "NNS" and t.lower_ not in ROOMS:
        return None
    prep = t.head
    if prep.lower_ not in _GOAL_OR_SITE or t.lower_ in entries("not_places") or len(t.text) < 3:
        return None
    if t.lower_ in PERSON_NOUNS:
        return None    # "rides to the doctor": a person, not a place
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return None    # "the middle of the street": the street says where
    if not any(c.dep_ in ("det", "poss") for c in t.children):
        return None
    if t.ent_type_ in _NOT_PLACE_ENTS:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    known = set(entries("motion_verbs")) | set(entries("placing_verbs"))
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "At the trading post, Ethan learns ...": a place put before the subject sets the scene
    fronted = prep.lower_ == "at" and subj is not None and prep.i < subj.left_edge.i \
        and prep.i == prep.sent.start
    if not fronted and not _stems(verb.lower_) & known and verb.lower_ not in _MOTION:
        return None
    return Place("INT", place_name(t, t.lower_, t.text.upper()), None)


#: What the entity recogniser calls these is never a place a scene is in ("the Civil War").
_NOT_PLACE_ENTS = frozenset("DATE TIME PERSON NORP MONEY CARDINAL ORDINAL EVENT WORK_OF_ART LAW LANGUAGE "
                            "PERCENT QUANTITY".split())


def _stems(word: str) -> set[str]:
    """Candidate dictionary forms of a verb form, without the lemmatizer: one of them is it."""
    out = {word}
    for suf, rep in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                     ("ing", ""), ("ing", "e")):
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            base = word[: -len(suf)] + rep
            out.add(base)
            if len(base) > 3 and base[-1] == base[-2] and not rep:   # "stopped" -> "stop"
                out.add(base[:-1])
    irregular = {"went": "go", "came": "come", "ran": "run", "took": "take", "brought": "bring", "sent": "send",
                 "fled": "flee", "rode": "ride", "drove": "drive", "flew": "fly", "sat": "sit", "stood": "stand",
                 "met": "meet", "slept": "sleep", "woke": "wake", "left": "leave", "hid": "hide"}
    if word in irregular:
        out.add(irregular[word])
    return out


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def place_name(t: "Token", key: str, name: str) -> str:
    """The place phrase as the synopsis names it: "a mental hospital" -> MENTAL HOSPITAL.

    The head noun's own spelling is kept (accents too: CAFÉ), with the words
    that make it a particular place: proper nouns and nouns before it ("Imperial
    Lotus Hotel", "fishing boat"), and adjectives other than ones that only
    describe ("small", "new").  A word list's name that says more than the noun
    ("ward" -> HOSPITAL - WARD) is kept as it is.
    """
    skip = frozenset(entries("place_modifiers_skip"))
    if _plain(name) != _plain(key.upper()):
        return name
    mods: list[str] = []
    for c in t.lefts:
        if " " in key and c.lower_ == key.split()[0]:
            continue   # "cliff path": the first word is part of the name already
        if c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ not in skip and c.is_alpha) or \
                (c.dep_ == "poss" and c.tag_ in ("NNP", "NNPS")):
            words = [w.text for w in c.subtree if w.is_alpha or w.tag_ == "POS" or w.text == "."]
            mods.append(" ".join(words).replace(" 's", "'S").replace(" '", "'"))
    head = t.text if " " not in key else key
    return " ".join(mods + [head]).upper()


def time_of(text: str) -> str | None:
    """Time of day a sentence names, if any."""
    low = text.lower()
    for pat, name in TIME_WORDS:
        if re.search(pat, low):
            return name
    if re.search(r"\b(?:next|following|one|that|same) day\b", low):
        return "DAY"
    return None


def named_place(sent: Any, is_person: Any, skip: set[int] | frozenset = frozenset()) -> Place | None:
    """A proper-noun place the people are in or go to ("across the Scottish Highlands")."""
    for t in sent:
        proper = t.tag_ in ("NNP", "NNPS") or (t.text[:1].isupper() and t.i > t.sent.start and t.is_alpha)
        if t.dep_ != "pobj" or not proper or is_person(t) or t.i in skip or \
                (t.ent_type_ in _NOT_PLACE_ENTS and t.ent_type_ != "PERSON"):   # the recogniser may miss a town
            continue
        if t.head.lower_ not in ("in", "at", "to", "across", "into", "through", "around", "over"):
            continue
        if t.head.lower_ == "to" and t.head.head.lower_ not in _MOTION and t.head.head.lemma_ not in _MOTION \
                and not t.head.head.lower_.startswith(("fl", "travel", "sail", "mov", "return", "driv")):
            continue   # "writes to Paris" is not going there
        words = [w for w in t.subtree if w.text[:1].isupper() and w.is_alpha and w.i > t.sent.start
                 and w.tag_ not in ("DT", "IN")]
        if not words:
            continue
        name = " ".join(w.text for w in words).upper()
        low = name.lower()
        indoor = any(k in low for k, (_, ie) in PLACES.items() if ie == "INT" and len(k) > 3)
        return Place("INT" if indoor else "EXT", name, None)
    return None


def named_buildings(spans: list[Any]) -> dict[str, str]:
    """A building's full name wherever the synopsis gives it once: MANSION -> WEST MANSION.

    "the West mansion" early, "arrive at the mansion" later: the same place,
    so every heading names it in full.  Only when the text names one such
    building (two named houses leave HOUSE as it is).
    """
    seen: dict[str, set[str]] = {}
    for sp in spans:
        for t in sp:
            if t.tag_ not in ("NN", "NNS"):
                continue
            inside = {w.i for w in t.subtree}
            mods = []
            k = t.i - 1
            while k >= sp.start and k in inside and sp.doc[k].tag_ in ("NNP", "NNPS"):
                mods.insert(0, sp.doc[k])   # "the Imperial Lotus hotel": every proper word before it
                k -= 1
            if not mods:
                continue
            name = " ".join([m.text for m in mods] + [t.text]).upper()
            general = PLACES[t.lower_][0] if t.lower_ in PLACES else ROOMS.get(t.lower_, t.text.upper())
            if general:
                seen.setdefault(general, set()).add(name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
