"""The printed Kamerstuk header of a typeset parliamentary paper (a motie, a letter as Kamerstuk) (pure).

"21 501-02  Raad Algemene Zaken en Raad Buitenlandse Zaken / Nr. 3121  MOTIE VAN HET LID CEDER /
Voorgesteld 10 april 2025": the dossier number beside the dossier title, the number beside the
paper's own title, then its date ("Voorgesteld ...", "Den Haag, ...") and addressee. This is the
PDF reader's counterpart of ingest/kamerstuk_header.py (DOCX and DOC moties, written apart): both
read the same printed header into the same fields and can be unified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.identifiers import normalise_kamerstuk
from ingest.metadata import parse_date
from ingest.model import Member
from ingest.pdf_page import Line

DOSSIER_RE = re.compile(
    r"^(\d{2}\s?\d{3}(?:\s?-\s?\d{1,3}|\s+[IVXLC]{1,5}|\s?\(R\d{3,4}\))*)(?:\s{2,}(\S.*))?$"
)
NR_RE = re.compile(r"^Nr\.\s*(\d{1,5})(?:\s{1,}(\S.*))?$", re.I)
DATE_LINE_RE = re.compile(r"^(?:Voorgesteld|Den Haag,|’s-Gravenhage,|'s-Gravenhage,)\s+(.+)$")
ADDRESSEE_RE = re.compile(r"^Aan de (?:Voorzitter|voorzitter) van de (Tweede|Eerste) Kamer")
CHAMBER_RE = re.compile(r"^(Tweede|Eerste) Kamer der Staten-Generaal$")
KINDS = (("GEWIJZIGDE MOTIE", "Motie"), ("MOTIE", "Motie"), ("AMENDEMENT", "Amendement"), ("BRIEF", "Brief"))
CLOSING_RE = re.compile(r"^en gaat over tot de orde van de dag\.?$", re.I)


@dataclass
class KamerstukHeader:
    kamerstuk: str  # "21501-02 nr. 3121"
    title: str  # "Raad Algemene Zaken en Raad Buitenlandse Zaken; Motie van het lid Ceder"
    kind: str | None  # "Motie", "Brief", ...
    date: date | None
    addressee: str | None  # "Tweede Kamer"
    indieners: tuple[Member, ...] = ()
    used: set[Line] = field(default_factory=set)


def _texts(row: list[Line]) -> list[str]:
    return [" ".join(c.text.split()) for c in row]


def read_kamerstuk_header(page_rows: list[list[Line]], body_rows: list[list[Line]]) -> KamerstukHeader | None:
    """The header from the first page's rows (dossier row, number row, date); the indieners of a
    motie from the names after its closing formula in body_rows. None where no header is printed."""
    dossier = nr = None
    dossier_title: list[str] = []
    own_title: list[str] = []
    when = addressee = chamber = None
    reading: list[str] | None = None
    last = -1  # the header's last row: everything down to it is the printed header
    for i, row in enumerate(page_rows[:40]):
        cells = _texts(row)
        joined = "  ".join(cells)
        m_dossier = DOSSIER_RE.match(joined) if dossier is None else None
        m_nr = NR_RE.match(cells[0]) if dossier is not None and nr is None else None
        if dossier is None and (m_chamber := CHAMBER_RE.match(joined)):
            chamber = m_chamber.group(1) + " Kamer"
        if m_dossier and (len(cells) > 1 or m_dossier.group(2)):
            dossier = m_dossier.group(1)
            dossier_title = [m_dossier.group(2)] if m_dossier.group(2) else cells[1:]
            reading = dossier_title
        elif m_nr:
            nr = m_nr.group(1)
            own_title = [m_nr.group(2)] if m_nr.group(2) else cells[1:]
            reading = own_title
        elif dossier and nr and (d := DATE_LINE_RE.match(joined)):
            when = parse_date(d.group(1))
            last = i
            break
        elif dossier and nr and (m_to := ADDRESSEE_RE.match(joined)):
            addressee = m_to.group(1) + " Kamer"
            reading = None
        elif reading is not None and len(cells) == 1:
            reading.append(cells[0])  # a title runs over lines
        elif dossier is not None:
            break
        last = i
    if dossier is None or nr is None:
        return None
    used = {line for row in page_rows[: last + 1] for line in row}
    if dossier is None or nr is None:
        return None
    kind = next((k for word, k in KINDS if " ".join(own_title).upper().startswith(word)), None)
    indieners = _indieners(body_rows) if kind == "Motie" else ()
    title = _cased(" ".join(own_title), indieners)
    return KamerstukHeader(
        kamerstuk=normalise_kamerstuk(dossier, nr),
        title=f"{' '.join(dossier_title)}; {title}" if dossier_title else title,
        kind=kind,
        date=when,
        addressee=addressee or chamber,
        indieners=indieners,
        used=used,
    )


def _indieners(body_rows: list[list[Line]]) -> tuple[Member, ...]:
    """The names a motie closes with, after "en gaat over tot de orde van de dag." (several a row)."""
    names: list[str] = []
    after = False
    for row in body_rows:
        cells = _texts(row)
        if after:
            names += [c for c in cells if re.fullmatch(r"[A-ZÀ-Ý][\w’'. -]{1,40}", c)]
        elif CLOSING_RE.match(" ".join(cells)):
            after = True
    return tuple(Member(n) for n in names)


def _cased(title: str, indieners: tuple[Member, ...]) -> str:
    """ "MOTIE VAN HET LID CEDER" as a sentence, with the names as the motie prints them."""
    if not title.isupper():
        return title
    text = title.lower().capitalize()
    for member in indieners:
        text = re.sub(re.escape(member.name.lower()), member.name, text)
    return text
