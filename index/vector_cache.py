"""Every text a snapshot embedded, keyed by the digest of the exact text: reused by the next build.

Vectors are stored as float16 (half the disk and memory; cosines move by ~1e-3, far below what
separates passages) and every vector the index uses passes through float16, fresh or reused, so an
incremental build gives exactly the vectors a full rebuild would.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

try:  # installed with scikit-learn (sentence-transformers); without it BLAS keeps its own threads
    from threadpoolctl import ThreadpoolController
except ImportError:  # pragma: no cover
    ThreadpoolController = None

DIGESTS_FILE = "digests.npy"
VECTORS_FILE = "vectors.npy"
DIGEST_BYTES = 16


_blas_lock = threading.Lock()
_blas: list = []  # the ThreadpoolController, made on first use (after numpy's BLAS is loaded)


def one_query_scores(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """matrix @ vector (one question against stored vectors) on one BLAS thread.

    OpenBLAS splits a product this size over every core: on a busy machine its second thread waits
    for a time slice (4,113 sentences x 384: 16 ms instead of 0.15 ms on 2 cores, load 2) and then
    spins on that core while the next question is embedded. One thread is what the library does on a
    one-core machine anyway (a score can differ from a two-thread split in its last bit; no top-10 of
    the development questions changes: benchmarks/search_identity.py). The lock keeps concurrent
    queries from restoring each other's thread counts.
    """
    if ThreadpoolController is None:
        return matrix @ vector
    with _blas_lock:
        if not _blas:
            _blas.append(ThreadpoolController())
        with _blas[0].limit(limits=1, user_api="blas"):
            return matrix @ vector


def text_digest(text: str) -> bytes:
    """The key a vector is stored under: the first 16 bytes of sha256 of the exact text embedded."""
    return hashlib.sha256(text.encode("utf-8")).digest()[:DIGEST_BYTES]


class VectorCache:
    """digest -> row of a float16 matrix; rows in the order the texts were first needed."""

    def __init__(self, dim: int = 0) -> None:
        self.dim = dim
        self.digests = np.zeros((0, DIGEST_BYTES), dtype=np.uint8)
        self.vectors = np.zeros((0, dim), dtype=np.float16)
        self._row: dict[bytes, int] = {}

    def __len__(self) -> int:
        return len(self.digests)

    def __contains__(self, digest: bytes) -> bool:
        return digest in self._row

    def row(self, digest: bytes) -> int:
        return self._row[digest]

    def vector(self, digest: bytes) -> np.ndarray:
        return self.vectors[self._row[digest]]

    @classmethod
    def from_rows(cls, digests: Sequence[bytes], vectors: np.ndarray) -> VectorCache:
        cache = cls(int(vectors.shape[1]) if vectors.ndim == 2 else 0)
        cache.digests = np.frombuffer(b"".join(digests), dtype=np.uint8).reshape(len(digests), DIGEST_BYTES)
        cache.vectors = np.asarray(vectors, dtype=np.float16)
        cache._row = {d: i for i, d in enumerate(digests)}
        if len(cache._row) != len(digests) or len(vectors) != len(digests):
            raise ValueError("a vector cache needs one vector per distinct digest")
        return cache

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / DIGESTS_FILE, self.digests)
        np.save(directory / VECTORS_FILE, self.vectors)

    @classmethod
    def load(cls, directory: Path, mmap: bool = True) -> VectorCache:
        directory = Path(directory)
        digests = np.load(directory / DIGESTS_FILE)
        vectors = np.load(directory / VECTORS_FILE, mmap_mode="r" if mmap else None)
        if len(digests) != len(vectors):
            raise ValueError(f"{directory}: {len(digests)} digests but {len(vectors)} vectors")
        cache = cls(int(vectors.shape[1]) if vectors.ndim == 2 else 0)
        cache.digests, cache.vectors = digests, vectors
        cache._row = {bytes(d): i for i, d in enumerate(digests)}
        return cache
