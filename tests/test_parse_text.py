"""The parser on small strings: cleaning, the three footnote styles, traps, metadata, sections, chunks."""

from __future__ import annotations

from datetime import date

from ingest.chunking import approx_tokens, chunk_letter
from ingest.loaders import RawDocument
from ingest.parse import parse_letter
from ingest.settings import Settings


def parse(text: str, name: str = "brief.txt"):
    return parse_letter(RawDocument(source=name, format="text", digest="x", text=text))


PLAIN = """Datum 10 juli 2026
Betreft Verzamelbrief digitalisering

2.2.1 Onderzoeken MitID en vergelijkbare technologieën20
In het debat heeft mijn voorganger toegezegd om MitID te onderzoeken. De uitgifte van
een MitID kan ook bij gemeenteloketten.21 Zoals in december 202314 aangekondigd is
de uitvoe-
ring van de AI-
verordening en de actie-
agenda gestart. De motie Van den Berg (JA21) is in Q4 besproken; het kost €50,11 per stuk
(36.382).22

20 TZ202504-147
21 MitID is een privaat inlogmiddel.
https://example.org/mitid

https://example.org/mitid
https://example.org/mitid
 2.2.2 Volgende onderwerp
Tekst over iets anders dat hier staat en lang genoeg is om een alinea te zijn.
"""


def test_plain_markers_link_to_their_footnotes():
    letter = parse(PLAIN)
    by_label = {m.label: letter.footnote(m.footnote_id) if m.footnote_id else None for m in letter.markers}
    assert by_label["20"].toezeggingen == ("TZ202504-147",)
    assert by_label["21"].text.startswith("MitID is een privaat inlogmiddel.")


def test_year_with_glued_marker():
    letter = parse(
        "Zie de brief13 en de Verzamelbrief van december 202314. In 2024 volgde meer.\n\n"
        "13 TZ202404-209\n14 Kamerstukken II, 2023/2024, 26643, nr. 1112.\n"
    )
    (m13, m14) = letter.markers
    assert (m14.label, letter.text[m14.span[0] - 4 : m14.span[0]]) == ("14", "2023")
    assert letter.footnote(m14.footnote_id).kamerstukken == ("kst-26643-1112",)
    # out of sequence, 202314 stays a number: no marker is taken from it
    assert [m.label for m in parse(PLAIN).markers] == ["20", "21", "22"]


def test_traps_are_not_markers():
    letter = parse(PLAIN)
    labels = [m.label for m in letter.markers]
    assert labels == ["20", "21", "22"]  # not JA21, Q4, 50,11 or 36.382
    assert letter.unresolved_markers[0].label == "22"  # kept and reported, not invented


def test_hyphenation_joins_only_split_words():
    text = parse(PLAIN).text
    assert "uitvoering" in text
    assert "AI-verordening" in text
    assert "actie-agenda" in text


def test_a_suspended_hyphen_at_a_line_end_stays_with_its_space():
    from ingest.layout import join_two

    assert join_two("de Wet op de inlichtingen-", "en veiligheidsdiensten") == (
        "de Wet op de inlichtingen- en veiligheidsdiensten"
    )
    assert join_two("binnen-", "of buitenland") == "binnen- of buitenland"
    assert join_two("uitvoe-", "ring van de wet") == "uitvoering van de wet"


def test_link_debris_and_footnotes_leave_the_body():
    letter = parse(PLAIN)
    assert "https://example.org/mitid" not in letter.text
    assert "TZ202504-147" not in letter.text
    fn21 = next(f for f in letter.footnotes if f.number == 21)
    assert fn21.urls == ("https://example.org/mitid",)


def test_sections_follow_numbered_headings():
    letter = parse(PLAIN)
    headings = [s.heading for s in letter.sections if s.heading]
    assert headings == ["2.2.1 Onderzoeken MitID en vergelijkbare technologieën", "2.2.2 Volgende onderwerp"]
    assert letter.sections[1].kind == "toezegging"  # its footnote cites a TZ number


def test_bracketed_and_superscript_styles():
    text = (
        "Ik heb toegezegd informatie te sturen in de overwegingen.[1], [2]\n\n"
        "[1] Exploitatieonderzoek | Rapport\n[2] TZ202411-104\n\n"
    )
    letter = parse(text)
    assert [(m.label, letter.footnote(m.footnote_id).text) for m in letter.markers] == [
        ("[1]", "Exploitatieonderzoek | Rapport"),
        ("[2]", "TZ202411-104"),
    ]
    sup = parse(
        "Zie de nota¹ en de brief.²\n\n¹ Kamerstukken II 2024/2025, 26 643, nr. 1287\n\n² TZ202501-010\n"
    )
    assert [letter_fn.kamerstukken for letter_fn in sup.footnotes][0] == ("kst-26643-1287",)
    assert [m.label for m in sup.markers] == ["¹", "²"]


