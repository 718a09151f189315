"""A second reading of sentences whose doer's verb the small tagger took for a noun.

spaCy's small English model often reads an unfamiliar name and the verb after it
as one noun phrase: "Mara phones Tobias to tell him ..." comes out as the noun
"Mara phones" with "Tobias" as the sentence's head, and every pass after it
(who speaks, who acts, who is introduced) reads nonsense.  The same sentence
with a pronoun in the name's place ("He phones Tobias ...") is parsed right.
So such a sentence is parsed again with the name swapped for words of the same
count ("He", "The man", "The old man"), and when that reading makes the word
a verb, its tags and tree are laid on the original words; the original words,
entities and spacing stay as they were.

Only the parser's own view decides: nothing here knows any name or verb.
"""
from __future__ import annotations

from typing import Any

#: Words that stand in for a name of one, two or three tokens: the same count, so
#: positions line up, and a subject the parser knows.
_STAND_INS = {1: [["He"], ["She"]], 2: [["The", "man"], ["This", "man"], ["The", "boy"]],
              3: [["The", "old", "man"], ["This", "old", "man"]]}
#: What may stand right before a name that opens a clause.
_CLAUSE_OPENERS = frozenset({",", ";", "and", "but", "then", "when", "while", "as", "after", "before",
                             "so", "until", "once", "because"})


#: Words that stand in for two names joined by "and": a plural subject of the same count.
_PAIR_STAND_IN = [["The", "two", "friends"], ["These", "two", "men"]]


def _candidates(doc: Any) -> list[tuple[Any, int, int, list[list[str]]]]:
    """(sentence, first name token, the misread verb, the stand-ins to try, each a list of
    words) for each sentence to read again."""
    out = []
    for sent in doc.sents:
        for t in sent:
            if t.tag_ == "NN" and t.dep_ == "ROOT" and t.is_lower and t.is_alpha and t.i - sent.start >= 3 and \
                    doc[t.i - 1].tag_ == "NNP" and doc[t.i - 1].is_title and doc[t.i - 2].lower_ == "and" and \
                    doc[t.i - 3].tag_ == "NNP" and doc[t.i - 3].is_title and \
                    (t.i - 3 == sent.start or doc[t.i - 4].lower_ in _CLAUSE_OPENERS):
                # "..., Joe and Jerry watch as ...": the verb after two names read as a noun
                out.append((sent, t.i - 3, t.i, _PAIR_STAND_IN))
                break
            if t.tag_ == "MD" and t.is_title and t.i + 1 < sent.end and doc[t.i + 1].tag_ in ("VBZ", "VBD") and \
                    (t.i == sent.start or doc[t.i - 1].lower_ in _CLAUSE_OPENERS):
                # "Will tells her ...": no modal stands before a verb that agrees with a subject,
                # so the capitalised word is a name ("Will", "May")
                out.append((sent, t.i, t.i + 1, _STAND_INS[1]))
                break
            if not (t.tag_ == "NNS" and t.is_lower and t.lower_.endswith("s") and t.i > sent.start):
                continue
            k = t.i
            if k - 2 >= sent.start and doc[k - 1].like_num and doc[k - 2].pos_ == "PROPN" and doc[k - 2].is_title:
                k -= 1   # "Juror 8", "Sailor 2": a name that ends in its number
            while k > sent.start and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title:
                k -= 1
            n = t.i - k
            if n not in _STAND_INS:
                continue
            if k > sent.start and doc[k - 1].lower_ not in _CLAUSE_OPENERS:
                continue
            # ("..., and Sailor 2 laughs.", "when ..., Juror 3 lunges at him": a clause of its own)
            joined = k > sent.start and doc[k - 1].lower_ in ("and", "but", ",") and \
                (t.i + 1 >= sent.end or doc[t.i + 1].is_punct or doc[t.i + 1].pos_ == "ADP")
            if not joined and any(w.pos_ in ("VERB", "AUX") for w in sent if w.i < k):
                continue   # a verb before the name: its clause already has one
            if t.i + 1 < sent.end and doc[t.i + 1].tag_ == "POS":
                continue
            out.append((sent, k, t.i, _STAND_INS[n]))
            break   # one per sentence is what the parser got wrong
    return out


def reread(nlp: Any, docs: list[Any], coarse: Any) -> list[Any]:
    """The documents with each misread sentence laid over by its second reading.

    A sentence may hold two misread verbs ("Juror 3 explodes ..., Juror 3 lunges at him"):
    what one reading fixed is read once more for the next."""
    out, fixed = _reread_once(nlp, docs, coarse)
    if fixed:
        again, _ = _reread_once(nlp, [out[i] for i in fixed], coarse)
        for i, d in zip(fixed, again):
            out[i] = d
    return out


