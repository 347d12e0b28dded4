"""The register measured against its hand gold: documents read by the real pipeline, scored by register_gold.

`records(paths)` reads documents as `brieven ingest` does (loader, parser, chunker, register extraction)
and turns every mention into the scorer's RegisterRecord; `lists(...)` gives the open list, the overdue
list and the member index the way the register answers them. `measure()` scores the development and
the measurement parts (eval/splits.json) and is what tests/test_register_measurement.py reports; the
development part also scores the register's own development letters (corpus "register-dev-letters",
gold in tests/register_dev/gold), and every letter of a part on its own ("per_letter/<part>").
Run: python -m eval.register_measure [--part development|measurement|all]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from eval.register_gold import (
    DEV_GOLD_DIR,
    GoldRecord,
    ListEntry,
    RegisterRecord,
    doc_key,
    load_all_letter_gold,
    load_json,
    score_decisions,
    score_list,
    score_member_index,
    score_moties,
    score_records,
)
from eval.splits import corpus_root, files
from ingest.model import Chunk, Commitment, CommitmentMention, Letter

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 1, 1)


def read(paths: Iterable[Path]) -> tuple[dict[str, Letter], list[CommitmentMention]]:
    """Letters and mentions as ingest makes them (no index, no embedder)."""
    letters, mentions, _ = read_with_chunks(paths)
    return letters, mentions


def read_with_chunks(
    paths: Iterable[Path],
) -> tuple[dict[str, Letter], list[CommitmentMention], dict[str, Chunk]]:
    from ingest.chunking import chunk_letter
    from ingest.commitments import extract_mentions
    from ingest.loaders import load_document
    from ingest.parse import parse_letter

    letters: dict[str, Letter] = {}
    mentions: list[CommitmentMention] = []
    chunks: dict[str, Chunk] = {}
    for path in paths:
        letter = parse_letter(load_document(Path(path)))
        letters[letter.id] = letter
        letter_chunks = chunk_letter(letter)
        chunks |= {c.id: c for c in letter_chunks}
        mentions += extract_mentions(letter, letter_chunks)
    return letters, mentions, chunks


def as_record(m: CommitmentMention, letters: Mapping[str, Letter]) -> RegisterRecord:
    """A mention as the scorer's record; `letter` is the source file, as the gold names documents."""
    letter = letters.get(m.letter_id)
    deadline = m.new_deadline.date.isoformat() if m.new_deadline and m.new_deadline.date else None
    return RegisterRecord(
        kind=m.kind,
        identifiers=tuple(m.identifiers),
        title=m.title,
        members=tuple((x.name, x.party) for x in m.members),
        verdict=m.verdict,
        source=m.source,
        deadline=deadline,
        letter=letter.source if letter else m.letter_id,
        verdict_sentence=m.verdict_sentence,
        by=m.by,
        date=m.date.isoformat() if m.date else None,
        text=m.dictum or m.decision,
        replaces=tuple(m.replaces),
        committee=m.committee,
    )


def entry(c: Commitment) -> ListEntry:
    d = c.deadline
    return ListEntry(tuple(c.identifiers), c.title, d.date.isoformat() if d and d.date else None)


def lists(register: Sequence[Commitment]) -> tuple[list[ListEntry], list[ListEntry], dict[str, list[Any]]]:
    """The open list, the overdue list as of AS_OF and the member index, as the register gives them."""
    from ingest.register_query import member_index, open_list, overdue

    index = {
        name: [
            {"identifiers": list(c.identifiers), "title": c.title, "roles": list(roles)} for c, roles in rows
        ]
        for name, rows in member_index(register).items()
    }
    return [entry(c) for c in open_list(register)], [entry(c) for c in overdue(register, AS_OF)], index


def _demo(part: str) -> list[Path]:
    return sorted(files("demo-letters", part))


def _dev_letters(part: str) -> list[Path]:
    return sorted(files("register-dev-letters", part))


# The figures a per-letter line shows (the full dict is in the part's own entry).
_BRIEF = ("gold", "found", "recall", "precision", "verdict", "verdict_class", "verdict_and_source", "source")


