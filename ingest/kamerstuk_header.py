"""A printed Kamerstuk header (dossier, "Nr. 3121", "MOTIE VAN HET LID …", "Voorgesteld …"), indieners.

Every Tweede Kamer motie opens the same way in every format (XML elements, DOCX cells, PDF lines):

    21 501-02                                   <- dossier number(s), with chapter / sub-number / R-number
    Raad Algemene Zaken en Raad Buitenlandse Zaken   <- the dossier title
    Nr. 3121                                    <- the stuk's number in the dossier
    MOTIE VAN HET LID CEDER                     <- the stuk title (GEWIJZIGDE MOTIE … TER VERVANGING VAN …)
    Voorgesteld 10 april 2025                   <- the date the motie was proposed: "the date"

and closes with the indieners' names as printed ("Ceder", "Diederik van Dijk"). The XML reader takes
these facts from its elements and uses the naming rules here; the text-based readers (DOCX, .doc,
HTML, PDF text) call read_header on the first lines of the text.

Title rule (one for every format and both XML metadata flavours): the motie's own title as printed,
normalised ("Motie van het lid Ceder", "Gewijzigde motie van de leden Tielen en Dobbe ter vervanging
van die gedrukt onder nr. 26", "… c.s."), then "; " and each dossier's title (a motie on two begrotingen
names both). The number it replaces is also read into `replaces` (a kst id).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from ingest import dictum
from ingest.dictum import CLOSING_RE, is_name
from ingest.identifiers import dossier_key, kamerstuk_id, normalise_kamerstuk, parse_dossier
from ingest.model import HEADING, PARAGRAPH, TABLE_ROW, Block, Member
from ingest.months import MONTHS_NL

_MONTHS = list(MONTHS_NL)
DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
CHAMBER_RE = re.compile(r"^(Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal$", re.I)
NR_RE = re.compile(r"^Nr\.\s*(\d{1,5})\s*$", re.I)
VOORGESTELD_RE = re.compile(r"^Voorgesteld\b", re.I)
# Where a stuk title ends when no "Voorgesteld" line follows: a letter's addressee or the dictum.
_TITLE_END_RE = re.compile(r"^(?:De Kamer,|Aan de\b|Den Haag\b|Voorgesteld\b)", re.I)
# A letter printed as Kamerstuk names its addressee and its place and date under its title.
ADDRESSEE_RE = re.compile(r"^Aan de [Vv]oorzitter van de (Tweede|Eerste) Kamer\b")
PLACE_DATE_RE = re.compile(r"^(?:Den Haag|[’']s-Gravenhage),\s+(.+)$")
# The colophon every printed Kamerstuk page carries (PDF): its id, ISSN, printer's place and year, and
# the running footer "Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121". Never body text.
COLOPHON_RE = re.compile(
    r"^(?:kst-\d+(?:-[\dA-Z]+)*-\d+|ISSN\s*\d{4}\s*-\s*\d{3}[\dX]|[’']s-Gravenhage\s+\d{4}"
    r"|(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, .*\bnr\. \d+)$",
    re.I,
)
_SKIP_RE = re.compile(r"^(?:\d|Vergaderjaar\b.*|Kamerstukken?)$", re.I)
# "GEWIJZIGDE MOTIE VAN HET LID FLACH C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 1334", and the
# misprints the publications carry ("MOTIE DE LEDEN …", "MOTIE VAN HET EL ABASSI", "MOTIE VAN KOSTIĆ").
MOTIE_TITLE_RE = re.compile(
    r"^(?P<kind>(?:nader\s+)?gewijzigde\s+)?motie\b\s*(?:van\b\s*)?(?:de\s+)?(?:het\s+)?(?:(?:lid|leden)\b\s*)?"
    r"(?P<names>.*?)(?P<cs>\s*\bc\.\s?s\.?)?"
    r"(?:\s*\bter\s+vervanging\s+van\s+(?:die|de\s+motie)\s+gedrukt\s+onder\s+nr\.?\s*(?P<nr>\d{1,5}))?"
    r"\s*\.?$",
    re.I | re.S,
)
_PARTICLES = {
    "van",
    "der",
    "den",
    "de",
    "het",
    "ter",
    "te",
    "ten",
    "in",
    "'t",
    "’t",
    "op",
    "la",
    "le",
    "du",
    "da",
}


@dataclass(frozen=True)
class Dossier:
    """One dossier a Kamerstuk belongs to: "36410" with part "XVI" (chapter) or "20" (sub-number)."""

    number: str
    part: str | None
    title: str | None

    @property
    def key(self) -> str:
        return dossier_key(self.number, self.part)


@dataclass(frozen=True)
class StukTitle:
    """A motie's printed title, taken apart."""

    prefix: str  # "Motie" | "Gewijzigde motie" | "Nader gewijzigde motie"
    names: tuple[str, ...]  # as printed (upper case)
    cs: bool  # "c.s.": more indieners than the title names
    replaces_nr: str | None  # "599" in "TER VERVANGING VAN DIE GEDRUKT ONDER NR. 599"


