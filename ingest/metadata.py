"""Letter metadata from its own header and signature: date, subject, sender, addressee, Kamerstuk, kenmerk."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ingest.identifiers import normalise_kamerstuk
from ingest.letterhead import HeaderField
from ingest.model import Footnote
from ingest.months import MONTHS_NL

MONTHS = {m: i + 1 for i, m in enumerate(MONTHS_NL)}
DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
HEADER_DATE_RE = re.compile(
    r"(?:Den Haag,|\b[Dd]atum:?)\s+(\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+\d{4})", re.I
)
SUBJECT_RE = re.compile(
    r"(?m)^\s*[Bb]etreft\s+(.+?)(?=\n\s*\n\s*\n|\n\s*(?:Geachte|Datum|Kenmerk|Op \d)|\Z)", re.S
)
STUK_TITLE_RE = re.compile(r"Nr\.\s*\d+\s+(.+?)\s+(?:Aan de|Den Haag)", re.S)
# The dossier number, its title, and "Nr. n" with the document's own title on the next line. Text
# tools that squeeze runs of spaces print one space after the number: the "Nr." line is the evidence.
KAMERSTUK_RE = re.compile(r"^\s*(\d{2}\s?\d{3})(?:\s{2,}|[ \t])(\S.*?)\s*\n\s*Nr\.\s*(\d+)\s+(.+?)\s*$", re.M)
ROLE_RE = re.compile(r"^(?:De\s+)?(minister-president|staatssecretaris|minister)\b(.*)$", re.I)
# A signer's name as printed: academic titles first ("drs. V.L.W.A. Heijnen", "mr. dr. A. B. Jansen").
TITLES = r"(?i:(?:drs|dr|mr|ir|ing|prof|ds|bc|msc)\.\s*)*"
NAME_RE = re.compile(rf"^{TITLES}(?:[A-Z]\.(?:\s?[A-Z]\.)*\s*)?[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){{0,4}}$")
CLOSING_RE = re.compile(
    r"^(?:Hoogachtend|Met (?:vriendelijke|hartelijke) groet(?:en)?|Met (?:de meeste )?hoogachting)[,.]?$",
    re.I,
)
FICHE_RE = re.compile(r"^\s*(Fiche\s+\d+\s*:\s*\S.*?)\s*$", re.M)
KENMERK_RE = re.compile(r"(?:Ons kenmerk|Onze referentie|Kenmerk)\s*:?\s+([A-Z0-9][\w/.\-]{3,40})")
# Words of a ministry's name that stay lower case when a role printed in capitals is written out.
LOWER_WORDS = set("van en voor de der het op in".split())
HEADER_CHARS = 1500  # the header of a letter: where its date, subject and Kamerstuk number stand


@dataclass(frozen=True)
class Metadata:
    title: str | None
    date: date | None
    date_not_before: date | None
    sender: str | None
    addressee: str | None
    kamerstuk: str | None
    kenmerk: str | None = None
    kind: str | None = None  # "fiche" where the document says it is one; None: the reader's or "brief"
    notes: tuple[str, ...] = ()  # what the reader is unsure of


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


def _closing_lines(paragraphs: list[str]) -> list[str]:
    """The short paragraphs that close the letter: those after its closing formula ("Hoogachtend,"),
    which an appendix may follow; else the last ones."""
    closing = [i for i, p in enumerate(paragraphs) if CLOSING_RE.match(p.strip())]
    if closing:
        tail = []
        for p in paragraphs[closing[-1] + 1 :]:
            if len(p) > 160 or len(tail) >= 8 or p.startswith(("Bijlage", "Bijlagen")):
                break
            tail.append(p.strip())
        return tail
    tail = []
    for p in reversed(paragraphs):
        if len(p) > 160 or len(tail) >= 8:
            break
        tail.append(p.strip())
    return tail[::-1]


def _uncaps(text: str) -> str:
    """A function printed in capitals, written out: "VAN INFRASTRUCTUUR EN WATERSTAAT" -> "van Infrastructuur
    en Waterstaat" (the ministry's name capitalised, its small words not)."""
    if not text.isupper():
        return text
    return " ".join(w.lower() if w.lower() in LOWER_WORDS else w.capitalize() for w in text.split())


