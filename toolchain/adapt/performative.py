"""Speech acts said aloud: the line is the act itself, or the formula English has for it.

Some verbs of saying perform what they name when a speaker says them in the
first person present: "Nash denies any knowledge of a setup" is "I deny any
knowledge of a setup."; "accuses him of lying" is "I accuse you of lying."
Others have a formula a screenwriter would write instead: "declines" is
"No, thank you."; "phones Candy to bring her friend" is "Bring your friend.";
"expresses her desire to leave" is "I want to leave."; "blames the fire on
Pim" is "It was Pim."  Both kinds are data (lexicons/performative_verbs.txt,
lexicons/speech_act_lines.txt); the frame a verb is used in (an infinitive,
an object, a preposition) is read from the dependency parse, and pronouns
are shifted by the reader (speaker -> I, listener -> you).  A line is made
only for an act done now, by one speaker, in a main clause or a participle
of one: never for a negated, hypothetical, planned or habitual one.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

from .cast import Person
from .lexicon import GROUP_NOUNS, PERSON_NOUNS, PRON_GENDER, SPEECH_VERBS
from .grammar import Word, base_form, fix_i_capital, render, sentence_case
from .lexicons import entries

#: Dependents of the verb that carry what the act is about.
_COMPLEMENTS = frozenset("dobj dative prep attr oprd acomp npadvmod".split())
_PRON_SEX = {"him": "M", "her": "F"}
_STOP = frozenset("conj cc punct advcl ccomp xcomp relcl mark".split())
#: Prepositions that carry an act's argument ("confesses to the theft", "apologizes for
#: the delay", "accuses him of lying"); any other ("before the judge", "in the hall")
#: says where or when it is done, which belongs to the action, not the line.
_ARGUMENT_PREPS = frozenset("to for of on about against with".split())
#: Words that make an act habitual, planned or hypothetical rather than done now.
_NOT_NOW = frozenset("usually often always sometimes never rarely seldom occasionally regularly "
                     "frequently normally once".split())
_MODALS = frozenset("will would shall should can could may might must 'll 'd".split())


#: Acts that call for an answer from the one addressed (besides questions) ...
PROPOSALS = frozenset("invite offer propose suggest urge beg request".split())
#: ... and the acts that answer them: "invites Pim to come; he declines" is Pim's refusal.
RESPONSES = frozenset("agree accept decline refuse consent".split())


@functools.lru_cache(maxsize=1)
def performatives() -> dict[str, bool]:
    """Verbs of speech acts (said as the act or by a formula), each with whether "I <verb>." may stand alone."""
    out = dict(_act_verbs())
    for f in formulas():
        out.setdefault(f.verb, False)
    return out


@functools.lru_cache(maxsize=1)
def _act_verbs() -> dict[str, bool]:
    """The explicit performatives, said as the act itself ("I deny ..."), each with whether it may stand alone."""
    out: dict[str, bool] = {}
    for line in entries("performative_verbs"):
        word, _, mark = line.partition(" ")
        out[word] = mark.strip() == "*"
    return out


@dataclass(frozen=True)
class Formula:
    """One line of lexicons/speech_act_lines.txt: a verb, the frame it is used in, the line."""

    verb: str
    conds: tuple[tuple[str, str], ...]   # (kind, value): ("inf", ""), ("obj", "desire/wish"), ...
    line: str
    keep: bool                           # the act stays in the action


@functools.lru_cache(maxsize=1)
def formulas() -> tuple[Formula, ...]:
    """The speech-act formulas, in file order."""
    out = []
    for entry in entries("speech_act_lines"):
        verb, frame, line = (x.strip() for x in entry.split("|"))
        conds = []
        keep = False
        for c in frame.split(","):
            c = c.strip()
            if c == "keep":
                keep = True
            elif c and c != "-":
                kind, _, value = c.partition("=")
                if ":" in kind:   # "obj:person": any object, restricted
                    kind, restrict = kind.split(":", 1)
                    value = f"{value}:{restrict}"
                conds.append((kind, value))
        out.append(Formula(verb, tuple(conds), line, keep))
    return tuple(out)


def bare_line(verb: str) -> str | None:
    """The line a speech act makes when it stands alone ("welcome" -> "Welcome."), or None."""
    line = next((f.line for f in formulas() if f.verb == verb and not f.conds), None)
    return line if line and "{" not in line else None


Shift = Callable[[list[Any]], list[Word]]
Referent = Callable[[Any], object]


def performative_line(v: Any, lem: str, shift: Shift, lemma: Callable[[Any], str],
                      referent: Referent | None = None, pair: bool = False) -> tuple[str, set[int]] | None:
    """The line a speech act makes, and the tokens it takes, or None.

    None when the verb is no speech act, is negated or in a question, is not
    done now, or has nothing to say and may not stand alone.  The tokens
    taken leave the action; an act whose formula keeps it (a phone call) or
    that has more to it than the line says stays in the action.  ``pair``: two people
    do the act together and say the line at once.
    """
    if any(c.dep_ == "neg" for c in v.children) or not _said_now(v, pair):
        return None
    if any(c.dep_ in ("advmod", "npadvmod", "nsubj", "punct", "cc", "mark") and
           any(t.tag_ in ("VBZ", "VBD", "VBP") for t in c.subtree) for c in v.children):
        return None   # a clause the parse hung on the act as a modifier would go with it
    who = referent or (lambda t: None)
    subj = _subject(v) if v.dep_ != "conj" else None
    # "she invites him" taken up by a man or by somebody of unknown sex: not sure who speaks
    sure = subj is None or subj.lower_ not in ("he", "she") or \
        getattr(who(subj), "gender", None) == ("M" if subj.lower_ == "he" else "F")
    for f in formulas():
        if f.verb == lem and sure:
            got = _formula_line(v, f, shift, lemma, who)
            if got is not None:
                return got
    me = _doer(v, who)
    if me is not None and any(c.dep_ in ("dobj", "dative") and (who(c) == me or (referent is not None and who(c) is None and c.tag_ == "PRP" and
                                              isinstance(me, Person) and me.gender is not None and _PRON_SEX.get(c.lower_) == me.gender))
                              for c in v.children):
        return None   # "thanks him" taken for the speaker himself, or for nobody known: the tracker is unsure
    return _act_line(v, lem, shift, lemma)


def _infinitive(v: Any) -> Any:
    """The to-infinitive of the verb ("refuses to pay") or of its object ("her wish to leave")."""
    def to_inf(t: Any) -> bool:
        return t.dep_ in ("xcomp", "acl", "advcl") and t.tag_ == "VB" and \
            any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
    for c in v.children:
        if to_inf(c):
            return c
        if c.dep_ == "dobj":
            for g in c.children:
                if to_inf(g):
                    return g
    return None


def _formula_line(v: Any, f: Formula, shift: Shift, lemma: Callable[[Any], str],
                  who: Referent) -> tuple[str, set[int]] | None:
    """The formula's line when the verb is used in its frame, else None."""
    def is_person(t: Any) -> bool:
        return isinstance(who(t), Person)
    speaker = _doer(v, who)
    if any(c.dep_ == "conj" and c.tag_ in ("NN", "NNS") and not any(d.dep_ in ("det", "poss") for d in c.children)
           and c.i > 0 and v.doc[c.i - 1].lower_ in ("and", "or", ",", "then") for c in v.children):
        return None   # "says goodbye and leaves" with "leaves" read as a noun: the action would lose it
        # (not "olive grove" split by the parse: no "and" stands before the noun)
    objs = [c for c in v.children if c.dep_ == "dobj"]
    # "offers Nell a dollar" parsed with two objects: the thing is the object, Nell the listener
    obj = next((c for c in objs if not is_person(c)), objs[0]) if objs else None
    # the one spoken to; a verb read as a noun ("greets" NNS) takes its listener as apposition
    listeners = [c for c in v.children if c.i > v.i and is_person(c) and
                 (c.dep_ in ("dobj", "dative") or (c.dep_ in ("appos", "npadvmod") and c.tag_ == "NNP"))]
    slots: dict[str, str] = {}
    used: set[int] = {v.i} | {t.i for c in listeners for t in c.subtree}
    spoken: set[int] = set()   # the words the line says (what a kept act gives up)
    inf = _infinitive(v)
    wanted = {k for k, _ in f.conds}
    for kind, value in f.conds:
        if kind == "inf":
            if inf is None:
                return None
            if f.keep and (lemma(inf) in SPEECH_VERBS or lemma(inf) in performatives()):
                return None   # "phones her mother to tell her the news": the call's purpose, not a request
            rest = sorted((t for t in inf.subtree if t.i != inf.i and not (t.dep_ == "aux" and t.lower_ == "to"
                                                                            and t.head.i == inf.i)),
                          key=lambda t: t.i)
            rest, cut = _clip(rest, inf)
            framing = _at_first(inf)
            rest = [t for t in rest if t.i not in framing]
            # "until the work is done" belongs to what is said; any other subject is a clause of its own
            timed = {x.i for t in rest if t.dep_ == "advcl" and any(m.dep_ == "mark" for m in t.children)
                     for x in t.subtree}
            # (a causative's small clause has its own subject: "to have Hannah transferred")
            caused = {x.i for t in rest if t.head.i == inf.i and t.dep_ in ("ccomp", "xcomp")
                      and lemma(inf) in ("have", "make", "let", "get") for x in t.subtree}
            # (a "subject" of a noun is a compound the parse split: "olive grove")
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.i not in timed and t.i not in caused
                   and t.head.pos_ in ("VERB", "AUX") for t in rest):
                return None
            words = _we(shift(rest), speaker, who)
            if words is None or _me_of_another(words, speaker, who):
                return None
            body = render(words)
            slots["inf"] = f"{base_form(inf, lemma)} {body}".strip()
            # "to set fire to the mill so that the owners may collect": the purpose goes with it
            purpose = next((c for c in v.children if c.dep_ == "advcl" and c.i > inf.i and
                            any(m.dep_ == "mark" and m.lower_ == "so" for m in c.children)), None)
            if purpose is not None:
                said = [t for t in sorted(purpose.subtree, key=lambda t: t.i)
                        if not (t.dep_ == "mark" and t.head.i == purpose.i)]
                more = _we(shift(said), speaker, who)
                if more:
                    slots["inf"] += " so " + render(more)
                    spoken |= {t.i for t in purpose.subtree}
                    used |= {t.i for t in purpose.subtree}
            spoken |= {inf.i} | {t.i for t in rest} | {t.i for t in inf.children if t.dep_ == "aux"}
            used |= {inf.i} | {t.i for t in rest} | cut | {t.i for t in inf.children if t.dep_ == "aux"}
        elif kind == "fortoinf":
            # "calls for Georges to bring a coat": the one called, then what they are to do
            clause = next((c for c in v.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.tag_ == "VB"
                           and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
            if clause is None or doer is None or not is_person(doer) or who(doer) == speaker:
                return None
            rest = sorted((t for t in clause.subtree if t.i > clause.i), key=lambda t: t.i)
            rest, cut = _clip(rest, clause)
            slots["who"] = _plain(sorted(doer.subtree, key=lambda t: t.i))
            slots["inf"] = f"{base_form(clause, lemma)} {render(shift(rest))}".strip()
            spoken |= {t.i for t in clause.subtree}
            used |= {t.i for t in clause.subtree} | cut
            inf = None   # the infinitive is this frame's
        elif kind == "person":
            if not listeners:
                return None
        elif kind == "named":
            # "calls him a wicked old man": the name called, said to his face
            pred = next((c for c in v.children if c.dep_ == "oprd" and c.pos_ == "NOUN"), None)
            if pred is None or not listeners:
                return None
            # the name and the words before it ("a wicked old man"), not what the parse hangs after
            toks = [t for t in pred.subtree if pred.left_edge.i <= t.i <= pred.i
                    and not (t.dep_ == "det" and t.head.i == pred.i)]
            if not toks or any(t.tag_.startswith("VB") for t in toks):
                return None
            slots["named"] = render(shift(toks))
            spoken |= {t.i for t in pred.subtree if pred.left_edge.i <= t.i <= pred.i}   # its article too
            used |= spoken
        elif kind == "prt":
            prt = next((c for c in v.children if c.dep_ == "prt" and c.lower_ in value.split("/")), None)
            if prt is None:
                return None
            slots["prt"] = prt.lower_
            used.add(prt.i)
        elif kind == "obj":
            word, _, restrict = value.partition(":")
            if obj is None or (restrict == "person") != is_person(obj) or \
                    (word and lemma(obj) not in word.split("/")):
                return None
            toks = sorted((t for t in obj.subtree if inf is None or t.i not in {x.i for x in inf.subtree}),
                          key=lambda t: t.i)
            toks, cut = _clip(toks, obj)
            used |= cut
            slots["obj"] = _plain(toks) if restrict == "person" else render(shift(toks))
            used |= {t.i for t in toks}
        elif kind == "pp":
            preps, _, restrict = value.partition(":")
            pp = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in preps.split("/")), None)
            if pp is None:
                # "apologizes to Tobias for missing ...": the parse hangs it on the one spoken to
                pp = next((c for to in v.children if to.dep_ == "prep" and to.lower_ == "to"
                           for told in to.children if told.dep_ == "pobj" and is_person(told)
                           for c in told.children if c.dep_ == "prep" and c.lower_ in preps.split("/")), None)
            # its object: a noun ("for the delay") or a gerund ("for coming home late")
            pobj = next((g for g in pp.children if g.dep_ in ("pobj", "pcomp")), None) if pp is not None else None
            if pp is None or pobj is None:
                return None
            toks, cut = _clip(sorted(pobj.subtree, key=lambda t: t.i), pobj)
            used |= cut
            if restrict == "person":
                if not is_person(pobj) or who(pobj) == speaker:
                    return None
                if "{pp}" in f.line:   # said aloud, the person is called by name
                    if not all(t.tag_ in ("NNP", "NNPS") for t in toks):
                        return None
                    slots["pp"] = _plain(toks)
            elif restrict:
                if lemma(pobj) != restrict or len(toks) > 1:
                    return None
            elif f.line.startswith("Come"):
                slots["pp"] = render(shift([pp] + toks))
            else:
                slots["pp"] = render(shift(toks))
            used |= {t.i for t in pp.subtree}
    if "obj" not in wanted and obj is not None and not is_person(obj) and not _people_noun(obj):
        return None   # "refuses the offer" has a frame of its own, or none (not "invites the guests in")
    if "inf" not in wanted and inf is not None:
        return None   # "agrees to help" is not the bare act
    if any(not s for s in slots.values()):
        return None
    line = f.line
    if "inf" in slots and \
            line.split()[0].lower() == slots["inf"].split()[0].lower() and line.split()[1:2] == ["me"]:
        line = "I'll {inf}."   # "offers to let her in": not "Let me let you in"
    for k, s in slots.items():
        line = line.replace("{" + k + "}", s)
    if "{" in line:
        return None
    end = line[-1] if line[-1] in ".!?" else "."
    line = sentence_case(fix_i_capital(line.rstrip(".!?")), end)
    if speaker is not None and any(who(c) == speaker for c in listeners):
        return None   # speaking to oneself: the cast took two people for one
    # the act kept in the action gives up only what the line says; the line follows the sentence
    stop = {t.i for t in v.sent if t.is_punct and t.i == v.sent.end - 1}
    # (the speech pass takes the act's commas and "and" with it: only a simple clause can stay)
    simple = not any(c.dep_ in ("cc", "conj") or (c.is_punct and c.i not in stop) for c in v.children)
    if f.keep:
        return (line, spoken | stop) if simple else None
    # what the line does not say (where, how, with what) keeps the act in the action
    # "says goodbye to everyone": the one spoken to is in the line's "you"
    used |= {t.i for c in v.children if c.dep_ == "prep" and c.lower_ == "to" and c.i not in used
             for t in c.subtree}
    rest = [c for c in v.children if c.i > v.i and c.i not in used and c.dep_ in _COMPLEMENTS | {"xcomp"}]
    if rest and f.verb in ("say", "bid"):
        return None   # "Tom says" is no action to keep
    if rest and "named" in wanted:
        return line, stop   # "calls him an old fart before leaving": without the name the act would read as a phone call
    if rest:
        # a longer sentence around the act stays whole as action and the line follows it
        return (line, spoken | stop) if simple else (line, stop) if stop else None
    return line, used


