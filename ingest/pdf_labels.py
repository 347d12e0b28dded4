"""Label/value layouts (a committee's decision list: Zaak, Besluit, Noot), read row by row (pure).

A label starts a field and its value runs until the next label. Committees print them in several ways,
all read here: the label in a left column and the value beside it and below ("Zaak:" | "Brief …",
the development lists; also in a table with ruling lines, with or without colons); the label run in
bold before its value on one line ("Zaak: Brief …"); the label on a line of its own above its value.
Each item ("1. Agendapunt: …", "Agendapunt 3: …", or a bold numbered line) becomes a heading Block,
each other label with its value a table_row Block under it; bold lines that are no item (the list's
rubrics: "Brievenlijst") become headings above the items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.metadata import parse_date
from ingest.model import HEADING, PARAGRAPH, TABLE_ROW, Block
from ingest.pdf_footnotes import join_parts
from ingest.pdf_label_column import LabelColumn, family, find_label_column
from ingest.pdf_label_row import Label, row_label, value_column
from ingest.pdf_label_text import LIST_MARK_RE, committee_in, header_date, listed_values
from ingest.pdf_page import Line

NUMBERED_RE = re.compile(r"^\d{1,3}[.)]\s")
ITEM_RE = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$")  # a bold numbered line: an item without label
# Labels a value may start with itself, where the layout put it in the value column ("Besluit: ...").
INLINE_RE = re.compile(
    r"^(Zaak|Besluit|Besluiten|Noot|Volgcommissie\(s\)|Toezegging|Toezeggingen)\s?:\s*(.*)$"
)
HEADER_FIELDS = {
    "voortouwcommissie": "committee",
    "document": "title",
    "commissie": "committee",
    "datum": "date",
}
PLACE_DATE_RE = re.compile(r"^(?:Den Haag|[’']s-Gravenhage),\s+(.+)$")
COMMITTEE_RE = re.compile(
    r"^(?:de\s+)?(?:(?:vaste|algemene|tijdelijke|bijzondere)\s+)?commissie\s+voor\s+\S", re.I
)
TITLE_RE = re.compile(r"^Besluitenlijst\b")


@dataclass
class LabelDocument:
    blocks: list[Block]
    title: str | None = None
    date: date | None = None
    committee: str | None = None
    kind: str | None = None


@dataclass
class _Field:
    label: Label
    page: int
    value_x: float | None  # the value column; None: the value runs on at the label's x (run in, above)
    parts: list[str] = field(default_factory=list)
    multi: list[bool] = field(default_factory=list)  # which parts were rows of several cells
    bold_last: bool = False  # the last line read into the value was bold (a title runs on in bold)


def read_labelled(page_rows: list[list[Line]], pitch: float, context: str) -> LabelDocument:
    doc = LabelDocument(blocks=[])
    column = find_label_column(page_rows)
    value_x = value_column(page_rows)
    if value_x is None and column is not None:
        value_x = column.value_x
    current: _Field | None = None
    items: list[Block] = []
    prev: Line | None = None
    has_rubrics = False
    header: list[str] = []  # the rows before the first item: the list's own header
    title_line: Line | None = None  # the title's last line, while the title may go on

    def flush() -> None:
        nonlocal current
        if current is not None:
            _emit(current, doc, items, context)
        current = None

    for i, row in enumerate(page_rows):
        found = row_label(row, value_x, column)
        if found is not None:
            flush()
            own_x = found.cells[0].x0 if found.cells else None
            current = _Field(found, row[0].page, own_x)
            if _section_label(found, page_rows[i + 1 : i + 2], value_x, column):
                # a closing "Toezeggingen" over a list of its own: a section, its entries each a row
                items.append(Block(HEADING, " ".join(c.text.strip() for c in row), level=2, page=row[0].page))
            if found.rest:
                current.parts.append(found.rest)
                current.multi.append(False)
                current.bold_last = all(c.bold for c in row)
            if found.cells:
                current.parts.append(" ".join(c.text.strip() for c in found.cells))
                current.multi.append(len(found.cells) > 1)
            prev = row[-1]
            continue
        text = " ".join(" ".join(c.text.split()) for c in row)
        if current is not None and prev is not None and _continues(current, row, prev, pitch):
            current.parts.append(text)
            current.multi.append(len(row) > 1)
            current.bold_last = all(c.bold for c in row)
            prev = row[-1]
            continue
        flush()
        bold = all(c.bold for c in row)
        last = items[-1] if items else None
        # a title over two lines: bold, or (where a label column stands) left of the values
        in_labels = column is not None and row[0].x0 < column.value_x - 20 and len(row) == 1
        if (
            (bold or in_labels)
            and not NUMBERED_RE.match(text)  # a numbered title opens the next item
            and last is not None
            and last.kind == HEADING
            and prev is not None
            and _under(row[0], prev, pitch)
        ):
            # a title over two lines ("1. Verzoek … digitale" / "weerbaarheid")
            items[-1] = Block(HEADING, join_parts([last.text, text], context), last.level, last.page)
            prev = row[-1]
            continue
        before_items = not any(b.kind == HEADING for b in items)
        if before_items:
            header.append(text)
        if before_items and title_line is not None and _title_goes_on(row, title_line, pitch):
            doc.title = f"{doc.title} {text}"  # the list's title over two lines
            title_line = prev = row[-1]
            continue
        title_line = None
        if (m := PLACE_DATE_RE.match(text)) and doc.date is None and parse_date(m.group(1)):
            doc.date = parse_date(m.group(1))
        elif before_items and doc.title is None and TITLE_RE.match(text):
            doc.title = text
            title_line = row[-1]
        elif before_items and doc.committee is None and COMMITTEE_RE.match(text):
            doc.committee = committee_in(text) or text  # "Vaste commissie voor X, maandag 20 januari"
        elif (all(c.bold for c in row) or in_labels) and (m := ITEM_RE.match(text)) and len(row) == 1:
            # an item printed as a title, or numbered left of the label column's values
            items.append(Block(HEADING, text, level=2, page=row[0].page))
        elif bold and in_labels and _labels_follow(page_rows[i + 1 : i + 3], value_x, column):
            # an unnumbered item title left of the values, its labels right under it
            items.append(Block(HEADING, text, level=2, page=row[0].page))
        elif all(c.bold for c in row) and (value_x is None or row[0].x0 >= value_x - 8):
            has_rubrics = True
            items.append(Block(HEADING, text, level=1, page=row[0].page))
        else:
            items.append(Block(TABLE_ROW if len(row) > 1 else PARAGRAPH, text, page=row[0].page))
        prev = row[-1]
    flush()
    _header_facts(doc, header)
    items = _zaak_items(items)
    if not has_rubrics:
        items = [Block(b.kind, b.text, 1, b.page, b.label) if b.kind == HEADING else b for b in items]
    doc.blocks = items
    labels = {b.label for b in items if b.label}
    if (
        column is not None
        or {family(lab) for lab in labels} & {"besluit", "zaak", "voorstel"}
        or (doc.title or "").lower().startswith("besluitenlijst")
    ):
        doc.kind = "besluitenlijst"
    return doc


def _section_label(found: Label, after: list[list[Line]], value_x: float | None, column) -> bool:
    """A label alone on its line where labels stand in a column beside their values, the text under it
    left of that column (not its value): a section heading, the label of every entry under it."""
    if value_x is None or found.cells or found.rest or found.number or not after:
        return False
    return after[0][0].x0 < value_x - 20 and row_label(after[0], value_x, column) is None


def _labels_follow(after: list[list[Line]], value_x: float | None, column: LabelColumn | None) -> bool:
    """An item's title stands right above its first label (or above its second line and that)."""
    if not after:
        return False
    if row_label(after[0], value_x, column) is not None:
        return True
    text = " ".join(c.text.strip() for c in after[0])
    return len(after) > 1 and not NUMBERED_RE.match(text) and row_label(after[1], value_x, column) is not None