def _reread_once(nlp: Any, docs: list[Any], coarse: Any) -> tuple[list[Any], list[int]]:
    """One reading again of each sentence's first misread verb; the documents and which changed."""
    from spacy.tokens import Doc   # (imported with the model, see nlp.py)
    jobs = []   # (doc index, sentence, name start, verb index, variant text)
    for di, doc in enumerate(docs):
        for sent, k, v, stand_ins in _candidates(doc):
            # (the small parser may misread a stand-in too - "the man lunges" as one noun - so
            # each is tried, and the first that makes it a subject and the word its verb is taken)
            for stand_in in stand_ins:
                words = [w.text_with_ws for w in sent]
                for j, word in enumerate(stand_in):
                    if j == 0 and k > sent.start:
                        word = word.lower()   # ("..., and he phones")
                    words[k + j - sent.start] = word + doc[k + j].whitespace_
                jobs.append((di, sent, k, v, "".join(words)))
    if not jobs:
        return list(docs), []
    again = [coarse(d) for d in nlp.pipe([j[4] for j in jobs], batch_size=16)]
    patches: dict[int, list[tuple[Any, int, int, Any]]] = {}
    for (di, sent, k, v, _text), alt in zip(jobs, again):
        if len(alt) != len(sent) or any(a.text.lower() != b.text.lower() for a, b in
                                        zip(alt, sent) if not (k <= b.i < v)):
            continue   # the words fell apart differently: no safe way to line them up
        verb = alt[v - sent.start]
        if not verb.tag_.startswith("VB") or len(list(alt.sents)) != 1:
            continue   # the second reading does not make it a verb either
        doer = alt[v - 1 - sent.start]
        if doer.dep_ not in ("nsubj", "nsubjpass") or doer.head.i != verb.i:
            continue   # nor its stand-in the verb's subject ("the man lunges" read as one noun)
        if any(p[0] is sent and p[1] == k for p in patches.get(di, [])):
            continue   # (an earlier stand-in already read it right)
        patches.setdefault(di, []).append((sent, k, v, alt))
    out = list(docs)
    changed = []
    for di, fixes in patches.items():
        try:
            out[di] = _laid_over(docs[di], fixes, Doc)
            changed.append(di)
        except ValueError:
            pass   # spaCy refused the laid-over tree: the first reading stands, as it would have
    return out, changed


def _laid_over(doc: Any, fixes: list[tuple[Any, int, int, Any]], doc_class: Any) -> Any:
    """A copy of the document with each fixed sentence's tags and tree from its second reading."""
    tags = [t.tag_ for t in doc]
    pos = [t.pos_ for t in doc]
    deps = [t.dep_ for t in doc]
    heads = [t.head.i for t in doc]
    morphs = [str(t.morph) for t in doc]
    for sent, k, v, alt in fixes:
        base = sent.start
        for a in alt:
            i = base + a.i
            tags[i], pos[i], deps[i], heads[i], morphs[i] = a.tag_, a.pos_, a.dep_, base + a.head.i, str(a.morph)
        if v - k == 3 and doc[k + 1].lower_ == "and":
            # two names joined ("Joe and Jerry watch"): the first is what the stand-in was, the
            # second joined to it
            deps[k], heads[k] = deps[k + 2], heads[k + 2]
            tags[k], pos[k], morphs[k] = "NNP", "PROPN", ""
            tags[k + 1], pos[k + 1], deps[k + 1], heads[k + 1], morphs[k + 1] = "CC", "CCONJ", "cc", k, ""
            tags[k + 2], pos[k + 2], deps[k + 2], heads[k + 2], morphs[k + 2] = "NNP", "PROPN", "conj", k, ""
            continue
        # the name itself: proper nouns again, the last one what the stand-in was, the others its parts
        for i in range(k, v):
            tags[i], pos[i], morphs[i] = "NNP", "PROPN", ""
            if i < v - 1:
                deps[i], heads[i] = "compound", v - 1
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
    for _sent, _k, v, _alt in fixes:
        i = v
        while i < len(doc) and ents[i].startswith("I-"):
            ents[i] = "O"   # the recogniser's name ran on into the verb ("Ruth hesitates")
            i += 1
    new = doc_class(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                    tags=tags, pos=pos, deps=deps, heads=heads, morphs=morphs, ents=ents)
    return new
