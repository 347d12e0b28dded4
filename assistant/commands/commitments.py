"""`brieven commitments`: the register of moties and toezeggingen with status, as table, JSON or CSV.

`--overdue [--as-of DATE]` gives the rappel list: open commitments whose deadline has passed, each with
the sentence that set the deadline. `--members` prints the member index. JSON and CSV carry the
timeline with the source (party) of every verdict.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from typing import Any

from ingest.model import Commitment, CommitmentMention, Verdict
from ingest.register import build_register
from ingest.register_query import (
    COMMITMENT_KINDS,
    STATUS_GROUPS,
    filter_register,
    member_index,
    open_list,
    overdue,
)
from ingest.serialize import to_dict
from ingest.settings import Settings
from ingest.store import Store

CSV_FIELDS = (
    "key",
    "kind",
    "status",
    "source",
    "by",
    "decided_in",
    "deadline",
    "deadline_date",
    "members",
    "title",
    "letters",
    "verdict_sentence",
    "timeline",
)
KINDS = {
    "commitments": COMMITMENT_KINDS,
    "motie": ("motie",),
    "toezegging": ("toezegging",),
    "besluit": ("besluit",),
    "all": (),
}


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "commitments",
        parents=[common],
        help="list moties and toezeggingen with their status over time",
        description="The commitments register: every motie and toezegging the ingested documents report on.",
    )
    p.add_argument(
        "--status",
        choices=tuple(STATUS_GROUPS),
        default="all",
        help="open: openstaand, in uitvoering, uitgesteld, vertraagd or nieuwe deadline; closed: afgedaan; "
        "partly: deels voldaan; none: geen oordeel; submitted: a motie no document reported on "
        "(default: all)",
    )
    p.add_argument("--overdue", action="store_true", help="the rappel list: open, deadline before --as-of")
    p.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE", help="day for --overdue (default: today)"
    )
    p.add_argument(
        "--member", metavar="NAME", default=None, help="only commitments of this member of parliament"
    )
    p.add_argument(
        "--kind", choices=tuple(KINDS), default="commitments", help="default: moties and toezeggingen"
    )
    p.add_argument("--members", action="store_true", help="print the member index: each member's commitments")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json", action="store_true", help="print JSON (one array, with each commitment's timeline)"
    )
    fmt.add_argument("--csv", action="store_true", help="print CSV, one row per commitment")
    p.set_defaults(run=run)


def verdict_json(v: Verdict, m: CommitmentMention) -> dict[str, Any]:
    return {
        "letter_id": m.letter_id,
        "letter_date": m.letter_date.isoformat() if m.letter_date else None,
        "chunk_id": v.chunk_id or m.chunk_id,
        "verdict": v.verdict,
        "source": v.source,
        "by": v.by,
        "when": v.when.isoformat() if v.when else None,
        "standing": v.standing,
        "sentence": v.sentence,
        "deadline": v.deadline.text if v.deadline else None,
        "deadline_date": v.deadline.date.isoformat() if v.deadline and v.deadline.date else None,
    }


def timeline(c: Commitment) -> list[dict[str, Any]]:
    """Every verdict of every document in date order, each with its source and sentence."""
    return [verdict_json(v, m) for m in c.mentions for v in m.timeline]


def as_json(c: Commitment) -> dict[str, Any]:
    data = to_dict(c)
    mention, verdict = c.current
    data["status"] = c.status
    data["current"] = verdict_json(verdict, mention) | {
        "decided_by": mention.letter_id if verdict.source else None
    }
    data["timeline"] = timeline(c)
    return data


def _row(c: Commitment) -> dict[str, str]:
    mention, verdict = c.current
    d = c.deadline
    return {
        "key": c.key,
        "kind": c.kind,
        "status": c.status,
        "source": verdict.source or "",
        "by": verdict.by or "",
        "decided_in": mention.letter_id if verdict.source else "",
        "deadline": d.text if d else "",
        "deadline_date": d.date.isoformat() if d and d.date else "",
        "members": "; ".join(f"{m.name} ({m.party})" if m.party else m.name for m in c.members),
        "title": c.title,
        "letters": " > ".join(dict.fromkeys(m.letter_id for m in c.mentions)),
        "verdict_sentence": " ".join((verdict.sentence or "").split()),
        "timeline": " | ".join(
            f"{t['letter_date'] or '?'} {t['letter_id']}: {t['verdict']}"
            + (f" ({t['source']})" if t["source"] else "")
            for t in timeline(c)
        ),
    }


def _table(rows: list[dict[str, str]]) -> str:
    cols = ("key", "kind", "status", "source", "deadline", "members", "title")
    widths = {"key": 16, "kind": 10, "status": 15, "source": 18, "deadline": 18, "members": 28, "title": 56}

    def cell(value: str, width: int) -> str:
        return (value if len(value) <= width else value[: width - 1] + "…").ljust(width)

    lines = ["  ".join(cell(c.upper(), widths[c]) for c in cols)]
    lines += ["  ".join(cell(r[c], widths[c]) for c in cols).rstrip() for r in rows]
    return "\n".join(lines)


def _member_index(commitments: list[Commitment], args: argparse.Namespace) -> int:
    index = member_index(commitments)
    if args.member:
        from ingest.commitment_text import member_key

        index = {k: v for k, v in index.items() if member_key(args.member) in member_key(k)}
    out = sys.stdout
    rows = [
        {
            "member": name,
            "key": c.key,
            "kind": c.kind,
            "roles": list(roles),
            "status": c.status,
            "title": c.title,
        }
        for name, items in sorted(index.items())
        for c, roles in items
    ]
    if args.json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for r in rows:
            out.write(
                f"{r['member']:<22} {r['key']:<18} {r['kind']:<11} {'/'.join(r['roles']):<14} "
                f"{r['status']:<15} {r['title'][:60]}\n"
            )
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    snapshot = Store(settings.index_dir).load()
    commitments = build_register(snapshot.mentions, snapshot.letters)
    kinds = KINDS[args.kind]
    if args.members:
        return _member_index(commitments, args)
    if args.overdue:
        chosen = overdue(filter_register(commitments, member=args.member), args.as_of or date.today(), kinds)
    elif args.status == "open":
        chosen = open_list(filter_register(commitments, member=args.member), kinds)
    else:
        chosen = filter_register(commitments, status=args.status, member=args.member, kinds=kinds)
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
        what = f"overdue as of {(args.as_of or date.today()).isoformat()}" if args.overdue else "listed"
        out.write(f"{len(chosen)} of {len(commitments)} commitments {what}\n")
        if args.overdue:  # the rappel list quotes the sentence that set each deadline
            for c in chosen:
                out.write(f"- {c.key}: {' '.join((c.current[1].sentence or '').split())}\n")
    return 0
