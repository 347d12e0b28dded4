"""On the project's question set: every offline citation quotes its passage; unanswerable ones abstain."""

import pytest

from eval.questions import load_questions
from tests.assistant_fakes import demo_index

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    from assistant.engine import open_engine
    from ingest.settings import Settings

    engine = open_engine(Settings(index_dir=demo_index(tmp_path_factory)))
    return [(q, engine.answer(q.question)) for q in load_questions()]


def test_every_citation_quotes_a_sentence_of_its_passage(answers):
    cited = 0
    for question, answer in answers:
        for c in answer.citations:
            cited += 1
            assert c.quote.strip(), question.id
            assert c.chunk.text[c.quote_span[0] : c.quote_span[1]] == c.quote, question.id
            assert f"[{c.n}]" in answer.text, question.id
    assert cited >= len(answers)  # answers do cite: this is not vacuous


KNOWN_FALSE_ANSWERS = ["q099"]


def test_unanswerable_questions_abstain(answers):
    unanswerable = [(q, a) for q, a in answers if not q.answerable]
    assert len(unanswerable) >= 10
    # "Not stated" is an abstention that cites what the letters do say; "not found" cites nothing.
    wrong = [q.id for q, a in unanswerable if not a.abstained or (a.citations and not a.not_stated)]
    miscited = sorted({q.id for q, a in unanswerable for c in a.citations if c.cited_for != "not stated"})
    # Known, measured: under multilingual-e5 "budget for the Dutch national AI supercomputer" reaches
    # the ICAI labs' passage (similarity 0.846, 0.53 of the topic; only "supercomputer" is missing and
    # no glossary entry knows it). Any other false answer, or a fix, fails this test.
    assert wrong == KNOWN_FALSE_ANSWERS and miscited == KNOWN_FALSE_ANSWERS


def test_answerable_questions_are_mostly_answered_from_the_right_letter(answers):
    # Abstaining on everything would pass the test above; the assistant must also answer.
    answerable = [(q, a) for q, a in answers if q.answerable]
    answered = [(q, a) for q, a in answerable if not a.abstained]
    assert len(answered) / len(answerable) >= 0.75
    right_letter = [
        q.id for q, a in answered if any(c.letter.source.endswith(f"{q.letter}.txt") for c in a.citations)
    ]
    assert len(right_letter) / len(answered) >= 0.85
