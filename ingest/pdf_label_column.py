"""A decision list known by its layout: a narrow column of short labels beside a column of values (pure).

Committees print their lists in many ways (positioned columns, a ruled table, a numbered list with a
small table per item), with labels in many spellings ("Zaak:", "ZAAK", "Zaak(en)", "Besluit(en)",
"Toezeggingen"). What they share is the structure: rows whose first cell is a short label, standing
left of a value column that starts at one x, the same labels repeated item after item, one of them a
decision (Besluit) or a toezegging; and a header naming the list or the committee. That structure,
not a fixed label set, is what finds the label column here; the names only say which labels decide.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.pdf_page import Line

# A label cell: one to three words, optionally numbered ("1. Agendapunt:", "Agendapunt 3:"), an
# optional plural mark ("Zaak(en)") and colon, words joined by a slash ("Besluit/afspraak"); never a
# sentence (no full stop inside, no comma).
_WORD = r"[^\W\d_][^\W_]*(?:\([a-z]{1,2}\))?"
LABEL_CELL_RE = re.compile(
    rf"^(?:\d{{1,3}}[.)]\s*)?(?P<name>{_WORD}(?:(?:[ -]|\s?/\s?){_WORD}){{0,2}})(?:\s+\d{{1,3}})?\s*:?$"
)
NUMBER_CELL_RE = re.compile(r"^\d{1,3}[.)]?$")
# The list's header: its name, its meeting or its committee, in the first rows (a logo's lines or a
# table of follow-up committees may come first).
HEADER_RE = re.compile(r"\b(?:besluitenlijst\w*|\w*vergadering|\w*commissie)\b", re.I)
HEADER_ROWS = 25
# A letter's salutation or closing: a letter with a table of toezeggingen is still a letter.
LETTER_RE = re.compile(r"^(?:Geachte\b|Hoogachtend|Met (?:vriendelijke|hoogachtende) groet)")
_BUCKET = 6.0  # value cells starting within this many points stand in one column


@dataclass(frozen=True)
class LabelColumn:
    value_x: float  # where the values start
    names: frozenset[str]  # the labels printed in the column, lower case, without colon or number


def label_name(text: str) -> str | None:
    """'Besluit(en):' -> 'besluit(en)', '2. Agendapunt:' -> 'agendapunt'; None for what is no label."""
    m = LABEL_CELL_RE.match(" ".join(text.split()))
    if m is None or len(m.group("name")) > 28:
        return None
    return m.group("name").lower()


def family(name: str) -> str:
    """What a label is about, whatever its spelling: 'besluit', 'toezegging', 'zaak', or the name."""
    name = name.lower().rstrip(":").strip()
    for stem, fam in (
        ("besluit", "besluit"),
        ("toezegging", "toezegging"),
        ("zaak", "zaak"),
        ("zaken", "zaak"),
    ):
        if name.startswith(stem):
            return fam
    return name


def find_label_column(rows: list[list[Line]]) -> LabelColumn | None:
    """The label column of a decision list, or None where the rows hold none.

    Evidence, all required: four or more rows of a label cell with a value cell beside it (a clear
    gap between), the value cells starting at one x; two or more label names, one repeated (or, in
    a list titled "Besluitenlijst", two rows of any names); a decision or toezegging among them;
    the list's name, meeting or committee in the header rows; and no salutation or closing formula
    (a letter's annex may tabulate its toezeggingen)."""
    found: list[tuple[float, str]] = []  # (value x, label name)
    for row in rows:
        if len(row) < 2 or row[1].x0 - row[0].x1 <= 8:
            continue
        name = label_name(row[0].text)
        if name is not None:
            found.append((row[1].x0, name))
    if len(found) < 2:
        return None
    buckets = Counter(round(x / _BUCKET) for x, _ in found)
    best = max(buckets, key=lambda b: buckets[b] + buckets.get(b - 1, 0) + buckets.get(b + 1, 0))
    column = [(x, n) for x, n in found if abs(round(x / _BUCKET) - best) <= 1]
    names = Counter(n for _, n in column)
    if not {family(n) for n in names} & {"besluit", "toezegging"}:
        return None
    header = " ".join(" ".join(c.text for c in row) for row in rows[:HEADER_ROWS])
    if not HEADER_RE.search(header) or any(LETTER_RE.match(row[0].text.strip()) for row in rows):
        return None
    # a short list (one or two items) says what it is in its title instead
    short = len(column) >= 2 and re.search(r"besluitenlijst", header, re.I) is not None
    if not short and (len(column) < 4 or len(names) < 2 or max(names.values()) < 2):
        return None
    return LabelColumn(min(x for x, _ in column), frozenset(names))


def beside_labels(lines: list[Line], gutter_xs: list[float]) -> list[list[Line]] | None:
    """A page whose left column holds only labels, each standing beside (not on the first line of) its
    value: labels set in the middle of their cell, or lower. The page's rows with each label put on
    the first line of the value block it stands beside; None where the page is no such page.

    The value blocks are the runs of right-column lines between gaps wider than the column's usual
    line spacing (the cell padding); a label belongs to the block its middle lies in (else the
    nearest above)."""
    if len(gutter_xs) != 1:
        return None
    gutter = gutter_xs[0]
    left = [ln for ln in lines if ln.x1 <= gutter + 1]
    right = [ln for ln in lines if ln.x0 >= gutter - 1]
    across = [ln for ln in lines if ln not in set(left) | set(right)]
    labels = [ln for ln in left if label_name(ln.text) is not None or NUMBER_CELL_RE.match(ln.text.strip())]
    if len(labels) < 4 or len(labels) < 0.9 * len(left) or len(right) < len(labels):
        return None
    if not {family(name) for ln in labels if (name := label_name(ln.text))} & {"besluit", "toezegging"}:
        return None  # a margin column of side headings or pull-quotes: read as columns
    right.sort(key=lambda ln: ln.top)
    steps = sorted(b.top - a.top for a, b in zip(right, right[1:], strict=False) if b.top > a.top + 1)
    if not steps:
        return None
    usual = steps[len(steps) // 4]  # the line spacing inside a value (most steps are)
    blocks: list[list[Line]] = [[right[0]]]
    for a, b in zip(right, right[1:], strict=False):
        if b.top - a.top > 1.25 * usual:
            blocks.append([])
        blocks[-1].append(b)
    first_of: dict[int, list[Line]] = {}
    for label in labels:
        middle = (label.top + label.bottom) / 2
        inside = [k for k, blk in enumerate(blocks) if blk[0].top - 2 <= middle <= blk[-1].bottom + 2]
        above = [k for k, blk in enumerate(blocks) if blk[0].top <= middle]
        k = inside[0] if inside else (above[-1] if above else 0)
        first_of.setdefault(k, []).append(label)
    out: list[list[Line]] = []
    items: list[tuple[float, list[Line]]] = [(ln.top, [ln]) for ln in across]
    for k, blk in enumerate(blocks):
        for j, line in enumerate(blk):
            items.append((line.top, [*first_of.get(k, []), line] if j == 0 else [line]))
    placed = {id(ln) for lns in first_of.values() for ln in lns}
    items += [(ln.top, [ln]) for ln in left if id(ln) not in placed]
    for _, row in sorted(items, key=lambda it: it[0]):
        out.append(sorted(row, key=lambda ln: ln.x0))
    return out
