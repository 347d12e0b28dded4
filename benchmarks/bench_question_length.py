"""Cost of a question against its length: tokenising, BM25 search and a whole offline answer for
256 KB and 1 MB questions (one word, and many words), with the limit on question length lifted.

Cost (CPU time of this process) must grow linearly: a 1 MB question at most 5x the time of a 256 KB
one (exit status 1 if not).
The hashing embedder stands in for the model (the model truncates its input; this is about our code).

Usage: python benchmarks/bench_question_length.py [--index DIR] [--repeat 9]
Without --index the demo letters are ingested into a temporary folder first (seconds).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.engine import Engine  # noqa: E402
from index.fake import FakeEmbedder  # noqa: E402
from index.hybrid import open_searcher  # noqa: E402
from index.tokenize import tokenize  # noqa: E402
from ingest.settings import Settings  # noqa: E402

SIZES = (256 * 1024, 1024 * 1024)
SHAPES = {
    "one word": lambda n: "a" * n,
    "one compound-like word": lambda n: ("algoritmekader" * (n // 14 + 1))[:n],
    "many words": lambda n: ("welke toezeggingen over algoritmes staan nog open " * (n // 50 + 1))[:n],
    "digits": lambda n: "1" * n,
}


SEARCHERS: list = []  # whose question-vector cache forget() empties


def forget() -> None:
    """Empty the per-text caches (stems, sentence spans, question vectors): every timed question is
    asked for the first time, as a user's question is. Otherwise a repeat of the same string is served
    from them, more of the small question than of the large one."""
    from assistant import sentences, terms

    for cached in (terms.stem, terms.stem_en, terms.content_stems, sentences.split_spans):
        cached.cache_clear()
    for searcher in SEARCHERS:
        searcher._query_vectors.clear()


def timed(fn) -> float:
    forget()
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def least_times(small, large, repeat: int = 7) -> tuple[float, float]:
    """Least CPU time of this process over interleaved calls on the small and the large question (the
    CPU time of this process, so other processes on the machine add little noise; interleaved, so a
    busy spell falls on both)."""
    pairs = [(timed(small), timed(large)) for _ in range(repeat)]
    return min(p[0] for p in pairs), min(p[1] for p in pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None, help="an index built with --model fake-hash")
    parser.add_argument("--repeat", type=int, default=9, help="interleaved pairs per row (the least counts)")
    args = parser.parse_args()
    settings = Settings(
        index_dir=args.index or Path(tempfile.mkdtemp(prefix="brieven-qlen-")),
        embedding_model="fake-hash",
        max_question_chars=10 * SIZES[-1],
    )
    if args.index is None:
        from index.pipeline import ingest_paths

        ingest_paths([ROOT / "demo" / "letters"], settings, embedder=FakeEmbedder())
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    SEARCHERS.append(searcher)
    snap = searcher.snapshot
    engine = Engine(
        searcher, settings, chunks=snap.chunks, letters=list(snap.letters.values()), mentions=snap.mentions
    )
    engine.answer("warm-up: MitID toezegging")
    decompounder = searcher.bm25.decompounder
    worst = 0.0
    print(f"{'question':<24} {'step':<9} {'256 KB':>9} {'1 MB':>9} {'ratio':>6}")
    for shape, make in SHAPES.items():
        small, large = (make(n) for n in SIZES)
        steps = {
            "tokenize": lambda q: tokenize(q, decompounder),
            "search": lambda q: searcher.search(q, k=8, mode="bm25"),
            "answer": lambda q: engine.answer(q),
        }
        for step, run in steps.items():
            t_small, t_large = least_times(
                lambda run=run, q=small: run(q), lambda run=run, q=large: run(q), args.repeat
            )
            ratio = t_large / t_small if t_small > 0 else float("inf")
            worst = max(worst, ratio)
            row = f"{shape:<24} {step:<9} {t_small * 1000:8.1f}ms {t_large * 1000:8.1f}ms {ratio:6.2f}"
            print(row, flush=True)
    verdict = "linear" if worst <= 5 else "NOT linear"
    print(f"worst ratio 1 MB / 256 KB: {worst:.2f} (4.00 is linear; limit 5): {verdict}")
    return 0 if worst <= 5 else 1


if __name__ == "__main__":
    sys.exit(main())
