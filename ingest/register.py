"""The commitments register: mentions merged across letters into commitments with a dated timeline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

import Stemmer

from ingest.commitment_text import member_key, merge_members
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import AFGEDAAN, DEELS, NO_VERDICT, OPENSTAAND, Commitment, CommitmentMention, Letter

# --status open|closed: a commitment no letter has settled is open, whatever the latest letter said.
STATUS_GROUPS = {"open": (OPENSTAAND, DEELS, NO_VERDICT), "closed": (AFGEDAAN,), "all": None}
STOPWORDS = set(
    """de het een van en in op te voor met over aan is zijn wat welke wie hoe staan staat nog nu open
    toezegging toezeggingen motie moties afgedaan voldaan openstaand er die dat dit deze of bij
    the a an of and in on to for with about is are was what which who how still commitment commitments
    motion motions promise promises fulfilled done status""".split()
)


def _norm_title(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


# Topic words that the letters write in several ways: a question about one finds the others.
TOPIC_SYNONYMS = {
    "ai": ("ai", "algoritm", "artificiel", "intelligentie", "kunstmatig"),
    "algoritm": ("ai", "algoritm"),
}
_STEMMER = Stemmer.Stemmer("dutch")


def _words(text: str) -> set[str]:
    """Stemmed content words; "AI-gebruik" gives "ai" and "gebruik"."""
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) >= 2 and w not in STOPWORDS]
    return set(_STEMMER.stemWords(words))


def _matches(question_words: set[str], text_words: set[str]) -> int:
    """Question words found in the text, a word counting when the text has it or one of its synonyms."""
    hits = 0
    for q in question_words:
        alternatives = next((v for k, v in TOPIC_SYNONYMS.items() if q.startswith(k)), (q,))
        if any(t.startswith(a) for a in alternatives for t in text_words):
            hits += 1
    return hits


def _sort_key(m: CommitmentMention, letters: Mapping[str, Letter]) -> tuple[date, str]:
    letter = letters.get(m.letter_id)
    when = (letter.sort_date if letter else None) or m.letter_date or date.max
    return when, m.letter_id


def build_register(mentions: Iterable[CommitmentMention], letters: Mapping[str, Letter]) -> list[Commitment]:
    """Merge mentions by shared identifier (by kind and title where none is printed); order by letter date."""
    groups: list[list[CommitmentMention]] = []
    by_id: dict[str, int] = {}
    by_title: dict[tuple[str, str, str], int] = {}
    for m in mentions:
        hits = sorted({by_id[i] for i in m.identifiers if i in by_id})
        # Without a number, kind + title + first member: two moties under one heading stay two.
        title_key = (m.kind, _norm_title(m.title), member_key(m.members[0].name) if m.members else "")
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
    register = []
    for group in groups:
        if not group:
            continue
        ordered = tuple(sorted(group, key=lambda m: _sort_key(m, letters)))
        ids = tuple(dict.fromkeys(i for m in ordered for i in m.identifiers))
        # A heading's title ("Publicatie mensenrechtentoetsen AI-gebruik") beats a phrase from running text.
        titled = [m.title for m in ordered if m.title[:1].isupper()]
        title = titled[-1] if titled else ordered[-1].title
        register.append(
            Commitment(
                key=ids[0] if ids else f"{ordered[0].kind}:{_norm_title(title)}",
                kind=ordered[-1].kind,
                identifiers=ids,
                title=title,
                members=merge_members(*(m.members for m in ordered)),
                mentions=ordered,
                cited_in_corpus=tuple(i for i in ids if i in letters),
            )
        )
    return sorted(register, key=lambda c: (_sort_key(c.latest, letters), c.key))


def filter_register(
    commitments: Iterable[Commitment],
    status: str | None = None,
    member: str | None = None,
    text: str | None = None,
) -> list[Commitment]:
    """Commitments with a status ('open', 'closed', 'all' or a verdict), a member and/or all words of text."""
    out = []
    for c in commitments:
        if status and status != "all":
            allowed = STATUS_GROUPS.get(status, (status,))
            if c.status not in allowed:
                continue
        if member and not any(member_key(member) in member_key(m.name) for m in c.members):
            continue
        if text:
            haystack = _words(" ".join([c.title, *c.identifiers, *(m.promise or "" for m in c.mentions)]))
            if not _words(text) <= haystack:
                continue
        out.append(c)
    return out


def find_commitments(register: Iterable[Commitment], question: str) -> list[Commitment]:
    """Commitments a question is about: by identifier, else member name, else title words (best first)."""
    register = list(register)
    ids = set(toezegging_ids(question)) | set(kamerstuk_ids(question))
    if ids:
        return [c for c in register if ids & set(c.identifiers)]
    q = question.lower()
    kinds = {
        k for k, pat in (("toezegging", r"\btoezegging"), ("motie", r"\bmoties?\b")) if re.search(pat, q)
    }
    named = [
        c
        for c in register
        if (not kinds or c.kind in kinds)
        and any(re.search(rf"\b{re.escape(m.name.lower())}\b", q) for m in c.members)
    ]
    if named:
        return named
    words = _words(question)
    scored = []
    for c in register:
        if kinds and c.kind not in kinds:
            continue
        overlap = _matches(words, _words(c.title + " " + " ".join(m.promise or "" for m in c.mentions)))
        if overlap:
            scored.append((-overlap, c.key, c))
    return [c for _, _, c in sorted(scored, key=lambda t: (t[0], t[1]))]
