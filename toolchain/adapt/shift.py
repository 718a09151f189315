"""The person shift of reported speech: who "he", "she" and "they" are in the speaker's mouth.

"Ines says she is fine" is "I am fine" because "she" is Ines; "asks Paul where
he was" is "where were you" because "he" is Paul, the one asked.  Pronouns and
names pointing at the speaker become first person, at the listener second
person, and the verbs after them agree.  A pronoun that could be a third party
(one of the same sex named nearby, the doer of a clause it hangs on) keeps its
third person: a wrong "I" is worse than a kept "she".

``PersonShift`` is a mixin (through ``report.ReportedSpeech``) of
``speech.SpeechReader``: it reads the reader's tracker, lemmatizer and
per-sentence state.
"""
from __future__ import annotations

from typing import Any

from .action import present_form
from .cast import Person, subject_verb
from .grammar import FIRST, SECOND, Word, agree, base_from_3sg
from .lexicons import entries
from .lexicon import (
    FEMALE_NOUNS, GROUP_NOUNS, MALE_NOUNS, PERSON_NOUNS, PRON_GENDER, ROLE_SUFFIXES, SPEECH_FORMS, SPEECH_VERBS,
)

_SUBJ = ("nsubj", "nsubjpass")

#: Auxiliaries and modals as they stand in a clause (the word order of questions turns on them).
AUX = frozenset("is are was were am can could will would shall should may might must has have had "
                "does do did 's 're 'm ca wo".split())
_ADVERBS = frozenset("only never just already also really still always even so not n't".split())
_LEAVE_MODALS = frozenset("can could may might shall should".split())


