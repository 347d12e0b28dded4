"""Footnote resolution: build Footnotes from definitions and link every body marker to its footnote."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace

# Re-exported: the call candidates lived here before they got their own module.
from ingest.call_candidates import ABBREVIATIONS, CANDIDATE_RE, call_candidates  # noqa: F401
from ingest.call_candidates import candidate as _candidate
from ingest.footnote_blocks import FootnoteDef
from ingest.identifiers import kamerstuk_ids, toezegging_ids, urls
from ingest.model import BRACKETED, DOCX, PDF, PLAIN, SUPERSCRIPT, XML, Footnote, Marker

MAX_SKIP = 3
CONT_RE = re.compile(
    r",\s?(\d{1,3})(?![\d\w])"
)  # a marker may skip this many numbers whose marker was lost in extraction


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


def link_markers(
    text: str, footnotes: tuple[Footnote, ...], page_starts: tuple[int, ...] = ()
) -> tuple[Marker, ...]:
    """Find markers in text, in order, trusting a marker only where the footnote sequence expects it.

    page_starts (offsets where pages 1, 2, 3 ... of text start, as Letter.page_starts) lets a call be
    taken only near its footnote's page, and the weakest kind, one set apart from its word, only on its
    footnote's own page. Where the call of a footnote was lost, the sequence takes up again at the next
    call it can trust (see _resync)."""
    defined: dict[tuple[str, int], list[Footnote]] = defaultdict(list)
    for fn in footnotes:
        # XML and Word footnotes are marked "[n]" in the text by their readers; so are a PDF's
        # raised calls, kept apart from footnotes printed "[n]" where a letter has both.
        defined[(BRACKETED if fn.style in (XML, DOCX) else fn.style, fn.number)].append(fn)
    styles = {style for style, _ in defined}
    # a text may start mid-letter: the sequence starts at its first footnote number
    expected = {s: min(n for st, n in defined if st == s) for s in styles}
    series = {s: 0 for s in styles}
    # every candidate, in order (a "[n]" may be a PDF's raised call: its series is chosen as it comes)
    cands = [(c, m) for m in CANDIDATE_RE.finditer(text) if (c := _candidate(m))[1] >= 1]
    markers: list[Marker] = []
    for at, ((style, n, start, end, strong, kind), _) in enumerate(cands):
        if style == BRACKETED and PDF in styles:
            style = _bracket_series(n, expected, defined, series)
        if style not in styles:
            continue
        exp = expected[style]
        if n == 1 and exp > 1 and len(defined.get((style, 1), [])) > series[style] + 1:
            series[style] += 1  # numbering restarts
            exp = 1
        fns = defined.get((style, n), [])
        fn = fns[series[style]] if len(fns) > series[style] else None
        page = _page(page_starts, start) if page_starts else None
        # a footnote stands on its call's page or the next; one page more of slack for page starts
        # that are only known per paragraph
        near = fn is None or fn.page is None or page is None or page - 1 <= fn.page <= page + 2
        if n == exp:
            ok = (fn is not None and near) or (fn is None and strong)
        elif exp < n <= exp + MAX_SKIP and not any(defined.get((style, k)) for k in range(exp, n)):
            # skip numbers whose footnote text was lost
            ok = fn is not None and kind != "spaced" and near
        elif n > exp:
            # "Q4" must not jump over footnote 3: a defined footnote is skipped only where its call
            # was lost (no candidate of it before the next footnote's call)
            ok = fn is not None and near and _resync(cands, at, style, exp, n, fn, page, defined)
        else:
            ok = False
        if kind in ("year", "spaced", "apart", "between") and fn is None:
            ok = False
        if kind == "between" and not (
            n == exp
            and fn is not None
            and page_starts
            and fn.page == page
            and not _glued_later(text, n, end, page_starts, fn.page)
        ):
            ok = False
        if kind == "apart" and not (n >= exp and fn and _apart_ok(text, cands, at, fn, page_starts, page)):
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


STRONG_KINDS = ("glued", "sup", "br")


def _resync(
    cands: list, at: int, style: str, exp: int, n: int, fn: Footnote, page: int | None, defined: dict
) -> bool:
    """May the sequence take up again at call n, skipping the calls of exp .. n-1 (their footnotes exist)?

    Evidence: the call is of a strong kind (glued to its word, raised, bracketed; set apart only on its
    footnote's page); no candidate of a
    skipped number follows before the next call of n + 1 (those calls are lost, not still to come);
    and its footnote stands on the call's page or the next (without pages: at most MAX_SKIP skipped)."""
    kind = cands[at][0][5]
    # a number set apart from its word resynchronises only on its footnote's own page
    if kind not in STRONG_KINDS and not (kind == "apart" and page is not None and fn.page == page):
        return False
    if page is None or fn.page is None:
        # without pages: at most MAX_SKIP calls lost, unless none of the skipped footnotes was found
        # either (a page's block lost in extraction: the footnote reader says so)
        if n - exp > MAX_SKIP and any(defined.get((style, k)) for k in range(exp, n)):
            return False
    elif not page <= fn.page <= page + 1:
        return False
    skipped = set(range(exp, n))
    for (st, m, *_), _ in cands[at + 1 :]:
        if st != style:
            continue
        if m == n + 1:
            break
        if m in skipped:
            return False
    return True


def _apart_ok(
    text: str, cands: list, at: int, fn: Footnote, page_starts: tuple[int, ...], page: int | None
) -> bool:
    """A number set apart from its word ("transitieteams 4)") is the call only where no call of it glued
    to its word follows: on the same page (pages known, and the footnote on that page), or before the
    next footnote's call (pages unknown)."""
    n, end = fn.number, cands[at][0][3]
    if page_starts:
        return fn.page == page and not _glued_later(text, n, end, page_starts, fn.page)
    nxt = next((c[2] for c, _ in cands[at + 1 :] if c[1] == n + 1 and c[5] in STRONG_KINDS), len(text))
    return re.search(rf"(?:[^\W\d_]|[).,;:’”'\"]){n}(?![\d\w])", text[end:nxt]) is None


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
