"""A decision list printed as a grid: a header row of labels ("Nr." | "Zaak" | "Besluit"), items below (pure).

Some committees tabulate their decisions: the labels stand once, bold, in a header row over the
columns, and every row below is an item, its cells under those labels. The grid is known by that
structure: a row of short bold cells (or of label names), one of them a decision (Besluit) or
toezegging label, with the lines below standing in the columns the header cells open. Each grid row
becomes the item's heading (its number, and the title at the top of its first text cell) and one
labelled row per cell; in a decision column each paragraph is a decision of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.model import HEADING, TABLE_ROW, Block
from ingest.pdf_footnotes import join_parts
from ingest.pdf_label_column import HEADER_RE, LETTER_RE, family, label_name
from ingest.pdf_page import Line, rows

NUMBER_HEAD_RE = re.compile(r"^(?:nr|nummer|no|#)\.?$", re.I)
LEAD_NUMBER_RE = re.compile(r"^(\d{1,3})[.)]?(?:\s+|$)")
_DECIDING = ("besluit", "toezegging")


@dataclass(frozen=True)
class Grid:
    labels: tuple[str, ...]  # the header cells' texts, the number column's too
    xs: tuple[float, ...]  # where each column starts
    numbered: bool  # the first column holds the item numbers
    header: Line  # the header row's first cell: the grid starts below it
    lines: frozenset[Line]  # every line of the grid's cells, the header row's included
    repeated: frozenset[Line] = frozenset()  # the header row printed again on later pages


def find_grid(pages: list[list[Line]]) -> Grid | None:
    """The grid of a decision list, or None. Evidence, all required: a row of two or more bold cells,
    each short, a decision or toezegging label among them; lines below it in its columns; the list's
    name, meeting or committee above it; no salutation or closing formula anywhere."""
    everything = [ln for page in pages for ln in page]
    if any(LETTER_RE.match(ln.text.strip()) for ln in everything):
        return None
    for page in pages:
        for row in rows(page):
            names = [c.text.strip().rstrip(":") for c in row]
            # header cells: bold and short; or, set in the body's weight, three or more label names
            # without colon (a label column's row "Besluit:" | "Aangehouden" is two cells, with one)
            bold = all(c.bold and len(n) <= 30 for c, n in zip(row, names, strict=True))
            plain = len(row) >= 3 and all(
                ":" not in c.text and (label_name(n) or NUMBER_HEAD_RE.match(n))
                for c, n in zip(row, names, strict=True)
            )
            if len(row) < 2 or not (bold or plain):
                continue
            if not any(family(label_name(n) or "") in _DECIDING for n in names):
                continue
            above = [ln for ln in everything if (ln.page, ln.top) < (row[0].page, row[0].top)]
            if not HEADER_RE.search(" ".join(ln.text for ln in above)):
                continue
            xs = tuple(c.x0 for c in row)
            body = [ln for ln in everything if (ln.page, ln.top) > (row[0].page, row[0].bottom)]
            # the grid's lines: those starting in its columns and not wider than two of them
            inside = [ln for ln in body if ln.x0 >= xs[0] - 6 and (len(xs) < 3 or ln.x1 <= _end(xs, ln) + 2)]
            # the header row repeated at the top of a later page (a table's <thead>) is no cell text
            repeats = [ln for ln in inside if any(_repeats(ln, c) for c in row)]
            inside = [ln for ln in inside if ln not in set(repeats)]
            if len(inside) < 2:
                continue
            used = frozenset([*row, *inside])
            return Grid(
                tuple(names), xs, NUMBER_HEAD_RE.match(names[0]) is not None, row[0], used, frozenset(repeats)
            )
    return None


def _repeats(line: Line, cell: Line) -> bool:
    return (
        line.page != cell.page
        and line.bold
        and line.text.strip() == cell.text.strip()
        and abs(line.x0 - cell.x0) < 4
    )


def _end(xs: tuple[float, ...], line: Line) -> float:
    """The right edge a line starting in a column may reach: the start of the column after next."""
    k = _column(xs, line.x0)
    return xs[k + 2] if k + 2 < len(xs) else float("inf")


def _column(xs: tuple[float, ...], x: float) -> int:
    return max((k for k, start in enumerate(xs) if x >= start - 4), default=0)


def grid_blocks(grid: Grid, context: str) -> list[Block]:
    """The grid's items: a heading per row, a labelled row per cell (per paragraph in a decision cell)."""
    out: list[Block] = []
    first = 1 if grid.numbered else 0
    cells = [(number, {k: _paragraphs(columns.get(k, [])) for k in range(first, len(grid.xs))})
             for number, columns in _cells(grid)]  # fmt: skip
    # set in the body's weight, the title is known by its place: every first text cell of the grid
    # opens with a paragraph of its own above the rest
    placed = all(len(paras[first]) > 1 for _, paras in cells)
    for number, paras in cells:
        page = min(ln.page for cell in paras.values() for p in cell for ln in p)
        lead = paras[first][0] if paras[first] else []
        if lead and (placed or all(ln.bold for ln in lead)) and len(paras[first]) > 1:
            # the item's title, at the top of its first text cell (in bold, or wherever it stands so)
            title = join_parts([ln.text for ln in lead], context)
            out.append(Block(HEADING, f"{number}. {title}" if number else title, level=2, page=page))
            paras[first] = paras[first][1:]
        for k, cell in paras.items():
            label = grid.labels[k]
            texts = [join_parts([ln.text for ln in p], context) for p in cell]
            if family(label_name(label) or "") not in _DECIDING:
                texts = [join_parts(texts, context)] if texts else []
            out += [Block(TABLE_ROW, f"{label}: {t}", page=page, label=label) for t in texts if t]
    return out


