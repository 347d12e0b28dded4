"""Every label the chat page shows, in Dutch (the default) and English: one table, looked up by key."""

from __future__ import annotations

from datetime import date

from ingest.model import Letter
from ingest.months import MONTHS_EN, MONTHS_NL

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
# Each language is named in itself, so the switch reads the same in both.
LANGUAGE_CHOICES = [("Nederlands", "nl"), ("English", "en")]

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "page_title": "Brieven — assistent voor Kamerbrieven",
        "heading": "Brieven",
        "intro": "Vraag het de Kamerbrieven. Elke uitspraak verwijst naar de passage waarop hij rust.",
        "language": "Taal",
        "tab_chat": "Gesprek",
        "tab_letters": "Brieven",
        "tab_register": "Toezeggingen en moties",
        "chat_label": "Gesprek",
        "chat_placeholder": "Stel een vraag over de brieven, of kies een voorbeeld.",
        "question_label": "Vraag",
        "question_placeholder": "Stel een vraag, bijvoorbeeld: wat is er toegezegd over MitID?",
        "new_chat": "Nieuw gesprek",
        "export": "Gesprek downloaden (Markdown)",
        "sources": "Bronnen",
        "sources_empty": "Bij elk antwoord verschijnen hier de passages waarop het rust.",
        "filters": "Filters",
        "filter_letters": "Alleen deze brieven",
        "date_from": "Vanaf (JJJJ-MM-DD)",
        "date_to": "Tot en met (JJJJ-MM-DD)",
        "date_error": "Schrijf datums als JJJJ-MM-DD ({detail})",
        "question_n": "Vraag {n}",
        "source_n": "Bron {n}",
        "card_open": "Open bron {n}",
        "page": "blz. {n}",
        "kamerstuk": "Kamerstuk {id}",
        "official": "Officiële publicatie",
        "file": "Bestand",
        "footnotes": "Voetnoten",
        "passage": "Passage uit de brief",
        "footnote_n": "Voetnoot {n}",
        "footnote_lost": "voetnoot {n}: de tekst van deze voetnoot is bij het inlezen verloren gegaan",
        "supports": "ondersteunt {refs}",
        "nearby": "Wat de brieven in de buurt zeggen",
        "nearby_intro": "Wat de brieven in de buurt zeggen:",
        "nearby_card": "In de buurt {n}",
        "try": "Probeer bijvoorbeeld een van deze vragen:",
        "suggestion": "Wat staat er in de brieven over {topic}?",
        "stopped": "Gestopt.",
        "flagged": "Weggelaten: niet gedragen door de geciteerde passage",
        "not_before": "niet vóór {date}",
        "undated": "zonder datum",
        "letter_from": "Brief van {sender}",
        "letter_to": "aan {addressee}",
        "letter_file": "Brief ({name})",
        "copied": "Antwoord met bronnen gekopieerd",
        "answer_aria": "Antwoord {n}",
        "question_aria": "Vraag {n}",
        "export_title": "Gesprek met Brieven",
        "export_sources": "Bronnen",
        "export_quote": "Gemarkeerd",
        "upload_heading": "Brieven toevoegen",
        "upload_label": "Sleep brieven hierheen of kies bestanden (PDF, DOCX, DOC, HTML, tekst, XML)",
        "upload_off": "Brieven toevoegen via de pagina staat uit op deze server "
        "(`brieven serve --no-upload`).",
        "upload_limits": "Ten hoogste {files} bestanden per keer, elk ten hoogste {mb} MB.",
        "upload_too_many": "Te veel bestanden: {n} gekozen, ten hoogste {max} per keer. "
        "Er is niets ingelezen.",
        "upload_progress": "Inlezen: {name}",
        "upload_indexing": "Index bijwerken",
        "upload_report": "Resultaat",
        "upload_counts": "{added} toegevoegd, {replaced} vervangen, {unchanged} ongewijzigd; "
        "{total} brieven in de index.",
        "upload_added": "Toegevoegd",
        "upload_replaced": "Vervangen",
        "upload_unchanged": "Ongewijzigd (al in de index)",
        "upload_reread": "Opnieuw ingelezen (de lezers zijn verbeterd sinds het inlezen)",
        "upload_skipped": "Overgeslagen",
        "upload_same": "Hetzelfde document",
        "upload_markers": "Voetnootverwijzingen zonder voetnoottekst",
        "upload_marker": "{letter}: voetnoot {label}",
        "upload_notes": "Opmerkingen",
        "upload_failed": "Inlezen mislukt: {reason}. De index is ongewijzigd.",
        "upload_none": "Kies eerst een of meer bestanden.",
        "letters_count": "{n} brieven in de index.",
        "col_title": "Titel",
        "col_date": "Datum",
        "col_kamerstuk": "Kamerstuk",
        "col_kind": "Soort",
        "col_sender": "Afzender",
        "col_to": "Aan",
        "col_sections": "Secties",
        "col_footnotes": "Voetnoten",
        "col_links": "Links",
        "register_intro": "{n} moties en toezeggingen uit de brieven; de status is het oordeel in de "
        "laatste brief. Klik op een kolomkop om te sorteren, op een rij om de brieven erover te zien.",
        "register_search": "Zoeken (nummer, titel, Kamerlid)",
        "register_status": "Status",
    },
    "en": {
        "page_title": "Brieven — assistant for letters to parliament",
        "heading": "Brieven",
        "intro": "Ask the letters to parliament. Every statement points to the passage it rests on.",
        "language": "Language",
        "tab_chat": "Chat",
        "tab_letters": "Letters",
        "tab_register": "Commitments and motions",
        "chat_label": "Conversation",
        "chat_placeholder": "Ask a question about the letters, or pick an example.",
        "question_label": "Question",
        "question_placeholder": "Ask a question, for example: what was promised on MitID?",
        "new_chat": "New conversation",
        "export": "Download conversation (Markdown)",
        "sources": "Sources",
        "sources_empty": "With every answer, the passages it rests on appear here.",
        "filters": "Filters",
        "filter_letters": "Only these letters",
        "date_from": "From (YYYY-MM-DD)",
        "date_to": "Up to (YYYY-MM-DD)",
        "date_error": "Write dates as YYYY-MM-DD ({detail})",
        "question_n": "Question {n}",
        "source_n": "Source {n}",
        "card_open": "Open source {n}",
        "page": "p. {n}",
        "kamerstuk": "Kamerstuk {id}",
        "official": "Official publication",
        "file": "File",
        "footnotes": "Footnotes",
        "passage": "Passage from the letter",
        "footnote_n": "Footnote {n}",
        "footnote_lost": "footnote {n}: the text of this footnote was lost when the letter was read",
        "supports": "supports {refs}",
        "nearby": "What the letters say nearby",
        "nearby_intro": "What the letters say nearby:",
        "nearby_card": "Nearby {n}",
        "try": "Try one of these questions, for example:",
        "suggestion": "What do the letters say about {topic}?",
        "stopped": "Stopped.",
        "flagged": "Left out: not supported by the cited passage",
        "not_before": "not before {date}",
        "undated": "undated",
        "letter_from": "Letter from {sender}",
        "letter_to": "to {addressee}",
        "letter_file": "Letter ({name})",
        "copied": "Answer with its sources copied",
        "answer_aria": "Answer {n}",
        "question_aria": "Question {n}",
        "export_title": "Conversation with Brieven",
        "export_sources": "Sources",
        "export_quote": "Marked",
        "upload_heading": "Add letters",
        "upload_label": "Drop letters here or choose files (PDF, DOCX, DOC, HTML, text, XML)",
        "upload_off": "Adding letters from the page is turned off on this server "
        "(`brieven serve --no-upload`).",
        "upload_limits": "At most {files} files at a time, each at most {mb} MB.",
        "upload_too_many": "Too many files: {n} chosen, at most {max} at a time. Nothing was read.",
        "upload_progress": "Reading: {name}",
        "upload_indexing": "Updating the index",
        "upload_report": "Result",
        "upload_counts": "{added} added, {replaced} replaced, {unchanged} unchanged; "
        "{total} letters in the index.",
        "upload_added": "Added",
        "upload_replaced": "Replaced",
        "upload_unchanged": "Unchanged (already in the index)",
        "upload_reread": "Read again (the readers improved since it was indexed)",
        "upload_skipped": "Skipped",
        "upload_same": "Same document",
        "upload_markers": "Footnote calls without footnote text",
        "upload_marker": "{letter}: footnote {label}",
        "upload_notes": "Notes",
        "upload_failed": "Reading failed: {reason}. The index is unchanged.",
        "upload_none": "Choose one or more files first.",
        "letters_count": "{n} letters in the index.",
        "col_title": "Title",
        "col_date": "Date",
        "col_kamerstuk": "Kamerstuk",
        "col_kind": "Kind",
        "col_sender": "Sender",
        "col_to": "To",
        "col_sections": "Sections",
        "col_footnotes": "Footnotes",
        "col_links": "Links",
        "register_intro": "{n} motions (moties) and commitments (toezeggingen) from the letters; the status "
        "is the latest letter's verdict. Click a column header to sort, a row to see its letters.",
        "register_search": "Search (number, title, member)",
        "register_status": "Status",
    },
}

