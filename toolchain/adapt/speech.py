"""Speech in a synopsis sentence: quoted words, reported speech, speech acts.

For each verb of saying the module finds who speaks (the verb's subject, or
the subject of the verb it hangs on), to whom (its object), how (an adverb in
-ly becomes a parenthetical) and what (a "that"/"if"/wh- clause, a "to"
infinitive, or a quotation).  What can be said as a line is rewritten in the
speaker's own words (report.py); what cannot - a speech act without content
("she thanks him"), an unresolved speaker, a group - stays action.  What is
left of the sentence becomes action, with a subject if it lost its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .cast import Person
from .action import to_present
from .grammar import WH_WORDS, Word, fix_i_capital, render, sentence_case, third_singular, verb_read_as_noun
from .lexicon import INTENT_VERBS, PERSON_NOUNS, PRON_GENDER, QUOTE_VERBS, RESPONSE_VERBS, SPEECH_CONTENT, SPEECH_FORMS, SPEECH_VERBS
from .performative import PROPOSALS, RESPONSES, bare_line, performatives
from .groups import speaking_group
from .quotes import is_scare, is_title, quote_after, quote_before, quote_run, quote_spans, quote_text, \
    quoted_predicate_subject
from .refer import Tracker
from .report import ReportedSpeech
from .written import FILM_PARTS, SENDING_VERBS, WRITING_VERBS, WRITTEN_NOUNS, sender_of, written_by

_SUBJ = ("nsubj", "nsubjpass")
_NOT_MANNER = frozenset("only also finally really nearly early simply certainly probably "
                        "immediately apparently supposedly eventually actually usually likely".split())
_QUESTIONS = frozenset("ask inquire enquire question".split())
_ASPECT = frozenset("start begin keep continue go".split())


@dataclass
class Line:
    """A line of dialogue drawn from the synopsis."""

    speaker: Person
    text: str
    paren: str | None = None
    voice: str | None = None      # "V.O." for words written and read, heard over the scene
    # the words that named the speaker when the whole telling became this line
    # ("loan officer Walter Prine"): what introduces them if the action never has
    intro: str | None = None
    # said at the same time as the line before it (Fountain's dual dialogue, "^")
    dual: bool = False


@dataclass
class SpeechEvent:
    """A verb of saying found in the text (kept for scoring and tracing)."""

    verb_char: int           # offset of the verb (or quotation) in its unit's cleaned text
    speaker: object          # Person, group tuple or None
    converted: bool
    kind: str                # "R" reported with content, "Q" quoted, "N" act without content
    text: str = ""


@dataclass
class Beats:
    """What one sentence becomes: an ordered list of action texts and lines."""

    items: list[str | Line] = field(default_factory=list)   # str (action) or Line
    events: list[SpeechEvent] = field(default_factory=list)
    spoken: set[int] = field(default_factory=set)       # token ids turned into dialogue


class SpeechReader(ReportedSpeech):
    """Finds and converts the speech in sentences, with a pronoun tracker for context."""

    def __init__(self, tracker: Tracker, lemma: Callable[[Any], str]):
        self.tracker = tracker
        self.lemma = lemma
        self.split_off: dict[int, object] = {}   # verb token -> speaker(s), for deeds cut from speech
        self.speakers: list[object] = []          # who spoke in this scene, in order
        self._named_listener = False
        self.past = False                        # the synopsis is told in the past tense
        self.verb_speaker: dict[int, object] = {}
        self._sentence_speakers: list[object] = []
        self._prev_sent: Any = None
        self._last_quoted: Person | None = None   # who spoke the quotation ending the last sentence
        self._reading: tuple[Person, Person] | None = None   # a letter just read: (writer, reader)
        self._drop: set[int] = set()
        self._pair: dict[int, int] = {}
        self._found: set[str] = set()
        self._loose: set[int] = set()             # tokens of quotations no verb claimed, now lines
        self._asked: tuple[Person, Person] | None = None   # (asked, asker) of the last question
        self._asker_sex: str | None = None
        self._at_start: tuple[int, tuple[Person, Person] | None] = (0, None)   # when the last sentence began
        self._groups: dict[str, Person] = {}     # cue -> the group speaking under it
        self._keep_clause: set[int] = set()      # quoting verbs whose clause stays action
        # a verb whose subject the parse lost -> the tokens of the name set off before it
        self._set_off: dict[int, set[int]] = {}

    # -- public ------------------------------------------------------------------
    def read(self, sent: Any) -> Beats:
        """What a sentence becomes: action texts and lines in order, and its speech events."""
        self._at_start = (len(self.speakers), self._asked)
        quotes = quote_spans(sent)
        # quotation marks around words go when the words become a line; around a title they stay
        self._drop = {i for a, b in quotes if not is_title(sent, a, b) for i in (a, b)}
        self._pair = {a: b for a, b in quotes} | {b: a for a, b in quotes}
        events: list[tuple[Any, Line | None, set[int], str]] = []   # verb, line, consumed token ids, kind
        out = Beats()
        prior: list[object] = []
        self._sentence_speakers = prior
        self.split_off = {}          # token ids are per parsed unit: start afresh
        self._keep_clause = set()
        self._set_off = {}
        self.verb_speaker = {}
        inside: set[int] = set()
        reading, self._reading = self._reading, None
        for v in sent:
            lem = self._speech_lemma(v)
            heard = self._heard_from(v) if lem is None and v.i not in inside else None
            if heard is not None:
                lem = "tell"   # "learns from Ada that ...": Ada tells it
            wish = self._voiced_wish(v) if lem is None and v.i not in inside else None
            if wish is not None:
                lem = "want"   # "wants her mother to go into care, but Georges says ...": said aloud
            if lem is None or v.i in inside:
                continue  # speech reported inside somebody's line stays in that line
            if v.tag_ == "VBN" and any(c.dep_ in ("auxpass",) for c in v.children):
                # "has not been called that": passive, nobody speaks - unless somebody does it
                self._passive_act(sent, v, lem, quotes, events, out)
                continue
            if v.dep_ in ("ccomp", "xcomp") and self.lemma(v.head) in ("make", "let", "have", "force", "want"):
                exacted = self._promise_exacted(v, lem) if self.lemma(v.head) == "make" else None
                if exacted is not None:
                    # "makes Georges promise not to send her away": she asks it, he gives it
                    out.events.append(SpeechEvent(v.head.idx, exacted[0].speaker, True, "R", exacted[0].text))
                    out.events.append(SpeechEvent(v.idx, exacted[1].speaker, True, "R", exacted[1].text))
                    # the action keeps the making ("After the surgery, Nora makes Marek promise."): only
                    # what is promised goes into the lines
                    taken = {t.i for c in v.children if c.dep_ in ("xcomp", "neg") for t in c.subtree}
                    events.append((v.head, exacted[0], taken, "R"))
                    events.append((v.head, exacted[1], taken, "R"))
                    inside |= taken
                continue  # "makes him promise": the promise is not yet said
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and v.head.pos_ not in ("VERB", "AUX"):
                continue  # "no one to tell her that...": nobody is telling anything
            if self._intended(v):
                continue  # "decides to ride to town and tell him ...": not said yet
            if v.dep_ == "relcl" and v.head.pos_ == "NOUN" and not isinstance(self.tracker.referent(v.head), Person) \
                    and any(t.dep_ == "prep" and not any(t.children) for t in v.subtree):
                continue  # "a story the daughters ask to hear about": what they ask for is the noun's gap
            if _conditional(v) or self._inside_report(v):
                continue  # "if he cries or says that he is hungry", "is told that ... says": not said now
            if lem not in _QUESTIONS and quote_after(v, quotes) is None and _tells_a_wh_clause(v):
                continue  # "tells Jess who he is": what he says is not in the text
            speaker = self._own_listener(v, sent, self._speaker(v, sent, prior))
            voice, reader = None, None
            if heard is not None:
                speaker, reader = heard
            letter = written_by(v, self.lemma)
            writer = self.tracker.referent(letter[0]) if letter and letter[0] is not None else None
            if letter is not None and isinstance(writer, Person):
                # "receives a letter from Steve, saying ...": Steve's words, read over the scene
                speaker, voice = writer, "V.O."
                got = self.tracker.referent(letter[1]) if letter[1] is not None else None
                reader = got if isinstance(got, Person) and got != writer else None
                if reader is not None:
                    self._reading = (writer, reader)
            elif reading is not None and speaker == reading[0] and self._addressee(v)[1] == reading[1]:
                # "He asks her to ..." right after his letter to her is read: still the letter
                voice, self._reading = "V.O.", reading
            elif letter is not None:
                speaker = None   # a letter from somebody we cannot place: not its reader's words
            elif self._in_writing(v) or lem in WRITING_VERBS:
                voice = "V.O."   # "In the letter he asks her to forgive him", "texts her: ...": his words, read
            prior.append(speaker)
            self._sentence_speakers = prior
            self.verb_speaker[v.i] = speaker
            q = quote_after(v, quotes)
            if q is not None and lem == "call" and any(c.dep_ in ("dobj", "oprd") and c.i < q[0] for c in v.children):
                q = None   # "call him "the ghost"": a name given, not words said
            if q is not None and lem in _PERFORMING and is_title(sent, q[0], q[1]):
                q = None   # 'sings "You Are My Lucky Star"': a song's title, not words said
            if q is not None and q[0] > v.i and _quoted_name(sent.doc, q) and \
                    any(c.dep_ == "ccomp" and c.i > q[1] for c in v.children):
                q = None   # 'tells "Josephine" that she ...': the one told, by the name she goes by
            kind = "N"
            line: Line | None = None
            extra: Line | None = None
            consumed: set[int] = set()
            if wish is not None and isinstance(speaker, Person):
                words = self._shift(sorted(wish.subtree, key=lambda t: t.i), speaker, None, False)
                kind, consumed = "R", {t.i for t in wish.subtree} | {v.i}
                line = Line(speaker, sentence_case(fix_i_capital("I want " + render(words))), self._manner(v))
            elif q is not None and lem in QUOTE_VERBS:
                kind = "Q"
                if not isinstance(speaker, Person):
                    cue = speaking_group(v, self._prev_sent)
                    speaker = self._group(cue) if cue else speaker
                if isinstance(speaker, Person):
                    run = quote_run(sent, q, quotes)
                    pre = quote_before(v, quotes)
                    if pre is not None and pre[1] < v.i < q[0]:
                        run = [pre] + run   # '"You're a fine boy," she says, "you have broad shoulders."'
                    self._more = self._more_after(sent, run[-1][1] + 1) if run[-1][1] > v.i else []
                    said = " ".join(quote_text(sent, x) for x in run)
                    if len(run) > 1 and run[0] == pre and sent.doc[pre[1] - 1].text == "," and \
                            sent.doc[run[1][0] + 1].is_lower:
                        # one sentence broken by "she says": it goes on after the comma
                        rest = " ".join(quote_text(sent, x) for x in run[1:])
                        said = quote_text(sent, pre)[:-1] + ", " + rest[:1].lower() + rest[1:]
                    speaker = self._not_the_one_called(v, speaker, said)
                    who = quoted_predicate_subject(sent, q)
                    if who:   # 'Tomas "fits the description"': the subject is part of what is said
                        said = " ".join(t.text for t in who) + " " + said[:1].lower() + said[1:]
                    text, consumed = self._with_more(said, set(range(run[0][0], run[-1][1] + 1)) | {t.i for t in who},
                                                     speaker, None, False)
                    line = Line(speaker, text, self._manner(v), voice)
                    if any(c.tag_ in ("WP", "WDT") and not run[0][0] <= c.i <= run[-1][1] for c in v.children):
                        self._keep_clause.add(v.i)   # "interprets what they chant": still action
                    else:
                        consumed.add(v.i)
            elif (pair := self._each_other(v)) is not None and lem in SPEECH_CONTENT:
                # "tell each other that they have no regrets": each says it to the other
                speaker = pair[0]
                for teller, other in (pair, pair[::-1]):
                    conv = self._reported(v, lem, teller, sent, quotes, listener=other, mutual=True)
                    if conv is None or not conv[0]:
                        break
                    kind, consumed = "R", consumed | conv[1]
                    each = Line(teller, conv[0], self._manner(v))
                    line, extra = (each, extra) if line is None else (line, each)
            elif lem in SPEECH_CONTENT or lem in self._found or _writes_that(v, lem):
                if lem == "write":
                    voice = "V.O."   # "he writes that he misses her": his words, read over the scene
                both = _both(speaker)
                sayer: object = both[0] if both else speaker
                conv = self._reported(v, lem, sayer, sent, quotes, listener=reader, both=both)
                if conv is not None and both and (
                        _FIRST_SINGULAR.search(conv[0]) or any(
                            self.tracker.referent(sent.doc[i]) in both for i in conv[1] if i != v.i)):
                    conv = None   # one of the two speaks alone, or of one of them: not both at once
                if conv is not None:
                    kind = "R"
                    text, consumed = conv
                    if text:
                        line = Line(sayer, text, self._manner(v), voice)  # type: ignore[arg-type]
                        if both:
                            # "they say they missed the bus": both say it at once
                            extra = Line(both[1], text, self._manner(v), voice, dual=True)
                    else:
                        consumed = set()
                elif self._has_content(v):
                    kind = "R"
            if line is None and kind != "Q" and isinstance(speaker, Person) \
                    and not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
                # (a clause before the verb is no content of it: "She offers tea; he refuses")
                act = self._performative(v, lem, speaker, quotes)
                if act is not None:
                    kind, (text, consumed) = "R", act
                    line = Line(speaker, text, self._manner(v))
            elif line is None and kind != "Q" and _pair(speaker) \
                    and not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
                # "Billy and Nan agree", "Ada and Tom invite them in": both say it at once
                assert isinstance(speaker, tuple)
                act = self._performative(v, lem, speaker[0], quotes, pair=True)
                if act is not None and not _FIRST_SINGULAR.search(act[0]):
                    kind, (text, consumed) = "R", act
                    line = Line(speaker[0], text, self._manner(v))
                    extra = Line(speaker[1], text, self._manner(v), dual=True)
            if (lem in _QUESTIONS or lem in PROPOSALS) and isinstance(speaker, Person):
                listener = self._addressee(v)[1]
                self._asked = (listener, speaker) if isinstance(listener, Person) and listener != speaker else None
                # (the asker's sex as the text said it here, when the cast does not know it: "he asks")
                own = next((c for c in v.children if c.dep_ == "nsubj"), None)
                self._asker_sex = PRON_GENDER.get(own.lower_) if own is not None and own.tag_ == "PRP" else None
            elif isinstance(speaker, Person) and kind != "N":
                self._asked = None   # somebody answered, or spoke of something else
            out.events.append(SpeechEvent(v.idx, speaker, line is not None, kind,
                                          line.text if line else ""))
            if isinstance(speaker, Person):
                self.speakers.append(speaker)
            if line is not None:
                events.append((v, line, consumed, kind))
                inside |= consumed - {v.i}
                if extra is not None:
                    events.append((v, extra, consumed, kind))
        events += self._answers_inside(events)
        # quotations no verb claimed: a title stays in the action, words get a line
        claimed = {i for _, _, c, _ in events for i in c}
        loose_lines: list[tuple[int, Line]] = []
        self._loose = set()
        for a, b in quotes:
            if a in claimed or is_title(sent, a, b) or is_scare(sent, a, b):
                continue
            deeds = [i for i in self.split_off if sent.start <= i < a]
            spoke = [i for i, p in self.verb_speaker.items() if i < a and isinstance(p, Person)]
            written = self._written_before(sent, a)
            if written is not None:
                # 'finds a note on the counter: "Drive carefully."': words written; the writer's,
                # read over the scene, when the text says who wrote them; else they stay action
                if isinstance(written, Person):
                    loose_lines.append((b, Line(written, quote_text(sent, (a, b)), None, "V.O.")))
                    out.events.append(SpeechEvent(sent.doc[a].idx, written, True, "Q"))
                    if all(t.is_punct for t in sent.doc[b + 1:sent.end]):
                        self._loose.update(range(a, b + 1))
                continue
            speaker = self.split_off[max(deeds)] if deeds else \
                self.verb_speaker[max(spoke)] if spoke and sent.doc[a - 1].text in (";", ":") else \
                self._quote_speaker(sent, a)   # "He insists it is; "It's true!"": his words
            whole = all(t.is_punct or t.is_space for t in sent if not a <= t.i <= b)
            if speaker is None and whole and self._last_quoted is not None:
                speaker = self._last_quoted   # '"It is late," she says. "Go home."': still hers
            elif speaker is None and whole and a == sent.start and self._prev_sent is not None and \
                    not any(t.text == '"' for t in self._prev_sent):
                # 'Her supervisor wants to call the police. "Rules are rules, Marisa."': words standing
                # alone after a sentence about somebody are theirs (not of one they call by name)
                said = quote_text(sent, (a, b))
                who = self.tracker.last_main_subject()
                if who is not None and not any(_called(said, f.split()[-1])
                                               for f in who.forms | {who.cue.title()} if f.split()):
                    speaker = who
            if isinstance(speaker, Person):
                loose_lines.append((b, Line(speaker, quote_text(sent, (a, b)), None)))
                # only words set off as an utterance (", "..."" to the end) leave the action;
                # a quoted phrase inside it ("such a "psychopath"") is part of what happens
                set_off = whole or (sent.doc[a - 1].text in (",", ":", ";") and
                                    all(t.is_punct for t in sent.doc[b + 1:sent.end]))
                if set_off:
                    self._loose.update(range(a, b + 1))
                out.events.append(SpeechEvent(sent.doc[a].idx, speaker, True, "Q"))
        out.items = self._assemble(sent, events, loose_lines)
        # a quotation with its speaker closing the sentence may go on in the next one
        # (the one told may close it too: '"It is late," he tells her.')
        last_q = [line.speaker for v, line, c, kind in events if kind == "Q" and line is not None and c
                  and all(t.is_punct or t.dep_ in ("nsubj", "advmod") or t.i == v.i or
                          t.dep_ in ("dobj", "dative") and t.head.i == v.i and t.tag_ in ("PRP", "NNP")
                          for t in sent if t.i > max(c))]
        last_q += [line.speaker for b, line in loose_lines
                   if all(t.is_punct for t in sent if t.i > b)]
        self._last_quoted = last_q[-1] if last_q and isinstance(last_q[-1], Person) else None
        self._prev_sent = sent
        out.spoken = {i for _, _, c, _ in events for i in c}
        return out

    # -- verbs and speakers -----------------------------------------------------------
    def groups(self) -> list[Person]:
        """The groups that spoke, in the order they first did."""
        return list(self._groups.values())

    def _group(self, cue: str) -> Person:
        """The one speaker standing for a group ("STRIKERS"), the same each time it speaks."""
        if cue not in self._groups:
            self._groups[cue] = Person("@" + cue, cue, False)
        return self._groups[cue]

    def _speech_lemma(self, v: Any) -> str | None:
        """The lemma of a verb of saying, or None (tolerates verbs tagged as nouns)."""
        if v.tag_.startswith("VB"):
            lem = self.lemma(v)
            if lem in SPEECH_VERBS or lem in QUOTE_VERBS or lem in performatives():
                return lem
            if self._tells_somebody(v):
                self._found.add(lem)
                return lem
            if any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children) and lem in ("point", "spell") and \
                    any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                        for c in v.children):
                self._found.add(lem)   # "points out that its bite is too small": said, with what
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

    def _tells_somebody(self, v: Any) -> bool:
        """A verb the parse shows to be one of saying: a person told a clause of content.

        "convinces Tom that the house is safe", "assures her that he will come":
        a person as the object and a finite clause with "that", "if" or
        "whether" (what was said), and a person as the subject.
        """
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or not isinstance(self.tracker.referent(subj), (Person, tuple)):
            return False
        told = any(c.dep_ in ("dobj", "dative") and isinstance(self.tracker.referent(c), Person)
                   for c in v.children)
        said = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("that", "if", "whether")
                                             for m in c.children) for c in v.children)
        return told and said

    def _subjectlike(self, t: Any) -> object:
        """The person a token names when it can be a subject (not him/her/them)."""
        low = t.lower_
        if low in ("him", "them", "me", "us", "his", "its") or (low == "her" and t.dep_ not in _SUBJ):
            return None
        r = self.tracker.referent(t)
        return r if isinstance(r, (Person, tuple)) else None

    def _not_the_one_called(self, v: Any, speaker: Person, said: str) -> Person:
        """'"It's all for nothing, Will," he says': when "he" was read as the one the words call
        by name, the speaker is the other one about (the one who spoke last, or the sentence
        before's subject)."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.tag_ != "PRP" or not _calls(said, speaker):
            return speaker
        for other in list(reversed(self.speakers)) + [self.tracker.last_main_subject()] + \
                self.tracker.recent_people():
            unlike = {"he": "F", "she": "M"}.get(subj.lower_, "")
            if isinstance(other, Person) and other != speaker and other.gender != unlike and \
                    not _calls(said, other):
                return other
        return speaker

    def _speaker(self, v: Any, sent: Any, prior: list[object]) -> object:
        """Who utters a verb of saying, by position first and the parse second."""
        answer = self._answerer(v)
        if answer is not None:
            return answer
        if v.i > sent.start and sent.doc[v.i - 1].text == '"' and v.i + 1 < sent.end and \
                not any(c.dep_ in _SUBJ for c in v.children):
            # '"Prove it," said Wilson, smiling': the speaker after the verb, which the parse
            # may give to the next verb
            after = sent.doc[v.i + 1]
            if after.tag_ in ("NNP", "NNPS") or after.lower_ in ("he", "she", "they"):
                r = self._subjectlike(after)
                if isinstance(r, Person):
                    return r
        inner = v.head
        thing = next((c for c in inner.children if c.dep_ in _SUBJ), None)
        if v.dep_ == "conj" and inner.dep_ == "ccomp" and inner.head.i != inner.i and v.tag_ in ("VBZ", "VBD") \
                and not any(c.dep_ in _SUBJ for c in v.children) and thing is not None and \
                thing.pos_ == "NOUN" and not isinstance(self.tracker.referent(thing), Person) and \
                inner.head.tag_ == v.tag_:
            # "Hooper points out that its bite is too small and insists ...": no bite insists
            teller = self.tracker.subject_of(inner.head)
            if isinstance(teller, Person):
                return teller
        if v.dep_ == "conj" and inner.dep_ == "ccomp" and inner.head.i != inner.i and v.tag_ in ("VBZ", "VBD") \
                and inner.head.tag_ == v.tag_ and inner.tag_ != v.tag_ and \
                not any(c.dep_ in _SUBJ for c in v.children):
            # "She notices that Eddie has started ... and asks her partner ...": the parse joins the
            # telling to the clause noticed; in the tense of the noticing, it is hers
            teller = self.tracker.subject_of(inner.head)
            if isinstance(teller, Person):
                return teller
        k = v.i - 1
        while k >= sent.start and (sent.doc[k].tag_ in ("RB", "RBR") or sent.doc[k].lower_ in ("then", "also")):
            k -= 1
        prev = sent.doc[k] if k >= sent.start else None
        if v.tag_ == "VBG" and v.dep_ in ("xcomp", "advcl") and prev is not None and \
                prev.dep_ in ("pobj", "dobj", "dative") and prev.head.i != v.i:
            # "Ana lunges at him screaming ...": the one done to is not who screams; who lunges is
            doer = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
            r = self._subjectlike(doer) if doer is not None else None
            if isinstance(r, Person):
                return r
            prev = None
        if prev is not None:
            r = self._subjectlike(prev)
            first = prev.head
            if isinstance(r, Person) and prev.dep_ == "conj" and first.dep_ == "nsubj" and first.head.i == v.i \
                    and (v.tag_ == "VBP" or v.tag_ == "VB" and v.dep_ == "ROOT") \
                    and not any(c.dep_ == "conj" for c in prev.children):
                other = self._subjectlike(first)
                if isinstance(other, Person) and other != r and \
                        sum(1 for w in first.subtree if w.dep_ == "conj") == 1:
                    return (other, r)   # "Billy and Nan agree": the two of them
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
                r = self._relative_person(v)
                if r is not None or v.dep_ == "relcl":
                    return r   # "who" is the one the clause describes, or nobody we know
        if v.dep_ == "conj" and v.head.dep_ == "relcl" and prev is not None and prev.lower_ == "and":
            r = self._relative_person(v.head)   # "the stranger, who turns and says ..."
            if r is not None:
                return r
        own = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if own is not None and _deed_as_subject(own):
            doer = next((r for c in own.children if c.dep_ in ("nsubj", "compound") and c.i < own.i
                         for r in [self._subjectlike(c)] if r is not None), None)
            if doer is not None:
                return doer   # "Tobias nods, then asks": who nods asks
        if own is not None and own.pos_ == "NOUN" and self.tracker.referent(own) is None:
            return None   # its own subject is nobody we know (or "says farewell" misread)
        if own is None and v.dep_ == "conj":
            # "two men beat Leon and warn him ...": the shared subject is nobody we know
            first = v.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            shared = next((c for c in first.children if c.dep_ == "nsubj"), None)
            if shared is not None and shared.pos_ == "NOUN" and self.tracker.referent(shared) is None \
                    and not _deed_as_subject(shared) and first.dep_ not in ("ccomp", "xcomp", "advcl", "relcl"):
                return None
        if own is not None and own.lower_ in ("it", "this") and self.tracker.referent(own) is None:
            return None   # a thing "reads" or "says" something: a letter, a sign, no speaker
        gerund = v.tag_ == "VBG" or v.lower_.endswith("ing")
        if gerund and v.dep_ == "advcl" and self.lemma(v.head) in RESPONSE_VERBS:
            own = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
            dep = self.tracker.referent(own) if own is not None else None
            if isinstance(dep, Person):
                return dep   # "he declines, saying ...": who declines says it
        if own is None and v.dep_ == "ROOT" and prev is not None and prev.text == ",":
            named = self._name_set_off(sent, v)
            if named is not None:
                return named   # "When Jess shows him the letter, Tom, knowing ..., agrees to ..."
        if gerund or (prev is not None and (prev.lower_ in ("and", "but", ",") or prev.is_punct)):
            if prior and prior[-1] is not None:
                return prior[-1]
            dep = self.tracker.subject_of(v)
            if dep is not None and not gerund:
                return dep
            return self._nearest_subject(sent, v.i) if gerund else self._first_subject(sent, v.i)
        dep = self.tracker.subject_of(v)
        return dep if dep is not None else self._nearest_subject(sent, v.i)

    def _answers_inside(self, events: list[tuple[Any, Line | None, set[int], str]]
                        ) -> list[tuple[Any, Line | None, set[int], str]]:
        """The answer a relative clause inside a line gives to it ("expresses her wish to ...,
        which Edward refuses to grant"; "..., a notion that the astonished Crosby rejects"):
        not the speaker's words but the other's reply, said after them."""
        out: list[tuple[Any, Line | None, set[int], str]] = []
        for v, line, taken, kind in events:
            if line is None or kind == "Q":
                continue
            for t in sorted((v.doc[i] for i in taken), key=lambda t: t.i):
                if t.dep_ not in ("relcl", "acl") or t.i < v.i or self.lemma(t) not in RESPONSE_VERBS:
                    continue
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                who = next((r for w in subj.subtree for r in [self.tracker.referent(w)] if r is not None), None) \
                    if subj is not None else None
                lead = t.left_edge
                if not isinstance(who, Person) or who == line.speaker or \
                        lead.lower_ not in ("which", "that") or any(c.dep_ == "neg" for c in t.children):
                    continue
                bare = bare_line(self.lemma(t))
                if bare is None:
                    continue
                # the answer and the words that lead to it ("a notion that ...") leave the line
                span = set(range(lead.i, t.right_edge.i + 1))
                if t.head.dep_ == "appos":
                    span |= {x.i for x in t.head.subtree}
                out.append((t, Line(who, bare, self._manner(t)), span, "R"))
                line.text = self._trimmed(line.text, v.doc, span)
                break
        return out

    @staticmethod
    def _trimmed(text: str, doc: Any, span: set[int]) -> str:
        """A line without the words of an answer hung at its end (", which Edward refuses")."""
        words = [doc[i].text for i in sorted(span) if not doc[i].is_punct]
        body = text.rstrip(".!?")
        if not words or not body.endswith(" ".join(words[-3:])):
            return text   # the line never held them
        at = body.rfind(" " + words[0] + " ")
        if at <= 0:
            return text
        return body[:at].rstrip(" ,;") + (text[-1] if text[-1] in ".!?" else ".")

    def _passive_act(self, sent: Any, v: Any, lem: str, quotes: list[tuple[int, int]],
                     events: list[tuple[Any, Line | None, set[int], str]], out: Beats) -> None:
        """A speech act done to somebody by a person ("Martin is warmly welcomed by Laurie"):
        the act said aloud by that person, after the sentence, which stays action whole."""
        # (the parse may hang "by" on the place before it: "greeted at the door by Laurie")
        by = next((c for c in v.subtree if c.lower_ == "by" and
                   (c.dep_ == "agent" or c.dep_ == "prep" and c.head.dep_ == "pobj" and c.head.head.head.i == v.i)),
                  None)
        doer = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        agent = next((r for t in doer.subtree for r in [self.tracker.referent(t)] if r is not None), None) \
            if doer is not None else None
        # the line follows the clause: the punctuation closing it, before any clause joined on
        joined = {t.i for c in v.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        last = max(t.i for t in v.subtree if t.i not in joined and not (t.is_punct and t.i > v.i and t.head.i == v.i))
        end = sent.doc[last + 1] if last + 1 < sent.end else None
        if not isinstance(agent, Person) or end is None or end.text not in (",", ".", ";", "!") or \
                any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
            return
        # the act's formula when it stands alone ("Welcome.", "Hello.", "Thank you.")
        bare = bare_line(lem) if not any(c.dep_ == "neg" for c in v.children) else None
        if bare is None:
            return
        line = Line(agent, bare, self._manner(v))
        self._keep_clause.add(v.i)
        events.append((v, line, {end.i}, "R"))
        out.events.append(SpeechEvent(v.idx, agent, True, "R", line.text))
        self.speakers.append(agent)

    def _name_set_off(self, sent: Any, v: Any) -> Person | None:
        """The subject of a main verb the parse left without one, when a name stands set off
        by commas before it with only participle phrases between ("When Jess shows him the
        letter, Tom, knowing ..., and believing ..., agrees"): that name."""
        doc = sent.doc
        for t in reversed(list(doc[sent.start:v.i])):
            if not (t.pos_ == "PROPN" and t.dep_ not in _SUBJ and 0 < t.i < v.i - 1
                    and doc[t.i - 1].text == "," and doc[t.i + 1].text == ","):
                continue
            # what stands between is participle phrases and what hangs on them, nothing finite
            between = doc[t.i + 2:v.i]
            tops = [w for w in between if w.pos_ in ("VERB", "AUX") and not (t.i + 2 <= w.head.i < v.i)]
            if not tops or any(w.tag_ != "VBG" for w in tops):
                return None
            r = self.tracker.referent(t)
            if not isinstance(r, Person):
                return None
            # the name and how it is minded go with the telling: "Tom, knowing ..., agrees"
            self._set_off[v.i] = set(range(t.i - 1, v.i))
            return r
        return None

    def _in_writing(self, v: Any) -> bool:
        """Said "in" a letter ("In the letter he asks...", "In it he writes ..." after a letter)."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if obj.lower_ in WRITTEN_NOUNS:
                    return True
                if obj.lower_ == "it" and self._prev_sent is not None and \
                        any(t.lower_ in WRITTEN_NOUNS and t.pos_ == "NOUN" for t in self._prev_sent):
                    return True
        return False

    def _intended(self, v: Any) -> bool:
        """Whether saying is only meant, planned or wanted ("decides to ride to town
        and tell him ...", "hopes to tell her"), not done now."""
        h = v
        while h.dep_ == "conj" and h.head is not h and h.tag_ == "VB":
            h = h.head   # "to ride to town and tell him": a bare verb shares the "to"
                         # (not "refuses to explain and warns her": "warns" is done now)
        return h.dep_ == "xcomp" and h.head is not h and self.lemma(h.head) in INTENT_VERBS

    def _inside_report(self, v: Any) -> bool:
        """Whether the verb is part of what a passive verb of saying reports ("is told that
        if he says ..."): then it is content, never an utterance of its own (an active
        report's line takes it in itself)."""
        child, h = v, v.head
        while h.i != child.i:
            if child.dep_ == "ccomp" and self._speech_lemma(h) is not None and \
                    any(c.dep_ in ("auxpass", "nsubjpass") for c in h.children):
                return True
            child, h = h, h.head
        return False

    def _relative_person(self, v: Any) -> object:
        """The person a relative clause's "who" stands for, or None.

        "Tom, a fisherman in his forties, who warns her ...": the parse may hang
        the clause on a noun inside the phrase describing the person
        ("forties"), so this climbs through that phrase to the person.
        """
        h = v.head if v.dep_ == "relcl" else None
        for _ in range(5):
            if h is None:
                return None
            r = self._subjectlike(h)
            if r is not None:
                return r
            h = h.head if h.dep_ in ("appos", "pobj", "prep") and h.head is not h else None
        return None

    def _each_other(self, v: Any) -> tuple[Person, Person] | None:
        """The two people of "A and B tell each other ...", or None."""
        if not any(c.dep_ in ("dobj", "dative") and c.lower_ in ("other", "another") and
                   any(d.lower_ in ("each", "one") for d in c.children) for c in v.children):
            return None
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        both = [self.tracker.referent(subj)] + [self.tracker.referent(c) for c in subj.children if c.dep_ == "conj"]
        if len(both) == 1 and isinstance(both[0], tuple):
            both = list(both[0])   # "they tell each other"
        people = [p for p in both if isinstance(p, Person)]
        return (people[0], people[1]) if len(people) == 2 == len(both) and people[0] != people[1] else None

    def _own_listener(self, v: Any, sent: Any, speaker: object) -> object:
        """One speaks to one's own ("says to her husband"): a listener whose possessive
        is of the other sex shows the speaker is the subject of that sex in the sentence."""
        if not isinstance(speaker, Person) or speaker.gender is None or \
                any(c.dep_ in _SUBJ for c in v.children):
            return speaker   # a verb with its own subject has its speaker
        heard = [g for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
        heard += [c for c in v.children if c.dep_ in ("dobj", "dative")]
        poss = [p for h in heard for p in h.children if p.dep_ == "poss" and p.lower_ in ("his", "her")]
        if not poss or PRON_GENDER[poss[0].lower_] == speaker.gender:
            return speaker
        other = [r for t in sent if t.dep_ in _SUBJ and t.i < v.i
                 for r in [self.tracker.referent(t)]
                 if isinstance(r, Person) and r.gender == PRON_GENDER[poss[0].lower_]]
        return other[-1] if len(set(other)) == 1 else speaker

    def _answerer(self, v: Any) -> Person | None:
        """An answer comes from the one just asked: "She asks him if ... He insists it is."

        A he/she subject of a verb of saying, right after a question put to a
        person of that sex (not the asker), is that person.
        """
        asked = self._asked
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if asked is None or subj is None or subj.lower_ not in ("he", "she"):
            return None
        listener, asker = asked
        # "invites Pim to come; he declines": a refusal is the one invited's, even between two men
        reply = self.lemma(v) in RESPONSES
        if listener.gender != PRON_GENDER[subj.lower_] or \
                ((asker.gender or self._asker_sex) == listener.gender and not reply):
            return None
        return listener

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
        """How the words are said, from an -ly adverb ("angrily" -> "(angrily)").

        Only a word tagged as an adverb counts: a name the parser hangs on the verb as a
        modifier ("tells Cecily, ...") ends in -ly too."""
        heads = [v]
        if v.head.i != v.i and v.dep_ == "xcomp" and v.head.lower_ in ("starts", "begins"):
            heads.append(v.head)
        for h in heads:
            for c in h.children:
                if c.dep_ == "advmod" and c.tag_ in ("RB", "RBR", "RBS") and c.lower_.endswith("ly") \
                        and c.lower_ not in _NOT_MANNER:
                    return c.lower_
        return None

    # -- quotations --------------------------------------------------------------------
    def _promise_exacted(self, v: Any, lem: str) -> tuple[Line, Line] | None:
        """"makes Georges promise not to send her back": the one who makes him asks it ("Promise me
        you won't send me back."), and he gives it ("I promise."); None for any other shape."""
        if lem not in ("promise", "swear", "vow"):
            return None
        asker = self.tracker.subject_of(v.head)
        giver = next((self.tracker.referent(c) for c in v.children if c.dep_ in _SUBJ), None)
        inf = next((c for c in v.children if c.dep_ == "xcomp" and c.tag_ == "VB" and
                    any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if not (isinstance(asker, Person) and isinstance(giver, Person)) or asker == giver or inf is None:
            return None
        neg = any(c.dep_ == "neg" for c in v.children) or any(c.dep_ == "neg" for c in inf.children)
        toks = [t for t in sorted(inf.subtree, key=lambda t: t.i)
                if not (t.head.i == inf.i and (t.dep_ == "neg" or (t.dep_ == "aux" and t.lower_ == "to")))]
        words = self._shift(toks, asker, giver, True)
        body = render(words)
        if not body:
            return None
        asked = sentence_case(fix_i_capital(f"Promise me you {'won' + chr(39) + 't' if neg else 'will'} {body}"))
        return Line(asker, asked, None), Line(giver, "I promise.", None)

    def _voiced_wish(self, v: Any) -> Any:
        """The clause of a wish for somebody else that another answers in words ("Eva wants her
        mother to go into care, but Georges says he will not ..."): a wish put to somebody, so said
        aloud.  None unless the wish has its own subject and an answer by a verb of saying follows."""
        if not v.tag_.startswith("VB") or self.lemma(v) not in ("want", "wish"):
            return None
        wished = next((c for c in v.children if c.dep_ == "ccomp" and c.tag_ == "VB" and
                       any(x.dep_ == "nsubj" for x in c.children) and
                       any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)), None)
        answer = next((c for c in v.children if c.dep_ == "conj" and c.i > v.i and
                       self.lemma(c) in SPEECH_VERBS and any(x.dep_ in _SUBJ for x in c.children)), None)
        if wished is None or answer is None or not any(
                x.dep_ == "cc" and x.lower_ == "but" and x.i < answer.i for x in v.children):
            return None
        who = self.tracker.subject_of(v)
        other = next((self.tracker.referent(x) for x in answer.children if x.dep_ in _SUBJ), None)
        return wished if isinstance(who, Person) and isinstance(other, Person) and who != other else None

    def _heard_from(self, v: Any) -> tuple[Person, Person] | None:
        """(teller, hearer) for "learns from Ada that ..." / "hears from Ada that ...": the one it
        is learnt from says it to the one who learns it; None for any other verb."""
        if not v.tag_.startswith("VB") or self.lemma(v) not in ("learn", "hear"):
            return None
        if not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                   for c in v.children):
            return None
        source = next((g for c in v.children if c.dep_ == "prep" and c.lower_ == "from"
                       for g in c.children if g.dep_ == "pobj"), None)
        teller = self.tracker.referent(source) if source is not None else None
        hearer = self.tracker.subject_of(v)
        if isinstance(teller, Person) and isinstance(hearer, Person) and teller != hearer:
            return teller, hearer
        return None

    def _written_before(self, sent: Any, a: int) -> object:
        """For words after a colon that follows a written thing ("finds a note: ...", "a letter
        from Ada: ..."): the writer when known (named after "from", or the one who writes or
        leaves it), else False; None when the words follow no written thing."""
        if a == 0 or sent.doc[a - 1].text != ":":
            return None
        verbs = [t for t in sent if t.i < a and t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass")]
        if not verbs:
            return None
        verb = verbs[-1]
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and
                     c.lower_ in WRITTEN_NOUNS and c.i < a), None)
        if noun is None:
            return None
        sender = sender_of(noun, verb)
        writer = self.tracker.referent(sender) if sender is not None else None
        if writer is None and noun.dep_ == "dobj" and self.lemma(verb) in SENDING_VERBS | WRITING_VERBS:
            writer = self.tracker.subject_of(verb)
        return writer if isinstance(writer, Person) else False

    def _quote_speaker(self, sent: Any, a: int) -> object:
        """Whoever's words a free-standing quotation is: the nearest speaking subject."""
        tok = sent.doc[a + 1] if a + 1 < len(sent.doc) else sent.doc[a]
        b = self._pair.get(a, a)
        v = tok
        for _ in range(8):
            # the quoted words' own subject ("Honesty is ...") is not who says them
            if v.pos_ in ("VERB", "AUX") and not a < v.i < b:
                shown = _shown_person(v)
                if shown is not None and isinstance(self.tracker.referent(shown), Person):
                    return self.tracker.referent(shown)   # 'The scene shows Ann at her door: "..."'
                r = self.tracker.subject_of(v)
                if r is None and v.dep_ == "relcl":
                    r = self.tracker.referent(v.head)   # "Betty, who passes on the saying"
                if isinstance(r, Person):
                    return r
            if v.head is v:
                break
            v = v.head
        # the parse made the quotation the sentence's root: whoever does the last thing before it
        before = [t for t in sent if t.i < a and t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass")]
        if before and sent.doc[a - 1].text in (",", ":"):
            last = before[-1]
            shown = _shown_person(last)
            r = self.tracker.referent(shown) if shown is not None else self.tracker.subject_of(last)
            if r is None and last.dep_ == "relcl":
                r = self.tracker.referent(last.head)
            if isinstance(r, Person):
                return r
        return None

    def scene_break(self) -> None:
        """A new scene, opened by the sentence just read: nobody spoke in it before that sentence.

        (What that sentence said stays: '"Come in," says Tom, new to the story, and "Sit
        down." next is still his.)"""
        said_before, asked_before = self._at_start
        self.speakers = self.speakers[said_before:]
        if self._asked is asked_before:
            self._asked = None

    # -- assembling action and lines ------------------------------------------------------
    def _assemble(self, sent: Any, events: list[tuple[Any, Line | None, set[int], str]],
                  loose: list[tuple[int, Line]]) -> list[str | Line]:
        if not events and self._loose:
            # the quoted words are the line now: the action keeps the rest of the sentence
            rest = self._action_from(sent, [t for t in sent if t.i not in self._loose])
            return [i for i in [rest] + [ln for _, ln in loose] if i]
        if not events:
            if self.past:
                words = [Word(t.text, t.whitespace_, t) for t in sent]
                to_present(words, self.lemma)
                items: list[str | Line | None] = [_action_case(render(words))]
            else:
                items = [action_text(sent, set())]
            items += [ln for _, ln in loose]
            return [i for i in items if i]
        consumed: set[int] = set(self._loose)
        for _, _, c, _ in events:
            consumed |= c
        # the clause of each speech verb: the verb, its subject, adverbs, marks
        for v, said, taken, kind in events:
            if v.i in self._keep_clause:
                continue
            if v.i not in taken and not any(c.dep_ in _SUBJ and c.tag_ == "PRP" and c.i == sent.start
                                            for c in v.children):
                continue   # a verb that stays action keeps its subject ("and Tobias introduces Nora ...");
                # a pronoun opening the sentence gives way to the name ("She declines" -> "Sarah declines")
            # how far the line reaches (a full stop taken with a kept act is no word of it):
            # "to" before that is the one spoken to, after it is the act's own ("to his friends")
            reach = max({i for i in consumed if not sent.doc[i].is_punct} | {v.i})
            for c in v.children:
                if c.dep_ in _SUBJ and _deed_as_subject(c):
                    continue   # "Oskar nods, then asks": a verb is no subject, its clause is a deed
                if (c.dep_ == "cc" or c.text in (",", ";")) and c.i > reach and \
                        not all(sent.doc[i].is_punct or sent.doc[i].dep_ == "cc" for i in range(reach + 1, c.i)):
                    continue   # "says goodbye and swims away, and she forgets": the later joint joins what stays
                if c.dep_ in _SUBJ or c.dep_ in ("advmod", "aux", "neg", "punct", "cc", "mark", "prt", "npadvmod") \
                        or (c.dep_ == "prep" and c.lower_ == "to" and c.i < reach) \
                        or (kind == "Q" and c.dep_ in ("dobj", "dative", "iobj") and
                            (c.i < reach or c.left_edge.i == v.i + 1) and self.tracker.referent(c) is not None) \
                        or (kind == "Q" and c.dep_ == "dobj" and c.i + 1 < len(sent.doc) and
                            sent.doc[c.i + 1].text == '"' and c.i + 1 in consumed):
                    # ('repeating the motto "Dignity, always dignity."': the words' name goes with them)
                    # (the one told goes with the telling: "and he tells Ruth, "...", and after the
                    # words: '"...," Tobias tells her, but ...')
                    consumed |= _singular_subject(c, v) if c.dep_ in _SUBJ else \
                        {t.i for t in c.subtree} if c.dep_ != "cc" else {c.i}
                if c.dep_ in _SUBJ and said is not None and c.i in consumed:
                    said.intro = said.intro or _naming_phrase(c, said.speaker, self.tracker.referent)
                if c.dep_ in _SUBJ:
                    consumed -= _aside_clause(c)   # "Mara, who has waited all winter, tells ...": a deed
                    deed = _first_deed_in_subject(c)
                    if deed is not None:
                        # "Elias paid in silver and said ...": the name and its deed stay
                        consumed -= {c.i} | {t.i for t in deed.subtree}
            if v.i in taken:
                consumed |= self._set_off.get(v.i, set())
            # an aspect verb carrying the speech ("starts saying") goes with it
            # (a name the tagger misread: "warns Okonjo that", "Okonjo" an adjective)
            told = [c for c in v.children if c.i > v.i and c.i not in consumed and (
                c.dep_ in ("dobj", "dative") or c.dep_ in ("acomp", "npadvmod", "oprd") and
                (isinstance(self.tracker.referent(c), Person) or c.text[:1].isupper()))]
            to = [a for a in v.children if a.dep_ == "aux" and a.lower_ == "to"]
            if v.i in consumed and told and to and v.i not in self._keep_clause:
                # "runs to tell his mother, '...'": the one told stays, so does the telling
                consumed -= {v.i} | {a.i for a in to}
            elif v.i in consumed and told and v.dep_ == "conj":
                # "denies it and warns Okonjo that ...": the one told goes with the telling, not
                # onto the deed before it ("denies it and Okonjo")
                consumed |= {t.i for c in told for t in c.subtree}
            h = v.head
            if v.dep_ == "xcomp" and self.lemma(h) in _ASPECT:
                consumed.add(h.i)
                consumed |= {c.i for c in h.children if c.dep_ in _SUBJ or c.dep_ in ("aux", "neg", "punct")}
        items = []
        pending: list[Any] = []
        placed: list[tuple[int, Line | None]] = [(max(c) if c else v.i, ln) for v, ln, c, _ in events]
        order = sorted([*placed, *loose], key=lambda x: x[0])
        k = 0
        later: list[str | Line | None] = []   # "Before going to bed, she warns him ...": what she does after
        for t in sent:
            while k < len(order) and order[k][0] < t.i:
                if pending:
                    (later if pending[0].lower_ == "before" else items).append(self._action_from(sent, pending))
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
        return [i for i in items + later if i]

    def _subject_and_last_deed(self, toks: list[Any]) -> str:
        """ "the old man, seeing that ..., at last consented" when the parse made the last verb a
        participle below the first: a noun phrase opening the words and a bare past verb
        closing them are a clause of its own; anything else is no action ("")."""
        verbs = [t for t in toks if t.tag_ in ("VBD", "VBN")]
        last = verbs[-1] if verbs else None
        if last is None or toks[0].tag_ not in ("DT", "PRP$", "NNP", "NNPS") or \
                any(c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in last.children) or \
                not any(t.pos_ in ("NOUN", "PROPN") for t in toks if t.i < toks[0].i + 4) or \
                any(t.is_punct for t in toks if t.i > last.i):
            return ""
        span = list(toks[0].doc[toks[0].i:last.i + 1])
        if all(t.is_punct for t in span if t.i not in {x.i for x in toks}):
            toks = span   # the commas the telling took with it set off the participle phrase
        words = [Word(t.text, t.whitespace_, t) for t in toks]
        lem = self.lemma(last)
        for w in words:
            if w.tok is not None and w.tok.i == last.i and lem:
                w.text = third_singular(lem) if self.past else w.text   # told in the past: a deed now
        if self.past:
            to_present([w for w in words if w.tok is None or w.tok.i != last.i], self.lemma)
        return _action_case(render(words))

    def _participle_deed(self, toks: list[Any], kept: set[int]) -> str | None:
        """ "After pulling the boat ashore and tying it up, Tobias tells her ...": with the
        telling gone, the phrase is what its doer does first ("Tobias pulls the boat ashore
        and ties it up."); None when the tokens are no such phrase."""
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        at = 1
        while at < len(toks) and toks[at].tag_ == "RB":
            at += 1   # "After quietly locking ..."
        if len(toks) < at + 2 or toks[0].lower_ not in _AROUND_SAYING or toks[at].tag_ != "VBG":
            return None
        lead, verb = toks[0], toks[at]
        # what the phrase hangs on: the first word above it that went with the telling
        governor = next((a for a in verb.ancestors if a.i not in kept), None) \
            if lead.i in (verb.head.i, *(c.i for c in verb.children)) else None
        if governor is None or governor.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in _SUBJ for c in verb.children):
            return None
        doer = self.verb_speaker.get(governor.i) or self.tracker.subject_of(governor)
        if not isinstance(doer, Person):
            return None
        joined = [c for c in verb.children if c.dep_ == "conj"]
        deeds = {verb.i} | {c.i for c in joined if c.tag_ == "VBG"} | \
            {a.i for c in joined for a in c.children if a.dep_ == "auxpass" and a.lower_ == "being"}
        words = [Word(("is" if t.lower_ == "being" else third_singular(self.lemma(t))) if t.i in deeds else t.text,
                      t.whitespace_, t) for t in toks[1:]]
        return _action_case(_name(doer) + " " + render(words))

    def _action_from(self, sent: Any, toks: list[Any]) -> str:
        """Action text from the tokens a sentence has left once its lines are taken out."""
        kept = {t.i for t in toks}
        toks = [t for t in toks if t.text != '"' or self._pair.get(t.i) in kept]
        done = self._participle_deed(toks, kept)
        if done is not None:
            return done
        if len(toks) > 4 and toks[0].tag_ in ("NNP", "PRP") and toks[1].text == "," and toks[2].tag_ == "VBG" and \
                toks[3].text == "," and toks[0].i > 0 and toks[0].doc[toks[0].i - 1].i not in kept and \
                toks[0].doc[toks[0].i - 1].tag_.startswith("VB"):
            # '"Prove it," said Wilson, smiling, and when ...': the speaker and his manner went
            # with the line; what follows is the action
            toks = toks[4:]
        # "and when the lamp fails, she tells herself ...": with the telling gone the clause is
        # no longer subordinate to anything left; its "when" would leave it hanging
        toks = [t for t in toks if not (t.dep_ in ("mark", "advmod") and t.lower_ in _SUBORDINATORS
                                        and t.head.dep_ == "advcl" and t.head.i in kept
                                        and t.head.head.i not in kept)]
        # (and ", as they watch the game," once the telling it was set in is gone: a clause of its own)
        toks = [t for t in toks if not (t.lower_ == "as" and t.dep_ == "mark" and t.head.dep_ == "advcl"
                                        and t.head.i in kept and t.head.head.i not in kept
                                        and any(c.dep_ == "nsubj" for c in t.head.children)
                                        and not (t.i > 0 and t.doc[t.i - 1].tag_ in ("RB", "JJ")))]
        # "..., and that her visit surprised him": with the telling gone, a second "that" of
        # what was told subordinates the clause to nothing
        toks = [t for t in toks if not (t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "conj"
                                        and t.head.i in kept and t.head.head.i in kept)]
        # (a "when" whose clause still has the clause it hangs on stays: "When he arrives, she lies")
        # ("While the family eats, a guard bursts in" keeps its "While": a comma splice without it)
        while toks and (toks[0].is_punct or toks[0].lower_ in ("and", "but", "then", "so") or (
                toks[0].lower_ in ("when", "while", "as") and toks[0].dep_ in ("advmod", "mark")
                or toks[0].dep_ in ("cc", "mark"))
                and not (toks[0].head.dep_ == "advcl" and toks[0].head.head.i in kept)):
            toks = toks[1:]
        joined = False   # a list of deeds lost its "and" with its last item ("stares, tears it, and tells")
        while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "mark", "prep") or
                        toks[-1].lower_ in ("and", "but", "while", "when", "as", "though", "although", "by")):
            joined = joined or toks[-1].lower_ == "and"
            toks = toks[:-1]
        # "The two flirted, and on a second visit [she asked ...]": the phrases of a joined clause
        # whose verb became a line hang on nothing; they go with it
        cc = next((k for k in range(len(toks) - 1, 0, -1) if toks[k].dep_ == "cc" and toks[k].lower_ in ("and", "but")),
                  None)
        if cc is not None:
            tail = toks[cc + 1:]
            if tail and not any(t.pos_ in ("VERB", "AUX") for t in tail) and \
                    any(t.head.i not in kept and t.head.pos_ in ("VERB", "AUX") for t in tail):
                toks = toks[:cc]
                while toks and toks[-1].is_punct:
                    toks = toks[:-1]
        verbs = [t for t in toks if t.pos_ in ("VERB", "AUX") or verb_read_as_noun(t)]
        if not toks or not verbs:
            return ""
        if len(toks) > 1 and toks[0].tag_ == "RB" and toks[1].lower_ == "as" and toks[1].dep_ == "mark":
            return ""   # "just as his father had promised": a comparison left over, not an action
        came = _what_came_of_it(toks, self.lemma)
        if came:
            return came
        words = [Word(t.text, t.whitespace_, t) for t in toks]
        if joined:
            # "Nora stares at the map, tears it in half": the "and" goes before the last deed kept
            # (a deed joined to the one before: not the verb after a subject's apposition)
            commas = [k for k in range(1, len(toks) - 1) if toks[k].text == "," and
                      toks[k + 1].tag_ in ("VBZ", "VBD", "VBP") and
                      not any(a.dep_ in ("appos", "relcl", "acl") or a.dep_ == "advcl" and a.tag_ in ("VBN", "VBG")
                              for a in [toks[k - 1], *toks[k - 1].ancestors])
                      and not (k >= 2 and toks[k - 2].text == "," and toks[k - 1].tag_ in ("VBD", "VBN", "JJ"))
                      and not (k >= 3 and toks[k - 3].text == "," and toks[k - 2].tag_ == "RB" and
                               toks[k - 1].tag_ in ("VBN", "JJ", "VBP"))   # (", now frail, calls": "frail" read as a verb)
                      and not (k + 2 < len(toks) and toks[k + 2].text == "," and toks[k + 1].tag_ == "VBD")]
            # (nor the comma closing a participle set off: "Crouch, seen by a boy, was taken",
            # "Lady Vane, ashamed, came")
            # (nor the comma closing a relative clause: "Smith, whose company passes by, offers ...")
            if commas and not any(t.lower_ in ("and", "or") for t in toks[commas[-1]:]):
                words[commas[-1]].text = " and"
        if toks[0].tag_ == "WP" and toks[0].dep_ in _SUBJ and toks[0].head.dep_ == "relcl" \
                and toks[0].head.head.i not in kept:
            # the relative clause of a subject whose telling became a line: "Mara has waited"
            who = self.tracker.referent(toks[0].head.head)
            if not isinstance(who, Person):
                return ""
            words[0].text = _name(who)
        # a clause left without its subject borrows the sentence's; its verb is not one that
        # only describes a noun ("a drifter named Tomas arrives": "arrives")
        # (the top verb of what is left first: not "slamming" in "After slamming the door, he rejects")
        top = [t for t in verbs if (t.head.i == t.i or t.head.i not in kept) and not _describes_noun(t)]
        head = top[0] if top else next((t for t in verbs if not _describes_noun(t)), verbs[0])
        prefix = ""
        # ", prompting Ines to ..." can stand as "Marek prompts Ines to ..."; a bare
        # participle or fragment ("Annoyed", "Right before leaving") cannot stand alone
        gerund = head is not None and head.tag_ == "VBG" and head.i > sent.start and \
            sent.doc[head.i - 1].text == "," and head == toks[0]
        finite = any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") and t.i < head.i for t in toks) if head is not None \
            else False
        first = _first_deed_in_subject(head.head) if head is not None else None
        deed = first is not None and head is not None and first.i == head.i
        finite = finite or deed or \
            (head is not None and (head.tag_ in ("VBZ", "VBD", "VBP", "MD") or verb_read_as_noun(head)))
        if not finite and not gerund:
            return self._subject_and_last_deed(toks)
        # ("Mara shrugs" read as a noun: the name is the compound before it)
        if head is not None and not any(t.dep_ in _SUBJ or (t.pos_ == "PROPN" and t.dep_ == "conj")
                                        or (t.dep_ in ("compound", "amod") and t.head.i == head.i)
                                        or (t.i == head.i - 1 and t.pos_ == "PROPN" and head.tag_ == "NNS")
                                        for t in toks if t.i < head.i):
            # (nor "Outside, Elijah thanks Ruth": the name right before a verb read as a noun)
            # (a name the parse joined to a phrase before it is this verb's subject all the same:
            # "too much for Georges and Eva begins ...")
            r = self.split_off.get(head.i) or self.verb_speaker.get(head.i)
            if r is None and gerund:
                # ", hoping she isn't delirious": the one who just spoke
                r = next((p for p in reversed(self._sentence_speakers) if isinstance(p, Person)), None)
            if r is None:
                r = self.tracker.subject_of(head)
            if isinstance(r, Person) or (isinstance(r, tuple) and r and all(isinstance(p, Person) for p in r)):
                prefix = _name(r) if isinstance(r, Person) else " and ".join(_name(p) for p in r)
                if gerund and not finite and prefix:
                    # (and a second deed joined to it: "seeing his weariness and realizing ...")
                    deeds = {head.i} | {c.i for c in head.children if c.dep_ == "conj" and c.tag_ == "VBG"}
                    for w in words:
                        if w.tok is not None and w.tok.i in deeds:
                            lem = self.lemma(w.tok)
                            w.text = third_singular(lem) if isinstance(r, Person) else lem
                    itself = _caused_in_oneself(head, r, self.tracker.referent, self.lemma)
                    if itself is not None and isinstance(r, Person):
                        # ", causing Georges to break down": Georges breaks down (not "causes Georges to")
                        drop = {head.i} | {t.i for c in list(head.children) + list(itself.children)
                                           if c.dep_ in ("dobj", "nsubj") for t in c.subtree} | \
                            {c.i for c in itself.children if c.dep_ == "aux" and c.lower_ == "to"}
                        words = [w for w in words if w.tok is None or w.tok.i not in drop]
                        for w in words:
                            if w.tok is not None and w.tok.i == itself.i:
                                w.text = third_singular(self.lemma(itself))
        if self.past:
            to_present(words, self.lemma)
            for w in words:
                if deed and w.tok is not None and w.tok.i == head.i and self.lemma(head):
                    w.text = third_singular(self.lemma(head))   # read as a participle, told in the past
        body = render(words)
        if prefix:
            body = prefix + " " + body
        if len(body.split()) < 2:
            return ""
        kept_ids = {t.i for t in toks}
        if any(c.dep_ == "xcomp" and c.i not in kept_ids for c in head.children) and \
                all(t.i == head.i or t.dep_ in _SUBJ or t.is_punct or t.head.dep_ in _SUBJ or t.dep_ == "compound"
                    for t in toks):
            return ""   # "Oliver tries." with what he tries said as his line: no deed is left
        return _action_case(body)


_SUBJECT_FORM = {"her": "she", "him": "he", "them": "they", "me": "I", "us": "we"}


def _what_came_of_it(toks: list[Any], lemma: Callable[[Any], str]) -> str:
    """", only for her to chuck a bowl at him" left over from what was said: the event as a
    sentence of its own ("She chucks a bowl at him."), or "" when the words are not of that shape."""
    k = 1 if toks and toks[0].lower_ == "only" else 0
    if len(toks) < k + 4 or toks[k].lower_ != "for":
        return ""
    verb = next((t for t in toks[k + 1:] if t.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux"
                                                                 for a in t.children)), None)
    if verb is None:
        return ""
    subj = [t for t in toks if k < toks.index(t) and t.i < verb.i - 1]
    if not subj or toks[toks.index(verb) - 1].lower_ != "to":
        return ""
    who = " ".join(_SUBJECT_FORM.get(t.lower_, t.text) for t in subj)
    plural = who.lower() in ("they", "we") or " and " in who
    rest = render([Word(t.text, t.whitespace_, t) for t in toks[toks.index(verb) + 1:]])
    said = lemma(verb) if plural else third_singular(lemma(verb))
    return _action_case(f"{who} {said} {rest}".strip())


