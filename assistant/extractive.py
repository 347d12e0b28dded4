"""The offline answer: the sentence that holds the asked fact first, a short answer line, cited quotes.

Three outcomes, decided on the evidence of assistant/evidence.py with thresholds set on the
development questions (eval/results/calibration/):
- no passage is about the question: "not found", with the nearest passages as "see also";
- a passage is about it but no sentence states the kind of value asked (an amount, a number, a date,
  a name): "not stated", citing what the letters do say (an abstention, `not_stated: true`);
- otherwise the answer: a short line with the asked value and its citation, then the quotes, each
  cited for what it carries.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant import frame
from assistant.discourse import asks_done, asks_outcome, obliged, prospective
from assistant.document_date import asks_submission, motie_date_lead
from assistant.document_number import motie_number_lead
from assistant.evidence import ASKED_KIND, Candidate, asked_kind, score_sentences
from assistant.facts import commitment_facts
from assistant.lists import Item
from assistant.polar import deciding_quotes, polar_line, reason_line, reason_quotes
from assistant.query import Query
from assistant.references import References
from assistant.selection import RULES, NextChunk, Rules, asked_text, choose, item_values, relevant_hits
from assistant.semantic import Semantic
from assistant.sender import ChunksOf, asks_sender, sender_answer
from assistant.sentences import one_line
from ingest.model import Answer, Chunk, Citation, Hit

MAX_SHORT_VALUES = 4

__all__ = ["RULES", "Rules", "abstain", "extractive_answer", "not_stated_answer", "short_line"]
NOT_FOUND = frame.NOT_FOUND
format_date = frame.format_date  # kept here for the modules that import it from the answerer


class _Cites:
    """Numbers citations: one per distinct passage and sentence, each with what it is cited for."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, chunk: Chunk, hit: Hit, span: tuple[int, int], cited_for: str) -> int:
        for c in self.items:
            if c.chunk.id == chunk.id and c.quote_span == span:
                return c.n
        n = len(self.items) + 1
        quote = chunk.text[span[0] : span[1]]
        self.items.append(Citation(n, chunk, hit.letter, quote, span, cited_for))
        return n


def short_line(lead: Candidate, items: Sequence[Item], query: Query, n: int) -> str | None:
    """'Amount: €3.000.000 [1].' - the asked value, as printed, in the asker's frame."""
    kind = asked_kind(query.intents)
    if kind is None:
        return None
    found = list(lead.values) or item_values(items, kind, asked_text(query))[:1]
    if not found:
        return None
    shown: list[str] = []
    for v in found:
        text = v.text.removesuffix(",-")
        if kind == "date":
            text = frame.date_phrase(text, query.language)
        elif kind == "duration":
            text = frame.duration_phrase(text, query.language)
        if text not in shown:
            shown.append(text)
    intent = next(i for i, _ in ASKED_KIND if i in query.intents)
    label = frame.LABELS[intent][query.language]
    return f"{label}: {frame.join(shown[:MAX_SHORT_VALUES], query.language)} [{n}]."


def lead_sentence(hit: Hit, language: str, n: int) -> tuple[str, tuple[int, int]] | None:
    """'Toezegging TZ202504-147 (lid Kathmann): afgedaan in de brief van 11 juli 2025 [1].'"""
    facts = commitment_facts(hit.chunk, hit.chunk.footnotes)
    if facts.kind is None or not (facts.identifiers or facts.members) or facts.verdict_span is None:
        return None
    ids = " ".join(facts.identifiers[:2])
    who = ", ".join(m.name + (f" ({m.party})" if m.party else "") for m in facts.members[:3])
    head = f"{frame.kind_name(facts.kind, language)} {ids}".strip()
    if who:
        head += f" ({frame.members_label(len(facts.members), language)} {who})"
    status = frame.verdict(facts.verdict, language) if facts.verdict else "discussed"
    when = frame.format_date(hit.letter.date, language) if hit.letter.date else None
    where = " " + frame.letter_of(when, language) if when else ""
    return f"{head}: {status}{where} [{n}].", facts.verdict_span


def _from_letters(hits: list[Hit], letters: Sequence[str]) -> list[Hit]:
    """The hits from these letters, or all of them where none is (or no letter is given)."""
    mine = [h for h in hits if h.letter.id in letters]
    return mine or hits


