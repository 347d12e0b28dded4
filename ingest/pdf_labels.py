"""Two-column label/value layouts (a committee's decision list: Zaak, Besluit, Noot), read row by row (pure).

A label stands in the left column ("Zaak:", "1. Agendapunt:"), its value beside it and on the lines
below in the right column, until the next label. Each numbered item ("1. Agendapunt: ...") becomes a
heading Block, each other label with its value a table_row Block under it, bold value-column lines
without a label (the list's rubrics: "Brievenlijst") headings above the items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ingest.metadata import parse_date
from ingest.model import HEADING, TABLE_ROW, Block
from ingest.pdf_footnotes import join_parts
from ingest.pdf_page import Line

LABEL_RE = re.compile(r"^(?:(\d{1,3})\.\s*)?([A-Z][\w()/.’' -]{1,30}?)\s?:\s*(.*)$")
# The labels of a decision list, recognised without their colon as well ("Zaak", "1. Agendapunt").
KNOWN_RE = re.compile(
    r"^(?:(\d{1,3})\.\s*)?(Agendapunt|Zaak|Besluit|Besluiten|Noot|Volgcommissie\(s\)|Voortouwcommissie"
    r"|Toezegging|Toezeggingen|Document)\s*$"
)
NUMBER_RE = re.compile(r"^\d{1,3}\.$")
# Labels a value may start with itself, where the layout put it in the value column ("Besluit: ...").
INLINE_RE = re.compile(
    r"^(Zaak|Besluit|Besluiten|Noot|Volgcommissie\(s\)|Toezegging|Toezeggingen)\s?:\s*(.*)$"
)
HEADER_FIELDS = {"voortouwcommissie": "committee", "document": "title", "commissie": "committee"}
PLACE_DATE_RE = re.compile(r"^(?:Den Haag|[’']s-Gravenhage),\s+(.+)$")


@dataclass
class LabelDocument:
    blocks: list[Block]
    title: str | None = None
    date: date | None = None
    committee: str | None = None
    kind: str | None = None


@dataclass
class _Field:
    number: str | None
    name: str
    parts: list[str] = field(default_factory=list)
    page: int = 1
    multi: list[bool] = field(default_factory=list)  # which parts were rows of several cells


def _label(row: list[Line], value_x: float) -> tuple[str | None, str, str, list[Line]] | None:
    """(number, label, text after the colon, value cells) where the row starts with a label."""
    cells = list(row)
    head = cells[0].text.strip()
    if NUMBER_RE.match(head) and len(cells) > 1 and cells[1].x1 < value_x:
        head = f"{head} {cells[1].text.strip()}"
        cells = cells[1:]
    if cells[0].x0 > value_x - 20:
        return None  # a line of the value column
    m = LABEL_RE.match(head) or KNOWN_RE.match(head)
    if not m:
        return None
    rest = m.group(3).strip() if m.re is LABEL_RE else ""
    return m.group(1), m.group(2).strip(), rest, cells[1:]


def value_column(page_rows: list[list[Line]]) -> float | None:
    """The x where values start, if the document is laid out as labels and values; else None."""
    starts: Counter[int] = Counter()
    names: set[str] = set()
    for row in page_rows:
        cells = row[1:] if NUMBER_RE.match(row[0].text.strip()) and len(row) > 1 else row
        m = LABEL_RE.match(cells[0].text.strip()) or KNOWN_RE.match(cells[0].text.strip())
        if m and len(cells) > 1 and cells[1].x0 - cells[0].x1 > 8:
            starts[round(cells[1].x0 / 3) * 3] += 1
            names.add(m.group(2).lower())
    if not starts:
        return None
    x, count = starts.most_common(1)[0]
    return float(x) - 3 if count >= 6 and len(names) >= 3 else None


def read_labelled(page_rows: list[list[Line]], value_x: float, pitch: float, context: str) -> LabelDocument:
    doc = LabelDocument(blocks=[])
    current: _Field | None = None
    items: list[Block] = []
    prev: Line | None = None
    has_rubrics = False

    def flush() -> None:
        nonlocal current
        if current is not None:
            _emit(current, doc, items, context)
        current = None

    for row in page_rows:
        found = _label(row, value_x)
        if found is not None:
            flush()
            number, name, rest, cells = found
            current = _Field(number, name, page=row[0].page)
            if rest:
                current.parts.append(rest)
                current.multi.append(False)
            if cells:
                current.parts.append(" ".join(c.text.strip() for c in cells))
                current.multi.append(len(cells) > 1)
            prev = row[-1]
            continue
        text = " ".join(c.text.strip() for c in row)
        near = prev is not None and (row[0].page != prev.page or row[0].top - prev.bottom < 0.9 * pitch)
        in_values = row[0].x0 >= value_x - 8
        if current is not None and near and in_values:
            current.parts.append(text)
            current.multi.append(len(row) > 1)
        elif in_values and all(c.bold for c in row):
            flush()
            has_rubrics = True
            items.append(Block(HEADING, " ".join(text.split()), level=1, page=row[0].page))
        elif (m := PLACE_DATE_RE.match(text)) and doc.date is None and parse_date(m.group(1)):
            flush()
            doc.date = parse_date(m.group(1))
        else:
            flush()
            items.append(
                Block(TABLE_ROW if len(row) > 1 else "paragraph", " ".join(text.split()), page=row[0].page)
            )
        prev = row[-1]
    flush()
    if not has_rubrics:
        items = [Block(b.kind, b.text, 1, b.page, b.label) if b.kind == HEADING else b for b in items]
    doc.blocks = items
    labels = {b.label for b in items if b.label}
    if labels & {"Besluit", "Zaak"} or (doc.title or "").lower().startswith("besluitenlijst"):
        doc.kind = "besluitenlijst"
    return doc


def _emit(f: _Field, doc: LabelDocument, items: list[Block], context: str) -> None:
    value = ""
    for part, multi in zip(f.parts, f.multi, strict=True):
        part = " ".join(part.split())
        if not part:
            continue
        if not value:
            value = part
        elif multi:
            value = f"{value}; {part}"  # a row of a small table (committee, reason, items)
        else:
            value = join_parts([value, part], context)
    name = f.name
    if (m := INLINE_RE.match(value)) and f.number is None:
        name, value = m.group(1), m.group(2)  # "Noot:" beside "Besluit: ..." : the value names its label
    if not value:
        return
    header = HEADER_FIELDS.get(name.lower())
    before_items = not any(b.kind == HEADING for b in items)  # the list's own header fields
    if header == "committee" and doc.committee is None and before_items:
        doc.committee = value
    elif header == "title" and doc.title is None and before_items:
        doc.title = value
    elif f.number is not None:
        items.append(Block(HEADING, f"{f.number}. {value}", level=2, page=f.page))
    else:
        items.append(Block(TABLE_ROW, f"{name}: {value}", page=f.page, label=name))
