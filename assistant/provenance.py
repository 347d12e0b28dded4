"""Footnotes that go with a cited passage: its own, and those on the heading of its section."""

from __future__ import annotations

from ingest.model import Chunk, Footnote, Letter


def heading_footnotes(chunk: Chunk, letter: Letter) -> tuple[Footnote, ...]:
    """Footnotes whose markers sit on the heading line of the chunk's section.

    A heading like "2.2.1 Onderzoeken MitID en vergelijkbare technologieën20" cites the toezegging the
    whole section settles; its footnote belongs to every passage of that section.
    """
    section = next((s for s in letter.sections if s.path == chunk.section_path), None)
    if section is None:
        return ()
    start = section.span[0]
    end = letter.text.find("\n", start)
    end = section.span[1] if end < 0 else min(end, section.span[1])
    found: list[Footnote] = []
    for marker in letter.markers:
        if start <= marker.span[0] < end and marker.footnote_id:
            footnote = letter.footnote(marker.footnote_id)
            if footnote is not None and footnote not in found:
                found.append(footnote)
    return tuple(found)


def footnotes_for(chunk: Chunk, letter: Letter) -> tuple[Footnote, ...]:
    """The section heading's footnotes, then the passage's own, without repeats."""
    own = tuple(chunk.footnotes)
    return tuple(f for f in heading_footnotes(chunk, letter) if f not in own) + own
