"""Reported speech in the speaker's own words.

"Ines says she is fine" -> "I am fine."; "asks Paul where he was" -> "Where
were you?"; "tells him not to wait" -> "Don't wait."; "promises to call" ->
"I'll call.".  The content of a verb of saying is found from the parse (a
that/if/wh- clause, a "to" infinitive) or, when the small model misparses,
from word order.  Whatever is doubtful returns None, and the sentence stays
action.  Here: who is told, what clause is said, and the kind of line it
makes; how far it runs is in extent.py, the person shift in shift.py, the
word order of questions in question.py.

``ReportedSpeech`` is a mixin of ``speech.SpeechReader``: it reads the
reader's tracker, lemmatizer and per-sentence state.
"""
from __future__ import annotations

from typing import Any, Callable

from .cast import Person
from .extent import SaidExtent, cut_at_next_speech, cut_new_clause, drop_conj_that, statement_to_end
from .grammar import WH_WORDS, Word, fix_i_capital, render, sentence_case
from .lexicon import PRON_GENDER, REQUEST_VERBS, SPEECH_FORMS, SPEECH_VERBS
from .performative import performative_line
from .question import IndirectQuestion

_SUBJ = ("nsubj", "nsubjpass")

_IMPERATIVE_VERBS = frozenset("tell order instruct urge warn remind advise".split())
_REQUEST_VERBS = frozenset("ask beg plead request".split())
_BE_FORMS = frozenset("is are was were 's".split())
#: Prepositions the tagger may call adverbs when their object is missing ("to hear about").
_STRANDABLE = frozenset("about at for to with from of on into in over after".split())
#: Verbs of telling about a topic ("tells her of the routine, how ...").
_TOPIC_TELLING = frozenset("tell explain write".split())
#: Verbs after which a clause in the subjunctive is an order ("insists he go").
_MANDATIVE = frozenset("insist demand ask beg urge suggest propose request plead order".split())


