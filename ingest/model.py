"""The one data model shared by every package: letters, footnotes, chunks and commitments."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

Span = tuple[int, int]

# Footnote styles as they appear in the letters.
PLAIN = "plain"  # "20 TZ202504-147" at the start of a line at the page bottom
BRACKETED = "bracketed"  # "[2] TZ202411-104"
SUPERSCRIPT = "superscript"  # "¹² Kamerstukken II ..."
XML = "xml"  # <noot> in the official publication XML
DOCX = "docx"  # Word footnotes
PDF = "pdf"  # read from a PDF's layout: small text at the page foot, called by raised digits ("[n]" in text)

FORMATS = ("pdf", "docx", "doc", "html", "text", "xml")

# Block kinds a structured reader (PDF layout, XML, DOCX) gives the parser.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW)


@dataclass(frozen=True)
class Block:
    """One unit of a document's body as its format marks it: read once, used by sections and chunks.

    Structured readers (PDF layout, the official XML, DOCX) give blocks instead of flat text, so the
    parser does not guess headings or paragraphs from text. Footnote calls are written "[n]" at the
    call's position, as the XML and DOCX readers always did; the footnote texts come beside the blocks.
    Running headers, footers, the letterhead and footnote texts are never blocks.
    """

    kind: str  # one of BLOCK_KINDS
    text: str
    level: int = 0  # heading level, 1 = top; 0 for other kinds
    page: int | None = None  # 1-based page where the block starts, where the format has pages
    label: str | None = None  # a table row's label column ("Zaak", "Besluit"), a list item's number


@dataclass(frozen=True)
class Footnote:
    """A footnote as printed at the bottom of a page, with the identifiers it cites."""

    id: str  # unique within its letter, e.g. "fn20", "fn[2]"; "fn20.2" after a restart
    number: int
    label: str  # as printed: "20", "[2]", "¹²"
    style: str
    text: str
    toezeggingen: tuple[str, ...] = ()  # "TZ202504-147", "T03926"
    kamerstukken: tuple[str, ...] = ()  # normalised: "kst-26643-1287", "kst-36600-VII-62"
    urls: tuple[str, ...] = ()
    page: int | None = None

    @property
    def identifiers(self) -> tuple[str, ...]:
        return self.toezeggingen + self.kamerstukken


@dataclass(frozen=True)
class Marker:
    """A footnote reference in the body text, e.g. the "20" glued to "technologieën20"."""

    number: int
    label: str  # as printed, e.g. "20", "[1]", "¹²"
    style: str
    span: Span  # of the label in Letter.text
    footnote_id: str | None  # None: the footnote text was lost in extraction
    page: int | None = None


@dataclass(frozen=True)
class Section:
    """A part of a letter under one heading; sections never overlap."""

    heading: str  # cleaned heading text, footnote markers removed
    path: tuple[str, ...]  # headings from the top level down to this one
    level: int
    span: Span  # body span in Letter.text (heading included)
    kind: str = "topic"  # "preamble" | "topic" | "motie" | "toezegging"


@dataclass(frozen=True)
class Letter:
    """One letter: cleaned text, metadata, structure and footnotes."""

    id: str  # the letter's key (ingest/identity.py): its Kamerstuk id, else kenmerk and date, else a digest
    source: str  # the file it was read from
    format: str  # one of FORMATS
    digest: str  # sha256 of the source bytes
    text: str  # cleaned text; footnote blocks and page debris removed, markers kept
    title: str | None = None  # subject ("Betreft") or the document title
    date: date | None = None
    date_not_before: date | None = None  # latest full date the text mentions, when no date is printed
    sender: str | None = None
    addressee: str | None = None  # "Tweede Kamer" | "Eerste Kamer" | a committee
    kamerstuk: str | None = None  # as normalised: "26643 nr. 1371"
    page_starts: tuple[int, ...] = ()  # offset in text where page 1, 2, ... starts; () = unknown
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    markers: tuple[Marker, ...] = ()
    kind: str = "brief"  # "brief" | "motie" | "besluitenlijst" | "fiche" | ...: what the document is
    kenmerk: str | None = None  # "Ons kenmerk" / "Onze referentie" as printed
    indieners: tuple[Member, ...] = ()  # a motie's submitters, the first indiener first
    replaces: tuple[str, ...] = ()  # Kamerstuk ids a (nader) gewijzigde motie replaces
    reader_notes: tuple[str, ...] = ()  # what the reader was unsure of, for the ingest report

    @property
    def kamerstuk_id(self) -> str | None:
        if not self.kamerstuk:
            return None
        dossier, _, nr = self.kamerstuk.partition(" nr. ")
        return "kst-" + dossier.replace(" ", "-") + ("-" + nr if nr else "")

    @property
    def sort_date(self) -> date | None:
        """The date to order letters by: the printed date, else the earliest it can be."""
        return self.date or self.date_not_before

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def footnote(self, footnote_id: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.id == footnote_id), None)

    @property
    def unresolved_markers(self) -> tuple[Marker, ...]:
        return tuple(m for m in self.markers if m.footnote_id is None)


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: part of one section of one letter, with its footnotes."""

    id: str  # stable across runs: "<letter id>#<ordinal>"
    letter_id: str
    text: str  # verbatim from Letter.text, markers included
    clean_text: str  # text with footnote markers removed: what is embedded and searched
    section_path: tuple[str, ...]
    span: Span  # in Letter.text
    page: int | None = None
    footnotes: tuple[Footnote, ...] = ()  # in the order their markers appear
    missing_markers: tuple[int, ...] = ()  # markers in this chunk whose footnote text was lost


