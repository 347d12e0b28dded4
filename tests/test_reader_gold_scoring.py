"""The reader-gold scorer (eval/reader_gold.py) on tiny Letters built by hand: no document is parsed."""

from __future__ import annotations

import re
from datetime import date

import pytest

from eval.reader_gold import (
    names_item,
    norm,
    probes_in_footnotes,
    probes_missing_from_body,
    score_decisions,
    score_links,
    score_metadata,
    score_motie,
    traps_marked,
)
from ingest.model import Footnote, Letter, Marker, Member, Section


def make_letter(
    text: str, calls: list[tuple[str, int | None]] = (), notes: dict[int, str] | None = None, **kw
):
    """A Letter whose markers are the given (label as it appears in text, footnote number or None)."""
    notes = notes or {}
    footnotes = tuple(Footnote(f"fn{n}", n, str(n), "plain", t) for n, t in sorted(notes.items()))
    markers, pos = [], 0
    for label, target in calls:
        start = text.index(label, pos)
        number = int(label.strip("[]"))
        markers.append(
            Marker(number, label, "plain", (start, start + len(label)), f"fn{target}" if target else None)
        )
        pos = start + len(label)
    return Letter(
        id="x",
        source="x.txt",
        format="text",
        digest="0",
        text=text,
        footnotes=footnotes,
        markers=tuple(markers),
        **kw,
    )


def call(number: int, before: str, footnote: str, page: int = 1) -> dict:
    return {"number": number, "before": before, "footnote": footnote, "page": page}


# --- norm -------------------------------------------------------------------------------------------


def test_norm_keeps_only_letters_and_digits_casefolded():
    assert (
        norm("Kennis- en\nInnovatie-agenda’s (KIA’s) ﬁ 2023")
        == "kennisenInnovatieagendaskiasfi2023".casefold()
    )
    assert norm("Coördinatie") == "coördinatie"


# --- links ------------------------------------------------------------------------------------------

CALLS = [
    call(1, "Dit volgt uit de wet van 2020", "Kamerstukken II 2020/21, 35 000"),
    call(2, "en de regeling van het jaar daarna", "Staatscourant 2021, 123"),
]
NOTES = {1: "Kamerstukken II 2020/21, 35 000, nr. 3.", 2: "Staatscourant 2021, 123."}


def test_every_call_linked_right_scores_one():
    letter = make_letter(
        "Dit volgt uit de wet van 2020[1] en de regeling van het jaar daarna[2].",
        [("[1]", 1), ("[2]", 2)],
        NOTES,
    )
    score = score_links(letter, CALLS)
    assert (score.predicted, score.gold, score.correct) == (2, 2, 2)
    assert score.precision == score.recall == 1.0
    assert score.problems == ()


def test_a_glued_text_flavour_call_reads_like_a_bracketed_one():
    letter = make_letter(
        "Dit volgt uit de\nwet van 2020 1 en de regeling van het jaar\ndaarna2.", [("1", 1), ("2", 2)], NOTES
    )
    assert score_links(letter, CALLS).correct == 2


def test_a_wrong_footnote_and_a_marker_without_footnote_count_as_predicted_but_not_correct():
    letter = make_letter(
        "Dit volgt uit de wet van 2020[1] en de regeling van het jaar daarna[2].",
        [("[1]", 2), ("[2]", None)],
        NOTES,
    )
    score = score_links(letter, CALLS)
    assert (score.predicted, score.correct) == (2, 0)
    assert score.precision == 0.0 and score.recall == 0.0
    assert sum(p.startswith("missed") for p in score.problems) == 2


def test_a_false_call_lowers_precision_not_recall():
    text = (
        "Postbus 20901 is het adres. Dit volgt uit de wet van 2020[1] en de regeling van het jaar daarna[2]."
    )
    letter = make_letter(text, [("1", 1), ("[1]", 1), ("[2]", 2)], NOTES)
    score = score_links(letter, CALLS)
    assert (score.predicted, score.correct) == (3, 2)
    assert score.precision == pytest.approx(2 / 3) and score.recall == 1.0


