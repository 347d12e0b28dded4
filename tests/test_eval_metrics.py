"""Each metric on small cases computed by hand."""

import math

import pytest

from eval.metrics import (
    AnswerRun,
    RetrievalRun,
    answer_scores,
    citation_scores,
    footnote_found,
    ndcg_at,
    percentile,
    reciprocal_rank,
    retrieval_scores,
)
from eval.questions import Question


def question(qid, lang="nl", answerable=True, evidence=("gouden sleutel",), footnotes=()):
    return Question(
        id=qid,
        lang=lang,
        question="?",
        answerable=answerable,
        letter="l" if answerable else None,
        evidence=tuple(evidence) if answerable else (),
        footnotes=tuple(footnotes),
        reference_answer="",
        kind="topic",
    )


REL = "hier ligt de gouden\nsleutel verstopt"
NOT = "niets te zien"


class TableJudge:
    """Supported exactly when (statement, set of passages) is in the table."""

    def __init__(self, table):
        self.table = {(s, frozenset(ps)) for s, ps in table}
        self.calls = []

    def supports(self, statement, passages):
        self.calls.append((statement, tuple(passages)))
        return (statement, frozenset(passages)) in self.table


def test_recall_mrr_ndcg_by_hand():
    qs = [question("a"), question("b", lang="en"), question("c", lang="en"), question("u", answerable=False)]
    runs = [
        RetrievalRun("a", (NOT, REL, NOT, REL)),  # first relevant at rank 2, two relevant
        RetrievalRun("b", (REL,)),  # rank 1
        RetrievalRun("c", (NOT,) * 5 + (REL,)),  # rank 6
    ]
    rep = retrieval_scores(qs, runs)
    nl, en, all_ = rep.by_lang["nl"], rep.by_lang["en"], rep.by_lang["all"]
    assert nl.n == 1 and en.n == 2 and all_.n == 3  # the unanswerable question is not scored
    assert nl.recall == {1: 0.0, 5: 1.0, 10: 1.0}
    assert en.recall == {1: 0.5, 5: 0.5, 10: 1.0}
    assert all_.recall[1] == pytest.approx(1 / 3) and all_.recall[5] == pytest.approx(2 / 3)
    assert nl.mrr10 == 0.5
    assert en.mrr10 == pytest.approx((1 + 1 / 6) / 2)
    # a: DCG = 1/log2(3) + 1/log2(5); ideal with the 2 relevant it found = 1 + 1/log2(3)
    dcg_a = 1 / math.log2(3) + 1 / math.log2(5)
    assert nl.ndcg10 == pytest.approx(dcg_a / (1 + 1 / math.log2(3)))
    assert en.ndcg10 == pytest.approx((1 + 1 / math.log2(7)) / 2)
    assert rep.first_relevant_rank == {"a": 2, "b": 1, "c": 6}


def test_ndcg_uses_known_number_of_relevant_passages():
    rels = [False, True, False, True]
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    assert ndcg_at(rels, 10, n_relevant=3) == pytest.approx(dcg / (1 + 1 / math.log2(3) + 0.5))
    assert ndcg_at([True], 10, n_relevant=1) == 1.0
    assert ndcg_at([False] * 10, 10) == 0.0


def test_missing_run_and_rank_beyond_ten_are_misses():
    qs = [question("a"), question("b")]
    rep = retrieval_scores(qs, [RetrievalRun("a", (NOT,) * 10 + (REL,))])
    assert rep.by_lang["all"].recall[10] == 0.0 and rep.by_lang["all"].mrr10 == 0.0
    assert reciprocal_rank([False, False, True]) == pytest.approx(1 / 3)


