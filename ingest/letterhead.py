"""The letterhead in extracted text: which lines are the letter's header column, and what fields it holds.

Rijkshuisstijl letters print a right-hand column (ministry, addresses, contact details, Kenmerk,
Bijlage(n)) beside the body, and a header above it (return address, addressee block, Datum, Betreft).
An extraction tool that writes one line per printed line interleaves the column with the body. These
lines are metadata, never body text: they are taken out here (the column; the header above the
salutation in ingest/letterhead_header.py) and handed to ingest/metadata.py as fields. A pure function
over lines; it only recognises what it has evidence for (each rule says which).
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.letterhead_fields import (  # noqa: F401  (re-exported: squeeze, despace, HeaderField)
    DATE_LINE_RE,
    KENMERK_VALUE_RE,
    LABELS,
    MAX_COLUMN_LINE,
    ORG_RE,
    PHONE_RE,
    POSTCODE_RE,
    STREET_RE,
    VALUE_LINES,
    HeaderField,
    despace,
    field_label,
    squeeze,
    strong_line,
)
from ingest.letterhead_header import header_fields


def _value_fits(label: str, line: str) -> bool:
    s = line.strip()
    if len(s) > 40 or field_label(s):
        return False
    if label in ("kenmerk", "uw kenmerk"):
        return bool(KENMERK_VALUE_RE.match(s))
    if label == "bijlagen":
        return len(s) <= 25
    if label == "oin":
        return bool(re.fullmatch(r"[\d\s]{8,}", s))
    if label == "datum":
        return bool(DATE_LINE_RE.match(s))
    if label == "address":
        return bool(STREET_RE.match(s) or strong_line(s) or re.fullmatch(r"[A-Z][\w' -]{2,24}", s))
    if label == "contact":
        return bool(strong_line(s) or re.fullmatch(r"(?:[A-Z]\.\s?)*[A-Z][\w' .-]{1,35}", s))
    return False


def _repeated(lines: list[str], pages: list[int]) -> set[str]:
    """Short lines printed on many pages: the column repeats on every page (evidence: repetition)."""
    n_pages = max(pages) if pages else 1
    seen: dict[str, set[int]] = {}
    count: Counter[str] = Counter()
    for line, page in zip(lines, pages, strict=True):
        s = line.strip()
        if not s or len(s) > MAX_COLUMN_LINE or not re.search(r"\w", s):
            continue
        key = squeeze(s)
        seen.setdefault(key, set()).add(page)
        count[key] += 1
    if n_pages > 1:
        need = max(2, (n_pages * 2 + 4) // 5)  # on at least 40% of the pages, and on two at least
        return {k for k, ps in seen.items() if len(ps) >= need}
    return {k for k, n in count.items() if n >= 3}


def find_letterhead(lines: list[str], pages: list[int]) -> tuple[set[int], tuple[HeaderField, ...]]:
    """Indices of letterhead lines, and the fields they print, in order. `pages`: each line's page."""
    repeated = _repeated(lines, pages)
    marked: set[int] = set()
    fields: list[HeaderField] = []
    i, n = 0, len(lines)
    while i < n:
        run = _column_run(lines, i, repeated)
        if run is None:
            i += 1
            continue
        end, run_fields = run
        marked.update(range(i, end))
        fields.extend(run_fields)
        i = end
    header_marked, header = header_fields(lines, pages, marked)
    marked |= header_marked
    return marked, tuple(header + _merge_org(fields, lines, marked))


def _column_run(lines: list[str], start: int, repeated: set[str]) -> tuple[int, list[HeaderField]] | None:
    """A run of column lines from start: (end, fields), or None when lines[start] starts no run.

    A run counts only with evidence: a field label or an address/phone/web line in it, or two
    repeated lines (the ministry name over two lines on every page)."""
    i = start
    fields: list[HeaderField] = []
    evidence = 0
    n_repeated = 0
    while i < len(lines):
        s = lines[i].strip()
        label = field_label(s)
        if not s:
            break
        if label and label not in ("datum", "betreft"):
            # a label alone on its line: its value is on the next lines of the column
            values, j = [], i + 1
            while j < len(lines) and len(values) < VALUE_LINES.get(label, 1) and _value_fits(label, lines[j]):
                values.append(lines[j].strip())
                j += 1
            fields.append(
                HeaderField(
                    label,
                    despace(" ".join(values))
                    if label in ("kenmerk", "uw kenmerk", "oin")
                    else " ".join(values),
                )
            )
            evidence += 1
            i = j
            continue
        if strong_line(s) or (
            # a street with its number, the postcode and city on the next line: an address
            STREET_RE.match(s) and i + 1 < len(lines) and POSTCODE_RE.match(lines[i + 1].strip())
        ):
            fields.append(HeaderField("address" if not PHONE_RE.match(s) else "contact", s))
            evidence += 1
        elif squeeze(s) in repeated and len(s) <= MAX_COLUMN_LINE:
            n_repeated += 1
            fields.append(HeaderField("organisation", s))
        elif ORG_RE.match(s) and len(s) <= MAX_COLUMN_LINE:
            fields.append(HeaderField("organisation", s))
        elif (
            # the organisation's name goes on: "Ministerie van" / "Infrastructuur en" / "Waterstaat",
            # "Directoraat-generaal Bedrijfsleven" / "& Innovatie"
            fields
            and fields[-1].label == "organisation"
            and len(s) <= 40
            and (not _ends_org(fields[-1].value) or s.startswith("&"))
            and (s[:1].isupper() or s.startswith("&"))
        ):
            fields.append(HeaderField("organisation", s))
        else:
            break
        i += 1
    if i == start or not (evidence or n_repeated >= 2):
        return None
    return i, fields


def _merge_org(fields: list[HeaderField], lines: list[str], marked: set[int]) -> list[HeaderField]:
    """Consecutive organisation lines are one name ("Ministerie van" "Infrastructuur en" "Waterstaat")."""
    out: list[HeaderField] = []
    for f in fields:
        if (
            f.label == "organisation"
            and out
            and out[-1].label == "organisation"
            and (not _ends_org(out[-1].value) or f.value.startswith("&"))
        ):
            out[-1] = HeaderField("organisation", f"{out[-1].value} {f.value}")
        else:
            out.append(f)
    seen: set[tuple[str, str]] = set()
    unique = []
    for f in out:
        key = (f.label, squeeze(f.value))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _ends_org(value: str) -> bool:
    return not value.rstrip().endswith((" van", " en", " voor", " der", "-", "&"))
