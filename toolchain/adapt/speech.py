"""Speech in a synopsis sentence: quoted words, reported speech, speech acts.

For each verb of saying the module finds who speaks (the verb's subject, or
the subject of the verb it hangs on), to whom (its object), how (an adverb in
-ly becomes a parenthetical) and what (a "that"/"if"/wh- clause, a "to"
infinitive, or a quotation).  What can be said as a line is rewritten in the
speaker's own words (grammar.py); what cannot - a speech act without content
("she thanks him"), an unresolved speaker, a group - stays action.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .cast import Person
from .grammar import (
    FIRST, SECOND, WH_WORDS, Word, agree, base_form, do_support, fix_i_capital, render,
    sentence_case, third_singular,
)
from .lexicon import GROUP_NOUNS, PERSON_NOUNS, PRON_GENDER, QUOTE_VERBS, SPEECH_CONTENT, SPEECH_FORMS, SPEECH_VERBS
from .refer import Tracker

_SUBJ = ("nsubj", "nsubjpass")
_NOT_MANNER = frozenset("only also finally really nearly early simply certainly probably "
                        "immediately apparently supposedly eventually actually usually likely".split())
_ASPECT = frozenset("start begin keep continue go".split())
_IMPERATIVE_VERBS = frozenset("tell order instruct urge warn remind advise beg".split())
_REQUEST_VERBS = frozenset("ask beg plead request".split())


@dataclass
class Line:
    """A line of dialogue drawn from the synopsis."""

    speaker: Person
    text: str
    paren: str | None = None


@dataclass
class SpeechEvent:
    """A verb of saying found in the text (kept for scoring and tracing)."""

    verb_char: int           # offset of the verb in its unit's cleaned text
    speaker: object          # Person, group tuple or None
    converted: bool
    kind: str                # "R" reported with content, "Q" quoted, "N" act without content
    text: str = ""


@dataclass
class Beats:
    """What one sentence becomes: an ordered list of action texts and lines."""

    items: list[object] = field(default_factory=list)   # str (action) or Line
    events: list[SpeechEvent] = field(default_factory=list)
    spoken: set[int] = field(default_factory=set)       # token ids turned into dialogue


class SpeechReader:
    """Finds and converts the speech in sentences, with a pronoun tracker for context."""

    def __init__(self, tracker: Tracker, lemma: Callable[[Any], str]):
        self.tracker = tracker
        self.lemma = lemma
        self.split_off: dict[int, Person] = {}   # verb token -> speaker, for deeds cut from speech
        self.speakers: list[object] = []          # who spoke in this scene, in order
        self._named_listener = False
        self._prev_sent: Any = None
        self._drop: set[int] = set()
        self._pair: dict[int, int] = {}

    # -- public ------------------------------------------------------------------
    def read(self, sent: Any) -> Beats:
        quotes = _quote_spans(sent)
        # quotation marks around words go when the words become a line; around a title they stay
        self._drop = {i for a, b in quotes if not _is_title(sent, a, b) for i in (a, b)}
        self._pair = {a: b for a, b in quotes} | {b: a for a, b in quotes}
        events: list[tuple[Any, Line | None, set[int], str]] = []   # verb, line, consumed token ids, kind
        out = Beats()
        prior: list[object] = []
        inside: set[int] = set()
        for v in sent:
            lem = self._speech_lemma(v)
            if lem is None or v.i in inside:
                continue  # speech reported inside somebody's line stays in that line
            if v.tag_ == "VBN" and any(c.dep_ in ("auxpass",) for c in v.children):
                continue  # "has not been called that": passive, nobody speaks
            if v.dep_ in ("ccomp", "xcomp") and self.lemma(v.head) in ("make", "let", "have", "force", "want"):
                continue  # "makes him promise": the promise is not yet said
            speaker = self._speaker(v, sent, prior)
            prior.append(speaker)
            q = _quote_after(v, quotes)
            kind = "N"
            line: Line | None = None
            consumed: set[int] = set()
            if q is not None and lem in QUOTE_VERBS:
                kind = "Q"
                if isinstance(speaker, Person):
                    line = Line(speaker, _quote_text(sent, q), self._manner(v))
                    consumed = set(range(q[0], q[1] + 1)) | {v.i}
            elif lem in SPEECH_CONTENT:
                conv = self._reported(v, lem, speaker, sent, quotes)
                if conv is not None:
                    kind = "R"
                    text, consumed = conv
                    if text:
                        line = Line(speaker, text, self._manner(v))  # type: ignore[arg-type]
                    else:
                        consumed = set()
                elif self._has_content(v):
                    kind = "R"
            out.events.append(SpeechEvent(v.idx - sent.doc[0].idx, speaker, line is not None, kind,
                                          line.text if line else ""))
            if isinstance(speaker, Person):
                self.speakers.append(speaker)
            if line is not None:
                events.append((v, line, consumed, kind))
                inside |= consumed - {v.i}
        # quotations no verb claimed: a title stays in the action, words get a line
        claimed = {i for _, _, c, _ in events for i in c}
        loose_lines: list[tuple[int, Line]] = []
        for a, b in quotes:
            if a in claimed or _is_title(sent, a, b):
                continue
            deeds = [i for i in self.split_off if sent.start <= i < a]
            speaker = self.split_off[max(deeds)] if deeds else self._quote_speaker(sent, a)
            if isinstance(speaker, Person):
                loose_lines.append((b, Line(speaker, _quote_text(sent, (a, b)), None)))
                out.events.append(SpeechEvent(sent[a - sent.start].idx - sent.doc[0].idx if False else
                                              sent.doc[a].idx, speaker, True, "Q"))
        out.items = self._assemble(sent, events, loose_lines)
        self._prev_sent = sent
        out.spoken = {i for _, _, c, _ in events for i in c}
        return out

    # -- verbs and speakers -----------------------------------------------------------
    def _speech_lemma(self, v: Any) -> str | None:
        """The lemma of a verb of saying, or None (tolerates verbs tagged as nouns)."""
        if v.tag_.startswith("VB"):
            lem = self.lemma(v)
            if lem in SPEECH_VERBS or lem in QUOTE_VERBS:
                return lem
            return SPEECH_FORMS.get(v.lower_) if v.lower_ in SPEECH_FORMS and lem == v.lower_ else None
        lem = SPEECH_FORMS.get(v.lower_)
        if lem is None or v.i == v.sent.start:
            return None
        prev = v.doc[v.i - 1]
        if prev.lower_ in ("the", "a", "an", "his", "her", "their", "my", "your", "of", "its"):
            return None
        if prev.lower_ in ("and", "but") or self._subjectlike(prev) is not None:
            return lem
        return None

    def _subjectlike(self, t: Any) -> object:
        """The person a token names when it can be a subject (not him/her/them)."""
        low = t.lower_
        if low in ("him", "them", "me", "us", "his", "its") or (low == "her" and t.dep_ not in _SUBJ):
            return None
        r = self.tracker.referent(t)
        return r if isinstance(r, (Person, tuple)) else None

    def _speaker(self, v: Any, sent: Any, prior: list[object]) -> object:
        """Who utters a verb of saying, by position first and the parse second."""
        k = v.i - 1
        while k >= sent.start and (sent.doc[k].tag_ in ("RB", "RBR") or sent.doc[k].lower_ in ("then", "also")):
            k -= 1
        prev = sent.doc[k] if k >= sent.start else None
        if prev is not None:
            r = self._subjectlike(prev)
            if r is not None:
                return r
            if prev.lower_ in ("who", "that") and prev.tag_ in ("WP", "WDT"):
                j = k - 1
                while j >= sent.start and sent.doc[j].is_punct:
                    j -= 1
                if j >= sent.start:
                    r = self._subjectlike(sent.doc[j])
                    if r is not None:
                        return r
        gerund = v.tag_ == "VBG" or v.lower_.endswith("ing")
        if gerund or (prev is not None and (prev.lower_ in ("and", "but", ",") or prev.is_punct)):
            if prior and prior[-1] is not None:
                return prior[-1]
            dep = self.tracker.subject_of(v)
            if dep is not None and not gerund:
                return dep
            return self._nearest_subject(sent, v.i) if gerund else self._first_subject(sent, v.i)
        dep = self.tracker.subject_of(v)
        return dep if dep is not None else self._nearest_subject(sent, v.i)

    def _first_subject(self, sent: Any, before: int) -> object:
        for t in sent:
            if t.i >= before:
                break
            r = self._subjectlike(t)
            if r is not None:
                return r
        return None

    def _nearest_subject(self, sent: Any, before: int) -> object:
        quote = False
        best = None
        for t in sent:
            if t.i >= before:
                break
            if t.text == '"':
                quote = not quote
                continue
            if quote:
                continue
            r = self._subjectlike(t)
            if r is not None and (t.dep_ in _SUBJ or t.lower_ in ("he", "she", "they") or
                                  t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_.startswith("VB")):
                best = r
        return best

    # -- content --------------------------------------------------------------------
    def _has_content(self, v: Any) -> bool:
        return any(c.dep_ in ("ccomp", "xcomp") for c in v.children)

    def _manner(self, v: Any) -> str | None:
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_.endswith("ly") and c.lower_ not in _NOT_MANNER:
                return c.lower_
        if v.head is not v and v.dep_ == "xcomp" and v.head.lower_ in ("starts", "begins"):
            for c in v.head.children:
                if c.dep_ == "advmod" and c.lower_.endswith("ly") and c.lower_ not in _NOT_MANNER:
                    return c.lower_
        return None

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
                  quotes: list[tuple[int, int]]) -> tuple[str, set[int]] | None:
        """Rewrite reported speech as a line, or None when it is not safe to."""
        if not isinstance(speaker, Person):
            return None
        obj, addressee = self._addressee(v)
        if isinstance(addressee, tuple):
            if speaker in addressee:
                return None
        self._named_listener = obj is not None
        if addressee is None and obj is None:
            addressee = self._turn_listener(speaker, sent, v)
            explicit = addressee is not None
            if addressee is None:
                addressee = next((p for p in self.tracker.recent_people() if p != speaker), None)
        else:
            explicit = True
        clause = None
        mode = "say"
        for c in v.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
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
        if clause is None and lem in _REQUEST_VERBS:
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ == "for" and obj is None:
                    pobj = [g for g in c.children if g.dep_ == "pobj"]
                    if pobj:
                        toks = sorted(pobj[0].subtree, key=lambda t: t.i)
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
        toks = _cut_at_next_speech(toks)
        if not toks:
            return None
        nxt = toks[-1].i + 1
        if clause is not None and nxt < sent.end - 1:
            k = nxt
            while k < sent.end and (sent.doc[k].lower_ in ("and", "but", ",")):
                k += 1
            rest = [sent.doc[i] for i in range(k, sent.end)]
            if rest and rest[0].lower_ in ("while", "when", "because", "since", "though", "although", "as") \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest):
                # "...chose Paris and while he was in his hotel he thought he'd drop by": still his account
                end = sent.end
                while end > nxt and sent.doc[end - 1].is_punct:
                    end -= 1
                toks = toks + [sent.doc[i] for i in range(nxt, end)]
                nxt = end
        if clause is not None and v.tag_ == "VBZ" and nxt < sent.end:
            rest = [sent.doc[i] for i in range(nxt, sent.end)]
            verbs = [t for t in rest if t.tag_.startswith("VB")]
            if verbs and verbs[0].tag_ in ("VB", "VBP") and verbs[0].dep_ == "conj" and verbs[0].head.i == v.i \
                    and not any(t.dep_ in _SUBJ for t in rest) and not any(t.lower_ in SPEECH_FORMS for t in rest):
                # "recalls ... listen to Georges and Anne have sex": "have" cannot be Eva's verb
                end = sent.end
                while end > nxt and sent.doc[end - 1].is_punct:
                    end -= 1
                toks = toks + [sent.doc[i] for i in range(nxt, end)]
                nxt = end
        if nxt < sent.end - 1 and sent.doc[nxt].text == ":" and clause is not None:
            # "says it was bizarre: the priest was an idiot...": the account goes on after the colon
            end = sent.end
            while end > nxt + 1 and sent.doc[end - 1].is_punct:
                end -= 1
            toks = toks + [sent.doc[i] for i in range(nxt, end)]
        consumed = {t.i for t in toks} | {v.i} | {t.i for t in obj_toks}
        if obj is not None and clause is not None:
            consumed |= {t.i for t in obj.subtree if t.i not in {x.i for x in toks}} if clause.head != obj else \
                {t.i for t in obj.subtree if t.i < clause.left_edge.i}
        first = toks[0]
        if mode == "to":
            return self._infinitive(lem, clause, toks, speaker, addressee, explicit, obj), consumed
        # strip the complementiser
        question = lem in ("ask", "wonder", "inquire", "enquire", "question")
        yn = False
        if first.lower_ in ("that",) and (first.dep_ == "mark" or clause is None):
            toks = toks[1:]
        elif first.lower_ in ("if", "whether") and (first.dep_ in ("mark", "advmod", "preconj", "cc") or clause is None):
            toks = toks[1:]
            yn = True
        elif first.lower_ == "how" and not question and lem in ("describe", "recall", "explain", "recount"):
            toks = toks[1:]
        if not toks:
            return None
        if question and (yn or toks[0].lower_ in WH_WORDS):
            toks = _cut_new_clause(toks)
            for k in range(1, len(toks)):
                j = k - 1
                while j > 0 and toks[j].tag_ == "RB":
                    j -= 1
                who = self._subjectlike(toks[j])
                if toks[k].lower_ in SPEECH_FORMS and who is not None and who != speaker \
                        and toks[k].tag_.startswith(("VB", "NN")):
                    return None  # "asks how Anne insists...": a misread "asks how, Anne insists"
            text = self._question(self._shift(toks, speaker, addressee, explicit, question=True), yn)
            return (text, consumed) if text else None
        if yn and lem == "apologize":
            words = self._shift(toks, speaker, addressee, explicit)
            return sentence_case("I'm sorry if " + render(words)), consumed
        if question:
            return None  # "asks of X", "asks about X": no words to put in a mouth
        if toks[0].lower_ in ("how", "what") and lem not in ("describe", "recall", "explain", "recount"):
            return None  # "tells him how proud she is": an exclamation, not safe to rebuild
        root = clause if clause is not None else next((t for t in toks if t.tag_.startswith("VB") or t.tag_ == "MD"), toks[0])
        if lem in ("insist", "demand", "suggest", "propose", "recommend", "urge") and root.tag_ in ("VB", "VBP") \
                and not any(c.dep_ == "aux" for c in root.children):
            return None  # "insists he promise": a subjunctive, no sure way to say it
        toks = [t for t in toks if not (t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "conj"
                                        and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ != "being")]
        words = self._shift(toks, speaker, addressee, explicit)
        return sentence_case(fix_i_capital(render(words))), consumed

    def _turn_listener(self, speaker: Person, sent: Any, v: Any) -> Person | None:
        """Whom a speaker answers: the last other speaker in the scene, if nobody else fits.

        "Anne says he wasn't supposed to be home" right after Georges spoke is
        said to Georges: "You weren't supposed to be home."  Not when another
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
        """A plural noun just before "they" (here or in the last sentence) may be what it means."""
        if any(w.tag_ == "NNS" and w.i < t.i for w in t.sent):
            return True
        return self._prev_sent is not None and any(
            w.tag_ == "NNS" and (w.lower_ in GROUP_NOUNS or w.lower_.rstrip("s") in PERSON_NOUNS)
            for w in self._prev_sent)

    def scene_break(self) -> None:
        self.speakers = []

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
        # a third party of the speaker's sex named in the clause takes the pronouns after it
        for t in toks:
            r = tr.referent(t)
            if isinstance(r, Person) and t.lower_ not in PRON_GENDER and r != speaker \
                    and (r != addressee or not explicit) and r.gender and r.named:
                third_at.setdefault(r.gender, t.i)
        # ... and one named earlier in the sentence makes every such pronoun doubtful
        if toks:
            for t in toks[0].sent:
                if t.i >= toks[0].i:
                    break
                r = tr.referent(t)
                if isinstance(r, Person) and r != speaker and (r != addressee or not explicit) and r.gender \
                        and r.named and t.lower_ not in PRON_GENDER and t.dep_ not in _SUBJ:
                    third_at[r.gender] = -1
        toks = [t for t in toks if t.i not in self._drop]
        subject_i = False
        me_gender = speaker.gender
        if me_gender is None and not question:
            # "Lukas announces that he has sold...": the speaker's own pronoun opens the clause
            lead = [t for t in toks[:2] if t.lower_ in ("he", "she")]
            if lead:
                me_gender = PRON_GENDER[lead[0].lower_]
        same = isinstance(addressee, Person) and explicit and addressee.gender == me_gender
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
                if question and same and g == me_gender and g not in third_same:
                    target = "2"    # "asks Lukas why he hates...": asked about himself
                elif g == me_gender and g not in third_same:
                    # "he is happy to see him": the object is somebody else
                    target = "1"
                    if form == "obj" and subject_i:
                        target = "2" if (explicit and isinstance(addressee, Person) and addressee.gender == g) else None
                elif isinstance(addressee, Person) and g == addressee.gender and g not in third_same \
                        and explicit:
                    target = "2"
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
                    explicit and (self._named_listener or question) and t.tag_ in ("NNP", "NNPS") and \
                    (t.dep_ in _SUBJ or t.dep_ in ("dobj", "pobj", "dative")) and \
                    (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].tag_ not in ("POS",)):
                # "asks if Georges is coming" said to Georges: "are you coming?"
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
        _agree_surface(words)
        return words

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
        if w.text.lower() in _AUX:
            moved = Word(_EXPAND.get(w.text.lower(), w.text.lower()), " ", w.tok)
            rest = words[:k] + words[k + 1:]
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

    # -- quotations --------------------------------------------------------------------
    def _quote_speaker(self, sent: Any, a: int) -> object:
        """Whoever's words a free-standing quotation is: the nearest speaking subject."""
        tok = sent.doc[a + 1] if a + 1 < len(sent.doc) else sent.doc[a]
        v = tok
        for _ in range(8):
            if v.pos_ in ("VERB", "AUX"):
                r = self.tracker.subject_of(v)
                if isinstance(r, Person):
                    return r
            if v.head is v:
                break
            v = v.head
        return None

    # -- assembling action and lines ------------------------------------------------------
    def _assemble(self, sent: Any, events: list[tuple[Any, Line | None, set[int], str]],
                  loose: list[tuple[int, Line]]) -> list[object]:
        if not events:
            items: list[object] = [action_text(sent, set())]
            items += [ln for _, ln in loose]
            return [i for i in items if i]
        consumed: set[int] = set()
        for _, _, c, _ in events:
            consumed |= c
        # the clause of each speech verb: the verb, its subject, adverbs, marks
        for v, _, _, _ in events:
            for c in v.children:
                if c.dep_ in _SUBJ or c.dep_ in ("advmod", "aux", "neg", "punct", "cc", "mark", "prt", "npadvmod"):
                    if c.dep_ in _SUBJ and any(o.i not in consumed and o.i != v.i and o.dep_ == "conj"
                                               for o in [v]):
                        pass
                    consumed |= {t.i for t in c.subtree} if c.dep_ != "cc" else {c.i}
            # an aspect verb carrying the speech ("starts saying") goes with it
            h = v.head
            if v.dep_ == "xcomp" and self.lemma(h) in _ASPECT:
                consumed.add(h.i)
                consumed |= {c.i for c in h.children if c.dep_ in _SUBJ or c.dep_ in ("aux", "neg", "punct")}
        items = []
        pending: list[Any] = []
        order = sorted([(max(c) if c else v.i, ln) for v, ln, c, _ in events] + loose, key=lambda x: x[0])
        k = 0
        for t in sent:
            while k < len(order) and order[k][0] < t.i:
                if pending:
                    items.append(self._action_from(sent, pending))
                    pending = []
                items.append(order[k][1])
                k += 1
            if t.i not in consumed:
                pending.append(t)
        if pending:
            items.append(self._action_from(sent, pending))
        while k < len(order):
            items.append(order[k][1])
            k += 1
        return [i for i in items if i]

    def _action_from(self, sent: Any, toks: list[Any]) -> str:
        """Action text from the tokens a sentence has left once its lines are taken out."""
        kept = {t.i for t in toks}
        toks = [t for t in toks if t.text != '"' or self._pair.get(t.i) in kept]
        while toks and (toks[0].lower_ in ("when", "while", "as") and toks[0].dep_ in ("advmod", "mark")
                        or toks[0].is_punct or toks[0].dep_ in ("cc", "mark") or toks[0].lower_ in ("and", "but", "then", "so")):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "mark", "prep") or
                        toks[-1].lower_ in ("and", "but", "while", "when", "as", "though", "although", "by")):
            toks = toks[:-1]
        if not toks or not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return ""
        # a clause left without its subject borrows the sentence's
        head = next((t for t in toks if t.pos_ == "VERB"), None)
        prefix = ""
        words = [Word(t.text, t.whitespace_, t) for t in toks]
        if head is not None and not any(t.dep_ in _SUBJ for t in toks if t.i < head.i):
            r = self.split_off.get(head.i) or self.tracker.subject_of(head)
            if isinstance(r, Person):
                prefix = _name(r)
                if head.tag_ == "VBG" and prefix:
                    for w in words:
                        if w.tok is head:
                            w.text = third_singular(self.lemma(head))
        body = render(words)
        if prefix:
            body = prefix + " " + body
        if len(body.split()) < 2:
            return ""
        return _action_case(body)


