"""Keyword index: bm25s over Dutch-stemmed tokens, persisted beside the chunk store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from index.tokenize import Decompounder, tokenize

IDS_FILE = "bm25_ids.json"
VOCAB_FILE = "bm25_compound_vocab.json"
MODEL_DIR = "bm25"


class BM25Index:
    """fit/search/save/load over (chunk id, text) pairs."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._model: bm25s.BM25 | None = None
        self.decompounder = Decompounder(set())

    def __len__(self) -> int:
        return len(self.ids)

    def fit(self, ids: Sequence[str], texts: Sequence[str]) -> BM25Index:
        if len(ids) != len(texts):
            raise ValueError("ids and texts differ in length")
        self.ids = list(ids)
        self._model = None
        # compounds are split into words the corpus itself uses, on both the passage and the query side
        self.decompounder = Decompounder.from_texts(texts)
        if self.ids:
            model = bm25s.BM25()
            # an empty token list would break bm25s; a placeholder keeps row numbers aligned
            tokens = [tokenize(t, self.decompounder) or ["\u2205"] for t in texts]
            model.index(tokens, show_progress=False)
            self._model = model
        return self

    def knows(self, word: str) -> bool:
        """Whether every token of word (stemmed as the index stems) occurs in the indexed texts."""
        tokens = tokenize(word)
        vocab = self._model.vocab_dict if self._model is not None else {}
        return bool(tokens) and all(t in vocab for t in tokens)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (row order of self.ids) for query."""
        tokens = tokenize(query, self.decompounder)
        if self._model is None or not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def search(self, query: str, k: int = 10, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, score) with score > 0; `allowed` is a boolean mask over rows."""
        scores = self.scores(query)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if positive.size == 0:
            return []
        if positive.size > 4 * k:  # at 100k chunks a full sort is most of a query's time
            kth = np.partition(scores[positive], positive.size - k)[positive.size - k]
            positive = positive[scores[positive] >= kth]  # ties at the cut stay, as the full sort had them
        top = positive[np.argsort(-scores[positive], kind="stable")[:k]]
        return [(self.ids[i], float(scores[i])) for i in top]

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / IDS_FILE).write_text(json.dumps(self.ids), encoding="utf-8")
        vocab = sorted(self.decompounder.vocabulary)
        (directory / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        if self._model is not None:
            self._model.save(str(directory / MODEL_DIR), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        directory = Path(directory)
        index = cls()
        index.ids = json.loads((directory / IDS_FILE).read_text(encoding="utf-8"))
        index.decompounder = Decompounder(
            set(json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8")))
        )
        if index.ids:
            index._model = bm25s.BM25.load(str(directory / MODEL_DIR), show_progress=False)
        return index
