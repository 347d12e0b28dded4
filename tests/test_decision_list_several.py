"""A decision-list item with several decisions gives one record per decision (issue 14; hand-made item).

The item below is development material written for this test (no real or measurement list): one row with
two 'Besluit:' lines the reader ran together, and one 'Besluit:' with numbered parts 1. 2. 3.
"""

from __future__ import annotations

from datetime import date

from ingest.chunking import chunk_letter
from ingest.commitments import extract_mentions
from ingest.decision_list import split_decisions
from ingest.loaders import RawDocument
from ingest.model import HEADING, TABLE_ROW, Block, Letter
from ingest.parse import parse_letter
from ingest.register import build_register

COMMITTEE = "vaste commissie voor Infrastructuur en Waterstaat"
BLOCKS = (
    Block(HEADING, "3. Brief over de verkeersveiligheid op provinciale wegen", 2),
    Block(TABLE_ROW, "Zaak: Brief regering - minister van IenW - 2 februari 2026", label="Zaak"),
    Block(
        TABLE_ROW,
        "Besluit: Agenderen voor het commissiedebat Verkeersveiligheid.\n"
        "Besluit: De griffier vraagt een technische briefing aan bij de SWOV.",
        label="Besluit",
    ),
    Block(HEADING, "4. Evaluatie van de Wet rijonderricht", 2),
    Block(
        TABLE_ROW,
        "Besluit: De commissie besluit:\n1. de minister te vragen om een reactie voor 1 april 2026;\n"
        "2. de evaluatie te betrekken bij het wetgevingsoverleg;\n3. de CBR-directie uit te nodigen.",
        label="Besluit",
    ),
)


def _list() -> Letter:
    raw = RawDocument(
        source="besluitenlijst-ienw.pdf",
        format="pdf",
        digest="several",
        text="\n\n".join(b.text for b in BLOCKS),
        title="Besluitenlijst van de procedurevergadering van woensdag 11 februari 2026",
        date=date(2026, 2, 12),
        sender=COMMITTEE,
        kind="besluitenlijst",
        blocks=BLOCKS,
    )
    return parse_letter(raw)


def test_each_decision_of_an_item_is_its_own_record_with_committee_and_date():
    letter = _list()
    mentions = extract_mentions(letter, chunk_letter(letter))
    assert [(m.kind, m.decision) for m in mentions] == [
        ("besluit", "Agenderen voor het commissiedebat Verkeersveiligheid."),
        ("besluit", "De griffier vraagt een technische briefing aan bij de SWOV."),
        ("besluit", "de minister te vragen om een reactie voor 1 april 2026"),
        ("besluit", "de evaluatie te betrekken bij het wetgevingsoverleg"),
        ("besluit", "de CBR-directie uit te nodigen."),
    ]
    assert [m.title for m in mentions[:2]] == ["Brief over de verkeersveiligheid op provinciale wegen"] * 2
    assert {m.committee for m in mentions} == {COMMITTEE}
    assert {m.date for m in mentions} == {date(2026, 2, 11)}  # the meeting's, not the list's
    register = build_register(mentions, {letter.id: letter})
    assert len([c for c in register if c.kind == "besluit"]) == 5


def test_numbers_that_are_no_parts_do_not_split_a_decision():
    one = "Agenderen op 13 mei 2026 (Kamerstuk 31 305, nr. 12). Zie punt 2. van de lijst."
    assert split_decisions(one) == [one]
    assert split_decisions("1. Kennisnemen.") == ["1. Kennisnemen."]
