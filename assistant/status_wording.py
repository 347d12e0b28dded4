"""The wording shared by status and list answers: a commitment's head, its deadline, who gave a verdict."""

from __future__ import annotations

from assistant.register_terms import WORDS, format_date, kind_label, source_label
from assistant.status_evidence import letter_when
from ingest.model import (
    COMMITTEE,
    MINISTER,
    MOTIE_ITSELF,
    PROPOSAL,
    STAATSSECRETARIS,
    Commitment,
    CommitmentMention,
    Deadline,
    Letter,
    Verdict,
)


def head(c: Commitment, language: str, limit: int = 90, members: bool = True) -> str:
    """'Toezegging TZ202504-147 “Onderzoeken MitID …” (lid Kathmann)'."""
    title = " ".join(c.title.split())
    quoted = f"“{title}”"
    if len(title) > limit:
        # Cut at a word, the ellipsis outside the quote: what is quoted stays the letter's own words.
        cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–")
        quoted = f"“{cut}” …"
    kind = kind_label(c.kind, language).capitalize() + (f" ({c.kind})" if language == "en" else "")
    ids = " ".join(c.identifiers[:2])
    text = f"{kind} {ids} {quoted}" if ids else f"{kind} {quoted}"
    if c.members and members:
        who = ", ".join(m.name + (f" ({m.party})" if m.party else "") for m in c.members[:4])
        one, many = WORDS[language]["member"]
        text += f" ({many if len(c.members) > 1 else one} {who})"
    return text


def deadline_text(d: Deadline | None, language: str) -> str:
    """', deadline 1 juli 2025' / ', due 1 July 2025'; a phrase without a date stays the letter's words."""
    if d is None:
        return ""
    text = " ".join(d.text.split())
    if language == "en":
        return f", due {format_date(d.date, language)}" if d.date else f", due “{text}”"
    if d.date and str(d.date.year) not in text:
        text += f" (uiterlijk {format_date(d.date, language)})"
    return f", deadline {text}"


def document_word(mention: CommitmentMention, letter: Letter, language: str) -> str:
    """'de brief', 'het memo', 'de besluitenlijst', 'de motie' (English: 'the letter', ...)."""
    sources = {v.source for v in mention.timeline}
    if mention.committee or letter.kind == "besluitenlijst":
        return "the decision list" if language == "en" else "de besluitenlijst"
    if PROPOSAL in sources:
        return "the memo" if language == "en" else "het memo"
    if MOTIE_ITSELF in sources:
        return "the motion" if language == "en" else "de motie"
    return "the letter" if language == "en" else "de brief"


def party_phrase(v: Verdict, mention: CommitmentMention, letter: Letter, language: str) -> str:
    """'volgens de staatssecretaris (brief van 8 januari 2025)', 'according to the committee ...'."""
    who = source_label(v.source, language)
    if v.source == COMMITTEE and v.by and v.by.lower() != "commissie":
        who = v.by if language == "nl" else f"the {v.by}"
    if v.standing:
        return f"{WORDS[language]['by']} {who} ({WORDS[language]['standing']})"
    when = v.when or letter.sort_date
    if v.when and v.when != letter.date and v.source in (MINISTER, STAATSSECRETARIS, COMMITTEE):
        doc = {MINISTER: "letter", STAATSSECRETARIS: "letter", COMMITTEE: "decision"}[v.source or ""]
        doc = doc if language == "en" else {"letter": "brief", "decision": "besluit"}[doc]
        return f"{WORDS[language]['by']} {who} ({doc} {WORDS[language]['of']} {format_date(when, language)})"
    return f"{WORDS[language]['by']} {who} {in_document(mention, letter, language)}"


def in_document(mention: CommitmentMention, letter: Letter, language: str) -> str:
    """'in de brief van 11 juli 2025', 'in the memo of 16 January 2025'."""
    of = WORDS[language]["of"]
    return f"in {document_word(mention, letter, language)} {of} {letter_when(letter, language)}"
