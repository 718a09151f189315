"""Reported speech in the speaker's own words.

"Ines says she is fine" -> "I am fine."; "asks Paul where he was" -> "Where
were you?"; "tells him not to wait" -> "Don't wait."; "promises to call" ->
"I'll call.".  The content of a verb of saying is found from the parse (a
that/if/wh- clause, a "to" infinitive) or, when the small model misparses,
from word order.  Pronouns pointing at the speaker become first person, at
the listener second person, and verbs agree; indirect questions get their
word order and do-support back.  Whatever is doubtful returns None, and the
sentence stays action.

``ReportedSpeech`` is a mixin of ``speech.SpeechReader``: it reads the
reader's tracker, lemmatizer and per-sentence state.
"""
from __future__ import annotations

from typing import Any

from .action import present_form
from .cast import Person, subject_verb
from .performative import performative_line
from .grammar import (
    FIRST, SECOND, WH_WORDS, Word, agree, base_form, base_from_3sg, fix_i_capital, render,
    sentence_case,
)
from .lexicon import (
    FEMALE_NOUNS, GROUP_NOUNS, MALE_NOUNS, PERSON_NOUNS, PRON_GENDER, ROLE_SUFFIXES, SPEECH_FORMS, SPEECH_VERBS,
)

_SUBJ = ("nsubj", "nsubjpass")

_IMPERATIVE_VERBS = frozenset("tell order instruct urge warn remind advise beg".split())
_REQUEST_VERBS = frozenset("ask beg plead request".split())
#: Verbs after which a clause in the subjunctive is an order ("insists he go").
_BE_FORMS = frozenset("is are was were 's".split())
#: Verbs of telling about a topic ("tells her of the routine, how ...").
_TOPIC_TELLING = frozenset("tell explain write".split())
_MANDATIVE = frozenset("insist demand ask beg urge suggest propose request plead order".split())



def _take_rest(sent, toks: list, nxt: int) -> tuple[list, int]:  # type: ignore[no-untyped-def]
    """Extend what is said to the end of the sentence, closing punctuation left out."""
    end = sent.end
    while end > nxt and sent.doc[end - 1].is_punct:
        end -= 1
    return toks + [sent.doc[i] for i in range(nxt, end)], end

