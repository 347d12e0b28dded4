"""The demo letters with footnote gold, typeset as PDFs (tests/pdf_typeset.py): what each one prints."""

from __future__ import annotations

from ingest.model import Letter
from tests.pdf_typeset import Letterhead, dutch_date

# Per letter: how many of the text version's first paragraphs are its header (printed as the
# letterhead instead), and the letterhead; the values come from the text version's own metadata.
HEADER_PARAGRAPHS = {
    "000_942beb3f78852484.txt": 1,  # "aan De leden ... datum ... betreft ..."
    "001_e995363004b1392d.txt": 0,  # the text starts with the body
    "003_8bc0e4d4bf612069.txt": 2,  # the Kamerstuk header, "Aan de Voorzitter ... Den Haag, ..."
}
CHAMBERS = {
    "Tweede Kamer": [
        "De Voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Postbus 20018",
        "2500 EA  DEN HAAG",
    ],
    "Eerste Kamer": [
        "De Voorzitter van de Eerste Kamer",
        "der Staten-Generaal",
        "Postbus 20017",
        "2500 EA  DEN HAAG",
    ],
}


def letterhead_for(name: str, text_letter: Letter) -> Letterhead:
    """A letterhead that prints what the text version's header says (and nothing it does not)."""
    side = []
    if text_letter.date:
        side.append(("Datum", dutch_date(text_letter.date)))
    if text_letter.title:
        side.append(("Betreft", text_letter.title))
    if name.startswith("000_"):
        # a committee memo of the Eerste Kamer: its own label rows, no side Datum/Betreft
        return Letterhead(
            organisation="Eerste Kamer der Staten-Generaal",
            rows=[
                ("aan", "De leden van de vaste commissie voor Digitalisering"),
                ("datum", dutch_date(text_letter.date)) if text_letter.date else ("datum", ""),
                ("betreft", text_letter.title or ""),
            ],
        )
    if name.startswith("003_"):
        nr = (text_letter.kamerstuk or "").split(" nr. ")
        dossier_title, _, own = (text_letter.title or "").partition("; ")
        return Letterhead(
            side_fields=side,
            kamerstuk=[(nr[0], dossier_title), (f"Nr. {nr[1]}", own)],
            kamerstuk_lines=[
                "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
                f"Den Haag, {dutch_date(text_letter.date)}",
            ],
        )
    return Letterhead(side_fields=side, addressee=CHAMBERS.get(text_letter.addressee or "", []))
