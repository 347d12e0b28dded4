"""The chat page, laid out as chat assistants are: the conversation (Gradio's Chatbot) with the question
box fixed under it, streamed answers, stop, retry, copy, a new conversation; the source cards of every
turn beside it; the letters tab with uploads; the commitments tab. Labels come from assistant/i18n.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import gradio as gr

from assistant import export, page_upload, render, source_files
from assistant.conversation import Turn, for_retry, history, stop_last
from assistant.engine import Engine
from assistant.i18n import DEFAULT, LANGUAGE_CHOICES, lang_of, letter_title, letter_when, t
from assistant.page_cards import file_url, sources_html
from assistant.page_register import register_tab, table
from ingest.errors import BrievenError, QuestionError
from ingest.limits import check_question as check_question_limits
from ingest.model import Answer, Letter, SearchFilter
from ingest.settings import Settings

EXAMPLES = [
    "what was promised on MitID?",
    "Wat is er gedaan met de motie Zwinkels over een GAP-analyse?",
    "how much money goes to children's rights online?",
    "Welke toezeggingen over AI staan nog open?",
]
STATIC = Path(__file__).parent / "static"
FOCUS_QUESTION = "() => { const box = document.querySelector('#question textarea'); if (box) box.focus(); }"
# The switch's choice is kept in window.__brievenLang, which the document keeps to (static/lang.js).
SET_LANG = "(lang) => { window.__brievenLang = lang; document.documentElement.lang = lang; return lang; }"


def parse_filters(letters: list[str] | None, date_from: str, date_to: str, lang: str = DEFAULT):
    """A SearchFilter from the page's inputs; a malformed date is the user's error, said plainly."""
    try:
        start = date.fromisoformat(date_from.strip()) if date_from and date_from.strip() else None
        end = date.fromisoformat(date_to.strip()) if date_to and date_to.strip() else None
    except ValueError as exc:
        raise gr.Error(t(lang, "date_error", detail=exc)) from exc
    if not (letters or start or end):
        return None
    return SearchFilter(letter_ids=tuple(letters or ()), date_from=start, date_to=end)


def file_link(letter: Letter) -> str | None:
    return file_url(letter) if source_files.has_file(letter) else None


def letter_choices(engine: Engine, lang: str) -> list[tuple[str, str]]:
    return [(f"{letter_title(x, lang)} — {letter_when(x, lang)}", x.id) for x in engine.letters]


def copy_texts(turns: list[Turn], lang: str) -> list[str]:
    return [export.turn_markdown(turn, i, lang) for i, turn in enumerate(turns, start=1)]


def view(turns: list[Turn], lang: str) -> tuple[list[dict], str]:
    """The Chatbot's messages and the sources panel for a conversation."""
    return render.chat_messages(turns, lang), sources_html(turns, lang, copy_texts(turns, lang), file_link)


def check_question(question: str, settings: Settings) -> None:
    """The page's question limit: the same rule as the other edges (ingest/limits.py), said on the page."""
    try:
        check_question_limits(question, settings)
    except QuestionError as exc:
        raise gr.Error(str(exc)) from exc


