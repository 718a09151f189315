"""The synopsis as text: paragraphs, sentence units, prefaces and parentheticals.

A synopsis mixes story with talk about the story: a "Note:" preface, actor
names in parentheses, asides such as "(never specified)".  Those are lifted out
here, before the language model sees the text, so that the parser reads clean
prose and the asides can go where a screenwriter expects them (cast list,
notes).  Every cleaned character keeps a pointer to its place in the original,
so scenes can quote their source sentences verbatim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from screenplay.errors import InputError

#: A paragraph that is a preface or aside rather than story.
PREFACE_RE = re.compile(
    r"^\s*(?:note|nb|n\.\s?b\.|author'?s note|editor'?s note|warning|disclaimer)\s*[:\-\u2013\u2014]",
    re.IGNORECASE,
)
_TERMINAL = ('.', '!', '?', '"', "'", ')', '\u201d', '\u2019', ':', ';')
#: Curly quotes become straight ones, character for character (keeps offsets).
_QUOTE_MAP = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'",
                            "\u2019": "'", "\u00ab": '"', "\u00bb": '"'})
#: Control characters (C0 except tab and newline, DEL, C1) become spaces, one for one, so
#: offsets hold and no Fountain written from the synopsis holds a character ``check`` refuses.
_CONTROL_MAP = {c: " " for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)] if c not in (10, 13)}
#: A run of punctuation with no space in it: spaCy's tokenizer peels such runs one
#: character at a time, in time quadratic in the run (30 KB of "!?." took minutes).
#: No prose needs more than three in a row ("?!\"", "..."); the rest of a run is dropped.
_PUNCT_RUN = re.compile(r"[^\w\s]{8,}")
#: Longest paragraph adapted (the parser's memory grows with a text's length); checked
#: on the raw lines, before any per-character bookkeeping is built for them.
MAX_PARAGRAPH_CHARS = 100_000
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w'\u00c0-\u024f.\-]*|de|da|di|du|del|della|van|von|der|den|la|le|y|bin|ibn|al|st\.?|jr\.?|sr\.?)$")
_BULLET = re.compile(r"^(?:[-*\u2022\u2013]|\d{1,3}[.)])\s+")
_ACTOR_PREFIX = re.compile(r"^(?:played by|voiced by|portrayed by|as played by)\s+", re.IGNORECASE)


@dataclass
class Aside:
    """A parenthetical lifted out of a unit: an actor credit or a comment."""

    kind: str          # "actor" or "comment"
    text: str          # content without the parentheses
    at: int            # offset in the cleaned unit text where it stood
    before: str        # the cleaned text just before it (to find the name it credits)


@dataclass
class Unit:
    """A run of text the parser reads on its own: a paragraph, or one line of it."""

    text: str                 # cleaned text
    origin: list[int]         # origin[i] = offset in the original text of text[i]
    paragraph: int
    line: int                 # 1-based source line where the unit starts
    asides: list[Aside] = field(default_factory=list)
    section: str | None = None   # a part marker standing before it ("Part II"): the outline's, not the story's

    def source(self, original: str, start: int, end: int) -> str:
        """The original text behind cleaned characters ``start:end``."""
        if start >= end or not self.origin:
            return ""
        a = self.origin[start]
        b = self.origin[min(end, len(self.origin)) - 1] + 1
        return original[a:b]


@dataclass
class Source:
    """A whole synopsis, cut into story units and preface notes."""

    text: str
    units: list[Unit]
    prefaces: list[str]
    one_per_line: bool
    title: str | None = None   # the synopsis's own title, set in capitals on its first line


def _is_actor(content: str, before: str) -> bool:
    """True when a parenthetical credits an actor: a person's name after a name."""
    c = _ACTOR_PREFIX.sub("", content.strip())
    words = c.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    if sum(1 for w in words if w[:1].isupper()) < 2:
        return False
    if not before.strip() or before.rstrip()[-1:] in ".!?":
        return False
    prev = re.search(r"([A-Z\u00c0-\u00de][\w'\u00c0-\u024f\-]*)\W*$", before.rstrip(" ,"))
    if prev is not None:
        return True
    # "a disgraced chef (Lena Hart)": a person's full name after a role
    return re.search(r"[a-z]+\W*$", before) is not None and all(w[:1].isupper() for w in words)