def _me_of_another(words: list[Word], speaker: object, who: Referent) -> bool:
    """Whether a pronoun made "me" was resolved to somebody else: two of one sex ("her
    teacher ... offers to let her use the darkroom"), and the line is not safe to say."""
    return any(w.tok is not None and w.text.lower() in ("me", "my", "myself") and w.tok.lower_ in PRON_GENDER
               and isinstance(who(w.tok), Person) and who(w.tok) != speaker for w in words)


_WE = {"they": "we", "them": "us", "their": "our", "theirs": "ours", "themselves": "ourselves"}


def _we(words: list[Word], speaker: object, who: Referent) -> list[Word] | None:
    """"escape with them" said by one of them is "escape with us"; None when unsure who they are."""
    for w in words:
        if w.tok is None or w.tok.lower_ not in _WE or w.text.lower() != w.tok.lower_:
            continue
        group = who(w.tok)
        if not isinstance(group, tuple) or not isinstance(speaker, Person):
            return None
        if speaker in group:
            w.text = _WE[w.tok.lower_]
    return words


#: Marks of a clause that runs beside another ("while", "whereas"): somebody else's doing.
_MEANWHILE = frozenset("while whilst whereas although though".split())


def _clip(toks: list[Any], head: Any) -> tuple[list[Any], set[int]]:
    """The words of a slot without a clause hanging on them, and the clause's tokens.

    "to become a pilot, which Karl refuses to grant": the relative clause
    is the narrator's, not the speaker's; "refuses to explain and warns her":
    a second verb joined to the infinitive is a second act.
    """
    cut: set[int] = set()
    later: set[int] = set()
    for t in toks:
        if t.i == head.i or t.i in cut or t.i in later:
            continue
        # (an infinitive that says which thing is the speaker's: "have something to eat")
        if t.dep_ == "relcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) or \
                (t.dep_ == "appos" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].is_punct):
            cut |= {x.i for x in t.subtree}
        elif t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _MEANWHILE for m in t.children) and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            # "agrees to go dancing with Osgood, while Joe takes Sugar out": what happens the
            # while is the narrator's, not the speaker's
            cut |= {x.i for x in t.subtree}
        elif t.dep_ == "conj" and t.tag_.startswith("VB"):
            # a second act, left for its own line or the action
            later |= {x.i for x in t.subtree}
    toks = [t for t in toks if t.i not in later]
    kept = [t for t in toks if t.i not in cut]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):   # the comma or "and" that joined it
        cut.add(kept.pop().i)
    return kept, cut


