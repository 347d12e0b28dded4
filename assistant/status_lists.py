"""Complete lists from the register: open, overdue (the rappel list), by member, status, letter or period.

Every item is listed (no "and 21 more"), cited [n] to the sentence with its verdict (for overdue: the
sentence that set the deadline), ordered as asked: by deadline for open and overdue lists, by date
otherwise, with a count in the first line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from assistant.register_terms import ROLE, WORDS, format_date, kind_label, source_label, verdict_label
from assistant.status import StatusRequest, topic_words
from assistant.status_evidence import Citations, Evidence, evidence, quote
from assistant.status_wording import deadline_text, head, party_phrase
from ingest.model import (
    COMMITTEE,
    NO_VERDICT,
    PROPOSAL,
    Answer,
    Chunk,
    Commitment,
    CommitmentMention,
    Letter,
    Verdict,
)
from ingest.months import MONTHS_EN, MONTHS_NL
from ingest.register_query import STATUS_GROUPS, admits, in_period, member_rows, open_list, overdue

_STATUS_WORDS = {
    "nl": {"open": "staan open", "closed": "zijn afgedaan", "partly": "zijn deels voldaan"},
    "en": {"open": "are open", "closed": "are settled", "partly": "are partly met"},
}
_STATUS_ONE = {
    "nl": {"open": "staat open", "closed": "is afgedaan", "partly": "is deels voldaan"},
    "en": {"open": "is open", "closed": "is settled", "partly": "is partly met"},
}
_MONTHS = {
    "nl": list(MONTHS_NL),
    "en": list(MONTHS_EN),
}


def _count(items: Sequence[Commitment], language: str, asked: frozenset[str] = frozenset()) -> str:
    """'7 moties en toezeggingen', '1 toezegging', 'Geen toezeggingen'."""
    kinds = (
        list(dict.fromkeys(c.kind for c in items)) or sorted(asked, reverse=True) or ["toezegging", "motie"]
    )
    if len(items) == 1:
        return f"1 {kind_label(kinds[0], language)}"
    names = f" {WORDS[language]['and']} ".join(kind_label(k, language, plural=True) for k in kinds)
    return f"{len(items) or WORDS[language]['none']} {names}"


def _period_label(period: tuple[date, date], language: str) -> str:
    start, end = period
    if start == end:
        return format_date(start, language)
    if start.month == 1 and end.month == 12 and start.day == 1 and end.day == 31:
        return str(start.year)
    return f"{_MONTHS[language][start.month - 1]} {start.year}"


def _header(
    request: StatusRequest, items: Sequence[Commitment], language: str, as_of: date, topic: Sequence[str] = ()
) -> str:
    n = len(items)
    count = _count(items, language, request.kinds)
    if topic:  # "welke toezeggingen over AI staan nog open?": the list is about that
        count += f" {'about' if language == 'en' else 'over'} “{' '.join(topic)}”"
    status = (_STATUS_ONE if n == 1 else _STATUS_WORDS)[language].get(request.status or "", "")
    if request.overdue:
        verb = (
            ("is" if n == 1 else "are") + " past the deadline"
            if language == "en"
            else (("is" if n == 1 else "zijn") + " over de deadline")
        )
        by = "as of" if language == "en" else "per"
        head = f"{count} {verb} ({by} {format_date(as_of, language)})"
    elif request.member:
        head = f"{request.member}: {count}" + (f" ({status.split(' ', 1)[-1]})" if status else "")
    else:
        head = f"{count} {status}".rstrip()
    if request.source:
        head += (
            f" {'according to' if language == 'en' else 'volgens'} {source_label(request.source, language)}"
        )
    if request.deadline:
        due = "with deadline" if language == "en" else "met deadline"
        head += f", {due} {_period_label(request.deadline, language)}"
    if request.period:
        where = "in documents of" if language == "en" else "in documenten van"
        head += f" {where} {_period_label(request.period, language)}"
    by_deadline = request.overdue or request.status == "open"
    order = WORDS[language]["ordered_deadline" if by_deadline else "ordered_date"]
    return f"{head}, {order}:" if items else f"{head}."


def _item(
    c: Commitment,
    ev: Evidence | None,
    verdict: Verdict,
    cites: Citations,
    language: str,
    roles: tuple[str, ...] = (),
    member: str | None = None,
) -> str:
    text = f"- {head(c, language, 70, members=not member)}"
    if member and roles:
        text += f" ({member}: {', '.join(ROLE[language].get(r, r) for r in roles)})"
    label = verdict_label(verdict.verdict, language)
    if ev is None:
        return f"{text}: {label}{deadline_text(verdict.deadline, language)}"
    who = party_phrase(ev.verdict, ev.mention, ev.letter, language) if verdict.source else ""
    said = f"{label} {who}".strip()
    return f"{text}: {said}{deadline_text(verdict.deadline, language)}: “{quote(ev)}” [{cites.cite(ev)}]"


def _in_period(c: Commitment, period: tuple[date, date]) -> tuple[CommitmentMention, Verdict] | None:
    """The verdict given in the period's documents (by the register's rule over those alone)."""
    mentions = in_period(c, *period)
    return replace(c, mentions=tuple(mentions)).current if mentions else None


def _committee_document(m: CommitmentMention) -> bool:
    """A committee's memo or decision list: it names its committee, or its staff or the committee speaks."""
    return bool(m.committee) or any(v.source in (PROPOSAL, COMMITTEE) for v in m.timeline)


