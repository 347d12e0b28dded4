"""The register scorer (eval/register_gold.py) on synthetic gold and synthetic registers."""

from __future__ import annotations

from datetime import date

import pytest

from eval.register_gold import (
    GoldRecord,
    ListEntry,
    RegisterRecord,
    as_record,
    from_mention,
    match,
    same_member,
    same_members,
    score_decisions,
    score_list,
    score_member_index,
    score_moties,
    score_records,
    sentence_matches,
)

LETTER = "demo/letters/900_synthetic.txt"


def gold(
    kind,
    ids,
    title,
    members=(),
    verdict="afgedaan",
    source="staatssecretaris",
    deadline=None,
    sentence=None,
    alt=(),
    by="staatssecretaris van BZK",
    cites=(),
    passing=False,
    letter=LETTER,
):
    rec = RegisterRecord(
        kind, tuple(ids), title, tuple(members), verdict, source, deadline, letter, sentence, by
    )
    return GoldRecord(
        rec, (verdict, *alt), (sentence,) if sentence else (), tuple(cites), "measurement", passing
    )


GOLD = [
    gold(
        "toezegging",
        ["TZ202501-010"],
        "Samenwerking opendesk",
        [("Kathmann", "GroenLinks-PvdA")],
        sentence="Daarmee is deze toezegging afgedaan.",
    ),
    gold(
        "motie",
        ["kst-26643-1287"],
        "Burgers altijd informeren over risicoselectie",
        [("Kathmann", "PRO"), ("Six Dijkstra", "NSC")],
        verdict="in uitvoering",
        deadline="2026-12-31",
        sentence="De verwachting is dat uw Kamer nog dit jaar over deze uitkomsten wordt geïnformeerd.",
    ),
    gold("toezegging", [], "De Nederlandse Digitale Dienst (NDD)", cites=["kst-26643-1450"]),
    gold(
        "toezegging",
        ["TZ202601-122"],
        "Casus Winterswijk",
        verdict="geen oordeel",
        source=None,
        by=None,
        alt=["afgedaan"],
    ),
    gold("motie", ["kst-36800-73"], "motie Dassen routekaart", passing=True),
]


def perfect() -> list[RegisterRecord]:
    return [g.record for g in GOLD if not g.passing]


def test_a_register_equal_to_the_gold_scores_one_everywhere():
    s = score_records(GOLD, perfect())
    assert (s["gold"], s["found"], s["matched"]) == (4, 4, 4)
    for key in (
        "recall",
        "precision",
        "verdict",
        "verdict_class",
        "source",
        "verdict_and_source",
        "by",
        "identifiers",
        "members",
        "deadline",
        "verdict_sentence",
    ):
        assert s[key] == 1.0, key
    assert s["missed"] == [] and s["unreal"] == []


def test_a_missing_record_lowers_recall_and_an_invented_one_precision():
    found = perfect()[1:] + [
        RegisterRecord("motie", (), "motie: Voorgesteld 3 juli 2025", (), None, None, None, LETTER)
    ]
    s = score_records(GOLD, found)
    assert s["recall"] == 0.75 and s["precision"] == 0.75
    assert s["missed"] == ["TZ202501-010"]
    assert s["unreal"] == ["motie: motie: Voorgesteld 3 juli 2025"]


def test_a_record_for_a_motie_named_in_passing_is_not_real():
    found = perfect() + [RegisterRecord("motie", ("kst-36800-73",), "Dassen", (), None, None, None, LETTER)]
    s = score_records(GOLD, found)
    assert s["recall"] == 1.0 and s["precision"] == 0.8 and s["passing"] == 1


def test_records_of_other_documents_are_left_out():
    found = perfect() + [RegisterRecord("motie", ("kst-1-2",), "x", (), None, None, None, "other.txt")]
    assert score_records(GOLD, found)["precision"] == 1.0


def test_verdict_alt_is_accepted_and_the_class_is_scored_apart():
    found = perfect()
    found[3] = found[3]._replace(verdict="afgedaan", source="staatssecretaris")  # Winterswijk's alt reading
    found[1] = found[1]._replace(verdict="vertraagd")  # same class (open), other verdict
    s = score_records(GOLD, found)
    assert s["verdict"] == 0.75 and s["verdict_class"] == 1.0


