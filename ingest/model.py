"""The one data model shared by every package: letters, footnotes, chunks and commitments."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the data model itself needs no numpy; only SentenceVectors carries an array
    import numpy as np

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
    # the readers' version that read it (ingest/reader_version.py); 0: stored before versions were kept
    reader_version: int = 0

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


# Verdicts on a commitment: the register's vocabulary (docs/register.md says what each means).
AFGEDAAN = "afgedaan"
DEELS = "deels voldaan"
OPENSTAAND = "openstaand"
IN_UITVOERING = "in uitvoering"
UITGESTELD = "uitgesteld"
VERTRAAGD = "vertraagd"
NIEUWE_DEADLINE = "nieuwe deadline"
NO_VERDICT = "geen oordeel"
INGEDIEND = "ingediend, uitslag onbekend"  # a motie document's own status: it does not say if it was adopted
OPEN_VERDICTS = (OPENSTAAND, IN_UITVOERING, UITGESTELD, VERTRAAGD, NIEUWE_DEADLINE)
VERDICTS = (AFGEDAAN, DEELS, *OPEN_VERDICTS, NO_VERDICT, INGEDIEND)

# Who gives a verdict: the signer of a letter, the committee staff's proposal, the committee, the motie.
MINISTER = "minister"
STAATSSECRETARIS = "staatssecretaris"
PROPOSAL = "ambtelijk voorstel"
COMMITTEE = "commissie"
MOTIE_ITSELF = "motie"
SOURCES = (MINISTER, STAATSSECRETARIS, PROPOSAL, COMMITTEE, MOTIE_ITSELF)
# On the same day a committee decision outranks its staff's proposal, which outranks the letter it answers.
SOURCE_RANK = {MOTIE_ITSELF: 0, MINISTER: 1, STAATSSECRETARIS: 1, PROPOSAL: 2, COMMITTEE: 3}

# The member's part in a commitment, as the member index shows it.
INDIENER = "indiener"  # submitted the motie
ASKED = "asked"  # the toezegging was made at the member's question
BETROKKEN = "betrokken lid"  # named as 'Betrokken lid' in a committee's overview


@dataclass(frozen=True)
class Verdict:
    """One party's verdict on a commitment in one document, with the sentence that states it."""

    verdict: str  # one of VERDICTS
    source: str | None  # one of SOURCES; None with NO_VERDICT
    by: str | None = None  # the party as printed: "staatssecretaris van Binnenlandse Zaken en ..."
    sentence: str | None = None  # verbatim from the letter text
    when: date | None = None  # the day it was given, where the document says; else the document's date
    deadline: Deadline | None = None  # the deadline that holds after this verdict
    chunk_id: str | None = None  # the passage holding the sentence
    standing: bool = False  # a status quoted as standing before the document ("huidige status: ...")

    def rank(self, fallback: date | None) -> tuple[date, int]:
        """Later outranks earlier; on the same day the source rank decides (documented rule)."""
        when = self.when or fallback or date.max
        return when, -1 if self.standing else SOURCE_RANK.get(self.source or "", 0)


@dataclass(frozen=True)
class CommitmentMention:
    """What one document says about one motie, toezegging or committee decision."""

    kind: str  # "motie" | "toezegging" | "besluit"
    identifiers: tuple[str, ...]  # "TZ202504-147", "T03926"; a motie's own "kst-26643-1287"
    title: str
    letter_id: str
    section_path: tuple[str, ...]
    chunk_id: str | None
    members: tuple[Member, ...] = ()
    promise: str | None = None  # the letter's own sentence of what was promised or asked
    # The verdict that stands after this document (see `verdicts` for every party's), its sentence, deadline.
    verdict: str = NO_VERDICT
    verdict_sentence: str | None = None
    new_deadline: Deadline | None = None
    deadlines: tuple[Deadline, ...] = ()
    letter_date: date | None = None
    source: str | None = None  # who gave `verdict` (SOURCES)
    by: str | None = None  # that party as printed
    verdicts: tuple[Verdict, ...] = ()  # every party's verdict in this document, oldest first
    cites: tuple[str, ...] = ()  # Kamerstukken a toezegging was made in or refers to: not its own number
    role: str | None = None  # the members' part: INDIENER | ASKED | BETROKKEN
    date: date | None = None  # a motie's Voorgesteld date, a decision's meeting date
    dictum: str | None = None  # a motie's ask: "verzoekt de regering ..."
    decision: str | None = None  # a committee's decision ("Besluit: ...")
    replaces: tuple[str, ...] = ()  # a (nader) gewijzigde motie's predecessors
    committee: str | None = None  # the committee of a decision list or memo

    @property
    def timeline(self) -> tuple[Verdict, ...]:
        """Every verdict of this document; a mention read before verdicts had sources gives its one."""
        if self.verdicts:
            return self.verdicts
        return (
            Verdict(
                self.verdict,
                self.source,
                self.by,
                self.verdict_sentence,
                None,
                self.new_deadline,
                self.chunk_id,
            ),
        )


