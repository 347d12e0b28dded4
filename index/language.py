"""Offline language guess for a question (Dutch or English) from the share of each language's stopwords."""

from __future__ import annotations

import re

_EN = frozenset(
    """
    a about above after all also am an and any are as at be been before being between both but by can
    could did do does doing during each few for from further had has have having he her here hers him his
    how i if in into is it its itself just me more most my no nor not now of off on once only or other
    our out over own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who whom why
    will with would you your yours
    """.split()
)
_NL = frozenset(
    """
    aan al als bij dan dat de deze die dit door een en er geen haar had heb hebben heeft het hier hij hoe
    hun ik in is je kan kunnen maar me meer met mijn moet na naar niet nog nu of om ook op over te tot u
    uit uw van veel voor waar wanneer wat welke werd wie wij wil worden wordt zal ze zij zijn zo zou
    """.split()
)
# Function words of English questions that carry no topic (for keyword coverage, index/glossary.py)
ENGLISH_STOPWORDS = _EN | frozenset(
    "must shall may might many much get gets got yet already still exactly really whether per".split()
)
# An English function word standing alone (not part of an identifier such as "TZ202504-147" or a
# hyphenated compound): it carries no topic, yet BM25 over Dutch text scores it at a high IDF wherever
# a passage quotes English (a title, an abbreviation spelled out), which puts those passages first.
_STANDALONE_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:['’][^\W\d_]+)?(?![\w-])")


def without_function_words(text: str, stopwords: frozenset[str] = ENGLISH_STOPWORDS) -> str:
    """text with its standalone English function words taken out (the rest as written)."""
    return _STANDALONE_WORD.sub(lambda m: "" if m.group(0).lower() in stopwords else m.group(0), text)


# Words spelled the same in both languages say nothing about the language.
_SHARED = _EN & _NL
_WORD = re.compile(r"[a-zà-ÿ']+")


# Words that mark a question as one language: they count fully, any other stopword of only one
# language counts half. Cues alone tie on a question with few of them ("By when must burning
# recyclable material be completely over?": "when" against "over"); the other stopwords decide it.
_EN_CUES = frozenset(
    "the what which who whom when where why how is are was were does did do of about and promised "
    "letter letters government minister has have will with for on in".split()
)
_NL_CUES = frozenset(
    "de het een wat welke wie wanneer waar waarom hoe is zijn heeft hebben wordt over van en op "
    "toegezegd toezegging motie brief".split()
)


def detect_language(text: str) -> str:
    """ "en" when English cues and stopwords outweigh Dutch ones, else "nl" (the corpus language)."""
    words = _WORD.findall(text.lower())
    en = sum(1.0 if w in _EN_CUES else 0.5 if w in _EN and w not in _SHARED else 0.0 for w in words)
    nl = sum(1.0 if w in _NL_CUES else 0.5 if w in _NL and w not in _SHARED else 0.0 for w in words)
    return "en" if en > nl else "nl"