def _plain(toks: list[Any]) -> str:
    """A name as written, possessive and quotation marks left out."""
    return re.sub(r"\s+", " ", " ".join(t.text for t in toks if t.tag_ != "POS" and t.text not in ('"', "'"))).strip()


def _in_relative(t: Any, top: Any) -> bool:
    """Whether ``t`` is in a relative clause under ``top``: a clause that says which one a noun
    of the act's argument is ("of being a thief who wants to see him ruined"), part of it."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False


def _act_line(v: Any, lem: str, shift: Shift, lemma: Callable[[Any], str]) -> tuple[str, set[int]] | None:
    """The act said in the first person ("I deny any part in it."), or None."""
    table = _act_verbs()
    if lem not in table:
        return None
    parts = [c for c in v.children if c.i > v.i and c.dep_ in _COMPLEMENTS and
             (c.dep_ != "prep" or c.lower_ in _ARGUMENT_PREPS)]
    parts = [c for c in parts if not any(s.dep_ in _STOP and s.tag_.startswith("VB") and s.dep_ != "pcomp"
                                         and not _in_relative(s, c) for s in c.subtree if s is not c)] or parts
    # "insists on a stealth approach to avoid ...": a purpose after the object goes with it
    parts += [c for c in v.children if c.dep_ == "xcomp" and parts and c.i > parts[0].i]
    banned = next((c for c in parts if c.dep_ == "prep" and c.lower_ == "against"), None)
    if banned is not None:
        gerund = next((g for g in banned.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if gerund is not None:
            # "warns her against befriending him": a prohibition
            rest = sorted((t for t in gerund.subtree if t.i != gerund.i), key=lambda t: t.i)
            body = render(shift(rest))
            told = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i < banned.i]
            took = {t.i for t in banned.subtree} | {v.i} | {t.i for c in told for t in c.subtree}
            return sentence_case(fix_i_capital(f"Don't {base_form(gerund, lemma)} {body}".strip())), took
    if lem == "warn":
        return None   # a warning without its danger says nothing a line could
    toks = sorted({t for c in parts for t in c.subtree}, key=lambda t: t.i)
    if toks and toks[-1].i - toks[0].i + 1 != len(toks):
        return None   # not one stretch of words: the parse is unsure
    if not toks and not table[lem]:
        return None
    words = shift(toks) if toks else []
    body = render(words)
    if toks and not body:
        return None
    if lem == "thank" and any(w.tok is not None and w.tok.pos_ == "PROPN" and w.text == w.tok.text and
                              w.tok.head.i == v.i for w in words):
        return None   # "thanks Ines", Ines unknown to the tracker: no "you" to thank, and "Thank Ines." orders it
    act = "Thank" if lem == "thank" else f"I {lem}"   # "I thank you" is stiff: "Thank you"
    line = sentence_case(fix_i_capital(f"{act} {body}".strip()))
    return line, {t.i for t in toks} | {v.i}


def _at_first(verb: Any) -> set[int]:
    """The narrator's "at first" / "initially" on a verb ("refuses to talk at first"): it tells
    that the act will change, and is no part of the words ("I won't talk.")."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "at" and [g.lower_ for g in c.children] == ["first"]:
            out |= {c.i} | {g.i for g in c.children}
        elif c.dep_ == "advmod" and c.lower_ in ("initially", "originally"):
            out.add(c.i)
    return out


