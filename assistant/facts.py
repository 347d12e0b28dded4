"""Structured facts a passage states about a motie or toezegging: identifiers, members, verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import terms
from assistant.sentences import split_spans
from ingest.model import AFGEDAAN, DEELS, OPENSTAAND, Chunk, Footnote, Member, Span

_PARTICLE = r"(?:(?:[Vv]an|[Dd]e|der|den|[Tt]er|[Tt]e|in\s+'t|[Ee]l)\s+)"
_NAME = rf"{_PARTICLE}*[A-Z][\w'’-]+"
_PARTY = r"\s*\(([A-Za-z0-9][\w-]{0,15})\)"
_ONE = rf"({_NAME})(?:{_PARTY})?"
# "het lid Kathmann", "de leden Six Dijkstra (NSC) en Kathmann (GL-PvdA)", "Motie Ceder"
_MEMBERS = re.compile(
    rf"\b(?:[Hh]et\s+lid|[Dd]e\s+leden|[Kk]amerlid|[Kk]amerleden|[Ss]enator|[Mm]otie(?:\s+van\s+(?:het\s+lid|de\s+leden))?)\s+"
    rf"({_NAME}(?:{_PARTY})?(?:\s*(?:,|\s+en\b)\s*{_NAME}(?:{_PARTY})?)*)"
)
_ONE_RE = re.compile(_ONE)
# A committee's list names a member surname first: "Tweede Kamerlid, Raak van A.A.G.M. (SP)" is Van Raak,
# "Tweede Kamerlid, Beek, W.I.I. van (VVD)" is Van Beek.
_PARTICLES_AFTER = r"((?:\s+(?:van|de|der|den|ter|te|ten|in|'t))*)"
_LISTED = re.compile(
    rf"\b[Kk]amerlid,\s+([A-Z][\w'’-]+)(?:{_PARTICLES_AFTER}\s+(?:[A-Z]\.)+|,\s+(?:[A-Z]\.)+{_PARTICLES_AFTER})"
    rf"(?:{_PARTY})?"
)
_NOT_NAMES = frozenset("De Het Een Dit Deze Die In Op Met Zij Hij Ik Tweede Eerste Kamer".split())

# Verdict phrasings in the letters, most specific first.
_DEELS = re.compile(r"\bdeels\s+(?:voldaan|afgedaan|uitgevoerd)|\bgedeeltelijk\s+(?:voldaan|afgedaan)", re.I)
_OPEN = re.compile(
    r"\b(?:als\s+)?openstaand\b|\bnieuwe\s+deadline\b|\bhoud\w*\s+(?:ik\s+)?(?:de|deze)\s+\w+\s+open\b", re.I
)
_DONE = re.compile(
    r"\bafgedaan\b|\bdoe\s+ik\s+(?:hierbij\s+|hiermee\s+|daarmee\s+)?(?:deze|de|die)\s+"
    r"(?:toezegging|motie)\w*\s+af\b|\bis\s+(?:hiermee\s+)?(?:voldaan|uitgevoerd)\b",
    re.I,
)
_NEGATED = re.compile(r"\bniet\s+(?:\w+\s+){0,2}(?:afgedaan|voldaan)|\bnog\s+niet\b", re.I)


@dataclass(frozen=True)
class CommitmentFacts:
    """What one passage says about the commitment it discusses; every field comes from the passage."""

    kind: str | None  # "toezegging" | "motie" | None when the passage names neither
    identifiers: tuple[str, ...]
    members: tuple[Member, ...]
    verdict: str | None  # AFGEDAAN | DEELS | OPENSTAAND | None
    verdict_span: Span | None  # of the sentence in chunk.text that states the verdict


def members_in(text: str) -> tuple[Member, ...]:
    """Members named as 'het lid X (PARTY)' or 'de leden X en Y' or 'Motie X', in order, deduplicated."""
    found: dict[str, Member] = {}
    for match in _MEMBERS.finditer(text):
        for one in _ONE_RE.finditer(match.group(1)):
            name = re.sub(r"\s+", " ", one.group(1))
            if name.split()[-1] in _NOT_NAMES or name in found:
                continue
            found[name] = Member(name=name, party=one.group(2))
    for match in _LISTED.finditer(text):
        particles = (match.group(2) or match.group(3) or "").split()
        name = " ".join([p.capitalize() for p in particles[:1]] + particles[1:] + [match.group(1)])
        found.setdefault(name, Member(name=name, party=match.group(4)))
    return tuple(found.values())


def verdict_of(sentence: str) -> str | None:
    if _DEELS.search(sentence):
        return DEELS
    if _NEGATED.search(sentence):
        return OPENSTAAND if _OPEN.search(sentence) else None
    if _OPEN.search(sentence):
        return OPENSTAAND
    if _DONE.search(sentence):
        return AFGEDAAN
    return None


def commitment_facts(chunk: Chunk, footnotes: tuple[Footnote, ...] | None = None) -> CommitmentFacts:
    """The facts one passage states; identifiers come from its text and the footnotes it cites."""
    ids: list[str] = []
    for footnote in chunk.footnotes if footnotes is None else footnotes:
        ids.extend(footnote.toezeggingen)
    ids.extend(terms.identifiers(chunk.text))
    heading = " ".join(chunk.section_path).lower()
    lowered = chunk.text.lower()
    if "motie" in heading:
        kind: str | None = "motie"
    elif "toezegging" in heading or ids or "toezegging" in lowered or "toegezegd" in lowered:
        kind = "toezegging"
    elif "motie" in lowered:
        kind = "motie"
    else:
        kind = None
    verdict, verdict_span = None, None
    for a, b in split_spans(chunk.text):
        found = verdict_of(chunk.text[a:b])
        if found:
            verdict, verdict_span = found, (a, b)
            break
    return CommitmentFacts(
        kind=kind,
        identifiers=tuple(dict.fromkeys(ids)),
        members=members_in(chunk.text),
        verdict=verdict,
        verdict_span=verdict_span,
    )


VERDICT_EN = {AFGEDAAN: "settled", DEELS: "partly met", OPENSTAAND: "still open"}
KIND_EN = {"toezegging": "commitment", "motie": "motion"}
