"""`brieven commitments`: the register of moties and toezeggingen with status, as table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from ingest.model import Commitment
from ingest.register import build_register, filter_register
from ingest.serialize import to_dict
from ingest.settings import Settings
from ingest.store import Store

CSV_FIELDS = (
    "key",
    "kind",
    "status",
    "deadline",
    "deadline_date",
    "members",
    "title",
    "letters",
    "verdict_sentence",
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "commitments",
        parents=[common],
        help="list moties and toezeggingen with their status over time",
        description="The commitments register: every motie and toezegging the ingested letters report on.",
    )
    p.add_argument(
        "--status",
        choices=("open", "closed", "all"),
        default="all",
        help="open: not (yet) reported as done; closed: afgedaan (default: all)",
    )
    p.add_argument(
        "--member", metavar="NAME", default=None, help="only commitments of this member of parliament"
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json", action="store_true", help="print JSON (one array, with each commitment's timeline)"
    )
    fmt.add_argument("--csv", action="store_true", help="print CSV, one row per commitment")
    p.set_defaults(run=run)


def _deadline(c: Commitment) -> tuple[str, str]:
    d = c.latest.new_deadline
    return (d.text, d.date.isoformat() if d.date else "") if d else ("", "")


def _members(c: Commitment) -> str:
    return "; ".join(f"{m.name} ({m.party})" if m.party else m.name for m in c.members)


def _row(c: Commitment) -> dict[str, str]:
    text, when = _deadline(c)
    return {
        "key": c.key,
        "kind": c.kind,
        "status": c.status,
        "deadline": text,
        "deadline_date": when,
        "members": _members(c),
        "title": c.title,
        "letters": " > ".join(m.letter_id for m in c.mentions),
        "verdict_sentence": c.latest.verdict_sentence or "",
    }


def as_json(c: Commitment) -> dict[str, Any]:
    data = to_dict(c)
    data["status"] = c.status
    return data


def _table(rows: list[dict[str, str]]) -> str:
    cols = ("key", "kind", "status", "deadline", "members", "title")
    widths = {"key": 16, "kind": 10, "status": 13, "deadline": 18, "members": 30, "title": 60}

    def cell(value: str, width: int) -> str:
        return (value if len(value) <= width else value[: width - 1] + "…").ljust(width)

    lines = ["  ".join(cell(c.upper(), widths[c]) for c in cols)]
    lines += ["  ".join(cell(r[c], widths[c]) for c in cols).rstrip() for r in rows]
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    snapshot = Store(settings.index_dir).load()
    commitments = build_register(snapshot.mentions, snapshot.letters)
    chosen = filter_register(commitments, status=args.status, member=args.member)
    out = sys.stdout
    if args.json:
        json.dump([as_json(c) for c in chosen], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.csv:
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(_row(c) for c in chosen)
    else:
        out.write(_table([_row(c) for c in chosen]) + "\n")
        out.write(f"{len(chosen)} of {len(commitments)} commitments\n")
    return 0
