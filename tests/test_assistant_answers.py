"""The offline answer on hand-made letters: the asked fact first, its short line, lists, "not stated"."""

from dataclasses import replace
from datetime import date

from assistant.analysis import analyse, intents_of
from assistant.engine import Engine
from assistant.frame import date_phrase, duration_phrase
from assistant.query import build_query
from assistant.selection import RULES, relevant_hits
from assistant.values import amounts, dates, fresh, names, numbers, values
from ingest.model import Chunk, Letter
from ingest.settings import Settings
from tests.assistant_fakes import TermSearcher, corpus

LAPTOP = (
    "Het lid Kathmann vroeg naar het kostenoverzicht van de keten van apparaten met een tweede leven.\n"
    "Totale kosten per laptop van €80 bestaande uit:\n"
    "• Licentiekosten €24 per laptop\n"
    "• All-in arbeidskosten €65 per laptop\n"
    "• Transportkosten (geschat) €1 per laptop\n"
    "• Bijdrage aanleverende instantie €10 per laptop\n"
    "Het doel is om tussen de 8.000 en 10.000 apparaten per jaar te schenken.\n"
    "De pilot met de geschonken apparaten loopt achttien maanden.\n"
)
BUDGET = (
    "Tot slot vraagt de commissie welke middelen voor online kinderrechten per jaar beschikbaar zijn. "
    "De hier weergegeven bedragen gelden dus voor dit jaar en zijn geclusterd naar thema.\n"
    "• Voor bewustwording en kennisontwikkeling heb ik €3.000.000,- gereserveerd\n"
    "• Voor beleid en regelgeving is €752.000,- beschikbaar\n"
    "De analyse van de internetconsultatie over algoritmische besluitvorming stuur ik eind juni naar uw "
    "Kamer.\n"
    "Over de evaluatie van de meldplicht voor datalekken informeer ik uw Kamer voor het eind van 2026.\n"
    "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,\nZsolt Szabó\n"
)


def _engine() -> Engine:
    letters, chunks = corpus()
    extra = Letter(
        id="verzamel",
        source="verzamel.txt",
        format="text",
        digest="1" * 64,
        text=LAPTOP + "\n" + BUDGET,
        title="Verzamelbrief",
        date=date(2025, 7, 11),
        sender="Zsolt Szabó (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties)",
    )
    a = len(LAPTOP)
    chunks += [
        Chunk("verzamel#0", "verzamel", LAPTOP, LAPTOP, ("Herinzet apparaten",), (0, a)),
        Chunk(
            "verzamel#1", "verzamel", BUDGET, BUDGET, ("Online kinderrechten",), (a + 1, a + 1 + len(BUDGET))
        ),
    ]
    letters.append(extra)
    return Engine(TermSearcher(letters, chunks), Settings(), chunks=chunks, letters=letters)


def _grounded(answer):
    for c in answer.citations:
        assert c.chunk.text[c.quote_span[0] : c.quote_span[1]] == c.quote
        assert f"[{c.n}]" in answer.text and c.cited_for


def test_an_amount_question_leads_with_the_amount_in_the_askers_frame():
    answer = _engine().answer("Hoeveel is er gereserveerd voor bewustwording en kennisontwikkeling?")
    assert answer.short == "Bedrag: €3.000.000 [1]." and answer.text.startswith(answer.short)
    assert "€3.000.000,- gereserveerd" in answer.citations[0].quote
    english = _engine().answer("How much is reserved for awareness and knowledge development?")
    assert english.language == "en" and english.short.startswith("Amount: €3.000.000 [")
    assert "From the letters (quoted in Dutch):" in english.text
    _grounded(english)


def test_a_follow_up_asks_the_same_about_what_it_names():
    eng = _engine()
    first = eng.answer("Hoeveel is er gereserveerd voor bewustwording en kennisontwikkeling?")
    second = eng.answer("En voor beleid en regelgeving?", history=(first,))
    assert second.analysis.followup and "amount" in second.analysis.intents
    assert second.short.startswith("Bedrag: €752.000")


def test_a_list_intro_comes_with_its_items_each_cited():
    answer = _engine().answer("Wat kost een laptop voor een tweede leven en waaruit bestaat dat?")
    assert answer.short.startswith("Bedrag: €80")
    lines = answer.text.splitlines()
    assert any("bestaande uit:" in x for x in lines)
    items = [x for x in lines if x.startswith("  - ")]
    assert len(items) == 4 and "€24" in items[0] and "€10" in items[-1]
    assert {c.cited_for for c in answer.citations} >= {"answer", "list item"}
    _grounded(answer)


def test_a_date_question_states_the_date_in_the_frame_language():
    answer = _engine().answer("When will the analysis of the internet consultation be sent?")
    assert answer.short.startswith("When: end of June [")
    assert date_phrase("eind juni", "en") == "end of June"
    assert date_phrase("19 december", "en") == "19 December"
    assert date_phrase("na afronding van het onderzoek", "en") == "“na afronding van het onderzoek”"


def test_a_point_in_a_period_is_a_date():
    # "voor het eind van 2026", "komende zomer": a date the letters give as a period, not a day
    answer = _engine().answer("Wanneer informeert de staatssecretaris over de evaluatie van de meldplicht?")
    assert answer.short.startswith("Wanneer: voor het eind van 2026 [") and not answer.abstained
    found = [v.text for v in dates("De bèta start komende zomer; het verslag volgt in Q3 2025.")]
    assert found == ["komende zomer", "Q3 2025"]
    assert [v.text for v in dates("aan het begin van volgend jaar")] == ["aan het begin van volgend jaar"]
    assert dates("het begin van de zitting") == []
    assert date_phrase("voor het eind van 2026", "en") == "before the end of 2026"
    assert date_phrase("Komende zomer", "en") == "this coming summer"