def _by_source(
    c: Commitment, source: str, committee_document: bool = False
) -> tuple[CommitmentMention, Verdict] | None:
    """The latest verdict this party gave on the commitment (by the register's rank), with its mention;
    with committee_document, as a committee's document records it (a memo quoting the minister)."""
    best = None
    for m in c.mentions:
        if committee_document and not _committee_document(m):
            continue
        for v in m.timeline:
            if v.source == source and v.verdict != NO_VERDICT:
                key = v.rank(m.letter_date)
                if best is None or key >= best[0]:
                    best = (key, m, v)
    return None if best is None else (best[1], best[2])


def _due_in(verdict: Verdict, period: tuple[date, date] | None) -> bool:
    if period is None:
        return True
    due = verdict.deadline.date if verdict.deadline else None
    return due is not None and period[0] <= due <= period[1]


def _deadline_key(t: tuple[Commitment, CommitmentMention, Verdict]) -> tuple[date, str]:
    due = t[2].deadline.date if t[2].deadline else None
    return due or date.max, t[0].title


def list_answer(
    question: str,
    request: StatusRequest,
    found: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    language: str,
    today: date,
) -> Answer:
    """Every commitment the list question asks for, each cited, in the order asked."""
    as_of = request.as_of or today
    kinds = tuple(request.kinds or ("toezegging", "motie"))
    picked: list[tuple[Commitment, CommitmentMention, Verdict]] = []
    allowed = STATUS_GROUPS.get(request.status or "all")
    if request.source:
        # "which does the civil service propose to keep open?": that party's verdict, not the current one
        for c in found:
            given = _by_source(c, request.source, request.committee_document)
            if (
                given
                and (allowed is None or given[1].verdict in allowed)
                and _due_in(given[1], request.deadline)
            ):
                picked.append((c, *given))
        if request.status == "open":
            picked.sort(key=_deadline_key)
        else:
            picked.sort(key=lambda t: (t[1].letter_date or date.max, t[0].title))
    elif request.period:
        for c in found:
            decided = _in_period(c, request.period)
            if decided and (allowed is None or decided[1].verdict in allowed):
                picked.append((c, *decided))
        picked.sort(key=lambda t: (t[1].letter_date or date.max, t[0].title))
    elif request.overdue or request.status == "open":
        chosen = overdue(found, as_of, kinds) if request.overdue else open_list(found, kinds)
        picked = [(c, *c.current) for c in chosen]
    else:
        chosen = [c for c in found if admits(c, request.status)]
        picked = sorted(
            ((c, *c.current) for c in chosen), key=lambda t: (t[1].letter_date or date.max, t[0].title)
        )
    roles = {c.key: r for c, r in member_rows(found, request.member)} if request.member else {}
    cites = Citations()
    about = topic_words(question, found, request)  # once: per word it made a long question quadratic
    topic = [w for w in re.findall(r"\w+", question) if w.lower() in about]
    lines = [_header(request, [c for c, *_ in picked], language, as_of, list(dict.fromkeys(topic)))]
    for c, mention, verdict in picked:
        ev = evidence(mention, chunks, letters, verdict if verdict.sentence or verdict.chunk_id else None)
        lines.append(_item(c, ev, verdict, cites, language, roles.get(c.key, ()), request.member))
    return Answer(
        question=question,
        text="\n".join(lines),
        abstained=False,
        citations=tuple(cites.items),
        language=language,
    )
