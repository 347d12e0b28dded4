"""`brieven ask`: answer a question from the letters, with citations and footnotes (or JSON lines)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from assistant.answer_json import answer_to_json
from assistant.commands.filters import add_filter_args, filters_from
from assistant.sentences import one_line
from ingest.errors import BrievenError
from ingest.limits import check_question
from ingest.model import Answer
from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "ask",
        parents=[common],
        help="answer a question with citations to the letters",
        description="Answer a question from the ingested letters. Offline by default (extractive); "
        "set BRIEVEN_LLM or --llm to answer with a language model (every citation is checked).",
    )
    p.add_argument("question", help="the question; '-' reads questions from standard input, one per line")
    p.add_argument("--json", action="store_true", help="print JSON (always JSON lines for '-')")
    p.add_argument("-k", type=int, default=None, metavar="N", help="passages to read (default 8)")
    add_filter_args(p)
    p.add_argument("--llm", default=None, metavar="PROVIDER:MODEL", help="language model (env BRIEVEN_LLM)")
    p.add_argument(
        "--history",
        default=None,
        metavar="FILE",
        help="the conversation so far: a JSON list of previous turns as `brieven ask --json` writes them "
        "(at least each turn's question), oldest first; '-' is not allowed here",
    )
    p.set_defaults(run=run)


def read_history(path: str | None, engine, settings: Settings) -> tuple[Answer, ...]:  # noqa: ANN001
    """The previous turns in a --history file; HistoryError names the file and what is wrong."""
    from assistant.history import HistoryError, turns_from_json

    if not path:
        return ()
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise HistoryError(f"cannot read the history ({exc.strerror})", path) from exc
    except json.JSONDecodeError as exc:
        raise HistoryError(f"not JSON ({exc.msg}, line {exc.lineno})", path) from exc
    if isinstance(records, dict):
        records = [records]  # one turn, as `brieven ask --json` prints it
    return turns_from_json(records, engine.chunk_map, engine.letter_map, settings, path)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # escape sequences from a document stay text


def format_answer(answer: Answer) -> str:
    """The answer for a terminal: text, then each citation with its letter, place, quote and footnotes.

    Document text is data: control characters (terminal escape sequences) are removed before printing.
    """
    return _CONTROL.sub("", _format(answer))


def _format(answer: Answer) -> str:
    lines = [answer.text]
    if answer.citations:
        lines += ["", "Bronnen:" if answer.language == "nl" else "Sources:"]
    for c in answer.citations:
        letter = c.letter
        meta = ", ".join(
            x
            for x in (
                letter.date.isoformat() if letter.date else None,
                f"Kamerstuk {letter.kamerstuk}" if letter.kamerstuk else None,
            )
            if x
        )
        where = " > ".join(c.chunk.section_path)
        page = f", p. {c.chunk.page}" if c.chunk.page else ""
        title = letter.title or letter.id
        lines.append(f"[{c.n}] {title} ({meta})" if meta else f"[{c.n}] {title}")
        if where or page:
            lines.append(f"    {where}{page}")
        lines.append(f"    “{one_line(c.quote)}”")
        for f in c.chunk.footnotes:
            lines.append(f"    [{f.label}] {one_line(f.text)}")
    if answer.see_also:
        lines += ["", "Zie ook:" if answer.language == "nl" else "See also:"]
        for h in answer.see_also:
            lines.append(f"  - {h.letter.title or h.letter.id}: {' > '.join(h.chunk.section_path)}")
    if answer.flagged:
        lines += ["", "Removed (not supported by the cited passage):"]
        lines += [f"  ! {s}" for s in answer.flagged]
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.engine import open_engine

    if args.llm:
        settings = settings.with_(llm_model=args.llm)
    filters = filters_from(args)
    engine = open_engine(settings)
    history = read_history(args.history, engine, settings)
    if args.question != "-":
        answer = engine.answer(args.question, history=history, filters=filters, k=args.k)
        if args.json:
            print(json.dumps(answer_to_json(answer), ensure_ascii=False, indent=2))
        else:
            print(format_answer(answer))
        return 0
    status = 0
    for line in sys.stdin:
        question = line.strip()
        if not question:
            continue
        try:
            check_question(question, settings)
            record = answer_to_json(engine.answer(question, history=history, filters=filters, k=args.k))
        except BrievenError as exc:  # one failed question does not end the batch
            record, status = {"question": question, "error": str(exc)}, 1
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return status
