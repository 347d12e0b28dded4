"""Footnote blocks in text without page evidence: where each starts and where the body resumes (pure).

Without form feeds, page labels or pdftotext's gaps nothing marks a page end, so a footnote block is
known by its numbering (the next number at a line start, called in the body above it; further ahead
only where a glued call above and the next number below say footnotes were lost) and bounded by the
body's own continuity. A footnote ends, and the body resumes, at the first of these:
- the next footnote's number (a new footnote; in two columns, a number the block skipped);
- a blank line or a letterhead line (the page's furniture stands between footnotes and the next body);
- a bullet or list item (body structure: footnotes print none);
- a line after a footnote line that ended short (the next word would have fitted on it, so the tool
  broke the line there because the footnote ended);
- a lower-case line after a footnote line that ended its sentence, where the body above the block was
  cut off mid-sentence (the body's sentence goes on);
- a line as wide as the body after a run of narrow lines (footnotes set in columns);
- a line that calls a footnote whose text comes later (calls precede their footnotes: that line is
  body); the body resumed at the footnote's first resume point, or at that line;
- the footnote growing past NOTE_BOUND characters: cut at its first resume point, with a reader note.
A web address alone on a line stays with the footnote above it. A resume point is a line that starts
a new sentence after a footnote line that does not plainly go on (no hyphen, comma, or lower-case last
word), or a lower-case line where the body above was cut off mid-sentence (the body's sentence may go
on there). The earliest is taken: body text read as footnote is lost to search, footnote text read as
body is only misplaced.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ingest.footnote_blocks import (
    CALL_LOOKBACK_LINES,
    MAX_GAP,
    MAX_JUMP,
    NOTE_BOUND,
    STRONG_FOOTNOTE,
    STRONG_KINDS,
    _called,
    def_match,
)
from ingest.footnotes import call_candidates
from ingest.line_shapes import (
    body_width,
    breaks_off,
    ends_note,
    fits,
    goes_on,
    list_item,
    lower_start,
    url_goes_on,
)
from ingest.model import BRACKETED, PLAIN, SUPERSCRIPT

STYLES = (SUPERSCRIPT, BRACKETED, PLAIN)
URL_ONLY_RE = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
SHORT = 0.75  # a line of a narrow footnote column: at most this share of the body's width
FULL = 0.85  # a body line: at least this share of the body's width
LOOKAHEAD = 400  # lines: a call's footnote follows within a few pages


@dataclass(frozen=True)
class NoteBlock:
    """One footnote block: its lines (indices into the text's lines, in order), which of them start a
    footnote (with the number), the style, and what the reader is unsure of."""

    rows: tuple[int, ...]
    starts: dict[int, int]
    style: str
    notes: tuple[str, ...] = ()


class _Blocks:
    def __init__(self, texts: list[str], rows: list[int], blank: set[int], furniture: set[int]) -> None:
        self.texts, self.rows, self.blank, self.furniture = texts, rows, blank, furniture
        self.width = body_width([len(texts[r].strip()) for r in rows])
        self.hits = [{s: h for s in STYLES if (h := def_match(texts[r], s))} for r in rows]
        self.later: dict[tuple[str, int], list[int]] = defaultdict(list)
        for k, hits in enumerate(self.hits):
            for style, hit in hits.items():
                self.later[(style, hit[0])].append(k)
        self.expected = {s: 1 for s in STYLES}
        self.started = {s: False for s in STYLES}
        self.body: list[int] = []  # positions (into rows) read as body so far
        self.lost: list[tuple[str, int, int]] = []  # (style, first, last) numbers whose footnotes were lost
        self.broke_off = False  # the last footnote read broke off mid-sentence (line_shapes.breaks_off)

    def line(self, k: int) -> str:
        return self.texts[self.rows[k]].strip()

    def start(self, k: int) -> tuple[str, int] | None:
        """Does rows[k] start a block? The expected number (or up to MAX_GAP more, footnotes lost in
        extraction) with evidence: a blank line above, its call in the body above, or a text that only a
        footnote has (a Kamerstuk, a URL); a restart at 1 or a first footnote with another number only
        after a blank line and with such a text."""
        after_blank = self.rows[k] in self.blank
        recent = " ".join(self.texts[self.rows[b]] for b in self.body[-CALL_LOOKBACK_LINES:])
        for style, (n, _, rest) in self.hits[k].items():
            exp = self.expected[style]
            strong = bool(STRONG_FOOTNOTE.search(rest))
            called = bool(recent) and _called(recent, n, style)
            if exp <= n <= exp + MAX_GAP and (after_blank or called or (n == exp and strong)):
                return style, n
            if after_blank and strong and (n == 1 and exp > 1 or not self.started[style]):
                return style, n
            if exp + MAX_GAP < n <= exp + MAX_JUMP and self._jump_ok(k, style, n, recent, strong):
                self.lost.append((style, exp, n - 1))
                return style, n
        return None

    def _jump_ok(self, k: int, style: str, n: int, recent: str, strong: bool) -> bool:
        """The numbering takes up again ahead (footnotes before were lost in extraction) only with all of
        this evidence: the call glued to its word in the body above, and the next number just below or a
        text only a footnote has."""
        calls = {m for st, m, kind in call_candidates(recent) if st == style and kind in STRONG_KINDS}
        nxt = any(k < j <= k + 8 for j in self.later[(style, n + 1)])
        return n in calls and (nxt or strong)

    def _follows(self, k: int, numbers: range, style: str) -> bool:
        """Do footnotes with these numbers start within the next lines (the block's other column)?"""
        horizon = k + 4 * len(numbers) + 12
        return all(any(k < j <= horizon for j in self.later[(style, n)]) for n in numbers)

    def _calls_next(self, k: int, style: str, wanted: set[int]) -> bool:
        """Does line k call one of the wanted numbers whose footnote starts further on?"""
        for st, n, kind in call_candidates(self.line(k)):
            if st == style and n in wanted and kind not in ("spaced", "between"):
                if any(k < j <= k + LOOKAHEAD for j in self.later[(style, n)]):
                    return True
        return False

    def extent(self, k0: int, style: str, n0: int) -> tuple[int, dict[int, int], list[str]]:
        """(end, starts, notes): the block from k0 up to end (exclusive), and its footnotes' first lines."""
        starts = {k0: n0}
        top, current = n0, n0
        pending: set[int] = set()
        last = self.line(k0)
        size = len(self.hits[k0][style][2])
        # the body above the block broke off mid-sentence (it goes on after the block); where the
        # previous footnote broke off, its rest may stand between, so the last body lines count
        lookback = self.body[-3:] if self.broke_off else self.body[-1:]
        cut_above = any(not ends_note(self.line(b)) for b in lookback)
        short_run = 1 if len(last) <= SHORT * self.width else 0
        resume: int | None = None
        notes: list[str] = []
        k = k0 + 1
        while k < len(self.rows):
            row = self.rows[k]
            if row in self.blank or row in self.furniture:
                return k, starts, notes
            text = self.line(k)
            hit = self.hits[k].get(style)
            if hit and hit[0] not in starts.values():
                n = hit[0]
                gap = top < n <= top + 1 + MAX_GAP
                jump = n > top + 1 + MAX_GAP and self._follows(k, range(top + 1, n), style)
                if gap or jump or n in pending:
                    if n > top:
                        pending |= set(range(top + 1, n))
                        top = n
                    pending.discard(n)
                    starts[k] = current = n
                    last, size, resume = text, len(hit[2]), None
                    short_run = short_run + 1 if len(text) <= SHORT * self.width else 0
                    k += 1
                    continue
            if URL_ONLY_RE.match(text):
                # a web address alone on its line belongs to the footnote above it
                last, size = text, size + len(text) + 1
                k += 1
                continue
            narrow = short_run >= 2 and short_run == k - k0  # every line so far short: narrow columns
            if short_run >= 2 and len(text) >= FULL * self.width:
                return k, starts, notes  # a body-wide line after narrow footnote lines
            if list_item(text):
                return k, starts, notes  # a bullet or list item: body structure
            # the footnote's line above ended it: by its punctuation, or by its shape (the next word
            # would have fitted on it, and it does not plainly go on)
            # the footnote's line above ended short (the next word would have fitted on it) and this
            # line is no narrow column line: the footnote ended there, this is body (a narrow line may
            # be the footnote's own column going on, which the body-wide line after it will tell)
            short = fits(last, text, self.width) and not goes_on(last) and not url_goes_on(last, text)
            if not narrow and short and len(text) > SHORT * self.width:
                return k, starts, notes
            if (
                not narrow
                and lower_start(text)
                and cut_above
                and ends_note(last)
                and not url_goes_on(last, text)
            ):
                return k, starts, notes  # the body's cut sentence goes on after a finished footnote
            wanted = set(range(top + 1, top + 2 + MAX_GAP)) | pending
            if self._calls_next(k, style, wanted):
                return (resume if resume is not None else k), starts, notes
            if size + len(text) + 1 > NOTE_BOUND:
                end = resume if resume is not None else k
                notes.append(
                    f"footnote {current}: no end found within {NOTE_BOUND:,} characters; "
                    "cut where the body may resume"
                )
                return end, starts, notes
            # where the body may have resumed: a new sentence after a line that does not go on, or a
            # lower-case line that may go on with the body's cut sentence (the earliest is taken)
            if resume is None and (
                (not goes_on(last) and not lower_start(text)) or (lower_start(text) and cut_above)
            ):
                resume = k
            size += len(text) + 1
            last = text
            short_run = short_run + 1 if len(text) <= SHORT * self.width else 0
            k += 1
        return k, starts, notes


def unpaged_blocks(
    texts: list[str], rows: list[int], blank: set[int], furniture: set[int]
) -> list[NoteBlock]:
    """The footnote blocks among rows (indices of the text's content lines, in order).

    blank: rows with a blank line above; furniture: rows with a letterhead or page line above."""
    b = _Blocks(texts, rows, blank, furniture)
    out: list[NoteBlock] = []
    k = 0
    while k < len(rows):
        start = b.start(k)
        if start is None:
            b.body.append(k)
            k += 1
            continue
        style, n = start
        end, starts, notes = b.extent(k, style, n)
        notes = [lost_note(*b.lost.pop())] + notes if b.lost else notes
        b.broke_off = breaks_off(b.line(end - 1))
        out.append(
            NoteBlock(tuple(rows[k:end]), {rows[j]: m for j, m in starts.items()}, style, tuple(notes))
        )
        b.expected[style] = max(starts.values()) + 1
        b.started[style] = True
        k = end
    return out


def lost_note(style: str, first: int, last: int) -> str:
    """The reader note for footnotes whose texts were not found where the numbering jumps ahead."""
    which = f"footnote {first}" if first == last else f"footnotes {first}-{last}"
    return f"{which}: no footnote text found; the numbering goes on at {last + 1}"
