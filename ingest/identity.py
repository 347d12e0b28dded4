"""A letter's key is what the document is, never its file name: its Kamerstuk id, else its kenmerk
with its date, else a digest of its normalised body. Near-duplicates (one document in two files) share it.

Keys are URL-safe and stable across runs and machines:
- "kst-26643-1371": the Kamerstuk id where it is printed (or the official XML's DC.identifier);
- "kenmerk-2025-0000123456-2025-07-11": the letter's own reference ("Ons kenmerk") and date;
- "doc-3f2a9c0d1b7e4a65": the first 16 hex digits of sha256 over the normalised body, so whitespace,
  line breaks, hyphenation at line ends and footnote markers do not change it.

Two files are the same document when their keys are equal, or when their normalised bodies share at
least NEAR_DUPLICATE of their word shingles and their printed dates do not contradict each other (a
PDF and the text saved from it, a DOCX and its PDF). Of such a pair the richer format is kept
(FORMAT_RANK: the official XML has the most structure, plain text the least).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ingest.model import Letter, Span

# Which format is kept when two files hold the same document: the one whose reader sees most structure.
FORMAT_RANK = {"xml": 5, "pdf": 4, "docx": 3, "html": 2, "text": 1}
SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.9  # word-shingle Jaccard similarity of the normalised bodies
# Jaccard >= 0.9 needs the smaller shingle set to hold >= 0.9 of the larger; text length is a cheap
# stand-in for the set sizes, so letters whose lengths differ more than this are never compared.
_LENGTH_RATIO = 0.6

_SLUG = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _without_markers(text: str, spans: Iterable[Span]) -> str:
    parts, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        parts.append(text[pos:start])
        parts.append(" ")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _folded(letter: Letter) -> str:
    text = _without_markers(letter.text, (m.span for m in letter.markers))
    return unicodedata.normalize("NFKC", text).casefold()


def normalised_body(letter: Letter) -> str:
    """The body's letters and digits only (NFKC, casefolded, footnote markers removed)."""
    return "".join(ch for ch in _folded(letter) if ch.isalnum())


def body_key(letter: Letter) -> str:
    digest = hashlib.sha256(normalised_body(letter).encode("utf-8")).hexdigest()
    return f"doc-{digest[:16]}"


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _SLUG.sub("-", folded).strip("-")


def kenmerk_key(kenmerk: str, letter: Letter) -> str | None:
    """ "kenmerk-<slug>-<yyyy-mm-dd>"; the date keeps two years' reuse of one number apart."""
    part = slug(kenmerk)
    if not part:
        return None
    return f"kenmerk-{part}-{letter.date.isoformat()}" if letter.date else f"kenmerk-{part}"


def letter_key(letter: Letter, identifier: str | None = None) -> str:
    """The key of a parsed letter; identifier is what the format names it (the XML's DC.identifier)."""
    if identifier:
        return identifier
    if letter.kamerstuk_id:
        return letter.kamerstuk_id
    if letter.kenmerk:
        key = kenmerk_key(letter.kenmerk, letter)
        if key:
            return key
    return body_key(letter)


def key_strength(key: str) -> int:
    """How much a key says: a digest 0, a kenmerk 1, a printed identifier 2."""
    if key.startswith("doc-"):
        return 0
    if key.startswith("kenmerk-"):
        return 1
    return 2


@dataclass(frozen=True)
class Fingerprint:
    """What near-duplicate detection compares, computed once per letter and run."""

    key: str
    length: int
    shingles: frozenset[int]


def fingerprint(letter: Letter) -> Fingerprint:
    words = _WORD.findall(_folded(letter))
    n = SHINGLE_WORDS
    # Python's str hash is salted per process: fine, fingerprints are never stored.
    shingles = frozenset(hash(" ".join(words[i : i + n])) for i in range(max(1, len(words) - n + 1)))
    return Fingerprint(letter.id, len(letter.text), shingles)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    if not a.shingles or not b.shingles:
        return 0.0
    inter = len(a.shingles & b.shingles)
    return inter / (len(a.shingles) + len(b.shingles) - inter)


def could_be_same(a: Letter, b: Letter) -> bool:
    """Cheap tests before comparing bodies: different printed identifiers or dates rule a pair out."""
    if a.id == b.id:
        return True
    if key_strength(a.id) == 2 and key_strength(b.id) == 2:
        return False  # two printed Kamerstuk ids that differ are two documents
    if a.date and b.date and a.date != b.date:
        return False
    short, long_ = sorted((len(a.text), len(b.text)))
    return long_ == 0 or short / long_ >= _LENGTH_RATIO


def richer(a: Letter, b: Letter) -> bool:
    """True when a is kept over b: the richer format; on a tie, a (the one already kept)."""
    return FORMAT_RANK.get(a.format, 0) >= FORMAT_RANK.get(b.format, 0)


def shared_key(a: Letter, b: Letter) -> str:
    """The key two copies of one document share: the stronger key; on a tie, the kept copy's."""
    kept, other = (a, b) if richer(a, b) else (b, a)
    return other.id if key_strength(other.id) > key_strength(kept.id) else kept.id


def with_key(letter: Letter, key: str) -> Letter:
    return letter if letter.id == key else replace(letter, id=key)


class DuplicateFinder:
    """Finds the letter a new one is the same document as, among letters seen so far (pure, in memory)."""

    def __init__(self, letters: Iterable[Letter] = ()) -> None:
        self._letters: dict[str, Letter] = {}
        self._by_date: dict[object, set[str]] = {}  # printed date (None: undated) -> keys
        self._prints: dict[str, Fingerprint] = {}
        for letter in letters:
            self.add(letter)

    def add(self, letter: Letter) -> None:
        self.remove(letter.id)
        self._letters[letter.id] = letter
        self._by_date.setdefault(letter.date, set()).add(letter.id)

    def remove(self, key: str) -> None:
        old = self._letters.pop(key, None)
        if old is not None:
            self._by_date.get(old.date, set()).discard(key)
        self._prints.pop(key, None)

    def _print(self, letter: Letter) -> Fingerprint:
        found = self._prints.get(letter.id)
        if found is None:
            found = self._prints[letter.id] = fingerprint(letter)
        return found

    def _candidates(self, letter: Letter) -> list[Letter]:
        # Dates that differ rule a pair out, so a dated letter meets only its date and the undated.
        if letter.date is None:
            keys: Iterable[str] = list(self._letters)
        else:
            keys = sorted(self._by_date.get(letter.date, set()) | self._by_date.get(None, set()))
        return [self._letters[k] for k in keys]

    def find(self, letter: Letter) -> tuple[Letter, float] | None:
        """(the letter it duplicates, similarity) or None; an equal key counts as similarity 1."""
        same = self._letters.get(letter.id)
        if same is not None:
            return same, 1.0
        mine: Fingerprint | None = None
        best: tuple[Letter, float] | None = None
        for other in self._candidates(letter):
            if not could_be_same(letter, other):
                continue
            mine = mine or fingerprint(letter)
            score = similarity(mine, self._print(other))
            if score >= NEAR_DUPLICATE and (best is None or score > best[1]):
                best = (other, score)
        return best
