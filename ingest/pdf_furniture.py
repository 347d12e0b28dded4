"""Running headers and footers of a PDF: page numbers, repeated lines, the Kamerstuk footer (pure)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from ingest.pdf_page import Line, Page, PdfLayout, rows

TOP_ZONE = 0.12  # share of the page height where running headers stand
BOTTOM_ZONE = 0.10
PAGE_NUMBER_RE = re.compile(
    r"^(?:pagina\s+|page\s+|blz\.?\s+)?[-–]?\s*(\d{1,4})\s*[-–]?(?:\s*(?:/|van|of)\s*\d{1,4})?$", re.I
)
# The footer of a printed Kamerstuk: "kst-21501-02-3121", "ISSN 0921 - 7371", "'s-Gravenhage 2025",
# "Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121".
KAMERSTUK_FOOTER_RE = re.compile(
    r"^(?:kst-\d[\w-]*|ISSN\s+\d{4}\s*-?\s*\d{3}[\dX]|[’'‘]s-Gravenhage\s+\d{4}"
    r"|(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, .*)$"
)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _in_margin(line: Line, page: Page) -> bool:
    return line.top < TOP_ZONE * page.height or line.bottom > (1 - BOTTOM_ZONE) * page.height


def side_column(line: Line, page: Page, body_size: float) -> bool:
    """The letterhead column at the right of the page: set smaller than the body, beside it (right
    of where the body's lines end: a figure's labels inside a two-column paper's right column are
    small and far right too, but stand within that column)."""
    return (
        line.x0 >= 0.68 * page.width
        and line.size < body_size - 0.3
        and line.x0 >= _body_right(page, body_size) - 2
    )


_RIGHT: dict[tuple[int, float], tuple[Page, float]] = {}  # by page identity: hashing a Page hashes its lines


def _body_right(page: Page, body_size: float) -> float:
    """Where the page's body-size lines of running text end on the right (all but the longest)."""
    hit = _RIGHT.get((id(page), body_size))
    if hit is not None and hit[0] is page:
        return hit[1]
    ends = sorted(ln.x1 for ln in page.lines if abs(ln.size - body_size) < 0.3 and len(ln.text.split()) >= 3)
    right = ends[int(0.9 * (len(ends) - 1))] if ends else 0.0
    if len(_RIGHT) > 1024:
        _RIGHT.clear()
    _RIGHT[(id(page), body_size)] = (page, right)  # the page is held, so its id is not reused meanwhile
    return right


def running_lines(layout: PdfLayout) -> set[Line]:
    """Lines that are not the document's text: page numbers and what every page repeats.

    A repeated row counts only at the page's edge (nothing but furniture between it and the top or
    the bottom): a decision list's "Zaak:" label at the same height on two pages is body text.
    The letterhead column beside the body repeats line by line on every page after the first."""
    pages = layout.pages
    at: dict[str, set[int]] = defaultdict(set)  # shape and position -> pages it stands on
    page_rows = {p.number: rows(p.lines) for p in pages}
    for page in pages:
        for row in page_rows[page.number]:
            at[_key(row)].add(page.number)
            for line in row:
                if side_column(line, page, layout.body_size):
                    at[_key([line])].add(page.number)
    offsets: Counter[int] = Counter()
    for page in pages:
        for line in page.lines:
            m = PAGE_NUMBER_RE.match(line.text.strip())
            if m and _in_margin(line, page):
                offsets[int(m.group(1)) - page.number] += 1
    # printed page numbers may start elsewhere than 1 (a -page1 file, a numbered annex)
    offset = offsets.most_common(1)[0][0] if offsets else 0

    # on most pages after the first (which has its own letterhead), and on two at least
    least = max(2, math.ceil((len(pages) - 1) / 2))

    def repeated(cells: list[Line]) -> bool:
        return len(pages) > 1 and len(_seen(at, cells)) >= least

    found: set[Line] = set()
    for page in pages:
        for line in page.lines:
            text = line.text.strip()
            m = PAGE_NUMBER_RE.match(text)
            if m and _in_margin(line, page) and int(m.group(1)) - page.number in (0, offset):
                found.add(line)  # a year on its own line ("2009") is not a page number
            elif KAMERSTUK_FOOTER_RE.match(text) and _in_margin(line, page):
                found.add(line)
            elif side_column(line, page, layout.body_size) and repeated([line]):
                found.add(line)
        ordered = page_rows[page.number]
        for sequence in (ordered, ordered[::-1]):
            for row in sequence:
                if all(c in found for c in row):
                    continue
                if not (all(_in_margin(c, page) for c in row) and repeated(row)):
                    break
                found.update(row)
    return found


def _key(cells: list[Line], shift: int = 0) -> str:
    return f"{_shape('  '.join(c.text for c in cells))}@{round(cells[0].top / 4) + shift}"


def _seen(at: dict[str, set[int]], cells: list[Line]) -> set[int]:
    return set().union(*(at.get(_key(cells, k), set()) for k in (-1, 0, 1)))
