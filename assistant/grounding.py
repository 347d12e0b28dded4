"""The check after generation: every statement's citations must support it, or the statement goes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import terms
from assistant.extractive import format_date
from assistant.provenance import footnotes_for
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
    notes = "\n".join(f"{f.label} {f.text}" for f in footnotes_for(hit.chunk, hit.letter))
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
    neutral = set(terms.neutral_tokens(claim)) - {n for n in terms.numbers(claim)}
    if not neutral <= evidence_words:
        return False  # a name or identifier the passage does not mention
    evidence_stems = set(terms.content_stems(evidence))
    lowered = evidence.lower()
    if language == "nl":
        claim_stems = set(terms.content_stems(claim))
        found = [s for s in claim_stems if s in evidence_stems or (len(s) >= COMPOUND_PART and s in lowered)]
        return bool(claim_stems) and len(found) / len(claim_stems) >= MIN_SUPPORT
    # English: names and numbers carry across languages; other words through the glossary.
    pairs = english_concepts(claim)
    concepts = [Concept(stems, 1.0, True) for phrase, stems in pairs if phrase.lower() not in neutral]
    if not concepts:
        return bool(neutral)
    found = [c for c in concepts if satisfied(c, evidence_stems, lowered)]
    return len(found) / len(concepts) >= MIN_SUPPORT_TRANSLATED


def best_sentence(claim: str, hit: Hit) -> tuple[int, int]:
    """The span of the passage sentence that shares most with the claim: the quote to show."""
    claim_terms = set(terms.content_stems(claim)) | set(terms.neutral_tokens(claim))
    text = hit.chunk.text
    spans = [s for s in split_spans(text) if not INSTRUCTION.search(text[s[0] : s[1]])] or [(0, len(text))]

    def overlap(span: tuple[int, int]) -> int:
        sentence = text[span[0] : span[1]]
        return len(claim_terms & (set(terms.content_stems(sentence)) | set(terms.words(sentence))))

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
            span = best_sentence(claim, hit)
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
