"""Deterministic synthetic screenplays of a chosen length, for scale benchmarks.

The corpus has no 1,000-page script, and repeating one script ten times gives
the reader and the paginator the same few shapes over and over.  This
generator writes Fountain with the mix a real draft has -- scene headings of
every kind, action paragraphs from one line to a dozen, speeches with
parentheticals and extensions, some dual dialogue, transitions, the odd
centered line, section, synopsis and note -- from a fixed seed, so the same
arguments always give the same bytes.  Every word comes from the small
invented vocabulary below; there is no borrowed text.

    .venv/bin/python bench/synth.py --pages 1000 -o synth-1000.fountain
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

#: Rows a letter page holds for body text (the profile's body_rows, a little
#: less for the blank rows a page break swallows).  Calibrated against
#: ``paginate`` so that ``pages=N`` lays out to about N pages.
ROWS_PER_PAGE = 53.0

_NAMES = ("MARA", "OSKAR", "DELPHINE", "TEO", "WINNIE", "RASHID", "GRETA", "PILAR", "JONAH",
          "IMOGEN", "BAZ", "NOOR", "CASIMIR", "LOTTIE", "AUGUSTIN", "SEVERINE", "ODELL", "KIT")
_PLACES = ("KITCHEN", "LIGHTHOUSE", "BUS DEPOT", "GREENHOUSE", "MOTEL ROOM", "FERRY DECK",
           "RECORD SHOP", "HOSPITAL CORRIDOR", "ORCHARD", "PARKING GARAGE", "ATTIC",
           "TRAIN PLATFORM", "LAUNDROMAT", "OBSERVATORY", "DINER", "QUARRY", "BOATHOUSE")
_SUBPLACES = ("BACK OFFICE", "STAIRWELL", "ROOF", "PORCH", "BOOTH", "CELLAR", "LOADING DOCK")
_TIMES = ("DAY", "NIGHT", "DAWN", "DUSK", "CONTINUOUS", "LATER", "MOMENTS LATER")
_PREFIXES = ("INT.", "INT.", "INT.", "EXT.", "EXT.", "INT./EXT.", "EST.")
_TRANSITIONS = ("CUT TO:", "DISSOLVE TO:", "SMASH CUT TO:", "MATCH CUT TO:", "FADE TO BLACK.")
_SUBJECTS = ("the kettle", "a moth", "the old radio", "her brother", "the ferry", "a stray dog",
             "the wind", "the neon sign", "his shadow", "the night clerk", "rain", "the map",
             "a paper bag", "the telephone", "the crowd", "a bicycle bell", "a headlight")
_VERBS = ("rattles against", "drifts past", "waits beside", "circles", "leans toward",
          "spills across", "hums under", "flickers over", "slides off", "knocks on",
          "settles on", "trembles near", "vanishes behind", "scrapes along")
_OBJECTS = ("the windowsill", "a stack of letters", "the counter", "the far wall",
            "an unmade bed", "the last step", "the cracked mirror", "a row of jars",
            "the open door", "the dark water", "a folded coat", "the railing", "the clock")
_ADVERBS = ("slowly", "without a sound", "for a long moment", "again", "all at once",
            "as if listening", "in the half light", "out of habit", "before anyone notices")
_SAYINGS = ("I told you the bridge would be closed", "You kept the key all this time",
            "Nobody comes out here after the season", "Give me one good reason to stay",
            "It was never about the money", "Then why are you still holding it",
            "We should have left an hour ago", "Say that again, slower",
            "The tide does not wait for anyone", "I counted them twice",
            "You look like you have not slept", "Tell me what you saw",
            "Put it back where you found it", "That is not how I remember it",
            "If we run now they will know", "Help me with this",
            "I used to come here with my father", "Is that supposed to be funny",
            "Listen", "No", "Where were you", "Of course", "Not tonight")
_PARENS = ("(quietly)", "(beat)", "(not looking up)", "(into the phone)", "(laughing)",
           "(to Mara)", "(off her look)", "(whispering)", "(beat; then)", "(sotto)",
           "(re: the box)", "(continuing)")
_EXTENSIONS = ("", "", "", "", "", " (V.O.)", " (O.S.)", " (CONT'D)")


class _Writer:
    """Accumulates Fountain lines and an estimate of the rows they print."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lines: list[str] = []
        self.rows = 0.0
        self.scene = 0

    def sentence(self) -> str:
        r = self.rng
        s = f"{r.choice(_SUBJECTS)} {r.choice(_VERBS)} {r.choice(_OBJECTS)}"
        if r.random() < 0.5:
            s += f" {r.choice(_ADVERBS)}"
        if r.random() < 0.15:
            s += f", and *{r.choice(_NAMES).title()}* sees it"
        return s[0].upper() + s[1:] + "."

    def para(self, text: str, width: int) -> None:
        """Add one paragraph and the rows it takes: wrapped lines plus the blank after."""
        self.lines.extend([text, ""])
        self.rows += -(-len(text) // width) + 1

    def heading(self) -> None:
        r = self.rng
        self.scene += 1
        place = r.choice(_PLACES)
        if r.random() < 0.3:
            place += f" - {r.choice(_SUBPLACES)}"
        h = f"{r.choice(_PREFIXES)} {place} - {r.choice(_TIMES)}"
        if r.random() < 0.1:
            h += f" #{self.scene}#"
        self.lines.extend(["", h, ""])
        self.rows += 3

    def action(self) -> None:
        n = self.rng.choice((1, 1, 2, 2, 3, 4, 6, 9, 12))
        self.para(" ".join(self.sentence() for _ in range(n)), 61)

    def speech(self, name: str, dual: bool = False) -> float:
        """One speech; returns its rows so a dual pair can count only the taller one."""
        r = self.rng
        head = name + r.choice(_EXTENSIONS) + (" ^" if dual else "")
        out = [head]
        rows = 1.0
        for i in range(r.choice((1, 1, 1, 2, 2, 3))):
            if r.random() < 0.3:
                out.append(r.choice(_PARENS))
                rows += 1
            line = ". ".join(r.choice(_SAYINGS) for _ in range(r.choice((1, 1, 2, 3, 4))))
            line += r.choice((".", "?", "!", "...", "."))
            if r.random() < 0.05:
                line = f"_{line}_"
            out.append(line)
            rows += -(-len(line) // (28 if dual else 35))
        self.lines.extend(out + [""])
        return rows + 1

    def exchange(self) -> None:
        r = self.rng
        cast = r.sample(_NAMES, 3)
        for k in range(r.choice((2, 3, 4, 6))):
            if r.random() < 0.06:
                left = self.speech(cast[k % 2])
                right = self.speech(cast[2], dual=True)
                self.rows += max(left, right)
            else:
                self.rows += self.speech(cast[k % 2])
            if r.random() < 0.35:
                self.action()

    def extra(self) -> None:
        r = self.rng
        pick = r.random()
        if pick < 0.5:
            t = r.choice(_TRANSITIONS)
            # only an upper-case line ending in TO: is a transition by itself; force the rest
            self.para(t if t.endswith("TO:") else "> " + t, 61)
        elif pick < 0.65:
            self.para("> " + r.choice(_SAYINGS).upper() + " <", 61)
        elif pick < 0.8:
            self.lines.extend(["= " + self.sentence(), ""])      # synopsis: not printed
        elif pick < 0.9:
            self.lines.extend(["[[" + self.sentence() + "]]", ""])  # note: not printed
        else:
            self.lines.extend([f"# Sequence {self.scene}", ""])   # section: not printed


def synth_fountain(pages: int, seed: int = 1) -> str:
    """A Fountain script laying out to about ``pages`` letter pages; same inputs, same text."""
    if pages < 1:
        raise ValueError("pages must be at least 1")
    w = _Writer(random.Random(f"synth-{seed}"))
    w.lines.extend([f"Title: Synthetic Draft {pages}", "Credit: written by", "Author: bench/synth.py",
                    "Draft date: 1 January 2000", "", ""])
    target = pages * ROWS_PER_PAGE
    while w.rows < target:
        w.heading()
        w.action()
        for _ in range(w.rng.choice((1, 2, 2, 3))):
            w.exchange()
            if w.rng.random() < 0.5:
                w.action()
        if w.rng.random() < 0.25:
            w.extra()
    return "\n".join(w.lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = ap.parse_args(argv)
    text = synth_fountain(args.pages, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
