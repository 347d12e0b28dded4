"""A question turned into weighted concepts (alternative Dutch stems) and an intent, for answer scoring."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant import terms
from assistant.analysis import INTENTS as _INTENTS
from assistant.analysis import intents_of
from assistant.values import ASKS_NUMBER
from index.glossary import Glossary, default_glossary
from ingest.model import QuestionAnalysis

_CUE_INTENTS = ("status", "promise", "when", "who", "amount", "count")
# Verbs of asking say who is wanted, not what about ("wie heeft dat gevraagd?", "who asked for it?").
_CUES = re.compile(r"^(?:gevraagd|vroeg|vroegen|verzocht|verzoek|asked|requested|request)$", re.I)
# The question's frame, not its topic: the adjective of "hoe hoog / how large". Development (v2-321):
# "Hoe hoog moet de boete voor rechtspersonen minimaal zijn ...?" missed the fiche's passage on "ten
# minste 10% van de netto-omzet" because "hoog" counted as a topic word the passage lacks.
_FRAME = re.compile(r"\b(?:hoe|how)\s+([^\W\d_]+)", re.I)
CURRENT_WEIGHT = 2.0  # concepts of the question as asked count more than those carried over
OWN_SHARE = 1.5
# An English word that neither the glossary nor the letters know may be a topic the letters never
# discuss ("navy"), or just a word the glossary lacks ("fulfilled"); it counts, but for less.
UNKNOWN_ENGLISH = 0.35
_PHRASE = re.compile(r"[\w'’-]+", re.UNICODE)


@dataclass(frozen=True)
class Concept:
    """One thing the question asks about, satisfied by any of its stems (a word and its translations)."""

    stems: frozenset[str]
    weight: float
    own: bool  # from the question as asked (not carried over from the conversation)
    cue: bool = False  # a word that says what kind of answer is wanted ("status", "toegezegd")


@dataclass(frozen=True)
class Query:
    """What the scorer needs: the question's concepts and its intents."""

    analysis: QuestionAnalysis
    language: str  # "nl" | "en"
    concepts: tuple[Concept, ...]
    intents: frozenset[str]
    anchors: tuple[str, ...] = ()  # names the question is about (see anchors_of), lowercased

    @property
    def topic(self) -> tuple[Concept, ...]:
        """What the question is about: its own concepts, or the carried ones for "wanneer?".

        Cue words ("status", "promised", "motie") say what is asked, not what about; they are left out
        unless the question has nothing else.
        """
        about = tuple(c for c in self.concepts if not c.cue) or self.concepts
        own = tuple(c for c in about if c.own)
        return own or about


COMPOUND_PART = 5  # a stem this long also counts inside a Dutch compound ("algoritm" in "algoritmeregister")


def satisfied(concept: Concept, stems: set[str] | frozenset[str], lowered: str = "") -> bool:
    """True when the stems (or, for compounds, the lowercased text) show the concept."""
    if concept.stems & stems:
        return True
    return bool(lowered) and any(len(s) >= COMPOUND_PART and s in lowered for s in concept.stems)


def coverage(stems: set[str] | frozenset[str], concepts: Iterable[Concept], lowered: str = "") -> float:
    """Share of the concepts' weight that the stems (and compounds in the lowercased text) satisfy."""
    total = found = 0.0
    for concept in concepts:
        total += concept.weight
        if satisfied(concept, stems, lowered):
            found += concept.weight
    return found / total if total else 0.0


def english_concepts(text: str, glossary: Glossary | None = None) -> list[tuple[str, frozenset[str]]]:
    """Each English word or glossary phrase as the set of Dutch stems that would show it is discussed.

    A word the glossary translates stands for its Dutch equivalents (and itself, for loanwords); other
    words stand for themselves, so a question about something the letters never mention finds nothing.
    """
    glossary = glossary or default_glossary()
    printed = _PHRASE.findall(text)
    words = [w.lower() for w in printed]
    found: list[frozenset[str]] = []
    i = 0
    while i < len(words):
        for size in range(min(glossary.longest, len(words) - i), 0, -1):
            dutch = glossary.lookup(tuple(words[i : i + size]))
            if dutch and size == 1 and terms.is_stop(words[i]) and not printed[i].isupper():
                dutch = None  # the pronoun "it" is not "IT"
            if dutch:
                phrase = " ".join(words[i : i + size])
                stems = {s for d in dutch for s in terms.content_stems(d)} | set(terms.content_stems(phrase))
                if stems:
                    found.append((phrase, frozenset(stems)))
                i += size
                break
        else:
            word = words[i]
            if not terms.is_stop(word) and terms.words(word):
                found.extend((word, frozenset({s})) for s in terms.content_stems(word))
            i += 1
    return found