class PersonShift:
    """Pronouns and names turned to I / you (mixed into ReportedSpeech)."""

    tracker: Any
    lemma: Any
    past: bool
    _reporting_past: bool = False
    _mutual: bool = False                 # two people telling each other: "they" are those two
    _both: tuple[Person, Person] | None = None   # two saying it at once: "they" that are those two
    _listener_does: Any = None            # the verb of an order the one told is to do ("to follow him")
    _drop: set[int]                       # token ids left out of what is said (quotation marks)
    _prev_sent: Any                       # the sentence before, for what "they" may mean

    def _shift(self, toks: list[Any], speaker: Person, addressee: object, explicit: bool,
               question: bool = False) -> list[Word]:
        """Words of the clause with pronouns and names turned to I / you, verbs agreeing."""
        tr = self.tracker
        # the one told, or the people told together ("orders Bo and Jim to help him")
        told: set[object] = set(addressee) if isinstance(addressee, tuple) else {addressee}
        words: list[Word] = []
        third_same: set[str] = set()
        third_at: dict[str, int] = {}
        thirds: dict[str, set[Person]] = {}   # who they are, by sex
        role_doers: list[tuple[Any, tuple[str, ...]]] = []
        # a third party of the speaker's sex named in the clause takes the pronouns after it
        for t in toks:
            r = tr.referent(t)
            if isinstance(r, Person) and t.lower_ not in PRON_GENDER and r != speaker \
                    and (r not in told or not explicit) and r.gender and r.named:
                third_at.setdefault(r.gender, t.i)
                thirds.setdefault(r.gender, set()).add(r)
            elif t.dep_ in _SUBJ and t.tag_ == "NN" and (r is None or r not in (speaker, addressee)) and \
                    (t.lower_ in PERSON_NOUNS or t.lower_.endswith(ROLE_SUFFIXES)):
                # "the violinist caused a stir when she...": in a clause hanging on what somebody
                # else does, "she" is most likely that somebody
                sexes = ("F",) if t.lower_ in FEMALE_NOUNS else ("M",) if t.lower_ in MALE_NOUNS else ("F", "M")
                role_doers.append((t.head, sexes))
        # ... and one named earlier in the sentence makes every such pronoun doubtful
        if toks:
            for t in toks[0].sent:
                if t.i >= toks[0].i:
                    break
                r = tr.referent(t)
                if isinstance(r, Person) and r != speaker and (r not in told or not explicit) and r.gender \
                        and r.named and t.lower_ not in PRON_GENDER and t.dep_ not in _SUBJ \
                        and not (t.dep_ == "poss" and tr.referent(t.head) == speaker):
                    third_at[r.gender] = -1
                elif t.dep_ in _SUBJ and t.tag_ == "NN" and t.lower_ in PERSON_NOUNS and r != speaker and \
                        r not in told and t.head.dep_ == "ccomp" and t.head.i != toks[0].head.i and \
                        any(c.dep_ in _SUBJ and tr.referent(c) not in (speaker, None) for c in t.head.head.children):
                    # "asks whether the president is alive, and he tells her that he has gone": a
                    # person another report before was about makes "he" doubtful
                    for g in (("F",) if t.lower_ in FEMALE_NOUNS else ("M",) if t.lower_ in MALE_NOUNS else ("F", "M")):
                        third_at[g] = -1
        toks = [t for t in toks if t.i not in self._drop]
        tok_ids = {t.i for t in toks}
        subject_i = False
        me_gender = speaker.gender
        if me_gender is None and not question:
            # "Lukas announces that he has sold...": the speaker's own pronoun opens the clause
            lead = [t for t in toks[:2] if t.lower_ in ("he", "she")]
            if lead:
                me_gender = PRON_GENDER[lead[0].lower_]
        listener = addressee if isinstance(addressee, Person) and explicit else None
        you_gender = listener.gender if listener is not None else None
        if toks and (me_gender is None or (listener is not None and you_gender is None)):
            # people of unknown sex: the pronoun the sentence used for them before the
            # clause tells it ("Tom tells her to be grateful for what she has")
            for t in toks[0].sent:
                if t.i >= toks[0].i:
                    break
                if t.lower_ in PRON_GENDER and t.tag_ in ("PRP", "PRP$"):
                    r = tr.referent(t)
                    if listener is not None and you_gender is None and r == listener:
                        you_gender = PRON_GENDER[t.lower_]
                    elif me_gender is None and r == speaker:
                        me_gender = PRON_GENDER[t.lower_]
        same = listener is not None and me_gender is not None and you_gender == me_gender
        # "arrests Tomas, claiming that he started it": what justifies a deed is about its object
        about_listener = not question and you_gender in (None, me_gender) and self._justifies_deed_on(toks, listener)
        # nobody else in the sentence: an unclaimed pronoun can only be the speaker's
        alone = bool(toks) and not any(
            isinstance(tr.referent(w), Person) and tr.referent(w) != speaker
            and tr.referent(w) not in (told if explicit else {None}) | {listener}
            and w.lower_ not in PRON_GENDER for w in toks[0].sent if w.i <= toks[-1].i)   # (not one named after)
        # words the text quotes inside the report are the speaker's own, pronouns and all
        # ('promises to make him "an offer he can't refuse"')
        marks = [t.i for t in toks[0].sent if t.text == '"'] if toks else []
        verbatim = {i for a, b in zip(marks[::2], marks[1::2]) for i in range(a, b + 1)}
        for t in toks:
            low = t.lower_
            if t.i in verbatim:
                words.append(Word(t.text, t.whitespace_, t))
                continue
            r = tr.referent(t)
            target = None
            form = _pron_role(t)
            if t.dep_ in _SUBJ and subject_i and (low not in PRON_GENDER or isinstance(r, Person) and r != speaker):
                subject_i = False   # a new clause with its own subject ("if she wants him to stay")
            third_same = {g for g, at in third_at.items() if at < t.i and not _bound_away(t, thirds.get(g, set()), tr)}
            if low in PRON_GENDER and t.tag_ in ("PRP", "PRP$"):
                g = PRON_GENDER[low]
                if form == "refl" and self._listener_does is not None and listener is not None and \
                        _verb_of(t).i == self._listener_does.i and you_gender in (g, None):
                    # "orders Marshall to give himself up": the one told does it to himself
                    words.append(Word("yourself", t.whitespace_, t))
                    continue
                if form == "obj" and t.dep_ in ("dobj", "dative") and self._listener_does is not None \
                        and t.head.i == self._listener_does.i and listener is not None and you_gender in (g, None):
                    # "asks Ortega to follow him": the one told does it, so "him" is somebody else
                    words.append(Word(t.text, t.whitespace_, t))
                    continue
                own_clause = t.tag_ == "PRP$" and isinstance(r, Person) and r not in (speaker, listener) and \
                    any(c.dep_ in _SUBJ and c.pos_ == "PROPN" and tr.referent(c) == r and c.i < t.i
                        for c in subject_verb(_clause_of(t)).children)
                if g in third_same or _under_doer(t, g, role_doers) or own_clause:
                    target = None   # (or "Eddie is on his way": his own, whatever the speaker's sex)
                elif about_listener and g in (you_gender, me_gender):
                    target, you_gender = "2", g
                elif question and same and g == me_gender:
                    target = "2"    # "asks Lukas why he hates...": asked about himself
                elif question and listener is not None and you_gender is None and g == me_gender \
                        and not _asks_leave(t):
                    # "asks Robin if she is ready": one asks the other about them, not oneself
                    target, you_gender = "2", g
                elif g == me_gender:
                    # "he is happy to see him": the object is somebody else
                    target = "1"
                    if form == "obj" and (subject_i or self._said_by(t, speaker)):
                        target = "2" if (listener is not None and you_gender == g) else None
                elif listener is not None and g == you_gender:
                    target = "2"
                # people of unknown sex: the pronouns tell, one party at a time
                elif listener is not None and you_gender is None and me_gender is not None:
                    target, you_gender = "2", g
                elif me_gender is None and you_gender is not None and (alone or listener is not None) \
                        and not (question and (listener is None or (form == "subj" and not _asks_leave(t)))) \
                        and not self._rival_of_sex(g, speaker, listener):
                    target, me_gender = "1", g
                elif me_gender is None and you_gender is None:
                    if form == "obj" and self._said_by(t, speaker):
                        target, you_gender = "2", g   # "accuses him": him is not the accuser
                    elif question and listener is not None:
                        target, you_gender = "2", g   # "asks Paul where he was": about Paul
                    elif alone and listener is None and not question:
                        target, me_gender = "1", g    # "promises to call her sister"
                    elif r == speaker and listener is None and not question and form == "obj" and \
                            t.dep_ in ("dobj", "dative") and _other_subject(t, tr, speaker):
                        # "confesses that Ames ordered him to ...": done to the speaker by another
                        target, me_gender = "1", g
            elif low in ("they", "them", "their", "themselves") and isinstance(r, tuple) and speaker in r \
                    and (set(r) == set(self._both or ()) or not self._plural_near(t)):
                # "says they would love to...": the speaker is one of them
                words.append(Word({"they": "we", "them": "us", "their": "our"}.get(low, "ourselves"),
                                  t.whitespace_, t))
                continue
            elif low in ("they", "them", "their", "themselves") and not isinstance(r, tuple) \
                    and self._speaker_and_one_more(toks, t, speaker, listener):
                # "says Tomas taught her to swim when they were children": the two just named
                words.append(Word({"they": "we", "them": "us", "their": "our"}.get(low, "ourselves"),
                                  t.whitespace_, t))
                continue
            elif low == "their" and not isinstance(r, tuple) and self._just_us(t, speaker, listener):
                # "admits to Mara that he sold their father's watch": what the two of them share
                # (only "their": "invites Max to come with them" is the others, not Max)
                words.append(Word("our", t.whitespace_, t))
                continue
            elif isinstance(addressee, tuple) and explicit and low in ("they", "them", "their", "themselves"):
                words.append(Word({"they": "you", "them": "you", "their": "your"}.get(low, "yourselves"),
                                  t.whitespace_, t))
                continue
            elif isinstance(r, Person) and isinstance(addressee, Person) and r == addressee and \
                    explicit and t.text[:1].isupper() and r.named and t.dep_ != "conj" and \
                    not any(c.dep_ == "conj" and c.i in tok_ids for c in t.children) and \
                    (t.dep_ in _SUBJ or t.dep_ in ("dobj", "pobj", "dative")) and \
                    (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].tag_ not in ("POS",)):
                # "asks if Marek is coming" said to Marek: "are you coming?"
                while words and words[-1].tok is not None and tr.referent(words[-1].tok) == r:
                    words.pop()
                words.append(Word("you", t.whitespace_ or " ", t))
                continue
            if target is None:
                words.append(Word(t.text, t.whitespace_, t))
                continue
            table = FIRST if target == "1" else SECOND
            words.append(Word(table[form], t.whitespace_, t))
            if target == "1" and form == "subj":
                subject_i = True
        if self.past and self._reporting_past:
            # told in the past: "said the ice was thin" is "the ice is thin" in her mouth
            for w in words:
                t = w.tok
                if t is None or w.text in ("I", "you"):
                    continue
                timed = t.tag_ == "VBD" and any(
                    c.dep_ == "mark" and c.lower_ in ("after", "before", "until", "when", "if", "unless", "once")
                    for c in t.children)
                perfect = t.lower_ == "had" and t.dep_ == "aux" and t.head.tag_ == "VBN"   # "had seen": "have seen"
                # ("said she wanted to leave": a state then is hers still when she says it)
                stative = t.tag_ == "VBD" and t.dep_ not in ("aux", "auxpass") and \
                    self.lemma(t) in entries("stative_verbs")
                if t.lower_ in ("was", "were", "could", "would") or timed or perfect or stative:
                    present = present_form(t, self.lemma)
                    if present:
                        w.text = present
        _agree_surface(words)
        return words

    def _justifies_deed_on(self, toks: list[Any], listener: Person | None) -> bool:
        """Whether the clause is said while doing something to the listener ("fires Ana,
        saying she stole"): a participle of saying hung on a verb that is not itself one of
        saying, whose object is the listener."""
        if not toks or listener is None:
            return False
        v = toks[0].head
        while v.dep_ not in ("advcl", "xcomp") and v.head.i != v.i and v.dep_ in ("ccomp", "conj"):
            v = v.head
        if v.dep_ != "advcl" or v.tag_ != "VBG" or self.lemma(v) not in SPEECH_VERBS:
            return False
        deed = v.head
        return self.lemma(deed) not in SPEECH_VERBS and any(
            c.dep_ == "dobj" and self.tracker.referent(c) == listener for c in deed.children)

    def _rival_of_sex(self, g: str, speaker: Person, listener: Person | None) -> bool:
        """Whether somebody else of sex ``g`` was named in this sentence or the one before: a
        speaker of unknown sex then cannot be told from them ("Pike warns her that no jury will
        acquit him" after a sentence about Elijah), so the pronoun stays as the narrator had it."""
        return any(p.gender == g and p.named and p not in (speaker, listener) for p in self.tracker.nearby_people())

    def _said_by(self, t: Any, speaker: Person) -> bool:
        """Whether an object pronoun's own verb has the speaker as subject (then it is
        somebody else: one would say "himself")."""
        v = t.head
        while v.dep_ in ("prep", "pobj", "dative", "dobj") and v.head.i != v.i:
            v = v.head
        return any(c.dep_ == "nsubj" and c.i != t.i and self.tracker.referent(c) == speaker
                   for c in subject_verb(v).children)

    def _speaker_and_one_more(self, toks: list[Any], t: Any, speaker: Person, listener: Person | None) -> bool:
        """Whether the clause, before ``t``, names the speaker and one other person (not the
        one told), each on their own and no plural: then "they" can only be those two."""
        before = [w for w in toks if w.i < t.i]
        if any(w.dep_ == "conj" or w.tag_ in ("NNS", "NNPS") for w in before) or self._plural_near(t):
            return False
        people = {r for w in before for r in [self.tracker.referent(w)] if isinstance(r, Person)}
        return speaker in people and len(people) == 2 and listener not in people

    def _just_us(self, t: Any, speaker: Person, listener: Person | None) -> bool:
        """Whether "they" can only be the speaker and the one told: a listener named, nobody else
        in the sentence, no plural before it here or just before."""
        if listener is None or listener == speaker or self._plural_near(t):
            return False
        if any(w.tag_ in ("NNS", "NNPS") and w.i < t.i for w in t.sent):
            return False
        return set(self.tracker.in_sentence()) <= {speaker, listener}

    def _plural_near(self, t: Any) -> bool:
        """A plural noun just before "they" (here or in the last sentence) may be what it means
        (not when two people tell each other: "they" are those two)."""
        if self._mutual:
            return False
        if any(w.tag_ == "NNS" and w.i < t.i and w.is_lower and w.lower_ not in SPEECH_FORMS
               and w.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")
               for w in t.sent):   # a plural noun, not a name or verb mis-tagged
            return True
        return self._prev_sent is not None and any(
            w.tag_ == "NNS" and w.is_lower and (w.lower_ in GROUP_NOUNS or w.lower_.rstrip("s") in PERSON_NOUNS)
            for w in self._prev_sent)


