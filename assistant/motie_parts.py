"""A motie's passage in its parts: the dictum part of each sentence and the signatories' block."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from assistant.values import Value
from ingest import dictum
from ingest.model import Hit, Span

C = TypeVar("C", bound=Any)  # an evidence Candidate (evidence.py imports this module)

# A motie ends with its signatories, one name a line ("Kathmann\n\nLahlah\n\nKröger").
_SIGNATURE = re.compile(r"(?:\n\s*[A-Z][\w'’-]+(?:[ -][A-Z]?[\w'’-]+){0,3}\s*){1,12}$")


def signature_span(hit: Hit) -> Span | None:
    """The signatories' block at the end of a motie's passage (the letter is a motie by its reader)."""
    if hit.letter.kind != "motie":
        return None
    match = _SIGNATURE.search(hit.chunk.text)
    if not match or "orde van de dag" not in hit.chunk.text[: match.start()]:
        return None  # the names follow the dictum "... en gaat over tot de orde van de dag."
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return start, len(hit.chunk.text.rstrip())


def motie_parts(hit: Hit, spans: Sequence[Span]) -> list[str | None]:
    """The dictum part of each sentence of a motie's passage (ingest.dictum); None for other letters."""
    if hit.letter.kind != "motie":
        return [None] * len(spans)
    return dictum.labels([hit.chunk.text[a:b] for a, b in spans])


def signature_members(block: str) -> list[Value]:
    return [Value("member", line.strip(), (0, 0)) for line in block.splitlines() if line.strip()]


def asking_sentence(candidates: Sequence[C], lead: C) -> C:
    """The candidate that states what the lead's motie asks ("verzoekt de regering ..."), from the lead's
    own passage; the lead itself where that sentence is no candidate (or the letter is no motie)."""
    same = lead.hit.chunk.id
    return next((c for c in candidates if c.hit.chunk.id == same and c.part == dictum.ASK), lead)
