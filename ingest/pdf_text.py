"""PDF pages read once through pdfminer (unstructured's page reader) into lines with size and position."""

from __future__ import annotations

import io
from collections.abc import Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.psparser import PSException, PSSyntaxError

from ingest.pdf_page import Page, PdfLayout, body_size, page_lines

# A PDF starts with "%PDF-" (the spec allows junk before it within the first 1024 bytes) and
# ends with "%%EOF"; a download cut short loses the end marker and with it the cross-reference
# table, and pdfminer would then quietly return whatever pages it could still find.
_HEADER_WINDOW = 1024
_EOF_WINDOW = 16 * 1024


class PdfError(ValueError):
    """A PDF that cannot be read; the message is the one-line reason shown to the user."""


def check_pdf_bytes(data: bytes) -> None:
    """Reject what is visibly not a whole PDF before handing it to the parser."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise PdfError("not a PDF (bad header)")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise PdfError("corrupt PDF (truncated: no end-of-file marker)")


def _layouts(data: bytes, max_pages: int | None) -> Iterator[LTPage]:
    """pdfminer's layout of each page; every way a PDF can fail becomes a PdfError."""
    check_pdf_bytes(data)
    count = 0
    try:
        for layout in _pages(data):
            count += 1
            if max_pages is not None and count > max_pages:
                raise PdfError(f"too many pages (more than the limit of {max_pages})")
            yield layout
    except PDFPasswordIncorrect as exc:
        raise PdfError("encrypted PDF (needs a password)") from exc
    except PDFEncryptionError as exc:
        raise PdfError(f"encrypted PDF (unsupported encryption: {exc})") from exc
    except PdfError:
        raise
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # pdfminer signals broken structure with these; none of them is actionable beyond
        # "this file is damaged", so name the file as corrupt and keep the detail.
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise PdfError(f"corrupt PDF ({detail})") from exc
    except Exception as exc:  # pikepdf's repair raises its own PdfError family
        if type(exc).__module__.startswith("pikepdf"):
            raise PdfError(f"corrupt PDF (repair failed: {exc})") from exc
        raise
    if count == 0:
        raise PdfError("corrupt PDF (no pages)")


def _pages(data: bytes) -> Iterator[LTPage]:
    """pdfminer with its own fonts and default layout parameters (unstructured's font classes
    misjudge some glyph widths and split words: "P agina"); a file with malformed dictionaries
    is repaired through pikepdf first, as unstructured does. Password "" opens PDFs that are
    encrypted only against editing, as every PDF reader does."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    try:
        pages = list(PDFPage.get_pages(io.BytesIO(data), password=""))
    except PSSyntaxError:
        import pikepdf

        repaired = io.BytesIO()
        with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
            pdf.save(repaired)
        pages = list(PDFPage.get_pages(io.BytesIO(repaired.getvalue()), password=""))
    for page in pages:
        interpreter.process_page(page)
        yield device.get_result()


def read_layout(data: bytes, max_pages: int | None = None) -> PdfLayout:
    """Every page's lines with size, position and weight; raises PdfError with the reason."""
    pages: list[Page] = []
    for number, layout in enumerate(_layouts(data, max_pages), 1):
        width, height = layout.width, layout.height
        pages.append(Page(number, width, height, page_lines(number, layout, height)))
    return PdfLayout(tuple(pages), body_size(line for page in pages for line in page.lines))
