"""The on-disk corpus: versioned snapshots swapped in atomically, so a crash never loses an index."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.errors import IndexNotFoundError
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.serialize import from_dict, to_dict

CURRENT = "CURRENT"  # a file naming the snapshot folder in use
KEEP = 2  # snapshots kept on disk: the current one and the one before


def _write_jsonl(path: Path, items: Iterable[Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")


def _read_jsonl(path: Path, cls: type) -> list[Any]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [from_dict(cls, json.loads(line)) for line in fh if line.strip()]


@dataclass
class Snapshot:
    """One consistent version of the corpus and the index files written beside it."""

    dir: Path
    letters: dict[str, Letter]
    chunks: list[Chunk]
    mentions: list[CommitmentMention]
    manifest: dict[str, Any] = field(default_factory=dict)

    def letter(self, letter_id: str) -> Letter | None:
        return self.letters.get(letter_id)

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self._chunk_map().get(chunk_id)

    def _chunk_map(self) -> dict[str, Chunk]:
        cached = self.__dict__.get("_by_id")
        if cached is None:
            cached = {c.id: c for c in self.chunks}
            self.__dict__["_by_id"] = cached
        return cached


class Store:
    """Reads and writes snapshots under one index folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def current_dir(self) -> Path | None:
        marker = self.root / CURRENT
        if not marker.exists():
            return None
        path = self.root / marker.read_text(encoding="utf-8").strip()
        return path if path.is_dir() else None

    def load(self) -> Snapshot:
        """The current snapshot; raises IndexNotFoundError when nothing was ingested here."""
        path = self.current_dir()
        if path is None:
            raise IndexNotFoundError(
                f"no ingested letters in {self.root}; run `brieven ingest PATH` first (or pass --index DIR)"
            )
        manifest_path = path / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
        letters = {x.id: x for x in _read_jsonl(path / "letters.jsonl", Letter)}
        return Snapshot(
            dir=path,
            letters=letters,
            chunks=_read_jsonl(path / "chunks.jsonl", Chunk),
            mentions=_read_jsonl(path / "mentions.jsonl", CommitmentMention),
            manifest=manifest,
        )

    def load_or_empty(self) -> Snapshot:
        try:
            return self.load()
        except IndexNotFoundError:
            return Snapshot(dir=self.root, letters={}, chunks=[], mentions=[])

    def write(
        self,
        letters: Iterable[Letter],
        chunks: Iterable[Chunk],
        mentions: Iterable[CommitmentMention],
        manifest: dict[str, Any],
        write_extra: Callable[[Path], None] | None = None,
    ) -> Snapshot:
        """Write a new snapshot beside the current one, then switch to it in one atomic rename."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
        try:
            letters, chunks, mentions = list(letters), list(chunks), list(mentions)
            _write_jsonl(tmp / "letters.jsonl", letters)
            _write_jsonl(tmp / "chunks.jsonl", chunks)
            _write_jsonl(tmp / "mentions.jsonl", mentions)
            if write_extra is not None:
                write_extra(tmp)
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
            name = self._next_name()
            final = self.root / name
            os.replace(tmp, final)
            pointer = self.root / f".{CURRENT}.tmp"
            pointer.write_text(name, encoding="utf-8")
            with pointer.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(pointer, self.root / CURRENT)  # the one step that makes the new snapshot live
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._prune()
        return Snapshot(
            dir=final,
            letters={x.id: x for x in letters},
            chunks=chunks,
            mentions=mentions,
            manifest=manifest,
        )

    def _snapshots(self) -> list[Path]:
        return sorted(p for p in self.root.glob("snap-*") if p.is_dir())

    def _next_name(self) -> str:
        existing = self._snapshots()
        n = int(existing[-1].name.split("-")[1]) + 1 if existing else 1
        return f"snap-{n:06d}"

    def _prune(self) -> None:
        current = self.current_dir()
        old = [p for p in self._snapshots() if p != current]
        for path in old[: max(0, len(old) - (KEEP - 1))]:
            shutil.rmtree(path, ignore_errors=True)
        for tmp in self.root.glob(".tmp-*"):
            shutil.rmtree(tmp, ignore_errors=True)