def test_a_how_long_question_states_the_duration():
    answer = _engine().answer("Hoe lang loopt de pilot met de geschonken apparaten?")
    assert answer.short.startswith("Duur: achttien maanden [") and not answer.abstained
    assert "duration" in intents_of("How long do member states get to roll out the wallets?")
    assert [v.text for v in values("een implementatietermijn van 24 maanden", "duration")] == ["24 maanden"]
    assert values("8.000 apparaten per jaar", "duration") == []  # a rate, not a span of time
    assert duration_phrase("binnen zes weken", "en") == "within six weeks"
    # Dutch "jaar" and "uur" are one and many: after "één" English takes the singular
    assert duration_phrase("binnen één jaar", "en") == "within one year"
    assert duration_phrase("1 jaar", "en") == "1 year"
    assert duration_phrase("drie jaar", "en") == "three years"


def test_the_topic_without_the_asked_value_is_not_stated_and_cites_what_is_there():
    answer = _engine().answer("Hoeveel kost de AI-verordening?")
    assert answer.abstained and answer.not_stated
    assert answer.text.startswith("De brieven gaan hierover, maar noemen het gevraagde bedrag niet.")
    assert len(answer.citations) == 1 and answer.citations[0].cited_for == "not stated"
    assert "AI-verordening" in answer.citations[0].quote
    unrelated = _engine().answer("Hoeveel kost de hondenbelasting?")
    assert unrelated.abstained and not unrelated.not_stated and unrelated.citations == ()


def test_who_answers_name_the_member():
    answer = _engine().answer("Wie vroeg naar het kostenoverzicht van apparaten met een tweede leven?")
    assert answer.short.startswith("Wie: Kathmann [")


def test_who_sent_the_letter_is_its_signer_cited_where_it_is_signed():
    answer = _engine().answer("Who sent the letter about online children's rights and the awareness budget?")
    assert answer.short == "Who: Zsolt Szabó [1]."
    assert answer.citations[0].quote == "Zsolt Szabó" and answer.citations[0].letter.id == "verzamel"


def test_question_analysis():
    a = analyse(
        "Welke moties van Kathmann in de brief van juli 2025 over TZ202504-147 zijn afgedaan?",
        letters=corpus()[0],
        members=["Kathmann", "Van der Werf"],
    )
    assert a.language == "nl" and {"list", "status", "promise"} <= a.intents
    assert a.identifiers == ("TZ202504-147",) and a.members == ("Kathmann",)
    assert (a.period_from, a.period_to) == (date(2025, 7, 1), date(2025, 7, 31))
    assert a.letters == ("kst-26643-1371",)  # the letter of 11 July 2025
    assert intents_of("What fee may banks charge?") >= {"amount"}
    assert "list" not in intents_of("What fee may banks charge?")
    assert "list" in intents_of("What are the four levers?")
    assert "list" in intents_of("Welke vijf onlineplatforms gebruiken de Rijksorganisaties?")
    assert "who" in intents_of("Naar aanleiding van wiens vragen?")


def test_values_as_printed():
    assert [
        v.text for v in amounts("een budget van 3 miljoen euro voor 2025, 4,7 miljoen euro voor 2026")
    ] == [
        "3 miljoen euro",
        "4,7 miljoen euro",
    ]
    assert [v.text for v in numbers("zie technologieën20 en 26643 nr. 1371; in totaal 57 deelnemers")] == [
        "57"
    ]
    assert [v.text for v in numbers("ten behoeve van 82% van de standaarden")] == ["82%"]
    assert [v.text for v in dates("Deze wordt medio 2026 verwacht, na 19 december")] == [
        "medio 2026",
        "19 december",
    ]
    assert [
        v.text for v in names("naar aanleiding van vragen van de leden Van Gasteren (BBB) en Fiers (GL)")
    ] == [
        "Van Gasteren",
        "Fiers",
    ]
    found = names("Berenschot en de Universiteit Utrecht hebben het CODIO-kader vertaald.")
    assert [v.text for v in fresh(found, "Who turned the CODIO framework into an instrument?")] == [
        "Berenschot en de Universiteit Utrecht"
    ]


class _CloseToEverything:
    """An embedder's similarities as multilingual e5 gives an English question: every passage is close."""

    def load(self, chunk_ids) -> None:
        pass

    def best(self, chunk_id: str) -> float:
        return 0.9


def test_a_passage_close_by_similarity_alone_must_show_some_of_the_topic():
    engine = _engine()
    found = engine.searcher.search("laptop apparaten tweede leven", k=8)
    laptops = [h for h in found if "verzamel" in h.chunk.id]
    assert laptops
    unrelated = build_query(analyse("Who won the 2025 general election?"), engine.stats)
    assert relevant_hits(laptops, unrelated, _CloseToEverything()) == []
    # Below the topic coverage that admits a passage by words alone, but on its topic: similarity admits it.
    asked = "How much does a laptop for a second life cost the ministry's programme?"
    related = build_query(analyse(asked), engine.stats)
    assert relevant_hits(laptops[:1], related, None) == []
    assert relevant_hits(laptops[:1], related, _CloseToEverything()) == laptops[:1]
    # With the gate off, the similarity alone admitted the unrelated question's passages.
    ungated = replace(RULES, min_topic_with_similarity=0.0)
    assert relevant_hits(laptops, unrelated, _CloseToEverything(), ungated)
