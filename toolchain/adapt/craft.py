"""Screenplay craft applied to the words the adapter writes.

These are the conventions a reader of a screenplay expects and a synopsis
does not follow: a character's first appearance in action is in CAPITALS;
action never talks about the film ("The film opens with ..."); a heading
names a place, never a person, a year or a number; the title comes from the
file name made readable.  Each is a small function on text, so it can be
tested on its own.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable, Mapping

from .lexicon import HONORIFICS
from .lexicons import entries


def readable_title(stem: str) -> str:
    """``03_winter-light`` -> ``Winter Light``: the file name as a person would write it."""
    words = re.sub(r"[_\-.]+", " ", stem).split()
    while len(words) > 1 and words[0].isdigit():   # an ordering prefix, not part of the title
        words.pop(0)
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with"}
    out = [w if w.isupper() and len(w) > 1 else
           (w.lower() if i and w.lower() in small else w[:1].upper() + w[1:].lower())
           for i, w in enumerate(words)]
    return " ".join(out) or "Untitled"


@functools.lru_cache(maxsize=1)
def _meta() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in entries("meta_narration"))


#: The film's own parts and kinds, which narration about the film names and a heading never does.
_FILM_WORDS = frozenset("film movie picture photoplay feature reel reels scene scenes shot shots sequence "
                        "sequences frame frames credits debut act acts interview interviews".split())


def film_words(span: Any) -> set[int]:
    """Indexes of the film words inside the sentence's narration about the film ("In the last
    reel, ..."), so that no heading is made of them (INT. REEL)."""
    out: set[int] = set()
    text = span.text
    if not _FILM_RE.search(text):
        return out   # (most sentences name no part of a film: no pattern need be tried)
    for pat in _meta():
        for m in pat.finditer(text):
            a, b = span.start_char + m.start(), span.start_char + m.end()
            out |= {t.i for t in span if a <= t.idx < b and t.lower_ in _FILM_WORDS}
    return out


_FILM_RE = re.compile(r"\b(?:" + "|".join(sorted(_FILM_WORDS)) + r")\b", re.IGNORECASE)


#: "The film opens in Lyon as a tram derails": where it opens is the clause's setting, kept
#: ("In Lyon, a tram derails"), not a fragment left behind ("Lyon as a tram derails").
_OPENS_WHERE = re.compile(r"^(?:the\s+)?(?:film|movie|story|picture)\s+(?:opens|begins|starts)\s+"
                          r"((?:in|at|on)\s+[^,.;]{1,60}?)(?:\s*,)?\s+(?:as|when|while|where)\s+(?=\w)",
                          re.IGNORECASE)


#: How the lexicon's "title line in capitals" pattern begins (see lexicons/meta_narration.txt).
_CAPITALS_LINE = "^(?-i:(?=[^a-z]*$)"
_CLOSES_ON = re.compile(r",?\s+and\s+the\s+(?:film|movie|story|picture)\s+(?:closes|ends|concludes|finishes)\s+"
                        r"(?:with|on)\s+(\w.*)$", re.IGNORECASE)


def drop_meta(text: str, shouted: bool = False) -> str:
    """Action without narration about the film: what it narrated stands on its own.

    ``shouted``: the whole synopsis is in capitals, so a line in capitals is no title."""
    text = _OPENS_WHERE.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:] + ", ", text)
    # "..., and the story closes with the couple standing before a billboard": what it closes on
    # is the last thing seen, a sentence of its own
    text = _CLOSES_ON.sub(lambda m: ". " + _finite(m.group(1)[:1].upper() + m.group(1)[1:]), text)
    out = text
    for pat in _meta():
        if shouted and pat.pattern.startswith(_CAPITALS_LINE):
            continue
        out = pat.sub("", out)
    if out == text:
        return text
    out = re.sub(r"\s{2,}", " ", out).strip(" ,;")
    out = re.sub(r"\s+([.!?,;])", r"\1", out)
    out = _finite(out)
    if not re.search(r"[^\W\d_]", out):
        return ""   # "The film opens in 1953.": a year alone is no action (the heading and `= ` line keep it)
    return out[:1].upper() + out[1:]