#: Verbs (lemmas) by which one thing makes somebody do something ("causing him to cry").
_CAUSING = frozenset("cause lead prompt force drive make leave".split())


def _caused_in_oneself(head: Any, doer: object, referent: Callable[[Any], object],
                       lemma: Callable[[Any], str]) -> Any:
    """The verb a causative participle makes its doer do to himself (", causing Georges to
    break down" said of Georges): that verb, else None."""
    if lemma(head) not in _CAUSING:
        return None
    for verb in [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB"]:
        # the one made to do it: the participle's object, or the subject the parse gives the verb
        who = [c for c in head.children if c.dep_ == "dobj"] + [c for c in verb.children if c.dep_ == "nsubj"]
        if any(referent(c) == doer for c in who):
            return verb
    return None


#: Prepositions and marks of a participle phrase done around a telling ("After pulling ...").
_AROUND_SAYING = frozenset("after before while on upon".split())


def _deed_as_subject(t: Any) -> bool:
    """Whether the parse made a deed the subject of the next verb ("Tobias nods, then
    asks"): a finite verb, or one the tagger read as a plural noun."""
    return t.tag_ in ("VBZ", "VBD", "VBP") or verb_read_as_noun(t)


#: Words by which one person speaks of themself alone: a line two say at once has none.
_FIRST_SINGULAR = re.compile(r"\b(?:I|I'm|I'll|I've|I'd|me|my|mine|myself)\b")


def _pair(speaker: object) -> bool:
    """Two known people who do the same telling together."""
    return isinstance(speaker, tuple) and len(speaker) == 2 and all(isinstance(p, Person) for p in speaker) \
        and speaker[0] != speaker[1]


def _both(speaker: object) -> tuple[Person, Person] | None:
    """The two people of a pair who say a thing together, or None."""
    if _pair(speaker):
        assert isinstance(speaker, tuple)
        return speaker[0], speaker[1]
    return None


def _singular_subject(subj: Any, verb: Any) -> set[int]:
    """The tokens of a verb's subject that tell who does it. A verb in the third singular
    has one doer, so a coordination the parse made its subject ("Ana and Rui scatter the
    ashes, and Rui asks ...", the first verb read as a noun) is wrong: only its last
    conjunct, after the ", and", is the subject; the rest is a clause of its own."""
    whole = {t.i for t in subj.subtree}
    if verb.tag_ != "VBZ":
        return whole
    conj = [t for t in subj.subtree if t.dep_ == "conj" and t.head.i == subj.i or
            t.dep_ == "conj" and t.head.dep_ == "conj"]
    if not conj:
        return whole
    last = max(conj, key=lambda t: t.i)
    doc = subj.doc
    if last.i < 2 or doc[last.i - 1].lower_ != "and" or doc[last.i - 2].text != ",":
        return whole
    return {t.i for t in last.subtree} | {last.i - 1, last.i - 2}


def _first_deed_in_subject(subj: Any) -> Any:
    """The past verb the parse hung on a name as a participle when the name did it and then
    spoke ("Elias paid in silver and said ..."): the name, the verb right after it, and an
    "and" after the verb's phrase joining the name's next verb; else None."""
    if subj.dep_ not in _SUBJ or subj.pos_ != "PROPN":
        return None
    acl = next((c for c in subj.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == subj.i + 1), None)
    if acl is None:
        return None
    # the "and" joins the name's next verb: to the name, or to the "participle" itself
    joined = any(c.dep_ == "cc" and c.i == acl.right_edge.i + 1 for c in subj.children) or \
        any(c.dep_ == "conj" and c.tag_ == "VBD" for c in acl.children)
    return acl if joined else None


def _aside_clause(subj: Any) -> set[int]:
    """The tokens of a relative clause set off by commas on a subject ("Mara, who has
    waited, ..."): something the subject did, not part of the telling."""
    doc = subj.doc
    for r in subj.children:
        first = r.left_edge
        if r.dep_ == "relcl" and first.tag_ == "WP" and first.dep_ in _SUBJ and first.i > 0 \
                and doc[first.i - 1].text == ",":
            return {t.i for t in r.subtree}
    return set()


def _describes_noun(t: Any) -> bool:
    """Whether a verb sits in a phrase that describes a noun ("a drifter named ...",
    "the man who waits"), not in a clause of its own."""
    for _ in range(8):
        if t.dep_ in ("acl", "relcl", "amod", "appos"):
            return True
        if t.head.i == t.i or t.head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "PRON", "ADP"):
            return False
        t = t.head
    return False


