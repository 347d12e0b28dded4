"""The text flavour's development documents read again with evidence taken away (tests/text_variants.py):
no page labels, no letterhead column, footnotes in two interleaved columns, footnotes continued on the
next page, calls and footnotes lost in extraction. Scored against the development gold
(tests/gold/real, development part only) as eval.reader_gold scores the real documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.reader_gold import probes_in_footnotes, probes_missing_from_body, score_links, traps_marked
from ingest.footnote_blocks import NOTE_BOUND
from ingest.loaders import RawDocument
from ingest.parse import parse_letter
from ingest.reading_report import reading_report
from tests import text_variants as V
from tests.conftest import ROOT, SHARED

TEXT = SHARED / "corpus" / "real" / "kamerbrieven-text"
GOLD = ROOT / "tests" / "gold" / "real"
DEVELOPMENT = ["kamerbrief-2023-02-03-circulaire-economie", "bnc-fiche-2022-instant-payments"]
needs_shared = pytest.mark.skipif(not TEXT.is_dir(), reason="shared corpus not present")

VARIANTS = {
    "no page labels": V.without_labels,
    "no letterhead column": V.without_column,
    "no labels, no column": lambda t: V.render(V.pages(t), labels=False, column=False),
    "two footnote columns": lambda t: V.two_columns(t, flow=False),
    "two columns, no labels": lambda t: V.without_labels(V.two_columns(t, flow=False)),
    "two columns, no labels, no column": lambda t: V.render(
        V.pages(V.two_columns(t, flow=False)), labels=False, column=False
    ),
    "two flowing footnote columns": V.two_columns,
    "two flowing columns, no labels": lambda t: V.without_labels(V.two_columns(t)),
    "footnotes continued": lambda t: V.continued(t)[0],
}


def parse(text: str, name: str = "brief.txt"):
    return parse_letter(RawDocument(source=name, format="text", digest="x", text=text))


def development(name: str) -> tuple[str, dict]:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    assert gold["part"] == "development"
    return (TEXT / f"{name}.txt").read_text(encoding="utf-8"), gold


@needs_shared
@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", DEVELOPMENT)
def test_development_variants_keep_links_body_and_footnote_share(name, variant):
    text, gold = development(name)
    original = reading_report(parse(text, f"{name}.txt")).footnote_share
    letter = parse(VARIANTS[variant](text), f"{name}.txt")
    links = score_links(letter, gold["calls"])
    assert links.precision >= 0.97 and links.recall >= 0.97, "\n".join(links.problems)
    probes = [p["text"] for p in gold["body_probes"]]
    assert probes_in_footnotes(letter, probes) == []
    assert probes_missing_from_body(letter, probes) == []
    assert traps_marked(letter, gold["not_calls"])[0] == []
    share = reading_report(letter).footnote_share
    assert abs(share - original) <= 0.02, (share, original)
    assert max(len(f.text) for f in letter.footnotes) <= NOTE_BOUND


@needs_shared
def test_without_page_evidence_the_reader_says_so_and_never_makes_a_page_long_footnote():
    text, _ = development("kamerbrief-2023-02-03-circulaire-economie")
    letter = parse(V.render(V.pages(text), labels=False, column=False))
    assert any(n.startswith("no page boundaries found") for n in letter.reader_notes)
    assert letter.page_starts == () and all(f.page is None for f in letter.footnotes)
    assert [len(f.text) < 400 for f in letter.footnotes] == [True] * 6


@needs_shared
def test_two_columns_are_read_apart_and_noted():
    text, _ = development("bnc-fiche-2022-instant-payments")
    letter = parse(V.two_columns(text, flow=False))
    fn = {f.number: f.text for f in letter.footnotes}
    assert fn[5] == "Verordening (EU) 2021/1230 betreffende grensoverschrijdende betalingen in de Unie."
    assert fn[2].endswith("door de European Payments Council (EPC).")
    assert "page 2: footnotes read as two columns" in letter.reader_notes


@needs_shared
def test_a_footnote_that_breaks_off_at_a_page_end_is_noted():
    text, _ = development("bnc-fiche-2022-instant-payments")
    varied, moved = V.continued(text)
    assert moved == [1, 6, 10, 11]
    notes = parse(varied).reader_notes
    assert any(n.startswith("footnote 1 (page 1) breaks off ('…European Economic and')") for n in notes), (
        notes
    )


@needs_shared
@pytest.mark.parametrize("labels", [True, False], ids=["page labels", "no page labels"])
def test_a_lost_call_does_not_lose_the_calls_after_it(labels):
    text, gold = development("bnc-fiche-2022-instant-payments")
    varied = text.replace("overschrijving3 ", "overschrijving ", 1).replace("betalingen7 ", "betalingen ", 1)
    letter = parse(varied if labels else V.without_labels(varied))
    links = score_links(letter, [c for c in gold["calls"] if c["number"] not in (3, 7)])
    assert links.precision == 1.0 and links.recall == 1.0, links.problems


@needs_shared
@pytest.mark.parametrize("labels", [True, False], ids=["page labels", "no page labels"])
def test_a_page_whose_footnotes_were_lost_does_not_lose_the_footnotes_after_it(labels):
    text, gold = development("bnc-fiche-2022-instant-payments")
    pages = V.pages(text)
    pages[1].notes = []  # page 2's footnotes 2-6 lost in extraction, their calls too
    varied = V.render(pages, labels=labels)
    for call in ("jagen2.", "overschrijving3 ", "verordening4 ", "gewijzigd5.", "betalingssystemen6."):
        varied = varied.replace(call, re.sub(r"\d", "", call), 1)
    letter = parse(varied)
    assert [f.number for f in letter.footnotes] == [1, 7, 8, 9, 10, 11]
    links = score_links(letter, [c for c in gold["calls"] if c["number"] not in range(2, 7)])
    assert links.precision == 1.0 and links.recall == 1.0, links.problems
    assert "footnotes 2-6: no footnote text found; the numbering goes on at 7" in letter.reader_notes


@needs_shared
def test_a_footnote_on_the_page_after_its_call_is_found():
    text, gold = development("bnc-fiche-2022-instant-payments")
    pages = V.pages(text)
    pages[1].notes[:0], pages[0].notes = pages[0].notes, []  # footnote 1 printed on page 2
    letter = parse(V.render(pages))
    assert (letter.footnotes[0].number, letter.footnotes[0].page) == (1, 2)
    links = score_links(letter, gold["calls"])
    assert links.precision == 1.0 and links.recall == 1.0, links.problems


def test_variant_builders_take_away_only_what_they_say(tmp_path: Path):
    text = (
        "Een regel van de brief die de hele breedte van de bladzijde vult, en nog wat meer woorden.\n"
        "Een tweede regel met een verwijzing naar de bron1 en nog meer tekst tot aan de rand toe.\n"
        "Ministerie van\n"
        "Kenmerk\n"
        "1 Kamerstuk 36200, nr. 5.\n"
        "P agina 1 van 2\n"
        "Nog een regel van de brief.\n"
        "P agina 2 van 2\n"
    )
    assert "agina" not in V.without_labels(text) and "Ministerie" in V.without_labels(text)
    assert "Ministerie" not in V.without_column(text) and "Kenmerk" not in V.without_column(text)
    assert V.render(V.pages(text)) == text
