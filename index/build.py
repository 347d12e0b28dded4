"""Build and update the on-disk indexes beside the chunk store; a text embedded once is never embedded again.

Vectors are keyed by the digest (sha256) of the exact text embedded, for chunks and sentences alike,
and carried from the current snapshot into the next one: re-ingesting a changed letter embeds only
the passages and sentences whose text changed, and identical texts are embedded once per build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from index.bm25 import BM25Index
from index.dense import DenseIndex, choose_kind
from index.embeddings import TextEmbedder, check_embedder, identity_of
from index.sentences import SentenceStore, sentence_texts
from index.vector_cache import VectorCache, text_digest
from ingest import reader_version
from ingest.errors import BrievenError, IndexDamagedError, IndexMismatchError, IndexNotFoundError
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.serialize import to_dict
from ingest.settings import Settings
from ingest.store import Snapshot, Store

DENSE_DIR = "dense"
BM25_DIR = "bm25"
SENTENCES_DIR = "sentences"
VECTORS_DIR = "vectors"
FORMAT = 3  # 3: embedder identity in the manifest, vectors keyed by text digest, sentence vectors


def chunk_heading(chunk: Chunk, letter: Letter | None = None) -> str:
    """The heading a chunk is indexed under: its heading path, or else its document's title.

    A structured reader moves a document's header into metadata: a motie's chunk starts at "De Kamer,
    gehoord de beraadslaging", its title ("Motie van het lid Ceder; Raad Algemene Zaken ...") and
    indiener live on the Letter only; without them a question naming the motie cannot find it."""
    heading = " > ".join(chunk.section_path)
    if not heading and letter is not None and letter.title:
        heading = " ".join(letter.title.split())
    return heading


def index_text(chunk: Chunk, letter: Letter | None = None) -> str:
    """What is embedded and searched for a chunk: its heading (chunk_heading), then its marker-free text.

    The headings carry the topic ("Motie Ceder – Toegankelijkheid ...") that the body often leaves
    implicit, so a chunk deep in a section can still be found by the section's subject.
    """
    heading = chunk_heading(chunk, letter)
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


def load_vector_cache(snapshot: Snapshot) -> VectorCache:
    try:
        return VectorCache.load(snapshot.dir / VECTORS_DIR)
    except (OSError, ValueError) as exc:
        raise IndexNotFoundError(
            f"the vectors in {snapshot.dir} are missing or damaged ({exc}); "
            "run `brieven ingest --rebuild PATH`"
        ) from exc


def load_sentences(snapshot: Snapshot, cache: VectorCache | None = None) -> SentenceStore | None:
    """The snapshot's sentence vectors; None when it was built without them."""
    if not snapshot.manifest.get("sentence_vectors"):
        return None
    try:
        return SentenceStore.load(snapshot.dir / SENTENCES_DIR, cache or load_vector_cache(snapshot))
    except (OSError, ValueError, KeyError) as exc:
        raise IndexNotFoundError(
            f"the sentence vectors in {snapshot.dir} are missing or damaged ({exc}); "
            "run `brieven ingest --rebuild PATH`"
        ) from exc


def _reusable_vectors(current: Snapshot, embedder: TextEmbedder) -> VectorCache | None:
    """The current snapshot's vectors, when an embedder like this one made them."""
    manifest = current.manifest
    if manifest.get("format") != FORMAT or not manifest.get("embedder"):
        return None
    try:
        check_embedder(manifest, embedder, current.dir)
        return VectorCache.load(current.dir / VECTORS_DIR)
    except (IndexMismatchError, OSError, ValueError):
        return None


@dataclass
class _Parts:
    """The distinct texts a build embeds, and which of them make up each chunk's vector."""

    texts: list[str] = field(default_factory=list)
    digests: list[bytes] = field(default_factory=list)
    index: dict[bytes, int] = field(default_factory=dict)

    def add(self, text: str) -> int:
        digest = text_digest(text)
        row = self.index.get(digest)
        if row is None:
            row = self.index[digest] = len(self.texts)
            self.texts.append(text)
            self.digests.append(digest)
        return row


def chunk_parts(chunk: Chunk, sentences: list[str], mode: str, letter: Letter | None = None) -> list[str]:
    """The texts whose vectors make a chunk's vector: the whole index text, or its heading and sentences.

    "sentences": the chunk's vector is the token-weighted mean of its heading path's vector and its
    sentences' vectors (as the engine itself pools a text longer than its input, window by window).
    Sentences are short, and this model's cost per token grows with the input's length (attention
    is quadratic), so one pass over short sentences costs less than embedding whole chunks, gives
    the sentence vectors with it, and embeds a heading once for all the chunks of its section.
    Measured on the old eval/questions.jsonl (README, Retrieval): hybrid Recall@5 within one question
    of whole-chunk vectors, at 0.72x the textbook recipe's CPU where whole chunks take 0.98x.
    """
    if mode == "whole" or not sentences:
        return [index_text(chunk, letter)]
    heading = chunk_heading(chunk, letter)
    return ([heading] if heading else []) + sentences


