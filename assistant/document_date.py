"""When a motie was voorgesteld (submitted, tabled): its own date, not a date its text mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.evidence import Candidate
from assistant.frame import format_date
from assistant.motie_parts import asking_sentence
from assistant.values import Value

_MOTIE = re.compile(r"\b(?:motie\w*|motion\w*)\b", re.I)
_SUBMITTED = re.compile(
    r"\b(?:voorgesteld|ingediend|indienen|ingebracht|submitted|tabled|proposed|filed|put\s+forward|"
    r"introduced)\b",
    re.I,
)


def asks_submission(question: str) -> bool:
    """The question asks when a motie was voorgesteld / ingediend / submitted / tabled."""
    return bool(_MOTIE.search(question) and _SUBMITTED.search(question))


def _submitted_by(candidate: Candidate, members: Sequence[str]) -> bool:
    letter = candidate.hit.letter
    names = " ".join([letter.title or "", *(m.name for m in letter.indieners)]).lower()
    return not members or any(m.lower() in names for m in members)


def motie_date_lead(candidates: Sequence[Candidate], members: Sequence[str] = ()) -> Candidate | None:
    """The best sentence of the best dated motie among the candidates (of those the question's members
    submitted, where it names any), with the motie's own date (its Voorgesteld date) as the asked value.

    The motie is quoted by what it asks ("verzoekt de regering ..."), where that sentence is a candidate.
    """
    best = next(
        (
            c
            for c in candidates
            if c.hit.letter.kind == "motie" and c.hit.letter.date and _submitted_by(c, members)
        ),
        None,
    )
    if best is None:
        return None
    lead = asking_sentence(candidates, best)
    when = Value("date", format_date(best.hit.letter.date, "nl"), (0, 0))  # as the letters print it
    return replace(lead, values=(when,))