_AUX = frozenset("is are was were am can could will would shall should may might must has have had "
                 "does do did 's 're 'm".split())
_EXPAND = {"'s": "is", "'re": "are", "'m": "am"}
_ADVERBS = frozenset("only never just already also really still always even so not n't".split())


def _base3(word: str) -> str:
    from .grammar import base_from_3sg
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
        if k >= 2 and t.lower_ in SPEECH_FORMS and t.tag_ in ("VBZ", "VBD") and \
                prev.tag_ in ("NNP", "NNS", "PRP") and prev.lower_ not in ("him", "them", "it") and \
                toks[k - 2].lower_ in ("but", "and", ","):
            out = toks[:k - 2]   # "..., but Georges says ...": somebody else's turn
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
    """A question ends where a new clause with its own subject begins (", and Eva begins")."""
    for k in range(1, len(toks) - 2):
        t = toks[k]
        if t.lower_ in ("and", "but") and toks[k + 1].tag_ in ("NNP", "PRP") and toks[k + 1].lower_ not in ("him", "her", "them") \
                and toks[k + 2].tag_ in ("VBZ", "VBD"):
            return toks[:k]
    return toks


def _name(p: Person) -> str:
    """How action names a person: "Georges", "Mr. Merry", "The nurse"."""
    if p.named:
        return " ".join(w[:1].upper() + w[1:].lower() for w in p.cue.split())
    return "The " + p.cue.lower()


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


