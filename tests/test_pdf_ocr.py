"""Scanned PDFs: a page the test typesets, rasterises and wraps as an image-only PDF, read back by OCR."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.loaders import load_document
from ingest.parse import parse_letter

SENTENCES = [
    "Geachte voorzitter,",
    "Hierbij informeer ik uw Kamer over de voortgang van de digitale overheid.",
    "De minister heeft toegezegd de Kamer voor de zomer te informeren.",
]


def scanned_pdf(tmp_path: Path) -> Path:
    """WeasyPrint -> PDF -> a 200 dpi greyscale image of the page -> a PDF holding only that image."""
    pytest.importorskip("weasyprint")
    import pypdfium2 as pdfium
    from weasyprint import HTML

    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    html = f"<html><body style='font: 12pt DejaVu Serif; margin: 30mm'>{body}</body></html>"
    pdf = pdfium.PdfDocument(HTML(string=html).write_pdf())
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=200)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_scanned_page_is_read_by_ocr(tmp_path):
    path = scanned_pdf(tmp_path)
    raw = load_document(path)
    flat = " ".join(raw.text.split())
    for sentence in SENTENCES:
        assert sentence in flat, (sentence, flat)
    assert raw.blocks == () and any("OCR" in note for note in raw.notes)  # the plain-text path reads it
    letter = parse_letter(raw)
    assert "voortgang van de digitale overheid" in letter.text
    assert any("OCR" in note for note in letter.reader_notes)


def test_without_tesseract_one_clear_line(tmp_path, monkeypatch):
    path = scanned_pdf(tmp_path)
    monkeypatch.setattr("ingest.ocr.shutil.which", lambda name: None)
    with pytest.raises(InputError) as info:
        load_document(path)
    reason = info.value.reason
    assert "no extractable text" in reason and "tesseract-ocr-nld" in reason and "\n" not in reason
