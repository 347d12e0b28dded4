"""The register tab's data: rows of the commitments table, its search and filters, a timeline as HTML (pure).

Filters: all, open (an open current status), overdue (open with a deadline before a day, the rappel
list), closed (afgedaan), partly (deels voldaan), decisions (a decision list's besluiten). Rows are
numbered by their place in the register, the row's stable id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from assistant.i18n import letter_title
from assistant.status_evidence import evidence, locate, main_verdict
from ingest.model import NO_VERDICT, Chunk, Commitment, CommitmentMention, Letter, Verdict
from ingest.register_query import COMMITMENT_KINDS, admits, overdue

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
    "Source",  # who gave the current verdict; last, so the page's column numbers stay as they were
]
WIDTHS = ["4%", "10%", "7.5%", "18%", "10%", "8.5%", "10%", "11%", "7.5%", "4.5%", "9%"]
DATATYPES = ["number", "str", "str", "str", "str", "str", "str", "str", "str", "number", "str"]
STATUS_CHOICES = [
    ("all", "all"),
    ("open", "open"),
    ("overdue (rappel)", "overdue"),
    ("closed (afgedaan)", "closed"),
    ("partly (deels voldaan)", "partly"),
    ("decisions (besluiten)", "decisions"),
]

CSS = """
.brieven-register .mention { border-left: 3px solid #d08a00; padding: .3em .8em; margin: 0 0 1em 0; }
.brieven-register .passage { font-size: .92em; max-height: 22em; overflow-y: auto; white-space: pre-wrap; }
.brieven-register mark { background: #ffe58a; }
.brieven-register mark.promise { background: #d8ecff; }
.brieven-register .meta { color: #555; font-size: .9em; }
.brieven-register .verdicts { margin: .3em 0; padding-left: 1.2em; }
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
    d = c.deadline
    if d is None:
        return ""
    return f"{d.text} ({d.date.isoformat()})" if d.date else d.text


def source_text(v: Verdict) -> str:
    """'staatssecretaris', 'commissie BIZA', 'ambtelijk voorstel'."""
    if v.source is None:
        return ""
    return v.by if v.source == "commissie" and v.by else v.source


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
        source_text(c.current[1]),
    ]


def search(
    register: Sequence[Commitment], text: str = "", status: str = "all", as_of: date | None = None
) -> list[tuple[int, Commitment]]:
    """(number, commitment) for those the filter admits whose ids, title or members hold every search word.

    'overdue' is measured on `as_of` (default: today) and keeps the rappel list's order (by deadline).
    """
    status = status or "all"
    kinds = ("besluit",) if status == "decisions" else COMMITMENT_KINDS
    numbered = {id(c): n for n, c in enumerate(register, start=1)}
    if status == "overdue":
        pool = overdue(register, as_of or date.today())
    else:
        wanted = "all" if status == "decisions" else status
        pool = [c for c in register if c.kind in kinds and admits(c, wanted)]
    needles = [w.lower() for w in (text or "").split()]
    found = []
    for c in pool:
        hay = " ".join([c.key, *c.identifiers, c.title, members_text(c)]).lower()
        if all(n in hay for n in needles):
            found.append((numbered[id(c)], c))
    return found


def rows(
    register: Sequence[Commitment],
    letters: Mapping[str, Letter],
    text: str = "",
    status: str = "all",
    as_of: date | None = None,
) -> list[list[object]]:
    return [row(n, c, letters) for n, c in search(register, text, status, as_of)]


def _passage(mention: CommitmentMention, chunk: Chunk, chunks, letters) -> str:
    """The passage, escaped, with the verdict sentence (or, without a verdict, the promise) marked."""
    ev = evidence(mention, chunks, letters)
    verdict = main_verdict(mention)
    if ev is None or ev.chunk.id != chunk.id:
        span = locate(verdict.sentence, chunk.text) if verdict.sentence else None
        css = "verdict"
    else:
        span = ev.span
        css = "verdict" if verdict.verdict != NO_VERDICT else "promise"
    text = chunk.text
    if span is None:
        return escape(text)
    a, b = span
    return f'{escape(text[:a])}<mark class="{css}">{escape(text[a:b])}</mark>{escape(text[b:])}'


def _verdicts_html(mention: CommitmentMention) -> str:
    """Each party's verdict in this document: 'afgedaan — staatssecretaris (2025-01-08): “...”'."""
    items = []
    for v in mention.timeline:
        who = source_text(v) or "—"
        when = f" ({v.when.isoformat()})" if v.when else ""
        standing = " (status before this document)" if v.standing else ""
        due = f"; deadline: {escape(v.deadline.text)}" if v.deadline else ""
        said = " ".join((v.sentence or "").split())
        quote = f": <q>{escape(said)}</q>" if said else ""
        items.append(
            f'<li data-source="{escape(v.source or "")}"><b class="verdict">{escape(v.verdict)}</b> — '
            f"{escape(who)}{escape(when)}{standing}{due}{quote}</li>"
        )
    return f'<ul class="verdicts">{"".join(items)}</ul>'


def _mention_html(
    mention: CommitmentMention, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]
) -> str:
    letter = letters.get(mention.letter_id)
    chunk = chunks.get(main_verdict(mention).chunk_id or mention.chunk_id or "")
    when = letter_date(letter, mention)
    head = [f"<b>{escape(letter_label(letter, mention.letter_id))}</b>"]
    if when:
        head.append(escape(when))
    if letter is not None and letter.kamerstuk:
        head.append(f"Kamerstuk {escape(letter.kamerstuk)}")
    where = " &gt; ".join(escape(s) for s in mention.section_path)
    page = f", p. {chunk.page}" if chunk is not None and chunk.page else ""
    verdict = f'Verdict: <b class="verdict">{escape(mention.verdict)}</b>'
    if mention.source:
        verdict += f" ({escape(mention.source)})"
    if mention.new_deadline is not None:
        verdict += f"; deadline: {escape(mention.new_deadline.text)}"
    said = " ".join((mention.verdict_sentence or "").split())
    sentence = f'<blockquote class="verdict-sentence">{escape(said)}</blockquote>' if said else ""
    dictum = f'<blockquote class="dictum">{escape(mention.dictum)}</blockquote>' if mention.dictum else ""
    body = ""
    if chunk is not None:
        notes = "".join(
            f'<li data-footnote="{f.number}">[{escape(f.label)}] {escape(f.text)}</li>'
            for f in chunk.footnotes
        )
        passage = _passage(mention, chunk, chunks, letters)
        # A long passage scrolls: focusable, so a keyboard can scroll it too (WCAG 2.1.1).
        body = (
            f'<div class="passage" data-chunk="{escape(chunk.id)}" tabindex="0" role="group"'
            f' aria-label="Passage">{passage}</div>'
        )
        body += f'<ul class="footnotes">{notes}</ul>' if notes else ""
    return (
        f'<li class="mention" data-letter="{escape(mention.letter_id)}" data-date="{escape(when)}">'
        f"<div>{' — '.join(head)}</div><div class='meta'>{where}{page}</div>"
        f"<div>{verdict}</div>{sentence}{dictum}{_verdicts_html(mention)}{body}</li>"
    )


def timeline_html(c: Commitment, chunks: Mapping[str, Chunk], letters: Mapping[str, Letter]) -> str:
    """A commitment with each document about it in date order: every party's verdict, marked passage."""
    ids = ", ".join(c.identifiers)
    decided, verdict = c.current
    meta = [f"Status: <b>{escape(c.status)}</b>"]
    if verdict.source:
        by = letter_label(letters.get(decided.letter_id), decided.letter_id)
        meta.append(f"decided by: {escape(source_text(verdict))} in {escape(by)}")
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
