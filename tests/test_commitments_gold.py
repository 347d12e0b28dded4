"""The register on the development letters (000, 001, 003) against their hand gold (eval/register_gold.py).

The rules were written on these letters, so these figures are development figures; the measurement
letters (002, 004) are scored once, by tests/test_register_measurement.py. Where this round's vocabulary
reads a record otherwise than the gold's older reading, the gold notes it as `disputed` (verdicts
"in uitvoering", "uitgesteld", "vertraagd"; a Kamerstuk of a toezegging is what it cites, not its number):
those records are asserted one by one below.
"""

from __future__ import annotations

from functools import cache

import pytest

from eval.register_gold import load_all_letter_gold, score_records
from eval.register_measure import _demo, as_record, read
from ingest.chunking import chunk_letter
from ingest.model import IN_UITVOERING, OPENSTAAND, UITGESTELD, VERTRAAGD


@cache
def development():
    return read(_demo("development"))


def test_development_letters_against_their_gold(capsys: pytest.CaptureFixture[str]):
    letters, mentions = development()
    s = score_records(load_all_letter_gold()["development"], [as_record(m, letters) for m in mentions])
    with capsys.disabled():
        shown = {
            k: round(v, 3) if isinstance(v, float) else v
            for k, v in s.items()
            if k not in ("missed", "unreal")
        }
        print("\nregister, development letters 000 001 003:", shown)
    assert s["recall"] >= 0.95 and s["precision"] >= 0.95 and not s["unreal"]
    assert s["verdict_class"] >= 0.9 and s["source"] >= 0.95 and s["by"] >= 0.95
    assert s["members"] >= 0.95 and s["deadline"] >= 0.95 and s["verdict_sentence"] >= 0.95
    assert s["verdict"] >= 0.85 and s["identifiers"] >= 0.85  # the disputed readings below


def _by(ids: tuple[str, ...] = (), title: str = ""):
    _, mentions = development()
    found = [
        m
        for m in mentions
        if (ids and set(ids) & set(m.identifiers)) or (title and m.title.startswith(title))
    ]
    assert len(found) == 1, (ids, title)
    return found[0]


@pytest.mark.parametrize(
    ("ids", "title", "verdict", "words"),
    [
        # "De verzending van de brief verschuift naar na het zomerreces."
        (("TZ202411-102",), "", UITGESTELD, "verschuift naar na het zomerreces"),
        # "... is meer tijd nodig gebleken voor de afronding." (the results: "dit najaar")
        ((), "Opzetten van een meldpunt", VERTRAAGD, "meer tijd nodig gebleken"),
        # "In reactie op de motie van het lid Buijsse ... inmiddels zijn verzocht ... op te pakken."
        (("kst-26643-1321",), "", IN_UITVOERING, "inmiddels zijn verzocht"),
        # "Ik zal met mijn collega-bewindspersoon van OCW bekijken of ..."
        (("TZ202501-020",), "", OPENSTAAND, "Ik zal met mijn collega-bewindspersoon"),
    ],
)
def test_running_statuses_and_delays_of_the_development_letters(ids, title, verdict, words):
    m = _by(ids, title)
    assert m.verdict == verdict and words in " ".join(m.verdict_sentence.split())
    assert m.source == "staatssecretaris" and m.by.startswith("staatssecretaris van Binnenlandse Zaken")


def test_a_delay_keeps_the_new_moment_as_its_deadline():
    m = _by(title="Opzetten van een meldpunt")
    assert m.new_deadline.text == "dit najaar" and m.new_deadline.date.isoformat() == "2025-11-30"


def test_a_kamerstuk_a_toezegging_refers_to_is_cited_not_its_number():
    m = _by(
        title="Invoeringstoets wetgeving Landelijke Aanpak"
    )  # "Zoals toegezegd in Kamerbrief 27859 nr. 180"
    assert m.identifiers == () and m.cites == ("kst-27859-180",)
    motie = _by(("kst-26643-1294",))  # a motie is known by its own Kamerstuk
    assert motie.kind == "motie" and motie.identifiers == ("kst-26643-1294",)
    assert motie.title == "Motie Six-Dijkstra"  # not the heading of the motie Buijsse it is named under


def test_every_mention_cites_its_passage():
    letters, mentions = development()
    for letter in letters.values():
        chunks = {c.id: c for c in chunk_letter(letter)}
        for m in (m for m in mentions if m.letter_id == letter.id):
            assert m.chunk_id in chunks
            for v in m.timeline:  # every party's sentence is the letter's own text, in its passage
                if v.sentence:
                    assert v.sentence in letter.text
                    assert v.sentence[:60] in chunks[v.chunk_id or m.chunk_id].text
