"""What a sentence says about time: past dates, things still to come, and sentences that elaborate.

Three small signals the answerer reads beside the words:
- a "when" question about something to come ("wanneer wordt ... gelanceerd?", "when is ... expected?")
  is not answered by a date that lies before the letter ("Op 21 maart 2023 heeft u gevraagd");
- a question about an outcome ("what did the SER advise?") is not answered by a sentence that says
  the outcome is still to come ("De SER zal ... in haar advies nader stilstaan"): that is "not stated";
- a sentence opened by "Concreet", "Het gaat om", "Dit zijn" spells out the one before it;
- a question about the end of a period ("tot wanneer ...?", "by when ...?", "wanneer verloopt ...?") is
  answered by a date the sentence marks as an end ("uiterlijk op", "tot en met", "verloopt op");
- a sentence that denies ("geen", "nog niet") answers a yes/no question with no; the question side
  (a yes/no question opens with its verb, a why question asks "waarom") is read here for the analysis.
"""

from __future__ import annotations

import re
from datetime import date

from assistant import terms
from assistant.values import MONTH_YEAR, Value
from ingest.months import MONTH_NUMBERS

_FULL = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTH_NUMBERS) + r")(?:\s+((?:19|20)\d\d))?\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_RELATIVE = re.compile(
    r"\b(?:begin|eind|medio|half|halverwege|voor|na|dit|volgend|early|late|mid|end)\b", re.I
)

_FUTURE_ASK = re.compile(
    r"\b(?:wanneer|when)\s+(?:\w+\s+){0,1}(?:wordt|worden|komt|komen|zal|zullen|gaat|gaan|stuurt|sturen|"
    r"verschijnt|moet|moeten|will|shall|is|are|does|do|should|can)\b|\b(?:verwacht|expected|planned|gepland)\b",
    re.I,
)
_PAST_ASK = re.compile(
    r"\b(?:wanneer|when)\s+(?:\w+\s+){0,1}(?:werd|werden|was|waren|did|were|is\s+\w+\s+ontvangen)\b", re.I
)
# An outcome asked for: what was decided, advised, agreed, concluded.
_OUTCOME_ASK = re.compile(
    r"\b(?:what|wat)\s+(?:did|has|have|heeft|hebben|was|were|is)\b.*\b(?:advis\w*|adviseer\w*|advies|agree\w*|"
    r"afgesproken|decid\w*|besl\w*|conclu\w*|found|vonden|bevind\w*|result\w*|uitkomst|outcome|opleverde)\b",
    re.I,
)
# A sentence that puts the outcome in the future or says it is not there yet.
_PROSPECTIVE = re.compile(
    r"\b(?:zal|zullen|voornemens|nog\s+niet|nog\s+geen|later\s+(?:dit|in)|volgt\s+later|binnenkort|"
    r"in\s+te\s+plannen|wordt\s+verwacht|verwacht\s+ik|komt\s+later|nog\s+plaats\s*vinden)\b",
    re.I,
)
_END_ASK = re.compile(
    r"\b(?:tot\s+wanneer|uiterlijk\s+wanneer|until\s+when|by\s+when|deadline|uiterste\s+datum|"
    r"verloopt|verlopen|expires?|expiry|closes?)\b",
    re.I,
)
# Words that make the date after them an end point; the date follows within a few words.
_END_MARK = re.compile(
    r"\b(?:uiterlijk|tot\s+en\s+met|t/m|tot|verloopt|verlopen|deadline|uiterste|until|by|expires?)\b"
    r"(?:\s+\S+){0,3}\s*$",
    re.I,
)
_ELABORATES = re.compile(
    r"^\s*(?:Concreet|Het\s+gaat\s+(?:hierbij\s+)?om|Dit\s+(?:zijn|betreft|betekent)|Deze\s+(?:groep|zijn)|"
    r"Namelijk|Daarbij\s+gaat\s+het\s+om|Dat\s+(?:zijn|betekent)|Hiervan|Daarvan)\b"
)