def test_the_source_is_scored_only_where_the_gold_has_a_verdict():
    found = perfect()
    found[0] = found[0]._replace(source="ambtelijk voorstel")
    found[3] = found[3]._replace(source="staatssecretaris")  # geen oordeel: any source is not wrong
    s = score_records(GOLD, found)
    assert s["source"] == pytest.approx(2 / 3)
    assert s["verdict_and_source"] == 0.75


def test_the_signer_role_matches_written_out_and_abbreviated():
    found = [
        r._replace(by="De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties") for r in perfect()
    ]
    assert score_records(GOLD, found)["by"] == 1.0
    found = [r._replace(by="staatssecretaris van Economische Zaken en Klimaat") for r in perfect()]
    assert score_records(GOLD, found)["by"] == 0.0


def test_a_record_without_identifiers_is_found_by_kind_and_title_and_a_cited_kamerstuk_is_not_wrong():
    found = perfect()
    found[2] = found[2]._replace(identifiers=("kst-26643-1450",), title="Nederlandse Digitale Dienst")
    s = score_records(GOLD, found)
    assert s["recall"] == 1.0 and s["identifiers"] == 1.0
    found[2] = found[2]._replace(kind="motie")
    assert score_records(GOLD, found)["recall"] == 0.75


def test_a_record_with_another_number_is_not_the_gold_record():
    found = perfect()
    found[0] = found[0]._replace(identifiers=("TZ209999-999",))
    assert score_records(GOLD, found)["recall"] == 0.75


def test_wrong_fields_are_counted_per_field():
    found = perfect()
    found[1] = found[1]._replace(
        deadline="2026-06-30",
        members=(("Kathmann", None), ("Six Dijkstra", "NSC")),
        verdict_sentence="Met onderstaande informatie wordt uw Kamer geïnformeerd.",
    )
    s = score_records(GOLD, found)
    assert s["deadline"] == 0.75 and s["members"] == 0.75 and s["verdict_sentence"] == 0.5


def test_plain_tuples_mappings_and_dates_are_accepted():
    rec = as_record(
        ["motie", ["kst-1-2"], "t", [["A", None]], "afgedaan", "motie", date(2026, 1, 31), "x.txt"]
    )
    assert rec.deadline == "2026-01-31" and rec.identifiers == ("kst-1-2",) and rec.members == (("A", None),)
    rec = as_record(
        {
            "kind": "motie",
            "identifiers": [],
            "title": "t",
            "members": [],
            "verdict": None,
            "source": None,
            "deadline": None,
            "letter": "x.txt",
            "replaces": ["kst-1-1"],
        }
    )
    assert rec.replaces == ("kst-1-1",)
    s = score_records(GOLD, [tuple(r) for r in perfect()])
    assert s["recall"] == 1.0


def test_member_names_match_without_initials_hyphens_case_or_diacritics():
    assert same_member("Six-Dijkstra", "Six Dijkstra")
    assert same_member("D.G.M. Ceder", "Ceder")
    assert same_member("P.C. (Peter) de Groot", "Peter de Groot")
    assert same_member("I. Kostic", "Kostić")
    assert not same_member("Van der Werf", "Van der Plas")
    assert not same_member("Dijk", "Diederik van Dijkstra")
    assert same_members([("Kathmann", "PRO")], [("kathmann", "pro")])
    assert not same_members([("Kathmann", "PRO")], [("Kathmann", None)])


def test_sentences_match_with_or_without_footnote_calls_but_not_as_a_whole_paragraph():
    g = "Hiermee kom ik de toezegging aan het lid Verkerk (ChristenUnie) na."
    assert sentence_matches(g, "Hiermee kom ik de toezegging aan het lid Verkerk (ChristenUnie)8 na.")
    assert sentence_matches(
        "Hiermee is de motie Kathmann c.s. afgedaan.", "Hiermee is de motie Kathmann c.s.⁴⁰ afgedaan."
    )
    paragraph = " ".join(
        ["Het kabinet vindt het van belang dat er transparantie is in het proces."] * 2
        + ["Ander onderwerp over AI-toepassingen en de werkagenda van de overheid.", g]
    )
    assert not sentence_matches(g, paragraph)
    assert not sentence_matches(g, None)