def embed_parts(
    embedder: TextEmbedder, parts: _Parts, reusable: VectorCache | None
) -> tuple[VectorCache, int]:
    """A cache holding exactly the parts' vectors, embedding only those not in `reusable`."""
    todo = [i for i, d in enumerate(parts.digests) if reusable is None or d not in reusable]
    matrix = np.zeros((len(parts.texts), embedder.dim), dtype=np.float16)
    if todo:
        matrix[todo] = embedder.embed_passages([parts.texts[i] for i in todo])
    if reusable is not None:
        for i, digest in enumerate(parts.digests):
            if digest in reusable:
                matrix[i] = reusable.vector(digest)
    return VectorCache.from_rows(parts.digests, matrix), len(todo)


def compose(cache: VectorCache, rows: list[list[int]], weights: list[list[float]]) -> np.ndarray:
    """Each chunk's vector: the normalised weighted mean of its parts' vectors."""
    out = np.zeros((len(rows), cache.dim), dtype=np.float32)
    for i, (r, w) in enumerate(zip(rows, weights, strict=True)):
        parts = np.asarray(cache.vectors[r], dtype=np.float32)
        vector = parts[0] if len(r) == 1 else np.asarray(w, dtype=np.float32) @ parts
        norm = float(np.linalg.norm(vector))
        out[i] = vector / norm if norm > 0 else vector
    return out


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
    """Write a snapshot of the full corpus given, with its indexes; embed only texts not seen before.

    `letters`, `chunks` and `mentions` are the whole corpus after the update (old and new letters).
    An unchanged corpus writes nothing and returns the current snapshot. With rebuild=True an index
    built with other settings or another embedder is replaced instead of refused; vectors are still
    reused where the same embedder made them, since a vector depends on nothing but the embedder and
    the exact text (after a change of chunking, most sentences are the same texts).
    """
    letters, chunks, mentions = list(letters), list(chunks), list(mentions)
    if rebuild:
        # a rebuild repairs: a damaged current snapshot is no reason to stop, only nothing to reuse
        try:
            current = store.load_or_empty()
        except BrievenError:
            current = Snapshot(store.root, {}, [], [])
    else:
        current = store.load_or_empty()
    if current.manifest and not rebuild:
        check_compatible(current, settings)
        check_embedder(current.manifest, embedder, settings.index_dir)
    digest = corpus_digest(letters, chunks, mentions)
    if (
        not rebuild
        and current.manifest.get("corpus_digest") == digest
        and bool(current.manifest.get("sentence_vectors")) == settings.sentence_vectors
    ):
        return current

    reusable = _reusable_vectors(current, embedder)
    by_letter = {x.id: x for x in letters}
    mode = settings.chunk_vectors
    need_sentences = settings.sentence_vectors or mode == "sentences"
    parts = _Parts()
    chunk_rows: list[list[int]] = []
    chunk_weights: list[list[float]] = []
    sentence_spans: list[list[tuple[int, int]]] = []
    sentence_rows: list[int] = []
    for chunk in chunks:
        pairs = sentence_texts(chunk, by_letter.get(chunk.letter_id)) if need_sentences else []
        texts = chunk_parts(chunk, [t for _, t in pairs], mode, by_letter.get(chunk.letter_id))
        chunk_rows.append([parts.add(t) for t in texts])
        chunk_weights.append(
            [float(max(1, embedder.count_tokens(t))) for t in texts] if len(texts) > 1 else [1.0]
        )
        if settings.sentence_vectors:
            sentence_spans.append([span for span, _ in pairs])
            sentence_rows.extend(parts.add(t) for _, t in pairs)
    cache, embedded = embed_parts(embedder, parts, reusable)
    vectors = compose(cache, chunk_rows, chunk_weights)

    ids = [c.id for c in chunks]
    kind = choose_kind(len(ids), settings.ann, settings.ann_threshold)
    dense = DenseIndex(kind, settings.hnsw_m, settings.hnsw_ef_search, nprobe=settings.ivf_nprobe).fit(
        ids, vectors
    )
    bm25 = BM25Index().fit(ids, [index_text(c, by_letter.get(c.letter_id)) for c in chunks])
    sentences = None
    if settings.sentence_vectors:
        sentences = SentenceStore().fit(ids, sentence_spans, sentence_rows, cache)

    def write_indexes(folder: Path) -> None:
        cache.save(folder / VECTORS_DIR)
        dense.save(folder / DENSE_DIR)
        bm25.save(folder / BM25_DIR)
        if sentences is not None:
            sentences.save(folder / SENTENCES_DIR)

    carried = sum(
        1 for rows in chunk_rows if reusable is not None and all(parts.digests[r] in reusable for r in rows)
    )
    manifest = {
        **(extra_manifest or {}),
        "format": FORMAT,
        "model": embedder.name,
        "dim": embedder.dim,
        "embedder": identity_of(embedder).to_json(),
        "fingerprint": settings.index_fingerprint(),
        # the readers of the brieven that wrote it; each letter records its own (Letter.reader_version),
        # as letters whose files were not given again keep an older reading
        "reader_version": reader_version.current(),
        "letters": len(letters),
        "chunks": len(chunks),
        "embedded": len(chunks) - carried,  # chunks whose vector needed a text not embedded before
        "embedded_texts": embedded,  # distinct texts sent to the model
        "chunk_vectors": mode,
        "sentence_vectors": settings.sentence_vectors,
        "sentences": len(sentence_rows),
        "corpus_digest": digest,
        "index_type": kind,
    }
    return store.write(letters, chunks, mentions, manifest, write_extra=write_indexes)