def asks_future(question: str) -> bool:
    return bool(_FUTURE_ASK.search(question)) and not _PAST_ASK.search(question)


def asks_end(question: str) -> bool:
    return bool(_END_ASK.search(question))


def marks_end(sentence: str, value: Value) -> bool:
    """The words just before the value make it an end point: "uiterlijk op 18 november 2016"."""
    return bool(_END_MARK.search(sentence[: value.span[0]]))


# A date the clause denies: "lukt het helaas niet de Kamer deze brief voor het zomerreces toe te sturen"
# says when it will NOT happen. "niet later dan", "niet na" bound a date instead, and count as ends.
_NEGATION = re.compile(
    r"\b(?:niet|geen|nooit|not|no|never|cannot|can't|won't)\b(?!\s+(?:later|na|after|meer|more)\b)", re.I
)
_CLAUSE_END = re.compile(
    r"[,;:()]|\b(?:maar|but|omdat|because|zodat|and|en)\s+(?:zal|wordt|is|dit|dat|het|er|we|wij|ik|zij|"
    r"this|that|it|they)\b|\b(?:maar|but|omdat|because|zodat)\b",
    re.I,
)
# A date something moved to: "verschuift naar na het zomerreces", "uitgesteld tot 1 juli", "postponed to".
_SHIFT_MARK = re.compile(
    r"\b(?:verschuift|verschuiven|verschoven|uitgesteld|verplaatst|verzet|opgeschoven|schuift\s+op|"
    r"nieuwe\s+(?:datum|deadline|termijn|planning)|postponed|moved|delayed|deferred|rescheduled|new\s+date)\b"
    r"(?:\s+\S+){0,4}\s*$",
    re.I,
)


def negated(sentence: str, value: Value) -> bool:
    """The clause before the value denies it: a date it will not happen by, not a date it will."""
    before = sentence[: value.span[0]]
    clause = _CLAUSE_END.split(before)[-1]
    return bool(_NEGATION.search(clause))


# A sentence that says no: "geen", "niet", "nog niet", "nooit"; "niet alleen ... maar ook" says more, not no.
_DENIES = re.compile(
    r"\b(?:niet|geen|nooit|not|no|never|cannot|can't|won't|isn't|aren't|doesn't|didn't|hasn't|haven't)\b",
    re.I,
)
_NOT_ONLY = re.compile(r"\b(?:niet\s+alleen|niet\s+enkel|not\s+only)\b", re.I)
# "niet alleen", "sluit niet uit" (a double denial), "niet-Europese" (a prefix), "no." (a number)
_NOT_DENIAL = re.compile(r"\b(?:niet\s+alleen|niet\s+enkel|not\s+only|niet\s+uit(?=\W|$)|niet-|no\.)", re.I)


def denies(sentence: str) -> bool:
    """The sentence says something is not so ("er wordt geen gebruik gemaakt van TikTok")."""
    return bool(_DENIES.search(_NOT_DENIAL.sub(" ", sentence)))


def not_only(sentence: str) -> bool:
    """'niet alleen ... maar ook': it says more than the one thing, which denies an 'only'."""
    return bool(_NOT_ONLY.search(sentence))


def marks_shift(sentence: str, value: Value) -> bool:
    """The words before the value make it the date something moved to ("verschuift naar na de zomer")."""
    return bool(_SHIFT_MARK.search(sentence[: value.span[0]]))


# How far something has come ("hoeveel registers zijn inmiddels beoordeeld?", "how many have been
# assessed so far?"): a sentence that says how many must or will be is no answer to it (development,
# v2-264: "moet een groot aantal openbare registers (minimaal 65) ... beoordeeld worden").
_DONE_ASK = re.compile(
    r"\b(?:inmiddels|tot\s+nu\s+toe|tot\s+dusver|al\s+\w+d|reeds|so\s+far|to\s+date|already|"
    r"have\s+been|has\s+been|zijn\s+(?:\w+\s+){0,2}(?:ge|be|ver|on)\w+[dt])\b",
    re.I,
)
_OBLIGED = re.compile(
    r"\b(?:moet|moeten|dient|dienen|zal|zullen|needs?\s+to|must|has\s+to|have\s+to|will\s+(?:need|have)\s+to)\b"
    r".{0,120}\b(?:worden|zijn|be)\b",
    re.I,
)


