"""A label/value row's label: a known name in any form, or any short name in a label cell (pure).

Decision lists print a label as a cell of its own ("Zaak:" | "Brief …", also without a colon or in
capitals), run in before its value ("Zaak: Brief …"), or on a line above it. Whether a set of rows is
a decision list at all is read here too: from its labels, or from a label column's layout
(ingest/pdf_label_column.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.pdf_label_column import (
    HEADER_RE,
    HEADER_ROWS,
    LETTER_RE,
    LabelColumn,
    family,
    find_label_column,
    label_name,
)
from ingest.pdf_page import Line

# The labels of a decision list, known by name: recognised with or without a colon, in a cell of their
# own, run in before their value or on a line above it.
KNOWN = (
    r"Agendapunt|Zaak|Zaken|Besluit\(en\)|Besluiten|Besluit|Noot|Volgcommissie\(s\)|Volgcommissies|Volgcommissie"
    r"|Voortouwcommissie"
    r"|Toezegging|Toezeggingen|Voorstel|Griffier|Document|Activiteitnummer|Datum"
)
# "1. Agendapunt:", "Agendapunt 3:", "Zaak:", "Besluit" (and the value after the colon, run in)
KNOWN_RE = re.compile(rf"^(?:(\d{{1,3}})[.)]\s*)?({KNOWN})(?:\s+(\d{{1,3}}))?\s?(?::\s*(.*)|\s*$)", re.I)
_CANONICAL = {k.lower().replace("\\", ""): k.replace("\\", "") for k in KNOWN.split("|")}
# Any label in a label cell with a value cell beside it ("Voortouwcommissie:" | "vaste commissie ...").
LABEL_RE = re.compile(r"^(?:(\d{1,3})\.\s*)?([A-Z][\w()/.’' -]{1,30}?)\s?:\s*(.*)$")
NUMBER_RE = re.compile(r"^\d{1,3}\.$")

DECISIONS = {"besluit", "besluiten", "besluit(en)", "voorstel"}
CONTEXT = {"agendapunt", "zaak", "zaken", "noot", "volgcommissie(s)", "volgcommissie", "volgcommissies"}


@dataclass(frozen=True)
class Label:
    number: str | None
    name: str
    rest: str  # the value's start on the label's own line ("Zaak: Brief …"), or ""
    cells: tuple[Line, ...]  # value cells beside the label, in a column of their own
    x: float  # where the label stands


def row_label(row: list[Line], value_x: float | None, column: LabelColumn | None = None) -> Label | None:
    """The label a row starts with: a known name in any form, another name only in a label cell; where
    the layout has a label column, any name printed in it, and a number in it opens an item."""
    cells = list(row)
    head = cells[0].text.strip()
    numbered = None
    if NUMBER_RE.match(head) and len(cells) > 1:  # "1." in a cell of its own
        numbered = head.rstrip(".")
        head = f"{head} {cells[1].text.strip()}"
        cells = cells[1:]
    if value_x is not None and cells[0].x0 > value_x - 20:
        if column is not None and numbered is not None:
            return Label(numbered, "Agendapunt", "", tuple(cells), row[0].x0)  # "1." | the item's title
        return None  # a line of the value column ("Besluit: …" as a Noot's value)
    if column is not None and len(cells) > 1 and (name := label_name(cells[0].text)) in column.names:
        # a label of the column in any spelling ("ZAAK", "Toezeggingen", "Besluit(en):")
        lead = re.match(r"^\s*(\d{1,3})[.)]", cells[0].text) or re.search(
            r"\s(\d{1,3})\s*:?\s*$", cells[0].text
        )
        canonical = _CANONICAL.get(name, name[:1].upper() + name[1:])
        return Label(lead.group(1) if lead else None, canonical, "", tuple(cells[1:]), row[0].x0)
    m = KNOWN_RE.match(head)
    # printed in capitals ("ZAAK:") or lower case ("besluit:") a label needs its colon to be one
    if m and (m.group(2)[:1].isupper() and not m.group(2)[1:2].isupper() or m.group(4) is not None):
        number = m.group(1) or m.group(3)
        name = _CANONICAL.get(m.group(2).lower(), m.group(2))
        return Label(number, name, (m.group(4) or "").strip(), tuple(cells[1:]), row[0].x0)
    if len(cells) > 1 and (m := LABEL_RE.match(head)) and cells[1].x0 - cells[0].x1 > 8:
        return Label(m.group(1), m.group(2).strip(), m.group(3).strip(), tuple(cells[1:]), row[0].x0)
    return None


def value_column(page_rows: list[list[Line]]) -> float | None:
    """The x where values start beside their labels, where labels stand in a column of their own."""
    starts: Counter[int] = Counter()
    for row in page_rows:
        found = row_label(row, None)
        if found is not None and found.cells and not found.rest:
            starts[round(found.cells[0].x0 / 3) * 3] += 1
    return float(starts.most_common(1)[0][0]) - 3 if starts else None


def is_label_document(page_rows: list[list[Line]]) -> bool:
    """A decision list: a decision label and another of the list's labels, each at a row's start, or
    six label rows of three names in a label column (the development lists' header has its own), or
    a label column found by its layout (ingest/pdf_label_column.py), or decisions under titles."""
    names: Counter[str] = Counter()
    celled: Counter[str] = Counter()
    for row in page_rows:
        found = row_label(row, None)
        if found is not None:
            names[found.name.lower()] += 1
            if found.cells:
                celled[found.name.lower()] += 1
    if set(names) & DECISIONS and set(names) & CONTEXT:
        return True
    if sum(celled.values()) >= 6 and len(celled) >= 3 or find_label_column(page_rows) is not None:
        return True
    return decisions_under_titles(page_rows)


def decisions_under_titles(page_rows: list[list[Line]]) -> bool:
    """A list that labels only its decisions: two or more paragraphs opening with a decision or
    toezegging label run in, each under a bold title of its own (an item), a list or committee in
    the header, and no salutation or closing formula (a memo prints "Besluit:" once, a letter greets)."""
    if any(LETTER_RE.match(row[0].text.strip()) for row in page_rows):
        return False
    header = " ".join(" ".join(c.text for c in row) for row in page_rows[:HEADER_ROWS])
    if not HEADER_RE.search(header):
        return False
    titled = 0
    title_seen = False
    prev: Line | None = None
    for row in page_rows:
        found = row_label(row, None)
        if found is None:
            title_seen = title_seen or (len(row) == 1 and row[0].bold)
        elif (
            family(found.name) in ("besluit", "toezegging") and found.rest and _starts_paragraph(row[0], prev)
        ):
            titled += title_seen
            title_seen = False
        prev = row[-1]
    return titled >= 2


def _starts_paragraph(line: Line, prev: Line | None) -> bool:
    """A line set apart from the one above (a paragraph's first line), not a wrapped line that happens
    to start with "Besluit:": the gap above is wider than half the line's height."""
    return prev is None or prev.page != line.page or line.top - prev.bottom > 0.5 * line.height
