"""Footnote definitions at page ends: which lines are footnote texts, by place and numbering (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import BRACKETED, PLAIN, SUPERSCRIPT

SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_INT = {c: i for i, c in enumerate(SUP_DIGITS)}
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december "
    "jan feb mrt apr jun jul aug sep okt nov dec"
).split()
# A number at the start of a line followed by one of these is body text, not a footnote.
UNITS = set(MONTHS) | set(
    "miljoen miljard procent euro fte jaar jaren dagen weken maanden uur minuten keer leden "
    "organisaties locaties deelnemers apparaten toestellen labs documenten %".split()
)
DEF_RES = {
    # "5https://..." : the other extraction tool glues a footnote's number to a URL that opens it
    PLAIN: re.compile(r"^\s{0,3}(\d{1,3})(?:\s+|(?=https?://|www\.))(\S.*)$"),
    BRACKETED: re.compile(r"^\s{0,3}\[(\d{1,3})\]\s+(\S.*)$"),
    SUPERSCRIPT: re.compile(rf"^\s{{0,3}}([{SUP_DIGITS}]{{1,3}})\s+(\S.*)$"),
}
STRONG_FOOTNOTE = re.compile(r"Kamerstuk|Handelingen|TZ\d{6}|\bT\d{5}\b|https?://|\bnr\.", re.I)
MAX_GAP = 3  # footnote texts lost in extraction: a definition may skip at most this many numbers
# A footnote this long is probably body text read as footnote: the reader says so in its notes.
# (The demo letters' longest footnote holds 499 characters, the real letters' about 400.)
SUSPECT_FOOTNOTE_CHARS = 1000
# Where a footnote block at a page end would make one footnote this long, it is not a footnote block.
MAX_FOOTNOTE_CHARS = 2 * SUSPECT_FOOTNOTE_CHARS
CALL_LOOKBACK_LINES = 80  # without page boundaries: a footnote's call stands within this many lines above


@dataclass(frozen=True)
class FootnoteDef:
    """A footnote definition found at a page bottom."""

    number: int
    label: str
    style: str
    series: int  # 0, or 1.. when the numbering restarts
    text: str
    page: int | None


def def_match(line: str, style: str) -> tuple[int, str, str] | None:
    m = DEF_RES[style].match(line)
    if not m:
        return None
    label, rest = m.group(1), m.group(2)
    number = int("".join(str(SUP_TO_INT[c]) for c in label)) if style == SUPERSCRIPT else int(label)
    first = rest.split()[0].lower().strip(".,:;")
    if first in UNITS or rest.startswith(("%", "€")):
        return None
    return number, label if style != BRACKETED else f"[{label}]", rest


def _called(above: str, number: int, style: str) -> bool:
    """Does the body above carry a call of this footnote number (glued to a word or to punctuation)?"""
    if style == SUPERSCRIPT:
        return "".join(SUP_DIGITS[int(c)] for c in str(number)) in above
    if style == BRACKETED:
        return f"[{number}]" in above
    return bool(re.search(rf"(?:[^\W\d_]|[).,;:’”'\"]) ?{number}(?![\d\w])", above))


class Scanner:
    """Walks the lines once, separating footnote definitions and link debris from the body."""

    def __init__(self) -> None:
        self.expected = {PLAIN: 1, BRACKETED: 1, SUPERSCRIPT: 1}
        self.series = {PLAIN: 0, BRACKETED: 0, SUPERSCRIPT: 0}
        self.defs: list[dict] = []

    def try_def(
        self,
        line: str,
        after_blank: bool,
        in_block: bool,
        page: int | None,
        recent: str = "",
        zone: bool = False,
    ) -> bool:
        """Take line as a footnote definition where the evidence allows: a blank line or a page's footnote
        block above it (`zone`), the definition before it, or the expected number with a footnote-like
        text or a call of that number in the body just above (`recent`)."""
        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            hit = def_match(line, style)
            if not hit:
                continue
            number, label, rest = hit
            exp = self.expected[style]
            called = number == exp and bool(recent) and _called(recent, number, style)
            if not (
                after_blank or in_block or zone or called or (number == exp and STRONG_FOOTNOTE.search(rest))
            ):
                continue
            restart = number == 1 and exp > 1 and after_blank and STRONG_FOOTNOTE.search(rest)
            # a text that starts mid-letter: its first footnote may carry any number
            first = exp == 1 and self.series[style] == 0 and after_blank and STRONG_FOOTNOTE.search(rest)
            if not (exp <= number <= exp + MAX_GAP or restart or first):
                continue
            if restart:
                self.series[style] += 1
            self.expected[style] = number + 1
            self.defs.append(
                {
                    "number": number,
                    "label": label,
                    "style": style,
                    "series": self.series[style],
                    "lines": [rest],
                    "page": page,
                }
            )
            return True
        return False

    def zone_start(self, texts: list[str], content: list[int]) -> int | None:
        """Where a page's footnote block starts (an index into texts), or None.

        Evidence: footnotes are the last lines of their page; they continue the letter's numbering;
        the body above calls the first of them (or its text looks like a footnote); none of them holds
        pages of text. The latest line that starts with the expected number is taken, so a body line
        higher up that happens to start with that number stays body."""
        rows = [i for i in content if texts[i].strip()]
        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            exp = self.expected[style]
            for n in range(exp, exp + MAX_GAP + 1):
                cands = [k for k, i in enumerate(rows) if (d := def_match(texts[i], style)) and d[0] == n]
                for k in reversed(cands):
                    rest = def_match(texts[rows[k]], style)[2]
                    above = " ".join(texts[i] for i in rows[:k])
                    if not (STRONG_FOOTNOTE.search(rest) or _called(above, n, style)):
                        continue
                    if _block_fits(texts, rows[k:], style, n):
                        return rows[k]
        return None

    def doubt(self, texts: list[str], content: list[int]) -> str | None:
        """Where no footnote block was found: do the page's last lines look like one all the same?"""
        rows = [i for i in content if texts[i].strip()][-6:]
        for i in rows:
            hit = def_match(texts[i], PLAIN)
            if (
                hit
                and hit[0] == self.expected[PLAIN]
                and _block_fits(texts, rows[rows.index(i) :], PLAIN, hit[0])
            ):
                return (
                    f"lines at its end numbered like footnote {hit[0]}, but no call of it: read as body text"
                )
        return None


def _block_fits(texts: list[str], rows: list[int], style: str, first: int) -> bool:
    """A footnote block from rows[0] to the page end: no footnote in it over MAX_FOOTNOTE_CHARS."""
    last, size = first, 0
    for i in rows[1:]:
        hit = def_match(texts[i], style)
        if hit and last < hit[0] <= last + 1 + MAX_GAP:
            last, size = hit[0], 0
            continue
        size += len(texts[i].strip()) + 1
        if size > MAX_FOOTNOTE_CHARS:
            return False
    return True
