"""Source cards: one per cited passage, every supported sentence marked, footnote calls as superscripts.

Every id is scoped by its turn ("t2-c1"), so an [n] in any turn of the conversation opens its own card.
All document text goes through html.escape; nothing from a letter is ever read as HTML or Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from assistant.conversation import Turn
from assistant.i18n import letter_title, letter_when, short_title, t
from ingest.model import Answer, Chunk, Footnote, Letter, Marker

OFFICIAL = "https://zoek.officielebekendmakingen.nl/"
FileLink = Callable[[Letter], "str | None"]


@dataclass(frozen=True)
class Card:
    """One passage shown to the user, with the citation numbers it carries and the spans they mark."""

    key: str  # "c<first n>" for a cited passage, "n<rank>" for a nearby one after an abstention
    chunk: Chunk
    letter: Letter
    numbers: tuple[int, ...] = ()
    marks: tuple[tuple[int, int, tuple[int, ...]], ...] = ()  # (start, end, citation numbers)


def card_id(turn: int, key: str) -> str:
    return f"t{turn}-{key}"


def cited_cards(answer: Answer) -> list[Card]:
    """The answer's citations grouped by passage: two citations of one passage are one card."""
    order: list[str] = []
    grouped: dict[str, list] = {}
    for c in answer.citations:
        if c.chunk.id not in grouped:
            order.append(c.chunk.id)
            grouped[c.chunk.id] = []
        grouped[c.chunk.id].append(c)
    cards = []
    for chunk_id in order:
        cites = grouped[chunk_id]
        spans: dict[tuple[int, int], list[int]] = {}
        for c in cites:
            spans.setdefault(tuple(c.quote_span), []).append(c.n)
        marks = tuple((a, b, tuple(ns)) for (a, b), ns in sorted(_merge(spans).items()))
        first = cites[0]
        numbers = tuple(sorted(c.n for c in cites))
        cards.append(Card(f"c{numbers[0]}", first.chunk, first.letter, numbers, marks))
    return cards


def _merge(spans: dict[tuple[int, int], list[int]]) -> dict[tuple[int, int], list[int]]:
    """Overlapping quote spans become one mark carrying all their numbers."""
    merged: list[tuple[int, int, list[int]]] = []
    for (a, b), ns in sorted(spans.items()):
        if merged and a < merged[-1][1]:
            pa, pb, pns = merged[-1]
            merged[-1] = (pa, max(pb, b), sorted(set(pns + ns)))
        else:
            merged.append((a, b, sorted(ns)))
    return {(a, b): ns for a, b, ns in merged}


def nearby_cards(answer: Answer) -> list[Card]:
    """After an abstention: the nearest passages, so the user sees what the letters do say."""
    if not answer.abstained:
        return []
    seen: set[str] = {c.chunk.id for c in answer.citations}  # a cited passage has its own card
    cards = []
    for hit in answer.see_also:
        if hit.chunk.id in seen:
            continue
        seen.add(hit.chunk.id)
        cards.append(Card(f"n{len(cards) + 1}", hit.chunk, hit.letter))
    return cards


def citation_targets(answer: Answer, turn: int) -> dict[int, str]:
    """Citation number -> the element id of its card in this turn."""
    return {n: card_id(turn, card.key) for card in cited_cards(answer) for n in card.numbers}


def official_url(letter: Letter) -> str | None:
    """The official publication of a Kamerstuk, built from its id (kst-26643-1371)."""
    kid = letter.kamerstuk_id
    return OFFICIAL + quote(kid, safe="-") if kid else None


def source_links(letter: Letter, lang: str, file_link: Callable[[Letter], str | None] | None) -> list[str]:
    """The links to a letter's sources as HTML: its official publication (a new tab) and its file."""
    links = []
    official = official_url(letter)
    if official:
        links.append(
            f'<a class="official" href="{escape(official)}" target="_blank" rel="noopener noreferrer">'
            f"{escape(t(lang, 'official'))}</a>"
        )
    served = file_link(letter) if file_link else None
    if served:
        links.append(f'<a class="file" href="{escape(served)}">{escape(t(lang, "file"))}</a>')
    return links


def file_url(letter: Letter) -> str:
    """Where the page serves the file a letter was read from (assistant/source_files.py)."""
    return "letters/file/" + quote(letter.id, safe="")


def _markers(chunk: Chunk, letter: Letter) -> list[tuple[int, int, Marker]]:
    a, b = chunk.span
    if letter.text[a:b] != chunk.text:  # spans are offsets in the letter's text; trust them only if they fit
        return []
    return [(m.span[0] - a, m.span[1] - a, m) for m in letter.markers if a <= m.span[0] and m.span[1] <= b]


def _footnotes(chunk: Chunk, letter: Letter, markers) -> list[Footnote]:
    notes = list(chunk.footnotes)
    have = {f.id for f in notes}
    for _, _, m in markers:
        f = letter.footnote(m.footnote_id) if m.footnote_id else None
        if f is not None and f.id not in have:
            notes.append(f)
            have.add(f.id)
    return notes


