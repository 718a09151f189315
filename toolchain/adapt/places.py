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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .grammar import verb_read_as_noun
from .lexicon import FEMALE_NOUNS, GROUP_NOUNS, MALE_NOUNS, MONTHS_DAYS, PERSON_NOUNS, ROLE_SUFFIXES
from .lexicons import entries
from .written import FILM_PARTS, SAYING_THINGS, TOLD_THINGS

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
    "bakery": ("BAKERY", "INT"), "bookshop": ("BOOKSHOP", "INT"), "bookstore": ("BOOKSTORE", "INT"),
    "boutique": ("BOUTIQUE", "INT"), "barbershop": ("BARBERSHOP", "INT"), "brewery": ("BREWERY", "INT"),
    "nightclub": ("NIGHTCLUB", "INT"), "casino": ("CASINO", "INT"), "arena": ("ARENA", "INT"),
    "morgue": ("MORGUE", "INT"), "precinct": ("PRECINCT", "INT"), "kiosk": ("KIOSK", "EXT"),
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
    "courtroom": ("COURTROOM", "INT"), "court": ("COURTROOM", "INT"),
    "trial": ("COURTROOM", "INT"), "prison": ("PRISON", "INT"),   # (a trial is held in one, as a concert in a hall)
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
    "canal": ("CANAL", "EXT"), "stream": ("STREAM", "EXT"), "creek": ("CREEK", "EXT"), "pond": ("POND", "EXT"),
    "waterfront": ("WATERFRONT", "EXT"), "marina": ("MARINA", "EXT"), "jetty": ("JETTY", "EXT"),
    "wharf": ("WHARF", "EXT"), "boatyard": ("BOATYARD", "EXT"), "shipyard": ("SHIPYARD", "EXT"),
    "cliffs": ("CLIFFS", "EXT"), "laundromat": ("LAUNDROMAT", "INT"), "chapel": ("CHAPEL", "INT"),
    "cathedral": ("CATHEDRAL", "INT"), "mosque": ("MOSQUE", "INT"), "synagogue": ("SYNAGOGUE", "INT"),
    "temple": ("TEMPLE", "INT"), "pharmacy": ("PHARMACY", "INT"), "courthouse": ("COURTHOUSE", "INT"),
    "bunker": ("BUNKER", "INT"), "salon": ("SALON", "INT"), "tavern": ("TAVERN", "INT"),
    "saloon": ("SALOON", "INT"), "mall": ("MALL", "INT"), "workshop": ("WORKSHOP", "INT"),
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
    # more ground out of doors: the common settings of a story, whatever the story
    "quarry": ("QUARRY", "EXT"), "sky": ("SKY", "EXT"), "pasture": ("PASTURE", "EXT"), "lawn": ("LAWN", "EXT"), "coastline": ("COASTLINE", "EXT"),
    "seashore": ("SEASHORE", "EXT"), "seafront": ("SEAFRONT", "EXT"), "lakeside": ("LAKESIDE", "EXT"), "riverside": ("RIVERSIDE", "EXT"), "roadside": ("ROADSIDE", "EXT"),
    "hilltop": ("HILLTOP", "EXT"), "mountainside": ("MOUNTAINSIDE", "EXT"), "ravine": ("RAVINE", "EXT"), "gorge": ("GORGE", "EXT"), "waterfall": ("WATERFALL", "EXT"),
    "cornfield": ("CORNFIELD", "EXT"), "airfield": ("AIRFIELD", "EXT"), "runway": ("RUNWAY", "EXT"), "tarmac": ("TARMAC", "EXT"), "racecourse": ("RACECOURSE", "EXT"),
    "fairground": ("FAIRGROUND", "EXT"), "zoo": ("ZOO", "EXT"), "ruins": ("RUINS", "EXT"), "checkpoint": ("CHECKPOINT", "EXT"), "intersection": ("INTERSECTION", "EXT"),
    "junction": ("JUNCTION", "EXT"), "avenue": ("AVENUE", "EXT"), "boulevard": ("BOULEVARD", "EXT"), "countryside": ("COUNTRYSIDE", "EXT"),
    "woodland": ("WOODLAND", "EXT"), "grove": ("GROVE", "EXT"), "oasis": ("OASIS", "EXT"), "volcano": ("VOLCANO", "EXT"), "junkyard": ("JUNKYARD", "EXT"),
    "scrapyard": ("SCRAPYARD", "EXT"), "savanna": ("SAVANNA", "EXT"), "steppe": ("STEPPE", "EXT"), "plains": ("PLAINS", "EXT"), "outback": ("OUTBACK", "EXT"),
    "promenade": ("PROMENADE", "EXT"), "esplanade": ("ESPLANADE", "EXT"), "crossing": ("CROSSING", "EXT"), "ridge": ("RIDGE", "EXT"),
    "slope": ("SLOPE", "EXT"), "riverbed": ("RIVERBED", "EXT"), "shoreline": ("SHORELINE", "EXT"), "estuary": ("ESTUARY", "EXT"), "lagoon": ("LAGOON", "EXT"),
    "reef": ("REEF", "EXT"),
    "bus stop": ("BUS STOP", "EXT"), "gas station": ("GAS STATION", "EXT"), "petrol station": ("PETROL STATION", "EXT"),
    "construction site": ("CONSTRUCTION SITE", "EXT"), "building site": ("BUILDING SITE", "EXT"),
    # craft people are aboard, as a ship
    "spaceship": ("SPACESHIP", "INT"), "spacecraft": ("SPACECRAFT", "INT"), "starship": ("STARSHIP", "INT"),
    "warship": ("WARSHIP", "INT"), "steamship": ("STEAMSHIP", "INT"), "submarine": ("SUBMARINE", "INT"),
    "yacht": ("YACHT", "INT"), "ferry": ("FERRY", "INT"), "airship": ("AIRSHIP", "INT"),
    "helicopter": ("HELICOPTER", "INT"), "airliner": ("AIRLINER", "INT"), "freighter": ("FREIGHTER", "INT"),
}
#: Vehicles: one that people board, drive or take is where they are ("steals a bus").
VEHICLES = frozenset("car bus train taxi cab plane ship boat truck van spaceship spacecraft starship warship steamship "
                     "submarine yacht ferry airship helicopter airliner freighter".split())
_BOARDING = frozenset("board steal hijack commandeer drive ride catch take".split())
_LOC_PREPS = frozenset("in at into inside on onto to toward towards outside near by across through from around "
                       "throughout along up down over beside past upon".split())
#: Things that say which room, but do not by themselves move a scene.
WEAK = frozenset("bed bedside toilet shower bath bathtub sink stove dishes breakfast door doorway".split()) | {"front door"}
_MOTION = frozenset("go goes went walk walks walked run runs ran rush rushes rushed arrive arrives arrived "
                    "return returns returned come comes came enter enters entered head heads headed drive "
                    "drives drove move moves moved reach reaches reached approach approaches approached "
                    "visit visits visited".split())
TIME_WORDS = [
    (r"\b(?:midnight)\b", "NIGHT"), (r"\b(?:night|nightmare|bedtime|nightfall)\b", "NIGHT"),
    (r"\b(?:evening|dinner|supper|sunset|sundown|dusk)\b", "EVENING"),
    (r"\b(?:dawn|sunrise|daybreak)\b", "DAWN"),
    (r"\b(?:morning|breakfast)\b", "MORNING"), (r"\b(?:afternoon|lunch|noon|midday)\b", "AFTERNOON"),
]
_WAKE = re.compile(r"\b(?:wakes up|awakens|wakes)\b", re.I)


@dataclass(frozen=True)
class Place:
    """A located place: INT/EXT, main location, optional room."""

    int_ext: str
    location: str
    room: str | None = None
    #: a place no word list knows, that the people are in rather than go to ("in biology
    #: class"): inside a building the scene is in, it is a room of it
    site: bool = field(default=False, compare=False)
    #: the sentence takes its people there ("returns to the farm"), not just finds them there
    goal: bool = field(default=False, compare=False)
    #: only a part of the building or settlement the scene is in ("swims in the pool" at a
    #: hotel): no place of its own where the scene is in none
    part: bool = field(default=False, compare=False)
    #: a thing one sits or stands at ("sits at the bar"): a part of another building the scene is
    #: in, but a place of its own from home or from out of doors
    beside: bool = field(default=False, compare=False)

    def heading(self, time: str) -> str:
        loc = self.location + (f" - {self.room}" if self.room else "")
        return f"{self.int_ext}. {loc} - {time}"


def dwelling(text: str) -> str:
    """The characters' home, named by the word the synopsis uses most."""
    counts: Counter[str | None] = Counter()
    for w in ("apartment", "flat", "house", "mansion", "cabin"):
        counts[PLACES[w][0]] += len(re.findall(rf"\b{w}s?\b", text, re.I)) - len(_not_home(w, text))
    best, n = counts.most_common(1)[0]
    return best if n and best else "HOUSE"


def _not_home(word: str, text: str) -> list[str]:
    """Mentions of a dwelling word that are nobody's home in the story: "every house" (any
    house), "the Anselm house" (a family's, by its name: the protagonists' home is said "their
    house", "a cabin")."""
    return re.findall(rf"\b(?:every|each|any|no) {word}\b", text, re.I) + \
        [m for m in re.findall(rf"\b([A-Z][a-z]+) {word}\b", text) if m not in _DETERMINERS]


_DETERMINERS = frozenset("The A An His Her Their Our My Its This That Your Whose".split())


#: Settlements whose name before a room's makes a building of their own ("the town hall").
_SETTLEMENT_WORDS = frozenset("town city village county parish".split())