def _name(p: Person) -> str:
    """How action names a person: "Marek", "Mr. Merry", "The nurse"."""
    if p.named:
        written = next((f for f in sorted(p.forms) if f.upper() == p.cue), None)
        return written or " ".join(w[:1].upper() + w[1:].lower() for w in p.cue.split())
    return "The " + p.cue.lower()


#: Words opening a clause that names what is said without saying it ("how" is
#: left out: "tells him how proud she is" says it, see report.py).
_WH = WH_WORDS - {"how"}


def _naming_phrase(subj: Any, speaker: Person, referent: Callable[[Any], object]) -> str | None:
    """The subject's words when they name the speaker ("loan officer Walter Prine"), without
    asides set off by commas; None for a pronoun or a bare role."""
    aside = {x.i for t in subj.subtree if t.dep_ in ("relcl", "acl") and t.lower_ not in ("named", "called")
             for x in t.subtree}
    toks = [t for t in subj.subtree if t.i not in aside and t.text not in ('"', "(", ")")]
    if not speaker.named and referent(subj) == speaker:
        # a role with more to it than its noun: "A widow in a mountain village", "The village priest"
        words = [t for t in toks if not t.is_punct]
        if len(words) > 2 and not any(t.tag_ in ("PRP", "PRP$", "WP") for t in words[:1]):
            text = re.sub(r"\s+([,.;:])", r"\1", "".join(t.text_with_ws for t in toks))
            return " ".join(text.split()).strip(" ,;:") or None
        return None
    if not any(t.tag_ in ("NNP", "NNPS") and referent(t) == speaker for t in toks):
        return None
    if all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in toks):
        return None   # the bare name says nothing the cue does not: the next action introduces them
    text = _name_first(toks, speaker, referent) or \
        re.sub(r"\s+([,.;:])", r"\1", "".join(t.text_with_ws for t in toks))
    return " ".join(text.split()).strip(" ,;:") or None


