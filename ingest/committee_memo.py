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
from ingest.verdicts import FUTURE, find_signal, status_label

# An item heads with its number and title, in either order: '1. T03926: Toezegging Gesprek met IPO ...
# (36.382)' (demo 000) or 'Toezegging T04112 – Evaluatie ... (36.418)' (a griffie note, dev06).
# The item's number may be a letter ('A. Toezegging T04201 – ...', a staff note, dev14) and its dossier
# may be left out: the title then ends with its line, or where the next label begins (the text reader
# may run an item's lines together).
_NEXT_LABEL = r"(?:Betrokken\s+(?:lid|leden)|Kamerleden|Kamerlid|Reactie|Ambtelijk\s+voorstel|Voorstel)\s*:"
ITEM_RE = re.compile(
    r"^[ \t]*(?:(?P<num>\d{1,2}|[A-Z])\.[ \t]+)?"
    r"(?:(?P<id>T\d{5}):[ \t]*Toezegging|Toezegging[ \t]+(?P<id2>T\d{5})"
    rf"[ \t]*[–—:-])[ \t]+(?:(?P<title>(?:(?!{_NEXT_LABEL})[^()]){{3,300}}?)[ \t\n]*"
    r"\((?P<dossier>[^()\n]{1,40})\)|"
    rf"(?P<title2>(?:(?!{_NEXT_LABEL})[^()\n]){{3,200}}?)(?=[ \t]*(?:$|{_NEXT_LABEL})))",
    re.M,
)
# The staff's proposal, 'Ambtelijk voorstel:' or a label 'Voorstel:' that opens a line or follows a
# sentence (a griffie note; the text reader may run its lines together).
_OPENS = r"(?:^|(?<=[.!?\"”])[ \t]*)[ \t]*(?:•[ \t]*)?"
PROPOSAL_RE = re.compile(rf"(?i:Ambtelijk voorstel:)|{_OPENS}Voorstel\s*:", re.M)
# 'Betrokken lid:', 'Kamerlid:', 'Kamerleden:'; a list runs on to the next line only where it wraps
# (the line ends in ',' or 'en'), not into the promise printed under it.
MEMBERS_RE = re.compile(
    r"(?:Betrokken\s+(?:lid|leden)|Kamerlid|Kamerleden)\s*:\s*"
    r"(?P<list>[^\n•]*?(?:(?:,|\ben)[ \t]*\n(?:[ \t]*\n)?(?![ \t]*(?:\n|•))[^\n•]*?)*)(?=[ \t]*(?:\n|•|$))",
    re.I,
)
# A labelled part of an item ('Toelichting griffie:', 'Voorstel:'): a reaction ends where the next begins.
LABEL_LINE_RE = re.compile(rf"{_OPENS}[A-Z][\w ]{{2,30}}:", re.M)
# The role as the memo names it where no 'Bewindspersoon:' line does: 'de staatssecretaris van Financiën
# heeft ...' (its ministry in capitalised words).
ROLE_IN_TEXT_RE = re.compile(
    r"\b(?:staatssecretaris|minister)\s+(?:van|voor)\s+[A-Z][\w-]*(?:(?:,\s*|\s+en\s+|\s+)[A-Z][\w-]*)*"
)
REACTION_RE = re.compile(r"Reactie\s+(?P<who>staatssecretaris|minister)\s*:", re.I)
STATUS_RE = re.compile(r"\bals\s+(?P<status>openstaand|deels\s+voldaan|voldaan|afgedaan)\b", re.I)
STANDING_RE = re.compile(r"\(huidige status:\s*(?P<status>[^)]+)\)", re.I)
DECIDED_RE = re.compile(r"\bcommissie\b[^.]{0,40}\bbesloot\b", re.I)
DEADLINE_RE = re.compile(
    r"\b(?:nieuwe|huidige)\s+(?:deadline|termijn)\s*:?\s+(?:van\s+)?(?P<when>[^,.;)]{4,40})", re.I
)
MOVED_RE = re.compile(r"\bdeadline\s+te\s+verschuiven\s+naar\s+(?P<when>[^,.;)]{4,40})", re.I)
STATUS_MAP = {"openstaand": OPENSTAAND, "deels voldaan": DEELS, "voldaan": AFGEDAAN, "afgedaan": AFGEDAAN}
PROMISE_RE = re.compile(r"\bzegt\b[^.]*?\btoe\b[^.]*\.", re.S)
ANSWERED_RE = re.compile(
    r"\bOp\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\s+heeft\s+de\s+(?:staatssecretaris|minister)\b", re.I
)
# The committee's own decision on the item, as a staff note reports it after the proposal ('Besluit
# commissie: openstaand houden; ...', 'Besluit van de commissie: conform het ambtelijk voorstel.', dev14).
DECISION_RE = re.compile(rf"{_OPENS}Besluit\s+(?:van\s+de\s+)?commissie\s*:", re.M)
CONFORM_RE = re.compile(r"^\s*(?:conform|overeenkomstig)\s+(?:het\s+)?(?:ambtelijk\s+)?voorstel\b", re.I)
COMMITTEE_NAME_RE = re.compile(r"\b((?:vaste|algemene)\s+commissie\s+voor\s+[A-Z][^\n,.;:]{3,80})")
BEWINDSPERSOON_RE = re.compile(r"Bewindspersoon:\s*(?P<who>[^\n]+)", re.I)

Locate = Callable[[int], tuple[tuple[str, ...], str | None]]


def _id(item: re.Match[str]) -> str:
    return item.group("id") or item.group("id2")


def _title(item: re.Match[str]) -> str:
    return squash(item.group("title") or item.group("title2"))