def test_bullets_are_normalised():
    letter = parse("Een lijst:\n\uf0b7 eerste punt\n� tweede punt\n• derde punt\n")
    assert letter.text.count("• ") == 3


def test_metadata_date_formats_and_missing_fields():
    assert parse(
        "26643   Informatie\nNr. 1371 Brief van de minister\nDen Haag, 11 juli 2025\n\nTekst."
    ).date == date(2025, 7, 11)
    assert parse("  datum 16 januari 2025\n\nTekst.").date == date(2025, 1, 16)
    letter = parse("Een brief zonder kop die op 3 maart 2024 iets zegt.\n")
    assert (letter.date, letter.title, letter.kamerstuk, letter.sender) == (None, None, None, None)
    assert letter.date_not_before == date(2024, 3, 3)


def test_commitment_headings_and_chunks_stay_in_their_section():
    text = (
        "Moties\n\nMotie Ceder – Toegankelijkheid voor zorg en onderwijs\n\n"
        + ("Het lid Ceder heeft verzocht de verplichting te verwerken. " * 30)
        + "\n\nToezegging - Samenwerking opendesk\n\nTijdens het debat heb ik toegezegd te informeren.\n"
    )
    letter = parse(text)
    kinds = [(s.heading, s.kind) for s in letter.sections]
    assert ("Motie Ceder – Toegankelijkheid voor zorg en onderwijs", "motie") in kinds
    assert ("Toezegging - Samenwerking opendesk", "toezegging") in kinds
    chunks = chunk_letter(letter, Settings(chunk_max_tokens=80), approx_tokens)
    for c in chunks:
        assert letter.text[c.span[0] : c.span[1]] == c.text
        assert approx_tokens(c.text) <= 80
        inside = [s for s in letter.sections if s.span[0] <= c.span[0] and c.span[1] <= s.span[1]]
        assert inside, f"chunk {c.id} spans two sections"
    assert len({c.id for c in chunks}) == len(chunks)
    assert [c.id for c in chunk_letter(letter, Settings(chunk_max_tokens=80), approx_tokens)] == [
        c.id for c in chunks
    ]


def test_structured_footnotes_from_xml_get_their_identifiers_and_markers():
    from ingest.model import Footnote

    raw = RawDocument(
        source="motie.xml",
        format="xml",
        digest="x",
        text="De Kamer,\n\nverzoekt de regering[1] een loket te borgen.\n",
        footnotes=(Footnote("fn1", 1, "1", "xml", "Kamerstukken II 2024/2025, 26 643, nr. 1287"),),
        identifier="kst-26643-1341",
    )
    letter = parse_letter(raw)
    assert letter.id == "kst-26643-1341"
    (m,) = letter.markers
    assert (m.label, m.footnote_id) == ("[1]", "fn1")
    assert letter.footnotes[0].kamerstukken == ("kst-26643-1287",)


def test_heading_footnotes_go_with_every_passage_under_the_heading():
    body = " ".join(["Er is onderzocht hoe MitID werkt en wat Nederland ervan kan leren."] * 12)
    letter = parse(f"2.2.1 Onderzoeken MitID20\n\n{body}\n\n{body}\n\n20 TZ202504-147\n")
    chunks = chunk_letter(letter, Settings(chunk_max_tokens=120), approx_tokens)
    assert len(chunks) >= 2
    assert chunks[0].text.startswith("2.2.1 Onderzoeken MitID20")  # the heading opens a passage
    assert all([f.toezeggingen for f in c.footnotes] == [("TZ202504-147",)] for c in chunks)


def test_sentences_keep_markers_and_skip_abbreviations_and_heading_numbers():
    from ingest.chunking import sentence_spans

    text = (
        "3.2.1 Motie Kathmann Tijdens het debat zei nr. 5 iets. Zie MitID.21 Zij gaan door. "
        "De motie c.s. is klaar."
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "3.2.1 Motie Kathmann Tijdens het debat zei nr. 5 iets.",
        "Zie MitID.21",
        "Zij gaan door.",
        "De motie c.s. is klaar.",
    ]
