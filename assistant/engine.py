"""The answer engine: retrieve, then answer extractively (offline) or with a language model, streaming."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, Protocol

from assistant import terms
from assistant.analysis import analyse
from assistant.extractive import RULES, Rules, extractive_answer
from assistant.query import Query, build_query
from assistant.semantic import Semantic
from assistant.status_answer import register_answer, retrieved_status
from ingest.model import (
    Answer,
    Chunk,
    Commitment,
    CommitmentMention,
    Hit,
    Letter,
    QuestionAnalysis,
    SearchFilter,
)
from ingest.register import build_register
from ingest.settings import Settings
from ingest.store import Store

RETRIEVE_K = 8  # passages read per question; the answer cites the few that carry it


class Searcher(Protocol):
    """What the engine needs from the index (index.hybrid.open_searcher gives one)."""

    def search(
        self, query: str, k: int = 5, filters: SearchFilter | None = None, mode: str = "hybrid"
    ) -> list[Hit]: ...


class Engine:
    """Answers questions over one searcher; holds the corpus term statistics used to weigh words."""

    def __init__(
        self,
        searcher: Searcher,
        settings: Settings,
        chunks: Sequence[Chunk] | None = None,
        llm: Any | None = None,
        letters: Sequence[Letter] = (),
        mentions: Sequence[CommitmentMention] = (),
        rules: Rules = RULES,
    ) -> None:
        self.searcher = searcher
        self.rules = rules
        self.settings = settings
        self.llm = llm
        # Letters in date order, for the letters tab and the letter filter.
        self.letters = sorted(letters, key=lambda x: (x.sort_date is None, x.sort_date or date.min, x.id))
        texts = [c.text + " " + " ".join(c.section_path) for c in (chunks or ())]
        self.stats = terms.TermStats(texts)
        # The commitments register answers status questions and fills the register tab.
        self.letter_map = {x.id: x for x in letters}
        self.chunk_map = {c.id: c for c in chunks or ()}
        self.mentions = tuple(mentions)
        self.register = build_register(self.mentions, self.letter_map)
        # Names the question analyser recognises: members the register and the moties name.
        names = {m.name for x in self.mentions for m in x.members}
        names |= {m.name for x in letters for m in x.indieners}
        self.members = tuple(sorted(n for n in names if n))
        # The next chunk of the same section, for lists and evidence that run past a chunk's end.
        ordered = sorted(chunks or (), key=lambda c: (c.letter_id, c.span[0], c.id))
        self._by_letter: dict[str, list[Chunk]] = {}
        for c in ordered:
            self._by_letter.setdefault(c.letter_id, []).append(c)
        self._next = {
            a.id: b
            for a, b in zip(ordered, ordered[1:], strict=False)
            if a.letter_id == b.letter_id and a.section_path == b.section_path
        }
        # A searcher that reads the analysis (retrieval's Searcher) gets it; others get the text alone.
        try:
            self._search_takes_analysis = "analysis" in inspect.signature(searcher.search).parameters
        except (TypeError, ValueError):
            self._search_takes_analysis = False

    def analyse(self, question: str, history: Sequence[Answer] = ()) -> QuestionAnalysis:
        """The one reading of this turn's question, with what it carries from the conversation."""
        return analyse(question, history, self.letters, self.members)

    def next_chunk(self, chunk: Chunk) -> Chunk | None:
        return self._next.get(chunk.id)

    def chunks_of(self, letter_id: str) -> list[Chunk]:
        """A letter's chunks in reading order."""
        return self._by_letter.get(letter_id, [])

    def register_for(self, filters: SearchFilter | None = None) -> list[Commitment]:
        """The register over the letters the filters admit: a status as of those letters."""
        if filters is None:
            return self.register
        admitted = [
            m
            for m in self.mentions
            if (x := self.letter_map.get(m.letter_id)) is not None and filters.admits(x)
        ]
        return build_register(admitted, self.letter_map)

    def status_answer(
        self,
        question: str,
        history: Sequence[Answer] = (),
        filters: SearchFilter | None = None,
        analysis: QuestionAnalysis | None = None,
        register: Sequence[Commitment] | None = None,
    ) -> Answer | None:
        """The register's answer to a status or list question; None for others or when it cannot cite.

        register: the register over `filters`, when the caller has built it already."""
        if not self.mentions:
            return None
        analysis = analysis or self.analyse(question, history)
        register = self.register_for(filters) if register is None else register
        found = self._register(question, register, analysis.language)
        if found is not None:
            return replace(found, analysis=analysis)
        if not analysis.carried:
            return None
        # "is it fulfilled?" after "what was promised on MitID?": the topic comes from the conversation.
        found = self._register(f"{question} {analysis.carried}", register, analysis.language)
        return None if found is None else replace(found, question=question, analysis=analysis)

    def _register(self, text: str, register: Sequence[Commitment], language: str) -> Answer | None:
        """The register's one entry point (assistant/status_answer.py)."""
        return register_answer(text, register, self.chunk_map, self.letter_map, language)

    def warm_up(self) -> None:
        """Load the models and indexes now, so the first question is as fast as the rest."""
        warm = getattr(self.searcher, "warm_up", None)
        if warm is not None:
            warm()
        self.answer("warm-up: MitID toezegging")

    def prepare(
        self,
        question: str,
        history: Sequence[Answer] = (),
        filters: SearchFilter | None = None,
        k: int | None = None,
        analysis: QuestionAnalysis | None = None,
    ) -> tuple[Query, list[Hit]]:
        """Weigh the terms and retrieve; the letters in focus are ranked first on ties."""
        analysis = analysis or self.analyse(question, history)
        query = build_query(analysis, self.stats)
        extra = {"analysis": analysis} if self._search_takes_analysis else {}
        hits = self.searcher.search(analysis.search_text, k=k or RETRIEVE_K, filters=filters, **extra)
        if analysis.focus_letters:
            # Keep the thread: a follow-up reads the letters the previous answer cited first.
            hits = sorted(hits, key=lambda h: (h.letter.id not in analysis.focus_letters, h.rank))
        return query, hits

    def answer(
        self,
        question: str,
        history: Sequence[Answer] = (),
        filters: SearchFilter | None = None,
        llm: Any | None = None,
        k: int | None = None,
    ) -> Answer:
        final: Answer | None = None
        for event in self.stream(question, history, filters, llm, k):
            if isinstance(event, Answer):
                final = event
        assert final is not None  # stream always ends with the answer
        return final

    def stream(
        self,
        question: str,
        history: Sequence[Answer] = (),
        filters: SearchFilter | None = None,
        llm: Any | None = None,
        k: int | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the answer text as it grows (str), then the finished Answer.

        Only text that passed the grounding check is ever yielded in the language-model mode.
        """
        question = question.strip()
        analysis = self.analyse(question, history)
        register = self.register_for(filters) if self.mentions else ()  # built once per question
        # Status questions are answered from the register in both modes: its verdicts are cited verbatim.
        result = self.status_answer(question, history, filters, analysis, register)
        if result is None:
            query, hits = self.prepare(question, history, filters, k, analysis)
        model = llm if llm is not None else self.llm
        if result is None and model is None:
            own = analysis.question if analysis.followup else None
            semantic = Semantic.of(self.searcher, analysis.search_text, own)
            result = extractive_answer(query, hits, semantic, self.next_chunk, self.rules, self.chunks_of)
            if self.mentions:
                status = retrieved_status(
                    question, result, register, self.chunk_map, self.letter_map, analysis.language
                )
                result = result if status is None else replace(status, question=question, analysis=analysis)
        if result is not None:
            text = ""
            for line in result.text.split("\n"):
                text = f"{text}\n{line}" if text else line
                yield text
            yield result
            return
        from assistant.llm import stream_llm_answer  # imported late: LangChain is only needed here

        yield from stream_llm_answer(question, query, hits, model)


def answer(
    question: str,
    searcher: Searcher,
    settings: Settings,
    history: Sequence[Answer] = (),
    filters: SearchFilter | None = None,
    llm: Any | None = None,
    chunks: Sequence[Chunk] | None = None,
) -> Answer:
    """One-shot convenience over Engine; build an Engine once when answering many questions."""
    return Engine(searcher, settings, chunks=chunks).answer(question, history, filters, llm)


def open_engine(settings: Settings, llm: Any | None = None) -> Engine:
    """The engine over the ingested corpus in settings.index_dir, with the configured language model."""
    from index.hybrid import open_searcher  # the index package loads models; import only when used

    searcher = open_searcher(settings)
    snapshot = getattr(searcher, "snapshot", None) or Store(settings.index_dir).load()
    if llm is None and settings.llm_model:
        from assistant.llm import load_chat_model

        llm = load_chat_model(settings)
    letters = list(snapshot.letters.values())
    return Engine(
        searcher, settings, chunks=snapshot.chunks, llm=llm, letters=letters, mentions=snapshot.mentions
    )
