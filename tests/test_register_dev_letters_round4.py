"""The register on development letters dev11-15 (issue 14): numbered paragraphs, header rows, staff notes.

dev11 (moties as numbered paragraphs without headings), dev12 (a table whose header row names its columns),
dev13 (moties named only by footnote), dev14 (a staff note with the committee's decision after the
ambtelijk voorstel) and dev15 (headings 'Toezegging T0xxxx' over a quoted promise, a new deadline) were
written to styles dev01-10 lack, gold committed before the rules changed (recall 0.67, precision 0.74,
verdict and source 0.64 before). The unit tests use other wordings of the same structures.
"""

from __future__ import annotations

from ingest.commitments import extract_mentions
from ingest.model import AFGEDAAN, COMMITTEE, IN_UITVOERING, NIEUWE_DEADLINE, OPENSTAAND, PROPOSAL, UITGESTELD
from tests.register_dev_tools import dev_letter, round_score

ROUND = ("dev11", "dev12", "dev13", "dev14", "dev15")
_letter = dev_letter


def test_dev11_to_dev15_give_every_record_with_its_verdict_and_source():
    score = round_score(ROUND)
    assert score["gold"] == 21
    assert score["recall"] >= 0.95 and score["precision"] >= 0.95, (score["missed"], score["unreal"])
    assert score["verdict_and_source"] >= 0.95 and score["deadline"] >= 0.95


def test_a_numbered_paragraph_is_not_a_heading():
    letter = _letter(
        "Hierbij de stand van zaken.\n\n"
        "1. Met de motie van het lid Minhas (Kamerstuk 31 305, nr. 600) heeft uw Kamer gevraagd om\n"
        "meer laadpalen bij stations. Het kabinet verkent twee varianten met ProRail.\n\n"
        "2. De motie van het lid Bikker (Kamerstuk 31 305, nr. 601) vraagt om stille treinen. De\n"
        "nieuwe streefdatum is 1 september 2026.\n"
    )
    found = {m.identifiers: m for m in extract_mentions(letter, [])}
    assert set(found) == {("kst-31305-600",), ("kst-31305-601",)}
    assert (found[("kst-31305-600",)].verdict, found[("kst-31305-600",)].title) == (
        IN_UITVOERING,
        "Motie Minhas",
    )
    late = found[("kst-31305-601",)]
    assert (late.verdict, late.new_deadline.date.isoformat()) == (NIEUWE_DEADLINE, "2026-09-01")


def test_a_header_row_names_the_columns_of_a_table():
    letter = _letter(
        "Overzicht\n\nPer toezegging ziet u hieronder de stand van zaken.\n\n"
        "Kenmerk | Onderwerp | Status | Termijn\n"
        "T05301 | Brief over de Afsluitdijk | wordt uitgesteld tot de zomer | medio 2026\n"
        "T05302 | Evaluatie van de tolheffing | afgerond | -\n"
        "T05303 | Verkenning van de spitsmijden | Het kabinet onderzoekt twee opties | eind 2026\n"
    )
    found = {m.identifiers: m for m in extract_mentions(letter, [])}
    assert set(found) == {("T05301",), ("T05302",), ("T05303",)}  # 'Per toezegging' names none
    assert found[("T05301",)].title == "Brief over de Afsluitdijk"
    assert (found[("T05301",)].verdict, found[("T05301",)].new_deadline.date.isoformat()) == (
        UITGESTELD,
        "2026-06-30",
    )
    assert (found[("T05302",)].verdict, found[("T05302",)].new_deadline) == (AFGEDAAN, None)
    assert found[("T05303",)].verdict == IN_UITVOERING


