"""The fact checker: surface forms, number normalisation, verdicts, lists and footnotes."""

import pytest

from eval.facts import (
    ABSTAINED,
    ANSWERED,
    PARTIAL,
    RIGHT,
    UNCHECKED,
    WRONG,
    Amount,
    CheckedAnswer,
    check_answer,
    fact_found,
    form_found,
    list_lines,
    parse_number,
    summarise,
    tokenize,
)
from eval.questions import ListItem, Question


def _q(**kw) -> Question:
    base = dict(id="t1", lang="en", question="?", answerable=True, letter="x", evidence=("e",), footnotes=(),
                reference_answer="", kind="amount", doc="demo/letters/x.txt")  # fmt: skip
    base.update(kw)
    return Question(**base)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("3.000.000", 3e6), ("3,000,000", 3e6), ("1,8", 1.8), ("1.8", 1.8), ("4.768", 4768), ("13,1", 13.1),
     ("50,11", 50.11), ("100.000", 1e5), ("0,100", 0.1), ("3.000.000,50", 3000000.5), ("2025", 2025)],
)  # fmt: skip
def test_numbers_in_dutch_and_english_notation(raw, value):
    assert parse_number(raw) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["€3.000.000,-", "€ 3.000.000", "3 mln", "3 mln. euro", "3 miljoen", "3 million", "€3 million",
     "EUR 3 miljoen", "3.000.000 euro", "drie miljoen", "three million", "3,000,000"],
)  # fmt: skip
def test_three_million_in_every_notation(text):
    assert form_found("3 miljoen", text)
    assert form_found("€3.000.000", text) == any(u in text.lower() for u in ("€", "eur"))


def test_unit_on_the_form_must_be_the_texts_unit():
    assert form_found("€80", "Totale kosten per laptop van € 80")
    assert form_found("€80", "80 euro per laptop")
    assert not form_found("€80", "USD 80")
    assert not form_found("€80", "80 laptops")
    assert form_found("30%", "30 procent") and form_found("30%", "thirty percent")
    assert not form_found("30%", "30 landen")
    assert form_found("1,8 miljard", "EUR 1,8 miljard") and form_found("1,8 miljard", "€1.8 billion")
    assert not form_found("1,8 miljard", "1,8 miljoen")
    assert form_found("€ 1", "€1 per laptop") and not form_found("€1", "€10 per laptop")


def test_different_values_and_scales_do_not_match():
    assert not form_found("3 miljoen", "4,7 miljoen euro voor 2026")
    assert not form_found("13 miljoen", "13 labs")
    assert not form_found("752.000", "75.200")
    assert form_found("752.000", "€752.000,-") and form_found("752 thousand", "€752.000,-")
    assert form_found("13,1 miljoen", "(€ 13,1 mln.)")


def test_words_case_accents_quotes_dashes_and_months():
    assert form_found("Van Gasteren", "het lid van gasteren (BBB)")
    assert form_found("Blécourt", "De Blecourt-Wouterse")
    assert form_found("AI-monitor", "an annual AI monitor")
    assert form_found("mkb's", "mkb\u2019s en start-ups")
    assert form_found("75-80%", "van 30% tot 75\u201380%")
    assert form_found("1 juli 2025", "by 1 July 2025") and form_found("7 May 2026", "op 7 mei 2026")
    assert not form_found("1 juli 2025", "1 juni 2025")
    assert form_found("open source communities", "opensourcecommunities")
    assert not form_found("Dassen", "Dassenkamp") and not form_found("de helft", "dehelft")


def test_identifiers_and_footnote_calls_glued_to_words():
    assert tokenize("T03659") == ("t", Amount(3659.0))
    assert form_found("T03659", "toezegging T03659: gesprek")
    assert form_found("Zweden", "Noorwegen en Zweden4. We gaan")
    assert not form_found("T03659", "T03669")


def test_right_partial_wrong_and_abstained():
    q = _q(facts=(("€3.000.000", "3 miljoen", "3 million"), ("752.000", "752 thousand")))
    full = check_answer(q, CheckedAnswer("€ 3.000.000 for awareness and €752.000 for policy [1]"))
    assert full.verdict == RIGHT and full.correct and full.facts_found == (True, True)
    half = check_answer(q, CheckedAnswer("3 mln for awareness"))
    assert half.verdict == PARTIAL and not half.correct
    assert check_answer(q, CheckedAnswer("Budgets are clustered by theme.")).verdict == WRONG
    off = check_answer(q, CheckedAnswer("Not found.", abstained=True))
    assert off.verdict == ABSTAINED and off.correct is False
    assert (
        check_answer(q, CheckedAnswer("The letters do not state it.", not_stated=True)).verdict == ABSTAINED
    )


