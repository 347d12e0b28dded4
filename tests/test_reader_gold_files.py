"""The reader's hand gold is well formed and says what the shared documents print (never asks the parser)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from eval.reader_gold import norm
from eval.splits import part_of
from tests.conftest import SHARED

GOLD = Path(__file__).parent / "gold"
LETTERS = sorted((GOLD / "real").glob("*.json"))
LISTS = sorted((GOLD / "besluitenlijsten").glob("*.json"))
MOTIES = GOLD / "moties_xml_sample.json"
CORPUS = SHARED / "corpus"

needs_corpus = pytest.mark.skipif(not (CORPUS / "real").is_dir(), reason="shared corpus not present")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def flavour_text(rel: str) -> str:
    return norm((CORPUS / rel).read_text(encoding="utf-8"))


@cache
def pdf_text(rel: str) -> str:
    """pdfminer's text of a PDF, normalised (a second reading, independent of the project's reader)."""
    from pdfminer.high_level import extract_text

    return norm(extract_text(str(CORPUS / rel)))


def test_the_gold_covers_every_real_document():
    assert {p.stem for p in LETTERS} == {
        "kamerbrief-2023-02-03-circulaire-economie",
        "bnc-fiche-2022-instant-payments",
        "kamerbrief-2023-05-30-missies-innovatiebeleid",
        "internationale-klimaatstrategie-2022",
    }
    assert [p.stem for p in LISTS] == [f"besluitenlijst_example{i}" for i in (1, 2, 3, 4)]


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_gold_is_well_formed(path):
    gold = load(path)
    name = Path(gold["file"]).name
    assert gold["part"] == part_of("kamerbrieven-pdf", name)
    assert gold["part"] == part_of("kamerbrieven-text", Path(gold["text_flavour"]).name)
    if "page1_file" in gold:
        assert gold["part"] == part_of("kamerbrieven-pdf", Path(gold["page1_file"]).name)
    meta = gold["metadata"]
    assert set(meta) >= {"date", "subject", "sender", "addressee", "kenmerk", "kamerstuk"}
    assert meta["date"] is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", meta["date"])
    assert all(s["surname"] in s["name"] for s in meta["sender"])
    calls = gold["calls"]
    assert [c["number"] for c in calls] == list(range(1, len(calls) + 1))
    for c in calls:
        assert 4 <= len(c["before"].split()) <= 10, c
        assert 1 <= len(c["footnote"].split()) <= 10, c
        assert c["page"] >= 1
    assert 20 <= len(gold["body_probes"]) <= 35
    for probe in gold["body_probes"]:
        assert probe["page"] >= 1 and len(probe["text"].split()) >= 3
        assert not any(norm(probe["text"]) in norm(c["footnote"]) for c in calls)
    assert len(gold["not_calls"]) >= 10


def test_the_klimaatstrategie_has_its_66_footnotes():
    gold = load(GOLD / "real" / "internationale-klimaatstrategie-2022.json")
    assert len(gold["calls"]) == 66
    assert max(c["printed_page"] for c in gold["calls"]) <= 24


@needs_corpus
@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_gold_is_printed_in_the_text_flavour(path):
    """Every call (its words, then its number), footnote start, probe and trap is in the other tool's text."""
    gold = load(path)
    text = flavour_text(gold["text_flavour"])
    # Calls in order; the label of a call already found is cut out, as a "before" leaves it out.
    for c in gold["calls"]:
        before, label = norm(c["before"]), str(c["number"])
        pos = text.find(before + label)
        assert pos >= 0, f"call {c['number']} after {c['before']!r} not in the text flavour"
        text = text[: pos + len(before)] + text[pos + len(before) + len(label) :]
    text = flavour_text(gold["text_flavour"])
    for c in gold["calls"]:
        assert str(c["number"]) + norm(c["footnote"]) in text, f"footnote {c['number']}: {c['footnote']!r}"
    for probe in gold["body_probes"]:
        assert norm(probe["text"]) in text, probe
    for trap in gold["not_calls"]:
        assert norm(trap) in text, trap