def places_in(sent: Any, home: str, skip: set[int] | frozenset = frozenset(),
              kinds: dict[str, str] | None = None) -> list[tuple[Place, bool]]:
    """Places a sentence puts people in, with whether the place is only hinted (a bed, a sink).

    ``kinds`` are the buildings the synopsis names by a proper name (see ``named_kinds``):
    a room named with one of their kind words is a room of that building.

    The places they are in come first, in the order the sentence goes to them
    ("goes to the cave ... and returns to the house"); a place that only holds
    another ("serving time on a farm, he is sent to a hospital") is left out
    when there is one.
    """
    found: list[tuple[Place, bool]] = []     # place, only hinted
    containers: list[tuple[Place, bool]] = []
    toks = list(sent)
    for k, t in enumerate(toks):
        if t.pos_ == "PROPN" and t.dep_ == "dobj" and t.i not in skip and t.head.pos_ == "VERB" and \
                _stems(t.head.lower_) & {"board"} and in_story_line(t.head):
            # "boards Air Force One": a craft by its name, where they now are
            name = " ".join(w.text for w in t.subtree if w.i <= t.i and w.pos_ == "PROPN").upper()
            found.append((Place("INT", name, None, goal=True), False))
            continue
        if t.dep_ == "nsubj" and t.i not in skip and t.lower_ in PLACES and t.head.lemma_ in ("", "be") and \
                t.head.lower_ in ("is", "was", "are", "were") and t.head.dep_ == "ROOT" and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and \
                any(c.dep_ == "acomp" for c in t.head.children) and PLACES[t.lower_][0]:
            # "By morning the house is full of police": the scene is where it shows
            kind, side = PLACES[t.lower_]
            found.append((Place(side, place_name(t, t.lower_, kind or t.text.upper()), None), False))
            continue
        source = _taken_from(t) if t.i not in skip else None
        if source is not None:
            found.append((source, False))
            continue
        if t.pos_ not in ("NOUN", "PROPN") and t.lower_ != "home" and \
                not (t.dep_ == "pobj" and t.lower_ in PLACES) or t.i in skip:
            continue   # (a place word the tagger read as an adjective is still one: "at the flat")
        if t.dep_ in ("compound", "amod"):
            fixture = _fixture_room(t, home) or _fixture_place(t, home)
            if fixture is not None:
                found.append((fixture, False))
            continue   # "a home attendant", "the kitchen table": a modifier, not a place
        if not any(c.dep_ in ("det", "poss") for c in t.children) and \
                re.search(rf"\bfrom {re.escape(t.lower_)} to {re.escape(t.lower_)}\b", sent.text, re.IGNORECASE):
            continue   # "goes from door to door", "from house to house": a round, no one place
        two = (toks[k - 1].lower_ + " " + t.lower_) if k > 0 else ""
        key = two if two in ROOMS or two in PLACES else t.lower_
        if key not in PLACES and key not in ROOMS and _open_plural(t):
            key = t.lower_[:-1]   # "below the cliffs": the cliff country, named as the text has it
        prep = t.head if t.dep_ == "pobj" else None
        if prep is not None and _describes_a_place(prep):
            continue   # "Forks, a town near the coast": the phrase says where the town is
        if key == "entrance" and k > 0 and toks[k - 1].pos_ == "NOUN":
            hit: tuple[Place, bool] | None = (Place("EXT", toks[k - 1].text.upper() + " ENTRANCE", None), False)
        elif key in ROOMS and k > 0 and toks[k - 1].dep_ == "compound" and toks[k - 1].head.i == t.i \
                and (PLACES.get(toks[k - 1].lower_, (None, ""))[1] == "INT" or toks[k - 1].lower_ in _SETTLEMENT_WORDS) \
                and prep is not None and prep.lower_ in _LOC_PREPS:
            # "the church hall", "the hotel kitchen": a building's room named with it, not the home's
            # ("the town hall": a settlement's building); a hint only, off the story line ("a
            # fighter who earns a few dollars in a church hall")
            hit = (Place("INT", (toks[k - 1].text + " " + t.text).upper(), None), not in_story_line(prep.head))
            if key in WEAK:
                # "lies in a hospital bed": a thing of the building names the building, not a room
                # ("the car door" is seen from outside the car)
                building = PLACES.get(toks[k - 1].lower_, (None, ""))[0]
                hit = (Place("INT", building, None), False) \
                    if building and toks[k - 1].lower_ not in VEHICLES and key not in _OPENINGS else None
        elif (key in ROOMS or key in _PARTS) and kinds and k > 0 and toks[k - 1].lower_ in kinds \
                and toks[k - 1].dep_ in ("compound", "amod") and toks[k - 1].head.i == t.i and prep is not None \
                and prep.lower_ in _LOC_PREPS and in_story_line(prep.head):
            # "the Vesper Theatre ... in the theatre office", "the theatre yard": a room or part of
            # the building the text names
            ie = "EXT" if key in _OPEN_PARTS or PLACES.get(key, ("", "INT"))[1] == "EXT" else "INT"
            hit = (Place(ie, kinds[toks[k - 1].lower_], t.text.upper()), False)
        elif key not in ROOMS and key not in PLACES:
            generic = _generic_place(t)
            hit = (generic, False) if generic is not None else None
        else:
            hit = _known_place(t, key, prep, home)
        if hit is None:
            continue
        whole = _whole_of(t, key, hit[0] if key not in ROOMS and key not in PLACES else None) or \
            _owned_by_place(t, hit[0], kinds or {})
        if whole is not None:
            hit = (whole, hit[1])
        going = prep.lower_ in _GOAL_PREPS or prep.lower_ == "upon" and _moving(prep.head) or \
            prep.lower_ == "at" and bool(_stems(prep.head.lower_) & {"arrive"}) or \
            prep.lower_ in ("in", "inside") and prep.head.dep_ == "conj" and bool(_stems(prep.head.lower_) & _HIDING) \
            if prep is not None else \
            t.dep_ == "dobj" and (t.head.lower_ in _MOTION or bool(_stems(t.head.lower_) & set(entries("motion_verbs"))))
        if going:
            hit = (replace(hit[0], goal=True), hit[1])
        if prep is not None and prep.head.dep_ == "pobj" and prep.head.head.lower_ in ("with", "without") \
                and prep.head.pos_ in ("NOUN", "PROPN"):
            # "With her father in prison, Mara takes charge": where somebody else is, a hint at most
            hit = (hit[0], True)
        if found and hit[0].room is None and any(c.dep_ == "poss" and c.lower_ == "its" for c in t.children) and \
                found[-1][0].location != hit[0].location:
            # "swung into the driveway of an old villa and hid his car in its garage": the villa's garage
            hit = (replace(hit[0], location=found[-1][0].location, room=hit[0].location), hit[1])
        found.append(hit)
        if prep is not None and prep.lower_ in _INSIDE and prep.head.pos_ in ("NOUN", "PROPN") \
                and prep.head.dep_ != "ROOT" and not (prep.head.dep_ == "dobj" and
                                                      _stems(prep.head.head.lower_) & set(entries("placing_verbs"))):
            # (not a thing put there: "hides the cub in the hayloft")
            containers.append(hit)   # "the home of his brother in the valley": the valley holds the home
    firm = [f for f in found if not f[1] and f not in containers]
    out = firm + [f for f in found if f[1]] if firm else found
    text = sent.text.lower()
    for pat, room in _ACTIVITIES:
        if re.search(pat, text) and (room != "BEDROOM" or home.split()[-1] in LODGINGS):   # (a fish wakes in no bedroom)
            out.append((Place("INT", home, room), True))
            break
    return out


#: Parts of a building that may be named by the building they belong to ("the roof of the
#: museum"), besides its rooms.
_PARTS = frozenset("roof rooftop porch balcony terrace courtyard entrance lobby basement cellar attic yard".split())


#: Parts of a building out of doors.
_OPEN_PARTS = frozenset("roof rooftop porch balcony terrace courtyard".split())


def a_part(p: Place) -> bool:
    """A place that is a part of a building or settlement, named by itself ("the yard", "the
    roof", "the porch"): a part of wherever the scene is."""
    return p.room is None and p.location.split()[-1].lower() in _PARTS


def _whole_of(t: "Token", key: str, generic: Place | None = None) -> Place | None:
    """A part named with the building it belongs to: "the roof of an office building" is
    OFFICE BUILDING - ROOF, a place of its own, not any rooftop; so is ground of a place no
    list knows ("the parade ground of the fort")."""
    if generic is not None and generic.int_ext == "EXT" and generic.room is None and _outdoor(t):
        key = generic.location.lower()
    elif generic is not None and generic.int_ext == "INT" and generic.room is None and \
            t.lower_.endswith(_ROOM_ENDINGS) and key not in ROOMS:
        key = "room"   # "the storeroom of the fort", "the anteroom of the palace": a room no list knows
    elif key not in _PARTS and key not in ROOMS and key != "room" or key in WEAK:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and (key in ROOMS or key == "room") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "at" and \
            t.doc[t.i + 1].dep_ == "prep":
        of = t.doc[t.i + 1]   # "Renault's office at the prefecture": the building it is in, however parsed
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or whole.pos_ != "NOUN" or whole.tag_ == "NNS" or whole.lower_ in PERSON_NOUNS or \
            whole.lower_ in entries("not_places") or whole.ent_type_ in _NOT_PLACE_ENTS or \
            not any(c.dep_ in ("det", "poss", "compound") for c in whole.children):
        return None
    known = PLACES.get(whole.lower_)
    name = place_name(whole, whole.lower_, known[0] if known and known[0] else whole.text.upper())
    part = "ROOF" if key in ("roof", "rooftop") else ROOMS.get(key, key.upper()) if key != "room" or generic is None \
        else generic.location
    ie = "EXT" if key in _OPEN_PARTS or key == "entrance" or generic is not None and generic.int_ext == "EXT" else "INT"
    return Place(ie, name, part)


