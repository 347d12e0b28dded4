"""A page's columns from its whitespace: the gutters between them, and its rows in reading order (pure).

A gutter is a vertical strip of whitespace that (almost) no line crosses, with a column of running
text beside it: lines that share a left edge and reach a common right edge. A narrow margin column
of pull-quotes or labels beside the body counts too when it stands on baselines of its own. A
decision list's label column is neither: its labels are short and stand on their values' baselines,
so a label/value page keeps its rows.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from ingest.pdf_page import Line, rows

CROSSING = 0.08  # a gutter may be crossed by this share of the page's lines (full-width headings)
MIN_FILLED = 5  # lines of running text a column needs
MIN_STRIP = 4.0  # points of whitespace at the gutter's narrowest crossing count
TABLE_RUN = 3  # rows of short cells at repeating x positions that make a table across the columns


def gutters(lines: list[Line], width: float) -> list[float]:
    """The x of each gutter between columns, left to right ([] for a single column)."""
    if len(lines) < 12:
        return []
    xs = _candidates(lines, width)
    changed = True
    while changed and xs:  # a refused candidate widens its neighbours' columns: test them again
        changed = False
        for i in range(len(xs)):
            lo = xs[i - 1] if i else 0.0
            hi = xs[i + 1] if i + 1 < len(xs) else width
            if not _separates(lines, lo, xs[i], hi):
                del xs[i]
                changed = True
                break
    return xs


def _candidates(lines: list[Line], width: float) -> list[float]:
    """The middle of the least-crossed stretch of each strip few lines cross, inside the text."""
    n = int(width) + 2
    cover = [0] * n
    for ln in lines:
        for x in range(max(0, math.ceil(ln.x0)), min(n, math.floor(ln.x1) + 1)):
            cover[x] += 1
    allowed = max(1, int(CROSSING * len(lines)))
    lo = math.ceil(min(ln.x0 for ln in lines)) + 1
    hi = min(math.floor(max(ln.x1 for ln in lines)) - 1, n - 1)  # text may run past the page edge
    out: list[float] = []
    x = lo
    while x < hi:
        if cover[x] > allowed:
            x += 1
            continue
        start = x
        while x < hi and cover[x] <= allowed:
            x += 1
        least = min(cover[start:x])
        best = (0, start)  # (length, start) of the longest stretch at the least cover
        run = 0
        for i in range(start, x):
            run = run + 1 if cover[i] == least else 0
            if run > best[0]:
                best = (run, i - run + 1)
        if best[0] >= MIN_STRIP:
            out.append(best[1] + best[0] / 2)
    return out


def _separates(lines: list[Line], lo: float, x: float, hi: float) -> bool:
    left = [ln for ln in lines if ln.x0 >= lo - 1 and ln.x1 <= x]
    right = [ln for ln in lines if ln.x0 >= x and ln.x1 <= hi + 1]
    if not left or not right:
        return False
    text_left, text_right = _running_text(left), _running_text(right)
    if text_left and text_right:
        return True
    if text_left:
        return _set_apart(right, left)
    if text_right:
        return _set_apart(left, right)
    return False


def _running_text(side: list[Line]) -> bool:
    """Lines of running text: MIN_FILLED lines of three words or more that start at the side's common
    left edge and reach its right edge (the longest lines but a few)."""
    starts = Counter(round(ln.x0) for ln in side)
    left = starts.most_common(1)[0][0]
    ends = sorted(ln.x1 for ln in side)
    edge = ends[int(0.9 * (len(ends) - 1))]
    reach = 0.15 * max(edge - left, 1.0)
    filled = [
        ln for ln in side if abs(ln.x0 - left) <= 2 and ln.x1 >= edge - reach and len(ln.text.split()) >= 3
    ]
    return len(filled) >= MIN_FILLED


def _set_apart(margin: list[Line], body: list[Line]) -> bool:
    """A margin column beside the body stands on baselines of its own (a decision list's labels, in
    whatever size, stand on their values' baselines: that page keeps its label/value rows)."""
    baselines = [ln.baseline for ln in body]
    shared = sum(1 for ln in margin if any(abs(ln.baseline - b) <= 1.0 for b in baselines))
    return len(margin) >= 3 and shared * 2 < len(margin)


def column_of(line: Line, xs: list[float]) -> int:
    """The column a line stands in (0 is the leftmost), -1 for a line across a gutter."""
    if any(line.x0 < x - 1 < x + 1 < line.x1 for x in xs):
        return -1
    return sum(1 for x in xs if line.x0 >= x - 1)


def reading_order(lines: list[Line], width: float) -> list[list[Line]]:
    """The page's rows in reading order: column by column, left first, band by band between rows
    that cross a gutter (full-width headings and figures, a table across the columns)."""
    xs = gutters(lines, width)
    page_rows = rows(lines)
    if not xs:
        return page_rows
    tables = _table_rows(page_rows, xs, width)
    out: list[list[Line]] = []
    band: list[Line] = []

    def flush() -> None:
        for k in range(len(xs) + 1):
            out.extend(_justified(rows([ln for ln in band if column_of(ln, xs) == k])))
        band.clear()

    for i, row in enumerate(page_rows):
        if i in tables or any(column_of(ln, xs) < 0 for ln in row):
            flush()
            out.append(row)
        else:
            band.extend(row)
    flush()
    return out


def _justified(column_rows: list[list[Line]]) -> list[list[Line]]:
    """A justified column's line whose word spaces were stretched so wide that it came in pieces
    ("wetenschappelijke    inzichten,    samen    met") made one line again: its pieces run from
    the column's left edge to its right edge, where most of the column's lines end, set alike, and
    the rows above and below have no piece where they stand (a table's columns repeat)."""
    lines = [ln for row in column_rows for ln in row]
    if len(lines) < 2 * MIN_FILLED:
        return column_rows
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    edge, count = Counter(round(ln.x1) for ln in lines).most_common(1)[0]
    if count * 2 < len(column_rows):
        return column_rows  # ragged: nothing is stretched
    out = []
    for i, row in enumerate(column_rows):
        near = [  # where the neighbouring rows set alike have pieces: a table's columns
            ln.x0
            for r in column_rows[max(0, i - 1) : i + 2]
            if r is not row
            for ln in r[1:]
            if ln.size == row[0].size
        ]
        if (
            len(row) > 1
            and abs(row[0].x0 - left) <= 1.5
            and abs(row[-1].x1 - edge) <= 1.5
            and all(
                (a.size, a.bold, a.italic) == (b.size, b.bold, b.italic) and 0 < b.x0 - a.x1 < 6 * a.size
                for a, b in zip(row, row[1:], strict=False)
            )
            and not any(abs(ln.x0 - x) <= 2 for ln in row[1:] for x in near)
        ):
            row = [_joined(row)]
        out.append(row)
    return out


def _joined(pieces: list[Line]) -> Line:
    text, raised = "", []
    for piece in pieces:
        if text:
            text += " "
        raised += [(a + len(text), b + len(text)) for a, b in piece.raised]
        text += piece.text
    first = pieces[0]
    return replace(
        first,
        x1=pieces[-1].x1,
        top=min(p.top for p in pieces),
        bottom=max(p.bottom for p in pieces),
        text=text,
        raised=tuple(raised),
    )


def _table_rows(page_rows: list[list[Line]], xs: list[float], width: float) -> set[int]:
    """Rows of a table that runs across the columns: short cells in more than one column, each standing
    where a cell of the next row stands (same left or right edge: numbers are set flush right), over
    TABLE_RUN rows or more. A two-column body's rows hold long lines; two figures side by side place
    their labels where their bars end, which no row repeats."""
    bounds = [0.0, *xs, width]

    def cells(row: list[Line]) -> tuple[tuple[float, float], ...] | None:
        cols = [column_of(ln, xs) for ln in row]
        if len(row) < 2 or len(set(cols)) < 2 or min(cols) < 0:
            return None
        if any(ln.x1 - ln.x0 > 0.5 * (bounds[k + 1] - bounds[k]) for ln, k in zip(row, cols, strict=True)):
            return None
        return tuple((ln.x0, ln.x1) for ln in row)

    keys = [cells(row) for row in page_rows]
    found: set[int] = set()
    run: list[int] = []
    for i, key in enumerate([*keys, None]):
        prev = keys[run[-1]] if run else None
        if key is not None and prev is not None and _aligned(prev, key):
            run.append(i)
            continue
        if len(run) >= TABLE_RUN:
            found.update(run)
        run = [i] if key is not None else []
    return found


def _aligned(a: tuple[tuple[float, float], ...], b: tuple[tuple[float, float], ...]) -> bool:
    return len(a) == len(b) and all(
        any(abs(x0 - y0) <= 3 or abs(x1 - y1) <= 3 for y0, y1 in a) for x0, x1 in b
    )
