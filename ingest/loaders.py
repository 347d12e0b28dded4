"""Find input files and read each into a RawDocument (PDF, DOCX, HTML, text, XML), offline."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ingest.errors import InputError
from ingest.model import Block, Footnote, Member
from ingest.offline_nlp import ensure_offline, opt_out_of_telemetry
from ingest.text_decoding import TextDecodingError, decode_html, decode_text

opt_out_of_telemetry()  # before anything imports unstructured: no telemetry ping

# File extensions (lower case) and the format each is read as.
EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".xml": "xml",
}
# Formats we know but cannot read: a hint is kinder than "unsupported".
_HINTS = {".rtf": "save it as .docx", ".odt": "save it as .docx"}


@dataclass(frozen=True)
class RawDocument:
    """A file's text before cleaning, with what its format tells structurally."""

    source: str  # path as given
    format: str  # "pdf" | "docx" | "doc" | "html" | "text" | "xml"
    digest: str  # sha256 hex of the file bytes
    text: str  # pages separated by "\f" (PDF); paragraphs by blank lines; .txt verbatim
    # Only where the format marks footnotes (XML <noot>, Word footnotes); their body markers
    # are "[n]" in text at the marker position.
    footnotes: tuple[Footnote, ...] = ()
    title: str | None = None
    date: date | None = None
    kamerstuk: str | None = None  # "26643 nr. 1341" from XML metadata
    sender: str | None = None
    addressee: str | None = None
    kind: str | None = None  # "Motie", ... from XML metadata
    identifier: str | None = None  # XML DC.identifier, e.g. "kst-26643-1341"
    notes: tuple[str, ...] = ()  # what the reader had to do, e.g. "decoded as Windows-1252"
    # Structured readers give the body as blocks (headings, paragraphs, list items, table rows);
    # the parser then uses them instead of reading layout from `text` (which stays the full text).
    blocks: tuple[Block, ...] = ()
    kenmerk: str | None = None
    indieners: tuple[Member, ...] = ()
    replaces: tuple[str, ...] = ()  # Kamerstuk ids a (nader) gewijzigde motie replaces
    reader_notes: tuple[str, ...] = ()  # doubts about this document, shown per letter in the report