class ReportedSpeech:
    """Turning reported speech into lines (mixed into SpeechReader)."""

    tracker: Any
    lemma: Any
    speakers: list[object]
    past: bool
    _reporting_past: bool = False
    _mutual: bool = False                 # two people telling each other: "they" are those two
    _more: list[Any]                      # a second "and that ..." clause of the same report
    _keep_clause: set[int]                # verbs of saying whose clause stays action

    def _addressee(self, v: Any) -> tuple[Any, object]:
        for c in v.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                r = self.tracker.referent(c)
                if r is None:
                    for w in c.subtree:
                        r = self.tracker.referent(w)
                        if r is not None:
                            break
                return c, r
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return c, self.tracker.referent(g)
        return None, None

    def _reported(self, v: Any, lem: str, speaker: object, sent: Any,
                  quotes: list[tuple[int, int]], listener: Person | None = None,
                  mutual: bool = False) -> tuple[str, set[int]] | None:
        """Rewrite reported speech as a line, or None when it is not safe to.

        ``listener`` is the one told when the parse cannot say ("each other", the reader
        of a letter); ``mutual`` when two people tell each other."""
        self._more = []
        self._reporting_past = v.tag_ == "VBD"
        self._mutual = mutual
        if not isinstance(speaker, Person):
            return None
        obj, addressee = self._addressee(v)
        if obj is None and listener is None and v.dep_ == "conj" and \
                not any(c.dep_ in _SUBJ for c in v.children):
            # "tells him her sister is ill and asks whether he can help": the same one is asked
            told = self._addressee(v.head)[1]
            h = v.head
            # "tells her that the mayor resigned and asks ...": the parse may hang "asks" on the clause
            for _ in range(3):
                if told is not None or h.dep_ not in ("ccomp", "conj"):
                    break
                h = h.head
                if self.lemma(h) in ("tell", "ask", "inform", "remind", "assure", "warn"):
                    told = self._addressee(h)[1]
            addressee = told if isinstance(told, Person) and told != speaker else None
        if listener is not None:
            addressee = listener
        if isinstance(addressee, tuple):
            if speaker in addressee:
                return None
        self._named_listener = obj is not None
        if addressee is None and obj is None:
            addressee = self._replier(v, lem, sent, speaker) or self._governing_listener(v, speaker) or \
                self._turn_listener(speaker, sent, v)
            explicit = addressee is not None
            if addressee is None:
                addressee = next((p for p in self.tracker.recent_people() if p != speaker), None)
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
        clause = None
        mode = "say"
        # an order after the verb ("tells him not to go") is what is said, not a clause
        # the parse hung before it ("She is astounded, but ... she tells him not to go")
        told_to = any(c.dep_ == "xcomp" and c.i > v.i and
                      any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in v.children)
        for c in v.children:
            # (not a clause before a semicolon: "He invites her; she agrees" - the parse's slip)
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and \
                    not (c.i < v.i and (told_to or any(t.text == ";" for t in v.doc[c.i:v.i]))):
                clause = c
                break
        if clause is None:
            for c in v.children:
                if c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                    clause, mode = c, "to"
                    break
        if clause is None and obj is not None:
            for c in obj.children:   # "tells the couple that they ..." parsed as a relative clause
                if c.dep_ in ("relcl", "acl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
                    clause = c
                    break
        told = self._told_how(v) if clause is None else None
        if told is not None:
            clause = told[0]
        if clause is None and lem in _REQUEST_VERBS:
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ == "for" and (obj is None or isinstance(self.tracker.referent(obj), Person)):
                    pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]   # "for his help (getting up)"
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
        # a conjunct verb of the speech verb is not part of what is said
        toks = [t for t in toks if t.i > v.i or clause.i < v.i]
        # "says she is fine and thanks her": the second verb is the speaker's deed
        for c in (clause.children if clause is not None else []):
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in _SUBJ for x in c.children) \
                    and c.tag_ == v.tag_ and (self.lemma(clause) == "be" or clause.tag_ != c.tag_
                                             or clause.lower_ in ("is", "'s", "are", "was")):
                cc = [x.i for x in clause.children if x.dep_ == "cc" and x.i < c.i]
                start = cc[-1] if cc else c.left_edge.i
                toks = [t for t in toks if t.i < start]   # the deed and all after it
                self.split_off[c.i] = speaker
        for c in (clause.children if clause is not None and self._mutual else []):
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and c.left_edge.i > 0 \
                    and sent.doc[c.left_edge.i - 1].text == "," and not any(x.dep_ in _SUBJ for x in c.children):
                # "tell each other that ..., preparing themselves for ...": what both do
                toks = [t for t in toks if t.i < c.left_edge.i - 1]
                self.split_off.setdefault(c.i, (speaker, listener))
        toks = _cut_at_next_speech(toks)
        if not toks:
            return None
        nxt = toks[-1].i + 1
        if clause is not None and nxt < sent.end - 1:
            k = nxt
            while k < sent.end and (sent.doc[k].lower_ in ("and", "but", ",")):
                k += 1
            while k < sent.end and sent.doc[k].lower_ in ("only", "not", "even", "just"):
                k += 1
            rest = [sent.doc[i] for i in range(k, sent.end)]
            if rest and rest[0].lower_ in ("while", "when", "because", "since", "though", "although", "as",
                                           "after", "before", "until", "unless", "if") \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest):
                # "...chose Paris and while he was in his hotel he thought he'd drop by": still his account
                toks, nxt = _take_rest(sent, toks, nxt)
        if clause is not None and nxt < sent.end - 2 and sent.doc[nxt].text == "," and \
                nxt + 1 < sent.end and sent.doc[nxt + 1].lower_ == "and":
            # "says her daughter is at boarding school, and her son is 26": a clause about
            # somebody off stage goes on with what is said; one about a character is narration
            rest = [sent.doc[i] for i in range(nxt + 2, sent.end)]
            subj = next((t for t in rest if t.dep_ in _SUBJ), None)
            verbs_before = subj is not None and any(t.tag_.startswith("VB") for t in rest if t.i < subj.i)
            who = self.tracker.referent(subj) if subj is not None else None
            if subj is not None and not verbs_before and subj.lower_ not in PRON_GENDER \
                    and subj.lower_ not in ("they", "we", "i", "you") and subj.tag_ != "NNP" \
                    and not (isinstance(who, Person) and who.named) \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest):
                toks, nxt = _take_rest(sent, toks, nxt)
        if nxt < sent.end - 2 and explicit and isinstance(addressee, Person) and obj is not None:
            k = nxt
            while k < sent.end and sent.doc[k].lower_ in (",", "and"):
                k += 1
            # (not the clause the telling hangs on: "after he tells her that ..., she hides him")
            if k > nxt and k + 1 < sent.end and sent.doc[k].lower_ in ("he", "she") \
                    and self.tracker.referent(sent.doc[k]) == addressee \
                    and sent.doc[k].head.i not in {a.i for a in v.ancestors}:
                end = sent.end
                while end > k and sent.doc[end - 1].is_punct:
                    end -= 1
                rest = [sent.doc[i] for i in range(nxt, end)]
                if not any(t.lower_ in SPEECH_FORMS for t in rest):
                    # "tells him that she is almost done, and he can put on his shoes": still her words
                    toks = toks + rest
                    nxt = end
        self._more = self._more_after(sent, nxt)
        self._more_joint = ""
        if not self._more and clause is not None:
            self._more, self._more_joint = self._backshifted(v, clause, sent, nxt)
        if clause is not None and v.tag_ == "VBZ" and nxt < sent.end:
            rest = [sent.doc[i] for i in range(nxt, sent.end)]
            verbs = [t for t in rest if t.tag_.startswith("VB")]
            if verbs and verbs[0].tag_ in ("VB", "VBP") and verbs[0].dep_ in ("conj", "ccomp") \
                    and verbs[0].head.i == v.i \
                    and not any(t.dep_ in _SUBJ for t in rest if t.i < verbs[0].i) \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest):
                # "recalls ... hear Marek and Ines argue": "argue" cannot be Lena's verb
                toks, nxt = _take_rest(sent, toks, nxt)
        if nxt < sent.end - 1 and sent.doc[nxt].text == ":" and clause is not None:
            # "says it was bizarre: the priest was an idiot...": the account goes on after the colon
            end = sent.end
            while end > nxt + 1 and sent.doc[end - 1].is_punct:
                end -= 1
            toks = toks + [sent.doc[i] for i in range(nxt, end)]
        elif clause is not None and nxt < sent.end - 1 and sent.doc[nxt].text in ("--", "\u2014", "\u2013"):
            # "has gone to town--the others being away--to buy salt": after a dash, words with no
            # verb of their own go on with what is said ("--she will wait" is a new clause, action)
            rest, end = _take_rest(sent, [], nxt)
            if not any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") or t.lower_ in SPEECH_FORMS for t in rest):
                toks, nxt = toks + rest, end
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
            cut = _cut_new_clause(toks)
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
            said = self._so_adjective(_drop_conj_that(toks), speaker, addressee, explicit)
            if said is None:
                return None  # "tells him what a fool he was": an exclamation, not safe to rebuild
            return self._with_more(sentence_case(fix_i_capital(said)), consumed, speaker, addressee, explicit)
        root = clause if clause is not None else next((t for t in toks if t.tag_.startswith("VB") or t.tag_ == "MD"), toks[0])
        if lem in ("insist", "demand", "suggest", "propose", "recommend", "urge") and root.tag_ in ("VB", "VBP") \
                and not any(c.dep_ == "aux" for c in root.children):
            return None  # "insists he promise": a subjunctive, no sure way to say it
        toks = _drop_conj_that(toks)
        words = self._shift(toks, speaker, addressee, explicit)
        return self._with_more(sentence_case(fix_i_capital(render(words))), consumed, speaker, addressee, explicit)

    def _performative(self, v: Any, lem: str, speaker: Person,
                      quotes: list[tuple[int, int]]) -> tuple[str, set[int]] | None:
        """A speech act without content as the act said aloud ("I deny it."), or None."""
        obj, addressee = self._addressee(v)
        if isinstance(addressee, tuple) and speaker in addressee:
            return None
        if addressee is None:
            # as for reported speech: the one the act answers, when nobody else fits
            addressee = self._governing_listener(v, speaker) or self._turn_listener(speaker, v.sent, v)
        explicit = addressee is not None
        self._more = []
        self._reporting_past = v.tag_ == "VBD"
        inside = {i for a, b in quotes for i in range(a, b + 1)}
        out = performative_line(v, lem, lambda toks: self._shift(toks, speaker, addressee, explicit), self.lemma,
                                self.tracker.referent)
        if out is None or out[1] & inside:
            return None
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
        return _statement_to_end(sent, k + 1, k + 1, ('"', ";", ","))

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
        return _statement_to_end(sent, k + 1, k + 2, ('"', ";"))

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

    def _more_after(self, sent: Any, nxt: int) -> list[Any]:
        """A second clause of the same report after what was said: "tells Lena to stop...,
        and that he got a second opinion"; "says "mum" and that it's mechanical"."""
        if nxt >= sent.end - 2:
            return []
        k = nxt
        while k < sent.end and sent.doc[k].lower_ in (",", "and", "but"):
            k += 1
        end = sent.end
        while end > k and sent.doc[end - 1].is_punct:
            end -= 1
        if not (k > nxt and k < sent.end and sent.doc[k].lower_ == "that" and sent.doc[k - 1].lower_ in ("and", "but")):
            # "says the house is cold, and Marek never fixes anything, and that she wants to move":
            # a later "and that" shows the clauses before it are still what is said
            later = next((j for j in range(k + 1, end) if sent.doc[j].lower_ == "that" and sent.doc[j].dep_ == "mark"
                          and sent.doc[j - 1].lower_ in ("and", "but")), None)
            if k == nxt or later is None or any(sent.doc[j].text in ('"', ";", ":") for j in range(k, end)):
                return []
            more = [sent.doc[i] for i in range(k, end) if i != later]
            return more if not any(t.lower_ in SPEECH_FORMS and t.tag_.startswith("VB") for t in more) else []
        more = _cut_at_next_speech([sent.doc[i] for i in range(k + 1, end)])
        if more and not any(t.lower_ in SPEECH_FORMS and t.tag_.startswith("VB") for t in more):
            return more
        return []

    def _backshifted(self, v: Any, clause: Any, sent: Any, nxt: int) -> tuple[list[Any], str]:
        """"admits that he saw it but was afraid to speak": a second verb of the speaker's
        in the tense of what is said, not of the story, is still what is said; it comes back
        with "but"/"and" and its subject, "I"."""
        past = clause.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in clause.children)
        if v.tag_ not in ("VBZ", "VBP") or not past:
            return [], ""
        # the parse may hang the verb on the verb before the speech verb ("confronts her and admits
        # that ... but was"): a later sibling does as well
        near = list(v.children) + ([c for c in v.head.children if c.i > v.i] if v.dep_ == "conj" else [])
        for c in near:
            if c.dep_ != "conj" or c.i < nxt or any(x.dep_ in _SUBJ for x in c.children):
                continue
            if not (c.tag_ == "VBD" or any(x.dep_ == "aux" and x.tag_ == "VBD" for x in c.children)):
                return [], ""
            cc = [x for x in near + list(c.head.children) if x.dep_ == "cc" and nxt <= x.i < c.left_edge.i]
            gap = [sent.doc[i] for i in range(nxt, c.left_edge.i)]
            cc = list({x.i: x for x in cc}.values())
            if len(cc) != 1 or not all(t.is_punct or t.i == cc[0].i for t in gap):
                return [], ""
            toks = [t for t in sorted(c.subtree, key=lambda t: t.i)]
            while toks and toks[-1].is_punct:
                toks.pop()
            if any(t.lower_ in SPEECH_FORMS for t in toks):
                return [], ""
            return toks, cc[0].lower_
        return [], ""

    def _with_more(self, text: str, consumed: set[int], speaker: Person, addressee: object,
                   explicit: bool) -> tuple[str, set[int]]:
        """Add a second reported clause ("..., and that S") to the line."""
        if not text or not self._more:
            return text, consumed
        if getattr(self, "_more_joint", ""):
            words = self._shift(self._more, speaker, addressee, explicit)
            body = render(words)
            more = f"{text.rstrip('.')}, {self._more_joint} I {body[:1].lower()}{body[1:]}."
            return fix_i_capital(more), consumed | {t.i for t in self._more} | \
                set(range(min(consumed | {self._more[0].i}), self._more[0].i))
        words = self._shift(self._more, speaker, addressee, explicit)
        kept_own = any(w.tok is not None and w.text == w.tok.text and w.tok.tag_ in ("PRP", "PRP$")
                       and speaker.gender in (PRON_GENDER[w.text.lower()], None) for w in words
                       if w.text.lower() in PRON_GENDER)   # (a speaker of unknown sex: any he/she)
        if self._more[0].nbor(-1).lower_ != "that" and kept_own:
            # clauses taken up to a later "and that": a pronoun of the speaker's sex left as it
            # was might be the speaker or not; better no line than a wrong person
            return text, consumed
        more = sentence_case(fix_i_capital(render(words)))
        return f"{text} {more}", consumed | {t.i for t in self._more} | {self._more[0].i - 1}

    def _surface_content(self, v: Any, sent: Any) -> tuple[list[Any], list[Any], object] | None:
        """What is said, read from word order when the parse hides it.

        After the verb: an optional listener (a name, him/her/them, "the
        couple"), then "that", "if"/"whether", a wh-word, or a subject and
        verb.  The content runs to the end of the sentence or to the next act.
        """
        end = sent.end
        while end > v.i + 1 and sent.doc[end - 1].is_punct:
            end -= 1
        toks = [sent.doc[i] for i in range(v.i + 1, end)]
        k = 0
        while k < len(toks) and (toks[k].tag_ in ("RP", "_SP") or toks[k].is_space):
            k += 1
        addr: object = None
        obj_toks: list[Any] = []
        if k < len(toks):
            r = self.tracker.referent(toks[k])
            if r is not None and toks[k].lower_ not in ("he", "she", "they"):
                while k < len(toks) and self.tracker.referent(toks[k]) == r:
                    obj_toks.append(toks[k])
                    k += 1
                addr = r
        toks = toks[k:]
        if not toks:
            return None
        first = toks[0]
        if first.lower_ in ("that", "if", "whether") or first.lower_ in WH_WORDS:
            pass
        elif first.lower_ in ("he", "she", "they", "i", "it", "we") or \
                self.tracker.referent(first) is not None:
            if not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in toks[1:4]):
                return None
        else:
            return None
        toks = _cut_at_next_speech(toks)
        return (toks, obj_toks, addr) if toks else None

    def _infinitive(self, lem: str, clause: Any, toks: list[Any], speaker: Person,
                    addressee: object, explicit: bool, obj: Any) -> str:
        words = self._shift(toks, speaker, addressee, explicit)
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

    # -- person shift -------------------------------------------------------------
    def _shift(self, toks: list[Any], speaker: Person, addressee: object, explicit: bool,
               question: bool = False) -> list[Word]:
        """Words of the clause with pronouns and names turned to I / you, verbs agreeing."""
        tr = self.tracker
        words: list[Word] = []
        third_same: set[str] = set()
        third_at: dict[str, int] = {}
        role_doers: list[tuple[Any, tuple[str, ...]]] = []
        # a third party of the speaker's sex named in the clause takes the pronouns after it
        for t in toks:
            r = tr.referent(t)
            if isinstance(r, Person) and t.lower_ not in PRON_GENDER and r != speaker \
                    and (r != addressee or not explicit) and r.gender and r.named:
                third_at.setdefault(r.gender, t.i)
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
                if isinstance(r, Person) and r != speaker and (r != addressee or not explicit) and r.gender \
                        and r.named and t.lower_ not in PRON_GENDER and t.dep_ not in _SUBJ \
                        and not (t.dep_ == "poss" and tr.referent(t.head) == speaker):
                    third_at[r.gender] = -1
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
            isinstance(tr.referent(w), Person) and tr.referent(w) not in (speaker, listener)
            and w.lower_ not in PRON_GENDER for w in toks[0].sent)
        for t in toks:
            low = t.lower_
            r = tr.referent(t)
            target = None
            form = _pron_role(t)
            if t.dep_ in _SUBJ and low not in PRON_GENDER and subject_i:
                subject_i = False   # a new clause with its own subject
            third_same = {g for g, at in third_at.items() if at < t.i}
            if low in PRON_GENDER and t.tag_ in ("PRP", "PRP$"):
                g = PRON_GENDER[low]
                if g in third_same or _under_doer(t, g, role_doers):
                    target = None
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
                        and not (question and (listener is None or (form == "subj" and not _asks_leave(t)))):
                    target, me_gender = "1", g
                elif me_gender is None and you_gender is None:
                    if form == "obj" and self._said_by(t, speaker):
                        target, you_gender = "2", g   # "accuses him": him is not the accuser
                    elif question and listener is not None:
                        target, you_gender = "2", g   # "asks Paul where he was": about Paul
                    elif alone and listener is None and not question:
                        target, me_gender = "1", g    # "promises to call her sister"
            elif low in ("they", "them", "their", "themselves") and isinstance(r, tuple) and speaker in r \
                    and not self._plural_near(t):
                # "says they would love to...": the speaker is one of them
                words.append(Word({"they": "we", "them": "us", "their": "our"}.get(low, "ourselves"),
                                  t.whitespace_, t))
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
                if t.lower_ in ("was", "were", "could", "would") or timed:
                    form = present_form(t, self.lemma)
                    if form:
                        w.text = form
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

    def _said_by(self, t: Any, speaker: Person) -> bool:
        """Whether an object pronoun's own verb has the speaker as subject (then it is
        somebody else: one would say "himself")."""
        v = t.head
        while v.dep_ in ("prep", "pobj", "dative", "dobj") and v.head.i != v.i:
            v = v.head
        return any(c.dep_ == "nsubj" and c.i != t.i and self.tracker.referent(c) == speaker
                   for c in subject_verb(v).children)

    def _question(self, words: list[Word], yn: bool) -> str | None:
        """Indirect question words to a direct question: word order and do-support."""
        if not words:
            return None
        start = 0
        if not yn:
            start = 1
            while start < len(words) and words[start].tok is not None and \
                    words[start].tok.tag_ in ("NN", "NNS", "JJ", "RB") and words[start].text.lower() not in _AUX:
                start += 1  # "what time", "how much"
            nxt = words[start] if start < len(words) else None
            if nxt is None or nxt.text.lower() in _AUX or (nxt.tok is not None and nxt.tok.tag_.startswith("VB")):
                return sentence_case(fix_i_capital(render(words)), "?")  # the wh-word is the subject
        k = start
        while k < len(words):
            w = words[k]
            if w.text.lower() in _AUX and k > start:
                break
            if w.tok is not None and w.tok.tag_ in ("VBZ", "VBD", "VBP") and k > start:
                break
            k += 1
        if k >= len(words):
            return None
        w = words[k]
        if w.text.lower() in _AUX and not (w.text.lower() in ("has", "have", "had") and w.tok is not None
                                           and w.tok.dep_ not in ("aux", "auxpass")):
            # ("if she has proof": "has" is the verb itself and takes "do")
            moved = Word(_EXPAND.get(w.text.lower(), w.text.lower()), " ", w.tok)
            rest = words[:k] + words[k + 1:]
            if k < len(rest) and rest[k].text.lower() == "n't":
                # "why he hasn't called": the "n't" goes with its auxiliary ("Why haven't you")
                moved = Word(w.text.lower() + "n't", " ", w.tok)
                rest = rest[:k] + rest[k + 1:]
            out = rest[:start] + [moved] + rest[start:]
        else:
            subj = words[start:k]
            person = "1" if subj and subj[0].text in ("I",) else "2" if subj and subj[0].text == "you" else None
            helper = "did" if w.tok.tag_ == "VBD" else "do" if (person or w.tok.tag_ == "VBP") else "does"
            base = base_form(w.tok, self.lemma) if w.tok.tag_ != "VBZ" else _base3(w.text)
            rest = words[:k] + [Word(base, w.space, w.tok)] + words[k + 1:]
            # "knows ... and understands" -> "know ... and understand"
            for j in range(k + 1, len(rest) - 1):
                if rest[j].text in ("and", "or") and rest[j + 1].tok is not None and rest[j + 1].tok.tag_ == "VBZ":
                    rest[j + 1] = Word(_base3(rest[j + 1].text), rest[j + 1].space, rest[j + 1].tok)
            out = rest[:start] + [Word(helper, " ", None)] + rest[start:]
        return sentence_case(fix_i_capital(render(out)), "?")