def _owned_by_place(t: "Token", p: Place, kinds: dict[str, str]) -> Place | None:
    """A place named as a building's own ("the station's laboratory", "the ship's galley"): a
    part of that building, STATION - LABORATORY; as a settlement's ("the town's clinic") it is
    in the town, so no part of the building the scene is in."""
    owner = next((c for c in t.lefts if c.dep_ == "poss" and c.tag_ == "NN"), None)
    if owner is None or p.room is not None or " - " in p.location:
        return None
    if owner.lower_ in _SETTLEMENT_WORDS:
        return replace(p, site=False, part=False)
    name = kinds.get(owner.lower_) or PLACES.get(owner.lower_, (None, ""))[0]
    if not name or " - " in name or PLACES.get(owner.lower_, ("", "INT"))[1] != "INT":
        return None
    return Place(p.int_ext, name, p.location)


def _fixture_room(t: "Token", home: str) -> Place | None:
    """A room named by what the people handle in it: "empties the kitchen cupboards" puts
    her in the kitchen.  Only a thing the story's own clause acts on, never a person ("the
    office manager") nor a room word that is only a hint by itself (a bed)."""
    key = t.lower_
    thing, verb = t.head, t.head.head
    if t.dep_ != "compound" or key not in ROOMS or key in WEAK \
            or thing.dep_ != "dobj" or thing.lower_ in PERSON_NOUNS or verb.pos_ != "VERB":
        return None
    if thing.i != t.i + 1 or thing.lower_ in _OPENINGS or thing.lower_ in PLACES or thing.lower_ in ROOMS \
            or not in_story_line(verb):
        return None   # "the bedroom door" is seen from outside it; "the office building" is a place
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.tag_ == "PRP" or subj.pos_ == "PROPN" or subj.lower_ in PERSON_NOUNS):
        return None   # a person handles it, not "a tank targets the office block"
    return Place("INT", home, ROOMS[key])


#: What stands between a room and the next, so is handled from either side.
_OPENINGS = frozenset("door doors doorway window windows gate wall walls".split())


def _fixture_place(t: "Token", home: str) -> Place | None:
    """A place named by the thing people sit, stand or lie on or at there: "sits on a park
    bench" is in the park, "sits at the kitchen table" in the kitchen of the home.  Only a
    place word right before the thing, on a verb of posture or rest in the story's own clause
    (at a thing, only a room's: "waits at a bus depot" is at the depot, not on a bus)."""
    thing = t.head
    prep = thing.head
    room = t.lower_ in ROOMS and t.lower_ not in WEAK
    if t.dep_ != "compound" or not (room or t.lower_ in PLACES) or thing.i != t.i + 1 or thing.dep_ != "pobj" or \
            thing.lower_ in PLACES or thing.lower_ in ROOMS or thing.lower_ in _OPENINGS or \
            thing.lower_ in PERSON_NOUNS or thing.tag_ != "NN" or \
            prep.lower_ not in (("on", "at") if room else ("on",)):
        return None
    verb = prep.head
    asleep = bool(_stems(verb.lower_) & {"fall"}) and any(c.lower_ == "asleep" for c in verb.children)
    if verb.pos_ != "VERB" or not (_stems(verb.lower_) & (_POSTURE | _RESTING) or asleep) or not in_story_line(verb):
        return None
    if room:
        return Place("INT", home, ROOMS[t.lower_])
    name, ie = PLACES[t.lower_]
    return Place(ie, name, None) if name else None


#: Verbs of staying put somewhere (with sitting and standing, what one does on a bench or a bed).
_RESTING = frozenset("lie wait sleep rest read doze nap kneel".split())


#: Verbs of taking something away: the place it is taken from is where the taker is.
_TAKING = frozenset("take get fetch grab steal snatch collect retrieve rescue".split())