def format_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def _unsupported(path: Path) -> InputError:
    suffix = path.suffix.lower()
    if not suffix:
        return InputError(str(path), "unsupported file type (no extension)")
    hint = f"; {_HINTS[suffix]}" if suffix in _HINTS else ""
    return InputError(str(path), f"unsupported file type {suffix}{hint}")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand folders recursively (sorted, hidden entries skipped); unreadable paths become errors."""
    found: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def take(path: Path) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        if format_of(path) is None:
            errors.append(_unsupported(path))
        else:
            found.append(path)

    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                take(child)
        elif path.is_file():
            take(path)
        else:
            errors.append(InputError(str(path), "no such file or folder"))
    return found, errors


def _read_pdf(data: bytes, max_pages: int | None = None) -> RawDocument:
    """A PDF read from its layout (ingest/pdf_layout.py); a scan without a text layer by OCR.

    More than max_pages pages are refused with that reason."""
    from ingest.pdf_layout import read_pdf_layout
    from ingest.pdf_text import PdfError, read_layout

    try:
        layout = read_layout(data, max_pages)
    except PdfError as exc:
        raise _Reason(str(exc)) from exc
    if not layout.has_text:
        return _read_scanned(data, max_pages)
    pdf = read_pdf_layout(layout)
    return _doc(
        text=pdf.text,
        blocks=pdf.blocks,
        footnotes=pdf.footnotes,
        title=pdf.title,
        date=pdf.date,
        kamerstuk=pdf.kamerstuk,
        sender=pdf.sender,
        addressee=pdf.addressee,
        kind=pdf.kind,
        kenmerk=pdf.kenmerk,
        indieners=pdf.indieners,
        reader_notes=pdf.reader_notes,
    )


def _read_scanned(data: bytes, max_pages: int | None) -> RawDocument:
    """A PDF without a text layer, read by OCR; its text goes the plain-text way."""
    from ingest.ocr import OcrUnavailable, ocr_pages

    try:
        pages = ocr_pages(data, max_pages)
    except OcrUnavailable as exc:
        raise _Reason(f"PDF has no extractable text (scanned?); {exc}") from exc
    except ValueError as exc:
        raise _Reason(str(exc)) from exc
    if not any(page.strip() for page in pages):
        raise _Reason("PDF has no extractable text (scanned, and OCR found none)")
    note = "no text layer: read by OCR (tesseract, Dutch); OCR text may hold misread words"
    return _doc(text="\f".join(pages), notes=(note,), reader_notes=(note,))


def _read_docx(data: bytes) -> RawDocument:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _Reason("not a DOCX (not a zip archive)")
    from docx.opc.exceptions import PackageNotFoundError

    from ingest.docx_text import docx_document

    try:
        doc = docx_document(data)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise _Reason(f"corrupt DOCX ({type(exc).__name__}: {exc})") from exc
    return _doc(text=doc.text, footnotes=doc.footnotes, **_structured(doc.blocks))


def _read_doc(data: bytes) -> RawDocument:
    """Word 97-2003 through a Debian converter (antiword, else catdoc, else LibreOffice)."""
    from ingest.doc_convert import ConverterMissing, DocError, doc_text, text_blocks
    from ingest.docx_text import blocks_text

    try:
        text, tool = doc_text(data)
    except ConverterMissing as exc:
        raise _Reason(str(exc)) from exc
    except DocError as exc:
        raise _Reason(str(exc)) from exc
    blocks = text_blocks(text)
    fields = _kamerstuk_fields(blocks)
    if not fields.get("blocks"):
        fields.pop("blocks", None)  # a letter: the text parser reads its layout, as for .txt
    note = f"read through {tool} (Word 97 .doc)"
    return _doc(text=blocks_text(blocks) if blocks else text, notes=(note,), **fields)


def _structured(blocks: tuple[Block, ...]) -> dict[str, object]:
    """A structured reader's blocks, with a printed Kamerstuk header read into the letter's fields."""
    fields = _kamerstuk_fields(blocks)
    fields.setdefault("blocks", blocks)
    return fields


def _kamerstuk_fields(blocks: tuple[Block, ...]) -> dict[str, object]:
    """Kamerstuk, date, chamber from a printed header; for a motie also its title, indieners and body."""
    from ingest.kamerstuk_header import read_kamerstuk

    found = read_kamerstuk(blocks)
    if found is None:
        return {}
    fields: dict[str, object] = {"kamerstuk": found.header.kamerstuk}
    if found.header.chamber:
        fields["addressee"] = found.header.chamber
    if found.kind:  # a motie: its header is metadata, its body the labelled dictum
        fields.update(
            kind=found.kind,
            title=found.title,
            date=found.header.date,
            indieners=found.indieners,
            sender=", ".join(m.name for m in found.indieners) or None,
            replaces=found.replaces,
            blocks=found.blocks,
        )
    return fields


def _read_html(data: bytes) -> RawDocument:
    ensure_offline()  # unstructured's HTML partitioner runs spaCy: use the local Dutch pipeline
    from unstructured.partition.html import partition_html

    from ingest.docx_text import element_blocks, element_text

    text, note = _decoded(decode_html, data)
    elements = partition_html(text=text)
    # A motie published as HTML opens with the same Kamerstuk header: read it into the same fields.
    fields = _kamerstuk_fields(tuple(element_blocks(elements)))
    return _doc(text=element_text(elements), notes=(note,) if note else (), **fields)


def _read_text(data: bytes) -> RawDocument:
    # Verbatim: the parser relies on line structure, leading spaces and blank lines, which
    # unstructured's text partitioner would rewrap.
    text, note = _decoded(decode_text, data)
    return _doc(text=text, notes=(note,) if note else ())


def _read_xml(data: bytes) -> RawDocument:
    from lxml import etree

    from ingest.xml_reader import XmlFormatError, read_publication

    try:
        pub = read_publication(data)
    except etree.XMLSyntaxError as exc:
        raise _Reason(f"malformed XML ({exc.msg})") from exc
    except XmlFormatError as exc:
        raise _Reason(str(exc)) from exc
    return _doc(
        text=pub.text,
        footnotes=pub.footnotes,
        title=pub.title,
        date=pub.date,
        kamerstuk=pub.kamerstuk,
        sender=pub.sender,
        addressee=pub.addressee,
        kind=pub.kind,
        identifier=pub.identifier,
        blocks=pub.blocks,
        indieners=pub.indieners,
        replaces=pub.replaces,
        reader_notes=pub.notes,
    )


_READERS: dict[str, Callable[[bytes], RawDocument]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "doc": _read_doc,
    "html": _read_html,
    "text": _read_text,
    "xml": _read_xml,
}


def load_document(path: Path) -> RawDocument:
    """Read one file; raises InputError(path, reason) for anything that is not a readable letter."""
    fmt = format_of(path)
    if fmt is None:
        raise _unsupported(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    return load_bytes(data, path)


def load_bytes(data: bytes, path: Path) -> RawDocument:
    """Read a file's bytes as the format its name says; raises InputError(path, reason) like load_document."""
    fmt = format_of(path)
    if fmt is None:
        raise _unsupported(path)
    if not data.strip():
        raise InputError(str(path), "empty file")
    try:
        doc = _READERS[fmt](data)
    except _Reason as exc:
        raise InputError(str(path), " ".join(str(exc).split())) from exc
    except Exception as exc:
        # A parser failing in a way we did not foresee still names one file; ingesting the
        # other files must go on. The exception class keeps the cause findable.
        reason = f"cannot read this {fmt.upper()} file ({type(exc).__name__}: {exc})"
        raise InputError(str(path), " ".join(reason.split())) from exc
    if not doc.text.strip():
        raise InputError(str(path), f"no text in this {fmt.upper()} file")
    return replace(doc, source=str(path), format=fmt, digest=hashlib.sha256(data).hexdigest())


class _Reason(Exception):
    """A reader's one-line reason; load_document turns it into an InputError naming the file."""


def _doc(**fields: object) -> RawDocument:
    return RawDocument(source="", format="", digest="", **fields)  # type: ignore[arg-type]


def _decoded(decode: Callable[[bytes], tuple[str, str | None]], data: bytes) -> tuple[str, str | None]:
    try:
        return decode(data)
    except TextDecodingError as exc:
        raise _Reason(str(exc)) from exc
