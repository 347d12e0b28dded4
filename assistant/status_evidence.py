"""Where a verdict is written: the passage and sentence to cite, and the citations of one answer (pure)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.register_terms import format_date
from ingest.model import NO_VERDICT, Chunk, Citation, Commitment, CommitmentMention, Letter, Span, Verdict


def locate(sentence: str, text: str) -> Span | None:
    """Where the sentence stands in the passage, verbatim or with other whitespace; None if absent."""
    sentence = sentence.strip()
    if not sentence:
        return None
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    match = re.search(pattern, text)
    return match.span() if match else None


@dataclass(frozen=True)
class Evidence:
    """The passage and sentence of one document about one commitment, for one verdict."""

    mention: CommitmentMention
    verdict: Verdict
    chunk: Chunk
    letter: Letter
    span: Span


def evidence(
    mention: CommitmentMention,
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    verdict: Verdict | None = None,
) -> Evidence | None:
    """The verdict's sentence (without a verdict, the promise) located in its passage; None if not found.

    A verdict whose sentence cannot be found is not quoted with another sentence: None, so the caller
    can answer from retrieval instead.
    """
    verdict = verdict or main_verdict(mention)
    letter = letters.get(mention.letter_id)
    chunk = chunks.get(verdict.chunk_id or mention.chunk_id or "")
    if letter is None or chunk is None:
        return None
    if verdict.sentence:
        span = locate(verdict.sentence, chunk.text)
        if span is not None:
            return Evidence(mention, verdict, chunk, letter, span)
        if verdict.verdict != NO_VERDICT:
            return None
    for sentence in (mention.promise, mention.dictum, mention.decision):
        span = locate(sentence, chunk.text) if sentence else None
        if span is not None:
            return Evidence(mention, verdict, chunk, letter, span)
    return None


def main_verdict(mention: CommitmentMention) -> Verdict:
    """The verdict that stands after the mention's document (its `verdict`), from its timeline."""
    for v in reversed(mention.timeline):
        if (v.verdict, v.sentence) == (mention.verdict, mention.verdict_sentence):
            return v
    return mention.timeline[-1]


def current_evidence(
    c: Commitment, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]
) -> Evidence | None:
    """The sentence of the verdict that decides the commitment's status."""
    mention, verdict = c.current
    return evidence(mention, chunks, letters, verdict if verdict.sentence or verdict.chunk_id else None)


class Citations:
    """Numbers citations, one number per distinct passage and sentence."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, ev: Evidence) -> int:
        for c in self.items:
            if c.chunk.id == ev.chunk.id and c.quote_span == ev.span:
                return c.n
        n = len(self.items) + 1
        quote = ev.chunk.text[ev.span[0] : ev.span[1]]
        self.items.append(Citation(n=n, chunk=ev.chunk, letter=ev.letter, quote=quote, quote_span=ev.span))
        return n


def quote(ev: Evidence) -> str:
    return " ".join(ev.chunk.text[ev.span[0] : ev.span[1]].split())


def letter_when(letter: Letter, language: str) -> str:
    if letter.date:
        return format_date(letter.date, language)
    if letter.date_not_before:
        prefix = "not before " if language == "en" else "niet vóór "
        return prefix + format_date(letter.date_not_before, language)
    return "?"
