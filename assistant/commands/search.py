"""`brieven search`: ranked passages for a question (or one JSON line per question read from stdin)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any, TextIO

from assistant.commands.filters import add_filter_args, filters_from
from index.hybrid import MODES, Searcher, open_searcher
from ingest.errors import QuestionError
from ingest.limits import check_question
from ingest.model import Hit
from ingest.serialize import passage_json
from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help="show the passages that best match a question",
        description="Rank passages for a question. With QUESTION '-', read one question per line from "
        "standard input and write one JSON line per question.",
    )
    p.add_argument("question", help="the question, or - to read questions from standard input")
    p.add_argument("-k", type=int, default=5, help="number of passages (default 5)")
    p.add_argument("--json", action="store_true", help="JSON output (always on when reading stdin)")
    add_filter_args(p)
    p.add_argument("--mode", choices=MODES, default="hybrid", help="retrieval method (default hybrid)")
    p.set_defaults(run=run)


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "rank": hit.rank,
        "score": round(hit.score, 6),
        **passage_json(hit.chunk, hit.letter),
        "text": hit.chunk.text,
        "found_by": list(hit.found_by),
    }


def result_json(question: str, hits: list[Hit]) -> dict[str, Any]:
    return {"question": question, "results": [hit_json(h) for h in hits]}


def print_human(question: str, hits: list[Hit], out: TextIO) -> None:
    if not hits:
        print(f"No passages found for: {question}", file=out)
        return
    for hit in hits:
        letter, chunk = hit.letter, hit.chunk
        where = " > ".join(chunk.section_path) or "(no section)"
        page = f", p. {chunk.page}" if chunk.page else ""
        when = letter.date.isoformat() if letter.date else "undated"
        print(f"{hit.rank}. [{hit.score:.4f}] {letter.title or letter.id} ({when}) — {where}{page}", file=out)
        print(f"   {chunk.id}", file=out)
        body = " ".join(chunk.text.split())
        print(textwrap.indent(textwrap.fill(textwrap.shorten(body, 600), 100), "   "), file=out)
        for note in chunk.footnotes:
            print(f"   [{note.number}] {textwrap.shorten(note.text, 160)}", file=out)
        print(file=out)


def run(args: argparse.Namespace, settings: Settings) -> int:
    searcher: Searcher = open_searcher(settings)
    filters = filters_from(args)
    out = sys.stdout
    if args.question == "-":
        status = 0
        for line in sys.stdin:
            question = line.strip()
            if not question:
                continue
            try:
                check_question(question, settings)
            except QuestionError as exc:  # one bad question does not end the batch
                record = {"question": question[:200], "error": str(exc)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                status = 1
                continue
            hits = searcher.search(question, k=args.k, filters=filters, mode=args.mode)
            out.write(json.dumps(result_json(question, hits), ensure_ascii=False) + "\n")
            out.flush()
        return status
    hits = searcher.search(args.question, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        out.write(json.dumps(result_json(args.question, hits), ensure_ascii=False, indent=2) + "\n")
    else:
        print_human(args.question, hits, out)
    return 0
