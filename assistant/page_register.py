"""The commitments tab: the register table (search, status filter, sort) and a row's timeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import gradio as gr
import pandas as pd

from assistant import register_view
from assistant.engine import Engine
from assistant.i18n import REGISTER_STATUS_NL, lang_of, register_columns, t


def status_choices(lang: str) -> list[tuple[str, str]]:
    if lang_of(lang) != "nl":
        return list(register_view.STATUS_CHOICES)
    return [(REGISTER_STATUS_NL.get(value, label), value) for label, value in register_view.STATUS_CHOICES]


@dataclass
class RegisterTab:
    intro: gr.Markdown
    search: gr.Textbox
    status: gr.Radio
    grid: gr.Dataframe

    def relabel(self, lang: str, engine: Engine, text: str, status: str) -> dict:
        """The tab's labels in another language."""
        return {
            self.intro: gr.update(value=t(lang, "register_intro", n=len(engine.register))),
            self.search: gr.update(label=t(lang, "register_search")),
            self.status: gr.update(label=t(lang, "register_status"), choices=status_choices(lang)),
            self.grid: table(engine, text, status, lang),
        }


def table(engine: Engine, text: str, status: str, lang: str) -> pd.DataFrame:
    rows = register_view.rows(engine.register, engine.letter_map, text, status)
    return pd.DataFrame(rows, columns=register_columns(register_view.COLUMNS, lang))


def register_tab(current: Callable[[], Engine], language: gr.Radio, lang: str) -> RegisterTab:
    """The commitments table (searchable, sortable, status filter); a selected row opens its timeline.

    `current()` is the engine over the current snapshot, read at each event, so letters added since
    the page was built (an upload, an ingest) are in the register. `language` is the page's language
    switch: the table's columns follow it."""
    engine = current()

    def open_row(evt: gr.SelectData) -> str:
        eng = current()
        number = int((evt.row_value or [0])[0] or 0)
        if not 1 <= number <= len(eng.register):
            return register_view.empty_html()
        return register_view.timeline_html(eng.register[number - 1], eng.chunk_map, eng.letter_map)

    intro = gr.Markdown(t(lang, "register_intro", n=len(engine.register)), elem_id="register-intro")
    with gr.Row():
        text = gr.Textbox(
            label=t(lang, "register_search"), placeholder="T03667, MitID, Kathmann", elem_id="register-search"
        )
        status = gr.Radio(
            status_choices(lang), value="all", label=t(lang, "register_status"), elem_id="register-status"
        )
    grid = gr.Dataframe(
        table(engine, "", "all", lang),
        headers=register_columns(register_view.COLUMNS, lang),
        datatype=register_view.DATATYPES,
        interactive=False,
        wrap=True,
        max_height=420,
        column_widths=register_view.WIDTHS,
        elem_id="register-table",
    )
    detail = gr.HTML(register_view.empty_html(), elem_id="register-detail")
    for event in (text.change, status.change):
        event(
            lambda x, s, la: table(current(), x, s, la),
            [text, status, language],
            grid,
            api_visibility="private",
        )
    grid.select(open_row, None, detail, api_visibility="private")
    return RegisterTab(intro, text, status, grid)