def test_the_labels_of_other_calls_are_left_out_of_the_context():
    letter = make_letter(
        "planetaire crises van vervuiling, biodiversiteitsverlies[11] en landdegradatie[12] en erkent",
        [("[11]", 11), ("[12]", 12)],
        {11: "VN Biodiversiteitsverdrag (UNCBD).", 12: "VN Verwoestijningsverdrag (UNCCD)."},
    )
    gold = [
        call(
            11,
            "planetaire crises van vervuiling, biodiversiteitsverlies",
            "VN Biodiversiteitsverdrag (UNCBD).",
        ),
        call(
            12, "crises van vervuiling, biodiversiteitsverlies en landdegradatie", "VN Verwoestijningsverdrag"
        ),
    ]
    assert score_links(letter, gold).correct == 2


def test_each_gold_call_is_matched_once():
    letter = make_letter(
        "Dit volgt uit de wet van 2020[1] Dit volgt uit de wet van 2020[1]", [("[1]", 1), ("[1]", 1)], NOTES
    )
    score = score_links(letter, CALLS[:1])
    assert (score.predicted, score.correct) == (2, 1)


def test_a_footnote_that_does_not_start_with_the_gold_words_is_wrong():
    letter = make_letter(
        "Dit volgt uit de wet van 2020[1] en verder.", [("[1]", 1)], {1: "1 Kamerstukken II 2020/21, 35 000"}
    )
    assert score_links(letter, CALLS[:1]).correct == 0  # the label is not part of the footnote's text


def test_empty_pages_score_one_and_missing_everything_scores_zero():
    assert (
        score_links(make_letter("Geen noten hier."), []).precision,
        score_links(make_letter("x"), []).recall,
    ) == (
        1.0,
        1.0,
    )
    score = score_links(make_letter("Dit volgt uit de wet van 2020."), CALLS[:1])
    assert (score.precision, score.recall) == (0.0, 0.0)


# --- metadata ---------------------------------------------------------------------------------------

META = {
    "date": "2023-05-30",
    "subject": "Herijkte missies van het missiegedreven innovatiebeleid",
    "sender": [{"name": "M.A.M. Adriaansens", "surname": "Adriaansens", "function": "Minister van EZK"}],
    "addressee": "Tweede Kamer",
    "kenmerk": "DGBI – I&K/ 26844711",
    "kenmerk_variants": ["DGBI / 26844711"],
    "kamerstuk": None,
}


def fields(results) -> dict[str, bool]:
    return {r.name: r.ok for r in results}


def test_metadata_all_right():
    letter = make_letter(
        "x",
        title="Herijkte missies van het missiegedreven\ninnovatiebeleid",
        date=date(2023, 5, 30),
        sender="M.A.M. Adriaansens, Minister van Economische Zaken en Klimaat",
        addressee="Tweede Kamer",
        kenmerk="DGBI / 26844711",
    )
    assert all(fields(score_metadata(letter, META)).values())


def test_a_title_that_swallowed_the_letterhead_is_wrong_and_says_so():
    letter = make_letter(
        "x", title="Datum 30 mei 2023 Betreft Herijkte missies van het missiegedreven innovatiebeleid"
    )
    (subject,) = score_metadata(letter, META, fields=("subject",))
    assert not subject.ok
    assert subject.detail == "title contains the subject (and more)"


def test_metadata_fields_wrong_or_missing():
    letter = make_letter(
        "x", date=date(2023, 5, 31), sender="De minister", addressee="Eerste Kamer", kamerstuk="1 nr. 2"
    )
    got = fields(score_metadata(letter, META))
    assert got == {
        "date": False,
        "subject": False,
        "sender": False,
        "addressee": False,
        "kenmerk": False,
        "kamerstuk": False,
    }


def test_month_dates_and_documents_without_signer():
    meta = {"date": "2022-10", "subject": "Internationale Klimaatstrategie van ambitie naar transitie",
            "subject_variants": ["Internationale Klimaatstrategie"], "sender": [],
            "issuer": "Ministerie van Buitenlandse Zaken en Ministerie van Economische Zaken en Klimaat",
            "addressee": None, "kenmerk": None, "kamerstuk": None}  # fmt: skip
    right = make_letter("x", date=date(2022, 10, 31), title="Internationale Klimaatstrategie",
                        sender="Ministerie van Buitenlandse Zaken")  # fmt: skip
    assert all(fields(score_metadata(right, meta)).values())
    wrong = make_letter("x", date=date(2022, 11, 1), sender="Rijnstraat 8", addressee="Tweede Kamer")
    got = fields(score_metadata(wrong, meta))
    assert not got["date"] and not got["sender"] and not got["addressee"] and got["kenmerk"]
    assert not fields(score_metadata(make_letter("x"), meta))["date"]


