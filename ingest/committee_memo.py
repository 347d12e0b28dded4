"""Committee memos on toezeggingen ('1. T03926: Toezegging ...', 'Betrokken lid', 'Ambtelijk voorstel')."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ingest.commitment_text import find_verdict, parse_member_list, sentences, squash
from ingest.dates import resolve_deadline
from ingest.model import AFGEDAAN, DEELS, NO_VERDICT, OPENSTAAND, CommitmentMention, Deadline, Member

ITEM_RE = re.compile(
    r"^[ \t]*(?:(?P<num>\d{1,2})\.[ \t]+)?(?P<id>T\d{5}):[ \t]*Toezegging[ \t]+(?P<title>[^()]{3,300}?)"
    r"[ \t\n]*\((?P<dossier>[^()\n]{1,40})\)",
    re.M,
)
PROPOSAL_RE = re.compile(r"Ambtelijk voorstel:", re.I)
MEMBERS_RE = re.compile(
    r"Betrokken\s+(?:lid|leden)\s*:\s*(?P<list>[^\n•]+(?:\n(?![ \t]*(?:\n|•))[^\n•]+)*)", re.I
)
REACTION_RE = re.compile(r"Reactie\s+staatssecretaris\s*:", re.I)
# The committee's proposal: the last status it names wins ("besloot ... openstaand", "voorgesteld ... deels").
STATUS_RE = re.compile(r"\bals\s+(?P<status>openstaand|deels\s+voldaan|voldaan|afgedaan)\b", re.I)
DEADLINE_RE = re.compile(r"\b(?:nieuwe|huidige)\s+deadline\s+(?:van\s+)?(?P<when>[^,.;)]{4,40})", re.I)
STATUS_MAP = {"openstaand": OPENSTAAND, "deels voldaan": DEELS, "voldaan": AFGEDAAN, "afgedaan": AFGEDAAN}
PROMISE_RE = re.compile(r"\bzegt\b[^.]*?\btoe\b[^.]*\.", re.S)

Locate = Callable[[int], tuple[tuple[str, ...], str | None]]


def is_committee_memo(text: str) -> bool:
    return bool(PROPOSAL_RE.search(text)) and bool(ITEM_RE.search(text))


def _blocks(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """Numbered items with the unnumbered items that share their reaction and proposal ('en; T03927')."""
    items = list(ITEM_RE.finditer(text))
    blocks: list[tuple[int, int, list[re.Match[str]]]] = []
    for m in items:
        if m.group("num") or not blocks:
            blocks.append((m.start(), len(text), [m]))
        else:
            blocks[-1][2].append(m)
    return [
        (s, blocks[i + 1][0] if i + 1 < len(blocks) else len(text), ms) for i, (s, _, ms) in enumerate(blocks)
    ]


def _members(block: str, ids: list[str]) -> dict[str, tuple[Member, ...]]:
    m = MEMBERS_RE.search(block)
    if not m:
        return {}
    line = squash(m.group("list"))
    parts = re.split(r"\b(T\d{5})\s*:", line)
    if len(parts) > 1:  # "T03926: Van Hattem (PVV), T03927: Van Gasteren (BBB)"
        return {parts[i]: parse_member_list(parts[i + 1].strip(" ,")) for i in range(1, len(parts) - 1, 2)}
    members = parse_member_list(line)
    return {i: members for i in ids}


def _sentence_at(text: str, start: int, end: int, offset: int) -> str:
    for a, b in sentences(text, start, end):
        if a <= offset < b:
            return text[a:b]
    return text[offset:end].strip()


def memo_mentions(
    text: str, letter_id: str, letter_date: date | None, locate: Locate
) -> list[CommitmentMention]:
    """One mention per toezegging in the memo; the verdict is the committee staff's proposal."""
    mentions: list[CommitmentMention] = []
    for start, end, items in _blocks(text):
        block = text[start:end]
        ids = [m.group("id") for m in items]
        members = _members(block, ids)
        proposal = PROPOSAL_RE.search(block)
        prop_start = start + proposal.end() if proposal else end
        reaction = REACTION_RE.search(block)
        react_start = start + reaction.start() if reaction else prop_start
        # "(huidige status: deels voldaan)" is the status before the proposal, not the proposal.
        prop_text = re.sub(r"\(huidige status:[^)]*\)", lambda m: " " * len(m.group()), text[prop_start:end])
        statuses = list(STATUS_RE.finditer(prop_text))
        verdict, sentence, anchor = NO_VERDICT, None, prop_start
        if statuses:
            last = statuses[-1]
            verdict = STATUS_MAP[squash(last.group("status")).lower()]
            anchor = prop_start + last.start()
            sentence = _sentence_at(text, prop_start, end, anchor)
        else:  # 'Oordeel commissie.': the staatssecretaris's own verdict is the only one given
            for a, b in sentences(text, react_start, prop_start):
                found = find_verdict(text[a:b])
                if found:
                    verdict, sentence, anchor = found.verdict, text[a:b], a
        deadlines = [resolve_deadline(m.group("when"), letter_date) for m in DEADLINE_RE.finditer(prop_text)]
        deadlines_found: list[Deadline] = [d for d in deadlines if d is not None]
        new_deadline = deadlines_found[-1] if deadlines_found and verdict != AFGEDAAN else None
        for i, item in enumerate(items):
            item_end = items[i + 1].start() if i + 1 < len(items) else react_start
            promise = PROMISE_RE.search(text, item.end(), max(item.end(), item_end))
            path, chunk_id = locate(anchor)
            mentions.append(
                CommitmentMention(
                    kind="toezegging",
                    identifiers=(item.group("id"),),
                    title=squash(item.group("title")),
                    letter_id=letter_id,
                    section_path=path,
                    chunk_id=chunk_id,
                    members=members.get(item.group("id"), ()),
                    promise=squash(promise.group()) if promise else None,
                    verdict=verdict,
                    verdict_sentence=sentence,
                    new_deadline=new_deadline,
                    deadlines=tuple(deadlines_found),
                    letter_date=letter_date,
                )
            )
    return mentions
