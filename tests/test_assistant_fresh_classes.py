"""Answer classes found on the fresh development questions v2-259..298: ranges, places, denied and moved
dates, quantities that are not money, a motie's content vs a member's list, status found by retrieval."""

from __future__ import annotations

import pytest

from assistant.analysis import intents_of
from assistant.discourse import marks_shift, negated
from assistant.status import status_request
from assistant.status_answer import retrieved_status
from assistant.values import dates, numbers, places
from ingest.model import Answer, Citation
from tests.test_assistant_status import fake_demo_engine


def test_a_range_with_its_unit_is_one_number_and_a_range_of_years_is_none():
    assert [v.text for v in numbers("een bijdrage van structureel 2-4 Mton CO2-reductie")] == ["2-4 Mton"]
    assert [v.text for v in numbers("ongeveer 10 tot 15 procent van de woningen")] == ["10 tot 15 procent"]
    assert numbers("het programma 2023-2030 loopt door") == []


def test_where_is_answered_by_a_plan_not_by_the_member_who_asked():
    s = "Het lid Ceder (ChristenUnie) heeft verzocht dit op te nemen in de Werkagenda van het Rijk."
    found = [v.text for v in places(s)]
    assert "Werkagenda" in " ".join(found) and not any("Ceder" in x for x in found)
    assert "where" in intents_of("Where will the exploration of a legal duty be taken up?")


def test_a_denied_date_does_not_answer_when_and_a_moved_date_is_marked():
    no = "Door vertragingen lukt het helaas niet de Kamer deze brief voor het zomerreces toe te sturen."
    moved = "De verzending van de brief verschuift naar na het zomerreces."
    bound = "De Kamer ontvangt de brief niet later dan 1 juli 2025."
    other_clause = "Het fonds is niet digitaal toegankelijk en dit was in 2025 weer het geval."
    assert [negated(no, v) for v in dates(no)] == [True]
    assert [(negated(moved, v), marks_shift(moved, v)) for v in dates(moved)] == [(False, True)]
    assert [negated(bound, v) for v in dates(bound)] == [False]
    assert [negated(other_clause, v) for v in dates(other_clause)] == [False]


def test_how_much_of_a_thing_is_a_quantity_and_costs_are_an_amount_not_a_list():
    co2 = intents_of(
        "How much domestic CO2 reduction does the cabinet think circular policy could contribute?"
    )
    assert "count" in co2 and "amount" not in co2
    assert "amount" in intents_of("Hoeveel extra middelen krijgen DNB en AFM?")
    assert "amount" in intents_of("How much does the Netherlands contribute to the EDIC?")
    costs = intents_of(
        "What are the average annual operating costs of an information point according to KPMG?"
    )
    assert "amount" in costs and "list" not in costs


def test_a_question_about_one_moties_content_is_no_members_list(eng):
    member = next(m.name for c in eng.register for m in c.members if m.name)
    about = status_request(
        f"Which motorway projects does the {member} motion call the worst bottlenecks?", eng.register
    )
    assert about is None or about.member is None
    listed = status_request(f"Which motions did {member} submit?", eng.register)
    assert listed is not None and listed.member


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return fake_demo_engine(tmp_path_factory)


def _answer_citing(eng, identifier: str) -> tuple[Answer, str]:
    (c,) = [c for c in eng.register if identifier in c.identifiers]
    m = c.mentions[0]
    chunk = next(
        x
        for x in eng.chunk_map.values()
        if x.letter_id == m.letter_id and tuple(x.section_path) == m.section_path
    )
    letter = eng.letter_map[chunk.letter_id]
    cite = Citation(1, chunk, letter, chunk.text[:40], (0, 40), "answer")
    return Answer(question="q", text="t", abstained=False, citations=(cite,), language="en"), c.title


def test_status_of_the_commitment_retrieval_found_when_the_register_words_do_not_match(eng):
    question = "Has the commitment to come back on the five-star model been dealt with?"
    assert eng.status_answer(question) is None  # the register's Dutch title shares no word with it
    answer, title = _answer_citing(eng, "TZ202502-034")
    status = retrieved_status(question, answer, eng.register, eng.chunk_map, eng.letter_map, "en")
    assert status is not None and title in status.text
    assert "partly met" in status.text or "settled" in status.text
    assert any("5-sterrenmodel afgedaan" in c.quote for c in status.citations)
    # an abstention, or a question that asks for no status, is left to retrieval
    abstained = Answer(question="q", text="t", abstained=True, citations=answer.citations, language="en")
    assert retrieved_status(question, abstained, eng.register, eng.chunk_map, eng.letter_map, "en") is None
    assert (
        retrieved_status(
            "What is the five-star model?", answer, eng.register, eng.chunk_map, eng.letter_map, "en"
        )
        is None
    )


