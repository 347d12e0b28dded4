"""A motie as plain text: its printed Kamerstuk header read as the structured readers read it (pure).

A motie's PDF or DOCX, written out as text by another tool (one line per printed line, runs of spaces
squeezed to one), opens with the header every Kamerstuk prints: chamber, session year, dossier number
and title, "Nr. N" and the stuk's title, "Voorgesteld <date>". The structured readers find it through
ingest/kamerstuk_header.py; here the same reader gets the text's first lines, each split into the cells
the print sets apart ("21 501-02" | "Raad Algemene Zaken ...", "Nr. 3121" | "MOTIE VAN HET LID CEDER"),
and the body after the header becomes the motie's labelled dictum (motie_body), so a text motie gets the
same Kamerstuk, title, date and indieners as its PDF.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest import kamerstuk_header as kh
from ingest.dictum import ASK_RE, CLOSING_RE, CONSIDERATION_RE, OPENING_RE
from ingest.layout import join_two
from ingest.model import PARAGRAPH, Block

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ingest.layout import BodyLine
    from ingest.loaders import RawDocument

HEADER_LINES = 16  # a Kamerstuk header is printed in its first lines (chamber to "Voorgesteld")
# With one space only, the print's cells are told apart by what opens the line: "Nr. N" or a dossier
# number (as _TWO_COLUMNS_RE of kamerstuk_header reads it), then the title.
ONE_SPACE_RE = re.compile(
    r"^(Nr\.\s*\d{1,5}|\d{1,2}\s?\d{3}(?:\s*-\s*\d{1,3}|\s+[IVXL]{1,6}[AB]?|\s*\(R\d{3,4}\))?)\s+(\S.*)$"
)
# "Tweede Kamer der Staten-Generaal 2": the chamber and the page's small number set beside it
CHAMBER_NUMBER_RE = re.compile(r"^((?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal)\s+(\d{1,2})$", re.I)

# The colophon of a printed Kamerstuk (kamerstuk_header.COLOPHON_RE), where the text tool wrote two of its
# items on one line ("’s-Gravenhage 2025 Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121").
COLOPHON_START_RE = re.compile(
    r"^\s*(?:kst-\d+(?:-[\dA-Z]+)*-\d+\s*$|ISSN\s*\d{4}\s*-\s*\d{3}[\dX]|[’']s-Gravenhage\s+\d{4}\b"
    r"|(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, .*\bnr\. \d+\s*$)",
    re.I,
)


def cells(line: str) -> list[str]:
    """One header line as the cells the print sets apart (tabs or wide gaps first, else by its start)."""
    parts = kh.header_cells(line)
    if len(parts) > 1:
        return parts
    text = " ".join(line.split())
    m = CHAMBER_NUMBER_RE.match(text) or ONE_SPACE_RE.match(text)
    return [m.group(1), m.group(2)] if m else [line]


def motie_document(raw: RawDocument, lines: tuple[BodyLine, ...]) -> RawDocument | None:
    """The text's motie as a structured document (header fields, labelled blocks), or None where the
    text opens with no motie's Kamerstuk header (a letter printed as Kamerstuk stays plain text: its
    metadata reader reads that header)."""
    pairs = [(i, c) for i, ln in enumerate(lines[:HEADER_LINES]) for c in cells(ln.text) if c.strip()]
    header = kh.read_header([c for _, c in pairs])
    if header is None or header.kamerstuk is None or not header.consumed or not header.is_motie:
        return None
    stuk = kh.parse_stuk_title(header.stuk_title or "")
    if stuk is None:
        return None
    # the colophon every printed page carries ("kst-…", "ISSN …", "’s-Gravenhage 2025 …") is no body
    rest = [ln for ln in lines[pairs[header.consumed - 1][0] + 1 :] if not COLOPHON_START_RE.match(ln.text)]
    blocks = [Block(PARAGRAPH, text, page=page) for text, page in dictum_paragraphs(rest, raw.text)]
    body = kh.motie_body(stuk, header.dossiers, blocks)
    return replace(
        raw,
        blocks=body.blocks,
        kamerstuk=header.kamerstuk,
        addressee=header.chamber or raw.addressee,
        kind="Motie",
        title=body.title,
        date=header.date,
        indieners=body.indieners,
        sender=", ".join(m.name for m in body.indieners) or None,
        replaces=body.replaces,
    )


def dictum_paragraphs(lines: Sequence[BodyLine], context: str) -> list[tuple[str, int | None]]:
    """The motie's lines after its header as paragraphs (text, page): one per clause of its dictum.

    Without blank lines, a clause is known by its opening word ("De Kamer,", "gehoord ...",
    "constaterende", "overwegende", "verzoekt", ...) at the start of a line after a line that ended
    the clause before (with ",", ";", ":" or "."); after the closing formula every line is a name."""
    out: list[tuple[str, int | None]] = []
    closed = False
    for ln in lines:
        text = " ".join(ln.text.split())
        if not text:
            continue
        opens = any(r.match(text) for r in (OPENING_RE, CONSIDERATION_RE, ASK_RE)) or text.startswith(
            "en gaat"
        )
        if not out or closed or (opens and out[-1][0].endswith((",", ";", ":", "."))):
            out.append((text, ln.page))
        else:
            out[-1] = (join_two(out[-1][0], text, context), out[-1][1])
        closed = closed or bool(CLOSING_RE.search(out[-1][0]))
    return out
