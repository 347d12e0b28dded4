"""Hybrid retrieval: BM25 and dense rankings fused, exact identifiers first, filters, English queries."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from index.bm25 import BM25Index
from index.build import check_compatible, load_indexes, load_sentences
from index.dense import DenseIndex
from index.embeddings import TextEmbedder, check_embedder, load_embedder
from index.glossary import keyword_coverage, translate_groups
from index.identifiers import IdentifierIndex
from index.language import ENGLISH_STOPWORDS, detect_language, without_function_words
from index.sentences import SentenceStore
from ingest.model import Chunk, Context, Hit, SearchFilter, SentenceVectors
from ingest.settings import Settings
from ingest.store import Snapshot, Store

MODES = ("hybrid", "bm25", "dense")
# Fusion, decided by measurement: benchmarks/fusion_grid.py, whose table stands beside the defaults in
# ingest/settings.py (settings.rrf_k, settings.dense_weight, settings.fusion_depth).
QUERY_CACHE = 32  # question vectors kept, so the answerer's sentence scoring reuses search's embedding
# Score bonuses that put identifier matches ahead of every fused score (a fused score stays below
# (1 + dense_weight) / (rrf_k + 1): 0.14 at the defaults, 0.5 at the far end of the fusion grid).
CITED_BONUS = 1.0
SECTION_BONUS = 0.75  # the rest of a section whose heading or text cites the identifier
# plus proximity/distance to the citing chunk: next chunks first, unless the words say otherwise. It is a
# share of the largest fused score, so it weighs the same against the question's words whatever rrf_k
# (0.1 at k 10, weight 0.5, where it was set; 0.18 at k 5).
PROXIMITY_SHARE = 0.73
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
    bm25_weight: float = 1.0,
    sentence_hits: list[tuple[str, float]] | None = None,
    sentence_weight: float = 0.0,
) -> dict[str, float]:
    """Weighted RRF of the rankings; with one of BM25 and dense empty, the other's own order.

    sentence_hits (chunks by their best sentence) join at sentence_weight beside the dense ranking.
    """
    if not dense_hits:
        return rrf([[c for c, _ in bm25_hits]], k)
    rankings, weights = [[c for c, _ in dense_hits]], [dense_weight]
    if sentence_hits and sentence_weight > 0:
        rankings.append([c for c, _ in sentence_hits])
        weights.append(sentence_weight)
    if not bm25_hits:
        return rrf(rankings[:1], k)
    return rrf([[c for c, _ in bm25_hits], *rankings], k, [bm25_weight, *weights])


@dataclass
class QueryPlan:
    """How one question is searched: the language and the texts sent to each index."""

    language: str
    keyword_text: str
    dense_text: str
    groups: list[tuple[str, ...]] = field(default_factory=list)  # Dutch alternatives per English term
    bm25_weight: float = 1.0  # the BM25 ranking's weight in the fusion (below 1: see Searcher.plan)


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
        sentences: SentenceStore | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.dense = dense
        self.bm25 = bm25
        self.settings = settings
        self.sentences = sentences
        self._embedder = embedder
        self._embedder_checked = False
        self._embedder_factory = embedder_factory or (lambda: load_embedder(settings))
        self._query_vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self.identifiers = IdentifierIndex(snapshot.letters.values(), snapshot.chunks, snapshot.mentions)
        self._letter_of = {c.id: c.letter_id for c in snapshot.chunks}
        # chunks of one section in document order: a footnote on a toezegging's heading cites it for
        # the whole section, whose body (not the heading) says what was promised and done
        self._section: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for c in snapshot.chunks:
            self._section.setdefault((c.letter_id, c.section_path), []).append(c.id)
        self._section_of = {c.id: (c.letter_id, c.section_path) for c in snapshot.chunks}
        self._letter_order = list(snapshot.letters)
        self._row_letters: dict[int, tuple[list[str], np.ndarray]] = {}  # per id list: letter number of a row

    @property
    def embedder(self) -> TextEmbedder:
        """The embedding model, loaded on first use and refused when the index was built by another."""
        if self._embedder is None:
            self._embedder = self._embedder_factory()
        if not self._embedder_checked:
            check_embedder(self.snapshot.manifest, self._embedder, self.snapshot.dir)
            self._embedder_checked = True
        return self._embedder

    def query_vector(self, text: str) -> np.ndarray:
        """The question's vector, embedded once: search and the answerer's sentence scoring share it."""
        vector = self._query_vectors.get(text)
        if vector is None:
            vector = self.embedder.embed_query(text)
            self._query_vectors[text] = vector
            while len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.popitem(last=False)
        else:
            self._query_vectors.move_to_end(text)
        return vector

    def sentence_vectors(self, chunk_ids: Iterable[str]) -> dict[str, SentenceVectors]:
        """For chunk ids, their sentences' spans in Chunk.text and vectors ({} without sentence vectors).

        Score them against a question with `found.vectors @ searcher.query_vector(question)`.
        """
        if self.sentences is None:
            return {}
        out = {}
        for cid in chunk_ids:
            found = self.sentences.get(cid)
            if found is not None:
                out[cid] = found
        return out

    def context(self, chunk: Chunk | Hit | str, before: int = 1, after: int = 1) -> Context:
        """A chunk's section context: its heading path and up to before/after neighbours in the section."""
        if isinstance(chunk, Hit):
            chunk = chunk.chunk
        elif isinstance(chunk, str):
            found = self.snapshot.chunk(chunk)
            if found is None:
                raise KeyError(f"no chunk {chunk!r} in the index")
            chunk = found
        members = self._section.get((chunk.letter_id, chunk.section_path), [chunk.id])
        here = members.index(chunk.id) if chunk.id in members else 0
        prev_ids = members[max(0, here - before) : here] if before > 0 else []
        next_ids = members[here + 1 : here + 1 + after] if after > 0 else []
        lookup = self.snapshot.chunk
        return Context(
            chunk=chunk,
            heading_path=chunk.section_path,
            previous=tuple(c for c in map(lookup, prev_ids) if c is not None),
            next=tuple(c for c in map(lookup, next_ids) if c is not None),
            position=here,
            section_size=len(members),
        )

    def warm_up(self) -> None:
        """Load the model and run one query through every path, so the first real query is fast."""
        self.search("toezegging digitale overheid", k=1)

    def plan(self, query: str) -> QueryPlan:
        language = detect_language(query)
        expand = self.settings.expand_english or self.settings.expand_english_dense
        groups = translate_groups(query) if language == "en" and expand else []
        # All Dutch alternatives go into one BM25 query. Measured (Recall@5 en, hybrid/bm25): flat
        # 0.89/0.89, best-alternative-per-term (dismax) 0.86/0.89, first alternative only 0.89/0.91:
        # within one question of each other on 44 questions, so the simplest stays.
        terms = "".join(" " + t for t in dict.fromkeys(t for g in groups for t in g))
        expanded = query + terms
        # BM25 reads an English question without its function words (settings.english_keyword_stopwords)
        asked = query
        if language == "en" and self.settings.english_keyword_stopwords:
            asked = without_function_words(query)
        keyword = asked + terms if self.settings.expand_english else asked
        # The dense side gets the question as asked unless settings.expand_english_dense: with
        # MiniLM, adding the Dutch terms made its ranking worse (0.41 vs 0.43); with e5 they change
        # nothing (benchmarks/fusion_grid.py, the table in ingest/settings.py).
        dense = expanded if self.settings.expand_english_dense else query
        return QueryPlan(language, keyword, dense, groups, self._bm25_weight(query, language))

    def _bm25_weight(self, query: str, language: str) -> float:
        """The BM25 ranking's weight: 1 for Dutch; for English, less the fewer of the question's words
        a Dutch keyword search can match (glossary terms, words the corpus uses): the rest make its
        ranking noise, where the multilingual dense side still reads them (settings.english_bm25_floor).
        """
        floor = self.settings.english_bm25_floor
        if language != "en" or floor >= 1.0:
            return 1.0
        coverage = keyword_coverage(query, self.bm25.knows, ENGLISH_STOPWORDS)
        return floor + (1.0 - floor) * coverage

    def _mask(
        self, ids: list[str], filters: SearchFilter | None, letters: set[str] | None = None
    ) -> np.ndarray | None:
        if filters is None and letters is None:
            return None
        # per letter, then spread over the rows by each row's letter number: no Python loop over chunks
        admitted = np.fromiter(
            (
                (filters is None or filters.admits(self.snapshot.letters[lid]))
                and (letters is None or lid in letters)
                for lid in self._letter_order
            ),
            dtype=bool,
            count=len(self._letter_order),
        )
        return np.append(admitted, False)[self._rows_by_letter(ids)]  # a chunk without a letter: -1, False

    def _rows_by_letter(self, ids: list[str]) -> np.ndarray:
        """For an index's id list, each row's letter number in snapshot.letters (-1: none), computed once."""
        cached = self._row_letters.get(id(ids))
        if cached is None or cached[0] is not ids or len(cached[1]) != len(ids):
            number = {lid: i for i, lid in enumerate(self._letter_order)}
            rows = np.fromiter(
                (number.get(self._letter_of.get(cid, ""), -1) for cid in ids), dtype=np.int64, count=len(ids)
            )
            cached = self._row_letters[id(ids)] = (ids, rows)
        return cached[1]

    def bm25_ranking(
        self, text: str, filters: SearchFilter | None, letters: set[str] | None, depth: int
    ) -> list[tuple[str, float]]:
        return self.bm25.search(text, depth, self._mask(self.bm25.ids, filters, letters))

    def dense_ranking(
        self, vector: np.ndarray, filters: SearchFilter | None, letters: set[str] | None, depth: int
    ) -> list[tuple[str, float]]:
        return self.dense.search(vector, depth, self._mask(self.dense.ids, filters, letters))

    def sentence_ranking(
        self, vector: np.ndarray, filters: SearchFilter | None, letters: set[str] | None, depth: int
    ) -> list[tuple[str, float]]:
        """Chunks by their best sentence's cosine with the question (the stored sentence vectors)."""
        store = self.sentences
        if store is None or depth <= 0 or not len(store):
            return []
        best = store.best_scores(vector)
        mask = self._mask(store.chunk_ids, filters, letters)
        if mask is not None:
            best[~mask] = -np.inf
        depth = min(depth, len(best))
        top = np.argpartition(-best, depth - 1)[:depth]
        top = top[np.argsort(-best[top], kind="stable")]
        return [(store.chunk_ids[i], float(best[i])) for i in top if np.isfinite(best[i])]

    def _rankings(
        self,
        plan: QueryPlan,
        mode: str,
        filters: SearchFilter | None,
        letters: set[str] | None,
        depth: int,
        vector: np.ndarray | None,
    ):
        bm25_hits: list[tuple[str, float]] = []
        dense_hits: list[tuple[str, float]] = []
        sentence_hits: list[tuple[str, float]] = []
        if mode in ("hybrid", "bm25"):
            bm25_hits = self.bm25_ranking(plan.keyword_text, filters, letters, depth)
        if mode in ("hybrid", "dense"):
            vector = self.query_vector(plan.dense_text) if vector is None else vector
            dense_hits = self.dense_ranking(vector, filters, letters, depth)
        if mode == "hybrid" and self.settings.sentence_weight > 0:
            # the same question vector against the stored sentence vectors: nothing is embedded again
            sentence_hits = self.sentence_ranking(vector, filters, letters, depth)
        return bm25_hits, dense_hits, sentence_hits

    def search(
        self,
        query: str,
        k: int = 5,
        filters: SearchFilter | None = None,
        mode: str = "hybrid",
        query_vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """The k best passages for query, identifier matches first; mode is hybrid, bm25 or dense.

        query_vector: the dense side's vector when the caller has it already (else query_vector()).
        """
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; choose hybrid, bm25 or dense")
        if k <= 0 or not query.strip():
            return []
        plan = self.plan(query)
        depth = max(self.settings.fusion_depth, k)
        bm25_hits, dense_hits, sentence_hits = self._rankings(plan, mode, filters, None, depth, query_vector)
        found_by: dict[str, set[str]] = {}
        # a chunk found by its best sentence is found by the dense side (sentence vectors)
        for name, hits in (("bm25", bm25_hits), ("dense", dense_hits), ("dense", sentence_hits)):
            for cid, _ in hits:
                found_by.setdefault(cid, set()).add(name)
        # Scores are rank-based in every mode (raw BM25 scores run to ~20, cosines to 1), so the
        # identifier bonuses below always dominate and scores compare across modes.
        weights = (self.settings.rrf_k, self.settings.dense_weight, plan.bm25_weight)
        sentence_weight = self.settings.sentence_weight
        scores = fuse(bm25_hits, dense_hits, *weights, sentence_hits, sentence_weight)

        cited, named_letters = self.identifiers.lookup(self.identifiers.parse(query))
        if named_letters:
            # The question names a letter by its number: search inside it as well, and rank it first.
            inner_bm25, inner_dense, inner_sentences = self._rankings(
                plan, mode, filters, named_letters, depth, query_vector
            )
            inner = fuse(inner_bm25, inner_dense, *weights, inner_sentences, sentence_weight)
            for cid, score in inner.items():
                scores[cid] = max(scores.get(cid, 0.0), score) + NAMED_LETTER_BONUS
                found_by.setdefault(cid, set()).add("id")
        admitted_cited = [c for c in cited if self._admits(c, filters)]
        top_fused = 1 + self.settings.dense_weight + (sentence_weight if sentence_hits else 0.0)
        proximity = PROXIMITY_SHARE * top_fused / (self.settings.rrf_k + 1)
        for position, cid in enumerate(admitted_cited):
            # Within the group: a heading's footnote goes with every chunk of its section, so the
            # section's opening chunks (the heading and what follows it) come first, then fused order.
            members = self._section.get(self._section_of[cid], [])
            in_section = members.index(cid) if cid in members else 0
            scores[cid] = scores.get(cid, 0.0) + CITED_BONUS + proximity / (1 + in_section) - position * 1e-6
            found_by.setdefault(cid, set()).add("id")
        for cid, distance in self._section_mates(admitted_cited).items():
            # the chunks right after a citing heading say what the toezegging is; farther ones count
            # only as much as the question's own words pull them up
            scores[cid] = scores.get(cid, 0.0) + SECTION_BONUS + proximity / distance
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
    return Searcher(snapshot, dense, bm25, settings, embedder=embedder, sentences=load_sentences(snapshot))
