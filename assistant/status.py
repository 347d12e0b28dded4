"""Register questions ("is MitID fulfilled?", "welke toezeggingen staan nog open?", "what did Kathmann ask
for?", "welke toezeggingen zijn over de deadline?"): what they ask and which commitments they mean (pure).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assistant import terms
from ingest.commitment_text import member_key
from ingest.model import COMMITTEE, MINISTER, PROPOSAL, STAATSSECRETARIS, Commitment
from ingest.months import MONTH_NUMBERS
from ingest.register_query import (
    COMMITMENT_KINDS,
    STOPWORDS,
    admits,
    find_commitments,
    member_index,
    member_rows,
    question_ids,
)

# A status word and a word for a commitment (or an identifier) make a status question.
_STATUS = re.compile(
    r"\b(?:status|stand\s+van\s+zaken|afgedaan|afgehandeld|voldaan|uitgevoerd|nagekomen|ingelost|open|"
    r"openstaand\w*|fulfill?ed|fulfil+|done|settled|completed|closed|outstanding|kept|delivered|"
    r"dealt\s+with|handled|resolved|honou?red|carried\s+out)\b",
    re.I,
)
_KIND = re.compile(
    r"\b(?:toezegging\w*|toegezegd|beloofd|belofte\w*|moties?|commitments?|promise[sd]?|pledges?|"
    r"motions?|besluit(?:en)?|decisions?)\b",
    re.I,
)
_LISTING = re.compile(r"\b(?:welke|which|lijst|list|overzicht|overview|alle|all)\b", re.I)
_PLURAL = re.compile(
    r"\b(?:toezeggingen|moties|commitments|motions|promises|pledges|besluiten|decisions)\b", re.I
)
_WANTS_OPEN = re.compile(
    r"\b(?:open|openstaand\w*|outstanding|unfulfill?ed|pending)\b|\bniet\s+(?:\w+\s+){0,2}(?:afgedaan|voldaan)\b|"
    r"\bnot\s+(?:yet\s+)?(?:done|fulfill?ed|settled|closed)\b",
    re.I,
)
_WANTS_CLOSED = re.compile(
    r"\b(?:afgedaan|voldaan|afgehandeld|fulfill?ed|done|settled|closed|completed)\b", re.I
)
_WANTS_PARTLY = re.compile(r"\b(?:deels|gedeeltelijk|partly|partially)\b", re.I)
_OVERDUE = re.compile(
    r"\bover\s+(?:de|hun|the|their)\s+deadline\b|\bdeadline\s+(?:verstreken|verlopen|gepasseerd|passed)\b|"
    r"\b(?:verlopen|overdue|te\s+laat|achterstallig\w*|rappel\w*|late)\b|\bpast\s+(?:the|their)\s+deadline\b",
    re.I,
)
# "what did Kathmann ask for?", "wat heeft Kathmann gevraagd?", "moties van Kathmann".
# "Which motorway projects does the Grinwis motion name?" and "What new deadline does the staff propose
# for the open commitments?" ask about something else than a list of commitments: the noun phrase after
# the question word names no kind of commitment (development: the first listed eleven moties by
# Grinwis, the second answered "no commitments are open").
_CUE = re.compile(r"\b(?:welke|welk|which|what)\s+", re.I)
_PHRASE_END = frozenset(
    "does do did is are was were has have had will would can could should must may staan staat zijn is was "
    "waren heeft hebben had hadden wordt worden werd kan kunnen zal zullen moet moeten of van over on about "
    "for voor in op met to aan by door from uit".split()
)
_KIND_WORD = re.compile(
    r"^(?:toezegging\w*|moties?|motions?|commitments?|promises?|pledges?|besluit\w*|decisions?)$", re.I
)


def asks_other_thing(question: str) -> bool:
    """The question word asks for a thing that is no commitment ("what new deadline", "which projects")."""
    m = _CUE.search(question)
    if not m:
        return False
    phrase = []
    for word in re.findall(r"[\w'-]+", question[m.end() :])[:5]:
        if word.lower() in _PHRASE_END:
            break
        phrase.append(word)
    return bool(phrase) and not any(_KIND_WORD.match(w) for w in phrase)


_ASKED = re.compile(
    r"\b(?:ask(?:ed)?\s+for|asked|request(?:ed)?|submit(?:ted)?|gevraagd|ingediend|verzocht|vroeg|"
    r"wat\s+heeft|what\s+did|what\s+has)\b",
    re.I,
)
_MONTHS = dict(MONTH_NUMBERS)
_MONTH = "|".join(_MONTHS)
_DAY_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(20\d\d)\b", re.I)
_MONTH_DATE = re.compile(rf"\b({_MONTH})\s+(20\d\d)\b", re.I)
_YEAR_DATE = re.compile(r"\b(?:in|van|of|uit|from)\s+(20\d\d)\b", re.I)
# "met als nieuwe deadline 1 juli 2025", "with a new deadline of 1 July 2025": a deadline, not a period.
_DEADLINE = re.compile(
    rf"\b(?:new\s+|nieuwe\s+)?deadline\s+(?:of\s+|van\s+|op\s+|is\s+|:\s*)?"
    rf"((?:\d{{1,2}}\s+)?(?:{_MONTH})\s+20\d\d)\b",
    re.I,
)
# Who gave the verdict a list asks for: "acht de staatssecretaris ... afgedaan", "volgens het ambtelijk
# voorstel", "does the civil service propose to keep open". A party followed by a document word
# ("commissiememo", "committee memo") names the document, not who judged.
_DOC = r"(?!\s*-?(?:memo|brief|letter|notitie|overzicht|vergadering|meeting))"
_SOURCES = (
    (
        PROPOSAL,
        re.compile(
            r"\bambtelijk\w*\s+(?:voorstel|advies)\b|\bcivil\s+service\b|\bstaff(?:\s+proposal)?\b", re.I
        ),
    ),
    (STAATSSECRETARIS, re.compile(rf"\bstaatssecretaris\b{_DOC}|\bstate\s+secretary\b{_DOC}", re.I)),
    (MINISTER, re.compile(rf"\bminister\b{_DOC}", re.I)),
    (COMMITTEE, re.compile(rf"\bcommissie\b{_DOC}|\bcommittee\b{_DOC}", re.I)),
)
# "volgens de commissiememo", "in the committee memo": a document in which the committee or its staff speaks.
_COMMITTEE_DOC = re.compile(
    r"\bcommissie-?memo\w*|\bcommittee'?s?\s+memo\b|\bmemo\s+(?:van|of)\s+(?:de|the)\s+(?:commissie|committee)\b",
    re.I,
)
_AS_OF = re.compile(rf"\b(?:per|op|as\s+of|on|sinds|vanaf)\s+(\d{{1,2}}\s+(?:{_MONTH})\s+20\d\d)\b", re.I)
# Words that say what is asked, not about what; they never count as the topic.
_CUES = frozenset(
    """toezegging toezeggingen toegezegd beloofd belofte moties commitment commitments promise promised
    promises pledge pledges motion motions status afgehandeld nagekomen ingelost outstanding kept delivered
    settled closed completed fulfil fulfill fulfilled staat staan zijn are been has have deadline deadlines
    over overdue verlopen laat late past their hun brief letter ask asked for gevraagd ingediend submitted
    did heeft wat besluit besluiten decisions decision deels partly still nog acht achten volgens according
    propose proposes proposed voorgesteld keep handhaven new nieuwe memo commissiememo""".split()
)
MIN_TOPIC_SHARE = 0.5  # a commitment must share at least this part of the question's topic words


@dataclass(frozen=True)
class StatusRequest:
    """What a register question asks: one commitment's status or a list, and by what the list is chosen."""

    listing: bool
    status: str | None  # "open" | "closed" | "partly" | None (whatever the status)
    kinds: frozenset[str]  # "toezegging", "motie", "besluit"; empty: moties and toezeggingen
    member: str | None = None  # "Kathmann": the member's moties and toezeggingen
    overdue: bool = False  # the rappel list: open, deadline passed
    as_of: date | None = None  # the day "overdue" is measured on (None: today)
    period: tuple[date, date] | None = None  # verdicts given in documents of this period
    source: str | None = None  # the party whose verdict a list asks for (SOURCES): "the civil service ..."
    deadline: tuple[date, date] | None = None  # the deadline that verdict set: a day or a month
    committee_document: bool = False  # that verdict as a committee's memo or decision list records it


