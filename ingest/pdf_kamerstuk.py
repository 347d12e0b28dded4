"""The printed Kamerstuk header of a typeset parliamentary paper (a motie, a letter as Kamerstuk) in a PDF.

"21 501-02 | Raad Algemene Zaken en Raad Buitenlandse Zaken / Nr. 3121 | MOTIE VAN HET LID CEDER /
Voorgesteld 10 april 2025": the layout's rows, cell by cell, go through the one header parser every
reader uses (ingest/kamerstuk_header.read_header), and the motie's title and indieners through its
naming rules; this module only turns Lines into the parser's lines and back (which Lines it read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ingest import kamerstuk_header as kh
from ingest.model import Member
from ingest.pdf_page import Line

KINDS = (("AMENDEMENT", "Amendement"), ("BRIEF", "Brief"))


@dataclass
class KamerstukHeader:
    kamerstuk: str  # "21501-02 nr. 3121"
    title: str  # "Motie van het lid Ceder; Raad Algemene Zaken en Raad Buitenlandse Zaken"
    kind: str | None  # "Motie", "Brief", ...
    date: date | None
    addressee: str | None  # "Tweede Kamer"
    indieners: tuple[Member, ...] = ()
    used: set[Line] = field(default_factory=set)


def _texts(row: list[Line]) -> list[str]:
    return [" ".join(c.text.split()) for c in row]


def read_kamerstuk_header(page_rows: list[list[Line]], body_rows: list[list[Line]]) -> KamerstukHeader | None:
    """The header from the first page's rows (in reading order); the indieners of a motie from the names
    after its closing formula in body_rows. None where no header is printed."""
    lines: list[tuple[int, str]] = []  # (row index, one cell as a header line)
    for i, row in enumerate(page_rows[:40]):
        lines += [(i, part) for cell in _texts(row) for part in kh.header_cells(cell) if part.strip()]
    header = kh.read_header([text for _, text in lines])
    if header is None or header.kamerstuk is None:
        return None
    last_row = lines[header.consumed - 1][0] if header.consumed else -1
    used = {line for row in page_rows[: last_row + 1] for line in row}
    stuk = kh.parse_stuk_title(header.stuk_title) if header.stuk_title else None
    dossier_title = header.dossiers[0].title if header.dossiers else None
    if stuk is not None:
        # the names under the motie, two a row where they stand side by side
        signed = kh.signers(["\t".join(_texts(row)) for row in body_rows])
        members = kh.indieners(stuk, signed)
        title = kh.motie_title(kh.printed_own_title(stuk, members), [d.title for d in header.dossiers])
        kind: str | None = "Motie"
    else:
        members = ()
        printed = header.stuk_title or ""
        own = printed.lower().capitalize() if printed.isupper() else printed
        # a letter printed as Kamerstuk: dossier first, as the text reader titles it
        title = (
            f"{kh.squash(dossier_title)}; {own}" if dossier_title and own else (own or dossier_title or "")
        )
        kind = next((k for word, k in KINDS if printed.upper().startswith(word)), None)
    return KamerstukHeader(
        kamerstuk=header.kamerstuk,
        title=title,
        kind=kind,
        date=header.date,
        addressee=header.addressee or header.chamber,
        indieners=members,
        used=used,
    )
