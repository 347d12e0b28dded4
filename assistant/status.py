"""Status questions ("is MitID fulfilled?"): what they ask, which commitments, which sentence to cite."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant import terms
from ingest.commitment_text import member_key
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import NO_VERDICT, Chunk, Commitment, CommitmentMention, Letter, Span
from ingest.register import STOPWORDS, filter_register, find_commitments

# A status word and a word for a commitment (or an identifier) make a status question.
_STATUS = re.compile(
    r"\b(?:status|stand\s+van\s+zaken|afgedaan|afgehandeld|voldaan|uitgevoerd|nagekomen|ingelost|open|"
    r"openstaand\w*|fulfill?ed|fulfil+|done|settled|completed|closed|outstanding|kept|delivered)\b",
    re.I,
)
_KIND = re.compile(
    r"\b(?:toezegging\w*|toegezegd|beloofd|belofte\w*|moties?|commitments?|promise[sd]?|pledges?|"
    r"motions?)\b",
    re.I,
)
_LISTING = re.compile(r"\b(?:welke|which|lijst|list|overzicht|overview)\b", re.I)
_PLURAL = re.compile(r"\b(?:toezeggingen|moties|commitments|motions|promises|pledges)\b", re.I)
_WANTS_OPEN = re.compile(
    r"\b(?:open|openstaand\w*|outstanding|unfulfill?ed|pending)\b|\bniet\s+(?:\w+\s+)?(?:afgedaan|voldaan)\b|"
    r"\bnot\s+(?:yet\s+)?(?:done|fulfill?ed|settled|closed)\b",
    re.I,
)
_WANTS_CLOSED = re.compile(
    r"\b(?:afgedaan|voldaan|afgehandeld|fulfill?ed|done|settled|closed|completed)\b", re.I
)
# Words that say what is asked, not about what; they never count as the topic.
_CUES = frozenset(
    """toezegging toezeggingen toegezegd beloofd belofte moties commitment commitments promise promised
    promises pledge pledges motion motions status afgehandeld nagekomen ingelost outstanding kept delivered
    settled closed completed fulfil fulfill fulfilled staat staan zijn are been has have""".split()
)
MIN_TOPIC_SHARE = 0.5  # a commitment must share at least this part of the question's topic words


@dataclass(frozen=True)
class StatusRequest:
    """What a status question asks: one commitment's status, or a list, perhaps only open or closed ones."""

    listing: bool
    status: str | None  # "open" | "closed" | None (whatever the status)
    kinds: frozenset[str]  # "toezegging", "motie"; empty: both


def status_request(question: str) -> StatusRequest | None:
    """The status question in `question`, or None when it asks something else."""
    has_id = bool(toezegging_ids(question) or kamerstuk_ids(question))
    if not _STATUS.search(question) or not (has_id or _KIND.search(question)):
        return None
    listing = bool(_LISTING.search(question) or _PLURAL.search(question))
    status = None
    if listing:
        if _WANTS_OPEN.search(question):
            status = "open"
        elif _WANTS_CLOSED.search(question):
            status = "closed"
    lowered = question.lower()
    kinds = set()
    if re.search(r"\bmoties?\b|\bmotions?\b", lowered):
        kinds.add("motie")
    if re.search(r"\btoezegging|\btoegezegd", lowered):
        kinds.add("toezegging")
    return StatusRequest(listing=listing, status=status, kinds=frozenset(kinds))


def topic_words(question: str) -> set[str]:
    """The question's words that say what it is about (not 'welke', 'toezeggingen', 'open')."""
    found = {w.lower() for w in re.findall(r"\w+", question)}
    return {w for w in found if w not in STOPWORDS and w not in _CUES and not terms.is_stop(w) and len(w) > 1}


def _haystack(c: Commitment) -> set[str]:
    text = " ".join([c.title, *c.identifiers, *(m.promise or "" for m in c.mentions)])
    return {w.lower() for w in re.findall(r"\w+", text)}


def _named(c: Commitment, question: str) -> bool:
    q = member_key(question)
    return any(re.search(rf"\b{re.escape(member_key(m.name))}\b", q) for m in c.members)


def matching(register: Sequence[Commitment], question: str, request: StatusRequest) -> list[Commitment]:
    """The commitments the question is about, pruned to the best topic matches, then by kind and status."""
    ids = set(toezegging_ids(question)) | set(kamerstuk_ids(question))
    topic = topic_words(question)
    if ids:
        found = [c for c in register if ids & set(c.identifiers)]
    elif request.listing and not topic:
        found = list(register)  # "welke moties staan nog open?": the whole register
    else:
        found = find_commitments(register, question)
        named = [c for c in found if _named(c, question)]
        if named:
            # "de motie Buijsse over soevereiniteit": the topic picks among the member's moties, if it can.
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
    if request.kinds:
        found = [c for c in found if c.kind in request.kinds]
    if request.status:
        found = filter_register(found, status=request.status)
    return found


def locate(sentence: str, text: str) -> Span | None:
    """Where the sentence stands in the passage, verbatim or with other whitespace; None if absent."""
    sentence = sentence.strip()
    if not sentence:
        return None
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    match = re.search(pattern, text)
    return match.span() if match else None


@dataclass(frozen=True)
class Evidence:
    """The passage and sentence of one letter about one commitment."""

    mention: CommitmentMention
    chunk: Chunk
    letter: Letter
    span: Span


def evidence(
    mention: CommitmentMention, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]
) -> Evidence | None:
    """The verdict sentence (or, with no verdict, the promise) located in its passage; None if not found."""
    chunk = chunks.get(mention.chunk_id or "")
    letter = letters.get(mention.letter_id)
    if chunk is None or letter is None:
        return None
    for sentence in (mention.verdict_sentence, mention.promise):
        span = locate(sentence, chunk.text) if sentence else None
        if span is not None:
            return Evidence(mention, chunk, letter, span)
        if mention.verdict != NO_VERDICT:
            return None  # a verdict we cannot quote is not replaced by another sentence
    return None