def extractive_answer(
    query: Query,
    hits: Sequence[Hit],
    semantic: Semantic | None = None,
    next_chunk: NextChunk | None = None,
    rules: Rules = RULES,
    chunks_of: ChunksOf | None = None,
) -> Answer:
    """Answer from the passages' own sentences, say what is not stated, or abstain."""
    analysis = query.analysis
    section = None
    if chunks_of is not None:

        def section(hit: Hit) -> str:
            path = hit.chunk.section_path
            return "\n".join(c.text for c in chunks_of(hit.letter.id) if c.section_path == path)

    relevant = relevant_hits(hits, query, semantic, rules, section)
    if chunks_of is not None and "who" in query.intents and asks_sender(analysis.question) and relevant:
        signed = sender_answer(query, relevant, chunks_of)  # the letter's metadata names its sender
        if signed is not None:
            return signed
    # A question that names letters (by number, title or date) is answered from them where they speak;
    # a follow-up stays with the letters of the previous answer while they have something to say.
    relevant = _from_letters(relevant, analysis.letters)
    if analysis.followup:
        relevant = _from_letters(relevant, analysis.focus_letters)
    if not relevant or not query.concepts:
        return abstain(analysis.question, query.language, hits, analysis=analysis)
    candidates = score_sentences(relevant, query, semantic)
    kind = asked_kind(query.intents)
    # "Wanneer is de motie X voorgesteld?": the motie's own date answers, cited to the motie.
    dated = None
    if kind == "date" and asks_submission(analysis.question):
        dated = motie_date_lead(candidates, analysis.members)
    if kind == "identifier" and not dated:
        # "bij welk dossier hoort die motie?": a motie's number is its metadata, cited to the motie
        dated = motie_number_lead(candidates, analysis.question)
    chosen, lists = ([dated], {}) if dated else choose(candidates, query, next_chunk, rules)
    # a yes/no question about a commitment's status is answered by its verdict line (lead_sentence)
    polar = kind is None and "yesno" in query.intents
    polar = polar and not ("status" in query.intents and any(lead_sentence(h, "nl", 1) for h in relevant[:2]))
    if chosen and kind is None and "why" in query.intents:
        # the sentence giving the reason leads
        reasoned = reason_quotes(chosen, candidates, analysis.question)
        if reasoned is None:
            return not_stated_answer(query, chosen[0], hits, "why")  # the topic, but no reason given
        chosen = reasoned
    elif chosen and polar:
        chosen = deciding_quotes(chosen)  # the sentence that decides yes or no leads
    if chosen and asks_outcome(analysis.question) and prospective(chosen[0].text):
        return not_stated_answer(query, chosen[0], hits, "outcome")  # "De SER zal ... adviseren"
    if chosen and kind in ("number", "amount") and asks_done(analysis.question) and obliged(chosen[0].text):
        return not_stated_answer(query, chosen[0], hits)  # "how many have been ...?": "... moet ... worden"
    if not chosen:
        if kind and candidates:
            return not_stated_answer(query, candidates[0], hits)
        return abstain(analysis.question, query.language, hits, analysis=analysis)
    cites = _Cites()
    lines: list[str] = []
    lead = chosen[0]
    short = short_line(lead, lists.get(id(lead), []), query, 1)
    if not short and kind is None and "why" in query.intents:
        short = reason_line(lead, query.language, 1)
    elif not short and polar:
        short = polar_line(lead, analysis.question, query.language, 1)
    if short:
        cites.cite(lead.hit.chunk, lead.hit, lead.span, "answer")
        lines.append(short)
    elif query.intents & {"promise", "status", "who", "when"}:
        for hit in relevant[:2]:
            found = lead_sentence(hit, query.language, 1)
            if found:
                cites.cite(hit.chunk, hit, found[1], "status")
                lines.append(found[0])
                break
    if query.language == "en":
        lines.append(frame.QUOTED_IN_DUTCH["en"])
    # A quote from a commitment's section or from a motie names it, where the answer does not yet.
    refs = References("\n".join(lines))
    for position, cand in enumerate(chosen):
        purpose = "answer" if position == 0 else "supporting"
        n = cites.cite(cand.hit.chunk, cand.hit, cand.span, purpose)
        label = refs.label(cand.hit.chunk, cand.hit.letter, cand.text)
        lines.append(f"- {label}“{one_line(cand.text)}” [{n}]")
        for item in lists.get(id(cand), []):
            m = cites.cite(item.chunk, cand.hit, item.span, "list item")
            label = refs.label(item.chunk, cand.hit.letter, item.text)
            lines.append(f"  - {label}“{one_line(item.text)}” [{m}]")
    return Answer(
        question=analysis.question,
        text="\n".join(lines),
        abstained=False,
        citations=tuple(cites.items),
        language=query.language,
        mode="extractive",
        short=short,
        analysis=analysis,
    )


# The asked kind of value -> the intent that names it (the first in ASKED_KIND: a name is "who")
_INTENT_OF_KIND = {kind: intent for intent, kind in reversed(ASKED_KIND)}


def not_stated_answer(query: Query, best: Candidate, hits: Sequence[Hit], asked: str | None = None) -> Answer:
    """The letters discuss the topic but not the asked value: say so, and cite what they do say."""
    kind = asked_kind(query.intents)
    asked = asked or _INTENT_OF_KIND.get(kind or "", "outcome")
    cites = _Cites()
    n = cites.cite(best.hit.chunk, best.hit, best.span, "not stated")
    label = References().label(best.hit.chunk, best.hit.letter, best.text)
    lines = [frame.not_stated(asked, query.language), f"- {label}“{one_line(best.text)}” [{n}]"]
    return Answer(
        question=query.analysis.question,
        text="\n".join(lines),
        abstained=True,
        citations=tuple(cites.items),
        see_also=tuple(hits[:3]),
        language=query.language,
        mode="extractive",
        not_stated=True,
        analysis=query.analysis,
    )


def abstain(question: str, language: str, hits: Sequence[Hit], see_also: int = 3, analysis=None) -> Answer:  # noqa: ANN001
    return Answer(
        question=question,
        text=NOT_FOUND[language],
        abstained=True,
        citations=(),
        see_also=tuple(hits[:see_also]),
        language=language,
        mode="extractive",
        analysis=analysis,
    )
