"""The conversation as chat messages (Markdown for Gradio's Chatbot) and the letters table as HTML.

Document text is data: every piece of it is escaped for Markdown and HTML before the Chatbot renders it,
so a quoted `[x](javascript:…)` or `<img>` stays text. Only the citation links are markup of ours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape

from assistant.conversation import Turn
from assistant.i18n import letter_title, letter_when, short_title, t
from assistant.page_cards import card_id, citation_targets, nearby_cards, source_links
from ingest.model import Answer, Letter

# A citation marker as the engine writes it: after a space, a closing quote or another marker.
CITE = re.compile(r"(?<=[\s\]”\"])\[(\d+)\](?=[\s.,;:\[]|$)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")  # what starts inline Markdown once [ ] and < are escaped
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)([:.])|()(@)")
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+")
SNIPPET_CHARS = 220
MAX_SUGGESTIONS = 3


def md_escape(text: str, links: bool = False) -> str:
    """Text that Markdown and HTML show exactly as written: entities for <>&, backslashes for the rest.

    Unless `links`, GFM autolinks (www., http:) are broken too: on the page no link appears in a quote."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return (
        text
        if links
        else _AUTOLINK.sub(lambda m: (m.group(1) or "") + "\\" + (m.group(2) or m.group(4)), text)
    )


def _safe_start(md: str) -> str:
    """'1. x', '- x', '= x' at a block's start stay text, not a list or a heading underline."""
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3), md)


def md_block(text: str) -> str:
    """Escaped text that also cannot start a list, a heading or a code block at the start of its line."""
    out = []
    for line in text.split("\n"):
        line = md_escape(line.strip())
        out.append(_safe_start(line))
    return "\n".join(x for x in out if x)


def _line_markdown(line: str, targets: dict[int, str], lang: str) -> str:
    """One line of answer text: escaped, with its valid [n] turned into links to their cards."""
    out, pos = [], 0
    for match in CITE.finditer(line):
        n = int(match.group(1))
        if n not in targets:
            continue
        out.append(md_escape(line[pos : match.start()]))
        label = escape(t(lang, "card_open", n=n))
        out.append(f'<sup><a class="cite" href="#{targets[n]}" aria-label="{label}">[{n}]</a></sup>')
        pos = match.end()
    out.append(md_escape(line[pos:]))
    return "".join(out)


def text_markdown(text: str, targets: dict[int, str], lang: str, lead: bool = True) -> str:
    """Answer text as Markdown: the first line is the short answer (bold), "- " lines a list."""
    blocks: list[str] = []
    lines = [x.rstrip() for x in text.split("\n") if x.strip()]
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("- ", "• ")):
            item = "- " + _line_markdown(line.lstrip()[2:], targets, lang)
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
            continue
        body = _line_markdown(line.strip(), targets, lang)
        body = _safe_start(body)
        if i == 0 and lead and len(lines) > 1 and not line.endswith(":"):
            body = f"**{body}**"
        blocks.append(body)
    return "\n\n".join(blocks)


_ARTICLE = re.compile(r"^(De|Het|Een|The|A|An) ")


def topic_of(heading: str) -> str:
    """A heading as a topic to ask about: numbering and trailing punctuation removed."""
    topic = _HEADING_NUMBER.sub("", heading).strip().rstrip(".:;,").strip()
    return _ARTICLE.sub(lambda m: m.group(1).lower() + " ", topic)


def suggestions(answer: Answer, lang: str | None = None) -> list[str]:
    """Rephrasings for an abstention, drawn from the headings of the nearest passages."""
    lang = lang or answer.language
    topics: list[str] = []
    for hit in answer.see_also:
        headings = [h for h in hit.chunk.section_path if topic_of(h)]
        if not headings:
            continue
        topic = topic_of(headings[-1])
        if topic.lower() not in {x.lower() for x in topics} and len(topic) <= 120:
            topics.append(topic)
    return [t(lang, "suggestion", topic=x) for x in topics[:MAX_SUGGESTIONS]]