def test_kamerstuk_compared_without_the_word_kamerstuk():
    meta = {**META, "kamerstuk": "Kamerstuk 33009, nr. 117"}
    assert fields(score_metadata(make_letter("x", kamerstuk="33009 nr. 117"), meta, ("kamerstuk",)))[
        "kamerstuk"
    ]


# --- probes and traps -------------------------------------------------------------------------------


def test_body_swallowed_into_a_footnote_is_found():
    letter = make_letter(
        "Eerste zin[1] van de brief.",
        [("[1]", 1)],
        {1: "Kamerstuk 33009, nr. 117. afspraken maken met bedrijven, werkgeversorganisaties, financiële en"},
    )
    probes = [
        "afspraken maken met bedrijven, werkgeversorganisaties, financiële en",
        "Eerste zin van de brief.",
    ]
    assert probes_in_footnotes(letter, probes) == probes[:1]
    assert probes_missing_from_body(letter, probes) == probes[:1]  # the marker is cut out of the body


def test_traps_with_a_marker_inside_are_reported_and_absent_ones_apart():
    letter = make_letter(
        "Retouradres Postbus 2090[1] 2500 EX Den Haag. Op 3 februari 2023.", [("[1]", 1)], {1: "x"}
    )
    marked, absent = traps_marked(letter, ["Postbus 20901", "2500 EX", "3 februari 2023", "Pagina 2 van 7"])
    assert marked == ["Postbus 20901"]
    assert absent == ["Pagina 2 van 7"]


def test_a_call_right_after_a_trap_is_not_inside_it():
    text = "netto nul emissies in 2050.50 Om de luchtvaart"
    start = text.index(".50") + 1
    letter = Letter(id="x", source="x", format="text", digest="0", text=text,
                    markers=(Marker(50, "50", "plain", (start, start + 2), None),))  # fmt: skip
    assert traps_marked(letter, ["emissies in 2050."]) == ([], [])
    assert traps_marked(letter, ["2050.50 Om"]) == (["2050.50 Om"], [])


# --- moties -----------------------------------------------------------------------------------------

MOTIE = {
    "kamerstuk_id": "kst-21501-02-3059",
    "date": "2025-02-18",
    "motie_title": "GEWIJZIGDE MOTIE VAN DE LEDEN PATERNOTTE EN VAN CAMPEN "
    "TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3047",
    "dossier_titles": ["Raad Algemene Zaken en Raad Buitenlandse Zaken"],
    "first_indiener": "Paternotte",
    "replaces": "3047",
}


def test_a_motie_read_right():
    letter = make_letter(
        "x",
        kamerstuk="21501-02 nr. 3059",
        date=date(2025, 2, 18),
        title="Raad Algemene Zaken en Raad Buitenlandse Zaken; Gewijzigde motie van de leden Paternotte en "
        "Van Campen ter vervanging van die gedrukt onder nr. 3047",
        indieners=(Member("Paternotte"), Member("Van Campen")),
        replaces=("kst-21501-02-3047",),
    )
    assert all(score_motie(letter, MOTIE).values())


def test_a_motie_read_wrong():
    letter = make_letter(
        "x",
        kamerstuk="21501 nr. 3059",
        title="MOTIE VAN DE LEDEN PATERNOTTE EN VAN CAMPEN",
        sender="Van Campen",
    )
    assert score_motie(letter, MOTIE) == {
        "kamerstuk_id": False,
        "date": False,
        "title": False,
        "first_indiener": False,
        "replaces": False,
    }


def test_first_indiener_falls_back_to_sender_and_a_motie_without_date():
    letter = make_letter("x", sender="Tony van Dijck")
    got = score_motie(letter, {**MOTIE, "date": None, "first_indiener": "van Dijck", "replaces": None})
    assert got["first_indiener"] and got["date"] and got["replaces"]


# --- decision lists ---------------------------------------------------------------------------------

LIST_GOLD = {
    "items": [
        {"item": "1", "agendapunt": "Situatie drie Nederlandse militairen in Libië", "zaak": [],
         "besluit": ["1. de commissie wacht informatie af.", "Voor kennisgeving aannemen."], "noot": []},
        {"item": "2", "agendapunt": "Brief ombudsman Rotterdam inzake griffierecht",
         "zaak": ["Brief - 17 maart 2009"], "besluit": ["Voor kennisgeving aannemen."], "noot": []},
    ]
}  # fmt: skip


