"""Development variants of the other tool's text flavour, built from the development text files.

Each variant takes one kind of evidence away from the reader, or adds one layout it must survive:
(a) every page label removed, (b) the letterhead column removed, (c) each page's footnotes set in two
columns and interleaved line by line, as a policy paper with two footnote columns comes out, (d) a
footnote continued on the next page. They are built from the file's own lines, found by the file's own
shapes (the labels "P agina n van m" or bare page numbers, the column lines this file prints, the
footnote numbers in sequence at each page end), never by the reader under test.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

# The right-hand column of the circulaire-economie letter, as the tool prints it (lines squeezed:
# spaces removed, lower case). bnc-fiche prints no column.
COLUMN_LINES = {
    "ministerievan",
    "infrastructuuren",
    "waterstaat",
    "rijnstraat8",
    "2515xpdenhaag",
    "postbus20901",
    "2500exdenhaag",
    "t070-4560000",
    "f070-4561111",
    "kenmerk",
    "ienw/bsk-2023/33017",
    "bijlage(n)",
}
DEF_RE = re.compile(r"^(\d{1,3})(?=\s|https?://)")


def squeeze(line: str) -> str:
    return re.sub(r"\s+", "", line).lower()


@dataclass
class Page:
    """One printed page of a development file: body and column lines, footnotes, its label line."""

    lines: list[str]  # everything before the footnotes, in the file's order (body and column)
    notes: list[list[str]]  # each footnote's printed lines, the first with its number
    tail: list[str]  # column lines after the footnotes
    label: str | None


def is_label(line: str, expected: int) -> bool:
    s = squeeze(line)
    return bool(re.fullmatch(rf"(?:pagina)?{expected}van\d+", s)) or s == str(expected)


def is_column(line: str, prev: str) -> bool:
    s = squeeze(line)
    return s in COLUMN_LINES or (squeeze(prev) == "bijlage(n)" and s.isdigit())


def pages(text: str) -> list[Page]:
    """The file split at its page labels, each page's footnote block found by the numbering."""
    out: list[Page] = []
    cur: list[str] = []
    number = 1
    for line in text.split("\n"):
        if is_label(line, len(out) + 1):
            out.append(Page(cur, [], [], line))
            cur = []
            continue
        cur.append(line)
    if any(ln.strip() for ln in cur):
        out.append(Page(cur, [], [], None))
    for page in out:
        lines = page.lines
        first = next(
            (
                i
                for i, ln in enumerate(lines)
                if (m := DEF_RE.match(ln)) and int(m.group(1)) == number and i > 0
            ),
            None,
        )
        if first is None:
            continue
        body, block = lines[:first], lines[first:]
        tail_at = next(
            (i for i, ln in enumerate(block) if is_column(ln, block[i - 1] if i else "")), len(block)
        )
        block, page.tail = block[:tail_at], block[tail_at:]
        page.lines = body
        for ln in block:
            m = DEF_RE.match(ln)
            if m and int(m.group(1)) == number:
                page.notes.append([ln])
                number += 1
            else:
                page.notes[-1].append(ln)
    return out


def render(pages_: list[Page], labels: bool = True, column: bool = True) -> str:
    out: list[str] = []
    for page in pages_:
        for part in (page.lines, [ln for note in page.notes for ln in note], page.tail):
            prev = ""
            for ln in part:
                if column or not is_column(ln, prev):
                    out.append(ln)
                prev = ln
        if labels and page.label is not None:
            out.append(page.label)
    return "\n".join(out) + "\n"


def without_labels(text: str) -> str:
    """(a) every page label gone: no 'Pagina n van m', no bare page numbers."""
    return render(pages(text), labels=False)


def without_column(text: str) -> str:
    """(b) the letterhead column gone from every page (the header above the salutation stays)."""
    return render(pages(text), column=False)


def two_columns(text: str, width: int = 52, flow: bool = True) -> str:
    """(c) each page's footnotes set in two columns of `width` characters, interleaved line by line.

    flow: the footnotes flow through a two-column area as text flows through columns, the left column
    holding the first half of the lines (a footnote may break from its foot to the right column's
    head); else each column holds whole footnotes, the first half of them on the left. Either way the
    tool writes each printed row's left line, then its right line, then the longer column's remaining
    lines. A word too long for the column (a URL) breaks at the column's edge, as a word processor
    breaks it."""
    out = pages(text)
    for page in out:
        if not page.notes:
            continue
        wrapped = [
            textwrap.wrap(" ".join(ln.strip() for ln in note), width, break_on_hyphens=False)
            for note in page.notes
        ]
        if flow:
            lines = [ln for note in wrapped for ln in note]
            half = (len(lines) + 1) // 2
            left, right = lines[:half], lines[half:]
        else:
            half = (len(wrapped) + 1) // 2
            left = [ln for note in wrapped[:half] for ln in note]
            right = [ln for note in wrapped[half:] for ln in note]
        rows: list[str] = []
        for i in range(max(len(left), len(right))):
            rows += ([left[i]] if i < len(left) else []) + ([right[i]] if i < len(right) else [])
        page.notes = [rows]
    return render(out)


def continued(text: str) -> tuple[str, list[int]]:
    """(d) the last footnote of each page that prints two lines or more goes on at the foot of the next
    page: its lines after the first are printed there, above that page's own footnotes.
    Returns the text and the numbers of the footnotes continued."""
    out = pages(text)
    moved: list[int] = []
    for page, nxt in zip(out, out[1:], strict=False):
        if not page.notes or len(page.notes[-1]) < 2:
            continue
        note = page.notes[-1]
        page.notes[-1], rest = note[:1], note[1:]
        moved.append(int(DEF_RE.match(note[0]).group(1)))
        nxt.notes.insert(0, rest)
    return render(out), moved


def footnote_lines(text: str) -> int:
    """Characters in the file's footnotes (their printed lines joined), for the share of text in them."""
    return sum(len(" ".join(ln.strip() for ln in note)) for page in pages(text) for note in page.notes)