def test_facts_in_cited_passages_are_reported_not_judged():
    q = _q(facts=(("3 miljoen",),))
    c = check_answer(
        q, CheckedAnswer("See the passage [1].", cited_texts=("heb ik €3.000.000,- gereserveerd",))
    )
    assert c.verdict == WRONG and c.facts_cited == (True,)


def test_unanswerable_and_near_miss():
    q = _q(
        answerable=False,
        doc=None,
        evidence=(),
        near_miss=True,
        kind="near_miss",
        not_stated="x",
        topic_doc="d",
    )
    ok = check_answer(
        q, CheckedAnswer("The letter discusses EDIC but does not state an amount [1].", not_stated=True)
    )
    assert ok.verdict == ABSTAINED and ok.correct
    assert check_answer(q, CheckedAnswer("", abstained=True)).correct
    bad = check_answer(q, CheckedAnswer("The Netherlands pays €5 million [1]."))
    assert bad.verdict == ANSWERED and bad.correct is False


def test_lists_recall_precision_and_complete():
    items = (
        ListItem("kst-26643-1489", "El Abassi", ("El Abassi",)),
        ListItem("kst-26643-1495", "Zwinkels", ("Zwinkels", "GAP-analyse")),
        ListItem(None, "Dassen", ("Dassen",)),
    )
    q = _q(kind="list", items=items)
    text = "Three motions:\n- El Abassi [1]\n- 26 643, nr. 1495 (GAP analysis) [2]\n- Thijssen [3]"
    c = check_answer(q, CheckedAnswer(text))
    assert c.items_found == (True, True, False) and c.item_recall == pytest.approx(2 / 3)
    assert c.item_precision == pytest.approx(2 / 3) and c.list_complete is False and c.verdict == PARTIAL
    done = check_answer(
        q, CheckedAnswer("El Abassi, Zwinkels and Dassen", items=("El Abassi", "Zwinkels", "Dassen"))
    )
    assert done.verdict == RIGHT and done.list_complete and done.item_precision == 1.0
    assert check_answer(q, CheckedAnswer("El Abassi, Zwinkels en Dassen.")).item_precision is None


def test_list_lines_reads_bullets_and_numbers():
    text = "Answer:\n- one\n• two\n3. three\n(4) four\nnot an item\n  b) five"
    assert list_lines(text) == ("- one", "• two", "3. three", "(4) four", "b) five")


def test_expected_footnotes_shown():
    q = _q(facts=(("Kathmann",),), footnotes=("TZ202501-010", "kst-26643-1483"))
    c = check_answer(q, CheckedAnswer("Kathmann [1]", footnote_ids=("TZ202501-010",)))
    assert c.footnotes_shown == (True, False) and c.footnote_share == 0.5
    c = check_answer(
        q, CheckedAnswer("Kathmann (Kamerstukken II 2025/2026, 26 643 nr. 1483)", footnote_ids=())
    )
    assert c.footnotes_shown == (False, True)


def test_questions_without_facts_are_unchecked():
    assert check_answer(_q(), CheckedAnswer("anything")).verdict == UNCHECKED


def test_summarise_per_language():
    qs = [
        _q(id="a", facts=(("57",),)),
        _q(id="b", lang="nl", facts=(("57",),)),
        _q(id="c", answerable=False, doc=None, evidence=(), kind="unanswerable"),
        _q(id="d", kind="list", items=(ListItem(None, "x", ("Kadaster",)), ListItem(None, "y", ("TNO",)))),
    ]
    checks = {
        "a": check_answer(qs[0], CheckedAnswer("57 participants")),
        "b": check_answer(qs[1], CheckedAnswer("", abstained=True)),
        "c": check_answer(qs[2], CheckedAnswer("", abstained=True)),
        "d": check_answer(qs[3], CheckedAnswer("- Kadaster\n- RvIG")),
    }
    s = summarise(qs, checks)
    assert s["en"].n_answerable == 2 and s["en"].right == 0.5 and s["en"].abstention == 1.0
    assert s["nl"].false_abstention == 1.0 and s["nl"].right == 0.0
    assert s["all"].list_recall == 0.5 and s["all"].list_precision == 0.5 and s["all"].list_complete == 0.0
    missing = summarise(qs, {})  # no answers at all: abstained everywhere
    assert missing["all"].false_abstention == 1.0 and missing["all"].abstention == 1.0


def test_fact_found_any_form():
    assert fact_found(["afgedaan", "settled"], "The state secretary considers it settled.")
    assert not fact_found(["afgedaan", "settled"], "Still open.")