def passage_html(card: Card, turn: int, lang: str) -> str:
    """The passage, escaped, its supported sentences in <mark> with their [n], footnote calls as <sup>."""
    text = card.chunk.text
    cid = card_id(turn, card.key)
    markers = _markers(card.chunk, card.letter)
    index = {f.id: i for i, f in enumerate(_footnotes(card.chunk, card.letter, markers), start=1)}
    cuts = {0, len(text)}
    for a, b, _ in card.marks:
        cuts |= {a, b}
    for a, b, _ in markers:
        cuts |= {a, b}
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        marker = next((m for ma, mb, m in markers if ma <= a and b <= mb), None)
        if marker is not None:
            piece = _call(marker, index, cid, lang)
        mark = next((m for m in card.marks if m[0] <= a and b <= m[1]), None)
        if mark is not None:
            piece = f"<mark>{piece}</mark>"
            if b == mark[1]:
                refs = " ".join(f"[{n}]" for n in mark[2])
                label = escape(t(lang, "supports", refs=refs))
                piece += f'<sup class="refs" title="{label}">{refs}</sup>'
        out.append(piece)
    return "".join(out)


def _call(marker: Marker, index: dict[str, int], cid: str, lang: str) -> str:
    label = escape(marker.label.strip("[]"))
    i = index.get(marker.footnote_id or "")
    if i is None:
        lost = escape(t(lang, "footnote_lost", n=marker.label.strip("[]")))
        return f'<sup class="fn-call lost" title="{lost}">{label}</sup>'
    aria = escape(t(lang, "footnote_n", n=marker.label.strip("[]")))
    return f'<sup class="fn-call"><a href="#{cid}-fn{i}" aria-label="{aria}">{label}</a></sup>'


def card_html(card: Card, turn: int, lang: str, file_link: FileLink | None = None) -> str:
    chunk, letter = card.chunk, card.letter
    cid = card_id(turn, card.key)
    if card.numbers:
        head = " ".join(f"[{n}]" for n in card.numbers)
    else:
        head = escape(t(lang, "nearby_card", n=card.key[1:]))
    links = []
    title, short = letter_title(letter, lang), short_title(letter, lang)
    if short != title:
        links.append(f'<span class="title">{escape(title)}</span>')
    if letter.kamerstuk:
        links.append(escape(t(lang, "kamerstuk", id=letter.kamerstuk)))
    links += source_links(letter, lang, file_link)
    where = " › ".join(escape(s) for s in chunk.section_path if s.strip())
    if chunk.page:
        where += (", " if where else "") + escape(t(lang, "page", n=chunk.page))
    markers = _markers(chunk, letter)
    notes = "".join(
        f'<li id="{cid}-fn{i}" tabindex="-1"><span class="fn-label">{escape(f.label.strip("[]"))}</span> '
        f"{escape(f.text)}</li>"
        for i, f in enumerate(_footnotes(chunk, letter, markers), start=1)
    )
    footnotes = (
        f'<div class="footnotes"><h5>{escape(t(lang, "footnotes"))}</h5><ol>{notes}</ol></div>'
        if notes
        else ""
    )
    kind = "cited" if card.numbers else "nearby"
    return (
        f'<details class="card {kind}" id="{cid}" data-turn="{turn}" data-chunk="{escape(chunk.id)}">'
        f'<summary><span class="nums">{head}</span> <span class="letter">{escape(short)}'
        f'</span> <span class="when">{escape(letter_when(letter, lang))}</span></summary>'
        f'<div class="card-body"><p class="meta">{" · ".join(links)}</p>'
        f'<p class="where">{where}</p>'
        # A long passage scrolls (page.css): focusable, so a keyboard can scroll it too (WCAG 2.1.1).
        f'<div class="passage" tabindex="0" role="group" aria-label="{escape(t(lang, "passage"))}">'
        f"{passage_html(card, turn, lang)}</div>{footnotes}</div></details>"
    )


def turn_sources_html(
    turn: Turn, number: int, lang: str, copy_text: str, file_link: FileLink | None = None
) -> str:
    answer = turn.answer
    assert answer is not None
    parts = [
        f'<section class="turn-sources" id="t{number}" data-turn="{number}" aria-labelledby="t{number}-h">',
        f'<h4 id="t{number}-h"><span class="qn">{escape(t(lang, "question_n", n=number))}</span> '
        f"{escape(turn.question)}</h4>",
    ]
    parts += [card_html(c, number, lang, file_link) for c in cited_cards(answer)]
    nearby = nearby_cards(answer)
    if nearby:
        parts.append(f'<h5 class="nearby-h">{escape(t(lang, "nearby"))}</h5>')
        parts += [card_html(c, number, lang, file_link) for c in nearby]
    if answer.flagged:
        parts.append(f'<h5>{escape(t(lang, "flagged"))}</h5><ul class="flagged">')
        parts += [f"<li>{escape(s)}</li>" for s in answer.flagged]
        parts.append("</ul>")
    parts.append(f'<pre class="copy-text" hidden data-turn="{number}">{escape(copy_text)}</pre></section>')
    return "".join(parts)


def sources_html(
    turns: Sequence[Turn],
    lang: str,
    copy_texts: Sequence[str] | None = None,
    file_link: FileLink | None = None,
) -> str:
    """The sources panel: the cards of every finished turn, the newest first."""
    head = (
        f'<div class="brieven-sources" lang="{lang}" role="region" aria-label="{escape(t(lang, "sources"))}"'
        f' data-copied="{escape(t(lang, "copied"))}">'
    )
    done = [(i, turn) for i, turn in enumerate(turns, start=1) if turn.done]
    if not done:
        return f'{head}<p class="empty">{escape(t(lang, "sources_empty"))}</p></div>'
    texts = copy_texts or [""] * len(turns)
    body = "".join(turn_sources_html(turn, i, lang, texts[i - 1], file_link) for i, turn in reversed(done))
    return head + body + "</div>"
