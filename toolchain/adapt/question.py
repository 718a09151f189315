"""An indirect question turned into a direct one.

"where he was" -> "Where were you?", "if she has proof" -> "Do you have
proof?": the auxiliary moves before the subject, or "do" is brought in and
the verb takes its plain form.  The person shift is done before.
"""
from __future__ import annotations

from typing import Any

from .grammar import Word, base_form, base_from_3sg, fix_i_capital, render, sentence_case
from .shift import AUX

_EXPAND = {"'s": "is", "'re": "are", "'m": "am"}


class IndirectQuestion:
    """Direct questions from indirect ones (mixed into ReportedSpeech)."""

    lemma: Any

    def _question(self, words: list[Word], yn: bool) -> str | None:
        """Indirect question words to a direct question: word order and do-support."""
        if not words:
            return None
        start = 0
        if not yn:
            start = 1
            while start < len(words) and words[start].tok is not None and \
                    words[start].tok.tag_ in ("NN", "NNS", "JJ", "RB") and words[start].text.lower() not in AUX:
                start += 1  # "what time", "how much"
            nxt = words[start] if start < len(words) else None
            if nxt is None or nxt.text.lower() in AUX or (nxt.tok is not None and nxt.tok.tag_.startswith("VB")):
                return sentence_case(fix_i_capital(render(words)), "?")  # the wh-word is the subject
        k = start
        while k < len(words):
            w = words[k]
            if w.text.lower() in AUX and k > start and not (w.tok is not None and w.tok.tag_ == "POS"):
                break  # ("if Ben's plan is safe": that "'s" is Ben's, not "is")
            if w.tok is not None and w.tok.tag_ in ("VBZ", "VBD", "VBP") and k > start:
                break
            k += 1
        if k >= len(words):
            return None
        w = words[k]
        if w.text.lower() in AUX and not (w.text.lower() in ("has", "have", "had") and w.tok is not None
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


def _base3(word: str) -> str:
    return base_from_3sg(word)