def _taken_from(t: "Token") -> Place | None:
    """The place somebody takes a thing or person from: "gets a lamp from the shed" is in the
    shed.  Only with a thing taken and a place made particular by "the" or "a"; a verb of going
    ("comes home from the office") leaves the place behind, so it is not where they are."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "from" or t.pos_ not in ("NOUN", "ADJ") or t.tag_ in ("NNS", "JJR", "JJS"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or not _stems(verb.lower_) & _TAKING or not in_story_line(verb) or \
            not any(c.dep_ == "dobj" for c in verb.children):
        return None
    if t.lower_ in PERSON_NOUNS or t.lower_ in entries("not_places") or t.ent_type_ in _NOT_PLACE_ENTS or \
            not any(c.dep_ == "det" for c in t.children) or \
            any(c.dep_ in ("prep", "poss") for c in t.children):
        return None   # "from her neck", "from his hand": what is somebody's own is no place
    key = t.lower_
    if key in PLACES and (name := PLACES[key][0]):
        ie = PLACES[key][1]
        return Place(ie, place_name(t, key, name)) if " - " not in name else None
    if key in ROOMS or key in WEAK:
        return None   # a room of the home is found as one already
    return Place("INT", place_name(t, key, t.text.upper()))


#: Prepositions of going somewhere.
_GOAL_PREPS = frozenset("to into onto toward towards aboard".split())


def _known_place(t: "Token", key: str, prep: "Token | None", home: str) -> tuple[Place, bool] | None:
    """A place or room the word lists know, if the sentence puts its people there."""
    verb = prep.head if prep is not None else t.head
    # under an open place one is at it ("sleeps under a bridge", "the rocks below the cliffs");
    # under a building one is not in it
    under = prep is not None and prep.lower_ in _UNDER and key in PLACES and PLACES[key][1] == "EXT" and \
        key not in VEHICLES and not any(c.dep_ == "dobj" for c in prep.head.children)   # (not "hides him under a boat")
    located = (prep is not None and prep.lower_ in _LOC_PREPS) or under or t.lower_ == "home" or \
        (t.dep_ == "dobj" and (verb.lower_ in _MOTION or bool(_stems(verb.lower_) & _FINDING) or
                               key in VEHICLES and _not_backstory(verb) and bool(_stems(verb.lower_) & _BOARDING)))
    if key in WEAK:
        located = located or t.dep_ in ("dobj", "pobj")
    if key in ("concert", "recital", "opera", "performance") and t.dep_ == "dobj":
        located = True
    if prep is not None and (prep.lower_ == "from" and not _from_there(prep) or prep.dep_ == "agent"):
        return None   # "struck by a van": the one who does it, not where; "returns from the pier"
    weak = key in WEAK
    # only where the sentence's own people are, not a place talked about
    if not (located and in_story_line(verb)):
        # a room worked in ("vacuuming the living room", "seated in the study"): a hint only
        if key in ROOMS and t.dep_ in ("dobj", "pobj"):
            return Place("INT", home, _room_name(t, key)), True
        return None
    if key in ("apartment", "flat", "house", "mansion", "cabin"):
        if PLACES[key][0] != home and any(c.dep_ == "compound" and c.tag_ == "NNP" for c in t.lefts):
            return Place("INT", place_name(t, key, t.text.upper())), weak   # "the Novak house", not home
        if PLACES[key][0] != home and any(c.dep_ in ("poss", "nmod") and c.is_title and c.tag_ != "PRP$" for c in t.children):
            return Place("INT", PLACES[key][0] or key.upper()), weak   # "the Brodys' house" in a story whose home is no house
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        named = [w for g in (of.children if of is not None else []) if g.dep_ == "pobj"
                 for w in g.subtree if w.tag_ == "NNP" and w.is_alpha]
        if named and PLACES[key][0] != home:
            # "a party in the mansion of studio head R.F. Simpson": his, not the home (by its kind:
            # a heading holds no character's name)
            return Place("INT", PLACES[key][0] or key.upper()), weak
        return Place("INT", home, None), weak
    if key == "office" and any(c.dep_ in ("compound", "amod") and c.i == t.i - 1 and c.lower_ not in ROOMS
                               and c.lower_ != "home" and c.pos_ in ("NOUN", "VERB") for c in t.children):
        # "the recruiting office", "the ticket office": an office of a kind is a place of its own
        return Place("INT", place_name(t, key, t.text.upper())), weak
    if key in ROOMS and _whose(t) is not None:
        # "the sheriff's office": somebody's own place, not a room of the characters' home
        return Place("INT", place_name(t, key, t.text.upper())), weak
    if key == "office" and not re.search(r"\b(?:home|house|apartment|flat)\b", t.sent.text, re.IGNORECASE):
        # "back in his office", "the office of the judge": a workplace, no room of the home
        return Place("INT", "OFFICE"), weak
    if key in ROOMS:
        return Place("INT", home, _room_name(t, key)), weak
    name, ie = PLACES[key]
    if name is None or key in ("apartment", "flat", "house", "home") and name == home:
        return Place("INT", home, None), weak
    if ie == "INT" and prep is not None and prep.lower_ == "at" and _stems(verb.lower_) & _POSTURE and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        # "sits at the bar": one sits or stands at a thing in a room, so it is a part of the
        # building the scene is in, not a building of its own
        return Place(ie, place_name(t, key, name), None, site=True, part=True, beside=True), weak
    if " - " in name:   # "ward": a room of a known kind of building
        building, room = name.split(" - ", 1)
        return Place(ie, building, room), weak
    outer = next((c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1 and c.lower_ in PLACES
                  and PLACES[c.lower_][1] == "INT" == ie and c.lower_ not in VEHICLES and key not in VEHICLES), None)
    within = PLACES[outer.lower_][0] if outer is not None else None
    if within and outer is not None and not any(c.dep_ == "compound" and c.i < outer.i for c in t.children):
        # "the hospital chapel", "the prison library": a place inside a known building
        return Place("INT", within, name), weak
    return Place(ie, place_name(t, key, name), None), weak


#: Prepositions of being beneath a thing.
_UNDER = frozenset("under underneath below beneath".split())
#: Verbs of going up or down a thing.
_CLIMBING = frozenset("climb scale ascend descend".split())


def _open_plural(t: "Token") -> bool:
    """The plural of an open place the word list knows ("the cliffs", "the hills"): that place."""
    one = t.lower_[:-1]
    return t.tag_ == "NNS" and t.lower_.endswith("s") and one in PLACES and PLACES[one][1] == "EXT" and \
        PLACES[one][0] == one.upper()


#: Verbs of keeping a posture: "at" on them names a thing beside one, not a building.
_POSTURE = frozenset("sit stand lean perch".split())


def _moving(verb: "Token") -> bool:
    """A verb of going ("come upon a camp", "stumble upon a cabin", "make their way to")."""
    return verb.lower_ in _MOTION or bool(_stems(verb.lower_) & (set(entries("motion_verbs")) | _STUMBLING)) or \
        any(c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children)


_STUMBLING = frozenset("stumble happen chance".split())
#: Verbs of taking cover: "reach the street and hide in a shop" goes on to the shop.
_HIDING = frozenset("hide shelter".split())
#: Verbs whose "from" is where the thing comes from, not where the doer is ("hears a cry from
#: the cellar", "gets a call from the hospital").
_FROM_AFAR = frozenset("hear receive get learn buy order borrow".split())
#: Verbs of coming out of or giving up a place: "emerges from the forest", "resigns from the
#: hospital" leave it.
_LEAVING = frozenset("emerge retreat withdraw resign retire expel dismiss discharge release".split())


def _from_there(prep: "Token") -> bool:
    """"Scatters the ashes from the pier", "waves from the porch": done from a place by someone
    there.  Not going from it ("returns from the pier"), taking from it (found as the place
    taken from), being taken away from it ("is released from the hospital"), nor what comes
    from afar."""
    verb = prep.head
    if verb.lower_ in _SENT_THINGS:
        return False   # "opens a letter from the art school": where it was sent from
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
        verb = verb.head   # the parse hangs it on the thing done to: "scatters the ashes from the pier"
    if verb.pos_ != "VERB" or verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    return not _moving(verb) and not _stems(verb.lower_) & (_TAKING | _FROM_AFAR | _LEAVING) and \
        not any(c.dep_ in ("prt", "advmod") and c.lower_ in ("away", "off", "out", "back", "home")
                for c in verb.children)


#: Things sent from somewhere ("a letter from the school"): "from" says their origin.
_SENT_THINGS = frozenset("letter letters note message telegram postcard card email parcel package call "
                         "invitation summons offer".split())


#: Verbs whose object, a place, is where the people are: "when they find the camp".
_FINDING = frozenset("find discover".split())


def _whose(t: "Token") -> "Token | None":
    """The common noun a place belongs to ("the doctor's office"), if the synopsis says."""
    return next((c for c in t.lefts if c.dep_ == "poss" and c.tag_ == "NN"), None)


def _room_name(t: "Token", key: str) -> str:
    """A room's heading name: the word list's ("sitting room" -> LIVING ROOM), unless the
    synopsis says whose or which it is ("the doctor's office" -> DOCTOR'S OFFICE)."""
    if " " not in key and any(c.dep_ == "compound" and c.pos_ == "NOUN" or
                              c.dep_ == "poss" and c.tag_ == "NN" for c in t.lefts):
        return place_name(t, key, t.text.upper())
    return ROOMS[key]


#: Prepositions that put a thing inside another place ("the room in the hospital").
_INSIDE = frozenset("in at inside on aboard within".split())
#: Links a place phrase climbs through to reach the clause it belongs to.
_PHRASAL = frozenset("prep pobj advmod dobj attr appos compound npadvmod agent amod nmod dative "
                     "nsubj nsubjpass oprd".split())


#: Verbs of calling up the past or the unreal: a place in what they take is in the mind.
_RECALLING = frozenset("remember recall recollect dream imagine reminisce".split())


def in_story_line(head: "Token") -> bool:
    """Whether a phrase hanging on ``head`` tells where the story's people are now.

    The first clause above it decides: a main clause, one joined to it, or an
    adverbial clause with a subject of its own ("when they reach the farm")
    tells the story; a reported, wanted or describing one does not ("she wants
    to go to Paris", "he says he was at the bar", "the town where she grew up",
    "a bus bound for the coast"), nor an adverbial clause without a subject
    ("to find her, he ...").
    """
    cur = head
    for _ in range(64):   # a conjoined verb is the kind of clause its first conjunct is
        # (a noun the parse joins to the verb itself is one more thing recalled)
        if (cur.dep_ in ("dobj", "ccomp", "xcomp", "pobj") or cur.dep_ == "conj" and cur.pos_ == "NOUN") and \
                cur.head.i != cur.i and _stems(cur.head.lower_) & _RECALLING and \
                any(c.dep_ == "nsubj" for c in cur.head.children):   # (not a quoted "Remember who you are")
            return False   # "remembers the afternoon at the railway station": a memory, not where he is
        if cur.dep_ not in _PHRASAL and cur.dep_ != "conj" and not _state(cur) and not _achieved(cur) \
                and not (cur.dep_ == "ccomp" and _stems(cur.head.lower_) & _CAUSING) or cur.head.i == cur.i:
            break   # ("lets her sleep in his flat": what one lets happen happens)
        cur = cur.head
    if any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in cur.children) and \
            cur.lower_ in ("is", "was", "'s"):
        return False   # "it is far to the town": distance talked about, nobody goes there
    if any(c.lower_ == "ago" and c.dep_ == "advmod" for v in {head, cur} for c in v.children):
        return False   # "a killer Kane sent to prison five years ago": before the story, not in it
    colon = next((t for t in head.sent if t.text == ":" and t.i < head.i), None)
    if colon is not None and colon.i > head.sent.start and \
            colon.nbor(-1).lower_ in SAYING_THINGS | TOLD_THINGS:
        return False   # "bursts in with a telegram: Miller is arriving on the noon train": what it says
    if cur.dep_ == "ROOT" or _paratactic(cur):
        return True
    if cur.dep_ == "relcl" and cur.tag_ in ("VBZ", "VBP") and \
            any(c.dep_ == "nsubj" and c.lower_ == "who" for c in cur.children) and \
            cur.sent.root.i < cur.head.i and cur.right_edge.i >= cur.sent.end - 2 and in_story_line(cur.head.head):
        # "She is found by Joe, who lets her sleep it off in his flat": a clause that ends the
        # sentence after its main verb tells what the one met does next (not "the town where she
        # grew up", nor "A pelican, who visits the sill, brings ...": those describe)
        return True
    if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and (cur.head.lower_ in _WHEN_PREPS or cur.head.lower_ == "with"
                                                      and any(c.dep_ == "nsubj" for c in cur.children)):
        # "Upon arriving at the embassy, they ...", "it ends with them walking through a park"
        return in_story_line(cur.head.head)
    if cur.dep_ != "advcl":
        return False
    if cur.lower_ == "set" and cur.tag_ == "VBN" and cur.i == cur.sent.start:
        return True   # "Set on a Greek island, ...": where the whole story is
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
        # "for her son to study at the academy": what for, not what happens; "..., only to find
        # the door locked" is what comes of it
        return any(c.dep_ == "advmod" and c.lower_ == "only" for c in cur.children)
    # an adverbial clause tells the story only where the clause it hangs on does: "wants to
    # leave for the city to work in a mill" stays wanted
    return (any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
            or cur.tag_ == "VBG" and not _wanted(cur)) and in_story_line(cur.head)


#: Verbs that make somebody do what their clause says ("lets her sleep", "makes him wait").
_CAUSING = frozenset("let make have help".split())


def _wanted(gerund: "Token") -> bool:
    """A gerund clause that says why or how, not what happens next: "by going to
    the bank", "for leaving the town", "without going home" (a preposition or a
    "to" before it), unlike "..., escaping to the roof"."""
    return any(c.dep_ in ("mark", "aux") for c in gerund.children) or gerund.head.pos_ != "VERB" or \
        gerund.i > 0 and gerund.doc[gerund.i - 1].pos_ == "ADP"


def _achieved(clause: "Token") -> bool:
    """A verb after one that says it is done: "manage to flee", "end up hiding", "begin to
    climb".  What such a clause does happens in the story, where "wants to go" does not."""
    return clause.dep_ == "xcomp" and clause.pos_ in ("VERB", "AUX") and \
        bool(_stems(clause.head.lower_) & set(entries("achieving_verbs")))


#: Prepositions that make a gerund an event of the story ("upon arriving", "after leaving"),
#: unlike "for bringing shame on the town".
_WHEN_PREPS = frozenset("upon on after before while".split())


