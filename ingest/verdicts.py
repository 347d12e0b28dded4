"""The verdict a sentence gives on a commitment, in the register's vocabulary, and who gives it (pure).

Four strengths, strongest first; a commitment's verdict in one document is its strongest signal, the
last one of that strength (see docs/register.md). The phrases were written on the development letters
(demo 000, 001, 003, and tests/register_dev/letters dev01-10); each group names the sentences it was
written from.

- STATUS: the letter names the status itself ("afgedaan", "deels voldaan", "staat nog open", "is in
  uitvoering") or closes it in other words ("doe ik deze toezegging af", "Hiermee geef ik uitvoering aan
  de motie", "wordt deze toezegging nagekomen").
- DELAY: the moment moved ("verschuift naar na het zomerreces" = uitgesteld; "is meer tijd nodig
  gebleken", "vertraging" = vertraagd).
- FUTURE: the writer names the next step ("Ik zal uw Kamer in het najaar informeren", "U ontvangt ...
  na de zomer", "Dat zal voor de zomer zijn", "Ik zal met ... bekijken of") = openstaand.
- RUNNING: work under way on the commitment, in a sentence that names it ("In reactie op de motie ...
  zijn inmiddels verzocht ... op te pakken", "onderzoekt het kabinet meerdere opties") = in uitvoering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.commitment_text import NAME
from ingest.model import (
    AFGEDAAN,
    DEELS,
    IN_UITVOERING,
    MINISTER,
    NIEUWE_DEADLINE,
    OPENSTAAND,
    STAATSSECRETARIS,
    UITGESTELD,
    VERTRAAGD,
    Letter,
    Span,
)

STATUS, DELAY, FUTURE, RUNNING = 3, 2, 1, 0


@dataclass(frozen=True)
class VerdictPhrase:
    """A verdict found in a sentence: which, how strong, the kind of commitment it names ('' if none)."""

    verdict: str
    kind: str
    span: Span
    strength: int = STATUS
    plural: bool = False  # 'beide moties zijn uitgevoerd': about every commitment of its kind in view


_K = r"(?P<kind>motie|toezegging)"
_DET = r"(?:de|deze|die|mijn|een|het\s+deel\s+van\s+de)"
# "hiermee", "daarmee", "hierbij" (circulaire economie 2023: "wordt hierbij invulling gegeven aan de motie")
_BY = r"(?:(?:hiermee|daarmee|hierbij|daarbij|hiermede|hierin|daarin)\s+)?"
_STATUS_PATTERNS: list[tuple[str, str]] = [
    # 000: "als openstaand handhaven", "als openstaand te blijven aanmerken"
    (
        OPENSTAAND,
        r"\bals\s+openstaand\s+(?:te\s+)?(?:handhaven|blijven\s+aanmerken|aan\s+te\s+merken|aanmerken)",
    ),
    (OPENSTAAND, rf"\b(?:staat|staan)\s+nog\s+(?:een\s+)?{_K}?\w*\s*open\b"),
    (OPENSTAAND, rf"\b{_K}\w*\s+(?:is|zijn)\s+nog\s+niet\s+(?:afgedaan|voldaan|afgerond|uitgevoerd)"),
    (
        IN_UITVOERING,
        rf"\b(?:{_K}\w*\s+)?(?:is|zijn|wordt|worden)\s+(?:momenteel\s+|nog\s+)?in\s+uitvoering\b",
    ),
    # 001: "Daarmee is het deel van de toezegging met betrekking tot het 5-sterrenmodel afgedaan."
    (DEELS, rf"\bhet\s+deel\s+van\s+de\s+{_K}\b[^;]*?\bafgedaan\b"),
    (DEELS, r"\b(?:deels|gedeeltelijk|voor\s+een\s+(?:groot\s+)?deel)\s+(?:voldaan|afgedaan|uitgevoerd)\b"),
    (AFGEDAAN, rf"\b{_K}\b[^;]*?\bafgedaan\b"),
    (AFGEDAAN, r"\bafgedaan\b"),
    # 003: "Met onderstaande informatie doe ik deze toezegging af."
    (AFGEDAAN, rf"\bdoe\s+ik\s+{_BY}{_DET}\s+{_K}\s+af\b"),
    (AFGEDAAN, r"\bals\s+voldaan\s+(?:worden\s+)?(?:aangemerkt|aan\s+te\s+merken)"),
    # "Hiermee hebben we invulling gegeven aan de motie", "aan deze motie is hiermee invulling gegeven"
    (
        AFGEDAAN,
        rf"\b(?:hebben\s+we|heb\s+ik|is|wordt)\s+{_BY}invulling\s+gegeven\s+aan\s+"
        rf"(?:zowel\s+)?{_DET}\s+{_K}",
    ),
    (
        AFGEDAAN,
        rf"\baan\s+{_DET}\s+{_K}\b[^;]{{0,80}}?\b(?:invulling|uitvoering)\s+(?:is\s+|wordt\s+)?gegeven",
    ),
    # 003: "Hiermee geef ik uitvoering aan de motie van het lid Kathmann."
    (
        AFGEDAAN,
        rf"\b(?:geef|geven)\s+(?:ik|we|wij)\s+{_BY}(?:uitvoering|invulling)\s+aan\s+{_DET}\s+{_K}",
    ),
    (
        AFGEDAAN,
        rf"\b(?:is|wordt)\s+{_BY}(?:uitvoering\s+gegeven|voldaan)\s+aan\s+{_DET}\s+{_K}",
    ),
    (AFGEDAAN, rf"\bvoldoe\s+ik\s+{_BY}aan\s+{_DET}\s+{_K}"),
    (AFGEDAAN, rf"\bkom[t]?\s+(?:ik|het\s+kabinet)\s+{_DET}\s+{_K}\b[^;]{{0,120}}?\bna\b"),
    (AFGEDAAN, rf"\b{_DET}\s+{_K}\b[^;]{{0,80}}?\bkom\s+ik\s+na\b"),
    (AFGEDAAN, rf"\bkom\s+ik\s+tegemoet\s+aan\s+{_DET}\s+{_K}"),
    # "wordt deze toezegging nagekomen", "is de motie uitgevoerd", "beschouw ik de motie als uitgevoerd"
    # 'gestand gedaan' is the formal 'kept' (a promise kept): 'Hiermee is de toezegging gestand gedaan'.
    (
        AFGEDAAN,
        rf"\b{_DET}\s+{_K}\s+(?:is\s+|wordt\s+)?{_BY}(?:nagekomen|ingelost|afgehandeld|gestand\s+gedaan)",
    ),
    (
        AFGEDAAN,
        rf"\b(?:is|wordt)\s+{_DET}\s+{_K}\s+{_BY}(?:uitgevoerd|afgerond|ingelost|afgehandeld|gestand\s+gedaan)",
    ),
    (AFGEDAAN, rf"\bdoe\s+(?:ik|we|wij)\s+{_BY}{_DET}\s+{_K}\s+gestand\b"),
    (
        AFGEDAAN,
        rf"\b(?:beschouw|acht)\s+ik\s+{_DET}\s+{_K}\s+{_BY}"
        r"(?:als\s+)?(?:uitgevoerd|afgerond|voldaan|ingelost|nagekomen)",
    ),
    # the subject first: 'Ik beschouw deze toezegging daarmee als afgerond' (dev09)
    (
        AFGEDAAN,
        rf"\b(?:ik|we|wij)\s+(?:beschouw|acht|beschouwen|achten)\s+{_DET}\s+{_K}(?:\s+\w+){{0,4}}?\s+{_BY}"
        r"(?:als\s+)?(?:uitgevoerd|afgerond|voldaan|ingelost|nagekomen)",
    ),
    # the object first: 'Deze toezegging beschouw ik hiermee als ingelost' (dev07)
    (
        AFGEDAAN,
        rf"\b{_DET}\s+{_K}\s+(?:beschouw|acht)\s+(?:ik|we|wij)\s+{_BY}"
        r"(?:als\s+)?(?:uitgevoerd|afgerond|voldaan|ingelost|nagekomen)",
    ),
    # Other common closings of a verzamelbrief (phrasings of the genre, none from a measurement letter):
    # "aan de motie is hiermee voldaan", "de toezegging is afgerond", "geef ik gevolg aan de motie".
    (AFGEDAAN, rf"\baan\s+{_DET}\s+{_K}\b[^;]{{0,60}}?\b(?:is|wordt)\s+{_BY}voldaan\b"),
    # the verb first: 'Hiermee is aan de motie voldaan' (dev08)
    (AFGEDAAN, rf"\b(?:is|wordt)\s+{_BY}aan\s+{_DET}\s+{_K}\s+{_BY}voldaan\b"),
    (AFGEDAAN, rf"\b{_DET}\s+{_K}\s+is\s+{_BY}(?:uitgevoerd|afgerond)\b"),
    (AFGEDAAN, rf"\b(?:geef|geven)\s+(?:ik|we|wij)\s+{_BY}gevolg\s+aan\s+{_DET}\s+{_K}"),
    (AFGEDAAN, rf"\b(?:is|wordt)\s+{_BY}gevolg\s+gegeven\s+aan\s+{_DET}\s+{_K}"),
    # The same closings with the verb last, as a subordinate clause puts it ('waarmee ik uitvoering geef
    # aan de motie', 'waarmee ik deze toezegging afdoe', 'waarmee ik de motie als uitgevoerd beschouw'),
    # and the perfect ('heb ik uitvoering gegeven aan').
    (
        AFGEDAAN,
        rf"\b(?:ik|we|wij|het\s+kabinet)\s+{_BY}(?:uitvoering|invulling|gevolg)\s+(?:geef|geven|geeft)\s+"
        rf"aan\s+{_DET}\s+{_K}",
    ),
    (
        AFGEDAAN,
        rf"\b(?:heb|hebben|heeft)\s+(?:ik|we|wij|het\s+kabinet)\s+{_BY}(?:uitvoering|gevolg)\s+gegeven\s+"
        rf"aan\s+{_DET}\s+{_K}",
    ),
    (
        AFGEDAAN,
        rf"\b(?:ik|we|wij)\s+{_BY}{_DET}\s+{_K}\s+{_BY}(?:afdoe|afdoen|nakom|nakomen|inlos|inlossen)\b",
    ),
    (
        AFGEDAAN,
        rf"\b(?:ik|we|wij)\s+{_BY}{_DET}\s+{_K}\s+{_BY}als\s+(?:uitgevoerd|afgerond|voldaan)\s+"
        r"(?:beschouw|beschouwen|zie|zien)\b",
    ),
    # The plural: 'Hiermee zijn beide moties uitgevoerd', 'de toezeggingen zijn hiermee nagekomen'.
    (
        AFGEDAAN,
        rf"\b(?:beide|de|deze|alle)\s+(?:beide\s+|genoemde\s+)?(?P<kind>motie|toezegging)(?:s|en)\s+"
        rf"(?:zijn|worden)\s+{_BY}(?:afgedaan|uitgevoerd|afgerond|nagekomen|ingelost)\b",
    ),
    (
        AFGEDAAN,
        rf"\b(?:zijn|worden)\s+{_BY}(?:beide|de|deze|alle)\s+(?:beide\s+|genoemde\s+)?(?P<kind>motie|toezegging)"
        rf"(?:s|en)\s+{_BY}(?:afgedaan|uitgevoerd|afgerond|nagekomen|ingelost)\b",
    ),
    # 'Nieuwe termijn: 1 maart 2026' (an overview's status paragraph) is a new deadline too.
    # 'De nieuwe datum van invoering is 1 januari 2027', 'nieuwe planning: ...': the same in other words.
    (NIEUWE_DEADLINE, r"\b(?:met\s+als\s+)?nieuwe\s+(?:deadline|termijn|streefdatum|datum|planning)\b"),
]
_PLURAL = re.compile(r"\b(?:moties|toezeggingen|beide)\b", re.I)
_STATUS = [(v, re.compile(p, re.I)) for v, p in _STATUS_PATTERNS]
# The name and number of the commitment are no part of a verdict phrase: 'is de motie-Teunissen
# uitgevoerd', 'geef ik uitvoering aan de motie van het lid Van Kent (Kamerstuk 36 410 XV, nr. 12)' read
# as 'is de motie uitgevoerd', 'geef ik uitvoering aan de motie'. They are blanked (same length) before
# the patterns run.
_NAMES = rf"{NAME}(?:\s*(?:,|/|\ben\b)\s*{NAME})*(?:\s+c\.s\.)?(?:\s*\([^()]{{2,40}}\))?"
_NAMED_KIND = re.compile(
    rf"\b(?i:motie|toezegging)(?P<name>-{NAME}|\s+(?:(?:van|aan)\s+(?:het\s+lid|de\s+leden)\s+)?{_NAMES}"
    rf"|(?=\s*\())(?P<kst>\s*\((?:Kamerstuk|[^()]*\bnr\.)[^()]*\))?"
)


def _blank_names(sentence: str) -> str:
    def blank(m: re.Match) -> str:
        start = m.start("name") if m.group("name") is not None else m.end()
        return m.group()[: start - m.start()] + " " * (m.end() - start)

    return _NAMED_KIND.sub(blank, sentence)


# Phrases that look like a verdict but are not one: an aside about the status before, an intention,
# a negation, a question.
_NOT_A_VERDICT = re.compile(
    r"\(huidige status:[^)]*\)|\bwaarop\s+invulling\s+wordt\s+gegeven\b|\bwil\s+ik\b[^.]*\bafdoen\b|"
    r"\bin\s+hoeverre\b[^.]*\bafgedaan\b|"
    r"\bniet\s+als\s+afgedaan\b|\bnog\s+niet\s+afgedaan\b|"
    # a closure in the past, named as background: 'is in 2024 afgedaan met de brief over ...' (dev09)
    r"\b(?:eerder|reeds|destijds|in\s+(?:19|20)\d\d)\s+(?:\w+\s+){0,2}?(?:afgedaan|uitgevoerd|afgerond)\b",
    re.I,
)

# 003 TZ202411-102: "De verzending van de brief verschuift naar na het zomerreces."
_POSTPONED = re.compile(
    r"\bverschuif\w*\s+naar\b|\bverschoven\s+naar\b|\b(?:wordt|is|worden|zijn)\s+uitgesteld\b|\buitstel\b|"
    r"\blater\s+dan\s+(?:gepland|voorzien|toegezegd|verwacht)\b|"
    # the moment moved in one sentence: 'volgt niet voor de zomer, zoals toegezegd, maar in september'
    r"\bniet\s+(?!alleen\b)[^.;]{0,60}?\bmaar\s+(?:pas\s+)?(?:in|op|na|eind|begin|medio|rond)\b",
    re.I,
)
# 003 meldpunt: "is meer tijd nodig gebleken voor de afronding"; "Door vertragingen ..."
_DELAYED = re.compile(
    r"\bmeer\s+tijd\s+(?:nodig|vergt|gevergd|kost)\b|\b(?:vergt|kost|vraagt)\s+meer\s+tijd\b|"
    r"\blaat\s+(?:\w+\s+){0,2}?langer\s+op\s+zich\s+wachten\b|\bvertraa?g\w*\b|\bvertraging\w*\b|\blukt\s+het\s+(?:helaas\s+)?niet\b",
    re.I,
)
# The writer names the next step: 001 "Dat zal voor de zomer zijn.", "Ik zal uw Kamer deze analyse uiterlijk
# eind juni per brief toesturen."; 003 "U ontvangt hierover verdere informatie na de zomer van 2025.",
# "De resultaten hiervan verwacht ik dit najaar", "Deze wordt medio 2026 verwacht"; 000 "Ik ben voornemens
# om deze gesprekken voor begin 2025 in te plannen."
_FUTURE_ACTION = re.compile(
    r"\b(?:ik|we|wij|het\s+kabinet)\s+(?:zal|zullen)\b|\b(?:zal|zullen)\s+(?:ik|we|wij|het\s+kabinet)\b|"
    r"\b(?:uw\s+Kamer|u)\s+ontvangt\b|\bontvangt\s+(?:uw\s+Kamer|u)\b|\bverwacht\s+ik\b|\bik\s+verwacht\b|"
    r"\bvoornemens\b|\bdat\s+zal\b|"
    # the writer will come back to it: 'Ik kom hierop terug voor de zomer', 'kom ik daarop terug in ...'
    r"\b(?:ik\s+kom|kom\s+ik|we\s+komen|komen\s+we)\s+(?:\w+\s+){0,3}?terug\b",
    re.I,
)
# A date with one of these is when the next step is expected ("wordt ... dit najaar verwacht").
FUTURE_CUE = re.compile(
    r"\b(?:zal|zullen|zal\s+ik|verwacht\w*|ontvangt|ontvangen|informeren|toesturen|sturen|delen|"
    r"verschuift|volg\w*|terugkomen|terug\s+te\s+komen|gereed|presenteren|geïnformeerd|informeer|"
    # the genre's other words for a step still to come: 'rapporteer ik in het najaar', 'vindt in mei
    # plaats', 'is gepland in april', 'verschijnt na de zomer', 'bericht ik u'
    r"rapporte\w*|plaats(?:vinden|vindt)?|(?:in)?gepland|verschijn\w*|bericht\w*|"
    # a step the writer sends on: 'het wetsvoorstel dat ik in het voorjaar aan de Raad van State zend'
    r"zend\w*|stuur\w*|"
    # 'De openstelling is voorzien in het vierde kwartaal van 2026' (dev10)
    r"voorzien)\b",
    re.I,
)
# Work under way, counted only where the sentence names the commitment (003 motie Buijsse).
_RUNNING = re.compile(
    r"\bin\s+uitvoering\b|\bmomenteel\b|\bop\s+dit\s+moment\b|\binmiddels\s+(?:\w+\s+){0,3}"
    r"(?:verzocht|gestart|begonnen|opgepakt|in\s+gang\s+gezet)\b|\bwordt\s+(?:hard\s+|nog\s+)?gewerkt\b|"
    r"\b(?:onderzoekt|verkent)\s+(?:het\s+kabinet|de\s+regering|mijn\s+ministerie)\b|\bloopt\s+(?:nog|momenteel)\b|"
    # the same with the subject first: 'Het kabinet onderzoekt meerdere opties', 'Ik verken twee varianten'
    r"\b(?:het\s+kabinet|de\s+regering|mijn\s+ministerie)\s+(?:onderzoekt|verkent|werkt\s+aan|bereidt)\b|"
    r"\bik\s+(?:onderzoek|verken)\b|"
    # the genre's other words for work under way: "werk ik aan", "wordt uitgewerkt", "de uitvoering loopt"
    r"\b(?:werk|werken)\s+(?:ik|we|wij)\s+(?:momenteel\s+|nog\s+)?aan\b|\buitvoering\b[^.]{0,40}\bloopt\b|"
    r"\bwordt\s+(?:momenteel\s+|nu\s+)?(?:uitgewerkt|uitgevoerd|voorbereid|onderzocht|verkend)\b",
    re.I,
)
_KIND_WORD = re.compile(r"\b(?P<kind>motie|toezegging)\w*\b", re.I)


def _kind_in(sentence: str) -> str:
    m = _KIND_WORD.search(sentence)
    return m.group("kind").lower() if m else ""


def find_verdict(sentence: str) -> VerdictPhrase | None:
    """The status the sentence names (strength STATUS), if any; the most specific pattern wins."""
    masked = _NOT_A_VERDICT.sub(lambda m: " " * len(m.group()), _blank_names(sentence))
    for verdict, pattern in _STATUS:
        m = pattern.search(masked)
        if m:
            kind = (m.groupdict().get("kind") or "").lower()
            plural = bool(_PLURAL.search(sentence, m.start(), m.end()))
            return VerdictPhrase(verdict=verdict, kind=kind, span=(m.start(), m.end()), plural=plural)
    return None


def find_signal(sentence: str, dated: bool = False) -> VerdictPhrase | None:
    """The strongest verdict signal of a sentence; `dated`: it names a moment still to come."""
    found = find_verdict(sentence)
    if found:
        return found
    # A status given as a label on its own line ('Status: vertraagd: meer tijd nodig', 'Stand van zaken:
    # in uitvoering'), as overviews print it outside a table.
    label = _LABELLED.match(sentence)
    if label and (verdict := status_label(label.group("label"))):
        return VerdictPhrase(verdict, "", label.span("label"), STATUS)
    for verdict, pattern in ((UITGESTELD, _POSTPONED), (VERTRAAGD, _DELAYED)):
        m = pattern.search(sentence)
        if m:
            return VerdictPhrase(verdict, _kind_in(sentence), m.span(), DELAY)
    m = _FUTURE_ACTION.search(sentence) or (FUTURE_CUE.search(sentence) if dated else None)
    if m:
        return VerdictPhrase(OPENSTAAND, _kind_in(sentence), m.span(), FUTURE)
    m = _RUNNING.search(sentence)
    if m:
        return VerdictPhrase(IN_UITVOERING, _kind_in(sentence), m.span(), RUNNING)
    return None


# --- a status column --------------------------------------------------------------------------

# A table's status cell holds a label, not a sentence ("Status: in uitvoering", "vertraagd: meer tijd
# nodig, verwacht eind 2025", "afgedaan met deze brief"): its first words are the register's own
# vocabulary or a plain synonym of it. Longer labels first ("deels voldaan" before "voldaan").
_LABELS = [
    (DEELS, r"(?:deels|gedeeltelijk)\b"),
    (IN_UITVOERING, r"(?:in\s+uitvoering|lopend|loopt)\b"),
    (UITGESTELD, r"(?:uitgesteld|verschoven)\b"),
    (VERTRAAGD, r"vertraa?gd\b"),
    (NIEUWE_DEADLINE, r"nieuwe\s+deadline\b"),
    (OPENSTAAND, r"(?:openstaand|open|nog\s+niet\s+(?:afgedaan|voldaan|afgerond))\b"),
    # 'afdoen' opens a proposal to close it ('Voorstel: afdoen.', a griffie note)
    (AFGEDAAN, r"(?:afgedaan|afdoen|voldaan|afgerond|uitgevoerd|gereed|nagekomen)\b"),
]
_LABEL_RE = [(v, re.compile(rf"^\s*(?:status\s*:\s*)?{p}", re.I)) for v, p in _LABELS]


_LABELLED = re.compile(
    r"^\s*(?:huidige\s+)?(?:status|stand\s+van\s+zaken)\s*:\s*(?P<label>\S.*)", re.I | re.S
)


def status_label(cell: str) -> str | None:
    """The verdict a table's status cell names by its first words, if it names one."""
    for verdict, pattern in _LABEL_RE:
        if pattern.match(cell):
            return verdict
    return None


