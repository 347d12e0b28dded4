"""Committee memos on toezeggingen ('1. T03926: Toezegging ...', 'Betrokken lid', 'Ambtelijk voorstel').

A memo gives up to four parties' verdicts on each item, each recorded with its words (written on demo
memo 000): the committee's standing status ('(huidige status: deels voldaan)', older than the memo), a
committee decision it quotes ('De commissie BIZA besloot ... op 5 december 2023 ... als openstaand'), the
minister's or state secretary's reaction (dated by the letter the memo answers: 'Op 8 januari 2025 heeft
de staatssecretaris ... een brief gezonden'), and the staff's proposal ('Ambtelijk voorstel'). The
mention's verdict is the one that stands after the memo by the register's rule: the latest, and on one
day a proposal over the reaction it answers; a proposal that names no status ('Oordeel commissie.')
leaves the reaction's verdict standing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ingest.commitment_text import parse_member_list, sentences, squash
from ingest.dates import find_deadlines, resolve_deadline
from ingest.metadata import parse_date
from ingest.model import (
    AFGEDAAN,
    BETROKKEN,
    COMMITTEE,
    DEELS,
    MINISTER,
    NO_VERDICT,
    OPENSTAAND,
    PROPOSAL,
    STAATSSECRETARIS,
    CommitmentMention,
    Deadline,
    Member,
    Verdict,
)
from ingest.verdicts import FUTURE, find_signal

ITEM_RE = re.compile(
    r"^[ \t]*(?:(?P<num>\d{1,2})\.[ \t]+)?(?P<id>T\d{5}):[ \t]*Toezegging[ \t]+(?P<title>[^()]{3,300}?)"
    r"[ \t\n]*\((?P<dossier>[^()\n]{1,40})\)",
    re.M,
)
PROPOSAL_RE = re.compile(r"Ambtelijk voorstel:", re.I)
MEMBERS_RE = re.compile(
    r"Betrokken\s+(?:lid|leden)\s*:\s*(?P<list>[^\n•]+(?:\n(?![ \t]*(?:\n|•))[^\n•]+)*)", re.I
)
REACTION_RE = re.compile(r"Reactie\s+(?P<who>staatssecretaris|minister)\s*:", re.I)
STATUS_RE = re.compile(r"\bals\s+(?P<status>openstaand|deels\s+voldaan|voldaan|afgedaan)\b", re.I)
STANDING_RE = re.compile(r"\(huidige status:\s*(?P<status>[^)]+)\)", re.I)
DECIDED_RE = re.compile(r"\bcommissie\b[^.]{0,40}\bbesloot\b", re.I)
DEADLINE_RE = re.compile(r"\b(?:nieuwe|huidige)\s+deadline\s+(?:van\s+)?(?P<when>[^,.;)]{4,40})", re.I)
MOVED_RE = re.compile(r"\bdeadline\s+te\s+verschuiven\s+naar\s+(?P<when>[^,.;)]{4,40})", re.I)
STATUS_MAP = {"openstaand": OPENSTAAND, "deels voldaan": DEELS, "voldaan": AFGEDAAN, "afgedaan": AFGEDAAN}
PROMISE_RE = re.compile(r"\bzegt\b[^.]*?\btoe\b[^.]*\.", re.S)
ANSWERED_RE = re.compile(
    r"\bOp\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\s+heeft\s+de\s+(?:staatssecretaris|minister)\b", re.I
)
BEWINDSPERSOON_RE = re.compile(r"Bewindspersoon:\s*(?P<who>[^\n]+)", re.I)

Locate = Callable[[int], tuple[tuple[str, ...], str | None]]


def is_committee_memo(text: str) -> bool:
    return bool(PROPOSAL_RE.search(text)) and bool(ITEM_RE.search(text))


def _blocks(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """Numbered items with the unnumbered items that share their reaction and proposal ('en; T03927')."""
    blocks: list[tuple[int, int, list[re.Match[str]]]] = []
    for m in ITEM_RE.finditer(text):
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


def _deadline(pattern: re.Pattern[str], text: str, ref: date | None) -> Deadline | None:
    found = [d for m in pattern.finditer(text) if (d := resolve_deadline(m.group("when"), ref)) is not None]
    return found[-1] if found else None


class _Memo:
    """The memo's facts that hold for every item: its date, the letter it answers and who wrote that."""

    def __init__(self, text: str, letter_date: date | None, locate: Locate) -> None:
        self.text, self.date, self.locate = text, letter_date, locate
        answered = ANSWERED_RE.search(text[:2000])
        self.answered = parse_date(answered.group("d")) if answered else None
        who = BEWINDSPERSOON_RE.search(text)
        self.bewindspersoon = squash(who.group("who")) if who else None

    def verdict(self, verdict: str, source: str, by, sentence, at: int, when, deadline=None, standing=False):
        return Verdict(verdict, source, by, sentence, when, deadline, self.locate(at)[1], standing)

    def sentences(self, start: int, end: int) -> list[tuple[int, str]]:
        return [(a, self.text[a:b]) for a, b in sentences(self.text, start, end)]

    def reaction(self, start: int, end: int, who: str) -> Verdict | None:
        """The minister's or state secretary's own verdict: their strongest signal, the last of it."""
        source = MINISTER if who.lower() == "minister" else STAATSSECRETARIS
        ref = self.answered or self.date
        found = []
        for a, sent in self.sentences(start, end):
            moments = [
                d for _, d in find_deadlines(sent, ref) if d.date is None or ref is None or d.date >= ref
            ]
            signal = find_signal(sent, dated=bool(moments))
            if signal:
                found.append((signal, a, sent, moments[-1] if moments else None))
        if not found:
            return None
        top = max(s.strength for s, *_ in found)
        same = [f for f in found if f[0].strength == top]
        dated = [f for f in same if f[3] is not None] if top == FUTURE else []
        signal, a, sent, moment = (dated or same)[-1]
        by = self.bewindspersoon if (self.bewindspersoon or "").lower().startswith(source) else source
        moment = None if signal.verdict == AFGEDAAN else moment
        return self.verdict(signal.verdict, source, by, sent, a, self.answered, moment)

    def proposal(self, start: int, end: int) -> list[Verdict]:
        """The standing status, the committee decisions the proposal quotes, and the proposal itself."""
        out: list[Verdict] = []
        own: list[tuple[int, str]] = []
        for a, sent in self.sentences(start, end):
            for m in STANDING_RE.finditer(sent):
                status = STATUS_MAP.get(squash(m.group("status")).lower())
                if status:
                    at = a + m.start()
                    out.append(
                        self.verdict(status, COMMITTEE, None, m.group(), at, self.answered, standing=True)
                    )
            status = STATUS_RE.search(STANDING_RE.sub("", sent))
            if DECIDED_RE.search(sent) and status:
                decided = re.search(r"\bop\s+(\d{1,2}\s+\w+\s+\d{4})", sent)
                when = parse_date(decided.group(1)) if decided else None
                by = re.search(r"\b(?:de\s+)?(commissie\s+[A-Z][\w&]*)", sent)
                moved = _deadline(MOVED_RE, sent, self.date)
                verdict = STATUS_MAP[squash(status.group("status")).lower()]
                # 'besloot' reports an earlier decision: undated, it is the status that stood before the memo.
                who = by.group(1) if by else None
                out.append(self.verdict(verdict, COMMITTEE, who, sent, a, when, moved, standing=when is None))
            else:
                own.append((a, sent))
        statuses = [(a, sent, m) for a, sent in own for m in STATUS_RE.finditer(STANDING_RE.sub("", sent))]
        if statuses:
            a, sent, m = statuses[-1]
            verdict = STATUS_MAP[squash(m.group("status")).lower()]
            deadline = None if verdict == AFGEDAAN else _deadline(DEADLINE_RE, sent, self.date)
            out.append(self.verdict(verdict, PROPOSAL, None, sent, a, self.date, deadline))
        elif own:  # 'Oordeel commissie.': the staff leave the verdict to the committee
            a, sent = own[0]
            out.append(self.verdict(NO_VERDICT, PROPOSAL, None, sent, a, self.date))
        return out


