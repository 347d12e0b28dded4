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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant import frame, terms
from assistant.discourse import asks_outcome, elaborates, prospective
from assistant.evidence import W_OWN, Candidate, Semantic, asked_kind, score_sentences, topic_coverage
from assistant.facts import commitment_facts
from assistant.lists import Item, counted, introduces_list, items_after, ordinal_items
from assistant.query import Query
from assistant.sender import ChunksOf, asks_sender, sender_answer
from assistant.sentences import one_line, split_spans
from assistant.values import Value, fresh, values
from ingest.model import Answer, Chunk, Citation, Hit


@dataclass(frozen=True)
class Rules:
    """The answerer's thresholds, set on the development questions (eval/calibrate.py writes the curve).

    A passage is read when it shows min_topic_coverage of the question's topic words, or when one of
    its sentences is at least min_similarity close to the question by the embedder and the passage
    shows min_topic_with_similarity of the topic. A sentence holding the asked value must show (with
    its neighbours) min_value_topic of the topic, or touch it in a passage that shows
    min_passage_for_value.
    """

    min_topic_coverage: float = 0.55
    min_similarity: float = 0.82
    min_topic_with_similarity: float = 0.0
    min_sentence_score: float = 0.22  # a sentence below this adds nothing to the answer
    min_value_topic: float = 0.3
    min_relative_similarity: float = 0.6  # ... or among the closest of the question's sentences by meaning
    min_passage_for_value: float = 0.6
    support_ratio: float = 0.75  # a supporting quote scores at least this share of the lead's score
    max_sentences: int = 3
    redundant: float = 0.6  # stem overlap (Jaccard) above which a sentence repeats one already chosen


RULES = Rules()
MAX_SHORT_VALUES = 4

NOT_FOUND = frame.NOT_FOUND
format_date = frame.format_date  # kept here for the modules that import it from the answerer
NextChunk = Callable[[Chunk], Chunk | None]


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


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def _items(cand: Candidate, query: Query, next_chunk: NextChunk | None) -> list[Item]:
    """The items of a list the sentence introduces (or, for a list question, that follow it)."""
    following = next_chunk or (lambda c: None)
    if not (introduces_list(cand.text) or "list" in query.intents):
        return []
    items = items_after(cand.hit.chunk, cand.span, following)
    number = counted(cand.text)
    if not items and number:
        items = ordinal_items(cand.hit.chunk, cand.span, number, following)  # "De eerste maatregel ..."
    return items


def _item_values(items: Sequence[Item], kind: str | None, question: str) -> list[Value]:
    if kind is None:
        return []
    return [v for it in items for v in fresh(values(it.text, kind), question)]


def _asked(query: Query) -> str:
    return f"{query.analysis.question} {query.analysis.carried}"


def _on_topic(c: Candidate, rules: Rules) -> bool:
    """The sentence (with its neighbours) is about the question, or sits in a passage that clearly is,
    or the embedder finds it close to the question."""
    if c.window >= rules.min_value_topic or (c.window > 0 and c.passage >= rules.min_passage_for_value):
        return True
    if c.semantic is None:
        return False
    return c.semantic >= rules.min_similarity or c.relative >= rules.min_relative_similarity


def _value_score(c: Candidate) -> float:
    """For a value question the sentence that states the value may name its topic just before it."""
    return c.score + W_OWN * max(0.0, c.window - c.own)


def _next_sentence(
    lead: Candidate, candidates: Sequence[Candidate], next_chunk: NextChunk | None = None
) -> Candidate | None:
    """The sentence after the lead: in its passage, or at the start of the section's next chunk."""
    after = [c for c in candidates if c.hit.chunk.id == lead.hit.chunk.id and c.span[0] >= lead.span[1]]
    if after:
        return min(after, key=lambda c: c.span[0])
    chunk = next_chunk(lead.hit.chunk) if next_chunk else None
    if chunk is None:
        return None
    spans = split_spans(chunk.text)
    lead_key = " ".join(lead.text.split())
    keys = [" ".join(chunk.text[a:b].split()) for a, b in spans]
    start = keys.index(lead_key) + 1 if lead_key in keys else 0  # chunks overlap by a sentence
    if start >= len(spans):
        return None
    hit = replace(lead.hit, chunk=chunk)
    return replace(
        lead, hit=hit, span=spans[start], values=(), stems=frozenset(terms.content_stems(keys[start]))
    )


