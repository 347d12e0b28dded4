"""The best-sentence ranking: a chunk scored by its best sentence's stored vector, fused into the hybrid."""

from __future__ import annotations

import numpy as np
import pytest

import index.sentences as sentences_module
from index.build import update_index
from index.fake import FakeEmbedder, sample_corpus
from index.hybrid import fuse, open_searcher
from index.sentences import SentenceStore
from index.vector_cache import VectorCache, text_digest
from ingest.model import SearchFilter
from ingest.settings import Settings
from ingest.store import Store


def unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


@pytest.fixture
def store() -> SentenceStore:
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1), unit(1, 1, 0)])
    cache = VectorCache.from_rows([text_digest(str(i)) for i in range(4)], vectors)
    # chunk a: sentences 0 and 1; chunk b: none; chunk c: sentences 2 and 3
    return SentenceStore().fit(["a", "b", "c"], [[(0, 1), (1, 2)], [], [(0, 1), (1, 2)]], [0, 1, 2, 3], cache)


def test_best_scores_take_each_chunks_best_sentence(store):
    best = store.best_scores(unit(0, 1, 0))
    assert best[0] == pytest.approx(1.0)  # chunk a's second sentence
    assert best[1] == -np.inf  # a chunk without sentences never ranks
    assert best[2] == pytest.approx(1 / np.sqrt(2), abs=1e-3)  # chunk c's (1, 1, 0), stored as float16


def test_large_stores_are_scored_block_by_block_with_the_same_result(store, monkeypatch):
    query = unit(0.3, 0.5, 0.8)
    whole = store.best_scores(query)
    monkeypatch.setattr(sentences_module, "_FLOAT32_COPY_LIMIT", 0)
    monkeypatch.setattr(sentences_module, "_BLOCK_ROWS", 3)
    blocked = SentenceStore().fit(store.chunk_ids, [[(0, 1), (1, 2)], [], [(0, 1), (1, 2)]],
                                  list(store.rows), store.cache)  # fmt: skip
    np.testing.assert_allclose(blocked.best_scores(query), whole, rtol=1e-6)
    assert blocked._matrix is None


def test_fuse_adds_the_sentence_ranking_at_its_weight():
    bm25, dense, sent = [("a", 9.0), ("b", 5.0)], [("a", 0.9), ("b", 0.5)], [("b", 0.95), ("a", 0.2)]
    best = lambda scores: max(scores.items(), key=lambda kv: kv[1])[0]  # noqa: E731
    assert best(fuse(bm25, dense, 5, 0.2, 1.0, sent, 0.0)) == "a"
    assert best(fuse(bm25, dense, 5, 0.2, 0.0, sent, 0.75)) == "b"
    assert fuse(bm25, dense, 5, 0.2, 1.0, sent, 0.75)["b"] > fuse(bm25, dense, 5, 0.2)["b"]


@pytest.fixture
def searcher(sample_searcher):
    return sample_searcher


def test_sentence_ranking_scores_stored_sentences_without_embedding_again(searcher):
    embedder = searcher.embedder
    vector = searcher.query_vector("MitID Denemarken")
    calls = embedder.calls
    ranking = searcher.sentence_ranking(vector, None, None, 50)
    assert embedder.calls == calls
    ids = [c.id for c in searcher.snapshot.chunks]
    assert sorted(cid for cid, _ in ranking) == sorted(ids)  # every chunk with sentences, once
    scores = [s for _, s in ranking]
    assert scores == sorted(scores, reverse=True)
    # the score is the best sentence's cosine, as the answerer computes it from the same vectors
    top, score = ranking[0]
    found = searcher.sentence_vectors([top])[top]
    assert score == pytest.approx(float((found.vectors @ vector).max()), abs=1e-5)


def test_sentence_ranking_respects_filters(searcher):
    vector = searcher.query_vector("MitID")
    only = SearchFilter(letter_ids=("brief-c",))
    ranking = searcher.sentence_ranking(vector, only, None, 50)
    letter_of = {c.id: c.letter_id for c in searcher.snapshot.chunks}
    assert ranking and {letter_of[cid] for cid, _ in ranking} == {"brief-c"}


def test_hybrid_search_uses_the_sentence_ranking_only_when_weighted(searcher, monkeypatch):
    ids = [c.id for c in searcher.snapshot.chunks]
    noise, meant = ids[0], ids[1]
    monkeypatch.setattr(searcher, "bm25_ranking", lambda *a: [(noise, 3.0), (meant, 2.0)])
    monkeypatch.setattr(searcher, "dense_ranking", lambda *a: [(noise, 0.9), (meant, 0.5)])
    asked = []

    def sentence_ranking(*args):
        asked.append(args)
        return [(meant, 0.95), (noise, 0.1)]

    monkeypatch.setattr(searcher, "sentence_ranking", sentence_ranking)
    question = "Wanneer stopt het verbranden van recyclebaar materiaal?"
    searcher.settings = searcher.settings.with_(sentence_weight=0.0)
    assert searcher.search(question, k=1)[0].chunk.id == noise and not asked
    searcher.settings = searcher.settings.with_(sentence_weight=3.0)
    hit = searcher.search(question, k=1)[0]
    assert hit.chunk.id == meant and "dense" in hit.found_by and asked
    asked.clear()
    searcher.search(question, k=1, mode="dense")  # the dense mode stays the chunk vectors alone
    searcher.search(question, k=1, mode="bm25")
    assert not asked


def test_an_index_without_sentence_vectors_has_no_sentence_ranking(tmp_path):
    settings = Settings(
        index_dir=tmp_path / "idx", embedding_model="fake-hash", chunk_vectors="whole", sentence_vectors=False
    )
    letters, chunks = sample_corpus()
    update_index(Store(settings.index_dir), letters, chunks, [], settings, FakeEmbedder())
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    assert searcher.sentences is None
    assert searcher.sentence_ranking(searcher.query_vector("MitID"), None, None, 10) == []
    assert searcher.search("MitID", k=3)  # the hybrid still answers from BM25 and chunk vectors


def test_default_settings_weigh_the_sentence_ranking():
    assert Settings().sentence_weight > 0


class _Recording(np.ndarray):
    """A matrix that records the BLAS thread counts in force when it is multiplied."""

    seen: list[int] = []

    def __matmul__(self, other):
        from threadpoolctl import threadpool_info

        # numpy's own OpenBLAS does the product; faiss and scipy bring other BLAS copies, which may
        # be loaded after the controller was made and are not used here
        blas = [i for i in threadpool_info() if i["user_api"] == "blas" and "numpy" in i["filepath"]]
        _Recording.seen = [i["num_threads"] for i in blas]
        return np.asarray(self) @ other


def test_one_query_is_scored_on_one_blas_thread_and_the_count_is_put_back():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    from index.vector_cache import one_query_scores

    matrix = np.stack([unit(1, 0, 0), unit(0, 1, 0)]).view(_Recording)
    with threadpoolctl.threadpool_limits(2, user_api="blas"):  # as on a 2-core machine
        before = [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
        scores = one_query_scores(matrix, unit(1, 1, 0))
        after = [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
    np.testing.assert_allclose(scores, [2**-0.5, 2**-0.5], rtol=1e-6)
    assert _Recording.seen and set(_Recording.seen) == {1}
    assert after == before and 2 in before
