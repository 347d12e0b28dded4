"""Conversations on every edge, driven as a user does: `brieven ask --history`, `brieven chat`, the API."""

import io
import json

import pytest

import assistant.engine
from assistant.cli import main
from ingest.settings import Settings
from tests.assistant_fakes import corpus, engine, post_json, serving

FIRST = "what was promised on MitID?"
FOLLOW = "and who asked for it?"


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    monkeypatch.setattr(assistant.engine, "open_engine", lambda settings, llm=None: engine())


def _ask_json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_ask_with_a_history_file_answers_the_follow_up(capsys, tmp_path):
    first = _ask_json(capsys, ["ask", FIRST, "--json"])
    history = tmp_path / "history.json"
    history.write_text(json.dumps([first]), encoding="utf-8")
    alone = _ask_json(capsys, ["ask", FOLLOW, "--json"])
    second = _ask_json(capsys, ["ask", FOLLOW, "--json", "--history", str(history)])
    assert "Kathmann" not in alone["answer"]  # without the conversation the question has no topic
    assert second["short"].startswith("Who: Kathmann [")
    assert second["analysis"]["followup"] is True
    assert "TZ202504-147" in second["analysis"]["carried_identifiers"]
    assert {c["letter_id"] for c in second["citations"]} == {"kst-26643-1371"}


def test_history_in_the_api_turn_shape_needs_only_the_questions(capsys, tmp_path):
    history = tmp_path / "turns.json"
    history.write_text(json.dumps([{"question": FIRST}]), encoding="utf-8")
    second = _ask_json(capsys, ["ask", FOLLOW, "--json", "--history", str(history)])
    assert "Kathmann" in second["short"]


def test_a_bad_history_file_is_one_clear_line(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[{'question': 1}", encoding="utf-8")
    assert main(["ask", FOLLOW, "--history", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("brieven: ") and str(bad) in err and "not JSON" in err
    bad.write_text(json.dumps([{"answer": "no question"}]), encoding="utf-8")
    assert main(["ask", FOLLOW, "--history", str(bad)]) == 2
    assert "turn 1 has no question" in capsys.readouterr().err


def test_chat_reads_a_pipe_and_keeps_the_conversation(capsys, monkeypatch):
    lines = f"{FIRST}\n{FOLLOW}\n/new\n{FOLLOW}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["chat", "--json"]) == 0
    answers = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [a["question"] for a in answers] == [FIRST, FOLLOW, FOLLOW]
    assert "Kathmann" in answers[1]["short"]
    assert answers[2]["analysis"]["followup"] is False  # after /new nothing is carried


def test_chat_prints_readable_answers(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{FIRST}\n{FOLLOW}\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert out.count("Sources:") == 2 and "Who: Kathmann [1]." in out


@pytest.fixture(scope="module")
def base_url():
    eng = engine()
    eng.letters = corpus()[0]
    with serving(Settings(max_history_turns=3, max_history_chars=2_000), eng, tries=300) as url:
        yield url


def test_api_takes_the_previous_turns(base_url):
    status, first = post_json(f"{base_url}/api/ask", {"question": FIRST})
    assert status == 200
    status, second = post_json(f"{base_url}/api/ask", {"question": FOLLOW, "history": [first]})
    assert status == 200 and second["short"].startswith("Who: Kathmann")
    assert second["citations"] and second["citations"][0]["cited_for"] == "answer"


def test_api_refuses_a_history_past_the_limits(base_url):
    turn = {"question": FIRST}
    status, data = post_json(f"{base_url}/api/ask", {"question": FOLLOW, "history": [turn] * 4})
    assert status == 422 and "at most 3" in data["detail"]
    long = {"question": FIRST, "answer": "x" * 2_500}
    status, data = post_json(f"{base_url}/api/ask", {"question": FOLLOW, "history": [long]})
    assert status == 422 and "characters" in data["detail"]
    status, data = post_json(f"{base_url}/api/ask", {"question": FOLLOW, "history": [{"answer": "?"}]})
    assert status == 422 and "no question" in data["detail"]