class ReportedSpeech(SaidExtent, IndirectQuestion):
    """Turning reported speech into lines (mixed into SpeechReader)."""

    speakers: list[object]
    _keep_clause: set[int]                # verbs of saying whose clause stays action
    _subjectlike: Callable[[Any], object]  # SpeechReader's: who a token stands for, if a subject

    def _addressee(self, v: Any) -> tuple[Any, object]:
        # a second "subject" right after the verb, when it has one before, is its object
        # misparsed ("a doctor, Dr. Ibarra, warns Marisol that ...")
        second = any(c.dep_ == "nsubj" and c.i < v.i for c in v.children)
        for c in v.children:
            if c.dep_ in ("dobj", "dative", "iobj") or (second and c.dep_ == "nsubj" and c.i == v.i + 1):
                r = self.tracker.referent(c)
                if r is None:
                    for w in c.subtree:
                        r = self.tracker.referent(w)
                        if r is not None:
                            break
                more = [self.tracker.referent(g) for g in c.children if g.dep_ == "conj"]
                if isinstance(r, Person) and more and all(isinstance(p, Person) and p != r for p in more):
                    return c, (r, *more)   # "orders Bo and Jim to ...": told together
                return c, r
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return c, self.tracker.referent(g)
        return None, None

    def _reported(self, v: Any, lem: str, speaker: object, sent: Any,
                  quotes: list[tuple[int, int]], listener: Person | None = None,
                  mutual: bool = False, both: tuple[Person, Person] | None = None) -> tuple[str, set[int]] | None:
        """Rewrite reported speech as a line, or None when it is not safe to.

        ``listener`` is the one told when the parse cannot say ("each other", the reader
        of a letter); ``mutual`` when two people tell each other; ``both`` when two say it
        at once ("they say they jumped ship": their "they" is "we")."""
        self._more = []
        self._reporting_past = _told_in_past(v)
        self._mutual = mutual
        self._both = both
        if not isinstance(speaker, Person):
            return None
        obj, addressee = self._addressee(v)
        if obj is None and listener is None and v.dep_ == "conj" and \
                not any(c.dep_ in _SUBJ for c in v.children):
            addressee = self._told_by_head(v, speaker)
        if listener is not None:
            addressee = listener
        if isinstance(addressee, tuple):
            if speaker in addressee:
                return None
        self._named_listener = obj is not None
        if addressee is None and obj is None:
            addressee = self._replier(v, lem, sent, speaker) or self._governing_listener(v, speaker) or \
                self._turn_listener(speaker, sent, v)
            if addressee is not None and lem not in ("ask", "wonder", "inquire", "enquire", "question") and any(
                    t.dep_ in _SUBJ and t.head.i != v.i and t.lower_ not in PRON_GENDER and
                    self.tracker.referent(t) == addressee for t in v.subtree):
                addressee = None   # a guess the words deny: "confesses that Ames ordered him" is not to Ames
                # (one is asked about oneself: "asks if Georges is bringing his coat")
            explicit = addressee is not None
            if addressee is None:
                addressee = next((p for p in self.tracker.recent_people() if p != speaker), None)
                # "asks if he can photograph her", the one person about: she is the one asked
                explicit = lem == "ask" and isinstance(addressee, Person) and any(
                    t.lower_ in ("him", "her") and t.dep_ in ("dobj", "dative") and
                    self.tracker.referent(t) == addressee for t in v.subtree if t.i > v.i) and \
                    self.tracker.nearby_people() - {speaker} == {addressee}
        else:
            explicit = True
        asked = self._wh_after_topic(v, lem, sent)
        if asked is not None:
            # "asks of her health and why he hasn't called": the topic stays action, the
            # question after it is said
            yn = asked[0].lower_ in ("if", "whether")
            text = self._question(self._shift(asked[1:] if yn else asked, speaker, addressee, explicit,
                                              question=True), yn)
            if not text:
                return None
            self._keep_clause.add(v.i)
            return text, {t.i for t in asked} | {asked[0].i - 1}
        after = self._how_after_topic(v, lem, sent)
        if after is not None:
            # "tells her of the routine, how sometimes it works": the topic stays action, the
            # "how" clause is what is said
            said = self._so_adjective(after, speaker, addressee, explicit) if after[1].tag_ == "JJ" else \
                render(self._shift(after[1:], speaker, addressee, explicit))
            if said is None:
                return None
            self._keep_clause.add(v.i)
            return sentence_case(fix_i_capital(said)), {t.i for t in after} | {after[0].i - 1}
        clause, mode = self._content_clause(v, obj)
        told = self._told_how(v) if clause is None else None
        if told is not None:
            clause = told[0]
        if clause is None and lem in _REQUEST_VERBS:
            asked_for = self._request_for(v, obj, speaker, addressee, explicit)
            if asked_for is not None:
                return asked_for
        surface = None
        if clause is None:
            surface = self._surface_content(v, sent)
            if surface is None:
                return None
            toks, obj_toks, addr = surface
            if addr is not None:
                addressee, explicit = addr, True
                self._named_listener = True
                if isinstance(addressee, tuple) and speaker in addressee:
                    return None
        else:
            toks = sorted(clause.subtree, key=lambda t: t.i)
            obj_toks = []
            if mode == "to":
                toks += _bare_infinitive_after(v, clause)
            mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("that", "if", "whether")), None)
            if mark is not None:
                # "tells Jess, as they watch the game, that Helen has left him": the clause set
                # between the telling and its "that" is the narrator's, and stays in the action
                toks = [t for t in toks if t.i >= mark.i]
        # a conjunct verb of the speech verb is not part of what is said
        toks = [t for t in toks if t.i > v.i or clause.i < v.i]
        toks = self._without_deeds(v, clause, sent, toks, speaker, listener)
        toks = _without_the_speakers_deed(toks)
        toks = self._without_aftermath(cut_at_next_speech(toks), speaker)
        if not toks:
            return None
        nxt = toks[-1].i + 1
        toks, nxt = self._runs_on(v, clause, sent, toks, nxt, addressee, explicit, obj)
        self._more = self._more_after(sent, nxt)
        self._more_joint = ""
        if not self._more and clause is not None:
            self._more, self._more_joint = self._backshifted(v, clause, sent, nxt)
        toks = self._without_aftermath(self._runs_on_after(v, clause, sent, toks, nxt), speaker)
        toks = self._without_meanwhile(toks, speaker, addressee)
        inside = {t.i for t in toks}
        if any(t.i != v.i and t.tag_.startswith("VB") and self.lemma(t) in SPEECH_VERBS and
               any(c.dep_ in _SUBJ and c.i in inside for c in t.children) and _set_off(t) for t in toks):
            return None   # somebody else's aside inside it ("the mob which, the doctor tells her, ...")
        consumed = {t.i for t in toks} | {v.i} | {t.i for t in obj_toks}
        if told is not None:
            consumed |= {t.i for t in told[1].subtree}   # "a story of how ...": the telling
        if obj is not None and clause is not None:
            consumed |= {t.i for t in obj.subtree if t.i not in {x.i for x in toks}} if clause.head != obj else \
                {t.i for t in obj.subtree if t.i < clause.left_edge.i}
        bidden = self._mandate(lem, clause, toks, speaker) if mode == "say" else None
        if bidden is not None:
            return bidden, consumed
        first = toks[0]
        if mode == "to":
            return self._with_more(self._infinitive(lem, clause, toks, speaker, addressee, explicit, obj),
                                   consumed, speaker, addressee, explicit)
        # strip the complementiser
        question = lem in ("ask", "wonder", "inquire", "enquire", "question")
        yn = False
        if first.lower_ in ("that",) and (first.dep_ == "mark" or clause is None or (
                first.dep_ not in _SUBJ and any(c.dep_ in _SUBJ and c.i > first.i for c in clause.children))):
            # (also "that" the parse took for an object, before the clause's own subject)
            toks = toks[1:]
        elif first.lower_ in ("if", "whether") and (first.dep_ in ("mark", "advmod", "preconj", "cc") or clause is None):
            toks = toks[1:]
            yn = True
        elif first.lower_ == "how" and not question and (lem in ("describe", "recall", "explain", "recount")
                                                          or told is not None):
            toks = toks[1:]
        if not toks:
            return None
        if question and (yn or toks[0].lower_ in WH_WORDS):
            cut = cut_new_clause(toks)
            # what follows the question is the sentence's again (", and Dana hands her a folder")
            consumed -= {t.i for t in toks[len(cut):]}
            toks = cut
            for k in range(1, len(toks)):
                j = k - 1
                while j > 0 and toks[j].tag_ == "RB":
                    j -= 1
                who = self._subjectlike(toks[j])
                if toks[k].lower_ in SPEECH_FORMS and who is not None and who != speaker \
                        and toks[k].tag_.startswith(("VB", "NN")):
                    return None  # "asks how Ines insists...": a misread "asks how, Ines insists"
            text = self._question(self._shift(toks, speaker, addressee, explicit, question=True), yn)
            return (text, consumed) if text else None
        if yn and lem == "apologize":
            words = self._shift(toks, speaker, addressee, explicit)
            return sentence_case("I'm sorry if " + render(words)), consumed
        if question:
            return None  # "asks of X", "asks about X": no words to put in a mouth
        if toks[0].lower_ in ("how", "what") and lem not in ("describe", "recall", "explain", "recount"):
            said = self._so_adjective(drop_conj_that(toks), speaker, addressee, explicit)
            if said is None:
                return None  # "tells him what a fool he was": an exclamation, not safe to rebuild
            return self._with_more(sentence_case(fix_i_capital(said)), consumed, speaker, addressee, explicit)
        root = clause if clause is not None else next((t for t in toks if t.tag_.startswith("VB") or t.tag_ == "MD"), toks[0])
        if lem in ("insist", "demand", "suggest", "propose", "recommend", "urge") and root.tag_ in ("VB", "VBP") \
                and not any(c.dep_ == "aux" for c in root.children):
            return None  # "insists he promise": a subjunctive, no sure way to say it
        toks = drop_conj_that(toks)
        words = self._shift(toks, speaker, addressee, explicit)
        if lem == "deny":
            # "denies that she is running away": what is said is the clause turned round
            denied = _negated(words, root)
            if denied is None:
                return None
            words = denied
        return self._with_more(sentence_case(fix_i_capital(render(words))), consumed, speaker, addressee, explicit)

    def _told_by_head(self, v: Any, speaker: Person) -> Person | None:
        """The one told by the verb of saying a subjectless conjunct verb hangs on: "tells him
        her sister is ill and asks whether he can help" asks him too."""
        told = self._addressee(v.head)[1]
        h = v.head
        # "tells her that the mayor resigned and asks ...": the parse may hang "asks" on the clause
        for _ in range(3):
            if told is not None or h.dep_ not in ("ccomp", "conj", "xcomp"):
                break
            h = h.head   # ("encourages her to apply and offers to ...": "offers" hangs on "apply")
            if self.lemma(h) in ("tell", "ask", "inform", "remind", "assure", "warn") or \
                    self.lemma(h) in REQUEST_VERBS and v.dep_ == "conj" and v.head.dep_ == "xcomp":
                told = self._addressee(h)[1]
        return told if isinstance(told, Person) and told != speaker else None

    @staticmethod
    def _content_clause(v: Any, obj: Any) -> tuple[Any, str]:
        """The clause the parse shows as what is said, and how: "say" for a that/if/wh- clause,
        "to" for an infinitive; (None, "say") when there is none."""
        clause = None
        mode = "say"
        # an order after the verb ("tells him not to go") is what is said, not a clause
        # the parse hung before it ("She is astounded, but ... she tells him not to go")
        told_to = any(c.dep_ == "xcomp" and c.i > v.i and
                      any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in v.children)
        for c in v.children:
            # (not a clause before a semicolon: "He invites her; she agrees" - the parse's slip)
            # (nor one before a verb with no subject of its own after it: "Priya refuses at first,
            # then agrees" - a fronted report has its teller after it: "..., he says")
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and \
                    not (c.tag_ == "VBG" and not any(a.dep_ in ("aux", "auxpass") for a in c.children)) and \
                    not (c.i < v.i and (told_to or any(t.text == ";" for t in v.doc[c.i:v.i]) or
                                        not any(d.dep_ in ("nsubj", "nsubjpass") and d.i > c.i for d in v.children))):
                clause = c
                break
        if clause is None:
            for c in v.children:
                if c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                    clause, mode = c, "to"
                    break
        if clause is None and obj is not None and obj.right_edge.i + 2 < len(v.doc):
            # "orders Bo and Jim to help him": the parse may hang the infinitive right after the
            # one told on another verb; standing there, it is what they are told to do
            to = v.doc[obj.right_edge.i + 1]
            inf = to.head
            if to.lower_ == "to" and to.dep_ == "aux" and inf.tag_ == "VB" and inf.i == to.i + 1 \
                    and v not in inf.subtree and inf.dep_ in ("advcl", "xcomp", "ccomp"):
                return inf, "to"
        if clause is None and obj is not None:
            for c in obj.children:   # "tells the couple that they ..." parsed as a relative clause
                if c.dep_ in ("relcl", "acl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
                    clause = c
                    break
        return clause, mode

    def _request_for(self, v: Any, obj: Any, speaker: Person, addressee: object,
                     explicit: bool) -> tuple[str, set[int]] | None:
        """"asks him for more time" as "Can I have more time?", or None without a "for" phrase."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "for" and (obj is None or isinstance(self.tracker.referent(obj), Person)):
                pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]   # "for his help (getting up)"
                if pobj and (pobj[0].lower_ in ("him", "her", "them", "me", "us") or
                             isinstance(self.tracker.referent(pobj[0]), Person)):
                    return None   # "pleads for him": on somebody's behalf, not asking to have them
                if pobj:
                    toks = sorted(pobj[0].subtree, key=lambda t: t.i)
                    # the phrases right after it are the request's too ("for work in exchange for food")
                    for p in sorted((x for x in v.children if x.dep_ == "prep" and x.i > c.i), key=lambda x: x.i):
                        if p.left_edge.i != toks[-1].i + 1:
                            break
                        toks += sorted(p.subtree, key=lambda t: t.i)
                    words = self._shift(toks, speaker, addressee, explicit)
                    body = render(words)
                    consumed = {t.i for t in toks} | {c.i, v.i}
                    return sentence_case(fix_i_capital("Can I have " + body), "?"), consumed
        return None

    def _without_aftermath(self, toks: list[Any], speaker: Person) -> list[Any]:
        """What is said without a closing participle that names the speaker (", causing Georges
        to break down in tears"): the narrator telling what the words did, left as action."""
        ids = {t.i for t in toks}
        for k, t in enumerate(toks[:-2]):
            if t.text == "," and toks[k + 1].lower_ == "only" and toks[k + 2].lower_ in ("to", "for"):
                # ", only for her to chuck a bowl at him": what came of it, the narrator's irony
                return toks[:k]
        for t in toks:
            if t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i - 1 in ids and \
                    t.doc[t.left_edge.i - 1].text == "," and \
                    any(w.text[:1].isupper() and w.lower_ not in PRON_GENDER and self.tracker.referent(w) == speaker
                        for w in t.subtree):
                return [w for w in toks if w.i < t.left_edge.i - 1]
        return toks

    def _performative(self, v: Any, lem: str, speaker: Person,
                      quotes: list[tuple[int, int]], pair: bool = False) -> tuple[str, set[int]] | None:
        """A speech act without content as the act said aloud ("I deny it."), or None."""
        obj, addressee = self._addressee(v)
        if isinstance(addressee, tuple) and speaker in addressee:
            return None
        if addressee is None and obj is None and v.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in v.children):
            addressee = self._told_by_head(v, speaker)   # "encourages her to apply and offers to ..."
        if addressee is None:
            # as for reported speech: the one the act answers, when nobody else fits
            addressee = self._governing_listener(v, speaker) or self._turn_listener(speaker, v.sent, v)
        explicit = addressee is not None
        self._more = []
        self._reporting_past = _told_in_past(v)
        inside = {i for a, b in quotes for i in range(a, b + 1)}
        out = performative_line(v, lem, lambda toks: self._shift(toks, speaker, addressee, explicit), self.lemma,
                                self.tracker.referent, pair)
        if out is None or out[1] & inside:
            return None
        text, taken = out
        words = [i for i in taken if not v.doc[i].is_punct]
        if words and v.i in taken:
            # "calls him a wicked old man, and that she feels sorry for him": a later "and that"
            # clause is still what the act says
            nxt = max(words) + 1
            k = nxt
            while k < v.sent.end and v.doc[k].lower_ in (",", "and", "but"):
                k += 1
            if k > nxt and k < v.sent.end and v.doc[k].lower_ == "that" and v.doc[k - 1].lower_ in ("and", "but"):
                self._more = self._more_after(v.sent, nxt)
                if self._more:
                    return self._with_more(text, taken, speaker, addressee, explicit)
        return out

    def _replier(self, v: Any, lem: str, sent: Any, speaker: Person) -> Person | None:
        """The one who answers in the same sentence was the one asked: "asks how his work is
        going, and Ines describes her travels" is put to Ines."""
        if lem not in ("ask", "inquire", "enquire"):
            return None
        for k in range(v.i + 1, sent.end - 1):
            t = sent.doc[k + 1]
            if sent.doc[k].lower_ != "and" or t.dep_ not in _SUBJ or t.lower_ in PRON_GENDER:
                continue
            r = self.tracker.referent(t)
            if isinstance(r, Person) and r != speaker and r.named and t.head.i > t.i:
                return r
            return None
        return None

    def _governing_listener(self, v: Any, speaker: Person) -> Person | None:
        """The listener of a verb of saying that hangs on another verb's act.

        "lures her into a trap by claiming he holds her mother": the one lured
        is the one told; likewise "calms him, saying ...".
        """
        if v.dep_ not in ("pcomp", "advcl", "xcomp") or v.tag_ != "VBG":
            return None
        gov = v.head.head if v.head.dep_ == "prep" else v.head
        for c in gov.children:
            if c.dep_ in ("dobj", "dative"):
                r = self.tracker.referent(c)
                if isinstance(r, Person) and r != speaker:
                    # two women or two men: "she" in what is said could be either
                    return None if r.gender and r.gender == speaker.gender else r
        return None

    def _turn_listener(self, speaker: Person, sent: Any, v: Any) -> Person | None:
        """Whom a speaker answers: the last other speaker in the scene, if nobody else fits.

        "Ines says he wasn't supposed to be home" right after Marek spoke is
        said to Marek: "You weren't supposed to be home."  Not when another
        person of that sex is named in the sentence outside what is said.
        """
        other = next((p for p in reversed(self.speakers) if isinstance(p, Person) and p != speaker), None)
        if other is None:
            present = [p for p in self.tracker.recent_people()[:4] if p != speaker]
            others = {p for p in present}
            if len(others) == 1:
                other = present[0]   # two people in the scene: the other one listens
        if other is None or other.gender is None:
            return None
        for t in sent:
            if t.i >= v.i:
                break
            r = self.tracker.referent(t)
            if isinstance(r, Person) and r not in (speaker, other) and r.gender == other.gender \
                    and t.lower_ not in PRON_GENDER:
                return None
        # nor when the talk was just about somebody else of that sex
        if any(p not in (speaker, other) and p.gender == other.gender and p not in self.speakers
               for p, _ in (self.tracker.history[-1] if self.tracker.history else [])):
            return None
        return other

    def _mandate(self, lem: str, clause: Any, toks: list[Any], speaker: Person) -> str | None:
        """"insists she stay", "demands he leave": a subjunctive is an order to that person,
        said to them: "Stay.", "Leave."  (The verb keeps its plain form after he/she.)"""
        if clause is None or lem not in _MANDATIVE or clause.tag_ not in ("VB", "VBP"):
            return None
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            return None
        who = self.tracker.referent(subj)
        if not isinstance(who, Person) or who == speaker or \
                not (subj.lower_ in ("he", "she") or (subj.tag_ == "NNP" and clause.tag_ == "VBP")):
            return None
        rest = [t for t in toks if t.i not in {w.i for w in subj.subtree} and
                not (t.dep_ == "mark" and t.head.i == clause.i)]
        words = self._shift(rest, speaker, who, True)
        neg = bool(words) and words[0].tok is not None and words[0].tok.dep_ == "neg"
        body = render(words[1:] if neg else words)
        if not body:
            return None
        if lem in ("suggest", "propose"):
            # a suggestion is not an order: "suggests she sell the field" is "You could sell the field."
            body = ("you shouldn't " if neg else "you could ") + body[:1].lower() + body[1:]
        elif neg:
            body = "Don't " + body
        return sentence_case(fix_i_capital(body))

    def _so_adjective(self, toks: list[Any], speaker: Person, addressee: object, explicit: bool) -> str | None:
        """"how proud she is of him" as a statement, "she is so proud of him", or None.

        Only "how" + adjective + a short subject + a form of "be"; anything else is left."""
        if len(toks) < 4 or toks[0].lower_ != "how" or toks[1].tag_ not in ("JJ",):
            return None
        be = next((k for k in range(2, min(len(toks), 6)) if toks[k].lower_ in _BE_FORMS), None)
        if be is None or be == 2 or not any(t.dep_ in _SUBJ for t in toks[2:be]) \
                or any(t.tag_.startswith("VB") for t in toks[2:be]):
            return None
        words = self._shift(toks[2:be + 1] + [toks[1]] + toks[be + 1:], speaker, addressee, explicit)
        k = next((i for i, w in enumerate(words) if w.tok is not None and w.tok.i == toks[1].i), None)
        if k is None:
            return None
        words.insert(k, Word("so", " ", None))
        return render(words)

    @staticmethod
    def _wh_after_topic(v: Any, lem: str, sent: Any) -> list[Any] | None:
        """The question of "asks about TOPIC and why/whether S" from its wh-word on, or None."""
        if lem not in ("ask", "inquire", "enquire"):
            return None
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i > v.i), None)
        if prep is None:
            return None
        k = prep.right_edge.i + 1
        if k + 2 >= sent.end or sent.doc[k].lower_ != "and" or \
                sent.doc[k + 1].lower_ not in WH_WORDS | {"if", "whether"}:
            return None
        return statement_to_end(sent, k + 1, k + 1, ('"', ";", ","))

    @staticmethod
    def _how_after_topic(v: Any, lem: str, sent: Any) -> list[Any] | None:
        """The words of "tells X of/about TOPIC, how S" from its "how" on, or None.

        A plain statement, or "how" + adjective (said with "so"); not "how much ..."."""
        if lem not in _TOPIC_TELLING:
            return None
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i > v.i), None)
        if prep is None:
            return None
        k = prep.i + 1
        while k < sent.end and not sent.doc[k].is_punct:
            k += 1
        if k + 2 >= sent.end or sent.doc[k].text != "," or sent.doc[k + 1].lower_ != "how":
            return None
        nxt = sent.doc[k + 2]
        if nxt.tag_ in ("JJR", "JJS") or nxt.lower_ in ("much", "many", "long", "far", "often", "well", "hard"):
            return None
        return statement_to_end(sent, k + 1, k + 2, ('"', ";"))

    @staticmethod
    def _told_how(v: Any) -> tuple[Any, Any] | None:
        """(clause, phrase) of a telling "of"/"about" how something happened: "tells her a
        story of how he went to camp", "tells him about how she lost her job"."""
        for h in [v] + [c for c in v.children if c.dep_ == "dobj"]:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ not in ("of", "about"):
                    continue
                for g in c.children:
                    if g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX") and \
                            any(a.lower_ == "how" and a.dep_ == "advmod" for a in g.children):
                        return g, (c if h is v else h)
        return None

    def _infinitive(self, lem: str, clause: Any, toks: list[Any], speaker: Person,
                    addressee: object, explicit: bool, obj: Any) -> str:
        ids = {t.i for t in toks}
        if toks and toks[0].lower_ in ("how", "where", "when", "what", "which") and len(toks) > 2 and \
                toks[1].lower_ == "to" and toks[1].tag_ == "TO":
            # "tells Dory how to reach Sydney": the way is shown, then said ("Swim through the trench")
            return sentence_case("Here's " + render(self._shift(toks, speaker, addressee, explicit)))
        if any((t.tag_ == "IN" or t.lower_ in _STRANDABLE) and t.tag_ != "TO" and not any(t.children) and
               t.dep_ not in ("mark", "aux") and
               (t.i + 1 not in ids or t.doc[t.i + 1].tag_ in ("RB", "RBR", "IN")) for t in toks):
            return ""   # "a story they asked to hear about": what it is about is the sentence's gap
        told_to_do = obj is not None and (lem in _IMPERATIVE_VERBS or lem in _REQUEST_VERBS)
        self._listener_does = clause if told_to_do else None
        try:
            words = self._shift(toks, speaker, addressee, explicit)
        finally:
            self._listener_does = None
        neg = False
        kept: list[Word] = []
        for w in words:
            if w.tok is not None and w.tok.lower_ == "to" and w.tok.dep_ == "aux" and (
                    w.tok.head.i == clause.i or (w.tok.head.dep_ == "conj" and w.tok.head.head.i == clause.i)):
                continue
            if w.tok is not None and w.tok.dep_ == "neg" and w.tok.head.i == clause.i and not kept:
                neg = True
                continue
            kept.append(w)
        body = render(kept)
        if obj is not None and lem in _IMPERATIVE_VERBS:
            return sentence_case(("Don't " if neg else "") + body)
        if obj is not None and lem in _REQUEST_VERBS:
            return sentence_case(("Please don't " if neg else "Please ") + body)
        if lem in ("promise", "swear", "vow", "agree"):
            return sentence_case(fix_i_capital(("I won't " if neg else "I'll ") + body))
        if lem in _REQUEST_VERBS:
            return sentence_case(fix_i_capital(("I'd rather not " if neg else "I'd like to ") + body))
        return ""