@dataclass(frozen=True)
class Member:
    """A member of parliament named in a commitment."""

    name: str
    party: str | None = None


@dataclass(frozen=True)
class Deadline:
    """A deadline or expected date as the letter words it, resolved where possible."""

    text: str  # "voor de zomer", "1 juli 2025", "in het vierde kwartaal van dit jaar"
    date: date | None = None  # the last day it allows, resolved against the letter's date


# Verdicts a letter gives on a commitment.
AFGEDAAN = "afgedaan"
DEELS = "deels voldaan"
OPENSTAAND = "openstaand"
NO_VERDICT = "geen oordeel"
VERDICTS = (AFGEDAAN, DEELS, OPENSTAAND, NO_VERDICT)


@dataclass(frozen=True)
class CommitmentMention:
    """What one letter says about one motie or toezegging."""

    kind: str  # "motie" | "toezegging"
    identifiers: tuple[str, ...]  # "TZ202504-147", "T03926", "kst-26643-1287"
    title: str
    letter_id: str
    section_path: tuple[str, ...]
    chunk_id: str | None
    members: tuple[Member, ...] = ()
    promise: str | None = None  # the letter's own sentence of what was promised or asked
    verdict: str = NO_VERDICT
    verdict_sentence: str | None = None
    new_deadline: Deadline | None = None
    deadlines: tuple[Deadline, ...] = ()
    letter_date: date | None = None


@dataclass(frozen=True)
class Commitment:
    """One motie or toezegging across letters: its mentions in date order."""

    key: str  # the first identifier, or a normalised title where none is printed
    kind: str
    identifiers: tuple[str, ...]
    title: str
    members: tuple[Member, ...]
    mentions: tuple[CommitmentMention, ...] = field(default=())
    cited_in_corpus: tuple[
        str, ...
    ] = ()  # ids of letters in the corpus that are this commitment (a motie's XML)

    @property
    def latest(self) -> CommitmentMention:
        return self.mentions[-1]

    @property
    def status(self) -> str:
        return self.latest.verdict


@dataclass(frozen=True)
class SearchFilter:
    """Restricts retrieval to some letters and/or a date range (inclusive)."""

    letter_ids: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def admits(self, letter: Letter) -> bool:
        if self.letter_ids and letter.id not in self.letter_ids:
            return False
        when = letter.sort_date
        if (self.date_from or self.date_to) and when is None:
            return False
        if self.date_from and when and when < self.date_from:
            return False
        return not (self.date_to and when and when > self.date_to)


@dataclass(frozen=True)
class Hit:
    """One retrieved passage with its letter and how it was found."""

    chunk: Chunk
    letter: Letter
    score: float
    rank: int  # 1-based
    found_by: tuple[str, ...] = ()  # "bm25", "dense", "id"


@dataclass(frozen=True)
class Citation:
    """An answer's [n]: the passage it rests on and the sentence that supports the statement."""

    n: int
    chunk: Chunk
    letter: Letter
    quote: str  # the supporting sentence, verbatim from chunk.text
    quote_span: Span  # of quote within chunk.text


@dataclass(frozen=True)
class Answer:
    """What the assistant says: text with [n] markers, the citations, or an abstention."""

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    see_also: tuple[Hit, ...] = ()  # nearest passages offered when abstaining
    language: str = "nl"  # "nl" | "en": the language of the question, and so of the answer
    mode: str = "extractive"  # "extractive" | "llm"
    flagged: tuple[str, ...] = ()  # statements removed because their citation did not support them


@dataclass(frozen=True)
class LetterReading:
    """How one letter was read, for the ingest report: ingest/reading_report.py:reading_report."""

    letter_id: str
    source: str
    footnote_share: float  # of the letter's characters (body and footnote texts), those in footnotes
    footnotes: int
    longest_footnote: int  # characters
    calls: int  # footnote calls found in the body
    calls_linked: int
    calls_without_footnote: tuple[str, ...] = ()  # labels as printed, with their page: "3 (page 2)"
    footnotes_without_call: tuple[str, ...] = ()
    fields_missing: tuple[str, ...] = ()  # metadata the reader did not find: "date", "sender", ...
    notes: tuple[str, ...] = ()  # the reader's doubts (Letter.reader_notes) and the report's own