def test_match_is_one_to_one():
    twice = [GOLD[0].record, GOLD[0].record]
    assert match(GOLD[:1], twice) == [(0, 0)]


OPEN = [
    ListEntry(("T03926",), "Gesprek met IPO", "2025-07-01"),
    ListEntry((), "Opzetten van een meldpunt ten behoeve van onlineplatforms", "2025-11-30"),
]


def test_the_open_list_is_exact_only_with_the_same_commitments():
    assert score_list(OPEN, OPEN)["exact_with_deadlines"]
    found = [
        OPEN[0],
        ("", "Opzetten meldpunt ten behoeve van onlineplatforms", "2025-11-30"),
        (("TZ1",), "geen oordeel record", None),
    ]
    s = score_list(OPEN, found)
    assert not s["exact"] and s["recall"] == 1.0 and s["extra"] == [("TZ1",)]
    s = score_list(OPEN, [OPEN[0]._replace(deadline=None)])
    assert (
        s["missing"] == ["Opzetten van een meldpunt ten behoeve van onlineplatforms"] and s["deadline"] == 0.0
    )


def test_list_entries_may_be_gold_mappings_or_register_records():
    gold_rows = [
        {"identifiers": ["T03926"], "title": "Gesprek", "deadline": "2025-07-01", "verdict": "openstaand"}
    ]
    rec = RegisterRecord(
        "toezegging", ("T03926",), "Gesprek", (), "openstaand", "ambtelijk voorstel", "2025-07-01", "x"
    )
    assert score_list(gold_rows, [rec])["exact_with_deadlines"]


def test_member_index_recall_and_roles():
    gold_index = {
        "Kathmann": [
            {"identifiers": ["TZ1"], "title": "a", "roles": ["asked"]},
            {"identifiers": ["kst-1-2"], "title": "b", "roles": ["indiener"]},
        ],
        "Van Hattem": [{"identifiers": ["T03926"], "title": "c", "roles": ["betrokken lid"]}],
    }
    found = {
        "kathmann": [
            ListEntry(("TZ1",), "a", None, "indiener"),
            ListEntry(("kst-1-2",), "b", None, "indiener"),
        ]
    }
    s = score_member_index(gold_index, found)
    assert s["members"]["Kathmann"] == {"gold": 2, "found": 2, "recall": 1.0, "role": 0.5}
    assert s["members"]["Van Hattem"]["recall"] == 0.0
    assert s["recall"] == pytest.approx(2 / 3) and s["role"] == 0.5


MOTIE = {
    "file": "kst-36800-73.xml",
    "kamerstuk_id": "kst-36800-73",
    "kind": "motie",
    "indieners": [["Dassen", None]],
    "date": "2025-09-18",
    "dictum": "verzoekt de regering om over te stappen op Europese digitale alternatieven,",
    "replaces": "kst-36800-61",
    "status": "ingediend, uitslag onbekend",
}


def motie_record(**changes) -> RegisterRecord:
    rec = RegisterRecord(
        "motie",
        ("kst-36800-73",),
        "Gewijzigde motie van het lid Dassen",
        (("L.A.J.M. Dassen", None),),
        "ingediend, uitslag onbekend",
        "motie",
        None,
        "/x/kst-36800-73.xml",
        date="2025-09-18",
        text="verzoekt de regering om over te stappen op Europese digitale alternatieven,",
        replaces=("kst-36800-61",),
    )
    return rec._replace(**changes)


def test_a_motie_registers_itself_with_its_fields():
    s = score_moties([MOTIE], [motie_record()])
    assert s["recall"] == s["precision"] == 1.0
    assert all(s[k] == 1.0 for k in ("kamerstuk_id", "indieners", "date", "dictum", "replaces", "status"))


