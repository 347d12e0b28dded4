"""`brieven chat`: a conversation on the terminal; questions from standard input, one per line.

Each answer is printed as `brieven ask` prints it (or as one JSON line with --json), and the turns
so far go with the next question, so "and who asked for it?" is answered about the same topic. The
conversation keeps its last settings.max_history_turns turns. Works from a pipe as well as a
terminal; "/new" starts a new conversation, "/quit" (or end of input) ends it.
"""

from __future__ import annotations

import argparse
import json
import sys

from assistant.answer_json import answer_to_json
from assistant.commands.ask import format_answer, read_history
from assistant.commands.filters import add_filter_args, filters_from
from assistant.history import trim
from ingest.errors import BrievenError
from ingest.limits import check_question
from ingest.model import Answer
from ingest.settings import Settings

NEW, QUIT = "/new", "/quit"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "chat",
        parents=[common],
        help="a conversation: follow-up questions keep the topic",
        description="Ask questions one per line (standard input or the terminal); each answer takes the "
        f"conversation so far into account. {NEW} starts over, {QUIT} or end of input stops.",
    )
    p.add_argument("--json", action="store_true", help="print each answer as one JSON line")
    p.add_argument("-k", type=int, default=None, metavar="N", help="passages to read (default 8)")
    add_filter_args(p)
    p.add_argument("--llm", default=None, metavar="PROVIDER:MODEL", help="language model (env BRIEVEN_LLM)")
    p.add_argument("--history", default=None, metavar="FILE", help="start from these turns (JSON list)")
    p.set_defaults(run=run)


def _prompt(interactive: bool) -> None:
    if interactive:
        print("> ", end="", flush=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.engine import open_engine

    if args.llm:
        settings = settings.with_(llm_model=args.llm)
    filters = filters_from(args)
    engine = open_engine(settings)
    turns: list[Answer] = list(read_history(args.history, engine, settings))
    interactive = sys.stdin.isatty()
    status = 0
    _prompt(interactive)
    for line in sys.stdin:
        question = line.strip()
        if question == QUIT:
            break
        if question == NEW:
            turns = []
            if not args.json:
                print("(new conversation)", flush=True)
        elif question:
            try:
                check_question(question, settings)
                answer = engine.answer(question, history=tuple(turns), filters=filters, k=args.k)
            except BrievenError as exc:  # one failed question does not end the conversation
                status = 1
                if args.json:
                    print(
                        json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False), flush=True
                    )
                else:
                    print(f"brieven: {exc}", file=sys.stderr, flush=True)
            else:
                turns = list(trim([*turns, answer], settings))
                if args.json:
                    print(json.dumps(answer_to_json(answer), ensure_ascii=False), flush=True)
                else:
                    print(format_answer(answer) + "\n", flush=True)
        _prompt(interactive)
    return status
