"""The printed Kamerstuk header parser (pure), on header lines of every dossier form and on real text."""

from __future__ import annotations

from datetime import date

import pytest

from ingest import dictum
from ingest.identifiers import kamerstuk_ids, parse_dossier
from ingest.kamerstuk_header import (
    Dossier,
    case_name,
    parse_stuk_title,
    read_header,
    read_kamerstuk,
    signers,
)
from ingest.model import Block, Member
from tests.conftest import SHARED

REAL = SHARED / "corpus" / "real" / "moties-docx-pdf"
PDF_MOTIE = REAL / "d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf"  # development part


@pytest.mark.parametrize(
    ("printed", "parsed"),
    [
        ("36 410 VII", ("36410", "VII")),
        ("36 410-XVI", ("36410", "XVI")),
        ("21 501-20", ("21501", "20")),
        ("21 501-02", ("21501", "02")),
        ("36 027 (R2160)", ("36027", None)),
        ("36 600 A", ("36600", "A")),
        ("26 643", ("26643", None)),
        ("Nr. 3121", None),
        ("Vaststelling van de begrotingsstaten", None),
    ],
)
def test_dossier_forms(printed, parsed):
    assert parse_dossier(printed) == parsed


def test_citations_of_every_dossier_form_are_kst_ids():
    text = "Kamerstukken II 2024/25, 21 501-20, nr. 3121; 36 027 (R2160), nr. 12; 36 600 VII, nr. 62; "
    text += "26 643, nr. 1287"
    assert kamerstuk_ids(text) == ("kst-21501-20-3121", "kst-36027-12", "kst-36600-VII-62", "kst-26643-1287")


def test_header_with_two_dossiers_and_a_wrapped_voorgesteld_line():
    lines = [
        "Tweede Kamer der Staten-Generaal",
        "2",
        "Vergaderjaar 2023-2024",
        "36 410 XVI",
        "Vaststelling van de begrotingsstaten van het Ministerie van",
        "Volksgezondheid, Welzijn en Sport (XVI) voor het jaar 2024",
        "36 410 VI",
        "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI)",
        "Nr. 109",
        "MOTIE VAN DE LEDEN TIELEN EN DOBBE",
        "Voorgesteld tijdens het Wetgevingsoverleg van",
        "29 januari 2024",
        "De Kamer,",
    ]
    header = read_header(lines)
    assert header is not None
    assert header.dossiers == (
        Dossier(
            "36410",
            "XVI",
            "Vaststelling van de begrotingsstaten van het Ministerie van Volksgezondheid, Welzijn en Sport "
            "(XVI) voor het jaar 2024",
        ),
        Dossier(
            "36410",
            "VI",
            "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI)",
        ),
    )
    assert (header.number, header.kamerstuk, header.chamber) == ("109", "36410 XVI nr. 109", "Tweede Kamer")
    assert header.stuk_title == "MOTIE VAN DE LEDEN TIELEN EN DOBBE" and header.is_motie
    assert header.date == date(2024, 1, 29)
    assert lines[header.consumed] == "De Kamer,"


def test_text_without_a_header_is_none():
    letter = [
        "Geachte voorzitter,",
        "Hierbij zend ik u",
        "de brief over",
        "de begroting",
        "36 600",
        "Nr. 3",
        "MOTIE",
    ]
    assert read_header(letter) is None
    assert read_header(["De Kamer,", "gehoord de beraadslaging,"]) is None
    assert read_header(["36 600", "Een dossier zonder stuknummer", "De Kamer,"]) is None


def test_stuk_titles_taken_apart():
    t = parse_stuk_title(
        "GEWIJZIGDE MOTIE VAN HET LID FLACH C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 1334"
    )
    assert (t.prefix, t.names, t.cs, t.replaces_nr) == ("Gewijzigde motie", ("FLACH",), True, "1334")
    t = parse_stuk_title("MOTIE VAN DE LEDEN VAN VROONHOVEN, VAN BAARLE EN DIEDERIK VAN DIJK")
    assert t.names == ("VAN VROONHOVEN", "VAN BAARLE", "DIEDERIK VAN DIJK") and not t.cs
    assert parse_stuk_title("BRIEF VAN DE MINISTER VAN FINANCIËN") is None
    assert [case_name(n) for n in t.names] == ["Van Vroonhoven", "Van Baarle", "Diederik van Dijk"]
    assert case_name("YEŞILGÖZ-ZEGERIUS") == "Yeşilgöz-Zegerius"


