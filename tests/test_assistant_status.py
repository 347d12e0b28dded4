"""Status and list questions answered from the register of the demo letters, each verdict cited."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from assistant.engine import Engine
from assistant.status import StatusRequest, status_request
from assistant.status_evidence import locate
from ingest.model import OPEN_VERDICTS, SearchFilter
from ingest.register_query import member_rows, open_list, overdue
from ingest.settings import Settings
from tests.assistant_fakes import DEMO, demo_index
from tests.letter_ids import demo_id

MITID_VERDICT = "Met onderstaande informatie doe ik deze toezegging af."
LETTER_004 = demo_id("004")  # no printed date; not before 30 April 2024
MEMO_000 = demo_id("000")  # committee memo of 16 January 2025


def fake_demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The demo letters ingested once with the model-free embedder: the real parser, chunker and register."""
    from index.fake import FakeEmbedder
    from index.hybrid import open_searcher
    from index.pipeline import ingest_paths

    folder = tmp_path_factory.getbasetemp() / "status-demo-index"
    settings = Settings(index_dir=folder, embedding_model="fake-hash")
    if not (folder / "CURRENT").exists():
        ingest_paths([DEMO], settings, embedder=FakeEmbedder())
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    snap = searcher.snapshot
    return Engine(
        searcher, settings, chunks=snap.chunks, letters=list(snap.letters.values()), mentions=snap.mentions
    )


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return fake_demo_engine(tmp_path_factory)


def by_id(eng: Engine, identifier: str):
    (found,) = [c for c in eng.register if identifier in c.identifiers]
    return found


def assert_quotes_are_verbatim(answer) -> None:
    assert answer.citations
    for c in answer.citations:
        a, b = c.quote_span
        assert c.chunk.text[a:b] == c.quote and c.quote in c.chunk.text
        assert f"[{c.n}]" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the MitID commitment fulfilled?", StatusRequest(False, None, frozenset())),
        ("what is the status of T03667?", StatusRequest(False, None, frozenset())),
        ("is motie Buijsse afgedaan?", StatusRequest(False, None, frozenset({"motie"}))),
        (
            "welke toezeggingen over AI staan nog open?",
            StatusRequest(True, "open", frozenset({"toezegging"})),
        ),
        ("which commitments are still open?", StatusRequest(True, "open", frozenset())),
        ("Welke moties zijn afgedaan?", StatusRequest(True, "closed", frozenset({"motie"}))),
        ("what was promised on MitID?", None),
        ("Wat is het standpunt over de hondenbelasting?", None),
        ("is the door open?", None),  # a status word without a commitment is not a status question
    ],
)
def test_status_questions_are_recognised_in_dutch_and_english(question, expected):
    assert status_request(question) == expected


def test_locate_finds_a_sentence_verbatim_or_across_line_breaks():
    text = "Eerst dit. Met onderstaande informatie doe ik deze\ntoezegging af. Verder."
    span = locate(MITID_VERDICT, text)
    assert (
        span is not None
        and text[span[0] : span[1]] == "Met onderstaande informatie doe ik deze\ntoezegging af."
    )
    assert locate("Hiermee is de toezegging afgedaan.", text) is None


def test_mitid_status_cites_the_verdict_sentence_of_11_july_2025(eng):
    answer = eng.answer("is the MitID commitment fulfilled?")
    assert not answer.abstained and answer.language == "en"
    first = answer.citations[0]
    assert first.quote == MITID_VERDICT
    assert first.chunk.id == by_id(eng, "TZ202504-147").latest.chunk_id
    assert first.letter.kamerstuk == "26643 nr. 1371" and first.letter.date.isoformat() == "2025-07-11"
    assert "TZ202504-147" in [i for f in first.chunk.footnotes for i in f.toezeggingen]
    assert "settled (afgedaan)" in answer.text and "11 July 2025 [1]" in answer.text
    assert_quotes_are_verbatim(answer)


def test_dutch_status_question_gets_a_dutch_answer(eng):
    answer = eng.answer("Is de toezegging over MitID afgedaan?")
    assert answer.language == "nl" and answer.citations[0].quote == MITID_VERDICT
    assert "afgedaan volgens de staatssecretaris in de brief van 11 juli 2025 [1]" in answer.text


def test_t03667_status_names_who_gave_each_verdict(eng):
    answer = eng.answer("what is the status of T03667?")
    assert_quotes_are_verbatim(answer)
    letters = [c.letter.id for c in answer.citations]
    # [1] the state secretary's verdict, [2] the staff proposal in the same memo, [3] the earlier letter
    assert letters == [MEMO_000, MEMO_000, LETTER_004]
    assert answer.citations[0].quote == "Hiermee acht ik de toezegging afgedaan.”"
    assert answer.citations[1].quote == "Oordeel commissie."
    lines = answer.text.splitlines()
    assert "settled (afgedaan) according to the state secretary (letter of 8 January 2025) [1]" in lines[0]
    assert "the staff proposal (ambtelijk voorstel): no verdict (geen oordeel) [2]" in lines[0]
    assert "16 January 2025" in lines[0]
    assert "Earlier, in the letter of not before 30 April 2024" in lines[-1]


