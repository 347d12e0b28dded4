"""pdfminer's text lines assembled into printed lines: pieces split and joined, raised digits placed (pure).

pdfminer cuts a page into text lines by the order glyphs are drawn and their distance; a printed line
may come back in pieces (a bullet in a Symbol font, a raised call drawn after its line, a justified
line's wide spaces) and two things side by side in one piece (the body and the letterhead column,
two columns close together). This module cuts and joins them again by position and size.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pdfminer.layout import LTContainer

from ingest.pdf_page import RAISED_RISE, RAISED_SIZE, Char, Line, line_chars, make_line, same_row, text_lines

_DIGITS_RE = re.compile(r"[\d,\s]{1,9}")


def _host(piece: Line, others: list[tuple[Line, list[Char]]]) -> int | None:
    """The line a small digit run printed apart belongs to: raised above its baseline (a call, a
    footnote's label) or small on it just before its start (a label), horizontally inside the line
    or within an em of it. The nearest such line; in two columns the digit's row may also hold the
    other column's line, which only its position tells apart."""
    best: tuple[float, float, int] | None = None
    for i, (line, _) in enumerate(others):
        if line is piece or not piece.size <= line.size * RAISED_SIZE:
            continue
        rise = line.baseline - piece.baseline
        dx = max(piece.x0 - line.x1, line.x0 - piece.x1, 0.0)
        raised = line.size * RAISED_RISE <= rise <= line.size * 0.8 and dx < line.size
        label = (
            -0.1 * line.size <= rise <= line.size * 0.8 and piece.x1 <= line.x0 + 0.5 and dx < 1.5 * line.size
        )
        if raised or label:
            key = (dx, abs(rise - 0.35 * line.size), i)
            best = key if best is None or key < best else best
    return best[2] if best else None


def _insert(host: list[Char], digits: list[Char]) -> list[Char]:
    """digits put into host's characters where they stand: before the first character right of them,
    or before the space whose gap they stand in ("gestart.⁷ Het")."""
    ink = [c for c in digits if c.text.strip()]
    x0, x1 = ink[0].x0, ink[-1].x1
    at = next(
        (i for i, c in enumerate(host) if c.x0 >= x0 - 0.1 or (not c.text.strip() and c.x1 > x1 - 0.1)),
        len(host),
    )
    before, after = host[:at], host[at:]
    out = list(before)
    if before and before[-1].text.strip() and x0 - before[-1].x1 > 0.25 * ink[0].size:
        out.append(Char(" ", before[-1].x1, x0, ink[0].size, ink[0].baseline, False, False))
    out += ink
    if after and after[0].text.strip() and after[0].x0 - x1 > 0.25 * after[0].size:
        out.append(Char(" ", x1, after[0].x0, after[0].size, after[0].baseline, False, False))
    return out + after


def _attach_digits(pieces: list[tuple[Line, list[Char]]], page: int) -> list[tuple[Line, list[Char]]]:
    """Raised calls and labels that pdfminer read as lines of their own (a generator draws them after
    the line, or they overlap the other column's row) joined to the line they belong to."""
    loose = [p for p in pieces if _DIGITS_RE.fullmatch(p[0].text) and any(ch.isdigit() for ch in p[0].text)]
    if not loose:
        return pieces
    out = [p for p in pieces if not any(p is q for q in loose)]
    for piece in loose:
        k = _host(piece[0], out)
        if k is None:
            out.append(piece)
            continue
        chars = _insert(out[k][1], piece[1])
        out[k] = (make_line(page, chars) or out[k][0], chars)
    return out


MIN_COLUMN_ROWS = 5
_LABEL_RE = re.compile(r"\d{1,3}[.)]?")  # a footnote's or a list's number before its text


def _piece_rows(pieces: list[tuple[Line, list[Char]]]) -> list[list[tuple[Line, list[Char]]]]:
    rows: list[list[tuple[Line, list[Char]]]] = []
    for piece in sorted(pieces, key=lambda p: (p[0].baseline, p[0].x0)):
        row = next((r for r in rows if same_row(r[0][0], piece[0])), None)
        if row is None:
            rows.append([piece])
        else:
            row.append(piece)
    return rows


def column_starts(pieces: list[tuple[Line, list[Char]]]) -> set[int]:
    """The x (in 2 pt steps) where text starts right of other text on its row, on five rows or more:
    the right column of a two-column page, a table's or a label list's value column. Nothing is
    joined across it: a justified line's stretched spaces can be as wide as a narrow gutter."""
    count: Counter[int] = Counter()
    for row in _piece_rows(pieces):
        for line, _ in row:
            if any(other.x1 < line.x0 for other, _ in row):
                count[round(line.x0 / 2)] += 1
    return {x for x, n in count.items() if n >= MIN_COLUMN_ROWS}


def _at_start(x: float, starts: set[int]) -> bool:
    return any(abs(round(x / 2) - s) <= 1 for s in starts)


def _cut_at_columns(chars: list[Char], starts: set[int]) -> list[list[Char]]:
    """A piece that runs over a column start through a wide space (pdfminer joined a left column's line
    with the right column's across a narrow gutter) cut there."""
    out: list[list[Char]] = []
    start = 0
    for i in range(1, len(chars) - 1):
        left, space, right = chars[i - 1], chars[i], chars[i + 1]
        if (
            not space.text.strip()
            and left.text.strip()
            and right.text.strip()
            and right.x0 - left.x1 >= 0.5 * right.size
            and _at_start(right.x0, starts)
        ):
            out.append(chars[start:i])
            start = i + 1
    return [*out, chars[start:]]


def _merge_pieces(pieces: list[tuple[Line, list[Char]]], page: int) -> list[Line]:
    """Pieces of one printed line that pdfminer split (a bullet in a Symbol font, a lone raised
    digit) are joined; pieces further apart than an em stay separate cells of a row."""
    pieces = _attach_digits(pieces, page)
    starts = column_starts(pieces)
    if starts:
        cut = [c for _, chars in pieces for c in _cut_at_columns(chars, starts)]
        pieces = [(ln, c) for c in cut if (ln := make_line(page, c)) is not None]
    rows = _piece_rows(pieces)
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda p: p[0].x0)
        merged: list[tuple[Line, list[Char]]] = [row[0]]
        for line, chars in row[1:]:
            prev, prev_chars = merged[-1]
            gap = line.x0 - prev.x1
            size = max(prev.size, line.size)
            lone = len(prev.text.strip()) <= 2 and not prev.text.strip().isalnum()  # "•", "-", ""
            label = bool(_LABEL_RE.fullmatch(prev.text.strip())) and gap <= 1.5 * size
            alike = abs(line.size - prev.size) < 0.15 * size  # a letterhead column beside the body is not
            apart = _at_start(line.x0, starts) and gap >= 0.3 * size  # the next column
            if (
                (alike and gap <= 0.6 * size and not apart)
                or (alike and not apart and _stretched(gap, size, _word_gaps(prev_chars) + _word_gaps(chars)))
                or (lone and gap <= 4 * size)
                or (label and prev.size <= line.size + 0.1)
                or _is_raised_piece(line, prev)
                or _is_raised_piece(prev, line)
            ):
                joiner = (
                    []
                    if gap < 0.15 * size
                    else [Char(" ", prev.x1, line.x0, prev.size, prev.baseline, False, False)]
                )
                chars = prev_chars + joiner + chars
                merged[-1] = (make_line(page, chars) or prev, chars)
            else:
                merged.append((line, chars))
        out.extend(line for line, _ in merged)
    return out