_NEED_ASK = re.compile(r"\b(?:need|needs|needed|moet|moeten|dient|dienen|must|have\s+to|has\s+to)\b", re.I)


def asks_done(question: str) -> bool:
    """How far it has come, and not also what must still be done ("how many need cleaning, and ...?")."""
    return bool(_DONE_ASK.search(question)) and not _NEED_ASK.search(question)


def obliged(sentence: str) -> bool:
    """The sentence says what must or will be done, not what has been."""
    return bool(_OBLIGED.search(sentence))


def asks_outcome(question: str) -> bool:
    return bool(_OUTCOME_ASK.search(question))


def prospective(sentence: str) -> bool:
    return bool(_PROSPECTIVE.search(sentence))


def elaborates(sentence: str) -> bool:
    return bool(_ELABORATES.match(sentence))


def _when(value: str, letter_date: date) -> date | None:
    """The date a value names, resolved against the letter's date; None for relative phrases."""
    if _RELATIVE.search(value):
        return None
    full = _FULL.search(value)
    if full:
        year = int(full.group(3)) if full.group(3) else letter_date.year
        try:
            return date(year, MONTH_NUMBERS[full.group(2).lower()], int(full.group(1)))
        except ValueError:
            return None
    month = MONTH_YEAR.search(value)
    if month:
        return date(int(month.group(2)), MONTH_NUMBERS[month.group(1).lower()], 28)
    year = _YEAR.search(value)
    return date(int(year.group(1)), 12, 31) if year else None


def only_past(found: tuple[Value, ...], letter_date: date | None) -> bool:
    """Every date found lies before the letter (a day without a year counts in the letter's year)."""
    if letter_date is None or not found:
        return False
    resolved = [_when(v.text, letter_date) for v in found]
    return all(d is not None and d < letter_date for d in resolved)


# A yes/no question opens with its finite verb ("Is ...?", "Heeft ...?", "Komt er ...?", "Does ...?");
# a Dutch verb in -t ("Presenteert", "Maakt") counts where it is no question word ("Wat", "Welk").
_POLAR_EN = re.compile(
    r"^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)\b", re.I
)
_POLAR_NL = re.compile(
    r"^(?:is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|had|hadden|kan|kunnen|zal|zullen|"
    r"moet|moeten|mag|mogen|gaat|gaan|komt|komen|blijft|blijven|krijgt|krijgen|staat|geldt|bevat|"
    r"steunt|vindt|wil|willen)\b|^(?!(?:wat|welk|what|that|just|first|most|next|best|last)\b)[a-z]{3,}t\b",
    re.I,
)
_WHY = re.compile(
    r"\b(?:waarom|why|om welke reden|for what reason|what is the reason|wat is de reden|"
    r"hoe komt het dat|how come)\b",
    re.I,
)


def asks_why(question: str) -> bool:
    """'Waarom ...?', 'why ...?', 'om welke reden ...?': the reason is asked, not a value."""
    return bool(_WHY.search(question))


def polar(text: str) -> bool:
    """A yes/no question: it opens with its verb and asks no alternative ("... or ...?")."""
    text = re.sub(r"^(?:en|and|maar|but|ook|also)\s+", "", text.strip(), flags=re.I)  # "En is dat ...?"
    # "Is the motion adopted or rejected?": an alternative near the end asks which, not whether
    alternative = (
        r"\bor\s+(?:\S+\s+){0,2}\S+\?$"
        if terms.detect_language(text) == "en"
        else r"\bof\s+(?:\S+\s+){0,2}\S+\?$"
    )
    if not text.endswith("?") or re.search(alternative, text, re.I):
        return False
    return bool(_POLAR_EN.match(text) or _POLAR_NL.match(text))
