"""Footnote resolution: build Footnotes from definitions and link every body marker to its footnote."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace

from ingest.footnote_blocks import SUP_TO_INT, FootnoteDef
from ingest.identifiers import kamerstuk_ids, toezegging_ids, urls
from ingest.model import BRACKETED, DOCX, PDF, PLAIN, SUPERSCRIPT, XML, Footnote, Marker

MAX_SKIP = 3
CONT_RE = re.compile(
    r",\s?(\d{1,3})(?![\d\w])"
)  # a marker may skip this many numbers whose marker was lost in extraction

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
)
# Years a letter can cite: "202314" is 2023 + marker 14, but "Postbus 20901" holds no year 2090.
YEARS = range(1900, 2040)
# Never a call: a postbus or antwoordnummer, or a number a postcode follows ("20901 2500 EX").
ADDRESS_BEFORE_RE = re.compile(r"(?:Postbus|Antwoordnummer|postbus)\s*$")
POSTCODE_AFTER_RE = re.compile(r"\s+\d{4}\s?[A-Z]{2}\b")
# Names that end in a digit are never calls: chemistry, directives, groups of countries.
NAMES_WITH_DIGIT = set("CO NO SO NOx H O N PM CH NH PSD AMLD MiFID G EU SDG Web".split())
# Before a marker set apart from its word, these words take a number themselves ("artikel 4)").
NUMBER_NOUNS = set(
    "artikel artikelen lid leden bijlage bijlagen hoofdstuk paragraaf nr nummer fase stap stappen niveau "
    "onderdeel punt punten categorie klasse groep week dag jaar jaren versie pijler spoor deel scenario "
    "optie variant model type tabel figuur kader box sectie annex tranche ronde editie maand maanden "
    "pagina blz straat weg laan plein gracht kade markt singel dijk park hof pad".split()
)


def footnote_id(style: str, number: int, series: int, styles_used: set[str]) -> str:
    prefix = {PLAIN: "fn", XML: "fn", DOCX: "fn", PDF: "fn", BRACKETED: "fnb", SUPERSCRIPT: "fn"}[style]
    if style == SUPERSCRIPT and PLAIN in styles_used:
        prefix = "fns"
    return f"{prefix}{number}" + (f".{series + 1}" if series else "")


def build_footnotes(defs: tuple[FootnoteDef, ...]) -> tuple[Footnote, ...]:
    styles = {d.style for d in defs}
    return tuple(
        Footnote(
            id=footnote_id(d.style, d.number, d.series, styles),
            number=d.number,
            label=d.label,
            style=d.style,
            text=d.text,
            toezeggingen=toezegging_ids(d.text),
            kamerstukken=kamerstuk_ids(d.text),
            urls=urls(d.text),
            page=d.page,
        )
        for d in defs
    )


def with_identifiers(fn: Footnote) -> Footnote:
    """A footnote from a structured reader (XML, DOCX) with the identifiers its text cites."""
    return replace(
        fn, toezeggingen=toezegging_ids(fn.text), kamerstukken=kamerstuk_ids(fn.text), urls=urls(fn.text)
    )


def _candidate(m: re.Match) -> tuple[str, int, int, int, bool, str]:
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
    return PLAIN, int(m.group("sp")), m.start("sp"), m.end("sp"), False, "spaced"


def link_markers(
    text: str, footnotes: tuple[Footnote, ...], page_starts: tuple[int, ...] = ()
) -> tuple[Marker, ...]:
    """Find markers in text, in order, trusting a marker only where the footnote sequence expects it.

    page_starts (offsets where pages 1, 2, 3 ... of text start, as Letter.page_starts) lets the weakest
    kind of marker, one set apart from its word, be taken only on its footnote's own page."""
    defined: dict[tuple[str, int], list[Footnote]] = defaultdict(list)
    for fn in footnotes:
        # XML and Word footnotes are marked "[n]" in the text by their readers; so are a PDF's
        # raised calls, kept apart from footnotes printed "[n]" where a letter has both.
        defined[(BRACKETED if fn.style in (XML, DOCX) else fn.style, fn.number)].append(fn)
    styles = {style for style, _ in defined}
    # a text may start mid-letter: the sequence starts at its first footnote number
    expected = {s: min(n for st, n in defined if st == s) for s in styles}
    series = {s: 0 for s in styles}
    markers: list[Marker] = []
    for m in CANDIDATE_RE.finditer(text):
        style, n, start, end, strong, kind = _candidate(m)
        if style == BRACKETED and PDF in styles:
            style = _bracket_series(n, expected, defined, series)
        if style not in styles or n < 1:
            continue
        exp = expected[style]
        if n == 1 and exp > 1 and len(defined.get((style, 1), [])) > series[style] + 1:
            series[style] += 1  # numbering restarts
            exp = 1
        fns = defined.get((style, n), [])
        fn = fns[series[style]] if len(fns) > series[style] else None
        if n == exp:
            ok = fn is not None or strong
        elif exp < n <= exp + MAX_SKIP:
            # skip only numbers whose footnote text was lost; "Q4" must not jump over footnote 3
            skipped_defined = any(defined.get((style, k)) for k in range(exp, n))
            ok = fn is not None and kind != "spaced" and not skipped_defined
        else:
            ok = False
        if kind in ("year", "spaced", "apart") and fn is None:
            ok = False
        if kind == "apart" and not (
            n == exp
            and page_starts
            and fn
            and fn.page == _page(page_starts, start)
            and not _glued_later(text, n, end, page_starts, fn.page)
        ):
            ok = False
        if style == PDF and fn is not None:
            ok = True  # a PDF's raised call is a call by its print; its number finds the footnote
        if not ok:
            continue
        expected[style] = n + 1
        label = text[start:end] if style != BRACKETED else f"[{n}]"
        markers.append(Marker(n, label, style, (start, end), fn.id if fn else None))
        # a list of markers: "Instituut.32, 33", "bijsluiter38,39"
        while style == PLAIN and (cont := CONT_RE.match(text, end)) and int(cont.group(1)) == expected[style]:
            n = expected[style]
            fns = defined.get((style, n), [])
            fn = fns[series[style]] if len(fns) > series[style] else None
            start, end = cont.start(1), cont.end(1)
            markers.append(Marker(n, text[start:end], style, (start, end), fn.id if fn else None))
            expected[style] = n + 1
    return tuple(markers)


