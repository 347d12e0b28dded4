"""What a committee decided about an item of its decision list: the item's "Besluit:" rows lead."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import terms
from assistant.evidence import Candidate, sentence_spans
from ingest.decision_list import is_decision_list, is_decision_row, row_label

# "Wat besloot de commissie over ...?", "Welk besluit ...", "What did the committee decide / do ...?"
_DECISION_ASK = re.compile(
    r"\b(?:besl(?:oot|oten|ist|issen|uit|uiten|issing\w*)|afgesproken|decid\w*|decision\w*|"
    r"what\s+did\s+the\s+committee\s+do|wat\s+deed\s+de\s+commissie|"
    # what becomes of an item: on a decision list its Besluit says so ("Aanhouden tot ...")
    r"what\s+(?:is|was)\s+happening\s+(?:with|to)|what\s+happen(?:s|ed)\s+(?:with|to)|"
    r"wat\s+(?:gebeurt|gebeurde)\s+(?:er\s+)?met|hoe\s+staat\s+het\s+met|what\s+will\s+be\s+done\s+with)\b",
    re.I,
)


def asks_decision(question: str) -> bool:
    """The question asks what was decided (about an item of a decision list)."""
    return bool(_DECISION_ASK.search(question))


def item_decisions(lead: Candidate) -> list[Candidate]:
    """The "Besluit:" rows of the decision-list item the lead sentence belongs to, in reading order.

    An item runs from its "Zaak:" row to the next one (its heading comes before the Zaak row); a
    sentence of another document, or of an item without a Besluit row, gives none.
    """
    hit = lead.hit
    if not is_decision_list(hit.letter):
        return []
    text = hit.chunk.text
    spans = sentence_spans(hit)
    cases = [i for i, (a, b) in enumerate(spans) if (row_label(text[a:b]) or "").startswith("Zaak")]
    here = next((i for i, sp in enumerate(spans) if sp[0] <= lead.span[0] < sp[1]), None)
    if here is None:
        return []
    if here + 1 in cases and row_label(text[slice(*spans[here])]) is None:
        here += 1  # the lead is the item's heading, right before its Zaak row
    start = max((i for i in cases if i <= here), default=0)
    end = min((i for i in cases if i > here), default=len(spans))
    out = []
    for a, b in spans[start:end]:
        if is_decision_row(text[a:b]):
            stems = frozenset(terms.content_stems(text[a:b]))
            out.append(replace(lead, span=(a, b), values=(), stems=stems, part=None))
    return out