@dataclass(frozen=True)
class Commitment:
    """One motie or toezegging across documents: its mentions in date order."""

    key: str  # the first identifier, or a normalised title where none is printed
    kind: str
    identifiers: tuple[str, ...]
    title: str
    members: tuple[Member, ...]
    mentions: tuple[CommitmentMention, ...] = field(default=())
    cited_in_corpus: tuple[str, ...] = ()  # ids of documents in the corpus that are this commitment

    @property
    def latest(self) -> CommitmentMention:
        return self.mentions[-1]

    @property
    def current(self) -> tuple[CommitmentMention, Verdict]:
        """The verdict that decides the status, and its mention (rule: ingest/register.py, docs/register.md).

        The latest verdict wins, a later document over an earlier one and, on the same day, a committee
        decision over a proposal over a letter; a mention without a verdict changes nothing.
        """
        best: tuple[tuple, CommitmentMention, Verdict] | None = None
        for i, m in enumerate(self.mentions):
            for j, v in enumerate(m.timeline):
                if v.verdict == NO_VERDICT:
                    continue
                key = (*v.rank(m.letter_date), i, j)
                if best is None or key >= best[0]:
                    best = (key, m, v)
        if best is None:
            return self.latest, Verdict(NO_VERDICT, None)
        return best[1], best[2]

    @property
    def status(self) -> str:
        return self.current[1].verdict

    @property
    def deadline(self) -> Deadline | None:
        """The deadline that holds now: the one the deciding verdict set or kept."""
        return self.current[1].deadline

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_VERDICTS


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
class Context:
    """Where a passage sits in its section, for evidence that runs over chunk boundaries."""

    chunk: Chunk
    heading_path: tuple[str, ...]  # the section's headings, top level first (chunk.section_path)
    previous: tuple[Chunk, ...] = ()  # chunks of the same section just before it, in reading order
    next: tuple[Chunk, ...] = ()  # chunks of the same section just after it, in reading order
    position: int = 0  # 0-based place of the chunk in its section
    section_size: int = 1  # chunks in the section


@dataclass(frozen=True, eq=False)
class SentenceVectors:
    """A chunk's sentences as stored in the index: spans in Chunk.text and their passage vectors.

    vectors is a float32 array of shape (len(spans), dim), normalised, from the index's embedder, so
    `vectors @ query_vector` (the Searcher's query_vector) scores each sentence against a question.
    """

    chunk_id: str
    spans: tuple[Span, ...]
    vectors: np.ndarray


@dataclass(frozen=True)
class Citation:
    """An answer's [n]: the passage it rests on and the sentence that supports the statement."""

    n: int
    chunk: Chunk
    letter: Letter
    quote: str  # the supporting sentence, verbatim from chunk.text
    quote_span: Span  # of quote within chunk.text
    cited_for: str = ""  # what it supports: "answer", "supporting", "list item", "status", "not stated"


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
    # The letters discuss the topic but do not state the asked fact: an abstention that cites what they
    # do say (abstained is True as well).
    not_stated: bool = False
    short: str | None = None  # the short answer line ("Amount: €3.000.000 [1]"), also the text's first line
    analysis: QuestionAnalysis | None = None  # the turn's analysed question, for the turns that follow


@dataclass(frozen=True)
class QuestionAnalysis:
    """One question read once per turn, with what it takes from the conversation.

    Made by assistant/analysis.py from the question and the previous turns; retrieval, the register
    answers and the answerer all read this object, so no layer parses the question again.
    """

    question: str  # as asked, stripped
    language: str  # "nl" | "en": the asker's language, and so the answer's
    intents: frozenset[str] = frozenset()  # "who" "when" "amount" "count" "status" "list" "promise"
    identifiers: tuple[str, ...] = ()  # named in the question, normalised: "TZ202504-147", "kst-26643-1371"
    members: tuple[str, ...] = ()  # members of parliament named in the question ("Kathmann")
    period_from: date | None = None  # a period the question names ("juli 2026", "in 2025")
    period_to: date | None = None
    letters: tuple[str, ...] = ()  # ids of letters the question names (by Kamerstuk number or date)
    # Follow-up resolution: what an elliptic question ("and who asked for it?") takes from earlier turns.
    followup: bool = False
    carried: str = ""  # the earlier question text whose topic is carried over ("" when none)
    carried_identifiers: tuple[str, ...] = ()  # identifiers of the previous turn (question and citations)
    focus_letters: tuple[str, ...] = ()  # letters the previous answer cited, read first
    # The previous answer's lead quote (chunk id, start, end in the chunk): a follow-up continues after it.
    focus_quotes: tuple[tuple[str, int, int], ...] = ()
    search_text: str = ""  # what retrieval searches: the question plus the carried topic

    @property
    def all_identifiers(self) -> tuple[str, ...]:
        """The question's own identifiers, then those carried over."""
        return tuple(dict.fromkeys(self.identifiers + self.carried_identifiers))


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