def test_dutch_t03667_names_the_state_secretary_and_the_proposal(eng):
    answer = eng.answer("Wat is de status van T03667?")
    first = answer.text.splitlines()[0]
    assert "afgedaan volgens de staatssecretaris (brief van 8 januari 2025) [1]" in first
    assert "het ambtelijk voorstel: geen oordeel [2]" in first


def test_t03664_keeps_the_standing_status_apart_from_the_proposal(eng):
    answer = eng.answer("Wat is de status van T03664?")
    assert_quotes_are_verbatim(answer)
    first = answer.text.splitlines()[0]
    assert first.split(":", 1)[1].strip().startswith("afgedaan volgens het ambtelijk voorstel")
    # "(huidige status: deels voldaan)" is the committee's status before the memo, and is said to be so.
    assert "de commissie: deels voldaan (de status die gold)" in first
    (standing,) = [c for c in answer.citations if c.quote == "(huidige status: deels voldaan)"]
    assert f"[{standing.n}]" in first


def items_of(answer) -> list[str]:
    return [line for line in answer.text.splitlines() if line.startswith("- ")]


def listed_ids(line: str, eng) -> list[str]:
    return [i for c in eng.register for i in c.identifiers if f" {i} " in line]


def test_open_list_is_complete_sorted_by_deadline_and_cites_each_verdict(eng):
    answer = eng.answer("Welke toezeggingen staan nog open?")
    assert_quotes_are_verbatim(answer)
    expected = open_list(eng.register, kinds=("toezegging",))
    items = items_of(answer)
    assert len(items) == len(expected) and all(re.search(r"\[\d+\]$", line) for line in items)
    assert answer.text.splitlines()[0] == f"{len(expected)} toezeggingen staan open, op deadline:"
    for line, c in zip(items, expected, strict=True):  # in the register's order: by deadline
        assert c.status in OPEN_VERDICTS and f"“{' '.join(c.title.split())[:20]}" in line
        assert " ".join(c.current[1].sentence.split())[:40] in line  # its verdict sentence, quoted
    assert " T03926 " in items[0] + items[1] + items[2]  # 1 July 2025, the earliest deadline
    assert "TZ202504-147" not in answer.text and "nog " not in answer.text.splitlines()[-1]


def test_english_open_list_gets_an_english_frame(eng):
    answer = eng.answer("which commitments are still open?")
    assert answer.language == "en" and not answer.abstained
    expected = open_list(eng.register)
    assert answer.text.splitlines()[0].startswith(
        f"{len(expected)} commitments and motions are open, by deadline"
    )
    assert len(items_of(answer)) == len(expected)
    assert "open (openstaand) according to the staff proposal (ambtelijk voorstel)" in answer.text
    assert "due 1 July 2025" in answer.text


def test_overdue_list_is_the_rappel_list_with_the_sentence_that_set_each_deadline(eng):
    answer = eng.answer("welke toezeggingen zijn over de deadline per 1 januari 2026?")
    assert_quotes_are_verbatim(answer)
    expected = overdue(eng.register, date(2026, 1, 1), kinds=("toezegging",))
    assert expected and answer.text.splitlines()[0].startswith(
        f"{len(expected)} toezeggingen zijn over de deadline"
    )
    items = items_of(answer)
    assert len(items) == len(expected)
    for line, c in zip(items, expected, strict=True):
        assert c.deadline.date < date(2026, 1, 1) and c.deadline.text in line
        assert " ".join(c.current[1].sentence.split())[:40] in line
    today = eng.answer("welke toezeggingen zijn over de deadline?")  # as of today
    assert len(items_of(today)) == len(overdue(eng.register, date.today(), kinds=("toezegging",)))


def test_what_a_member_asked_for_is_listed_completely_with_roles(eng):
    answer = eng.answer("what did Kathmann ask for?")
    assert_quotes_are_verbatim(answer)
    expected = member_rows(eng.register, "Kathmann")
    assert len(expected) >= 6 and len(items_of(answer)) == len(expected)
    assert answer.text.splitlines()[0].startswith(f"Kathmann: {len(expected)} ")
    assert "(Kathmann: submitted)" in answer.text and "(Kathmann: asked for)" in answer.text
    assert "TZ202504-147" in answer.text


def test_moties_settled_in_a_letter_of_a_month(eng):
    answer = eng.answer("welke moties zijn in de brief van juli 2025 afgedaan?")
    assert_quotes_are_verbatim(answer)
    assert answer.text.splitlines()[0].startswith("3 moties zijn afgedaan in documenten van juli 2025")
    assert all(
        "afgedaan volgens de staatssecretaris in de brief van 11 juli 2025" in line
        for line in items_of(answer)
    )
    assert {c.letter.id for c in answer.citations} == {"kst-26643-1371"}