def test_signers_stop_at_the_colophon_and_split_columns():
    paragraphs = [
        "en gaat over tot de orde van de dag.",
        "Michon-Derkzen    Wijen-Nass",
        "Eerdmans",
        "kst-29628-1282",
    ]
    assert signers(paragraphs) == ("Michon-Derkzen", "Wijen-Nass", "Eerdmans")
    # the closing formula misprinted ("tot de orde dag"): the trailing name lines still count
    assert signers(["verzoekt de regering …,", "en gaat over tot de orde dag", "Flach"]) == ("Flach",)


def test_asks_of_a_motie_text():
    text = "\n\n".join(
        [
            "Motie van het lid Ceder",
            "De Kamer,",
            "gehoord de beraadslaging,",
            "constaterende dat …;",
            "verzoekt de regering een pilot te doen,",
            "spreekt uit dat de Kamer wil worden geïnformeerd,",
            "en gaat over tot de orde van de dag.\nCeder",
        ]
    )
    assert dictum.asks(text) == (
        "verzoekt de regering een pilot te doen,",
        "spreekt uit dat de Kamer wil worden geïnformeerd,",
    )


@pytest.mark.skipif(not PDF_MOTIE.exists(), reason="../shared/corpus/real/moties-docx-pdf is not present")
def test_header_of_the_typeset_pdf_motie_in_pdfminer_text():
    from pdfminer.high_level import extract_text

    text = extract_text(str(PDF_MOTIE))
    blocks = tuple(Block("paragraph", p.strip()) for p in text.split("\n\n") if p.strip())
    found = read_kamerstuk(blocks)
    assert found is not None and found.kind == "Motie"
    assert found.header.kamerstuk == "21501-02 nr. 3121"
    assert found.header.date == date(2025, 4, 10)
    assert found.title == "Motie van het lid Ceder; Raad Algemene Zaken en Raad Buitenlandse Zaken"
    assert found.indieners == (Member("Ceder"),)
    texts = [b.text for b in found.blocks]
    assert texts[0] == "Motie van het lid Ceder" and texts[1] == "De Kamer,"
    assert texts[-1] == "en gaat over tot de orde van de dag.\nCeder"
    # the colophon and running footer are no body: "kst-21501-02-3121", "ISSN 0921 - 7371", …
    assert not [t for t in texts if "ISSN" in t or "kst-" in t or "vergaderjaar" in t]
    assert [b.label for b in found.blocks if b.label == dictum.ASK] == ["ask"]


def test_header_printed_in_two_columns_on_one_line():
    lines = [
        "TWEEDE KAMER DER STATEN-GENERAAL\t2",
        "Vergaderjaar 2024-2025",
        "36 278\tWijziging van de Wet kwaliteitsregistraties zorg",
        "Nr. 32  MOTIE VAN DE LEDEN RIKKERS-OOSTERKAMP EN TIELEN",
        "Voorgesteld 24 april 2025",
        "De Kamer,",
        "verzoekt de regering een overzicht te geven,",
        "en gaat over tot de orde van de dag.",
        "Rikkers-Oosterkamp\tTielen",
    ]
    found = read_kamerstuk(tuple(Block("paragraph", line) for line in lines))
    assert found is not None
    assert (found.header.kamerstuk, found.header.date) == ("36278 nr. 32", date(2025, 4, 24))
    assert (
        found.title
        == "Motie van de leden Rikkers-Oosterkamp en Tielen; Wijziging van de Wet kwaliteitsregistraties zorg"
    )
    assert found.indieners == (Member("Rikkers-Oosterkamp"), Member("Tielen"))
    assert [b.text for b in found.blocks][1:] == [
        "De Kamer,",
        "verzoekt de regering een overzicht te geven,",
        "en gaat over tot de orde van de dag.\nRikkers-Oosterkamp\nTielen",
    ]