def _state(clause: "Token") -> bool:
    """A state the main verb finds someone in, not an act wanted: "finds her hurt in a
    canyon" (a complement without "to"), unlike "wants to go to Paris"."""
    if clause.dep_ == "ccomp" and _stems(clause.head.lower_) & _PERCEIVING:
        return not any(c.dep_ == "mark" for c in clause.children)   # "finds Lucy murdered in a canyon"
    return clause.dep_ in ("xcomp", "oprd", "acomp") and clause.tag_ in ("VBN", "JJ") and \
        not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


#: Verbs of finding and seeing: what they witness, without "that", happens where they are.
_PERCEIVING = frozenset("find discover see watch notice".split())


def _paratactic(clause: "Token") -> bool:
    """A clause the parse hangs on a later one, though it stands on its own: "She sits in
    class; he appears disgusted" (no "that", its own subject, before its head)."""
    return clause.dep_ == "ccomp" and clause.i < clause.head.i and \
        any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and \
        not any(c.dep_ == "mark" for c in clause.children)


def _describes_a_place(prep: "Token") -> bool:
    """A phrase on a noun that places that noun, not the people: "a town near the coast".

    Only "in", "at" and their kind put one place inside another ("a room in the
    hospital" says where the room is, so where the people are); "near", "by",
    "outside" on a place describe it, and so does anything on a noun in apposition.
    """
    owner = prep.head
    if owner.dep_ == "advmod" and owner.head.pos_ in ("NOUN", "PROPN") and prep.lower_ == "to":
        return True   # "a building next to the hotel": where the building stands
    if owner.pos_ not in ("NOUN", "PROPN") or owner.dep_ == "ROOT":
        return False
    if owner.dep_ == "appos":
        return True
    if prep.lower_ not in _INSIDE and owner.lower_ in PERSON_NOUNS and owner.dep_ in ("dobj", "pobj", "attr") and \
            not any(c.dep_ == "poss" for c in owner.children):
        return True   # "believes the woman across the street": which woman, not where the people are
        # (but "visits the old man in the hospital": one is where one visits)
    return prep.lower_ not in _INSIDE and (owner.pos_ == "PROPN" or owner.lower_ in PLACES or owner.lower_ in ROOMS)


#: What people do in one room only: hints for a heading, never a cut.
#: Buildings people live or lodge in: only they have a bedroom to wake in.
LODGINGS = frozenset("HOTEL MOTEL INN HOSTEL LODGE MANSION CASTLE PALACE CABIN COTTAGE VILLA HOUSE FARMHOUSE "
                     "APARTMENT FLAT RANCH FARM HOME".split())
_ACTIVITIES = [
    (r"\b(?:brush(?:es|ing)? (?:his|her|their) teeth|shav(?:es|ing)\b|takes? a (?:shower|bath))", "BATHROOM"),
    (r"\b(?:cook(?:s|ing)? (?:dinner|lunch|breakfast)|eats? (?:dinner|lunch|breakfast)|having (?:dinner|lunch))",
     "KITCHEN"),
    (r"\b(?:wakes? up|awakens|goes to bed|lies? in bed|asleep)\b", "BEDROOM"),
]


_GOAL_OR_SITE = frozenset("in at into inside onto to toward towards upon".split())
_DWELL_ON = frozenset("live stay settle sleep remain hide land".split())   # not "arrives on a tractor"


def _generic_place(t: "Token") -> Place | None:
    """A place no word list knows, from the parse: a noun phrase the people are in or go to.

    "is transferred to a mental institution", "they hide in an old barn": the
    object of a preposition of place, made a particular place by a determiner
    or a noun before it ("in biology class"), on a verb of going or staying, in
    the sentence's own story line.  A room ("the day room", "a storeroom")
    needs no such verb: whatever is done in it is done there.  An event one
    attends ("attend the school prom") is where the people are.  Anything
    unknown is INT, the usual case.
    """
    if t.pos_ != "NOUN" or t.lower_ in entries("not_places") or t.lower_ in FILM_PARTS or len(t.text) < 3 or \
            t.ent_type_ in _NOT_PLACE_ENTS or t.tag_ == "NNS" and t.lower_ not in ROOMS and not _plural_place(t):
        return None
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and _stems(t.head.lower_) & _ATTENDING \
            and in_story_line(t.head):
        return Place("INT", place_name(t, t.lower_, t.text.upper()), None)
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and _stems(t.head.lower_) & _ARRIVING and in_story_line(t.head) \
            and any(c.dep_ == "det" for c in t.children) and any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
                                                                 for c in t.children) \
            and not t.lower_.endswith(_ABSTRACT_ENDINGS):
        # "reaches a trading post", "the Union depot": a place of a kind, or named ("reaches a
        # decision" is none: no kind said)
        return Place("INT", place_name(t, t.lower_, t.text.upper()), None, goal=True)
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and _stems(t.head.lower_) & (_FINDING | _ARRIVING) and \
            t.lower_.endswith(_ROOM_ENDINGS) and any(c.dep_ == "det" for c in t.children) and in_story_line(t.head):
        # "finds a chamber filled with eggs": a room come upon is where they now are, a part of the place
        return Place("INT", place_name(t, t.lower_, t.text.upper()), None, site=True)
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and _stems(t.head.lower_) & _CLIMBING and t.tag_ == "NN" \
            and in_story_line(t.head) and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        # "climbs the tower": a part of the building the scene is in that one goes up
        return Place("INT", place_name(t, t.lower_, t.text.upper()), None, site=True, part=True)
    if t.dep_ != "pobj":
        return None
    prep = t.head
    # "lives on a houseboat", "lands on an island": "on" places people only after a verb of
    # dwelling or arriving ("works on a novel", "waits on tables" are not places)
    on_site = prep.lower_ == "on" and (prep.head.pos_ == "VERB" or verb_read_as_noun(prep.head)) and \
        (bool(_stems(prep.head.lower_) & _DWELL_ON) or _outdoor(t))   # "plays cards on the grounds"
    # "rides across the plain", "walks along the embankment": ground they go over, out of doors
    over = prep.lower_ in ("across", "along") and prep.head.pos_ == "VERB" and _moving(prep.head) and \
        not t.lower_.endswith(_ROOM_ENDINGS) and t.lower_ not in _OPENINGS
    if (prep.lower_ not in _GOAL_OR_SITE and not on_site and not over) or _an_event(t) or _a_state(t):
        return None
    if t.lower_ in PERSON_NOUNS:
        return None    # "rides to the doctor": a person, not a place
    if time_of(t.lower_) is not None or t.lower_ in _SEASONS:
        return None    # "In the autumn, ...", "at dinner": when, not where
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj" and c.ent_type_ in ("ORG", "FAC")), None) \
        if of is not None else None
    if of is not None and not _outdoor(t) and owner is None and not t.lower_.endswith(_ROOM_ENDINGS):
        return None    # "the middle of the street": the street says where ("the grounds of the fort" do too;
        # "the storeroom of the fort" is a room of it)
    if owner is not None and t.lower_.rstrip("s") in ("office", "headquarter", "premise", "building", "factory",
                                                       "warehouse", "studio", "lab", "laboratory"):
        # "the offices of the Pacific Insurance Company": the company's building, named by it
        ent = next((e for e in owner.doc.ents if e.start <= owner.i < e.end), None)
        words = list(ent) if ent is not None else list(owner.subtree)
        name = " ".join(w.text for w in words if w.is_alpha and w.lower_ != "the").upper()
        return Place("INT", name, None, goal=prep.lower_ in ("into", "to", "toward", "towards"))
    if not any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "NOUN" for c in t.children):
        return None
    verb = prep.head
    if prep.lower_ == "at" and verb.pos_ == "VERB" and _stems(verb.lower_) & _POSTURE and in_story_line(verb) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        # "stands at the ring": a thing in the room one sits or stands by, a part of the building
        return Place("INT", place_name(t, t.lower_, t.text.upper()), None, site=True, part=True, beside=True)
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN" and verb.head.pos_ == "VERB":
        verb = verb.head   # "hides the cub in the hayloft": the parse hangs the place on the object
    if verb.pos_ not in ("VERB", "AUX") and not verb_read_as_noun(verb) or not in_story_line(verb):
        return None   # ("Ana and Rui chase the dog into a barn": the verb the tagger read as a noun)
    if _a_things_container(verb, prep, t):
        return None
    if prep.lower_ == "in" and _stems(verb.lower_) & {"arrive"} and not any(c.dep_ == "det" and c.lower_ == "the"
                                                                               for c in t.children):
        return None   # "arrives in a floating bubble": how one comes, no place one is at
    # inside it ("in a guard hut", "into the radio room") may be a part of where they are; at it
    # ("a job at the cannery") is a place of its own
    # ("a boathouse", "the bakeshop": a building of its own by its last word, not a room of this one)
    site = prep.lower_ in ("in", "inside", "into") and not _compound_ending(t.lower_, _BUILDING_ENDINGS)
    if t.lower_.endswith(_ROOM_ENDINGS) or t.tag_ == "NNS" and t.lower_[:-1].endswith(_ROOM_ENDINGS):
        # ("the firm's offices", "the council chambers": rooms, whatever is done in them)
        return Place("INT", place_name(t, t.lower_, t.text.upper()), None, site=site)
    if prep.lower_ in ("to", "toward", "towards") and not _moving(verb) and \
            not _stems(verb.lower_) & (set(entries("motion_verbs")) | _SENDING):
        return None   # "to everyone's relief, the fan works": a verb of staying goes nowhere
    if prep.lower_ in ("toward", "towards") and (t.lower_ in _OPENINGS or t.lower_ in ("exit", "exits")):
        return None   # "runs toward the exit": a way out of where they are, not a place
    outdoor = _outdoor(t)
    if outdoor and prep.lower_ in _INSIDE:
        return Place("EXT", place_name(t, t.lower_, t.text.upper()), None, site=True)
    known = set(entries("motion_verbs")) | set(entries("placing_verbs"))
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "At the ferry terminal, Tomas learns ...", "In the barracks, Aron hides ...": a place put
    # before the subject sets the scene
    # (the parse may lose the subject to the place: "In the cargo hold, Ana and Bo fight")
    lost = subj is None and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children)
    fronted = prep.lower_ in ("at", "in", "inside") and (lost or subj is not None and prep.i < subj.left_edge.i) \
        and prep.i == prep.sent.start and prep.head.i == verb.i
    if over:
        return Place("EXT", place_name(t, t.lower_, t.text.upper()), None)
    # "come upon a burial ground", "swim in the rooftop pool": out of doors
    # ("lands on the planetoid": ground one lands on is out of doors)
    ie = "EXT" if t.ent_type_ == "LOC" or outdoor or prep.lower_ in ("on", "onto") and bool(_stems(verb.lower_) & {"land"}) or \
        any(c.dep_ == "compound" and c.lower_ in _OPEN_PARTS for c in t.children) else "INT"
    if not fronted and not _stems(verb.lower_) & known and not _moving(verb):
        if site and t.tag_ == "NN" and _done_there(t, verb):
            # "they swim in the rooftop pool": a part of the hotel they are at, if they are at one
            return Place(ie, place_name(t, t.lower_, t.text.upper()), None, site=True, part=True)
        return None
    # "hides in the hills" is a place of its own; "In the barracks, ..." opens a part of the camp
    plural = t.tag_ == "NNS"
    return Place(ie, place_name(t, t.lower_, t.text.upper()), None, site=site and (fronted or not plural))


