"""A commitment being read from a letter: its identifiers, members and verdict signals (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.commitment_text import merge_members, squash
from ingest.model import AFGEDAAN, NO_VERDICT, OPEN_VERDICTS, Deadline, Footnote, Member, Section
from ingest.verdicts import DELAY, FUTURE, RUNNING, STATUS

GROUP_RE = re.compile(r"^(?:Moties|Toezeggingen|Moties en toezeggingen)$", re.I)
# A heading in the plural ("Toezeggingen uit het commissiedebat Digitale overheid") is about several
# commitments: it names none of them.
PLURAL_RE = re.compile(r"^(?:Moties|Toezeggingen)\b|\b(?:moties|toezeggingen)\b", re.I)
# "Motie Ceder – ...", "Toezegging - ...", "2. Gewijzigde motie van de leden X en Y over ...", "Nader
# gewijzigde motie van het lid X": a (nader) gewijzigde motie is a motie under its own heading.
# A heading's enumerator: '2.', '3.1', '2)', 'a)' (lettered subheadings, dev10).
_ENUM = r"(?:\d+(?:\.\d+)*\.?|\d+\)|[a-z]\))\s+"
HEADING_RE = re.compile(
    rf"^(?:{_ENUM})?(?:(?:[Nn]ader\s+)?[Gg]ewijzigde\s+(?=motie\b))?"
    r"(?P<kind>Moties|Motie|motie|Toezegging)\b\s*(?P<rest>.*)$"
)
NUMBER_RE = re.compile(rf"^{_ENUM}")
QUOTE_RE = re.compile(r"[“\"]([^”\"]{10,400})[”\"]")


@dataclass(frozen=True)
class Signal:
    """One sentence's verdict on a draft, with its strength (ingest/verdicts.py) and the moment it names."""

    strength: int
    verdict: str
    sentence: str  # verbatim
    anchor: int  # offset in the letter text
    deadline: Deadline | None = None  # a moment still to come that the sentence names


@dataclass
class Draft:
    """A commitment being read from one section."""

    kind: str
    title: str
    pos: int
    identifiers: list[str] = field(default_factory=list)
    members: tuple[Member, ...] = ()
    promise: str | None = None
    cites: list[str] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    section: Section | None = None
    siblings: list[Draft] = field(default_factory=list)  # moties printed under one heading
    # Named in the text of a section about something else: a record only where it gets a verdict.
    in_passing: bool = False
    # Where the letter says it made this promise ('heb ik ... toegezegd'): a second such sentence in
    # the section is a second promise, not this one again.
    promised_at: int | None = None
    # Moties first named together in one sentence ('de motie van het lid Ceder (...) en de motie van de
    # leden Kwint en Maatoug (...), die beide vragen ...'): a later sentence naming neither is about both.
    named_with: list[Draft] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)  # a gewijzigde motie's predecessors, as the text says
    # The dictum a footnote at an unnumbered motie quotes ("hieruit: 'verzoekt de regering ...'"): it ties the
    # motie to the numbered one the letter paraphrases elsewhere.
    quoted: str | None = None

    def add_ids(self, ids: list[str], cites: list[str] = ()) -> None:
        self.identifiers += [i for i in ids if i not in self.identifiers]
        self.cites += [c for c in cites if c not in self.cites and c not in self.identifiers]

    def absorb(self, other: Draft) -> None:
        """The same numbered commitment named in another section of the letter."""
        self.add_ids(other.identifiers, other.cites)
        self.in_passing = self.in_passing and other.in_passing
        self.members = merge_members(self.members, other.members)
        self.signals += other.signals
        self.deadlines += [x for x in other.deadlines if x not in self.deadlines]
        self.replaces += [x for x in other.replaces if x not in self.replaces]

    def verdict(self) -> tuple[str, Signal | None, Deadline | None]:
        """The strongest signal (the last of that strength) and the deadline that holds after it."""
        if not self.signals:
            return NO_VERDICT, None, None
        top = max(s.strength for s in self.signals)
        same = [s for s in self.signals if s.strength == top]
        # Of several next steps the one with a moment says when ('voor begin 2025 in te plannen').
        dated = [s for s in same if s.deadline is not None] if top == FUTURE else []
        chosen = (dated or same)[-1]
        if chosen.verdict == AFGEDAAN:
            return chosen.verdict, chosen, None
        # The moment of the next step: the chosen sentence's own, else the last one a sentence names.
        moments = [s.deadline for s in self.signals if s.deadline is not None]
        deadline = chosen.deadline or (moments[-1] if moments and chosen.verdict in OPEN_VERDICTS else None)
        return chosen.verdict, chosen, deadline


