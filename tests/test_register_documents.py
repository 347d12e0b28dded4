"""Motie documents and committee decision lists register themselves (motie_record.py, decision_list.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from eval.splits import files
from ingest.chunking import chunk_letter
from ingest.commitments import extract_mentions
from ingest.loaders import RawDocument, load_document
from ingest.model import HEADING, INDIENER, INGEDIEND, MOTIE_ITSELF, OPENSTAAND, TABLE_ROW, Block, Letter
from ingest.motie_record import dictum
from ingest.parse import parse_letter
from ingest.register import build_register
from ingest.register_query import open_list

MOTIE_TEXT = """36 800 Vaststelling van de begrotingsstaten

Nr. 73

GEWIJZIGDE MOTIE VAN HET LID DASSEN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 61

Voorgesteld 18 september 2025

De Kamer, gehoord de beraadslaging, constaterende dat de motie-Omtzigt (36 800, nr. 12) vraagt om een plan;

overwegende dat Europese alternatieven bestaan;

verzoekt de regering om over te stappen op Europese digitale alternatieven,

en gaat over tot de orde van de dag.

Dassen
"""


def _motie(text: str = MOTIE_TEXT, **fields) -> Letter:
    base = dict(
        id="kst-36800-73", source="m.txt", format="text", digest="d", text=text, kamerstuk="36800 nr. 73"
    )
    return Letter(**(base | fields))


def test_a_motie_is_one_record_with_its_own_fields_and_status():
    (m,) = extract_mentions(_motie(), [])
    assert (m.kind, m.identifiers, m.verdict, m.source) == (
        "motie",
        ("kst-36800-73",),
        INGEDIEND,
        MOTIE_ITSELF,
    )
    assert m.dictum == "verzoekt de regering om over te stappen op Europese digitale alternatieven,"
    assert [x.name for x in m.members] == ["Dassen"] and m.role == INDIENER
    assert m.date == date(2025, 9, 18) and m.replaces == ("kst-36800-61",)
    # The motie it cites ("de motie-Omtzigt") and its Voorgesteld line are no records of their own.


def test_a_motie_from_the_reader_uses_its_fields():
    from ingest.model import Member

    letter = _motie(
        kind="motie", indieners=(Member("Dassen"), Member("Paternotte")), replaces=("kst-36800-60",)
    )
    (m,) = extract_mentions(letter, [])
    assert [x.name for x in m.members] == ["Dassen", "Paternotte"] and m.replaces == ("kst-36800-60",)


def test_the_dictum_ends_before_the_closing_formula_and_the_names():
    text = "De Kamer,\n\nverzoekt de regering X te doen, en gaat over tot de orde van de dag.\n\nKathmann"
    assert dictum(text) == "verzoekt de regering X te doen,"
    assert dictum("zegt het vertrouwen in het kabinet op,\n\nen gaat over tot de orde van de dag.") == (
        "zegt het vertrouwen in het kabinet op,"
    )


def test_a_letter_reporting_on_a_motie_links_to_it_and_gives_the_status():
    from ingest.model import CommitmentMention, Verdict

    (own,) = extract_mentions(_motie(), [])
    report = CommitmentMention(
        "motie",
        ("kst-36800-73",),
        "Motie Dassen",
        "brief",
        (),
        None,
        verdict=OPENSTAAND,
        verdict_sentence="Ik zal u voor de zomer informeren.",
        letter_date=date(2025, 12, 1),
        source="minister",
        verdicts=(Verdict(OPENSTAAND, "minister", None, "Ik zal u voor de zomer informeren."),),
    )
    letters = {"kst-36800-73": _motie(date=date(2025, 9, 18)), "brief": _letter("brief", date(2025, 12, 1))}
    assert [c.status for c in build_register([own], letters)] == [INGEDIEND]
    assert open_list(build_register([own], letters)) == []  # a motie alone is not open
    (c,) = build_register([report, own], letters)
    assert [m.source for m in c.mentions] == [MOTIE_ITSELF, "minister"]  # the motie itself first
    assert c.status == OPENSTAAND and c.current[0] is report and c.cited_in_corpus == ("kst-36800-73",)
    assert c.title.startswith("36 800") or c.title  # the motie document's own title


def _letter(lid: str, when: date) -> Letter:
    return Letter(id=lid, source=lid, format="text", digest=lid, text="", date=when)


DEV_MOTIES = sorted(files("moties-op-xml", "development"))[:40] if files else []


@pytest.mark.skipif(not DEV_MOTIES or not DEV_MOTIES[0].exists(), reason="shared moties XML not present")
def test_real_development_moties_each_register_exactly_one_record():
    for path in DEV_MOTIES:
        letter = parse_letter(load_document(path))
        mentions = extract_mentions(letter, chunk_letter(letter))
        assert len(mentions) == 1, path.name
        (m,) = mentions
        assert m.kind == "motie" and m.verdict == INGEDIEND and m.identifiers == (letter.kamerstuk_id,), (
            path.name
        )
        assert m.members and all(x.party is None for x in m.members), path.name  # a motie prints no party
        assert m.dictum and "orde van de dag" not in m.dictum, path.name
        assert m.date is not None and m.chunk_id is not None, path.name


# --- decision lists --------------------------------------------------------------------------------------

DECISION_BLOCKS = (
    Block(HEADING, "Brieven van de minister van BZK", 1),
    Block(HEADING, "5. Afschrift brief aan het regionaal College Zeeland over het rapport Staal", 2),
    Block(TABLE_ROW, "Zaak: Brief regering - minister van BZK - 13 maart 2009", label="Zaak"),
    Block(TABLE_ROW, "Besluit: Agenderen voor AO over politiewet op 13 mei 2009.", label="Besluit"),
    Block(
        HEADING,
        "10. De risico’s van buitenlandse financieringen n.a.v. de motie Van Toorenburg (31200 XI, nr. 65)",
        2,
    ),
    Block(TABLE_ROW, "Zaak: Brief regering - minister van BZK - 16 maart 2009", label="Zaak"),
    Block(TABLE_ROW, "Besluit: Reeds geagendeerd voor algemeen overleg.", label="Besluit"),
    Block(TABLE_ROW, "Besluit: Rondetafelgesprek organiseren.", label="Besluit"),
    Block(
        TABLE_ROW,
        "Toezegging: De minister zal de Kamer voor 1 mei 2009 informeren over de aanpak.",
        label="Toezegging",
    ),
)


def _decision_list() -> Letter:
    raw = RawDocument(
        source="besluitenlijst.pdf",
        format="pdf",
        digest="x",
        text="\n\n".join(b.text for b in DECISION_BLOCKS),
        title="Besluitenlijst van de procedurevergadering van donderdag 2 april 2009",
        date=date(2009, 4, 3),
        sender="vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties",
        kind="besluitenlijst",
        blocks=DECISION_BLOCKS,
    )
    return parse_letter(raw)


def test_a_decision_list_gives_each_decision_and_toezegging_with_committee_and_meeting_date():
    letter = _decision_list()
    mentions = extract_mentions(letter, chunk_letter(letter))
    decisions = [m for m in mentions if m.kind == "besluit"]
    assert [m.decision for m in decisions] == [
        "Agenderen voor AO over politiewet op 13 mei 2009.",
        "Reeds geagendeerd voor algemeen overleg.",
        "Rondetafelgesprek organiseren.",
    ]
    assert decisions[0].title == "Afschrift brief aan het regionaal College Zeeland over het rapport Staal"
    assert {m.committee for m in mentions} == {
        "vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties"
    }
    assert {m.date for m in mentions} == {date(2009, 4, 2)}  # the meeting, not the list's date
    # A Kamerstuk printed after a name is what the item cites, never a party.
    assert all(x.party is None for m in mentions for x in m.members)
    assert "kst-31200-XI-65" in decisions[1].cites
    (toezegging,) = [m for m in mentions if m.kind == "toezegging"]
    assert toezegging.verdict == OPENSTAAND and toezegging.new_deadline.date == date(2009, 5, 1)
    assert toezegging.source == "commissie" and all(m.chunk_id for m in mentions)
    register = build_register(mentions, {letter.id: letter})
    assert len([c for c in register if c.kind == "besluit"]) == 3  # decisions of one item stay apart


DEV_LISTS = files("besluitenlijsten-pdf", "development")
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def meeting_iso(document: str) -> str:
    """'Besluitenlijst van de procedurevergadering van donderdag 2 april 2009' -> '2009-04-02'."""
    day, month, year = document.split()[-3:]
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


DEV_OFFICE = files("moties-docx-pdf", "development")


@pytest.mark.skipif(not all(p.exists() for p in DEV_LISTS), reason="shared decision lists not present")
def test_real_development_decision_lists_give_every_besluit():
    import json

    from tests.conftest import ROOT

    for path in DEV_LISTS:
        gold = json.loads((ROOT / "tests" / "gold" / "besluitenlijsten" / f"{path.stem}.json").read_text())
        letter = parse_letter(load_document(path))
        mentions = extract_mentions(letter, chunk_letter(letter))
        rows = [b for i in gold["items"] for b in i["besluit"]] + [
            n for i in gold["items"] for n in i["noot"] if n.startswith("Besluit:")
        ]
        # The toezeggingen and moties its rows name are records too (tests/register_real/gold).
        besluiten = [m for m in mentions if m.kind == "besluit"]
        assert {m.kind for m in mentions} <= {"besluit", "toezegging", "motie"}, path.name
        assert len(besluiten) >= len(rows) - 1, path.name
        assert {m.committee for m in mentions} == {gold["committee"]}, path.name
        assert {m.date.isoformat() for m in mentions} == {meeting_iso(gold["document"])}, path.name
        parties = [x.party for m in mentions for x in m.members if x.party]
        assert not [p for p in parties if re.search(r"\d{3}|nr\.", p)]  # never a Kamerstuk


@pytest.mark.skipif(not all(p.exists() for p in DEV_OFFICE), reason="shared office moties not present")
def test_real_development_office_moties_register_themselves():
    for path in DEV_OFFICE:  # a DOCX and a typeset PDF
        letter = parse_letter(load_document(path))
        (m,) = extract_mentions(letter, chunk_letter(letter))
        assert m.kind == "motie" and m.identifiers == (letter.kamerstuk_id,) and m.verdict == INGEDIEND
        assert m.members and m.dictum.startswith("verzoekt de regering") and m.date, path.name
