"""`brieven ask`: not built yet."""

from __future__ import annotations

import argparse

from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ask", parents=[common], help="(not built yet)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    raise SystemExit("brieven ask: not built yet")
