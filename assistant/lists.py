"""A sentence that introduces a list ("€80 bestaande uit:") comes with its items, across chunk ends."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.sentences import split_spans
from ingest.model import Chunk, Span

# A list item as the readers leave it: a bullet glyph or an item number at the start of its line.
_ITEM = re.compile(r"^\s*(?:[•\-–�▪●*o]|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\))\s+(?=\S)")
_INTRO = re.compile(r"[:：]\s*$|\b(?:bestaande uit|bestaat uit|namelijk|als volgt|zijn:|zoals)\s*$", re.I)
MAX_ITEMS = 16  # a longer run is a section of bullets, not one list
MAX_FOLLOW = 8  # chunks of the same section read past the first (a long item can fill a chunk)


@dataclass(frozen=True)
class Item:
    """One list item: its chunk and its span there."""

    chunk: Chunk
    span: Span

    @property
    def text(self) -> str:
        return self.chunk.text[self.span[0] : self.span[1]]


def is_item(text: str) -> bool:
    return bool(_ITEM.match(text))


def introduces_list(sentence: str) -> bool:
    return bool(_INTRO.search(sentence))


def _spans(chunk: Chunk) -> list[Span]:
    heading = chunk.section_path[-1] if chunk.section_path else None
    return split_spans(chunk.text, heading)


def items_after(
    chunk: Chunk, span: Span, next_chunk: Callable[[Chunk], Chunk | None] = lambda c: None
) -> list[Item]:
    """The list items that follow the sentence at span, continuing into the section's next chunks.

    The run ends at the first sentence that is not an item (after at least one item). A sentence that
    only continues the previous item (a wrapped "(o.a. ...)") is kept with it. Chunks overlap by a
    sentence, so an item already taken from the previous chunk is not taken again.
    """
    items: list[Item] = []
    seen = {" ".join(chunk.text[span[0] : span[1]].split())}  # the intro, repeated by the next chunk
    current: Chunk | None = chunk
    after = span[1]
    for _ in range(MAX_FOLLOW + 1):
        if current is None or current.section_path != chunk.section_path:
            break
        spans = [s for s in _spans(current) if s[0] >= after]
        for a, b in spans:
            text = current.text[a:b]
            key = " ".join(text.split())
            if key in seen:
                continue
            marker = _ITEM.match(text)
            if marker:
                items.append(Item(current, (a + marker.end(), b)))  # the item's words, without its bullet
                seen.add(key)
            elif (
                items and items[-1].chunk is current and _continues(current.text, items[-1].span[1], a, text)
            ):
                last = items[-1]
                items[-1] = Item(current, (last.span[0], b))  # the item's next sentence, or "(o.a. ...)"
            elif items or not _short(text):
                return items
            if len(items) >= MAX_ITEMS:
                return items
        current, after = next_chunk(current), 0
    return items


def list_of_item(
    chunk: Chunk, span: Span, next_chunk: Callable[[Chunk], Chunk | None] = lambda c: None
) -> tuple[Span, list[Item]] | None:
    """The intro sentence and all items of the list whose item is the sentence at span, or None.

    The intro is the nearest sentence before the item that is no item itself and announces a list
    ("... namelijk:"); without one (or when the item is not in the intro's run) there is no list to show.
    """
    if not is_item(chunk.text[span[0] : span[1]]):
        return None
    before = [s for s in _spans(chunk) if s[1] <= span[0]]
    for a, b in reversed(before):
        text = chunk.text[a:b]
        if is_item(text):
            continue
        if not introduces_list(text):
            return None
        items = items_after(chunk, (a, b), next_chunk)
        mine = any(it.chunk.id == chunk.id and it.span[1] == span[1] for it in items)
        return ((a, b), items) if mine else None
    return None


def _continues(text: str, end: int, start: int, sentence: str) -> bool:
    """The sentence goes on the item's line (no line break between) or is a "(...)" remark."""
    return "\n" not in text[end:start] or sentence.lstrip().startswith("(")


def _short(text: str) -> bool:
    """A short line between an intro and its first item ("(kostprijsverlagend)") does not end the list."""
    return len(text.split()) <= 3


_COUNTS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}
_COUNTED = re.compile(r"\b(" + "|".join(_COUNTS) + r"|[2-9]|10)\s+(?:[a-z-]+e\s+)?[a-z-]{3,}(?:en|s)\b", re.I)
_ORDINAL = re.compile(
    r"^\s*(?:(?:De|Het)\s+(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|laatste)\b|"
    r"Ten\s+(?:eerste|tweede|derde|vierde|vijfde|slotte)\b|Tot\s+slot\b)"
)
MAX_ORDINAL_CHUNKS = 10  # "De eerste maatregel ... De vierde maatregel" may run over several chunks


def counted(sentence: str) -> int | None:
    """'De Commissie stelt vier maatregelen voor': the number of things the sentence announces."""
    match = _COUNTED.search(sentence)
    if not match:
        return None
    word = match.group(1).lower()
    return _COUNTS.get(word) or int(word)


def ordinal_items(
    chunk: Chunk, span: Span, count: int, next_chunk: Callable[[Chunk], Chunk | None] = lambda c: None
) -> list[Item]:
    """The sentences that open "De eerste maatregel ...", "De tweede ..." after an announcing sentence."""
    items: list[Item] = []
    seen: set[str] = set()
    current: Chunk | None = chunk
    after = span[1]
    for _ in range(MAX_ORDINAL_CHUNKS):
        if current is None or current.section_path != chunk.section_path:
            break
        for a, b in _spans(current):
            text = current.text[a:b]
            key = " ".join(text.split())
            if a < after or key in seen or not _ORDINAL.match(text):
                continue
            seen.add(key)
            items.append(Item(current, (a, b)))
            if len(items) >= count:
                return items
        current, after = next_chunk(current), 0
    return items


def sentence_items(sentence: str) -> list[str]:
    """Items enumerated inside one sentence: '(Gemeente Rotterdam, Provincie Noord-Brabant, ...)'."""
    inner = re.search(r"\(([^()]{10,400})\)", sentence)
    body = inner.group(1) if inner else sentence.split(":", 1)[1] if ":" in sentence else ""
    parts = [p.strip(" .;") for p in re.split(r",|;|\s+en\s+|\s+and\s+", body)]
    return [p for p in parts if p]


# A list written as prose: "textiel (...), verpakkingen (...), en elektrische apparaten (...)": at least
# three items, commas between them and "en"/"and"/"of"/"or" before the last (asides in brackets left out).
_PROSE_LIST = re.compile(r"[^,.;:]{2,80},[^,.;:]{2,80},?\s+(?:en|and|of|or)\s+[^,.;:]{2,80}")


def enumerates(sentence: str) -> bool:
    """The sentence lists three or more things in prose."""
    return bool(_PROSE_LIST.search(re.sub(r"\([^()]*\)", "", sentence)))
