"""`brieven eval`: ingest the demo corpus if needed, score retrieval (hybrid vs baselines) and answers."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.adapters import answer_to_run, hits_to_run
from eval.answers_v2 import FrameJudge
from eval.judge_validation import agreement, load_labels
from eval.judges import LLMJudge, OverlapJudge
from eval.matching import contains_any
from eval.metrics import (
    AnswerRun,
    Judge,
    RetrievalRun,
    answer_scores,
    as_mapping,
    retrieval_scores,
)
from eval.questions import Question, load_questions
from ingest.errors import BrievenError, IndexNotFoundError
from ingest.settings import Settings
from ingest.store import Snapshot, Store

REPO = Path(__file__).resolve().parents[1]
DEMO_LETTERS = REPO / "demo" / "letters"
DEFAULT_OUT = REPO / "eval" / "results" / "latest"
K = 10
SYSTEMS = ("hybrid", "bm25", "plain_bm25", "dense", "textbook")  # hybrid is brieven; the others are baselines

Progress = Callable[[str], None]


@dataclass
class EvalResult:
    results: dict[str, Any]
    out_dir: Path


def _ensure_corpus(settings: Settings, letters_dir: Path, progress: Progress) -> Snapshot:
    """The snapshot in settings.index_dir, ingesting the demo letters when any is missing."""
    from index.pipeline import ingest_paths

    try:
        snapshot = Store(settings.index_dir).load()
        have = {Path(x.source).stem for x in snapshot.letters.values()}
    except IndexNotFoundError:
        have = set()
    wanted = {p.stem for p in letters_dir.glob("*.txt")}
    if not wanted <= have:
        progress(f"ingesting {letters_dir} into {settings.index_dir}")
        report = ingest_paths([letters_dir], settings)
        if report.skipped:
            raise BrievenError(f"could not ingest the demo corpus: {report.skipped[0]}")
    return Store(settings.index_dir).load()


def _check_letters(questions: Sequence[Question], snapshot: Snapshot) -> None:
    """Every question's letter must be in the corpus (matched by file stem, not by letter id)."""
    stems = {Path(x.source).stem for x in snapshot.letters.values()}
    missing = sorted({q.letter for q in questions if q.answerable and q.letter not in stems})
    if missing:
        raise BrievenError(f"letters of the question set are not in the index: {', '.join(missing)}")


def _n_relevant(questions: Sequence[Question], passages: Sequence[str]) -> dict[str, int]:
    return {q.id: sum(contains_any(p, q.evidence) for p in passages) for q in questions if q.answerable}


def retrieval_runs(
    questions: Sequence[Question], search: Callable[[str], Sequence[Any]], n_relevant: dict[str, int]
) -> list[RetrievalRun]:
    runs = []
    for q in questions:
        if not q.answerable:
            continue
        start = time.perf_counter()
        hits = search(q.question)
        run = hits_to_run(q.id, hits, time.perf_counter() - start)
        runs.append(RetrievalRun(run.question_id, run.ranked_passages, n_relevant[q.id], run.latency_s))
    return runs


def answer_runs(questions: Sequence[Question], answer: Callable[[str], Any]) -> list[AnswerRun]:
    runs = []
    for q in questions:
        start = time.perf_counter()
        result = answer(q.question)
        runs.append(answer_to_run(q.id, result, time.perf_counter() - start))
    return runs


def make_judge(name: str, settings: Settings, llm: Any | None = None) -> Judge:
    if name == "offline":
        return OverlapJudge()
    if name == "llm":
        if llm is None:
            if not settings.llm_model:
                raise BrievenError(
                    "--judge llm needs a language model: set BRIEVEN_LLM (e.g. ollama:llama3.1)"
                )
            from assistant.llm import load_chat_model

            llm = load_chat_model(settings)
        return LLMJudge(llm)
    raise BrievenError(f"unknown judge {name!r}; choose offline or llm")