MONTHS = {
    "nl": list(MONTHS_NL),
    "en": list(MONTHS_EN),
}


def lang_of(value: str | None) -> str:
    """A supported language code; anything else is the default."""
    return value if value in LANGUAGES else DEFAULT


def t(lang: str, key: str, **values: object) -> str:
    """The label `key` in `lang`, with {placeholders} filled."""
    text = LABELS[lang_of(lang)][key]
    return text.format(**values) if values else text


def format_date(d: date | None, lang: str) -> str:
    """'11 juli 2025' / '11 July 2025'."""
    if d is None:
        return ""
    return f"{d.day} {MONTHS[lang_of(lang)][d.month - 1]} {d.year}"


def letter_when(letter: Letter, lang: str) -> str:
    """The letter's date as people write it; a lower bound where no date is printed."""
    if letter.date:
        return format_date(letter.date, lang)
    if letter.date_not_before:
        return t(lang, "not_before", date=format_date(letter.date_not_before, lang))
    return t(lang, "undated")


SHORT_TITLE = 72


def short_title(letter: Letter, lang: str) -> str:
    """The title for a card's one-line header: a long subject cut at its first ';' or a word."""
    title = letter_title(letter, lang)
    if len(title) <= SHORT_TITLE:
        return title
    head = title.split(";")[0].strip()
    if 12 <= len(head) <= SHORT_TITLE:
        return head
    return title[:SHORT_TITLE].rsplit(" ", 1)[0] + " …"


