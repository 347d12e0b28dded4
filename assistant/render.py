"""HTML for the chat page; every piece of document text goes through html.escape, never through markdown."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from ingest.model import Answer, Citation, Letter

CSS = """
.brieven-chat .turn { margin: 0 0 1.2em 0; }
.brieven-chat .q { font-weight: 600; margin-bottom: .3em; }
.brieven-chat .a { white-space: pre-wrap; line-height: 1.5; }
.brieven-chat .abstained { color: #8a4b00; }
.brieven-chat a.cite { font-weight: 600; text-decoration: none; padding: 0 .1em; }
.brieven-sources .source { border: 1px solid #ccc; border-radius: 6px; padding: .6em .8em;
  margin-bottom: .8em; }
.brieven-sources .source:target { border-color: #d08a00; box-shadow: 0 0 0 3px #ffd27a; }
.brieven-sources .passage { white-space: normal; font-size: .92em; max-height: 22em; overflow-y: auto; }
.brieven-sources mark { background: #ffe58a; }
.brieven-sources .meta { color: #555; font-size: .9em; }
.brieven-sources .footnotes { font-size: .88em; margin: .4em 0 0 0; padding-left: 1.2em; }
.brieven-letters table { border-collapse: collapse; width: 100%; }
.brieven-letters td, .brieven-letters th { border-bottom: 1px solid #ddd; padding: .3em .5em;
  text-align: left; }
"""

# A citation marker as the engine writes it: after a space, a closing quote or another marker.
_CITE = re.compile(r"(?<=[\s\]”\"])\[(\d+)\](?=[\s.,;:\[]|$)")


def source_id(turn: int, n: int) -> str:
    return f"src-{turn}-{n}"


def answer_text_html(answer: Answer, turn: int) -> str:
    """The answer text, escaped, with each valid [n] turned into a link to its source card."""
    valid = {c.n for c in answer.citations}
    text = escape(answer.text)

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in valid:
            return match.group(0)
        return f'<a class="cite" href="#{source_id(turn, n)}" data-n="{n}">[{n}]</a>'

    return _CITE.sub(link, text)


def transcript_html(turns: Sequence[Answer], pending: tuple[str, str] | None = None) -> str:
    """The whole conversation; `pending` is (question, partial text) while an answer streams in."""
    parts = ['<div class="brieven-chat">']
    for i, answer in enumerate(turns, start=1):
        css = "a abstained" if answer.abstained else "a"
        parts.append(
            f'<div class="turn" data-turn="{i}"><div class="q">{escape(answer.question)}</div>'
            f'<div class="{css}">{answer_text_html(answer, i)}</div></div>'
        )
    if pending:
        question, partial = pending
        parts.append(
            f'<div class="turn streaming"><div class="q">{escape(question)}</div>'
            f'<div class="a">{escape(partial) or "…"}</div></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def letter_meta(letter: Letter) -> str:
    bits = [escape(letter.title or letter.id)]
    if letter.date:
        bits.append(letter.date.isoformat())
    if letter.kamerstuk:
        bits.append(f"Kamerstuk {escape(letter.kamerstuk)}")
    return " — ".join(bits)


def passage_html(citation: Citation) -> str:
    """The cited passage, escaped, with the supporting sentence inside <mark>."""
    text = citation.chunk.text
    a, b = citation.quote_span
    return f"{escape(text[:a])}<mark>{escape(text[a:b])}</mark>{escape(text[b:])}"


def source_html(citation: Citation, turn: int) -> str:
    chunk = citation.chunk
    where = " &gt; ".join(escape(s) for s in chunk.section_path)
    page = f", p. {chunk.page}" if chunk.page else ""
    notes = "".join(
        f'<li data-footnote="{f.number}">[{escape(f.label)}] {escape(f.text)}</li>' for f in chunk.footnotes
    )
    footnotes = f'<ul class="footnotes">{notes}</ul>' if notes else ""
    return (
        f'<div class="source" id="{source_id(turn, citation.n)}" data-chunk="{escape(chunk.id)}">'
        f"<div><b>[{citation.n}]</b> {letter_meta(citation.letter)}</div>"
        f'<div class="meta">{where}{page}</div>'
        f'<div class="passage">{passage_html(citation)}</div>{footnotes}</div>'
    )


def sources_html(turns: Sequence[Answer]) -> str:
    """Source cards of the latest answer (citations) or, after an abstention, its nearest passages."""
    if not turns:
        return '<div class="brieven-sources"><p class="meta">Sources appear here.</p></div>'
    turn = len(turns)
    answer = turns[-1]
    parts = ['<div class="brieven-sources">']
    for citation in answer.citations:
        parts.append(source_html(citation, turn))
    if answer.see_also:
        title = "Zie ook" if answer.language == "nl" else "See also"
        parts.append(f"<h4>{title}</h4><ul class='see-also'>")
        for hit in answer.see_also:
            where = " &gt; ".join(escape(s) for s in hit.chunk.section_path)
            parts.append(f"<li>{letter_meta(hit.letter)}: {where}</li>")
        parts.append("</ul>")
    if answer.flagged:
        parts.append("<h4>Removed: not supported by the cited passage</h4><ul class='flagged'>")
        parts += [f"<li>{escape(s)}</li>" for s in answer.flagged]
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def letters_html(letters: Sequence[Letter]) -> str:
    rows = "".join(
        "<tr>"
        f"<td>{escape(x.title or '')}</td>"
        f"<td>{x.date.isoformat() if x.date else ''}</td>"
        f"<td>{escape(x.kamerstuk or '')}</td>"
        f"<td>{escape(x.sender or '')}</td>"
        f"<td>{escape(x.addressee or '')}</td>"
        f"<td>{len(x.sections)}</td><td>{len(x.footnotes)}</td>"
        f"<td><code>{escape(x.id)}</code></td>"
        "</tr>"
        for x in letters
    )
    head = "<tr><th>Title</th><th>Date</th><th>Kamerstuk</th><th>Sender</th><th>To</th>"
    head += "<th>Sections</th><th>Footnotes</th><th>Id</th></tr>"
    return f'<div class="brieven-letters"><table>{head}{rows}</table></div>'
