"""The wording of a status answer: each commitment's verdict, deadline and letter, each cited verbatim."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.extractive import format_date
from assistant.facts import KIND_EN, VERDICT_EN
from assistant.sentences import one_line
from assistant.status import Evidence, StatusRequest, evidence, matching
from ingest.model import Answer, Chunk, Citation, Commitment, Letter

MAX_LISTED = 10  # a longer list points to the register tab instead


def letter_when(letter: Letter, language: str) -> str:
    if letter.date:
        return format_date(letter.date, language)
    if letter.date_not_before:
        prefix = "not before " if language == "en" else "niet vóór "
        return prefix + format_date(letter.date_not_before, language)
    return "?"


def _deadline(c: Commitment, language: str) -> str:
    d = c.latest.new_deadline
    if d is None:
        return ""
    text = one_line(d.text)
    if d.date and d.date.year not in (int(y) for y in re.findall(r"\b20\d\d\b", text) or [0]):
        by = "by" if language == "en" else "uiterlijk"
        text += f" ({by} {format_date(d.date, language)})"
    return f", {'due' if language == 'en' else 'deadline'} {text}"


def _head(c: Commitment, language: str, limit: int = 90) -> str:
    """'Toezegging TZ202504-147 “Onderzoeken MitID …” (lid Kathmann)'."""
    title = one_line(c.title)
    title = title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
    kind = (
        f"{KIND_EN.get(c.kind, c.kind).capitalize()} ({c.kind})" if language == "en" else c.kind.capitalize()
    )
    ids = " ".join(c.identifiers[:2])
    head = f"{kind} {ids} “{title}”" if ids else f"{kind} “{title}”"
    if c.members:
        who = ", ".join(m.name + (f" ({m.party})" if m.party else "") for m in c.members[:3])
        if language == "en":
            head += f" (member{'s' if len(c.members) > 1 else ''} {who})"
        else:
            head += f" ({'leden' if len(c.members) > 1 else 'lid'} {who})"
    return head


def _verdict(verdict: str, language: str) -> str:
    if language == "en":
        return f"{VERDICT_EN.get(verdict, 'no verdict')} ({verdict})"
    return verdict


class _Citations:
    """Numbers citations, one number per distinct passage and sentence."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, ev: Evidence) -> int:
        for c in self.items:
            if c.chunk.id == ev.chunk.id and c.quote_span == ev.span:
                return c.n
        n = len(self.items) + 1
        quote = ev.chunk.text[ev.span[0] : ev.span[1]]
        self.items.append(Citation(n=n, chunk=ev.chunk, letter=ev.letter, quote=quote, quote_span=ev.span))
        return n


def _one(
    c: Commitment, current: Evidence, earlier: list[Evidence], cites: _Citations, language: str
) -> list[str]:
    n = cites.cite(current)
    where = "in the letter of" if language == "en" else "in de brief van"
    lines = [
        f"{_head(c, language)}: {_verdict(c.status, language)} {where} "
        f"{letter_when(current.letter, language)}{_deadline(c, language)} [{n}]."
    ]
    quote = one_line(current.chunk.text[current.span[0] : current.span[1]])
    lines.append(f"- “{quote}” [{n}]")
    for ev in earlier:
        m = cites.cite(ev)
        before = "Earlier, in the letter of" if language == "en" else "Eerder, in de brief van"
        quote = one_line(ev.chunk.text[ev.span[0] : ev.span[1]])
        verdict = _verdict(ev.mention.verdict, language)
        lines.append(f"- {before} {letter_when(ev.letter, language)}: {verdict}: “{quote}” [{m}]")
    return lines


def _header(request: StatusRequest, count: int, language: str) -> str:
    kinds = request.kinds
    if language == "en":
        noun = (
            "motions"
            if kinds == {"motie"}
            else "commitments"
            if kinds == {"toezegging"}
            else "commitments and motions"
        )
        adjective = {"open": "Open ", "closed": "Settled "}.get(request.status or "", "")
        return f"{adjective}{noun if adjective else noun.capitalize()} ({count}):"
    noun = (
        "moties"
        if kinds == {"motie"}
        else "toezeggingen"
        if kinds == {"toezegging"}
        else "toezeggingen en moties"
    )
    adjective = {"open": "Openstaande ", "closed": "Afgedane "}.get(request.status or "", "")
    return f"{adjective}{noun if adjective else noun.capitalize()} ({count}):"


def status_answer(
    question: str,
    request: StatusRequest,
    register: Sequence[Commitment],
    chunks: Mapping[str, Chunk],
    letters: Mapping[str, Letter],
    language: str,
) -> Answer | None:
    """The status of the commitments asked about, each citing the sentence that states it.

    None when the register has nothing for the question, or when the sentence to cite cannot be found
    verbatim in its passage: the caller then answers from retrieval, as for any other question.
    """
    found = matching(register, question, request)
    if not found:
        return None
    cites = _Citations()
    if len(found) == 1 and not request.listing:
        c = found[0]
        current = evidence(c.latest, chunks, letters)
        if current is None:
            return None
        earlier = [e for m in c.mentions[:-1] if (e := evidence(m, chunks, letters)) is not None]
        lines = _one(c, current, earlier, cites, language)
    else:
        items = [(c, e) for c in found if (e := evidence(c.latest, chunks, letters)) is not None]
        if not items:
            return None
        lines = [_header(request, len(items), language)]
        where = "letter of" if language == "en" else "brief van"
        for c, ev in items[:MAX_LISTED]:
            n = cites.cite(ev)
            quote = one_line(ev.chunk.text[ev.span[0] : ev.span[1]])
            lines.append(
                f"- {_head(c, language, 70)}: {_verdict(c.status, language)}{_deadline(c, language)} "
                f"({where} {letter_when(ev.letter, language)}): “{quote}” [{n}]"
            )
        if len(items) > MAX_LISTED:
            more = len(items) - MAX_LISTED
            lines.append(
                f"… and {more} more in the tab “Toezeggingen en moties”."
                if language == "en"
                else f"… en nog {more} in het tabblad “Toezeggingen en moties”."
            )
    return Answer(
        question=question,
        text="\n".join(lines),
        abstained=False,
        citations=tuple(cites.items),
        language=language,
        mode="extractive",
    )
