"""Hybrid retrieval: BM25 and dense rankings fused, exact identifiers first, filters, English queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from index.bm25 import BM25Index
from index.build import check_compatible, load_indexes
from index.dense import DenseIndex
from index.embeddings import TextEmbedder, load_embedder
from index.glossary import translate_groups
from index.identifiers import IdentifierIndex
from index.language import detect_language
from ingest.errors import IndexMismatchError
from ingest.model import Hit, SearchFilter
from ingest.settings import Settings
from ingest.store import Snapshot, Store

MODES = ("hybrid", "bm25", "dense")
# How deep each ranking is read before fusing; deeper lists change little past ~50 on these letters.
DEPTH = 50
# Fusion, decided by measurement on eval/questions.jsonl (89 answerable questions: 45 nl, 44 en;
# offline MiniLM; identifier boosts and glossary on). Weighted RRF, Recall@5 nl/en:
#                 dense weight 0     0.2        0.3        0.5        1.0 (plain RRF)
#   k=10                      .96/.91  .96/.93    .96/.89    .96/.89    .93/.75
#   k=30                      .96/.91  .96/.89    .93/.86    .93/.75    .91/.68
#   k=60                      .96/.91  .93/.82    .93/.77    .91/.70    .91/.66
# (min-max weighted score fusion, bm25 share 0.8, measured .87/.86 before the identifier boosts.)
# MiniLM is an English model and weak on these Dutch letters (dense alone: .76/.57), so the dense
# ranking gets a small voice: it rescues some paraphrases, and equal-weight RRF drags BM25 down.
# A multilingual model (e5) deserves a re-measurement with more weight: settings.dense_weight.
# The defaults (settings.rrf_k = 10, settings.dense_weight = 0.2) are the measured best.
# Score bonuses that put identifier matches ahead of every fused score (fused scores stay below 0.2).
CITED_BONUS = 1.0
SECTION_BONUS = 0.75  # the rest of a section whose heading or text cites the identifier
PROXIMITY = 0.1  # plus 0.1/distance to the citing chunk: next chunks first, unless the words say otherwise
MATE_REACH = 8  # section chunks farther than this from the citing one get no bonus (long undivided sections)
NAMED_LETTER_BONUS = 0.5


def rrf(rankings: list[list[str]], k: int = 60, weights: list[float] | None = None) -> dict[str, float]:
    """Weighted reciprocal rank fusion: sum of weight/(k + rank) over the rankings that hold an item."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def fuse(
    bm25_hits: list[tuple[str, float]],
    dense_hits: list[tuple[str, float]],
    k: int = 10,
    dense_weight: float = 0.2,
) -> dict[str, float]:
    """Weighted RRF of the two rankings; with one of them empty, that ranking's own order."""
    if not dense_hits:
        return rrf([[c for c, _ in bm25_hits]], k)
    if not bm25_hits:
        return rrf([[c for c, _ in dense_hits]], k)
    return rrf([[c for c, _ in bm25_hits], [c for c, _ in dense_hits]], k, [1.0, dense_weight])