def _name_first(toks: list[Any], speaker: Person, referent: Callable[[Any], object]) -> str | None:
    """"jazz singer Lola Vance" as a screenplay introduces her: "Lola Vance, a jazz singer";
    None unless the words are a role (no commas in it) followed by the speaker's name."""
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    k = len(toks)
    while k > 0 and toks[k - 1].tag_ in ("NNP", "NNPS") and referent(toks[k - 1]) == speaker:
        k -= 1
    role, name = toks[:k], toks[k:]
    if role and role[-1].text == ",":
        role = role[:-1]   # "the Board's inspector, Mr. Hollis": the role set beside the name
    if len(role) > 1 and role[-1].lower_ in ("named", "called", "as") and role[-1].tag_ in ("VBN", "IN"):
        # "a loud tourist called Bianca": the naming word goes with the name it gave
        role = role[:-2] if role[-1].lower_ == "as" and role[-2].lower_ == "known" else role[:-1]
    if not role or not name or any(t.is_punct and t.text != "-" for t in role):
        return None
    words = "".join(t.text_with_ws for t in role).strip()
    if role[0].lower_ in ("a", "an", "the"):
        det, words = role[0].lower_, words[len(role[0].text):].strip()
    elif any(t.tag_ in ("POS", "PRP$") for t in role):
        det = ""   # "Rita's brother", "his partner": whose, not which
    else:
        det = "an" if re.match(r"(?i)[aeio]|u(?!ni|s[eu])", words) else "a"
    first = role[1] if role[0].lower_ in ("a", "an", "the") and len(role) > 1 else role[0]
    if first.tag_ not in ("NNP", "NNPS"):
        words = words[:1].lower() + words[1:]   # ("Jazz singer" opening the sentence)
    return f"{''.join(t.text_with_ws for t in name).strip()}, {det} {words}".replace(",  ", ", ")