def run_eval(
    settings: Settings,
    out_dir: Path = DEFAULT_OUT,
    judge_name: str = "offline",
    questions_path: Path | None = None,
    letters_dir: Path = DEMO_LETTERS,
    llm: Any | None = None,
    progress: Progress = lambda _: None,
    v2: bool = True,
    v2_index_dir: Path | None = None,
) -> EvalResult:
    """Run every measurement and write results.json, report.md and plot.png into out_dir.

    v2: also answer the v2 question set over its own corpus (eval/run_v2.py), when the shared
    corpus is present."""
    from assistant.engine import Engine
    from eval.report import write_outputs
    from index.hybrid import open_searcher
    from index.textbook import TextbookSearcher, plain_bm25

    questions = load_questions(questions_path) if questions_path else load_questions()
    judge = make_judge(judge_name, settings, llm)
    started = time.perf_counter()
    snapshot = _ensure_corpus(settings, letters_dir, progress)
    _check_letters(questions, snapshot)
    searcher = open_searcher(settings)
    searcher.warm_up()

    progress("retrieval: hybrid, bm25, dense")
    ours = _n_relevant(questions, [c.text for c in snapshot.chunks])
    runs: dict[str, list[RetrievalRun]] = {}
    for mode in ("hybrid", "bm25", "dense"):
        runs[mode] = retrieval_runs(questions, lambda q, m=mode: searcher.search(q, k=K, mode=m), ours)
    runs["plain_bm25"] = retrieval_runs(questions, lambda q: plain_bm25(searcher, q, K), ours)
    progress("retrieval: textbook recipe (1000-character chunks, dense only)")
    textbook = TextbookSearcher(snapshot.letters.values(), searcher.embedder)
    tb_relevant = _n_relevant(questions, [c.text for c in textbook.chunks])
    runs["textbook"] = retrieval_runs(questions, lambda q: textbook.search(q, k=K), tb_relevant)
    retrieval = {name: retrieval_scores(questions, r) for name, r in runs.items()}

    progress(f"answers: offline engine, {len(questions)} questions")
    engine = Engine(searcher, settings, chunks=snapshot.chunks, mentions=snapshot.mentions)
    engine.answer("wat is er toegezegd over MitID?")  # warm-up, not timed
    answers = answer_runs(questions, engine.answer)
    progress(f"judging citations ({judge_name} judge)")
    # The answer frame's short line ("Amount: €3.000.000 [1].") is judged by its values (eval/answers_v2.py).
    answer_report = answer_scores(questions, answers, FrameJudge(judge))

    pairs = load_labels()
    judge_agreement = {
        "all": agreement(OverlapJudge(), pairs),
        "nl": agreement(OverlapJudge(), [p for p in pairs if p.lang == "nl"]),
    }
    results: dict[str, Any] = {
        "settings": {
            "embedding_model": settings.embedding_model,
            "k": K,
            "judge": judge_name,
            "questions": len(questions),
            "answerable": sum(q.answerable for q in questions),
            "chunks": len(snapshot.chunks),
            "textbook_chunks": len(textbook.chunks),
        },
        "retrieval": {name: as_mapping(rep)["by_lang"] for name, rep in retrieval.items()},
        "retrieval_misses": {
            name: sorted(q for q, rank in rep.first_relevant_rank.items() if rank is None or rank > 5)
            for name, rep in retrieval.items()
        },
        "answers": as_mapping(answer_report)["by_lang"],
        "answers_per_question": answer_report.per_question,
        "judge_agreement": {
            k: {**as_mapping(a), "precision": a.precision, "recall": a.recall}
            for k, a in judge_agreement.items()
        },
        "duration_s": round(time.perf_counter() - started, 1),
    }
    if isinstance(judge, LLMJudge):
        results["llm_judge"] = {"calls": judge.calls, "unparsed": len(judge.unparsed)}
    if v2:
        from eval.run_v2 import run_v2, v2_index

        v2_settings = settings.with_(index_dir=v2_index_dir) if v2_index_dir else v2_index(settings)
        results["v2"] = run_v2(v2_settings, judge, out_dir, progress)
        results["duration_s"] = round(time.perf_counter() - started, 1)
    write_outputs(results, out_dir)
    return EvalResult(results, out_dir)


def run_in_temp_index(settings: Settings, **kwargs: Any) -> EvalResult:
    """run_eval over a fresh temporary index folder (the default: the user's index is not touched)."""
    with tempfile.TemporaryDirectory(prefix="brieven-eval-") as tmp:
        folder = Path(tmp)
        return run_eval(settings.with_(index_dir=folder / "demo"), v2_index_dir=folder / "v2", **kwargs)
