"""`brieven export --json`: every chunk with its letter metadata and resolved footnotes, as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys

from ingest.serialize import to_dict
from ingest.settings import Settings
from ingest.store import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write every chunk as JSON lines")
    p.add_argument("--json", action="store_true", default=True, help="JSON lines (the only format)")
    p.add_argument("--letters", action="store_true", help="one line per letter (metadata, footnotes) instead")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    snap = Store(settings.index_dir).load()
    out = sys.stdout
    if args.letters:
        for letter in snap.letters.values():
            data = to_dict(letter)
            data.pop("text")
            data["unresolved_markers"] = [to_dict(m) for m in letter.unresolved_markers]
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        return 0
    for chunk in snap.chunks:
        letter = snap.letters[chunk.letter_id]
        meta = {
            "id": letter.id,
            "title": letter.title,
            "date": letter.date.isoformat() if letter.date else None,
            "date_not_before": letter.date_not_before.isoformat() if letter.date_not_before else None,
            "sender": letter.sender,
            "addressee": letter.addressee,
            "kamerstuk": letter.kamerstuk,
            "source": letter.source,
            "format": letter.format,
        }
        out.write(json.dumps({**to_dict(chunk), "letter": meta}, ensure_ascii=False) + "\n")
    return 0
