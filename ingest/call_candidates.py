"""Numbers in extracted text that may be footnote calls, and what kind of call each may be (pure)."""

from __future__ import annotations

import re

from ingest.footnote_blocks import SUP_TO_INT, UNITS
from ingest.model import BRACKETED, PLAIN, SUPERSCRIPT
from ingest.months import MONTHS_NL

CANDIDATE_RE = re.compile(
    r"(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|\[(?P<br>\d{1,3})\]"
    # a year with a marker glued to it: "december 202314" is 2023 + marker 14
    r"|(?<![\d.,/-])(?P<year>(?:19|20)\d{2})(?P<yn>\d{1,2})(?![\d\w])"
    # a marker glued to a word or to punctuation: "technologieën20", "MitID.21", "toegezegd3,", "jl.1"
    r"|(?<=[^\W\d_]|[).,;:’”'\"])(?P<pl>\d{1,3})(?![\d\w])"
    # a marker standing alone after a sentence: "voor de overheid. 18 De eerste"
    r"|(?<=[.!?”] )(?P<sp>\d{1,3})(?=\s+[A-Z])"
    # a marker the other extraction tool set apart from its word: "door de transitieteams 4) bleek"
    r"|(?<=[^\W\d_]{3} )(?P<sw>\d{1,3})(?=[).,](?:\s|$))"
    # a raised call pdftotext sets apart between two words: "overschrijving 3 is", "Strategy 1”."
    # (taken only where the numbering expects it and its footnote stands on the same page)
    r"|(?<=[^\W\d_]{2} )(?P<bw>\d{1,3})(?=[”’]?[.,;:)]?(?:\s+[^\W\d_]|\s*$))"
)
MONTH_WORDS = set(MONTHS_NL)
# Years a letter can cite: "202314" is 2023 + marker 14, but "Postbus 20901" holds no year 2090.
YEARS = range(1900, 2040)
# Never a call: a postbus or antwoordnummer, or a number a postcode follows ("20901 2500 EX").
ADDRESS_BEFORE_RE = re.compile(r"(?:Postbus|Antwoordnummer|postbus)\s*$")
POSTCODE_AFTER_RE = re.compile(r"\s+\d{4}\s?[A-Z]{2}\b")
# Names that end in a digit are never calls: chemistry, directives, groups of countries.
NAMES_WITH_DIGIT = set("CO NO SO NOx H O N PM CH NH PSD AMLD MiFID G EU SDG Web".split())
# Abbreviations a number follows ("art. 4", "nr. 12", "blz. 3"): never a call after them.
ABBREVIATIONS = set("art nr nrs blz p pp par hfst bijl lid no vol".split())
# Before a marker set apart from its word, these words take a number themselves ("artikel 4)").
NUMBER_NOUNS = set(
    "artikel artikelen lid leden bijlage bijlagen hoofdstuk paragraaf nr nummer fase stap stappen niveau "
    "onderdeel punt punten categorie klasse groep week dag jaar jaren versie pijler spoor deel scenario "
    "optie variant model type tabel figuur kader box sectie annex tranche ronde editie maand maanden "
    "pagina blz straat weg laan plein gracht kade markt singel dijk park hof pad".split()
)


def candidate(m: re.Match) -> tuple[str, int, int, int, bool, str]:
    """(style, number, start, end, strong, kind) of one regex match; number -1: not a call."""
    if m.group("sup"):
        n = int("".join(str(SUP_TO_INT[c]) for c in m.group("sup")))
        return SUPERSCRIPT, n, m.start("sup"), m.end("sup"), True, "sup"
    if m.group("br"):
        return BRACKETED, int(m.group("br")), m.start(), m.end(), True, "br"
    text = m.string
    if m.group("yn"):
        start = m.start("year")
        if (
            int(m.group("year")) not in YEARS
            or ADDRESS_BEFORE_RE.search(text, 0, start)
            or POSTCODE_AFTER_RE.match(text, m.end("yn"))
        ):
            return PLAIN, -1, start, m.end("yn"), False, "none"
        return PLAIN, int(m.group("yn")), m.start("yn"), m.end("yn"), False, "year"
    if m.group("pl"):
        start = m.start("pl")
        before = text[start - 1]
        # "36.382", "€50,11", "1,5": digits after a separator that follows a digit are a number
        if before in ".,:" and start >= 2 and text[start - 2].isdigit():
            return PLAIN, -1, start, m.end("pl"), False, "none"
        word = re.search(r"[^\W\d_]+$", text[max(0, start - 12) : start])
        if word and word.group(0) in NAMES_WITH_DIGIT:
            return PLAIN, -1, start, m.end("pl"), False, "none"  # "CO2", "PSD2", "G20"
        return PLAIN, int(m.group("pl")), start, m.end("pl"), True, "glued"
    if m.group("sw"):
        start = m.start("sw")
        word = re.search(r"(\w+) $", text[max(0, start - 40) : start])
        # a call set apart follows a common word; "Fiche 1.", "Stap 2," are labels with a number
        if (
            not word
            or word.group(1)[0].isupper()
            or (
                word.group(1).lower() in NUMBER_NOUNS
                or word.group(1).lower().endswith(("straat", "weg", "laan", "plein", "gracht", "kade"))
            )
        ):
            return PLAIN, -1, start, m.end("sw"), False, "none"
        return PLAIN, int(m.group("sw")), start, m.end("sw"), False, "apart"
    if m.group("bw"):
        return _between(m)
    start = m.start("sp")
    word = re.search(r"(\w+)[.!?”] $", text[max(0, start - 20) : start])
    if word and (word.group(1).lower() in NUMBER_NOUNS or word.group(1).lower() in ABBREVIATIONS):
        return PLAIN, -1, start, m.end("sp"), False, "none"  # "art. 4 VWEU", "nr. 12 Kamerstuk"
    return PLAIN, int(m.group("sp")), start, m.end("sp"), False, "spaced"


def _between(m: re.Match) -> tuple[str, int, int, int, bool, str]:
    """A number between two words: a call set apart, unless its words give it a meaning of its own
    ("artikel 4 van", "Postbus 20", "12 procent", "3 maart")."""
    text, start, end = m.string, m.start("bw"), m.end("bw")
    before = re.search(r"([^\W\d_]+)\s$", text[max(0, start - 40) : start])
    after = re.match(r"[”’]?[.,;:)]?\s*([^\W\d_]*)", text[end : end + 40])
    word = before.group(1).lower() if before else ""
    nxt = after.group(1).lower() if after else ""
    if (
        word in NUMBER_NOUNS
        or word in ABBREVIATIONS
        or word in MONTH_WORDS
        or word.endswith(("straat", "weg", "laan", "plein", "gracht", "kade"))
        or ADDRESS_BEFORE_RE.search(text, 0, start)
        or nxt in UNITS
        or POSTCODE_AFTER_RE.match(text, end)
        # a label with its number: "Fiche 1: Wijziging", "Stap 2. De"
        or text.startswith(":", end)
        or (before is not None and before.group(1)[0].isupper() and text.startswith(".", end))
    ):
        return PLAIN, -1, start, end, False, "none"
    return PLAIN, int(m.group("bw")), start, end, False, "between"


def call_candidates(text: str) -> list[tuple[str, int, str]]:
    """(style, number, kind) of each number in text that may be a footnote call, in order; kinds as
    candidate gives them (addresses, decimals and names with a digit are left out)."""
    out = []
    for m in CANDIDATE_RE.finditer(text):
        style, n, _, _, _, kind = candidate(m)
        if n >= 1:
            out.append((style, n, kind))
    return out