def _lift_parentheticals(text: str, base: int) -> tuple[str, list[int], list[Aside]]:
    """Remove balanced (...) spans; return cleaned text, origin map and the asides."""
    out: list[str] = []
    origin: list[int] = []
    asides: list[Aside] = []
    i, n = 0, len(text)
    unbracket: set[int] = set()   # closing brackets of quotations kept in the text
    while i < n:
        ch = text[i]
        if i in unbracket:
            i += 1
            continue
        if ch == "(":
            depth, j = 0, i
            while j < n:
                if text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:  # unbalanced: keep the text as it is
                out.append(ch)
                origin.append(base + i)
                i += 1
                continue
            content = text[i + 1:j].strip()
            if any(re.search(r"[.!?]\W*$", q) or len(q.split()) >= 4 for q in re.findall(r'"([^"]+)"', content)):
                # quoted words in brackets ("chanting ("Bread and work!")") are what was
                # said: they stay in the sentence, only the brackets go (a nickname, "Ace", does not)
                unbracket.add(j)
                i += 1
                continue
            # drop the space before the parenthesis
            while out and out[-1] == " ":
                out.pop()
                origin.pop()
            before = "".join(out)
            kind = "actor" if _is_actor(content, before) else "comment"
            if content:
                asides.append(Aside(kind, _ACTOR_PREFIX.sub("", content) if kind == "actor" else content,
                                    len(out), before[-80:]))
            i = j + 1
            # a comma between two lifted asides goes with them: "Name (Actor), (aside) is"
            m = re.match(r"\s*,\s*(?=\()", text[i:])
            if m:
                i += m.end()
            # a space is kept only when both sides need one
            continue
        out.append(ch)
        origin.append(base + i)
        i += 1
    s = "".join(out)
    # Tidy what the removals left: doubled spaces, space before punctuation.
    keep = [True] * len(s)
    for m in re.finditer(r" (?= )| (?=[,.;:!?])|(?<=\() ", s):
        keep[m.start()] = False
    for m in re.finditer(r"^ +", s):
        for k in range(m.start(), m.end()):
            keep[k] = False
    cleaned = "".join(c for c, k in zip(s, keep) if k)
    cmap = [o for o, k in zip(origin, keep) if k]
    return cleaned, cmap, asides


#: A line naming a part of the telling, not an event of it: "Part I", "Act Two", "Chapter 3:
#: The Wedding", "Reel 4". Fountain has sections (``# Part I``) for exactly this.
SECTION_RE = re.compile(
    r"(?i)(?:part|act|chapter|book|section|episode|reel|movement)\s+"
    r"(?:[ivxlc]+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?:\s*[.:\-\u2013\u2014]\s*[^.!?]{0,60})?[.:]?\s*$")