def sectioned(parts: list[tuple[str, str]]) -> Letter:
    """A Letter of (heading, body) sections in order."""
    text, sections = "", []
    for heading, body in parts:
        start = len(text)
        text += heading + "\n\n" + body + "\n\n"
        sections.append(Section(heading, (heading,), 1, (start, len(text))))
    return make_letter(text, sections=tuple(sections))


def test_each_decision_under_its_own_item():
    letter = sectioned(
        [
            ("1. Agendapunt: Situatie drie Nederlandse militairen in Libië",
             "Besluit: 1. de commissie wacht informatie af. Besluit: Voor kennisgeving aannemen."),
            ("2. Agendapunt: Brief ombudsman Rotterdam inzake griffierecht",
             "Zaak: Brief - 17 maart 2009 Besluit: Voor kennisgeving aannemen."),
        ]
    )  # fmt: skip
    score = score_decisions(letter, LIST_GOLD)
    assert (score.total, score.under_own_item, score.misplaced, score.missing) == (3, 3, 0, 0)
    assert (score.dates_total, score.dates_kept) == (1, 1)


def test_a_decision_filed_under_the_next_item_is_misplaced():
    letter = sectioned(
        [
            ("1. Agendapunt: Situatie drie Nederlandse militairen in Libië",
             "Besluit: Voor kennisgeving aannemen."),
            ("2. Agendapunt: Brief ombudsman Rotterdam inzake griffierecht",
             "1. de commissie wacht informatie af. Zaak: Brief - 17 maart "
             "Besluit: Voor kennisgeving aannemen."),
        ]
    )  # fmt: skip
    score = score_decisions(letter, LIST_GOLD)
    assert (score.under_own_item, score.misplaced, score.missing) == (2, 1, 0)
    assert (score.dates_total, score.dates_kept) == (1, 0)
    assert any("under item 2" in p for p in score.problems)
    assert any("date lost" in p for p in score.problems)


def test_one_flat_section_puts_no_decision_under_its_item():
    letter = sectioned(
        [
            (
                "Besluitenlijst",
                "Situatie drie Nederlandse militairen in Libië 1. de commissie wacht informatie af.",
            )
        ]
    )
    score = score_decisions(letter, LIST_GOLD)
    assert (score.under_own_item, score.misplaced, score.missing) == (0, 0, 2)
    assert score.accuracy == 0.0


def test_names_item_accepts_a_numbered_or_shortened_heading_only():
    agendapunt = "Voortgang uitvoering moties 30420, nrs 100 en 101 over de seksediverse samenstelling"
    assert names_item("14. Agendapunt: " + agendapunt, agendapunt)
    assert names_item("Voortgang uitvoering moties 30420", agendapunt)
    assert not names_item("Brieven van de minister van BZK", agendapunt)
    assert not names_item("Voortgang", agendapunt)


# --- the report's plumbing, with a fake reader ----------------------------------------------------


def test_report_rows_and_tables_with_a_fake_reader():
    from eval import reader_report as rr

    letters, moties, lists = rr.load_golds()
    empty = make_letter("Niets gelezen.")
    rows = [row for gold in letters for row in rr.letter_rows(gold, parse=lambda path: empty)]
    assert {(r.flavour, r.error) for r in rows} == {("pdf", None), ("text", None), ("page1", None)}
    klimaat = next(r for r in rows if r.document.startswith("internationale") and r.flavour == "pdf")
    assert (klimaat.gold, klimaat.predicted, klimaat.correct, klimaat.recall) == (66, 0, 0, 0.0)
    assert len(klimaat.probes_missing) == 33 and klimaat.probes_in_footnotes == []
    page1 = next(r for r in rows if r.flavour == "page1" and r.document.startswith("bnc"))
    assert page1.gold == 1 and "sender" not in page1.metadata
    table = rr.letters_table(rows, show_problems=True)
    assert "measurement  pdf    P 0.000  R 0.000" in table and "missed: call 66" in table

    results = rr.motie_results(moties, parse=lambda path: empty)
    assert len(results) == len(moties["moties"]) and not any(r["kamerstuk_id"] for r in results)
    assert re.search(r"kamerstuk_id +0/53 = 0.000", rr.moties_table(results, show_problems=False))

    def broken(path):
        raise rr.InputError(str(path), "cannot read")

    decisions = rr.decision_results(lists, parse=broken)
    assert all("cannot read" in d["error"] for d in decisions)
    assert "ERROR" in rr.decisions_table(decisions, show_problems=False)
