"""Turn a loaded document into a Letter: layout, paragraphs, footnotes, sections, metadata (pure)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.footnotes import build_footnotes, link_markers, with_identifiers
from ingest.layout import analyse
from ingest.loaders import RawDocument
from ingest.metadata import extract_metadata
from ingest.model import Letter, Marker
from ingest.paragraphs import reflow
from ingest.sections import Para, find_sections

SEP = "\n\n"


def letter_id_for(raw: RawDocument, kamerstuk_id: str | None) -> str:
    """The Kamerstuk id where one is printed (kst-26643-1371), else a slug of the file name."""
    if raw.identifier:
        return raw.identifier
    if kamerstuk_id:
        return kamerstuk_id
    stem = Path(raw.source).stem
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or raw.digest[:12]


def parse_letter(raw: RawDocument) -> Letter:
    """Parse a RawDocument into a Letter; never reads files."""
    layout = analyse(raw.text)
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
        paras.append(Para(p.text, pos, pos + len(p.text), p.bullet))
        text_parts.append(p.text)
        pos += len(p.text)
    text = SEP.join(text_parts)
    footnotes = tuple(with_identifiers(f) for f in raw.footnotes) or build_footnotes(layout.footnotes)
    markers = link_markers(text, footnotes)
    meta = extract_metadata(raw.text, [p.text for p in paragraphs], footnotes)
    kamerstuk = raw.kamerstuk or meta.kamerstuk
    draft = Letter(
        id="",
        source=raw.source,
        format=raw.format,
        digest=raw.digest,
        text=text,
        title=raw.title or meta.title,
        date=raw.date or meta.date,
        date_not_before=None if (raw.date or meta.date) else meta.date_not_before,
        sender=raw.sender or meta.sender,
        addressee=raw.addressee or meta.addressee,
        kamerstuk=kamerstuk,
        page_starts=tuple(page_starts) if layout.pages_known else (),
    )
    markers = tuple(
        Marker(m.number, m.label, m.style, m.span, m.footnote_id, draft.page_at(m.span[0])) for m in markers
    )
    sections = find_sections(text, paras, markers, footnotes)
    return Letter(
        **{
            **draft.__dict__,
            "id": letter_id_for(raw, draft.kamerstuk_id),
            "sections": sections,
            "footnotes": footnotes,
            "markers": markers,
        }
    )
