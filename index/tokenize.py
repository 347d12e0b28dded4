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


def tokenize(text: str) -> list[str]:
    """Lowercased, stopword-free, stemmed tokens; identifiers and numbers pass through unstemmed."""
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
        out.append(word if word.isdigit() else stem(word))
    return out