def letter_title(letter: Letter, lang: str) -> str:
    """What a person calls the letter: its subject, else who sent it to whom, else its file name.

    Never the letter's key: keys are digests or ids, not names (issue 11)."""
    if letter.title:
        return " ".join(letter.title.split())
    if letter.sender:
        sender = letter.sender.split(" (")[0].strip()
        label = t(lang, "letter_from", sender=sender)
        if letter.addressee:
            label += " " + t(lang, "letter_to", addressee=letter.addressee)
        return label
    name = letter.source.replace("\\", "/").rsplit("/", 1)[-1]
    return t(lang, "letter_file", name=name)


# The register table's columns (assistant/register_view.COLUMNS) as the page shows them.
REGISTER_COLUMNS = {
    "nl": {
        "Identifiers": "Nummers",
        "Kind": "Soort",
        "Title": "Titel",
        "Members": "Kamerleden",
        "Deadline / expected": "Termijn / verwacht",
        "Latest letter": "Laatste brief",
        "Letter date": "Datum brief",
        "Letters": "Brieven",
        "Source": "Oordeel van",
    },
    "en": {},
}

# The register's status filter (assistant/register_view.STATUS_CHOICES values) in Dutch; English keeps
# the register's own labels.
REGISTER_STATUS_NL = {
    "all": "alle",
    "open": "open",
    "overdue": "over de termijn (rappel)",
    "closed": "afgedaan",
    "partly": "deels voldaan",
    "decisions": "besluiten",
}


def register_columns(columns: list[str], lang: str) -> list[str]:
    names = REGISTER_COLUMNS[lang_of(lang)]
    return [names.get(c, c) for c in columns]


# Gradio's own labels (its buttons follow the browser's language): those its Dutch table lacks.
GRADIO_LABELS = {
    "nl": {"chatbot.copy_message": "Bericht kopiëren", "chatbot.copied_message": "Bericht gekopieerd"},
}