def _title_goes_on(row: list[Line], title: Line, pitch: float) -> bool:
    """The title's next line: right under it, in the same type."""
    line = row[0]
    return (
        len(row) == 1
        and _under(line, title, pitch)
        and line.bold == title.bold
        and abs(line.size - title.size) < 0.3
    )


def _header_facts(doc: LabelDocument, header: list[str]) -> None:
    """What the header says only in running text: the committee inside the title or a header line,
    the meeting's date on a line of its own or in the title (ingest/pdf_label_text.py)."""
    texts = [doc.title or "", *header]
    doc.committee = doc.committee or next((c for t in texts[:7] if (c := committee_in(t))), None)
    doc.date = doc.date or header_date(texts)


def _under(line: Line, prev: Line, pitch: float) -> bool:
    """The next line of the same text: on the same page, at most a line's spacing below, aligned."""
    return line.page == prev.page and line.top - prev.bottom < 0.9 * pitch and abs(line.x0 - prev.x0) < 30


def _continues(current: _Field, row: list[Line], prev: Line, pitch: float) -> bool:
    """A row that goes on with the open field's value: close below the line before (or the first on a
    new page) and in the value column; where values run on at the label's x, not left of the label,
    and no bold line after a plain one (the next item's title)."""
    first = row[0]
    if first.page == prev.page:
        # a value under its label on a line of its own may stand a little apart from it
        above = not current.parts and not current.label.cells
        if first.top - prev.bottom >= (1.2 if above else 0.9) * pitch:
            return False
    if current.value_x is not None:
        return first.x0 >= current.value_x - 8
    if first.x0 < current.label.x - 3:
        return False
    return not (all(c.bold for c in row) and current.parts and not current.bold_last)


