"""Limits on what one HTTP request may send, enforced before the app reads it (ASGI middleware).

Bodies are counted as they arrive and refused (413) as soon as they pass the limit; an upload to
Gradio (`/gradio_api/upload`, multipart) is also limited in its number of files, counted by the
multipart boundaries that pass. Gradio's own limit (max_file_size) bounds each file besides.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

API_BODY_BYTES = 1_000_000  # a question with filters fits in a few kilobytes


def _boundary(scope: Scope) -> bytes | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-type" and b"boundary=" in value:
            return value.split(b"boundary=", 1)[1].split(b";")[0].strip(b'"')
    return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class RequestLimits:
    """ASGI middleware: POST bodies to /api/ are capped; uploads are capped in bytes and files."""

    def __init__(self, app: App, max_upload_bytes: int, max_upload_files: int) -> None:
        self.app = app
        self.max_upload_bytes = max_upload_bytes
        self.max_upload_files = max_upload_files

    def _limits(self, scope: Scope) -> tuple[int, int | None] | None:
        path = scope.get("path", "")
        if scope.get("type") != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            return None
        if path.endswith("/upload"):
            return self.max_upload_bytes, self.max_upload_files
        if path.startswith("/api/"):
            return API_BODY_BYTES, None
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limits = self._limits(scope)
        if limits is None:
            await self.app(scope, receive, send)
            return
        max_bytes, max_files = limits
        declared = _content_length(scope)
        if declared is not None and declared > max_bytes:
            await _respond(send, 413, f"request body of {declared:,} bytes; the limit is {max_bytes:,}")
            return
        boundary = _boundary(scope) if max_files else None
        delimiter = b"--" + boundary if boundary else None
        # The body is taken in whole (spooled to disk past 1 MB) before the app sees a byte, so a
        # refusal is a clean 413 and never a half-read upload in Gradio's temporary folder.
        spool = tempfile.SpooledTemporaryFile(max_size=1 << 20)
        size, delimiters, tail = 0, 0, b""
        while True:
            message = await receive()
            if message.get("type") == "http.disconnect":
                spool.close()
                return
            body = message.get("body", b"")
            size += len(body)
            if size > max_bytes:
                spool.close()
                await _respond(send, 413, f"request body over {max_bytes:,} bytes")
                return
            if delimiter is not None:
                data = tail + body
                delimiters += data.count(delimiter)  # the tail is shorter than a delimiter: none twice
                tail = data[-(len(delimiter) - 1) :]
                if max_files is not None and delimiters - 1 > max_files:
                    spool.close()
                    await _respond(send, 413, f"more than {max_files} files in one upload")
                    return
            spool.write(body)
            if not message.get("more_body", False):
                break
        spool.seek(0)
        done = False

        async def replay() -> Message:
            nonlocal done
            if done:
                return await receive()  # only a disconnect can come now
            chunk = spool.read(1 << 16)
            more = bool(chunk) and spool.tell() < size
            if not more:
                done = True
                spool.close()
            return {"type": "http.request", "body": chunk, "more_body": more}

        await self.app(scope, replay, send)


async def _respond(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
