"""Identifiers cited in letters: toezegging numbers, Kamerstuk citations (normalised to kst ids) and URLs."""

from __future__ import annotations

import re

TZ_RE = re.compile(r"\bTZ\d{6}-\d{3}\b")  # Tweede Kamer register: TZ202504-147
T_RE = re.compile(r"\bT\d{5}\b")  # Eerste Kamer register: T03926
URL_RE = re.compile(r"<?(https?://[^\s<>]+)>?")
# "26 643, nr. 1287", "36 600 VII, nr. 62", "36600, VII 81", "26643 nr. 1371", "35968, nr. 35",
# "21 501-20, nr. 3121" (a sub-number, e.g. a Council formation), "36 027 (R2160), nr. 12" (a Rijkswet).
KST_RE = re.compile(
    r"(?<![\d/.–-])(?P<dossier>\d{1,2}[ .]?\d{3})(?![\d/])"
    r"(?:-(?P<raad>\d{1,3})(?![\d/]))?"
    r"(?:\s*\(R\d{3,4}\))?"
    r"(?:,?\s+(?P<sub>[IVX]{1,4}|[A-Z]{1,2}(?=\b)))?"
    r"(?:,?\s+(?:[Nn]r\.?\s*(?P<nr>\d{1,5})|(?P<nr2>\d{1,5})\b)|,\s*(?P<letter>[A-Z]{1,2})\b)"
)
CONTEXT_RE = re.compile(r"Kamerstuk|Kamerbrief|vergaderjaar|\bnr\.", re.IGNORECASE)
# A dossier as printed above a Kamerstuk or in its XML: "36 410 VII", "36 410-XVI", "21 501-20",
# "36 027 (R2160)", "36 600 IXB". The part after the number is a budget chapter (Roman numeral or
# letters: "A" Infrastructuurfonds) or a sub-number; the Rijkswet number is no part of the kst id.
DOSSIER_RE = re.compile(
    r"^\s*(?P<number>\d{1,2}[ .]?\d{3})"
    r"(?:\s*-\s*(?P<raad>\d{1,3})|[\s-]+(?P<chapter>[IVXL]{1,6}[AB]?|[A-Z]{1,2}))?"
    r"\s*(?:\((?P<rijkswet>R\d{3,4})\))?\s*-?\s*$"
)
KST_ID_RE = re.compile(
    r"\bkst-(?P<dossier>\d{4,6})(?:-(?P<part>[IVXL]{1,6}[AB]?|[A-Z]{1,2}|\d{1,3}))?-(?P<nr>\d{1,5})\b"
)


def toezegging_ids(text: str) -> tuple[str, ...]:
    """TZ and T numbers in order of appearance, without repeats."""
    found = [(m.start(), m.group()) for m in TZ_RE.finditer(text)]
    found += [(m.start(), m.group()) for m in T_RE.finditer(text)]
    return _unique(v for _, v in sorted(found))


def kamerstuk_id(dossier: str, nr: str, sub: str | None = None) -> str:
    """kst-26643-1287, kst-36600-VII-62, kst-21501-20-3121: the id scheme of officielebekendmakingen.nl."""
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
        ids.append(kamerstuk_id(m.group("dossier"), nr, m.group("raad") or sub))
    return _unique(ids)


def urls(text: str) -> tuple[str, ...]:
    return _unique(m.group(1).rstrip(".,;)") for m in URL_RE.finditer(text))


def parse_dossier(printed: str) -> tuple[str, str | None] | None:
    """(number, part) of a printed dossier: "36 410 VII" -> ("36410", "VII"), "21 501-20" -> ("21501", "20").

    "36 027 (R2160)" -> ("36027", None): the Rijkswet number is printed but the kst id leaves it out.
    None when the text is not a dossier number.
    """
    m = DOSSIER_RE.match(" ".join(printed.split()))
    if not m:
        return None
    return re.sub(r"[ .]", "", m.group("number")), m.group("raad") or m.group("chapter")


def dossier_key(number: str, part: str | None = None) -> str:
    """The normalised printed dossier: "26643", "36410 XVI" (a budget chapter), "21501-20" (a sub-number)."""
    number = re.sub(r"[ .]", "", number)
    if not part:
        return number
    return f"{number}-{part}" if part.isdigit() else f"{number} {part}"


def normalise_kamerstuk(dossier: str, nr: str, part: str | None = None) -> str:
    """Printed form used in Letter.kamerstuk: '26643 nr. 1371', '36410 XVI nr. 109', '21501-20 nr. 3121'.

    Letter.kamerstuk_id turns each into its kst id (spaces become hyphens).
    """
    return f"{dossier_key(dossier, part)} nr. {nr}"


def kamerstuk_from_id(kst_id: str) -> str | None:
    """'kst-36410-XVI-109' -> '36410 XVI nr. 109', 'kst-21501-20-3121' -> '21501-20 nr. 3121'."""
    m = KST_ID_RE.fullmatch(kst_id.strip())
    if not m:
        return None
    return normalise_kamerstuk(m.group("dossier"), m.group("nr"), m.group("part"))


def kst_id_in(text: str) -> str | None:
    """The first kst id in a text such as the externMetadataRecord URL (.../kst-24515-782/metadata.xml)."""
    m = KST_ID_RE.search(text)
    return m.group(0) if m else None


def _unique(values) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return tuple(seen)
