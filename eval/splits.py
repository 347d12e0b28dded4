"""The development and measurement parts of every corpus and of the question set (eval/splits.json)."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

SPLITS_FILE = Path(__file__).with_name("splits.json")
REPO = SPLITS_FILE.parent.parent
PARTS = ("development", "measurement")


@cache
def splits() -> dict:
    return json.loads(SPLITS_FILE.read_text(encoding="utf-8"))


def _by_rule(name: str) -> str:
    """The moties-op-xml rule: first hex digit of sha256(file name), 0-7 development, 8-f measurement."""
    return (
        "development" if hashlib.sha256(name.encode("utf-8")).hexdigest()[0] in "01234567" else "measurement"
    )


def corpus_root(corpus: str) -> Path:
    return (REPO / splits()["corpora"][corpus]["root"]).resolve()


def part_of(corpus: str, name: str) -> str:
    """ "development" or "measurement" for a file name of a corpus; KeyError for a file in neither."""
    spec = splits()["corpora"][corpus]
    for part in PARTS:
        listed = spec[part]
        if listed == "rule":
            return _by_rule(name)
        if listed == "all" or name in listed:
            return part
    raise KeyError(f"{name} is in neither part of {corpus}")


def files(corpus: str, part: str) -> list[Path]:
    """The files of one part of a corpus, sorted by name."""
    if part not in PARTS:
        raise ValueError(f"part is one of {PARTS}, not {part!r}")
    root = corpus_root(corpus)
    spec = splits()["corpora"][corpus]
    listed = spec[part]
    if listed in ("rule", "all"):
        return sorted(
            p
            for p in root.iterdir()
            if p.is_file()
            and not p.name.startswith(".")
            and (listed == "all" or _by_rule(p.name) == part)
            and p.suffix != ".md"
        )
    return [root / name for name in listed]


def question_part(question_id: str) -> str:
    """ "measurement" for the question ids listed there, else "development"."""
    return "measurement" if question_id in set(splits()["questions"]["measurement"]) else "development"
