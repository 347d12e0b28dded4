"""Status questions ("is the MitID commitment fulfilled?") answered from the commitments register."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant import terms
from assistant.extractive import format_date
from assistant.facts import KIND_EN, VERDICT_EN
from assistant.sentences import one_line
from ingest.commitment_text import member_key
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import NO_VERDICT, Answer, Chunk, Citation, Commitment, CommitmentMention, Letter, Span
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
MAX_LISTED = 10  # a longer list points to the register tab instead
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
            found = named
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


def evidence(mention: CommitmentMention, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]):
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


def letter_when(letter: Letter, language: str) -> str:
    if letter.date:
        return format_date(letter.date, language)
    if letter.date_not_before:
        prefix = "not before " if language == "en" else "niet vóór "
        return prefix + format_date(letter.date_not_before, language)
    return "?"


def _deadline(c: Commitment, language: str) -> str:
    d = c.latest.new_deadline
    if d is None:
        return ""
    text = one_line(d.text)
    if d.date and d.date.year not in (int(y) for y in re.findall(r"\b20\d\d\b", text) or [0]):
        by = "by" if language == "en" else "uiterlijk"
        text += f" ({by} {format_date(d.date, language)})"
    return f", {'due' if language == 'en' else 'deadline'} {text}"


def _head(c: Commitment, language: str, limit: int = 90) -> str:
    """'Toezegging TZ202504-147 “Onderzoeken MitID …” (lid Kathmann)'."""
    title = one_line(c.title)
    title = title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
    kind = (
        f"{KIND_EN.get(c.kind, c.kind).capitalize()} ({c.kind})" if language == "en" else c.kind.capitalize()
    )
    ids = " ".join(c.identifiers[:2])
    head = f"{kind} {ids} “{title}”" if ids else f"{kind} “{title}”"
    if c.members:
        who = ", ".join(m.name + (f" ({m.party})" if m.party else "") for m in c.members[:3])
        if language == "en":
            head += f" (member{'s' if len(c.members) > 1 else ''} {who})"
        else:
            head += f" ({'leden' if len(c.members) > 1 else 'lid'} {who})"
    return head


def _verdict(verdict: str, language: str) -> str:
    if language == "en":
        return f"{VERDICT_EN.get(verdict, 'no verdict')} ({verdict})"
    return verdict


class _Citations:
    """Numbers citations, one number per distinct passage and sentence."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, ev: Evidence) -> int:
        for c in self.items:
            if c.chunk.id == ev.chunk.id and c.quote_span == ev.span:
                return c.n
        n = len(self.items) + 1
        quote = ev.chunk.text[ev.span[0] : ev.span[1]]
        self.items.append(Citation(n=n, chunk=ev.chunk, letter=ev.letter, quote=quote, quote_span=ev.span))
        return n


def _one(
    c: Commitment, current: Evidence, earlier: list[Evidence], cites: _Citations, language: str
) -> list[str]:
    n = cites.cite(current)
    where = "in the letter of" if language == "en" else "in de brief van"
    lines = [
        f"{_head(c, language)}: {_verdict(c.status, language)} {where} "
        f"{letter_when(current.letter, language)}{_deadline(c, language)} [{n}]."
    ]
    quote = one_line(current.chunk.text[current.span[0] : current.span[1]])
    lines.append(f"- “{quote}” [{n}]")
    for ev in earlier:
        m = cites.cite(ev)
        before = "Earlier, in the letter of" if language == "en" else "Eerder, in de brief van"
        quote = one_line(ev.chunk.text[ev.span[0] : ev.span[1]])
        verdict = _verdict(ev.mention.verdict, language)
        lines.append(f"- {before} {letter_when(ev.letter, language)}: {verdict}: “{quote}” [{m}]")
    return lines


def _header(request: StatusRequest, count: int, language: str) -> str:
    kinds = request.kinds
    if language == "en":
        noun = (
            "motions"
            if kinds == {"motie"}
            else "commitments"
            if kinds == {"toezegging"}
            else "commitments and motions"
        )
        adjective = {"open": "Open ", "closed": "Settled "}.get(request.status or "", "")
        return f"{adjective}{noun if adjective else noun.capitalize()} ({count}):"
    noun = (
        "moties"
        if kinds == {"motie"}
        else "toezeggingen"
        if kinds == {"toezegging"}
        else "toezeggingen en moties"
    )
    adjective = {"open": "Openstaande ", "closed": "Afgedane "}.get(request.status or "", "")
    return f"{adjective}{noun if adjective else noun.capitalize()} ({count}):"


def status_answer(
    question: str,
    request: StatusRequest,
    register: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    language: str,
) -> Answer | None:
    """The status of the commitments asked about, each citing the sentence that states it.

    None when the register has nothing for the question, or when the sentence to cite cannot be found
    verbatim in its passage: the caller then answers from retrieval, as for any other question.
    """
    found = matching(register, question, request)
    if not found:
        return None
    cites = _Citations()
    if len(found) == 1 and not request.listing:
        c = found[0]
        current = evidence(c.latest, chunks, letters)
        if current is None:
            return None
        earlier = [e for m in c.mentions[:-1] if (e := evidence(m, chunks, letters)) is not None]
        lines = _one(c, current, earlier, cites, language)
    else:
        items = [(c, e) for c in found if (e := evidence(c.latest, chunks, letters)) is not None]
        if not items:
            return None
        lines = [_header(request, len(items), language)]
        where = "letter of" if language == "en" else "brief van"
        for c, ev in items[:MAX_LISTED]:
            n = cites.cite(ev)
            quote = one_line(ev.chunk.text[ev.span[0] : ev.span[1]])
            lines.append(
                f"- {_head(c, language, 70)}: {_verdict(c.status, language)}{_deadline(c, language)} "
                f"({where} {letter_when(ev.letter, language)}): “{quote}” [{n}]"
            )
        if len(items) > MAX_LISTED:
            more = len(items) - MAX_LISTED
            lines.append(
                f"… and {more} more in the tab “Toezeggingen en moties”."
                if language == "en"
                else f"… en nog {more} in het tabblad “Toezeggingen en moties”."
            )
    return Answer(
        question=question,
        text="\n".join(lines),
        abstained=False,
        citations=tuple(cites.items),
        language=language,
        mode="extractive",
    )