@dataclass
class QueryPlan:
    """How one question is searched: the language and the texts sent to each index."""

    language: str
    keyword_text: str
    dense_text: str
    groups: list[tuple[str, ...]] = field(default_factory=list)  # Dutch alternatives per English term


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
        # chunks of one section in document order: a footnote on a toezegging's heading cites it for
        # the whole section, whose body (not the heading) says what was promised and done
        self._section: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for c in snapshot.chunks:
            self._section.setdefault((c.letter_id, c.section_path), []).append(c.id)
        self._section_of = {c.id: (c.letter_id, c.section_path) for c in snapshot.chunks}

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
        groups = translate_groups(query) if language == "en" and self.settings.expand_english else []
        # All Dutch alternatives go into one BM25 query. Measured (Recall@5 en, hybrid/bm25): flat
        # 0.89/0.89, best-alternative-per-term (dismax) 0.86/0.89, first alternative only 0.89/0.91:
        # within one question of each other on 44 questions, so the simplest stays.
        keyword = query + "".join(" " + t for t in dict.fromkeys(t for g in groups for t in g))
        # The dense side gets the question as asked: measured on eval/questions.jsonl, adding the
        # Dutch glossary terms to an English question made MiniLM's ranking worse (0.41 vs 0.43).
        return QueryPlan(language, keyword, query, groups)

    def _mask(
        self, ids: list[str], filters: SearchFilter | None, letters: set[str] | None = None
    ) -> np.ndarray | None:
        if filters is None and letters is None:
            return None
        admitted = {
            lid
            for lid, letter in self.snapshot.letters.items()
            if (filters is None or filters.admits(letter)) and (letters is None or lid in letters)
        }
        return np.fromiter((self._letter_of.get(cid) in admitted for cid in ids), dtype=bool, count=len(ids))

    def _rankings(
        self, plan: QueryPlan, mode: str, filters: SearchFilter | None, letters: set[str] | None, depth: int
    ):
        bm25_hits: list[tuple[str, float]] = []
        dense_hits: list[tuple[str, float]] = []
        if mode in ("hybrid", "bm25"):
            mask = self._mask(self.bm25.ids, filters, letters)
            bm25_hits = self.bm25.search(plan.keyword_text, depth, mask)
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
        # Scores are rank-based in every mode (raw BM25 scores run to ~20, cosines to 1), so the
        # identifier bonuses below always dominate and scores compare across modes.
        scores = fuse(bm25_hits, dense_hits, self.settings.rrf_k, self.settings.dense_weight)

        cited, named_letters = self.identifiers.lookup(self.identifiers.parse(query))
        if named_letters:
            # The question names a letter by its number: search inside it as well, and rank it first.
            inner_bm25, inner_dense = self._rankings(plan, mode, filters, named_letters, depth)
            inner = fuse(inner_bm25, inner_dense, self.settings.rrf_k, self.settings.dense_weight)
            for cid, score in inner.items():
                scores[cid] = max(scores.get(cid, 0.0), score) + NAMED_LETTER_BONUS
                found_by.setdefault(cid, set()).add("id")
        admitted_cited = [c for c in cited if self._admits(c, filters)]
        for position, cid in enumerate(admitted_cited):
            # Within the group: a heading's footnote goes with every chunk of its section, so the
            # section's opening chunks (the heading and what follows it) come first, then fused order.
            members = self._section.get(self._section_of[cid], [])
            in_section = members.index(cid) if cid in members else 0
            scores[cid] = scores.get(cid, 0.0) + CITED_BONUS + PROXIMITY / (1 + in_section) - position * 1e-6
            found_by.setdefault(cid, set()).add("id")
        for cid, distance in self._section_mates(admitted_cited).items():
            # the chunks right after a citing heading say what the toezegging is; farther ones count
            # only as much as the question's own words pull them up
            scores[cid] = scores.get(cid, 0.0) + SECTION_BONUS + PROXIMITY / distance
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

    def _section_mates(self, cited: list[str]) -> dict[str, int]:
        """Other chunks in the sections of the cited chunks, with their distance to the nearest one."""
        mates: dict[str, int] = {}
        for cid in cited:
            members = self._section.get(self._section_of[cid], [])
            here = members.index(cid)
            for pos, other in enumerate(members):
                if other not in cited and 0 < abs(pos - here) <= MATE_REACH:
                    mates[other] = min(mates.get(other, 10**6), abs(pos - here))
        return mates

    def _admits(self, chunk_id: str, filters: SearchFilter | None) -> bool:
        letter = self.snapshot.letter(self._letter_of.get(chunk_id, ""))
        return letter is not None and (filters is None or filters.admits(letter))


def open_searcher(settings: Settings, embedder: TextEmbedder | None = None) -> Searcher:
    """A Searcher over the current snapshot in settings.index_dir; refuses an incompatible index."""
    snapshot = Store(settings.index_dir).load()
    check_compatible(snapshot, settings)
    dense, bm25 = load_indexes(snapshot)
    return Searcher(snapshot, dense, bm25, settings, embedder=embedder)