@dataclass(frozen=True)
class KamerstukHeader:
    """What a printed Kamerstuk header says; `consumed` lines of the input belong to it."""

    dossiers: tuple[Dossier, ...]
    number: str | None
    stuk_title: str | None  # as printed, whitespace squashed
    date: date | None
    chamber: str | None  # "Tweede Kamer" | "Eerste Kamer"
    consumed: int
    addressee: str | None = None  # "Tweede Kamer": a letter's "Aan de Voorzitter van de Tweede Kamer …"

    @property
    def kamerstuk(self) -> str | None:
        if not self.dossiers or not self.number:
            return None
        return normalise_kamerstuk(self.dossiers[0].number, self.number, self.dossiers[0].part)

    @property
    def is_motie(self) -> bool:
        return bool(self.stuk_title and parse_stuk_title(self.stuk_title))


def squash(text: str) -> str:
    return " ".join(text.split())


def parse_date(text: str) -> date | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(3)), _MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
    except ValueError:
        return None


def parse_stuk_title(printed: str) -> StukTitle | None:
    """A motie's title taken apart; None for other stukken (BRIEF VAN …, AMENDEMENT …)."""
    m = MOTIE_TITLE_RE.match(squash(printed))
    if not m:
        return None
    prefix = squash(m.group("kind") or "").lower()
    prefix = (prefix + " motie").capitalize() if prefix else "Motie"
    names = tuple(n for n in re.split(r"\s*,\s*|\s+en\s+|\s+EN\s+", m.group("names").strip()) if n)
    return StukTitle(prefix, names, bool(m.group("cs")), m.group("nr"))


def case_name(upper: str) -> str:
    """'VAN DER PLAS' -> 'Van der Plas', 'DIEDERIK VAN DIJK' -> 'Diederik van Dijk', 'YEŞILGÖZ-ZEGERIUS'."""
    words = squash(upper).split(" ")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in _PARTICLES:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def _same(printed: str, signed: str) -> bool:
    """A title name and a signed name are one member.

    Equal up to case ("VAN DER PLAS" / "Van der Plas"); one is the other with particles left off
    ("DER PLAS"); or a misprint of it ("ROODERKER" / "Rooderkerk", "INGE VAN DIJJK"). "DIJK" and
    "Inge van Dijk" are two members: a given name is no particle.
    """
    a, b = squash(printed).upper(), squash(signed).upper()
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if long.endswith(" " + short):
        return all(w.lower() in _PARTICLES for w in long[: -len(short)].split())
    close = SequenceMatcher(None, a, b).ratio() >= 0.85 and abs(len(a) - len(b)) <= 2
    return close and a[:1] == b[:1]


def _near(printed: str, signed: str) -> bool:
    """Loosely alike, for a title name and the signer in the same position."""
    a, b = squash(printed).upper(), squash(signed).upper()
    alike = SequenceMatcher(None, a, b).ratio() >= 0.75 or a.startswith(b) or b.startswith(a)
    return alike and a[:1] == b[:1]


