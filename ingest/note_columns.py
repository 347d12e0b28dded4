"""One footnote block read into footnotes: one column, or two columns interleaved line by line (pure).

A policy paper may set its footnotes in two columns. A tool that writes one line per printed line
writes each printed row's left line, then its right line, and, below the shorter column, the longer
column's remaining lines. The evidence of two columns is the numbering: a block whose footnote numbers
do not rise in the order of its lines ("12", "15", "13", "16", "14"). The left column holds the lower
numbers, the right column the higher ones. Where the numbers do rise (one footnote in each column), the
evidence is the lines' width: a footnote that runs over several lines, each far shorter than the body's
lines, is set in a narrow column. Which continuation line belongs to which column follows
from the alternation; where the columns' heights leave more than one reading, the reading whose lines
join best is taken (a finished sentence is not followed by a lower-case line, an unfinished one not by
the next footnote).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.line_shapes import ends_note, goes_on, lower_start, url_goes_on

URL_ONLY_RE = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
NARROW = 0.75  # a line of a footnote column: at most this share of the body's width


class Line(NamedTuple):
    """A block line: its text (without the footnote's number), the number it starts (None: it goes on
    with a footnote) and its printed length (with the number)."""

    text: str
    number: int | None
    printed: int


def read_block(lines: list[Line], width: int) -> tuple[list[tuple[int, list[str]]], bool]:
    """The footnotes of one block, by number, each with its lines; and whether it was set in two columns.

    width: the body's width in characters (ingest/line_shapes.py: body_width)."""
    numbers = [ln.number for ln in lines if ln.number is not None]
    if len(lines) < 3 or not numbers:
        return _one_column(lines), False
    rising = numbers == sorted(numbers)
    narrow = all(ln.printed <= NARROW * width for ln in lines)
    # Lines far narrower than the body's that run on (a footnote over several of them) are set in
    # columns: a footnote area as wide as the body would hold them on fewer, wider lines. With rising
    # numbers and full-width lines, or no footnote running on, the block is one column.
    if rising and (not narrow or all(ln.number is not None or URL_ONLY_RE.match(ln.text) for ln in lines)):
        return _one_column(lines), False
    # with rising numbers, two columns must join better than one column does (a page's only footnote
    # may stand alone in the left column, short footnotes may stand one under the other)
    one = _cost(lines) if rising else float("inf")
    best: tuple[float, int, list[int]] | None = None
    # the right column opens with one of the numbers, or holds only the rest of the left's last footnote
    for split in sorted(set(numbers))[1:] + [max(numbers) + 1]:
        for rows in range(1, len(lines) // 2 + 1):
            for longer in (0, 1):
                sides = [(i % 2 if i < 2 * rows else longer) for i in range(len(lines))]
                if any(
                    ln.number is not None and sides[i] != (ln.number >= split) for i, ln in enumerate(lines)
                ):
                    continue
                left = [lines[i] for i in range(len(lines)) if sides[i] == 0]
                right = [lines[i] for i in range(len(lines)) if sides[i] == 1]
                flows = (
                    bool(right) and right[0].number is None
                )  # the left's last footnote goes on at the right
                cost = _cost(left, open_end=flows) + _cost(right) + (0.25 if flows else 0)
                if cost >= one:
                    continue
                # equal cost: the columns most alike in height (footnotes flowing through two columns
                # fill the left one first and end the right one no lower)
                if best is None or (cost, -rows) < best[:2]:
                    best = (cost, -rows, sides)
    if best is None:
        return _one_column(lines), False
    sides = best[2]
    left = [lines[i] for i in range(len(lines)) if sides[i] == 0]
    right = [lines[i] for i in range(len(lines)) if sides[i] == 1]
    # a right column that starts without a number goes on with the left column's last footnote
    return sorted(_one_column(left + right), key=lambda x: x[0]), True


def _one_column(lines: list[Line]) -> list[tuple[int, list[str]]]:
    notes: list[tuple[int, list[str]]] = []
    for text, n, _ in lines:
        if n is not None:
            notes.append((n, [text]))
        elif notes:
            notes[-1][1].append(text)
    return notes


def _cost(column: list[Line], open_end: bool = False) -> float:
    """How badly a column's lines join: 1 for each line that goes on although the next word would have
    fitted on the line above, each finished line followed by a lower-case continuation, each unfinished
    footnote followed by the next one, and an unfinished last line (unless open_end: it goes on in the
    next column)."""
    cost = 0.0
    width = max((ln.printed for ln in column), default=0)
    for (a, _, printed), (b, n, _) in zip(column, column[1:], strict=False):
        if n is None and URL_ONLY_RE.match(b):
            continue  # a web address on its own line fits after any footnote line
        word = b.split()[0] if b.split() else ""
        if n is None and printed + 1 + len(word) <= width:
            cost += 1  # a line broken before the column's edge ends its footnote: this one cannot go on
        if n is None and url_goes_on(a, b):
            cost -= 1  # a web address broken at the column's edge goes on here
        elif n is None and ends_note(a) and lower_start(b):
            cost += 1
        if n is not None and goes_on(a):
            cost += 1
        if n is None and a.endswith("-") and lower_start(b):
            cost -= 0.5  # a word hyphenated at the line end goes on here
        if n is None and word.lower() == (a.split()[-1].lower() if a.split() else None) and word.isalpha():
            cost += 1  # "the" + "the": a join that repeats a word is no join
    if column and goes_on(column[-1].text) and not open_end:
        cost += 1
    return cost
