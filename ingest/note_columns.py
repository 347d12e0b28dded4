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

from ingest.line_shapes import ends_note, fits, goes_on, lower_start, url_goes_on

URL_ONLY_RE = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
NARROW = 0.7  # a line of a footnote column: at most this share of the body's width
Line = tuple[str, int | None]  # a block line and the footnote number it starts (None: it continues one)


def read_block(lines: list[Line], width: int) -> tuple[list[tuple[int, list[str]]], bool]:
    """The footnotes of one block, by number, each with its lines; and whether it was set in two columns.

    width: the body's width in characters (ingest/line_shapes.py: body_width)."""
    numbers = [n for _, n in lines if n is not None]
    if len(lines) < 3 or len(numbers) < 2:
        return _one_column(lines), False
    if numbers != sorted(numbers):
        # the first number that a lower one follows opens the right column
        split = next(n for i, n in enumerate(numbers) if any(m < n for m in numbers[i + 1 :]))
    elif all(len(text) <= NARROW * width for text, _ in lines) and lines[1][1] is not None:
        # every line short: perhaps a narrow column, whose right half starts on the block's second line
        # (the first printed row's right half); taken only where it joins better than one column
        split = lines[1][1]
    else:
        return _one_column(lines), False
    one = _cost(lines) if numbers == sorted(numbers) else float("inf")
    best: tuple[float, int, list[int]] | None = None
    for rows in range(1, len(lines) // 2 + 1):
        for longer in (0, 1):
            sides = [(i % 2 if i < 2 * rows else longer) for i in range(len(lines))]
            if any(n is not None and sides[i] != (n >= split) for i, (_, n) in enumerate(lines)):
                continue
            cost = _cost([lines[i] for i in range(len(lines)) if sides[i] == 0]) + _cost(
                [lines[i] for i in range(len(lines)) if sides[i] == 1], right=True
            )
            # equal cost: the reading with the columns most alike in height (columns are balanced)
            key = (cost, -rows, sides)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is None or best[0] >= one:
        return _one_column(lines), False
    sides = best[2]
    left = [lines[i] for i in range(len(lines)) if sides[i] == 0]
    right = [lines[i] for i in range(len(lines)) if sides[i] == 1]
    # a right column that starts without a number goes on with the left column's last footnote
    notes = _one_column(left + right)
    return sorted(notes, key=lambda x: x[0]), True


def _one_column(lines: list[Line]) -> list[tuple[int, list[str]]]:
    notes: list[tuple[int, list[str]]] = []
    for text, n in lines:
        if n is not None:
            notes.append((n, [text]))
        elif notes:
            notes[-1][1].append(text)
    return notes


def _cost(column: list[Line], right: bool = False) -> float:
    """How badly a column's lines join: 1 for each line that goes on although the next word would have
    fitted on the line above, each finished line followed by a lower-case continuation, each unfinished
    footnote followed by the next one, and an unfinished last line."""
    cost = 0.0
    width = max((len(text) for text, _ in column), default=0)
    for (a, _), (b, n) in zip(column, column[1:], strict=False):
        if n is None and URL_ONLY_RE.match(b):
            continue  # a web address on its own line fits after any footnote line
        if n is None and fits(a, b, width, full=1.0):
            cost += 1  # a line broken before the column's edge ends its footnote: this one cannot go on
        if n is None and url_goes_on(a, b):
            cost -= 1  # a web address broken at the column's edge goes on here
        elif n is None and ends_note(a) and lower_start(b):
            cost += 1
        if n is not None and goes_on(a):
            cost += 1
        if n is None and a.endswith("-") and lower_start(b):
            cost -= 0.5  # a word hyphenated at the line end goes on here
    if column and goes_on(column[-1][0]):
        cost += 1
    if right and column and column[0][1] is None:
        cost += 0.5  # a footnote broken from the left column's foot to the right column's head: rarer
    return cost
