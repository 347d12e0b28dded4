"""Toezeggingen a decision list records inside a Besluit or Noot row, not in a row of their own (pure).

Real lists name them in passing: 'Minister BZK rappel sturen, aangezien toezegging was deze voor maart
2009 aan de Kamer te zenden', 'al komt het toegezegde AIVD-rapport ... (is intussen op 2 april
ontvangen)', 'In deze brief meldt de staatssecretaris dat hij de tijdens het algemeen overleg van 13
oktober 2016 toegezegde brief over onder andere de continuïteit uiterlijk op 28 oktober ... zal sturen'.
Each is a toezegging of the list's committee and meeting date: afgedaan where the row says it has come
in, else openstaand; the verdict is the minister's where the row reports what the minister writes.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.commitment_text import sentences, squash
from ingest.model import AFGEDAAN, COMMITTEE, MINISTER, OPENSTAAND, STAATSSECRETARIS

# 'toezegging', 'toegezegd(e)', and the typo 'toegezgde' of a real list
PROMISE_RE = re.compile(r"\btoezegging(?:en)?\b|\btoegeze?gde?\b", re.I)
# 'het toegezegde AIVD-rapport', 'de ... toegezegde brief over onder andere de continuïteit uiterlijk ...'
NAMED_AFTER_RE = re.compile(
    r"\btoegeze?gde\s+(?P<what>[\w-]+(?:\s+over\s+.+?)?)(?=\s+(?:uiterlijk|waarschijnlijk|aan|op|voor|pas|zal|wordt)\b|[,.;(]|$)",
    re.I,
)
# 'de brief die hij heeft toegezegd in het mondelinge vragenuurtje van 27 september 2016'
NAMED_BEFORE_RE = re.compile(r"\b(?:de|het)\s+(?P<what>[\w-]+)\s+(?:die|dat)\s+[^.;]*?\btoegezegd\b", re.I)
RECEIVED_RE = re.compile(
    r"\b(?:is|zijn)\s+(?:intussen\s+|inmiddels\s+)?(?:op\s+\d{1,2}\s+\w+\s+)?ontvangen\b", re.I
)
REPORTS_RE = re.compile(
    r"\b(?:meldt|schrijft|streeft|stelt)\s+de\s+(?P<role>staatssecretaris|minister)\b|"
    r"\bde\s+(?P<role2>staatssecretaris|minister)\s+(?:meldt|schrijft|streeft|stelt)\b",
    re.I,
)


class Promise(NamedTuple):
    """A toezegging read from a row: what was promised, the verdict, who gave it, the sentence."""

    title: str
    verdict: str
    source: str
    sentence: str


def promises_in(value: str, item: str) -> list[Promise]:
    """The toezeggingen a Besluit or Noot row names; `item` titles one the row names without a noun."""
    text = squash(value)
    out = []
    for a, b in sentences(text):
        sent = text[a:b]
        if not PROMISE_RE.search(sent):
            continue
        after, before = NAMED_AFTER_RE.search(sent), NAMED_BEFORE_RE.search(sent)
        title = after.group("what") if after else item
        if before and not after:
            title = f"{before.group('what')} ({item})" if item else before.group("what")
        if not title:
            continue
        report = REPORTS_RE.search(sent)
        role = (report.group("role") or report.group("role2")).lower() if report else None
        source = {"staatssecretaris": STAATSSECRETARIS, "minister": MINISTER}.get(role or "", COMMITTEE)
        verdict = AFGEDAAN if RECEIVED_RE.search(sent) else OPENSTAAND
        out.append(Promise(title[:1].upper() + title[1:], verdict, source, sent))
    return out


# 'n.a.v. de motie Van Raak (29754, nr. 113)', 'de motie Van Toorenburg-Dijsselbloem (31200 XI, nr. 65)'
_DOSSIER = r"(?P<dossier>\d{2}\s?\d{3})(?:\s+(?P<part>[IVXLC]{1,5}))?"
MOTIE_RE = re.compile(
    r"\bmotie\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?(?P<names>[A-Z][^()]{1,60}?)\s*\("
    + _DOSSIER
    + r",\s*nr\.?\s*(?P<nr>\d{1,5})\)"
)
# 'moties 30420, nrs 100 en 101 over de seksediverse samenstelling van ...'
MOTIES_RE = re.compile(
    r"\bmoties\s+" + _DOSSIER + r",\s*nrs?\.?\s*(?P<nrs>\d{1,5}(?:(?:,\s*|\s+en\s+)\d{1,5})*)"
    r"(?:\s+over\s+(?P<about>[^.;()]+))?"
)
_LEAD_RE = re.compile(r"\s*(?:\bn\.a\.v\.|\bnaar\s+aanleiding\s+van|\bover)?\s*(?:\b(?:de|het)\s*)?$", re.I)


class ItemMotie(NamedTuple):
    """A motie an agenda item names: its Kamerstuk (dossier, part, nr), what it is about, its members."""

    dossier: str
    part: str | None
    nr: str
    title: str
    members: tuple[str, ...]


def moties_in(item: str) -> list[ItemMotie]:
    """The moties an agenda item names with their Kamerstuk number; the list gives no verdict on them."""
    text = squash(item)
    out = []
    for m in MOTIE_RE.finditer(text):
        # the title is what the item says the letter on the motie is about: the phrase before 'n.a.v.'
        start = max((x.end() for x in MOTIE_RE.finditer(text, 0, m.start())), default=0)
        about = _LEAD_RE.sub("", text[start : m.start()]).strip(" ,")
        about = re.sub(r"^(?:en|de|het)\s+(?=(?:de|het)\s)|^en\s+", "", about)
        title = about[:1].upper() + about[1:] if about else f"Motie {m.group('names')}"
        out.append(ItemMotie(m.group("dossier"), m.group("part"), m.group("nr"), title, (m.group("names"),)))
    for m in MOTIES_RE.finditer(text):
        about = (m.group("about") or "").strip()
        title = about[:1].upper() + about[1:] if about else text
        for nr in re.findall(r"\d{1,5}", m.group("nrs")):
            out.append(ItemMotie(m.group("dossier"), m.group("part"), nr, title, ()))
    return out
