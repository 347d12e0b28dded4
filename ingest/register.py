"""The commitments register: mentions merged across documents into commitments with a dated timeline.

Merging: mentions that share an identifier (a T/TZ number, a motie's Kamerstuk id) are one commitment;
so a letter reporting on a motie joins the motie document's own record. Mentions without identifiers
join by kind, title and first member (a decision also by its text). The timeline is ordered by the
documents' dates (a printed date, else the earliest the text allows).

The current status (Commitment.current, ingest/model.py) follows one rule, documented in
docs/register.md: the latest verdict decides, a later document over an earlier one; on the same day a
committee decision outranks its staff's proposal, which outranks the letter it answers; a mention that
gives no verdict ("geen oordeel") changes nothing. A motie document's own "ingediend, uitslag onbekend"
stands until a letter or decision list gives a verdict. Lists and filters: ingest/register_query.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from ingest.commitment_text import member_key, merge_members
from ingest.model import MOTIE_ITSELF, Commitment, CommitmentMention, Letter
from ingest.register_query import STATUS_GROUPS, filter_register, find_commitments

__all__ = ["STATUS_GROUPS", "build_register", "filter_register", "find_commitments"]


def norm_title(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


def sort_key(m: CommitmentMention, letters: Mapping[str, Letter]) -> tuple[date, str]:
    letter = letters.get(m.letter_id)
    when = (letter.sort_date if letter else None) or m.letter_date or date.max
    return when, m.letter_id


def _title(ordered: tuple[CommitmentMention, ...]) -> str:
    """The motie document's own title, else the latest heading ("Publicatie mensenrechtentoetsen ...")."""
    own = [m.title for m in ordered if m.source == MOTIE_ITSELF and m.title]
    if own:
        return own[-1]
    titled = [m.title for m in ordered if m.title[:1].isupper()]
    return titled[-1] if titled else ordered[-1].title


def build_register(mentions: Iterable[CommitmentMention], letters: Mapping[str, Letter]) -> list[Commitment]:
    """Merge mentions by shared identifier (else by kind and title); order them by document date."""
    groups: list[list[CommitmentMention]] = []
    by_id: dict[str, int] = {}
    by_title: dict[tuple[str, ...], int] = {}
    for m in mentions:
        hits = sorted({by_id[i] for i in m.identifiers if i in by_id})
        # Without a number, kind + title + first member: two moties under one heading stay two.
        title_key = (
            m.kind,
            norm_title(m.title),
            member_key(m.members[0].name) if m.members else "",
            norm_title(m.decision or ""),
        )
        if not m.identifiers and title_key in by_title:
            hits = [by_title[title_key]]
        if not hits:
            groups.append([])
            hits = [len(groups) - 1]
        target = hits[0]
        for other in hits[1:]:  # a mention that carries two identifiers joins their groups
            groups[target] += groups[other]
            groups[other] = []
            for k, v in list(by_id.items()):
                by_id[k] = target if v == other else v
        groups[target].append(m)
        for i in m.identifiers:
            by_id[i] = target
        by_title.setdefault(title_key, target)
    in_corpus = {x.kamerstuk_id: x.id for x in letters.values() if x.kamerstuk_id} | {i: i for i in letters}
    register = []
    for group in groups:
        if not group:
            continue
        ordered = tuple(sorted(group, key=lambda m: sort_key(m, letters)))
        ids = tuple(dict.fromkeys(i for m in ordered for i in m.identifiers))
        title = _title(ordered)
        kinds = [m.kind for m in ordered if m.source != MOTIE_ITSELF] or [ordered[-1].kind]
        register.append(
            Commitment(
                key=ids[0] if ids else f"{ordered[0].kind}:{norm_title(title)}",
                kind=kinds[-1],
                identifiers=ids,
                title=title,
                members=merge_members(*(m.members for m in ordered)),
                mentions=ordered,
                cited_in_corpus=tuple(dict.fromkeys(in_corpus[i] for i in ids if i in in_corpus)),
            )
        )
    return sorted(register, key=lambda c: (sort_key(c.latest, letters), c.key))