_SEASONS = frozenset("spring summer autumn fall winter".split())


def _a_things_container(verb: "Token", prep: "Token", t: "Token") -> bool:
    """Whether ``t``, a noun no word list knows, is only where a thing is put: "leaves a
    casserole in the microwave", "hides a microphone in her corsage".  One hides a thing where
    one goes ("hides the cub in the hayloft") and goes with what one chases or carries into a
    place ("chase the mask into the trench"); what is a person's own ("her handbag") is never
    a place."""
    if prep.lower_ not in ("in", "into", "inside", "onto") or not _thing_put(verb, t):
        return False
    if any(c.dep_ == "poss" and (c.lower_ in _PERSONAL or c.tag_ == "NNP") for c in t.children):
        return True   # ("into Doc's coat": a thing of somebody's, named by whose it is)
    if _stems(verb.lower_) & _HIDING:
        return False
    return prep.lower_ in ("in", "inside") or \
        not _stems(verb.lower_) & set(entries("motion_verbs")) and not _moving(verb)


def _thing_put(verb: "Token", t: "Token") -> bool:
    """Whether ``verb`` puts a thing (its object, no person nor group) into ``t``."""
    for c in verb.children:
        one = c.lower_[:-1] if c.tag_ == "NNS" and c.lower_.endswith("s") else c.lower_
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < t.i and one not in PERSON_NOUNS and \
                one not in GROUP_NOUNS and c.lower_ not in GROUP_NOUNS and \
                c.ent_type_ not in ("PERSON", "NORP") and not one.endswith(_THING_PROOF_SUFFIXES):
            return True
    return False


#: Endings of nouns of people that few things share ("-er" does: a letter, a poster; the people
#: nouns in "-er" a story uses are in PERSON_NOUNS).
_THING_PROOF_SUFFIXES = tuple(x for x in ROLE_SUFFIXES if x != "er")


#: Possessives of people: what is "her corsage" or "his pocket" is worn or carried, no place.
_PERSONAL = frozenset("his her their my your our".split())
#: Verbs that take or send somebody to a place ("is transferred to a mental institution").
_SENDING = frozenset("take bring transfer send admit lead guide return".split())


def _done_there(t: "Token", verb: "Token") -> bool:
    """Whether "in the X" on ``verb`` says where its doer is, though the verb is no verb of
    going or staying: a particular thing ("the pool", not "her diary"), on a verb of what
    people do at a place of leisure by themselves ("swims in the pool", "dines in the mess").
    Most verbs take "in" for what they are part of ("plays in the band", "dies in the fire")."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in t.children) or _an_event(t):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.tag_ in ("PRP", "NNP") or subj.lower_ in PERSON_NOUNS) or subj.lower_ == "it":
        return False
    return bool(_stems(verb.lower_) & _LEISURE) and not any(c.dep_ == "dobj" for c in verb.children)


#: Verbs of what people do by themselves at a place made for it: in it, they are there.
_LEISURE = frozenset("swim bathe sunbathe dive paddle dine eat drink lounge relax exercise".split())


def _outdoor(t: "Token") -> bool:
    """A noun that names ground out of doors by its ending: one word ("an alleyway", "the
    churchyard"), a noun before the ending's own word ("a burial ground", "the parade
    ground"), or that word in the plural ("the grounds")."""
    w = t.lower_
    if w.endswith(_OUTDOOR_ENDINGS) and w not in _OUTDOOR_ENDINGS:
        return True
    one = w[:-1] if t.tag_ == "NNS" and w.endswith("s") else w
    if one not in _OUTDOOR_ENDINGS or one in entries("not_places"):
        return False
    return t.tag_ == "NNS" or any(c.dep_ in ("compound", "amod") and c.i < t.i for c in t.children)


def _plural_place(t: "Token") -> bool:
    """A plural noun that names one place ("the barracks", "the grounds", "the servants'
    quarters"): "the" before it, and a preposition of being in or at it."""
    return t.dep_ == "pobj" and t.head.lower_ in ("in", "inside", "into", "at", "on") and \
        any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" and c.tag_ == "NN" for c in t.children) \
        and t.lower_ not in PERSON_NOUNS and \
        t.lower_[:-1] not in entries("not_places")


#: Prepositions whose object is a time: what follows them is an event, not a place.
_WHEN = frozenset("during before after until till throughout".split())


def _an_event(t: "Token") -> bool:
    """A noun the synopsis also uses as a time ("during the raid", "before the wedding"): an
    event, so "they leave for the raid" goes to no place called RAID."""
    return any(w.lower_ == t.lower_ and w.dep_ == "pobj" and w.head.lower_ in _WHEN for w in t.doc)


def _a_state(t: "Token") -> bool:
    """"Goes into a rage", "rides into an ambush": a bare noun after "into a", never named again,
    is what befalls the people, not a place they enter (a place is named again, or said which)."""
    det = [c for c in t.children if c.dep_ == "det"]
    return t.head.lower_ == "into" and len(det) == 1 and det[0].lower_ in ("a", "an") and \
        len(list(t.children)) == 1 and not any(w.lower_ == t.lower_ and w.i != t.i for w in t.doc)


#: Verbs whose object is an occasion the people are at ("attends a wedding").
_ATTENDING = frozenset({"attend"})
#: A noun ending so names a room, whatever is done in it ("the day room", "a storeroom").
_ROOM_ENDINGS = ("room", "office", "hall", "ward", "chamber")
#: Endings of abstract nouns ("an agreement", "a decision", "the conclusion"): nothing one reaches
#: as a place.
_ABSTRACT_ENDINGS = ("ment", "tion", "sion", "ance", "ence", "ity", "ness", "ship", "ism")
#: A compound ending so is a building of its own ("a boathouse", "the bakeshop", "a sawmill").
_BUILDING_ENDINGS = ("house", "shop", "store", "mill")


def _compound_ending(word: str, endings: tuple[str, ...]) -> bool:
    """The word is a compound ending in one of ``endings`` (not the ending alone)."""
    return any(word.endswith(e) and len(word) > len(e) + 2 for e in endings)

#: A compound ending so names a place out of doors ("an alleyway", "the churchyard", "a
#: cornfield", "the roadside"), whatever is done there; the ending alone ("way") may not.
_OUTDOOR_ENDINGS = ("way", "yard", "field", "side", "ground")


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
                 "met": "meet", "slept": "sleep", "woke": "wake", "left": "leave", "hid": "hide",
                 # past participles ("is taken to an asylum")
                 "taken": "take", "led": "lead", "driven": "drive", "flown": "fly", "ridden": "ride",
                 "hidden": "hide", "gone": "go", "come": "come", "woken": "wake", "risen": "rise",
                 "swung": "swing", "strode": "stride", "crept": "creep"}
    if word in irregular:
        out.add(irregular[word])
    return out


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def _hyphenated(t: "Token") -> bool:
    """A word of a hyphenated modifier ("upper-middle-class", "run-down")."""
    doc = t.doc
    return any(w.text == "-" for w in t.subtree) or (t.i > 0 and doc[t.i - 1].text == "-") or \
        (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")


def place_name(t: "Token", key: str, name: str) -> str:
    """The place phrase as the synopsis names it: "a mental hospital" -> MENTAL HOSPITAL.

    The head noun's own spelling is kept (accents too: CAFÉ), with the words
    that make it a particular place: proper nouns and nouns before it ("Grand
    Meridian Hotel", "fishing boat"), and adjectives other than ones that only
    describe ("small", "new").  A word list's name that says more than the noun
    ("ward" -> HOSPITAL - WARD) is kept as it is.
    """
    skip = frozenset(entries("place_modifiers_skip"))
    if _plain(name) != _plain(key.upper()):
        return name
    mods: list[str] = []
    doc = t.doc
    if " " not in key and t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 1].whitespace_ == "" and \
            doc[t.i - 2].whitespace_ == "" and doc[t.i - 2].is_alpha:
        # "the prize-giving": one word written with a hyphen, not a kind of "giving"
        return (doc[t.i - 2].text + "-" + t.text).upper()
    for c in t.lefts:
        if " " in key and c.lower_ == key.split()[0]:
            continue   # "cliff path": the first word is part of the name already
        if _hyphenated(c):
            continue   # "a run-down hotel", "an upper-middle-class flat": what kind, not which
        if c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ not in skip and c.is_alpha) or \
                (c.dep_ == "poss" and c.tag_ in ("NNP", "NNPS", "NN", "NNS") and not _no_owner_in_heading(c)):
            words = [w.text for w in c.subtree if (w.is_alpha or w.tag_ == "POS" or w.text == ".")
                     and w.tag_ not in ("DT", "PRP$", "CD")]
            if any(w.tag_ == "CD" or w.like_num for w in c.subtree):
                continue   # "the twelve o'clock train": when it runs, not which place; headings hold no numbers
            mods.append(" ".join(words).replace(" 's", "'S").replace(" '", "'"))
    head = t.text if " " not in key else key
    return " ".join(mods + [head]).upper()