def build_page(
    settings: Settings,
    current: Callable[[], Engine],
    upload: bool = True,
    refresh: Callable[[], Engine] | None = None,
    apis: Sequence[tuple[Callable, str]] = (),
) -> gr.Blocks:
    """The page over `current()` (the engine for this request); `refresh()` after letters were added.

    `apis` are (function, name) pairs served as Gradio API endpoints beside the page."""
    engine = current()
    refresh = refresh or current
    lang0 = DEFAULT

    def stream(
        question: str, turns: list[Turn], lang: str, letters: list[str], date_from: str, date_to: str
    ) -> Iterator[tuple[list[dict], str, list[Turn]]]:
        lang = lang_of(lang)
        question = (question or "").strip()
        if not question:
            yield (*view(turns, lang), turns)
            return
        check_question(question, settings)
        filters = parse_filters(letters, date_from, date_to, lang)
        before = list(turns)
        turns = [*before, Turn(question)]
        yield (*view(turns, lang), turns)
        try:
            for event in current().stream(question, history=history(before), filters=filters):
                done = isinstance(event, Answer)
                turns = [*before, Turn(question, answer=event) if done else Turn(question, partial=event)]
                yield (*view(turns, lang), turns)
        except BrievenError as exc:
            raise gr.Error(str(exc)) from exc

    def settle(turns: list[Turn], lang: str):
        """After an answer, a stop or an error: an unfinished turn is marked stopped; export refreshed."""
        lang = lang_of(lang)
        turns = stop_last(turns)
        return (*view(turns, lang), turns, export_file(turns, lang))

    def export_file(turns: list[Turn], lang: str):
        if not turns:
            return gr.update(value=None, interactive=False)
        folder = Path(tempfile.mkdtemp(prefix="brieven-export-"))
        path = folder / ("gesprek.md" if lang == "nl" else "conversation.md")
        path.write_text(export.conversation_markdown(turns, lang, date.today()), encoding="utf-8")
        return gr.update(value=str(path), interactive=True)

    def take_question(question: str):
        return gr.update(value="", submit_btn=False, stop_btn=True), question

    def take_retry(turns: list[Turn]):
        turns, question = for_retry(turns)
        return turns, question or "", gr.update(submit_btn=False, stop_btn=True)

    def take_option(evt: gr.SelectData):
        return str(evt.value), gr.update(submit_btn=False, stop_btn=True)

    def take_example(evt: gr.SelectData):
        value = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value)
        return value, gr.update(submit_btn=False, stop_btn=True)

    def release():
        return gr.update(submit_btn=True, stop_btn=False, interactive=True)

    def reset(lang: str):
        lang = lang_of(lang)
        return (*view([], lang), [], "", gr.update(value=None, interactive=False), release())

    with gr.Blocks(title=t(lang0, "page_title"), analytics_enabled=False, fill_height=True) as app:
        turns = gr.State([])
        asked = gr.State("")
        with gr.Row(elem_id="topbar", equal_height=True):
            header = gr.Markdown(f"## {t(lang0, 'heading')}\n{t(lang0, 'intro')}", elem_id="header")
            language = gr.Radio(
                LANGUAGE_CHOICES,
                value=lang0,
                label=t(lang0, "language"),
                elem_id="language",
                scale=0,
                min_width=300,
            )
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab(t(lang0, "tab_chat"), id="chat", elem_id="tab-chat") as tab_chat:
                with gr.Row(elem_id="chat-row", equal_height=False):
                    with gr.Column(scale=3, elem_id="chat-col"):
                        with gr.Row(elem_id="chat-actions"):
                            new = gr.Button(
                                t(lang0, "new_chat"), elem_id="new", size="sm", variant="secondary"
                            )
                            download = gr.DownloadButton(
                                t(lang0, "export"), value=None, elem_id="export", size="sm", interactive=False
                            )
                        chatbot = gr.Chatbot(
                            label=t(lang0, "chat_label"),
                            elem_id="chat",
                            height="calc(100vh - 290px)",
                            min_height=380,
                            buttons=["copy"],
                            latex_delimiters=[],
                            placeholder=t(lang0, "chat_placeholder"),
                            examples=[{"text": q} for q in EXAMPLES],
                            feedback_options=None,
                            allow_tags=False,
                            autoscroll=True,
                        )
                        question = gr.Textbox(
                            label=t(lang0, "question_label"),
                            show_label=False,
                            placeholder=t(lang0, "question_placeholder"),
                            elem_id="question",
                            lines=1,
                            max_lines=6,
                            submit_btn=True,
                            stop_btn=False,
                            autofocus=True,
                        )
                    with gr.Column(scale=2, elem_id="side-col"):
                        sources_title = gr.Markdown(f"### {t(lang0, 'sources')}", elem_id="sources-title")
                        sources = gr.HTML(sources_html([], lang0), elem_id="sources")
                        with gr.Accordion(t(lang0, "filters"), open=False, elem_id="filters") as filters:
                            letters = gr.Dropdown(
                                choices=letter_choices(engine, lang0),
                                multiselect=True,
                                label=t(lang0, "filter_letters"),
                                elem_id="letters",
                            )
                            with gr.Row():
                                date_from = gr.Textbox(label=t(lang0, "date_from"), elem_id="date-from")
                                date_to = gr.Textbox(label=t(lang0, "date_to"), elem_id="date-to")
            with gr.Tab(t(lang0, "tab_letters"), id="letters-tab", elem_id="tab-letters") as tab_letters:
                upload_title = gr.Markdown(f"### {t(lang0, 'upload_heading')}", elem_id="upload-title")
                if upload:
                    limits = gr.Markdown(_limits(settings, lang0), elem_id="upload-limits")
                    files = gr.File(
                        label=t(lang0, "upload_label"),
                        file_count="multiple",
                        file_types=page_upload.FILE_TYPES,
                        elem_id="upload",
                        height=150,
                    )
                    report = gr.HTML("", elem_id="upload-report")
                else:
                    limits = gr.Markdown(t(lang0, "upload_off"), elem_id="upload-off")
                letters_table = gr.HTML(
                    render.letters_html(engine.letters, lang0, file_link), elem_id="letters-table"
                )
            with gr.Tab(t(lang0, "tab_register"), id="register-tab", elem_id="tab-register") as tab_register:
                register = register_tab(current, language, lang0)
        for fn, name in apis:
            gr.api(fn, api_name=name)

        # Asking: the question is taken from the box (which shows the stop button meanwhile), the answer
        # streams in, then the turn settles, the box comes back and gets the focus.
        stream_inputs = [asked, turns, language, letters, date_from, date_to]
        stream_outputs = [chatbot, sources, turns]
        streams = []

        def chain(first):
            event = first.then(stream, stream_inputs, stream_outputs, api_visibility="private")
            event.then(
                settle, [turns, language], [chatbot, sources, turns, download], api_visibility="private"
            )
            event.then(release, None, question, queue=False, api_visibility="private").then(
                None, None, None, js=FOCUS_QUESTION
            )
            streams.append(event)
            return event

        chain(
            question.submit(take_question, question, [question, asked], queue=False, api_visibility="private")
        )
        chain(
            chatbot.retry(take_retry, turns, [turns, asked, question], queue=False, api_visibility="private")
        )
        chain(
            chatbot.option_select(take_option, None, [asked, question], queue=False, api_visibility="private")
        )
        chain(
            chatbot.example_select(
                take_example, None, [asked, question], queue=False, api_visibility="private"
            )
        )
        question.stop(None, None, None, cancels=streams, api_visibility="private")
        reset_outputs = [chatbot, sources, turns, asked, download, question]
        new.click(reset, language, reset_outputs, cancels=streams, api_visibility="private").then(
            None, None, None, js=FOCUS_QUESTION
        )
        chatbot.clear(reset, language, reset_outputs, cancels=streams, api_visibility="private")

        def relabel(lang: str, turns_now: list[Turn], text: str, status: str):
            lang = lang_of(lang)
            eng = current()
            chat, side = view(turns_now, lang)
            updates = {
                header: gr.update(value=f"## {t(lang, 'heading')}\n{t(lang, 'intro')}"),
                language: gr.update(label=t(lang, "language")),
                tab_chat: gr.update(label=t(lang, "tab_chat")),
                tab_letters: gr.update(label=t(lang, "tab_letters")),
                tab_register: gr.update(label=t(lang, "tab_register")),
                chatbot: gr.update(
                    value=chat, label=t(lang, "chat_label"), placeholder=t(lang, "chat_placeholder")
                ),
                question: gr.update(
                    label=t(lang, "question_label"), placeholder=t(lang, "question_placeholder")
                ),
                new: gr.update(value=t(lang, "new_chat")),
                download: gr.update(label=t(lang, "export")),
                sources_title: gr.update(value=f"### {t(lang, 'sources')}"),
                sources: gr.update(value=side),
                filters: gr.update(label=t(lang, "filters")),
                letters: gr.update(label=t(lang, "filter_letters"), choices=letter_choices(eng, lang)),
                date_from: gr.update(label=t(lang, "date_from")),
                date_to: gr.update(label=t(lang, "date_to")),
                letters_table: gr.update(value=render.letters_html(eng.letters, lang, file_link)),
                upload_title: gr.update(value=f"### {t(lang, 'upload_heading')}"),
                limits: gr.update(value=_limits(settings, lang) if upload else t(lang, "upload_off")),
                **register.relabel(lang, eng, text, status),
            }
            if upload:
                updates[files] = gr.update(label=t(lang, "upload_label"))
            return updates

        outputs = [
            header,
            language,
            tab_chat,
            tab_letters,
            tab_register,
            chatbot,
            question,
            new,
            download,
            sources_title,
            sources,
            filters,
            letters,
            date_from,
            date_to,
            letters_table,
            upload_title,
            limits,
            register.intro,
            register.search,
            register.status,
            register.grid,
        ]
        if upload:
            outputs.append(files)
        language.change(
            relabel, [language, turns, register.search, register.status], outputs, api_visibility="private"
        ).then(None, language, None, js=SET_LANG)
        app.load(None, language, None, js=SET_LANG)

        if upload:

            def add_letters(
                paths: list[str] | None,
                lang: str,
                text_now: str,
                status_now: str,
                progress=gr.Progress(),  # noqa: B008
            ):
                lang = lang_of(lang)
                chosen = [Path(p) for p in paths or []]
                if not chosen:
                    return t(lang, "upload_none"), gr.skip(), gr.skip(), None, gr.skip(), gr.skip()
                refused = page_upload.count_refusal(len(chosen), settings, lang)
                if refused:
                    return refused, gr.skip(), gr.skip(), None, gr.skip(), gr.skip()

                def step(i: int, n: int, name: str) -> None:
                    progress((i - 1, n), desc=t(lang, "upload_progress", name=name))

                embedder = getattr(current().searcher, "embedder", None)
                result = page_upload.ingest_uploads(chosen, settings, embedder=embedder, progress=step)
                progress((len(chosen), len(chosen)), desc=t(lang, "upload_indexing"))
                eng = refresh() if (result.added or result.replaced) else current()
                page_upload.prune(settings.index_dir / page_upload.UPLOADS, eng.letters)
                return (
                    page_upload.report_html(result, eng.letter_map, lang),
                    render.letters_html(eng.letters, lang, file_link),
                    gr.update(choices=letter_choices(eng, lang)),
                    None,
                    # the register tab shows the new letters' commitments (filters kept)
                    table(eng, text_now, status_now, lang),
                    gr.update(value=t(lang, "register_intro", n=len(eng.register))),
                )

            files.upload(
                add_letters,
                [files, language, register.search, register.status],
                [report, letters_table, letters, files, register.grid, register.intro],
                concurrency_limit=1,
                api_visibility="private",
            )
    return app


def _limits(settings: Settings, lang: str) -> str:
    return t(lang, "upload_limits", files=settings.max_upload_files, mb=f"{settings.max_file_bytes / 1e6:g}")


def page_css() -> str:
    return (STATIC / "page.css").read_text(encoding="utf-8")


def page_js() -> str:
    return (STATIC / "page.js").read_text(encoding="utf-8")
