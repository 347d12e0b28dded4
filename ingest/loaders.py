"""Find input files and read each into a RawDocument (PDF, DOCX, HTML, text, XML), offline."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ingest.errors import InputError
from ingest.limits import (
    Limits,
    docx_archive_reason,
    file_size_reason,
    html_paragraph_reason,
    pdf_page_count,
    pdf_pages_reason,
    text_reason,
)
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


def _walk(folder: Path, follow_symlinks: bool) -> tuple[list[Path], list[Path]]:
    """(regular files and file links, links to folders not followed) under folder, hidden ones skipped.

    Folder links are followed only with follow_symlinks, and each real folder is walked once, so a
    link loop ends."""
    files: list[Path] = []
    folder_links: list[Path] = []
    seen: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=follow_symlinks):
        here = Path(dirpath)
        real = here.resolve()
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if not follow_symlinks and (here / name).is_symlink():
                folder_links.append(here / name)
            else:
                kept.append(name)
        dirnames[:] = kept
        files += [here / n for n in filenames if not n.startswith(".") and not _hidden(here / n, folder)]
    return sorted(files), folder_links


def _inside(target: Path, roots: list[Path]) -> bool:
    return any(target == root or root in target.parents for root in roots)


def discover(paths: list[Path], follow_symlinks: bool = False) -> tuple[list[Path], list[InputError]]:
    """Expand folders recursively (sorted, hidden entries skipped); unreadable paths become errors.

    A symbolic link met inside a folder is read only when it points inside the paths given, unless
    follow_symlinks (a path given by name is always read: it was asked for). A folder with nothing to
    read is an error, so a mistyped folder does not pass in silence."""
    found: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    roots = [p.resolve() for p in paths if p.exists()]

    def take(path: Path) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        if format_of(path) is None:
            errors.append(_unsupported(path))
        else:
            found.append(path)

    def linked(path: Path) -> bool:
        """Whether a link met while walking may be read; a refused link becomes an error."""
        target = path.resolve()
        if not target.exists():
            errors.append(InputError(str(path), f"broken symbolic link (to {target})"))
            return False
        if follow_symlinks or _inside(target, roots):
            return True
        errors.append(
            InputError(
                str(path),
                f"symbolic link to {target}, outside the paths given; pass --follow-symlinks to read it",
            )
        )
        return False

    for path in paths:
        if path.is_dir():
            files, folder_links = _walk(path, follow_symlinks)
            for link in folder_links:
                linked(link)  # inside the paths given: its files are read where they really are
            for child in files:
                if child.is_symlink() and not linked(child):
                    continue
                if child.is_file():
                    take(child)
            if not files and not folder_links:
                looked = ", ".join(sorted(EXTENSIONS))
                errors.append(InputError(str(path), f"no files to read in this folder (looked for {looked})"))
        elif path.is_file():
            take(path)
        else:
            errors.append(InputError(str(path), "no such file or folder"))
    return found, errors


def file_digest(path: Path, limits: Limits | None = None) -> str:
    """sha256 of a file's bytes (what RawDocument.digest holds); raises InputError when unreadable
    or larger than the limit."""
    h = hashlib.sha256()
    try:
        too_big = file_size_reason(path.stat().st_size, limits or Limits())
        if too_big:
            raise InputError(str(path), too_big)
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    return h.hexdigest()


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


def load_document(path: Path, limits: Limits | None = None) -> RawDocument:
    """Read one file; raises InputError(path, reason) for anything that is not a readable letter,
    or that is past one of the limits (checked before the step each one guards)."""
    limits = limits or Limits()
    fmt = format_of(path)
    if fmt is None:
        raise _unsupported(path)
    try:
        size = path.stat().st_size
        too_big = file_size_reason(size, limits)
        if too_big:
            raise InputError(str(path), too_big)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    return load_bytes(data, path, limits)


def load_bytes(data: bytes, path: Path, limits: Limits | None = None) -> RawDocument:
    """Read a file's bytes as the format its name says; raises InputError(path, reason) like load_document."""
    limits = limits or Limits()
    fmt = format_of(path)
    if fmt is None:
        raise _unsupported(path)
    if not data.strip():
        raise InputError(str(path), "empty file")
    refused = _before_reading(fmt, data, limits)
    if refused:
        raise InputError(str(path), refused)
    try:
        doc = _read_pdf(data, limits.max_pdf_pages) if fmt == "pdf" else _READERS[fmt](data)
    except _Reason as exc:
        raise InputError(str(path), " ".join(str(exc).split())) from exc
    except Exception as exc:
        # A parser failing in a way we did not foresee still names one file; ingesting the
        # other files must go on. The exception class keeps the cause findable.
        reason = f"cannot read this {fmt.upper()} file ({type(exc).__name__}: {exc})"
        raise InputError(str(path), " ".join(reason.split())) from exc
    if not doc.text.strip():
        raise InputError(str(path), f"no text in this {fmt.upper()} file")
    refused = _after_reading(fmt, doc, limits)
    if refused:
        raise InputError(str(path), refused)
    return replace(doc, source=str(path), format=fmt, digest=hashlib.sha256(data).hexdigest())


def _before_reading(fmt: str, data: bytes, limits: Limits) -> str | None:
    """The limits that can be checked on the bytes, before a reader inflates or parses them."""
    if fmt == "docx":
        return docx_archive_reason(data, limits)
    if fmt == "pdf":
        pages = pdf_page_count(data)
        return pdf_pages_reason(pages, limits) if pages is not None else None
    if fmt == "html":
        try:
            text, _ = decode_html(data)
        except TextDecodingError:
            return None  # the reader says why it is not text
        return html_paragraph_reason(text, limits)
    return None


def _after_reading(fmt: str, doc: RawDocument, limits: Limits) -> str | None:
    if fmt == "pdf":
        refused = pdf_pages_reason(doc.text.count("\f") + 1, limits)  # a page tree pikepdf could not read
        if refused:
            return refused
    return text_reason(doc.text, tuple(b.text for b in doc.blocks), limits)


class _Reason(Exception):
    """A reader's one-line reason; load_document turns it into an InputError naming the file."""


def _doc(**fields: object) -> RawDocument:
    return RawDocument(source="", format="", digest="", **fields)  # type: ignore[arg-type]


def _decoded(decode: Callable[[bytes], tuple[str, str | None]], data: bytes) -> tuple[str, str | None]:
    try:
        return decode(data)
    except TextDecodingError as exc:
        raise _Reason(str(exc)) from exc