def ids_for(kind: str, footnotes: list[Footnote]) -> tuple[list[str], list[str]]:
    """(identifiers, cites): a toezegging is known by its T/TZ number, a motie by its Kamerstuk.

    A Kamerstuk a toezegging's footnote cites is where it was made or what it refers to, not its number.
    """
    tz = [i for f in footnotes for i in f.toezeggingen]
    kst = [i for f in footnotes for i in f.kamerstukken]
    if kind == "toezegging":
        return tz, kst
    return (kst, []) if kst else (tz, [])


def draft_title(heading: str, sent: str, at: int, kind: str, members: tuple[Member, ...], other: bool) -> str:
    """A quoted ask ('een motie aangenomen om “...”'), else the section's own heading.

    Where the heading is another commitment's ('Motie Buijsse - ...' over 'in lijn met de motie van het
    lid Six-Dijkstra'), the kind and its members name it ('Motie Six-Dijkstra'), never a fragment.
    """
    quoted = QUOTE_RE.search(sent, at)
    if quoted:
        return squash(quoted.group(1))
    title = NUMBER_RE.sub("", heading)
    names_it = title and not GROUP_RE.match(title) and not PLURAL_RE.search(title)
    # A motie is known by its indieners ('motie-Vermeer'); a toezegging is not known by who asked for it.
    if kind == "motie" and members and (other or HEADING_RE.match(heading) or not names_it):
        return f"{kind.capitalize()} {' en '.join(m.name for m in members)}"
    if names_it and not (other and kind == "toezegging"):  # a second toezegging: the heading is the first's
        return title
    # No heading names it (or the heading names another commitment): its own words, from the promise
    # after 'toegezegd' ('toegezegd een gesprek te voeren met ...'), else from the word that names it.
    return promised_words(sent[at:])


# What a promise sentence says is promised, after the word that names it: 'toegezegd uw Kamer te
# informeren over het aantal ...' and 'Toezegging (T03812): De minister zegt toe de Kamer jaarlijks te
# informeren over ...' give 'Het aantal ...', 'Jaarlijks ...' (the promise's object, not the words
# around it).
_PROMISE_LEAD = re.compile(
    r"^(?:toegezegd|toezegging\s*(?:\([^()]*\))?\s*:?)\s*|^zegde\s+(?:ik|we|wij)\s+[^.;]*?\btoe\b\s*|"
    r"^(?:de|het)\s+(?:minister|staatssecretaris)\b[^,]*?\bzegt\s+(?:de\s+Kamer\s+)?(?:toe\b)?\s*|"
    r"^,?\s*naar\s+aanleiding\s+van\s+[^,]*,\s*(?:toe\b\s*)?|^(?:dat|om)\s+|"
    r"^(?:uw|de)\s+(?:Tweede\s+)?Kamer\s+(?:nader\s+|jaarlijks\s+)?te\s+informeren\s+(?:over|inzake)\s+|"
    # the promise quoted in the future tense: 'De minister zal de Kamer voor 1 januari 2026 informeren over'
    r"^(?:de|het)\s+(?:minister|staatssecretaris|kabinet)\s+zal\s+(?:uw|de)\s+(?:Tweede\s+)?Kamer\s+"
    r"[^,.;]{0,40}?informeren\s+(?:over|inzake)\s+",
    re.I,
)


def promised_words(text: str) -> str:
    text = squash(text)
    while (m := _PROMISE_LEAD.match(text)) and m.end() > 0:
        text = text[m.end() :]
    words = text.split()
    text = " ".join(words[:14]).rstrip(".,;:")
    return text[:1].upper() + text[1:]


__all__ = ["DELAY", "FUTURE", "RUNNING", "STATUS", "Draft", "Signal", "draft_title", "ids_for"]
