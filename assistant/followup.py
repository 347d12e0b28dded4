"""Follow-up questions ("and what about DigiD?", "wanneer?") resolved against the conversation so far."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import terms
from ingest.model import Answer

# Openers that make a question lean on the previous one.
_LEAN_OPENERS = re.compile(
    r"^\s*(?:and|but|also|what about|how about|and what about|en|maar|ook|en hoe zit het met|hoe zit het met|"
    r"wat betreft|en wat)\b",
    re.IGNORECASE,
)
# Pronouns and demonstratives that point back ("wie heeft dat gevraagd?", "is it done?").
# Articles and determiners ("het", "de", "deze motie") are not pointers: they start full questions too.
_POINTERS = frozenset(
    "dat hij zij ze daarvan daarover hiervan hierover ervan erover daarmee "
    "it that this they them those these its he she his her".split()
)
_SHORT = 2  # a question with a pointer and at most this many content words is elliptic


@dataclass(frozen=True)
class Resolved:
    """A question as the retriever and scorer should see it, with what it took from the conversation."""

    question: str  # as asked
    search_text: str  # sent to the retriever: the question plus the topic carried over
    carried: str  # the earlier question text whose topic was carried over ("" when none)
    focus_letters: tuple[str, ...]  # letters the previous answer cited, to keep the thread


def is_followup(question: str) -> bool:
    content = [w for w in terms.words(question) if not terms.is_stop(w)]
    if _LEAN_OPENERS.match(question):
        return True
    if len(content) <= _SHORT and any(w in _POINTERS for w in terms.words(question)):
        return True
    return len(content) <= 1


def resolve(question: str, history: Sequence[Answer] = ()) -> Resolved:
    """Combine an elliptic question with the topic of the conversation; a full question stands alone."""
    if not history or not is_followup(question):
        return Resolved(question=question, search_text=question, carried="", focus_letters=())
    # The topic is the last question that stood on its own, plus follow-ups since (they narrow it).
    chain: list[str] = []
    for turn in reversed(history):
        chain.insert(0, turn.question)
        if not is_followup(turn.question):
            break
    carried = " ".join(chain)
    previous = history[-1]
    focus = tuple(dict.fromkeys(c.letter.id for c in previous.citations))
    return Resolved(
        question=question,
        search_text=f"{question} {carried}",
        carried=carried,
        focus_letters=focus,
    )