def _bracket_series(n: int, expected: dict, defined: dict, series: dict) -> str:
    """A "[n]" in a PDF's text is a raised call (PDF) or printed so ("[1] ..." footnotes): the
    series that expects n and has its footnote, else the one that expects n."""
    options = [s for s in (PDF, BRACKETED) if s in expected]

    def has(s: str) -> bool:
        return len(defined.get((s, n), [])) > series[s]

    for test in (lambda s: n == expected[s] and has(s), lambda s: n == expected[s], has):
        chosen = next((s for s in options if test(s)), None)
        if chosen:
            return chosen
    return options[0]


def _glued_later(text: str, n: int, after: int, page_starts: tuple[int, ...], page: int) -> bool:
    """Is there a call of n glued to its word further on the same page? Then that one is the call."""
    end = page_starts[page] if page < len(page_starts) else len(text)
    return re.search(rf"(?:[^\W\d_]|[).,;:’”'\"]){n}(?![\d\w])", text[after:end]) is not None


def _page(page_starts: tuple[int, ...], offset: int) -> int:
    return max(1, bisect.bisect_right(page_starts, offset))


def strip_markers(text: str, markers: tuple[Marker, ...], offset: int = 0) -> str:
    """Text with the given markers removed (spans relative to text start + offset), and their commas."""
    out: list[str] = []
    pos = 0
    for mk in sorted(markers, key=lambda x: x.span[0]):
        start, end = mk.span[0] - offset, mk.span[1] - offset
        if start < pos or start < 0 or end > len(text):
            continue
        chunk = text[pos:start]
        if out and re.fullmatch(r",\s?", chunk):
            chunk = ""  # the comma between two markers: "[1], [2]", "38,39"
        out.append(chunk)
        pos = end
    out.append(text[pos:])
    return "".join(out)
