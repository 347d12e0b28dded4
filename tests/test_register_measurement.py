"""The register measured on documents its rules were not written on (issue 14), development beside it.

Rules were written on the development part only: demo letters 000, 001, 003, the development part of
moties-op-xml, the development office moties and decision lists example1/example2 (eval/splits.json).
Measurement: letters 002 and 004, 30 seeded measurement moties, decision lists example3/example4, and the
open, overdue (as of 1 January 2026) and member queries over all five letters (tests/gold/, scored by
eval/register_gold.py). Rerun: python -m pytest tests/test_register_measurement.py -s
(or python -m eval.register_measure --part all).

Measured once, at the end of the round that wrote the rules (figures in eval/results/register/): where a
threshold was not met the test is a strict xfail that names the figure, so it fails the day it passes
and the marker must go; nothing was tuned on the measurement part afterwards.
"""

from __future__ import annotations

from functools import cache

import pytest

from eval.register_measure import measure
from eval.splits import corpus_root

THRESHOLD = 0.95
SHARED = corpus_root("moties-op-xml").exists() and corpus_root("besluitenlijsten-pdf").exists()
BELOW = "measured below the threshold (issue 14 round, eval/results/register/measurement.json)"


@cache
def figures() -> dict:
    return measure(("development", "measurement"))


def _shown(scores: dict) -> dict:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in scores.items()}


def test_register_figures_are_reported(capsys: pytest.CaptureFixture[str]):
    f = figures()
    with capsys.disabled():
        print()
        for name, scores in f.items():
            print(f"register {name}:", _shown(scores))
    assert f["letters/development"]["recall"] >= THRESHOLD  # the letters the rules were written on
    assert {"letters/measurement", "open", "overdue", "members"} <= set(f)


@pytest.mark.xfail(strict=True, reason=f"letters 002/004: recall 0.629, precision 0.88; {BELOW}")
def test_measurement_letters_records_found_and_real():
    m = figures()["letters/measurement"]
    assert m["recall"] >= THRESHOLD and m["precision"] >= THRESHOLD, (m["missed"], m["unreal"])


@pytest.mark.xfail(strict=True, reason=f"letters 002/004: verdict and source 0.773; {BELOW}")
def test_measurement_letters_verdict_and_source():
    assert figures()["letters/measurement"]["verdict_and_source"] >= THRESHOLD


@pytest.mark.xfail(strict=True, reason=f"open list recall 0.56 (records the letters' reader missed); {BELOW}")
def test_every_open_record_is_listed():
    f = figures()["open"]
    assert f["recall"] == 1.0 and f["answer_lists_each"], f["missing"]


def test_the_overdue_list_is_exactly_the_open_records_with_an_earlier_deadline():
    f = figures()["overdue"]
    assert f["exact"] and f["answer_lists_each"], (f["missing"], f["extra"])


@pytest.mark.skipif(not SHARED, reason="shared corpus not present")
def test_real_moties_register_themselves():
    moties = figures()["moties"]
    assert moties["recall"] >= THRESHOLD and moties["precision"] >= THRESHOLD
    fields = ("kamerstuk_id", "indieners", "date", "dictum", "replaces", "status")
    assert min(moties[k] for k in fields) >= THRESHOLD


@pytest.mark.skipif(not SHARED, reason="shared corpus not present")
@pytest.mark.xfail(strict=True, reason=f"decision lists 3/4: 1 of 2 found, date 0 of 1; {BELOW}")
def test_real_decision_lists_give_their_decisions():
    decisions = figures()["decisions"]
    assert decisions["recall"] >= THRESHOLD and decisions["precision"] >= THRESHOLD
    assert decisions["committee"] >= THRESHOLD and decisions["date"] >= THRESHOLD
