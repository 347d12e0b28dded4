"""Follow-up questions ("and what about DigiD?", "wanneer?") told apart from questions that stand alone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import terms
from ingest.model import Answer

# Openers that make a question lean on the previous one.
_LEAN_OPENERS = re.compile(
    r"^\s*(?:and|but|also|what about|how about|and what about|en|maar|ook|en hoe zit het met|hoe zit het met|"
    r"wat betreft|en wat)\b",
    re.IGNORECASE,
)
# Pronouns that point back ("wie heeft dat gevraagd?", "is it done?"). Articles ("het", "de") are not
# pointers: they start full questions too.
_POINTERS = frozenset(
    "dat hij zij ze daarvan daarover hiervan hierover ervan erover daarmee daarvoor hiervoor "
    "it that this they them those these its he she his her him there".split()
)
# A demonstrative before a noun ("die bijlage", "that motion") refers to something said before.
_DEMONSTRATIVES = frozenset("die deze dat dit that this those these".split())
# Words that say what kind of answer is wanted, not what about: a question of only these leans on the
# conversation for its topic ("naar aanleiding van wiens vragen?", "who asked for it?").
_ASKING = frozenset(
    """wiens whose vragen vraag gevraagd asked ask aanleiding verzoek request requested wie who
    betaalt pays paid kost costs cost gebeurd happened getest tested promised beloofd toegezegd
    waar where wanneer when hoeveel much many welke which status stand conclude concluded besloten
    decided concluded zelf herself himself themselves""".split()
)
_SHORT = 2  # a question with a pointer and at most this many content words is elliptic


def _content(question: str) -> list[str]:
    return [w for w in terms.words(question) if not terms.is_stop(w)]


def is_followup(question: str) -> bool:
    """True when the question needs the conversation for its topic."""
    content = _content(question)
    if _LEAN_OPENERS.match(question):
        return True
    if len(content) <= _SHORT and any(w in _POINTERS for w in terms.words(question)):
        return True
    words = terms.words(question)
    pairs = zip(words, words[1:], strict=False)
    pointing = any(a in _DEMONSTRATIVES and not terms.is_stop(b) for a, b in pairs)
    if pointing and not terms.identifiers(question):
        return True
    if all(w in _ASKING for w in content):
        return not terms.identifiers(question)
    return len(content) <= 1


def carried_chain(history: Sequence[Answer]) -> str:
    """The topic of the conversation: the last question that stood on its own, plus follow-ups since."""
    chain: list[str] = []
    for turn in reversed(history):
        chain.insert(0, turn.question)
        if not is_followup(turn.question):
            break
    return " ".join(chain)
