"""A PDF's body lines to Blocks: reading order (columns), paragraphs, headings by size and weight, tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block
from ingest.pdf_columns import column_of, gutters
from ingest.pdf_footnotes import join_parts, with_calls
from ingest.pdf_page import Line

BULLET_RE = re.compile(r"^([•▪➢✓●◦·*]|[-–](?=\s)|o(?=\s{1,3}[A-Z]))\s*")
ENUM_RE = re.compile(r"^(\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)]|\(\w{1,3}\))\s+(?=\S)")
NUMBERED_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
TERMINAL = (".", "!", "?", ":", ";", ".”", "?”", ".’", '."')
CELL_GAP = 2.0  # a gap this many times the font size separates two cells of a row


@dataclass
class Para:
    """A paragraph being built: its lines (first line's position and style decide its kind)."""

    lines: list[Line]
    texts: list[str]
    kind: str = PARAGRAPH
    label: str | None = None
    level: int = 0
    cells: list[list[str]] = field(default_factory=list)  # a table row's cells

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def page(self) -> int:
        return self.first.page


def column_edge(lines: list[Line], width: float) -> Callable[[Line], float]:
    """Where a line's column ends on the right (most lines reach it): the test for a short line."""
    xs = gutters(lines, width)
    by_column: dict[int, list[float]] = {}
    for ln in lines:
        by_column.setdefault(column_of(ln, xs), []).append(ln.x1)

    def edge_of(ends: list[float]) -> float:
        ends = sorted(ends)
        return ends[int(0.9 * (len(ends) - 1))] if ends else width

    edges = {k: edge_of(ends) for k, ends in by_column.items()}
    return lambda line: edges.get(column_of(line, xs), width)


def _starts_item(text: str) -> bool:
    return bool(BULLET_RE.match(text) or ENUM_RE.match(text))


def build_paras(
    page_rows: list[list[list[Line]]], pitch: float, edge: Callable[[Line], float], body: float = 0.0
) -> list[Para]:
    """Rows of every page (in reading order) to paragraphs, list items and table rows. Rows set
    smaller than the body (body: its font size) that come in the middle of a body sentence (a figure's
    labels and caption, a margin column's quote) are read apart and the sentence goes on after them."""
    paras: list[Para] = []
    cur: Para | None = None
    prev: Line | None = None
    held: tuple[Para, Line] | None = None  # the body paragraph such rows interrupted, and its last line
    for page in page_rows:
        for row in page:
            aside = body > 0 and all(ln.size < 0.9 * body for ln in row)
            if aside and held is None and cur is not None and prev is not None:
                held = (cur, prev) if _unfinished(cur, prev, body) else None
            elif not aside and held is not None:
                para, last = held
                held = None
                text = with_calls(row[0])
                if len(row) == 1 and _goes_on(last, row[0], text):
                    para.lines.append(row[0])
                    para.texts.append(text)
                    cur, prev = para, row[0]
                    continue
            if len(row) > 1:
                cur = None
                texts = [with_calls(cell) for cell in row]
                if paras and paras[-1].kind == TABLE_ROW and _continues_cells(paras[-1], row):
                    _extend_cells(paras[-1], row, texts)
                else:
                    paras.append(Para(list(row), [" ".join(texts)], TABLE_ROW, cells=[[t] for t in texts]))
                prev = row[-1]
                continue
            line = row[0]
            text = with_calls(line)
            if cur is not None and prev is not None and not _breaks(cur, prev, line, text, pitch, edge(prev)):
                cur.lines.append(line)
                cur.texts.append(text)
            else:
                cur = Para([line], [text])
                paras.append(cur)
            prev = line
    return paras


def _unfinished(cur: Para, prev: Line, body: float) -> bool:
    """A body paragraph whose last line stops in the middle of a sentence."""
    return cur.kind == PARAGRAPH and prev.size >= 0.9 * body and not prev.text.rstrip().endswith(TERMINAL)


def _goes_on(last: Line, line: Line, text: str) -> bool:
    """The line after a figure or a margin quote continues the interrupted sentence: set as its lines
    were, and no new list item."""
    same_style = last.bold == line.bold and last.italic == line.italic and abs(last.size - line.size) < 0.5
    return same_style and not _starts_item(text)


def _continues_cells(table: Para, row: list[Line]) -> bool:
    """A row that only continues cells of the row above (a wrapped cell: no first-column text)."""
    columns = [ln.x0 for ln in table.lines[: len(table.cells)]]
    return (
        bool(columns)
        and all(any(abs(c.x0 - x) < 4 for x in columns[1:]) for c in row)
        and row[0].top - table.lines[-1].bottom < row[0].height
    )


def _extend_cells(table: Para, row: list[Line], texts: list[str]) -> None:
    columns = [ln.x0 for ln in table.lines[: len(table.cells)]]
    for cell, text in zip(row, texts, strict=True):
        k = min(range(len(columns)), key=lambda i: abs(columns[i] - cell.x0))
        table.cells[k].append(text)
    table.lines.extend(row)


def _breaks(cur: Para, prev: Line, line: Line, text: str, pitch: float, right_edge: float) -> bool:
    if cur.kind == TABLE_ROW:
        return True
    same_style = prev.bold == line.bold and prev.italic == line.italic and abs(prev.size - line.size) < 0.5
    if not same_style or _starts_item(text):
        return True
    if line.page != prev.page and not prev.text.rstrip().endswith(TERMINAL):
        return False  # a sentence the page broke off goes on at the next page's first column
    if line.page == prev.page:
        if line.baseline - prev.baseline > 1.45 * max(pitch, line.size):
            return True
        if line.baseline <= prev.baseline:  # a new column
            return _ends_short(prev, right_edge)
    first_x = cur.first.x0
    hanging = _starts_item(cur.texts[0])
    # where its lines after the first start: those of its last line, which may stand in the next column
    body_x = cur.lines[-1].x0 if len(cur.lines) > 1 else (None if hanging else first_x)
    if body_x is not None and abs(line.x0 - body_x) > 4 and not (hanging and line.x0 > first_x):
        return True
    if body_x is None and line.x0 < first_x - 4:
        return True
    return _ends_short(prev, right_edge) and not text[:1].islower()


def _ends_short(prev: Line, right_edge: float) -> bool:
    """A line that ends a paragraph: it stops well before the column's edge after a sentence."""
    width = right_edge - prev.x0
    return prev.text.rstrip().endswith(TERMINAL) and prev.x1 < right_edge - 0.15 * max(width, 1)


def classify(paras: list[Para], body_size: float) -> None:
    """Kinds and heading levels from size and weight; numbering refines a level where all headings
    share one style (the Word letter: bold body-size headings)."""
    for i, p in enumerate(paras):
        if p.kind == TABLE_ROW:
            continue
        text = " ".join(p.texts)
        bullet = BULLET_RE.match(text)
        enum = ENUM_RE.match(text)
        styled = all(ln.bold for ln in p.lines) or p.first.size >= body_size + 0.8
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        italic_head = (
            all(ln.italic for ln in p.lines)
            and len(text.split()) <= (30 if enum else 12)  # "c) Voorgestelde implementatietermijn (...)"
            and len(p.lines) <= 3
            and not text.rstrip().endswith((".", ",", ";", ":"))
            and nxt is not None
            and not all(ln.italic for ln in nxt.lines)
        )
        if bullet:
            p.kind = LIST_ITEM
        elif (styled or italic_head) and len(text) <= 250 and len(p.lines) <= 3:
            p.kind = HEADING
        elif enum:
            p.kind, p.label = LIST_ITEM, enum.group(1)
    heads = [p for p in paras if p.kind == HEADING]
    styles = sorted({_style(p) for p in heads}, key=lambda s: (-s[0], not s[1], s[2]))
    for p in heads:
        numbered = NUMBERED_RE.match(" ".join(p.texts))
        if len(styles) == 1:
            p.level = numbered.group(1).count(".") + 1 if numbered else 1
        else:
            p.level = styles.index(_style(p)) + 1


def _style(p: Para) -> tuple[float, bool, bool]:
    return (round(p.first.size * 2) / 2, p.first.bold, p.first.italic)


def to_blocks(paras: list[Para], context: str) -> list[Block]:
    out: list[Block] = []
    for p in paras:
        if p.kind == TABLE_ROW:
            cells = [join_parts(c, context) for c in p.cells]
            out.append(
                Block(TABLE_ROW, " | ".join(c for c in cells if c), page=p.page, label=cells[0] or None)
            )
            continue
        text = join_parts(p.texts, context)
        if p.kind == LIST_ITEM and (m := BULLET_RE.match(text)):
            text = "• " + text[m.end() :]
        out.append(Block(p.kind, text, level=p.level, page=p.page, label=p.label))
    return out
