"""Validates a judge against statement-passage pairs labelled by hand (eval/judge_labels.jsonl)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.metrics import Judge
from ingest.errors import InputError

LABELS_PATH = Path(__file__).resolve().parent / "judge_labels.jsonl"


@dataclass(frozen=True)
class LabelledPair:
    id: str
    statement: str
    passage: str
    supported: bool  # the human label
    note: str = ""
    lang: str = "nl"


@dataclass(frozen=True)
class Agreement:
    """How a judge's verdicts compare with the human labels."""

    n: int
    accuracy: float
    kappa: float  # Cohen's kappa: agreement corrected for chance
    true_pos: int
    false_pos: int  # judge says supported, label says not
    false_neg: int
    true_neg: int
    disagreements: tuple[str, ...] = ()  # pair ids

    @property
    def precision(self) -> float | None:
        said_yes = self.true_pos + self.false_pos
        return self.true_pos / said_yes if said_yes else None

    @property
    def recall(self) -> float | None:
        yes = self.true_pos + self.false_neg
        return self.true_pos / yes if yes else None


def load_labels(path: Path = LABELS_PATH) -> list[LabelledPair]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read judge labels ({exc.strerror})") from exc
    pairs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            pairs.append(
                LabelledPair(
                    id=str(obj["id"]),
                    statement=str(obj["statement"]),
                    passage=str(obj["passage"]),
                    supported=bool(obj["supported"]),
                    note=str(obj.get("note", "")),
                    lang=str(obj.get("lang", "nl")),
                )
            )
        except (json.JSONDecodeError, KeyError) as exc:
            raise InputError(str(path), f"line {n}: {exc}") from exc
    return pairs


def cohen_kappa(labels: Sequence[bool], verdicts: Sequence[bool]) -> float:
    """Cohen's kappa for two binary raters; 0.0 when chance agreement is total (one class only)."""
    n = len(labels)
    if n == 0:
        return 0.0
    observed = sum(a == b for a, b in zip(labels, verdicts, strict=True)) / n
    p_label, p_verdict = sum(labels) / n, sum(verdicts) / n
    expected = p_label * p_verdict + (1 - p_label) * (1 - p_verdict)
    if expected >= 1.0:
        return 0.0
    return (observed - expected) / (1 - expected)


def agreement(judge: Judge, pairs: Iterable[LabelledPair]) -> Agreement:
    """Run the judge on each pair (statement vs its one passage) and compare with the labels."""
    pairs = list(pairs)
    verdicts = [bool(judge.supports(p.statement, [p.passage])) for p in pairs]
    labels = [p.supported for p in pairs]
    tp = sum(v and y for v, y in zip(verdicts, labels, strict=True))
    fp = sum(v and not y for v, y in zip(verdicts, labels, strict=True))
    fn = sum(y and not v for v, y in zip(verdicts, labels, strict=True))
    tn = len(pairs) - tp - fp - fn
    return Agreement(
        n=len(pairs),
        accuracy=(tp + tn) / len(pairs) if pairs else 0.0,
        kappa=cohen_kappa(labels, verdicts),
        true_pos=tp,
        false_pos=fp,
        false_neg=fn,
        true_neg=tn,
        disagreements=tuple(p.id for p, v in zip(pairs, verdicts, strict=True) if v != p.supported),
    )
