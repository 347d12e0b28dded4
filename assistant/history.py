"""Previous turns from JSON (a `--history` file, the API's `history`), checked against the limits.

A turn is the object `brieven ask --json` writes, or any part of it that holds at least the question:
`{"question": "...", "answer": "...", "citations": [{"chunk_id": "..."}], "analysis": {...}}`. The
citations say which passages (and so which letters) the turn rested on; the analysis carries its
identifiers. Citations of passages the index does not hold are left out: the turn still carries its
question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ingest.errors import InputError
from ingest.model import Answer, Chunk, Citation, Letter, QuestionAnalysis
from ingest.settings import Settings


class HistoryError(InputError):
    """A conversation that is malformed or longer than the limits allow."""

    def __init__(self, reason: str, source: str = "history") -> None:
        super().__init__(source, reason)
        self.reason = reason


def check_limits(
    turns: Sequence[Mapping[str, Any] | Answer], settings: Settings, source: str = "history"
) -> None:
    """At most settings.max_history_turns turns and settings.max_history_chars characters of text."""
    if len(turns) > settings.max_history_turns:
        raise HistoryError(
            f"{len(turns)} previous turns; at most {settings.max_history_turns} are allowed", source
        )
    size = sum(len(_question(t)) + len(_text(t)) for t in turns)
    if size > settings.max_history_chars:
        raise HistoryError(
            f"the previous turns hold {size} characters; at most {settings.max_history_chars} are allowed",
            source,
        )


def trim(turns: Sequence[Answer], settings: Settings) -> tuple[Answer, ...]:
    """The latest turns that fit the limits: a long conversation forgets its oldest turns."""
    kept = list(turns)[-settings.max_history_turns :] if settings.max_history_turns > 0 else []
    while kept and sum(len(t.question) + len(t.text) for t in kept) > settings.max_history_chars:
        kept.pop(0)
    return tuple(kept)


def _question(turn: Mapping[str, Any] | Answer) -> str:
    return turn.question if isinstance(turn, Answer) else str(turn.get("question") or "")


def _text(turn: Mapping[str, Any] | Answer) -> str:
    return turn.text if isinstance(turn, Answer) else str(turn.get("answer") or "")


def analysis_to_json(a: QuestionAnalysis) -> dict[str, Any]:
    return {
        "language": a.language,
        "intents": sorted(a.intents),
        "identifiers": list(a.identifiers),
        "members": list(a.members),
        "period": [a.period_from.isoformat(), a.period_to.isoformat()]
        if a.period_from and a.period_to
        else None,
        "letters": list(a.letters),
        "followup": a.followup,
        "carried": a.carried,
        "carried_identifiers": list(a.carried_identifiers),
        "focus_letters": list(a.focus_letters),
        "focus_quotes": [list(q) for q in a.focus_quotes],
    }


def _strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise HistoryError(f"analysis.{key} must be a list of strings", source)
    return tuple(value)


def _quotes(value: Any, source: str) -> tuple[tuple[str, int, int], ...]:
    if value is None:
        return ()
    ok = isinstance(value, list) and all(
        isinstance(q, list) and len(q) == 3 and isinstance(q[0], str) and all(type(x) is int for x in q[1:])
        for q in value
    )
    if not ok:
        raise HistoryError("analysis.focus_quotes must be a list of [chunk id, start, end]", source)
    return tuple((q[0], q[1], q[2]) for q in value)


def analysis_from_json(question: str, data: Mapping[str, Any], source: str = "history") -> QuestionAnalysis:
    period = data.get("period") or [None, None]
    try:
        start, end = (date.fromisoformat(p) if p else None for p in period)
    except (TypeError, ValueError) as exc:
        raise HistoryError(f"analysis.period is not two ISO dates ({exc})", source) from exc
    return QuestionAnalysis(
        question=question,
        language=str(data.get("language") or "nl"),
        intents=frozenset(_strings(data.get("intents"), "intents", source)),
        identifiers=_strings(data.get("identifiers"), "identifiers", source),
        members=_strings(data.get("members"), "members", source),
        period_from=start,
        period_to=end,
        letters=_strings(data.get("letters"), "letters", source),
        followup=bool(data.get("followup")),
        carried=str(data.get("carried") or ""),
        carried_identifiers=_strings(data.get("carried_identifiers"), "carried_identifiers", source),
        focus_letters=_strings(data.get("focus_letters"), "focus_letters", source),
        focus_quotes=_quotes(data.get("focus_quotes"), source),
        search_text=question,
    )


def turns_from_json(
    records: Any,
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    settings: Settings,
    source: str = "history",
) -> tuple[Answer, ...]:
    """Answers to carry as the conversation, from a JSON list of turns; HistoryError when malformed."""
    if not isinstance(records, list):
        raise HistoryError("the history must be a JSON list of turns", source)
    for n, record in enumerate(records, 1):
        if not isinstance(record, Mapping) or not isinstance(record.get("question"), str):
            raise HistoryError(f"turn {n} has no question (a turn is an object with a 'question')", source)
    check_limits(records, settings, source)
    turns = []
    for n, record in enumerate(records, 1):
        question = record["question"].strip()
        citations = []
        raw = record.get("citations") or []
        if not isinstance(raw, list):
            raise HistoryError(f"turn {n}: citations must be a list", source)
        for c in raw:
            chunk = chunks.get(str(c.get("chunk_id"))) if isinstance(c, Mapping) else None
            letter = letters.get(chunk.letter_id) if chunk else None
            if chunk is None or letter is None:
                continue
            span = c.get("quote_span") or [0, 0]
            quote = chunk.text[span[0] : span[1]] if _valid_span(span, chunk) else ""
            citations.append(
                Citation(len(citations) + 1, chunk, letter, quote, tuple(span) if quote else (0, 0))
            )
        analysis = record.get("analysis")
        if analysis is not None and not isinstance(analysis, Mapping):
            raise HistoryError(f"turn {n}: analysis must be an object", source)
        turns.append(
            Answer(
                question=question,
                text=str(record.get("answer") or ""),
                abstained=bool(record.get("abstained", False)),
                citations=tuple(citations),
                language=str(record.get("language") or "nl"),
                not_stated=bool(record.get("not_stated", False)),
                analysis=analysis_from_json(question, analysis, source) if analysis else None,
            )
        )
    return tuple(turns)


def _valid_span(span: Any, chunk: Chunk) -> bool:
    return (
        isinstance(span, list | tuple)
        and len(span) == 2
        and all(isinstance(x, int) for x in span)
        and 0 <= span[0] <= span[1] <= len(chunk.text)
    )