_ING_CLAUSE = re.compile(r"^((?:(?:the|a|an|his|her|their)\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}\s+)"
                         r"((?:\w+ly\s+)?)(\w{2,}ing)\b")


#: "(The scene shows) a train steaming into the station": a noun phrase and the -ing word that
#: is its verb, known by what follows it (a preposition, an object, a particle), so that the
#: -ing word of a compound ("the recruiting officer") is passed over.
_NP_ING = re.compile(r"^((?:the|a|an|his|her|their|its|two|three|several|some)\s+[^.;:!?\"]{0,70}?\s+)((?:\w+ly\s+)?)"
                     r"(\w{2,}ing)(?=\s+(?:into|in|on|onto|at|to|from|with|his|her|their|its|the|a|an|him|her|them|"
                     r"up|down|out|off|away|back|through|across|along|toward|towards|by|over|under|alone|past)\b|[,.])",
                     re.IGNORECASE)


def _finite(text: str) -> str:
    """"(The film ends with) Mara quietly watching the sea" is no sentence: "Mara is quietly watching"."""
    m = _ING_CLAUSE.match(text)
    if m is not None:
        be = "are" if re.search(r"\band\b", m.group(1)) else "is"
        return f"{m.group(1)}{be} {m.group(2)}{m.group(3)}{text[m.end():]}"
    m = re.match(r"^(him|her|them)\s+((?:\w+ly\s+)?)(\w{2,}ing)\b", text, re.IGNORECASE)
    if m is not None:   # "(The last scene shows) him sitting ...": he is sitting
        who = {"him": "He is", "her": "She is", "them": "They are"}[m.group(1).lower()]
        return f"{who} {m.group(2)}{m.group(3)}{text[m.end():]}"
    m = _NP_ING.match(text)
    if m is None or re.search(r"\b(?:is|are|was|were|has|have|had)\b", m.group(1)) or \
            re.search(r"\w{2,}ing\b.*\band\s+(?:the|a|an|his|her|their)\s", m.group(1), re.IGNORECASE):
        return text   # ("the bridge giving way and the engine plunging": two clauses, left as they are)
    # the phrase's head is its last word before any "of" ("a locomotive of the railroad")
    head = re.split(r"\s+(?:of|with|from|in)\s+", m.group(1).strip(), maxsplit=1)[0]
    last = head.split()[-1].lower()
    many = " and " in f" {head} " or (last.endswith("s") and not last.endswith(("ss", "us", "is")))
    return f"{m.group(1)}{'are' if many else 'is'} {m.group(2)}{m.group(3)}{text[m.end():]}"


