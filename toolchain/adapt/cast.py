"""Who is in the story: characters, their cue names, aliases, actors and sex.

Characters are found from the parse rather than a named-entity tagger:

* a capitalised name is a person when it acts (is the subject of a verb),
  carries an actor credit, a title (Mr., Dr.) or follows "named"; a name that
  only ever follows "in", "to", "at" or "the" is a place or a thing;
* a common noun ("the inspector", "a nurse") is a person by role when it is the
  subject of a verb of saying or a known word for a person; it becomes a cue
  only if it ends up speaking;
* "his daughter Lena", "the caretaker, Mr. Merry", "a woman named Ines" make the
  role an alias of the name, so "the caretaker" later means Mr. Merry;
* a role acting in a paragraph where a new, credited name first appears, and
  never mentioned again, is that name (the student who is later called by name);
* sex comes from titles, gendered nouns and which pronoun takes up a subject in
  the next clause; it is what lets "she" find its person.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .lexicon import (
    FEMALE_NOUNS, GROUP_NOUNS, ROLE_SUFFIXES, HONORIFICS, HONORIFICS_F, HONORIFICS_M, MALE_NOUNS, MONTHS_DAYS,
    INTENT_VERBS, ORGANISATION_NOUNS, PERSON_NOUNS, PRON_GENDER, SPEECH_VERBS,
)
from .grammar import verb_read_as_noun
from .lexicons import entries
from .places import PLACES, ROOMS
from .written import FILM_PARTS, SAYING_THINGS, TOLD_THINGS

_PLACE_PREPS = frozenset("in at to from near into across through toward towards outside inside around "
                         "of on onto by via".split())
#: Those of them that only say where (not "to Ana", "from Ana", "of Ana", "by Ana").
_WHERE_PREPS = frozenset("in at near into across through toward towards outside inside around on onto via".split())
#: Verbs of going (lemmas), from the motion lexicon: "sets off for X" names where X is.
_GOING = frozenset(entries("motion_verbs"))
#: Verbs (lemmas) whose object is the place one gets to ("they reach Faro").
_REACHING = frozenset("reach enter".split())
#: Kinds of place and vessel whose name follows the word ("the river Weser", "the ship Arcadia").
_NAMED_KINDS = frozenset("river lake sea ocean bay island mountain valley moon planet star comet asteroid galaxy "
                         "ship boat vessel yacht liner steamer freighter tanker submarine spaceship starship station "
                         "town city village county province region state country street avenue road square".split())
#: Determiners that name nobody in particular ("either man", "each guest", "no doctor").
_NOBODY_IN_PARTICULAR = frozenset("either neither each every any no".split())
#: Words that open a sentence to move the story on in time ("Afterward", "Meanwhile").
_TIME_SHIFTS = frozenset(entries("time_shifts"))
_ORDINALS = {"second": "SECOND", "new": "SECOND", "another": "SECOND", "other": "SECOND",
             "third": "THIRD", "fourth": "FOURTH"}
_SUBJ = ("nsubj", "nsubjpass")


@dataclass
class Person:
    """One character: cue name, the forms that name them, actor, sex."""

    key: str
    cue: str
    named: bool
    forms: set[str] = field(default_factory=set)
    actor: str | None = None
    gender: str | None = None
    mentions: int = 0
    first: int = 10 ** 9          # index of the sentence of first mention
    votes: Counter = field(default_factory=Counter)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Person) and other.key == self.key


@dataclass
class Mention:
    """A person named in a sentence: token span and whether it is a subject."""

    person: Person
    start: int
    end: int
    subject: bool


#: Parts of speech that never start a name, however often the word is capitalised
#: ("They" opening sentences of a quotation is not a character).
_FUNCTION_POS = frozenset("PRON DET ADP CCONJ SCONJ AUX PART NUM PUNCT".split())


def _is_cap(tok: Any) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _cue(words: Iterable[str]) -> str:
    return " ".join(words).upper()


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name without the titles before it: ("Rev.", "Captain", "Sam", "Clay") -> ("Sam", "Clay")."""
    k = 0
    while k < len(words) - 1 and words[k].lower() in HONORIFICS:
        k += 1
    return words[k:]


def in_quotes(tok: Any) -> bool:
    """Whether a token stands inside a quotation of its sentence (an odd number of double
    quotation marks before it)."""
    sent = tok.sent
    return sum(1 for t in tok.doc[sent.start:tok.i] if t.text in ('"', "\u201c", "\u201d")) % 2 == 1


def _role_head(tok: Any) -> bool:
    """A singular common noun that could name one person."""
    # (a lower-case word tagged as a proper noun is a common noun the tagger slipped on)
    return (tok.tag_ == "NN" or tok.tag_ == "NNP" and (tok.is_lower or _capital_role(tok))) \
        and tok.lower_ not in GROUP_NOUNS and tok.lower_ not in ORGANISATION_NOUNS and tok.is_alpha


#: Titles that are also a rank one is called by alone ("the Count", "the Baroness"), unlike
#: forms of address ("Mr.", "Señora") that only ever stand before a name.
_RANKS = frozenset(w for w in HONORIFICS if not w.endswith(".") and w not in frozenset(
    "mr mrs ms miss monsieur sir señor senor herr signor don madame mme mademoiselle señora senora frau "
    "signora dr prof capt sgt rev lance staff".split()))


