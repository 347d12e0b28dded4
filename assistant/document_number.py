"""Which number something has: a toezegging's TZ/T number, a motie's Kamerstuk and dossier, the number a
(nader) gewijzigde motie replaced, a Commissiedocument's COM number (the "identifier" kind of value)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.evidence import Candidate
from assistant.motie_parts import asking_sentence
from assistant.values import Value

_BEFORE = re.compile(
    r"\b(?:voordat\s+(?:zij|hij|ze|die|het)\s+(?:werd\s+)?gewijzigd|oorspronkelijk\w*|eerdere?|vorige|"
    r"before\s+it\s+was\s+(?:amended|changed|replaced)|originally|original|earlier|previous)\b",
    re.I,
)
_REPLACED = re.compile(r"ter vervanging van (?:die|de motie) gedrukt onder (nr\.\s?\d+)", re.I)


def _dossier_title(title: str | None) -> str:
    """'Motie van het lid Boswijk c.s.; Toekomst van de krijgsmacht' -> 'Toekomst van de krijgsmacht'."""
    return title.split(";", 1)[1].strip() if title and ";" in title else ""


def motie_number_lead(candidates: Sequence[Candidate], question: str) -> Candidate | None:
    """The best motie among the candidates, with its own number as the asked value: its Kamerstuk and
    dossier title from its reader's metadata, or, asked for the number before it was amended, the number
    it replaced (its title: "ter vervanging van die gedrukt onder nr. 45"). None when no motie is best."""
    best = candidates[0] if candidates else None
    if best is None or best.hit.letter.kind != "motie" or not best.hit.letter.kamerstuk:
        return None
    letter = best.hit.letter
    text = f"Kamerstuk {letter.kamerstuk}"
    if _BEFORE.search(question):
        replaced = _REPLACED.search(" ".join([letter.title or "", *best.hit.chunk.section_path]))
        if replaced is None:
            return None
        text = replaced.group(1)
    elif dossier := _dossier_title(letter.title):
        text += f" ({dossier})"
    return replace(asking_sentence(candidates, best), values=(Value("identifier", text, (0, 0)),))
