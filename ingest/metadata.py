"""Letter metadata from its own header and signature: date, subject, sender, addressee, Kamerstuk."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ingest.identifiers import normalise_kamerstuk
from ingest.model import Footnote

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november december".split()
    )
}
DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
HEADER_DATE_RE = re.compile(
    r"(?:Den Haag,|\b[Dd]atum)\s+(\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+\d{4})", re.I
)
SUBJECT_RE = re.compile(
    r"(?m)^\s*[Bb]etreft\s+(.+?)(?=\n\s*\n\s*\n|\n\s*(?:Geachte|Datum|Kenmerk|Op \d)|\Z)", re.S
)
STUK_TITLE_RE = re.compile(r"Nr\.\s*\d+\s+(.+?)\s+(?:Aan de|Den Haag)", re.S)
KAMERSTUK_RE = re.compile(r"^\s*(\d{2}\s?\d{3})\s{2,}(\S.*?)\s*\n\s*Nr\.\s*(\d+)\s+(.+?)\s*$", re.M)
ROLE_RE = re.compile(r"^(?:De\s+)?(staatssecretaris|minister)\b(.*)$", re.I)
NAME_RE = re.compile(r"^(?:[A-Z]\.(?:[A-Z]\.)*(?:[A-Z]\.)?\s*)?[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,4}$")
HEADER_CHARS = 1500  # the header of a letter: where its date, subject and Kamerstuk number stand


@dataclass(frozen=True)
class Metadata:
    title: str | None
    date: date | None
    date_not_before: date | None
    sender: str | None
    addressee: str | None
    kamerstuk: str | None


def parse_date(text: str) -> date | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def latest_date(text: str) -> date | None:
    found = [parse_date(m.group(0)) for m in DATE_RE.finditer(text)]
    return max((d for d in found if d), default=None)


def _signature(paragraphs: list[str]) -> str | None:
    """'Name (role)' for each signer in the closing lines."""
    tail: list[str] = []
    for p in reversed(paragraphs):
        if len(p) > 160 or len(tail) >= 8:
            break
        tail.append(p.strip())
    tail.reverse()
    items: list[tuple[str, str]] = []
    for line in tail:
        role = ROLE_RE.match(line)
        if role:
            body = (role.group(1).lower() + role.group(2)).strip()
            name = None
            if "," in body:  # "De staatssecretaris van BZK, E. van Marum"
                head, _, last = body.rpartition(",")
                if NAME_RE.match(last.strip()):
                    body, name = head.strip(), last.strip()
            items.append(("role", body))
            if name:
                items.append(("name", name))
        elif items and items[-1][0] == "role" and " en " in line and not re.search(r"\b[A-Z]\.", line):
            items[-1] = ("role", items[-1][1] + ", " + line)  # "Digitalisering en Koninkrijksrelaties"
        elif NAME_RE.match(line) and len(line.split()) <= 5:
            items.append(("name", line))
    signers = _pair(items)
    return "; ".join(f"{n} ({r})" for n, r in signers) or None


def _pair(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    while i + 1 < len(items):
        a, b = items[i], items[i + 1]
        if a[0] != b[0]:
            name, role = (a[1], b[1]) if a[0] == "name" else (b[1], a[1])
            out.append((name, role))
            i += 2
        else:
            i += 1
    return out


def extract_metadata(raw_text: str, paragraphs: list[str], footnotes: tuple[Footnote, ...]) -> Metadata:
    """Read what the letter prints; a field it does not print is None."""
    header = raw_text[:HEADER_CHARS]
    flat = " ".join(header.split())
    m = HEADER_DATE_RE.search(flat)
    when = parse_date(m.group(1)) if m else None
    body = "\n".join(paragraphs)
    not_before = None if when else latest_date(body)
    kst = KAMERSTUK_RE.search(header)
    kamerstuk = normalise_kamerstuk(kst.group(1), kst.group(3)) if kst else None
    title = None
    if kst:
        stuk = STUK_TITLE_RE.search(flat)
        title = f"{kst.group(2).strip()}; {(stuk.group(1) if stuk else kst.group(4)).strip()}"
    else:
        sm = SUBJECT_RE.search(header)
        if sm:
            title = " ".join(sm.group(1).split())
    sender = _signature(paragraphs)
    committee = re.search(
        r"\baan\s+De leden van de (vaste commissie voor [\w -]+?)(?:\s+datum|\s{2,}|$)", flat, re.I
    )
    if sender is None and committee:
        # a committee memo with "ambtelijk advies": written by the committee's staff
        sender = f"staf van de {committee.group(1).strip()}"
    return Metadata(title, when, not_before, sender, _addressee(flat, body, footnotes), kamerstuk)


def _addressee(header: str, body: str, footnotes: tuple[Footnote, ...]) -> str | None:
    m = re.search(r"Voorzitter van de (Tweede|Eerste) Kamer", header)
    if m:
        return f"{m.group(1)} Kamer"
    # No addressee printed: the chamber follows from the register its commitments are in
    # (TZ numbers are the Tweede Kamer's, T numbers the Eerste Kamer's).
    ids = [i for fn in footnotes for i in fn.toezeggingen] + re.findall(r"\bTZ\d{6}-\d{3}\b|\bT\d{5}\b", body)
    tz = sum(1 for i in ids if i.startswith("TZ"))
    t = len(ids) - tz
    if tz > t:
        return "Tweede Kamer"
    if t > tz:
        return "Eerste Kamer"
    return None