def _capital_role(tok: Any) -> bool:
    """A word for a person written with a capital, as old scenarios and fables name their
    characters ("the Squire", "a Stranger"): a person noun after an article, not a title
    before a name ("the Reverend Amos Pell") nor the end of one ("the Prime Minister")."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if not tok.is_title or (nxt is not None and _is_cap(nxt) and nxt.tag_ in ("NNP", "NNPS")):
        return False
    if _titled_agent(tok):
        return True   # ("the Wicked Witch": a title's capitalised epithet is part of it)
    return (tok.lower_ in PERSON_NOUNS or tok.lower_ in _RANKS) and \
        any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children) and \
        not any(c.dep_ == "compound" and _is_cap(c) for c in tok.lefts)


def _titled_agent(tok: Any) -> bool:
    """A capitalised noun no list knows as a person's, after "the", that vows, wants, thinks or
    says ("The Wicked Witch vows revenge", "the Wizard tries to ..."): a character the story
    names by a title, as fairy tales do.  Not a place, a group or an organisation."""
    if tok.tag_ != "NNP" or tok.dep_ != "nsubj" or not tok.head.tag_.startswith("VB") or \
            tok.lower_ in PLACES or tok.lower_ in ROOMS or tok.lower_.endswith(("room", "office", "hall", "house")) or \
            tok.lower_ in GROUP_NOUNS or \
            tok.lower_ in ORGANISATION_NOUNS or tok.ent_type_ in ("FAC", "GPE", "LOC") or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    from .places import _stems   # (no lemmatizer here: one of the forms is the verb's)
    agentive = SPEECH_VERBS | INTENT_VERBS | set(entries("mind_verbs")) | {"try"}
    return bool(_stems(tok.head.lower_) & agentive)


#: Nouns that say only a person's sex (and age): "the old woman" may be anybody of hers.
_GENERIC_PEOPLE = frozenset("man woman lady gentleman".split())
#: Kin nouns and the nouns for the other side of the same tie ("her brother" of "Owen's sister").
_KIN_INVERSE = {
    "brother": ("sister", "brother"), "sister": ("sister", "brother"),
    "father": ("son", "daughter"), "mother": ("son", "daughter"),
    "son": ("father", "mother"), "daughter": ("father", "mother"),
    "husband": ("wife",), "wife": ("husband",),
}
#: No noun told apart by adjectives.
_NO_SPLIT: Mapping[str, Counter] = {}


def _own_possessive_sex(name: Any) -> str | None:
    """The sex of a his/her on what a subject does itself ("the squire, Edward Vane, sees
    Ruth and loses his heart": M), or None: a possessive in the object of the subject's own
    verb, or of a verb joined to it with no subject of its own."""
    subj = name.head if name.dep_ == "appos" else name
    if subj.dep_ not in _SUBJ:
        return None
    verbs = {subj.head.i} | {c.i for c in subj.head.children
                             if c.dep_ == "conj" and not any(g.dep_ in _SUBJ for g in c.children)}
    for t in name.sent:
        if t.tag_ != "PRP$" or t.lower_ not in ("his", "her"):
            continue
        h = t.head
        while h.dep_ in ("dobj", "pobj", "prep") and h.head.i != h.i:
            h = h.head
        if h.i in verbs and h.i != t.head.i:
            return PRON_GENDER[t.lower_]
    return None


def _role_key(tok: Any, split: Mapping[str, Counter] = _NO_SPLIT) -> tuple[str, str]:
    """(key, cue) of a role noun phrase: ordinal + compounds + head.  For a noun in ``split``
    (the text tells two such apart by an adjective: "an old man and a young man") the
    adjective is part of the key: OLD MAN, YOUNG MAN."""
    ordinal = ""
    comps: list[str] = []
    for ch in tok.lefts:
        low = ch.lower_
        if low in _ORDINALS and ch.dep_ in ("amod", "det", "advmod", "compound"):
            ordinal = _ORDINALS[low]
        elif ch.dep_ == "compound" and ch.tag_ in ("NN",) and ch.is_alpha:
            comps.append(ch.text.upper())
    head = tok.text.upper()
    if tok.lower_ in split and not ordinal:
        adj = _telling_adjective(tok, split)
        if adj:
            head = f"{adj.upper()} {head}"
    key = f"{ordinal} {head}".strip()
    cue = " ".join(([ordinal] if ordinal else []) + comps + [head])
    return key, cue


def _telling_adjective(tok: Any, split: Mapping[str, Counter] = _NO_SPLIT) -> str | None:
    """The adjective that names which one a noun phrase means, in its plain form: of those before
    the noun, the one the text uses most with it, else the nearest ("a scruffy grey owl ... the
    grey owl" -> "grey"; "a younger, healthier tree ... the young tree" -> "young")."""
    adjs = _telling_adjectives(tok)
    if not adjs:
        return None
    used = split.get(tok.lower_, Counter())
    return max(reversed(adjs), key=lambda a: used[a])


def _telling_adjectives(tok: Any) -> list[str]:
    """The adjectives a noun phrase puts before its noun, in order and plain form."""
    out = []
    for prev in tok.lefts:
        # (a colour the tagger makes a compound: "the grey owl")
        adjective = prev.dep_ == "amod" and (prev.tag_ in ("JJ", "JJR", "JJS") or prev.is_lower) or \
            prev.dep_ == "compound" and prev.is_lower and prev.tag_ in ("JJ", "NNP")
        if not adjective or not prev.is_alpha or prev.lower_ in _ORDINALS:
            continue
        low = prev.lower_
        for end in ("er", "est"):
            if prev.tag_ in ("JJR", "JJS") and low.endswith(end) and len(low) > len(end) + 2:
                low = low[: -len(end)]
                break
        out.append(low)
    return out


#: Adjectives that only point or count ("the other man", "the same woman"): no description.
_POINTING_ADJECTIVES = frozenset("other another same only certain such own whole next last first".split())


def _described(tok: Any, cue: str) -> tuple[str, str | None]:
    """The cue of a person met as a bare man or woman, with the adjective the text first gives
    ("an older woman at a nearby table" -> OLDER WOMAN), as scripts tell such people apart;
    and that phrase as written, or None when the cue stays as it was."""
    if tok.lower_ not in _GENERIC_PEOPLE or cue != tok.text.upper():
        return cue, None
    adj = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "amod" and c.tag_ in ("JJ", "JJR")
                and c.is_alpha and c.lower_ not in _POINTING_ADJECTIVES), None)
    return (f"{adj.text.upper()} {cue}", f"{adj.text} {tok.text}") if adj is not None else (cue, None)


def _told_apart(sents: list[Any]) -> dict[str, Counter]:
    """Nouns the text uses for two individuals told apart by adjectives in one sentence
    ("a hollow tree and a younger tree", "an old man and a young man"), each with how often
    the text puts each adjective before it."""
    split: set[str] = set()
    used: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        seen: dict[str, set[str]] = defaultdict(set)
        for t in s:
            if _role_head(t) and any(c.dep_ == "det" for c in t.children):
                adjs = _telling_adjectives(t)
                used[t.lower_].update(adjs)
                if adjs:
                    seen[t.lower_].add(adjs[-1])
        split |= {noun for noun, adjs in seen.items() if len(adjs) > 1}
    return {noun: used[noun] for noun in split}


_SOMEONE = Person("<someone>", "", False)
#: A child named by sex is the story's son or daughter when it has one ("the boy", "his son Leo").
_CHILD_KIN = {"BOY": "SON", "GIRL": "DAUGHTER"}


