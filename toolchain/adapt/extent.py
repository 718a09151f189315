"""How far what is said runs, and what of a sentence is not part of it.

"says she is tired, and that he is late" says both clauses; "says she is
tired and thanks him" says only the first, and thanking is a deed; ",
insisting ..." and "but Marek says ..." start another act.  The content is
read from the parse, or from word order when the small model misparses
(``SaidExtent._surface_content``).

``SaidExtent`` is a mixin (through ``report.ReportedSpeech``) of
``speech.SpeechReader``.
"""
from __future__ import annotations

from typing import Any

from .cast import Person
from .grammar import WH_WORDS, fix_i_capital, render, sentence_case
from .lexicon import PERSON_NOUNS, PRON_GENDER, SPEECH_FORMS
from .shift import PersonShift
from .lexicons import entries
from .written import WRITTEN_NOUNS

_SUBJ = ("nsubj", "nsubjpass")


#: Ways of going that only ever leave with a particle ("storms out", "stalks off").
_LEAVING_MANNERS = frozenset("storm stomp stalk march stride dash race bolt slip".split())


def take_rest(sent: Any, toks: list[Any], nxt: int) -> tuple[list[Any], int]:
    """Extend what is said to the end of the sentence, closing punctuation left out."""
    end = sent.end
    while end > nxt and sent.doc[end - 1].is_punct:
        end -= 1
    return toks + [sent.doc[i] for i in range(nxt, end)], end


def cut_at_next_speech(toks: list[Any]) -> list[Any]:
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


def cut_new_clause(toks: list[Any]) -> list[Any]:
    """A question ends where a new clause with its own subject begins (", and Lena begins")."""
    for k in range(1, len(toks) - 2):
        t = toks[k]
        if t.lower_ in ("and", "but") and toks[k + 1].tag_ in ("NNP", "PRP") and toks[k + 1].lower_ not in ("him", "her", "them") \
                and toks[k + 2].tag_ in ("VBZ", "VBD"):
            return toks[:k]
    return toks


def drop_conj_that(toks: list[Any]) -> list[Any]:
    """Without the "that" of a second clause ("says she is tired and that he is late")."""
    # (also a "that" of a list of clauses: "that she is tired, that she wants to sleep")
    return [t for t in toks if not (t.lower_ == "that" and t.dep_ == "mark" and
                                    (t.head.dep_ == "conj" or t.i > 0 and t.doc[t.i - 1].text in (",", ";", "and", "but")
                                     and t is not toks[0])
                                    and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ != "being")]


def statement_to_end(sent: Any, start: int, floor: int, stops: tuple[str, ...]) -> list[Any] | None:
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