def is_committee_memo(text: str) -> bool:
    return bool(PROPOSAL_RE.search(text)) and bool(ITEM_RE.search(text))


def _blocks(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """Numbered items with the unnumbered items that share their reaction and proposal ('en; T03927')."""
    blocks: list[tuple[int, int, list[re.Match[str]]]] = []
    for m in ITEM_RE.finditer(text):
        # 'en; T03927: ...' shares the reaction and proposal that follow it; an unnumbered item after a
        # proposal starts its own block (a note that numbers none of its items).
        between = text[blocks[-1][2][-1].end() : m.start()] if blocks else ""
        if m.group("num") or not blocks or PROPOSAL_RE.search(between):
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
        role = ROLE_IN_TEXT_RE.search(text[:3000])
        committee = COMMITTEE_NAME_RE.search(text[:2000])
        self.committee = squash(committee.group(1)) if committee else None
        self.bewindspersoon = squash(who.group("who")) if who else (squash(role.group()) if role else None)

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
        # 'De evaluatie is in uitvoering. Het eindrapport verwacht ik eind 2026.': the status is one
        # sentence, the moment of the next step another of the same reaction.
        later = [f[3] for f in found if f[3] is not None]
        moment = moment or (later[-1] if later else None)
        by = self.bewindspersoon if (self.bewindspersoon or "").lower().startswith(source) else source
        moment = None if signal.verdict == AFGEDAAN else moment
        return self.verdict(signal.verdict, source, by, sent, a, self.answered, moment)

    def proposal(self, start: int, end: int, head: int | None = None) -> list[Verdict]:
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
        # A proposal that opens with a status label ('Voorstel: afdoen.', 'openstaand houden; nieuwe
        # termijn: 1 oktober 2026', 'deels voldaan; ...'), as a griffie note words it.
        label = status_label(own[0][1]) if own and not statuses else None
        if statuses or label:
            a, sent = (statuses[-1][0], statuses[-1][1]) if statuses else own[0]
            if label and head is not None:  # the label is the sentence: 'Voorstel: afdoen.'
                sent, a = self.text[head:a] + sent, head
            verdict = STATUS_MAP[squash(statuses[-1][2].group("status")).lower()] if statuses else label
            deadline = None if verdict == AFGEDAAN else _deadline(DEADLINE_RE, sent, self.date)
            out.append(self.verdict(verdict, PROPOSAL, None, sent, a, self.date, deadline))
        elif own:  # 'Oordeel commissie.': the staff leave the verdict to the committee
            a, sent = own[0]
            out.append(self.verdict(NO_VERDICT, PROPOSAL, None, sent, a, self.date))
        return out

    def decision(self, start: int, end: int, head: int, proposed: list[Verdict]) -> Verdict | None:
        """The committee's decision: a status label, or the proposal adopted ('conform het voorstel'). Dated
        by the memo: it decides on the proposal, never older than it (so the rule ranks it above)."""
        said = squash(self.text[start:end])
        sentence = squash(self.text[head:end])
        if CONFORM_RE.match(said):
            adopted = [v for v in proposed if v.source == PROPOSAL and v.verdict != NO_VERDICT]
            if not adopted:
                return None
            v = adopted[-1]
            return self.verdict(v.verdict, COMMITTEE, self.committee, sentence, head, self.date, v.deadline)
        verdict = status_label(said)
        if verdict is None:
            return None
        found = [d for _, d in find_deadlines(said, self.date)]
        deadline = found[-1] if found and verdict != AFGEDAAN else None
        return self.verdict(verdict, COMMITTEE, self.committee, sentence, head, self.date, deadline)


def memo_mentions(
    text: str, letter_id: str, letter_date: date | None, locate: Locate
) -> list[CommitmentMention]:
    """One mention per toezegging in the memo, with every party's verdict; the standing one decides."""
    memo = _Memo(text, letter_date, locate)
    mentions: list[CommitmentMention] = []
    for start, end, items in _blocks(text):
        block = text[start:end]
        ids = [_id(m) for m in items]
        members = _members(block, ids)
        decided = DECISION_RE.search(block)
        decided_at = start + decided.start() if decided else end
        proposal = PROPOSAL_RE.search(block[: decided_at - start])
        prop_start = start + proposal.end() if proposal else decided_at
        reaction = REACTION_RE.search(block)
        react_start = start + reaction.start() if reaction else prop_start
        verdicts: list[Verdict] = []
        if reaction:
            label = LABEL_LINE_RE.search(text, start + reaction.end(), prop_start)
            said = memo.reaction(
                start + reaction.end(), label.start() if label else prop_start, reaction.group("who")
            )
            verdicts += [said] if said else []
        verdicts += memo.proposal(prop_start, decided_at, start + proposal.start() if proposal else None)
        if decided:
            ruling = memo.decision(start + decided.end(), end, decided_at, verdicts)
            verdicts += [ruling] if ruling else []
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
                    identifiers=(_id(item),),
                    title=_title(item),
                    letter_id=letter_id,
                    section_path=path,
                    chunk_id=anchor_chunk,
                    members=members.get(_id(item), ()),
                    promise=squash(promise.group()) if promise else None,
                    verdict=main.verdict if main else NO_VERDICT,
                    verdict_sentence=main.sentence if main else None,
                    new_deadline=main.deadline if main else None,
                    deadlines=tuple(v.deadline for v in verdicts if v.deadline),
                    letter_date=letter_date,
                    source=main.source if main else None,
                    by=main.by if main else None,
                    verdicts=tuple(verdicts),
                    role=BETROKKEN if members.get(_id(item)) else None,
                )
            )
    return mentions