def _bound_away(t: Any, others: set[Person], tr: Any) -> bool:
    """Whether an object pronoun cannot be any of the others of its sex named before it, they
    being the subject of its own verb ("Ames ordered him": not Ames)."""
    if t.dep_ not in ("dobj", "dative") or t.lower_ not in ("him", "her") or not others:
        return False
    subjects = {tr.referent(c) for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    return others <= subjects


def _other_subject(t: Any, tr: Any, speaker: Person) -> bool:
    """Whether the verb an object pronoun hangs on has a named subject who is not the speaker."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRON_GENDER and
               isinstance(tr.referent(c), Person) and tr.referent(c) != speaker for c in t.head.children)


def _under_doer(t: Any, g: str, doers: list[tuple[Any, tuple[str, ...]]]) -> bool:
    """Whether a pronoun sits in an adverbial clause of a verb somebody else does."""
    for verb, sexes in doers:
        if g not in sexes:
            continue
        node, via_advcl = t, False
        for _ in range(12):
            if node.i == verb.i:
                if via_advcl:
                    return True
                break
            if node.dep_ == "advcl":
                via_advcl = True
            if node.head.i == node.i:
                break
            node = node.head
    return False


def _agree_surface(words: list[Word]) -> None:
    """Make the verb after a new I / you subject agree, and verbs coordinated with it."""
    k = 0
    while k < len(words):
        w = words[k]
        if w.text in ("I", "you") and w.tok is not None and w.tok.lower_ in ("he", "she", "they") or \
                (w.text == "you" and w.tok is not None and w.tok.tag_.startswith("NN")):
            person = "1" if w.text == "I" else "2"
            j = k + 1
            if j < len(words) and words[j].text == "and":
                k += 1
                continue  # "he and his wife are": a plural subject keeps its verb
            while j < len(words):
                x = words[j]
                if x.text.lower() in _ADVERBS or (x.tok is not None and x.tok.tag_ in ("RB",)):
                    j += 1
                    continue
                if x.tok is not None and (x.tok.tag_.startswith("VB") or x.tok.tag_ == "MD" or
                                          x.text.lower() in AUX):
                    if x.text != x.tok.text:   # already put in the present ("had seen" -> "has seen")
                        fixed = {"has": "have", "does": "do", "is": "am" if person == "1" else "are"}.get(
                            x.text.lower())
                        # ("wanted" put in the present as "wants": "I want")
                        x.text = fixed if fixed else base_from_3sg(x.text) if x.tok.tag_ == "VBD" and \
                            x.text.endswith("s") else x.text
                    elif x.tok.tag_ != "MD":
                        x.text = agree(x.tok, person)
                    # "was in London and now wishes": coordinated verbs agree too
                    m = j + 1
                    while m < len(words) - 1:
                        if words[m].text in ("and", "but") and words[m].tok is not None:
                            n = m + 1
                            while n < len(words) and (words[n].text.lower() in _ADVERBS or
                                                      (words[n].tok is not None and words[n].tok.tag_ == "RB")):
                                n += 1
                            if n < len(words) and words[n].tok is not None and words[n].tok.tag_ == "VBZ":
                                words[n].text = agree(words[n].tok, person)
                            elif n < len(words) and words[n].tok is not None and words[n].tok.tag_ == "VBD" and \
                                    words[n].text != words[n].tok.text and words[n].text.endswith("s") and \
                                    words[n].text.lower() not in ("is", "was", "has", "does"):
                                words[n].text = base_from_3sg(words[n].text)   # ("... and believed": "believe")
                            break
                        if words[m].tok is not None and words[m].tok.dep_ in _SUBJ:
                            break
                        m += 1
                break
        k += 1


def _asks_leave(t: Any) -> bool:
    """A question whose clause asks leave or offers ("if she can stay", "whether he should
    call"): there the asker means themself; otherwise one asks about somebody else."""
    v = t.head if t.dep_ in _SUBJ else None
    return v is not None and any(c.dep_ == "aux" and c.lower_ in _LEAVE_MODALS for c in v.children)


#: Verbs by which one person sees another home ("drives her home"): "her" is no possessive there.
_SEE_HOME = frozenset("drive take walk bring send see carry fly row ride escort accompany".split())


def _pron_role(t: Any) -> str:
    low = t.lower_
    if low in ("himself", "herself"):
        return "refl"
    if low == "hers":
        return "pposs"
    v = t.head.head
    if low == "her" and t.head.lower_ == "home" and t.head.i == t.i + 1 and \
            (base_from_3sg(v.lower_) if v.tag_ == "VBZ" else v.lower_) in _SEE_HOME:
        return "obj"    # "offers to drive her home": her, taken home, not her home
    if low == "his" and t.dep_ != "poss" and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in ("NOUN", "ADJ")):
        return "pposs"   # "the choice is his": mine, not my
    if t.tag_ == "PRP$" or low == "his" or t.dep_ == "poss":   # ("her ex-husband" tagged PRP)
        return "poss"
    if low in ("he", "she", "they"):
        return "subj"
    return "obj"


def _clause_of(t: Any) -> Any:
    """The verb a word's phrase hangs on (up through prepositions and objects)."""
    v = t.head
    while v.dep_ in ("prep", "pobj", "dative", "dobj", "attr", "poss") and v.head.i != v.i:
        v = v.head
    return v


def _verb_of(t: Any) -> Any:
    """The verb a word's phrase hangs on ("look after himself": "look")."""
    v = t.head
    while v.dep_ in ("prep", "pobj", "dobj", "dative", "prt") and v.head.i != v.i and not v.tag_.startswith("VB"):
        v = v.head
    return v