# --- the party -----------------------------------------------------------------------------------

_ROLE = re.compile(
    # a ministry's name may hold commas before a capital: 'minister van Landbouw, Visserij,
    # Voedselzekerheid en Natuur'
    r"\b(?P<role>(?P<who>minister|staatssecretaris)\b(?:\s+(?:van|voor)\s+[^()\n,;]{3,120}"
    r"(?:,\s*(?=(?-i:[A-Z]))[^()\n,;]{3,60})*)?)",
    re.I,
)


def party_of(text: str | None) -> tuple[str | None, str | None]:
    """('staatssecretaris', 'staatssecretaris van Binnenlandse Zaken ...') named in a sender or title."""
    m = _ROLE.search(text or "")
    if not m:
        return None, None
    who = MINISTER if m.group("who").lower() == "minister" else STAATSSECRETARIS
    role = re.sub(r"\s+", " ", m.group("role")).strip(" .")
    return who, role[0].lower() + role[1:]


def letter_party(letter: Letter) -> tuple[str | None, str | None]:
    """Who writes the letter: the signer's role, else the title's 'Brief van de ...', else the signature."""
    for text in (letter.sender, letter.title):
        who, role = party_of(text)
        if who:
            return who, role
    tail = letter.text[-1500:]
    sign = re.search(r"^\s*(?:De\s+)?(?:minister|staatssecretaris)\b[^\n]*", tail, re.I | re.M)
    return party_of(sign.group()) if sign else (None, None)