def choose(
    candidates: Sequence[Candidate], query: Query, next_chunk: NextChunk | None = None, rules: Rules = RULES
) -> tuple[list[Candidate], dict[int, list[Item]]]:
    """The lead sentence and the quotes that add to it, with the list items each one introduces.

    For a question that asks a value, the lead is the best sentence that states one (itself or in the
    list it introduces); without any, nothing is chosen and the caller says "not stated".
    """
    kind = asked_kind(query.intents)
    question = _asked(query)
    pool = [c for c in candidates if c.score >= rules.min_sentence_score]
    lists = {id(c): _items(c, query, next_chunk) for c in pool[: 4 * rules.max_sentences]}
    if kind:
        stating = [
            c
            for c in pool
            if (c.values or _item_values(lists.get(id(c), []), kind, question)) and _on_topic(c, rules)
        ]
        if not stating:
            return [], {}
        lead = max(stating, key=_value_score)
    elif pool:
        lead = pool[0]
    else:
        return [], {}
    chosen = [lead]
    following = _next_sentence(lead, candidates, next_chunk)
    if following is not None and elaborates(following.text):
        chosen.append(following)  # "Concreet bestaat deze groep uit ..." spells out the lead
    for cand in pool:
        if len(chosen) >= rules.max_sentences:
            break
        states = bool(kind and cand.values and _on_topic(cand, rules))
        if cand in chosen or (cand.score < rules.support_ratio * lead.score and not states):
            continue  # a second sentence that states an asked value is kept ("230.000 ... 200.000")
        if kind and not cand.values and cand.own < lead.own:
            continue  # for a value question a quote without the value only pads
        if any(_jaccard(cand.stems, c.stems) > rules.redundant for c in chosen):
            continue
        if any(
            it.chunk.id == cand.hit.chunk.id and it.span == cand.span
            for c in chosen
            for it in lists.get(id(c), [])
        ):
            continue  # already shown as an item of the list above
        chosen.append(cand)
    return chosen, {id(c): lists.get(id(c)) or _items(c, query, next_chunk) for c in chosen}


def short_line(lead: Candidate, items: Sequence[Item], query: Query, n: int) -> str | None:
    """'Amount: €3.000.000 [1].' - the asked value, as printed, in the asker's frame."""
    kind = asked_kind(query.intents)
    if kind is None:
        return None
    found = list(lead.values) or _item_values(items, kind, _asked(query))[:1]
    if not found:
        return None
    shown: list[str] = []
    for v in found:
        text = v.text.removesuffix(",-")
        if kind == "date":
            text = frame.date_phrase(text, query.language)
        if text not in shown:
            shown.append(text)
    intent = next(i for i in ("amount", "count", "when", "who", "where") if i in query.intents)
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


def relevant_hits(
    hits: Sequence[Hit], query: Query, semantic: Semantic | None, rules: Rules = RULES
) -> list[Hit]:
    """The passages about the question: by its topic words, or by meaning (see Rules)."""
    if semantic is not None:
        semantic.load([h.chunk.id for h in hits])
    out = []
    for hit in hits:
        cov = topic_coverage(hit, query)
        sim = semantic.best(hit.chunk.id) if semantic is not None else None
        close = sim is not None and sim >= rules.min_similarity and cov >= rules.min_topic_with_similarity
        if cov >= rules.min_topic_coverage or close:
            out.append(hit)
    return out


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
    relevant = relevant_hits(hits, query, semantic, rules)
    if chunks_of is not None and "who" in query.intents and asks_sender(analysis.question) and relevant:
        signed = sender_answer(query, relevant, chunks_of)  # the letter's metadata names its sender
        if signed is not None:
            return signed
    if analysis.followup and analysis.focus_letters:
        # A follow-up stays with the letters of the previous answer while they have something to say.
        focus = [h for h in relevant if h.letter.id in analysis.focus_letters]
        relevant = focus or relevant
    if not relevant or not query.concepts:
        return abstain(analysis.question, query.language, hits, analysis=analysis)
    candidates = score_sentences(relevant, query, semantic)
    chosen, lists = choose(candidates, query, next_chunk, rules)
    if chosen and asks_outcome(analysis.question) and prospective(chosen[0].text):
        return not_stated_answer(query, chosen[0], hits, "outcome")  # "De SER zal ... adviseren"
    if not chosen:
        if asked_kind(query.intents) and candidates:
            return not_stated_answer(query, candidates[0], hits)
        return abstain(analysis.question, query.language, hits, analysis=analysis)
    cites = _Cites()
    lines: list[str] = []
    lead = chosen[0]
    short = short_line(lead, lists.get(id(lead), []), query, 1)
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
    for position, cand in enumerate(chosen):
        purpose = "answer" if position == 0 else "supporting"
        n = cites.cite(cand.hit.chunk, cand.hit, cand.span, purpose)
        lines.append(f"- “{one_line(cand.text)}” [{n}]")
        for item in lists.get(id(cand), []):
            m = cites.cite(item.chunk, cand.hit, item.span, "list item")
            lines.append(f"  - “{one_line(item.text)}” [{m}]")
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


def not_stated_answer(query: Query, best: Candidate, hits: Sequence[Hit], asked: str | None = None) -> Answer:
    """The letters discuss the topic but not the asked value: say so, and cite what they do say."""
    kind = asked_kind(query.intents)
    names = {"amount": "amount", "number": "count", "date": "when", "name": "who"}
    asked = asked or names.get(kind or "", "outcome")
    cites = _Cites()
    n = cites.cite(best.hit.chunk, best.hit, best.span, "not stated")
    lines = [frame.not_stated(asked, query.language), f"- “{one_line(best.text)}” [{n}]"]
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