def _negated(words: list[Word], root: Any) -> list[Word] | None:
    """The words with "not" after the clause's first auxiliary or copula ("I am not running
    away", "I will not sell it"); None when it has neither (no sure way to turn it round) or
    is already negative."""
    if any(c.dep_ == "neg" for c in root.children):
        return None
    helpers = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i and c.lower_ != "to"]
    if not helpers and (root.lower_ in _BE_FORMS or root.lower_ == "am"):
        helpers = [root]
    if not helpers:
        return None
    at = min(helpers, key=lambda t: t.i).i
    out: list[Word] = []
    for w in words:
        out.append(w)
        if w.tok is not None and w.tok.i == at:
            out.append(Word("not", w.space or " ", None))
            w.space = " "
    return out if len(out) > len(words) else None


def _set_off(t: Any) -> bool:
    """Whether a clause stands between commas as an aside ("which, the doctor tells her, has")."""
    doc = t.doc
    a = min(c.left_edge.i for c in t.children if c.dep_ in _SUBJ) if any(
        c.dep_ in _SUBJ for c in t.children) else t.i
    b = max([t.i] + [c.i for c in t.children if c.dep_ in ("dobj", "dative")])
    return a > 0 and doc[a - 1].text == "," and b + 1 < len(doc) and doc[b + 1].text == ","


