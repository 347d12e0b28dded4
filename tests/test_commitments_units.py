"""Unit tests of the register's pieces: dates, members, verdict vocabulary, memo parties, merging."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.commitment_text import find_members
from ingest.committee_memo import memo_mentions
from ingest.dates import find_deadlines, resolve_deadline
from ingest.model import (
    AFGEDAAN,
    COMMITTEE,
    DEELS,
    IN_UITVOERING,
    NO_VERDICT,
    OPENSTAAND,
    PROPOSAL,
    STAATSSECRETARIS,
    UITGESTELD,
    VERTRAAGD,
    CommitmentMention,
    Letter,
    Member,
)
from ingest.register import build_register, filter_register, find_commitments
from ingest.verdicts import DELAY, FUTURE, RUNNING, STATUS, find_signal, find_verdict, party_of

JULY = date(2025, 7, 11)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("voor de zomer", date(2025, 6, 30)),
        ("in het vierde kwartaal van dit jaar", date(2025, 12, 31)),
        ("eind 2026", date(2026, 12, 31)),
        ("1 juli 2025", date(2025, 7, 1)),
        ("uiterlijk eind juni", date(2025, 6, 30)),
        ("dit najaar", date(2025, 11, 30)),
        ("medio 2026", date(2026, 6, 30)),
        ("in Q4 van dit jaar", date(2025, 12, 31)),
        ("in de eerste helft van 2027", date(2027, 6, 30)),
        ("na de zomer van 2025", None),  # open-ended: the text is kept, no date invented
    ],
)
def test_deadlines_resolve_against_the_letter_date(phrase, expected):
    found = resolve_deadline(phrase, JULY)
    assert found is not None and found.date == expected


def test_relative_deadline_without_letter_date_keeps_text_only():
    ((_, d),) = find_deadlines("Dat zal voor de zomer zijn.", None)
    assert (d.text, d.date) == ("voor de zomer", None)


def test_members_with_and_without_party():
    assert [
        m for _, m in find_members("vragen van de leden Van den Berg (VVD) en Talsma (ChristenUnie)")
    ] == [
        Member("Van den Berg", "VVD"),
        Member("Talsma", "ChristenUnie"),
    ]
    assert [m for _, m in find_members("het lid Van Hattem (PVV), toe")] == [Member("Van Hattem", "PVV")]
    assert [m for _, m in find_members("de motie Six Dijkstra en Omtzigt (beide NSC)")] == [
        Member("Six Dijkstra", "NSC"),
        Member("Omtzigt", "NSC"),
    ]
    assert [m for _, m in find_members("lid Kathmann gewezen op MitID")] == [Member("Kathmann", None)]
    assert [m for _, m in find_members("het lid Van der Werf (D66) aan")] == [Member("Van der Werf", "D66")]
    # A Kamerstuk printed after a name is what the motie is, never the member's party.
    assert [m for _, m in find_members("n.a.v. de motie Van Toorenburg-Dijsselbloem (31200 XI, nr. 65)")] == [
        Member("Van Toorenburg-Dijsselbloem", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Hiermee is de toezegging afgedaan.", AFGEDAAN),
        ("Ik beschouw de motie hiermee als afgedaan.", AFGEDAAN),
        ("Met onderstaande informatie doe ik deze toezegging af.", AFGEDAAN),
        ("Hiermee is invulling gegeven aan de motie.", AFGEDAAN),
        ("Op deze manier wordt aan de motie invulling gegeven.", AFGEDAAN),
        ("Daarmee is het deel van de toezegging met betrekking tot het 5-sterrenmodel afgedaan.", DEELS),
        (
            "De commissie kan de toezeggingen als openstaand handhaven, met als nieuwe deadline 1 juli 2025.",
            OPENSTAAND,
        ),
        ("De toezegging aan het lid Verkerk wil ik in samenhang afdoen met de motie.", None),
        ("Hieronder sta ik stil bij de routes waarop invulling wordt gegeven aan deze motie.", None),
        ("Momenteel spreek ik met de ministeries om daar invulling aan te geven.", None),
        ("Hiermee hebben we invulling gegeven aan de motie.", AFGEDAAN),
        ("Met het verschijnen van de brief wordt deze toezegging nagekomen.", AFGEDAAN),
        ("Hiermee geef ik uitvoering aan de motie van het lid Kathmann.", AFGEDAAN),
        ("De motie is in uitvoering.", IN_UITVOERING),
        (
            "De toezegging kan mogelijk als voldaan worden aangemerkt (huidige status: deels voldaan).",
            AFGEDAAN,
        ),
        ("Het is nog niet afgedaan.", None),
        ("Aan de motie is hiermee voldaan.", AFGEDAAN),
        ("Met deze brief geef ik gevolg aan de motie.", AFGEDAAN),
        ("De motie is nog niet uitgevoerd.", OPENSTAAND),
        ("De toezegging is voor een groot deel uitgevoerd.", DEELS),
    ],
)
def test_verdict_phrases(sentence, verdict):
    found = find_verdict(sentence)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "dated", "expected"),
    [
        ("De verzending van de brief verschuift naar na het zomerreces.", True, (UITGESTELD, DELAY)),
        ("Gezien de complexiteit is meer tijd nodig gebleken voor de afronding.", False, (VERTRAAGD, DELAY)),
        (
            "Ik zal uw Kamer in het najaar verder informeren over het aangepaste besluit.",
            True,
            (OPENSTAAND, FUTURE),
        ),
        ("U ontvangt hierover verdere informatie na de zomer van 2025.", True, (OPENSTAAND, FUTURE)),
        ("Dat zal voor de zomer zijn.", True, (OPENSTAAND, FUTURE)),
        ("De resultaten worden dit najaar verwacht.", True, (OPENSTAAND, FUTURE)),
        (
            "Ik zal met mijn collega bekijken of een toets toegevoegde waarde heeft.",
            False,
            (OPENSTAAND, FUTURE),
        ),
        ("Op dit moment onderzoekt het kabinet meerdere opties.", False, (IN_UITVOERING, RUNNING)),
        (
            "In reactie op de motie zijn de departementen inmiddels verzocht dit op te pakken.",
            False,
            (IN_UITVOERING, RUNNING),
        ),
        ("Hiermee doe ik deze toezegging af.", False, (AFGEDAAN, STATUS)),
        ("Het algoritmeregister is in december 2022 gelanceerd.", False, None),
        ("De uitvoering van de motie loopt en wordt momenteel uitgewerkt.", False, (IN_UITVOERING, RUNNING)),
        ("Uw Kamer wordt hierover in het najaar geïnformeerd.", True, (OPENSTAAND, FUTURE)),
    ],
)
def test_running_statuses_and_the_next_step(sentence, dated, expected):
    found = find_signal(sentence, dated=dated)
    assert ((found.verdict, found.strength) if found else None) == expected


def test_the_party_is_read_from_the_signer():
    assert party_of("E. van Marum (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties)") == (
        STAATSSECRETARIS,
        "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
    )
    assert party_of("De Minister van Economische Zaken,")[0] == "minister"
    assert party_of("staf van de vaste commissie voor Digitalisering") == (None, None)


MEMO = "\n".join(
    [
        "1. T03659: Toezegging Onderzoek ondergrens opensourcecommunities (34.972)",
        "",
        "De staatssecretaris zegt de Kamer, naar aanleiding van vragen van de leden Van "
        "den Berg (VVD) en Talsma (ChristenUnie), toe dat zij onderzoek zal doen.",
        "",
        "• Betrokken leden: Van den Berg (VVD) en Talsma (ChristenUnie)",
        "",
        "• Reactie staatssecretaris: “Hiermee acht ik de toezegging afgedaan.”",
        "",
        "• Ambtelijk voorstel: De commissie BIZA besloot de toezegging als openstaand te "
        "blijven aanmerken. Voorgesteld wordt om de toezegging als deels voldaan aan te "
        "merken en de huidige deadline van 1 januari 2026 te handhaven.",
        "",
        "2. T03664: Toezegging Implementatiekader voor zomer (CXLVII)",
        "",
        "De staatssecretaris zegt de Kamer, naar aanleiding van een vraag van het lid "
        "Prins (CDA), toe dat het kader verschijnt.",
        "",
        "• Betrokken lid: Prins (CDA)",
        "",
        "• Reactie staatssecretaris: “Waarmee ik de toezegging als afgedaan beschouw.”",
        "",
        "• Ambtelijk voorstel: De toezegging kan mogelijk als voldaan worden aangemerkt "
        "(huidige status: deels voldaan).",
        "",
        "3. T03667: Toezegging Publicatie mensenrechtentoetsen (CXLVII)",
        "",
        "• Betrokken lid: Veldhoen (GroenLinks-PvdA)",
        "",
        "• Reactie staatssecretaris: “Hiermee acht ik de toezegging afgedaan.”",
        "",
        "• Ambtelijk voorstel: Oordeel commissie.",
    ]
)


def test_memo_verdict_is_the_committee_proposal_and_every_party_is_kept():
    found = {
        m.identifiers[0]: m for m in memo_mentions(MEMO, "memo", date(2025, 1, 16), lambda o: ((), None))
    }
    t03659 = found["T03659"]
    assert (
        t03659.verdict == DEELS and t03659.source == PROPOSAL
    )  # not her 'afgedaan', not the old 'openstaand'
    assert t03659.new_deadline.date == date(2026, 1, 1)
    assert t03659.members == (Member("Van den Berg", "VVD"), Member("Talsma", "ChristenUnie"))
    assert [(v.verdict, v.source) for v in t03659.verdicts] == [
        (OPENSTAAND, COMMITTEE),  # 'De commissie BIZA besloot ... als openstaand'
        (AFGEDAAN, STAATSSECRETARIS),
        (DEELS, PROPOSAL),
    ]
    t03664 = found["T03664"]
    assert (t03664.verdict, t03664.source) == (
        AFGEDAAN,
        PROPOSAL,
    )  # '(huidige status: ...)' is not the proposal
    standing = [v for v in t03664.verdicts if v.standing]
    assert [(v.verdict, v.source, v.sentence) for v in standing] == [
        (DEELS, COMMITTEE, "(huidige status: deels voldaan)")
    ]
    t03667 = found[
        "T03667"
    ]  # 'Oordeel commissie.': the staatssecretaris's verdict stands, with her as source
    assert (t03667.verdict, t03667.source) == (AFGEDAAN, STAATSSECRETARIS)
    assert "Hiermee acht ik de toezegging afgedaan" in t03667.verdict_sentence
    assert [(v.verdict, v.source, v.sentence) for v in t03667.verdicts][-1] == (
        NO_VERDICT,
        PROPOSAL,
        "Oordeel commissie.",
    )


def _letter(lid: str, when: date | None, not_before: date | None = None) -> Letter:
    return Letter(
        id=lid, source=lid, format="text", digest=lid, text="", date=when, date_not_before=not_before
    )


def _mention(
    lid: str, ids: tuple[str, ...], verdict: str, title: str = "Titel", members=()
) -> CommitmentMention:
    return CommitmentMention("toezegging", ids, title, lid, (), None, members=members, verdict=verdict)


def test_register_merges_by_identifier_and_orders_by_date():
    letters = {
        "memo": _letter("memo", date(2025, 1, 16)),
        "undated": _letter("undated", None, date(2024, 4, 30)),
    }
    mentions = [
        _mention("memo", ("T03667",), AFGEDAAN, members=(Member("Veldhoen", "GroenLinks-PvdA"),)),
        _mention(
            "undated", ("T03667",), NO_VERDICT, "toezegging aan het lid Veldhoen", (Member("Veldhoen"),)
        ),
        _mention("memo", (), OPENSTAAND, "Zonder nummer"),
        _mention("undated", (), NO_VERDICT, "Zonder  nummer"),
    ]
    register = {c.key: c for c in build_register(mentions, letters)}
    t = register["T03667"]
    assert [m.letter_id for m in t.mentions] == ["undated", "memo"]
    assert t.status == AFGEDAAN and t.title == "Titel"
    assert t.members == (Member("Veldhoen", "GroenLinks-PvdA"),)
    untitled = register["toezegging:zonder nummer"]
    assert [m.letter_id for m in untitled.mentions] == ["undated", "memo"] and untitled.status == OPENSTAAND


def test_filter_and_find():
    letters = {"a": _letter("a", date(2025, 7, 11))}
    mentions = [
        _mention(
            "a",
            ("TZ202504-147",),
            AFGEDAAN,
            "Onderzoeken MitID en vergelijkbare technologieën",
            (Member("Kathmann"),),
        ),
        _mention("a", ("T03667",), OPENSTAAND, "Publicatie mensenrechtentoetsen AI-gebruik"),
        _mention("a", ("T03926",), NO_VERDICT, "Gesprek met IPO"),
    ]
    register = build_register(mentions, letters)
    assert {c.key for c in filter_register(register, status="open")} == {"T03667"}  # geen oordeel is not open
    assert [c.key for c in filter_register(register, status="closed")] == ["TZ202504-147"]
    assert [c.key for c in filter_register(register, member="kathmann")] == ["TZ202504-147"]
    assert [c.key for c in find_commitments(register, "is the MitID commitment fulfilled?")] == [
        "TZ202504-147"
    ]
    assert [c.key for c in find_commitments(register, "welke toezeggingen over AI staan nog open?")] == [
        "T03667"
    ]
    assert [c.key for c in find_commitments(register, "Wat is de status van T03926?")] == ["T03926"]
    assert find_commitments(register, "iets heel anders") == []


def _letter_text(text: str) -> Letter:
    from ingest.loaders import RawDocument
    from ingest.parse import parse_letter

    return parse_letter(RawDocument(source="brief.txt", format="text", digest="b", text=text))


def test_a_motie_heading_with_its_members_printed_in_words():
    from ingest.commitments import extract_mentions

    letter = _letter_text(
        "Den Haag, 2 februari 2026\n\nMoties\n\nMotie van het lid Kathmann c.s. over online veiligheid\n\n"
        "De motie verzoekt de regering een plan te maken. Aan de motie is hiermee voldaan.\n\n"
        "De minister van Binnenlandse Zaken,\n"
    )
    (m,) = extract_mentions(letter, [])
    assert (m.kind, m.title, [x.name for x in m.members]) == ("motie", "online veiligheid", ["Kathmann"])
    assert (m.verdict, m.source) == (AFGEDAAN, "minister")


def test_a_motie_named_in_passing_is_no_record_unless_it_gets_a_verdict():
    from ingest.commitments import extract_mentions

    letter = _letter_text(
        "Den Haag, 2 februari 2026\n\nMoties\n\nMotie Kathmann – Online veiligheid\n\n"
        "De motie verzoekt de regering een plan te maken, in lijn met de motie van het lid Dassen "
        "(Kamerstukken 36800, nr. 73). Ook de motie van het lid Ceder (Kamerstukken 36800, nr. 80) "
        "is hiermee afgedaan. Hiermee is de motie Kathmann afgedaan.\n\n"
        "De minister van Binnenlandse Zaken,\n"
    )
    found = {m.members[0].name: m for m in extract_mentions(letter, [])}
    assert set(found) == {"Kathmann", "Ceder"}  # Dassen is only cited
    assert found["Ceder"].identifiers == ("kst-36800-80",) and found["Ceder"].verdict == AFGEDAAN
