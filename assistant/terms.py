"""Terms for answer scoring: tokens, Dutch stems, stop words, identifiers, and the question's language."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

# The question's language: one detector for the search plan and the answerer.
from index.language import detect_language as detect_language

_DUTCH = Stemmer.Stemmer("dutch")
_ENGLISH = Stemmer.Stemmer("english")

# Identifiers are kept whole: toezeggingen, Kamerstuk numbers.
_IDENTIFIER = re.compile(r"\b(?:TZ\d{6}-\d{1,4}|T\d{5})\b", re.IGNORECASE)
# Letters only: a footnote marker glued to a word ("technologieën20") is not part of the word.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

DUTCH_STOP = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar daarom dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets
    ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om
    omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    we wel werd wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder zou zullen waarop waarin
    welke wanneer waarom hoeveel ervan erover hierover daarover wordt werden deze dit
    gaat gaan staat staan komt komen zit zitten heb hebt krijgen krijgt over verder sinds
    kun kunt kunnen wil wilt willen ging hoort houdt zegt zeggen vaak kreeg waar levert leveren bleek
    vroeg vroegen gedaan doet veranderd besproken gewoon eigenlijk precies inmiddels hoeveel wanneer
    welk gebeurd gebeurt daarmee hiermee weleens waaruit waarmee waarvoor waarover waardoor bestaat bestaan
    vond vonden vindt plaats plaatsvinden plaatsvindt plaatsgevonden deed deden kwam kwamen gekomen
    gaf gaven geeft gegeven maakte maakten liet lieten stond stonden
    """.split()
)
ENGLISH_STOP = frozenset(
    """
    a about above after again all am an and any are as at be been before being below between both but
    by can could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our out over own same she should so some such than that the their them then
    there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours tell say said says get got going go also
    there's what's whats let lets please know does did many much happened happen happens came come
    think thinks view goes go get gets make makes like find found ask asked done look want wants
    take takes taking become became currently now yet still already
    without against along among away exactly must far herself himself themselves ourselves
    made known took taken gave given
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-cased words; the letters of an identifier ("TZ" of "TZ202504-147") are not a word."""
    return [w.lower() for w in _WORD.findall(_IDENTIFIER.sub(" ", text))]


def identifiers(text: str) -> list[str]:
    return [m.group(0).upper() for m in _IDENTIFIER.finditer(text)]


def numbers(text: str) -> list[str]:
    """Numbers as digits only ("€752.000" -> "752000"), for checking a statement against its passage."""
    return [re.sub(r"\D", "", m.group(0)) for m in _NUMBER.finditer(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _DUTCH.stemWord(word)


@lru_cache(maxsize=65536)
def stem_en(word: str) -> str:
    return _ENGLISH.stemWord(word)


def is_stop(word: str) -> bool:
    return word in DUTCH_STOP or word in ENGLISH_STOP or len(word) < 2


@lru_cache(maxsize=32768)
def content_stems(text: str) -> tuple[str, ...]:
    """Dutch stems of the content words of text, identifiers kept whole, in order (repeats kept)."""
    found = [stem(w) for w in words(text) if not is_stop(w)]
    return tuple(found + [i.lower() for i in identifiers(text)] + years(text))


def years(text: str) -> list[str]:
    return _YEAR.findall(text)


def english_stems(text: str) -> list[str]:
    """English stems of content words, for matching an English statement to English words."""
    return [stem_en(w) for w in words(text) if not is_stop(w)]


def neutral_tokens(text: str) -> list[str]:
    """Tokens that read the same in Dutch and English: names, acronyms, identifiers, numbers.

    A capitalised word that is not the first of its sentence is taken for a name ("MitID", "Kathmann").
    """
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        toks = _WORD.findall(sentence)
        for i, tok in enumerate(toks):
            mixed = any(c.isupper() for c in tok[1:])
            if mixed or (i > 0 and tok[:1].isupper() and len(tok) > 2):
                found.append(tok.lower())
    return found + [i.lower() for i in identifiers(text)] + [n for n in numbers(text) if len(n) >= 2]


class TermStats:
    """Document frequencies of stems over a collection of passages, for IDF weights."""

    def __init__(self, passages: Iterable[str]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for text in passages:
            self.n += 1
            self.df.update(set(content_stems(text)))

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        # BM25's idf, floored so that a term found everywhere still counts a little.
        return max(0.1, math.log(1 + (self.n - df + 0.5) / (df + 0.5)))

    def known(self, term: str) -> bool:
        return term in self.df
