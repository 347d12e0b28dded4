"""Retrieval and answer metrics over any system's outputs: plain runs in, plain scores out.

A team scoring another assistant fills `RetrievalRun`s and `AnswerRun`s with its own passages
and answers and calls `retrieval_scores` / `answer_scores`; nothing here knows about brieven's
index or engine.

Definitions (all per language, "nl", "en", and "all"):

- A retrieved passage is *relevant* when it contains any evidence snippet of the question
  (`eval.matching.contains`: whitespace, case and hyphenation do not matter).
- Recall@k: the share of answerable questions with at least one relevant passage in the top k
  (BEIR calls this success@k or hit rate; with one evidence passage per question it equals recall).
- MRR@10: mean of 1/rank of the first relevant passage in the top 10 (0 when none).
- nDCG@10: binary gains, DCG = sum rel_i / log2(i + 1). The ideal ranking puts
  min(R, 10) relevant passages first, where R is `RetrievalRun.n_relevant` (how many passages of
  that system's corpus contain evidence) when the caller knows it, else the number of relevant
  passages the run retrieved in its top 10 (at least 1).
- Citation recall (ALCE): a statement counts when its cited passages, together, support it
  according to the judge; a statement without citations does not count.
- Citation precision (ALCE): a citation counts when its statement is supported and the
  citation is not *irrelevant*: a citation is irrelevant when it does not support the statement
  on its own and the other citations still do without it.
- Both are averaged per answer, then over the answered (not abstained) answerable questions.
- Abstention accuracy: share of unanswerable questions where the system abstained and cited
  nothing. False abstention rate: share of answerable questions where it abstained.
- Footnote accuracy: over answerable questions with expected footnotes, the share of expected
  identifiers found among the footnotes of the answer's citations (an abstention finds none).
- Latency: p50 and p95 of `latency_s` (linear interpolation), over runs that report it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from eval.matching import contains_any
from eval.questions import Question

LANG_GROUPS = ("nl", "en", "all")
RECALL_KS = (1, 5, 10)


@dataclass(frozen=True)
class RetrievalRun:
    """One question's ranked passages (best first), as texts."""

    question_id: str
    ranked_passages: tuple[str, ...]
    n_relevant: int | None = None  # relevant passages in the system's whole corpus, if known
    latency_s: float | None = None


@dataclass(frozen=True)
class AnswerRun:
    """One question's answer: statements with the texts of the passages each one cites."""

    question_id: str
    statements: tuple[tuple[str, tuple[str, ...]], ...]
    abstained: bool
    footnote_ids: tuple[str, ...] = ()  # identifiers or texts of the cited passages' footnotes
    latency_s: float | None = None


@runtime_checkable
class Judge(Protocol):
    """Does the statement follow from these passages (taken together)?"""

    def supports(self, statement: str, passages: Sequence[str]) -> bool: ...


@dataclass(frozen=True)
class RetrievalScores:
    n: int
    recall: dict[int, float]  # k -> Recall@k
    mrr10: float
    ndcg10: float


@dataclass(frozen=True)
class AnswerScores:
    n_answerable: int
    n_answered: int  # answerable and not abstained
    n_unanswerable: int
    citation_recall: float | None
    citation_precision: float | None
    abstention_accuracy: float | None
    false_abstention_rate: float | None
    footnote_accuracy: float | None
    latency_p50_s: float | None
    latency_p95_s: float | None


@dataclass(frozen=True)
class RetrievalReport:
    by_lang: dict[str, RetrievalScores]
    first_relevant_rank: dict[str, int | None] = field(default_factory=dict)  # question id -> rank


@dataclass(frozen=True)
class AnswerReport:
    by_lang: dict[str, AnswerScores]
    per_question: dict[str, dict[str, float | bool | None]] = field(default_factory=dict)


# ---------------------------------------------------------------- retrieval


def relevance(question: Question, passages: Sequence[str]) -> list[bool]:
    """For each passage, whether it contains any of the question's evidence snippets."""
    return [contains_any(p, question.evidence) for p in passages]


def recall_at(rels: Sequence[bool], k: int) -> float:
    return 1.0 if any(rels[:k]) else 0.0


def reciprocal_rank(rels: Sequence[bool], k: int = 10) -> float:
    return next((1.0 / i for i, r in enumerate(rels[:k], 1) if r), 0.0)


def ndcg_at(rels: Sequence[bool], k: int = 10, n_relevant: int | None = None) -> float:
    dcg = sum(1.0 / math.log2(i + 1) for i, r in enumerate(rels[:k], 1) if r)
    ideal_n = n_relevant if n_relevant is not None else sum(rels[:k])
    ideal_n = min(max(ideal_n, 1), k)
    idcg = sum(1.0 / math.log2(i + 1) for i in range(1, ideal_n + 1))
    return dcg / idcg


def _groups(questions: Iterable[Question]) -> dict[str, list[Question]]:
    qs = list(questions)
    return {"nl": [q for q in qs if q.lang == "nl"], "en": [q for q in qs if q.lang == "en"], "all": qs}


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def retrieval_scores(questions: Sequence[Question], runs: Iterable[RetrievalRun]) -> RetrievalReport:
    """Recall@1/5/10, MRR@10 and nDCG@10 per language over the answerable questions.

    A question without a run counts as a miss: a system that skips questions does not gain by it.
    """
    by_id = {r.question_id: r for r in runs}
    per_q: dict[str, tuple[list[bool], int | None]] = {}
    for q in questions:
        if not q.answerable:
            continue
        run = by_id.get(q.id)
        rels = relevance(q, run.ranked_passages[:10]) if run else []
        per_q[q.id] = (rels, run.n_relevant if run else None)
    report: dict[str, RetrievalScores] = {}
    for lang, qs in _groups(q for q in questions if q.answerable).items():
        rows = [per_q[q.id] for q in qs]
        n = len(rows)
        report[lang] = RetrievalScores(
            n=n,
            recall={k: (sum(recall_at(r, k) for r, _ in rows) / n if n else 0.0) for k in RECALL_KS},
            mrr10=sum(reciprocal_rank(r) for r, _ in rows) / n if n else 0.0,
            ndcg10=sum(ndcg_at(r, 10, nr) for r, nr in rows) / n if n else 0.0,
        )
    first = {qid: next((i for i, r in enumerate(rels, 1) if r), None) for qid, (rels, _) in per_q.items()}
    return RetrievalReport(by_lang=report, first_relevant_rank=first)