_AUX = frozenset("is are was were am can could will would shall should may might must has have had "
                 "does do did 's 're 'm ca wo".split())
_EXPAND = {"'s": "is", "'re": "are", "'m": "am"}
_ADVERBS = frozenset("only never just already also really still always even so not n't".split())


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


def _base3(word: str) -> str:
    return base_from_3sg(word)


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
                                          x.text.lower() in _AUX):
                    x.text = agree(x.tok, person) if x.tok.tag_ != "MD" else x.text
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
                            break
                        if words[m].tok is not None and words[m].tok.dep_ in _SUBJ:
                            break
                        m += 1
                break
        k += 1


def _cut_at_next_speech(toks: list[Any]) -> list[Any]:
    """What is said ends where the speaker starts another act: ", insisting ...", "and apologizes"."""
    for k, t in enumerate(toks):
        if k == 0:
            continue
        prev = toks[k - 1]
        if k >= 2 and t.lower_ in SPEECH_FORMS and t.tag_ in ("VBZ", "VBD", "NNS") and \
                prev.tag_ in ("NNP", "NNS", "PRP") and prev.lower_ not in ("him", "them", "it") and \
                toks[k - 2].lower_ in ("but", "and", ","):
            out = toks[:k - 2]   # "..., but Marek says ...": somebody else's turn
            while out and (out[-1].is_punct or out[-1].lower_ in ("and", "but")):
                out = out[:-1]
            return out
        if t.lower_ in SPEECH_FORMS and (prev.text == "," and t.lower_.endswith("ing") or
                                         prev.lower_ in ("and", "but") and t.tag_ in ("VBZ", "NNS")):
            out = toks[:k - 1]
            while out and (out[-1].is_punct or out[-1].lower_ in ("and", "but")):
                out = out[:-1]
            return out
    return toks