def _conditional(v: Any) -> bool:
    """Whether the verb (or the first of the verbs it is joined to) is only supposed:
    "if/unless he says ..."."""
    h = v
    while h.dep_ == "conj" and h.head is not h:
        h = h.head
    return h.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in h.children)


def _tells_a_wh_clause(v: Any) -> bool:
    """Whether a verb of telling has only a wh-clause as its content ("tells Jess who
    he is", "explains why he left"): the words themselves are not in the text."""
    for c in v.children:
        if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > v.i:
            first = c.left_edge
            if first.lower_ in _WH and not any(m.dep_ == "mark" and m.lower_ in ("that", "if", "whether")
                                               for m in c.children):
                return True
    return False


def _writes_that(v: Any, lem: str) -> bool:
    """ "writes that ...": what a letter says, in its writer's words (not a thing's: "a mask,
    which has writing on it that nobody can read")."""
    if v.dep_ == "relcl" and v.head.pos_ == "NOUN" and v.head.lower_ not in PERSON_NOUNS:
        return False
    return lem == "write" and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in v.children)


_SUBORDINATORS = frozenset("when while because after before once until since if".split())   # not "as": a comparison


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


def _shown_person(v: Any) -> Any:
    """The one a part of the film shows, when the verb's subject is that part, not a person."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in FILM_PARTS:
        return None
    return next((c for c in v.children if c.dep_ == "dobj"), None)


def _called(said: str, name: str) -> bool:
    """Whether words call somebody by ``name`` (so they are not that person's own), which they
    do not when the speaker names themself ("This is Ripley, signing off", "I'm Tom")."""
    for m in re.finditer(r"\b" + re.escape(name) + r"\b", said):
        if not re.search(r"\b(?:this is|I am|I'm|it's|it is|my name is|name's)\s+(?:\w+\s+){0,2}$",
                         said[:m.start()], re.IGNORECASE):
            return True
    return False


def _calls(said: str, who: Person) -> bool:
    """Whether words call ``who`` by any of their names ("Will", "Kane", "Will Kane")."""
    names = {w for f in who.forms | {who.cue.title()} for w in f.split()
             if w[:1].isupper() and len(w) > 2 and not w.endswith(".")}
    return any(_called(said, n) for n in names)


def _quoted_name(doc: Any, q: tuple[int, int]) -> bool:
    """Whether a quotation holds only a name (one to three capitalised words, no stop)."""
    inner = [t for t in doc[q[0] + 1:q[1]]]
    return 0 < len(inner) <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in inner)


#: Verbs of performing a work, whose quotation may be its title.
_PERFORMING = frozenset("sing hum whistle play perform read record recite".split())