def test_open_list_about_a_topic_lists_only_open_ones_on_it(eng):
    answer = eng.answer("welke toezeggingen over onlineplatforms staan nog open?")
    assert_quotes_are_verbatim(answer)
    assert answer.text.startswith("1 toezegging over “onlineplatforms” staat open, op deadline:")
    assert (
        "meldpunt" in items_of(answer)[0] and "vertraagd volgens de staatssecretaris" in items_of(answer)[0]
    )
    ai = eng.answer("welke toezeggingen over AI staan nog open?")
    assert not ai.abstained and "over “AI”" in ai.text.splitlines()[0]
    for settled in ("T03667", "T03661", "T03666"):  # AI toezeggingen settled by the letters
        assert settled not in ai.text
    for line in items_of(ai):
        ids = listed_ids(line, eng)
        assert ids and all(by_id(eng, i).status in OPEN_VERDICTS for i in ids), line


def test_motie_by_member_lists_each_of_their_moties(eng):
    answer = eng.answer("is motie Buijsse afgedaan?")
    assert_quotes_are_verbatim(answer)
    theirs = [c for c in eng.register if c.kind == "motie" and any(m.name == "Buijsse" for m in c.members)]
    assert len(theirs) >= 2
    for c in theirs:
        assert f" {c.identifiers[0]} " in answer.text and c.status in answer.text


def test_the_topic_picks_among_a_members_moties(eng):
    answer = eng.answer("Wat is de status van de motie Buijsse over soevereiniteit in cloudcontracten?")
    assert_quotes_are_verbatim(answer)
    assert answer.text.startswith("Motie kst-26643-1321 ")
    assert len({c.chunk.id for c in answer.citations}) == 1


def test_follow_up_asks_the_status_of_the_topic_in_the_conversation(eng):
    first = eng.answer("what was promised on MitID?")
    assert eng.status_answer("what was promised on MitID?") is None  # not a status question
    follow = eng.answer("is it fulfilled?", history=(first,))
    assert follow.question == "is it fulfilled?"
    assert follow.citations[0].quote == MITID_VERDICT


def test_letter_filter_gives_the_status_as_of_those_letters(eng):
    answer = eng.answer("what is the status of T03667?", filters=SearchFilter(letter_ids=(LETTER_004,)))
    assert [c.letter.id for c in answer.citations] == [LETTER_004]
    assert "no verdict (geen oordeel)" in answer.text


def test_a_verdict_not_found_in_its_passage_falls_back_to_retrieval(eng):
    mentions = [
        replace(m, verdict_sentence="Hiermee is de toezegging over MitID geheel afgedaan.", verdicts=())
        if "TZ202504-147" in m.identifiers
        else m
        for m in eng.mentions
    ]
    chunks = list(eng.chunk_map.values())
    other = Engine(eng.searcher, eng.settings, chunks=chunks, letters=eng.letters, mentions=mentions)
    assert other.status_answer("is the MitID commitment fulfilled?") is None
    answer = other.answer("is the MitID commitment fulfilled?")
    assert all("geheel afgedaan" not in c.quote for c in answer.citations)
    assert "“Onderzoeken MitID" not in answer.text  # the register's heading is not used


def test_a_list_question_on_a_topic_the_register_lacks_goes_to_retrieval(eng):
    assert eng.status_answer("Welke toezeggingen over hondenbelasting staan nog open?") is None


def test_unknown_commitment_is_not_answered_from_the_register(eng):
    question = "Wat is de status van de motie over gratis openbaar vervoer voor ouderen?"
    assert eng.status_answer(question) is None
    assert eng.answer(question).abstained


@pytest.mark.slow
def test_status_through_brieven_ask_on_the_real_demo_index(tmp_path_factory, capsys):
    from assistant.cli import main

    index = demo_index(tmp_path_factory)
    assert main(["ask", "--index", str(index), "what is the status of T03667?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["abstained"] is False
    assert [c["letter_id"] for c in data["citations"]] == [MEMO_000, MEMO_000, LETTER_004]
    assert data["citations"][0]["quote"] == "Hiermee acht ik de toezegging afgedaan.”"
    assert main(["ask", "--index", str(index), "is the MitID commitment fulfilled?", "--json"]) == 0
    mitid = json.loads(capsys.readouterr().out)["citations"][0]
    assert (mitid["quote"], mitid["date"]) == (MITID_VERDICT, "2025-07-11")
    assert {"number": 20, "label": "20", "text": "TZ202504-147"} in mitid["footnotes"]


def test_a_long_list_question_reads_its_topic_once(eng, monkeypatch):
    """The list answer took the question's topic words once per word of the question: a 32 KB list
    question took a minute (quadratic). Now once per answer, whatever the question's length."""
    import assistant.status_lists

    calls = []
    real = assistant.status_lists.topic_words
    monkeypatch.setattr(assistant.status_lists, "topic_words", lambda *a: calls.append(1) or real(*a))
    question = "welke toezeggingen over MitID staan nog open " * 400
    answer = eng.answer(question)
    assert not answer.abstained and "MitID" in answer.text
    assert len(calls) == 1