def _signature(paragraphs: list[str]) -> str | None:
    """'Name (role)' for each signer in the closing lines."""
    items: list[tuple[str, str]] = []
    for line in _closing_lines(paragraphs):
        role = ROLE_RE.match(line)
        if role:
            body = (role.group(1).lower() + " " + _uncaps(role.group(2).strip())).strip()
            name = None
            if "," in body.rstrip(","):  # "De staatssecretaris van BZK, E. van Marum"
                head, _, last = body.rpartition(",")
                if NAME_RE.match(last.strip()):
                    body, name = head.strip(), last.strip()
            items.append(("role", body.rstrip(",").strip()))
            if name:
                items.append(("name", name))
        elif items and items[-1][0] == "role" and line.isupper() and len(line) < 80:
            items[-1] = ("role", items[-1][1] + " " + _uncaps(line.rstrip(",")))  # a role over two lines
        elif items and items[-1][0] == "role" and " en " in line and not re.search(r"\b[A-Z]\.", line):
            items[-1] = ("role", items[-1][1] + ", " + line)  # "Digitalisering en Koninkrijksrelaties"
        elif NAME_RE.match(line) and len(line.split()) <= 6:
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


def extract_metadata(
    raw_text: str,
    paragraphs: list[str],
    footnotes: tuple[Footnote, ...],
    letterhead: tuple[HeaderField, ...] = (),
) -> Metadata:
    """Read what the letter prints; a field it does not print is None.

    letterhead: the fields ingest/letterhead.py took out of the body (Datum, Betreft, Kenmerk, the
    addressee block); they come first, the header text after."""
    fields: dict[str, str] = {}
    for f in letterhead:
        if f.value:
            fields.setdefault(f.label, f.value)
    header = raw_text[:HEADER_CHARS]
    flat = " ".join(header.split())
    m = HEADER_DATE_RE.search(flat)
    when = parse_date(fields.get("datum", "")) or (parse_date(m.group(1)) if m else None)
    body = "\n".join(paragraphs)
    not_before = None if when else latest_date(body)
    kst = KAMERSTUK_RE.search(header)
    kamerstuk = normalise_kamerstuk(kst.group(1), kst.group(3)) if kst else None
    title = None
    # a BNC-fiche's first line is "Fiche n: ..."; a page label above it ("1" at the page head) is no
    # text of the letter, so the first body paragraph counts as its first line too
    fiche = FICHE_RE.match(raw_text.lstrip()[:300])
    if fiche is None and paragraphs:
        fiche = FICHE_RE.match(paragraphs[0][:300])
    if kst:
        stuk = STUK_TITLE_RE.search(flat)
        title = f"{kst.group(2).strip()}; {(stuk.group(1) if stuk else kst.group(4)).strip()}"
    elif fields.get("betreft"):
        title = _clean_title(fields["betreft"])
    else:
        sm = SUBJECT_RE.search(header)
        if sm:
            title = _clean_title(" ".join(sm.group(1).split()))
        elif fiche:  # a BNC-fiche: its first line is its title ("Fiche 1: Wijziging verordeningen ...")
            title = fiche.group(1)
    sender = _signature(paragraphs) or (_fiche_ministry(paragraphs) if fiche else None)
    committee = re.search(
        r"\baan\s+De leden van de (vaste commissie voor [\w -]+?)(?:\s+datum|\s{2,}|$)", flat, re.I
    )
    if sender is None and committee:
        # a committee memo with "ambtelijk advies": written by the committee's staff
        sender = f"staf van de {committee.group(1).strip()}"
    km = KENMERK_RE.search(flat)
    kenmerk = fields.get("kenmerk") or (km.group(1) if km else None)
    addressee = _addressee(fields.get("addressee", "") + " " + flat, body, footnotes)
    return Metadata(
        title, when, not_before, sender, addressee, kamerstuk, kenmerk, kind="fiche" if fiche else None
    )


def _clean_title(title: str) -> str | None:
    """A subject without letterhead around it: no date before it ("3 februari 2023 Nationaal Programma"),
    no column field after it."""
    title = re.sub(rf"^\s*\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\s+\d{{4}}\s+", "", title, flags=re.I)
    title = re.split(r"\s+(?:Ons kenmerk|Uw kenmerk|Kenmerk|Bijlage\(n\)|Datum|P\s?agina \d)\b", title)[0]
    return title.strip() or None


def _fiche_ministry(paragraphs: list[str]) -> str | None:
    """A BNC-fiche is signed by no one: its form names the ministry that wrote it."""
    for i, p in enumerate(paragraphs[:-1]):
        if re.match(r"^[a-z]\)\s*Eerstverantwoordelijk ministerie\s*$", p, re.I):
            nxt = paragraphs[i + 1].strip()
            return nxt if len(nxt) < 100 else None
    return None


def _addressee(header: str, body: str, footnotes: tuple[Footnote, ...]) -> str | None:
    m = re.search(r"Voorzitter van de (Tweede|Eerste) Kamer", header, re.I)
    if m:
        return f"{m.group(1).capitalize()} Kamer"
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
