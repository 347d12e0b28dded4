"""The register measured on documents its rules were not written on (issue 14), development beside it.

Rules were written on the development part only: demo letters 000, 001, 003, the development part of
moties-op-xml and decision lists example1/example2 (eval/splits.json). Measurement: letters 002 and
004, 30 seeded measurement moties, decision lists example3/example4, and the open, overdue (as of
1 January 2026) and member queries over all five letters (tests/gold/, scored by eval/register_gold.py).
Rerun: python -m pytest tests/test_register_measurement.py -s  (or python -m eval.register_measure --part all)
"""

from __future__ import annotations

from functools import cache

import pytest

from eval.register_measure import measure
from eval.splits import corpus_root

THRESHOLD = 0.95
SHARED = corpus_root("moties-op-xml").exists() and corpus_root("besluitenlijsten-pdf").exists()


@cache
def figures() -> dict:
    return measure(("development", "measurement"))


def _shown(scores: dict) -> dict:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in scores.items()}


def test_register_figures_are_reported_and_meet_the_thresholds(capsys: pytest.CaptureFixture[str]):
    f = figures()
    with capsys.disabled():
        print()
        for name, scores in f.items():
            print(f"register {name}:", _shown(scores))
    m = f["letters/measurement"]
    assert m["recall"] >= THRESHOLD, m["missed"]
    assert m["precision"] >= THRESHOLD, m["unreal"]
    assert m["verdict_and_source"] >= THRESHOLD


def test_every_open_record_is_listed_and_the_overdue_list_is_exact():
    f = figures()
    assert f["open"]["recall"] == 1.0 and f["open"]["answer_lists_each"], f["open"]["missing"]
    assert f["overdue"]["exact"] and f["overdue"]["answer_lists_each"], (
        f["overdue"]["missing"],
        f["overdue"]["extra"],
    )


@pytest.mark.skipif(not SHARED, reason="shared corpus not present")
def test_real_moties_and_decision_lists_register_themselves():
    f = figures()
    moties, decisions = f["moties"], f["decisions"]
    assert moties["recall"] >= THRESHOLD and moties["precision"] >= THRESHOLD
    assert min(moties[k] for k in ("kamerstuk_id", "indieners", "date", "replaces", "status")) >= THRESHOLD
    assert decisions["recall"] >= THRESHOLD and decisions["precision"] >= THRESHOLD
    assert decisions["committee"] >= THRESHOLD and decisions["date"] >= THRESHOLD
