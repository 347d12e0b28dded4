"""Similarities of the question to the sentences of retrieved passages, by the index's stored vectors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from ingest.model import Span

# chunk ids -> the index's SentenceVectors (spans in Chunk.text, normalised vectors) of those chunks
SentenceLookup = Callable[[Sequence[str]], Mapping[str, Any]]


class Semantic:
    """Cosine similarities of stored sentence vectors to the question (none without vectors)."""

    def __init__(self, vector: np.ndarray | None, lookup: SentenceLookup | None) -> None:
        self.vector = vector
        self.lookup = lookup
        self._cache: dict[str, list[tuple[Span, float]]] = {}

    @classmethod
    def of(cls, searcher: object, text: str, own: str | None = None) -> Semantic:
        """From a searcher that offers query_vector and sentence_vectors (index.hybrid.Searcher).

        own: a follow-up as asked ("where was it tested?"): its vector is averaged with that of the
        search text (question and carried topic), so what the question adds counts as much as the topic.
        """
        query_vector = getattr(searcher, "query_vector", None)
        lookup = getattr(searcher, "sentence_vectors", None)
        if query_vector is None or lookup is None:
            return cls(None, None)
        try:
            vector = np.asarray(query_vector(text), dtype=np.float32)
            if own and own != text:
                vector = vector + np.asarray(query_vector(own), dtype=np.float32)
                vector = vector / (np.linalg.norm(vector) or 1.0)
        except (AttributeError, NotImplementedError):
            return cls(None, None)
        return cls(vector, lookup)

    def load(self, chunk_ids: Sequence[str]) -> None:
        if self.vector is None or self.lookup is None:
            return
        missing = [c for c in chunk_ids if c not in self._cache]
        for cid, found in self.lookup(missing).items():
            sims = np.asarray(found.vectors, dtype=np.float32) @ self.vector
            self._cache[cid] = [(span, float(s)) for span, s in zip(found.spans, sims, strict=True)]

    def best(self, chunk_id: str) -> float | None:
        """The passage's closest sentence to the question (load the chunk first)."""
        pairs = self._cache.get(chunk_id)
        return max(s for _, s in pairs) if pairs else None

    def similarity(self, chunk_id: str, span: Span) -> float | None:
        """The best similarity among the stored sentences overlapping span (their splitter may differ)."""
        pairs = self._cache.get(chunk_id)
        if not pairs:
            return None
        overlapping = [s for (a, b), s in pairs if a < span[1] and b > span[0]]
        return max(overlapping) if overlapping else None