def test_a_follow_up_continues_after_the_previous_quote():
    from dataclasses import replace

    from assistant.evidence import CONTINUES_BONUS, score_sentences
    from assistant.history import HistoryError, analysis_from_json, analysis_to_json
    from assistant.query import build_query
    from tests.assistant_fakes import engine

    fake = engine()
    first = fake.answer("what was promised on MitID?")
    follow = fake.analyse("and when?", (first,))
    assert follow.focus_quotes and follow.focus_quotes[0][0] == first.citations[0].chunk.id
    # the quotes travel with the turn as JSON (brieven ask --history, POST /api/ask)
    again = analysis_from_json(follow.question, analysis_to_json(follow))
    assert again.focus_quotes == follow.focus_quotes
    with pytest.raises(HistoryError):
        analysis_from_json("q", {"focus_quotes": [["chunk", "0", 5]]})
    # a sentence right after the previous quote scores higher in the follow-up than without it
    query, hits = fake.prepare("and when?", (first,), None, None, follow)
    spans = {}
    for c in score_sentences(hits, query):
        spans.setdefault(c.hit.chunk.id, []).append(c.span)
    cid, sentences = next((k, sorted(v)) for k, v in spans.items() if len(v) >= 2)
    end = sentences[0][1]
    focused = build_query(replace(follow, focus_quotes=((cid, sentences[0][0], end),)), fake.stats)
    bare = build_query(replace(follow, focus_quotes=()), fake.stats)
    with_focus = {(c.hit.chunk.id, c.span): c.score for c in score_sentences(hits, focused)}
    without = {(c.hit.chunk.id, c.span): c.score for c in score_sentences(hits, bare)}
    after = [k for k in with_focus if k[0] == cid and end <= k[1][0] <= end + 300]
    assert (cid, sentences[1]) in after
    assert all(abs(with_focus[k] - without[k] - CONTINUES_BONUS) < 1e-9 for k in after)
    assert all(abs(with_focus[k] - without[k]) < 1e-9 for k in with_focus if k not in after)


def test_how_far_it_has_come_is_not_answered_by_what_must_still_be_done():
    from assistant.discourse import asks_done, obliged

    assert asks_done("Hoeveel van de openbare registers zijn inmiddels beoordeeld?")
    assert asks_done("How many registers have been assessed so far?")
    assert not asks_done("Hoeveel registers moeten worden beoordeeld?")
    assert not asks_done("How many documents need cleaning, and how many have been cleaned so far?")
    assert obliged("Daarvoor moet een groot aantal openbare registers (minimaal 65) beoordeeld worden.")
    assert not obliged("Inmiddels zijn 40 registers beoordeeld.")


def test_second_fresh_set_classes_months_enumerators_halving_other_things_and_ministries():
    from assistant.decided import asks_decision
    from assistant.status import asks_other_thing
    from assistant.values import asked_roles

    assert [v.text for v in dates("Allereerst heb ik in april de handreiking gepubliceerd.")] == ["in april"]
    assert not dates("Dit may be the case.")  # "may" alone is a verb, not a month
    assert numbers("1) Vermindering van grondstoffengebruik: we sturen aan op reductie.") == []
    assert [v.text for v in numbers("het gebruik van primaire grondstoffen in 2030 te halveren")] == [
        "halveren"
    ]
    assert asks_other_thing("What new deadline does the staff propose for the still-open commitments?")
    assert not asks_other_thing("Which open commitments are there on AI?")
    assert not asks_other_thing("What is the status of the MitID commitment?")
    assert status_request("What new deadline does the staff propose for the still-open commitments?") is None
    assert asks_decision("What is happening with the policy review on management quality?")
    assert "who" in intents_of("Welk ministerie is eerstverantwoordelijk voor het voorstel?")
    assert asked_roles("Welk ministerie coördineert de akte?") == set()
    assert asked_roles("Which minister signed it?") == {"minister"}


