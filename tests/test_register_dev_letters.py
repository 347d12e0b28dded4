"""The register on its own development letters (issue 14): tables, inline Kamerstukken, named verdicts.

tests/register_dev/letters holds three letters written from parliamentary practice (not from the
measurement letters 002/004), with hand gold in tests/register_dev/gold. The unit tests below use other
wordings of the same structures, so they check the rule, not the sentence it was written from.
"""

from __future__ import annotations

import pytest

from ingest.commitments import extract_mentions
from ingest.model import AFGEDAAN, IN_UITVOERING, OPENSTAAND, VERTRAAGD
from ingest.verdicts import find_verdict
from tests.register_dev_tools import dev_letter, round_score

FIRST = ("dev01", "dev02", "dev03")
_letter = dev_letter


def test_dev_letters_give_every_record_with_its_verdict_and_source():
    # dev01-03, the letters these rules were first written on (dev04-06: test_register_dev_letters_more).
    score = round_score(FIRST)
    assert score["gold"] == 20
    assert score["recall"] >= 0.95 and score["precision"] >= 0.95, (score["missed"], score["unreal"])
    assert score["verdict_and_source"] >= 0.95


def test_a_table_row_gives_a_toezegging_with_the_status_column_as_verdict():
    letter = _letter(
        "Stand van zaken\n\n"
        "TZ202501-001 | Kaart met laadlocaties | Status: afgerond\n"
        "TZ202502-002\tEvaluatie snelheidsregime\tStatus: loopt\n"
        "TZ202503-003 | Verkenning tolheffing | vertraagd, verwacht voorjaar 2026\n\n"
        "Over TZ202503-003 nog dit: het onderzoeksbureau had meer tijd nodig."
    )
    found = {m.identifiers: m for m in extract_mentions(letter, [])}
    assert set(found) == {("TZ202501-001",), ("TZ202502-002",), ("TZ202503-003",)}
    assert found[("TZ202501-001",)].verdict == AFGEDAAN
    assert found[("TZ202502-002",)].title == "Evaluatie snelheidsregime"
    assert found[("TZ202502-002",)].verdict == IN_UITVOERING
    late = found[("TZ202503-003",)]
    assert (late.verdict, late.source) == (VERTRAAGD, "minister")
    assert late.new_deadline.date.isoformat() == "2026-05-31"


def test_a_motie_named_by_hyphen_and_number_is_settled_by_its_own_sentence():
    letter = _letter(
        "Verkeersveiligheid\n\n"
        "Uw Kamer nam de motie van het lid Bikker (Kamerstuk 29 398, nr. 1101) en de motie van het lid "
        "Minhas (Kamerstuk 29 398, nr. 1102) aan. Hiermee is de motie-Minhas afgerond. "
        "Over de uitwerking ontvangt u in het najaar van 2025 een brief."
    )
    found = {m.identifiers: m for m in extract_mentions(letter, [])}
    assert found[("kst-29398-1102",)].verdict == AFGEDAAN
    # The sentence naming neither is about both: Bikker's is the next step.
    assert found[("kst-29398-1101",)].verdict == OPENSTAAND
    assert found[("kst-29398-1101",)].title == "Verkeersveiligheid"


def test_a_second_promise_in_a_section_is_a_second_toezegging():
    letter = _letter(
        "Spoor\n\n"
        "In het commissiedebat Spoor heb ik het lid Olger van Dijk (NSC) toegezegd de Kamer te "
        "informeren over de dienstregeling. Dat doe ik in deze brief, waarmee deze toezegging is "
        "ingelost.\n\n"
        "Verder heb ik in dat debat toegezegd een gesprek te voeren met ProRail over stations. Dat gesprek "
        "vindt in mei 2025 plaats."
    )
    mentions = extract_mentions(letter, [])
    assert [m.kind for m in mentions] == ["toezegging", "toezegging"]
    first, second = mentions
    assert first.verdict == AFGEDAAN and first.members
    assert not second.members and second.title.startswith("Een gesprek te voeren met ProRail")


def test_a_motie_named_as_the_ground_of_other_work_is_named_in_passing():
    letter = _letter(
        "Overig\n\n"
        "Conform de motie van het lid Vedder over regionale bereikbaarheid bekijk ik de mogelijkheden."
    )
    assert extract_mentions(letter, []) == []


def test_work_under_way_counts_in_a_section_about_one_commitment_but_not_an_adverb_alone():
    def verdict(sentence: str) -> str:
        letter = _letter(
            "Motie van het lid Van der Plas over streekvervoer\n\n"
            "De motie van het lid Van der Plas (Kamerstuk 31 305, nr. 400) verzoekt de regering het "
            f"streekvervoer te behouden. {sentence}"
        )
        (m,) = extract_mentions(letter, [])
        return m.verdict

    assert verdict("Het kabinet verkent twee varianten met de provincies.") == IN_UITVOERING
    assert verdict("Op dit moment rijden er in Drenthe minder bussen.") == "geen oordeel"