class Introducer:
    """Puts each character's first appearance in action in capitals, once.

    ``people`` maps a character's key to the phrases that name them (full
    name first or not: the longest phrase present wins, so "Ines Marlowe" is
    capitalised whole, not just "Ines"); ``roles`` maps an unnamed character's
    key to the role noun that stands for a name ("guard").
    """

    def __init__(self, people: Mapping[str, Iterable[str]], roles: dict[str, str] | None = None) -> None:
        self.pending: dict[str, list[str]] = {}
        for key, forms in people.items():
            good = sorted({f.strip() for f in forms if is_name(f)}, key=len, reverse=True)
            if good:
                self.pending[key] = good
        # unnamed characters by their role ("a guard" -> "a GUARD"), after every named one
        for key, role in (roles or {}).items():
            if key not in self.pending and role.replace(" ", "").isalpha() and len(role) > 2:
                self.pending[key] = [role]

    def apply(self, text: str) -> str:
        """``text`` with the first appearance of every not yet introduced character capitalised."""
        hits: list[tuple[int, int, str]] = []
        for key, forms in self.pending.items():
            best: tuple[int, int] | None = None
            for f in forms:
                # (not a family's name: "the Ferrán family", "the Quill brothers" is nobody yet)
                m = next((m for m in re.finditer(r"(?<![\w'])" + re.escape(f) + r"(?![\w])", text)
                          if not _FAMILY_AFTER.match(text[m.end():])), None)
                if m and (best is None or m.start() < best[0] or
                          (m.start() == best[0] and m.end() > best[1])):
                    best = (m.start(), m.end())
            if best is not None:
                hits.append((best[0], best[1], key))
        if not hits:
            return text
        taken: list[tuple[int, int]] = []
        for a, b, key in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
            del self.pending[key]
            if any(a < y and x < b for x, y in taken):
                continue   # "Ines" inside "Ines Marlowe", already capitalised
            taken.append((a, b))
        for a, b in sorted(taken, reverse=True):
            title = _TITLE_BEFORE.search(text[:a])
            if title and title.group(1).lower() in HONORIFICS:
                a = title.start(1)   # "Dr. ANTON WEISS" is "DR. ANTON WEISS": the title is part of the name
            name = _caps(text[a:b])
            m = _AGE_BEFORE.search(text[:a])
            age = _number(m.group(1)) if m else None
            after = _AGE_AFTER.match(text[b:])
            after_age = _number(after.group(2)) if after else None
            decade = _DECADE_AFTER.match(text[b:]) if not (m and age is not None) else None
            aged = _AGE_OF_AFTER.match(text[b:]) if not (m and age is not None) and decade is None else None
            if aged is not None and _number(aged.group(2)) is None:
                aged = None
            if m and age is not None:   # "seventeen-year-old Nora" -> "NORA (17)"
                lead = re.sub(r"\b(?:an?|the)\s+$", "", text[:m.start()], flags=re.IGNORECASE)
                text = lead + name + f" ({age})" + text[b:]
            elif decade is not None:
                # "Rosalía, a fierce woman in her fifties," -> "ROSALÍA (50s), a fierce woman,"
                said = decade.group(1).rstrip()
                rest = text[b + decade.end():]
                age_note = f" ({(decade.group(2) or '').strip().rstrip('-') + ' ' if decade.group(2) else ''}" \
                           f"{_DECADES.index(decade.group(3).lower()) * 10 + 20}s)"
                text = text[:a] + name + age_note + (said if said != "," else "") + \
                    (rest.lstrip(",") if said == "," else rest)
            elif aged is not None:
                # "Tomás, a shy boy of nineteen," -> "TOMÁS (19), a shy boy,"
                text = text[:a] + name + f" ({_number(aged.group(2))})" + aged.group(1) + text[b + aged.end():]
            elif after is not None and after_age is not None:
                # "Nora, a seventeen-year-old nurse" -> "NORA (17), a nurse"
                text = text[:a] + name + f" ({after_age})" + after.group(1) + text[b + after.end():]
            else:
                text = text[:a] + name + text[b:]
        return text


#: A capitalised title right before a name ("Dr. ", "Captain ").
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]*\.?)\s+$")
_AGE_AFTER = re.compile(r"(,\s+an?\s+)([A-Za-z]+(?:-[a-z]+)?|\d{1,3})-year-old\s+(?=[a-z])")
#: An age told by its decade after a name: ", a fierce woman in her fifties", ", in his early thirties".
_DECADES = "twenties thirties forties fifties sixties seventies eighties nineties".split()
_DECADE_AFTER = re.compile(r"(,\s+(?:an?\s+[^,.;()\"]{1,60}?\s+)?)in\s+(?:his|her|their)\s+(early\s+|mid-?\s*|late\s+)?("
                           + "|".join(_DECADES) + r")\b", re.IGNORECASE)
#: An age told after a description: ", a shy boy of nineteen", ", an old man of 80".
_AGE_OF_AFTER = re.compile(r"(,\s+an?\s+[^,.;()\"]{1,40}?)\s+of\s+([A-Za-z]+(?:-[a-z]+)?|\d{1,3})(?=[,.;])")
#: Words after a surname that make it a family's ("the Ferrán family", "the Quill brothers").
_FAMILY_AFTER = re.compile(r"\s+(?:family|families|brothers|sisters|twins|siblings|clan|household|gang|dynasty)\b")
_AGE_BEFORE = re.compile(r"\b([A-Za-z]+(?:-[a-z]+)?|\d{1,3})-year-old\s+$")
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number(word: str) -> int | None:
    """"17", "seventeen", "eighty-two" -> the number; anything else None."""
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS.index(w)
    tens, _, unit = w.partition("-")
    if tens in _TENS and (not unit or unit in _UNITS[1:10]):
        return 20 + 10 * _TENS.index(tens) + (_UNITS.index(unit) if unit else 0)
    return None


