"""A PDF read from its layout: one page structure for footnotes, letterhead, headings and tables (pure).

Lines come with size, position and weight (ingest/pdf_page.py). Running headers and footers go
(pdf_furniture), footnotes are the small lines at each page's foot with their raised calls in the
body (pdf_footnotes), the first page's letterhead or printed Kamerstuk header becomes metadata
(pdf_letterhead, pdf_kamerstuk), the rest becomes Blocks: a label/value layout row by row
(pdf_labels), else paragraphs, headings, lists and tables (pdf_blocks); the signature gives the
sender (pdf_signature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.model import HEADING, Block, Footnote, Member
from ingest.pdf_blocks import Para, build_paras, classify, column_edge, to_blocks
from ingest.pdf_columns import gutters, reading_order
from ingest.pdf_footnotes import call_numbers, footnote_zone, read_footnotes
from ingest.pdf_furniture import running_lines, side_column
from ingest.pdf_kamerstuk import read_kamerstuk_header
from ingest.pdf_label_column import beside_labels
from ingest.pdf_label_grid import find_grid, grid_blocks
from ingest.pdf_label_row import is_label_document
from ingest.pdf_labels import read_labelled
from ingest.pdf_letterhead import Letterhead, chamber, read_label_rows, read_side_column
from ingest.pdf_page import Line, Page, PdfLayout, pitch
from ingest.pdf_signature import CLOSING_RE, is_function, person, signers

FICHE_RE = re.compile(r"^Fiche \d+\s*:")


@dataclass(frozen=True)
class PdfDocument:
    """What the layout gives: body blocks, footnotes, metadata found in print, doubts."""

    text: str  # every line but running headers and footers, pages separated by "\f"
    blocks: tuple[Block, ...] = ()  # () where the layout carries no structure: read as plain text
    footnotes: tuple[Footnote, ...] = ()
    title: str | None = None
    date: date | None = None
    sender: str | None = None
    addressee: str | None = None
    kamerstuk: str | None = None
    kenmerk: str | None = None
    kind: str | None = None
    indieners: tuple[Member, ...] = ()
    reader_notes: tuple[str, ...] = field(default=())


def page_text(lines: list[Line], width: float, line_pitch: float) -> str:
    """A page's lines in reading order (column by column, as the blocks are read), a blank line where
    a gap separates paragraphs: the raw text the plain-text rules and searches see."""
    out: list[str] = []
    prev: Line | None = None
    for row in _rows(lines, width):
        if prev is not None and not 0 <= row[0].top - prev.bottom <= 0.8 * line_pitch:
            out.append("")
        out.append("  ".join(" ".join(c.text.split()) for c in row))
        prev = row[-1]
    return "\n".join(out) + "\n"


def read_pdf_layout(layout: PdfLayout) -> PdfDocument:
    """Blocks, footnotes and metadata of a PDF's layout (which has text)."""
    size = layout.body_size
    running = running_lines(layout)
    content = {p.number: [ln for ln in p.lines if ln not in running] for p in layout.pages}
    all_lines = [ln for lines in content.values() for ln in lines]
    line_pitch = pitch(all_lines, size)
    text = "\f".join(page_text(content[p.number], p.width, line_pitch) for p in layout.pages)
    sizes = {round(ln.size, 1) for ln in all_lines}
    if (
        len(sizes) <= 1
        and not any(ln.raised for ln in all_lines)
        and not is_label_document([row for p in layout.pages for row in _rows(content[p.number], p.width)])
        and find_grid([content[p.number] for p in layout.pages]) is None
    ):
        # one size throughout and nothing raised: the layout tells no footnote, heading or
        # letterhead apart, so the plain-text rules read it; a decision list's label column or grid
        # is structure enough of its own
        return PdfDocument(
            text=text, reader_notes=("PDF set in one font size throughout: read as plain text",)
        )
    side = {p.number: [ln for ln in content[p.number] if side_column(ln, p, size)] for p in layout.pages}
    body = {p.number: [ln for ln in content[p.number] if ln not in set(side[p.number])] for p in layout.pages}
    zones = [footnote_zone(body[p.number], size, gutters(body[p.number], p.width)) for p in layout.pages]
    footnotes, in_notes, notes = read_footnotes(zones)
    body = {n: [ln for ln in lines if ln not in in_notes] for n, lines in body.items()}

    first = layout.pages[0]
    head = Letterhead()
    read_side_column(side[first.number], head)
    all_rows = [row for p in layout.pages for row in _rows(body[p.number], p.width)]
    kst = read_kamerstuk_header(_rows(body[first.number], first.width), all_rows)
    grid = None if kst else find_grid([body[p.number] for p in layout.pages])
    if kst is None and grid is None and not is_label_document(all_rows):
        # a decision list's header ("Datum: …" under its title) is the list's own, read with its labels
        read_label_rows(body[first.number], first.height, line_pitch, head)
    consumed = head.used | (kst.used if kst else set())
    body = {n: [ln for ln in lines if ln not in consumed] for n, lines in body.items()}
    context = " ".join(ln.text for lines in body.values() for ln in lines)
    page_rows = [_rows(body[p.number], p.width) for p in layout.pages]
    flat_rows = [row for pr in page_rows for row in pr]

    sender = title = kind = None
    when = head.date
    if grid is not None:
        # a grid of items under a header row of labels; the rows above it are the list's header
        labelled = read_labelled(
            [r for r in flat_rows if not set(r) & (grid.lines | grid.repeated)], line_pitch, context
        )
        blocks = labelled.blocks + grid_blocks(grid, context)
        title, when, sender, kind = (
            labelled.title,
            labelled.date or when,
            labelled.committee,
            "besluitenlijst",
        )
    elif is_label_document(flat_rows):
        labelled = read_labelled(flat_rows, line_pitch, context)
        blocks = labelled.blocks
        title, when, sender, kind = labelled.title, labelled.date or when, labelled.committee, labelled.kind
    else:
        paras = build_paras(page_rows, line_pitch, _edges(layout.pages, body), size)
        classify(paras, size)
        blocks = to_blocks(paras, context)
        sender = signers(_signature_lines(paras))
        title, kind, sender = _fiche(blocks, title, kind, sender)
        title = title or _display_title(paras, size)
    if kst is not None:
        title, when, kind = kst.title, kst.date or when, kst.kind
        if kst.indieners:
            sender = ", ".join(m.name for m in kst.indieners)
    notes += _call_notes(blocks, footnotes)
    return PdfDocument(
        text=text,
        blocks=tuple(b for b in blocks if b.text.strip()),
        footnotes=tuple(footnotes),
        title=title or head.title,
        date=when,
        sender=sender,
        addressee=(kst.addressee if kst else None) or chamber(head.addressee),
        kamerstuk=kst.kamerstuk if kst else None,
        kenmerk=head.kenmerk,
        kind=kind,
        indieners=kst.indieners if kst else (),
        reader_notes=tuple(notes),
    )