def test_a_gewijzigde_motie_heading_names_the_motie_and_its_members():
    letter = _letter(
        "3. Nader gewijzigde motie van de leden Olger van Dijk en Bikker over stiltecoupés\n\n"
        "De motie verzoekt de regering stiltecoupés te behouden. Hiermee is de motie uitgevoerd."
    )
    (m,) = extract_mentions(letter, [])
    assert (m.kind, m.title, m.verdict) == ("motie", "stiltecoupés", AFGEDAAN)
    assert [x.name for x in m.members] == ["Olger van Dijk", "Bikker"]


@pytest.mark.parametrize(
    "sentence, verdict",
    [
        (
            "Dit rapport stuur ik u hierbij, waarmee ik uitvoering geef aan de motie van het lid Vedder.",
            AFGEDAAN,
        ),
        ("Met deze brief heb ik uitvoering gegeven aan de motie-Bikker.", AFGEDAAN),
        ("Ik stuur u het plan, waarmee ik deze toezegging afdoe.", AFGEDAAN),
        ("Het plan ligt er, waarmee ik de motie als uitgevoerd beschouw.", AFGEDAAN),
        ("Daarmee is de toezegging aan het lid Vedder (CDA) nagekomen.", AFGEDAAN),
        ("Ik wil de motie na de zomer afdoen.", None),
        ("Ik kan de toezegging nog niet afdoen.", None),
    ],
)
def test_closings_with_the_verb_last_or_the_commitment_named(sentence: str, verdict: str | None):
    found = find_verdict(sentence)
    assert (found.verdict if found else None) == verdict


def test_a_toezegging_heading_names_the_member_it_was_made_to():
    letter = _letter(
        "Toezegging aan het lid Vedder (CDA) over regionale bereikbaarheid\n\n"
        "Ik heb toegezegd de Kamer te informeren. Het onderzoek loopt nog."
    )
    (m,) = extract_mentions(letter, [])
    assert (m.kind, m.title, m.verdict) == ("toezegging", "regionale bereikbaarheid", IN_UITVOERING)
    assert [(x.name, x.party) for x in m.members] == [("Vedder", "CDA")]


def test_a_status_label_on_its_own_line_gives_the_verdict():
    letter = _letter(
        "Toezegging aan het lid Vedder (CDA) over regionale bereikbaarheid\n\n"
        "Ik heb toegezegd de Kamer te informeren over de bereikbaarheid van de regio.\n\n"
        "Status: vertraagd: meer tijd nodig, verwacht najaar 2025\n\n"
        "Met de regio's overleg ik over de bereikbaarheid."
    )
    (m,) = extract_mentions(letter, [])
    assert (m.verdict, m.source) == (VERTRAAGD, "minister")
    assert m.new_deadline.date.isoformat() == "2025-11-30"


def test_a_gewijzigde_motie_in_running_text_names_the_motie_it_replaces():
    letter = _letter(
        "Spoorveiligheid\n\n"
        "De gewijzigde motie van het lid Bikker (Kamerstuk 29 984, nr. 1210), die de motie op nr. 1190 "
        "vervangt, vraagt om meer overwegbeveiliging. Hiermee is de motie uitgevoerd."
    )
    (m,) = extract_mentions(letter, [])
    assert (m.identifiers, m.replaces, m.verdict) == (("kst-29984-1210",), ("kst-29984-1190",), AFGEDAAN)


def test_a_kamerstuk_printed_without_brackets_is_the_motie_s_identifier():
    letter = _letter(
        "Fietsparkeren\n\n"
        "De motie van het lid De Hoop, Kamerstukken II 2024/25, 36 600 XII, nr. 31, verzoekt de regering "
        "meer fietsenstallingen bij stations te bouwen. Daarmee is de motie uitgevoerd."
    )
    (m,) = extract_mentions(letter, [])
    assert (m.identifiers, m.verdict) == (("kst-36600-XII-31",), AFGEDAAN)


def test_a_promise_reported_in_the_passive_is_a_toezegging():
    letter = _letter(
        "Geluidsschermen\n\n"
        "Tijdens het commissiedebat Wegen van 5 maart 2024 is toegezegd de geluidsnormen langs de A2 te "
        "evalueren. De evaluatie is afgerond; hiermee beschouw ik de toezegging als afgedaan."
    )
    (m,) = extract_mentions(letter, [])
    assert (m.kind, m.verdict, m.title) == ("toezegging", AFGEDAAN, "Geluidsschermen")


def test_a_plural_verdict_settles_every_motie_of_the_section():
    letter = _letter(
        "Laadinfrastructuur\n\n"
        "De motie van het lid Kröger (Kamerstuk 31 305, nr. 410) vraagt om snelladers langs snelwegen. "
        "De motie van het lid Minhas (Kamerstuk 31 305, nr. 411) vraagt om laadpalen bij carpoolplaatsen.\n\n"
        "Beide zijn gerealiseerd in het nieuwe programma. Hiermee zijn beide moties uitgevoerd."
    )
    found = {m.identifiers: m.verdict for m in extract_mentions(letter, [])}
    assert found == {("kst-31305-410",): AFGEDAAN, ("kst-31305-411",): AFGEDAAN}
