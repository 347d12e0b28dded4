"""Questions to the register: status filters, the open and overdue (rappel) lists, the member index (pure).

Open means open: a commitment is open when its current status is one of OPEN_VERDICTS (openstaand, in
uitvoering, uitgesteld, vertraagd, nieuwe deadline); "deels voldaan", "geen oordeel" and a motie's own
"ingediend, uitslag onbekend" are not. Open lists are sorted by deadline (none last), then title.
Overdue as of a day: open, with a deadline that has passed (before that day).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

import Stemmer

from ingest.commitment_text import member_key
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import (
    AFGEDAAN,
    ASKED,
    DEELS,
    INDIENER,
    INGEDIEND,
    NO_VERDICT,
    OPEN_VERDICTS,
    Commitment,
    CommitmentMention,
)

STATUS_GROUPS: dict[str, tuple[str, ...] | None] = {
    "open": OPEN_VERDICTS,
    "closed": (AFGEDAAN,),
    "partly": (DEELS,),
    "none": (NO_VERDICT,),
    "submitted": (INGEDIEND,),
    "all": None,
}
COMMITMENT_KINDS = ("motie", "toezegging")  # what lists of commitments hold; decisions are asked for by name
STOPWORDS = set(
    """de het een van en in op te voor met over aan is zijn wat welke wie hoe staan staat nog nu open
    toezegging toezeggingen motie moties afgedaan voldaan openstaand er die dat dit deze of bij
    the a an of and in on to for with about is are was what which who how still commitment commitments
    motion motions promise promises fulfilled done status""".split()
)


def admits(c: Commitment, status: str | None) -> bool:
    """A status group ('open', 'closed', 'all', ...) or one verdict of the vocabulary."""
    if not status or status == "all":
        return True
    allowed = STATUS_GROUPS.get(status) or (status,)
    return c.status in allowed


def names_member(c: Commitment, member: str) -> bool:
    key = member_key(_no_initials(member))
    return any(key and key in member_key(_no_initials(m.name)) for m in c.members)


def filter_register(
    commitments: Iterable[Commitment],
    status: str | None = None,
    member: str | None = None,
    text: str | None = None,
    kinds: Sequence[str] = (),
) -> list[Commitment]:
    """Commitments with a status ('open', 'closed', 'all' or a verdict), a member, a kind, text's words."""
    out = []
    for c in commitments:
        if not admits(c, status) or (kinds and c.kind not in kinds):
            continue
        if member and not names_member(c, member):
            continue
        if text:
            haystack = _words(" ".join([c.title, *c.identifiers, *(m.promise or "" for m in c.mentions)]))
            if not _words(text) <= haystack:
                continue
        out.append(c)
    return out


def _deadline_key(c: Commitment) -> tuple[date, str]:
    d = c.deadline
    return (d.date if d and d.date else date.max), " ".join(c.title.split()).lower()


def open_list(commitments: Iterable[Commitment], kinds: Sequence[str] = COMMITMENT_KINDS) -> list[Commitment]:
    """Every commitment whose current status is open, by deadline (none last)."""
    return sorted(filter_register(commitments, status="open", kinds=kinds), key=_deadline_key)


def overdue(
    commitments: Iterable[Commitment], as_of: date, kinds: Sequence[str] = COMMITMENT_KINDS
) -> list[Commitment]:
    """The rappel list: open commitments whose deadline lies before `as_of`, earliest first."""
    return [
        c for c in open_list(commitments, kinds) if c.deadline and c.deadline.date and c.deadline.date < as_of
    ]


def in_period(c: Commitment, date_from: date | None, date_to: date | None) -> list[CommitmentMention]:
    """The commitment's mentions in documents dated within the period (inclusive)."""
    return [
        m
        for m in c.mentions
        if m.letter_date
        and (date_from is None or m.letter_date >= date_from)
        and (date_to is None or m.letter_date <= date_to)
    ]


# --- members ---------------------------------------------------------------------------------------


def _no_initials(name: str) -> str:
    """'L.A.J.M. Dassen' and 'Dassen' are one member; so are 'Six-Dijkstra' and 'Six Dijkstra'."""
    return re.sub(r"\b(?:[A-Z]\.)+\s*", "", name).strip() or name


def role_of(m: CommitmentMention) -> str:
    if m.role:
        return m.role
    return INDIENER if m.kind == "motie" else ASKED


def member_index(commitments: Iterable[Commitment]) -> dict[str, list[tuple[Commitment, tuple[str, ...]]]]:
    """Every member named in the register, with each motie and toezegging and the member's roles in it."""
    index: dict[str, dict[str, object]] = {}
    for c in commitments:
        if c.kind not in COMMITMENT_KINDS:
            continue
        for m in c.mentions:
            for member in m.members:
                key = member_key(_no_initials(member.name))
                entry = index.setdefault(key, {"name": _no_initials(member.name), "rows": {}})
                rows: dict[str, tuple[Commitment, set[str]]] = entry["rows"]  # type: ignore[assignment]
                rows.setdefault(c.key, (c, set()))[1].add(role_of(m))
    return {
        str(e["name"]): [(c, tuple(sorted(r))) for c, r in e["rows"].values()]  # type: ignore[union-attr]
        for e in index.values()
    }


def member_rows(commitments: Iterable[Commitment], name: str) -> list[tuple[Commitment, tuple[str, ...]]]:
    """The member index row of one member, by a name as asked ('Kathmann', 'six dijkstra')."""
    key = member_key(_no_initials(name))
    for member, rows in member_index(commitments).items():
        if member_key(member) == key or member_key(member).endswith(" " + key):
            return rows
    return []


# --- finding the commitments a question is about ----------------------------------------------------

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


KST_ID_RE = re.compile(r"\bkst-\d+(?:-[0-9A-Z]+)+\b", re.I)


def question_ids(question: str) -> set[str]:
    """T/TZ numbers and Kamerstukken a question names: printed ('26643, nr. 1287') or as an id (kst-...)."""
    kst = {"kst-" + m.group()[4:].upper() for m in KST_ID_RE.finditer(question)}
    return set(toezegging_ids(question)) | set(kamerstuk_ids(question)) | kst


def find_commitments(register: Iterable[Commitment], question: str) -> list[Commitment]:
    """Commitments a question is about: by identifier, else member name, else title words (best first)."""
    register = list(register)
    ids = question_ids(question)
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
        and any(re.search(rf"\b{re.escape(_no_initials(m.name).lower())}\b", q) for m in c.members)
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