# ---------------------------------------------------------------- answers


def citation_scores(
    statements: Sequence[tuple[str, Sequence[str]]], judge: Judge
) -> tuple[float, float | None]:
    """ALCE citation recall and precision for one answer: (recall, precision or None if no citations)."""
    if not statements:
        return 0.0, None
    supported = 0
    precise = 0
    n_citations = 0
    for text, cited in statements:
        cited = list(cited)
        n_citations += len(cited)
        if not cited or not judge.supports(text, cited):
            continue  # unsupported: neither recall nor any of its citations count
        supported += 1
        if len(cited) == 1:
            precise += 1
            continue
        for i, passage in enumerate(cited):
            alone = judge.supports(text, [passage])
            rest = cited[:i] + cited[i + 1 :]
            irrelevant = not alone and judge.supports(text, rest)
            precise += 0 if irrelevant else 1
    return supported / len(statements), (precise / n_citations if n_citations else None)


_KST = re.compile(r"^kst-(\d+)((?:-[A-Za-z]+)*)-(\d+)$")


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _kst_pattern(expected: str) -> re.Pattern[str] | None:
    """'kst-26643-1321' -> a pattern for '26 643, nr. 1321' and the other printed variants."""
    m = _KST.match(expected)
    if not m:
        return None
    dossier = r"\s?".join(m.group(1))
    suffix = "".join(rf"[\s,]*{re.escape(s)}" for s in m.group(2).split("-") if s)
    return re.compile(rf"(?<!\d){dossier}{suffix}[\s,]*(?:nr\.?|-)?\s*{m.group(3)}(?!\d)", re.IGNORECASE)


def footnote_found(expected: str, given: Iterable[str]) -> bool:
    """Whether an expected footnote identifier is among the given identifiers or footnote texts."""
    key = _alnum(expected)
    pattern = _kst_pattern(expected)
    for g in given:
        if key and key in _alnum(g):
            return True
        if pattern and pattern.search(g):
            return True
    return False


def percentile(values: Sequence[float], p: float) -> float | None:
    """p in [0, 100], linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def answer_scores(
    questions: Sequence[Question],
    runs: Iterable[AnswerRun],
    judge: Judge,
    on_progress: Callable[[str], None] | None = None,
) -> AnswerReport:
    """Citation recall/precision, abstention, footnote accuracy and latency per language.

    Questions without a run are treated as abstentions with no latency.
    """
    by_id = {r.question_id: r for r in runs}
    per_q: dict[str, dict[str, float | bool | None]] = {}
    for q in questions:
        run = by_id.get(q.id) or AnswerRun(q.id, (), abstained=True)
        row: dict[str, float | bool | None] = {"abstained": run.abstained, "latency_s": run.latency_s}
        if q.answerable and not run.abstained:
            row["citation_recall"], row["citation_precision"] = citation_scores(run.statements, judge)
        if q.answerable and q.footnotes:
            found = 0 if run.abstained else sum(footnote_found(f, run.footnote_ids) for f in q.footnotes)
            row["footnote_accuracy"] = found / len(q.footnotes)
        if not q.answerable:
            cites = any(cited for _, cited in run.statements)
            row["abstention_correct"] = run.abstained and not cites
        per_q[q.id] = row
        if on_progress:
            on_progress(q.id)
    report: dict[str, AnswerScores] = {}
    for lang, qs in _groups(questions).items():
        ans = [per_q[q.id] for q in qs if q.answerable]
        una = [per_q[q.id] for q in qs if not q.answerable]
        answered = [r for r in ans if not r["abstained"]]
        precisions = [
            float(r["citation_precision"]) for r in answered if r.get("citation_precision") is not None
        ]
        latencies = [float(r["latency_s"]) for r in (ans + una) if r["latency_s"] is not None]
        fn = [float(r["footnote_accuracy"]) for r in ans if "footnote_accuracy" in r]
        report[lang] = AnswerScores(
            n_answerable=len(ans),
            n_answered=len(answered),
            n_unanswerable=len(una),
            citation_recall=_mean([float(r["citation_recall"]) for r in answered]),
            citation_precision=_mean(precisions),
            abstention_accuracy=_mean([1.0 if r["abstention_correct"] else 0.0 for r in una]),
            false_abstention_rate=_mean([1.0 if r["abstained"] else 0.0 for r in ans]),
            footnote_accuracy=_mean(fn),
            latency_p50_s=percentile(latencies, 50),
            latency_p95_s=percentile(latencies, 95),
        )
    return AnswerReport(by_lang=report, per_question=per_q)


def as_mapping(obj: object) -> Mapping[str, object]:
    """A JSON-ready dict of a report (dataclasses, int keys turned into strings)."""
    from dataclasses import asdict, is_dataclass

    def fix(x: object) -> object:
        if isinstance(x, dict):
            return {str(k): fix(v) for k, v in x.items()}
        if isinstance(x, list | tuple):
            return [fix(v) for v in x]
        return x

    assert is_dataclass(obj)
    return fix(asdict(obj))  # type: ignore[arg-type, return-value]