def _is_raised_piece(piece: Line, before: Line) -> bool:
    return (
        piece.size <= before.size * RAISED_SIZE
        and before.baseline - piece.baseline >= before.size * RAISED_RISE
        and max(piece.x0 - before.x1, before.x0 - piece.x1) < before.size
        and bool(re.fullmatch(r"[\d,\s]+", piece.text))
    )


def _word_gaps(chars: list[Char]) -> list[float]:
    """The widths of the word spaces of a run of characters (ink to ink across a space)."""
    gaps = []
    for i in range(1, len(chars) - 1):
        if not chars[i].text.strip() and chars[i - 1].text.strip() and chars[i + 1].text.strip():
            gaps.append(chars[i + 1].x0 - chars[i - 1].x1)
    return gaps


def _stretched(gap: float, size: float, word_gaps: list[float]) -> bool:
    """A wide gap that is a word space of a justified line: the line's other word spaces are stretched
    about as wide (a table's cell gap stands out against normal spaces; a justified line spreads every
    space alike). Evidence: the two-column variants set justified (tests/pdf_columns.py)."""
    if not word_gaps or gap > 2.5 * size:
        return False
    widest = max(word_gaps)
    return widest >= 0.45 * size and gap <= 1.3 * widest


def _split(chars: list[Char]) -> Iterator[list[Char]]:
    """pdfminer's line cut where two things stand side by side: a wide gap, or a gap with a change
    of size that is not a raised call (the body line and the letterhead column beside it)."""
    start = 0
    ink = [i for i, c in enumerate(chars) if c.text.strip()]
    for a, b in zip(ink, ink[1:], strict=False):
        left, right = chars[a], chars[b]
        gap = right.x0 - left.x1
        size = max(left.size, right.size)
        resized = abs(left.size - right.size) >= 0.15 * size
        small, big = (right, left) if right.size < left.size else (left, right)
        raised = big.baseline - small.baseline >= big.size * RAISED_RISE  # a call, or a footnote's label
        wide = gap > 2.0 * size and not (not resized and _stretched(gap, size, _word_gaps(chars)))
        if wide or (resized and not raised and gap > 0.3 * size):
            yield chars[start : a + 1]
            start = b
    yield chars[start:]


def page_lines(page: int, layout: LTContainer, height: float) -> tuple[Line, ...]:
    pieces = []
    for text_line in text_lines(layout):
        for chars in _split(line_chars(text_line, height)):
            line = make_line(page, chars)
            if line is not None:
                pieces.append((line, chars))
    lines = _merge_pieces(pieces, page)
    return tuple(sorted(lines, key=lambda ln: (round(ln.baseline), ln.x0)))
