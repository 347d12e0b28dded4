"""Pages of extracted text: where each page starts, from form feeds, page labels or pdftotext's gaps."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.letterhead import squeeze

PAGE_NUMBER = re.compile(r"^\s*(?:pagina\s+)?\d{1,3}(?:\s*(?:/|van)\s*\d{1,3})?\s*$", re.I)


@dataclass(frozen=True)
class RawLine:
    text: str
    starts_page: bool
    debris: bool = False  # a page label ("Pagina 2 van 7"): dropped
    page: int | None = None  # the page number its label gives, where labels give one


def split_pages(text: str) -> tuple[list[RawLine], bool, list[str]]:
    """Lines with a flag 'starts a page'.

    Evidence, strongest first: form feeds (exact); page labels in sequence ("Pagina 2 van 7", or a bare
    page number alone on its line, 1, 2, 3 ...), which the other extraction tool prints at each page
    end; else the artefacts pdftotext leaves between pages (heuristic)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        out: list[RawLine] = []
        pages = _strip_running_lines([p.split("\n") for p in text.split("\f")])
        for page in pages:
            for i, line in enumerate(page):
                # "Pagina 2 van 5" is a page's label wherever on its page the tool wrote it; a bare
                # number only at the page's edge (a page number) or nowhere (a footnote's number)
                label = _page_label(line) is not None and (
                    not PAGE_NUMBER.match(line) or bool(re.search(r"van\s*\d", line, re.I))
                )
                out.append(RawLine(line, i == 0, label))
        return out, True, []
    lines = text.split("\n")
    labelled = _labelled_pages(lines)
    if labelled is not None:
        return labelled[0], True, labelled[1]
    out = []
    found = False
    for i, line in enumerate(lines):
        start = i == 0
        if line.strip() and i >= 1:
            prev = lines[i - 1]
            # a page that begins with one leading space right after a non-blank line
            if re.match(r"^ \S", line) and prev.strip():
                start = True
            # blank, blank, space, blank, space: the gap pdftotext leaves between pages
            j = i - 1
            gap = []
            while j >= 0 and not lines[j].strip():
                gap.append(lines[j])
                j -= 1
            gap.reverse()
            if len(gap) >= 5 and gap[0] == "" and gap[1] == "" and sum(1 for g in gap if g == " ") >= 2:
                start = True
        found |= start and i > 0
        out.append(RawLine(line, start))
    return out, found, []


def _page_label(line: str) -> int | None:
    """The page number of a page label: 'Pagina 2 van 7', 'P agina 2 van 7' (letter-spaced), '2 van 7'."""
    m = re.fullmatch(r"(?:pagina)?(\d{1,3})van\d{1,3}|pagina(\d{1,3})", squeeze(line))
    return int(m.group(1) or m.group(2)) if m else None


def _chain(cands: list[tuple[int, int]], lines: list[str], gap: int = 0) -> list[tuple[int, int]]:
    """The longest run of labels numbered 1, 2, 3 ... (or from 2: page 1 may carry none), in text order,
    each after a page's worth of text (three lines at least); `gap` labels may be missing in between."""
    best: list[tuple[int, int]] = []
    for k, (_, first) in enumerate(cands):
        if first not in (1, 2):
            continue
        run = [cands[k]]
        for idx, n in cands[k + 1 :]:
            filled = sum(1 for ln in lines[run[-1][0] + 1 : idx] if ln.strip())
            if run[-1][1] < n <= run[-1][1] + 1 + gap and filled >= 3:
                run.append((idx, n))
        if len(run) > len(best):
            best = run
    return best


def _labelled_pages(lines: list[str]) -> tuple[list[RawLine], list[str]] | None:
    """Pages from page labels in sequence, with notes on labels missing; None where there are none.

    "Pagina n van m" labels may miss one in between (a page whose label the tool lost); bare numbers,
    weaker evidence, must follow each other exactly."""
    labels = [(i, n) for i, ln in enumerate(lines) if (n := _page_label(ln)) is not None]
    chain = _chain(labels, lines, gap=1)
    if len(chain) < 2:
        bare = [(i, int(ln)) for i, ln in enumerate(lines) if re.fullmatch(r"\s*\d{1,3}\s*", ln)]
        chain = _chain(bare, lines)
        if len(chain) < 2:
            return None
    before = sum(1 for ln in lines[: chain[0][0]] if ln.strip())
    after = sum(1 for ln in lines[chain[-1][0] + 1 :] if ln.strip())
    footer = after <= before  # labels close their page (the other tool) or open it (a running header)
    at = dict(chain)
    out: list[RawLine] = []
    # a footer label numbers the page it closes, a header label the page it opens; where a label was
    # lost, two pages read as one, numbered as the label that closes (or opens) them
    closing = iter(chain)
    label_at, number = next(closing)
    page = max(1, chain[0][1] - 1)
    for i, ln in enumerate(lines):
        if footer:
            while label_at is not None and i > label_at:
                label_at, number = next(closing, (None, number + 1))
            page = number
        elif i in at:
            page = at[i]
        out.append(RawLine(ln, i == 0 or (footer and i - 1 in at) or (not footer and i in at), i in at, page))
    numbers = [n for _, n in chain]
    missing = [n for n in range(numbers[0], numbers[-1]) if n not in numbers]
    notes = [f"no page label for page {n}: its footnotes may be read as body text" for n in missing]
    total = re.search(r"van(\d{1,3})$", squeeze(lines[chain[-1][0]]))
    if total and int(total.group(1)) > numbers[-1] + (0 if footer else 1):
        notes.append(f"page labels end at page {numbers[-1]} of {total.group(1)}")
    return out, notes


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers and page numbers that repeat at page edges."""
    if len(pages) < 3:
        return pages

    def norm(s: str) -> str:
        return re.sub(r"\d+", "#", s.strip())

    edges = Counter()
    for page in pages:
        content = [ln for ln in page if ln.strip()]
        # a bare number is a page number only at the page's very edge: a footnote number that
        # pdftotext prints alone on its line ("1" / "Kamerstukken ...") stands a line or two above it
        near = [ln for ln in content[:3] + content[-3:] if norm(ln) != "#"]
        # at a page's end a running column of words (no number) may stand a few lines deeper:
        # "Ministerie van Economische" / "Zaken" / "Kenmerk" / "EZ/2026/..." written after the page's
        # label (not at its start: page 1's letterhead column is no running column, "Kenmerk" there
        # is the label of a field)
        near += [ln for ln in content[-5:] if not re.search(r"\d", ln)]
        edges.update({norm(ln) for ln in near + content[:1] + content[-1:]})
    running = {k for k, n in edges.items() if n >= max(3, len(pages) // 2)}

    def strip(page: list[str]) -> list[str]:
        content = [i for i, ln in enumerate(page) if ln.strip()]
        edge = set(content[:1] + content[-1:])
        return [
            ln
            for i, ln in enumerate(page)
            if not (ln.strip() and norm(ln) in running and (norm(ln) != "#" or i in edge))
        ]

    return [strip(page) for page in pages]
