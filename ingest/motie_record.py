"""A motie document registers itself: its Kamerstuk id, indieners, date, dictum and predecessors (pure).

A motie (XML, DOCX, DOC or PDF) is one record and only one: the moties it cites ("in lijn met de
motie-Omtzigt") and its 'Voorgesteld' line are not records of their own. Its status is the document's
own: "ingediend, uitslag onbekend" (it does not say whether the Kamer adopted it); a letter or a decision
list that reports on it later gives the status that counts (ingest/register.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.commitment_text import squash
from ingest.dictum import ASK
from ingest.dictum import labels as motie_parts
from ingest.metadata import parse_date
from ingest.model import INDIENER, INGEDIEND, MOTIE_ITSELF, CommitmentMention, Letter, Member, Verdict

Locate = Callable[[int], tuple[tuple[str, ...], str | None]]

# The printed heading of a motie: "MOTIE VAN HET LID CEDER", "GEWIJZIGDE MOTIE VAN DE LEDEN ...".
MOTIE_HEAD_RE = re.compile(
    r"^(?:(?:NADER\s+)?GEWIJZIGDE\s+)?MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b", re.I | re.M
)
CLOSING_RE = re.compile(r",?\s*en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\.?", re.I)
# What the Kamer asks or states: the operative verbs that open a motie's dictum.
ASK_RE = re.compile(
    r"(?:^|(?<=[;:,])\s+|\n)\s*(?:(?:en|voorts|verder|tevens|daarnaast)\s+)?"
    r"(?=(?:verzoekt|spreekt\s+(?:\w+\s+){0,4}uit|roept\b|draagt\b|besluit\b|dringt\b|vraagt\b|zegt\b|"
    r"geeft\s+de\s+regering|nodigt\b|wijst\b|verklaart\b)\b)",
    re.I | re.M,
)
VOORGESTELD_RE = re.compile(r"\bVoorgesteld\s+(?:op\s+)?(\d{1,2}\s+\w+\s+\d{4})", re.I)
REPLACES_RE = re.compile(r"\bTer\s+vervanging\s+van\s+die\s+gedrukt\s+onder\s+nr\.?\s*(\d{1,5})", re.I)


def is_motie(letter: Letter) -> bool:
    """The reader says so (Letter.kind), or the document prints a motie's heading and closing formula."""
    if letter.kind == "motie":
        return True
    if letter.kind != "brief":  # the reader said what it is: a decision list, a fiche
        return False
    # A reader that cannot tell (plain text, an unstructured PDF): the heading opens the document.
    head = letter.text[:800]
    return bool(MOTIE_HEAD_RE.search(head)) and bool(CLOSING_RE.search(letter.text))


def dictum(text: str) -> str | None:
    """What the Kamer asks: from its first operative paragraph ('verzoekt de regering ...', labelled by
    ingest/dictum.py) to the closing formula, which is left out; the names under it never belong to it."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    labels = motie_parts(paragraphs)
    first = next((i for i, lab in enumerate(labels) if lab == ASK), None)
    if first is not None:
        start = text.find(paragraphs[first])
        last = max(i for i, lab in enumerate(labels) if lab == ASK)
        end = text.find(paragraphs[last], start) + len(paragraphs[last])
    else:  # the ask run into one paragraph with the considerations: its first operative verb
        close = CLOSING_RE.search(text)
        m = ASK_RE.search(text, 0, close.start() if close else len(text))
        if m is None:
            return None
        start, end = m.end(), close.start() if close else len(text)
    close = CLOSING_RE.search(text, start)
    if close and close.start() < end + 1:
        end = close.start()
    ask = squash(text[start:end]).strip(" ,;")
    return ask + "," if ask else None


def _indieners(letter: Letter) -> tuple[Member, ...]:
    """The reader's indieners; else the name lines printed under the closing formula; else the metadata."""
    if letter.indieners:
        return letter.indieners
    end_m = CLOSING_RE.search(letter.text)
    if end_m:
        names = [squash(p) for p in letter.text[end_m.end() :].split("\n") if p.strip()]
        names = [
            n
            for n in names
            if re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[\w'’.-]+){0,4}", n) and not any(c.isdigit() for c in n)
        ]
        if names:
            return tuple(Member(n) for n in names[:12])
    if letter.sender:
        return tuple(Member(squash(n)) for n in letter.sender.split(",") if n.strip())
    return ()


def _replaces(letter: Letter) -> tuple[str, ...]:
    if letter.replaces:
        return letter.replaces
    m = REPLACES_RE.search(letter.text)
    kst = letter.kamerstuk_id
    if not m or not kst:
        return ()
    dossier = kst.rsplit("-", 1)[0]  # kst-36800-73 -> kst-36800
    return (f"{dossier}-{m.group(1)}",)


def motie_mentions(letter: Letter, locate: Locate) -> list[CommitmentMention]:
    """The motie itself, with the document's own status; nothing else from a motie document."""
    kst = letter.kamerstuk_id or (letter.id if letter.id.startswith("kst-") else None)
    ask = dictum(letter.text)
    at = letter.text.find(ask.split()[0]) if ask else 0
    voorgesteld = VOORGESTELD_RE.search(letter.text[:2000])
    when = (parse_date(voorgesteld.group(1)) if voorgesteld else None) or letter.date
    path, chunk_id = locate(max(0, at))
    members = _indieners(letter)
    return [
        CommitmentMention(
            kind="motie",
            identifiers=(kst,) if kst else (),
            title=squash(letter.title or (ask or "motie")[:120]),
            letter_id=letter.id,
            section_path=path,
            chunk_id=chunk_id,
            members=members,
            promise=ask,
            verdict=INGEDIEND,
            letter_date=when or letter.date_not_before,
            source=MOTIE_ITSELF,
            verdicts=(Verdict(INGEDIEND, MOTIE_ITSELF, None, None, when, None, chunk_id),),
            role=INDIENER if members else None,
            date=when,
            dictum=ask,
            replaces=_replaces(letter),
        )
    ]