def memo_mentions(
    text: str, letter_id: str, letter_date: date | None, locate: Locate
) -> list[CommitmentMention]:
    """One mention per toezegging in the memo, with every party's verdict; the standing one decides."""
    memo = _Memo(text, letter_date, locate)
    mentions: list[CommitmentMention] = []
    for start, end, items in _blocks(text):
        block = text[start:end]
        ids = [m.group("id") for m in items]
        members = _members(block, ids)
        proposal = PROPOSAL_RE.search(block)
        prop_start = start + proposal.end() if proposal else end
        reaction = REACTION_RE.search(block)
        react_start = start + reaction.start() if reaction else prop_start
        verdicts: list[Verdict] = []
        if reaction:
            said = memo.reaction(start + reaction.end(), prop_start, reaction.group("who"))
            verdicts += [said] if said else []
        verdicts += memo.proposal(prop_start, end)
        verdicts.sort(key=lambda v: v.rank(letter_date))
        judged = [v for v in verdicts if v.verdict != NO_VERDICT]
        main = judged[-1] if judged else None
        anchor_chunk = main.chunk_id if main else locate(prop_start)[1]
        for i, item in enumerate(items):
            item_end = items[i + 1].start() if i + 1 < len(items) else react_start
            promise = PROMISE_RE.search(text, item.end(), max(item.end(), item_end))
            path, _ = locate(start)
            mentions.append(
                CommitmentMention(
                    kind="toezegging",
                    identifiers=(item.group("id"),),
                    title=squash(item.group("title")),
                    letter_id=letter_id,
                    section_path=path,
                    chunk_id=anchor_chunk,
                    members=members.get(item.group("id"), ()),
                    promise=squash(promise.group()) if promise else None,
                    verdict=main.verdict if main else NO_VERDICT,
                    verdict_sentence=main.sentence if main else None,
                    new_deadline=main.deadline if main else None,
                    deadlines=tuple(v.deadline for v in verdicts if v.deadline),
                    letter_date=letter_date,
                    source=main.source if main else None,
                    by=main.by if main else None,
                    verdicts=tuple(verdicts),
                    role=BETROKKEN if members.get(item.group("id")) else None,
                )
            )
    return mentions
