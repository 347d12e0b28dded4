"""Register-backed answers: a commitment's status with who gave each verdict, or a complete list (pure).

`register_answer` is the one entry point the engine calls. A status question names the party of each
verdict as the register records it ("afgedaan volgens de staatssecretaris (brief van 8 januari 2025);
het ambtelijk voorstel: geen oordeel"), each cited [n] to its sentence. List questions (open, overdue,
by member, letter, status or period) are answered by assistant/status_lists.py. English questions get
the English frame of assistant/register_terms.py; quotes stay Dutch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from assistant.register_terms import WORDS, source_label, verdict_label
from assistant.status import StatusRequest, matching, status_request
from assistant.status_evidence import Citations, evidence, main_verdict, quote
from assistant.status_lists import list_answer
from assistant.status_wording import deadline_text, head, in_document, party_phrase
from ingest.model import NO_VERDICT, Answer, Chunk, Commitment, Letter


def _single(
    c: Commitment, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter], language: str
) -> Answer | None:
    cites = Citations()
    deciding, verdict = c.current
    if verdict.verdict == NO_VERDICT:
        deciding = c.latest
    letter = letters.get(deciding.letter_id)
    current = evidence(deciding, chunks, letters, verdict if verdict.verdict != NO_VERDICT else None)
    if letter is None or current is None:
        return None
    # The deciding document's parties: the deciding verdict first, then the others it records.
    said = party_phrase(current.verdict, deciding, letter, language)
    parts = [f"{verdict_label(current.verdict.verdict, language)} {said} [{cites.cite(current)}]"]
    quotes = [current]
    for v in reversed(deciding.timeline):
        if v == current.verdict or (v.verdict == NO_VERDICT and v.source is None):
            continue
        ev = evidence(deciding, chunks, letters, v)
        if ev is None:
            continue
        quotes.append(ev)
        label = verdict_label(v.verdict, language)
        if v.standing:
            label += f" ({WORDS[language]['standing']})"
        parts.append(f"{source_label(v.source, language)}: {label} [{cites.cite(ev)}]")
    where = ""
    if current.verdict.when and current.verdict.when != letter.sort_date:  # a memo quoting an earlier letter
        where = f" — {in_document(deciding, letter, language)}"
    lines = [f"{head(c, language)}: {'; '.join(parts)}{deadline_text(c.deadline, language)}{where}."]
    lines += [f"- “{quote(ev)}” [{cites.cite(ev)}]" for ev in quotes]
    at = c.mentions.index(deciding)
    for i, m in enumerate(c.mentions):
        if m is deciding:
            continue
        ev = evidence(m, chunks, letters)
        if ev is None:
            continue
        word = WORDS[language]["earlier"] if i < at else ("Later" if language == "en" else "Later")
        where = in_document(m, ev.letter, language)
        v = main_verdict(m)
        who = f" ({source_label(v.source, language)})" if v.source and v.verdict != NO_VERDICT else ""
        lines.append(
            f"- {word}, {where}: {verdict_label(m.verdict, language)}{who}: “{quote(ev)}” [{cites.cite(ev)}]"
        )
    return _answer(c.title, "\n".join(lines), cites, language)


def _answer(question: str, text: str, cites: Citations, language: str) -> Answer:
    return Answer(
        question=question, text=text, abstained=False, citations=tuple(cites.items), language=language
    )


def status_answer(
    question: str,
    request: StatusRequest,
    register: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    language: str,
    today: date | None = None,
) -> Answer | None:
    """The answer to a parsed register question; None when the register has nothing for it or cannot cite.

    None makes the caller answer from retrieval, as for any other question.
    """
    found = matching(register, question, request)
    if not found:
        return None  # nothing in the register is about it: retrieval answers
    if len(found) == 1 and not request.listing and not request.period:
        answer = _single(found[0], chunks, letters, language)
    else:
        answer = list_answer(question, request, found, chunks, letters, language, today or date.today())
    return None if answer is None else Answer(**{**answer.__dict__, "question": question})


def register_answer(
    question: str,
    register: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    language: str,
    today: date | None = None,
) -> Answer | None:
    """The register's answer to a question, or None when it is not a register question (one entry point)."""
    request = status_request(question, register)
    if request is None:
        return None
    return status_answer(question, request, register, chunks, letters, language, today)


def _holds(c: Commitment, chunk: Chunk) -> bool:
    """A mention of the commitment lies in the passage or heads its section."""
    path = tuple(chunk.section_path)
    return any(
        m.chunk_id == chunk.id
        or (
            m.letter_id == chunk.letter_id
            and m.section_path
            and path[: len(m.section_path)] == m.section_path
        )
        for m in c.mentions
    )


def retrieved_status(
    question: str,
    answer: Answer,
    register: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    language: str,
) -> Answer | None:
    """The register's status of the one commitment an extractive answer rests on, when the register's
    words did not match the question.

    "Has the commitment on the five-star model been dealt with?" shares no word with the register's
    "5-sterrenmodel voor transparantie algoritmes"; retrieval (glossary, embeddings) finds its section and
    the answerer's gate decides that the passage answers. The answer's first citation must lie in exactly
    one commitment's section; None otherwise (and for abstentions and lists).
    """
    if answer.abstained or not answer.citations:
        return None
    request = status_request(question, register)
    if request is None or request.listing or request.period or request.overdue:
        return None
    held = [c for c in register if _holds(c, answer.citations[0].chunk)]
    return _single(held[0], chunks, letters, language) if len(held) == 1 else None
