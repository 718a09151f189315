"""The title page of a screenplay PDF: centred block and corner blocks to title fields."""
from __future__ import annotations

import re

from .model import UNDERLINE, Run, TitleField, normalize_text
from .pdf_text import Line, Page

PT = 72.0  # points per inch


_CREDIT = re.compile(r"^((written|screenplay|teleplay|story|script)\s+)?by:?$", re.IGNORECASE)
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}|\b(19|20)\d\d\b|\b(january|february|march|april|may|"
                   r"june|july|august|september|october|november|december)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(\(c\)|©|copyright\b)", re.IGNORECASE)


def _title_page(p: Page) -> list[TitleField]:
    """Title, credit, author and source from the centred lines; the corner blocks.

    The title is the first centred block (and later blocks printed in its
    style); a credit line ("written by") comes next, the author after it, and
    whatever is centred below is the source.  Of the lower corner blocks, a
    leading date is the draft date, a copyright line is the copyright, and the
    rest is the contact (left) or notes (right).
    """
    centre = p.width / 2
    middle: list[tuple[Line, bool]] = []  # (line, a blank row above it)
    corner_l: list[Line] = []
    corner_r: list[Line] = []
    prev_y = None
    for ln in p.lines:
        mid = (ln.x0 + ln.x1) / 2
        if abs(mid - centre) < 0.5 * PT and ln.y < p.height * 0.7:
            middle.append((ln, prev_y is not None and ln.y - prev_y > 16))
            prev_y = ln.y
        elif ln.x0 >= centre - 0.5 * PT:
            corner_r.append(ln)
        else:
            corner_l.append(ln)

    def text(lines: list[Line]) -> list:
        return [normalize_text([Run(t, st) for s in ln.segs for t, st in s.runs])
                for ln in lines]

    def style(ln: Line) -> int:
        return min((st for s in ln.segs for t, st in s.runs if t.strip()), default=0)

    fields: list[TitleField] = []
    title: list[Line] = []
    k = 0
    while k < len(middle):
        ln, gap = middle[k]
        if title and (_CREDIT.match(ln.text.strip()) or (gap and (
                not style(title[0]) or style(ln) != style(title[0])))):
            break
        title.append(ln)
        k += 1
    if title:
        runs = text(title)
        if all(r.style & UNDERLINE for line in runs for r in line if r.text.strip()):
            # the title page prints every title underlined: the rule is the
            # page's, not an underline the writer typed
            runs = [normalize_text([Run(r.text, r.style & ~UNDERLINE, r.kind) for r in line])
                    for line in runs]
        fields.append(TitleField("Title", runs))
    if k < len(middle) and _CREDIT.match(middle[k][0].text.strip()):
        fields.append(TitleField("Credit", text([middle[k][0]])))
        k += 1
    author: list[Line] = []
    while k < len(middle) and (not author or not middle[k][1]):
        author.append(middle[k][0])
        k += 1
    if author:
        fields.append(TitleField("Author", text(author)))
    if k < len(middle):
        fields.append(TitleField("Source", text([ln for ln, _ in middle[k:]])))
    for block, rest_key in ((corner_l, "Contact"), (corner_r, "Notes" if corner_l else "Contact")):
        if block and _DATE.search(block[0].text) and not _COPYRIGHT.match(block[0].text):
            fields.append(TitleField("Draft date", text(block[:1])))
            block = block[1:]
        copy = [ln for ln in block if _COPYRIGHT.match(ln.text.strip())]
        rest = [ln for ln in block if ln not in copy]
        if rest:
            fields.append(TitleField(rest_key, text(rest)))
        if copy:
            fields.append(TitleField("Copyright", text(copy)))
    return fields