def _period(question: str) -> tuple[date, date] | None:
    if m := _DAY_DATE.search(question):
        day = date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        return day, day
    if m := _MONTH_DATE.search(question):
        year, month = int(m.group(2)), _MONTHS[m.group(1).lower()]
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m := _YEAR_DATE.search(question):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    return None


def _deadline(question: str) -> tuple[date, date] | None:
    m = _DEADLINE.search(question)
    return _period(m.group(1)) if m else None


def asked_source(question: str) -> str | None:
    """The party whose verdict the question asks for, the first one it names; None for none."""
    found = [(m.start(), source) for source, pattern in _SOURCES if (m := pattern.search(question))]
    return min(found)[1] if found else None


def _source_free(question: str) -> str:
    """The question without the parties that judge: they say whose verdict, not what about."""
    for _, pattern in _SOURCES:
        question = pattern.sub(" ", question)
    return question


def _as_of(question: str) -> date | None:
    m = _AS_OF.search(question)
    if not m:
        return None
    d = _DAY_DATE.search(m.group(1))
    return date(int(d.group(3)), _MONTHS[d.group(2).lower()], int(d.group(1))) if d else None


def named_member(question: str, register: Sequence[Commitment]) -> str | None:
    """The member of the register the question names ('Kathmann', 'Six Dijkstra'), longest name first."""
    q = f" {member_key(question)} "
    names = sorted(member_index(register), key=len, reverse=True)
    for name in names:
        key = member_key(name)
        last = key.split()[-1] if key.split() else key
        if f" {key} " in q or (len(last) > 3 and f" {last} " in q and len(key.split()) == 1):
            return name
    return None


