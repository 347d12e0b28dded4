"""Dutch tokenisation for BM25: Snowball stemming, stopwords, identifiers kept whole."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

# Snowball's Dutch stopword list plus a few letter formulae that carry no topic.
DUTCH_STOPWORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens
    en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je
    kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons
    ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie
    wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()
)

# Identifiers first (so "TZ202504-147" or "kst-26643-1371" stays one token), then words and numbers.
_TOKEN = re.compile(
    r"""
    (?P<id>(?:kst|stb|stcrt)-[0-9a-z]+(?:-[0-9a-z]+)*   # normalised Kamerstuk ids
        | tz\d{6}-\d+                                 # toezegging numbers
        | t\d{5}                                      # old-style toezegging numbers
        | \d+(?:[.,]\d+)+)                            # 36.382, 1,5: numbers with separators
    | (?P<word>[^\W_]+)
    """,
    re.VERBOSE | re.UNICODE,
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("dutch")


# Linking sounds between the parts of a Dutch compound: "overheid-s-laptop", "kind-er-rechten".
_LINKS = ("", "s", "e", "en", "er")
MIN_PART = 4


class Decompounder:
    """Splits Dutch compounds into words the corpus also uses on their own.

    "algoritmekader" → "algoritme" + "kader" when both occur as words, so a question that says
    "het kader voor algoritmes" meets a passage that writes "Algoritmekader" (and vice versa).
    """

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        # A part is a known word, so a head longer than the longest word plus a linking sound never
        # matches: the cuts tried stay bounded, and splitting costs time linear in the word's length.
        self.longest = max(map(len, vocabulary), default=0) + max(map(len, _LINKS))

    @classmethod
    def from_texts(cls, texts) -> Decompounder:
        vocab = set()
        for text in texts:
            vocab.update(w for w in _WORDS.findall(text.lower()) if len(w) >= MIN_PART and not w.isdigit())
        return cls(vocab - DUTCH_STOPWORDS)

    def split(self, word: str, depth: int = 0) -> list[str]:
        """The parts of word (longest known head first), or [] when it is not a known compound."""
        if len(word) < 2 * MIN_PART or depth > 2 or len(word) > (4 - depth) * self.longest:
            return []  # too short, too deep, or longer than the most known parts it could be made of
        for cut in range(min(len(word) - MIN_PART, self.longest), MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            for link in _LINKS:
                if link and not head.endswith(link):
                    continue
                base = head[: len(head) - len(link)]
                if len(base) >= MIN_PART and base in self.vocabulary:
                    if tail in self.vocabulary:
                        return [base, tail]
                    rest = self.split(tail, depth + 1)
                    if rest:
                        return [base, *rest]
        return []


_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokenize(text: str, decompounder: Decompounder | None = None) -> list[str]:
    """Lowercased, stopword-free, stemmed tokens; identifiers and numbers pass through unstemmed.

    With a decompounder, the parts of a compound follow the compound itself.
    """
    stem = _stemmer().stemWord
    out: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        ident = match.group("id")
        if ident:
            out.append(ident.replace(",", "."))
            # "36.382" is also printed "36382": index both forms
            if ident[0].isdigit():
                out.append(re.sub(r"[.,]", "", ident))
            continue
        word = match.group("word")
        if word in DUTCH_STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        if word.isdigit():
            out.append(word)
            continue
        out.append(stem(word))
        if decompounder is not None:
            out.extend(stem(part) for part in decompounder.split(word))
    return out
