"""The offline answer: the passages' best sentences, each cited, and a lead sentence of stated facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import terms
from assistant.facts import KIND_EN, VERDICT_EN, CommitmentFacts, commitment_facts
from assistant.query import Query, coverage, intents_of
from assistant.sentences import one_line, split_spans
from ingest.model import Answer, Citation, Hit

# Calibrated on the project's question set (see tests/test_assistant_grounding.py):
MIN_TOPIC_COVERAGE = 0.55  # share of the question's own topic weight the best passage must contain
MIN_SENTENCE_SCORE = 0.22  # a sentence below this adds nothing to the answer
MAX_SENTENCES = 3
MIN_WORDS = 5  # headings and fragments are not answers
REDUNDANT = 0.6  # stem overlap (Jaccard) above which a sentence repeats one already chosen

NOT_FOUND = {"nl": "Niet gevonden in de brieven.", "en": "Not found in the letters."}
_MONTHS_NL = "januari februari maart april mei juni juli augustus september oktober november december".split()
_MONTHS_EN = "January February March April May June July August September October November December".split()

_AMOUNT = re.compile(r"€|\beuro\b|\bmiljoen\b|\bmiljard\b", re.I)
_DATE = re.compile(
    r"\b\d{1,2}\s+(?:" + "|".join(_MONTHS_NL) + r")\b|\b(?:voor|na)\s+de\s+zomer\b|\b(?:eerste|tweede|derde|"
    r"vierde)\s+kwartaal\b|\b(?:begin|eind|medio)\s+20\d\d\b|\b20\d\d\b",
    re.I,
)
_QUANTITY = re.compile(
    r"\d|€|\b(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend)\b", re.I
)
_PROMISE = re.compile(r"toegezegd|toezegging|zeg\w*\s+toe|beloofd|verzocht|motie|\bzal\b|\bzullen\b", re.I)


@dataclass(frozen=True)
class Scored:
    hit: Hit
    span: tuple[int, int]
    score: float
    stems: frozenset[str]


def passage_text(hit: Hit) -> str:
    """The passage with its headings and footnotes: all that shows what it is about."""
    notes = " ".join(f.text for f in hit.chunk.footnotes)
    return f"{' '.join(hit.chunk.section_path)}\n{hit.chunk.text}\n{notes}"


def topic_coverage(hit: Hit, query: Query) -> float:
    """How much of what the question is about the passage (with its headings) mentions."""
    text = passage_text(hit)
    return coverage(set(terms.content_stems(text)), query.topic, text.lower())


def _intent_bonus(sentence: str, query: Query) -> float:
    bonus = 0.0
    if "amount" in query.intents and _AMOUNT.search(sentence):
        bonus += 0.25
    if "when" in query.intents and _DATE.search(sentence):
        bonus += 0.2
    if "who" in query.intents and re.search(r"\b(?:het lid|de leden|lid)\s+[A-Z]", sentence):
        bonus += 0.2
    if "promise" in query.intents and _PROMISE.search(sentence):
        bonus += 0.15
    return bonus


def score_sentences(hits: Sequence[Hit], query: Query, focus: Sequence[str] = ()) -> list[Scored]:
    """Every sentence of every passage, scored: its own term coverage, its passage's, rank, intent."""
    scored: list[Scored] = []
    for position, hit in enumerate(hits):
        passage_cov = topic_coverage(hit, query)
        prior = 1.0 / (1 + position)
        focus_bonus = 0.05 if hit.letter.id in focus else 0.0
        heading = hit.chunk.section_path[-1] if hit.chunk.section_path else None
        headings = {_squash(h) for h in hit.chunk.section_path}
        for a, b in split_spans(hit.chunk.text, heading):
            sentence = hit.chunk.text[a:b]
            if len(terms.words(sentence)) < MIN_WORDS or _squash(sentence) in headings:
                continue  # a heading names the topic; it does not answer
            stems = set(terms.content_stems(sentence))
            own = coverage(stems, query.concepts, sentence.lower())
            score = 0.55 * own + 0.25 * passage_cov + 0.1 * prior + focus_bonus
            score += _intent_bonus(sentence, query)
            if own == 0 and passage_cov < MIN_TOPIC_COVERAGE:
                continue
            scored.append(Scored(hit=hit, span=(a, b), score=score, stems=frozenset(stems)))
    scored.sort(key=lambda s: -s.score)
    return scored


def _text(scored: Scored) -> str:
    return scored.hit.chunk.text[scored.span[0] : scored.span[1]]


