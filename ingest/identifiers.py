"""Identifiers cited in letters: toezegging numbers, Kamerstuk citations (normalised to kst ids) and URLs."""

from __future__ import annotations

import re

TZ_RE = re.compile(r"\bTZ\d{6}-\d{3}\b")  # Tweede Kamer register: TZ202504-147
T_RE = re.compile(r"\bT\d{5}\b")  # Eerste Kamer register: T03926
URL_RE = re.compile(r"<?(https?://[^\s<>]+)>?")
# "26 643, nr. 1287", "36 600 VII, nr. 62", "36600, VII 81", "26643 nr. 1371", "35968, nr. 35"
KST_RE = re.compile(
    r"(?<![\d/.–-])(?P<dossier>\d{1,2}[ .]?\d{3})(?![\d/])"
    r"(?:,?\s+(?P<sub>[IVX]{1,4}|[A-Z]{1,2}(?=\b)))?"
    r"(?:,?\s+(?:[Nn]r\.?\s*(?P<nr>\d{1,5})|(?P<nr2>\d{1,5})\b)|,\s*(?P<letter>[A-Z]{1,2})\b)"
)
CONTEXT_RE = re.compile(r"Kamerstuk|Kamerbrief|vergaderjaar|\bnr\.", re.IGNORECASE)


def toezegging_ids(text: str) -> tuple[str, ...]:
    """TZ and T numbers in order of appearance, without repeats."""
    found = [(m.start(), m.group()) for m in TZ_RE.finditer(text)]
    found += [(m.start(), m.group()) for m in T_RE.finditer(text)]
    return _unique(v for _, v in sorted(found))


def kamerstuk_id(dossier: str, nr: str, sub: str | None = None) -> str:
    """kst-26643-1287, kst-36600-VII-62: the id scheme of officielebekendmakingen.nl."""
    parts = [re.sub(r"[ .]", "", dossier)] + ([sub] if sub else []) + [nr]
    return "kst-" + "-".join(parts)


def kamerstuk_ids(text: str) -> tuple[str, ...]:
    """Kamerstuk citations in a footnote or phrase, normalised; needs a Kamerstuk-like context."""
    if not CONTEXT_RE.search(text):
        return ()
    ids = []
    for m in KST_RE.finditer(text):
        nr = m.group("nr") or m.group("nr2") or m.group("letter")
        sub = m.group("sub")
        if m.group("nr2") and not sub:
            continue  # "26643 1287" without "nr." is too weak to be a citation
        if sub and not re.fullmatch(r"[IVX]{1,4}", sub):
            continue
        ids.append(kamerstuk_id(m.group("dossier"), nr, sub))
    return _unique(ids)


def urls(text: str) -> tuple[str, ...]:
    return _unique(m.group(1).rstrip(".,;)") for m in URL_RE.finditer(text))


def normalise_kamerstuk(dossier: str, nr: str) -> str:
    """Printed form used in Letter.kamerstuk: '26643 nr. 1371'."""
    return f"{re.sub(r'[ .]', '', dossier)} nr. {nr}"


def _unique(values) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return tuple(seen)
