"""PDF text via unstructured's fast path (pdfminer; no layout model, no OCR), lines kept, pages as "\\f"."""

from __future__ import annotations

import io

from pdfminer.layout import LTContainer, LTItem, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSException

from ingest.offline_nlp import opt_out_of_telemetry

opt_out_of_telemetry()  # before the first import of unstructured; this path needs no spaCy

from unstructured.partition.pdf_image.pdfminer_utils import (  # noqa: E402
    get_text_with_deduplication,
    open_pdfminer_pages_generator,
)
from unstructured.partition.utils.config import env_config  # noqa: E402

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


def _item_text(item: LTItem) -> str:
    # Text boxes and lines are read the way unstructured's fast path reads them (it drops the
    # characters of fake-bold text that is printed twice); figures may hold loose text lines.
    if isinstance(item, (LTTextBox, LTTextLine)):
        return get_text_with_deduplication(item, env_config.PDF_CHAR_DUPLICATE_THRESHOLD)
    if isinstance(item, LTContainer):
        return "".join(_item_text(child) for child in item)
    return ""


def _page_text(layout: LTContainer) -> str:
    """Text boxes in pdfminer's reading order, each with its own lines, separated by blank lines."""
    boxes = [_item_text(item).rstrip("\n") for item in layout]
    return "\n\n".join(box for box in boxes if box.strip()) + "\n"


def pdf_pages(data: bytes) -> list[str]:
    """Text of each page of a PDF; raises PdfError with the reason when it cannot be read."""
    check_pdf_bytes(data)
    pages: list[str] = []
    try:
        # unstructured's page generator: pdfminer with its own layout parameters, repairing
        # pages with malformed dictionaries through pikepdf. Password "" opens PDFs that are
        # encrypted only against editing, as every PDF reader does.
        for _page, layout in open_pdfminer_pages_generator(io.BytesIO(data), password=""):
            pages.append(_page_text(layout))
    except PDFPasswordIncorrect as exc:
        raise PdfError("encrypted PDF (needs a password)") from exc
    except PDFEncryptionError as exc:
        raise PdfError(f"encrypted PDF (unsupported encryption: {exc})") from exc
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # pdfminer signals broken structure with these; none of them is actionable beyond
        # "this file is damaged", so name the file as corrupt and keep the detail.
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise PdfError(f"corrupt PDF ({detail})") from exc
    except Exception as exc:  # pikepdf's repair raises its own PdfError family
        if type(exc).__module__.startswith("pikepdf"):
            raise PdfError(f"corrupt PDF (repair failed: {exc})") from exc
        raise
    if not pages:
        raise PdfError("corrupt PDF (no pages)")
    if not any(page.strip() for page in pages):
        raise PdfError("PDF has no extractable text (scanned?)")
    return pages
