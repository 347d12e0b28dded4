"""Ingest files into the index folder under its lock: read (ingest/), derive chunks, update the indexes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index import embeddings
from index.build import check_compatible, update_index
from ingest import reader_version
from ingest.corpus_update import CorpusUpdate
from ingest.errors import InputError
from ingest.faults import fault_point
from ingest.limits import Limits
from ingest.loaders import discover, file_digest
from ingest.lock import IndexLock
from ingest.pipeline import derive_letter, read_letter
from ingest.recovery import StoredLetters, stored_letters
from ingest.settings import Settings
from ingest.store import Snapshot, Store

Progress = Callable[[str], None]


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did, for the closing report."""

    index_dir: Path
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    reread: tuple[str, ...] = ()  # unchanged files read again: the readers changed since they were indexed
    skipped: tuple[InputError, ...] = ()
    letters_total: int = 0
    chunks_new: int = 0
    chunks_total: int = 0
    footnotes: int = 0
    markers_linked: int = 0
    markers_without_text: tuple[str, ...] = ()  # "letter id: marker 29 (page 19)"
    embedded: int = 0
    same_document: tuple[str, ...] = ()  # "<file>: same document as <key> (<source>, ...); kept <file>"
    outdated: int = 0  # letters in the index an older version of the readers read (their files not given)
    notes: tuple[str, ...] = field(default=())


def ingest_paths(
    paths: Iterable[Path],
    settings: Settings,
    embedder=None,
    progress: Progress | None = None,
    rebuild: bool = False,
    follow_symlinks: bool = False,
) -> IngestReport:
    """Ingest files and folders; bad files are reported and skipped, the current index stays intact.

    One writer at a time: the index lock is held from reading the current snapshot to moving the
    pointer, so a second ingest waits for the first (settings.lock_wait_s) and adds to its result.
    With rebuild, the stored letters are chunked and embedded again, whatever state the chunks and
    vectors are in; PATHs are then optional."""
    files, errors = discover([Path(p) for p in paths], follow_symlinks=follow_symlinks)
    store = Store(settings.index_dir)
    if not files and not rebuild:
        # nothing to read: report on the index as it is, without taking the lock or writing a byte
        snapshot = store.load_or_empty()
        return _report(settings, snapshot, CorpusUpdate.of([], [], []), errors, 0, [], wrote=False)
    with IndexLock(store.root, settings.lock_wait_s) as lock:
        fault_point("locked")
        return _ingest_locked(store, files, errors, settings, embedder, progress, rebuild, lock)


def _ingest_locked(
    store: Store,
    files: list[Path],
    errors: list[InputError],
    settings: Settings,
    embedder,
    progress: Progress | None,
    rebuild: bool,
    lock: IndexLock,
) -> IngestReport:
    notes: list[str] = []
    if lock.stale is not None:
        notes.append(f"took over the index lock of {lock.stale.describe()}, which is no longer running")
    adopted = store.adopt_orphan()
    if adopted:
        notes.append(adopted)
    store.prune()  # what an interrupted writer left: unfinished folders, a pointer never moved
    stored: StoredLetters | None = None
    current: Snapshot | None = None
    if rebuild:
        stored = stored_letters(store)
        notes += stored.notes
        update = CorpusUpdate.of(stored.base, [], [])
        for letter in stored.recovered:
            update.offer(letter, rebuild=True)
        notes.append(f"rebuilding from {len(update.letters)} stored letter(s) and the files given")
    else:
        current = store.load_or_empty()
        if current.manifest:
            check_compatible(current, settings)  # refuse before any work is done
        update = CorpusUpdate.of(current.letters.values(), current.chunks, current.mentions)
    embedder = embedder or embeddings.load_embedder(settings)  # looked up per call: tests swap it
    limits = Limits.of(settings)
    for path in files:
        if progress:
            progress(str(path))
        try:
            if not rebuild:
                same_bytes = update.indexed_with_digest(file_digest(path, limits))
                if same_bytes is not None and not reader_version.outdated(same_bytes):
                    update.mark_unchanged(same_bytes)  # the very file indexed by these readers: nothing to do
                    continue
                # else new bytes, or the readers changed since: read it (offer replaces the old reading)
            letter = read_letter(path, settings, notes, limits)
        except InputError as exc:
            errors.append(exc)
            continue
        update.offer(letter, rebuild=rebuild)
    fault_point("read")
    if rebuild:
        update.rederive_all()
    new_chunks = update.derive(lambda x: derive_letter(x, settings, embedder.count_tokens))
    snapshot = current
    if update.changed or rebuild:
        snapshot = update_index(
            store,
            update.letters.values(),
            update.all_chunks(),
            update.all_mentions(),
            settings,
            embedder,
            rebuild=rebuild,
        )
    if stored is not None:
        for folder in stored.read_from:  # their letters are in the new snapshot now
            shutil.rmtree(folder, ignore_errors=True)
    assert snapshot is not None
    return _report(settings, snapshot, update, errors, new_chunks, notes, wrote=update.changed or rebuild)


def _report(
    settings: Settings,
    snapshot: Snapshot,
    update: CorpusUpdate,
    errors: list[InputError],
    new_chunks: int,
    notes: list[str],
    wrote: bool,
) -> IngestReport:
    letters = list(snapshot.letters.values())
    missing = tuple(
        f"{x.id}: marker {m.label}" + (f" (page {m.page})" if m.page else "")
        for x in letters
        for m in x.unresolved_markers
    )
    return IngestReport(
        index_dir=settings.index_dir,
        added=tuple(update.added),
        replaced=tuple(update.replaced),
        unchanged=tuple(update.unchanged),
        reread=tuple(update.reread),
        skipped=tuple(errors),
        letters_total=len(letters),
        chunks_new=new_chunks,
        chunks_total=len(snapshot.chunks),
        footnotes=sum(len(x.footnotes) for x in letters),
        markers_linked=sum(1 for x in letters for m in x.markers if m.footnote_id),
        markers_without_text=missing,
        embedded=int(snapshot.manifest.get("embedded", 0)) if wrote else 0,
        same_document=tuple(update.same_document),
        outdated=reader_version.count_outdated(letters),
        notes=tuple(notes + update.notes),
    )
