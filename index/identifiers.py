"""Exact identifiers in questions and passages: toezegging numbers, Kamerstuk numbers, motie names."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.model import Chunk, CommitmentMention, Letter

_TZ = re.compile(r"\b(TZ\d{6}-\d+|T\d{5})\b", re.IGNORECASE)
# Kamerstuk numbers as printed: "26643 nr. 1371", "26 643, nr. 1371", "kst-26643-1371",
# "Kamerstuk 26643-1371", "36 600 VII, nr. 62", "Kamerstukken II 2024/25, 26643, nr. 1287".
_KST_NORMAL = re.compile(r"\bkst-(\d{5,6})(?:-([IVXLC]+|[A-Z]))?-(\d{1,4})\b", re.IGNORECASE)
_KST_PRINTED = re.compile(
    r"(?<![\d/])(\d{2}[ .]?\d{3})(?:[ -]([IVXLC]+|[A-Z]))?"
    r"(?:,?\s*(?:nr|no|nummer|number)\.?\s*|-)(\d{1,4})\b",
)
_KST_HINT = re.compile(r"kamerstuk|\bnr\b|\bnr\.|\bno\.|nummer|number|\bkst\b", re.IGNORECASE)
_MOTIE_WORDS = re.compile(r"\b(motie|moties|motion|motions|toezegging|toezeggingen)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+")
_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "het", "'t", "in"}
# Capitalised words in headings that are not member names.
_NOT_NAMES = {
    "motie",
    "moties",
    "toezegging",
    "toezeggingen",
    "gewijzigde",
    "nader",
    "lid",
    "leden",
    "de",
    "het",
}


def kamerstuk_key(dossier: str, suffix: str | None, number: str) -> str:
    """The normalised form the parser also uses: "kst-26643-1371", "kst-36600-VII-62"."""
    dossier = re.sub(r"[ .]", "", dossier)
    return f"kst-{dossier}" + (f"-{suffix.upper()}" if suffix else "") + f"-{int(number)}"


def find_ids(text: str, loose: bool = False) -> list[str]:
    """Toezegging and Kamerstuk identifiers in text, normalised, in order of appearance.

    Printed Kamerstuk numbers ("26643 nr. 1371") are taken only after a hint word such as "nr." or
    "Kamerstuk", unless loose=True, so that ordinary numbers are not mistaken for them.
    """
    found: list[tuple[int, str]] = [(m.start(), m.group(1).upper()) for m in _TZ.finditer(text)]
    found += [(m.start(), kamerstuk_key(*m.groups())) for m in _KST_NORMAL.finditer(text)]
    for m in _KST_PRINTED.finditer(text):
        if (
            loose
            or _KST_HINT.search(m.group(0))
            or _KST_HINT.search(text[max(0, m.start() - 40) : m.start()])
        ):
            found.append((m.start(), kamerstuk_key(*m.groups())))
    seen: dict[str, None] = {}
    for _, ident in sorted(found):
        seen.setdefault(ident)
    return list(seen)


def heading_names(heading: str) -> list[str]:
    """Member surnames in a motie heading: "Motie Thijssen (PRO) en Bruyning (NSC) – 30% ..." → both."""
    match = _MOTIE_WORDS.search(heading)
    if not match:
        return []
    head = re.split(r"\s[–—-]\s|:|\s[–—-]|[–—]", heading[match.end() :], maxsplit=1)[0]
    head = re.sub(r"\([^)]*\)", " ", head)
    head = re.sub(r"^\s*(?:van\s+)?(?:het\s+lid|de\s+leden)\s+", " ", head, flags=re.IGNORECASE)
    names = []
    for part in re.split(r",|\sen\s|&", head):
        words = _NAME_WORD.findall(part)
        words = [w for w in words if w.lower() not in _NOT_NAMES]
        if words:
            names.append(words[-1].lower())
    return names


@dataclass(frozen=True)
class QueryIds:
    """What a question names exactly."""

    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ids or self.names)


class IdentifierIndex:
    """Which chunks cite which identifier or deal with which member's motie."""

    def __init__(
        self, letters: Iterable[Letter], chunks: Iterable[Chunk], mentions: Iterable[CommitmentMention] = ()
    ) -> None:
        self.by_id: dict[str, list[str]] = defaultdict(list)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.letter_by_kst: dict[str, str] = {}
        for letter in letters:
            if letter.kamerstuk_id:
                self.letter_by_kst[letter.kamerstuk_id.lower()] = letter.id
        for chunk in chunks:
            idents = set(find_ids(chunk.clean_text))
            for note in chunk.footnotes:
                idents.update(note.identifiers)
                idents.update(find_ids(note.text))
            for heading in chunk.section_path:
                idents.update(find_ids(heading))
            for ident in idents:
                self._add(self.by_id, ident.lower(), chunk.id)
            if chunk.section_path:
                for name in heading_names(chunk.section_path[-1]):
                    self._add(self.by_name, name, chunk.id)
        for mention in mentions:
            if mention.chunk_id is None:
                continue
            for ident in mention.identifiers:
                self._add(self.by_id, ident.lower(), mention.chunk_id)
            if mention.kind == "motie":
                for member in mention.members:
                    self._add(self.by_name, member.name.split()[-1].lower(), mention.chunk_id)

    @staticmethod
    def _add(table: dict[str, list[str]], key: str, chunk_id: str) -> None:
        if chunk_id not in table[key]:
            table[key].append(chunk_id)

    def parse(self, question: str) -> QueryIds:
        """Identifiers in the question, and member names when it asks about a motie or toezegging."""
        ids = tuple(find_ids(question, loose=True))
        names: tuple[str, ...] = ()
        if _MOTIE_WORDS.search(question):
            words = re.findall(r"[\w'’-]+", question.lower())
            names = tuple(dict.fromkeys(w for w in words if w in self.by_name and w not in _PARTICLES))
        return QueryIds(ids, names)

    def lookup(self, query: QueryIds) -> tuple[list[str], set[str]]:
        """(chunk ids that cite what the question names, letter ids the question names by number)."""
        chunk_ids: list[str] = []
        letters: set[str] = set()
        for ident in query.ids:
            chunk_ids += self.by_id.get(ident.lower(), [])
            if ident.lower() in self.letter_by_kst:
                letters.add(self.letter_by_kst[ident.lower()])
        for name in query.names:
            chunk_ids += self.by_name.get(name, [])
        return list(dict.fromkeys(chunk_ids)), letters
