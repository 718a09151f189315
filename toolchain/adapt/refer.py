"""Who "he", "she" and "they" are: pronoun resolution in reading order.

A light version of the classic heuristics (recency, subjects first, sex
agreement, a pronoun object is not its own clause's subject).  The tracker
walks the sentences in order and remembers who was mentioned lately.
"""
from __future__ import annotations

from typing import Any, Union

from .cast import Cast, Person, in_quotes, subject_verb
from .lexicon import PRON_GENDER, REQUEST_VERBS, RESPONSE_VERBS, SPEECH_VERBS
from .lexicons import entries

Group = tuple[Person, ...]
Referent = Union[Person, Group, None]
_SUBJ = ("nsubj", "nsubjpass")


class Tracker:
    """Resolves person references sentence by sentence."""

    def __init__(self, cast: Cast):
        self.cast = cast
        self.history: list[list[tuple[Person, bool]]] = []   # per sentence: (person, was subject)
        self.last_group: Group | None = None
        self._cur: list[tuple[int, Person, bool]] = []
        self._sent: Any = None
        self._resolved: dict[int, Referent] = {}
        self._pron_sex: dict[int, tuple[Person, str]] = {}   # this sentence: who each pronoun was, its sex
        self._asked_before: Person | None = None   # the one asked to do something last sentence
        #: per sentence of ``history``: the people it only talked of ("reveals that Blue is dead")
        self._talked_of: list[set[Person]] = []
        #: the sex the last sentence's pronouns gave the people they took up ("he asks Martins")
        self._said_sex: dict[Person, str] = {}

    def begin(self, sent: Any) -> None:
        """Start a sentence: resolve all its person references in order."""
        if self._sent is not None:
            self.history.append([(p, s) for _, p, s in self._cur])
            self.history = self.history[-4:]
            self._talked_of = (self._talked_of + [self._only_talked_of()])[-4:]
            self._said_sex = {p: sex for rel, (p, sex) in self._pron_sex.items() if not _in_content(self._sent[rel])}
        if self._sent is not None:
            self._asked_before = self._asked_in(self._sent)
        self._sent = sent
        self._cur = []
        self._resolved = {}
        self._pron_sex = {}
        ments = {m.start: m for m in self.cast.mentions(sent)}
        for t in sent:
            rel = t.i - sent.start
            if rel in ments:
                m = ments[rel]
                if not in_quotes(t):   # (a person talked of inside quoted words is nobody here to be "she")
                    self._cur.append((rel, m.person, m.subject and self._main(sent[m.end - 1])))
                for k in range(m.start, m.end):
                    self._resolved[k] = m.person
                if m.subject:
                    conj = [self.cast.person_for_token(sent, c) for c in sent[m.end - 1].children
                            if c.dep_ == "conj"]
                    people = [p for p in conj if p is not None]
                    if conj and len(people) == len(conj):
                        self.last_group = (m.person, *people)
                continue
            if rel in self._resolved:
                continue
            low = t.lower_
            if low in PRON_GENDER and t.tag_ in ("PRP", "PRP$"):
                p = self._answering(t) or self._pronoun(t, rel)
                self._resolved[rel] = p
                if p is not None:
                    self._pron_sex[rel] = (p, PRON_GENDER[low])
                if p is not None:
                    # ("has him thrown out": a "him" the parse makes a subject is one done to)
                    self._cur.append((rel, p, t.dep_ in _SUBJ and low not in ("him", "her") and self._main(t)))
            elif low in ("they", "them", "their") or (t.lower_ == "couple" and t.tag_ == "NN"):
                self._resolved[rel] = self.last_group

    def _asked_in(self, sent: Any, before: int | None = None) -> Person | None:
        """The last person a sentence asks to do something ("invites Pim to escape")."""
        asked = None
        for v in sent:
            if before is not None and v.i >= before:
                break
            if not v.tag_.startswith("VB") or not any(c.dep_ == "xcomp" for c in v.children) \
                    or self.cast.lemma(v) not in REQUEST_VERBS:
                continue
            for c in v.children:
                r = self._resolved.get(c.i - sent.start) if sent is self._sent else None
                if r is None and c.dep_ == "dobj":
                    r = self.cast.person_for_token(sent, c)
                if c.dep_ == "dobj" and isinstance(r, Person):
                    asked = r
        return asked

    def _answering(self, t: Any) -> Person | None:
        """He or she who declines or accepts is the one just asked ("invites Pim to escape
        with them; he declines"), when the sex agrees."""
        if t.dep_ != "nsubj" or not t.head.tag_.startswith("VB") or self.cast.lemma(t.head) not in RESPONSE_VERBS:
            return None
        asked = self._asked_in(self._sent, t.i) or self._asked_before
        g = PRON_GENDER[t.lower_]
        return asked if asked is not None and asked.gender in (g, None) else None

    @staticmethod
    def _main(t: Any) -> bool:
        """A subject of the sentence's own story line, not of something said or thought."""
        if t.dep_ in ("nummod", "compound") and t.head.i != t.i:
            t = t.head       # "Juror 8 says": the name's last word is its number
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head       # "Lena and Geoff": as main as the first of them
        v = t.head
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _NOT_HAPPENING for c in v.children):
            return False     # "threatens to sue unless Kathy sings": what may be, not what happens
        return v.dep_ in ("ROOT", "advcl")

    def end(self) -> None:
        if self._sent is not None:
            self._asked_before = self._asked_in(self._sent)
            self.history.append([(p, s) for _, p, s in self._cur])
            self.history = self.history[-4:]
            self._talked_of = (self._talked_of + [self._only_talked_of()])[-4:]
            self._said_sex = {p: sex for rel, (p, sex) in self._pron_sex.items() if not _in_content(self._sent[rel])}
        self._sent = None
        self._cur = []

    def scene_break(self) -> None:
        """A new scene: keep memory (synopses carry people across cuts) but weaken it."""
        self.history = self.history[-2:]

    def referent(self, tok: Any) -> Referent:
        """The person (or group) a token of the current sentence refers to."""
        if self._sent is None:
            return None
        return self._resolved.get(tok.i - self._sent.start)

    def subject_of(self, verb: Any) -> Referent:
        """Who does a verb: its subject, or the subject of the verb it hangs on."""
        seen = 0
        v = verb
        while v is not None and seen < 6:
            if v.dep_ == "conj" and v.tag_ in ("VBZ", "VBP") and v.head.tag_ == "VBD" and v.head.dep_ == "ccomp":
                # "finds Felix drowned ..., and tells Nora": a present verb is not joined to the past
                # one of a clause below it, but to the verb that clause hangs on
                v = v.head.head
                seen += 1
                continue
            for c in v.children:
                if c.dep_ in _SUBJ and not _object_read_as_subject(v, c):
                    r = self.referent(c)
                    if r is None and c.dep_ in _SUBJ:
                        # a name whose head is elsewhere in the phrase ("Mr. Merry")
                        for w in c.children:
                            if w.dep_ in ("compound", "flat", "appos"):
                                r = self.referent(w)
                                if isinstance(r, Person):
                                    break
                    if isinstance(r, Person) and any(
                            cc.dep_ == "conj" and isinstance(self.referent(cc), Person) for cc in c.children):
                        return self.last_group
                    return r
            if v.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acl") and v.head.i != v.i:
                v = v.head
                seen += 1
                continue
            break
        return None

    def main_subjects(self) -> list[Person]:
        """Who this sentence's own story line is about: its main subjects that are people."""
        return [p for _, p, main in self._cur if main]

    def last_main_subject(self) -> Person | None:
        """The one the sentence before was about (its main subject), if a person."""
        return next((p for p, main in (self.history[-1] if self.history else []) if main), None)

    def nearby_people(self) -> set[Person]:
        """The people of this sentence and the one before."""
        return {p for _, p, _s in self._cur} | {p for p, _s in (self.history[-1] if self.history else [])}

    def recent_people(self) -> list[Person]:
        """People mentioned lately, most recent first (the likely listeners)."""
        out: list[Person] = []
        for _, p, _s in reversed(self._cur):
            if p not in out:
                out.append(p)
        for sent in reversed(self.history):
            for p, _s in reversed(sent):
                if p not in out:
                    out.append(p)
        return out

    def groups_in_sentence(self) -> list[Person]:
        """Members of groups the sentence refers to ("they", "the couple")."""
        out: list[Person] = []
        for r in self._resolved.values():
            if isinstance(r, tuple):
                out.extend(p for p in r if p not in out)
        return out

    def in_sentence(self) -> list[Person]:
        return [p for _, p, _ in self._cur]

    def present_in_sentence(self) -> list[Person]:
        """The people the sentence shows where it happens, not those only talked of: somebody
        named inside what is said, thought or asked of another ("tells him to persuade Sonny",
        "proposes that he kill Sollozzo") is not there."""
        out: list[Person] = []
        for rel, p, _s in self._cur:
            if p not in out and _on_the_spot(self._sent[rel], self.cast.lemma):
                out.append(p)
        for rel, r in self._resolved.items():
            if isinstance(r, tuple) and _on_the_spot(self._sent[rel], self.cast.lemma):
                out.extend(q for q in r if q not in out)
        return out

    # -- pronouns -------------------------------------------------------------
    def _only_talked_of(self) -> set[Person]:
        """The people this sentence names only inside a clause of what is said, found or
        thought ("reveals that Mr. Blue is dead"), not as somebody there."""
        seen: dict[Person, bool] = {}
        for rel, p, _s in self._cur:
            seen[p] = seen.get(p, True) and _in_content(self._sent[rel])
        return {p for p, told in seen.items() if told}

    def _pronoun(self, t: Any, rel: int) -> Person | None:
        g = PRON_GENDER[t.lower_]
        subject = t.dep_ in _SUBJ
        reflexive = t.lower_ in ("himself", "herself")
        possessive = t.tag_ == "PRP$" or t.dep_ == "poss"   # ("her ex-husband": "her" tagged PRP)
        own_subj = None
        doers: tuple = ()   # "They find him": none of those who find him is "him"
        if not subject and not reflexive and not possessive:
            v = t.head
            while v.dep_ in ("prep", "pobj", "dative", "dobj") and v.head.i != v.i:
                v = v.head
            v = subject_verb(v)   # "runs up and tells her": the runner is not "her"
            for c in v.children:
                if c.dep_ in _SUBJ:
                    r = self._resolved.get(c.i - self._sent.start)
                    if isinstance(r, Person):
                        own_subj = r
                    elif isinstance(r, tuple) and c.lower_ in ("they", "we"):
                        doers = r
        if subject and t.lower_ in ("him", "her") and t.head.head.i != t.head.i:
            # "finds him treating a sheep": the one found is not the finder
            for c in subject_verb(t.head.head).children:
                if c.dep_ in _SUBJ:
                    r = self._resolved.get(c.i - self._sent.start)
                    if isinstance(r, Person):
                        own_subj = r
        if subject and t.head.pos_ in ("VERB", "AUX") and own_subj is None:
            # "He tells Ana ...": a subject pronoun is not the person its own verb is done to
            for c in t.head.children:
                if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
                    named = self.cast.person_for_token(self._sent, c)
                    if named is not None:
                        own_subj = named
        cur = [(p, s) for _, p, s in reversed(self._cur)]
        prev = self.history[-1] if self.history else []
        older = [x for sent in reversed(self.history[:-1]) for x in reversed(sent)]
        if subject:
            order = [p for p, s in cur if s] + [p for p, s in reversed(prev) if s] + \
                [p for p, _ in cur] + [p for p, _ in reversed(prev)] + [p for p, _ in older]
        else:
            order = [p for p, _ in cur] + [p for p, s in reversed(prev) if s] + \
                [p for p, _ in reversed(prev)] + [p for p, _ in older]
        # nearest tier first; within a tier a person of the right sex, else one of unknown sex
        older_tiers = [[p for p, _ in reversed(sent)] for sent in reversed(self.history[:-1])]
        tiers = [[p for p, s in cur if s], [p for p, s in reversed(prev) if s], [p for p, _ in cur],
                 [p for p, _ in reversed(prev)]] + older_tiers if subject else \
            [[p for p, _ in cur], [p for p, s in reversed(prev) if s], [p for p, _ in reversed(prev)]] + older_tiers
        # "tells her to come down, but she refuses": a pronoun of one sex used again in the same
        # sentence is the same person, before anybody whose sex is unknown
        for at, (p, sex) in sorted(self._pron_sex.items(), reverse=True):
            # (not past a name that could be meant between the two: "He says Eddie is on his way")
            between = [q for r, q, _ in self._cur if at < r < rel and r not in self._pron_sex
                       and q != p and q.gender in (g, None)]
            if sex == g and p != own_subj and p.gender in (g, None) and not between:
                # "Bridger has him thrown out, but then he agrees": a subject "he" is the story line's
                # subject of that sex before one the sentence did something to
                # (when their sexes, known or not, cannot tell the two apart)
                main = [q for q, sb in cur if sb and q.gender in (g, None) and q.gender == p.gender and q != own_subj]
                if subject and main and p not in main and \
                        (self._sent[at].dep_ not in _SUBJ or self._sent[at].lower_ in ("him", "her")):
                    return main[0]
                return p
        if possessive:
            # "Eddie is on his way": a possessive is first its own clause's subject's
            v = t.head
            while v.dep_ in ("prep", "pobj", "dative", "dobj", "attr") and v.head.i != v.i:
                v = v.head
            own = next((c for c in subject_verb(v).children if c.dep_ in _SUBJ and c.i < t.i), None)
            mine = self._resolved.get(own.i - self._sent.start) if own is not None else None
            if isinstance(mine, Person) and mine.gender in (g, None) and mine.named:
                return mine
        # "The clerk thinks it is a joke. "Hold," she says": the one the last sentence was about, of
        # unknown sex, before anybody further back - when nobody of that sex is nearer
        near = [p for p, _ in cur] + [p for p, _ in prev]
        topic = [p for p, s in reversed(prev) if s] if subject and not any(p.gender == g for p in near) else []
        # somebody of that sex in this sentence or the last comes before a name of unknown sex
        # nearer ("Tom visits her ... "...," she says": her, not Tom)
        # (when this sentence has nobody else it could be: "Sollozzo kidnaps Hagen and tells him")
        told = self._only_talked_of() | (self._talked_of[-1] if self._talked_of else set())
        here = [p for p, _ in cur if p != own_subj and p not in doers and p.gender in (g, None)]
        # (the last sentence's "he" is a he: "he asks Martins ... 'Nobody ...,' he says")
        for tier in ([] if here else [[p for p, s in reversed(prev) if s], [p for p, _ in reversed(prev)]]):
            for p in tier:
                if p != own_subj and p not in doers and (p.gender or self._said_sex.get(p)) == g and p not in told:
                    return p
        for k, tier in enumerate(tiers):
            for p in tier:
                if p != own_subj and p not in doers and p.gender == g:
                    return p
            for p in tier:
                if p != own_subj and p not in doers and p.gender is None and (p.named or tier == topic and k <= 1):
                    return p
        for p in order:
            if p != own_subj and p not in doers and p.gender is None:
                return p
        return None