def _caps(name: str) -> str:
    # "McAllister" -> "MCALLISTER"; a possessive or a title's period is kept as it is
    return name.upper()


def is_name(form: str) -> bool:
    """A proper name, not a role phrase such as "her father" or, opening a
    sentence, "Her neighbour": a name begins and ends with a capitalised word
    ("Ines Marlowe", "Ludwig van Beethoven")."""
    words = form.split()
    # (a name may end in its number: "Juror 8", "Agent 47")
    last = words[-2] if len(words) > 1 and words[-1].isdigit() else words[-1] if words else ""
    return bool(words) and len(form) > 1 and words[0][:1].isupper() and last[:1].isupper()


#: A sentence that says it is a flashback: "In a flashback, ...", "A flashback shows ...".
_FLASHBACK = re.compile(r"^\W*(?:(?:in|during)\s+(?:a\s+|one\s+)?flashbacks?\b|(?:a|the)\s+flashbacks?\s+"
                        r"(?:shows?|reveals?)\b)|\bflashes\s+back\b", re.IGNORECASE)


_EARLIER = re.compile(r"^\W*(?:(?:[\w-]+\s+){0,2}(?:years|months|weeks|decades)\s+(?:earlier|before|ago|previously)"
                      r"|long\s+(?:ago|before)|in\s+the\s+past)\b", re.IGNORECASE)


def is_backstory(sent: Any) -> bool:
    """Whether a parsed sentence tells what happened before the story: it opens by going back
    in time ("Years earlier, ...") and its main verb is in the past perfect ("had been
    arrested"). A camera cannot film it as it stands; the writer decides (a flashback, a line)."""
    if not _EARLIER.search(sent.text[:60]):
        return False
    first = []   # the first clause: up to a semicolon
    for t in sent:
        if t.text == ";":
            break
        first.append(t)
    return any(t.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children)
               for t in first)


_JUST_BEFORE = re.compile(r"\b(?:the\s+(?:night|day|evening|morning|afternoon)\s+before|the\s+previous\s+(?:night|day|"
                          r"evening|morning|afternoon)|earlier\s+(?:that|the\s+same)\s+(?:day|night|evening|morning))\b",
                          re.IGNORECASE)


def is_recalled(sent: Any) -> bool:
    """Whether a parsed sentence shows what happened just before, in the past perfect ("During
    a storm the night before, he had crawled through the tunnel"): a flashback a camera can film,
    not backstory."""
    m = _JUST_BEFORE.search(sent.text[:80])
    if m is None:
        return False
    return any(t.tag_ == "VBN" and t.dep_ == "ROOT" and
               any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children) for t in sent)


def is_flashback(sentence: str) -> bool:
    """The sentence opens a flashback, by its own words (a camera's term, not a guess from tense)."""
    return bool(_FLASHBACK.search(sentence[:80]))


@functools.lru_cache(maxsize=1)
def _not_place() -> frozenset[str]:
    return frozenset(w.upper() for w in entries("not_place_words"))


@functools.lru_cache(maxsize=1)
def _family_places() -> frozenset[str]:
    return frozenset(entries("family_places"))


