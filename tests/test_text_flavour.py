"""Text of the other extraction tool's flavour: one line per printed line, no blank lines, the letterhead
column interleaved with the body, footnotes at each page end, "Pagina n van m" (made-up letters)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.layout import analyse
from ingest.letterhead import despace
from ingest.loaders import RawDocument, load_document
from ingest.parse import parse_letter
from ingest.reading_report import reading_report
from tests.conftest import SHARED

TEXT = SHARED / "corpus" / "real" / "kamerbrieven-text"


def parse(text: str, name: str = "brief.txt"):
    return parse_letter(RawDocument(source=name, format="text", digest="x", text=text))


COLUMN = """Ministerie van
Volksgezondheid en
Sport"""
COLUMN_LATER = (
    COLUMN
    + """
Kenmerk
V S/DG-2024/1234"""
)

# A made-up letter as the other tool writes it: the column printed among the body lines, the page
# label after the footnotes, a footnote glued to a URL, a call set apart, the return address first.
DENSE = f"""> Retouradres Postbus 20350 2500 EJ D en Haag
De voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG
Datum 12 maart 2024
Betreft Voortgang van het programma gezonde leefomgeving
en de reactie op het advies van de raad
Geachte voorzitter,
Met deze brief informeer ik u over de voortgang van het programma gezonde leefomgeving,
zoals toegezegd in het commissiedebat van 14 februari jl.1 Ook reageer ik op het advies
van de raad over de aanpak van luchtkwaliteit in steden en dorpen in het hele land,
{COLUMN}
Bezoekadres
Parnassusplein 5
2511 VX Den Haag
T 0 7 0-340 7911
www.rijksoverheid.nl
Kenmerk
V S/DG-2024/1234
Bijlage(n)
2
dat in januari verscheen. In de brief van 3 februari 2023 (Postbus 20901 2500 EX) staat
meer over de doelen voor 2030 en de uitstoot van CO2 door verkeer en industrie in de
regio, die voor een groot deel van de inwoners grote gevolgen heeft.
1 Kamerstuk 32793, nr. 712
P agina 1 van 3
Het programma loopt volgens plan. De gemeenten hebben hun plannen ingediend bij het
ministerie en de eerste projecten zijn gestart in de regio's met de hoogste belasting van
grondstoffen2 en fijnstof.
Resultaten
{COLUMN_LATER}
De eerste resultaten laten zien dat de aanpak werkt. Het aantal dagen met een te hoge
concentratie daalde met een kwart in de deelnemende steden, zo blijkt uit de metingen
van het instituut 3) over het afgelopen jaar.
2 Grondstoffen als bedoeld in de regeling van 2022.
3 Rijksinstituut voor Volksgezondheid en Milieu, Jaarrapport luchtkwaliteit 2023,
hoofdstuk 4.
P agina 2 van 3
{COLUMN_LATER}
Tot slot bied ik u het jaarverslag aan.4
Hoogachtend,
DE MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT,
dr. E.J. de Vries
4https://www.rijksoverheid.nl/documenten/rapporten/2024/03/12/jaarverslag-gezonde-
leefomgeving
P agina 3 van 3"""


def test_footnotes_found_by_place_and_numbering_without_blank_lines():
    letter = parse(DENSE)
    assert [(f.label, f.page) for f in letter.footnotes] == [("1", 1), ("2", 2), ("3", 2), ("4", 3)]
    assert letter.footnotes[2].text == (
        "Rijksinstituut voor Volksgezondheid en Milieu, Jaarrapport luchtkwaliteit 2023, hoofdstuk 4."
    )
    assert letter.footnotes[3].urls[0].startswith("https://www.rijksoverheid.nl/documenten/rapporten/2024")


def test_a_footnote_ends_where_the_body_resumes():
    letter = parse(DENSE)
    fn1 = letter.footnotes[0]
    assert fn1.text == "Kamerstuk 32793, nr. 712"  # not the next page's body
    assert "Het programma loopt volgens plan." in letter.text
    assert "Tot slot bied ik u het jaarverslag aan." in letter.text
    for fn in letter.footnotes:
        assert "programma" not in fn.text


def test_calls_found_and_addresses_years_and_names_are_not_calls():
    letter = parse(DENSE)
    before = [letter.text[m.span[0] - 12 : m.span[0]] for m in letter.markers]
    assert [m.footnote_id for m in letter.markers] == ["fn1", "fn2", "fn3", "fn4"]
    assert before[0].endswith("februari jl.")  # "jl.1"
    assert before[1].endswith("grondstoffen")  # "grondstoffen2"
    assert before[2].endswith("instituut ")  # "instituut 3)": a call set apart from its word
    for m in letter.markers:
        around = letter.text[m.span[0] - 10 : m.span[1] + 5]
        assert "Postbus" not in around and "CO" not in around


def test_letterhead_column_is_metadata_not_body():
    letter = parse(DENSE)
    for debris in (
        "Ministerie van",
        "Bezoekadres",
        "Parnassusplein",
        "Kenmerk",
        "Bijlage(n)",
        "agina",
        "20350",
    ):
        assert debris not in letter.text, debris
    assert letter.text.startswith("Geachte voorzitter,")
    assert "ook reageer ik op het advies van de raad over de aanpak" in letter.text.lower()
    # the sentence cut by the column and the page label reads on
    assert "in het hele land, dat in januari verscheen." in letter.text
    assert letter.date == date(2024, 3, 12)
    assert (
        letter.title
        == "Voortgang van het programma gezonde leefomgeving en de reactie op het advies van de raad"
    )
    assert letter.kenmerk == "VS/DG-2024/1234"
    assert letter.addressee == "Tweede Kamer"
    assert letter.sender == "dr. E.J. de Vries (minister van Volksgezondheid, Welzijn en Sport)"


# A one-page letter with the full column of the house style (made up): the column is not repeated on
# other pages, so its lines are known by their labels and shapes alone.
ONE_PAGE = """> Retouradres Postbus 20401 2500 EK Den Haag
De Voorzitter van de Tweede Kamer
der Staten-Generaal
Prinses Irenestraat 6
2595 BD DEN HAAG
Directoraat-generaal Economie
& Digitalisering
Bezoekadres
Bezuidenhoutseweg 73
2594 AC Den Haag
Postadres
Postbus 20401
2500 EK Den Haag
Overheidsidentificatienr
00000001003214369000
T 070 379 8911 (algemeen)
www.rijksoverheid.nl/ezk
Ons kenmerk
DGED / 24123456
Datum 2 april 2024
Betreft Antwoord op vragen over de digitale economie
Geachte voorzitter,
Hierbij beantwoord ik de vragen die de commissie heeft gesteld over de digitale economie en de
rol van de overheid daarin, mede namens de minister van Financiën.
De minister van Economische Zaken en Klimaat,
M.A.M. Adriaansens
"""


def test_the_full_column_of_a_one_page_letter_is_metadata():
    letter = parse(ONE_PAGE)
    assert letter.text.startswith("Geachte voorzitter,")
    for debris in (
        "Directoraat",
        "Innovatie",
        "Digitalisering",
        "Bezuidenhoutseweg",
        "2594",
        "0000000100",
        "379",
    ):
        assert debris not in letter.text, debris
    assert "www." not in letter.text and "DGED" not in letter.text
    assert letter.kenmerk == "DGED / 24123456"
    assert letter.date == date(2024, 4, 2)
    assert letter.title == "Antwoord op vragen over de digitale economie"
    assert letter.addressee == "Tweede Kamer"
    assert letter.sender == "M.A.M. Adriaansens (minister van Economische Zaken en Klimaat)"


def test_headings_on_their_own_line_in_dense_text():
    letter = parse(DENSE)
    assert [s.heading for s in letter.sections] == ["", "Resultaten"]


def test_bare_page_numbers_end_pages():
    text = (
        "Fiche 3: Verordening over iets\n1. Algemene gegevens\na) Titel voorstel\n"
        "Een voorstel over iets dat de Commissie heeft gedaan in het kader van haar strategie1.\n"
        "Het voorstel heeft gevolgen voor de lidstaten en hun burgers en bedrijven in de Unie.\n"
        "1 Mededeling van de Commissie over de strategie (COM/2020/592 final).\n"
        "1\n"
        "De Commissie stelt voor om de regels te herzien2. Dit raakt ook Nederland op vele\n"
        "terreinen, zoals de financiële sector en de toezichthouders die daarop toezien.\n"
        "2 Verordening (EU) 2016/679\n"
        "2\n"
    )
    letter = parse(text)
    assert [(f.label, f.page) for f in letter.footnotes] == [("1", 1), ("2", 2)]
    assert [m.footnote_id for m in letter.markers] == ["fn1", "fn2"]
    assert letter.title == "Fiche 3: Verordening over iets" and letter.kind == "fiche"
    assert "1. Algemene gegevens" in [s.heading for s in letter.sections]


def test_without_page_boundaries_the_body_resumes_after_a_footnote_and_doubts_are_noted():
    # no page labels, no blank lines: the call above and the numbering are the evidence; the body's
    # sentence going on in lower case ends the footnote
    lines = [
        f"Dit is regel {i} van een lange alinea die over veel onderwerpen gaat en doorloopt"
        for i in range(40)
    ]
    text = "\n".join(
        lines[:20]
        + [
            "zoals de minister eerder schreef in haar brief1 aan de Kamer over de",
            "1 Kamerstuk 36200, nr. 5.",
        ]
        + ["voortgang van het programma in het voorgaande jaar en de plannen daarna."]
        + lines[20:]
    )
    letter = parse(text)
    assert [f.text for f in letter.footnotes] == ["Kamerstuk 36200, nr. 5."]
    assert "over de voortgang van het programma" in letter.text
    assert any("no page boundaries found" in n for n in letter.reader_notes)


def test_a_footnote_too_long_to_be_one_is_noted():
    body = " ".join(["Tekst van een voetnoot die maar doorgaat en doorgaat."] * 25)
    text = "Een zin met een verwijzing1 naar een bron.\n\n1 Zie " + body + "\n"
    letter = parse(text)
    notes = reading_report(letter).notes
    assert any(n.startswith("footnote 1:") and "probably body text" in n for n in notes), notes


def test_despace_undoes_letter_spacing_in_column_values():
    assert despace("I E NW/BSK-2023/33017") == "IENW/BSK-2023/33017"
    assert despace("DGBI / 27408041") == "DGBI / 27408041"


def test_demo_flavour_layout_unchanged_by_the_dense_rules(demo_letters):
    # the demo letters' own flavour: footnotes found after blank lines, pages from pdftotext's gaps
    letter = demo_letters["003_8bc0e4d4bf612069.txt"]
    assert len(letter.footnotes) == 30 and len(letter.page_starts) == 26
    assert analyse("Alleen een regel.\n").letterhead == ()


# The development documents of kamerbrieven-text (eval/splits.json); the measurement documents are
# measured by hand once, never tuned on.
needs_shared = pytest.mark.skipif(not TEXT.is_dir(), reason="shared corpus not present")


@needs_shared
def test_circulaire_economie_text_read_by_its_structure():
    letter = parse_letter(load_document(TEXT / "kamerbrief-2023-02-03-circulaire-economie.txt"))
    reading = reading_report(letter)
    assert reading.footnotes == 6 and reading.calls == reading.calls_linked == 6
    assert reading.footnote_share < 0.08 and reading.longest_footnote < 500
    assert not reading.footnotes_without_call and not reading.calls_without_footnote
    assert letter.date == date(2023, 2, 3)
    assert letter.title.startswith("Nationaal Programma Circulaire Economie 2023-2030")
    assert letter.kenmerk == "IENW/BSK-2023/33017"
    assert letter.addressee == "Tweede Kamer"
    assert letter.sender == "drs. V.L.W.A. Heijnen (staatssecretaris van Infrastructuur en Waterstaat)"
    for debris in ("Postbus", "agina", "Rijnstraat", "Kenmerk", "Waterstaat", "Bijlage(n)"):
        assert debris not in letter.text, debris
    assert letter.footnotes[4].text.startswith("https://www.tweedekamer.nl/kamerstukken/moties")  # "5https"


@needs_shared
def test_bnc_fiche_text_read_by_its_structure():
    letter = parse_letter(load_document(TEXT / "bnc-fiche-2022-instant-payments.txt"))
    reading = reading_report(letter)
    assert reading.footnotes == 11 and reading.calls == reading.calls_linked == 11
    assert reading.footnote_share < 0.08
    assert letter.kind == "fiche" and letter.title.startswith("Fiche 1: Wijziging verordeningen")
    assert letter.sender == "Ministerie van Financiën"


def test_a_missing_page_label_is_bridged_and_noted():
    body = "Een regel tekst die een volle regel van de brief vult en verder niets bijzonders zegt.\n" * 4
    text = (
        f"{body}Pagina 1 van 4\n{body}Pagina 2 van 4\n{body}"  # the label of page 3 is lost
        f"En een verwijzing naar de bron1 in de tekst van de laatste bladzijde.\n{body}"
        "1 Kamerstuk 36200, nr. 7.\nPagina 4 van 4\n"
    )
    letter = parse(text)
    assert [(f.text, f.page) for f in letter.footnotes] == [("Kamerstuk 36200, nr. 7.", 4)]
    assert "no page label for page 3: its footnotes may be read as body text" in letter.reader_notes


def test_a_number_set_apart_is_a_call_only_after_a_common_word_and_without_a_glued_call_after_it():
    body = "Een regel tekst die een volle regel van de brief vult en verder niets bijzonders zegt.\n" * 3
    text = (
        "Volgens Fiche 1, de Strategie 1. en in fase 1. van het plan en de aanpak 1) geldt dat\n"
        f"de bron1 het bevestigt.\n{body}1 Kamerstuk 36200, nr. 7.\nPagina 1 van 2\n{body}Pagina 2 van 2\n"
    )
    letter = parse(text)
    (marker,) = letter.markers
    assert letter.text[marker.span[0] - 4 : marker.span[0]] == "bron"
