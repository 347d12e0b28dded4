"""Real ministry PDFs of the development part (eval/splits.json), read from their layout.

The counts were made by hand from the printed pages: the circulaire-economie letter calls 6
footnotes (its three raised "2"s in "CO2" are subscripts, not calls), the BNC-fiche 11.
"""

from __future__ import annotations

from datetime import date

import pytest

from eval.splits import corpus_root, files
from ingest.chunking import chunk_letter
from ingest.loaders import load_document
from ingest.model import HEADING, TABLE_ROW
from ingest.parse import parse_letter

PDFS = corpus_root("kamerbrieven-pdf")
LISTS = corpus_root("besluitenlijsten-pdf")
MOTIES = corpus_root("moties-docx-pdf")
pytestmark = pytest.mark.skipif(not PDFS.is_dir(), reason="shared real corpus not present")

LETTERHEAD = ("Pagina ", "Retouradres", "Rijnstraat 8", "IENW/BSK-2023/33017", "070-456", "Postbus 20018")


@pytest.fixture(scope="module")
def read():
    cache: dict[str, tuple] = {}

    def get(folder, name):
        if name not in cache:
            raw = load_document(folder / name)
            cache[name] = (raw, parse_letter(raw))
        return cache[name]

    return get


def test_development_files_are_the_ones_read_here():
    names = {p.name for p in files("kamerbrieven-pdf", "development")}
    assert (
        "kamerbrief-2023-02-03-circulaire-economie.pdf" in names
        and "bnc-fiche-2022-instant-payments.pdf" in names
    )
    assert {p.name for p in files("besluitenlijsten-pdf", "development")} == {
        "besluitenlijst_example1.pdf",
        "besluitenlijst_example2.pdf",
    }


def test_circulaire_economie_calls_link_to_their_footnotes(read):
    _, letter = read(PDFS, "kamerbrief-2023-02-03-circulaire-economie.pdf")
    assert len(letter.markers) == 6 and not letter.unresolved_markers
    texts = {m.number: letter.footnote(m.footnote_id).text for m in letter.markers}
    assert texts[1] == "Zie ook de Nationale Grondstoffenstrategie (Kamerstuk 2022Z24775)"
    assert texts[2] == "Ecodesign for Sustainable Products Regulation"
    # a footnote over two lines, and a URL broken over lines, come back whole
    assert texts[4].endswith("doelen voor circulaire economie | Kamerstuk | Rijksoverheid.nl")
    assert texts[5].startswith(
        "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845&did=2022D22249;"
    )
    before = {m.number: letter.text[m.span[0] - 30 : m.span[0]] for m in letter.markers}
    assert before[1].endswith("voor onze grondstoffen") and before[6].endswith("met een HUF-toets")
    assert "CO2-reductie" in letter.text  # subscripts stay text
    # line-end hyphens: kept where Dutch keeps them, a URL broken over lines joined
    assert "aanbevelingen van de SER-verkenning (Kamerstuk 32852 nr. 209)" in letter.text
    assert "circulaire economie-opgave regionaal" in letter.text
    assert letter.reader_notes == ()


def test_circulaire_economie_metadata_from_the_letterhead(read):
    _, letter = read(PDFS, "kamerbrief-2023-02-03-circulaire-economie.pdf")
    assert letter.date == date(2023, 2, 3)
    assert letter.title == (
        "Nationaal Programma Circulaire Economie 2023-2030 (NPCE) incl. kabinetsreactie op ICER en "
        "SER-verkenning"
    )
    assert letter.kenmerk == "IENW/BSK-2023/33017"
    assert letter.addressee == "Tweede Kamer"
    assert letter.sender == "V.L.W.A. Heijnen (staatssecretaris van Infrastructuur en Waterstaat)"
    assert letter.text.startswith("Geachte voorzitter,")


@pytest.mark.parametrize(
    "name",
    ["kamerbrief-2023-02-03-circulaire-economie.pdf", "kamerbrief-2023-02-03-circulaire-economie-page1.pdf"],
)
def test_no_letterhead_or_footer_in_the_body_or_chunks(read, name):
    _, letter = read(PDFS, name)
    chunks = chunk_letter(letter)
    for printed in LETTERHEAD:
        assert printed not in letter.text, printed
        assert not any(printed in c.text for c in chunks), printed
    assert "Ministerie van Infrastructuur en Waterstaat" not in letter.text


def test_first_page_alone_gives_the_same_letterhead(read):
    _, whole = read(PDFS, "kamerbrief-2023-02-03-circulaire-economie.pdf")
    _, page1 = read(PDFS, "kamerbrief-2023-02-03-circulaire-economie-page1.pdf")
    assert (page1.date, page1.title, page1.kenmerk, page1.addressee) == (
        whole.date,
        whole.title,
        whole.kenmerk,
        whole.addressee,
    )
    assert page1.markers == () and page1.sender is None  # its one call and the signature are on later pages


