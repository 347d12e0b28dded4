"""Fusion grid (a script, not a test): Recall@5 and MRR@10 over fusion weights, depth and glossary use.

    python -m benchmarks.fusion_grid --questions eval/questions_v2.jsonl --part development \\
        --letters demo/letters ../shared/corpus/real/kamerbrieven-pdf --index /tmp/grid-index

Every question is embedded once and each ranking (BM25 with and without the English glossary, dense
with and without it) is computed once at the deepest depth; the grid then re-runs the real
Searcher.search (fusion, identifier boosts, named letters) over those cached rankings, so a few
hundred settings take seconds. The index is built in --index (or a temporary folder) from
--letters unless it is there already; --model picks the embedder (default: the offline default).
Only questions of --part (eval/splits.py: question_part) are scored; tune on development only.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.metrics import RetrievalRun, retrieval_scores  # noqa: E402
from eval.questions import Question, load_questions  # noqa: E402
from eval.splits import question_part  # noqa: E402
from index.build import check_compatible, load_indexes, load_sentences  # noqa: E402
from index.embeddings import load_embedder  # noqa: E402
from index.hybrid import Searcher  # noqa: E402
from index.textbook import TextbookSearcher, plain_bm25  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import Store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MAX_DEPTH = 100
K = 10
RRF_KS = (5, 10, 20, 40, 60)
DENSE_WEIGHTS = (0.0, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0)
DEPTHS = (20, 50, 100)
ENGLISH_BM25_FLOORS = (1.0, 0.5, 0.25, 0.0)  # 1.0: BM25 weighs 1 for every question


class CachedSearcher(Searcher):
    """The real Searcher, with each ranking computed once at MAX_DEPTH and cut to the depth asked."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._bm25_cache: dict = {}
        self._dense_cache: dict = {}
        self._sentence_cache: dict = {}
        self._parsed: dict = {}

    def bm25_ranking(self, text, filters, letters, depth):
        key = (text, repr(filters), frozenset(letters or ()))
        if key not in self._bm25_cache:
            self._bm25_cache[key] = super().bm25_ranking(text, filters, letters, MAX_DEPTH)
        return self._bm25_cache[key][:depth]

    def dense_ranking(self, vector, filters, letters, depth):
        key = (vector.tobytes(), repr(filters), frozenset(letters or ()))
        if key not in self._dense_cache:
            self._dense_cache[key] = super().dense_ranking(vector, filters, letters, MAX_DEPTH)
        return self._dense_cache[key][:depth]

    def sentence_ranking(self, vector, filters, letters, depth):
        key = (vector.tobytes(), repr(filters), frozenset(letters or ()))
        if key not in self._sentence_cache:
            self._sentence_cache[key] = super().sentence_ranking(vector, filters, letters, MAX_DEPTH)
        return self._sentence_cache[key][:depth]


def ensure_index(settings: Settings, letters: list[Path]) -> None:
    """Ingest letters into settings.index_dir; an index built with other settings is rebuilt (vectors
    of texts embedded before by the same model are reused, so changing the chunking costs little)."""
    from index.pipeline import ingest_paths
    from ingest.errors import IndexMismatchError

    started = time.perf_counter()
    try:
        report = ingest_paths(letters, settings)
    except IndexMismatchError:
        report = ingest_paths(letters, settings, rebuild=True)
    if report.added or report.replaced:
        print(f"indexed {report.letters_total} letters, {report.chunks_total} chunks "
              f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)  # fmt: skip
    for skipped in report.skipped:
        print(f"skipped {skipped}", file=sys.stderr)


def conversation_texts(questions: list[Question], all_questions: list[Question], settings: Settings) -> dict:
    """What the product searches for each question: a follow-up ("and who asked for it?") is read with
    the conversation it continues (the earlier questions answered by the engine, as a user would have
    asked them), so its search text carries the topic (assistant/analysis.py: search_text)."""
    from assistant.engine import open_engine

    by_id = {q.id: q for q in all_questions}
    if not any(q.follows for q in questions):
        return {}
    engine = open_engine(settings)
    answers: dict[str, object] = {}

    def history(q: Question) -> list:
        if q.follows is None or q.follows not in by_id:
            return []
        head = by_id[q.follows]
        if head.id not in answers:
            answers[head.id] = engine.answer(head.question, history=tuple(history(head)))
        return [*history(head), answers[head.id]]

    return {q.id: engine.analyse(q.question, history(q)).search_text for q in questions if q.follows}


SPLIT_AT: str | None = None  # --split-at: questions from this id on are scored apart ("new")


