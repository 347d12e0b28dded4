"""Ingest files into the index folder: load, parse, chunk, extract commitments, update the indexes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunking import chunk_letter
from ingest.errors import InputError
from ingest.loaders import discover, load_document
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.parse import parse_letter
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
    skipped: tuple[InputError, ...] = ()
    letters_total: int = 0
    chunks_new: int = 0
    chunks_total: int = 0
    footnotes: int = 0
    markers_linked: int = 0
    markers_without_text: tuple[str, ...] = ()  # "letter id: marker 29 (page 19)"
    embedded: int = 0
    notes: tuple[str, ...] = field(default=())


def read_letter(
    path: Path, settings: Settings, count_tokens, notes: list[str] | None = None
) -> tuple[Letter, list[Chunk], list[CommitmentMention]]:
    """One file to a letter with its chunks and commitment mentions; raises InputError.

    What the reader had to do to read the file (e.g. a legacy encoding) is appended to notes."""
    from ingest.commitments import extract_mentions  # the register's extraction runs at ingest time

    raw = load_document(path)
    if notes is not None:
        notes.extend(f"{path}: {note}" for note in raw.notes)
    try:
        letter = parse_letter(raw)
    except Exception as exc:  # a parser bug must not stop the other files
        raise InputError(str(path), f"could not parse ({type(exc).__name__}: {exc})") from exc
    if not letter.text.strip():
        raise InputError(str(path), "no text found")
    chunks = chunk_letter(letter, settings, count_tokens)
    return letter, chunks, list(extract_mentions(letter, chunks))


def ingest_paths(
    paths: Iterable[Path],
    settings: Settings,
    embedder=None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Ingest files and folders; bad files are reported and skipped, the current index stays intact."""
    from index.build import update_index
    from index.embeddings import load_embedder

    files, errors = discover([Path(p) for p in paths])
    store = Store(settings.index_dir)
    current = store.load_or_empty()
    if current.manifest and not rebuild:
        from index.build import check_compatible

        check_compatible(current, settings)  # refuse before any work is done
    embedder = embedder or load_embedder(settings)
    letters = dict(current.letters)
    chunks = {c.letter_id: [] for c in current.chunks}
    for c in current.chunks:
        chunks[c.letter_id].append(c)
    mentions: dict[str, list[CommitmentMention]] = {}
    for m in current.mentions:
        mentions.setdefault(m.letter_id, []).append(m)
    added, replaced, unchanged, new_chunks, notes = [], [], [], 0, []
    for path in files:
        if progress:
            progress(str(path))
        try:
            letter, letter_chunks, letter_mentions = read_letter(path, settings, embedder.count_tokens, notes)
        except InputError as exc:
            errors.append(exc)
            continue
        old = letters.get(letter.id)
        if old is not None and old.digest == letter.digest and not rebuild:
            unchanged.append(letter.id)
            continue
        (replaced if old is not None else added).append(letter.id)
        letters[letter.id] = letter
        chunks[letter.id] = letter_chunks
        mentions[letter.id] = letter_mentions
        new_chunks += len(letter_chunks)
    all_chunks = [c for lid in letters for c in chunks.get(lid, [])]
    all_mentions = [m for lid in letters for m in mentions.get(lid, [])]
    snapshot = current
    if added or replaced or rebuild:
        snapshot = update_index(
            store, letters.values(), all_chunks, all_mentions, settings, embedder, rebuild=rebuild
        )
    return _report(settings, snapshot, added, replaced, unchanged, errors, new_chunks, notes)


def _report(
    settings, snapshot: Snapshot, added, replaced, unchanged, errors, new_chunks, notes
) -> IngestReport:
    letters = list(snapshot.letters.values())
    missing = tuple(
        f"{x.id}: marker {m.label}" + (f" (page {m.page})" if m.page else "")
        for x in letters
        for m in x.unresolved_markers
    )
    return IngestReport(
        index_dir=settings.index_dir,
        added=tuple(added),
        replaced=tuple(replaced),
        unchanged=tuple(unchanged),
        skipped=tuple(errors),
        letters_total=len(letters),
        chunks_new=new_chunks,
        chunks_total=len(snapshot.chunks),
        footnotes=sum(len(x.footnotes) for x in letters),
        markers_linked=sum(1 for x in letters for m in x.markers if m.footnote_id),
        markers_without_text=missing,
        embedded=int(snapshot.manifest.get("embedded", 0)) if (added or replaced) else 0,
        notes=tuple(notes),
    )
