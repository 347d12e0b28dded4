"""The letterhead's vocabulary: field labels, the shapes of its lines (addresses, phones, dates), HeaderField.

Shared by ingest/letterhead.py (the right-hand column) and ingest/letterhead_header.py (the header
above the salutation). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.months import MONTHS_NL

MONTH_NAMES = " ".join(MONTHS_NL)
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


def field_label(line: str) -> str | None:
    return LABELS.get(squeeze(line).rstrip(":"))


def strong_line(line: str) -> bool:
    """Letterhead on its own: an address, a phone number, a web or mail address."""
    s = line.strip()
    return len(s) <= MAX_COLUMN_LINE and bool(
        POSTBUS_RE.match(s) or POSTCODE_RE.match(s) or PHONE_RE.match(s) or WEB_RE.match(s)
    )