def clean_heading_place(place: str, person_words: set[str]) -> str:
    """A heading's place without people's names, years or numbers.

    ``person_words`` are the upper-cased words of the characters' names.  A
    part of the place ("SHIRE SAM ROSIE COTTON") loses those words; a part
    left empty is dropped, and an empty place stays empty for the caller to fill.
    """
    parts = []
    for part in place.split(" - "):
        raw = part.split()
        # "NOVAK HOUSE": a family's name before its house names the place, not a person
        named = {k for k in range(len(raw) - 1) if raw[k + 1].lower() in _family_places()
                 and not raw[k].upper().endswith(("'S", "’S"))}
        words = [w.strip('"') for k, w in enumerate(raw)
                 if k in named or w.strip("'’.,\"").upper() not in person_words
                 and re.sub(r"'S$|’S$", "", w.upper()) not in person_words
                 and not re.search(r"\d", w) and w.upper().strip(".") not in _not_place()]
        # "OF", "THE", "AND" left dangling at either end mean nothing
        while words and words[-1].upper() in ("OF", "THE", "AND", "A", "AN", "AT", "IN"):
            words.pop()
        while words and words[0].upper() in ("OF", "AND", "AT", "IN"):
            words.pop(0)
        if words:
            parts.append(" ".join(words))
    return " - ".join(parts)


#: "he shows her the city: a haircut, a scooter ride, the Mouth of Truth, a dance on a barge":
#: the things listed after a colon, each short and none a clause of its own.
_SHOT_LIST = re.compile(r"^(?P<lead>[^:]{8,240}?):\s+(?P<items>[^:;]+?)\.?$")
_SHOT_START = re.compile(r"^(?:a|an|the|his|her|their|its|some|two|three)\s")   # (not names: a cast is no series)
_SHOT_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|did|he|she|they|we|I|who|which)\b")


def series_of_shots(action: str) -> tuple[str, list[str]] | None:
    """An action that ends in a list of things seen (three or more) split into the action and
    the shots of a SERIES OF SHOTS, which is how a script shows time passing over many
    places; None when the colon introduces anything else (a clause, a quotation, a name)."""
    m = _SHOT_LIST.match(action.strip())
    if m is None or '"' in m.group("items"):
        return None
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("items")) if p.strip()]
    if len(parts) < 3 or any(len(p.split()) > 8 or not _SHOT_START.match(p) or _SHOT_CLAUSE.search(p)
                             for p in parts):
        return None
    return m.group("lead").strip() + ".", [p[:1].upper() + p[1:] + "." for p in parts]


@functools.lru_cache(maxsize=1)
def _span_openers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in entries("span_openers"))


def montage(action: str, nlp: Any) -> tuple[str, list[str]] | None:
    """An action that sums up a long span ("Over the following weeks, Mara teaches Tom to sail,
    and they fall in love") as the span and the shots of a MONTAGE, one for each thing done
    ("Mara teaches Tom to sail." / "They fall in love."); None when it is no such summary or
    holds only one thing done."""
    text = action.strip()
    m = next((m for m in (p.match(text) for p in _span_openers()) if m), None)
    if m is None:
        return None
    span, rest = text[:m.end()].strip(" ,"), text[m.end():].strip()
    from .nlp import parse_all   # (the project's parse: coarse tags set, misread verbs read again)
    doc = parse_all(nlp, [rest])[0]
    sents = list(doc.sents)
    if len(sents) != 1:
        return None
    root = sents[0].root
    verbs = [root]
    while True:   # the main verb and the verbs joined to it, in order
        nxt = next((c for c in verbs[-1].children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            break
        verbs.append(nxt)
    if len(verbs) < 2 or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    others = {v.i: {t.i for t in v.subtree} for v in verbs}
    shots: list[str] = []
    for k, v in enumerate(verbs):
        own = {t.i for t in v.subtree} - set().union(*(others[w.i] for w in verbs[k + 1:]))
        toks = [t for t in doc if t.i in own]
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc" or toks[0].lower_ in ("then", "and")):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks = toks[:-1]
        if not toks:
            return None
        words = "".join(t.text_with_ws for t in toks).strip()
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            who = "".join(t.text_with_ws for t in subject.subtree).strip()
            words = f"{who} {words}"   # "..., mends the nets": the one who does it, again
        shots.append(words[:1].upper() + words[1:].rstrip(" ,;") + ".")
    return span[:1].upper() + span[1:], shots
