"""A conversation on the chat page: its turns, finished, streaming or stopped, and what the engine reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ingest.model import Answer


@dataclass(frozen=True)
class Turn:
    """One question and what became of it; turns are numbered from 1 in the order they were asked."""

    question: str
    answer: Answer | None = None  # None while streaming, or when stopped before the answer was done
    partial: str = ""  # the text streamed so far
    stopped: bool = False

    @property
    def done(self) -> bool:
        return self.answer is not None


def history(turns: Sequence[Turn]) -> tuple[Answer, ...]:
    """The finished answers, oldest first: what a follow-up is resolved against."""
    return tuple(t.answer for t in turns if t.answer is not None)


def stop_last(turns: Sequence[Turn]) -> list[Turn]:
    """The conversation after the user pressed stop: an unfinished last turn is marked stopped."""
    turns = list(turns)
    if turns and not turns[-1].done and not turns[-1].stopped:
        turns[-1] = replace(turns[-1], stopped=True)
    return turns


def for_retry(turns: Sequence[Turn]) -> tuple[list[Turn], str | None]:
    """The turns before the last one, and the last question to ask again (None when there is none)."""
    if not turns:
        return [], None
    return list(turns[:-1]), turns[-1].question
