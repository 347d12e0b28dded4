"""Turns brieven's own outputs (Hits, Answers) into the system-neutral runs that eval.metrics scores."""

from __future__ import annotations

import re
from collections.abc import Sequence

from eval.metrics import AnswerRun, RetrievalRun
from ingest.model import Answer, Chunk, Hit, Letter

_MARKERS = re.compile(r"(?:\s*\[\d+\])+")
_NUMBER = re.compile(r"\[(\d+)\]")
_WORDS = re.compile(r"[^\W_]{2,}")
MIN_STATEMENT_WORDS = 3


def passage_for_judge(chunk: Chunk, letter: Letter) -> str:
    """What a reader sees for a cited passage: the letter's header line, the section, the text.

    The header carries the facts a lead sentence may take from the letter's metadata (its date,
    its Kamerstuk number), which the chunk text itself does not repeat.
    """
    header = " ".join(
        x
        for x in (letter.title or "", letter.date.isoformat() if letter.date else "", letter.kamerstuk or "")
        if x
    )
    section = " > ".join(chunk.section_path)
    return "\n".join(x for x in (header, section, chunk.text) if x)


def hits_to_run(question_id: str, hits: Sequence[Hit], latency_s: float | None = None) -> RetrievalRun:
    return RetrievalRun(question_id, tuple(h.chunk.text for h in hits), latency_s=latency_s)


def split_statements(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Split answer text into statements, each with the citation numbers that close it.

    A statement runs up to a run of markers ("... af. [1][2]"); text after the last marker of a
    line is a statement without citations. Lines ending in ":" are headings ("Sources:"), and
    fragments of fewer than three words are not statements.
    """
    out: list[tuple[str, tuple[int, ...]]] = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•*").strip()
        if not line or line.endswith(":"):
            continue
        pos = 0
        for m in _MARKERS.finditer(line):
            body = line[pos : m.start()].strip(" .;")
            numbers = tuple(int(n) for n in _NUMBER.findall(m.group()))
            if len(_WORDS.findall(body)) >= MIN_STATEMENT_WORDS:
                out.append((body, numbers))
            pos = m.end()
        rest = line[pos:].strip(" .;")
        if len(_WORDS.findall(rest)) >= MIN_STATEMENT_WORDS:
            out.append((rest, ()))
    return out


def answer_to_run(question_id: str, answer: Answer, latency_s: float | None = None) -> AnswerRun:
    """Statements with the passages they cite; footnote identifiers and texts of all cited passages.

    A "not stated" answer is an abstention: it cites what the letters do say, but answers nothing.
    """
    if answer.not_stated:
        return AnswerRun(question_id=question_id, statements=(), abstained=True, latency_s=latency_s)
    by_n = {c.n: c for c in answer.citations}
    body = answer.text.split("\nSources:")[0].split("\nBronnen:")[0]  # the source list repeats quotes
    statements = []
    for text, numbers in split_statements(body):
        cited = tuple(passage_for_judge(by_n[n].chunk, by_n[n].letter) for n in numbers if n in by_n)
        statements.append((text, cited))
    footnotes: list[str] = []
    for c in answer.citations:
        for f in c.chunk.footnotes:
            footnotes += [*f.identifiers, f.text]
    return AnswerRun(
        question_id=question_id,
        statements=tuple(statements),
        abstained=answer.abstained,
        footnote_ids=tuple(footnotes),
        latency_s=latency_s,
    )
