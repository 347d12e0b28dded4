"""Structure-aware chunking: whole paragraphs of one section, under the embedding model's input length.

Every chunk is counted with the embedding model's own tokenizer (the caller passes the embedder's
count_tokens) and never exceeds settings.chunk_max_tokens: a paragraph over the limit is split at
sentence ends, a sentence over it at clause boundaries, a clause over it between words. List items
and table rows are paragraphs of their own (see ingest/paragraphs.py and the structured readers'
blocks), so a table or a list is split by row or item and each chunk keeps its section path."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.footnotes import strip_markers
from ingest.model import Chunk, Letter, Section
from ingest.settings import Settings

TokenCounter = Callable[[str], int]
# Sentence ends, but not after abbreviations common in the letters (nr., o.a., jl., c.s., d.d., a.s.)
# nor after an initial ("J. de Vries", "Raak van A.A.G.M. (SP)": a capital alone before its period).
SENTENCE_END_RE = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bnr\.)(?<!\bNr\.)(?<!\bo\.a\.)(?<!\bjl\.)(?<!\bc\.s\.)(?<!\bd\.d\.)(?<!\ba\.s\.)(?<!\bblz\.)"
    # after the stop, a footnote marker may follow ("MitID.21 Zij"), but "3.2.1 Motie" is a heading number
    r"(?<=[.!?])(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|(?<=[^\d\s][.!?])\d{1,3})?[”’\"]?\s+(?=[A-Z•“‘(])"
)


def approx_tokens(text: str) -> int:
    """A tokenizer-free estimate (word pieces run about 1.5 per Dutch word); for tests."""
    return int(len(re.findall(r"\w+|[^\w\s]", text)) * 1.5) + 1


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of sentences in text, offset by start."""
    spans, pos = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        # a marker or closing quote after the stop stays with its sentence
        spans.append((start + pos, start + m.start() + len(m.group(0).rstrip())))
        pos = m.end()
    if text[pos:].strip():
        spans.append((start + pos, start + len(text.rstrip())))
    return [s for s in spans if s[1] > s[0]]


# Where a sentence too long for the model may be split: after a clause's punctuation, before a dash.
CLAUSE_RE = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—-]\s)|(?<=\))\s+")


def _fits(text: str, span: tuple[int, int], limit: int, count: TokenCounter) -> bool:
    return count(text[span[0] : span[1]]) <= limit


