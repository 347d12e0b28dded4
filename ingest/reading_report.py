"""How well each letter was read: footnote share, unmatched calls and footnotes, missing metadata (pure)."""

from __future__ import annotations

from ingest.footnote_blocks import SUSPECT_FOOTNOTE_CHARS
from ingest.model import Letter, LetterReading

# Metadata a letter of each kind prints; a field missing from it is reported.
EXPECTED_FIELDS = {
    "brief": ("title", "date", "sender", "addressee", "kenmerk"),
    "motie": ("title", "date", "kamerstuk", "indieners"),
}
DEFAULT_FIELDS = ("title", "date", "sender", "addressee")
# Footnotes rarely hold more than a fifth of a letter's text (demo letters: 2-9 %, the real Word letters
# about 5 %); above this share, body text was probably read as footnotes.
SUSPECT_SHARE = 0.25


def _where(label: str, page: int | None) -> str:
    return f"{label} (page {page})" if page else label


def reading_report(letter: Letter) -> LetterReading:
    """The facts of one letter's reading, for the ingest report (see reading_lines)."""
    fn_chars = sum(len(f.text) for f in letter.footnotes)
    total = fn_chars + len(letter.text)
    share = fn_chars / total if total else 0.0
    called = {m.footnote_id for m in letter.markers if m.footnote_id}
    missing = tuple(
        name for name in EXPECTED_FIELDS.get(letter.kind, DEFAULT_FIELDS) if not getattr(letter, name)
    )
    notes = list(letter.reader_notes)
    for fn in letter.footnotes:  # whichever reader found it: a footnote this long is probably body text
        if len(fn.text) > SUSPECT_FOOTNOTE_CHARS and not any(
            n.startswith(f"footnote {fn.label}") for n in notes
        ):
            notes.append(
                f"footnote {_where(fn.label, fn.page)}: {len(fn.text):,} characters, probably body text"
            )
    if share > SUSPECT_SHARE:
        notes.append(f"{share:.0%} of the text is in footnotes: body text was probably read as footnotes")
    return LetterReading(
        letter_id=letter.id,
        source=letter.source,
        footnote_share=share,
        footnotes=len(letter.footnotes),
        longest_footnote=max((len(f.text) for f in letter.footnotes), default=0),
        calls=len(letter.markers),
        calls_linked=sum(1 for m in letter.markers if m.footnote_id),
        calls_without_footnote=tuple(_where(m.label, m.page) for m in letter.unresolved_markers),
        footnotes_without_call=tuple(_where(f.label, f.page) for f in letter.footnotes if f.id not in called),
        fields_missing=missing,
        notes=tuple(notes),
    )


def reading_lines(reading: LetterReading) -> list[str]:
    """The report of one letter as plain lines (the edge escapes them for its medium)."""
    head = (
        f"{reading.letter_id}: {reading.footnotes} footnotes ({reading.footnote_share:.1%} of the text, "
        f"longest {reading.longest_footnote:,} characters), "
        f"{reading.calls_linked} of {reading.calls} calls linked"
    )
    out = [head]
    if reading.calls_without_footnote:
        out.append("  calls without footnote: " + ", ".join(reading.calls_without_footnote))
    if reading.footnotes_without_call:
        out.append("  footnotes without call: " + ", ".join(reading.footnotes_without_call))
    if reading.fields_missing:
        out.append("  not found: " + ", ".join(reading.fields_missing))
    out.extend(f"  note: {n}" for n in reading.notes)
    return out