def test_bnc_fiche(read):
    _, letter = read(PDFS, "bnc-fiche-2022-instant-payments.pdf")
    assert [m.number for m in letter.markers] == list(range(1, 12)) and not letter.unresolved_markers
    assert letter.title == "Fiche 1: Wijziging verordeningen betreffende instant payments in euro"
    assert (letter.kind, letter.sender, letter.date) == ("fiche", "Ministerie van Financiën", None)
    fn2 = letter.footnote("fn2").text
    assert fn2.endswith(
        "2017 werd gelanceerd door de European Payments Council (EPC)."
    )  # "2017" is not a label
    assert "2017 werd gelanceerd" not in letter.text
    eur_lex = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX%3A52022PC0546&qid=1669146250363"
    assert eur_lex in letter.text  # a URL broken over two lines
    heads = [s.heading for s in letter.sections]
    assert "2. Essentie voorstel" in heads and "a) Inhoud voorstel" in heads
    assert not any(line.strip().isdigit() for line in letter.text.splitlines())  # page numbers gone


def test_bnc_fiche_first_page(read):
    _, letter = read(PDFS, "bnc-fiche-2022-instant-payments-page1.pdf")
    assert [(m.number, m.footnote_id) for m in letter.markers] == [(1, "fn1")]
    assert letter.footnote("fn1").text.startswith(
        "Communication from the Commission to the European Parliament"
    )


def _section_of(letter, snippet: str):
    pos = letter.text.find(snippet)
    assert pos >= 0, snippet
    return next(s for s in letter.sections if s.span[0] <= pos < s.span[1])


@pytest.mark.parametrize(
    ("name", "items"), [("besluitenlijst_example1.pdf", 36), ("besluitenlijst_example2.pdf", 43)]
)
def test_decision_list_items_in_order_with_their_rows(read, name, items):
    raw, letter = read(LISTS, name)
    numbered = [b.text.split(".")[0] for b in raw.blocks if b.kind == HEADING and b.level == 2]
    assert numbered == [str(n) for n in range(1, items + 1)]
    rows = [b for b in raw.blocks if b.kind == TABLE_ROW]
    assert {"Zaak", "Besluit", "Volgcommissie(s)"} <= {b.label for b in rows}
    assert all(b.text.startswith(f"{b.label}: ") for b in rows)
    # every decision stands under an item of the list
    for b in rows:
        if b.label == "Besluit":
            assert _section_of(letter, b.text).heading[:1].isdigit(), b.text
    assert letter.kind == "besluitenlijst"


def test_decision_list_example1(read):
    _, letter = read(LISTS, "besluitenlijst_example1.pdf")
    assert letter.date == date(2009, 4, 3)
    assert letter.sender == "vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties"
    assert letter.title == "Besluitenlijst van de procedurevergadering van donderdag 2 april 2009"
    assert _section_of(letter, "Besluit: Aanmelden voor plenaire behandeling").heading.startswith(
        "3. Wijziging van de Kieswet"
    )
    # the value beside "Noot:" names its own label: a decision of item 1
    assert _section_of(letter, "Besluit: besluitenlijst vastgesteld").heading.startswith("1. Besluitenlijst")
    # a year on its own line is part of its value, not a page number
    assert "Kalma P. (PvdA) - 17 maart 2009 Tweede nota van wijziging" in letter.text
    assert "Volgcommissie(s): OCW, JUST" in letter.text
    # a decision that opens with its own words over a numbered list is one decision in parts
    assert "Besluit: Opzet gesprek: 1. Algemeen (één uur) 2. Centraal Administratiekantoor" in letter.text


def test_decision_list_example2(read):
    _, letter = read(LISTS, "besluitenlijst_example2.pdf")
    assert (letter.date, letter.sender) == (date(2016, 10, 28), "vaste commissie voor Financiën")
    noot = "Noot: Het wetsvoorstel beoogt goedkeuring van het Verdrag voor Curaçao, Sint Maarten"
    assert _section_of(letter, noot).heading.startswith(
        "3. Wetsvoorstel Goedkeuring Verdrag"
    )  # over a page break
    assert "E.D. Wiebes - 25 oktober 2016 Tweede nota van wijziging - 34552-16" in letter.text


def test_typeset_motie_header(read):
    _, letter = read(MOTIES, "d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf")
    assert letter.kamerstuk == "21501-02 nr. 3121" and letter.kamerstuk_id == "kst-21501-02-3121"
    # one header parser for every format (ingest/kamerstuk_header.py): the motie's own title first,
    # then the dossier's, as the DOCX and XML moties are titled
    assert letter.title == "Motie van het lid Ceder; Raad Algemene Zaken en Raad Buitenlandse Zaken"
    assert letter.date == date(2025, 4, 10)
    assert [m.name for m in letter.indieners] == ["Ceder"] and letter.sender == "Ceder"
    assert (letter.kind, letter.addressee) == ("motie", "Tweede Kamer")
    assert letter.text.startswith("De Kamer,")
    for printed in ("kst-21501-02-3121", "ISSN", "’s-Gravenhage 2025", "Vergaderjaar", "MOTIE VAN HET LID"):
        assert printed not in letter.text
    assert not any("ISSN" in c.text for c in chunk_letter(letter))
