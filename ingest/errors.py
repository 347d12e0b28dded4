"""Exceptions raised by library code; the CLI and the app turn them into one-line messages."""

from __future__ import annotations


class BrievenError(Exception):
    """Base class: every error a user can act on."""


class InputError(BrievenError):
    """A file that cannot be read as a letter; names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexMismatchError(BrievenError):
    """An index built with other settings than the ones asked for."""


class ModelLoadError(BrievenError):
    """An embedding or language model that cannot be loaded offline."""


class IndexNotFoundError(BrievenError):
    """No ingested corpus in the index folder."""


class IndexLockedError(BrievenError):
    """Another process is writing the index and did not finish within the wait allowed."""


class IndexDamagedError(BrievenError):
    """A snapshot whose files do not match its manifest, or cannot be read; `brieven doctor` repairs it."""


class QuestionError(BrievenError):
    """A question that cannot be asked as given: too long, empty, or not valid text."""