def _no_owner_in_heading(c: "Token") -> bool:
    """An owner a heading leaves out: a kinsman or -woman or a family ("his uncle's boat" is the BOAT, a
    character's, not a place called UNCLE'S) or a place the heading names as the whole ("the
    station's lab" is STATION - LAB).  A post stays: the SHERIFF'S OFFICE; so does a kinsman's
    room, which is no room of the characters' home (MOTHER'S KITCHEN)."""
    kin = (c.lower_ in MALE_NOUNS or c.lower_ in FEMALE_NOUNS or c.lower_ in GROUP_NOUNS) and c.head.lower_ not in ROOMS
    return kin or c.lower_ in PLACES or \
        c.lower_ in _SETTLEMENT_WORDS


def time_of(text: str) -> str | None:
    """Time of day a sentence names, if any."""
    low = text.lower()
    for pat, name in TIME_WORDS:
        if re.search(pat, low):
            return name
    if re.search(r"\b(?:next|following|one|that|same) day\b", low):
        return "DAY"
    return None


#: Verbs (lemmas) whose object is the place one gets to.
_ARRIVING = frozenset("reach enter visit".split())


def named_place(sent: Any, is_person: Any, skip: set[int] | frozenset = frozenset()) -> Place | None:
    """A proper-noun place the people are in or go to ("across the Scottish Highlands")."""
    for t in sent:
        proper = (t.tag_ in ("NNP", "NNPS") or (t.text[:1].isupper() and t.i > t.sent.start and t.is_alpha)) \
            and t.lower_ not in MONTHS_DAYS   # "In May Daniel came back": when, not where
        # a verb whose object is where one gets to: "they reach Veracruz", "enters Rome"
        reached = t.dep_ == "dobj" and bool(_stems(t.head.lower_) & _ARRIVING) and not is_person(t) and t.i not in skip \
            and in_story_line(t.head) and not any(c.dep_ == "neg" for c in t.head.children)
        # "At Chez Lulu, a small restaurant by the quay": the apposition says it is a place,
        # whatever the recogniser takes the name for
        kind = next((c.lower_ for c in t.children if c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in PLACES
                     and PLACES[c.lower_][0] and c.lower_ not in VEHICLES), None)
        if (t.dep_ != "pobj" and not reached) or not proper or is_person(t) and kind is None or t.i in skip or \
                (t.ent_type_ in _NOT_PLACE_ENTS and t.ent_type_ != "PERSON" and not (reached and t.ent_type_ == "ORG")
                 and kind is None):   # the recogniser may miss a town
            continue
        if reached:
            return Place("EXT", t.text.upper(), None)
        if t.head.lower_ not in ("in", "at", "to", "across", "into", "through", "around", "over", "aboard"):
            continue
        if any(c.dep_ == "neg" for c in t.head.head.children) or not in_story_line(t.head.head):
            continue   # "they did not go to Paris", "she wants to go to Paris"
        if t.head.lower_ in ("over", "across", "through", "around") and t.head.head.pos_ in ("NOUN", "PROPN"):
            continue   # "Japan's victory over Russia": what a thing is over, nobody is there
        if any(c.dep_ == "acl" and c.lower_ in ("named", "called") for c in t.children):
            continue   # "meets a Dane named Jensen": someone, not somewhere
        if t.head.lower_ in _INSIDE and (t.head.head.lower_ in PLACES or _whole_named(t.head.head)):
            continue   # "a nurse at a hospital in Accra": the hospital says where, the town holds it
        if t.head.lower_ in _INSIDE and (t.head.head.lower_ in PERSON_NOUNS or t.head.head.lower_ in GROUP_NOUNS
                                         or is_person(t.head.head)):
            continue   # "sends it to her professor in Boston", "tells of his family in Ghent": where they are
        going = set(entries("motion_verbs")) | set(entries("placing_verbs"))
        after = [w for w in t.doc[t.i + 1: t.i + 3] if w.text != ","]
        where = bool(after) and after[0].lower_ == "where"   # "to Phoenix, where she hides"
        if t.head.lower_ == "to" and t.head.head.lower_ not in _MOTION and t.head.head.lemma_ not in _MOTION \
                and not _stems(t.head.head.lower_) & going and not where \
                and not t.head.head.lower_.startswith(("fl", "travel", "sail", "mov", "return", "driv")):
            continue   # "writes to Paris" is not going there ("tracks her to Paris, where ..." is)
        # the name itself: capitalised words run up to it, not what an apposition adds
        # ("Forks, a small town near the Washington coast" is FORKS)
        run = [t]
        while run[0].i - 1 > t.sent.start and t.doc[run[0].i - 1].head.i in {w.i for w in run} \
                and t.doc[run[0].i - 1].dep_ in ("compound", "amod", "nmod"):
            run.insert(0, t.doc[run[0].i - 1])
        words = [w for w in run if w.text[:1].isupper() and w.is_alpha and w.i > t.sent.start
                 and w.tag_ not in ("DT", "IN")]
        if not words:
            continue
        name = " ".join(w.text for w in words).upper()
        low = name.lower()
        nxt = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
        if kind is None and nxt is not None and nxt.text.islower() and nxt.lower_ in PLACES and PLACES[nxt.lower_][0]:
            # "at the Golden Hind saloon" (which the tagger may take for a verb): the kind is in the name
            kind, name = nxt.lower_, name + " " + nxt.text.upper()
        indoor = PLACES[kind][1] == "INT" if kind is not None else t.head.lower_ == "aboard" or \
            any(k in low for k, (_, ie) in PLACES.items() if ie == "INT" and len(k) > 3)
        return Place("INT" if indoor else "EXT", name, None)
    return None


def _whole_named(n: "Token") -> bool:
    """A noun named as the whole a part or room belongs to ("the roof of his building in
    Soho"), or a room one is in or goes to: a place, so a town after it holds it, and the part
    or room is where the scene is."""
    one = n.lower_[:-1] if n.tag_ == "NNS" and n.lower_.endswith("s") else n.lower_
    if n.dep_ == "pobj" and one in ROOMS and one not in WEAK and n.head.lower_ in _GOAL_OR_SITE and \
            n.head.head.pos_ == "VERB":
        return True   # "storms into the firm's offices in Leeds": the offices hold the scene
    return n.dep_ == "pobj" and n.head.lower_ == "of" and \
        (n.head.head.lower_ in _PARTS or n.head.head.lower_ in ROOMS or n.head.head.lower_ in PLACES)


