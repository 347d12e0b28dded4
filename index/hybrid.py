"""Hybrid retrieval: BM25 and dense rankings fused, exact identifiers first, filters, English queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from index.bm25 import BM25Index
from index.build import check_compatible, load_indexes
from index.dense import DenseIndex
from index.embeddings import TextEmbedder, load_embedder
from index.glossary import expand_query
from index.identifiers import IdentifierIndex
from index.language import detect_language
from ingest.errors import IndexMismatchError
from ingest.model import Hit, SearchFilter
from ingest.settings import Settings
from ingest.store import Snapshot, Store

MODES = ("hybrid", "bm25", "dense")
# How deep each ranking is read before fusing; deeper lists change little past ~50 on these letters.
DEPTH = 50
# Score bonuses that put identifier matches ahead of every fused score (RRF scores stay below 0.05).
CITED_BONUS = 1.0
NAMED_LETTER_BONUS = 0.5


def rrf(rankings: list[list[str]], k: int = 60) -> dict[str, float]:
    """Reciprocal rank fusion: sum of 1/(k + rank) over the rankings that contain an item."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


@dataclass
class QueryPlan:
    """How one question is searched: the language and the texts sent to each index."""

    language: str
    keyword_text: str
    dense_text: str


class Searcher:
    """Search one snapshot; the embedding model is loaded on the first query that needs it."""

    def __init__(
        self,
        snapshot: Snapshot,
        dense: DenseIndex,
        bm25: BM25Index,
        settings: Settings,
        embedder: TextEmbedder | None = None,
        embedder_factory: Callable[[], TextEmbedder] | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.dense = dense
        self.bm25 = bm25
        self.settings = settings
        self._embedder = embedder
        self._embedder_factory = embedder_factory or (lambda: load_embedder(settings))
        self.identifiers = IdentifierIndex(snapshot.letters.values(), snapshot.chunks, snapshot.mentions)
        self._letter_of = {c.id: c.letter_id for c in snapshot.chunks}

    @property
    def embedder(self) -> TextEmbedder:
        if self._embedder is None:
            embedder = self._embedder_factory()
            if self.dense.dim and embedder.dim != self.dense.dim:
                raise IndexMismatchError(
                    f"model {embedder.name} gives {embedder.dim}-dimensional vectors but the index holds "
                    f"{self.dense.dim}; rebuild with `brieven ingest --rebuild PATH`"
                )
            self._embedder = embedder
        return self._embedder

    def warm_up(self) -> None:
        """Load the model and run one query through every path, so the first real query is fast."""
        self.search("toezegging digitale overheid", k=1)

    def plan(self, query: str) -> QueryPlan:
        language = detect_language(query)
        keyword = query
        if language == "en" and self.settings.expand_english:
            keyword = expand_query(query)
        # The dense side gets the expanded text too: measured on eval/questions.jsonl, the Dutch terms
        # pull an English question toward the Dutch passages more than they blur it (see README).
        return QueryPlan(language, keyword, keyword)

    def _mask(self, ids: list[str], filters: SearchFilter | None, letters: set[str] | None = None) -> np.ndarray | None:
        if filters is None and letters is None:
            return None
        admitted = {
            lid
            for lid, letter in self.snapshot.letters.items()
            if (filters is None or filters.admits(letter)) and (letters is None or lid in letters)
        }
        return np.fromiter((self._letter_of.get(cid) in admitted for cid in ids), dtype=bool, count=len(ids))

    def _rankings(self, plan: QueryPlan, mode: str, filters: SearchFilter | None, letters: set[str] | None, depth: int):
        bm25_hits: list[tuple[str, float]] = []
        dense_hits: list[tuple[str, float]] = []
        if mode in ("hybrid", "bm25"):
            bm25_hits = self.bm25.search(plan.keyword_text, depth, self._mask(self.bm25.ids, filters, letters))
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_query(plan.dense_text)
            dense_hits = self.dense.search(vector, depth, self._mask(self.dense.ids, filters, letters))
        return bm25_hits, dense_hits

    def search(
        self, query: str, k: int = 5, filters: SearchFilter | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        """The k best passages for query, identifier matches first; mode is hybrid, bm25 or dense."""
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; choose hybrid, bm25 or dense")
        if k <= 0 or not query.strip():
            return []
        plan = self.plan(query)
        depth = max(DEPTH, k)
        bm25_hits, dense_hits = self._rankings(plan, mode, filters, None, depth)
        found_by: dict[str, set[str]] = {}
        for name, hits in (("bm25", bm25_hits), ("dense", dense_hits)):
            for cid, _ in hits:
                found_by.setdefault(cid, set()).add(name)
        if mode == "hybrid":
            scores = rrf([[c for c, _ in bm25_hits], [c for c, _ in dense_hits]], self.settings.rrf_k)
        else:
            scores = dict(bm25_hits or dense_hits)

        cited, named_letters = self.identifiers.lookup(self.identifiers.parse(query))
        if named_letters:
            # The question names a letter by its number: search inside it as well, and rank it first.
            inner_bm25, inner_dense = self._rankings(plan, mode, filters, named_letters, depth)
            inner = rrf([[c for c, _ in inner_bm25], [c for c, _ in inner_dense]], self.settings.rrf_k)
            for cid, score in inner.items():
                scores[cid] = max(scores.get(cid, 0.0), score) + NAMED_LETTER_BONUS
                found_by.setdefault(cid, set()).add("id")
        admitted_cited = [c for c in cited if self._admits(c, filters)]
        for position, cid in enumerate(admitted_cited):
            # keep the citing chunks in fused order, unranked ones after in corpus order
            scores[cid] = scores.get(cid, 0.0) + CITED_BONUS - position * 1e-6
            found_by.setdefault(cid, set()).add("id")

        ranked = sorted(scores.items(), key=lambda item: -item[1])[:k]
        hits = []
        for rank, (cid, score) in enumerate(ranked, 1):
            chunk = self.snapshot.chunk(cid)
            letter = self.snapshot.letter(chunk.letter_id) if chunk else None
            if chunk is None or letter is None:
                continue
            order = tuple(n for n in ("id", "bm25", "dense") if n in found_by.get(cid, ()))
            hits.append(Hit(chunk=chunk, letter=letter, score=float(score), rank=rank, found_by=order))
        return hits

    def _admits(self, chunk_id: str, filters: SearchFilter | None) -> bool:
        letter = self.snapshot.letter(self._letter_of.get(chunk_id, ""))
        return letter is not None and (filters is None or filters.admits(letter))


def open_searcher(settings: Settings, embedder: TextEmbedder | None = None) -> Searcher:
    """A Searcher over the current snapshot in settings.index_dir; refuses an incompatible index."""
    snapshot = Store(settings.index_dir).load()
    check_compatible(snapshot, settings)
    dense, bm25 = load_indexes(snapshot)
    return Searcher(snapshot, dense, bm25, settings, embedder=embedder)
