"""Policy papers in two and three columns with figures, a table and a margin column, read back in order.

The papers are typeset by WeasyPrint in CSS columns (tests/pdf_policy.py): figures float in the middle
of a sentence with small labels and a caption, a table stands in one column, pull-quotes in a margin
column, a page number in the footer. Every body sentence must come back whole, in the order written
(each column top to bottom, left first, over column and page breaks), and the table as its rows.
"""

from __future__ import annotations

import pytest

from ingest.loaders import load_document
from ingest.model import TABLE_ROW
from ingest.parse import parse_letter
from tests.pdf_policy import typeset_policy

pytest.importorskip("weasyprint")

VARIANTS = {
    "two-columns-margin-quotes": {},
    "three-columns": {"columns": 3, "sidebar": False},
    "two-columns-justified": {"sidebar": False, "justify": True, "seed": 5, "wide_table": True},
}


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("policy")
    cache: dict[str, tuple] = {}

    def get(variant: str):
        if variant not in cache:
            pdf, truth = typeset_policy(**VARIANTS[variant])
            path = folder / f"{variant}.pdf"
            path.write_bytes(pdf)
            raw = load_document(path)
            cache[variant] = (truth, raw, parse_letter(raw))
        return cache[variant]

    return get


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_sentence_whole_in_one_block(papers, variant):
    truth, raw, letter = papers(variant)
    blocks = [_flat(b.text) for b in raw.blocks]
    assert len(truth.sentences) >= 90 and len(truth.body) >= 80
    missing = [s for s in truth.sentences if not any(s in b for b in blocks)]
    assert not missing, missing[:5]
    text = _flat(letter.text)
    assert not [s for s in truth.sentences if s not in text]
    if "margin" in variant:
        assert truth.quotes  # the margin column was printed, and is read as blocks of its own
        assert [q for q in truth.quotes if q not in blocks] == []


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_columns_read_in_order(papers, variant):
    truth, _, letter = papers(variant)
    text = _flat(letter.text)
    at = [text.find(s) for s in truth.body]
    assert at == sorted(at), [s for s, a, b in zip(truth.body, at, at[1:], strict=False) if a > b][:3]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_table_rows_are_table_rows_and_figures_stay_apart(papers, variant):
    truth, raw, _ = papers(variant)
    rows = [b.text for b in raw.blocks if b.kind == TABLE_ROW]
    assert [r for r in (" | ".join(cells) for cells in truth.table_rows) if r not in rows] == []
    body = set(truth.body)
    # a figure's labels are rows of their own, never cells beside a body line
    assert not [r for r in rows if any(s[:40] in r for s in body)]
    assert "Mitigatie | 14" in rows