def _quote_spans(sent: Any) -> list[tuple[int, int]]:
    """Doc token indexes (open, close) of the double-quote pairs in a sentence."""
    marks = [t.i for t in sent if t.text == '"' or t.text in ("``", "''")]
    return [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def _quote_after(v: Any, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation that is what a verb says: right after it (a comma or listener between)."""
    for a, b in quotes:
        gap = [t for t in v.doc[v.i + 1:a]]
        if 0 <= a - v.i <= 4 and all(t.is_punct or t.dep_ in ("dobj", "dative", "prep", "pobj") or
                                     t.pos_ in ("PRON", "PROPN") for t in gap):
            return (a, b)
    return None


def _quote_text(sent: Any, q: tuple[int, int]) -> str:
    doc = sent.doc
    inner = doc[q[0] + 1:q[1]].text.strip()
    inner = inner.strip(" ,")
    if not inner:
        return ""
    end = "." if inner[-1] not in ".!?" else ""
    return inner[0].upper() + inner[1:] + end


def _is_title(sent: Any, a: int, b: int) -> bool:
    """A quoted title (song, book, film): capitalised words, no closing stop."""
    doc = sent.doc
    words = [t for t in doc[a + 1:b] if t.is_alpha]
    if not words or len(words) > 8:
        return False
    if doc[b - 1].text in (".", "!", "?", ","):
        return False
    small = {"a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "by", "with", "or"}
    return all(w.text[0].isupper() or w.lower_ in small for w in words) and words[0].text[0].isupper()


def action_text(sent: Any, drop: set[int]) -> str:
    """A whole sentence as action (quotation marks kept, asides already lifted)."""
    s = sent.text.strip()
    s = re.sub(r"\s+", " ", s)
    return _action_case(s) if s else ""


def _action_case(s: str) -> str:
    """Capitalised, closed with a stop, quotation marks kept and tidied."""
    s = re.sub(r'" ([^"]*?) "', r'"\1"', s)
    s = re.sub(r'\s+([,.;:!?])', r"\1", s).strip().strip(",;: ")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if s[-1] not in ".!?" and not (s[-1] == '"' and s[-2:-1] in (".", "!", "?")):
        s += "."
    return s