def _told_in_past(v: Any) -> bool:
    """Whether the telling is narrated in the past: "said", or "saying" hung on "refused"."""
    while v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj") and v.head.i != v.i:
        v = v.head
    return bool(v.tag_ == "VBD")


def _bare_infinitive_after(v: Any, inf: Any) -> list[Any]:
    """ "agrees to help Benny, rob a casino": a bare infinitive the parse hung on the speech
    verb right after the first, set off by a comma, is the infinitive's own (with its comma)."""
    end = inf.right_edge.i
    for c in v.children:
        if c.dep_ == "xcomp" and c.tag_ == "VB" and c.left_edge.i == end + 2 and \
                v.doc[end + 1].text == "," and not any(a.dep_ == "aux" for a in c.children):
            return [v.doc[end + 1]] + sorted(c.subtree, key=lambda t: t.i)
    return []


def _without_the_speakers_deed(toks: list[Any]) -> list[Any]:
    """What is said without a verb the parse joined to it that cannot be its subject's: "insists
    that the Conventions exempt officers and offers him a copy": "offers" does not agree with
    "the Conventions", so it is the speaker's own deed, and stays in the action."""
    ids = {t.i for t in toks}
    for k, t in enumerate(toks):
        if t.dep_ != "conj" or t.tag_ != "VBZ" or t.head.i not in ids or \
                any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            continue
        subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we", "you")
                                 or any(c.dep_ == "conj" for c in subj.children)):
            cut = toks[:k]
            while cut and (cut[-1].is_punct or cut[-1].lower_ in ("and", "but", "then")):
                cut = cut[:-1]
            return cut
    return toks
