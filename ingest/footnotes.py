"""Footnote resolution: build Footnotes from definitions and link every body marker to its footnote."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ingest.identifiers import kamerstuk_ids, toezegging_ids, urls
from ingest.layout import SUP_TO_INT, FootnoteDef
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
    # a marker glued to a word or to punctuation: "technologieën20", "MitID.21", "toegezegd3,"
    r"|(?<=[^\W\d_]|[).,;:’”'\"])(?P<pl>\d{1,3})(?![\d\w])"
    # a marker standing alone after a sentence: "voor de overheid. 18 De eerste"
    r"|(?<=[.!?”] )(?P<sp>\d{1,3})(?=\s+[A-Z])"
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
    """(style, number, start, end, strong, kind) of one regex match."""
    if m.group("sup"):
        n = int("".join(str(SUP_TO_INT[c]) for c in m.group("sup")))
        return SUPERSCRIPT, n, m.start("sup"), m.end("sup"), True, "sup"
    if m.group("br"):
        return BRACKETED, int(m.group("br")), m.start(), m.end(), True, "br"
    if m.group("yn"):
        return PLAIN, int(m.group("yn")), m.start("yn"), m.end("yn"), False, "year"
    if m.group("pl"):
        start = m.start("pl")
        before = m.string[start - 1]
        # "36.382", "€50,11", "1,5": digits after a separator that follows a digit are a number
        if before in ".,:" and start >= 2 and m.string[start - 2].isdigit():
            return PLAIN, -1, start, m.end("pl"), False, "none"
        return PLAIN, int(m.group("pl")), start, m.end("pl"), True, "glued"
    return PLAIN, int(m.group("sp")), m.start("sp"), m.end("sp"), False, "spaced"


def link_markers(text: str, footnotes: tuple[Footnote, ...]) -> tuple[Marker, ...]:
    """Find markers in text, in order, trusting a marker only where the footnote sequence expects it."""
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
        if kind in ("year", "spaced") and fn is None:
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
