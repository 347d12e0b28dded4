"""The commitments register against gold lists written by reading letters 000, 001 and 003."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from eval.splits import part_of
from ingest.chunking import chunk_letter
from ingest.commitment_text import member_key
from ingest.commitments import extract_mentions
from ingest.loaders import load_document
from ingest.model import CommitmentMention
from ingest.parse import parse_letter

ROOT = Path(__file__).resolve().parents[1]
# Development letters only: the measurement gold (002, 004) is scored once, at the end: eval/register_gold.py
GOLD = sorted(
    p
    for p in (ROOT / "tests" / "gold").glob("commitments_*.json")
    if part_of("demo-letters", Path(json.loads(p.read_text(encoding="utf-8"))["file"]).name) == "development"
)


@cache
def extracted(file: str) -> tuple[CommitmentMention, ...]:
    letter = parse_letter(load_document(ROOT / file))
    return tuple(extract_mentions(letter, chunk_letter(letter)))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def _title_overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def match(gold: dict, found: list[CommitmentMention]) -> CommitmentMention | None:
    """A gold record is found by a shared identifier, else by kind, member and title words."""
    if gold["identifiers"]:
        hits = [m for m in found if set(gold["identifiers"]) & set(m.identifiers)]
        if hits:
            return hits[0]
    keys = {member_key(name) for name, _ in gold["members"]}
    best = None
    for m in found:
        if m.kind != gold["kind"] or (keys and not keys & {member_key(x.name) for x in m.members}):
            continue
        score = max(_title_overlap(gold["title"], m.title), _title_overlap(gold["title"], m.promise or ""))
        if score >= 0.5 and (best is None or score > best[0]):
            best = (score, m)
    return best[1] if best else None


def measure() -> dict[str, float]:
    total = found = ids_right = verdict_right = members_right = deadline_total = deadline_right = 0
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        mentions = list(extracted(gold["file"]))
        for g in gold["commitments"]:
            total += 1
            m = match(g, mentions)
            if m is None:
                continue
            found += 1
            ids_right += set(m.identifiers) == set(g["identifiers"])
            verdict_right += m.verdict == g["verdict"]
            members_right += {(member_key(x.name), x.party) for x in m.members} == {
                (member_key(n), p) for n, p in g["members"]
            }
            if g["deadline"]:
                deadline_total += 1
                got = m.new_deadline.date.isoformat() if m.new_deadline and m.new_deadline.date else None
                deadline_right += got == g["deadline"]
    return {
        "gold": total,
        "recall": found / total,
        "identifiers": ids_right / found,
        "verdicts": verdict_right / found,
        "members": members_right / found,
        "deadlines": deadline_right / max(1, deadline_total),
    }


def test_gold_files_cover_at_least_two_letters():
    files = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in GOLD}
    assert len(files) >= 2
    assert all((ROOT / f).exists() for f in files)


def test_commitments_against_gold(capsys: pytest.CaptureFixture[str]):
    scores = measure()
    with capsys.disabled():
        print("\ncommitments gold:", {k: round(v, 3) for k, v in scores.items()})
    assert scores["recall"] >= 0.9
    assert scores["identifiers"] >= 0.95
    assert scores["verdicts"] >= 0.85
    assert scores["members"] >= 0.8
    assert scores["deadlines"] >= 0.8


def test_every_mention_cites_its_passage():
    for path in GOLD:
        file = json.loads(path.read_text(encoding="utf-8"))["file"]
        letter = parse_letter(load_document(ROOT / file))
        chunks = {c.id: c for c in chunk_letter(letter)}
        for m in extracted(file):
            assert m.chunk_id in chunks
            if m.verdict_sentence:  # the verdict sentence is the letter's own text, in the cited chunk
                assert m.verdict_sentence in letter.text
                assert m.verdict_sentence[:60] in chunks[m.chunk_id].text
