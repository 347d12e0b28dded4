"""What a cited passage is about, by its identifier: the commitment its section heads, or the motie itself.

A committee memo files each toezegging under a heading ("2. T03924: Toezegging Informeren Kamer ...")
and a motie is known by its Kamerstuk number ("26643 nr. 1388"); neither is in the quoted sentence or
in the passage's footnotes. A quote from such a passage is labelled with that identifier, once per
answer, unless the answer already names it, so that the reader sees which commitment or motie the
sentence belongs to.
"""

from __future__ import annotations

from assistant import terms
from ingest.model import Chunk, Letter

MAX_IDS = 2  # a heading naming more commitments ("T03926 en T03927") is labelled with the first two


def passage_reference(chunk: Chunk, letter: Letter) -> str | None:
    """'T03924' for a passage under a commitment's heading; 'Kamerstuk 26643 nr. 1388' for a motie."""
    for heading in reversed(chunk.section_path):  # the innermost heading that names a commitment
        ids = list(dict.fromkeys(terms.identifiers(heading)))
        if ids:
            return ", ".join(ids[:MAX_IDS])
    if letter.kind == "motie" and letter.kamerstuk:
        return f"Kamerstuk {letter.kamerstuk}"
    return None


def _named(reference: str, text: str) -> bool:
    """Every identifier of the reference is already in the text (identifiers compared upper-cased)."""
    if reference.startswith("Kamerstuk "):
        return reference[len("Kamerstuk ") :] in text
    shown = set(terms.identifiers(text))
    return all(r.strip() in shown for r in reference.split(","))


class References:
    """Labels quotes with their passage's identifier, the first time the answer shows that passage's."""

    def __init__(self, shown: str = "") -> None:
        self.shown = shown

    def label(self, chunk: Chunk, letter: Letter, quote: str) -> str:
        """'T03924: ' before the quote's opening mark, or '' when the answer names it already."""
        reference = passage_reference(chunk, letter)
        if reference is None or _named(reference, f"{self.shown}\n{quote}"):
            return ""
        self.shown += "\n" + reference
        return f"{reference}: "

    def see(self, text: str) -> None:
        """Text the answer shows (its short line, its lead): identifiers in it need no label."""
        self.shown += "\n" + text
