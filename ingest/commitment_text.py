"""Pure text functions for commitments: sentences, members with party, and the letters' verdict phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import AFGEDAAN, DEELS, OPENSTAAND, Member, Span

# --- sentences ---------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "o.a",
    "c.s",
    "nr",
    "jl",
    "a.s",
    "d.d",
    "i.v.m",
    "bijv",
    "e.d",
    "m.b.t",
    "t.b.v",
    "incl",
    "ca",
    "blz",
    "resp",
    "zgn",
    "o.m",
    "e.a",
    "m.n",
    "z.s.m",
    "t.a.v",
    "mr",
    "dhr",
    "mw",
    "prof",
    "dr",
}
# A sentence ends at . ! ? (a footnote marker may be glued after it) followed by a capital, or at a
# blank line or a bullet: letters run headings and list items into the text without a full stop.
_END = re.compile(r"[.!?](?:\d{1,3}|(?:\[\d{1,3}\](?:,\s*)?)+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?[”\"’)]?(?=\s+[A-Z“\"‘(•À-Ý])")
_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[•\-–o�][ \t])")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of text[start:end], whitespace trimmed, in order."""
    end = len(text) if end is None else end
    cuts = {start, end}
    for m in _END.finditer(text, start, end):
        word = re.search(r"(\S+)$", text[max(start, m.start() - 12) : m.start()])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        cuts.add(m.end())
    cuts.update(m.start() for m in _BREAK.finditer(text, start, end))
    spans = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((a + lead, a + trail))
    return spans


def squash(text: str) -> str:
    """One line with single spaces: how a sentence or title is shown."""
    return re.sub(r"\s+", " ", text).strip()


# --- members -----------------------------------------------------------------------------------

_PARTICLE = r"(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Ii]n\s+'t|El|Le|La)\s+)"
_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)*"
# Two capitalised words make one name ("Six Dijkstra"), unless the second starts a new phrase.
NAME = rf"{_PARTICLE}{{0,3}}{_WORD}(?:\s+(?!(?:Het|De|Een|In|Uw|Tweede|Eerste|Kamer)\b){_WORD})?"
_PARTY = r"\s*\((?P<party>[^()]{2,40})\)"
_ONE = re.compile(rf"(?P<name>{NAME})(?:{_PARTY})?")
_ANY_PARTY = _PARTY.replace("?P<party>", "")
_LIST = re.compile(rf"{NAME}(?:{_ANY_PARTY})?(?:\s*(?:,|\ben\b)\s*{NAME}(?:{_ANY_PARTY})?)*")
MEMBER_CONTEXTS = [
    re.compile(rf"\b(?:[Ll]id|Kamerlid)\s+(?P<list>{_LIST.pattern})"),
    re.compile(rf"\b[Ll]eden\s+(?P<list>{_LIST.pattern})"),
    re.compile(rf"\b[Mm]oties?\s+(?P<list>{_LIST.pattern})"),
]
_NOT_NAMES = {"Kamer", "Uw", "De", "Het", "Tweede", "Eerste", "Dit", "Deze", "In", "Met", "Ik"}


def parse_member_list(text: str) -> tuple[Member, ...]:
    """'Van den Berg (VVD) en Talsma (ChristenUnie)', 'Six Dijkstra en Omtzigt (beide NSC)'."""
    members: list[Member] = []
    for m in _ONE.finditer(text):
        name = squash(m.group("name"))
        if name in _NOT_NAMES or name.split()[0] in {"Kamer", "Tweede", "Eerste"}:
            continue
        party = squash(m.group("party")) if m.group("party") else None
        members.append(Member(name=name, party=party))
    shared = next((m.party for m in members if m.party and m.party.lower().startswith("beide ")), None)
    if shared:
        party = shared.split(None, 1)[1]
        members = [Member(m.name, party if m.party in (None, shared) else m.party) for m in members]
    return tuple(members)


def find_members(text: str) -> list[tuple[int, Member]]:
    """Members named in text ('het lid X (P)', 'de leden X en Y', 'motie X'), with their offsets."""
    found: dict[int, Member] = {}
    for context in MEMBER_CONTEXTS:
        for m in context.finditer(text):
            offset = m.start("list")
            for member in parse_member_list(m.group("list")):
                pos = offset + m.group("list").find(member.name)
                found.setdefault(pos, member)
    return sorted(found.items())


def member_key(name: str) -> str:
    """Six-Dijkstra and Six Dijkstra are one member."""
    return re.sub(r"[\s\-]+", " ", name).strip().lower()


def merge_members(*groups: tuple[Member, ...]) -> tuple[Member, ...]:
    """Union by name; a party printed anywhere fills one missing elsewhere."""
    merged: dict[str, Member] = {}
    for group in groups:
        for m in group:
            key = member_key(m.name)
            old = merged.get(key)
            if old is None or (old.party is None and m.party):
                merged[key] = Member(old.name if old else m.name, m.party or (old.party if old else None))
    return tuple(merged.values())