def test_the_adjective_of_how_is_the_frame_and_a_share_of_a_sum_is_an_amount():
    from assistant.evidence import _SHARE_OF_SUM
    from assistant.query import build_query
    from tests.assistant_fakes import engine

    fake = engine()
    q = build_query(fake.analyse("Hoe hoog moet de boete voor rechtspersonen minimaal zijn?"), fake.stats)
    cues = {s for c in q.concepts if c.cue for s in c.stems}
    topic = {s for c in q.concepts if not c.cue for s in c.stems}
    assert "hoog" in cues and "hoog" not in topic and "rechtspersoon" in topic
    fine = "moeten de administratieve boetes ten minste 10% zijn van de totale jaarlijkse netto-omzet"
    (ten,) = [v for v in numbers(fine) if "%" in v.text]
    assert _SHARE_OF_SUM.match(fine, ten.span[0])
    share = "Bij meer dan 95% van de betaalrekeningen is het mogelijk om te betalen."
    (most,) = [v for v in numbers(share) if "%" in v.text]
    assert not _SHARE_OF_SUM.match(share, most.span[0])  # a share of accounts is no sum of money


def test_which_number_asks_an_identifier_and_a_motie_answers_with_its_kamerstuk(eng):
    from dataclasses import replace as _replace

    from assistant.document_number import motie_number_lead
    from assistant.evidence import Candidate
    from assistant.values import document_numbers

    assert "identifier" in intents_of("En bij welk Kamerstukdossier hoort die motie?")
    assert "identifier" in intents_of("And what number does that commitment have?")
    assert "identifier" not in intents_of("What number of people attended the sessions?")
    printed = "T03927: Toezegging; c) Nr. Commissiedocument COM (2022) 546; Kamerstukken 32813, nr. 952"
    assert [v.text for v in document_numbers(printed)] == ["T03927", "COM (2022) 546", "32813, nr. 952"]
    # a motie's number comes from its reader's metadata (its Kamerstuk and dossier title)
    letter = next(x for x in eng.letter_map.values() if x.kind == "brief")
    chunk = next(c for c in eng.chunk_map.values() if c.letter_id == letter.id)
    motie = _replace(
        letter,
        kind="motie",
        kamerstuk="33763 nr. 168",
        title="Motie van het lid Boswijk c.s.; Toekomst van de krijgsmacht",
    )
    from ingest.model import Hit

    hit = Hit(chunk=chunk, letter=motie, score=1.0, rank=1)
    lead = Candidate(hit, (0, 10), 1.0, 0.5, 0.5, 0.5, None, 0.0, (), frozenset(), None)
    found = motie_number_lead([lead], "Under which dossier was the motion tabled?")
    assert (
        found is not None and found.values[0].text == "Kamerstuk 33763 nr. 168 (Toekomst van de krijgsmacht)"
    )
    amended = _replace(
        motie, title="Gewijzigde motie van het lid Erkens c.s. ter vervanging van die gedrukt onder nr. 45"
    )
    before = Candidate(
        Hit(chunk=chunk, letter=amended, score=1.0, rank=1),
        (0, 10),
        1.0,
        0.5,
        0.5,
        0.5,
        None,
        0.0,
        (),
        frozenset(),
        None,
    )
    found = motie_number_lead([before], "Welk nummer had de motie voordat zij werd gewijzigd?")
    assert found is not None and found.values[0].text == "nr. 45"
    assert (
        motie_number_lead(
            [_replace(lead, hit=Hit(chunk=chunk, letter=letter, score=1.0, rank=1))], "which number?"
        )
        is None
    )


def test_a_date_the_case_line_of_a_decision_item_states_answers_but_not_the_case_date():
    from datetime import date as _date

    from assistant.engine import Engine
    from ingest.model import Chunk, Letter
    from ingest.settings import Settings
    from tests.assistant_fakes import TermSearcher

    item = (
        "3. Verslag jaarvergadering IMF\n\n"
        "Zaak: Brief regering - minister van Financiën, J.R.V.A. Dijsselbloem - 19 oktober 2016 Verslag "
        "jaarvergadering IMF op 7 en 8 oktober 2016 in Washington DC - 26234-200\n\n"
        "Besluit: Agenderen voor het algemeen overleg IMF"
    )
    letter = Letter(
        id="bl", source="bl.txt", format="text", digest="0" * 64, text=item, kind="besluitenlijst",
        title="Besluitenlijst procedurevergadering", date=_date(2016, 10, 27),
    )  # fmt: skip
    chunk = Chunk("bl#0", "bl", item, item, ("Brieven", item.split("\n")[0]), (0, len(item)))
    eng = Engine(TermSearcher([letter], [chunk]), Settings(), chunks=[chunk], letters=[letter])
    answer = eng.answer("Wanneer vond de jaarvergadering van het IMF plaats?")
    assert answer.short is not None and "8 oktober 2016" in answer.short, answer.text
    assert "19 oktober" not in answer.short
