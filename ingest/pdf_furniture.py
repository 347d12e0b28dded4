"""Running headers and footers of a PDF: page numbers, repeated lines, the Kamerstuk footer (pure)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ingest.pdf_page import Line, Page, PdfLayout

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
    """The letterhead column at the right of the page: set smaller than the body, beside it."""
    return line.x0 >= 0.68 * page.width and line.size < body_size - 0.3


def running_lines(layout: PdfLayout) -> set[Line]:
    """Lines that are not the document's text: page numbers and what every page repeats."""
    pages = layout.pages
    at: dict[str, set[int]] = defaultdict(set)  # shape and position -> pages it stands on
    for page in pages:
        for line in page.lines:
            at[f"{_shape(line.text)}@{round(line.top / 4)}"].add(page.number)
    offsets = Counter()
    for page in pages:
        for line in page.lines:
            m = PAGE_NUMBER_RE.match(line.text.strip())
            if m and _in_margin(line, page):
                offsets[int(m.group(1)) - page.number] += 1
    # printed page numbers may start elsewhere than 1 (a -page1 file, a numbered annex)
    offset = offsets.most_common(1)[0][0] if offsets else 0
    found: set[Line] = set()
    for page in pages:
        for line in page.lines:
            text = line.text.strip()
            m = PAGE_NUMBER_RE.match(text)
            if m and _in_margin(line, page) and int(m.group(1)) - page.number in (0, offset):
                found.add(line)  # a year on its own line ("2009") is not a page number
            elif KAMERSTUK_FOOTER_RE.match(text) and _in_margin(line, page):
                found.add(line)
            elif len(pages) > 1 and (_in_margin(line, page) or side_column(line, page, layout.body_size)):
                key = round(line.top / 4)
                seen = set().union(*(at.get(f"{_shape(text)}@{k}", set()) for k in (key - 1, key, key + 1)))
                if len(seen) >= 2:
                    found.add(line)
    return found