def _cut_new_clause(toks: list[Any]) -> list[Any]:
    """A question ends where a new clause with its own subject begins (", and Lena begins")."""
    for k in range(1, len(toks) - 2):
        t = toks[k]
        if t.lower_ in ("and", "but") and toks[k + 1].tag_ in ("NNP", "PRP") and toks[k + 1].lower_ not in ("him", "her", "them") \
                and toks[k + 2].tag_ in ("VBZ", "VBD"):
            return toks[:k]
    return toks


def _drop_conj_that(toks: list[Any]) -> list[Any]:
    """Without the "that" of a second clause ("says she is tired and that he is late")."""
    return [t for t in toks if not (t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "conj"
                                    and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ != "being")]


def _asks_leave(t: Any) -> bool:
    """A question whose clause asks leave or offers ("if she can stay", "whether he should
    call"): there the asker means themself; otherwise one asks about somebody else."""
    v = t.head if t.dep_ in _SUBJ else None
    return v is not None and any(c.dep_ == "aux" and c.lower_ in _LEAVE_MODALS for c in v.children)


_LEAVE_MODALS = frozenset("can could may might shall should".split())


def _pron_role(t: Any) -> str:
    low = t.lower_
    if low in ("himself", "herself"):
        return "refl"
    if low == "hers":
        return "pposs"
    if t.tag_ == "PRP$" or low == "his":
        return "poss"
    if low in ("he", "she", "they"):
        return "subj"
    return "obj"