def named_buildings(spans: list[Any]) -> dict[str, str]:
    """A building's full name wherever the synopsis gives it once: MANSION -> ASHFORD MANSION.

    "the Ashford mansion" early, "arrive at the mansion" later: the same place,
    so every heading names it in full.  Only when the text names one such
    building (two named houses leave HOUSE as it is).
    """
    seen: dict[str, set[str]] = {}
    for sp in spans:
        for t in sp:
            if t.tag_ not in ("NN", "NNS"):
                continue
            inside = {w.i for w in t.subtree}
            mods: list[Any] = []
            k = t.i - 1
            while k >= sp.start and k in inside and sp.doc[k].tag_ in ("NNP", "NNPS"):
                mods.insert(0, sp.doc[k])   # "the Grand Meridian hotel": every proper word before it
                k -= 1
            if not mods:
                continue
            name = " ".join([m.text for m in mods] + [t.text]).upper()
            general = PLACES[t.lower_][0] if t.lower_ in PLACES else ROOMS.get(t.lower_, t.text.upper())
            if general:
                seen.setdefault(general, set()).add(name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def apposed_names(spans: list[Any]) -> dict[str, str]:
    """Places the synopsis names and says the kind of beside the name: "Chez Lulu, a small
    café" -> CAFE: CHEZ LULU, so "back at the café" is the same place.  Only when one name
    is given for that kind."""
    seen: dict[str, set[str]] = {}
    for sp in spans:
        for t in sp:
            kind = next((c for c in t.children if c.dep_ == "appos" and c.tag_ == "NN" and
                         c.lower_ in PLACES and c.lower_ not in VEHICLES), None)
            if t.tag_ != "NNP" or kind is None or t.dep_ != "pobj" or " - " in (PLACES[kind.lower_][0] or " - "):
                continue
            after = sp.doc[kind.i + 1] if kind.i + 1 < len(sp.doc) else None
            if after is not None and after.is_alpha and after.pos_ not in ("ADP", "VERB", "CCONJ", "PRON", "SCONJ"):
                continue   # "Joseph Harbin, a hospital orderly": the kind is a word of the person's role
            run = [w for w in sp.doc[t.left_edge.i: t.i + 1] if w.tag_ == "NNP" and w.is_alpha]
            for key in {PLACES[kind.lower_][0] or "", kind.text.upper()}:   # CAFE, and CAFÉ as written
                seen.setdefault(key, set()).add(" ".join(w.text for w in run).upper())
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


#: What the recogniser calls these is no building's name ("the Civil War"); it may call a
#: shop's name a work of art, or a number.
_NOT_KIND_ENTS = frozenset("PERSON NORP GPE EVENT DATE TIME LAW LANGUAGE".split())


def named_kinds(spans: list[Any]) -> dict[str, str]:
    """Kinds of building the synopsis names by a proper name and also by the bare kind:
    "the Harlow Tannery" and "the tannery office" -> tannery: HARLOW TANNERY.

    The name's last word, written in lower case elsewhere as a common noun, is a kind of
    place (no word list needed); only when one name ends with it, and never a person's.
    """
    common = {t.lower_ for sp in spans for t in sp if t.text.islower()}
    seen: dict[str, set[str]] = {}
    for sp in spans:
        for t in sp:
            if t.tag_ == "NNP" and t.dep_ == "compound" and t.lower_ in common and t.lower_ in PLACES and \
                    t.lower_ not in VEHICLES and \
                    t.head.i > t.i and t.head.tag_ == "NNP" and t.lower_ not in entries("not_places") and \
                    all(w.tag_ == "NNP" and w.text[:1].isupper() for w in t.doc[t.i:t.head.i + 1]) and \
                    t.ent_type_ != "WORK_OF_ART" and \
                    sum(1 for w in sp.doc[sp.start:t.i] if w.text in ('"', "\u201c", "\u201d", "``", "''")) % 2 == 0:
                # (not a title in quotation marks: humming "The Harbour Waltz")
                # "Rick's Café Américain", then "the café": the kind first, the name after it
                seen.setdefault(t.lower_, set()).add(" ".join(w.text for w in t.doc[t.i:t.head.i + 1]).upper())
                continue
            if t.tag_ != "NNP" or t.lower_ not in common or t.ent_type_ in _NOT_KIND_ENTS or \
                    t.lower_ in entries("not_places") or t.dep_ == "compound" or t.i == sp.start:
                continue
            mods = [c for c in t.lefts if c.dep_ == "compound" and c.tag_ == "NNP" and c.ent_type_ != "PERSON"]
            if not mods or any(w.dep_ == "compound" and w.tag_ == "NNP" and w.ent_type_ == "PERSON" for w in t.lefts):
                continue
            name = " ".join(w.text for w in t.doc[mods[0].i: t.i + 1] if w.is_alpha).upper()
            seen.setdefault(t.lower_, set()).add(name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k not in ROOMS}


#: Prepositions that place a thing by another ("above the store"), not in it.
_BESIDE = frozenset("above below over under beneath near beside behind by opposite".split())
#: Verbs whose "in", "on" or "at" says where their subject is at home.
_LIVING = frozenset("live work".split())


def _a_building(word: str) -> bool:
    """A kind of building the word list knows, not a vehicle nor a room of one ("ward")."""
    name, ie = PLACES.get(word, (None, ""))
    return bool(name) and ie == "INT" and word not in VEHICLES and " - " not in (name or "")


def home_ground(sent: Any) -> Place | None:
    """Where a sentence says its subject lives or works: "Walt, a keeper on a remote island,
    ...", "an astronomer at an observatory", "lives on a farm".  Where the story opens when
    its first scenes name no place of their own.

    The place is named by its noun and the nouns before it, not the words that describe it
    ("remote"), so that later mentions ("returns to the island") meet the same heading.
    """
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is not None and root.lower_ in ("is", "are", "was", "were"):
        # "The spaceship Nostromo is on its way back to Earth": the story opens aboard it
        kind = next((c for c in subj.lefts if c.dep_ == "compound" and c.lower_ in VEHICLES), None)
        vessel = PLACES.get(subj.lower_, (None, ""))[0] if subj.lower_ in VEHICLES else None
        if vessel:
            return Place("INT", vessel)
        if kind is not None and (subj.pos_ == "PROPN" or subj.text[:1].isupper() and subj.i > sent.start):
            return Place("INT", subj.text.upper())
    if subj is None or not (subj.pos_ == "PROPN" or subj.lower_ in PERSON_NOUNS):
        return None
    living = bool(_stems(root.lower_) & _LIVING) and root.pos_ == "VERB"
    said = {w.i for w in subj.subtree}
    if living and any(w.dep_ == "prep" and w.lower_ in _BESIDE and w.i not in said for w in root.subtree):
        return None   # "lives above the store", "near the mill": a home by it, none of the places named
    holders = ([root] if living else []) + [c for c in subj.children if c.dep_ == "appos"]
    for h in holders:
        work = next((PLACES[c.lower_][0] for c in h.lefts if c.dep_ in ("compound", "amod")
                     and _a_building(c.lower_)), None)
        if work and h is not root:
            return Place("INT", work)   # "a lighthouse keeper": where he works
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "at"):
                continue
            p = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if p is None or p.tag_ != "NN" or p.lower_ in PERSON_NOUNS or p.lower_ in ROOMS or \
                    p.lower_ in entries("not_places") or p.ent_type_ in _NOT_PLACE_ENTS or \
                    time_of(p.lower_) is not None or not any(c.dep_ == "det" for c in p.children):
                continue
            name = " ".join([c.text for c in p.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [p.text]).upper()
            known = PLACES.get(p.lower_)
            if known is None:
                if prep.lower_ == "at":   # "at an observatory"; "in the army", "on the run" are no places
                    return Place("INT", name)
                continue
            if known[0] is not None and " - " not in known[0]:
                return Place(known[1], name if " " in name else known[0])
    return None


def _not_backstory(verb: "Token") -> bool:
    """A past tense in a sentence told in the present is what happened before ("she says
    he took a taxi"), not where the people are now."""
    return verb.tag_ != "VBD" or verb.sent.root.tag_ == "VBD"


def scenery(text: str) -> Place | None:
    """Where a story that names no place is, from what stands there ("the trees" -> a forest).

    The word list holds the things of a few kinds of open country; the kind
    the text mentions most wins.  None when it mentions none.
    """
    counts: Counter[str] = Counter()
    for line in entries("scenery"):
        word, _, place = line.partition(" ")
        counts[place.strip().upper()] += len(re.findall(rf"\b{re.escape(word)}\b", text, re.I))
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    return Place("EXT", best) if n else None


def last_place_word(sent: Any) -> Place | None:
    """The last place a word list knows that the sentence names after a preposition of place,
    in any clause ("a coach comes to carry him to the castle"): what a following "There" means."""
    for t in reversed(list(sent)):
        if t.pos_ != "NOUN" or t.dep_ != "pobj" or t.head.lower_ not in _GOAL_OR_SITE:
            continue
        kind = next((c for c in t.lefts if c.dep_ == "compound" and c.lower_ in PLACES), None)
        if kind is not None and t.lower_ not in PLACES:
            # "the apartment building": a place of a kind the list knows, named as written
            return Place(PLACES[kind.lower_][1], place_name(t, t.lower_, t.text.upper()), None)
        if t.lower_ not in PLACES:
            continue
        name, ie = PLACES[t.lower_]
        if name is None:
            return None   # ("home": whose, this sentence does not say)
        return Place(ie, place_name(t, t.lower_, name), None)
    return None


def there_opens(sent: Any) -> bool:
    """The sentence opens with a "There" that points back to a place ("There he is received by
    the Count"), not the "there" of "There is a knock"."""
    return len(sent) > 2 and sent[0].lower_ == "there" and sent[0].dep_ == "advmod"


def outdoors(sent: Any) -> bool:
    """The sentence is about things that stand out of doors ("the grafted trees blossom"):
    its subject is one of the scenery words."""
    things = {line.partition(" ")[0] for line in entries("scenery")}
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in things for t in sent)


def home_in_full(spans: list[Any], home: str) -> dict[str, str]:
    """The characters' home by the one name the synopsis gives it: HOUSE -> RANCH HOUSE.

    A noun before the home's word ("the ranch house", "a beach house") names
    it; only when the text gives one such name.
    """
    names: set[str] = set()
    for sp in spans:
        for t in sp:
            if t.tag_ == "NN" and t.text.upper() == home:   # ("vaudeville houses": many, none the home)
                names.update(f"{c.text.upper()} {home}" for c in t.lefts
                             if c.dep_ == "compound" and c.tag_ == "NN" and c.is_alpha
                             and not _hyphenated(c) and not list(c.children))   # "middle class" says what kind
    return {home: names.pop()} if len(names) == 1 else {}


def kinds_in_full(spans: list[Any]) -> dict[str, str]:
    """Places the synopsis names by kind once in full: CAMP -> MINING CAMP.

    "a wagon bound for a mining camp", then "in the camp": a noun
    before a place word says which place it is, so a heading with the bare
    word takes the full name, when the text gives only one.
    """
    seen: dict[str, set[str]] = {}
    for sp in spans:
        for t in sp:
            key = t.lower_
            if t.tag_ != "NN" or key not in PLACES or PLACES[key][0] != key.upper():
                continue
            if any(c.dep_ == "compound" and c.tag_ == "NN" and not _hyphenated(c) and not list(c.children)
                   for c in t.lefts):
                seen.setdefault(key.upper(), set()).add(place_name(t, key, key.upper()))
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
