"""The check after generation: every statement's citations must support it, or the statement goes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import terms
from assistant.extractive import format_date
from assistant.query import COMPOUND_PART, Concept, english_concepts, satisfied
from assistant.sentences import split_spans
from ingest.model import Citation, Hit

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\d+(?:\s*,\s*\d+)*\])+[.,;:]?")
# Text in a passage that addresses the reader as a system: it is never evidence, whatever it says.
INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|your)\s+"
    r"(?:instructions?|rules|prompts?)|\bnegeer\s+(?:alle\s+|de\s+)?(?:vorige|eerdere|voorgaande)\s+"
    r"(?:instructies|opdrachten)|\byou\s+are\s+now\b|\bsystem\s+prompt\b|\bnieuwe\s+instructies\b|"
    r"\bnew\s+instructions\b",
    re.IGNORECASE,
)
MIN_SUPPORT = 0.6  # share of a Dutch statement's content words its passage must contain
MIN_SUPPORT_TRANSLATED = 0.5  # the same for an English statement, through the English-Dutch glossary


@dataclass(frozen=True)
class Checked:
    text: str  # the kept statements with their citations renumbered
    citations: tuple[Citation, ...]
    flagged: tuple[str, ...]  # statements removed, as the model wrote them


def split_statements(text: str) -> list[str]:
    """Sentences of a generated answer, each keeping the citation markers that follow its full stop."""
    statements: list[str] = []
    for a, b in split_spans(text):
        piece = text[a:b]
        lead = _LEADING_MARKERS.match(piece)
        if lead and statements:
            statements[-1] += " " + lead.group(0).strip()
            piece = piece[lead.end() :].strip()
        if piece:
            statements.append(piece)
    return statements


def cited_numbers(statement: str) -> list[int]:
    found: list[int] = []
    for match in _MARKERS.finditer(statement):
        found.extend(int(x) for x in re.findall(r"\d+", match.group(1)))
    return list(dict.fromkeys(found))


def claim_of(statement: str) -> str:
    return _MARKERS.sub("", statement).strip()


def evidence_text(hit: Hit) -> str:
    """What a passage can support: its header, its text and footnotes, minus any instruction-like text."""
    letter = hit.letter
    header = [letter.title or "", letter.kamerstuk or "", " ".join(hit.chunk.section_path)]
    if letter.date:
        header += [format_date(letter.date, "nl"), format_date(letter.date, "en")]
    notes = "\n".join(f"{f.label} {f.text}" for f in hit.chunk.footnotes)
    body = hit.chunk.text + "\n" + notes
    kept = [body[a:b] for a, b in split_spans(body) if not INSTRUCTION.search(body[a:b])]
    return "\n".join(header + kept)


def _numbers(text: str) -> set[str]:
    return {n.lstrip("0") or "0" for n in terms.numbers(text)}


def supports(claim: str, hit: Hit, language: str) -> bool:
    """True when the passage states the claim: its numbers all appear, and enough of its words do."""
    evidence = evidence_text(hit)
    if not _numbers(claim) <= _numbers(evidence):
        return False
    evidence_words = set(terms.words(evidence)) | {i.lower() for i in terms.identifiers(evidence)}
    pairs = english_concepts(claim) if language == "en" else []
    # "Dutch" or "Senate" are capitalised but translated by the glossary: words, not names.
    glossed = {p for p, stems in pairs if stems - set(terms.content_stems(p))}
    neutral = set(terms.neutral_tokens(claim)) - set(terms.numbers(claim)) - glossed
    if not neutral <= evidence_words:
        return False  # a name or identifier the passage does not mention
    evidence_stems = set(terms.content_stems(evidence))
    lowered = evidence.lower()
    if language == "nl":
        claim_stems = set(terms.content_stems(claim))
        found = [s for s in claim_stems if s in evidence_stems or (len(s) >= COMPOUND_PART and s in lowered)]
        return bool(claim_stems) and len(found) / len(claim_stems) >= MIN_SUPPORT
    # English: names and numbers carry across languages; other words only through the glossary, so a
    # word it does not know cannot be checked. What can be checked must mostly be there, and at least
    # two things must be there: one shared name does not make a passage state a claim.
    translated = [Concept(stems, 1.0, True) for phrase, stems in pairs if phrase in glossed]
    found = [c for c in translated if satisfied(c, evidence_stems, lowered)]
    if translated and len(found) / len(translated) < MIN_SUPPORT_TRANSLATED:
        return False
    return len(neutral) + len(found) >= 2


def best_sentence(claim: str, hit: Hit, language: str) -> tuple[int, int]:
    """The span of the passage sentence that shows most of the claim: the quote to show."""
    if language == "en":
        concepts = [Concept(stems, 1.0, True) for _, stems in english_concepts(claim)]
    else:
        concepts = [Concept(frozenset({s}), 1.0, True) for s in set(terms.content_stems(claim))]
    text = hit.chunk.text
    spans = [s for s in split_spans(text) if not INSTRUCTION.search(text[s[0] : s[1]])] or [(0, len(text))]

    def overlap(span: tuple[int, int]) -> tuple[int, bool]:
        sentence = text[span[0] : span[1]]
        stems, lowered = set(terms.content_stems(sentence)), sentence.lower()
        shown = sum(satisfied(c, stems, lowered) for c in concepts)
        return shown, len(terms.words(sentence)) >= 5  # on a tie, a sentence over a heading

    return max(spans, key=overlap)


def check(text: str, hits: Sequence[Hit], language: str) -> Checked:
    """Keep statements whose citations support them; drop unknown citation numbers; renumber."""
    kept: list[str] = []
    flagged: list[str] = []
    citations: list[Citation] = []
    for statement in split_statements(text):
        claim = claim_of(statement)
        numbers = [n for n in cited_numbers(statement) if 1 <= n <= len(hits)]
        if not set(terms.content_stems(claim)) and not terms.neutral_tokens(claim):
            continue  # no claim at all ("In short:"): nothing to show or to check
        good = [n for n in numbers if supports(claim, hits[n - 1], language)]
        if not good:
            flagged.append(statement)
            continue
        marks = []
        for n in good:
            hit = hits[n - 1]
            span = best_sentence(claim, hit, language)
            existing = next(
                (c for c in citations if c.chunk.id == hit.chunk.id and c.quote_span == span), None
            )
            if existing is None:
                existing = Citation(
                    n=len(citations) + 1,
                    chunk=hit.chunk,
                    letter=hit.letter,
                    quote=hit.chunk.text[span[0] : span[1]],
                    quote_span=span,
                )
                citations.append(existing)
            marks.append(f"[{existing.n}]")
        body = claim.rstrip()
        end = body[-1] if body and body[-1] in ".!?" else "."
        body = body.rstrip(".!?")
        kept.append(f"{body} {''.join(marks)}{end}")
    return Checked(text=" ".join(kept), citations=tuple(citations), flagged=tuple(flagged))
