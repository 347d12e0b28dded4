"""Footnote definitions at page ends: which lines are footnote texts, by place and numbering (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import BRACKETED, PLAIN, SUPERSCRIPT
from ingest.months import MONTHS_NL
from ingest.note_columns import Line, read_block

SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_INT = {c: i for i, c in enumerate(SUP_DIGITS)}
MONTHS = [*MONTHS_NL, *"jan feb mrt apr jun jul aug sep okt nov dec".split()]
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
# Where a whole page's footnotes were lost, the numbering may take up again this far ahead, on evidence
# (Scanner._jump, note_ends._Blocks.start): a call glued to its word above, the next number below.
MAX_JUMP = 60
STRONG_KINDS = ("glued", "year", "sup", "br")  # call kinds that are evidence of a footnote number
# A footnote this long is probably body text read as footnote: the reader says so in its notes.
# The development letters' longest footnote holds 385 characters (circulaire-economie, footnote 5, a
# URL and a quoted motion); the demo development letters' 288, bnc-fiche's 268. A page holds 2,500 to
# 3,500 characters of body text. 1,000 is far beyond any development footnote (two and a half times
# the longest) and well under half a page: a long real footnote stays whole, a page of body never fits.
SUSPECT_FOOTNOTE_CHARS = 1000
# Without page evidence a footnote is cut where it would grow past this (ingest/note_ends.py).
NOTE_BOUND = SUSPECT_FOOTNOTE_CHARS
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
        # the block being read: where its footnotes start in defs, its lines (text, number or None),
        # and the numbers it skipped (a second footnote column may bring them)
        self.block_at: int | None = None
        self.block: list[Line] = []
        self.pending: set[int] = set()
        self.columns: list[int | None] = []  # pages (or None) of blocks read as two columns
        self.lost: list[tuple[str, int, int]] = []  # (style, first, last) numbers whose footnotes were lost
        self.width = 80  # the body's width in characters; set by the caller (line_shapes.body_width)

    def _open(self, number: int, style: str, label: str, rest: str, page: int | None) -> None:
        if self.block_at is None:
            self.block_at, self.block, self.pending = len(self.defs), [], set()
        exp = self.expected[style]
        if number > exp:
            self.pending |= set(range(exp, number))
        self.pending.discard(number)
        self.expected[style] = max(exp, number + 1)
        self.defs.append(
            {"number": number, "label": label, "style": style, "series": self.series[style], "lines": [rest],
             "page": page}
        )  # fmt: skip
        self.block.append(Line(rest, number, len(rest) + len(label) + 1))

    def force_def(self, line: str, style: str, page: int | None) -> None:
        """Take line as a footnote definition: the block reader (ingest/note_ends.py) found the evidence."""
        number, label, rest = def_match(line, style)
        if number == 1 and self.expected[style] > 1:
            self.series[style] += 1  # the numbering restarts
        self._open(number, style, label, rest, page)

    def add_line(self, line: str) -> None:
        """A line that goes on with the footnote being read."""
        self.defs[-1]["lines"].append(line.strip())
        if self.block_at is not None:
            self.block.append(Line(line.strip(), None, len(line.strip())))

    def close_block(self) -> None:
        """The block ends: where its numbers do not rise in line order, it was set in two columns and
        its lines are read again column by column (ingest/note_columns.py)."""
        at, lines = self.block_at, self.block
        self.block_at, self.block, self.pending = None, [], set()
        if at is None or at >= len(self.defs):
            return
        mine = self.defs[at:]
        if len({d["style"] for d in mine}) != 1 or len({d["series"] for d in mine}) != 1:
            return
        notes, two = read_block(lines, self.width)
        if not two:
            return
        first = mine[0]
        labels = {d["number"]: d["label"] for d in mine}
        self.defs[at:] = [
            {**first, "number": n, "label": labels.get(n, str(n)), "lines": ls} for n, ls in notes
        ]
        self.columns.append(first["page"])

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
            # in a page's block, a number the block skipped: the second column's lines interleave
            column = (in_block or zone) and self.block_at is not None and number in self.pending
            if not (exp <= number <= exp + MAX_GAP or restart or first or column):
                continue
            if restart:
                self.close_block()
                self.series[style] += 1
            self._open(number, style, label, rest, page)
            return True
        return False

    def inline_def(self, line: str, recent: str) -> tuple[str, str, str] | None:
        """A footnote line that holds the start of the next footnote too ("... in de Unie. 6 Volgens"):
        (the part before, the next footnote's line, its style), or None.

        Evidence, all of it: a footnote is being read (or the line, in a page's footnote block, opens
        one); the number is the one the numbering expects
        next, after a sentence's end ("Unie. 6", "item 12. 13") and before a capital or a web address
        (as a footnote opens); and the body of this page or the one before calls it. A "nr. 6" or
        "art. 6" is no such end: the number follows an abbreviation, not a sentence."""
        exp = self.expected[PLAIN]
        opens = def_match(line, PLAIN)
        if opens and exp <= opens[0] <= exp + MAX_GAP:
            exp = opens[0] + 1  # the line opens a footnote itself: the one after it is looked for
        elif self.block_at is None:
            return None  # neither a footnote being read nor one this line opens
        from ingest.footnotes import ABBREVIATIONS  # footnotes.py imports this module

        for m in re.finditer(rf"(?<=\S[.;]) ({exp})(?= [A-Z“\"(]|https?://| https?://)", line):
            left, right = line[: m.start()], line[m.start(1) :]
            word = re.search(r"(\w+)[.;]$", left)
            if word and word.group(1).lower() in ABBREVIATIONS:
                continue  # "nr. 6 Kamerstuk": a number after its abbreviation
            if def_match(right, PLAIN) and _called(recent, exp, PLAIN):
                return left, right, PLAIN
        return None

    def zone_start(self, texts: list[str], content: list[int], carry: str = "", wide: str = "") -> int | None:
        """Where a page's footnote block starts (an index into texts), or None.

        Evidence: footnotes are the last lines of their page; they continue the letter's numbering;
        the body above calls the first of them (or its text looks like a footnote); none of them holds
        pages of text. The latest line that starts with the expected number is taken, so a body line
        higher up that happens to start with that number stays body. carry: the previous page's last
        body lines (a call in the page's last line may find its footnote on the next page); wide: the
        previous page's whole body (see _deferred_above)."""
        rows = [i for i in content if texts[i].strip()]
        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            exp = self.expected[style]
            for n in range(exp, exp + MAX_GAP + 1):
                cands = [k for k, i in enumerate(rows) if (d := def_match(texts[i], style)) and d[0] == n]
                for k in reversed(cands):
                    rest = def_match(texts[rows[k]], style)[2]
                    above = " ".join([carry] + [texts[i] for i in rows[:k]])
                    if not (STRONG_FOOTNOTE.search(rest) or _called(above, n, style)):
                        continue
                    if _block_fits(texts, rows[k:], style, n):
                        return self._deferred_above(texts, rows, k, style, n, wide) if n > exp else rows[k]
        return self._jump(texts, rows)

    def _deferred_above(
        self, texts: list[str], rows: list[int], k: int, style: str, n: int, wide: str
    ) -> int:
        """A block found at rows[k] with number n beyond the expected one: the skipped footnotes may stand
        just above it, deferred from the page before (no room at the foot of their call's page, so
        their text opens the next page's block, and nothing on this page calls them). Evidence: a line
        above, within one footnote's length, that starts with a skipped number, that number called in
        the previous page's body (wide), and the block from there fitting. Else rows[k]."""
        exp, size = self.expected[style], 0
        for j in range(k - 1, -1, -1):
            hit = def_match(texts[rows[j]], style)
            if hit and exp <= hit[0] < n:
                above = wide + " " + " ".join(texts[i] for i in rows[:j])
                if _called(above, hit[0], style) and _block_fits(texts, rows[j:], style, hit[0]):
                    return rows[j]
            size += len(texts[rows[j]].strip()) + 1
            if size > MAX_FOOTNOTE_CHARS:
                break
        return rows[k]

    def _jump(self, texts: list[str], rows: list[int]) -> int | None:
        """A page's block whose numbering jumps ahead: footnotes before it were lost in extraction (their
        page's block was not found), so the numbering takes up again here. Evidence, all of it: the
        number's call glued to its word in this page's body above (never set apart), the number
        followed by the next one in the block or a text only a footnote has, and the block fitting."""
        from ingest.footnotes import call_candidates  # footnotes.py imports this module

        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            exp = self.expected[style]
            for k, i in enumerate(rows):
                hit = def_match(texts[i], style)
                if not hit or not exp + MAX_GAP < hit[0] <= exp + MAX_JUMP:
                    continue
                n, _, rest = hit
                above = " ".join(texts[j] for j in rows[:k])
                calls = {m for st, m, kind in call_candidates(above) if st == style and kind in STRONG_KINDS}
                nxt = any((d := def_match(texts[j], style)) and d[0] == n + 1 for j in rows[k + 1 :])
                if (
                    n in calls
                    and (nxt or STRONG_FOOTNOTE.search(rest))
                    and _block_fits(texts, rows[k:], style, n)
                ):
                    self.lost.append((style, exp, n - 1))
                    self.expected[style] = n
                    return i
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
