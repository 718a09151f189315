"""The production-draft scenario the tests run on any Fountain script.

Lock the script, then edit it the four ways the issue names (a changed line, an
added scene, a removed scene, a speech that grows past its page), revise it Blue
and read both PDFs back through their text layer with pdfplumber.  The edits are
chosen from the locked layout so that the scenario works on the project's own
fixture and on Big Fish alike: each lands on its own page, and the page after
each touched page begins with an element of its own (a break inside a speech is
kept only while the page before it is unchanged; see README).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from screenplay.fountain_reader import parse_fountain
from screenplay.layout import CONTENT_KINDS, load_profile
from screenplay.locking import read_lock
from screenplay.model import Dialogue, SceneHeading, Speech
from screenplay.production import production_layout

LETTER_W_PT = 8.5 * 72
_LABEL = re.compile(r"^\d+[A-Z]*(-\d+[A-Z]*)?\.$")


class PdfPage:
    """One PDF page as rows of words: its label, header, marks and text lines."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        self.rows: dict[int, list] = {}
        for w in words:
            self.rows.setdefault(round(w["top"]), []).append(w)
        head = [w for w in words if w["top"] < 60]
        # the page number: the header's right-most word shaped like "12.", "12A." or "8-9."
        # (it ends at 7.25 in on Final Draft's page, 7.5 in on older profiles)
        nums = sorted((w for w in head if _LABEL.match(w["text"])), key=lambda w: -w["x1"])[:1]
        self.label = nums[0]["text"].rstrip(".") if nums else ""
        self.header = " ".join(w["text"] for w in sorted(head, key=lambda w: w["x0"])
                               if w not in nums)
        self.marked = [top for top, ws in self.rows.items() if top >= 60
                       and any(w["text"] == "*" and w["x0"] > 7.7 * 72 for w in ws)]
        self.lines = [" ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"]))
                      for top, ws in sorted(self.rows.items()) if top >= 60]

    def text_without_marks(self, top: int) -> str:
        return " ".join(w["text"] for w in sorted(self.rows[top], key=lambda w: w["x0"])
                        if not (w["text"] == "*" and w["x0"] > 7.7 * 72))


def read_pdf(path: Path) -> list[PdfPage]:
    import pdfplumber
    with pdfplumber.open(str(path)) as pdf:
        return [PdfPage(p) for p in pdf.pages]


def _pages_of(layout) -> dict[int, list[int]]:  # type: ignore[no-untyped-def]
    """id(source element) -> indexes of the pages it has content rows on."""
    out: dict[int, list[int]] = {}
    for pi, page in enumerate(layout.pages):
        for ln in page.lines:
            if ln.row >= 0 and ln.source is not None and ln.kind in CONTENT_KINDS:
                lst = out.setdefault(id(ln.source), [])
                if not lst or lst[-1] != pi:
                    lst.append(pi)
    return out


class Plan:
    """The four edits and the locked page labels each one touches."""

    def __init__(self, text: str) -> None:
        doc = parse_fountain(text)
        lock = read_lock(doc)
        assert lock is not None
        layout = production_layout(doc, load_profile("letter", "shooting"))
        self.labels = [lp.label for lp in lock.pages]
        where = _pages_of(layout)
        cont = [lp.continues for lp in lock.pages]
        n = len(cont)

        def clean_after(i: int) -> bool:
            return i + 1 < n and not cont[i + 1]

        body = doc.body
        heads = [i for i, el in enumerate(body) if isinstance(el, SceneHeading)]
        # 4. a speech that grows: the last element on a page, on that page only.
        self.grow = None
        for i in range(len(body) - 1, -1, -1):
            el = body[i]
            ps = where.get(id(el), [])
            if isinstance(el, Speech) and len(ps) == 1 and clean_after(ps[0]) and ps[0] > 3 \
                    and any(isinstance(p, Dialogue) for p in el.parts) \
                    and all(where.get(id(x), [ps[0] + 1])[0] > ps[0] for x in body[i + 1:]
                            if id(x) in where):
                self.grow, self.grow_page = el, ps[0]
                break
        assert self.grow is not None, "no speech to grow"
        # 3. a removed scene, ending before the grown page, followed by a clean page, and
        # 2. an added scene before a heading that opens a page, before the removed scene:
        # the latest removable scene that leaves room for an added one before it.
        self.removed = self.added = None
        for k in range(len(heads) - 2, 0, -1):
            a, b = heads[k], heads[k + 1]
            ps = sorted({p for el in body[a:b] for p in where.get(id(el), [])})
            if not (ps and ps[-1] < self.grow_page - 1 and clean_after(ps[-1]) and ps[0] > 2
                    and where[id(body[b])][0] > ps[-1]):
                continue
            for h in heads:
                hp = where.get(id(body[h]), [])
                if hp and 2 < hp[0] < ps[0] - 1 and not cont[hp[0]] \
                        and self._first_on(layout, hp[0]) is body[h]:
                    self.removed, self.removed_pages = (a, b), ps
                    self.added, self.added_page = h, hp[0] - 1
                    break
            if self.added is not None:
                break
        assert self.removed is not None, "no scene to remove"
        assert self.added is not None, "no heading opening a page"
        # 1. a changed line: a dialogue word on a page before the added scene's.
        self.changed = None
        for i, el in enumerate(body):
            ps = where.get(id(el), [])
            if isinstance(el, Speech) and len(ps) == 1 and ps[0] < self.added_page:
                for p in el.parts:
                    words = [w for w in re.findall(r"[A-Za-z]{5,}", "".join(r.text for r in p.text))
                             if w[::-1] != w]
                    if isinstance(p, Dialogue) and words:
                        self.changed, self.changed_page, self.word = el, ps[0], words[0]
                        break
            if self.changed is not None:
                break
        assert self.changed is not None, "no dialogue to change"
        self.doc = doc
        self.text = text

    @staticmethod
    def _first_on(layout, pi: int):  # type: ignore[no-untyped-def]
        lines = [ln for ln in layout.pages[pi].lines if ln.row >= 0 and ln.source is not None
                 and ln.kind in CONTENT_KINDS]
        return min(lines, key=lambda ln: ln.row).source if lines else None

    def touched(self) -> set[str]:
        pages = {self.changed_page, self.added_page, self.grow_page, *self.removed_pages}
        return {self.labels[p] for p in pages}

    def edited(self) -> str:
        """The script with the four edits made in its text (bottom up, so lines stay put)."""
        lines = self.text.split("\n")
        body = self.doc.body
        # grow: more dialogue on the speech's last line
        last = self.grow.lines[1] - 1
        lines[last] += " I kept every letter you ever sent me, in the tin under the stairs." * 14
        a, b = self.removed
        del lines[body[a].lines[0] - 1:body[b].lines[0] - 1]
        at = body[self.added].lines[0] - 1
        lines[at:at] = ["INT. FERRY OFFICE - NIGHT", "",
                        "A brand new scene: the night clerk counts the tickets twice.", ""]
        row = self.changed.lines[0] - 1
        for j in range(self.changed.lines[0] - 1, self.changed.lines[1]):
            if self.word in lines[j]:
                row = j
                break
        lines[row] = lines[row].replace(self.word, self.word[::-1], 1)
        return "\n".join(lines)


def locked_copy(src: Path, dest: Path, run) -> str:  # type: ignore[no-untyped-def]
    """Copy ``src`` to ``dest`` and lock it with the CLI; the locked text."""
    shutil.copyfile(src, dest)
    r = run("lock", str(dest))
    assert r.exit_code == 0, r.output
    return dest.read_text(encoding="utf-8")
