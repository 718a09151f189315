"""Per-source accuracy of PDF import, ours beside SMASH-CUT's screenplay-pdf-to-json.

Every PDF of the corpus with a known truth is imported by us and, when the peer
is installed in a throwaway place, by SMASH-CUT's ``screenplay-pdf-to-json``
(never a project dependency)::

    python3 -m venv $SCREENPLAY_PEERS/smash
    $SCREENPLAY_PEERS/smash/bin/pip install screenplay-pdf-to-json

Its JSON is mapped onto our model (scene_info -> heading, ACTION items ->
action, CHARACTER -> speech with "(...)" lines as parentheticals, DUAL_DIALOGUE
-> two speeches, TRANSITION -> transition) and both are scored with the tests'
scorer (tests/pdf_score.py).  Our renders of the corpus are made in a temporary
folder.  Prints a Markdown table.  A script, not a test.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PEERS, ROOT, SHARED

sys.path.insert(0, str(ROOT))

from screenplay.formats import read_document  # noqa: E402
from screenplay.model import (  # noqa: E402
    Action, Character, Dialogue, Document, Parenthetical, SceneHeading, Speech, Transition,
    text_of,
)
from screenplay.pdf_writer import render_pdf  # noqa: E402
from tests.pdf_score import f1, headings, speeches  # noqa: E402

CORPUS = SHARED / "corpus" / "fountain"
_PEER = """
import json, sys
from screenplay_pdf_to_json import convert
print(json.dumps(convert(open(sys.argv[1], "rb"), None)))
"""


def _speech(c: dict, dual: bool = False) -> Speech:
    name = (c.get("character") or "").strip()
    exts = [e for e in [c.get("modifier")] if e]
    while name.endswith(")") and "(" in name:  # "EDWARD (CONT'D)": extensions left in the name
        k = name.rfind("(")
        exts.insert(0, name[k + 1:-1].strip())
        name = name[:k].strip()
    exts = tuple(exts)
    parts = []
    for line in c.get("dialogue") or []:
        t = line.strip()
        if t.startswith("(") and t.endswith(")"):
            parts.append(Parenthetical(text_of(t[1:-1])))
        elif parts and isinstance(parts[-1], Dialogue):
            parts[-1] = Dialogue(text_of(parts[-1].text[0].text + " " + t))
        elif t:
            parts.append(Dialogue(text_of(t)))
    return Speech(Character(name, exts, dual=dual), parts)


def smash_document(data: list) -> Document:
    body: list = []
    for block in data:
        if block.get("type") == "FIRST_PAGES":
            continue
        for scene in block.get("content", []):
            info = scene.get("scene_info")
            if info:
                head = " ".join(x for x in [info.get("region"), info.get("location")] if x)
                if info.get("time"):
                    head += " - " + " ".join(info["time"])
                body.append(SceneHeading(text_of(head)))
            for el in scene.get("scene", []):
                kind, c = el.get("type"), el.get("content")
                if kind == "ACTION":
                    body += [Action(text_of(x["text"])) for x in c]
                elif kind == "CHARACTER":
                    body.append(_speech(c))
                elif kind == "DUAL_DIALOGUE":
                    body += [_speech(c["character1"]), _speech(c["character2"], True)]
                elif kind == "TRANSITION":
                    body.append(Transition(text_of(c["text"])))
    return Document([], body)


def run_peer(pdf: Path) -> tuple[Document | None, float]:
    py = PEERS / "smash" / "bin" / "python"
    if not py.exists():
        return None, 0.0
    t = time.perf_counter()
    r = subprocess.run([str(py), "-c", _PEER, str(pdf)], capture_output=True, text=True,
                       timeout=600)
    took = time.perf_counter() - t
    if r.returncode != 0:
        return None, took
    return smash_document(json.loads(r.stdout)), took


def cases(tmp: Path) -> list[tuple[str, Path, Path]]:
    out = [("Final Draft 11 reference",
            CORPUS / "final-draft-reference/big-fish-excerpt-scene-numbers.finaldraft11.pdf",
            CORPUS / "final-draft-reference/big-fish-excerpt-scene-numbers.finaldraft11.fdx")]
    for pdf in sorted((CORPUS / "peer-pdfs").glob("*.pdf")):
        stem, tool = pdf.name.split(".")[:2]
        out.append((f"{stem}, {tool}", pdf, CORPUS / "spec-samples" / f"{stem}.fountain"))
    for src in sorted((CORPUS / "spec-samples").glob("*.fountain")):
        for paper, mode in (("letter", "spec"), ("a4", "shooting")):
            pdf = tmp / f"{src.stem}-{paper}-{mode}.pdf"
            pdf.write_bytes(render_pdf(read_document(src), paper=paper, mode=mode))
            out.append((f"{src.stem}, ours {paper} {mode}", pdf, src))
    return out


def main() -> None:
    if not CORPUS.is_dir():
        raise SystemExit("../shared is absent: nothing to compare")
    tmp = Path(tempfile.mkdtemp(prefix="pdf-compare-"))
    print("| PDF | ours F1 | ours speeches | ours headings | SMASH-CUT F1 | SMASH-CUT speeches |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, pdf, truth_path in cases(tmp):
        truth = read_document(truth_path)
        got = read_document(pdf)
        s, st = speeches(truth, got)
        h, ht = headings(truth, got)
        peer, _ = run_peer(pdf)
        pf = f"{f1(truth, peer):.3f}" if peer else "—"
        ps = "{}/{}".format(*speeches(truth, peer)) if peer else "—"
        print(f"| {label} | {f1(truth, got):.3f} | {s}/{st} | {h}/{ht} | {pf} | {ps} |")


if __name__ == "__main__":
    main()