def split_source(text: str) -> Source:
    """Cut a synopsis into prefaces and story units.

    Paragraphs are separated by blank lines.  Inside a paragraph, a line that
    ends a sentence ends a unit (one-sentence-per-line synopses); a line that
    does not (hard-wrapped prose) runs on into the next.
    """
    if not text.strip():
        raise InputError("the synopsis is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_QUOTE_MAP).translate(_CONTROL_MAP)
    lines = text.split("\n")
    offsets: list[int] = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    paragraphs: list[list[int]] = []
    cur: list[int] = []
    for idx, ln in enumerate(lines):
        if ln.strip():
            cur.append(idx)
        elif cur:
            paragraphs.append(cur)
            cur = []
    if cur:
        paragraphs.append(cur)
    units: list[Unit] = []
    prefaces: list[str] = []
    multi = 0
    title = None
    credited = _TITLE_CREDITS.match(lines[paragraphs[0][0]]) if paragraphs else None
    if credited and _title_line(credited.group(1)) and not SECTION_RE.match(credited.group(1).strip()):
        # "ROMAN HOLIDAY (USA, 1953, 118 min). Director: ..." over a blurb: the title, then its
        # credits (the bracketed ones go; the rest of the line stays, as the blurb's credits)
        title = " ".join(credited.group(1).split())
        top = paragraphs[0][0]
        if credited.group(2).strip():
            lines[top] = credited.group(2)
            offsets[top] += credited.start(2)
        else:
            paragraphs[0] = paragraphs[0][1:]
            if not paragraphs[0]:
                paragraphs.pop(0)
    elif paragraphs and _title_line(lines[paragraphs[0][0]]) and not SECTION_RE.match(lines[paragraphs[0][0]].strip()) \
            and (len(paragraphs[0]) == 1 or not lines[paragraphs[0][1]].lstrip()[:1].islower()):
        # "TOY STORY" over the story: the script's title, for its title page, not a line of the story
        # (set on two lines, "THE END / OF THE WORLD", it is one title)
        n = 1
        while n < len(paragraphs[0]) and _title_line(lines[paragraphs[0][n]]) and \
                len(" ".join(lines[i] for i in paragraphs[0][:n + 1]).split()) <= 12:
            n += 1
        title = " ".join(" ".join(lines[i] for i in paragraphs[0][:n]).split())
        paragraphs[0] = paragraphs[0][n:]
        if not paragraphs[0]:
            paragraphs.pop(0)
    section: str | None = None
    for pno, para in enumerate(paragraphs):
        first = lines[para[0]].strip()
        if PREFACE_RE.match(first) and not units:
            prefaces.append(" ".join(lines[i].strip() for i in para))
            continue
        if len(para) == 1 and SECTION_RE.match(first):
            section = first.rstrip(".:")   # "Part II" on a line of its own: a section of the script
            continue
        size = sum(len(lines[i]) + 1 for i in para)
        if size > MAX_PARAGRAPH_CHARS:
            raise InputError(f"a paragraph of {size:,} characters is too long to adapt "
                             f"(limit {MAX_PARAGRAPH_CHARS:,}); split it into paragraphs",
                             para[0] + 1)
        if len(para) > 1:
            multi += 1
        if not units and len(para) > 1 and _title_line(lines[para[0]]) and \
                not lines[para[1]].lstrip()[:1].islower():
            # "E.T. THE EXTRA-TERRESTRIAL" over the credits: the title is a line of its own, not
            # the start of the sentence below it
            units.append(_make_unit(text, lines, offsets, [para[0]], 0))
            units[-1].paragraph = pno
            units[-1].section, section = section, None
            para = para[1:]
        group: list[int] = []
        for k, idx in enumerate(para):
            group.append(idx)
            if lines[idx].rstrip().endswith(_TERMINAL) or k == len(para) - 1:
                units.append(_make_unit(text, lines, offsets, group, len(units) and pno))
                units[-1].paragraph = pno
                units[-1].section, section = section, None
                group = []
    if not units:
        raise InputError("the synopsis has no story text (only a title, a preface or part headings)")
    one_per_line = sum(1 for u in units if u.line) and multi > 0 and \
        sum(1 for u in units if u.text.count(". ") == 0) >= 0.7 * len(units)
    return Source(text, units, prefaces, bool(one_per_line), title)


#: A title in capitals with its credits in brackets after it, alone on its line.
_TITLE_CREDITS = re.compile(r"^\s*([^()]{2,80}?)\s*\([^()]*\b(?:1[89]|20)\d\d\b[^()]*\)\s*[.:\u2013\u2014-]?\s*(.*?)\s*$")
#: (a year inside the brackets says they are credits: "MARA (30s), a fisherwoman, ..." is a line of story)


def _title_line(line: str) -> bool:
    """A title set in capitals on a line of its own (a few words, no sentence's end)."""
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    return 0 < len(words) <= 8 and len(letters) >= 2 and all(c.isupper() for c in letters) and \
        not line.rstrip().endswith(("!", "?", ",", ";"))


def _make_unit(text: str, lines: list[str], offsets: list[int], group: list[int], pno: int) -> Unit:
    parts: list[str] = []
    origin: list[int] = []
    for idx in group:
        ln = lines[idx]
        lead = len(ln) - len(ln.lstrip())
        body = ln.strip()
        bullet = _BULLET.match(body)
        if bullet:   # "- Tom meets Ann.", "3) They go home.": the marker is layout, not story
            lead += bullet.end()
            body = body[bullet.end():]
        if parts:
            parts.append(" ")
            origin.append(offsets[idx] - 1)
        parts.append(body)
        origin.extend(range(offsets[idx] + lead, offsets[idx] + lead + len(body)))
    joined = "".join(parts)
    if _PUNCT_RUN.search(joined):
        keep = [True] * len(joined)
        for m in _PUNCT_RUN.finditer(joined):
            for k in range(m.start() + 3, m.end()):
                keep[k] = False
        origin = [o for o, k in zip(origin, keep) if k]
        joined = "".join(c for c, k in zip(joined, keep) if k)
    cleaned, cmap, asides = _lift_parentheticals(joined, 0)
    cleaned, cmap = _mend_its(cleaned, cmap)
    return Unit(cleaned, [origin[c] for c in cmap], pno, group[0] + 1, asides)


#: "tells her its no big deal": a possessive "its" never stands before an article, "no", "not",
#: "been" or "going", so there it is "it's" misspelt, and the parser needs the verb to see a clause
_ITS_TYPO = re.compile(r"\b([Ii]t)s(?= (?:a|an|the|no|not|been|going|gonna)\b)")


def _mend_its(text: str, cmap: list[int]) -> tuple[str, list[int]]:
    """The text with a misspelt "it's" mended; the apostrophe points where the "s" was."""
    out, omap, last = [], [], 0
    for m in _ITS_TYPO.finditer(text):
        out.append(text[last:m.end(1)])
        omap.extend(cmap[last:m.end(1)])
        out.append("'")
        omap.append(cmap[m.end(1)])
        last = m.end(1)
    if not out:
        return text, cmap
    out.append(text[last:])
    omap.extend(cmap[last:])
    return "".join(out), omap
