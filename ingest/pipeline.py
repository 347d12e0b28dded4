"""Read one file into a letter, and a letter into its chunks and commitment mentions (the ingest side of
the pipeline; index/pipeline.py runs it over files and writes the index)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ingest import reader_version
from ingest.chunking import chunk_letter
from ingest.errors import InputError
from ingest.limits import Limits
from ingest.loaders import load_document
from ingest.model import Chunk, CommitmentMention, Letter
from ingest.parse import parse_letter
from ingest.settings import Settings


def read_letter(
    path: Path, settings: Settings, notes: list[str] | None = None, limits: Limits | None = None
) -> Letter:
    """One file to a letter (its key from ingest/identity.py); raises InputError.

    What the reader had to do to read the file (e.g. a legacy encoding) is appended to notes."""
    raw = load_document(path, limits or Limits.of(settings))
    if notes is not None:
        notes.extend(f"{path}: {note}" for note in raw.notes)
    try:
        letter = parse_letter(raw)
    except Exception as exc:  # a parser bug must not stop the other files
        raise InputError(str(path), f"could not parse ({type(exc).__name__}: {exc})") from exc
    if not letter.text.strip():
        raise InputError(str(path), "no text found")
    return replace(letter, reader_version=reader_version.current())


def derive_letter(
    letter: Letter, settings: Settings, count_tokens
) -> tuple[list[Chunk], list[CommitmentMention]]:
    """A letter's chunks and commitment mentions (pure)."""
    from ingest.commitments import extract_mentions  # the register's extraction runs at ingest time

    chunks = chunk_letter(letter, settings, count_tokens)
    return chunks, list(extract_mentions(letter, chunks))
