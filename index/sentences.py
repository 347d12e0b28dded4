"""Sentence vectors stored beside the chunk index, so an answerer scores sentences without re-embedding.

Every chunk's text is split into sentences (spans relative to Chunk.text, the verbatim text an
answer quotes); each sentence is embedded as a passage, footnote markers removed. The vectors live
in the snapshot's VectorCache (float16, memory-mapped on load); this store keeps spans and rows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from index.vector_cache import VectorCache, one_query_scores
from ingest.chunking import sentence_spans
from ingest.footnotes import strip_markers
from ingest.model import Chunk, Letter, SentenceVectors, Span

SPANS_FILE = "spans.npy"
OFFSETS_FILE = "offsets.npy"
ROWS_FILE = "rows.npy"
IDS_FILE = "chunk_ids.json"
# Past this many floats the float16 vectors are scored block by block instead of kept as a float32
# copy (600k sentences x 384 = 920 MB at float32; the copy is what makes a small index's scoring fast)
_FLOAT32_COPY_LIMIT = 64_000_000
_BLOCK_ROWS = 65_536
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w")


def split_chunk(text: str) -> list[Span]:
    """Sentence spans of a chunk's text: each line (paragraph, heading, bullet) split at sentence ends."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        for a, b in sentence_spans(line.group(0), line.start()):
            while a < b and text[a].isspace():
                a += 1
            if b > a and _WORD.search(text, a, b):
                spans.append((a, b))
    return spans


def sentence_texts(chunk: Chunk, letter: Letter | None) -> list[tuple[Span, str]]:
    """(span in chunk.text, the text embedded for it: footnote markers removed, whitespace squashed)."""
    markers = tuple(
        m for m in (letter.markers if letter else ()) if chunk.span[0] <= m.span[0] < chunk.span[1]
    )
    out = []
    for a, b in split_chunk(chunk.text):
        start = chunk.span[0] + a
        clean = strip_markers(chunk.text[a:b], markers, start) if markers else chunk.text[a:b]
        out.append(((a, b), " ".join(clean.split())))
    return out


class SentenceStore:
    """Per chunk (in index row order), its sentence spans and the rows of their vectors in a VectorCache."""

    def __init__(self) -> None:
        self.chunk_ids: list[str] = []
        self.offsets = np.zeros(1, dtype=np.int64)
        self.spans = np.zeros((0, 2), dtype=np.int32)
        self.rows = np.zeros(0, dtype=np.int64)
        self.cache: VectorCache | None = None
        self._row: dict[str, int] = {}
        self._matrix: np.ndarray | None = None  # float32 copy of the sentence vectors, in sentence order

    def __len__(self) -> int:
        return len(self.spans)

    def fit(
        self,
        chunk_ids: Sequence[str],
        spans: Sequence[Sequence[Span]],
        rows: Sequence[int],
        cache: VectorCache,
    ) -> SentenceStore:
        """spans[i] are chunk i's sentences; rows (flattened in the same order) index cache.vectors."""
        counts = [len(s) for s in spans]
        if len(chunk_ids) != len(spans) or sum(counts) != len(rows):
            raise ValueError("chunk ids, spans and vector rows do not line up")
        self.chunk_ids = list(chunk_ids)
        self.offsets = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]).astype(np.int64)
        flat = [span for group in spans for span in group]
        self.spans = np.asarray(flat, dtype=np.int32).reshape(len(flat), 2)
        self.rows = np.asarray(rows, dtype=np.int64)
        self.cache = cache
        self._row = {cid: i for i, cid in enumerate(self.chunk_ids)}
        return self

    def get(self, chunk_id: str) -> SentenceVectors | None:
        row = self._row.get(chunk_id)
        if row is None or self.cache is None:
            return None
        a, b = int(self.offsets[row]), int(self.offsets[row + 1])
        spans = tuple((int(x), int(y)) for x, y in self.spans[a:b])
        vectors = np.asarray(self.cache.vectors[self.rows[a:b]], dtype=np.float32).reshape(
            b - a, self.cache.dim
        )
        return SentenceVectors(chunk_id, spans, vectors)

    def sentence_scores(self, query: np.ndarray) -> np.ndarray:
        """Every sentence's cosine with a (normalised) query vector, in sentence order."""
        if self.cache is None or not len(self.rows):
            return np.zeros(0, dtype=np.float32)
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        if self._matrix is None and len(self.rows) * self.cache.dim <= _FLOAT32_COPY_LIMIT:
            self._matrix = np.asarray(self.cache.vectors[self.rows], dtype=np.float32)
        if self._matrix is not None:
            return one_query_scores(self._matrix, q)
        out = np.empty(len(self.rows), dtype=np.float32)
        for a in range(0, len(self.rows), _BLOCK_ROWS):
            rows = self.rows[a : a + _BLOCK_ROWS]
            block = np.asarray(self.cache.vectors[rows], dtype=np.float32)
            out[a : a + len(rows)] = one_query_scores(block, q)
        return out

    def best_scores(self, query: np.ndarray) -> np.ndarray:
        """Per chunk (in chunk_ids order), its best sentence's cosine with the query; -inf without any.

        A chunk whose one sentence answers a question is diluted in its chunk vector (the mean of
        all its sentences); its best sentence is not.
        """
        best = np.full(len(self.chunk_ids), -np.inf, dtype=np.float32)
        if not len(self.rows):
            return best
        sims = self.sentence_scores(query)
        starts = self.offsets[:-1]
        has = self.offsets[1:] > starts
        best[has] = np.maximum.reduceat(sims, starts[has])
        return best

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / SPANS_FILE, self.spans)
        np.save(directory / OFFSETS_FILE, self.offsets)
        np.save(directory / ROWS_FILE, self.rows)
        (directory / IDS_FILE).write_text(json.dumps(self.chunk_ids), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, cache: VectorCache) -> SentenceStore:
        directory = Path(directory)
        store = cls()
        store.chunk_ids = json.loads((directory / IDS_FILE).read_text(encoding="utf-8"))
        store.offsets = np.load(directory / OFFSETS_FILE)
        store.spans = np.load(directory / SPANS_FILE)
        store.rows = np.load(directory / ROWS_FILE)
        store.cache = cache
        if len(store.offsets) != len(store.chunk_ids) + 1 or int(store.offsets[-1]) != len(store.spans):
            raise ValueError(f"{directory}: sentence offsets do not match the spans")
        if len(store.rows) != len(store.spans) or (len(store.rows) and int(store.rows.max()) >= len(cache)):
            raise ValueError(f"{directory}: sentence vector rows do not match the vector cache")
        store._row = {cid: i for i, cid in enumerate(store.chunk_ids)}
        return store


def sentence_rows(chunks: Iterable[Chunk], letters: dict[str, Letter]) -> tuple[list[list[Span]], list[str]]:
    """For each chunk its sentence spans, and all sentence texts flattened in the same order."""
    spans, texts = [], []
    for chunk in chunks:
        pairs = sentence_texts(chunk, letters.get(chunk.letter_id))
        spans.append([span for span, _ in pairs])
        texts.extend(text for _, text in pairs)
    return spans, texts
