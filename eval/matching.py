"""Evidence matching: is a question's verbatim snippet inside a passage, whatever the cleaner did to it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Quotes and dashes a PDF extraction or a cleaner may swap for one another.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u00a0": " ",
    }
)
_SOFT_HYPHEN = "\u00ad"
_WS = re.compile(r"\s+")
# A hyphen with whitespace on either side that sits between two word characters: line-end
# hyphenation ("AI-\nsystemen"), or what is left of it after whitespace collapsing ("AI- systemen").
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s+(?=\w)")


def normalise(text: str) -> str:
    """Collapse whitespace, unify quotes, drop soft hyphens, lowercase; hyphenation stays as printed.

    "AI-\\nsystemen" becomes "ai- systemen": the unjoined form. See `variants` for the joined ones.
    """
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE).replace(_SOFT_HYPHEN, "")
    return _WS.sub(" ", text).strip().lower()


@lru_cache(maxsize=8192)  # passages are compared with many snippets
def variants(text: str) -> tuple[str, ...]:
    """The normalised text in the three ways a cleaner may treat a line-end hyphen.

    unjoined ("ai- systemen"), joined keeping the hyphen ("ai-systemen"), joined without it
    ("aisystemen"). Compound words with a real hyphen ("niet-europese") look the same as
    hyphenation, so no single joining rule is right; comparing all forms is.
    """
    base = normalise(text)
    keep = _HYPHEN_BREAK.sub("-", base)
    drop = _HYPHEN_BREAK.sub("", base)
    return tuple(dict.fromkeys((base, keep, drop)))


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """A lossy form in which every hyphen (and the space around a broken one) is gone."""
    base = normalise(text)
    return re.sub(r"\s*-\s*", "", _HYPHEN_BREAK.sub("", base))


def contains(passage_text: str, snippet: str) -> bool:
    """True when the snippet occurs in the passage, modulo whitespace, case and hyphenation.

    Tries each variant of the snippet against each variant of the passage; as a last resort
    compares the forms with every hyphen removed, so "e-mailverkeer" printed as "e-\\nmailverkeer"
    and cleaned to "emailverkeer" still matches. Empty snippets never match.
    """
    if not snippet.strip():
        return False
    passages = variants(passage_text)
    for s in variants(snippet):
        if any(s in p for p in passages):
            return True
    return _key(snippet) in _key(passage_text)


def contains_any(passage_text: str, snippets: Iterable[str]) -> bool:
    """True when the passage contains at least one of the snippets."""
    return any(contains(passage_text, s) for s in snippets)
