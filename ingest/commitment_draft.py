"""A commitment being read from a letter: its identifiers, members and verdict signals (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.commitment_text import merge_members
from ingest.model import AFGEDAAN, NO_VERDICT, OPEN_VERDICTS, Deadline, Footnote, Member, Section
from ingest.verdicts import DELAY, FUTURE, RUNNING, STATUS


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

    def add_ids(self, ids: list[str], cites: list[str] = ()) -> None:
        self.identifiers += [i for i in ids if i not in self.identifiers]
        self.cites += [c for c in cites if c not in self.cites and c not in self.identifiers]

    def absorb(self, other: Draft) -> None:
        """The same numbered commitment named in another section of the letter."""
        self.add_ids(other.identifiers, other.cites)
        self.members = merge_members(self.members, other.members)
        self.signals += other.signals
        self.deadlines += [x for x in other.deadlines if x not in self.deadlines]

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


__all__ = ["DELAY", "FUTURE", "RUNNING", "STATUS", "Draft", "Signal", "ids_for"]
