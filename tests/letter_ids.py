"""Letter ids for tests, looked up by source file name: keys are what a document is (ingest/identity.py),
so tests never hard-code a digest key."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ingest.model import Letter

DEMO = Path(__file__).resolve().parents[1] / "demo" / "letters"


@cache
def demo_id(name: str) -> str:
    """The key of a demo letter, by its file name or its number: "004_2db611365dd9d4ee.txt" or "004"."""
    from ingest.loaders import load_document
    from ingest.parse import parse_letter

    matches = sorted(DEMO.glob(f"{name}*")) if "." not in name else [DEMO / name]
    if len(matches) != 1:
        raise KeyError(f"no single demo letter named {name!r}")
    return parse_letter(load_document(matches[0])).id


def id_by_source(letters: Iterable[Letter], name: str) -> str:
    """The key of the letter read from a file named `name` (a file name or stem), among `letters`."""
    found = [x.id for x in letters if Path(x.source).name == name or Path(x.source).stem == name]
    if len(found) != 1:
        raise KeyError(f"{len(found)} letters read from {name!r}")
    return found[0]
