"""The register tab: rows of the commitments table, its search, and a commitment's timeline as HTML."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from assistant.i18n import letter_title
from assistant.status import evidence, locate
from ingest.model import NO_VERDICT, Chunk, Commitment, CommitmentMention, Letter
from ingest.register import filter_register

COLUMNS = [
    "Nr",
    "Identifiers",
    "Kind",
    "Title",
    "Members",
    "Status",
    "Deadline / expected",
    "Latest letter",
    "Letter date",
    "Letters",
]
WIDTHS = ["4%", "10%", "8.5%", "19%", "11%", "8.5%", "10%", "13%", "9%", "7%"]
DATATYPES = ["number", "str", "str", "str", "str", "str", "str", "str", "str", "number"]
STATUS_CHOICES = [("all", "all"), ("open", "open"), ("closed (afgedaan)", "closed")]

CSS = """
.brieven-register .mention { border-left: 3px solid #d08a00; padding: .3em .8em; margin: 0 0 1em 0; }
.brieven-register .passage { font-size: .92em; max-height: 22em; overflow-y: auto; white-space: pre-wrap; }
.brieven-register mark { background: #ffe58a; }
.brieven-register mark.promise { background: #d8ecff; }
.brieven-register .meta { color: #555; font-size: .9em; }
.brieven-register .footnotes { font-size: .88em; margin: .4em 0 0 0; padding-left: 1.2em; }
"""


def letter_label(letter: Letter | None, fallback: str) -> str:
    if letter is None:
        return fallback
    # never the letter's key (a digest): the page's name for a letter without a title (issue 11)
    if letter.title or not letter.kamerstuk:
        return letter_title(letter, "nl")
    return f"Kamerstuk {letter.kamerstuk}"


def letter_date(letter: Letter | None, mention: CommitmentMention) -> str:
    """ISO date, so the column sorts; a date inferred from the text is marked as a lower bound."""
    if letter is not None and letter.date:
        return letter.date.isoformat()
    if letter is not None and letter.date_not_before:
        return f"{letter.date_not_before.isoformat()} (not before)"
    return mention.letter_date.isoformat() if mention.letter_date else ""


def members_text(c: Commitment) -> str:
    return ", ".join(m.name + (f" ({m.party})" if m.party else "") for m in c.members)


def deadline_text(c: Commitment) -> str:
    d = c.latest.new_deadline
    if d is None:
        return ""
    return f"{d.text} ({d.date.isoformat()})" if d.date else d.text


def row(number: int, c: Commitment, letters: Mapping[str, Letter]) -> list[object]:
    """One table row; `number` is the commitment's place in the register, the row's stable id."""
    letter = letters.get(c.latest.letter_id)
    return [
        number,
        ", ".join(c.identifiers) or "—",
        c.kind,
        " ".join(c.title.split()),
        members_text(c),
        c.status,
        deadline_text(c),
        letter_label(letter, c.latest.letter_id),
        letter_date(letter, c.latest),
        len({m.letter_id for m in c.mentions}),
    ]


def search(
    register: Sequence[Commitment], text: str = "", status: str = "all"
) -> list[tuple[int, Commitment]]:
    """(number, commitment) for those with the status whose ids, title or members hold every search word."""
    allowed = {id(c) for c in filter_register(register, status=status or "all")}
    needles = [w.lower() for w in (text or "").split()]
    found = []
    for number, c in enumerate(register, start=1):
        if id(c) not in allowed:
            continue
        hay = " ".join([c.key, *c.identifiers, c.title, members_text(c)]).lower()
        if all(n in hay for n in needles):
            found.append((number, c))
    return found


def rows(register: Sequence[Commitment], letters: Mapping[str, Letter], text: str = "", status: str = "all"):
    return [row(n, c, letters) for n, c in search(register, text, status)]


def _passage(mention: CommitmentMention, chunk: Chunk, chunks, letters) -> str:
    """The passage, escaped, with the verdict sentence (or, without a verdict, the promise) marked."""
    ev = evidence(mention, chunks, letters)
    if ev is None:
        span = locate(mention.verdict_sentence, chunk.text) if mention.verdict_sentence else None
        css = "verdict"
    else:
        span = ev.span
        css = "verdict" if mention.verdict != NO_VERDICT else "promise"
    text = chunk.text
    if span is None:
        return escape(text)
    a, b = span
    return f'{escape(text[:a])}<mark class="{css}">{escape(text[a:b])}</mark>{escape(text[b:])}'


def _mention_html(
    mention: CommitmentMention, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]
) -> str:
    letter = letters.get(mention.letter_id)
    chunk = chunks.get(mention.chunk_id or "")
    when = letter_date(letter, mention)
    head = [f"<b>{escape(letter_label(letter, mention.letter_id))}</b>"]
    if when:
        head.append(escape(when))
    if letter is not None and letter.kamerstuk:
        head.append(f"Kamerstuk {escape(letter.kamerstuk)}")
    where = " &gt; ".join(escape(s) for s in mention.section_path)
    page = f", p. {chunk.page}" if chunk is not None and chunk.page else ""
    verdict = f'Verdict: <b class="verdict">{escape(mention.verdict)}</b>'
    if mention.new_deadline is not None:
        verdict += f"; deadline: {escape(mention.new_deadline.text)}"
    said = " ".join((mention.verdict_sentence or "").split())
    sentence = f'<blockquote class="verdict-sentence">{escape(said)}</blockquote>' if said else ""
    body = ""
    if chunk is not None:
        notes = "".join(
            f'<li data-footnote="{f.number}">[{escape(f.label)}] {escape(f.text)}</li>'
            for f in chunk.footnotes
        )
        passage = _passage(mention, chunk, chunks, letters)
        body = f'<div class="passage" data-chunk="{escape(chunk.id)}">{passage}</div>'
        body += f'<ul class="footnotes">{notes}</ul>' if notes else ""
    return (
        f'<li class="mention" data-letter="{escape(mention.letter_id)}" data-date="{escape(when)}">'
        f"<div>{' — '.join(head)}</div><div class='meta'>{where}{page}</div>"
        f"<div>{verdict}</div>{sentence}{body}</li>"
    )


def timeline_html(c: Commitment, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]) -> str:
    """A commitment with each letter about it in date order: verdict, marked passage, footnotes."""
    ids = ", ".join(c.identifiers)
    meta = [f"Status: <b>{escape(c.status)}</b>"]
    if c.members:
        meta.append(f"Members: {escape(members_text(c))}")
    if deadline_text(c):
        meta.append(f"Deadline / expected: {escape(deadline_text(c))}")
    for doc in c.cited_in_corpus:
        meta.append(f"In the corpus: {escape(letter_label(letters.get(doc), doc))} ({escape(doc)})")
    mentions = "".join(_mention_html(m, chunks, letters) for m in c.mentions)
    return (
        f'<div class="brieven-register" data-key="{escape(c.key)}">'
        f"<h3>{escape(c.kind.capitalize())} {escape(ids)} — {escape(' '.join(c.title.split()))}</h3>"
        f'<p class="meta">{" · ".join(meta)}</p><ol class="timeline">{mentions}</ol></div>'
    )


def empty_html() -> str:
    hint = "Select a row to see its letters and passages."
    return f'<div class="brieven-register"><p class="meta">{hint}</p></div>'