def indieners(stuk: StukTitle | None, signed: Sequence[str]) -> tuple[Member, ...]:
    """The indieners, first indiener first: the names in the title (as signed), then the other signers.

    Names are as printed under the motie ("Diederik van Dijk"); no party, which a motie does not print.
    """
    out: list[str] = []
    for i, name in enumerate(stuk.names if stuk else ()):
        match = next((s for s in signed if _same(name, s)), None)
        if match is None and i < len(signed) and _near(name, signed[i]):
            match = signed[i]  # the title's i-th name is the i-th signer, misprinted ("TIMMERS")
        out.append(match or case_name(name))
    for s in signed:
        if not any(_same(s, o) for o in out):
            out.append(s)
    return tuple(Member(squash(n)) for n in out)


def own_title(stuk: StukTitle, members: Sequence[Member]) -> str:
    """'Motie van het lid Ceder', 'Gewijzigde motie van de leden A, B en C', 'Motie van het lid X c.s.'.

    Where the printed title names nobody ("MOTIE VAN"), the signers decide, as the Kamer titles
    moties: one or two names in full, three or more as the first "c.s.".
    """
    cs = stuk.cs
    if stuk.names:
        named = [m.name for m in members[: len(stuk.names)]]
    else:
        named = [m.name for m in members[:2]] if len(members) <= 2 else [members[0].name]
        cs = len(members) > 2
    if not named:
        return stuk.prefix
    who = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " en " + named[-1]
    role = "het lid" if len(named) == 1 else "de leden"
    return f"{stuk.prefix} van {role} {who}" + (" c.s." if cs else "")


def motie_title(own: str, dossier_titles: Sequence[str | None]) -> str:
    """The Letter title of a motie: its own title and the title of each dossier it belongs to."""
    titles = dict.fromkeys(squash(t) for t in dossier_titles if t and squash(t))
    return "; ".join([own, *titles])


def printed_own_title(stuk: StukTitle, members: Sequence[Member]) -> str:
    """The own title with the stuk it replaces, as the Kamer prints it: "Gewijzigde motie van het lid
    Ceder c.s. ter vervanging van die gedrukt onder nr. 26" (a user finds the motie by either number)."""
    own = own_title(stuk, members)
    return own + (f" ter vervanging van die gedrukt onder nr. {stuk.replaces_nr}" if stuk.replaces_nr else "")


def replaced_ids(stuk: StukTitle | None, dossiers: Sequence[Dossier]) -> tuple[str, ...]:
    """The kst id a (nader) gewijzigde motie replaces: the number printed, in the motie's first dossier."""
    if not stuk or not stuk.replaces_nr or not dossiers:
        return ()
    return (kamerstuk_id(dossiers[0].number, stuk.replaces_nr, dossiers[0].part),)