def test_alce_citation_recall_and_precision():
    judge = TableJudge(
        [
            ("s1", {"p1", "p2"}),
            ("s1", {"p1"}),  # p1 alone supports s1; p2 alone does not -> p2 irrelevant
            ("s4", {"pa", "pb"}),  # only jointly: both citations needed
        ]
    )
    # s1 supported (2 citations, 1 precise), s2 unsupported (1 citation), s3 uncited
    rec, prec = citation_scores([("s1", ["p1", "p2"]), ("s2", ["p3"]), ("s3", [])], judge)
    assert rec == pytest.approx(1 / 3) and prec == pytest.approx(1 / 3)
    rec, prec = citation_scores([("s4", ["pa", "pb"])], judge)
    assert (rec, prec) == (1.0, 1.0)
    assert citation_scores([("s3", [])], judge) == (0.0, None)
    assert citation_scores([], judge) == (0.0, None)


def test_abstention_footnotes_and_latency():
    qs = [
        question("a", footnotes=("TZ202504-147", "kst-26643-1321")),
        question("b", lang="en", footnotes=("TZ202411-104",)),
        question("u1", answerable=False),
        question("u2", answerable=False, lang="en"),
        question("u3", answerable=False),
    ]
    judge = TableJudge([("Waar.", {REL})])
    runs = [
        AnswerRun(
            "a",
            (("Waar.", (REL,)), ("Onwaar.", (NOT,))),
            abstained=False,
            footnote_ids=("TZ202504-147", "Kamerstukken II 2024/2025, 26643, nr. 1321"),
            latency_s=1.0,
        ),
        AnswerRun("b", (), abstained=True, footnote_ids=("TZ202411-104",), latency_s=2.0),
        AnswerRun("u1", (), abstained=True, latency_s=3.0),
        AnswerRun("u2", (("Iets.", (NOT,)),), abstained=False, latency_s=4.0),
        AnswerRun("u3", (("Iets.", (NOT,)),), abstained=True),  # abstains but still cites: wrong
    ]
    rep = answer_scores(qs, runs, judge)
    all_ = rep.by_lang["all"]
    assert (all_.n_answerable, all_.n_answered, all_.n_unanswerable) == (2, 1, 3)
    assert all_.citation_recall == 0.5 and all_.citation_precision == 0.5
    assert all_.abstention_accuracy == pytest.approx(1 / 3)
    assert all_.false_abstention_rate == 0.5
    assert all_.footnote_accuracy == pytest.approx((1.0 + 0.0) / 2)  # an abstention finds none
    assert all_.latency_p50_s == 2.5 and all_.latency_p95_s == pytest.approx(3.85)
    en = rep.by_lang["en"]
    assert en.citation_recall is None and en.abstention_accuracy == 0.0 and en.false_abstention_rate == 1.0
    assert rep.per_question["u1"]["abstention_correct"] is True


def test_question_without_answer_run_counts_as_abstention():
    rep = answer_scores([question("a"), question("u", answerable=False)], [], TableJudge([]))
    assert rep.by_lang["all"].false_abstention_rate == 1.0 and rep.by_lang["all"].abstention_accuracy == 1.0


@pytest.mark.parametrize(
    ("expected", "given", "found"),
    [
        ("TZ202504-147", ["20 TZ202504-147"], True),
        ("TZ202504-147", ["TZ202504-14"], False),
        ("kst-26643-1321", ["Kamerstukken II 2024/2025, 26643, nr. 1321"], True),
        ("kst-26643-1321", ["Kamerstukken II 2024/2025, 26 643, nr. 1321."], True),
        ("kst-26643-1321", ["kst-26643-1321"], True),
        ("kst-26643-1321", ["Kamerstukken II 2024/2025, 26643, nr. 13210"], False),
        ("kst-36600-VII-62", ["Kamerstukken II 2024/2025, 36 600 VII, nr. 62."], True),
        ("kst-36600-VII-62", ["Kamerstukken II 2024/2025, 36 600 VII, nr. 63."], False),
        ("T03666", ["Handelingen I 2022-2023, nr. 23, item 9 - blz. 12, T03666"], True),
    ],
)
def test_footnote_identifier_variants(expected, given, found):
    assert footnote_found(expected, given) is found


def test_percentile_by_hand():
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)
