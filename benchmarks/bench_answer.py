"""Time to answer offline (extractive) on the demo corpus after warm-up: p50 and p95 in milliseconds.

Usage: python benchmarks/bench_answer.py [--index DIR] [--rounds N]
Without --index the demo letters are ingested into a temporary folder first (takes a few minutes).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.engine import open_engine  # noqa: E402
from eval.questions import load_questions  # noqa: E402
from ingest.settings import Settings  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None, help="an index with the demo letters ingested")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the question set (default 2)")
    args = parser.parse_args()
    index = args.index
    if index is None:
        from index.pipeline import ingest_paths

        index = Path(tempfile.mkdtemp(prefix="brieven-bench-"))
        started = time.perf_counter()
        ingest_paths([ROOT / "demo" / "letters"], Settings(index_dir=index))
        print(f"ingested demo letters in {time.perf_counter() - started:.1f} s")
    engine = open_engine(Settings(index_dir=index))
    engine.warm_up()
    questions = [q.question for q in load_questions()]
    for q in questions[:5]:  # warm caches and the model's first calls
        engine.answer(q)
    search_ms: list[float] = []
    total_ms: list[float] = []
    for _ in range(args.rounds):
        for q in questions:
            t0 = time.perf_counter()
            engine.searcher.search(q, k=8)
            t1 = time.perf_counter()
            engine.answer(q)
            t2 = time.perf_counter()
            search_ms.append((t1 - t0) * 1000)
            total_ms.append((t2 - t1) * 1000)
    print(
        f"questions: {len(questions)} x {args.rounds} rounds, offline extractive mode, {os.cpu_count()} CPUs"
    )
    print(f"answer   p50 {statistics.median(total_ms):7.1f} ms   p95 {percentile(total_ms, 0.95):7.1f} ms")
    print(f"  search p50 {statistics.median(search_ms):7.1f} ms   p95 {percentile(search_ms, 0.95):7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
