"""The letterhead in extracted text: which lines are the letter's header column, and what fields it holds.

Rijkshuisstijl letters print a right-hand column (ministry, addresses, contact details, Kenmerk,
Bijlage(n)) beside the body, and a header above it (return address, addressee block, Datum, Betreft).
An extraction tool that writes one line per printed line interleaves the column with the body. These
lines are metadata, never body text: they are taken out here and handed to ingest/metadata.py as fields.
A pure function over lines; it only recognises what it has evidence for (each rule says which).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MONTH_NAMES = "januari februari maart april mei juni juli augustus september oktober november december"
DATE_LINE_RE = re.compile(rf"^\d{{1,2}}\s+(?:{MONTH_NAMES.replace(' ', '|')})\s+\d{{4}}$", re.I)

# Field labels, compared on the line with spaces removed and lower-cased: the letterhead font is
# letter-spaced, and the other tool prints it with stray spaces ("P ostbus", "I E NW/BSK").
LABELS = {
    "kenmerk": "kenmerk",
    "onskenmerk": "kenmerk",
    "onzereferentie": "kenmerk",
    "referentie": "kenmerk",
    "uwkenmerk": "uw kenmerk",
    "uwreferentie": "uw kenmerk",
    "uwbrief": "uw kenmerk",
    "uwbriefvan": "uw kenmerk",
    "bijlage(n)": "bijlagen",
    "bijlagen": "bijlagen",
    "bezoekadres": "address",
    "postadres": "address",
    "retouradres": "address",
    "contactpersoon": "contact",
    "inlichtingen": "contact",
    "behandelddoor": "contact",
    "doorkiesnummer": "contact",
    "telefoon": "contact",
    "e-mail": "contact",
    "email": "contact",
    "overheidsidentificatienr": "oin",
    "overheidsidentificatienummer": "oin",
    "datum": "datum",
    "betreft": "betreft",
}
# How many value lines each label takes at most (the next lines of the column).
VALUE_LINES = {"kenmerk": 2, "uw kenmerk": 2, "bijlagen": 1, "address": 3, "contact": 4, "oin": 1, "datum": 1}
INLINE_RE = re.compile(
    r"^\s*(?:>\s*)?(?P<label>Retouradres|Ons kenmerk|Uw kenmerk|Onze referentie|Kenmerk|Datum|Betreft"
    r"|Bijlage\(n\)|Bijlagen)\s*:?\s+(?P<value>\S.*?)\s*$",
    re.I,
)
# Lines that are letterhead wherever they stand: an address, a phone number, a web address.
POSTBUS_RE = re.compile(r"^\s*P\s?o\s?s\s?t\s?b\s?u\s?s\s+\d[\d\s]{1,8}(?:\s+\d{4}\s?[A-Z]{2}\b.*)?$")
POSTCODE_RE = re.compile(r"^\s*\d(?:\s?\d){3}\s?[A-Z]\s?[A-Z]\s+[A-Z][\w' -]*$")
PHONE_RE = re.compile(r"^\s*[TF]\s+[+(\d][\d\s()+-]{7,}(?:\([\w ]+\))?\s*$")
WEB_RE = re.compile(r"^\s*(?:www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
STREET_RE = re.compile(r"^\s*[A-Z][\w.'-]*(?:\s[\w.'-]+){0,3}\s\d{1,4}(?:\s?[a-zA-Z])?\s*$")
ORG_RE = re.compile(
    r"^\s*(?:Ministerie van|Directoraat-?generaal|Directie|Programmadirectie|Dienst|Rijksdienst|Agentschap"
    r"|Afdeling|Inspectie|Bureau)\b"
)
KENMERK_VALUE_RE = re.compile(r"^(?=.*[\d/])(?!.*\b[a-z]{4,}\b)[\w/.\-() ]{2,40}$")
SALUTATION_RE = re.compile(r"^\s*(?:Geachte|Zeer geachte|Beste)\b")
ADDRESSEE_START_RE = re.compile(
    r"^\s*(?:Aan\s+)?(?:de\s+)?(?:Voorzitter|leden|Minister|Staatssecretaris)\b", re.I
)
MAX_COLUMN_LINE = 60  # column lines are short: the column is about a quarter of the page wide
HEADER_LINES = 40  # the header ends at the salutation, which stands within the first lines of page 1


@dataclass(frozen=True)
class HeaderField:
    """One field of the letterhead as printed: label ("kenmerk", "datum", "addressee") and value."""

    label: str
    value: str


def squeeze(line: str) -> str:
    return re.sub(r"\s+", "", line).lower()


def despace(value: str) -> str:
    """Undo the letter-spacing artefact in a column value: 'I E NW/BSK-2023/33017' -> 'IENW/BSK-2023/33017'.

    A single letter or digit standing alone next to a token of the same kind (letters, digits) was one
    word in print: column values (kenmerken, postcodes) have no one-character words of their own."""
    out: list[str] = []
    prev_single = False
    for tok in value.split():
        single = len(tok) == 1
        if out and (single or prev_single):
            prev = out[-1][-1]
            if (prev.isalpha() and tok[0].isalpha()) or (prev.isdigit() and tok[0].isdigit()):
                out[-1] += tok
                prev_single = single
                continue
        out.append(tok)
        prev_single = single
    return " ".join(out)


def _label(line: str) -> str | None:
    return LABELS.get(squeeze(line).rstrip(":"))


def _strong(line: str) -> bool:
    """Letterhead on its own: an address, a phone number, a web or mail address."""
    s = line.strip()
    return len(s) <= MAX_COLUMN_LINE and bool(
        POSTBUS_RE.match(s) or POSTCODE_RE.match(s) or PHONE_RE.match(s) or WEB_RE.match(s)
    )


def _value_fits(label: str, line: str) -> bool:
    s = line.strip()
    if len(s) > 40 or _label(s):
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
        return bool(STREET_RE.match(s) or _strong(s) or re.fullmatch(r"[A-Z][\w' -]{2,24}", s))
    if label == "contact":
        return bool(_strong(s) or re.fullmatch(r"(?:[A-Z]\.\s?)*[A-Z][\w' .-]{1,35}", s))
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
    header_marked, header_fields = _header(lines, pages, marked)
    marked |= header_marked
    return marked, tuple(header_fields + _merge_org(fields, lines, marked))


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
        label = _label(s)
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
        if _strong(s) or (
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


def _header(lines: list[str], pages: list[int], marked: set[int]) -> tuple[set[int], list[HeaderField]]:
    """The header above the salutation on page 1: return address, addressee block, Datum, Betreft.

    Evidence: a salutation ("Geachte voorzitter,") within the first lines of page 1; everything the
    header prints above it is one of these fields. Without a salutation the header stays body text
    (the metadata reader still finds Datum and Betreft in the raw text)."""
    first = [i for i, p in enumerate(pages) if p == pages[0]] if pages else []
    salutation = next((i for i in first[:HEADER_LINES] if SALUTATION_RE.match(lines[i])), None)
    if salutation is None:
        return set(), []
    out: set[int] = set()
    fields: list[HeaderField] = []
    i = 0
    while i < salutation:
        s = lines[i].strip()
        if i in marked or not s:
            i += 1
            continue
        inline = INLINE_RE.match(s)
        label = _label(s)
        if inline:
            name = LABELS[squeeze(inline.group("label"))]
            value = [inline.group("value")]
            j = i + 1
            if name == "betreft":  # the subject wraps until the salutation or the next field
                while j < salutation and (j in marked or _continues_subject(lines[j])):
                    if j not in marked and lines[j].strip():
                        value.append(lines[j].strip())
                    j += 1
            fields.append(
                HeaderField(name, despace(" ".join(value)) if name == "kenmerk" else " ".join(value))
            )
            out.update(range(i, j))
            i = j
            continue
        if label in ("datum", "betreft"):
            # labels alone on their lines, their values below in the same order ("Datum", "Betreft",
            # "3 februari 2023", "Nationaal Programma ..."): each label takes one line, the subject the rest
            labels, j = [label], i + 1
            while j < salutation and (j in marked or _label(lines[j]) in ("datum", "betreft")):
                if j not in marked:
                    labels.append(_label(lines[j]))
                j += 1
            for k, name in enumerate(labels):
                while j < salutation and j in marked:
                    j += 1
                value = [lines[j].strip()] if j < salutation else []
                j += 1
                last = k == len(labels) - 1
                while (
                    name == "betreft"
                    and last
                    and j < salutation
                    and (j in marked or _continues_subject(lines[j]))
                ):
                    if j not in marked:
                        value.append(lines[j].strip())
                    j += 1
                fields.append(HeaderField(name, " ".join(value)))
            out.update(range(i, min(j, salutation)))
            i = j
            continue
        if ADDRESSEE_START_RE.match(s):
            # the addressee block: name lines down to the postcode and city
            j, block = i, []
            while j < salutation and len(block) < 6 and lines[j].strip() and not INLINE_RE.match(lines[j]):
                block.append(lines[j].strip())
                j += 1
                if POSTCODE_RE.match(block[-1]):
                    break
            names = [b for b in block if not (_strong(b) or STREET_RE.match(b))]
            fields.append(HeaderField("addressee", " ".join(names)))
            out.update(range(i, j))
            i = j
            continue
        i += 1
    return out, fields


def _continues_subject(line: str) -> bool:
    s = line.strip()
    return bool(s) and not (INLINE_RE.match(s) or _label(s) or _strong(s) or SALUTATION_RE.match(s))
