"""Repairing an index folder: check a snapshot against its manifest, fall back to the last sound one,
and find the stored letters a rebuild starts from, whatever state the chunks and vectors are in.

The caller holds the index lock (ingest/lock.py). Nothing here deletes a letter: a damaged snapshot
is set aside (`damaged-snap-…`), and `brieven ingest --rebuild` takes back the letters it still holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import BrievenError, IndexDamagedError, IndexNotFoundError
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.reader_version import count_outdated, outdated_line
from ingest.store import MANIFEST, Store, check_files, read_jsonl, read_manifest, sha256_of

LETTERS = "letters.jsonl"
# Extra checks the index layer adds (ingest cannot open dense or BM25 indexes): raises on failure.
IndexCheck = Callable[[Path], None]


def problems_of(folder: Path, check_indexes: IndexCheck | None = None) -> tuple[list[str], bool]:
    """(what is wrong with a snapshot folder, whether checksums were recorded to check against)."""
    try:
        manifest = read_manifest(folder)
    except IndexDamagedError as exc:
        return [f"{MANIFEST}: {exc}"], False
    if not manifest:
        return [f"{MANIFEST}: missing"], False
    problems = check_files(folder, manifest, full=True)
    recorded = isinstance(manifest.get("files"), dict)
    if not recorded and not problems:
        # written by an older brieven, without checksums: read everything instead
        try:
            for name, cls in (
                (LETTERS, Letter),
                ("chunks.jsonl", Chunk),
                ("mentions.jsonl", CommitmentMention),
            ):
                read_jsonl(folder / name, cls)
        except (BrievenError, OSError) as exc:
            problems.append(str(exc))
    if not problems and check_indexes is not None:
        try:
            check_indexes(folder)
        except (BrievenError, OSError, ValueError, EOFError) as exc:
            problems.append(f"search index: {exc}")
    return problems, recorded


def letters_intact(folder: Path) -> bool:
    """Whether a snapshot's letters file matches its recorded checksum (or, unrecorded, reads whole)."""
    try:
        table = read_manifest(folder).get("files") or {}
    except IndexDamagedError:
        table = {}
    want = table.get(LETTERS) if isinstance(table, dict) else None
    path = folder / LETTERS
    if not path.exists():
        return False
    if want:
        return path.stat().st_size == want.get("bytes") and sha256_of(path) == want.get("sha256")
    try:
        read_jsonl(path, Letter)
    except IndexDamagedError:
        return False
    return True


@dataclass
class StoredLetters:
    """What a rebuild starts from: the letters of the best letters file, plus letters only a damaged
    snapshot still holds (complete records), which go through the identity rules like new files."""

    base: list[Letter] = field(default_factory=list)
    recovered: list[Letter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    read_from: list[Path] = field(default_factory=list)  # damaged folders whose letters were taken


def stored_letters(store: Store) -> StoredLetters:
    out = StoredLetters()
    current = store.current_dir()
    order = ([current] if current else []) + [
        p for p in reversed(store.snapshots()) if p != current and (current is None or p.name < current.name)
    ]
    base_dir = next((p for p in order if letters_intact(p)), None)
    if base_dir is not None:
        out.base = read_jsonl(base_dir / LETTERS, Letter)
        if current is not None and base_dir != current:
            out.notes.append(
                f"the letters file of {current.name} is damaged: started from the letters of {base_dir.name}"
            )
    have = {x.id for x in out.base} | {x.digest for x in out.base}
    damaged = [*store.damaged(), *([current] if current is not None and base_dir != current else [])]
    for folder in damaged:
        extra = [
            x
            for x in read_jsonl(folder / LETTERS, Letter, tolerant=True)
            if x.id not in have and x.digest not in have
        ]
        if extra:
            out.notes.append(f"recovered {len(extra)} letter(s) from {folder.name}")
        out.recovered += extra
        have |= {x.id for x in extra} | {x.digest for x in extra}
        if folder != current:
            out.read_from.append(folder)
    return out


def _outdated(letters: Iterable[Letter]) -> list[str]:
    """The one line on letters an older reader read ([] when none): not damage, but worth knowing."""
    n = count_outdated(letters)
    return [outdated_line(n)] if n else []


@dataclass(frozen=True)
class DoctorReport:
    lines: tuple[str, ...]
    sound: bool  # the current snapshot was sound (nothing had to be done but, perhaps, an adoption)
    repaired: bool  # the pointer now names a sound snapshot


def doctor(store: Store, check_indexes: IndexCheck | None = None) -> DoctorReport:
    """Check the current snapshot against its manifest; fall back to the newest sound one if it is not.

    Raises IndexNotFoundError when the folder holds no snapshot at all."""
    lines: list[str] = [f"index: {store.root}"]
    if not store.snapshots() and not store.damaged():
        raise IndexNotFoundError(f"no ingested letters in {store.root}; nothing to check")
    adopted = store.adopt_orphan()
    if adopted:
        lines.append(adopted)
    current = store.current_dir()
    if current is not None:
        problems, recorded = problems_of(current, check_indexes)
        if not problems:
            snap = store.load_dir(current)
            how = "every file matches its checksum" if recorded else "no checksums recorded; every file reads"
            lines.append(
                f"{current.name}: sound ({how}; {len(snap.letters)} letters, {len(snap.chunks)} chunks)"
            )
            lines += _outdated(snap.letters.values())
            store.prune()
            return DoctorReport(tuple(lines), sound=not adopted, repaired=True)
        lines.append(f"{current.name} is damaged: " + "; ".join(problems))
    else:
        lines.append(f"CURRENT names no snapshot ({store.pointer() or 'missing'})")
    older = [p for p in reversed(store.snapshots()) if p != current]
    fallback = next((p for p in older if not problems_of(p, check_indexes)[0]), None)
    intact = current is not None and letters_intact(current)
    lost: list[str] = []
    if fallback is not None and current is not None:
        kept = {x.id for x in read_jsonl(fallback / LETTERS, Letter)}
        lost = [x.id for x in read_jsonl(current / LETTERS, Letter, tolerant=True) if x.id not in kept]
    if current is not None and (fallback is not None or intact):
        aside = store.set_aside(current)
        lines.append(f"set {current.name} aside as {aside.name}")
    if fallback is None:
        if intact:
            lines.append(
                "no sound snapshot to fall back to; its letters file is intact: "
                "`brieven ingest --rebuild` rebuilds the chunks and indexes from it"
            )
        else:
            lines.append(
                "no sound snapshot to fall back to: "
                "re-ingest the letters with `brieven ingest --rebuild PATH`"
            )
        return DoctorReport(tuple(lines), sound=False, repaired=False)
    store.point_to(fallback)
    snap = store.load_dir(fallback)
    lines.append(
        f"fell back to {fallback.name} ({len(snap.letters)} letters, {len(snap.chunks)} chunks): "
        "search, ask and serve use it now"
    )
    lines += _outdated(snap.letters.values())
    if lost:
        lines.append(
            f"{len(lost)} letter(s) of the damaged snapshot are not in {fallback.name} ({', '.join(lost[:5])}"
            + (", ..." if len(lost) > 5 else "")
            + "): `brieven ingest --rebuild` takes them back from it"
        )
    store.prune()
    return DoctorReport(tuple(lines), sound=False, repaired=True)
