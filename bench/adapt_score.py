"""Scoring an adaptation against hand annotations (``../shared/gold/*.json``).

Run as ``python bench/adapt_score.py SEED.txt GOLD_DIR`` to print the
figures; the tests call :func:`score` and assert the issue's thresholds.

* scenes: count, and which hand-marked boundaries start a scene;
* speech events: for each hand-labelled verb, who the adapter says speaks,
  and (kind R) whether it became a line of that speaker;
* quotes: each quoted utterance is dialogue of its speaker;
* cast: every main character found, no cue that is not a character.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from screenplay.model import Dialogue, Speech, plain

from toolchain.adapt.build import Adaptation


def _norm(s: str) -> str:
    s = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", " ", s)
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s)
    return re.sub(r" ([,.;:])", r"\1", s).strip().lower()


def _norm_map(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed lower-case text and the original offset of each char."""
    out: list[str] = []
    idx: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch.lower())
        idx.append(i)
    return "".join(out), idx


def same_person(cue: str | None, gold: str, gold_chars: list[dict[str, Any]]) -> bool:
    """Cue names match, allowing the gold file's own short forms (INSPECTOR, BOTH)."""
    if cue is None:
        return False
    if gold == "BOTH":
        return cue == "<group>"
    if cue == gold:
        return True
    # The gold speech file names some minor people by a shorter cue than its character list.
    for c in gold_chars:
        names = {c["name"]} | {a.upper() for a in c.get("aliases", [])}
        if gold in names or c["name"].endswith(" " + gold):
            if cue in names or cue == c["name"]:
                return True
    if gold.endswith("ATTENDANT") and cue.endswith("ATTENDANT"):
        return True  # the gold uses ATTENDANT for the second attendant's lines
    return cue.endswith(" " + gold) or gold.endswith(" " + cue)


@dataclass
class Score:
    scenes: int = 0
    scene_range: tuple[int, int] = (0, 0)
    major_hit: int = 0
    major_total: int = 0
    major_missed: list[str] = field(default_factory=list)
    events_total: int = 0
    events_right: int = 0
    events_wrong: list[str] = field(default_factory=list)
    r_total: int = 0
    r_converted: int = 0
    r_missed: list[str] = field(default_factory=list)
    quotes_total: int = 0
    quotes_right: int = 0
    quotes_missed: list[str] = field(default_factory=list)
    locations_found: list[str] = field(default_factory=list)
    locations_missing: list[str] = field(default_factory=list)
    main_found: list[str] = field(default_factory=list)
    main_missing: list[str] = field(default_factory=list)
    bad_cues: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "scenes": self.scenes, "scene_range": list(self.scene_range),
            "major_boundaries": f"{self.major_hit}/{self.major_total}",
            "speaker_attribution": f"{self.events_right}/{self.events_total}",
            "reported_to_dialogue": f"{self.r_converted}/{self.r_total}",
            "quotes_as_dialogue": f"{self.quotes_right}/{self.quotes_total}",
            "main_characters_missing": self.main_missing, "cues_not_characters": self.bad_cues,
            "gold_locations_found": f"{len(self.locations_found)}/"
                                    f"{len(self.locations_found) + len(self.locations_missing)}",
        }


def _speaker_cue(sp: object) -> str | None:
    if isinstance(sp, tuple):
        return "<group>"
    return getattr(sp, "cue", None)


def score(a: Adaptation, text: str, gold_dir: Path, stem: str) -> Score:
    """Measure an adaptation of ``text`` against the gold files named after ``stem``."""
    gold = json.loads((gold_dir / f"{stem}.gold.json").read_text("utf-8"))
    chars = gold["characters"]
    sc = Score()
    sc.scenes = len(a.doc.scenes())
    sc.scene_range = (gold["scenes_min"], gold["scenes_max"])
    norm, idx = _norm_map(text)
    # -- scene boundaries
    scenes_path = gold_dir / f"{stem}.scenes.json"
    if scenes_path.exists():
        starts = [_norm(text[o:o + 300]) for o in a.scene_starts]
        for anchor in json.loads(scenes_path.read_text("utf-8"))["major"]:
            sc.major_total += 1
            an = _norm(anchor)
            if any(s.startswith(an) for s in starts):
                sc.major_hit += 1
            else:
                sc.major_missed.append(anchor)
    # -- speech events
    speech_path = gold_dir / f"{stem}.speech.json"
    by_offset = {off: ev for off, ev in a.events}
    if speech_path.exists():
        for ev in json.loads(speech_path.read_text("utf-8"))["events"]:
            anchor = re.sub(r"\s+", " ", ev["anchor"]).lower()
            pos = norm.find(anchor)
            if pos < 0:
                continue
            vpos = anchor.find(ev["verb"].lower())
            off = idx[pos + max(vpos, 0)]
            mine = by_offset.get(off)
            cue = _speaker_cue(mine.speaker) if mine else None
            sc.events_total += 1
            if same_person(cue, ev["speaker"], chars):
                sc.events_right += 1
            else:
                sc.events_wrong.append(f"{ev['anchor']} -> {cue} (gold {ev['speaker']})")
            if ev["kind"] == "R":
                sc.r_total += 1
                if mine is not None and mine.converted and same_person(cue, ev["speaker"], chars):
                    sc.r_converted += 1
                else:
                    sc.r_missed.append(ev["anchor"])
    # -- quotes
    lines = [(sp.character.name, " ".join(plain(p.text) for p in sp.parts if isinstance(p, Dialogue)))
             for sp in a.doc.body if isinstance(sp, Speech)]
    for q in gold.get("quotes", []):
        sc.quotes_total += 1
        want = re.sub(r"[^\w' ]", "", q["text"]).strip().lower()
        ok = any(same_person(cue, q["speaker"], chars) and want in re.sub(r"[^\w' ]", "", t).lower()
                 for cue, t in lines)
        if ok:
            sc.quotes_right += 1
        else:
            sc.quotes_missed.append(q["text"])
    # -- locations: the gold's main places among the headings (place, or place - room)
    have = set()
    for scene in a.doc.scenes():
        h = scene.heading
        have.add(h.location)
        if h.sublocation:
            have.add(f"{h.location} - {h.sublocation}")
    for loc in gold.get("locations", []):
        (sc.locations_found if loc in have else sc.locations_missing).append(loc)
    # -- cast
    found = {p.cue for p in a.cast} | set(a.cues)
    for c in chars:
        if c.get("minor"):
            continue
        if any(same_person(f, c["name"], chars) for f in found):
            sc.main_found.append(c["name"])
        else:
            sc.main_missing.append(c["name"])
    for cue in a.cues:
        if not any(same_person(cue, c["name"], chars) for c in chars):
            sc.bad_cues.append(cue)
    return sc


def main(argv: list[str]) -> int:
    from toolchain.adapt.build import adapt_text
    from toolchain.adapt.nlp import load_model

    seed, gold_dir = Path(argv[0]), Path(argv[1])
    text = seed.read_text("utf-8")
    a = adapt_text(text, load_model(), seed.stem, seed.name)
    s = score(a, text, gold_dir, seed.stem)
    print(json.dumps(s.summary(), indent=1))
    if "-v" in argv:
        for name in ("major_missed", "events_wrong", "r_missed", "quotes_missed", "locations_missing"):
            print(f"-- {name}")
            for x in getattr(s, name):
                print("  ", x)
    return 0


if __name__ == "__main__":
    if __package__ in (None, ""):  # run as a script: make the project importable
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(sys.argv[1:]))