class Cast:
    """The characters of one synopsis and the means to find them in a sentence."""

    def __init__(self, sents: list[Any], paragraph_of: list[int],
                 asides: list[tuple[int, str, str]], lemma: Callable[[Any], str]):
        self.sents = sents
        self.paragraph_of = paragraph_of
        self.lemma = lemma
        self.people: dict[str, Person] = {}
        self.form_to_key: dict[str, str] = {}
        self.role_alias: dict[str, str] = {}     # role key -> person key
        self.placelike: set[str] = set()
        self.thinglike: set[str] = set()   # names the text only ever uses as places or things
        self.nicknames: Counter = Counter()   # names used in a full name with a quoted nickname, and how often
        self.given_names: set[tuple[str, ...]] = set()   # the first names of those full names
        self.nick_phrases: dict[tuple[str, ...], set[str]] = {}   # full name -> as written with its nickname
        self._kin_nouns: list[tuple[Any, Any]] | None = None   # kin nouns with his/her, read once
        self._mentions: dict[tuple[int, int], list[Mention]] = {}
        self._split = _told_apart(sents)
        self._discover_names(asides)
        self._discover_roles()
        self._link_later_named()
        self._vote_gender()

    # -- names ------------------------------------------------------------
    def _capwords(self) -> set[str]:
        caps: Counter = Counter()
        lows: Counter = Counter()
        for s in self.sents:
            for i, t in enumerate(s):
                if not t.is_alpha:
                    continue
                if t.text[0].isupper():
                    if i > 0 and s[i - 1].text not in ('"', "'", ":", ".", "!", "?", "\u201c"):
                        caps[t.text] += 1
                else:
                    lows[t.text.lower()] += 1
        return {w for w, n in caps.items() if n > lows[w.lower()]}

    def name_spans(self, sent: Any) -> list[tuple[int, int]]:
        """Token spans (sentence-relative) of capitalised names, titles included."""
        out: list[tuple[int, int]] = []
        sent = list(sent)   # plain list: indexing a spaCy span is slow
        i, n = 0, len(sent)
        while i < n:
            j = i
            while j < n and self._namey(sent, j):
                j += 1
            if j > i:
                if i == 0 and j - i >= 2 and sent[0].ent_type_ != "PERSON" and sent[0].lower_ not in HONORIFICS \
                        and sent[1].ent_type_ == "PERSON" and sent[1].ent_iob_ == "B" \
                        and sent[0].text not in getattr(self, "capwords", ()) and not self._said_again(sent[0]):
                    i = 1   # "Old Tom Reed lives ...": a word capitalised by the sentence, not of the name
                    # (not one the text names elsewhere too: "Ilona Bartok hides ... Ilona cries")
                # a title alone is not a name, unless it is somebody's: "Don calls out" (no article,
                # the subject of a verb, which the recogniser calls a person)
                if not (j - i == 1 and sent[i].lower_ in HONORIFICS) or \
                        (sent[i].dep_ in ("nsubj", "nsubjpass") and sent[i].ent_type_ == "PERSON"):
                    out.append((i, j))
                i = j
            else:
                i += 1
        return out

    def _told_of(self, tok: Any) -> bool:
        """Whether a token stands in the question a verb of saying or asking reports ("asks him
        what Edinburgh is like")."""
        node = tok
        for _ in range(12):
            if node.dep_ in ("ccomp", "xcomp") and node.head.tag_.startswith("VB") and \
                    self.lemma(node.head) in SPEECH_VERBS:
                # (a question's topic: "asks what Edinburgh is like", "wonders where Ely is";
                # not one told of in a that-clause, who may be there: "says Emil taught her to skate")
                return node.left_edge.tag_ in ("WP", "WRB", "WDT")
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _said_again(self, tok: Any) -> bool:
        """Whether the text has the capitalised word anywhere else, as written."""
        return any(t.text == tok.text and t.i != tok.i for s in self.sents for t in s)

    def _namey(self, sent: Any, i: int) -> bool:
        t = sent[i]
        if t.text.isdigit() and len(t.text) <= 3 and i > 0 and sent[i - 1].is_alpha and _is_cap(sent[i - 1]) \
                and sent[i - 1].tag_ in ("NNP", "NN") and self._namey(sent, i - 1):
            return True   # "Juror 8", "Agent 47": a number that is part of the name
        if _is_cap(t) and t.tag_ in ("NN", "NNP") and i + 1 < len(sent) and sent[i + 1].text.isdigit() and \
                len(sent[i + 1].text) <= 3 and (t.lower_ in PERSON_NOUNS or t.lower_.endswith(ROLE_SUFFIXES)):
            return True   # "Juror 8": a role with its number is somebody's name
        if not _is_cap(t) or t.lower_ in MONTHS_DAYS or t.text in ("I", "I'm", "I'll"):
            return False
        if t.lower_ in HONORIFICS and i + 1 < len(sent) and _is_cap(sent[i + 1]):
            return True
        if _capital_role(t):
            return False   # "the Squire": a role, however it is written
        if i == 0 and t.lower_ in _TIME_SHIFTS:
            return False   # "Afterward Brooke finds ...": the word that moves the story on, not a name's
        if t.text in self.form_to_key and (i > 0 or t.text in self.capwords or t.tag_ in ("NNP", "NNPS")):
            return True   # a known name, whatever tag the tagger gave it (opening a sentence: tagged as one)
        if i == 0 and t.tag_ in ("NNP", "NNPS") and self.people and t.text in self._by_first_word():
            return True   # "Max and Nan invite ...": the first name of "Max Bell" opening a sentence
        if t.tag_ in ("NNP", "NNPS"):
            # "Orla angrily accuses him": a manner adverb may stand between name and verb
            j = i + 1
            while j < len(sent) and sent[j].tag_ == "RB":
                j += 1
            # (the first word of a text is capitalised anyway: "Clara Bell is a teacher" is one
            # name when the entity recogniser reads the two words as one person)
            # "Vera Holm waits": a sentence opening with two proper nouns opens with a full name
            # (a word opening quoted words is capitalised anyway: '"Nobody misses anybody. Why ..."')
            # (not a nickname set in a name: Ellis "Red" Redding, their friend "Charley")
            opens = i > 0 and in_quotes(t) and (sent[i - 1].text in ('"', "\u201c", "``") and
                                                (i == 1 or sent[i - 2].is_punct) or sent[i - 1].text in (".", "!", "?"))
            if opens and t.text not in self.capwords:
                return False
            return i > 0 or t.text in self.capwords or (j < len(sent) and sent[j].tag_.startswith("VB")) or \
                (i == 0 and len(sent) > 1 and sent[1].tag_ in ("NNP", "NNPS") and _is_cap(sent[1])) or \
                (t.ent_type_ == "PERSON" and i + 1 < len(sent) and sent[i + 1].ent_iob_ == "I")
        if t.text in self.capwords and t.is_alpha and t.tag_ not in ("VB", "VBZ", "VBD", "VBP", "VBG", "IN", "DT") \
                and t.pos_ not in _FUNCTION_POS:
            return True  # a name the tagger mistook at the start of a sentence
        if 0 < i < len(sent) - 1 and t.tag_ == "MD" and t.is_title and sent[i - 1].tag_ in ("NNP", "NNPS") \
                and sent[i + 1].tag_ in ("NNP", "NNPS") and _is_cap(sent[i + 1]):
            return True  # "Corporal Will Schofield": a capitalised modal between names is a name
        return False

    def _nicknamed(self, ev: Mapping[tuple[str, ...], Counter]) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
        """Full names with a quoted nickname inside ("Felix "the Weasel" Dunne", "Bonifacio "Uncle
        Bo" Arteaga"): the full name (first name and surname) -> its first name, nickname (with and
        without a title or "the") and surname.  Quoted capitalised words set between two names say
        who the nickname is of; a nickname elsewhere is somebody's line."""
        quotes = ('"', "\u201c", "\u201d")
        out: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for s in self.sents:
            spans = self.name_spans(s)
            ends = {b: (a, b) for a, b in spans}
            for a2, b2 in spans:
                if a2 < 4 or s[a2 - 1].text not in quotes:
                    continue
                opening = next((k for k in range(a2 - 2, max(a2 - 6, 0), -1) if s[k].text in quotes), None)
                if opening is None or opening not in ends:
                    continue
                inner = [t for t in s[opening + 1:a2 - 1]]
                if inner and inner[0].lower_ == "the":
                    inner = inner[1:]
                if not inner or not all(_is_cap(t) and t.is_alpha for t in inner):
                    continue
                a1, b1 = ends[opening]
                if a1 == 0 and b1 > 1 and s[0].text not in self.capwords:
                    a1 = 1   # ("Pawnbroker Felix ...": capitalised by the sentence)
                given = tuple(t.text for t in s[a1:b1])
                surname = tuple(t.text for t in s[a2:b2])
                nick = tuple(t.text for t in inner)
                full = given + surname
                out.setdefault(full, set()).update({given, surname, nick, _core(nick)})
                self.nicknames.update((given, surname, nick))
                self.given_names.add(given)
                self.nick_phrases.setdefault(full, set()).add(s[a1:b2].text)   # capitalised whole when met
        return out

    def _spouses(self) -> dict[str, set[str]]:
        """Names said to have a wife ("Pavel's wife") or a husband: such a man is not
        "Mrs. Novak" nor such a woman "Mr. Novak", whatever surname they share."""
        out: dict[str, set[str]] = {"mrs": set(), "miss": set(), "ms": set(), "mr": set()}
        for s in self.sents:
            for t in s:
                if t.lower_ in ("wife", "husband"):
                    for c in t.children:
                        if c.dep_ == "poss" and c.tag_ == "NNP":
                            for title in (("mrs", "miss", "ms") if t.lower_ == "wife" else ("mr",)):
                                out[title].add(c.text)
        return out

    def _discover_names(self, asides: list[tuple[int, str, str]]) -> None:
        self.capwords = self._capwords()
        ev: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        first: dict[tuple[str, ...], int] = {}
        count: Counter = Counter()
        for si, s in enumerate(self.sents):
            for a, b in self.name_spans(s):
                words = tuple(t.text for t in s[a:b])
                count[words] += 1
                first.setdefault(words, si)
                head = s[b - 1]
                e = ev[words]
                if head.dep_ in _SUBJ or (head.dep_ == "conj" and head.head.dep_ in _SUBJ):
                    e["person"] += 1
                if self._told_of(head):
                    e["told of"] += 1
                sex = _own_possessive_sex(head)
                if sex:
                    e["sex " + sex] += 1   # ("Lady Vane" is then not "Edward Vane ... loses his heart")
                nxt = s[b] if b < len(s) else None
                if nxt is not None and nxt.tag_ in ("VBZ", "VBD", "VBP", "MD") and nxt.dep_ != "aux":
                    e["person"] += 1
                elif nxt is not None and nxt.tag_ == "NNS" and head.dep_ == "compound" and verb_read_as_noun(nxt):
                    e["person"] += 2   # "Oskar sails north", "sails" read as a noun: its subject, and a verb after it
                if head.ent_type_ == "PERSON" and b - a >= 2 and head.dep_ in ("dobj", "dative", "pobj", "conj"):
                    e["person"] += 1   # "offers Tom Hale a ride": a full name the recogniser calls a person
                if s[a].lower_ in HONORIFICS:
                    e["person"] += 2
                elif b - a >= 2 and s[a].lower_ in PLACES and s[a].lower_ not in PERSON_NOUNS and a > 0 and \
                        (s[a - 1].tag_ == "POS" or s[a - 1].lower_ in _PLACE_PREPS):
                    # "at Rick's Café Américain", "in the Hotel Sacher": a place named by its kind first
                    # ("Camp Freddie handles the money" is somebody)
                    e["place"] += 3
                if head.dep_ == "appos" and (head.head.lower_ in PERSON_NOUNS or
                                             head.head.tag_ in ("NN", "NNP") and head.head.lower_.endswith(ROLE_SUFFIXES)
                                             and head.head.lower_ not in PLACES):
                    e["person"] += 2   # "the girl, Ama,", "a young Frenchwoman, Lauri," (not "a restaurant")
                if any(c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in PLACES for c in head.children):
                    e["place"] += 3   # "at Chez Amélie, a small French restaurant,": a place by its name
                    e["kind"] += 1
                if any(c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in PERSON_NOUNS for c in head.children):
                    e["person"] += 2   # "follows Eleni, a fisherman's widow": the role set beside the name
                if any(c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in PLACES for c in head.children):
                    e["place"] += 2   # "At Chez Lulu, a small restaurant by the quay": the kind beside it
                    e["kind"] += 1
                if head.dep_ in ("dobj", "dative"):
                    e["object"] += 1
                    if head.head.pos_ in ("VERB", "AUX") and self.lemma(head.head) in SPEECH_VERBS:
                        e["person"] += 2   # "tells María that...": somebody is told
                prev = s[a - 1].lower_ if a > 0 else ""
                j = a - 1
                while j > 0 and s[j].tag_ in ("JJ", "JJR", "JJS"):
                    j -= 1
                if j >= 0 and j < a - 0 and s[j].lower_ in ("a", "an") and b - a == 1:
                    e["article"] += 1   # "a young Frenchwoman": a kind of person, not a name
                if prev in ("named", "called"):
                    e["person"] += 2
                if prev in ("and", ",") and a >= 2 and s[a - 2].ent_type_ == "PERSON" and b - a >= 2 and \
                        s[a - 2].tag_ == "NNP":
                    e["person"] += 1   # "Thomas Reid and Effie Crane": a full name listed with a person's
                if head.dep_ == "appos" and head.head.tag_ == "NN" and head.head.dep_ in _SUBJ:
                    e["person"] += 1   # "the constable, Ida Berg, arrests ...": a doer's name
                if prev == "for" and a >= 2 and self.lemma(s[a - 2]) in _GOING:
                    e["place"] += 2   # "leaves for Lisbon": a destination, whatever the parse says
                    e["destination"] += 1
                if head.dep_ == "pobj" and head.head.dep_ == "agent" and \
                        head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"):
                    e["person"] += 2   # "is welcomed by Laurie Moss": who does it (not "by the river")
                if head.dep_ == "dobj" and self.lemma(head.head) in _REACHING:
                    e["place"] += 2   # "they reach Faro": where one gets to
                    e["destination"] += 1
                if a > 0 and s[a - 1].tag_ == "NN" and s[a - 1].is_lower and (prev in PLACES or prev in _NAMED_KINDS):
                    e["place"] += 2   # "the river Weser", "the ice moon Veyra", "the mining ship Kestrel Dawn"
                    e["kind"] += 1
                if prev == "the":
                    e["place"] += 2
                elif prev in _PLACE_PREPS and not (nxt is not None and nxt.tag_ == "POS"):
                    e["place"] += 1
                    if prev in _WHERE_PREPS:
                        e["where"] += 1
        credited: dict[str, str] = {}
        for si, name_before, actor in asides:
            m = re.search(r"((?:[A-Z\u00c0-\u00de][\w'\u00c0-\u024f.\-]*\s)*[A-Z\u00c0-\u00de][\w'\u00c0-\u024f\-]*)\W*$",
                          name_before)
            if m:
                words = tuple(m.group(1).split())
                # keep the name only: drop a leading sentence word such as "The"
                while len(words) > 1 and words[0].lower() not in HONORIFICS and words not in count:
                    words = words[1:]
                nick = re.search(r"((?:[A-Z\u00c0-\u00de][\w'\u00c0-\u024f.\-]*\s)*[A-Z\u00c0-\u00de][\w'\u00c0-\u024f\-]*)"
                                 r"\s+[\"\u201c][^\"\u201c\u201d]{1,40}[\"\u201d]\s+" + re.escape(" ".join(words)) + r"\W*$",
                                 name_before)
                if nick and len(words) == 1:
                    given = tuple(nick.group(1).split())
                    while len(given) > 1 and given not in count:
                        given = given[1:]
                    words = given + words   # "Briegel "Beeze" Dwyer (X)": X plays Briegel Dwyer
                credited[" ".join(words)] = actor
                ev[words]["person"] += 3
                count[words] += 0
                first.setdefault(words, si)
        for w, e in ev.items():
            if e["object"] >= 2:
                e["person"] += 1   # "drives Ama home", "brings Ama in": somebody, not somewhere
        credited_names = {tuple(x.split()) for x in credited}
        persons = [w for w, e in ev.items() if e["person"] > e["place"] and e["person"] > 0
                   and not (e["article"] >= count[w] and w not in credited_names)]
        # (a word always after "a"/"an" is a kind of person: "a young Frenchwoman"; "an overjoyed
        # Giosue" once among many plain mentions is still Giosue)
        # names the text goes to: the entity recogniser's PERSON does not overrule that
        # (and a name only ever after "in", "at", "near" and the like, with nothing a person does:
        # "their street in Debrecen", whatever the recogniser calls it)
        self.placelike = {" ".join(w) for w, e in ev.items() if e["destination"] and e["place"] >= e["person"]
                          or e["where"] == count[w] > 0 and e["person"] == 0 and w not in credited_names
                          or e["kind"] and e["place"] > e["person"] and w not in credited_names}
        # a single name met once, as the topic of a question somebody asks, is talked of, not met:
        # "asks him what Edinburgh is like" names no one who can be "he" next
        talked_of = {w for w, e in ev.items() if len(w) == 1 and count[w] == 1 and e["told of"] == 1
                     and w not in credited_names}
        persons = [w for w in persons if w not in talked_of]
        # names the text uses as places or things and never as anybody ("the ice moon Veyra ... aboard
        # the Veyra"): no entity recogniser's PERSON makes them somebody
        self.thinglike = {" ".join(w) for w, e in ev.items() if w not in persons and w not in credited_names
                          and (e["place"] > e["person"] or e["kind"] or len(w) > 1 and w[-1].lower() in PLACES)}
        self.placelike |= {" ".join(w) for w in talked_of}
        spouses = self._spouses()
        # Group forms: "Ines" joins "Ines Marlowe", "Merry" joins "Mr. Merry", near-spellings merge.
        groups: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        owner: dict[tuple[str, ...], tuple[str, ...]] = {}
        # a nickname quoted inside a name is one person's: first name, nickname, surname and the
        # whole ("Felix "the Weasel" Dunne" is Felix, the Weasel and Dunne)
        nicknamed = self._nicknamed(ev)
        for full, parts in nicknamed.items():
            if any(full in g or parts & g for g in groups.values()):
                continue
            last = full[-1:]
            shared = any(w != full and len(w) > 1 and w[-1:] == last for w in persons)
            groups[full] = {full} | {p for p in parts if not (p == last and shared)}
            first[full] = min(first.get(p, 10 ** 9) for p in parts)
            for f in groups[full]:
                owner[f] = full
        for w in sorted(persons, key=lambda w: (-len(w), first.get(w, 0))):
            if w in owner or count[w] <= self.nicknames[w]:
                continue   # (a surname met only in "Mina "Minnow" Brandt", shared with her father)
            target = None
            if len(w) == 1:
                cands = [g for g in groups if w[0] in g and len(g) > 1]
                if len(cands) == 1:
                    target = cands[0]
            if target is None and len(w) >= 2 and len(_core(w)) == 1:
                # "Mrs. Oyelaran" is "Marguerite Oyelaran" when only one name ends so;
                # "Major Brandt" is "Dr. Major Ilse Brandt" (titles aside, a full name)
                title = w[0].lower()
                other = "sex M" if title in HONORIFICS_F else "sex F" if title in HONORIFICS_M else ""
                cands = [g for g in groups if len(_core(g)) > 1 and g[-1] == w[-1]
                         and not (set(g) & spouses.get(w[0].lower().rstrip("."), set()))
                         and not (other and ev[g][other] > ev[g]["sex F" if other == "sex M" else "sex M"])]
                # ("Lady Vane" is not "Edward Vane ... his heart": mother and son share the name)
                if len(cands) == 1:
                    target = cands[0]
            if target is None:
                groups[w] = {w}
                owner[w] = w
            else:
                groups[target].add(w)
                owner[w] = target
        singles = [g for g in groups if len(g) == 1]
        for short in singles:
            for long in singles:
                if short == long or short not in groups or long not in groups:
                    continue
                x, y = short[0], long[0]
                if len(x) >= 4 and len(y) == len(x) + 1 and y.startswith(x) and count[long] >= count[short]:
                    groups[long] |= groups.pop(short)
                    for f in groups[long]:
                        owner[f] = long
        for g, forms in groups.items():
            # The cue is the name the text uses most: "Ines", "Mallory", or "Mr. Merry"
            # (a title with a surname); a title before a full name is dropped.
            pool = [f for f in forms if len(f) == 1 or (len(f) == 2 and f[0].lower() in HONORIFICS)]
            cue_form: tuple[str, ...]
            if pool:
                # (the parts of a full name with a nickname count from their second use, the name
                # they were set in being the first; of those used as often, the first name)
                cue_form = max(pool, key=lambda f: (count[f] - self.nicknames[f], f in self.given_names, len(f),
                                                    -first.get(f, 0)))
            else:
                longest = max(forms, key=len)
                cue_form = _core(longest) if len(_core(longest)) > 1 else longest
            key = _cue(cue_form)
            p = Person(key, key, True)
            p.forms.update(self.nick_phrases.get(g, ()))
            for f in forms:
                p.forms.add(" ".join(f))
                self.form_to_key[" ".join(f)] = key
                p.first = min(p.first, first.get(f, 10 ** 9))
                h = f[0].lower()
                if h in HONORIFICS_M:
                    p.votes["M"] += 5
                elif h in HONORIFICS_F:
                    p.votes["F"] += 5
            # the fullest credited form wins ("Jack Dwyer (X)" over another Dwyer's credit),
            # in a fixed order so the same text always gives the same cast note
            for f in sorted(forms, key=lambda f: (len(f), f)):
                if " ".join(f) in credited:
                    p.actor = credited[" ".join(f)]
            self.people[key] = p

    # -- roles --------------------------------------------------------------
    def _titles(self) -> None:
        """"Sheriff Amos Pryce" is the sheriff, "Detective Sergeant Harriet Vole" the sergeant: a
        word for a person set as a title before the one name that has it makes the role his or hers."""
        holders: dict[str, set[str]] = defaultdict(set)
        for s in self.sents:
            toks = list(s)
            for a, b in self.name_spans(s):
                words = [t.text for t in toks[a:b]]
                key = next((self.form_to_key[" ".join(words[k:])] for k in range(len(words))
                            if " ".join(words[k:]) in self.form_to_key), None)
                if key is None:
                    continue
                k = a - 1   # (a title the sentence's opening kept out of the name: "Sheriff Amos Pryce")
                while k >= 0 and _is_cap(toks[k]) and (toks[k].lower_ in PERSON_NOUNS or toks[k].lower_ in _RANKS):
                    k -= 1
                for w in [t.text for t in toks[k + 1:a]] + words[:-1]:
                    if not w[:1].isupper() or w.lower() not in PERSON_NOUNS and w.lower() not in _RANKS:
                        break
                    holders[w.upper()].add(key)
        for role, keys in holders.items():
            if len(keys) == 1 and role not in self.people:
                self.role_alias.setdefault(role, next(iter(keys)))

    def _discover_roles(self) -> None:
        self._titles()
        for si, s in enumerate(self.sents):
            spans = self.name_spans(s)
            index = self._span_index(s, spans)
            for t in s:
                if not _role_head(t) or in_quotes(t):
                    continue   # ("Your grandmother will worry," he says: somebody talked of)
                if any(c.dep_ == "det" and c.lower_ in _NOBODY_IN_PARTICULAR for c in t.children):
                    continue   # "before either man draws": one of those met, or anyone
                named_as = next((c for c in t.children if c.dep_ == "appos" and _role_head(c) and _capital_role(c)),
                                None)
                if named_as is not None and not _capital_role(t):
                    # "his only child, the Girl,": the capitalised role is the name the text gives her
                    key, _ = _role_key(t, self._split)
                    as_key, as_cue = _role_key(named_as, self._split)
                    if key not in self.people and key not in self.role_alias and as_key != key:
                        if as_key not in self.people:
                            self.people[as_key] = Person(as_key, as_cue, False, {named_as.text}, first=si)
                        self.role_alias[key] = as_key
                        for noun in (t, named_as):
                            sex = "F" if noun.lower_ in FEMALE_NOUNS else "M" if noun.lower_ in MALE_NOUNS else None
                            if sex:
                                self.people[as_key].votes[sex] += 3
                        continue
                # apposition with a name: "his daughter Lena", "the caretaker, Mr. Merry,", "a woman named Ines"
                personal = (t.lower_ in PERSON_NOUNS or t.lower_.endswith(ROLE_SUFFIXES) or
                            t.dep_ == "appos" or any(c.dep_ == "appos" for c in t.children)) and \
                    t.lower_ not in PLACES and t.lower_ not in _NAMED_KINDS   # "the constable, Ida Berg," (not "home")
                linked = self._apposed_name(s, t, spans, index) if personal else None
                if linked is None and personal:
                    # "its captain, a gruff man named Silas Cobb,": the name of the apposed role is his
                    for c in t.children:
                        if c.dep_ == "appos" and _role_head(c) and c.lower_ in PERSON_NOUNS:
                            linked = self._apposed_name(s, c, spans, index)
                            if linked:
                                break
                if linked:
                    key, _ = _role_key(t, self._split)
                    self.role_alias.setdefault(key, linked.key)
                    linked.forms.add(" ".join(w.text for w in t.subtree if w.i <= t.i and w.dep_ != "det"))
                    if t.lower_ in FEMALE_NOUNS:
                        linked.votes["F"] += 3
                    elif t.lower_ in MALE_NOUNS:
                        linked.votes["M"] += 3
                    continue
                # "Mr. X's wife" is Mrs. X
                if t.lower_ in ("wife", "husband") and t.i > s.start:
                    owner = self._possessor(s, t)
                    if owner is not None and owner.cue.split()[0].lower().rstrip(".") in ("mr", "mrs"):
                        sur = owner.cue.split()[-1]
                        cue = ("MRS. " if t.lower_ == "wife" else "MR. ") + sur
                        if cue not in self.people:
                            p = Person(cue, cue, True, {cue.title()}, gender="F" if t.lower_ == "wife" else "M")
                            p.first = si
                            self.people[cue] = p
                        self.role_alias.setdefault(f"@{owner.key}'s {t.lower_}", cue)
                        continue
                # a person named by role has a determiner ("the guard", "his aunt"); a bare
                # noun parsed as the subject ("says farewell") is a thing said
                # only an active subject speaks: "her sanity is questioned" names nobody
                # (a verb joined to its verb shares the subject: "the leader grabs her and orders ...")
                speechy = t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") and t.lower_ not in SAYING_THINGS | FILM_PARTS and \
                    t.head.tag_ != "VBN" and t.lower_ not in TOLD_THINGS and \
                    any(self.lemma(v) in SPEECH_VERBS for v in _shared_subject_verbs(t.head)) and \
                    any(c.dep_ in ("det", "poss") for c in t.children) and \
                    not any(c.dep_ == "poss" and c.lower_ == "its" for c in t.children)   # ("its bite ... insists")
                personish = t.lower_ in PERSON_NOUNS and \
                    (t.dep_ in _SUBJ or t.dep_ == "pobj" and t.head.dep_ == "agent") and \
                    not _bare_pair(t)   # "... by the sheriff"
                # a noun of a trade whose mind is at work is somebody: "the operator thinks it is a prank"
                personish = personish or t.lower_.endswith(ROLE_SUFFIXES) and t.dep_ == "nsubj" and \
                    t.head.pos_ == "VERB" and self.lemma(t.head) in entries("mind_verbs") and \
                    any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in t.children)
                personish = personish or _titled_agent(t)   # "The Wizard tries to put them off"
                # individuals the text tells apart by an adjective are characters, whatever the
                # noun ("a hollow tree and a younger tree ... the hollow tree retaliates")
                personish = personish or (t.lower_ in self._split and _telling_adjective(t, self._split) is not None
                                          and any(c.dep_ == "det" for c in t.children)
                                          and (t.dep_ in _SUBJ or t.dep_ in ("dobj", "pobj")
                                               and t.head.pos_ in ("VERB", "ADP")))
                if not (speechy or personish):
                    continue
                key, cue = _role_key(t, self._split)
                kin = _CHILD_KIN.get(key)
                if key not in self.role_alias and kin in self.role_alias and key not in self.people:
                    self.role_alias[key] = self.role_alias[kin]   # "the boy" of a story with a son
                child = next((c for c, k in _CHILD_KIN.items() if k == key), None)
                if child in self.people and key not in self.people and key not in self.role_alias and \
                        child.title() in self.people[child].forms:
                    self.role_alias[key] = child   # "his daughter" of a story whose "Girl" is a character
                if key in self.role_alias:
                    continue
                same = self._generic_for_known(t)
                if same is not None and key not in self.people:
                    self.role_alias[key] = same.key   # "a widow ... the old woman smiles": the widow
                    continue
                kin_of = self._kin_by_inverse(t)
                if kin_of is not None and key not in self.people:
                    self.role_alias[key] = kin_of.key   # "Owen's sister Bethan ... her brother": Owen
                    continue
                if t.lower_ in self._split:
                    for adj in _telling_adjectives(t):   # "a younger, healthier tree": one tree
                        if f"{adj.upper()} {t.text.upper()}" != key:
                            self.role_alias.setdefault(f"{adj.upper()} {t.text.upper()}", key)
                if key not in self.people:
                    described = _described(t, cue)
                    # (the described form as written: "a Mexican man" is introduced as a MEXICAN MAN)
                    p = Person(key, described[0], False, {t.text} | ({described[1]} if described[1] else set()))
                    p.first = si
                    if t.lower_ in FEMALE_NOUNS:
                        p.votes["F"] += 5
                    elif t.lower_ in MALE_NOUNS:
                        p.votes["M"] += 5
                    self.people[key] = p
                p = self.people[key]
                if _capital_role(t):
                    # "the Vicar, a kindly man,": the noun set beside the role says the sex
                    for c in t.children:
                        if c.dep_ == "appos" and c.lower_ in _GENERIC_PEOPLE:
                            p.votes["F" if c.lower_ in FEMALE_NOUNS else "M"] += 3
                if speechy and cue != p.cue and not getattr(p, "_spoke", False):
                    p.cue = cue  # the form used when the person first speaks
                if speechy:
                    setattr(p, "_spoke", True)

    def _generic_for_known(self, t: Any) -> "Person | None":
        """The one person already met whom "the (old) woman" / "the man" can take up: a generic
        noun of a sex with "the", when exactly one person so far is of that sex by their titles
        or the gendered nouns that named them; else None."""
        if t.lower_ not in _GENERIC_PEOPLE or t.lower_ in self._split or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return None
        # (not after "a man knocks ...": that one is somebody new)
        for s in self.sents:
            here = s.doc is t.doc and s.start <= t.i < s.end
            if any(w.lower_ == t.lower_ and any(c.lower_ in ("a", "an") for c in w.children)
                   for w in s if not here or w.i < t.i):
                return None
            if here:
                break
        sex = "F" if t.lower_ in FEMALE_NOUNS else "M"
        known = [p for p in self.people.values() if p.votes[sex] >= 3 and not p.votes["M" if sex == "F" else "F"]]
        return known[0] if len(known) == 1 else None

    def _kin_by_inverse(self, t: Any) -> "Person | None":
        """The one person a kin noun with a pronoun ("her brother") can be, from the one relation
        the text gave the other way ("Owen's sister Bethan": Bethan's brother is Owen); else None."""
        inverse = _KIN_INVERSE.get(t.lower_)
        bare = not any(c.dep_ in ("det", "poss") for c in t.children)   # "father and daughter watch"
        if inverse is None or not (bare or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children)):
            return None
        found: set[str | None] = set()
        for p in self.people.values():
            for f in p.forms:
                if " 's " in f and f.rsplit(" 's ", 1)[1] in inverse:
                    owner = f.rsplit(" 's ", 1)[0]
                    found.add(self.form_to_key.get(owner) or self._by_first_word().get(owner))
        found |= self._kin_by_pronoun(inverse, "his" if t.lower_ in MALE_NOUNS else "her")
        found.discard(None)
        if len(found) != 1:
            return None
        who = self.people.get(next(iter(found)) or "")
        want = "M" if t.lower_ in MALE_NOUNS else "F" if t.lower_ in FEMALE_NOUNS else None
        return who if who is not None and who.gender in (None, want) else None

    def _kin_by_pronoun(self, inverse: tuple[str, ...], pronoun: str) -> set[str | None]:
        """Who has the kin a name was given with a possessive pronoun: "Ivo lives with his
        daughter Mila" makes Ivo Mila's father, the named subject of the clause the kin noun
        sits in. ``pronoun`` is the possessive of the wanted one's sex ("his" for a father:
        "Ivo ... his daughter" tells nothing of her mother)."""
        found: set[str | None] = set()
        if self._kin_nouns is None:   # (read once: the text's kin nouns with his/her)
            self._kin_nouns = [(s, w) for s in self.sents for w in s
                               if w.lower_ in _KIN_INVERSE and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                                   for c in w.children)]
        for s, w in self._kin_nouns:
            if w.lower_ not in inverse or not any(c.dep_ == "poss" and c.lower_ == pronoun for c in w.children):
                continue
            spans = self.name_spans(s)
            if self._apposed_name(s, w, spans) is None:
                continue   # a kin relation is told only with the name it ties
            v = w.head
            while v.dep_ in ("prep", "pobj", "dobj", "appos") and v.head.i != v.i:
                v = v.head
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            rel = subj.i - s.start
            other = "F" if pronoun == "his" else "M"
            for a, b in spans:
                if a <= rel < b:
                    form = " ".join(x.text for x in s[a:b])
                    key = self.form_to_key.get(form) or self._by_first_word().get(form)
                    owner = self.people.get(key or "")
                    if owner is not None and owner.votes[other] <= owner.votes["M" if other == "F" else "F"]:
                        found.add(key)
        return found

    def _span_index(self, s: Any, spans: list[tuple[int, int]]
                    ) -> tuple[list[str | None], dict[int, list[int]], dict[int, list[int]]]:
        """Known-name spans of a sentence indexed by start and by head token.

        Built once per sentence so that :meth:`_apposed_name` looks only at the few
        spans that can stand in apposition to a token; trying every span for every
        token was quadratic, minutes on one long run-on sentence.
        """
        keys: list[str | None] = []
        by_start: dict[int, list[int]] = {}
        by_head: dict[int, list[int]] = {}
        for n, (a, b) in enumerate(spans):
            key = self.form_to_key.get(" ".join(w.text for w in s[a:b]))
            keys.append(key)
            if key is not None:
                by_start.setdefault(a, []).append(n)
                by_head.setdefault(s[b - 1].i, []).append(n)
        return keys, by_start, by_head

    def _apposed_name(self, s: Any, t: Any, spans: list[tuple[int, int]],
                      index: tuple[list[str | None], dict[int, list[int]], dict[int, list[int]]]
                      | None = None) -> Person | None:
        rel = t.i - s.start
        if t.dep_ == "attr" and t.head.lower_ in ("is", "was", "'s"):
            # "Ruth Hale is the daughter of a keeper": the role is hers
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            who = self.person_for_token(s, subj) if subj is not None and subj.pos_ == "PROPN" else None
            if who is not None:
                return who
        keys, by_start, by_head = index or self._span_index(s, spans)
        # Only these spans can pass a test below: starting 1-4 tokens after t, or
        # headed by t's head or by one of t's children.
        cand: set[int] = set(by_head.get(t.head.i, ()))
        for a in range(rel + 1, rel + 5):
            cand.update(by_start.get(a, ()))
        for ch in t.children:
            cand.update(by_head.get(ch.i, ()))
        # the name right after the role first: "the actress Anna Schmidt" is hers, however the
        # parse hangs the role
        for n in sorted(cand, key=lambda n: (spans[n][0] != rel + 1, n)):
            a, b = spans[n]
            key = keys[n]
            assert key is not None  # only spans naming someone are indexed
            head = s[b - 1]
            if a == rel + 1 and (t.dep_ == "compound" or head.dep_ in ("appos",) or t.head.i == head.i):
                return self.people[key]
            if head.dep_ == "appos" and head.head.i == t.i and \
                    not any(x.lower_ in ("and", "or", "but") or x.tag_ == "NN" and x.lower_ in PERSON_NOUNS
                            for x in s[rel + 1:a]):
                # (nor past a nearer person: "the journal of the chief scientist, Dr. Ilse Roth" is hers)
                return self.people[key]   # (not past "and": "kills Ilse's guard and wounds Ruiz" misparsed)
            if t.dep_ == "appos" and t.head.i == head.i:
                return self.people[key]
            if a >= 1 and s[a - 1].lower_ in ("named", "called") and rel in (a - 2, a - 3, a - 4) \
                    and all(not x.is_punct for x in s[rel:a]):
                return self.people[key]
            if a == rel + 2 and s[rel + 1].text == "," and head.dep_ in ("npadvmod", "appos", "dobj") and \
                    b < len(s) and s[b].text in (",", ".", ";") and \
                    not (b + 1 < len(s) and s[b + 1].lower_ in ("and", "or")):
                return self.people[key]   # "the Lady's steward, Crouch, a sly fellow": the parse lost the apposition
        return None

    def _possessor(self, s: Any, t: Any) -> Person | None:
        for ch in t.children:
            if ch.dep_ == "poss":
                words = [w.text for w in ch.subtree if w.tag_ != "POS"]
                key = self.form_to_key.get(" ".join(words))
                if key:
                    return self.people[key]
        return None

    def _link_later_named(self) -> None:
        """A role that acts before a credited name first appears in its paragraph is that name."""
        keys_in = [{_role_key(t, self._split)[0] for t in s if _role_head(t)} for s in self.sents]
        for p in [p for p in self.people.values() if not p.named]:
            last_role = max((i for i, keys in enumerate(keys_in) if p.key in keys), default=-1)
            for q in self.people.values():
                if not q.named or q.actor is None or q.first <= p.first or last_role < 0:
                    continue
                # the role's last mention must precede the name's first, in the same paragraph
                if last_role >= q.first or self.paragraph_of[q.first] != self.paragraph_of[last_role]:
                    continue
                others = [r for r in self.people.values() if not r.named and r is not p
                          and self.paragraph_of[r.first] == self.paragraph_of[q.first] and r.first < q.first]
                if others:
                    continue
                self.role_alias[p.key] = q.key
                q.forms |= p.forms
                q.votes.update(p.votes)
                del self.people[p.key]
                break

    # -- sex ------------------------------------------------------------------
    def _vote_gender(self) -> None:
        """Find each person's sex by elimination over the pronouns that follow them.

        Titles and gendered nouns ("his daughter Lena") fix some people first.
        Then, repeatedly: a pronoun whose recent candidates include exactly one
        person of unknown sex and none of its own sex votes for that person.
        """
        for p in self.people.values():
            g, n = (p.votes.most_common(1)[0] if p.votes else (None, 0))
            if g and n >= 3 and p.votes["M" if g == "F" else "F"] == 0:
                p.gender = g
        # what matters for voting, read once: people named and pronouns, in order
        seqs: list[list[tuple[Any, Any]]] = []
        for s in self.sents:
            ments = {m.start: m for m in self.mentions(s)}
            seq: list[tuple[Any, Any]] = []
            for t in s:
                rel = t.i - s.start
                if rel in ments:
                    seq.append((ments[rel].person, None))
                elif t.lower_ in PERSON_NOUNS and t.tag_ == "NN" and t.dep_ not in ("attr", "appos") \
                        and self.person_for_token(s, t) is None:
                    seq.append((_SOMEONE, None))   # "her father": a person we do not track
                elif t.lower_ in PRON_GENDER and t.tag_ in ("PRP", "PRP$"):
                    seq.append((None, t))
            seqs.append(seq)
        for _round in range(4):
            votes: dict[str, Counter] = defaultdict(Counter)
            fallback: dict[str, Counter] = defaultdict(Counter)   # only a sentence's opening pronoun
            window: list[list[Person]] = []
            heard: list[set[str]] = []   # the sexes of the pronouns of each sentence so far
            prev_main: Person | None = None   # the main subject of the sentence before
            for s, seq in zip(self.sents, seqs):
                current: list[Person] = []
                heard.append({PRON_GENDER[t.lower_] for who, t in seq if t is not None})
                for who, t in seq:
                    if who is not None:
                        current.append(who)
                        continue
                    g = PRON_GENDER[t.lower_]
                    if t.tag_ == "PRP$" and t.lower_ in ("his", "her") and t.dep_ == "poss":
                        # "Sophie finds her father": a possessive in the subject's own clause
                        v = t.head.head if t.head.dep_ in ("dobj", "pobj", "attr") else t.head
                        while v.dep_ in ("prep", "pobj") and v.head.i != v.i:
                            v = v.head
                        v = subject_verb(v)
                        owners = [self.person_for_token(s, c) for c in v.children if c.dep_ in _SUBJ and c.i < t.i]
                        # not when somebody else is named before it ("grabs Nora and pulls her arm")
                        if len(owners) == 1 and owners[0] is not None and owners[0].gender is None and owners[0].named \
                                and not any(c.dep_ == "conj" for c in v.children if c.dep_ in _SUBJ) \
                                and not any(g2.dep_ == "conj" for c in v.children if c.dep_ in _SUBJ for g2 in c.children) \
                                and all(p == owners[0] for p in current) \
                                and not any(g in sexes for sexes in heard[-3:-1]) \
                                and not any(p.gender == g for grp in window[-2:] for p in grp if p != owners[0]):
                            # (not when somebody of that sex was just there: "his surgery" is his;
                            # nor after a "he" in the sentences before: "Yasmine takes his hand")
                            votes[owners[0].key][g] += 1
                            continue
                    # (a possessive "her" opening a sentence counts as "his" does: "Her new partner ...")
                    if t.lower_ not in ("he", "she", "his", "him") and not (t.lower_ == "her" and t.tag_ == "PRP") \
                            and not (t.lower_ == "her" and t.tag_ == "PRP$" and t.i == s.start):
                        continue
                    if t.dep_ in _SUBJ and t.head.dep_ == "conj":
                        # "Tomas turns, and he tells Ruth": the next verb's subject is the first's,
                        # when the first clause has nobody else ("asks her, but she refuses")
                        first_verb = subject_verb(t.head.head)
                        twin = [self.person_for_token(s, c) for c in first_verb.children if c.dep_ in _SUBJ]
                        own_clause = {w.i for w in first_verb.subtree} - {w.i for w in t.head.subtree}
                        # (a subject of another verb in it counts: "calls for Georges to bring ...")
                        others = [w for w in s if w.i in own_clause and
                                  (w.dep_ not in _SUBJ or w.head.i != first_verb.i) and
                                  (w.lower_ in PRON_GENDER or self.person_for_token(s, w) is not None)]
                        if len(twin) == 1 and twin[0] is not None and twin[0].named and twin[0].gender is None \
                                and not others:
                            votes[twin[0].key][g] += 1
                            continue
                    cands = {p for grp in window[-2:] for p in grp} | set(current)
                    if t.dep_ in _SUBJ:
                        # "He tells Ana ...": not the one his own verb is done to
                        cands -= {self.person_for_token(s, c) for c in t.head.children
                                  if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"}
                    if t.dep_ in ("dobj", "dative", "pobj") and t.lower_ in ("him", "her"):
                        v = subject_verb(t.head if t.dep_ != "pobj" else t.head.head)
                        for c in v.children:
                            if c.dep_ in _SUBJ:
                                own = self.person_for_token(s, c)
                                if own is not None:
                                    cands.discard(own)
                    last = window[-1] if window else []
                    if t.dep_ in _SUBJ and t.i == s.start and prev_main is not None and prev_main.named and \
                            prev_main.gender is None and not any(p.gender == g or p is _SOMEONE for p in last) \
                            and not current and not (len(heard) > 1 and g in heard[-2]) \
                            and all(p is prev_main or p.gender is not None for p in last):
                        # "Harriet Vole watches the docks. She notices ...": a sentence opening with a
                        # pronoun takes up the last one's subject, when nobody of that sex was in it
                        # (whoever of that sex came two sentences back; not after "asks him ...": he is;
                        # nor when another there is of unknown sex: "Tom kisses Lena. She cries.")
                        fallback[prev_main.key][g] += 1
                        continue
                    if any(p.gender == g for p in cands):
                        continue
                    speaker = self._reporting_subject(s, t)
                    if speaker is not None and speaker.gender is None:
                        votes[speaker.key][g] += 1   # "Lukas announces that he...": himself
                        continue
                    unknown = [p for p in cands if p.gender is None]
                    if t.dep_ in _SUBJ and self.lemma(t.head) in SPEECH_VERBS:
                        # '"...," she whispers': a speaker is somebody tracked, not "an abandoned baby"
                        unknown = [p for p in unknown if p is not _SOMEONE]
                    if len(unknown) > 1 and t.i == s.start and t.tag_ == "PRP$" and prev_main in unknown:
                        unknown = [prev_main]   # "Her new partner ..." opening: the last sentence's subject
                    if len(unknown) == 1 and unknown[0] is not _SOMEONE:
                        votes[unknown[0].key][g] += 1
                window.append(current)
                root_subj = next((c for c in s.root.children if c.dep_ in _SUBJ), None)
                prev_main = self.person_for_token(s, root_subj) if root_subj is not None else None
            changed = False
            for key, v in votes.items():
                p = self.people[key]
                g, n = v.most_common(1)[0]
                if p.gender is None and n > 1.5 * v["M" if g == "F" else "F"] and (p.named or n >= 2):
                    p.gender = g
                    changed = True
            if not changed:
                break
        # whom nothing else told the sex of takes it from the pronouns that open the sentence after
        # theirs, when all agree
        for key, v in fallback.items():
            if self.people[key].gender is None and len(v) == 1:
                self.people[key].gender = next(iter(v))

    def _reporting_subject(self, s: Any, t: Any) -> "Person | None":
        """For "X says (that) he ...": X, when the pronoun opens what X says."""
        if t.lower_ not in ("he", "she") or t.dep_ not in _SUBJ:
            return None
        clause = t.head
        if clause.dep_ != "ccomp" or self.lemma(clause.head) not in SPEECH_VERBS:
            return None
        first = [w for w in clause.subtree if w.lower_ != "that"]
        if not first or first[0].i != t.i:
            return None
        for c in clause.head.children:
            if c.dep_ in _SUBJ:
                p = self.person_for_token(s, c)
                if p is not None and p.named:
                    return p
        return None

    # -- lookup ---------------------------------------------------------------
    def person_for_token(self, s: Any, t: Any) -> Person | None:
        """The person a name or role noun token refers to (None for pronouns)."""
        for m in self.mentions(s):
            if m.start <= t.i - s.start < m.end:
                return m.person
        return None

    def mentions(self, s: Any) -> list[Mention]:
        """Names and role nouns in a sentence that refer to a known person."""
        k = s.start if hasattr(s, "start") else id(s)
        key = (id(s.doc), k)
        cached = self._mentions.get(key)
        if cached is not None:
            return cached
        out: list[Mention] = []
        taken: set[int] = set()
        for a, b in self.name_spans(s):
            words = [t.text for t in s[a:b]]
            pkey = self.form_to_key.get(" ".join(words))
            if pkey is None and len(words) > 1:
                for w in words:
                    if w in self.form_to_key:
                        pkey = self.form_to_key[w]
                        break
            if pkey is None and len(words) == 1:
                pkey = self._by_first_word().get(words[0])
            if pkey is None or pkey not in self.people:
                continue
            head = s[b - 1]
            # "Mr. Merry's wife" is somebody else
            if b < len(s) and s[b].tag_ == "POS" and b + 1 < len(s):
                alias = self.role_alias.get(f"@{pkey}'s {s[b + 1].lower_}")
                if alias:
                    out.append(Mention(self.people[alias], a, b + 2, s[b + 1].dep_ in _SUBJ))
                    taken.update(range(a, b + 2))
                    continue
            subj = head.dep_ in _SUBJ or (head.dep_ == "conj" and head.head.dep_ in _SUBJ) or \
                (head.dep_ == "compound" and head.head.dep_ in _SUBJ and head.head.tag_ == "NNP") or \
                (head.dep_ == "nummod" and head.head.dep_ in _SUBJ and a <= head.head.i - s.start < b)   # "Juror 8"
            out.append(Mention(self.people[pkey], a, b, subj))
            taken.update(range(a, b))
        for t in s:
            rel = t.i - s.start
            if rel in taken or not _role_head(t):
                continue
            if t.lower_ in _GENERIC_PEOPLE and (t.dep_ == "attr" or t.dep_ == "appos" and (
                    t.head.i - s.start in taken or _role_head(t.head))):
                continue   # "the Vicar, a kindly man,", "he is a young man": said of somebody, nobody new
            role, _ = _role_key(t, self._split)   # (not ``key``: that names this sentence's cache entry)
            pkey = self.role_alias.get(role, role)
            if pkey not in self.people:
                continue
            out.append(Mention(self.people[pkey], rel, rel + 1, t.dep_ in _SUBJ))
        out.sort(key=lambda m: m.start)
        self._mentions[key] = out
        return out

    def _by_first_word(self) -> dict[str, str]:
        """"Chief" for "Chief Bromden": the first word of exactly one person's longer name."""
        cache = getattr(self, "_first_word", None)
        if cache is None or cache[0] != len(self.form_to_key):
            owners: dict[str, set[str]] = {}
            for form, key in self.form_to_key.items():
                words = form.split()
                if len(words) > 1 and words[0].lower() not in HONORIFICS_M | HONORIFICS_F:
                    owners.setdefault(words[0], set()).add(key)
            cache = (len(self.form_to_key), {w: next(iter(k)) for w, k in owners.items() if len(k) == 1})
            self._first_word = cache
        return cache[1]

    def ordered(self) -> list[Person]:
        return sorted(self.people.values(), key=lambda p: p.first)


def listed_names(sents: Iterable[Any], known: set[str]) -> list[str]:
    """Names listed together with a character's: every one of them is a character.

    "three travelling players - Otto, Mirela, and Sven", "his family,
    Carlisle, Esme, Alice and Rosalie": a list of proper names set beside a
    common noun, with at least one name the story knows for a person, or a
    list of three or more names most of which it knows.  The entity
    recogniser may call some of them places; being listed with people says
    otherwise.  ``known`` holds the words of the names already known.
    """
    out: list[str] = []
    for s in sents:
        for t in s:
            if t.dep_ == "conj" or not (t.tag_ in ("NNP", "NNPS", "NN", "NNS")):
                continue
            chain = _conjuncts(t)
            names = [x for x in chain if x.tag_ in ("NNP", "NNPS")]
            if len(names) < 2:
                continue
            forms = [" ".join(w.text for w in x.subtree if w.i <= x.i and (w.i == x.i or
                                                                          (w.dep_ == "compound" and w.tag_ == "NNP")))
                     for x in names]
            hits = sum(1 for f in forms if f in known or f.split()[-1] in known)
            beside_noun = t.tag_ in ("NN", "NNS") or (t.dep_ == "appos" and t.head.tag_ in ("NN", "NNS"))
            if (beside_noun and hits >= 1) or (len(names) >= 3 and 2 * hits > len(names)):
                # ("Onshore, Jerry and Osgood tango": a word opening the sentence before its comma is
                # no name of the list unless the recogniser or the story says so)
                opener = {f for x, f in zip(names, forms) if x.i == s.start and x.i + 1 < len(x.doc) and
                          x.doc[x.i + 1].text == "," and x.ent_type_ != "PERSON" and f not in known}
                out.extend(f for f in forms if f not in out and f not in opener)
    return out


def _shared_subject_verbs(v: Any) -> list[Any]:
    """A verb and the verbs joined to it that have no subject of their own: all done by its
    subject ("grabs Ana, puts a knife to her throat and orders her ...")."""
    out = [v]
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(g.dep_ in _SUBJ for g in c.children):
            out.extend(_shared_subject_verbs(c))
    return out


def subject_verb(v: Any) -> Any:
    """The verb whose subject is also ``v``'s: up through "and reads" (conj) and
    "struggles to keep" (xcomp), but not past an object that takes the infinitive
    ("persuades her to keep": she keeps)."""
    while not any(c.dep_ in _SUBJ for c in v.children) and v.head.i != v.i:
        if v.dep_ == "conj" or (v.dep_ == "xcomp" and not any(c.dep_ in ("dobj", "dative") for c in v.head.children)):
            v = v.head
        else:
            break
    return v


def _conjuncts(t: Any) -> list[Any]:
    """The token and every token joined to it by "and" or a comma, in order."""
    out = [t]
    k = 0
    while k < len(out):
        out.extend(c for c in out[k].children if c.dep_ == "conj")
        k += 1
    return sorted(out, key=lambda x: x.i)


def _bare_pair(t: Any) -> bool:
    """ "As boy and alien grow close", "father and daughter watch": two nouns with no article,
    joined, take up people the story has (a newcomer comes with "a" or "the"), not a new one."""
    if t.tag_ != "NN" or t.text[:1].isupper() or any(c.dep_ in ("det", "poss", "nummod") for c in t.children):
        return False
    other = [c for c in t.children if c.dep_ == "conj"] + ([t.head] if t.dep_ == "conj" else [])
    return any(o.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in o.children) for o in other)
