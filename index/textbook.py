"""Baselines: the textbook recipe (1000-character chunks, dense only) and plain BM25.

It mirrors LangChain's RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) over the
letter text, embedded with the same model and searched with an exact faiss index, so the evaluation
can show what structure-aware chunking and hybrid retrieval add.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from index.dense import DenseIndex
from index.embeddings import TextEmbedder
from ingest.model import Chunk, Hit, Letter

SEPARATORS = ("\n\n", "\n", " ", "")


def _split(text: str, size: int, separators: tuple[str, ...]) -> list[str]:
    """Pieces of at most `size` characters, cut at the coarsest separator that works."""
    if len(text) <= size:
        return [text]
    sep = next((s for s in separators if s == "" or s in text), "")
    if sep == "":
        parts = list(text)
    else:
        split = text.split(sep)
        parts = [p + sep for p in split[:-1]] + [split[-1]]
    out: list[str] = []
    for part in parts:
        if len(part) > size:
            out.extend(_split(part, size, separators[separators.index(sep) + 1 :] or ("",)))
        else:
            out.append(part)
    return out


def split_text(text: str, chunk_size: int = 1000, chunk_overlap: int = 200) -> list[tuple[int, str]]:
    """(offset, piece) pairs: small pieces merged up to chunk_size, with up to chunk_overlap carried over."""
    pieces = _split(text, chunk_size, SEPARATORS)
    chunks: list[tuple[int, str]] = []
    window: list[str] = []
    start = offset = 0
    for piece in pieces:
        if window and sum(map(len, window)) + len(piece) > chunk_size:
            chunks.append((start, "".join(window)))
            # keep the tail of the window as overlap
            while window and (
                sum(map(len, window)) > chunk_overlap or sum(map(len, window)) + len(piece) > chunk_size
            ):
                start += len(window.pop(0))
        if not window:
            start = offset
        window.append(piece)
        offset += len(piece)
    if window:
        chunks.append((start, "".join(window)))
    return [(o + len(c) - len(c.lstrip()), c.strip()) for o, c in chunks if c.strip()]


def textbook_chunks(letter: Letter, chunk_size: int = 1000, chunk_overlap: int = 200) -> list[Chunk]:
    return [
        Chunk(
            id=f"{letter.id}#tb{n}",
            letter_id=letter.id,
            text=piece,
            clean_text=piece,
            section_path=(),
            span=(offset, offset + len(piece)),
            page=letter.page_at(offset),
        )
        for n, (offset, piece) in enumerate(split_text(letter.text, chunk_size, chunk_overlap))
    ]


class TextbookSearcher:
    """Dense-only search over fixed-size chunks; `search` returns Hits like the real Searcher."""

    def __init__(self, letters: Iterable[Letter], embedder: TextEmbedder, chunk_size: int = 1000) -> None:
        self.letters = {x.id: x for x in letters}
        self.embedder = embedder
        self.chunks = [c for x in self.letters.values() for c in textbook_chunks(x, chunk_size)]
        self._by_id = {c.id: c for c in self.chunks}
        vectors = embedder.embed_passages([c.text for c in self.chunks])
        self.index = DenseIndex("flat").fit([c.id for c in self.chunks], vectors)

    @classmethod
    def from_files(
        cls, paths: Iterable[Path], embedder: TextEmbedder, chunk_size: int = 1000
    ) -> TextbookSearcher:
        """The recipe end to end as the benchmarks time it: load each file's text, split, embed, index.

        Files are read by brieven's loader (for text files a decoded read, as LangChain's TextLoader
        does), without brieven's parsing, sections or footnotes.
        """
        from ingest.loaders import load_document

        letters = []
        for path in paths:
            raw = load_document(Path(path))
            letters.append(
                Letter(id=Path(path).stem, source=str(path), format=raw.format, digest="", text=raw.text)
            )
        return cls(letters, embedder, chunk_size)

    def search(self, query: str, k: int = 5) -> list[Hit]:
        found = self.index.search(self.embedder.embed_query(query), k)
        return [
            Hit(
                chunk=self._by_id[cid],
                letter=self.letters[self._by_id[cid].letter_id],
                score=s,
                rank=r,
                found_by=("dense",),
            )
            for r, (cid, s) in enumerate(found, 1)
        ]


def plain_bm25(searcher, query: str, k: int) -> list[Hit]:
    """The plain BM25 baseline: the BM25 ranking alone (Dutch stemming, compounds split), without
    identifier lookup, English glossary or dense fusion."""
    snap = searcher.snapshot
    hits = []
    for rank, (cid, score) in enumerate(searcher.bm25.search(query, k), 1):
        chunk = snap.chunk(cid)
        hits.append(Hit(chunk=chunk, letter=snap.letter(chunk.letter_id), score=score, rank=rank))
    return hits
