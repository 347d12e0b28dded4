"""`brieven doctor`: check the current snapshot against its manifest and fall back to the last sound one."""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest.errors import IndexNotFoundError
from ingest.lock import IndexLock
from ingest.recovery import doctor
from ingest.settings import Settings
from ingest.store import Snapshot, Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "doctor",
        parents=[common],
        help="check the index against its checksums; fall back to the last sound snapshot",
        description="Check every file of the current snapshot against the checksums recorded when it was "
        "written, and that its search indexes load. A damaged snapshot is set aside and the newest sound "
        "one becomes current; `brieven ingest --rebuild` then takes back the letters only the damaged one "
        "held. Exit 0: sound; 1: repaired; 2: could not repair.",
    )
    p.add_argument(
        "--wait", type=float, default=None, metavar="SECONDS", help="wait for a running ingest (default 600)"
    )
    p.set_defaults(run=run)


def _check_indexes(folder: Path) -> None:
    from index.build import load_indexes

    load_indexes(Snapshot(folder, {}, [], []))


def run(args: argparse.Namespace, settings: Settings) -> int:
    wait = settings.lock_wait_s if args.wait is None else max(0.0, args.wait)
    store = Store(settings.index_dir)
    if not store.root.is_dir():
        raise IndexNotFoundError(f"no ingested letters in {store.root}; nothing to check")
    with IndexLock(store.root, wait, what="doctor"):
        report = doctor(store, _check_indexes)
    print("\n".join(report.lines))
    if report.sound:
        return 0
    return 1 if report.repaired else 2