#: Subordinators of a clause that tells a condition, a cause or a concession, not the story's
#: next event: its subject is not who the story line is about.
_NOT_HAPPENING = frozenset("unless if because although though whether lest".split())


def _object_read_as_subject(v: Any, subj: Any) -> bool:
    """ "Oskar locks the gate, warns Petra that ...": a joined verb whose "subject" follows it
    with a clause after that is telling its object, and the subject is the first verb's."""
    return v.dep_ == "conj" and subj.i > v.i and \
        any(c.dep_ in ("ccomp", "xcomp") and c.i > subj.i for c in v.children)


def _on_the_spot(t: Any, lemma: Any) -> bool:
    """A person word names somebody where the sentence happens, unless it is a name inside the
    content of a saying or a thought, or inside what one is asked or told to do ("tells him to
    persuade Sonny").  A pronoun there is kept: it takes up somebody the story has at hand
    ("Georges thinks she was playing a prank")."""
    if t.pos_ == "PRON":
        return True
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and (lemma(t.head) in SPEECH_VERBS or lemma(t.head) in entries("mind_verbs")):
            return False  # (but "watches his captains kiss his hand": they are there)
        if t.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in t.head.children):
            return False  # ("asks Hagen to tell Michael": Michael is not there)
        t = t.head
    return True


def _in_content(t: Any) -> bool:
    """Whether a word stands in a clause of what is said, found or thought ("reveals that
    Mr. Blue is dead") or asked of somebody ("tells him to persuade Sonny")."""
    while t.head.i != t.i:
        if t.dep_ == "ccomp" or t.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in t.head.children):
            return True
        t = t.head
    return False
