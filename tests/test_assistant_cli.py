"""`brieven ask` as a user runs it: readable answer, --json shape, questions from standard input."""

import io
import json

import pytest

import assistant.engine
from assistant.cli import main
from tests.assistant_fakes import engine


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    monkeypatch.setattr(assistant.engine, "open_engine", lambda settings, llm=None: engine())


def test_ask_prints_answer_sources_and_footnotes(capsys):
    assert main(["ask", "what was promised on MitID?"]) == 0
    out = capsys.readouterr().out
    assert "TZ202504-147 (member Kathmann)" in out
    assert "Sources:" in out and "Kamerstuk 26643 nr. 1371" in out
    assert "[20] TZ202504-147" in out


def test_ask_json_shape(capsys):
    assert main(["ask", "what was promised on MitID?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "what was promised on MitID?" and data["abstained"] is False
    first = data["citations"][0]
    assert {
        "n",
        "chunk_id",
        "letter_id",
        "letter_title",
        "kamerstuk",
        "date",
        "section_path",
        "page",
        "quote",
    } <= set(first)
    assert first["kamerstuk"] == "26643 nr. 1371" and first["date"] == "2025-07-11"
    assert {"number": 20, "label": "20", "text": "TZ202504-147"} in first["footnotes"]


def test_ask_reads_questions_from_stdin(capsys, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO("what was promised on MitID?\n\nWat is het standpunt over de hondenbelasting?\n"),
    )
    assert main(["ask", "-"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["abstained"] for x in lines] == [False, True]
    assert lines[1]["citations"] == [] and lines[1]["answer"] == "Niet gevonden in de brieven."


def test_ask_letter_filter(capsys):
    assert main(["ask", "what was promised on MitID?", "--letter", "ai-brief", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["abstained"] is True
