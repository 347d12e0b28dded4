"""The question set: well-formed, balanced, and every evidence snippet is in its letter."""

from collections import Counter
from pathlib import Path

import pytest

from eval.questions import QUESTIONS_PATH, check_against_letters, load_questions, parse_questions
from ingest.errors import InputError

LETTERS = Path(__file__).resolve().parents[1] / "demo" / "letters"


@pytest.fixture(scope="module")
def questions():
    return load_questions()


def test_size_and_balance(questions):
    counts = Counter((q.lang, q.answerable) for q in questions)
    assert counts[("nl", True)] >= 24 and counts[("en", True)] >= 24
    assert abs(counts[("nl", True)] - counts[("en", True)]) <= 2
    assert counts[("nl", False)] + counts[("en", False)] >= 8
    kinds = {q.kind for q in questions if q.answerable}
    assert kinds == {"topic", "name", "identifier", "paraphrase", "status"}
    assert {q.letter for q in questions if q.answerable} == {p.stem for p in LETTERS.glob("*.txt")}


def test_every_snippet_is_in_its_letter(questions):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in LETTERS.glob("*.txt")}
    assert check_against_letters(questions, texts) == []


def test_snippet_lengths(questions):
    for q in questions:
        for s in q.evidence:
            assert 5 <= len(s.split()) <= 25, (q.id, s)


def test_check_reports_a_snippet_that_is_not_there(questions):
    q = next(q for q in questions if q.answerable)
    assert check_against_letters([q], {q.letter: "een heel andere tekst"}) != []
    assert check_against_letters([q], {}) == [f"{q.id}: unknown letter {q.letter}"]


def test_relevance_rule(questions):
    q = next(q for q in questions if q.id == "q001")
    assert q.is_relevant(
        "... MitID. Tijdens het debat heeft mijn voorganger toegezegd om MitID\nen "
        "vergelijkbare technologieën te onderzoeken ..."
    )
    assert not q.is_relevant("DigiD op het niveau hoog is alleen beschikbaar via ID-check")


def test_malformed_lines_are_refused(tmp_path):
    with pytest.raises(ValueError, match="duplicate id"):
        parse_questions(['{"id":"a","lang":"nl","question":"x","answerable":false,"kind":"topic"}'] * 2)
    with pytest.raises(ValueError, match="needs a letter and evidence"):
        parse_questions(['{"id":"a","lang":"nl","question":"x","answerable":true,"kind":"topic"}'])
    with pytest.raises(ValueError, match="kind"):
        parse_questions(['{"id":"a","lang":"nl","question":"x","answerable":false,"kind":"other"}'])
    bad = tmp_path / "q.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(InputError, match="not JSON"):
        load_questions(bad)
    with pytest.raises(InputError):
        load_questions(tmp_path / "missing.jsonl")


def test_default_path_is_inside_the_package():
    assert QUESTIONS_PATH.name == "questions.jsonl" and QUESTIONS_PATH.parent.name == "eval"