def status_request(question: str, register: Sequence[Commitment] = ()) -> StatusRequest | None:
    """The register question in `question`, or None when it asks something else."""
    has_id = bool(question_ids(question))
    overdue = bool(_OVERDUE.search(question)) and bool(
        _KIND.search(question) or "deadline" in question.lower()
    )
    member = named_member(question, register) if register else None
    asks_member = bool(
        member
        and (
            _ASKED.search(question)
            or _PLURAL.search(question)
            or (_LISTING.search(question) and not asks_other_thing(question))
        )
    )
    status_q = bool(_STATUS.search(question)) and (has_id or bool(_KIND.search(question)))
    if not (status_q or overdue or asks_member):
        return None
    if asks_other_thing(question) and not (has_id or asks_member):
        return None  # "what new deadline is proposed for the open commitments on X?": retrieval answers
    listing = bool(
        _LISTING.search(question) or _PLURAL.search(question) or overdue or (asks_member and not has_id)
    )
    status = None
    if overdue:
        status = "open"
    elif listing:
        if _WANTS_PARTLY.search(question):
            status = "partly"
        elif _WANTS_OPEN.search(question):
            status = "open"
        elif _WANTS_CLOSED.search(question):
            status = "closed"
    lowered = question.lower()
    kinds = set()
    if re.search(r"\bmoties?\b|\bmotions?\b", lowered):
        kinds.add("motie")
    # "commitment(s)" is the English word for both kinds; "toezegging", "promise" name one.
    if re.search(r"\btoezegging|\btoegezegd|\bpromise|\bpledge", lowered):
        kinds.add("toezegging")
    if re.search(r"\bbesluit(?:en)?\b|\bdecisions?\b", lowered):
        kinds.add("besluit")
    deadline = _deadline(question) if listing and status else None
    undated = _DEADLINE.sub(" ", question) if deadline else question  # its date is no period
    return StatusRequest(
        listing=listing,
        status=status,
        kinds=frozenset(kinds),
        member=member if asks_member or (member and listing) else None,
        overdue=overdue,
        as_of=_as_of(question) if overdue else None,
        period=None if overdue else _period(undated),
        # Only a list of a status asks for one party's verdict ("which does the civil service propose to
        # keep open?"); a list by member or topic names a committee as where, not who judged.
        source=asked_source(question) if listing and status and not overdue else None,
        deadline=deadline,
        committee_document=bool(_COMMITTEE_DOC.search(question)),
    )


