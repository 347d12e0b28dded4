"""Pure text functions for commitments: sentences and members with party (verdicts: ingest/verdicts.py)."""

from __future__ import annotations

import re

from ingest.model import Member, Span

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
# Letters of Latin Extended-A too: members are named 'Kostić'.
_WORD = r"[A-Z][a-zà-ÿ\u0100-\u017f'’]+(?:-[A-Z][a-zà-ÿ\u0100-\u017f'’]+)*"
# Two capitalised words make one name ("Six Dijkstra"), unless the second starts a new phrase.
_STOP = r"(?!(?:Het|De|Een|In|Uw|Tweede|Eerste|Kamer)\b)"
# A given name before a surname with particles ("Inge van Dijk", "Olger van Dijk"): the surname ends the
# name, never a word run on into a party ("Omtzigt van Nieuw Sociaal Contract", "van de Partij voor").
_GIVEN = rf"\s+(?:(?:van|de|den|der|ter|ten)\s+){{1,3}}{_WORD}(?![\wà-ÿ])(?!\s+(?:[A-Z]|voor\b))"
NAME = rf"{_PARTICLE}{{0,3}}{_WORD}(?:{_GIVEN}|\s+{_STOP}{_WORD})?"
# A party in brackets (D66, JA21, 50PLUS), never a number: "(31200 XI, nr. 65)" after a name is a
# Kamerstuk the text cites.
_PARTY = r"\s*\((?P<party>(?![^()]*(?:\d{3}|\bnrs?\b))[^()]{2,40})\)"
_ONE = re.compile(rf"(?P<name>{NAME})(?:{_PARTY})?")
_ANY_PARTY = _PARTY.replace("?P<party>", "")
# "Van den Berg (VVD) en Talsma", "Six Dijkstra, Buijsse", "de motie Bontenbal/Grinwis".
_LIST = re.compile(rf"{NAME}(?:{_ANY_PARTY})?(?:\s*(?:,|/|\ben\b)\s*{NAME}(?:{_ANY_PARTY})?)*")
MEMBER_CONTEXTS = [
    re.compile(rf"\b(?:[Ll]id|Kamerlid)\s+(?P<list>{_LIST.pattern})"),
    re.compile(rf"\b[Ll]eden\s+(?P<list>{_LIST.pattern})"),
    re.compile(rf"\b[Mm]oties?\s+(?P<list>{_LIST.pattern})"),
    # "de motie-Teunissen", "de motie-Van der Plas": the member glued to the word by a hyphen
    re.compile(rf"\b[Mm]oties?-(?P<list>{NAME})"),
]
_NOT_NAMES = {"Kamer", "Uw", "De", "Het", "Tweede", "Eerste", "Dit", "Deze", "In", "Met", "Ik"}
# Words of a title, not of a name: "een motie van Tweede Kamerlid Mulder" names Mulder.
_TITLE_WORDS = re.compile(r"\b(?:Kamer\w*|Tweede|Eerste|Staten-Generaal)\b")


def parse_member_list(text: str) -> tuple[Member, ...]:
    """'Van den Berg (VVD) en Talsma (ChristenUnie)', 'Six Dijkstra en Omtzigt (beide NSC)'."""
    members: list[Member] = []
    for m in _ONE.finditer(text):
        name = squash(m.group("name"))
        if name in _NOT_NAMES or _TITLE_WORDS.search(name):
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
