"""Decision lists in label/value layouts other than the development lists', typeset by the test.

Each layout of tests/pdf_decisions.py is read back from its PDF: every decision must stand under
its own item (eval/reader_gold.score_decisions on the typeset truth), every label and value must be
one labelled row, and the list's date, committee and kind must be read.
"""

from __future__ import annotations

from datetime import date

import pytest

from eval.reader_gold import norm, score_decisions
from ingest.loaders import load_document
from ingest.model import HEADING, TABLE_ROW
from ingest.parse import parse_letter
from tests.pdf_decisions import ITEMS, ListSpec, list_gold, list_pdf

pytest.importorskip("weasyprint")

DATED = {"title": "Besluitenlijst e-mailprocedure", "committee": "Commissie voor Digitale Zaken",
         "date": "Datum: 21 maart 2024"}  # fmt: skip
VARIANTS = {
    # label column left, values right, as the development lists, but without colons
    "columns-no-colon": ListSpec("columns", (0, 1, 2), colon=False),
    "columns-one-item": ListSpec("columns", (1,), rubric=None),
    # bold labels run in before their value
    "run-in": ListSpec("runin", (0, 1, 2)),
    "run-in-one-item-unnumbered": ListSpec("runin", (2,), numbered=False, rubric=None),
    "run-in-dated-header": ListSpec("runin", (1, 0), header=DATED),
    "run-in-capitals": ListSpec("runin", (2, 0), capitals=True),
    # a two-column table with ruling lines
    "ruled-table": ListSpec("ruled", (0, 1), colon=False),
    "ruled-table-title-rows": ListSpec("ruled", (1, 2), agenda_label=False),
    # labels on a line of their own above their values
    "label-above": ListSpec("above", (0, 1, 2), colon=False, agenda_label=False),
    "label-above-one-item": ListSpec("above", (0,), rubric=None),
    "label-above-two-items-dated": ListSpec("above", (2, 1), header=DATED, rubric=None),
}


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("decisions")
    out = {}
    for name, spec in VARIANTS.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(list_pdf(spec))
        raw = load_document(path)
        out[name] = (raw, parse_letter(raw))
    return out


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_decision_under_its_own_item(lists, name):
    _, letter = lists[name]
    score = score_decisions(letter, list_gold(VARIANTS[name]))
    assert score.total and score.under_own_item == score.total, "\n".join(score.problems)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_label_and_value_is_one_row(lists, name):
    raw, letter = lists[name]
    spec = VARIANTS[name]
    rows = {norm(b.text) for b in raw.blocks if b.kind == TABLE_ROW and b.label}
    for index in spec.items:
        for label, value in ITEMS[index]["rows"]:
            assert norm(f"{label}: {value}") in rows, (label, value)
    heads = [b.text for b in raw.blocks if b.kind == HEADING]
    for n, index in enumerate(spec.items, 1):
        title = ITEMS[index]["agendapunt"]
        expected = f"{n}. {title}" if spec.numbered else title
        assert expected in heads, (expected, heads)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_list_metadata(lists, name):
    _, letter = lists[name]
    head = VARIANTS[name].header
    assert letter.kind == "besluitenlijst"
    assert letter.date == date(2024, 3, 21)
    assert letter.sender == (head["committee"] if head else "vaste commissie voor Digitale Zaken")
    assert letter.title == (head["title"] if head else "Besluitenlijst procedurevergadering")