def _pack(text: str, parts: list[tuple[int, int]], limit: int, count: TokenCounter) -> list[tuple[int, int]]:
    """Consecutive parts joined greedily into spans that fit; a part that alone does not fit stays alone."""
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if out and _fits(text, (out[-1][0], b), limit, count):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _boundaries(text: str, span: tuple[int, int], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    a, b = span
    parts, pos = [], a
    for m in pattern.finditer(text, a, b):
        if m.start() > pos:
            parts.append((pos, m.start()))
        pos = m.end()
    if b > pos:
        parts.append((pos, b))
    return parts or [span]


def split_to_fit(text: str, span: tuple[int, int], limit: int, count: TokenCounter) -> list[tuple[int, int]]:
    """A span of text too long for the model cut into spans that fit: at clause boundaries, then between
    words; a single word longer than the limit (a URL) is cut between characters as a last resort."""
    if _fits(text, span, limit, count):
        return [span]
    out: list[tuple[int, int]] = []
    for part in _pack(text, _boundaries(text, span, CLAUSE_RE), limit, count):
        if _fits(text, part, limit, count):
            out.append(part)
            continue
        for piece in _pack(text, _boundaries(text, part, re.compile(r"\s+")), limit, count):
            out.extend([piece] if _fits(text, piece, limit, count) else _cut_chars(text, piece, limit, count))
    return out


def _cut_chars(text: str, span: tuple[int, int], limit: int, count: TokenCounter) -> list[tuple[int, int]]:
    out, a = [], span[0]
    while a < span[1]:
        lo, hi = a + 1, span[1]
        while lo < hi:  # the longest prefix that fits
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if _fits(text, (a, mid), limit, count) else (lo, mid - 1)
        out.append((a, lo))
        a = lo
    return out


def _paragraph_spans(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    out, pos = [], span[0]
    for part in text[span[0] : span[1]].split("\n\n"):
        if part.strip():
            out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return out


# Counting is the chunker's cost: a real tokenizer call takes a millisecond or more. Token counts of
# passages joined at whitespace add up (word pieces never cross whitespace), so a join is decided on
# the sum of its parts' counts; only a sum just over the limit is counted again, and every chunk is
# counted once at the end, so no chunk over the limit can come out of a counter that does not add up.
JOIN_SLACK = 2  # approx_tokens over-counts each part by a token or two: recount sums this close to the limit


class _Counter:
    """The caller's token counter, with each text counted once."""

    def __init__(self, text: str, count: TokenCounter, limit: int) -> None:
        self.text, self.limit = text, limit
        self.cache: dict[str, int] = {}
        self.raw = count

    def count(self, text: str) -> int:
        if text not in self.cache:
            self.cache[text] = self.raw(text)
        return self.cache[text]

    def __call__(self, a: int, b: int) -> int:
        return self.count(self.text[a:b])

    def joins(self, first: tuple[int, int], last: tuple[int, int], total: int, parts: int) -> bool:
        """Do the spans from first to last fit, given the sum of their `parts` parts' counts?"""
        if total <= self.limit:
            return True
        return total <= self.limit + JOIN_SLACK * parts and self(first[0], last[1]) <= self.limit


def _pieces(letter: Letter, section: Section, counter: _Counter, overlap: int) -> list[tuple[int, int, int]]:
    """(start, end, tokens) of paragraphs, with paragraphs over the limit split at sentence ends
    (overlapping by `overlap`), sentences over it at clauses and words."""
    limit, count = counter.limit, counter.count
    pieces: list[tuple[int, int, int]] = []
    paragraphs = _paragraph_spans(letter.text, section.span)
    if section.heading and len(paragraphs) > 1:
        # the heading never stands alone: it opens the first passage under it
        paragraphs[:2] = [(paragraphs[0][0], paragraphs[1][1])]
    for a, b in paragraphs:
        n = counter(a, b)
        if n <= limit:
            pieces.append((a, b, n))
            continue
        sents = [
            piece
            for sent in sentence_spans(letter.text[a:b], a)
            for piece in split_to_fit(letter.text, sent, limit, count)
        ]
        sizes = [counter(x, y) for x, y in sents]
        i = 0
        while i < len(sents):
            j, total = i, sizes[i]
            while j + 1 < len(sents) and counter.joins(
                sents[i], sents[j + 1], total + sizes[j + 1], j + 2 - i
            ):
                j += 1
                total += sizes[j]
            pieces.append((sents[i][0], sents[j][1], total))
            i = max(j + 1 - overlap, i + 1) if j + 1 < len(sents) else j + 1
    return pieces


def _groups(pieces: list[tuple[int, int, int]], counter: _Counter) -> list[tuple[int, int]]:
    """Consecutive pieces joined while they fit; every group counted once more, exactly."""
    groups: list[list[tuple[int, int, int]]] = []
    for piece in pieces:
        last = groups[-1] if groups else None
        if (
            last
            and piece[1] > last[-1][1]
            and piece[0] >= last[-1][1]
            and counter.joins(last[0][:2], piece[:2], sum(p[2] for p in last) + piece[2], len(last) + 1)
        ):
            last.append(piece)
        else:
            groups.append([piece])
    out: list[tuple[int, int]] = []
    for group in groups:
        span = (group[0][0], group[-1][1])
        if len(group) == 1 or counter(*span) <= counter.limit:
            out.append(span)
        else:  # the counter did not add up: the pieces, each of which fits, stand alone
            out.extend((p[0], p[1]) for p in group)
    return out


def chunk_letter(
    letter: Letter, settings: Settings | None = None, count_tokens: TokenCounter = approx_tokens
) -> list[Chunk]:
    """Chunks in reading order; a chunk never spans two sections and stays within chunk_max_tokens.

    count_tokens is the embedding model's own counter (TextEmbedder.count_tokens); approx_tokens is a
    tokenizer-free estimate for tests."""
    settings = settings or Settings()
    counter = _Counter(letter.text, count_tokens, settings.chunk_max_tokens)
    overlap = settings.chunk_overlap_sentences
    chunks: list[Chunk] = []
    by_id = {fn.id: fn for fn in letter.footnotes}
    heading_notes = _heading_footnotes(letter)
    for section in letter.sections:
        # footnotes on a heading (the toezegging's TZ number) belong to every passage under it
        inherited = [
            f for i in range(1, len(section.path) + 1) for f in heading_notes.get(section.path[:i], ())
        ]
        for a, b in _groups(_pieces(letter, section, counter, overlap), counter):
            markers = tuple(m for m in letter.markers if a <= m.span[0] < b)
            text = letter.text[a:b]
            fns, seen = [], set()
            for fid in inherited + [m.footnote_id for m in markers if m.footnote_id]:
                if fid not in seen and fid in by_id:
                    seen.add(fid)
                    fns.append(by_id[fid])
            chunks.append(
                Chunk(
                    id=f"{letter.id}#{len(chunks):03d}",
                    letter_id=letter.id,
                    text=text,
                    clean_text=" ".join(strip_markers(text, markers, a).split()),
                    section_path=section.path,
                    span=(a, b),
                    page=letter.page_at(a),
                    footnotes=tuple(fns),
                    missing_markers=tuple(m.number for m in markers if m.footnote_id is None),
                )
            )
    return chunks


def _heading_footnotes(letter: Letter) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Footnote ids cited by each section's heading, keyed by the section path."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for section in letter.sections:
        if not section.heading:
            continue
        end = letter.text.find("\n\n", section.span[0], section.span[1])
        end = section.span[1] if end < 0 else end
        ids = tuple(
            m.footnote_id for m in letter.markers if section.span[0] <= m.span[0] < end and m.footnote_id
        )
        if ids:
            out[section.path] = ids
    return out
