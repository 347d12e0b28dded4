"""A PDF's characters read once into lines with font size, position, weight and raised runs (pure)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pdfminer.layout import LTChar, LTContainer, LTItem, LTTextLine

# A character this much smaller than its line and lifted by this share of the line's size is
# raised: a footnote call ("grondstoffen¹"), an ordinal ("1e"), an exponent.
RAISED_SIZE = 0.85
RAISED_RISE = 0.18
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.I)
_ITALIC_RE = re.compile(r"italic|oblique", re.I)
# Private-use glyphs Word's Symbol and Wingdings fonts print as bullets.
_GLYPHS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf02d": "-", "\uf0fc": "✓", "\u25cf": "•"}


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    size: float
    baseline: float  # from the page top
    bold: bool
    italic: bool


@dataclass(frozen=True)
class Line:
    """One printed line (or one cell of a row): its text, where it stands and how it is set."""

    page: int  # 1-based
    x0: float
    x1: float
    top: float  # from the page top
    bottom: float
    baseline: float
    size: float  # the dominant font size of its characters
    bold: bool  # most of its characters are bold
    italic: bool
    text: str
    raised: tuple[tuple[int, int], ...] = ()  # (start, end) in text of raised character runs

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def raised_text(self) -> list[tuple[int, int, str]]:
        return [(a, b, self.text[a:b]) for a, b in self.raised]


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]  # top to bottom, left to right


@dataclass(frozen=True)
class PdfLayout:
    """Every page's lines, and the body font size (the size most characters are set in)."""

    pages: tuple[Page, ...]
    body_size: float

    @property
    def has_text(self) -> bool:
        return any(page.lines for page in self.pages)


def _chars(line: LTTextLine, height: float) -> list[Char]:
    glyphs = [item for item in line if isinstance(item, LTChar)]
    # pdfminer's own word breaks (LTAnno) follow kerning gaps ("D en Haag"). Where a line prints
    # its spaces, a gap is a space from a quarter of the size on (kerning reaches a sixth); where
    # it prints none (some generators place each word instead), from a sixth.
    printed_spaces = any(g.get_text() == " " for g in glyphs)
    space_gap = 0.25 if printed_spaces else 0.16
    out: list[Char] = []
    for item in glyphs:
        a, b, c, d, _e, f = item.matrix
        if abs(b) > 0.01 or abs(c) > 0.01 or a <= 0 or d <= 0:
            continue  # rotated or mirrored text: margin notes, stamps
        text = _GLYPHS.get(item.get_text(), item.get_text())
        if out and out[-1].text == text and abs(out[-1].x0 - item.x0) < 0.3 and text.strip():
            # fake bold: the same glyph printed twice a hair apart (what unstructured dedups)
            prev = out[-1]
            out[-1] = Char(text, prev.x0, prev.x1, prev.size, prev.baseline, True, prev.italic)
            continue
        size = round(item.size, 2)
        if (
            out
            and out[-1].text != " "
            and text != " "
            and item.x0 - out[-1].x1 > space_gap * min(size, out[-1].size)
        ):
            prev = out[-1]
            out.append(Char(" ", prev.x1, item.x0, prev.size, prev.baseline, prev.bold, prev.italic))
        out.append(
            Char(
                text,
                item.x0,
                item.x1,
                size,
                height - f,
                bool(_BOLD_RE.search(item.fontname)),
                bool(_ITALIC_RE.search(item.fontname)),
            )
        )
    return out


def _text_lines(item: LTItem) -> Iterator[LTTextLine]:
    if isinstance(item, LTTextLine):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _text_lines(child)


