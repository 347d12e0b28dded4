"""The register tab's table, search, status filter and timeline HTML on the demo letters."""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant import register_view
from assistant.app import build_app
from ingest.model import (
    AFGEDAAN,
    DEELS,
    INGEDIEND,
    NO_VERDICT,
    OPEN_VERDICTS,
    Chunk,
    Commitment,
    CommitmentMention,
    Letter,
    Member,
)
from ingest.register_query import overdue
from tests.test_assistant_status import LETTER_004, MEMO_000, fake_demo_engine


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return fake_demo_engine(tmp_path_factory)


def ids_of(rows) -> list[str]:
    return [r[1] for r in rows]


def test_rows_have_every_column_and_number_the_register(eng):
    rows = register_view.rows(eng.register, eng.letter_map)
    assert len(rows) == len(eng.register) and all(len(r) == len(register_view.COLUMNS) for r in rows)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    (t03667,) = [r for r in rows if r[1] == "T03667"]
    cols = dict(zip(register_view.COLUMNS, t03667, strict=True))
    assert cols["Status"] == AFGEDAAN and cols["Letters"] == 2 and cols["Letter date"] == "2025-01-16"
    assert "Veldhoen" in cols["Members"] and cols["Title"] == "Publicatie mensenrechtentoetsen AI-gebruik"
    assert cols["Source"] == "staatssecretaris"  # her verdict stands: the proposal left it to the committee
    (t03926,) = [r for r in rows if r[1] == "T03926"]
    assert t03926[6] == "1 juli 2025 (2025-07-01)"


def test_search_matches_identifier_title_and_member(eng):
    assert ids_of(register_view.rows(eng.register, eng.letter_map, "t03667")) == ["T03667"]
    assert "TZ202504-147" in ids_of(register_view.rows(eng.register, eng.letter_map, "MitID"))
    by_member = register_view.rows(eng.register, eng.letter_map, "veldhoen")
    assert {"T03667", "T03669"} <= set(ids_of(by_member))
    assert all("Veldhoen" in r[4] for r in by_member)
    assert register_view.rows(eng.register, eng.letter_map, "hondenbelasting") == []


def test_status_filter(eng):
    closed = register_view.rows(eng.register, eng.letter_map, status="closed")
    still_open = register_view.rows(eng.register, eng.letter_map, status="open")
    everything = register_view.rows(eng.register, eng.letter_map)
    assert closed and still_open
    assert {r[5] for r in closed} == {AFGEDAAN} and {r[5] for r in still_open} <= set(OPEN_VERDICTS)
    # Open means open: geen oordeel and deels voldaan are neither open nor closed.
    others = {r[0] for r in everything} - {r[0] for r in closed} - {r[0] for r in still_open}
    assert {r[5] for r in everything if r[0] in others} <= {NO_VERDICT, DEELS, INGEDIEND}
    assert ids_of(register_view.rows(eng.register, eng.letter_map, "T03926", "closed")) == []


def test_overdue_filter_is_the_rappel_list(eng):
    as_of = date(2026, 1, 1)
    late = register_view.rows(eng.register, eng.letter_map, status="overdue", as_of=as_of)
    assert "T03926" in ids_of(late)  # nieuwe deadline 1 juli 2025
    for r in late:
        (c,) = [c for n, c in enumerate(eng.register, start=1) if n == r[0]]
        assert c.is_open and c.deadline.date < as_of
    dates = [c.deadline.date for n, c in enumerate(eng.register, start=1) if n in {r[0] for r in late}]
    assert sorted(dates) == [c.deadline.date for c in overdue(eng.register, as_of)]
    assert register_view.rows(eng.register, eng.letter_map, status="overdue", as_of=date(2025, 1, 1)) == []


def test_timeline_shows_both_letters_in_date_order_with_marked_passages(eng):
    (c,) = [c for c in eng.register if "T03667" in c.identifiers]
    html = register_view.timeline_html(c, eng.chunk_map, eng.letter_map)
    assert re.findall(r'data-letter="([^"]+)"', html) == [LETTER_004, MEMO_000]
    assert re.findall(r'data-date="([^"]+)"', html) == ["2024-04-30 (not before)", "2025-01-16"]
    assert '<mark class="verdict">Hiermee acht ik de toezegging afgedaan.”</mark>' in html
    assert '<mark class="promise">' in html  # the 2024 letter gives no verdict: its promise is marked
    assert "[2] Handelingen I 2022-2023, nr. 23, item 9 - blz. 27, T03667" in html  # the passage's footnote
    # The memo records two parties: the state secretary's verdict decides, the staff proposal leaves it open.
    assert re.findall(r'data-source="([^"]*)"', html)[-2:] == ["staatssecretaris", "ambtelijk voorstel"]
    assert "decided by: staatssecretaris" in html


def test_mitid_timeline_marks_the_verdict_and_shows_footnote_20(eng):
    (c,) = [c for c in eng.register if "TZ202504-147" in c.identifiers]
    html = register_view.timeline_html(c, eng.chunk_map, eng.letter_map)
    assert '<mark class="verdict">Met onderstaande informatie doe ik deze toezegging af.</mark>' in html
    assert '<li data-footnote="20">[20] TZ202504-147</li>' in html


def test_document_text_is_escaped():
    text = "Kop <script>alert(1)</script>\nHiermee is de toezegging <b>afgedaan</b>."
    letter = Letter(id="x", source="x.txt", format="text", digest="0", text=text, title="<i>Brief</i>")
    chunk = Chunk(
        id="x#0", letter_id="x", text=text, clean_text=text, section_path=("<h1>Kop</h1>",), span=(0, 60)
    )
    mention = CommitmentMention(
        kind="toezegging",
        identifiers=("T00001",),
        title="<img src=x onerror=alert(1)>",
        letter_id="x",
        section_path=chunk.section_path,
        chunk_id=chunk.id,
        members=(Member("<Lid>"),),
        verdict=AFGEDAAN,
        verdict_sentence="Hiermee is de toezegging <b>afgedaan</b>.",
        letter_date=date(2025, 1, 1),
    )
    c = Commitment("T00001", "toezegging", ("T00001",), mention.title, mention.members, (mention,))
    html = register_view.timeline_html(c, {chunk.id: chunk}, {"x": letter})
    for raw in ("<script>", "toezegging <b>", "<img", "<i>", "<h1>", "<Lid>"):
        assert raw not in html
    assert "&lt;script&gt;" in html and '<mark class="verdict">Hiermee is de toezegging &lt;b&gt;' in html


def test_the_page_has_the_register_tab(eng):
    app = build_app(eng.settings, eng)
    config = app.get_config_file()
    labels = [c["props"].get("label") for c in config["components"]]
    elem_ids = {c["props"].get("elem_id") for c in config["components"]}
    assert "Toezeggingen en moties" in labels
    assert {"register-search", "register-status", "register-table", "register-detail"} <= elem_ids
