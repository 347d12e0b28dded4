"""The answer's frame in the asker's language: a fixed vocabulary around the letters' own Dutch words.

Nothing here translates free text. English frames are built from structured facts only: labels,
verdicts, month names and the fixed Dutch time phrases ("eind juni", "voor de zomer"); the quotes
stay as the letters print them.
"""

from __future__ import annotations

import re

from ingest.model import AFGEDAAN, DEELS, NO_VERDICT, OPENSTAAND
from ingest.months import MONTHS_EN, MONTHS_NL

NOT_FOUND = {"nl": "Niet gevonden in de brieven.", "en": "Not found in the letters."}
LABELS = {
    "amount": {"nl": "Bedrag", "en": "Amount"},
    "count": {"nl": "Aantal", "en": "Number"},
    "when": {"nl": "Wanneer", "en": "When"},
    "duration": {"nl": "Duur", "en": "Duration"},
    "who": {"nl": "Wie", "en": "Who"},
    "where": {"nl": "Waar", "en": "Where"},
    "identifier": {"nl": "Nummer", "en": "Number"},
    "status": {"nl": "Status", "en": "Status"},
    "why": {"nl": "Reden", "en": "Reason"},
}
# The answer to a yes/no question, and what introduces the sentence it rests on.
POLAR = {"yes": {"nl": "Ja", "en": "Yes"}, "no": {"nl": "Nee", "en": "No"}}
SAYS = {"nl": "de brief zegt:", "en": "the letter says:"}
# What the asked fact is called in a "not stated" answer.
ASKED = {
    "amount": {"nl": "het gevraagde bedrag", "en": "the amount asked for"},
    "count": {"nl": "het gevraagde aantal", "en": "the number asked for"},
    "when": {"nl": "de gevraagde datum", "en": "the date asked for"},
    "duration": {"nl": "de gevraagde duur", "en": "the duration asked for"},
    "who": {"nl": "de gevraagde naam", "en": "the name asked for"},
    "outcome": {"nl": "de gevraagde uitkomst", "en": "the outcome asked for"},
    "identifier": {"nl": "het gevraagde nummer", "en": "the number asked for"},
    "why": {"nl": "de gevraagde reden", "en": "the reason asked for"},
}
QUOTED_IN_DUTCH = {"nl": "", "en": "From the letters (quoted in Dutch):"}
VERDICT_EN = {AFGEDAAN: "settled", DEELS: "partly met", OPENSTAAND: "still open", NO_VERDICT: "no verdict"}
KIND_EN = {"toezegging": "commitment", "motie": "motion"}
_MONTHS_NL = list(MONTHS_NL)
_MONTHS_EN = list(MONTHS_EN)
# Dutch time phrases and their fixed English equivalents (longest first when applied).
_PHRASES_EN = {
    "voor de zomer": "before the summer",
    "na de zomer": "after the summer",
    "voor het zomerreces": "before the summer recess",
    "in het voorjaar": "in the spring",
    "in het najaar": "in the autumn",
    "het voorjaar": "the spring",
    "het najaar": "the autumn",
    "voorjaar": "spring",
    "najaar": "autumn",
    "zomer": "summer",
    "winter": "winter",
    "eerste kwartaal": "first quarter",
    "tweede kwartaal": "second quarter",
    "derde kwartaal": "third quarter",
    "vierde kwartaal": "fourth quarter",
    "eerste helft": "first half",
    "tweede helft": "second half",
    "dit jaar": "this year",
    "volgend jaar": "next year",
    "het eind van": "the end of",
    "het einde van": "the end of",
    "eind van": "the end of",
    "einde van": "the end of",
    "het begin van": "the beginning of",
    "begin van": "the beginning of",
    "het midden van": "the middle of",
    "de komende": "this coming",
    "het komende": "this coming",
    "komende": "this coming",
    "dit najaar": "this autumn",
    "dit voorjaar": "this spring",
    "aankomende": "this coming",
    "deze": "this",
    "volgende": "next",
    "afgelopen": "last",
    "begin": "early",
    "eind": "end of",
    "medio": "mid",
    "halverwege": "halfway through",
    "uiterlijk": "by",
    "vanaf": "from",
    "sinds": "since",
    "per": "as of",
    "tot": "until",
    "in": "in",
    "van": "of",
    "het": "the",
    "de": "the",
    "voor": "before",
}
_PHRASE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_PHRASES_EN, key=len, reverse=True)) + r")\b", re.I
)
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS_NL) + r")\b", re.I)


