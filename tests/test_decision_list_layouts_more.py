"""More decision-list layouts (tests/pdf_decision_layouts.py) read back from the PDFs WeasyPrint sets.

Each list must be recognised as a decision list; each decision must be its own register mention,
under its own item with that item's Zaak; each toezegging its own mention, under its item or under
the closing "Toezeggingen" section; committee and meeting date read. The letters with a label
column in their letterhead must stay letters.
"""

from __future__ import annotations

import pytest

from ingest.commitments import extract_mentions
from ingest.decision_list import committee_of, is_decision_list, meeting_date
from tests.pdf_decision_layouts import LAYOUTS
from tests.pdf_decision_letters import LETTERS
from tests.pdf_typeset import read_typeset

pytest.importorskip("weasyprint")


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout-lists-more")
    out = {}
    for name, make in LAYOUTS.items():
        layout = make()
        out[name] = (layout, *read_typeset(folder, name, layout.html))
    return out


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_recognised_as_a_decision_list(lists, name):
    _, raw, letter = lists[name]
    assert raw.kind == "besluitenlijst"
    assert is_decision_list(letter)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_decision_its_own_mention_under_its_item(lists, name):
    layout, _, letter = lists[name]
    mentions = extract_mentions(letter, [])
    found = {(m.kind, m.decision if m.kind == "besluit" else m.promise): m for m in mentions}
    expected = 0
    for title, fields in layout.items:
        zaak = next(v for k, v in fields if k == "Zaak")
        for kind, value in fields:
            if kind in ("Zaak", "Noot"):
                continue
            expected += 1
            key = ("besluit" if kind == "Besluit" else "toezegging", value)
            assert key in found, (key, sorted(found))
            m = found[key]
            assert title in m.title, (m.title, title)
            assert any(title in h for h in m.section_path), (m.section_path, title)
            if kind == "Besluit" and layout.zaak_labelled:
                assert m.promise == zaak
    for value in layout.closing:
        expected += 1
        m = found.get(("toezegging", value))
        assert m is not None, (value, sorted(found))
        assert any("Toezeggingen" in h for h in m.section_path), m.section_path
    assert len(mentions) == expected, sorted(found)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_committee_and_meeting_date(lists, name):
    layout, _, letter = lists[name]
    assert committee_of(letter) == layout.committee
    assert meeting_date(letter) == layout.when
    assert letter.date == layout.when


def test_no_running_header_or_footer_in_the_text(lists):
    layout, raw, letter = lists["value-over-a-page-break"]
    assert raw.text.count("\f") == 1  # two pages
    assert "Pagina 1 van" not in letter.text and "Staten-Generaal" not in letter.text


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_a_letter_with_a_label_letterhead_stays_a_letter(tmp_path, name):
    source, when = LETTERS[name]
    raw, letter = read_typeset(tmp_path, name, source)
    assert raw.kind != "besluitenlijst"
    assert not is_decision_list(letter)
    assert letter.date == when
