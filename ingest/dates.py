"""Deadlines and expected dates as letters word them ("voor de zomer", "Q4 van dit jaar"), resolved."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from ingest.model import Deadline, Span
from ingest.months import MONTHS_NL

MONTHS = {name: i + 1 for i, name in enumerate(MONTHS_NL)}
_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
# "2025", "dit jaar", "volgend jaar": the year a phrase refers to, relative to the letter's date.
_YEAR = r"(?P<year>(?:19|20)\d{2}|dit jaar|volgend jaar|komend jaar|vorig jaar)"
_QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}

# Conventions (documented because the letters leave them implicit):
# "voor de zomer" = before the summer recess (early July): 30 June. "in de zomer": 31 August.
# "voorjaar": 31 May, "najaar": 30 November, "medio": 30 June, "begin": 31 March, "eind": 31 December.
# "na de zomer" and other open-ended phrases keep their text but resolve to no date.


def _year(word: str | None, ref: date | None) -> int | None:
    if word is None:
        return ref.year if ref else None
    word = word.lower()
    if word.isdigit():
        return int(word)
    if ref is None:
        return None
    offset = {"dit jaar": 0, "volgend jaar": 1, "komend jaar": 1, "vorig jaar": -1}[word]
    return ref.year + offset


def _end_of_month(year: int | None, month: int) -> date | None:
    return date(year, month, calendar.monthrange(year, month)[1]) if year else None


def _fixed(month: int, day: int) -> Callable[[re.Match[str], date | None], date | None]:
    def resolve(m: re.Match[str], ref: date | None) -> date | None:
        year = _year(m.groupdict().get("year"), ref)
        return date(year, month, day) if year else None

    return resolve


def _full_date(m: re.Match[str], ref: date | None) -> date | None:
    year = _year(m.group("year"), ref)
    try:
        return date(year, MONTHS[m.group("month").lower()], int(m.group("day"))) if year else None
    except ValueError:
        return None


def _month(m: re.Match[str], ref: date | None) -> date | None:
    return _end_of_month(_year(m.group("year"), ref), MONTHS[m.group("month").lower()])


def _quarter(m: re.Match[str], ref: date | None) -> date | None:
    q = _QUARTERS[m.group("q").lower()]
    return _end_of_month(_year(m.group("year"), ref), 3 * q)


def _half(m: re.Match[str], ref: date | None) -> date | None:
    return _end_of_month(_year(m.group("year"), ref), 6 if m.group("half") == "eerste" else 12)


def _open(m: re.Match[str], ref: date | None) -> date | None:
    return None


_OPT_YEAR = rf"(?:\s+(?:van\s+)?{_YEAR})?"
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], date | None]]] = [
    (re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b"), _full_date),
    (re.compile(rf"\b(?:na\s+(?:de\s+zomer(?:reces)?|het\s+zomerreces)){_OPT_YEAR}"), _open),
    (re.compile(rf"\b(?:voor|vóór)\s+(?:de\s+zomer(?:reces)?|het\s+zomerreces){_OPT_YEAR}"), _fixed(6, 30)),
    (re.compile(rf"\b(?:in\s+de\s+|komende\s+|deze\s+)zomer{_OPT_YEAR}"), _fixed(8, 31)),
    (re.compile(rf"\b(?:in\s+het\s+|dit\s+|komend\s+)?voorjaar{_OPT_YEAR}"), _fixed(5, 31)),
    (re.compile(rf"\b(?:in\s+het\s+|dit\s+|komend\s+)?najaar{_OPT_YEAR}"), _fixed(11, 30)),
    (
        re.compile(rf"\b(?:in\s+)?(?:het\s+)?(?P<q>eerste|tweede|derde|vierde)\s+kwartaal{_OPT_YEAR}"),
        _quarter,
    ),
    (re.compile(rf"\b(?:in\s+)?(?P<q>Q[1-4])(?:\s+(?:van\s+)?{_YEAR})?", re.I), _quarter),
    (re.compile(rf"\b(?:in\s+)?de\s+(?P<half>eerste|tweede)\s+helft{_OPT_YEAR}"), _half),
    (re.compile(rf"\bmedio\s+{_YEAR}"), _fixed(6, 30)),
    (re.compile(rf"\bbegin\s+{_YEAR}"), _fixed(3, 31)),
    (re.compile(rf"\b(?:eind|einde)\s+{_MONTH}(?:\s+(?P<year>(?:19|20)\d{{2}}))?"), _month),
    (re.compile(rf"\b(?:(?:aan\s+|voor\s+)?het\s+einde?\s+van|eind|einde)\s+{_YEAR}"), _fixed(12, 31)),
    (re.compile(rf"\b(?:in\s+){_MONTH}\s+(?P<year>(?:19|20)\d{{2}}|dit jaar)"), _month),
    (re.compile(r"\b(?:later\s+in|in|voor)\s+(?P<year>(?:19|20)\d{2})\b(?![\s-]*\d)"), _fixed(12, 31)),
    (re.compile(r"\b(?:nog\s+|in\s+de\s+loop\s+van\s+)?(?P<year>dit jaar)"), _fixed(12, 31)),
]

# Letters capitalise at sentence starts ("In 2025", "Eind juni"): match regardless of case.
_PATTERNS = [(re.compile(p.pattern, re.I), resolve) for p, resolve in _PATTERNS]


def find_deadlines(text: str, ref: date | None) -> list[tuple[Span, Deadline]]:
    """Every date phrase in text with its span, resolved against the letter's date (ref)."""
    found: list[tuple[Span, Deadline]] = []
    taken: list[Span] = []
    candidates = []
    for pattern, resolve in _PATTERNS:
        for m in pattern.finditer(text):
            candidates.append((m.start(), -(m.end() - m.start()), m, resolve))
    # Longest phrase wins where phrases overlap ("eind juni" over "juni").
    for _, _, m, resolve in sorted(candidates, key=lambda c: (c[1], c[0])):
        span = (m.start(), m.end())
        if any(span[0] < t[1] and t[0] < span[1] for t in taken):
            continue
        taken.append(span)
        phrase = re.sub(r"\s+", " ", m.group().strip())
        found.append((span, Deadline(text=phrase, date=resolve(m, ref))))
    return sorted(found, key=lambda item: item[0])


def resolve_deadline(phrase: str, ref: date | None) -> Deadline | None:
    """The one deadline a short phrase names ("1 juli 2025", "eind 2026"), or None."""
    found = find_deadlines(phrase, ref)
    return found[0][1] if found else None