def _cells(grid: Grid) -> list[tuple[str | None, dict[int, list[Line]]]]:
    """The grid's rows, top to bottom over the pages: (the item number, column -> its lines)."""
    lines = sorted((ln for ln in grid.lines if ln.top > grid.header.bottom or ln.page != grid.header.page),
                   key=lambda ln: (ln.page, ln.top))  # fmt: skip
    placed: list[tuple[int, Line]] = []
    for ln in lines:
        k = _column(grid.xs, ln.x0)
        m = LEAD_NUMBER_RE.match(ln.text)
        if grid.numbered and k == 0 and m and ln.x1 > grid.xs[1] and len(grid.xs) > 1:
            # the number and the title's first line read as one line: each to its own column
            number_line = replace(ln, text=m.group(1), x1=grid.xs[1] - 1)
            placed += [(0, number_line), (1, replace(ln, text=ln.text[m.end() :], x0=grid.xs[1]))]
        else:
            placed.append((k, ln))
    out: list[tuple[str | None, dict[int, list[Line]]]] = []
    starts = _row_starts([ln for k, ln in placed if k == 0], grid)
    for k, ln in placed:
        row = max((i for i, s in enumerate(starts) if (s.page, s.top - 3) <= (ln.page, ln.top)), default=0)
        while len(out) <= row:
            out.append((None, {}))
        out[row][1].setdefault(k, []).append(ln)
    for i, (_, columns) in enumerate(out):
        first = columns.get(0, [])
        m = LEAD_NUMBER_RE.match(first[0].text) if grid.numbered and first else None
        out[i] = (m.group(1) if m else None, columns)
    return [r for r in out if any(k > 0 or not grid.numbered for k in r[1])]


def _row_starts(first_column: list[Line], grid: Grid) -> list[Line]:
    """Where each grid row starts: its number, in a numbered grid; else the first column's first line
    after a gap wider than the column's line spacing (the cell padding and ruling)."""
    if grid.numbered:
        return [ln for ln in first_column if LEAD_NUMBER_RE.match(ln.text)] or first_column[:1]
    starts = first_column[:1]
    steps = sorted(
        b.top - a.top for a, b in zip(first_column, first_column[1:], strict=False) if a.page == b.page
    )
    usual = steps[len(steps) // 4] if steps else 0
    for a, b in zip(first_column, first_column[1:], strict=False):
        if b.page != a.page or b.top - a.top > 1.6 * usual:
            starts.append(b)
    return starts


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """A cell's paragraphs: split where a gap is wider than its line spacing or the weight changes."""
    lines = sorted(lines, key=lambda ln: (ln.page, ln.top))
    steps = sorted(b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page)
    usual = steps[0] if steps else 0
    out: list[list[Line]] = []
    for ln in lines:
        prev = out[-1][-1] if out else None
        if prev is None or (
            ln.page == prev.page and (ln.top - prev.top > 1.25 * usual or ln.bold != prev.bold)
        ):
            out.append([ln])
        else:
            out[-1].append(ln)
    return out