def snippet(text: str) -> str:
    """The start of a passage, cut at a word, for a one-line preview."""
    one = " ".join(text.split())
    if len(one) <= SNIPPET_CHARS:
        return one
    cut = one[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return cut + " …"


def abstention_markdown(answer: Answer, turn: int) -> str:
    """'Not found' (or 'not stated', cited), then what the nearest passages say, each linked to its card."""
    lang = answer.language
    if answer.citations:  # "not stated": the letters' own words on the topic, cited
        parts = [text_markdown(answer.text, citation_targets(answer, turn), lang)]
    else:
        parts = [md_block(answer.text)]
    items = []
    for card in nearby_cards(answer):
        heading = next((h for h in reversed(card.chunk.section_path) if topic_of(h)), "")
        body = card.chunk.clean_text
        if heading and body.lstrip().startswith(heading):
            body = body.lstrip()[len(heading) :]
        where = f"{short_title(card.letter, lang)}, {letter_when(card.letter, lang)}"
        link = f'<a class="cite nearby" href="#{card_id(turn, card.key)}">{md_escape(where)}</a>'
        about = f" — {md_escape(topic_of(heading))}" if heading else ""
        items.append(f"- {link}{about}: “{md_escape(snippet(body))}”")
    if items:
        parts.append(f"**{md_escape(t(lang, 'nearby_intro'))}**\n\n" + "\n".join(items))
        if suggestions(answer):
            parts.append(md_escape(t(lang, "try")))
    return "\n\n".join(parts)


def answer_markdown(turn: Turn, number: int, lang: str) -> str:
    """What the Chatbot shows for one turn's answer (streaming, stopped or finished)."""
    answer = turn.answer
    if answer is None:
        text = text_markdown(turn.partial, {}, lang, lead=False) if turn.partial else "…"
        if turn.stopped:
            text = (text + "\n\n" if turn.partial else "") + f"*{md_escape(t(lang, 'stopped'))}*"
        return text
    if answer.abstained:
        return abstention_markdown(answer, number)
    return text_markdown(answer.text, citation_targets(answer, number), answer.language)


def chat_messages(turns: Sequence[Turn], lang: str) -> list[dict]:
    """The Chatbot's value: a user and an assistant message per turn; an abstention offers rephrasings."""
    messages: list[dict] = []
    for i, turn in enumerate(turns, start=1):
        messages.append({"role": "user", "content": md_block(turn.question)})
        message: dict = {"role": "assistant", "content": answer_markdown(turn, i, lang)}
        if turn.answer is not None and turn.answer.abstained:
            options = suggestions(turn.answer)
            if options:
                message["options"] = [{"value": s, "label": s} for s in options]
        messages.append(message)
    return messages


def letters_html(
    letters: Sequence[Letter], lang: str, file_link: Callable[[Letter], str | None] | None = None
) -> str:
    """The letters tab: what each letter is, by title and date, with its Kamerstuk and links."""
    cols = (
        "col_title",
        "col_date",
        "col_kamerstuk",
        "col_kind",
        "col_sender",
        "col_to",
        "col_sections",
        "col_footnotes",
        "col_links",
    )
    head = "".join(f'<th scope="col">{escape(t(lang, c))}</th>' for c in cols)
    rows = []
    for x in letters:
        links = source_links(x, lang, file_link)
        rows.append(
            f'<tr data-letter="{escape(x.id)}">'
            f"<td>{escape(letter_title(x, lang))}</td>"
            f"<td>{escape(letter_when(x, lang))}</td>"
            f"<td>{escape(x.kamerstuk or '')}</td>"
            f"<td>{escape(x.kind or '')}</td>"
            f"<td>{escape(x.sender or '')}</td>"
            f"<td>{escape(x.addressee or '')}</td>"
            f"<td>{len(x.sections)}</td><td>{len(x.footnotes)}</td>"
            f"<td>{' · '.join(links)}</td></tr>"
        )
    count = escape(t(lang, "letters_count", n=len(letters)))
    return (
        f'<div class="brieven-letters"><p class="meta">{count}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
