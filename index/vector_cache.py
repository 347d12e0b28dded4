"""Every text a snapshot embedded, keyed by the digest of the exact text: reused by the next build.

Vectors are stored as float16 (half the disk and memory; cosines move by ~1e-3, far below what
separates passages) and every vector the index uses passes through float16, fresh or reused, so an
incremental build gives exactly the vectors a full rebuild would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DIGESTS_FILE = "digests.npy"
VECTORS_FILE = "vectors.npy"
DIGEST_BYTES = 16


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
