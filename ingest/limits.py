"""What one input may cost: the limits from the settings, checked before the expensive step they guard.

Each check returns the reason a file is refused (None when it passes) or raises QuestionError for a
question; every reason names the limit and the setting that sets it, so a user can raise it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, fields

from ingest.errors import QuestionError
from ingest.settings import Settings


@dataclass(frozen=True)
class Limits:
    """The limits a reader needs (a subset of Settings, so readers need not know the rest)."""

    max_file_bytes: int = Settings.max_file_bytes
    max_docx_uncompressed_bytes: int = Settings.max_docx_uncompressed_bytes
    max_docx_members: int = Settings.max_docx_members
    max_pdf_pages: int = Settings.max_pdf_pages
    max_paragraph_chars: int = Settings.max_paragraph_chars
    max_letter_chars: int = Settings.max_letter_chars

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})


def _setting(name: str) -> str:
    return f"(setting {name}, env BRIEVEN_{name.upper()})"


def _n(value: int) -> str:
    return f"{value:,}"


def file_size_reason(size: int, limits: Limits) -> str | None:
    if size > limits.max_file_bytes:
        return (
            f"file of {_n(size)} bytes; the limit is {_n(limits.max_file_bytes)} {_setting('max_file_bytes')}"
        )
    return None


def docx_archive_reason(data: bytes, limits: Limits) -> str | None:
    """Members and their declared sizes, read from the zip's central directory before anything is
    inflated. zipfile never inflates a member past its declared size (a lying header fails the CRC),
    so the declared sizes bound what reading the DOCX can cost."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # the DOCX reader names what is wrong with it
    if len(members) > limits.max_docx_members:
        return (
            f"DOCX with {_n(len(members))} parts; the limit is {_n(limits.max_docx_members)} "
            f"{_setting('max_docx_members')}"
        )
    total = sum(m.file_size for m in members)
    if total > limits.max_docx_uncompressed_bytes:
        return (
            f"DOCX that expands to {_n(total)} bytes; the limit is {_n(limits.max_docx_uncompressed_bytes)} "
            f"{_setting('max_docx_uncompressed_bytes')}"
        )
    return None


def pdf_pages_reason(pages: int, limits: Limits) -> str | None:
    if pages > limits.max_pdf_pages:
        return (
            f"PDF of {_n(pages)} pages; the limit is {_n(limits.max_pdf_pages)} {_setting('max_pdf_pages')}"
        )
    return None


def pdf_page_count(data: bytes) -> int | None:
    """Pages in a PDF's page tree, read without extracting any text; None when it cannot be opened
    (the PDF reader then names what is wrong)."""
    try:
        import pikepdf

        with pikepdf.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages)
    except Exception:  # any failure here is the reader's to report, with its own reason
        return None


def _paragraph_reason(longest: int, limits: Limits) -> str | None:
    if longest > limits.max_paragraph_chars:
        return (
            f"a paragraph of {_n(longest)} characters; the limit is {_n(limits.max_paragraph_chars)} "
            f"{_setting('max_paragraph_chars')}"
        )
    return None


_TEXT_RUN = re.compile(r"[^<]+")
# libxml2, under the HTML parser, cuts a text node at 10,000,000 bytes and silently drops the rest of
# the document; 2,500,000 characters stay below that in any UTF-8 (at most 4 bytes a character).
HTML_PARSER_TEXT_CHARS = 2_500_000


def html_paragraph_reason(html: str, limits: Limits) -> str | None:
    """Refuse markup with a text run the HTML parser would cut, before it is parsed. Shorter runs are
    parsed, and the paragraphs they give are checked against max_paragraph_chars like any letter's
    (a long run in a <script> is not a paragraph, so it is not refused for that)."""
    longest = max((m.end() - m.start() for m in _TEXT_RUN.finditer(html)), default=0)
    if longest > HTML_PARSER_TEXT_CHARS:
        return (
            f"a paragraph of {_n(longest)} characters; the HTML reader reads at most "
            f"{_n(HTML_PARSER_TEXT_CHARS)} characters between two tags whole"
        )
    return None


def text_reason(text: str, blocks: tuple[str, ...], limits: Limits) -> str | None:
    """A letter's text as read: its length, and its longest paragraph (a structured reader's block,
    else a line: plain-text letters often have no blank lines, so a line is what a paragraph is built
    from)."""
    if len(text) > limits.max_letter_chars:
        return (
            f"{_n(len(text))} characters of text; the limit is {_n(limits.max_letter_chars)} "
            f"{_setting('max_letter_chars')}"
        )
    parts = blocks or text.split("\n")
    return _paragraph_reason(max((len(p) for p in parts), default=0), limits)


def check_question(question: str, settings: Settings, allow_empty: bool = True) -> str:
    """The question if it can be asked: valid text (no lone surrogates, which no encoder accepts),
    within max_question_chars, not blank unless allow_empty; raises QuestionError otherwise."""
    if len(question) > settings.max_question_chars:
        raise QuestionError(
            f"the question is {_n(len(question))} characters long; the limit is "
            f"{_n(settings.max_question_chars)} {_setting('max_question_chars')}"
        )
    try:
        question.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QuestionError(
            f"the question is not valid text (character {exc.start + 1} is half of a UTF-16 pair "
            "or an undecodable byte)"
        ) from exc
    if not allow_empty and not question.strip():
        raise QuestionError("the question is empty")
    return question