def test_a_bogus_second_record_from_a_motie_lowers_precision_and_wrong_fields_count():
    bogus = motie_record(identifiers=(), title="motie: Voorgesteld 3 juli 2025", members=(("Omtzigt", None),))
    s = score_moties([MOTIE], [bogus, motie_record(replaces=(), verdict="openstaand", date=None)])
    assert s["recall"] == 1.0 and s["precision"] == 0.5
    assert s["replaces"] == 0.0 and s["status"] == 0.0 and s["date"] == 0.0 and s["dictum"] == 1.0
    assert score_moties([MOTIE], [])["recall"] == 0.0
    by_kst_name = score_moties([MOTIE], [motie_record(letter="kst-36800-73")])
    assert by_kst_name["recall"] == 1.0 and by_kst_name["precision"] == 1.0


KARABULUT = "Het voorstel van mevrouw Karabulut heeft derhalve niet kunnen rekenen op een meerderheid."
LISTS = [
    {
        "file": "besluitenlijst_example3.pdf",
        "committee": "vaste commissie voor Binnenlandse Zaken",
        "date": "2015-03-26",
        "records": [
            {
                "kind": "besluit",
                "item": "Verzoek van het lid Karabulut om de minister-president uit te nodigen",
                "text": KARABULUT,
            }
        ],
    }
]


def test_decision_list_records_are_found_by_kind_and_item():
    rec = RegisterRecord(
        "besluit",
        (),
        "Verzoek van het lid Karabulut (SP) om de minister-president uit te nodigen",
        (),
        None,
        "commissie",
        None,
        "besluitenlijst_example3.pdf",
        date="2015-03-26",
        text="Het voorstel van mevrouw Karabulut heeft derhalve niet kunnen rekenen op een meerderheid.",
        committee="Vaste commissie voor Binnenlandse Zaken",
    )
    s = score_decisions(LISTS, [rec])
    assert s["recall"] == s["precision"] == s["committee"] == s["date"] == s["text"] == 1.0
    s = score_decisions(
        LISTS, [rec._replace(kind="toezegging"), rec._replace(title="x", text="y", kind="toezegging")]
    )
    assert s["recall"] == 0.0 and s["precision"] == 0.0 and s["gold_toezeggingen"] == 0


def test_todays_mentions_pass_through_the_adapter():
    from ingest.model import CommitmentMention, Deadline, Member

    m = CommitmentMention(
        kind="toezegging",
        identifiers=("TZ202603-006",),
        title="IT-projecten duurder dan 5 miljoen euro",
        letter_id="002",
        section_path=(),
        chunk_id=None,
        members=(Member("Zwinkels", "CDA"),),
        verdict="openstaand",
        verdict_sentence="Uw Kamer wordt naar verwachting in het vierde kwartaal van dit jaar geïnformeerd.",
        new_deadline=Deadline("in het vierde kwartaal van dit jaar", date(2026, 12, 31)),
    )
    rec = from_mention(m, "demo/letters/002_x.txt")
    assert rec.deadline == "2026-12-31" and rec.members == (("Zwinkels", "CDA"),) and rec.source is None
    g = gold(
        "toezegging",
        ["TZ202603-006"],
        "IT-projecten",
        [("Zwinkels", "CDA")],
        verdict="vertraagd",
        deadline="2026-12-31",
        letter="002_x.txt",
    )
    s = score_records([g], [rec])
    assert s["recall"] == 1.0 and s["verdict"] == 0.0 and s["verdict_class"] == 1.0 and s["source"] == 0.0


def test_score_letters_reports_both_parts_and_the_queries(tmp_path):
    import shutil

    from eval.register_gold import GOLD_DIR, score_letters

    for p in GOLD_DIR.glob("*.json"):
        shutil.copy(p, tmp_path / p.name)
    out = score_letters([], open_list=[], overdue=[], member_index={}, gold_dir=tmp_path)
    assert out["development"]["recall"] == 0.0 and out["measurement"]["recall"] == 0.0
    assert out["development"]["gold"] == 41 and not out["open"]["exact"] and out["members"]["recall"] == 0.0
