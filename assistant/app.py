"""The Gradio chat page and the HTTP API (`POST /api/ask`, Gradio's `/ask`), served by `brieven serve`."""

from __future__ import annotations

from datetime import date
from typing import Any

import gradio as gr
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from assistant import page, register_view, source_files
from assistant.answer_json import answer_to_json
from assistant.engine import Engine, open_engine
from assistant.i18n import GRADIO_LABELS
from assistant.page import parse_filters
from ingest.errors import BrievenError
from ingest.model import SearchFilter
from ingest.settings import Settings

# System fonts only: the page must not reach for web fonts when offline.
THEME = gr.themes.Default(font=["system-ui", "Segoe UI", "Arial", "sans-serif"], font_mono=["monospace"])


class _Current:
    """The engine the page answers with; after letters are added from the page it is reopened over the
    new snapshot, sharing the embedding model (the old engine serves the requests already running)."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine

    def get(self) -> Engine:
        return self.engine

    def refresh(self) -> Engine:
        from index.hybrid import open_searcher

        old = self.engine
        embedder = getattr(old.searcher, "_embedder", None)
        searcher = open_searcher(self.settings, embedder=embedder)
        snap = searcher.snapshot
        self.engine = Engine(
            searcher,
            self.settings,
            chunks=snap.chunks,
            llm=old.llm,
            letters=list(snap.letters.values()),
            mentions=snap.mentions,
        )
        return self.engine


def build_app(
    settings: Settings, engine: Engine | None = None, upload: bool = True, current: _Current | None = None
) -> gr.Blocks:
    """The chat page (assistant/page.py) with Gradio's `/ask` API endpoint."""
    current = current or _Current(settings, engine or open_engine(settings))

    def ask_api(
        question: str, letters: list[str] | None = None, date_from: str = "", date_to: str = ""
    ) -> dict:
        """The same answer as `brieven ask --json`, for one question without conversation."""
        answer = current.get().answer(question, filters=parse_filters(letters, date_from, date_to))
        return answer_to_json(answer)

    return page.build_page(
        settings, current.get, upload=upload, refresh=current.refresh, apis=[(ask_api, "ask")]
    )


class AskRequest(BaseModel):
    question: str = Field(min_length=1)
    letters: list[str] = []
    date_from: date | None = None
    date_to: date | None = None
    k: int | None = Field(default=None, ge=1, le=50)


def create_server(settings: Settings, engine: Engine | None = None, upload: bool = True) -> FastAPI:
    """FastAPI with `POST /api/ask` (the `brieven ask --json` shape) and the chat page mounted at /.

    With `upload`, letters can be added from the page (`brieven serve --no-upload` turns it off)."""
    engine = engine or open_engine(settings)
    current = _Current(settings, engine)
    api = FastAPI(title="brieven", docs_url="/api/docs", openapi_url="/api/openapi.json")

    @api.post("/api/ask")
    def ask(request: AskRequest) -> dict[str, Any]:
        filters = None
        if request.letters or request.date_from or request.date_to:
            filters = SearchFilter(tuple(request.letters), request.date_from, request.date_to)
        try:
            return answer_to_json(current.get().answer(request.question, filters=filters, k=request.k))
        except BrievenError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc

    source_files.mount(api, lambda: current.get().letter_map)
    blocks = build_app(settings, upload=upload, current=current)
    css = page.page_css() + register_view.CSS
    return gr.mount_gradio_app(
        api,
        blocks,
        path="/",
        css=css,
        js=page.page_js(),
        theme=THEME,
        footer_links=["api"],
        max_file_size=settings.max_file_bytes,
        i18n=gr.I18n(**GRADIO_LABELS),
    )
