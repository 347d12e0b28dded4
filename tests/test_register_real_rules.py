"""Register rules written on the real development documents (issue 14): passing mentions, lists, moties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.register_gold import load_letter_gold
from eval.splits import files
from ingest.commitment_draft import Draft
from ingest.commitment_patterns import KIND_RE
from ingest.commitments import merge_by_dictum
from ingest.decision_promises import moties_in, promises_in

GOLD = Path(__file__).parent / "register_real" / "gold"


def test_per_motie_with_a_citation_names_it() -> None:
    sent = "heeft uw Kamer per motie (Kamerstukken 32852, nr. 199) verzocht om doelen in kaart te brengen."
    assert [m.group("w") for m in KIND_RE.finditer(sent)] == ["motie"]
    assert not list(KIND_RE.finditer("Per toezegging vindt u hieronder de stand van zaken."))


def _pair(quoted: str) -> list[Draft]:
    numbered = Draft("motie", "Kabinetsbrede inzet", 10, ["kst-32852-199"])
    numbered.promise = (
        "uw Kamer heeft per motie (Kamerstukken 32852, nr. 199) verzocht om naast het concretiseren van "
        "circulaire economiedoelen ook de concrete beleidsopties, routes, afwegingen en kosten "
        "in kaart te brengen."
    )
    unnumbered = Draft("motie", "Bijlage", 90)
    unnumbered.quoted = quoted
    return [numbered, unnumbered]


def test_a_footnote_quoting_the_dictum_of_a_numbered_motie_is_that_motie() -> None:
    quoted = (
        "verzoekt de regering om naast het concretiseren van circulaire economiedoelen ook de concrete "
        "beleidsopties, routes, afwegingen en (maatschappelijke) kosten in kaart te brengen'"
    )
    merged = merge_by_dictum(_pair(quoted))
    assert len(merged) == 1 and merged[0].identifiers == ["kst-32852-199"]
    assert len(merge_by_dictum(_pair("verzoekt de regering de luchtvaarttaks te verhogen"))) == 2


def test_decision_list_rows_name_toezeggingen_in_passing() -> None:
    received = promises_in(
        "Besluit: AO handhaven, al komt het toegezegde AIVD-rapport waarschijnlijk pas rond het weekend "
        "(is intussen op 2 april ontvangen)",
        "Activiteitenoverzicht commissie BZK",
    )
    assert [(p.title, p.verdict, p.source) for p in received] == [("AIVD-rapport", "afgedaan", "commissie")]
    reminder = promises_in(
        "Minister BZK rappel sturen, aangezien toezegging was deze voor maart 2009 aan de Kamer te zenden",
        "Nulmeting interbestuurlijke lasten",
    )
    assert [(p.title, p.verdict, p.source) for p in reminder] == [
        ("Nulmeting interbestuurlijke lasten", "openstaand", "commissie")
    ]
    reported = promises_in(
        "In deze brief meldt de staatssecretaris dat hij de tijdens het algemeen overleg toegezgde "
        "brief over onder andere de continuïteit uiterlijk op vrijdag 28 oktober 2016 "
        "aan de Tweede Kamer zal sturen.",
        "Toezeggingen AO",
    )
    assert [(p.title, p.source) for p in reported] == [
        ("Brief over onder andere de continuïteit", "staatssecretaris")
    ]
    assert promises_in("Besluit: Voor kennisgeving aangenomen.", "Brief") == []


def test_an_agenda_item_names_moties_with_their_kamerstuk() -> None:
    item = (
        "De risico’s van buitenlandse financieringen aan moskeeën n.a.v. de motie "
        "Van Toorenburg-Dijsselbloem (31200 XI, nr. 65) en de wegwijzer Facadepolitiek "
        "n.a.v. de motie Van Raak (29754, nr. 113)"
    )
    got = [(m.dossier, m.part, m.nr, m.title, m.members) for m in moties_in(item)]
    assert got == [
        (
            "31200",
            "XI",
            "65",
            "De risico’s van buitenlandse financieringen aan moskeeën",
            ("Van Toorenburg-Dijsselbloem",),
        ),
        ("29754", None, "113", "De wegwijzer Facadepolitiek", ("Van Raak",)),
    ]
    two = moties_in("Voortgang uitvoering moties 30420, nrs 100 en 101 over de seksediverse samenstelling")
    assert [(m.nr, m.title, m.members) for m in two] == [
        ("100", "De seksediverse samenstelling", ()),
        ("101", "De seksediverse samenstelling", ()),
    ]
    assert moties_in("Brief over de motie-stemmingen van 12 maart") == []


def test_real_gold_names_development_documents_only() -> None:
    development = {
        p.name
        for corpus in ("kamerbrieven-pdf", "kamerbrieven-text", "moties-docx-pdf", "besluitenlijsten-pdf")
        for p in files(corpus, "development")
    }
    for path in GOLD.glob("commitments_*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert Path(doc["file"]).name in development, path.name
        for g in load_letter_gold(path):
            assert g.record.title and not g.record.title[0].isdigit()
            assert all(not name[0].isdigit() for name, _ in g.record.members)


def test_real_development_figures_hold() -> None:
    from eval.register_real_dev import measure

    if not (Path(__file__).parents[1] / "../shared/corpus/real").exists():
        pytest.skip("no real corpus")
    out = measure()
    assert out["recall"] >= 0.9 and out["precision_all"] >= 0.9
    assert out["verdict_and_source"] == 1.0
