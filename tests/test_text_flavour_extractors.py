"""The plain-text reader on the flavours other extractors write of a PDF the test typesets itself.

A made-up letter (tests/text_flavour_docs.varied_html: calls after quotes and punctuation, URLs glued
to their number, a long footnote, numbers that are no calls) is typeset by WeasyPrint and turned
into text by pdftotext (default and -layout: each footnote number alone on its line) and by
pypdfium2 (pages joined by form feeds); each text is read as ``brieven ingest`` reads a .txt.
"""

from __future__ import annotations

import re

import pytest

from eval.flavour_report import extractors, read_text
from eval.reader_gold import probes_in_footnotes, score_links, traps_marked
from ingest.footnotes import call_candidates
from ingest.note_labels import join_call_runs, join_lone_labels
from ingest.pages import RawLine
from tests.text_flavour_docs import varied_html

FLAVOURS = ("pdftotext", "layout", "pdfium")


@pytest.fixture(scope="module")
def typeset():
    pytest.importorskip("weasyprint")
    from weasyprint import HTML

    page, calls, probes, traps = varied_html(10)
    return HTML(string=page).write_pdf(), calls, probes, traps


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_call_finds_its_footnote_in_each_flavour(typeset, flavour):
    found = extractors()
    if flavour not in found:
        pytest.skip(f"{flavour} is not installed")
    pdf, calls, probes, traps = typeset
    text = found[flavour](pdf)
    if flavour != "pdfium":
        # the shape this test is about: footnote numbers alone on their line
        assert sum(1 for ln in text.split("\n") if re.fullmatch(r"\d{1,2}", ln.strip())) >= 10
    letter = read_text(text)
    links = score_links(letter, calls)
    assert (links.correct, links.predicted, links.gold) == (10, 10, 10), links.problems
    assert probes_in_footnotes(letter, probes) == []
    assert traps_marked(letter, traps)[0] == []
    # no page label or running column inside a footnote
    assert not any("Pagina" in fn.text or "Ministerie" in fn.text for fn in letter.footnotes)


def _lines(*pages: list[str]) -> list[RawLine]:
    return [RawLine(text, i == 0) for page in pages for i, text in enumerate(page)]


def test_a_lone_number_is_joined_to_its_text_only_where_the_numbering_and_a_call_say_so():
    page = [
        "Bijlage(n)",
        "4",  # a letterhead value: out of sequence, nothing calls it
        "Geachte voorzitter,",
        "Zoals toegezegd in het debat van 12 maart jl.1 Verder gaat het goed.",
        "1",
        "",
        "Kamerstuk 33009, nr. 120.",
        "2",  # the page number: nothing follows it on its page
    ]
    out, notes = join_lone_labels(_lines(page, ["Tweede pagina."]))
    texts = [ln.text for ln in out]
    assert "4" in texts and "Geachte voorzitter," in texts
    assert "1 Kamerstuk 33009, nr. 120." in texts and "1" not in texts
    assert "2" in texts and notes == []


def test_a_number_written_after_its_text_is_joined_and_the_reader_says_so():
    page = [
        "Body text of the page that goes on for a while.",
        "Met deze bijlage geven we invulling aan een motie (CDA).5 De HUF-toets6 volgt.",
        "",
        "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845",
        "6",
        "HUF: handhaafbaarheid, uitvoerbaarheid en fraudebestendigheid",
        "5",
        "",
        "7",
    ]
    first = [
        "Body text with calls: jl.1 verder2 en3 ook4 klaar.",
        *(f"{n} Kamerstuk 3600{n}, nr. 1." for n in range(1, 5)),
    ]
    out, notes = join_lone_labels(_lines(first, page))
    texts = [ln.text for ln in out][len(first) :]
    assert texts[3].startswith("5 https://www.tweedekamer.nl") and texts[4].startswith("6 HUF")
    assert "5" not in texts and texts[-1] == "7"  # the page number stays
    assert notes == ["page 2: footnote 5's number stands after its text; read as its text"]


def test_a_run_of_calls_split_over_lines_is_joined_back():
    lines = _lines(["van het Rathenau Instituut.32", ", ", "33", "Immersieve technologie, zoals"])
    assert [ln.text for ln in join_call_runs(lines)] == [
        "van het Rathenau Instituut.32,33",
        "Immersieve technologie, zoals",
    ]


def test_a_number_set_apart_between_words_is_a_candidate_unless_its_words_give_it_a_meaning():
    assert [n for _, n, _ in call_candidates("verschil met een Europese overschrijving 3 is dat")] == [3]
    for text in (
        "Fiche 1: Wijziging",
        "artikel 12 van de wet",
        "over 12 procent van",
        "Postbus 20 in Den Haag",
    ):
        assert [n for _, n, kind in call_candidates(text) if kind == "between"] == [], text


def test_a_running_column_is_stripped_deep_at_a_page_end_but_not_at_its_start():
    from ingest.pages import split_pages

    body = [f"Regel {k} van de tekst van deze pagina, met genoeg woorden erin." for k in range(6)]
    column = ["Ministerie van Economische", "Zaken", "Kenmerk", "EZ/2026/12345678"]
    # pdftotext: the column printed after each page's label, at the page's end
    ends = "\f".join("\n".join([*body, f"Pagina {p} van 4", *column]) for p in range(1, 5))
    kept = [ln.text for ln in split_pages(ends)[0] if not ln.debris]
    assert not any(t in kept for t in column)
    # pypdfium2: the column at each page's start, and page 1's is the letterhead with its Kenmerk field
    starts = "\f".join(
        "\n".join(["Ministerie van", "Infrastructuur", "Waterstaat", *column[2:], *body]) for _ in range(4)
    )
    assert "Kenmerk" in [ln.text for ln in split_pages(starts)[0]]
