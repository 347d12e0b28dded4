"""An Answer as JSON: the one shape shared by `brieven ask --json`, the HTTP API and the chat page."""

from __future__ import annotations

from typing import Any

from assistant.history import analysis_to_json
from ingest.model import Answer, Citation, Hit
from ingest.serialize import passage_json


def citation_to_json(citation: Citation) -> dict[str, Any]:
    return {
        "n": citation.n,
        **passage_json(citation.chunk, citation.letter),
        "quote": citation.quote,
        "quote_span": list(citation.quote_span),
        "cited_for": citation.cited_for,
    }


def hit_to_json(hit: Hit) -> dict[str, Any]:
    return {
        "rank": hit.rank,
        "chunk_id": hit.chunk.id,
        "letter_id": hit.letter.id,
        "letter_title": hit.letter.title,
        "date": hit.letter.date.isoformat() if hit.letter.date else None,
        "section_path": list(hit.chunk.section_path),
        "page": hit.chunk.page,
    }


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The answer; `brieven ask --history` and the API's `history` read the same objects back."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "short": answer.short,
        "abstained": answer.abstained,
        "not_stated": answer.not_stated,
        "language": answer.language,
        "mode": answer.mode,
        "citations": [citation_to_json(c) for c in answer.citations],
        "see_also": [hit_to_json(h) for h in answer.see_also],
        "flagged": list(answer.flagged),
        "analysis": analysis_to_json(answer.analysis) if answer.analysis else None,
    }