def signers(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """The names printed at the end of a motie: the run of name-like lines after the dictum.

    After "en gaat over tot de orde van de dag." where it is printed (a few moties misprint or omit
    it, so the trailing run of name lines counts as well). Two names on one line, split by a tab or a
    wide gap (PDF columns), are two names. Footer lines ("kst-…", "’s-Gravenhage 2025") are no names.
    """
    lines = [squash(part) for p in paragraphs for part in re.split(r"\t|\s{3,}|\n", p) if part.strip()]
    close = max((i for i, line in enumerate(lines) if CLOSING_RE.search(line)), default=-1)
    if close >= 0:
        names = []
        for line in lines[close + 1 :]:
            if not is_name(line):
                break
            names.append(line)
        return tuple(names)
    names = []
    for line in reversed(lines):
        if not is_name(line):
            break
        names.append(line)
    return tuple(reversed(names))


def read_header(lines: Sequence[str]) -> KamerstukHeader | None:
    """The Kamerstuk header at the start of a text (one printed line or cell per item); None if there is none.

    Needs a dossier number and "Nr. N" before the dictum; reads up to the "Voorgesteld" line (a motie)
    or the end of the stuk title.
    """
    dossiers: list[Dossier] = []
    chamber: str | None = None
    number: str | None = None
    unknown = 0  # lines before the dossier that are not the chamber or the session year
    i, n = 0, min(len(lines), 60)
    while i < n:
        line = squash(lines[i])
        if not line or _SKIP_RE.match(line):
            i += 1
            continue
        if CHAMBER_RE.match(line):
            chamber = f"{CHAMBER_RE.match(line).group(1).capitalize()} Kamer"  # type: ignore[union-attr]
            i += 1
            continue
        nr = NR_RE.match(line)
        if nr:
            number = nr.group(1)
            i += 1
            break
        parsed = parse_dossier(line)
        if parsed:
            title_lines = []
            i += 1
            while i < n and not NR_RE.match(squash(lines[i])) and not parse_dossier(squash(lines[i])):
                if squash(lines[i]):
                    title_lines.append(squash(lines[i]))
                i += 1
            dossiers.append(Dossier(parsed[0], parsed[1], " ".join(title_lines) or None))
            continue
        unknown += 1
        if unknown > 3 or re.match(r"^De Kamer,", line):
            return None  # a text that does not open with a Kamerstuk header
        i += 1
    if not dossiers or number is None:
        return None
    title_lines: list[str] = []
    when: date | None = None
    while i < len(lines) and len(title_lines) < 6:
        line = squash(lines[i])
        if not line:
            i += 1
            continue
        if VOORGESTELD_RE.match(line):
            # "Voorgesteld tijdens het Wetgevingsoverleg van 29 januari 2024" may wrap onto a second line
            when = parse_date(line)
            if when is None and i + 1 < len(lines):
                when = parse_date(line + " " + squash(lines[i + 1]))
                i += 1 if when else 0
            i += 1
            break
        if _TITLE_END_RE.match(line):
            break
        title_lines.append(line)
        i += 1
    i, addressee, when = _addressed(lines, i, when)
    return KamerstukHeader(
        tuple(dossiers), number, " ".join(title_lines) or None, when, chamber, i, addressee
    )


def _addressed(lines: Sequence[str], i: int, when: date | None) -> tuple[int, str | None, date | None]:
    """After a letter's stuk title: "Aan de Voorzitter van de Tweede Kamer der" / "Staten-Generaal" and
    "Den Haag, 11 juli 2025", read as part of the header (the line after the last one read)."""
    addressee = None
    j = i
    while j < min(len(lines), i + 4):
        line = squash(lines[j])
        if addressee is None and (m := ADDRESSEE_RE.match(line)):
            addressee = f"{m.group(1)} Kamer"
            if line.endswith(" der") and j + 1 < len(lines) and squash(lines[j + 1]) == "Staten-Generaal":
                j += 1
        elif (m := PLACE_DATE_RE.match(line)) and parse_date(m.group(1)):
            when = when or parse_date(m.group(1))
        elif not line:
            pass
        else:
            break
        j += 1
        i = j
    return i, addressee, when


@dataclass(frozen=True)
class MotieBody:
    """A motie's body and the facts it gives beside its header."""

    blocks: tuple[Block, ...]  # the motie's own title as heading, then the dictum, labelled
    indieners: tuple[Member, ...]
    title: str  # own title as printed; each dossier title
    replaces: tuple[str, ...]
    signed: tuple[str, ...] = ()  # the names printed under the motie (none: only the title names them)


def motie_body(stuk: StukTitle, dossiers: Sequence[Dossier], blocks: Sequence[Block]) -> MotieBody:
    """The body blocks of a motie (after its header) with its title, indieners and the stukken it replaces.

    Every paragraph gets its dictum label (dictum.labels); the signature lines (one name a line, as
    printed) join the closing formula's paragraph ("en gaat over tot de orde van de dag.\nCeder\nWelzijn"),
    so that no chunk is
    a lone surname; the heading is the own title as normalised
    (with "ter vervanging van die gedrukt onder nr. N" where printed).
    """
    blocks = [
        b for b in blocks if not all(COLOPHON_RE.match(squash(ln)) for ln in b.text.split("\n") if ln.strip())
    ]
    labs = dictum.labels([b.text for b in blocks])
    signed = [b.text for b, lab in zip(blocks, labs, strict=True) if lab == dictum.SIGNATURE]
    signed_names = signers(signed) if signed else ()
    members = indieners(stuk, signed_names)
    heading = printed_own_title(stuk, members)
    out = [Block(HEADING, heading, 1)]
    for b, lab in zip(blocks, labs, strict=True):
        if lab != dictum.SIGNATURE:
            out.append(Block(b.kind if b.kind != HEADING else PARAGRAPH, b.text, 0, b.page, lab or b.label))
    if signed_names and out[-1].label == dictum.CLOSING:
        # the names under the closing formula, in its paragraph: a lone surname is no passage
        last = out[-1]
        out[-1] = Block(PARAGRAPH, last.text + "\n" + "\n".join(signed_names), 0, last.page, dictum.CLOSING)
    elif signed_names:
        page = next((b.page for b, lab in zip(blocks, labs, strict=True) if lab == dictum.SIGNATURE), None)
        out.append(Block(PARAGRAPH, ", ".join(signed_names), page=page, label=dictum.SIGNATURE))
    title = motie_title(heading, [d.title for d in dossiers])
    return MotieBody(tuple(out), members, title, replaced_ids(stuk, dossiers), tuple(signed_names))


@dataclass(frozen=True)
class KamerstukDocument:
    """A document that opens with a printed Kamerstuk header: the header's facts and the body after it."""

    header: KamerstukHeader
    blocks: tuple[Block, ...]
    kind: str | None  # "Motie" where the stuk is a motie
    title: str | None
    indieners: tuple[Member, ...] = ()
    replaces: tuple[str, ...] = ()


# "36 278<tab>Wijziging van …", "Nr. 32  MOTIE VAN …": a header printed in two columns on one line.
_TWO_COLUMNS_RE = re.compile(
    r"^(Nr\.\s*\d{1,5}|\d{1,2}\s?\d{3}(?:\s*-\s*\d{1,3}|\s+[IVXL]{1,6}[AB]?|\s*\(R\d{3,4}\))?)(?:\t|\s{2,})\s*(\S.*)$"
)


def header_cells(line: str) -> list[str]:
    out = []
    for cell in line.split("\t"):
        m = _TWO_COLUMNS_RE.match(cell.strip())
        out.extend([m.group(1), m.group(2)] if m else [cell])
    return out


def read_kamerstuk(blocks: Sequence[Block]) -> KamerstukDocument | None:
    """Find the printed header in the first blocks of any reader (DOCX, .doc, HTML, PDF text).

    A motie's body is restructured by motie_body and its header lines leave the body (they are
    metadata). Another stuk (a letter printed as Kamerstuk) keeps its blocks: only the Kamerstuk
    number is taken, the rest is the metadata reader's.
    """
    lines: list[tuple[int, str]] = []  # (block index, line): a table row cell by cell (DOCX layout tables)
    for i, b in enumerate(blocks[:80]):
        cells = b.text.split(" | ") if b.kind == TABLE_ROW else [b.text]
        parts = [line for cell in cells for line in cell.split("\n")]
        for part in parts:
            lines.extend((i, line) for line in header_cells(part) if line.strip())
    header = read_header([line for _, line in lines])
    if header is None:
        return None
    stuk = parse_stuk_title(header.stuk_title) if header.stuk_title else None
    if stuk is None:
        return KamerstukDocument(header, tuple(blocks), None, None)
    rest: list[Block] = []
    if header.consumed < len(lines):
        first, _ = lines[header.consumed]
        done = [line for i, line in lines[: header.consumed] if i == first]
        if done:  # the header ends inside a block: its remaining lines are a paragraph of their own
            left = [line for i, line in lines[header.consumed :] if i == first]
            rest.append(Block(PARAGRAPH, "\n".join(left), page=blocks[first].page))
            first += 1
        rest.extend(blocks[first:])
    body = motie_body(stuk, header.dossiers, rest)
    return KamerstukDocument(header, body.blocks, "Motie", body.title, body.indieners, body.replaces)