def _zaak_items(items: list[Block]) -> list[Block]:
    """A list that names no item (no Agendapunt, no numbered title) files each decision under the Zaak
    it decides on: every Zaak after a decision, and the first, opens an item headed by its value."""
    if any(b.kind == HEADING and b.level == 2 for b in items):
        return items
    out: list[Block] = []
    open_item = False
    for b in items:
        if b.kind == TABLE_ROW and family(b.label or "") == "zaak" and not open_item:
            out.append(Block(HEADING, b.text.partition(": ")[2], level=2, page=b.page))
            open_item = True
        elif b.kind == TABLE_ROW and family(b.label or "") in ("besluit", "voorstel"):
            open_item = False
        out.append(b)
    return out


def _emit(f: _Field, doc: LabelDocument, items: list[Block], context: str) -> None:
    listed = listed_values(f.parts)
    # a plural label ("Besluiten:") over a list, or a list that is the whole value: each item its own
    # decision; a singular label whose value opens with its own words ("Besluit: Opzet gesprek: 1. …
    # 2. …", example1) is one decision in parts
    plural = f.label.name.lower().endswith(("en", "(en)"))
    whole = not LIST_MARK_RE.match(" ".join(f.parts[0].split())) if f.parts else True
    if (
        listed
        and (plural or not whole)
        and family(f.label.name) in ("besluit", "toezegging")
        and f.label.number is None
    ):
        # each its own row, each its own decision
        for part in listed:
            _emit(_Field(f.label, f.page, f.value_x, [part], [False]), doc, items, context)
        return
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
    name, number = f.label.name, f.label.number
    if (m := INLINE_RE.match(value)) and number is None:
        name, value = m.group(1), m.group(2)  # "Noot:" beside "Besluit: ..." : the value names its label
    if not value:
        return
    header = HEADER_FIELDS.get(name.lower())
    before_items = not any(b.kind == HEADING for b in items)  # the list's own header fields
    if header == "committee" and doc.committee is None and before_items:
        doc.committee = value
    elif header == "title" and doc.title is None and before_items:
        doc.title = value
    elif header == "date" and doc.date is None and parse_date(value):
        doc.date = parse_date(value)
    elif before_items and doc.date is None and len(value) <= 60 and (when := parse_date(value)):
        # a header row whose value is a date under any label ("Vergaderdatum", "Datum vergadering")
        doc.date = when
        items.append(Block(TABLE_ROW, f"{name}: {value}", page=f.page, label=name))
    elif name.lower() == "agendapunt":
        text = f"{number}. {value}" if number else value
        items.append(Block(HEADING, text, level=2, page=f.page))
    elif number is not None and family(name) not in ("besluit", "toezegging"):
        items.append(Block(HEADING, f"{number}. {value}", level=2, page=f.page))
    else:
        items.append(Block(TABLE_ROW, f"{name}: {value}", page=f.page, label=name))