def _line(page: int, chars: list[Char]) -> Line | None:
    while chars and not chars[-1].text.strip():
        chars = chars[:-1]
    while chars and not chars[0].text.strip():
        chars = chars[1:]
    if not chars:
        return None
    ink = [c for c in chars if c.text.strip()]
    size = Counter(c.size for c in ink).most_common(1)[0][0]
    base = Counter(round(c.baseline, 1) for c in ink if c.size == size).most_common(1)[0][0]
    text = "".join(c.text for c in chars)
    raised: list[tuple[int, int]] = []
    pos = 0
    for c in chars:
        is_raised = (
            c.size <= size * RAISED_SIZE and base - c.baseline >= size * RAISED_RISE and c.text.strip()
        )
        if is_raised:
            if raised and raised[-1][1] == pos:
                raised[-1] = (raised[-1][0], pos + len(c.text))
            else:
                raised.append((pos, pos + len(c.text)))
        pos += len(c.text)
    return Line(
        page=page,
        x0=chars[0].x0,
        x1=max(c.x1 for c in chars),
        top=min(c.baseline - c.size * 0.8 for c in ink),
        bottom=max(c.baseline + c.size * 0.2 for c in ink),
        baseline=base,
        size=size,
        bold=sum(c.bold for c in ink) * 2 > len(ink),
        italic=sum(c.italic for c in ink) * 2 > len(ink),
        text=text,
        raised=tuple(raised),
    )


def _same_row(a: Line, b: Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= 0.5 * min(a.height, b.height)


def _merge_pieces(pieces: list[tuple[Line, list[Char]]], page: int) -> list[Line]:
    """Pieces of one printed line that pdfminer split (a bullet in a Symbol font, a lone raised
    digit) are joined; pieces further apart than an em stay separate cells of a row."""
    pieces.sort(key=lambda p: (p[0].baseline, p[0].x0))
    rows: list[list[tuple[Line, list[Char]]]] = []
    for piece in pieces:
        row = next((r for r in rows if _same_row(r[0][0], piece[0])), None)
        if row is None:
            rows.append([piece])
        else:
            row.append(piece)
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda p: p[0].x0)
        merged: list[tuple[Line, list[Char]]] = [row[0]]
        for line, chars in row[1:]:
            prev, prev_chars = merged[-1]
            gap = line.x0 - prev.x1
            size = max(prev.size, line.size)
            lone = len(prev.text.strip()) <= 2 and not prev.text.strip().isalnum()  # "•", "-", ""
            alike = abs(line.size - prev.size) < 0.15 * size  # a letterhead column beside the body is not
            if (
                (alike and gap <= 1.0 * size)
                or (lone and gap <= 4 * size)
                or _is_raised_piece(line, prev)
                or _is_raised_piece(prev, line)
            ):
                joiner = (
                    []
                    if gap < 0.15 * size
                    else [Char(" ", prev.x1, line.x0, prev.size, prev.baseline, False, False)]
                )
                chars = prev_chars + joiner + chars
                merged[-1] = (_line(page, chars) or prev, chars)
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
        if gap > 2.0 * size or (resized and not raised and gap > 0.3 * size):
            yield chars[start : a + 1]
            start = b
    yield chars[start:]


def page_lines(page: int, layout: LTContainer, height: float) -> tuple[Line, ...]:
    pieces = []
    for text_line in _text_lines(layout):
        for chars in _split(_chars(text_line, height)):
            line = _line(page, chars)
            if line is not None:
                pieces.append((line, chars))
    lines = _merge_pieces(pieces, page)
    return tuple(sorted(lines, key=lambda ln: (round(ln.baseline), ln.x0)))


def body_size(lines: Iterable[Line]) -> float:
    """The font size most characters are set in: the body text's."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def rows(lines: Iterable[Line]) -> list[list[Line]]:
    """Lines that stand side by side (cells of a row, label and value) grouped, top to bottom."""
    out: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if out and any(_same_row(cell, line) for cell in out[-1]):
            out[-1].append(line)
        else:
            out.append([line])
    for row in out:
        row.sort(key=lambda ln: ln.x0)
    return out


def pitch(lines: Iterable[Line], size: float) -> float:
    """The usual distance between baselines of consecutive lines of this size (line spacing)."""
    gaps: list[float] = []
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        if abs(line.size - size) < 0.3:
            by_page.setdefault(line.page, []).append(line)
    for page_lines_ in by_page.values():
        page_lines_.sort(key=lambda ln: ln.baseline)
        for a, b in zip(page_lines_, page_lines_[1:], strict=False):
            gap = b.baseline - a.baseline
            if 0.9 * size < gap < 2.5 * size:
                gaps.append(round(gap, 1))
    return Counter(gaps).most_common(1)[0][0] if gaps else 1.2 * size