def _people_noun(t: Any) -> bool:
    """A plural noun for people ("the guests", "the patients"): somebody, not something."""
    return t.tag_ == "NNS" and (t.lower_ in GROUP_NOUNS or t.lower_.rstrip("s") in PERSON_NOUNS)


def _said_now(v: Any, pair: bool = False) -> bool:
    """The act happens in the story's present, by one speaker, in a main clause or a participle of one.

    Not "as he has promised" or "the oath that he swore" (told of, not done),
    not "the promised tank", not "would thank her" or "usually greets her"
    (hypothetical, habitual), not "without saying goodbye" (not done), and
    not "Pim and Ada agree" (two voices) unless ``pair`` says the two say it at once.
    """
    subj = _subject(v)
    finite = v.tag_ in ("VBZ", "VBP", "VBD", "VBG") or (v.tag_ == "NNS" and v.dep_ == "ROOT" and subj is not None) \
        or (pair and v.tag_ == "VB" and v.dep_ == "ROOT" and subj is not None)   # "Max and Nan invite" read as base
    if not finite:
        return False   # "greets" read as a plural noun still has its subject
    participle = v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.dep_ == "ROOT" and \
        not any(c.dep_ in ("mark", "aux", "nsubj") for c in v.children)
    # "finds Debbie, who welcomes him": a relative clause set off by a comma tells what its
    # person does next, in the story's tense
    aside = v.dep_ == "relcl" and subj is not None and subj.lower_ == "who" and v.i > 1 and \
        v.doc[subj.i - 1].text == "," and v.tag_ == v.sent.root.tag_
    if v.dep_ not in ("ROOT", "conj", "pcomp") and not participle and not aside and not (_main(v) and subj is not None):
        return False
    if v.dep_ == "pcomp" and v.head.lower_ in ("without", "instead", "of"):
        return False   # "without saying goodbye", "instead of thanking her": not done
    if any(c.dep_ in ("aux", "mark") and c.lower_ in ("has", "have", "had", "as", "if", "when", "because")
           for c in v.children):
        return False
    if any((c.dep_ == "aux" and c.lower_ in _MODALS) or (c.dep_ in ("advmod", "neg") and c.lower_ in _NOT_NOW)
           for c in v.children):
        return False
    if subj is None and (v.dep_ == "conj" or participle):
        # "refuses to explain and warns her": the small model may hang the second verb
        # on the infinitive; the subject is still the first verb's
        h = v.head
        while h.dep_ in ("conj", "xcomp") and h.head.i != h.i:
            h = h.head
        if not _main(h):
            return False
        if any((c.dep_ == "aux" and c.lower_ in _MODALS) or c.lower_ in _NOT_NOW for c in h.children):
            return False
        subj = _subject(h)
    if subj is None and v.dep_ != "pcomp":
        return False
    return subj is None or pair or not any(c.dep_ == "conj" for c in subj.children)


def _main(v: Any) -> bool:
    """A main clause: the root, or a clause before a semicolon that the parse hung on the next one
    ("She invites him to stay; he declines")."""
    if v.dep_ == "ROOT":
        return True
    return v.dep_ == "ccomp" and v.i < v.head.i and v.head.dep_ == "ROOT" and \
        any(t.text == ";" for t in v.doc[v.i:v.head.i])


def _doer(v: Any, who: Referent) -> object:
    """Who does the act: its subject's referent, or that of the verb it is joined to ("... and thanks him")."""
    h = v
    while h.dep_ == "conj" and _subject(h) is None and h.head.i != h.i:
        h = h.head
    subj = _subject(h)
    return who(subj) if subj is not None else None


def _subject(v: Any) -> Any:
    """The verb's subject; "Maria apologises" may come with the name as a compound of the verb."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None:
        subj = next((c for c in v.children if c.dep_ == "compound" and c.tag_ == "NNP" and c.i < v.i), None)
    return subj
