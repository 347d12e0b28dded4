"""The register's words in Dutch and English: verdicts, parties, kinds, roles, dates (a fixed table).

An English question gets an English frame from this table, the Dutch term beside it ("settled
(afgedaan)"); quotes from the letters always stay Dutch.
"""

from __future__ import annotations

from datetime import date

from ingest.model import (
    AFGEDAAN,
    ASKED,
    BETROKKEN,
    COMMITTEE,
    DEELS,
    IN_UITVOERING,
    INDIENER,
    INGEDIEND,
    MINISTER,
    MOTIE_ITSELF,
    NIEUWE_DEADLINE,
    NO_VERDICT,
    OPENSTAAND,
    PROPOSAL,
    STAATSSECRETARIS,
    UITGESTELD,
    VERTRAAGD,
)
from ingest.months import MONTHS_EN, MONTHS_NL

VERDICT_EN = {
    AFGEDAAN: "settled",
    DEELS: "partly met",
    OPENSTAAND: "open",
    IN_UITVOERING: "in progress",
    UITGESTELD: "postponed",
    VERTRAAGD: "delayed",
    NIEUWE_DEADLINE: "new deadline",
    NO_VERDICT: "no verdict",
    INGEDIEND: "submitted, outcome unknown",
}
SOURCE = {
    "nl": {
        MINISTER: "de minister",
        STAATSSECRETARIS: "de staatssecretaris",
        PROPOSAL: "het ambtelijk voorstel",
        COMMITTEE: "de commissie",
        MOTIE_ITSELF: "de motie zelf",
    },
    "en": {
        MINISTER: "the minister",
        STAATSSECRETARIS: "the state secretary",
        PROPOSAL: "the staff proposal (ambtelijk voorstel)",
        COMMITTEE: "the committee",
        MOTIE_ITSELF: "the motion itself",
    },
}
KIND = {
    "nl": {
        "toezegging": ("toezegging", "toezeggingen"),
        "motie": ("motie", "moties"),
        "besluit": ("besluit", "besluiten"),
    },
    "en": {
        "toezegging": ("commitment", "commitments"),
        "motie": ("motion", "motions"),
        "besluit": ("decision", "decisions"),
    },
}
ROLE = {
    "nl": {INDIENER: "indiener", ASKED: "gevraagd", BETROKKEN: "betrokken lid"},
    "en": {INDIENER: "submitted", ASKED: "asked for", BETROKKEN: "member concerned"},
}
_MONTHS = {
    "nl": list(MONTHS_NL),
    "en": list(MONTHS_EN),
}
WORDS = {
    "nl": {
        "by": "volgens",
        "of": "van",
        "deadline": "deadline",
        "earlier": "Eerder",
        "not_before": "niet vóór",
        "standing": "de status die gold",
        "letter": "brief",
        "member": ("lid", "leden"),
        "and": "en",
        "ordered_deadline": "op deadline",
        "ordered_date": "op datum",
        "none": "Geen",
    },
    "en": {
        "by": "according to",
        "of": "of",
        "deadline": "due",
        "earlier": "Earlier",
        "not_before": "not before",
        "standing": "the standing status",
        "letter": "letter",
        "member": ("member", "members"),
        "and": "and",
        "ordered_deadline": "by deadline",
        "ordered_date": "by date",
        "none": "No",
    },
}


def verdict_label(verdict: str, language: str) -> str:
    """'afgedaan' in Dutch; 'settled (afgedaan)' in English."""
    if language == "en":
        return f"{VERDICT_EN.get(verdict, verdict)} ({verdict})"
    return verdict


def source_label(source: str | None, language: str) -> str:
    return SOURCE[language].get(source or "", source or "")


def kind_label(kind: str, language: str, plural: bool = False) -> str:
    forms = KIND[language].get(kind, (kind, kind))
    return forms[1] if plural else forms[0]


def format_date(value: date, language: str) -> str:
    return f"{value.day} {_MONTHS[language][value.month - 1]} {value.year}"