@needs_corpus
@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_letter_gold_words_are_in_the_pdf(path):
    """The calls' words, footnote starts and metadata are in pdfminer's own text of the PDF."""
    gold = load(path)
    text = pdf_text(gold["file"])
    digitless = re.sub(r"\d", "", text)
    for c in gold["calls"]:
        assert re.sub(r"\d", "", norm(c["before"])) in digitless, c
        assert norm(c["footnote"]) in text, c
    meta = gold["metadata"]
    for value in (meta["subject"], meta.get("kenmerk"), *(s["name"] for s in meta["sender"])):
        assert value is None or norm(value) in text, value


def _found(value: str, text: str) -> bool:
    """value in text, or split once (a page break put other text between its two parts)."""
    words = value.split()
    return norm(value) in text or any(
        norm(" ".join(words[:i])) in text and norm(" ".join(words[i:])) in text for i in range(1, len(words))
    )


@pytest.mark.parametrize("path", LISTS, ids=[p.stem for p in LISTS])
def test_decision_list_gold_is_well_formed(path):
    gold = load(path)
    assert gold["part"] == part_of("besluitenlijsten-pdf", Path(gold["file"]).name)
    assert gold["committee"].startswith("vaste commissie voor ")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["date"])
    assert gold["items"]
    for item in gold["items"]:
        assert item["agendapunt"]
        labels = [label for label, _ in item["rows"]]
        assert labels[0] == "Agendapunt"
        assert len(item["besluit"]) >= labels.count("Besluit")
    numbers = [int(i["item"]) for i in gold["items"] if i["item"]]
    assert numbers == list(range(1, len(numbers) + 1))
    heads = [norm(i["agendapunt"])[:60] for i in gold["items"]]
    assert len(set(heads)) == len(heads), "two items the scorer could not tell apart"


@needs_corpus
@pytest.mark.parametrize("path", LISTS, ids=[p.stem for p in LISTS])
def test_decision_list_gold_is_printed_in_the_pdf(path):
    gold = load(path)
    text = pdf_text(gold["file"])
    for item in gold["items"]:
        for label, value in item["rows"]:
            assert _found(value, text), (item["item"], label, value[:60])
    for value in (gold["committee"], gold["document"], gold["date_printed"], gold["griffier"]):
        assert norm(value) in text, value


def test_moties_gold_is_well_formed():
    gold = load(MOTIES)
    moties = gold["moties"]
    assert sum(1 for m in moties if not m.get("chosen")) == 50
    assert len({m["file"] for m in moties}) == len(moties)
    for m in moties:
        assert part_of("moties-op-xml", Path(m["file"]).name) == "measurement"
        assert re.fullmatch(r"kst-\d+(-[0-9A-Z]+)?-\d+", m["kamerstuk_id"]), m["kamerstuk_id"]
        assert m["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"])
        assert "MOTIE" in m["motie_title"] and m["dossier_titles"] and m["indieners"]
        assert norm(m["first_indiener"]) in norm(m["indieners"][0])
        assert (m["replaces"] is None) == ("TER VERVANGING" not in m["motie_title"])


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


@needs_corpus
def test_moties_gold_is_what_each_file_prints():
    from eval.draw_moties_sample import draw

    gold = load(MOTIES)
    drawn = [(f"real/moties-op-xml/{p.name}", chosen) for p, chosen in draw()]
    assert [(m["file"], m.get("chosen")) for m in gold["moties"]] == drawn
    for m in gold["moties"]:
        root = etree.parse(str(CORPUS / m["file"])).getroot()
        (meta,) = root.findall("metadata/meta")
        assert meta.get("content").endswith(f"/{m['kamerstuk_id']}/metadata.xml")
        stuk = root.find(".//kamerstuk/stuk")
        assert _text(stuk.find("titel")) == m["motie_title"]
        dossiers = root.findall(".//kamerstuk/dossier")
        assert [_text(d.find("titel")) for d in dossiers] == m["dossier_titles"]
        assert " + ".join(_text(d.find("dossiernummer")) for d in dossiers) == m["dossier_form"]
        datum = stuk.find("datumtekst/datum")
        assert (datum.get("isodatum") if datum is not None else None) == m["date"]
        assert [norm(s) for s in m["indieners"]] == [norm(a) for a in _signatures(stuk)]


def _signatures(stuk) -> list[str]:
    """The lines after "(en) gaat over tot de orde van de dag." at the end of the dictum."""
    lines = [_text(al) for al in stuk.iter("al")]
    end = max(i for i, line in enumerate(lines) if re.match(r"(en )?gaat over tot de orde van de dag", line))
    return lines[end + 1 :]
