"""A motie's dictum taken apart: opening, considerations, what the Kamer asks, closing, signature (pure).

A motie reads "De Kamer, gehoord de beraadslaging, constaterende dat …; overwegende dat …; verzoekt de
regering …, en gaat over tot de orde van de dag." followed by the indieners. Each printed paragraph
gets one label, so that readers can mark their blocks and the register can find the motie's ask
(`asks`) in a Letter's text, whatever format the motie came in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

OPENING = "opening"  # "De Kamer,", "gehoord de beraadslaging,"
CONSIDERATION = "consideration"  # constaterende / overwegende / van mening / van oordeel …
ASK = "ask"  # verzoekt / spreekt uit / roept op / draagt op / besluit …, and its list items
CLOSING = "closing"  # "en gaat over tot de orde van de dag."
SIGNATURE = "signature"  # the indieners' names

CLOSING_RE = re.compile(r"\ben gaat over tot de (?:orde )?(?:van )?(?:de )?dag\b", re.I)
# A name as printed under a motie: letters, hyphens, apostrophes, at most five words, no digits.
NAME_RE = re.compile(r"^(?!(?:De Kamer|en gaat)\b)[A-ZÀ-ÝĀ-ſ'’][^\W\d_]*(?:[ .'’-]+[^\W\d_]+){0,5}\.?$")
OPENING_RE = re.compile(r"^(?:De Kamer,?|gehoord de beraadslaging\b)", re.I)
_LEAD = r"(?:(?:en|voorts|verder|tevens|daarnaast|tot slot|ook|mede)\s+)?"
CONSIDERATION_RE = re.compile(
    rf"^{_LEAD}(?:constater\w*|overweg\w*|van mening|van oordeel|is van mening|gelet op|gezien\b|erkennende"
    r"|kennisgenomen|onderstrepend\w*|benadrukkende|in aanmerking nemende|wijzend\w*|vaststellende"
    r"|na met waardering|betreurende)",
    re.I,
)
# The operative verbs of a motie (the Kamer's decision): what the register records as the ask.
ASK_RE = re.compile(
    rf"^{_LEAD}(?:verzoekt|spreekt\b|roept\b|draagt\b|besluit\b|zegt\b.*\bvertrouwen|stelt vast|veroordeelt"
    r"|erkent|herbevestigt|onderschrijft|neemt\b|merkt op|wijst\b|betreurt|dringt\b|vraagt\b|eist\b"
    r"|geeft\b.*\bopdracht|nodigt\b|moedigt\b|steunt\b|verwerpt\b)",
    re.I,
)


def is_name(line: str) -> bool:
    """A line that can be a member's name under a motie ("Ceder", "Diederik van Dijk", "Van der Plas")."""
    line = " ".join(line.split())
    return len(line) <= 50 and len(line.split()) <= 5 and bool(NAME_RE.match(line)) and not line.endswith(".")


def labels(paragraphs: Sequence[str]) -> list[str | None]:
    """One label per paragraph of a motie (None where a paragraph is none of the parts)."""
    texts = [" ".join(p.split()) for p in paragraphs]
    closing = max((i for i, t in enumerate(texts) if CLOSING_RE.search(t) and len(t) < 80), default=None)
    # The signature: the name lines after the closing, or (closing misprinted) the trailing name lines.
    if closing is not None:
        sig_end = closing + 1
        while sig_end < len(texts) and is_name(texts[sig_end]):
            sig_end += 1
        signature = range(closing + 1, sig_end)
    else:
        sig_start = len(texts)
        while sig_start > 0 and is_name(texts[sig_start - 1]):
            sig_start -= 1
        signature = range(sig_start, len(texts))
    out: list[str | None] = []
    state: str | None = None
    for i, t in enumerate(texts):
        if i == closing:
            label: str | None = CLOSING
        elif i in signature:
            label = SIGNATURE
        elif OPENING_RE.match(t) and state in (None, OPENING):
            label = OPENING
        elif CONSIDERATION_RE.match(t):
            label = CONSIDERATION
        elif ASK_RE.match(t):
            label = ASK
        elif state in (ASK, CONSIDERATION) and (closing is None or i < closing):
            label = state  # a list item or the continuation of "verzoekt de regering:"
        else:
            label = None
        out.append(label)
        state = label or state
    return out


def asks(text: str) -> tuple[str, ...]:
    """The paragraphs of a motie's text that state what the Kamer asks ("verzoekt de regering …")."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return tuple(
        " ".join(p.split()) for p, lab in zip(paragraphs, labels(paragraphs), strict=True) if lab == ASK
    )
