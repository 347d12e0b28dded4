"""Dutch-aware sentence splitting that keeps exact spans, so a quote is always verbatim from its passage."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest.model import Span

# Abbreviations after which a period does not end a sentence (lower-cased, without the final period).
ABBREVIATIONS = frozenset(
    """
    nr nrs o.a jl j.l c.s d.d e.d e.a m.b.t m.b.v i.v.m i.p.v t.a.v t.b.v z.s.m a.s bijv bv resp blz
    art vgl zgn m.n d.w.z n.a.v mr dr drs ir prof mw mevr dhr st ca evt incl excl max min etc vs e.g
    i.e no nos p pp jr ged kst kamerstukken t.o.v i.o.m o.b.v v.w.b m.i.v a.d.h.v
    """.split()
)

_TERMINAL = ".!?"
# A sentence ends at terminal punctuation, possibly followed by closing quotes/brackets and a footnote
# marker glued to it ("loketten.21", "bodem.¹"), then whitespace.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])?(?=\s)")
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n")
_BULLET_LINE = re.compile(r"\n[ \t]*(?:[•\-–�▪●*]|\d{1,2}[.)])[ \t]+")
# A numbered heading on its own line ("2.2.1 Onderzoeken MitID ...") ends at its line break.
_NUMBERED_HEADING = re.compile(r"(?m)^[ \t]*\d+(?:\.\d+)+\.?[ \t]+[^\n]*?(?<![.,;:])[ \t]*$")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_ITEM_NUMBER = re.compile(r"(?:^|\n)[ \t]*\d{1,2}$")  # a number alone at the start of its line


def _is_abbreviation(before: str) -> bool:
    """True when a period right after `before` belongs to an abbreviation or an initial."""
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lstrip("(\"'“‘").lower()
    if word in ABBREVIATIONS:
        return True
    # Initials: one letter ("J. Jansen") or several joined by periods ("Raak van A.A.G.M. (SP)")
    return bool(_INITIALS.fullmatch(word))


def _next_starts_sentence(text: str, pos: int) -> bool:
    rest = text[pos:].lstrip()
    if not rest:
        return True
    first = rest[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘(•–-�[€"


def _hard_breaks(text: str) -> list[int]:
    """Offsets where a sentence must end regardless of punctuation: paragraphs, bullets, headings."""
    cuts = {m.start() for m in _PARAGRAPH.finditer(text)}
    cuts |= {m.start() for m in _BULLET_LINE.finditer(text)}
    cuts |= {m.end() for m in _NUMBERED_HEADING.finditer(text)}
    return sorted(cuts)


def _soft_breaks(text: str) -> Iterator[int]:
    for match in _END.finditer(text):
        start, group = match.start(), match.group(0)
        before = text[:start]
        if group[-1].isdigit() and before[-1:].isdigit():
            continue  # "36.410 VII" is a number, not a sentence end with a footnote marker
        if group.startswith(".") and not group.startswith("..") and _is_abbreviation(before):
            continue
        if group == "." and _ITEM_NUMBER.search(before):
            continue  # "\n\n1. Vermindering gebruik grondstoffen;": an item's number, not a sentence
        if _next_starts_sentence(text, match.end()):
            yield match.end()


@lru_cache(maxsize=8192)  # passages come back again and again; their sentences do not change
def split_spans(text: str, first_line_heading: str | None = None) -> list[Span]:
    """Spans of the sentences in text, whitespace trimmed; concatenated they cover all non-blank text.

    first_line_heading: when the text starts with this section heading, it is split off as its own span.
    """
    cuts = set(_hard_breaks(text)) | set(_soft_breaks(text))
    if first_line_heading:
        newline = text.find("\n")
        if newline > 0 and _squash(text[:newline]).startswith(_squash(first_line_heading)[:40]):
            cuts.add(newline)
    spans: list[Span] = []  # callers get the cached list: they must not change it
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        if cut <= start:
            continue
        span = _trim(text, start, cut)
        if span:
            spans.append(span)
        start = cut
    return spans


def split_sentences(text: str, first_line_heading: str | None = None) -> list[str]:
    return [text[a:b] for a, b in split_spans(text, first_line_heading)]


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _squash(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text).lower()


def one_line(text: str) -> str:
    """A quote for display in running text: line breaks and runs of spaces folded into one space."""
    return re.sub(r"\s+", " ", text).strip()