def scores(questions: list[Question], search) -> dict[str, dict[str, float]]:
    runs = [RetrievalRun(q.id, tuple(h.chunk.text for h in search(q.question)), 1) for q in questions]
    if SPLIT_AT is None:
        report = retrieval_scores(questions, runs)
        return {lang: {"r5": s.recall[5], "mrr": s.mrr10, "n": s.n} for lang, s in report.by_lang.items()}
    got = {}
    for group, keep in (("old", lambda i: i < SPLIT_AT), ("new", lambda i: i >= SPLIT_AT)):
        qs = [q for q in questions if keep(q.id)]
        if not qs:
            continue
        report = retrieval_scores(qs, [r for r in runs if keep(r.question_id)])
        got |= {f"{group}-{lang}": {"r5": s.recall[5], "mrr": s.mrr10, "n": s.n}
                for lang, s in report.by_lang.items() if lang != "all"}  # fmt: skip
    return got


def line(name: str, got: dict[str, dict[str, float]]) -> str:
    cells = "  ".join(
        f"{lang} R@5 {v['r5']:.3f} MRR {v['mrr']:.3f} ({v['n']})" for lang, v in sorted(got.items())
    )
    return f"{name:44s} {cells}"


def mean_key(got: dict[str, dict[str, float]]) -> tuple[float, float]:
    langs = list(got.values())
    return (sum(v["r5"] for v in langs) / len(langs), sum(v["mrr"] for v in langs) / len(langs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path, default=REPO / "eval" / "questions.jsonl")
    parser.add_argument("--part", choices=("development", "measurement", "all"), default="development")
    parser.add_argument("--letters", type=Path, nargs="+", default=[REPO / "demo" / "letters"])
    parser.add_argument("--index", type=Path, default=None, help="index folder (built there if missing)")
    parser.add_argument("--model", default=None, help="embedding model (default: the offline default)")
    parser.add_argument("--chunk-max-tokens", type=int, default=None, help="chunking (default: settings)")
    parser.add_argument("--chunk-vectors", choices=("sentences", "whole"), default=None)
    parser.add_argument("--textbook", action="store_true", help="add the textbook recipe (embeds its chunks)")
    parser.add_argument("--top", type=int, default=15, help="grid rows to print")
    parser.add_argument("--json", type=Path, default=None, help="write every row here")
    parser.add_argument(
        "--bare-followups", action="store_true", help="search follow-ups without their conversation"
    )
    parser.add_argument(
        "--split-at",
        default=None,
        help="score questions from this id on (v2-158) apart from the earlier ones",
    )
    parser.add_argument(
        "--sentence-weights",
        type=float,
        nargs="+",
        default=None,
        help="weights of the best-sentence ranking to grid (default: 0 and the settings' default)",
    )
    parser.add_argument(
        "--narrow", action="store_true", help="only the default glossary use and depth (a faster grid)"
    )
    args = parser.parse_args(argv)
    global SPLIT_AT
    SPLIT_AT = args.split_at

    every = load_questions(args.questions)
    wanted = ("development", "measurement") if args.part == "all" else (args.part,)
    questions = [q for q in every if q.answerable and question_part(q.id) in wanted]
    if not questions:
        parser.error(f"no answerable questions of part {args.part} in {args.questions}")
    tmp = None
    if args.index is None:
        tmp = tempfile.TemporaryDirectory(prefix="fusion-grid-")
        args.index = Path(tmp.name)
    settings = Settings(index_dir=args.index)
    if args.model:
        settings = settings.with_(embedding_model=args.model)
    if args.chunk_max_tokens:
        settings = settings.with_(chunk_max_tokens=args.chunk_max_tokens)
    if args.chunk_vectors:
        settings = settings.with_(chunk_vectors=args.chunk_vectors)
    ensure_index(settings, args.letters)
    snapshot = Store(settings.index_dir).load()
    check_compatible(snapshot, settings)
    stems = {Path(x.source).stem for x in snapshot.letters.values()}
    missing = sorted({q.letter for q in questions if q.letter not in stems})
    if missing:
        print(f"warning: letters of {len(missing)} questions are not indexed: {', '.join(missing[:5])}",
              file=sys.stderr)  # fmt: skip
    dense, bm25 = load_indexes(snapshot)
    embedder = load_embedder(settings)
    sentences = load_sentences(snapshot)
    searcher = CachedSearcher(snapshot, dense, bm25, settings, embedder=embedder, sentences=sentences)
    n_nl = sum(q.lang == "nl" for q in questions)
    n_en = len(questions) - n_nl
    print(f"{len(questions)} answerable questions of part {args.part} ({n_nl} nl, {n_en} en), "
          f"{len(snapshot.chunks)} chunks, embedder {embedder.name}")  # fmt: skip

    if not args.bare_followups:  # a follow-up is asked as what the product searches for it
        texts = conversation_texts(questions, every, settings)
        questions = [dataclasses.replace(q, question=texts[q.id]) if q.id in texts else q for q in questions]
        print(f"{len(texts)} follow-ups searched with their conversation (--bare-followups: without)")
    started = time.perf_counter()
    vectors = {}
    for q in questions:  # embed every dense text once (with and without the glossary terms)
        for expand in (False, True):
            searcher.settings = settings.with_(expand_english_dense=expand)
            text = searcher.plan(q.question).dense_text
            if text not in vectors:
                vectors[text] = embedder.embed_query(text)
    searcher.query_vector = lambda text: vectors[text] if text in vectors else embedder.embed_query(text)
    print(f"embedded {len(vectors)} question texts in {time.perf_counter() - started:.1f} s")

    rows = []
    started = time.perf_counter()
    sentence_weights = args.sentence_weights or sorted({0.0, Settings().sentence_weight})
    if sentences is None and any(sentence_weights):
        print("warning: no sentence vectors in the index; sentence weights change nothing", file=sys.stderr)
    base = Settings()
    glossary_bm25 = (base.expand_english,) if args.narrow else (True, False)
    glossary_dense = (base.expand_english_dense,) if args.narrow else (False, True)
    depths = (base.fusion_depth,) if args.narrow else DEPTHS
    for expand_bm25, expand_dense, depth, rrf_k, weight, floor, sentence_weight in itertools.product(
        glossary_bm25, glossary_dense, depths, RRF_KS, DENSE_WEIGHTS, ENGLISH_BM25_FLOORS, sentence_weights
    ):
        if weight == 0.0 and (expand_dense or floor < 1.0 or sentence_weight > 0):
            continue  # the dense side has no say
        searcher.settings = settings.with_(
            expand_english=expand_bm25,
            expand_english_dense=expand_dense,
            fusion_depth=depth,
            rrf_k=rrf_k,
            dense_weight=weight,
            english_bm25_floor=floor,
            sentence_weight=sentence_weight,
        )
        got = scores(questions, lambda text: searcher.search(text, k=K))
        config = {"glossary_bm25": expand_bm25, "glossary_dense": expand_dense, "depth": depth,
                  "rrf_k": rrf_k, "dense_weight": weight, "english_bm25_floor": floor,
                  "sentence_weight": sentence_weight}  # fmt: skip
        rows.append({"config": config, "scores": got})
    print(f"grid: {len(rows)} settings in {time.perf_counter() - started:.1f} s\n")

    def name(c: dict) -> str:
        gloss = ("G" if c["glossary_bm25"] else "-") + ("G" if c["glossary_dense"] else "-")
        return (f"k={c['rrf_k']:<3d} w={c['dense_weight']:<4} depth={c['depth']:<3d} glossary {gloss} "
                f"en-floor {c['english_bm25_floor']:<4} sent {c['sentence_weight']:<4}")  # fmt: skip

    print("best settings (mean over languages of Recall@5, then MRR@10); glossary: bm25, dense side")
    for row in sorted(rows, key=lambda r: mean_key(r["scores"]), reverse=True)[: args.top]:
        print(line(name(row["config"]), row["scores"]))
    default = Settings()
    print("\nthe defaults in ingest/settings.py, their glossary ablations and English BM25 floors:")
    for gb, gd in ((True, False), (False, False), (True, True), (False, True)):
        for row in rows:
            c = row["config"]
            if (c["rrf_k"], c["dense_weight"], c["depth"], c["sentence_weight"]) == (
                default.rrf_k, default.dense_weight, default.fusion_depth, default.sentence_weight) and (
                c["glossary_bm25"], c["glossary_dense"]) == (gb, gd) and (
                c["english_bm25_floor"] == default.english_bm25_floor or (gb, gd) == (
                    default.expand_english, default.expand_english_dense)):  # fmt: skip
                print(line(name(c), row["scores"]))

    print("\nsingle rankings and baselines:")
    searcher.settings = settings
    baselines = {
        "bm25 (ids, glossary)": lambda t: searcher.search(t, k=K, mode="bm25"),
        "dense (ids)": lambda t: searcher.search(t, k=K, mode="dense"),
        "plain BM25 (no ids, no glossary)": lambda t: plain_bm25(searcher, t, K),
    }
    if args.textbook:
        textbook = TextbookSearcher(snapshot.letters.values(), embedder)
        baselines["textbook (1000 chars, dense)"] = lambda t: textbook.search(t, k=K)
    for label, fn in baselines.items():
        got = scores(questions, fn)
        rows.append({"config": {"baseline": label}, "scores": got})
        print(line(label, got))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
