"""The conversation as a Markdown document: each answer with its [n], and per turn the sources it cites
(letter, date, Kamerstuk, link, the marked sentences and the passage's footnotes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.conversation import Turn
from assistant.i18n import format_date, letter_title, letter_when, t
from assistant.page_cards import cited_cards, nearby_cards, official_url
from assistant.render import CITE, md_escape, snippet, suggestions


def _text(text: str) -> str:
    return md_escape(re.sub(r"\s+", " ", text), links=True)


def _answer_line(line: str) -> str:
    """A line of the answer: its text escaped, its citation markers kept as [n]."""
    out, pos = [], 0
    for match in CITE.finditer(line):
        out += [_text(line[pos : match.start()]), match.group(0)]
        pos = match.end()
    out.append(_text(line[pos:]))
    return "".join(out).strip()


def turn_markdown(turn: Turn, number: int, lang: str) -> str:
    """One turn: the question, the answer as the page shows it, its sources with their footnotes."""
    lines = [f"## {_text(t(lang, 'question_n', n=number))}: {_text(turn.question).strip()}", ""]
    answer = turn.answer
    if answer is None:
        if turn.partial:
            lines += [_text(x) for x in turn.partial.split("\n") if x.strip()]
        lines += ["", f"*{_text(t(lang, 'stopped'))}*"]
        return "\n".join(lines)
    for line in answer.text.split("\n"):
        if line.strip():
            bullet = line.lstrip().startswith("- ")
            lines.append("- " + _answer_line(line.lstrip()[2:]) if bullet else _answer_line(line) + "\n")
    if answer.abstained:
        nearby = nearby_cards(answer)
        if nearby:
            lines += ["", f"### {_text(t(lang, 'nearby'))}", ""]
        for card in nearby:
            head = [letter_title(card.letter, lang), letter_when(card.letter, lang)]
            head += [s for s in card.chunk.section_path[-1:] if s.strip()]
            lines.append(f"- {_text(' — '.join(head))}: “{_text(snippet(card.chunk.clean_text))}”")
        tries = suggestions(answer)
        if tries:
            lines += ["", _text(t(answer.language, "try"))] + [f"- {_text(x)}" for x in tries]
    cards = cited_cards(answer)
    if cards:
        lines += ["", f"### {_text(t(lang, 'export_sources'))}", ""]
    for card in cards:
        letter, chunk = card.letter, card.chunk
        head = [letter_title(letter, lang), letter_when(letter, lang)]
        if letter.kamerstuk:
            head.append(t(lang, "kamerstuk", id=letter.kamerstuk))
        where = " › ".join(s for s in chunk.section_path if s.strip())
        if chunk.page:
            where += (", " if where else "") + t(lang, "page", n=chunk.page)
        if where:
            head.append(where)
        refs = " ".join(f"[{n}]" for n in card.numbers)
        lines.append(f"- {refs} " + _text(" — ".join(head)))
        url = official_url(letter)
        if url:
            lines.append(f"  <{url}>")
        for a, b, ns in card.marks:
            quote = _text(chunk.text[a:b])
            lines.append(f"  > {quote} " + " ".join(f"[{n}]" for n in ns))
        for f in chunk.footnotes:
            label = f.label.strip("[]")
            lines.append(f"  - {_text(t(lang, 'footnote_n', n=label))}: {_text(f.text)}")
    if answer.flagged:
        lines += ["", f"*{_text(t(lang, 'flagged'))}:*"] + [f"- {_text(s)}" for s in answer.flagged]
    return "\n".join(lines).rstrip() + "\n"


def conversation_markdown(turns: Sequence[Turn], lang: str, today: date | None = None) -> str:
    """The whole conversation, oldest turn first."""
    title = t(lang, "export_title")
    when = f" — {format_date(today, lang)}" if today else ""
    parts = [f"# {_text(title)}{when}", ""]
    parts += [turn_markdown(turn, i, lang) for i, turn in enumerate(turns, start=1)]
    return "\n".join(parts)