# --- verdicts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictPhrase:
    """A verdict found in a sentence, and the kind of commitment the phrase names ('' when none)."""

    verdict: str
    kind: str
    span: Span


_K = r"(?P<kind>motie|toezegging)"
_VERDICT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        OPENSTAAND,
        re.compile(r"\bals\s+openstaand\s+(?:handhaven|te\s+blijven\s+aanmerken|aan\s+te\s+merken)"),
    ),
    (OPENSTAAND, re.compile(rf"\b(?:staat|staan)\s+nog\s+(?:een\s+)?{_K}?\w*\s*open\b")),
    (OPENSTAAND, re.compile(rf"\b{_K}\w*\s+(?:is|zijn)\s+nog\s+niet\s+(?:afgedaan|voldaan)")),
    (DEELS, re.compile(rf"\bhet\s+deel\s+van\s+de\s+{_K}\b[^;]*?\bafgedaan\b")),
    (DEELS, re.compile(r"\b(?:deels|gedeeltelijk)\s+(?:voldaan|afgedaan)\b")),
    (AFGEDAAN, re.compile(rf"\b{_K}\b[^;]*?\bafgedaan\b")),
    (AFGEDAAN, re.compile(r"\bafgedaan\b")),
    (AFGEDAAN, re.compile(rf"\bdoe\s+ik\s+(?:deze|die|de)\s+{_K}\s+af\b")),
    (
        AFGEDAAN,
        re.compile(rf"\binvulling\s+(?:is\s+|wordt\s+)?gegeven\s+aan\s+(?:zowel\s+)?(?:de|deze|die)\s+{_K}"),
    ),
    (
        AFGEDAAN,
        re.compile(rf"\baan\s+(?:de|deze|die)\s+{_K}\b[^;]{{0,80}}?\binvulling\s+(?:is\s+|wordt\s+)?gegeven"),
    ),
    (AFGEDAAN, re.compile(rf"\b(?:hebben\s+we|heb\s+ik|is)\s+invulling\s+gegeven\s+aan\s+de\s+{_K}")),
    (AFGEDAAN, re.compile(rf"\bgeef\s+ik\s+uitvoering\s+aan\s+de\s+{_K}")),
    (
        AFGEDAAN,
        re.compile(rf"\bkom[t]?\s+(?:ik|het\s+kabinet)\s+(?:de|deze|die|mijn)\s+{_K}\b[^;]{{0,120}}?\bna\b"),
    ),
    (AFGEDAAN, re.compile(rf"\b(?:de|deze|die)\s+{_K}\b[^;]{{0,80}}?\bkom\s+ik\s+na\b")),
    (AFGEDAAN, re.compile(rf"\bkom\s+ik\s+tegemoet\s+aan\s+(?:mijn|de|deze)\s+{_K}")),
    (AFGEDAAN, re.compile(rf"\b(?:deze|die|de)\s+{_K}\s+(?:is\s+|wordt\s+)?nagekomen")),
    (AFGEDAAN, re.compile(r"\bals\s+voldaan\s+(?:worden\s+)?(?:aangemerkt|aan\s+te\s+merken)")),
]
_VERDICT_PATTERNS = [(v, re.compile(p.pattern, re.I)) for v, p in _VERDICT_PATTERNS]
# Phrases that look like a verdict but are not one: an aside about the status before, an intention.
_NOT_A_VERDICT = re.compile(
    r"\(huidige status:[^)]*\)|\bwaarop\s+invulling\s+wordt\s+gegeven\b|\bwil\s+ik\b[^.]*\bafdoen\b|"
    r"\bin\s+hoeverre\b[^.]*\bafgedaan\b|"
    r"\bniet\s+als\s+afgedaan\b|\bnog\s+niet\s+afgedaan\b",
    re.I,
)


def find_verdict(sentence: str) -> VerdictPhrase | None:
    """The verdict a sentence states, if any; the most specific pattern wins."""
    masked = _NOT_A_VERDICT.sub(lambda m: " " * len(m.group()), sentence)
    for verdict, pattern in _VERDICT_PATTERNS:
        m = pattern.search(masked)
        if m:
            kind = (m.groupdict().get("kind") or "").lower()
            return VerdictPhrase(verdict=verdict, kind=kind, span=(m.start(), m.end()))
    return None


# Future-tense cues: a date in a sentence with one of these is when the next step is expected.
FUTURE_CUE = re.compile(
    r"\b(?:zal|zullen|zal\s+ik|verwacht\w*|ontvangt|ontvangen|informeren|toesturen|sturen|delen|"
    r"verschuift|volgt|terugkomen|terug\s+te\s+komen|gereed|presenteren)\b",
    re.I,
)
