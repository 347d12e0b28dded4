"""Build and update the on-disk indexes beside the chunk store: reuse vectors, embed only new chunks."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from index.bm25 import BM25Index
from index.dense import DenseIndex, choose_kind
from index.embeddings import TextEmbedder
from ingest.errors import IndexDamagedError, IndexMismatchError
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.serialize import to_dict
from ingest.settings import Settings
from ingest.store import Snapshot, Store

DENSE_DIR = "dense"
BM25_DIR = "bm25"
FORMAT = 2  # 2: BM25 with compound splitting


def index_text(chunk: Chunk) -> str:
    """What is embedded and searched for a chunk: its heading path, then its marker-free text.

    The headings carry the topic ("Motie Ceder – Toegankelijkheid ...") that the body often leaves
    implicit, so a chunk deep in a section can still be found by the section's subject.
    """
    heading = " > ".join(chunk.section_path)
    return f"{heading}\n{chunk.clean_text}" if heading else chunk.clean_text


def corpus_digest(
    letters: Iterable[Letter], chunks: Iterable[Chunk], mentions: Iterable[CommitmentMention]
) -> str:
    """sha256 over everything a snapshot holds, so an unchanged re-ingest is recognised exactly."""
    h = hashlib.sha256()
    for kind, items in (("letter", letters), ("chunk", chunks), ("mention", mentions)):
        for item in items:
            h.update(kind.encode())
            h.update(json.dumps(to_dict(item), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def check_compatible(snapshot: Snapshot, settings: Settings) -> None:
    """Refuse an index built with another model or other chunking than settings ask for."""
    built = snapshot.manifest.get("fingerprint")
    if built is None or snapshot.manifest.get("format") != FORMAT:
        raise IndexMismatchError(
            f"{snapshot.dir} holds no search index of this version of brieven; "
            "run `brieven ingest --rebuild PATH` to build one"
        )
    wanted = settings.index_fingerprint()
    differ = {k: (built.get(k), v) for k, v in wanted.items() if built.get(k) != v}
    if differ:
        detail = "; ".join(f"{k}: index has {old!r}, asked for {new!r}" for k, (old, new) in differ.items())
        raise IndexMismatchError(
            f"the index in {settings.index_dir} was built with other settings ({detail}). "
            f"Rebuild it with `brieven ingest --rebuild PATH` (or delete {settings.index_dir}), "
            "or use the settings it was built with"
        )


def load_indexes(snapshot: Snapshot) -> tuple[DenseIndex, BM25Index]:
    """The dense and BM25 indexes stored in a snapshot folder."""
    try:
        return DenseIndex.load(snapshot.dir / DENSE_DIR), BM25Index.load(snapshot.dir / BM25_DIR)
    except (OSError, ValueError, KeyError, EOFError) as exc:  # np.load of an empty file: EOFError
        raise IndexDamagedError(
            f"the search index in {snapshot.dir} is missing or damaged ({exc}); "
            "run `brieven doctor`, or `brieven ingest --rebuild` to rebuild it from the stored letters"
        ) from exc


def _reusable_vectors(
    current: Snapshot, settings: Settings, embedder: TextEmbedder
) -> dict[str, tuple[str, np.ndarray]]:
    """chunk id -> (indexed text, vector) from the current snapshot, when it was built compatibly."""
    manifest = current.manifest
    if manifest.get("fingerprint") != settings.index_fingerprint() or manifest.get("dim") != embedder.dim:
        return {}
    try:
        dense = DenseIndex.load(current.dir / DENSE_DIR)
    except (OSError, ValueError, KeyError, EOFError):
        return {}
    old_text = {c.id: index_text(c) for c in current.chunks}
    return {cid: (old_text[cid], vec) for cid, vec in dense.vectors_by_id().items() if cid in old_text}


def update_index(
    store: Store,
    letters: Iterable[Letter],
    chunks: Iterable[Chunk],
    mentions: Iterable[CommitmentMention],
    settings: Settings,
    embedder: TextEmbedder,
    rebuild: bool = False,
    extra_manifest: dict[str, Any] | None = None,
) -> Snapshot:
    """Write a snapshot of the full corpus given, with its indexes; embed only chunks not seen before.

    `letters`, `chunks` and `mentions` are the whole corpus after the update (old and new letters).
    An unchanged corpus writes nothing and returns the current snapshot. With rebuild=True nothing is
    reused and an index built with other settings is replaced instead of refused.
    """
    letters, chunks, mentions = list(letters), list(chunks), list(mentions)
    # a rebuild reuses nothing, so it never reads the current snapshot, which may be damaged
    current = Snapshot(store.root, {}, [], []) if rebuild else store.load_or_empty()
    if current.manifest and not rebuild:
        check_compatible(current, settings)
    digest = corpus_digest(letters, chunks, mentions)
    if (
        not rebuild
        and current.manifest.get("corpus_digest") == digest
        and current.manifest.get("model") == embedder.name
    ):
        return current

    reusable = {} if rebuild else _reusable_vectors(current, settings, embedder)
    texts = [index_text(c) for c in chunks]
    vectors = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
    todo = []
    for row, (chunk, text) in enumerate(zip(chunks, texts, strict=True)):
        old = reusable.get(chunk.id)
        if old is not None and old[0] == text:
            vectors[row] = old[1]
        else:
            todo.append(row)
    if todo:
        vectors[todo] = embedder.embed_passages([texts[i] for i in todo])

    ids = [c.id for c in chunks]
    kind = choose_kind(len(ids), settings.ann, settings.ann_threshold)
    dense = DenseIndex(kind, settings.hnsw_m, settings.hnsw_ef_search, nprobe=settings.ivf_nprobe).fit(
        ids, vectors
    )
    bm25 = BM25Index().fit(ids, texts)

    def write_indexes(folder: Path) -> None:
        dense.save(folder / DENSE_DIR)
        bm25.save(folder / BM25_DIR)

    manifest = {
        **(extra_manifest or {}),
        "format": FORMAT,
        "model": embedder.name,
        "dim": embedder.dim,
        "fingerprint": settings.index_fingerprint(),
        "letters": len(letters),
        "chunks": len(chunks),
        "embedded": len(todo),
        "corpus_digest": digest,
        "index_type": kind,
    }
    return store.write(letters, chunks, mentions, manifest, write_extra=write_indexes)
