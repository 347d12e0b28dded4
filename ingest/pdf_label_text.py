"""What a decision list says in words where its layout says nothing: header facts, listed decisions (pure).

The header names the committee inside the title or a line of running text ("Besluitenlijst
procedurevergadering vaste commissie voor Justitie en Veiligheid", "Procedurevergadering van de vaste
commissie voor Financiën op 19 maart 2025") and the meeting's date in words or in figures; a decision
label's value may be a list of decisions ("Besluiten:" over "- Agenderen …", "- De minister …").
"""

from __future__ import annotations

import re
from datetime import date

from ingest.metadata import parse_date

COMMITTEE_IN_RE = re.compile(
    r"(?:(?:vaste|algemene|tijdelijke|bijzondere)\s+)?commissie\s+voor\s+[^\W\d][^,;:()]*?(?=\s+(?:van|d\.d\.|op)\s+\S*\d|\s*,|$)",
    re.I,
)
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
LIST_MARK_RE = re.compile(r"^(?:[-–•·▪*]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")


def committee_in(text: str) -> str | None:
    """'vaste commissie voor X' as a line of the header names it, without the date after it."""
    m = COMMITTEE_IN_RE.search(text)
    return m.group(0).strip() if m else None


def header_date(texts: list[str]) -> date | None:
    """The first date in the header's short lines, in words ("woensdag 12 maart 2025") or figures."""
    for text in texts:
        if len(text) <= 160 and (when := parse_date(text) or numeric_date(text)):
            return when
    return None


def numeric_date(text: str) -> date | None:
    """A date printed in figures ("d.d. 05-03-2025", "Datum: 5/3/2025"), day first as Dutch prints it."""
    m = NUMERIC_DATE_RE.search(text)
    if m is None:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def listed_values(parts: list[str]) -> list[str] | None:
    """A value that is a list ("- Agenderen …", "- De minister verzoeken …"; "1. …", "2. …"): its
    items, each with its wrapped lines, without the marker, after the words that open the list ("De
    commissie besluit:"); None for a value that is no list."""
    marked = [i for i, part in enumerate(parts) if LIST_MARK_RE.match(part.strip())]
    if len(marked) < 2:
        return None
    intro = " ".join(" ".join(x.split()) for x in parts[: marked[0]])
    out: list[str] = []
    for k, start in enumerate(marked):
        end = marked[k + 1] if k + 1 < len(marked) else len(parts)
        lines = [LIST_MARK_RE.sub("", parts[start].strip()), *parts[start + 1 : end]]
        out.append(" ".join(" ".join(x.split()) for x in [intro, *lines] if x))
    return out
