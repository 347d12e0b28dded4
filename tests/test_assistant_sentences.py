"""Sentence splitting keeps Dutch abbreviations and glued footnote markers, and spans are verbatim."""

from assistant.sentences import one_line, split_sentences, split_spans
from tests.assistant_fakes import MITID_TEXT


def test_abbreviations_do_not_end_sentences():
    text = (
        "De motie van het lid Zwinkels (CDA) c.s. vraagt om een analyse. Zie o.a. de brief d.d. 3 mei, "
        "nr. 37 van 13 maart jl. over dit onderwerp. Het is klaar."
    )
    assert split_sentences(text) == [
        "De motie van het lid Zwinkels (CDA) c.s. vraagt om een analyse.",
        "Zie o.a. de brief d.d. 3 mei, nr. 37 van 13 maart jl. over dit onderwerp.",
        "Het is klaar.",
    ]


def test_footnote_marker_after_full_stop_stays_with_its_sentence():
    text = (
        "Het kan bij (gemeente)loketten.21 Gebruikers hebben een keuze. "
        "Kamerstukken 36.410 VII is iets anders."
    )
    assert split_sentences(text) == [
        "Het kan bij (gemeente)loketten.21",
        "Gebruikers hebben een keuze.",
        "Kamerstukken 36.410 VII is iets anders.",
    ]


def test_heading_line_and_hard_wrapped_lines():
    sentences = [one_line(s) for s in split_sentences(MITID_TEXT)]
    assert sentences[0] == "2.2.1 Onderzoeken MitID en vergelijkbare technologieën20"
    assert sentences[1].startswith(
        "In het debat over een digitaliserende overheid op 24 april jl. heeft het lid"
    )
    assert "Met onderstaande informatie doe ik deze toezegging af." in sentences


def test_spans_are_exact_and_paragraphs_and_bullets_split():
    text = "Eerste alinea zonder punt\n\n• punt een\n• punt twee\nTweede zin. Derde zin!"
    spans = split_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Eerste alinea zonder punt",
        "• punt een",
        "• punt twee\nTweede zin.",
        "Derde zin!",
    ]
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)