def per_letter(gold: Sequence[GoldRecord], found: Sequence[RegisterRecord]) -> dict[str, dict[str, Any]]:
    """Each letter of the gold scored on its own: the headline figures, what was missed and what is unreal."""
    out = {}
    for key in sorted({doc_key(g.record.letter) for g in gold}):
        score = score_records([g for g in gold if doc_key(g.record.letter) == key], found)
        out[key] = {k: score[k] for k in (*_BRIEF, "missed", "unreal")}
    return out


def open_list_of(register: Sequence[Commitment]) -> list[Commitment]:
    from ingest.register_query import open_list

    return open_list(register)


def overdue_of(register: Sequence[Commitment]) -> list[Commitment]:
    from ingest.register_query import overdue

    return overdue(register, AS_OF)


def answer_lists(
    question: str,
    register: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    expected: Sequence[Commitment],
) -> bool:
    """The assistant's answer to the question lists each expected commitment, one cited line each."""
    from assistant import terms
    from assistant.status_answer import register_answer

    answer = register_answer(question, register, chunks, letters, terms.detect_language(question), AS_OF)
    if answer is None:
        return False
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    if len(items) != len(expected):
        return False
    for line, c in zip(items, expected, strict=True):
        named = any(f" {i} " in line for i in c.identifiers) or " ".join(c.title.split())[:40] in line
        if not named or "[" not in line:
            return False
    return True


def measure(parts: Sequence[str] = ("development", "measurement")) -> dict[str, Any]:
    """Every figure of the register gold, per part; 'all' adds the lists over all five demo letters."""
    from ingest.register import build_register

    gold = load_all_letter_gold()
    out: dict[str, Any] = {}
    dev_gold = load_all_letter_gold(DEV_GOLD_DIR)
    for part in parts:
        letters, mentions = read(_demo(part))
        found = [as_record(m, letters) for m in mentions]
        out[f"letters/{part}"] = score_records(gold[part], found)
        everything = list(gold[part])
        if dev_gold.get(part):
            letters, mentions = read(_dev_letters(part))
            dev_found = [as_record(m, letters) for m in mentions]
            out[f"register-dev-letters/{part}"] = score_records(dev_gold[part], dev_found)
            everything += dev_gold[part]
            found += dev_found
        out[f"per_letter/{part}"] = per_letter(everything, found)
    if "measurement" in parts:
        letters, mentions, chunks = read_with_chunks(_demo("development") + _demo("measurement"))
        register = build_register(mentions, letters)
        open_, late, index = lists(register)
        queries = load_json("register_queries.json")["queries"]
        out["open"] = score_list(queries["open"]["answer"], open_)
        out["open"]["answer_lists_each"] = answer_lists(
            "which commitments are still open?", register, chunks, letters, open_list_of(register)
        )
        out["overdue"] = score_list(queries["overdue"]["answer"], late)
        out["overdue"]["answer_lists_each"] = answer_lists(
            "welke toezeggingen en moties zijn over de deadline per 1 januari 2026?",
            register,
            chunks,
            letters,
            overdue_of(register),
        )
        out["members"] = score_member_index(queries["members"]["answer"], index)
        moties = load_json("register_moties_xml.json")["moties"]
        root = corpus_root("moties-op-xml")
        if root.exists():
            letters, mentions = read(root / m["file"] for m in moties)
            out["moties"] = score_moties(moties, [as_record(m, letters) for m in mentions])
        lists_gold = load_json("register_besluitenlijsten.json")["lists"]
        root = corpus_root("besluitenlijsten-pdf")
        if root.exists():
            letters, mentions = read(root / g["file"] for g in lists_gold)
            out["decisions"] = score_decisions(lists_gold, [as_record(m, letters) for m in mentions])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("development", "measurement", "all"), default="development")
    args = parser.parse_args(argv)
    parts = ("development", "measurement") if args.part == "all" else (args.part,)
    print(json.dumps(measure(parts), ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