def _concepts(text: str, english: bool) -> list[tuple[str, frozenset[str]]]:
    """(words as asked, stems that show them) for each thing the text mentions."""
    if english:
        found = english_concepts(text)
    else:
        found = [(w, frozenset({terms.stem(w)})) for w in terms.words(text) if not terms.is_stop(w)]
        found += [(y, frozenset({y})) for y in terms.years(text)]
    found += [(i, frozenset({i.lower()})) for i in terms.identifiers(text)]
    return found


# A word of letters; the capital inside is checked in Python: the pattern "[^\W\d_]*[a-z]*[A-Z]..." had
# two overlapping runs and backtracked cubically on a long word without one (a 16 KB word took 3 s).
_ANCHOR = re.compile(r"[^\W\d_]+")
MIN_ANCHOR = 3  # "EU", "AI", "IT" are everyone's words; "NPCE", "DigiD", "openDesk" name one thing


def anchors_of(text: str, stats: terms.TermStats) -> tuple[str, ...]:
    """Names written with capitals inside ("NPCE", "DigiD", "openDesk") that the letters use.

    Such a name says which programme, system or body the question is about, in either language; a
    passage that names none of the question's is about something else (development: "How much money
    does the NPCE make available in total?" was answered from a climate-finance passage that shares
    "totale" and "beschikbaar" with it but never names the NPCE). A capitalised first letter alone is not
    enough: English capitalises "Commission" and "Dutch", Dutch "Kamer"."""
    found: dict[str, None] = {}
    for match in _ANCHOR.finditer(text):
        word = match.group(0)
        if len(word) < MIN_ANCHOR or not any(c.isupper() for c in word[1:]) or terms.identifiers(word):
            continue
        if stats.known(terms.stem(word.lower())):
            found.setdefault(word.lower())
    return tuple(found)


def build_query(analysis: QuestionAnalysis, stats: terms.TermStats) -> Query:
    """Weigh each concept by the IDF of its rarest stem and by whether it was asked now."""
    concepts: dict[frozenset[str], Concept] = {}

    def add(text: str, own: bool) -> None:
        english = terms.detect_language(text) == "en"
        frame = {w.lower() for w in _FRAME.findall(text)}
        # "bij welk Kamerstukdossier ...?", "what number ...?": the noun names the asked value, not a topic
        frame |= {m.group(0).split()[-1].lower() for m in ASKS_NUMBER.finditer(text)}
        for phrase, stems in _concepts(text, english):
            cue = (
                bool(_CUES.search(phrase))
                or phrase.lower() in frame
                or any(p.search(phrase) for name, p in _INTENTS.items() if name in _CUE_INTENTS)
            )
            # A concept shown by any of its stems is as common as its most common stem.
            known = [stats.idf(s) for s in stems if stats.known(s)]
            idf = min(known) if known else max(stats.idf(s) for s in stems)
            if english and not known and len(stems) == 1:
                idf *= UNKNOWN_ENGLISH
            weight = idf * (CURRENT_WEIGHT if own else 1.0)
            if stems in concepts:
                old = concepts[stems]
                concepts[stems] = Concept(stems, max(old.weight, weight), old.own or own, old.cue and cue)
            else:
                concepts[stems] = Concept(stems=stems, weight=weight, own=own, cue=cue)

    add(analysis.question, True)
    if analysis.carried:
        add(analysis.carried, False)
    for ident in analysis.carried_identifiers:
        if terms.identifiers(ident):  # TZ/T numbers are words of the passages; Kamerstuk ids are not
            add(ident, False)
    # In a follow-up the words asked now say what is new ("and for policy and regulation?"): together they
    # weigh at least OWN_SHARE times the carried topic, however many words the topic question had.
    own_total = sum(c.weight for c in concepts.values() if c.own and not c.cue)
    carried_total = sum(c.weight for c in concepts.values() if not c.own)
    if own_total and carried_total and own_total < OWN_SHARE * carried_total:
        factor = OWN_SHARE * carried_total / own_total
        concepts = {
            k: Concept(c.stems, c.weight * factor, c.own, c.cue) if c.own and not c.cue else c
            for k, c in concepts.items()
        }
    return Query(
        analysis=analysis,
        language=analysis.language,
        concepts=tuple(concepts.values()),
        intents=analysis.intents,
        anchors=anchors_of(f"{analysis.question} {analysis.carried}", stats),
    )


__all__ = [
    "Concept",
    "Query",
    "anchors_of",
    "build_query",
    "coverage",
    "english_concepts",
    "intents_of",
    "satisfied",
]