def format_date(value, language: str) -> str:  # noqa: ANN001 - a datetime.date
    months = _MONTHS_EN if language == "en" else _MONTHS_NL
    return f"{value.day} {months[value.month - 1]} {value.year}"


def date_phrase(text: str, language: str) -> str:
    """A date as the letter prints it ("eind juni", "19 december"), in the frame's language.

    Only the fixed vocabulary is rendered in English (month names, "eind", "voor de zomer"); a phrase
    with any other word stays Dutch, quoted.
    """
    if language != "en":
        return text
    english = _MONTH_RE.sub(lambda m: _MONTHS_EN[_MONTHS_NL.index(m.group(1).lower())], text)
    english = _PHRASE_RE.sub(lambda m: _PHRASES_EN[m.group(0).lower()], english)
    leftover = re.sub(r"\d+|\b(?:" + "|".join(_MONTHS_EN) + r")\b", " ", english)
    known = set(" ".join(_PHRASES_EN.values()).split())
    if any(w.lower() not in known for w in re.findall(r"[^\W\d_]+", leftover)):
        return f"“{text}”"
    return english


_UNITS_EN = {
    "dagen": "days", "dag": "day", "werkdagen": "working days", "weken": "weeks", "week": "week",
    "maanden": "months", "maand": "month", "jaren": "years", "jaar": "years", "uur": "hours",
    "kwartalen": "quarters", "binnen": "within", "na": "after", "gedurende": "for",
    "twee": "two", "drie": "three", "vier": "four", "vijf": "five", "zes": "six", "zeven": "seven",
    "acht": "eight", "negen": "nine", "tien": "ten", "twaalf": "twelve", "achttien": "eighteen",
    "een": "one", "één": "one", "anderhalf": "one and a half",
}  # fmt: skip
# Dutch "jaar" and "uur" serve one and many ("één jaar", "drie jaar"): after "one" English wants the singular.
_SINGULAR_EN = {"years": "year", "hours": "hour", "days": "day", "months": "month", "weeks": "week",
                "quarters": "quarter", "working days": "working day"}  # fmt: skip


def duration_phrase(text: str, language: str) -> str:
    """A span of time as printed ("24 maanden", "binnen zes weken"), in the frame's language."""
    if language != "en":
        return text
    words = text.split()
    if not all(w.lower() in _UNITS_EN or re.fullmatch(r"[\d.,-]+", w) for w in words):
        return f"“{text}”"
    english = [_UNITS_EN.get(w.lower(), w) for w in words]
    if len(english) >= 2 and english[-2] in ("one", "1"):
        english[-1] = _SINGULAR_EN.get(english[-1], english[-1])  # "één jaar": "one year", not "one years"
    return " ".join(english)


def verdict(value: str, language: str) -> str:
    """'afgedaan' in Dutch; 'settled (afgedaan)' in English."""
    if language == "en":
        return f"{VERDICT_EN.get(value, value)} ({value})"
    return value


def kind_name(kind: str, language: str) -> str:
    if language == "en":
        return f"{KIND_EN.get(kind, kind).capitalize()} ({kind})"
    return kind.capitalize()


def members_label(count: int, language: str) -> str:
    if language == "en":
        return "members" if count > 1 else "member"
    return "leden" if count > 1 else "lid"


def join(values: list[str], language: str) -> str:
    """'a, b and c' / 'a, b en c'."""
    if len(values) <= 1:
        return "".join(values)
    conj = " and " if language == "en" else " en "
    return ", ".join(values[:-1]) + conj + values[-1]


def not_stated(asked: str, language: str) -> str:
    """The line that says the letters discuss the topic but not the asked fact."""
    what = ASKED.get(asked, ASKED["outcome"])[language]
    if language == "en":
        return f"The letters discuss this, but do not state {what}. What they do say:"
    return f"De brieven gaan hierover, maar noemen {what} niet. Wat er wel staat:"


def polar(answer: str, language: str) -> str:
    """'Ja' / 'Nee' / 'Yes' / 'No'."""
    return POLAR[answer][language]


def letter_of(when: str, language: str) -> str:
    return f"in the letter of {when}" if language == "en" else f"in de brief van {when}"
