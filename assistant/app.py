"""The Gradio chat page and the HTTP API (`POST /api/ask`, Gradio's `/ask`), served by `brieven serve`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import gradio as gr
import pandas as pd
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from assistant import register_view, render
from assistant.answer_json import answer_to_json
from assistant.engine import Engine, open_engine
from assistant.history import HistoryError, turns_from_json
from assistant.http_limits import RequestLimits
from assistant.live import LiveEngine
from ingest.errors import BrievenError, QuestionError
from ingest.limits import check_question
from ingest.model import Answer, SearchFilter
from ingest.settings import Settings

EXAMPLES = [
    "what was promised on MitID?",
    "Wat is er gedaan met de motie Zwinkels over een GAP-analyse?",
    "how much money goes to children's rights online?",
    "Welke toezeggingen over AI staan nog open?",
]
# System fonts only: the page must not reach for web fonts when offline.
THEME = gr.themes.Default(font=["system-ui", "Segoe UI", "Arial", "sans-serif"], font_mono=["monospace"])


def parse_filters(letters: list[str] | None, date_from: str, date_to: str) -> SearchFilter | None:
    """A SearchFilter from the page's inputs; a malformed date is the user's error, said plainly."""
    try:
        start = date.fromisoformat(date_from.strip()) if date_from and date_from.strip() else None
        end = date.fromisoformat(date_to.strip()) if date_to and date_to.strip() else None
    except ValueError as exc:
        raise gr.Error(f"Dates are written YYYY-MM-DD ({exc})") from exc
    if not (letters or start or end):
        return None
    return SearchFilter(letter_ids=tuple(letters or ()), date_from=start, date_to=end)


def register_tab(engine: Engine) -> None:
    """The commitments table (searchable, sortable, status filter); a selected row opens its timeline."""
    register, letters, chunks = engine.register, engine.letter_map, engine.chunk_map

    def table(text: str, status: str) -> pd.DataFrame:
        return pd.DataFrame(
            register_view.rows(register, letters, text, status), columns=register_view.COLUMNS
        )

    def open_row(evt: gr.SelectData) -> str:
        number = int((evt.row_value or [0])[0] or 0)
        if not 1 <= number <= len(register):
            return register_view.empty_html()
        return register_view.timeline_html(register[number - 1], chunks, letters)

    gr.Markdown(
        f"{len(register)} moties en toezeggingen from the letters; the latest letter's verdict is the "
        "status. Click a column header to sort, a row to see its letters."
    )
    with gr.Row():
        text = gr.Textbox(
            label="Search (number, title, member)",
            placeholder="T03667, MitID, Kathmann",
            elem_id="register-search",
        )
        status = gr.Radio(
            register_view.STATUS_CHOICES, value="all", label="Status", elem_id="register-status"
        )
    grid = gr.Dataframe(
        table("", "all"),
        headers=register_view.COLUMNS,
        datatype=register_view.DATATYPES,
        interactive=False,
        wrap=True,
        max_height=420,
        column_widths=register_view.WIDTHS,
        elem_id="register-table",
    )
    detail = gr.HTML(register_view.empty_html(), elem_id="register-detail")
    for event in (text.change, status.change):
        event(table, [text, status], grid, api_visibility="private")
    grid.select(open_row, None, detail, api_visibility="private")


def build_app(settings: Settings, engine: Engine | None = None, live: LiveEngine | None = None) -> gr.Blocks:
    """The chat page: streamed answers, citations linked to source cards, filters, a letters tab.

    With `live`, every answer comes from the engine over the current snapshot (new letters appear
    without a restart); the letters and register tabs show the corpus the page was built with."""
    engine = engine or (live.get() if live else open_engine(settings))
    current = live.get if live is not None else (lambda: engine)
    letter_choices = [(f"{x.sort_date or '?'} — {x.title or x.id}", x.id) for x in engine.letters]

    def respond(
        question: str, letters: list[str], date_from: str, date_to: str, turns: list[Answer]
    ) -> Iterator[tuple[str, str, list[Answer], str]]:
        question = (question or "").strip()
        if not question:
            yield render.transcript_html(turns), render.sources_html(turns), turns, ""
            return
        try:
            check_question(question, settings)
        except QuestionError as exc:
            raise gr.Error(str(exc)) from exc
        filters = parse_filters(letters, date_from, date_to)
        try:
            for event in current().stream(question, history=tuple(turns), filters=filters):
                if isinstance(event, Answer):
                    turns = [*turns, event]
                    yield render.transcript_html(turns), render.sources_html(turns), turns, ""
                else:
                    pending = render.transcript_html(turns, pending=(question, event))
                    yield pending, render.sources_html(turns), turns, ""
        except BrievenError as exc:
            raise gr.Error(str(exc)) from exc

    def reset() -> tuple[str, str, list[Answer]]:
        return render.transcript_html([]), render.sources_html([]), []

    def ask_api(
        question: str, letters: list[str] | None = None, date_from: str = "", date_to: str = ""
    ) -> dict:
        """The same answer as `brieven ask --json`, for one question without conversation."""
        try:
            check_question(question or "", settings, allow_empty=False)
            answer = current().answer(question, filters=parse_filters(letters, date_from, date_to))
        except BrievenError as exc:
            raise gr.Error(str(exc)) from exc
        return answer_to_json(answer)

    with gr.Blocks(title="Brieven — Kamerbrieven assistant", analytics_enabled=False) as app:
        turns = gr.State([])
        gr.Markdown("## Brieven\nAsk about the letters to parliament. Every statement cites its passage.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        transcript = gr.HTML(render.transcript_html([]), elem_id="transcript")
                        question = gr.Textbox(
                            label="Question", placeholder="what was promised on MitID?", elem_id="question"
                        )
                        with gr.Row():
                            ask = gr.Button("Ask", variant="primary", elem_id="ask")
                            new = gr.Button("New conversation", elem_id="new")
                        gr.Examples(EXAMPLES, inputs=[question], label="Examples")
                        with gr.Accordion("Filters", open=False):
                            letters = gr.Dropdown(
                                choices=letter_choices, multiselect=True, label="Letters", elem_id="letters"
                            )
                            with gr.Row():
                                date_from = gr.Textbox(label="From (YYYY-MM-DD)", elem_id="date-from")
                                date_to = gr.Textbox(label="To (YYYY-MM-DD)", elem_id="date-to")
                    with gr.Column(scale=2):
                        gr.Markdown("### Sources")
                        sources = gr.HTML(render.sources_html([]), elem_id="sources")
            with gr.Tab("Letters", id="letters-tab"):
                gr.HTML(render.letters_html(engine.letters), elem_id="letters-table")
            with gr.Tab("Toezeggingen en moties", id="register-tab"):
                register_tab(engine)
        inputs = [question, letters, date_from, date_to, turns]
        outputs = [transcript, sources, turns, question]
        ask.click(respond, inputs, outputs, api_visibility="private")
        question.submit(respond, inputs, outputs, api_visibility="private")
        new.click(reset, None, [transcript, sources, turns], api_visibility="private")
        gr.api(ask_api, api_name="ask")
    return app


class AskRequest(BaseModel):
    question: str = Field(min_length=1)
    letters: list[str] = Field(default=[], max_length=1000)
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


def create_server(settings: Settings, engine: Engine | None = None, watch: bool | None = None) -> FastAPI:
    """FastAPI with `POST /api/ask` (the `brieven ask --json` shape) and the chat page mounted at /.

    With watch (the default when the server opens the index itself), a new snapshot written by an
    ingest is picked up between requests (assistant/live.py)."""
    watch = engine is None if watch is None else watch
    engine = engine or open_engine(settings)
    live = LiveEngine(settings, engine, watch=watch)
    api = FastAPI(title="brieven", docs_url="/api/docs", openapi_url="/api/openapi.json")
    api.add_exception_handler(RequestValidationError, _invalid_request)
    api.add_middleware(
        RequestLimits, max_upload_bytes=settings.max_upload_bytes, max_upload_files=settings.max_upload_files
    )

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
    blocks = build_app(settings, engine, live=live)
    css = render.CSS + register_view.CSS
    return gr.mount_gradio_app(
        api,
        blocks,
        path="/",
        css=css,
        theme=THEME,
        footer_links=["api"],
        max_file_size=settings.max_file_bytes,
    )
