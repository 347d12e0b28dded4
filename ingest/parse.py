"""Turn a loaded document into a Letter: layout, paragraphs, footnotes, sections, metadata (pure)."""

from __future__ import annotations

from ingest.footnotes import build_footnotes, link_markers, strip_markers, with_identifiers
from ingest.identity import letter_key, with_key
from ingest.layout import analyse
from ingest.loaders import RawDocument
from ingest.metadata import Metadata, extract_metadata
from ingest.model import HEADING, LIST_ITEM, Footnote, Letter, Marker, Section
from ingest.paragraphs import reflow
from ingest.sections import Para, find_sections, heading_kind, sections_from_headings
from ingest.text_kamerstuk import motie_document

SEP = "\n\n"


def parse_letter(raw: RawDocument) -> Letter:
    """Parse a RawDocument into a Letter; never reads files."""
    if raw.blocks:
        return _parse_blocks(raw)
    layout = analyse(raw.text)
    motie = motie_document(raw, layout.lines)
    if motie is not None:  # a motie written out as text: read as its structured readers read it
        return _parse_blocks(motie)
    paragraphs = reflow(layout.lines, raw.text)
    text_parts: list[str] = []
    paras: list[Para] = []
    page_starts: list[int] = []
    pos = 0
    last_page = 0
    for p in paragraphs:
        if text_parts:
            pos += len(SEP)
        if p.page is not None and p.page > last_page:
            page_starts.extend([pos] * (p.page - last_page))  # pages without body text start here too
            last_page = p.page
        for offset, page in p.breaks:  # pages that start inside the paragraph
            if page > last_page:
                page_starts.extend([pos + offset] * (page - last_page))
                last_page = page
        paras.append(Para(p.text, pos, pos + len(p.text), p.bullet))
        text_parts.append(p.text)
        pos += len(p.text)
    text = SEP.join(text_parts)
    footnotes = tuple(with_identifiers(f) for f in raw.footnotes) or build_footnotes(layout.footnotes)
    markers = link_markers(text, footnotes, tuple(page_starts) if layout.pages_known else ())
    meta = extract_metadata(raw.text, [p.text for p in paragraphs], footnotes, layout.letterhead)
    draft = _draft(raw, text, meta, tuple(page_starts) if layout.pages_known else (), layout.notes)
    markers = _paged(markers, draft)
    sections = find_sections(text, paras, markers, footnotes)
    return _finish(raw, draft, sections, footnotes, markers)


def _draft(
    raw: RawDocument, text: str, meta: Metadata, page_starts: tuple[int, ...], notes: tuple[str, ...] = ()
) -> Letter:
    """The letter's text and metadata: what the reader found structurally first, the text's own next."""
    when = raw.date or meta.date
    return Letter(
        id="",
        source=raw.source,
        format=raw.format,
        digest=raw.digest,
        text=text,
        title=raw.title or meta.title,
        date=when,
        date_not_before=None if when else meta.date_not_before,
        sender=raw.sender or meta.sender,
        addressee=raw.addressee or meta.addressee,
        kamerstuk=raw.kamerstuk or meta.kamerstuk,
        page_starts=page_starts,
        kind=(raw.kind or meta.kind or "brief").lower(),
        kenmerk=raw.kenmerk or meta.kenmerk,
        indieners=raw.indieners,
        replaces=raw.replaces,
        reader_notes=raw.reader_notes + notes + meta.notes,
    )


def _paged(markers: tuple[Marker, ...], draft: Letter) -> tuple[Marker, ...]:
    return tuple(
        Marker(m.number, m.label, m.style, m.span, m.footnote_id, draft.page_at(m.span[0])) for m in markers
    )


def _finish(
    raw: RawDocument,
    draft: Letter,
    sections: tuple[Section, ...],
    footnotes: tuple[Footnote, ...],
    markers: tuple[Marker, ...],
) -> Letter:
    letter = Letter(**{**draft.__dict__, "sections": sections, "footnotes": footnotes, "markers": markers})
    return with_key(letter, letter_key(letter, raw.identifier))  # what the document is, not its file name


def _parse_blocks(raw: RawDocument) -> Letter:
    """A structured reader's blocks to a Letter: headings, paragraphs and pages as the format marks them."""
    parts: list[str] = []
    paras: list[Para] = []
    page_starts: list[int] = []
    heading_at: list[tuple[int, int, str]] = []  # (start, level, text as printed)
    pos = 0
    for block in raw.blocks:
        if not block.text.strip():
            continue
        if parts:
            pos += len(SEP)
        if block.page is not None and block.page > len(page_starts):
            page_starts.extend([pos] * (block.page - len(page_starts)))
        paras.append(Para(block.text, pos, pos + len(block.text), block.kind == LIST_ITEM))
        if block.kind == HEADING:
            heading_at.append((pos, max(1, block.level), block.text))
        parts.append(block.text)
        pos += len(block.text)
    text = SEP.join(parts)
    footnotes = tuple(with_identifiers(f) for f in raw.footnotes)
    meta = extract_metadata(raw.text, [p.text for p in paras], footnotes)
    draft = _draft(raw, text, meta, tuple(page_starts))
    markers = _paged(link_markers(text, footnotes), draft)
    by_id = {fn.id: fn for fn in footnotes}
    heads = []
    for start, level, printed in heading_at:
        own = tuple(m for m in markers if start <= m.span[0] < start + len(printed))
        clean = " ".join(strip_markers(printed, own, start).split())
        cited = tuple(by_id[m.footnote_id] for m in own if m.footnote_id in by_id)
        heads.append((start, level, clean, heading_kind(clean, cited)))
    return _finish(raw, draft, sections_from_headings(text, heads), footnotes, markers)
