"""The chat page's document says the page's language from its first byte (ASGI middleware).

Gradio's page template says `<html lang="en">`, and Gradio's own translations then set it to the
browser's locale (an English browser: "en"), while the page is in Dutch until the language switch says
otherwise; a screen reader would read the Dutch page as English. So the HTML served at the page's
address names the page's default language and carries, first in its <head> (before Gradio's scripts),
static/lang.js, which keeps the document to the language the switch chose (window.__brievenLang).
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.http_limits import App, Message, Receive, Scope, Send

LANG_JS = Path(__file__).parent / "static" / "lang.js"
HTML_TAG = re.compile(rb"(<html\b[^>]*?\blang=\")[^\"]*(\")", re.IGNORECASE)
HEAD_TAG = re.compile(rb"<head\b[^>]*>", re.IGNORECASE)
TOP = 2048  # the <html> and <head> tags open the template


def page_document(body: bytes, lang: str, script: str) -> bytes:
    """The page's HTML with `lang` on its <html> tag and `script` first in its <head>."""
    top, rest = body[:TOP], body[TOP:]
    top = HTML_TAG.sub(lambda m: m.group(1) + lang.encode("ascii") + m.group(2), top, count=1)
    tag = f"<script>{script}</script>".encode()
    top = HEAD_TAG.sub(lambda m: m.group(0) + tag, top, count=1)
    return top + rest


class PageLanguage:
    """Rewrite the page's HTML (a GET/HEAD of `path` answered with uncompressed HTML); all else passes."""

    def __init__(self, app: App, lang: str, path: str = "/") -> None:
        self.app = app
        self.lang = lang
        self.path = path
        self.script = LANG_JS.read_text(encoding="utf-8").replace("__DEFAULT__", lang)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope.get("type") != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or scope.get("path") != self.path
        ):
            await self.app(scope, receive, send)
            return
        start: Message | None = None  # held back until the first body: the length changes

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", ()))
                if headers.get(b"content-type", b"").startswith(b"text/html") and (
                    b"content-encoding" not in headers
                ):
                    start = message
                    return
            elif message["type"] == "http.response.body" and start is not None:
                held, start = start, None
                body = message.get("body", b"")
                # Starlette renders the body for a HEAD too (the server drops it), so both are rewritten.
                new = page_document(body, self.lang, self.script)
                headers = [(k, v) for k, v in held.get("headers", ()) if k != b"content-length"]
                if not message.get("more_body", False):
                    headers.append((b"content-length", str(len(new)).encode("ascii")))
                await send({**held, "headers": headers})
                message = {**message, "body": new}
            await send(message)

        await self.app(scope, receive, rewrite)
