"""The file a letter was read from, served by the page: only files that were ingested, only unchanged.

A letter is named by its key, never by a path, so no request can reach another file; the bytes must
still have the digest recorded at ingest. Nothing is served as active content: HTML and XML come as
downloads, everything under a sandbox policy and with sniffing off.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

from ingest.model import Letter

INLINE = {"pdf": "application/pdf", "text": "text/plain; charset=utf-8"}
ATTACHMENT = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "html": "application/octet-stream",
    "xml": "application/octet-stream",
}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, max-age=300",
}


def source_path(letter: Letter) -> Path | None:
    """The letter's file if it is still there with the bytes that were ingested."""
    path = Path(letter.source)
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return path if digest.hexdigest() == letter.digest else None


def has_file(letter: Letter) -> bool:
    """Cheap check for the page's links; the route checks the digest before it serves."""
    return Path(letter.source).is_file()


def mount(api: FastAPI, letters: Callable[[], dict[str, Letter]], path: str = "/letters/file") -> None:
    """GET {path}/{letter key}: the letter's source file, or 404."""

    @api.get(path + "/{letter_id:path}", include_in_schema=False)
    def letter_file(letter_id: str) -> FileResponse:
        letter = letters().get(letter_id)
        found = source_path(letter) if letter is not None else None
        if letter is None or found is None:
            raise HTTPException(status_code=404, detail="no such letter file")
        media = INLINE.get(letter.format) or ATTACHMENT.get(letter.format, "application/octet-stream")
        disposition = "inline" if letter.format in INLINE else "attachment"
        return FileResponse(
            found,
            media_type=media,
            filename=found.name,
            content_disposition_type=disposition,
            headers=HEADERS,
        )
