"""Letter and date filters shared by `brieven search` and `brieven ask`."""

from __future__ import annotations

import argparse
from datetime import date

from ingest.model import SearchFilter


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def add_filter_args(p: argparse.ArgumentParser) -> None:
    day = "YYYY-MM-DD"
    p.add_argument("--letter", action="append", default=[], metavar="ID", help="only this letter (repeat)")
    p.add_argument("--from", dest="date_from", type=_date, metavar=day, help="letters dated on/after")
    p.add_argument("--to", dest="date_to", type=_date, metavar=day, help="letters dated on/before")


def filters_from(args: argparse.Namespace) -> SearchFilter | None:
    if args.letter or args.date_from or args.date_to:
        return SearchFilter(letter_ids=tuple(args.letter), date_from=args.date_from, date_to=args.date_to)
    return None
