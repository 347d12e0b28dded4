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