def _set_off(t: Any) -> bool:
    """Whether a clause stands between commas as an aside ("which, the doctor tells her, has")."""
    doc = t.doc
    a = min(c.left_edge.i for c in t.children if c.dep_ in _SUBJ) if any(
        c.dep_ in _SUBJ for c in t.children) else t.i
    b = max([t.i] + [c.i for c in t.children if c.dep_ in ("dobj", "dative")])
    return a > 0 and doc[a - 1].text == "," and b + 1 < len(doc) and doc[b + 1].text == ","


def _statement_to_end(sent: Any, start: int, floor: int, stops: tuple[str, ...]) -> list[Any] | None:
    """The words from ``start`` to the sentence's end (its closing punctuation aside, never
    cut back past ``floor``) when they make a clause with its own subject before its verb,
    and hold no other speech or any of ``stops``; else None."""
    end = sent.end
    while end > floor and sent.doc[end - 1].is_punct:
        end -= 1
    toks = [sent.doc[i] for i in range(start, end)]
    verbs = [t for t in toks if t.tag_.startswith("VB") or t.tag_ == "MD"]
    if not verbs or not any(t.dep_ in _SUBJ and t.i < verbs[0].i for t in toks) or \
            any(t.lower_ in SPEECH_FORMS or t.text in stops for t in toks):
        return None
    return toks