class SaidExtent(PersonShift):
    """The second clauses and run-ons of what is said (mixed into ReportedSpeech)."""

    _more: list[Any]                      # a second "and that ..." clause of the same report
    _more_joint: str                      # its "and"/"but" when it comes back with "I"
    split_off: dict[int, object]          # verb token -> speaker(s), for deeds cut from speech

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
        more = cut_at_next_speech([sent.doc[i] for i in range(k + 1, end)])
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
                while k < len(toks) and self.tracker.referent(toks[k]) == r and \
                        not (obj_toks and toks[k].tag_ == "PRP$"):   # ("Stan his wife ...": hers begins)
                    obj_toks.append(toks[k])
                    k += 1
                addr = r
        toks = toks[k:]
        if len(toks) > 2 and toks[0].dep_ == "prep" and toks[0].head.i == v.i:
            # "tells Mara over dinner that ...": the where or when of the telling, then what is said
            pobj = next((c for c in toks[0].children if c.dep_ == "pobj"), None)
            j = next((n for n, t in enumerate(toks) if pobj is not None and t.i == pobj.i), None)
            if j is not None and j + 2 < len(toks) and toks[j + 1].lower_ == "that" and \
                    (toks[j + 1].dep_ == "mark" or toks[j + 1].tag_ == "IN" and toks[j + 2].dep_ in _SUBJ):
                # (not "of their quarrel that needs ...": a relative, "that" its subject)
                toks = toks[j + 1:]
        if not toks:
            return None
        first = toks[0]
        if first.lower_ in ("that", "if", "whether") or first.lower_ in WH_WORDS:
            pass
        elif first.lower_ in ("he", "she", "they", "i", "it", "we") or \
                self.tracker.referent(first) is not None:
            near: list[Any] = []
            for t in toks[1:4]:
                if t.is_punct or t.dep_ == "cc":
                    break   # "denies it, but agrees": the verb after the comma is not its own
                near.append(t)
            if not any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in near) or \
                    first.lower_ in ("him", "them", "me", "us") or (first.lower_ == "her" and first.tag_ == "PRP"):
                return None   # (a clause has a subject and a verb of its own: not "confesses them going")
        else:
            return None
        toks = cut_at_next_speech(toks)
        return (toks, obj_toks, addr) if toks else None

    def _without_deeds(self, v: Any, clause: Any, sent: Any, toks: list[Any], speaker: Person,
                       listener: Person | None) -> list[Any]:
        """What is said without the speaker's (or both speakers') deeds that the parse hangs on its
        clause; each deed is kept in ``split_off`` with who does it."""
        # "says she is fine and thanks her": the second verb is the speaker's deed
        # (and "tells him she never wants to see him again and storms out", the parse hanging the
        # going on the infinitive inside what is said)
        inner = [c for c in (clause.subtree if clause is not None else []) if c.dep_ == "conj" and
                 c.head.i != clause.i and c.head.tag_ == "VB" and c.tag_ == v.tag_ and self._walks_off(c)]
        for c in [*(clause.children if clause is not None else []), *inner]:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in _SUBJ for x in c.children) \
                    and c.tag_ == v.tag_ and (self.lemma(clause) == "be" or clause.tag_ != c.tag_
                                             or clause.lower_ in ("is", "'s", "are", "was")
                                             or self._walks_off(c)):
                cc = [x.i for x in c.head.children if x.dep_ == "cc" and x.i < c.i]
                start = cc[-1] if cc else c.left_edge.i
                toks = [t for t in toks if t.i < start]   # the deed and all after it
                self.split_off[c.i] = speaker
        for c in (clause.children if clause is not None and self._mutual else []):
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and c.left_edge.i > 0 \
                    and sent.doc[c.left_edge.i - 1].text == "," and not any(x.dep_ in _SUBJ for x in c.children):
                # "tell each other that ..., preparing themselves for ...": what both do
                toks = [t for t in toks if t.i < c.left_edge.i - 1]
                self.split_off.setdefault(c.i, (speaker, listener))
        return toks

    def _walks_off(self, c: Any) -> bool:
        """A verb of going with its particle or direction ("storms out", "walks away", "leaves
        the room"): what the speaker does on saying it, not more of what is said."""
        going = set(entries("motion_verbs")) | _LEAVING_MANNERS
        return self.lemma(c) in going and any(x.dep_ in ("prt", "advmod", "dobj") and
                                               x.lower_ in ("out", "off", "away", "back", "home", "room", "house")
                                               for x in c.children)

    def _without_meanwhile(self, toks: list[Any], speaker: Person, addressee: object) -> list[Any]:
        """What is said without ", while Mr. Gray stays with the car": what somebody else does
        meanwhile is told by the narrator, not said (it stays in the action)."""
        told = set(addressee) if isinstance(addressee, tuple) else {addressee}
        doc = toks[0].doc if toks else None
        for t in toks:
            if t.dep_ == "advcl" and t.left_edge.i > 0 and doc is not None and doc[t.left_edge.i - 1].text == "," and \
                    any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in t.children):
                doer = next((self.tracker.referent(x) for x in t.children if x.dep_ in _SUBJ), None)
                if isinstance(doer, Person) and doer != speaker and doer not in told:
                    return [x for x in toks if x.i < t.left_edge.i - 1]
        return toks

    def _runs_on(self, v: Any, clause: Any, sent: Any, toks: list[Any], nxt: int, addressee: object,
                 explicit: bool, obj: Any) -> tuple[list[Any], int]:
        """What is said, and where it ends, carried on past its clause: an adverbial clause
        ("and while he was ..."), ", and" a clause about somebody off stage, or one about the
        listener ("and he can go") still in the speaker's words."""
        if clause is not None and nxt < sent.end - 1:
            k = nxt
            while k < sent.end and (sent.doc[k].lower_ in ("and", "but", ",")):
                k += 1
            while k < sent.end and sent.doc[k].lower_ in ("only", "not", "even", "just"):
                k += 1
            rest = [sent.doc[i] for i in range(k, sent.end)]
            purpose = len(rest) > 1 and rest[0].lower_ == "so" and rest[1].lower_ == "that"
            if rest and (rest[0].lower_ in ("while", "when", "because", "since", "though", "although", "as",
                                            "after", "before", "until", "unless", "if") or purpose) \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest) \
                    and not (rest[0].lower_ in ("while", "whereas", "though", "although") and
                             any(t.dep_ in _SUBJ and t.tag_ in ("NNP", "NNPS") for t in rest[1:4])):
                # "...chose Paris and while he was in his hotel he thought he'd drop by": still his account
                # (not "agrees to go dancing, while Joe takes Sugar out": somebody named, the narrator's)
                # (and "asks her to come, so that he may see her": what the asking is for)
                toks, nxt = take_rest(sent, toks, nxt)
        if clause is not None and nxt < sent.end - 2 and sent.doc[nxt].text == "," and \
                sent.doc[nxt + 1].tag_ == "VBG" and sent.doc[nxt + 1].dep_ == "advcl" and \
                any(c.dep_ == "dobj" and c.lower_ in WRITTEN_NOUNS
                    for verb in [clause, *(x for x in clause.children if x.dep_ == "conj")] for c in verb.children):
            # "to deliver a message to the colonel, calling off the attack": what the message says
            part = sent.doc[nxt + 1]
            end = part.right_edge.i + 1
            toks, nxt = toks + [sent.doc[i] for i in range(nxt, end)], end
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
                    and not (subj.lower_ in PERSON_NOUNS and any(c.lower_ == "the" for c in subj.children)) \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest):
                # (not "the old woman smiles": somebody the story has in view, told of by the narrator)
                toks, nxt = take_rest(sent, toks, nxt)
        if nxt < sent.end - 2 and explicit and isinstance(addressee, Person) and obj is not None \
                and not (clause is not None and any(a.lower_ == "to" and a.dep_ == "aux" for a in clause.children)):
            # (not after an order or a plea: "begs her to drop the case, and she refuses" is her answer)
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
        return toks, nxt

    @staticmethod
    def _runs_on_after(v: Any, clause: Any, sent: Any, toks: list[Any], nxt: int) -> list[Any]:
        """What is said carried on after its second clauses are taken: over a verb the speaker
        cannot have ("recalls ... hear them argue"), a colon, or a dash with no verb after it."""
        if clause is not None and v.tag_ == "VBZ" and nxt < sent.end:
            rest = [sent.doc[i] for i in range(nxt, sent.end)]
            verbs = [t for t in rest if t.tag_.startswith("VB")]
            if verbs and verbs[0].tag_ in ("VB", "VBP") and verbs[0].dep_ in ("conj", "ccomp") \
                    and verbs[0].head.i == v.i \
                    and not any(t.dep_ in _SUBJ for t in rest if t.i < verbs[0].i) \
                    and not any(t.lower_ in SPEECH_FORMS for t in rest):
                # "recalls ... hear Marek and Ines argue": "argue" cannot be Lena's verb
                toks, nxt = take_rest(sent, toks, nxt)
        if nxt < sent.end - 1 and sent.doc[nxt].text == ":" and clause is not None:
            # "says it was bizarre: the priest was an idiot...": the account goes on after the colon
            end = sent.end
            while end > nxt + 1 and sent.doc[end - 1].is_punct:
                end -= 1
            toks = toks + [sent.doc[i] for i in range(nxt, end)]
        elif clause is not None and nxt < sent.end - 1 and sent.doc[nxt].text in ("--", "\u2014", "\u2013"):
            # "has gone to town--the others being away--to buy salt": after a dash, words with no
            # verb of their own go on with what is said ("--she will wait" is a new clause, action)
            rest, end = take_rest(sent, [], nxt)
            if not any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") or t.lower_ in SPEECH_FORMS for t in rest):
                toks, nxt = toks + rest, end
        return toks
