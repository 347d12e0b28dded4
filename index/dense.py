"""Vector index over chunk embeddings with faiss: exact for small corpora, HNSW or IVF past a threshold."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from index.vector_cache import one_query_scores

IDS_FILE = "dense_ids.json"
VECTORS_FILE = "vectors.npy"
FAISS_FILE = "dense.faiss"
META_FILE = "dense.json"
KINDS = ("flat", "hnsw", "ivf")
# Below this many admitted rows a filtered query is answered exactly with numpy: faster than a selector.
_EXACT_SUBSET = 20_000


def choose_kind(n: int, ann: str = "auto", threshold: int = 50_000) -> str:
    """The index type for n vectors: forced by `ann`, else exact below `threshold`, HNSW above."""
    if ann == "auto":
        return "flat" if n < threshold else "hnsw"
    if ann not in KINDS:
        raise ValueError(f"unknown ann setting {ann!r}; choose auto, flat, hnsw or ivf")
    return ann


def _as_matrix(vectors: np.ndarray, dim: int | None = None) -> np.ndarray:
    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    if matrix.ndim != 2 or (dim is not None and matrix.shape[1] != dim):
        raise ValueError(f"expected an (n, {dim}) matrix, got shape {matrix.shape}")
    return matrix


class DenseIndex:
    """Inner-product search over normalised vectors, keyed by chunk id; keeps the vectors for reuse."""

    def __init__(
        self,
        kind: str = "flat",
        hnsw_m: int = 32,
        ef_search: int = 128,
        ef_construction: int = 200,
        nprobe: int = 32,
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown index kind {kind!r}")
        self.kind = kind
        self.hnsw_m = hnsw_m
        self.ef_search = ef_search
        self.ef_construction = ef_construction
        self.nprobe = nprobe
        self.ids: list[str] = []
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self._index: faiss.Index | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1]) if self.vectors.size else 0

    def _new_index(self, matrix: np.ndarray) -> faiss.Index:
        dim = matrix.shape[1]
        if self.kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = self.ef_construction
            index.hnsw.efSearch = self.ef_search
            return index
        if self.kind == "ivf":
            nlist = max(1, min(int(4 * math.sqrt(len(matrix))), len(matrix) // 39 or 1))
            quantizer = faiss.IndexFlatIP(dim)
            index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
            sample = matrix
            if len(matrix) > nlist * 256:  # faiss's own advice: ~256 training points per list suffice
                rng = np.random.default_rng(0)
                sample = matrix[rng.choice(len(matrix), nlist * 256, replace=False)]
            index.train(sample)
            index.nprobe = self.nprobe
            return index
        return faiss.IndexFlatIP(dim)

    def fit(self, ids: Sequence[str], vectors: np.ndarray) -> DenseIndex:
        matrix = _as_matrix(vectors)
        if len(ids) != len(matrix):
            raise ValueError("ids and vectors differ in length")
        self.ids = list(ids)
        self.vectors = matrix
        self._index = None
        if len(matrix):
            self._index = self._new_index(matrix)
            self._index.add(matrix)
        return self

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> DenseIndex:
        """Append vectors without rebuilding (HNSW and IVF grow in place)."""
        if not len(ids):
            return self
        if self._index is None:
            return self.fit(ids, vectors)
        matrix = _as_matrix(vectors, self.dim)
        self._index.add(matrix)
        self.ids.extend(ids)
        self.vectors = np.concatenate([self.vectors, matrix])
        return self

    def vectors_by_id(self) -> dict[str, np.ndarray]:
        return {cid: self.vectors[i] for i, cid in enumerate(self.ids)}

    def search(
        self, query: np.ndarray, k: int = 10, allowed: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Top-k (chunk id, cosine score); `allowed` is a boolean mask over rows."""
        if self._index is None or k <= 0:
            return []
        q = _as_matrix(np.asarray(query).reshape(1, -1), self.dim)
        if allowed is not None:
            rows = np.flatnonzero(allowed)
            if rows.size == 0:
                return []
            if rows.size <= _EXACT_SUBSET:
                scores = one_query_scores(self.vectors[rows], q[0])
                order = np.argsort(-scores, kind="stable")[:k]
                return [(self.ids[rows[i]], float(scores[i])) for i in order]
            params = self._params(faiss.IDSelectorBatch(rows.astype(np.int64)))
            scores, found = self._index.search(q, min(k, len(self.ids)), params=params)
        else:
            scores, found = self._index.search(q, min(k, len(self.ids)))
        return [(self.ids[i], float(s)) for s, i in zip(scores[0], found[0], strict=True) if i >= 0]

    def _params(self, selector: faiss.IDSelector) -> faiss.SearchParameters:
        if self.kind == "hnsw":
            return faiss.SearchParametersHNSW(sel=selector, efSearch=self.ef_search)
        if self.kind == "ivf":
            return faiss.SearchParametersIVF(sel=selector, nprobe=self.nprobe)
        return faiss.SearchParameters(sel=selector)

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / VECTORS_FILE, self.vectors)
        (directory / IDS_FILE).write_text(json.dumps(self.ids), encoding="utf-8")
        meta = {
            "kind": self.kind,
            "dim": self.dim,
            "count": len(self.ids),
            "hnsw_m": self.hnsw_m,
            "ef_search": self.ef_search,
            "nprobe": self.nprobe,
        }
        (directory / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
        # an exact index is rebuilt from the vectors on load; graphs and lists are worth keeping
        if self._index is not None and self.kind != "flat":
            faiss.write_index(self._index, str(directory / FAISS_FILE))

    @classmethod
    def load(cls, directory: Path) -> DenseIndex:
        directory = Path(directory)
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        index = cls(meta["kind"], meta["hnsw_m"], meta["ef_search"], nprobe=meta["nprobe"])
        index.ids = json.loads((directory / IDS_FILE).read_text(encoding="utf-8"))
        index.vectors = np.load(directory / VECTORS_FILE)
        if len(index.ids) != len(index.vectors):
            raise ValueError(f"{directory}: {len(index.ids)} ids but {len(index.vectors)} vectors")
        if not index.ids:
            return index
        if index.kind == "flat":
            index._index = faiss.IndexFlatIP(index.vectors.shape[1])
            index._index.add(index.vectors)
        else:
            index._index = faiss.read_index(str(directory / FAISS_FILE))
            if index.kind == "hnsw":
                index._index.hnsw.efSearch = index.ef_search
            else:
                index._index.nprobe = index.nprobe
        return index