def _rows(lines: list[Line], width: float) -> list[list[Line]]:
    """A page's rows in reading order; where its left column holds only a decision list's labels set
    beside their values (not on their first line), each label on its value's first line."""
    return beside_labels(lines, gutters(lines, width)) or reading_order(lines, width)


def _edges(pages: tuple[Page, ...], body: dict[int, list[Line]]):
    edges = {p.number: column_edge(body[p.number], p.width) for p in pages}
    return lambda line: edges[line.page](line)


def _signature_lines(paras: list[Para]) -> list[Line]:
    """The lines after the closing formula ("Hoogachtend,"), else the letter's last short paragraphs
    (before an annex) that name a minister or state secretary."""
    closing = next((i for i, p in enumerate(paras) if CLOSING_RE.match(" ".join(p.texts).strip())), None)
    if closing is not None:
        tail = []
        for p in paras[closing + 1 :]:
            if p.kind == HEADING or len(" ".join(p.texts)) > 200:
                break
            tail.append(p)
        return [ln for p in tail for ln in p.lines]
    end = next(
        (i for i, p in enumerate(paras) if p.kind == HEADING and re.match(r"^Bijlage", p.texts[0])),
        len(paras),
    )
    tail = []
    for p in reversed(paras[:end]):
        if len(" ".join(p.texts)) > 200 or len(tail) >= 6:
            break
        tail.insert(0, p)
    start = next((i for i, p in enumerate(tail) if any(is_function(t) for t in p.texts)), None)
    if start and person(" ".join(tail[start - 1].texts)):
        start -= 1  # the name above its function
    return [] if start is None else [ln for p in tail[start:] for ln in p.lines]


def _display_title(paras: list[Para], body_size: float) -> str | None:
    """A document without letterhead (a report, a strategy) opens with its title, set in the
    largest type of its first page; only type well above the body's is a title."""
    if not paras:
        return None
    first = paras[0]
    largest = max(p.first.size for p in paras if p.page == first.page)
    if first.first.size < largest or largest < 1.3 * body_size:
        return None
    return " ".join(" ".join(t.split()) for t in first.texts) or None


def _fiche(blocks: list[Block], title, kind, sender):
    """A BNC-fiche (the standard form on a new EU proposal): its title is its first heading, and the
    ministry responsible for it is printed under "Eerstverantwoordelijk ministerie"."""
    heads = [b for b in blocks if b.kind == HEADING]
    if not heads or not FICHE_RE.match(heads[0].text):
        return title, kind, sender
    for i, b in enumerate(blocks[:-1]):
        if b.kind == HEADING and re.search(r"Eerstverantwoordelijk ministerie$", b.text) and sender is None:
            sender = blocks[i + 1].text
    return title or heads[0].text, kind or "fiche", sender


def _call_notes(blocks: list[Block], footnotes: list[Footnote]) -> list[str]:
    """What does not pair up: calls whose footnote text is missing, footnotes no call points to."""
    called: dict[int, int | None] = {}
    for b in blocks:
        for n in call_numbers(b.text):
            called.setdefault(n, b.page)
    numbers = {fn.number for fn in footnotes}
    lost = [f"{n} (page {page})" for n, page in called.items() if n not in numbers]
    uncalled = [f"{fn.label} (page {fn.page})" for fn in footnotes if fn.number not in called]
    notes = []
    if lost:
        notes.append("footnote calls without footnote text: " + ", ".join(lost))
    if uncalled:
        notes.append("footnotes without a call in the body: " + ", ".join(uncalled))
    return notes