def pick(scored: Sequence[Scored], limit: int = MAX_SENTENCES) -> list[Scored]:
    chosen: list[Scored] = []
    for cand in scored:
        if cand.score < MIN_SENTENCE_SCORE or len(chosen) >= limit:
            break
        if any(_jaccard(cand.stems, c.stems) > REDUNDANT for c in chosen):
            continue
        chosen.append(cand)
    return chosen


def _squash(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text).lower()


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def format_date(value, language: str) -> str:  # noqa: ANN001 - a datetime.date
    months = _MONTHS_EN if language == "en" else _MONTHS_NL
    return f"{value.day} {months[value.month - 1]} {value.year}"


def lead_sentence(hit: Hit, facts: CommitmentFacts, language: str, n: int) -> str | None:
    """'Toezegging TZ202504-147 (lid Kathmann): afgedaan in de brief van 11 juli 2025 [1].'"""
    if facts.kind is None or not (facts.identifiers or facts.members) or facts.verdict_span is None:
        return None
    ids = " ".join(facts.identifiers[:2])
    who = ", ".join(m.name + (f" ({m.party})" if m.party else "") for m in facts.members[:3])
    when = format_date(hit.letter.date, language) if hit.letter.date else None
    if language == "en":
        head = f"{KIND_EN.get(facts.kind, facts.kind).capitalize()} ({facts.kind}) {ids}".strip()
        if who:
            head += f" (member{'s' if len(facts.members) > 1 else ''} {who})"
        status = f"{VERDICT_EN[facts.verdict]} ({facts.verdict})" if facts.verdict else "discussed"
        where = f" in the letter of {when}" if when else " in this letter"
        return f"{head}: {status}{where} [{n}]."
    head = f"{facts.kind.capitalize()} {ids}".strip()
    if who:
        head += f" ({'leden' if len(facts.members) > 1 else 'lid'} {who})"
    status = facts.verdict or "besproken"
    where = f" in de brief van {when}" if when else " in deze brief"
    return f"{head}: {status}{where} [{n}]."


def extractive_answer(question: str, query: Query, hits: Sequence[Hit]) -> Answer:
    """Cite the best sentences of the passages, or abstain when no passage is about the question."""
    relevant = [h for h in hits if topic_coverage(h, query) >= MIN_TOPIC_COVERAGE]
    if not relevant or not query.concepts:
        return abstain(question, query.language, hits)
    chosen = pick(score_sentences(relevant, query, query.resolved.focus_letters))
    if not chosen:
        return abstain(question, query.language, hits)
    asked = intents_of(query.resolved.question)
    if asked & {"count", "amount"} and not any(_QUANTITY.search(_text(c)) for c in chosen):
        return abstain(question, query.language, hits)  # "how many?" is not answered without a number

    citations: list[Citation] = []
    lines: list[str] = []
    # A lead of facts when this question asks for them ("and what about DigiD?" asks for the topic).
    wants_facts = bool(intents_of(query.resolved.question) & {"promise", "status", "who", "when"})
    if wants_facts:
        for hit in relevant[:2]:
            facts = commitment_facts(hit.chunk, hit.chunk.footnotes)
            lead = lead_sentence(hit, facts, query.language, 1)
            if lead and facts.verdict_span:
                citations.append(_citation(1, hit, facts.verdict_span))
                lines.append(lead)
                break
    for cand in chosen:
        same = (c for c in citations if c.chunk.id == cand.hit.chunk.id and c.quote_span == cand.span)
        existing = next(same, None)
        n = existing.n if existing else len(citations) + 1
        if not existing:
            citations.append(_citation(n, cand.hit, cand.span))
        quote = one_line(cand.hit.chunk.text[cand.span[0] : cand.span[1]])
        lines.append(f"- “{quote}” [{n}]")
    if query.language == "en" and len(lines) > (1 if lines[0][0] != "-" else 0):
        intro = "From the letters (quoted in Dutch):"
        lines.insert(1 if lines[0][0] != "-" else 0, intro)
    return Answer(
        question=question,
        text="\n".join(lines),
        abstained=False,
        citations=tuple(citations),
        language=query.language,
        mode="extractive",
    )


def _citation(n: int, hit: Hit, span: tuple[int, int]) -> Citation:
    quote = hit.chunk.text[span[0] : span[1]]
    return Citation(n=n, chunk=hit.chunk, letter=hit.letter, quote=quote, quote_span=span)


def abstain(question: str, language: str, hits: Sequence[Hit], see_also: int = 3) -> Answer:
    return Answer(
        question=question,
        text=NOT_FOUND[language],
        abstained=True,
        citations=(),
        see_also=tuple(hits[:see_also]),
        language=language,
        mode="extractive",
    )
