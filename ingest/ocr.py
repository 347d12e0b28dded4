"""Text of a scanned PDF by OCR: pages rendered with pypdfium2, read by tesseract with Dutch data."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

DPI = 300  # tesseract reads body text best at 300 dpi
LANGUAGE = "nld"
PAGE_TIMEOUT_S = 120


class OcrUnavailable(RuntimeError):
    """tesseract (or its Dutch data) is not installed; the message says what to install."""


def _check_tesseract() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable("OCR needs tesseract: apt-get install tesseract-ocr tesseract-ocr-nld")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    if LANGUAGE not in (langs.stdout + langs.stderr).split():
        raise OcrUnavailable("OCR needs tesseract's Dutch data: apt-get install tesseract-ocr-nld")
    return exe


def ocr_pages(data: bytes, max_pages: int | None = None) -> list[str]:
    """Each page's text as tesseract reads it (Dutch); raises OcrUnavailable without tesseract."""
    exe = _check_tesseract()
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data)
    try:
        count = len(pdf)
        if max_pages is not None and count > max_pages:
            raise ValueError(f"too many pages ({count}, more than the limit of {max_pages})")
        pages: list[str] = []
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(count):
                page = pdf[i]
                if not any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=3)):
                    pages.append("")  # nothing scanned on this page: no need to read it
                    continue
                image = page.render(scale=DPI / 72, grayscale=True).to_pil()
                png = Path(tmp) / f"page{i + 1}.png"
                image.save(png)
                done = subprocess.run(
                    [exe, str(png), "stdout", "-l", LANGUAGE, "--dpi", str(DPI)],
                    capture_output=True,
                    text=True,
                    timeout=PAGE_TIMEOUT_S,
                )
                pages.append(done.stdout if done.returncode == 0 else "")
        return pages
    finally:
        pdf.close()
