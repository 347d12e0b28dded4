"""The Gradio chat page and the HTTP API (`POST /api/ask`, Gradio's `/ask`), served by `brieven serve`."""

from __future__ import annotations

from datetime import date
from typing import Any

import gradio as gr
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from assistant import page, register_view, source_files
from assistant.answer_json import answer_to_json
from assistant.engine import Engine, open_engine
from assistant.history import HistoryError, turns_from_json
from assistant.http_limits import RequestLimits
from assistant.i18n import DEFAULT, GRADIO_LABELS
from assistant.live import LiveEngine
from assistant.page import parse_filters
from assistant.page_language import PageLanguage
from ingest.errors import BrievenError, QuestionError
from ingest.limits import check_question
from ingest.model import SearchFilter
from ingest.settings import Settings

# System fonts only: the page must not reach for web fonts when offline.
THEME = gr.themes.Default(font=["system-ui", "Segoe UI", "Arial", "sans-serif"], font_mono=["monospace"])


def build_app(
    settings: Settings, engine: Engine | None = None, upload: bool = True, live: LiveEngine | None = None
) -> gr.Blocks:
    """The chat page (assistant/page.py) with Gradio's `/ask` API endpoint.

    Every answer comes from `live.get()`, the engine over the current snapshot (letters ingested
    elsewhere, or uploaded on the page, appear without a restart)."""
    live = live or LiveEngine(settings, engine or open_engine(settings), watch=engine is None)

    def ask_api(
        question: str, letters: list[str] | None = None, date_from: str = "", date_to: str = ""
    ) -> dict:
        """The same answer as `brieven ask --json`, for one question without conversation."""
        try:
            check_question(question or "", settings, allow_empty=False)
            answer = live.get().answer(question, filters=parse_filters(letters, date_from, date_to))
        except BrievenError as exc:
            raise gr.Error(str(exc)) from exc
        return answer_to_json(answer)

    return page.build_page(settings, live.get, upload=upload, refresh=live.refresh, apis=[(ask_api, "ask")])


class AskRequest(BaseModel):
    question: str = Field(min_length=1)
    letters: list[str] = []
    date_from: date | None = None
    date_to: date | None = None
    k: int | None = Field(default=None, ge=1, le=50)
    # The conversation so far, oldest first: turns as this endpoint returns them (at least "question").
    history: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("question")
    @classmethod
    def _asked(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the question is empty")
        return _valid_text(value, "the question")

    @field_validator("letters")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        return [_valid_text(v, "a letter id") for v in value]


def _valid_text(value: str, what: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{what} is not valid text (a lone UTF-16 surrogate at {exc.start + 1})") from None
    return value


def _printable(value: Any) -> Any:
    """A value safe to encode as JSON in an error reply (lone surrogates replaced)."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable(v) for v in value]
    return value


async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    # FastAPI's own handler echoes the input, which fails to encode when it holds a lone surrogate
    errors = [{k: _printable(v) for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
    return JSONResponse({"detail": errors}, status_code=422)


def create_server(
    settings: Settings, engine: Engine | None = None, watch: bool | None = None, upload: bool = True
) -> FastAPI:
    """FastAPI with `POST /api/ask` (the `brieven ask --json` shape) and the chat page mounted at /.

    With watch (the default when the server opens the index itself), a new snapshot written by an
    ingest is picked up between requests (assistant/live.py). With `upload`, letters can be added
    from the page (`brieven serve --no-upload` turns it off)."""
    watch = engine is None if watch is None else watch
    engine = engine or open_engine(settings)
    live = LiveEngine(settings, engine, watch=watch)
    api = FastAPI(title="brieven", docs_url="/api/docs", openapi_url="/api/openapi.json")
    api.add_exception_handler(RequestValidationError, _invalid_request)
    api.add_middleware(
        RequestLimits, max_upload_bytes=settings.max_upload_bytes, max_upload_files=settings.max_upload_files
    )
    api.add_middleware(PageLanguage, lang=DEFAULT)  # the page opens in Dutch: its HTML says so

    @api.post("/api/ask")
    def ask(request: AskRequest) -> dict[str, Any]:
        filters = None
        if request.letters or request.date_from or request.date_to:
            filters = SearchFilter(tuple(request.letters), request.date_from, request.date_to)
        try:
            check_question(request.question, settings, allow_empty=False)
        except QuestionError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        current = live.get()
        try:
            turns = turns_from_json(request.history, current.chunk_map, current.letter_map, settings)
        except HistoryError as exc:  # too many turns or characters, or a turn without its question
            raise HTTPException(status_code=422, detail=exc.reason) from exc
        try:
            answer = current.answer(request.question, history=turns, filters=filters, k=request.k)
            return answer_to_json(answer)
        except QuestionError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        except BrievenError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc

    @api.api_route("/api/ask", methods=["GET", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    def wrong_method() -> JSONResponse:
        return JSONResponse(
            {"detail": "use POST /api/ask with a JSON body"}, status_code=405, headers={"Allow": "POST"}
        )

    api.state.live = live
    source_files.mount(api, lambda: live.get().letter_map)
    blocks = build_app(settings, upload=upload, live=live)
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