def topic_words(
    question: str, register: Sequence[Commitment] = (), request: StatusRequest | None = None
) -> set[str]:
    """The question's words that say what it is about (not 'welke', 'toezeggingen', 'open', a month,
    nor the party whose verdict a list asks for)."""
    for pattern in (_DEADLINE, _AS_OF, _DAY_DATE, _MONTH_DATE, _YEAR_DATE):  # when, not what
        question = pattern.sub(" ", question)
    question = _COMMITTEE_DOC.sub(" ", question)  # which document, not what about
    if request is not None and request.source:
        question = _source_free(question)
    found = {w.lower() for w in re.findall(r"\w+", question)}
    names = {w for n in member_index(register) for w in re.findall(r"\w+", n.lower())} if register else set()
    months = set(_MONTHS)
    return {
        w
        for w in found
        if w not in STOPWORDS
        and w not in _CUES
        and w not in months
        and not w.isdigit()
        and not terms.is_stop(w)
        and len(w) > 1
        and w not in names
    }


def _haystack(c: Commitment) -> set[str]:
    text = " ".join([c.title, *c.identifiers, *(m.promise or "" for m in c.mentions)])
    return {w.lower() for w in re.findall(r"\w+", text)}


def _named(c: Commitment, question: str) -> bool:
    q = member_key(question)
    return any(re.search(rf"\b{re.escape(member_key(m.name))}\b", q) for m in c.members)


def matching(register: Sequence[Commitment], question: str, request: StatusRequest) -> list[Commitment]:
    """The commitments the question is about, pruned to the best topic matches and by kind.

    A list's status filter is the list's own (assistant/status_lists.py: open and overdue by deadline, a
    period's status as given in that period), so a topic with nothing open still gets its "none" answer.
    """
    kinds = request.kinds or frozenset(COMMITMENT_KINDS)
    pool = [c for c in register if c.kind in kinds]
    ids = question_ids(question)
    topic = topic_words(question, register, request)
    if ids:
        found = [c for c in pool if ids & set(c.identifiers)]
    elif request.member:
        found = [c for c, _ in member_rows(pool, request.member)]
        if topic:  # "de motie Buijsse over soevereiniteit": the topic picks among the member's, if it can
            about = {id(c): len(topic & _haystack(c)) for c in found}
            best = max(about.values(), default=0)
            found = [c for c in found if about[id(c)] == best] if best else found
    elif request.listing and not topic:
        found = pool  # "welke moties staan nog open?": the whole register
    else:
        found = [c for c in find_commitments(pool, question) if c.kind in kinds]
        named = [c for c in found if _named(c, question)]
        if named:
            names = {w for c in named for m in c.members for w in re.findall(r"\w+", m.name.lower())}
            about = {id(c): len((topic - names) & _haystack(c)) for c in named}
            best = max(about.values())
            found = [c for c in named if about[id(c)] == best]
        elif topic:
            # find_commitments ranks any shared word; keep those sharing the most of the topic.
            shared = {id(c): len(topic & _haystack(c)) for c in found}
            best = max(shared.values(), default=0)
            if best < MIN_TOPIC_SHARE * len(topic):
                return []
            found = [c for c in found if shared[id(c)] == best]
    if request.status and not request.listing:
        found = [c for c in found if admits(c, request.status)]
    return found
