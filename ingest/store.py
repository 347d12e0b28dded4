"""The on-disk corpus: versioned snapshots swapped in atomically, so a crash never loses an index.

A snapshot folder (`snap-000042`) is written complete under a temporary name, every file and the
folder fsynced, its manifest listing every file with its size and sha256; it is then renamed into
place and only then does the pointer file CURRENT move to it (written beside it, fsynced, renamed
over it). A reader therefore sees the old snapshot or the new one, never a half-written one. Writers
hold the index lock (ingest/lock.py); readers need none.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.errors import IndexDamagedError, IndexNotFoundError
from ingest.faults import fault_point
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.serialize import from_dict, to_dict

CURRENT = "CURRENT"  # a file naming the snapshot folder in use
KEEP = 2  # snapshots kept on disk: the current one and the one before
MANIFEST = "manifest.json"
DAMAGED = "damaged-"  # prefix of a damaged snapshot set aside by `brieven doctor`
_REPAIR = "run `brieven doctor` to return to the last sound snapshot, or `brieven ingest --rebuild`"


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_jsonl(path: Path, items: Iterable[Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")


def read_jsonl(path: Path, cls: type, tolerant: bool = False, required: bool = False) -> list[Any]:
    """Records of one JSON-lines file; a damaged line raises IndexDamagedError (tolerant: is skipped).

    A missing file is empty unless required (then FileNotFoundError: a reader retries after a prune)."""
    if not required and not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8", errors="strict") as fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    out.append(from_dict(cls, json.loads(line)))
                except (ValueError, TypeError, KeyError) as exc:
                    if not tolerant:
                        raise IndexDamagedError(
                            f"{path} is damaged (line {n}: {type(exc).__name__}: {exc}); {_REPAIR}"
                        ) from exc
        except UnicodeDecodeError as exc:
            if not tolerant:
                raise IndexDamagedError(f"{path} is damaged (not UTF-8 text); {_REPAIR}") from exc
    return out


def file_table(folder: Path) -> dict[str, dict[str, Any]]:
    """Every file under folder but the manifest: relative path -> size and sha256."""
    table = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel != MANIFEST:
            table[rel] = {"bytes": path.stat().st_size, "sha256": sha256_of(path)}
    return table


def check_files(folder: Path, manifest: dict[str, Any], full: bool) -> list[str]:
    """What does not match the manifest's file table ([] when all do; sizes only unless full)."""
    table = manifest.get("files")
    if not isinstance(table, dict):
        return []
    problems = []
    for rel, want in table.items():
        path = folder / rel
        try:
            size = path.stat().st_size
        except OSError:
            problems.append(f"{rel}: missing")
            continue
        if size != want.get("bytes"):
            problems.append(f"{rel}: {size} bytes, {want.get('bytes')} written")
        elif full and sha256_of(path) != want.get("sha256"):
            problems.append(f"{rel}: checksum differs from the one written")
    return problems


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise IndexDamagedError(f"{path} is damaged ({exc}); {_REPAIR}") from exc
    if not isinstance(data, dict):
        raise IndexDamagedError(f"{path} is damaged (not a JSON object); {_REPAIR}")
    return data


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

    # -- the pointer -------------------------------------------------------------------------
    def pointer(self) -> str | None:
        """The snapshot name CURRENT holds (one small read: the server checks it between requests)."""
        try:
            return (self.root / CURRENT).read_text(encoding="utf-8").strip() or None
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise IndexDamagedError(f"{self.root / CURRENT} cannot be read ({exc}); {_REPAIR}") from exc

    def current_dir(self) -> Path | None:
        name = self.pointer()
        if name is None:
            return None
        path = self.root / name
        return path if path.is_dir() else None

    def point_to(self, folder: Path) -> None:
        """Make folder the current snapshot: a new pointer beside CURRENT, fsynced, renamed over it."""
        pointer = self.root / f".{CURRENT}.{os.getpid()}.tmp"
        pointer.write_text(folder.name, encoding="utf-8")
        _fsync_file(pointer)
        fault_point("pointer-written")
        os.replace(pointer, self.root / CURRENT)  # the one step that makes the new snapshot live
        fsync_dir(self.root)

    # -- reading -----------------------------------------------------------------------------
    def load(self) -> Snapshot:
        """The current snapshot; IndexNotFoundError when nothing was ingested, IndexDamagedError when
        its files do not match its manifest."""
        for _attempt in range(5):
            name = self.pointer()
            if name is None:
                if self.snapshots():
                    raise IndexDamagedError(f"{self.root} has snapshots but no {CURRENT} pointer; {_REPAIR}")
                raise IndexNotFoundError(
                    f"no ingested letters in {self.root}; "
                    "run `brieven ingest PATH` first (or pass --index DIR)"
                )
            try:
                return self.load_dir(self.root / name)
            except FileNotFoundError:
                # pruned while we read it, after a newer snapshot became current: read that one
                if self.pointer() == name:
                    break
        raise IndexDamagedError(
            f"{self.root / CURRENT} names {name}, which is missing or incomplete; {_REPAIR}"
        )

    def load_dir(self, path: Path) -> Snapshot:
        if not path.is_dir():
            raise FileNotFoundError(path)
        manifest = read_manifest(path)
        problems = check_files(path, manifest, full=False)
        if problems:
            raise IndexDamagedError(f"the index in {path} is damaged ({'; '.join(problems)}); {_REPAIR}")
        strict = "files" in manifest  # written by this version: every file is there
        return Snapshot(
            dir=path,
            letters={x.id: x for x in read_jsonl(path / "letters.jsonl", Letter, required=strict)},
            chunks=read_jsonl(path / "chunks.jsonl", Chunk, required=strict),
            mentions=read_jsonl(path / "mentions.jsonl", CommitmentMention, required=strict),
            manifest=manifest,
        )

    def load_or_empty(self) -> Snapshot:
        try:
            return self.load()
        except IndexNotFoundError:
            return Snapshot(dir=self.root, letters={}, chunks=[], mentions=[])

    def snapshots(self) -> list[Path]:
        return sorted(p for p in self.root.glob("snap-*") if p.is_dir())

    def damaged(self) -> list[Path]:
        return sorted(p for p in self.root.glob(f"{DAMAGED}snap-*") if p.is_dir())

    def sound(self, folder: Path, full: bool = True) -> bool:
        """Whether a snapshot folder has a manifest with a file table that its files match."""
        try:
            manifest = read_manifest(folder)
        except IndexDamagedError:
            return False
        return bool(manifest.get("files")) and not check_files(folder, manifest, full)

    # -- writing (under the index lock) ------------------------------------------------------
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
            manifest = {**manifest, "files": file_table(tmp)}
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
            for path in tmp.rglob("*"):
                if path.is_file():
                    _fsync_file(path)
            for folder in sorted({p.parent for p in tmp.rglob("*")} | {tmp}, key=lambda p: -len(p.parts)):
                fsync_dir(folder)
            fault_point("files-written")
            final = self.root / self._next_name()
            os.replace(tmp, final)
            fsync_dir(self.root)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        fault_point("snapshot-renamed")
        self.point_to(final)
        fault_point("pointer-moved")
        self.prune()
        return Snapshot(
            dir=final,
            letters={x.id: x for x in letters},
            chunks=chunks,
            mentions=mentions,
            manifest=manifest,
        )

    def _next_name(self) -> str:
        names = [p.name for p in self.snapshots()] + [p.name[len(DAMAGED) :] for p in self.damaged()]
        n = max((int(name.split("-")[1]) for name in names), default=0) + 1
        return f"snap-{n:06d}"

    def adopt_orphan(self) -> str | None:
        """Point to the newest snapshot when an interrupted writer finished it but never moved the
        pointer (its files all match their checksums); returns a note saying so, or None."""
        snaps = self.snapshots()
        if not snaps:
            return None
        current = self.current_dir()
        newest = snaps[-1]
        if current is not None and newest.name <= current.name:
            return None
        if not self.sound(newest, full=True):
            return None
        self.point_to(newest)
        was = current.name if current else "none"
        return f"adopted {newest.name}, written completely by an interrupted ingest (the pointer named {was})"

    def set_aside(self, folder: Path) -> Path:
        """Rename a damaged snapshot out of the way (kept for `ingest --rebuild` to recover letters)."""
        target = self.root / f"{DAMAGED}{folder.name}"
        os.replace(folder, target)
        fsync_dir(self.root)
        return target

    def _keepable(self, folder: Path) -> bool:
        try:
            return not check_files(folder, read_manifest(folder), full=False)
        except IndexDamagedError:
            return False

    def prune(self) -> None:
        """Keep the current snapshot and the newest sound ones before it; remove unfinished writes."""
        current = self.current_dir()
        older = [p for p in self.snapshots() if p != current and (current is None or p.name < current.name)]
        keep = set(sorted(p for p in older if self._keepable(p))[-(KEEP - 1) :]) if KEEP > 1 else set()
        for path in self.snapshots():
            if path != current and path not in keep and (current is None or path.name < current.name):
                shutil.rmtree(path, ignore_errors=True)
        for tmp in self.root.glob(".tmp-*"):
            shutil.rmtree(tmp, ignore_errors=True)
        for pointer in self.root.glob(f".{CURRENT}.*.tmp"):
            pointer.unlink(missing_ok=True)
