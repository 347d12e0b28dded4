"""Shared by the register's development-letter tests: a letter from a body, a round of dev letters scored."""

from __future__ import annotations

from typing import Any

from eval.register_gold import DEV_GOLD_DIR, doc_key, load_all_letter_gold, score_records
from eval.register_measure import as_record, read
from eval.splits import files
from ingest.loaders import RawDocument
from ingest.model import Letter
from ingest.parse import parse_letter

SIGNED = "\n\nDe minister van Infrastructuur en Waterstaat,\n\nX. Y\n"


def dev_letter(body: str, head: str = "Den Haag, 3 maart 2025\n\n", signed: str = SIGNED) -> Letter:
    """A letter read from a dated head, a body and a minister's signature, as a text file would be."""
    return parse_letter(RawDocument(source="brief.txt", format="text", digest="b", text=head + body + signed))


def round_score(prefixes: tuple[str, ...]) -> dict[str, Any]:
    """The register's records of the development letters named by prefix ("dev11"), scored on their gold."""
    paths = [p for p in files("register-dev-letters", "development") if p.name[:5] in prefixes]
    letters, mentions = read(paths)
    gold = [
        g
        for g in load_all_letter_gold(DEV_GOLD_DIR)["development"]
        if doc_key(g.record.letter)[:5] in prefixes
    ]
    return score_records(gold, [as_record(m, letters) for m in mentions])
