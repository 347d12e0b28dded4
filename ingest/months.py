"""The twelve month names in Dutch and English and their numbers: one table for every reader and writer."""

from __future__ import annotations

# Dutch as letters print them (lower case); English capitalised, as English prints them.
MONTHS_NL: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_EN: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Lower-case month name, Dutch first then English (shared spellings such as "april" keep their Dutch
# place), -> its number 1..12; the key order is kept because callers join the keys into regexes.
MONTH_NUMBERS: dict[str, int] = {
    m: i + 1 for names in (MONTHS_NL, tuple(n.lower() for n in MONTHS_EN)) for i, m in enumerate(names)
}
