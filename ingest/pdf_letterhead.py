"""A letter's letterhead on its first page, read as metadata: return address, addressee, fields (pure).

Rijkshuisstijl letters print a return address line ("> Retouradres ..."), the addressee block, a
right-hand column set small (ministry, address, Kenmerk, Bijlage(n), contact details) and Word's
label rows ("Datum", "Betreft") above the salutation; a committee memo prints "aan / datum /
betreft" rows. All of it is metadata, none of it body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.metadata import parse_date
from ingest.pdf_page import Line, rows

# Labels of the letterhead, lower case, without the colon; the field each one fills (None: read
# as letterhead and dropped).
LABELS: dict[str, str | None] = {
    "datum": "date",
    "betreft": "title",
    "onderwerp": "title",
    "kenmerk": "kenmerk",
    "ons kenmerk": "kenmerk",
    "onze referentie": "kenmerk",
    "referentie": "kenmerk",
    "uw kenmerk": None,
    "uw referentie": None,
    "uw brief": None,
    "uw brief van": None,
    "bijlage(n)": None,
    "bijlagen": None,
    "aan": "addressee",
    "contactpersoon": None,
    "doorkiesnummer": None,
    "telefoon": None,
    "e-mail": None,
    "kopie aan": None,
}
RETURN_RE = re.compile(r"^>?\s*Retouradres\b", re.I)
_ONE_LINE_RE = re.compile(r"^(Datum|Betreft|Onderwerp|Kenmerk|Ons kenmerk|Onze referentie)\s+(\S.*)$")
_ZONE = 0.6  # the letterhead's label rows stand in the top part of the first page


@dataclass
class Letterhead:
    date: date | None = None
    title: str | None = None
    kenmerk: str | None = None
    addressee: str | None = None  # as printed: "De voorzitter van de Tweede Kamer der Staten-Generaal ..."
    organisation: tuple[
        str, ...
    ] = ()  # the column's first lines: "Ministerie van Infrastructuur en Waterstaat"
    used: set[Line] = field(default_factory=set)

    def take(self, label: str, value: str) -> None:
        value = " ".join(value.split())
        name = LABELS.get(label.lower().rstrip(":").strip())
        if not value or name is None:
            return
        if name == "date" and self.date is None:
            self.date = parse_date(value)
        elif name == "title" and self.title is None:
            self.title = value
        elif name == "kenmerk" and self.kenmerk is None:
            self.kenmerk = value
        elif name == "addressee" and self.addressee is None:
            self.addressee = value


def chamber(addressee: str | None) -> str | None:
    """The chamber a letter is addressed to; a committee or person is left to the text's own rules."""
    if not addressee:
        return None
    m = re.search(r"\b(Tweede|Eerste) Kamer\b", addressee)
    return f"{m.group(1)} Kamer" if m else None


def _is_label(text: str) -> bool:
    return text.lower().rstrip(":").strip() in LABELS


def read_side_column(lines: list[Line], head: Letterhead) -> None:
    """The right-hand column: organisation lines, then label lines each followed by its value."""
    label: str | None = None
    value: list[str] = []
    gap_limit = 1.8 * (lines[0].size * 1.4 if lines else 10)
    prev: Line | None = None
    organisation: list[str] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        text = line.text.strip()
        if _is_label(text):
            if label:
                head.take(label, " ".join(value))
            label, value = text, []
        elif label is not None and (prev is None or line.top - prev.bottom < gap_limit):
            value.append(text)
        elif label is not None:
            head.take(label, " ".join(value))
            label, value = None, []
        elif line.bold and not head.organisation:
            organisation.append(text)
        head.used.add(line)
        prev = line
    if label:
        head.take(label, " ".join(value))
    if organisation:
        head.organisation = (" ".join(organisation),)


def read_label_rows(lines: list[Line], page_height: float, pitch: float, head: Letterhead) -> None:
    """The first page's label rows (Datum, Betreft, aan ...) with the lines above them: the return
    address and the addressee block. Marks what it reads in head.used."""
    page_rows = rows(lines)
    first = next(
        (
            i
            for i, row in enumerate(page_rows[:20])
            if row[0].top < _ZONE * page_height and _label_value(row) is not None
        ),
        None,
    )
    if first is None:
        _return_address_only(page_rows, pitch, head)
        return
    above = [ln for row in page_rows[:first] for ln in row]
    head.used.update(above)
    if head.addressee is None:
        head.addressee = _addressee_block(page_rows[:first], pitch)
    i = first
    while i < len(page_rows):
        found = _label_value(page_rows[i])
        if found is None:
            break
        label, value, value_x = found
        head.used.update(page_rows[i])
        last = page_rows[i][-1]
        i += 1
        while i < len(page_rows) and len(page_rows[i]) == 1 and _label_value(page_rows[i]) is None:
            line = page_rows[i][0]
            # "Betreft" and its value in one line: the value's second line stands indented
            one_line = value_x == page_rows[i - 1][0].x0
            aligned = abs(line.x0 - value_x) <= 3 or (one_line and line.x0 > value_x + 15)
            if not aligned or line.top - last.bottom > 0.9 * pitch:
                break
            value.append(line.text)
            head.used.add(line)
            last = line
            i += 1
        head.take(label, " ".join(value))
        if i < len(page_rows) and page_rows[i][0].top - last.bottom > 2.5 * pitch:
            break  # the letterhead ends where the body begins, after a gap


def _label_value(row: list[Line]) -> tuple[str, list[str], float] | None:
    cell = row[0].text.strip()
    if len(row) >= 2 and _is_label(cell):
        return cell, [c.text for c in row[1:]], row[1].x0
    m = _ONE_LINE_RE.match(cell) if len(row) == 1 else None
    if m and (m.group(1) != "Datum" or parse_date(m.group(2))):
        return m.group(1), [m.group(2)], row[0].x0
    return None


def _addressee_block(page_rows: list[list[Line]], pitch: float) -> str | None:
    """The addressee: the lines after the return address, or the last block above the label rows."""
    lines = [row[0] for row in page_rows]
    start = next((i + 1 for i, ln in enumerate(lines) if RETURN_RE.match(ln.text.strip())), None)
    if start is None:
        block: list[Line] = []
        for line in reversed(lines):
            if block and block[0].top - line.bottom > 1.2 * pitch:
                break
            block.insert(0, line)
        lines = block
    else:
        lines = lines[start:]
    text = " ".join(" ".join(ln.text.split()) for ln in lines[:6])
    return text or None


def _return_address_only(page_rows: list[list[Line]], pitch: float, head: Letterhead) -> None:
    for i, row in enumerate(page_rows[:10]):
        if RETURN_RE.match(row[0].text.strip()):
            head.used.update(row)
            block: list[Line] = []
            for nxt in page_rows[i + 1 :]:
                if len(nxt) != 1 or (block and nxt[0].top - block[-1].bottom > 1.2 * pitch):
                    break
                block.append(nxt[0])
            head.used.update(block)
            head.addressee = head.addressee or " ".join(" ".join(b.text.split()) for b in block) or None
            return
