"""Index benchmark (a script, not a test): build speed, query latency, recall, and ANN scaling.

    python benchmarks/bench_index.py --index DIR            # demo corpus: build, latency, recall
    python benchmarks/bench_index.py --scale                # synthetic 10k and 100k vectors
    python benchmarks/bench_index.py --scale --million      # ... and 1M (minutes, ~3 GB RAM)

DIR is a folder filled by `brieven ingest demo/letters --index DIR`. Recall uses eval/questions.jsonl.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.build import update_index  # noqa: E402
from index.dense import DenseIndex  # noqa: E402
from index.embeddings import load_embedder  # noqa: E402
from index.hybrid import Searcher, open_searcher  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import Store  # noqa: E402


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_build(settings: Settings) -> None:
    snapshot = Store(settings.index_dir).load()
    embedder = load_embedder(settings)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        start = time.perf_counter()
        update_index(store, snapshot.letters.values(), snapshot.chunks, snapshot.mentions, settings, embedder)
        full = time.perf_counter() - start
        start = time.perf_counter()
        update_index(store, snapshot.letters.values(), snapshot.chunks, snapshot.mentions, settings, embedder)
        again = time.perf_counter() - start
    n = len(snapshot.chunks)
    print(f"build: {n} chunks of {len(snapshot.letters)} letters in {full:.1f} s = {n / full:.1f} chunks/s "
          f"(embedding + faiss + bm25 + write); unchanged re-run {again * 1000:.0f} ms")  # fmt: skip


def questions():
    from eval.questions import load_questions

    return [q for q in load_questions() if q.answerable]


def bench_latency(searcher: Searcher, repeat: int = 1) -> None:
    texts = [q.question for q in questions()]
    searcher.warm_up()
    for mode in ("bm25", "dense", "hybrid"):
        times = []
        for _ in range(repeat):
            for text in texts:
                start = time.perf_counter()
                searcher.search(text, k=5, mode=mode)
                times.append((time.perf_counter() - start) * 1000)
        print(f"latency {mode:6s}: p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms  "
              f"({len(times)} distinct questions, question embedding included)")  # fmt: skip


def recall_at(hits_for, qs, k: int) -> dict[str, float]:
    got: dict[str, list[int]] = {"nl": [], "en": []}
    for q in qs:
        got[q.lang].append(int(any(q.is_relevant(h.chunk.text) for h in hits_for(q.question, k))))
    return {lang: sum(v) / len(v) for lang, v in got.items() if v}


def bench_recall(searcher: Searcher, textbook: bool = True) -> None:
    from index.textbook import TextbookSearcher, plain_bm25

    qs = questions()
    plain = Searcher(searcher.snapshot, searcher.dense, searcher.bm25,
                     searcher.settings.with_(expand_english=False), embedder=searcher.embedder)  # fmt: skip
    systems = {
        "hybrid": lambda q, k: searcher.search(q, k),
        "hybrid, no glossary": lambda q, k: plain.search(q, k),
        "bm25 (+glossary, ids)": lambda q, k: searcher.search(q, k, mode="bm25"),
        "bm25 (ids, no glossary)": lambda q, k: plain.search(q, k, mode="bm25"),
        "bm25s alone (no ids/glossary)": lambda q, k: plain_bm25(searcher, q, k),
        "dense (MiniLM, ids)": lambda q, k: searcher.search(q, k, mode="dense"),
    }
    if textbook:
        tb = TextbookSearcher(searcher.snapshot.letters.values(), searcher.embedder)
        systems["textbook (1000 chars, dense)"] = lambda q, k: tb.search(q, k)
    n_nl = sum(q.lang == "nl" for q in qs)
    print(f"recall on {len(qs)} answerable questions ({n_nl} nl, {len(qs) - n_nl} en):")
    for name, fn in systems.items():
        r5, r10 = recall_at(fn, qs, 5), recall_at(fn, qs, 10)
        print(
            f"  {name:30s} R@5 nl {r5['nl']:.3f} en {r5['en']:.3f}"
            f"   R@10 nl {r10['nl']:.3f} en {r10['en']:.3f}"
        )


def synthetic(n: int, dim: int, seed: int, latent: int = 48, centers: int = 1000) -> np.ndarray:
    """Unit vectors shaped like sentence embeddings: topic clusters in a low-dimensional latent space,
    mapped linearly into `dim` dimensions, plus a little isotropic noise.

    Uniform random vectors in 384 dimensions have no neighbourhood structure at all (every point is
    about equally far from every other), which no embedding model produces; real embeddings have an
    intrinsic dimension of a few dozen. The same generator (fixed seeds) serves data and queries.
    """
    rng = np.random.default_rng(0)  # the space (cluster centres, projection) is shared by all calls
    middle = rng.standard_normal((centers, latent), dtype=np.float32)
    project = rng.standard_normal((latent, dim), dtype=np.float32) / np.sqrt(latent)
    rng = np.random.default_rng(seed)
    out = np.empty((n, dim), dtype=np.float32)
    step = 100_000
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        noise = rng.standard_normal((hi - lo, latent), dtype=np.float32)
        points = middle[rng.integers(0, centers, hi - lo)] + 0.5 * noise
        out[lo:hi] = points @ project + 0.05 * rng.standard_normal((hi - lo, dim), dtype=np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _timed_queries(index, queries, truth, ids) -> tuple[float, float, float]:
    import faiss

    faiss.omp_set_num_threads(1)  # one query at a time, as the app asks them
    times, recall = [], []
    for q, want in zip(queries, truth, strict=True):
        t = time.perf_counter()
        got = index.search(q.reshape(1, -1), 10)[1][0]
        times.append((time.perf_counter() - t) * 1000)
        recall.append(len({ids[i] for i in got if i >= 0} & want) / 10)
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    return pct(times, 50), pct(times, 95), statistics.mean(recall)


def bench_scale(sizes: list[int], dim: int = 384, n_queries: int = 200) -> None:
    import faiss

    print(
        f"scaling, dim {dim}, {n_queries} queries one at a time, build threads {faiss.omp_get_max_threads()}:"
    )
    for n in sizes:
        data = synthetic(n, dim, seed=1)
        queries = synthetic(n_queries, dim, seed=2)
        ids = [str(i) for i in range(n)]
        exact = DenseIndex("flat").fit(ids, data)
        truth = [{c for c, _ in exact.search(q, 10)} for q in queries]
        for kind, knob, values in (("flat", "", [None]), ("hnsw", "efSearch", [64, 128, 256]),
                                   ("ivf", "nprobe", [16, 32, 64])):  # fmt: skip
            before = rss_mb()
            start = time.perf_counter()
            index = exact
            if kind != "flat":
                index = DenseIndex(kind, hnsw_m=32, ef_search=128, ef_construction=80, nprobe=32).fit(
                    ids, data
                )
            build = time.perf_counter() - start if kind != "flat" else 0.0
            grown = rss_mb() - before
            size_mb = faiss.serialize_index(index._index).nbytes / 2**20
            for value in values:
                if kind == "hnsw":
                    index._index.hnsw.efSearch = value
                elif kind == "ivf":
                    index._index.nprobe = value
                p50, p95, recall = _timed_queries(index._index, queries, truth, ids)
                setting = f"{knob}={value}" if value else "exact"
                print(f"  n={n:>9,} {kind:4s} {setting:12s} build {build:7.1f} s  p50 {p50:7.3f} ms  "
                      f"p95 {p95:7.3f} ms  recall@10 {recall:.3f}  "
                      f"index {size_mb:7.1f} MB (+{grown:.0f} MB RSS)")  # fmt: skip
            if index is not exact:
                del index
        del data, exact


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--index", type=Path, help="an ingested demo corpus (brieven ingest demo/letters)")
    parser.add_argument("--model", default=None, help="embedding model the index was built with")
    parser.add_argument("--no-build", action="store_true", help="skip the build timing")
    parser.add_argument("--no-textbook", action="store_true", help="skip the textbook baseline")
    parser.add_argument("--scale", action="store_true", help="synthetic scaling run (10k, 100k)")
    parser.add_argument("--million", action="store_true", help="add 1M vectors to the scaling run")
    args = parser.parse_args()
    if args.index:
        settings = Settings(index_dir=args.index)
        if args.model:
            settings = settings.with_(embedding_model=args.model)
        if not args.no_build:
            bench_build(settings)
        searcher = open_searcher(settings)
        bench_latency(searcher)
        bench_recall(searcher, textbook=not args.no_textbook)
    if args.scale:
        bench_scale([10_000, 100_000] + ([1_000_000] if args.million else []))
    if not (args.index or args.scale):
        parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
