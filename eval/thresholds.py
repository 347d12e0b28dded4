"""Checks evaluation results against eval/thresholds.json: minimums, maximums and who must beat whom."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.errors import InputError

THRESHOLDS_PATH = Path(__file__).resolve().parent / "thresholds.json"


def lookup(results: dict[str, Any], path: str) -> Any:
    """'retrieval.hybrid.nl.recall.5' -> results['retrieval']['hybrid']['nl']['recall']['5']."""
    node: Any = results
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(path)
        node = node[part]
    return node


def load_thresholds(path: Path = THRESHOLDS_PATH) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read thresholds ({exc})") from exc


def check(results: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    """One line per violated threshold; a metric that is missing or None is a violation too."""
    failures = []

    def value(path: str) -> float | None:
        try:
            v = lookup(results, path)
        except KeyError:
            return None
        return None if v is None else float(v)

    for path, minimum in thresholds.get("min", {}).items():
        v = value(path)
        if v is None or v < minimum:
            failures.append(f"{path} = {v} < {minimum}")
    for path, maximum in thresholds.get("max", {}).items():
        v = value(path)
        if v is None or v > maximum:
            failures.append(f"{path} = {v} > {maximum}")
    for better, worse in thresholds.get("beats", []):
        a, b = value(better), value(worse)
        if a is None or b is None or a <= b:
            failures.append(f"{better} = {a} does not beat {worse} = {b}")
    return failures
