"""Typed values a sentence states: amounts of money, numbers, dates and periods, names; as printed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts import members_in
from assistant.terms import identifiers
from ingest.months import MONTHS_EN, MONTHS_NL

_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?(?:,-)?|\d+(?:[.,]\d+)?(?:,-)?"
_SCALE = r"(?:miljoen|miljard|mln\.?|mld\.?|mrd\.?|duizend)"  # the letters are Dutch: Dutch words only
_NUMBER_WORDS = (
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|zestig|"
    r"zeventig|tachtig|negentig|honderd|duizend|de helft|een derde|een kwart|"
    # "het gebruik ... in 2030 te halveren" states the size of a cut: by half
    r"halveren|halvering|verdubbelen|verdubbeling"
)
MONEY = re.compile(
    rf"(?:€|EUR\b|euro\s)\s?(?:{_NUM})(?:\s?{_SCALE})?|(?:{_NUM})\s?{_SCALE}(?:\s?(?:euro|EUR)\b)?|"
    rf"(?:{_NUM})\s?(?:euro|EUR)\b|(?:{_NUMBER_WORDS})\s+{_SCALE}(?:\s+euro)?",
    re.I,
)
_PERCENT = rf"(?:{_NUM}|{_NUMBER_WORDS})\s?(?:%|procent|percent|procentpunt\w*)"
# A range with its unit: "2-4 Mton", "10 tot 15 procent" (without the unit "2023-2030" would be a range
# of years and "501-20" a dossier part). Development: "how much CO2 reduction ...?" found no number in
# "structureel 2-4 Mton CO2-reductie" and said the amount was not stated.
_UNIT = (
    r"%|procent|percent|Mton|Mt|kton|ton|kilo(?:ton|gram|meter)?|kg|km|MW|GW|TWh|GWh|PJ|hectare|ha|"
    r"miljoen|miljard|jaar|jaren|maanden|weken|dagen|uur|woningen|banen|euro"
)
_RANGE = rf"(?<![\w.,/-])(?:{_NUM})\s?(?:-|–|tot)\s?(?:{_NUM})\s?(?:{_UNIT})(?![\w/-])"
NUMBER = re.compile(
    rf"{_RANGE}|{_PERCENT}|(?:€\s?)?(?<![\w.,/-])(?:{_NUM})(?:\s?{_SCALE})?(?![\w/-])|\b(?:{_NUMBER_WORDS})\b",
    re.I,
)
_MONTH = "|".join(MONTHS_NL + tuple(m.lower() for m in MONTHS_EN))
MONTH_YEAR = re.compile(r"\b(" + _MONTH + r")\s+((?:19|20)\d\d)\b", re.I)  # "maart 2025", "June 2024"
_SEASON = r"voorjaar|zomer|najaar|winter|spring|summer|autumn|fall|kerst|zomerreces|herfst"
_MONTH_ALONE = "|".join(m for m in MONTHS_NL + tuple(m.lower() for m in MONTHS_EN) if m != "may")
DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTH})(?:\s+(?:19|20)\d\d)?\b|"
    # a month of the letter's year: "heb ik in april de handreiking gepubliceerd" ("may" is a verb too)
    rf"\b(?:in|vanaf|per|sinds|tot|eind|begin|medio|uiterlijk|since|until|from|by|in\s+early|in\s+late)\s+"
    rf"(?:{_MONTH_ALONE})\b(?!\s+(?:19|20)\d\d)|"
    rf"\b(?:begin|eind|medio|half|halverwege|uiterlijk|early|late|mid|end of|by|the end of)\s*-?\s*"
    rf"(?:(?:{_MONTH})(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)\b|"
    rf"\b(?:(?:{_MONTH})\s+(?:19|20)\d\d)\b|"
    rf"\b(?:het\s+|de\s+|this\s+|the\s+)?(?:eerste|tweede|derde|vierde|first|second|third|fourth|Q[1-4])\s+"
    rf"(?:kwartaal|quarter|helft|half)(?:\s+(?:van\s+)?(?:19|20)\d\d)?\b|"
    rf"\b(?:voor|na|in|tijdens|before|after|in the|during)\s+(?:de\s+|het\s+|the\s+)?(?:{_SEASON})"
    rf"(?:\s+(?:van\s+)?(?:19|20)\d\d)?\b|\b(?:{_SEASON})\s+(?:19|20)\d\d\b|"
    rf"\b(?:in|vanaf|per|sinds|tot|uiterlijk|voor|from|since|until|by|before)\s+(?:19|20)\d\d\b|"
    rf"\b(?:eind|begin|medio|end|mid)\s+(?:dit|volgend|vorig)\s+jaar\b|\b(?:dit|volgend)\s+jaar\b|"
    # a point in a period: "voor het eind van 2025", "begin van volgend jaar", "by the end of the year"
    rf"\b(?:(?:voor|vóór|na|tegen|aan|by|before|at|after)\s+)?(?:het\s+|the\s+)?"
    rf"(?:eind|einde|begin|start|midden|end|beginning|middle)\s+(?:van|of)\s+"
    rf"(?:(?:het|dit|volgend|this|next|the)\s+(?:jaar|year)|(?:{_MONTH})(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)\b|"
    # a season named from now: "komende zomer", "dit najaar", "next spring"
    rf"\b(?:(?:voor|vóór|na|in|before|after|by)\s+(?:de\s+|het\s+|the\s+)?)?(?:komende|aankomende|deze|dit|volgende|volgend|afgelopen|next|this|coming|last)\s+(?:{_SEASON})\b|"
    rf"\bQ[1-4]\s+(?:19|20)\d\d\b",
    re.I,
)
# Capitalised words that start or fill sentences without naming anyone.
_NOT_NAMES = frozenset(
    """De Het Een Dit Deze Die Dat Daarnaast Daarom Daarbij Daarmee Ook In Op Met Voor Van Bij Om Als Zij
    Hij Ik Wij We U Uw Er Naast Zo Ten Tot Na Over Door Binnen Vanuit Via Aan Onder Per Sinds Tijdens Wat
    Welke Wie Wanneer Hoe Waar Kamer Tweede Eerste Minister Staatssecretaris Kabinet Rijk Nederland
    Nederlandse Europese Commissie The This That These A An In On For Of And Or Om Daartoe Hierbij Hiermee
    Tevens Verder Vervolgens Zoals Mijn Onze Ons Uit Zie Brief Motie Toezegging Januari Februari Maart
    April Mei Juni Juli Augustus September Oktober November December Ministerie Ministeries Rijksoverheid
    Kamerstuk Kamerstukken""".split()
)
_NAME_SEQ = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’&-]*[a-zA-Z0-9](?:(?:\s+(?:van|de|der|den|het|voor|en|of|op|'t))*\s+))*"
    r"[A-Z][\w'’&-]*[A-Za-z0-9]"
)


@dataclass(frozen=True)
class Value:
    """One value as printed in a sentence, with its span there."""

    kind: str  # "amount" | "number" | "date" | "member" (named as a member of parliament) | "name"
    text: str
    span: tuple[int, int]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def _marker_or_identifier(sentence: str, a: int, b: int) -> bool:
    """A footnote call glued to a word ("technologieën20"), a Kamerstuk or toezegging number."""
    if a > 0 and (sentence[a - 1].isalpha() or sentence[a - 1] in ")]"):
        return True
    before = sentence[max(0, a - 12) : a].lower()
    # The prefix must start its word: "T 03926" and "nr. 12" are identifiers, "met 57 deelnemers" and
    # "tot 30 maanden" are quantities (the bare "t" once swallowed every number after "met", "het", "tot").
    return bool(re.search(r"(?<![^\W\d_])(?:nr\.?|nummer|kst-|tz|t)\s*$", before)) or bool(
        re.match(r"\s*(?:nr\.|,\s*nr)", sentence[b : b + 6])
    )


def amounts(sentence: str) -> list[Value]:
    return [Value("amount", _clean(m.group(0)), m.span()) for m in MONEY.finditer(sentence)]


def numbers(sentence: str) -> list[Value]:
    """Numbers that state a quantity: no footnote calls, identifiers, years or day numbers of dates."""
    dates = [m.span() for m in DATE.finditer(sentence)]
    ids = [m.span() for m in re.finditer(r"\b(?:TZ\d{6}-\d+|T\d{5})\b", sentence)]
    found = []
    for m in NUMBER.finditer(sentence):
        a, b = m.span()
        raw = m.group(0)
        if re.fullmatch(r"(?:19|20)\d\d", raw) or any(x <= a < y for x, y in dates + ids):
            continue
        if raw[0].isdigit() and _marker_or_identifier(sentence, a, b):
            continue
        if sentence[b : b + 1] == ")" and not sentence[:a].strip():
            continue  # "1) Vermindering van grondstoffengebruik": an item's number
        found.append(Value("number", _clean(raw), (a, b)))
    return found


def dates(sentence: str) -> list[Value]:
    return [Value("date", _clean(m.group(0)), m.span()) for m in DATE.finditer(sentence)]


def names(sentence: str) -> list[Value]:
    """Members ('het lid Kathmann'), then other proper names: organisations, people, places."""
    members = members_in(sentence)
    found = [Value("member", m.name, (0, 0)) for m in members]
    if found:
        return found  # members named as such are the answer to "who"; other names are context
    return proper_names(sentence)


def places(sentence: str) -> list[Value]:
    """The names a "where" question can be answered by: plans, bodies, places; no member of parliament.

    Development: "Where will the exploration ... be taken up?" was answered "Where: Ceder", the member
    whose motie asked for it, instead of the Werkagenda the next sentence names."""
    members = {w.lower() for m in members_in(sentence) for w in m.name.split()}
    return [v for v in proper_names(sentence) if not members & set(v.text.lower().split())]


def proper_names(sentence: str) -> list[Value]:
    """Capitalised names in the sentence: organisations, people, places, plans."""
    found: list[Value] = []
    seen: set[str] = set()
    for m in _NAME_SEQ.finditer(sentence):
        words = m.group(0).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        while words and words[-1].lower() in {"van", "de", "der", "den", "het", "voor", "en", "of", "op"}:
            words.pop()
        text = " ".join(words)
        if not text or text in seen or identifiers(text) or len(text) < 2:
            continue
        if m.start() > 0 and sentence[m.start() - 1] == "(" and len(words) == 1:
            continue  # "(GL-PvdA)": a member's party
        if len(words) == 1 and (m.start() == 0 and words[0] == m.group(0) and text[0].isupper()):
            if text.lower() == text.capitalize().lower() and not any(c.isupper() for c in text[1:]):
                # a sentence's first word is capitalised anyway; only a word the text writes with inner
                # capitals or an acronym ("TNO", "MitID") counts there
                continue
        seen.add(text)
        found.append(Value("name", text, m.span()))
    return found


# A name after the role it holds: "Eurocommissaris Virkkunen", "minister Adriaansens".
ROLES = {
    "commissaris": ("commissioner", "commissaris", "eurocommissaris"),
    "minister": ("minister",),
    "staatssecretaris": ("state secretary", "staatssecretaris"),
    "burgemeester": ("mayor", "burgemeester"),
}
_ROLE_NAME = re.compile(
    r"\b(?:euro)?(commissaris|minister|staatssecretaris|burgemeester)\s+((?:(?:van|de|der|den)\s+)*[A-Z][\w'’-]+)",
    re.I,
)


def asked_roles(question: str) -> set[str]:
    """The roles a question asks a name for, as whole words: "welk ministerie" asks no minister."""
    asked = question.lower()
    return {role for role, words in ROLES.items() if any(re.search(rf"\b{w}\b", asked) for w in words)}


def role_names(sentence: str, question: str) -> list[Value]:
    """Names the sentence gives with a role the question asks about ("Which European Commissioner ...?")."""
    wanted = asked_roles(question)
    return [
        Value("member", m.group(2), m.span(2))
        for m in _ROLE_NAME.finditer(sentence)
        if m.group(1).lower() in wanted and m.group(2)[0].isupper()
    ]


# "How many documents ...?" counts things: a share ("30% van de documenten") does not answer it, while
# "by how much ...?", "what share ...?" and "hoeveel procent ...?" ask for one. Dutch "hoeveel" asks both
# and is left alone; "aantal" and "how many" are counts. (Development: "how many documents ... need
# cleaning" was answered "30%" once the numbers after "dat" were read, instead of 230.000.)
_COUNT_ASK = re.compile(r"\b(?:how many|number of|aantal)\b", re.I)
_SHARE_ASK = re.compile(r"\b(?:share|percent\w*|procent\w*|proportion|deel|aandeel|how much|by how)\b", re.I)
_PERCENT_VALUE = re.compile(r"%|\b(?:procent|percent|procentpunt\w*)\b", re.I)


def counts_things(question: str) -> bool:
    """The question asks how many of something, not what share."""
    return bool(_COUNT_ASK.search(question)) and not _SHARE_ASK.search(question)


def counts(found: list[Value]) -> list[Value]:
    """The numbers that count things: percentages left out."""
    return [v for v in found if not _PERCENT_VALUE.search(v.text)]


_NUMBER_WORDS = (
    "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|achttien|vierentwintig|"
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|half|anderhalf"
)
# A span of time: "24 maanden", "twee jaar", "binnen zes weken", "a period of 18 months"
DURATION = re.compile(
    rf"\b(?:(?:binnen|within|in|na|after|voor|for|gedurende)\s+)?"
    rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})\s*(?:-\s*)?"
    r"(?:dagen|dag|werkdagen|weken|week|maanden|maand|jaren|jaar|uur|kwartalen|days?|working days|weeks?|"
    r"months?|years?|hours?|quarters?)\b",
    re.I,
)


def durations(sentence: str) -> list[Value]:
    """Spans of time a sentence states ("24 maanden", "binnen zes weken")."""
    return [Value("duration", _clean(m.group(0)), m.span()) for m in DURATION.finditer(sentence)]


# "welk nummer / welk Kamerstuk / bij welk dossier", "what number / which dossier / under which file";
# not "what number of ..." (a count).
ASKS_NUMBER = re.compile(
    r"\b(?:welke?\s+(?:\w+\s+)?(?:nummer|kenmerk|kamerstuk\w*|dossier\w*|zaaknummer)|"
    r"(?:what|which)\s+(?:\w+\s+)?(?:number|reference|dossier|file|kamerstuk)(?!\s+of\b)|"
    r"under\s+which\s+(?:\w+\s+)?(?:dossier|number|file))\b",
    re.I,
)
# The numbers that name a document or commitment: TZ/T numbers, COM documents, zaaknummers, Kamerstukken.
IDENTIFIER = re.compile(
    r"\bTZ\d{6}-\d+\b|\bT0\d{4}\b|\bCOM\s?\(\d{4}\)\s?\d+\b|\b\d{4}Z\d{5}\b|"
    r"\b\d{2}\s?\d{3}(?:[ -](?:[A-Z]{1,4}|\d{1,2}))?,?\s+nr\.\s?\d+\b|\bkst-[\w-]+\b"
)


def document_numbers(sentence: str) -> list[Value]:
    """The numbers a sentence prints that name a document or commitment ("T03927", "COM (2022) 546")."""
    return [Value("identifier", _clean(m.group(0)), m.span()) for m in IDENTIFIER.finditer(sentence)]


def values(sentence: str, kind: str) -> list[Value]:
    """The values of one kind a sentence states."""
    kinds = {
        "amount": amounts, "number": numbers, "date": dates, "name": names, "place": places,
        "duration": durations, "identifier": document_numbers,
    }  # fmt: skip
    return kinds[kind](sentence)


# Surname particles ("Van Baarle", "van der Plas"): a question's "van" or "der" does not name the member.
_NAME_PARTICLES = frozenset("van der den de het ter ten te voor op in 't la le du da".split())


def fresh(found: list[Value], question: str) -> list[Value]:
    """Values the question does not mention: "drie sessies" does not answer "hoeveel ... drie sessies"."""
    asked = re.sub(r"\s+", " ", question.lower())
    words = set(re.findall(r"[\w']+", asked))
    out = []
    for v in found:
        if v.text.lower() in asked:
            continue
        own = [w for w in re.findall(r"[\w']+", v.text.lower()) if len(w) > 2 and w not in _NAME_PARTICLES]
        if v.kind in ("name", "member") and any(w in words for w in own):
            continue  # "CODIO-kader" after "who turned the CODIO framework ...?" is the topic, not the answer
        out.append(v)
    return out
