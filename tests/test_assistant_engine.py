"""The offline answer engine on hand-made letters: citations, lead facts, abstention, follow-ups."""

from assistant.analysis import analyse
from assistant.extractive import NOT_FOUND
from assistant.followup import is_followup
from ingest.model import SearchFilter
from tests.assistant_fakes import engine


def _check_grounded(answer):
    for c in answer.citations:
        assert c.chunk.text[c.quote_span[0] : c.quote_span[1]] == c.quote  # verbatim from the passage
        assert f"[{c.n}]" in answer.text


def test_mitid_answer_cites_the_letter_with_lead_facts_in_english():
    answer = engine().answer("what was promised on MitID?")
    assert not answer.abstained and answer.language == "en"
    _check_grounded(answer)
    first = answer.text.splitlines()[0]
    assert first.startswith("Commitment (toezegging) TZ202504-147 (member Kathmann): settled (afgedaan)")
    assert "11 July 2025 [1]" in first
    lead = answer.citations[0]
    assert lead.letter.kamerstuk == "26643 nr. 1371"
    assert lead.quote == "Met onderstaande informatie doe ik deze toezegging af."
    assert any("toegezegd om MitID" in c.quote for c in answer.citations)
    assert "TZ202504-147" in [f.text for f in lead.chunk.footnotes]


def test_dutch_question_gets_dutch_lead_and_amounts_for_money_questions():
    answer = engine().answer("Wat is er toegezegd over MitID?")
    assert answer.language == "nl"
    assert answer.text.startswith(
        "Toezegging TZ202504-147 (lid Kathmann): afgedaan in de brief van 11 juli 2025 [1]."
    )
    money = engine().answer("hoeveel geld is er voor online kinderrechten?")
    assert not money.abstained
    assert "€752.000" in money.citations[0].quote
    _check_grounded(money)


def test_unanswerable_questions_abstain_with_see_also_and_no_citations():
    for question, text in [
        ("What is the budget for the navy?", NOT_FOUND["en"]),
        ("Wat is het standpunt over de hondenbelasting?", NOT_FOUND["nl"]),
    ]:
        answer = engine().answer(question)
        assert answer.abstained and answer.text == text
        assert answer.citations == ()
        assert answer.see_also  # the nearest passages are offered


def test_follow_ups_carry_the_topic_and_keep_the_letter_in_focus():
    eng = engine()
    first = eng.answer("what was promised on MitID?")
    second = eng.answer("and what about DigiD?", history=(first,))
    assert eng.searcher.calls[-1].startswith("and what about DigiD? what was promised on MitID?")
    assert not second.abstained
    assert all(c.letter.id == "kst-26643-1371" for c in second.citations)
    assert any("DigiD" in c.quote for c in second.citations)
    who = eng.answer("wie heeft dat gevraagd?", history=(first, second))
    assert "Kathmann" in who.text.splitlines()[0]


def test_followup_detection():
    assert is_followup("and what about DigiD?")
    assert is_followup("wanneer?")
    assert is_followup("wie heeft dat gevraagd?")
    assert not is_followup("Wat is er gedaan met de motie Zwinkels over een GAP-analyse?")
    standalone = analyse("Wat is er gedaan met de motie Zwinkels?", history=())
    assert standalone.search_text == standalone.question and not standalone.carried


def test_filters_reach_the_searcher():
    answer = engine().answer("what was promised on MitID?", filters=SearchFilter(letter_ids=("ai-brief",)))
    assert answer.abstained  # the only letter allowed does not discuss MitID


def test_stream_yields_growing_text_then_the_answer():
    events = list(engine().stream("what was promised on MitID?"))
    texts, final = events[:-1], events[-1]
    assert all(isinstance(t, str) for t in texts) and texts[-1] == final.text
    assert all(len(a) < len(b) for a, b in zip(texts, texts[1:], strict=False))