def test_a_committee_decision_outranks_the_proposal_and_conform_adopts_it():
    head = (
        "Notitie\n\naan: de leden van de vaste commissie voor Infrastructuur en Waterstaat\n"
        "datum: 2 juni 2025\nbetreft: Toezeggingen van de minister van Infrastructuur en Waterstaat\n\n"
    )
    body = (
        "1. Toezegging T05401 – Brief over de Lelylijn\nBetrokken lid: Bamenga (D66)\n"
        'Reactie minister: "De brief is verzonden. Hiermee is de toezegging afgedaan."\n'
        "Ambtelijk voorstel: afdoen.\nBesluit van de commissie: openstaand, uiterlijk 1 november 2025.\n\n"
        "2. Toezegging T05402 – Onderzoek naar de Nedersaksenlijn\nBetrokken lid: Grinwis (ChristenUnie)\n"
        'Reactie minister: "Ik kom hierop terug in het najaar."\n'
        "Ambtelijk voorstel: deels voldaan.\nBesluit van de commissie: overeenkomstig het voorstel.\n\n"
        "3. Toezegging T05403 – Overleg met de provincie Groningen\nBetrokken lid: Bikker (ChristenUnie)\n"
        'Reactie minister: "Het overleg is gevoerd. Hiermee is de toezegging afgedaan."\n'
        "Ambtelijk voorstel: afdoen.\n"
    )
    found = {m.identifiers: m for m in extract_mentions(_letter(body, head, ""), [])}
    first = found[("T05401",)]
    assert (first.verdict, first.source, first.new_deadline.date.isoformat()) == (
        OPENSTAAND,
        COMMITTEE,
        "2025-11-01",
    )
    assert first.title == "Brief over de Lelylijn" and first.members[0].name == "Bamenga"
    assert (found[("T05402",)].verdict, found[("T05402",)].source) == ("deels voldaan", COMMITTEE)
    assert (found[("T05403",)].verdict, found[("T05403",)].source) == (AFGEDAAN, PROPOSAL)


def test_a_numbered_toezegging_heading_and_a_motie_heading_of_names():
    letter = _letter(
        "Toezegging TZ202502-044\n\n"
        '"De minister zal de Kamer voor de zomer informeren over de geluidsnormen op Schiphol."\n\n'
        "De informatie treft u bijgaand aan. Daarmee is de toezegging afgedaan.\n\n"
        "Motie Kröger/Van Kent (Kamerstuk 31 936, nr. 1100)\n\n"
        "De motie vraagt om minder nachtvluchten. De motie van het lid Boutkan over de Lelystad Airport "
        "(Kamerstuk 31 936, nr. 1050) valt buiten deze brief; de uitvoering loopt.\n"
    )
    found = {m.identifiers: m for m in extract_mentions(letter, [])}
    assert set(found) == {("TZ202502-044",), ("kst-31936-1100",)}  # Boutkan's is out of scope
    assert found[("TZ202502-044",)].title == "De geluidsnormen op Schiphol"
    assert [m.name for m in found[("kst-31936-1100",)].members] == ["Kröger", "Van Kent"]


def test_a_header_row_table_of_moties_reads_kind_and_indieners_and_skips_unnumbered_rows():
    letter = _letter(
        "Moties\n\n"
        "Kamerstuk | Indieners | Onderwerp | Stand van zaken\n"
        "31 305, nr. 700 | Bikker en Minhas | Stille coupés | afgerond\n"
        "31 305, nr. 701 | De Hoop | Nachttreinen | vertraagd, verwacht eind 2026\n\n"
        "Onderwerp | Status | Planning\n"
        "Vernieuwing van het spoorboekje | loopt | 2026\n"
    )
    found = {m.identifiers: m for m in extract_mentions(letter, [])}
    assert set(found) == {("kst-31305-700",), ("kst-31305-701",)}  # the unnumbered row is no commitment
    first = found[("kst-31305-700",)]
    assert (first.kind, first.title, first.verdict) == ("motie", "Stille coupés", AFGEDAAN)
    assert [m.name for m in first.members] == ["Bikker", "Minhas"]
    assert found[("kst-31305-701",)].new_deadline.date.isoformat() == "2026-12-31"
