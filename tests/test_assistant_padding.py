"""A value answer cites what states the value: no padding quotes, a decision item's case date is no answer."""

from datetime import date

from assistant.engine import Engine
from ingest.decision_list import is_item_title
from ingest.model import Chunk, Letter
from ingest.settings import Settings
from tests.assistant_fakes import TermSearcher, corpus
from tests.test_assistant_answers import _engine

DECISIONS = (
    "1. Agressie tegen buschauffeurs\n\n"
    "Zaak: Brief regering - minister van Binnenlandse Zaken, P. de Vries - 24 maart 2019 Agressie tegen "
    "buschauffeurs - 28642-41\n\n"
    "Besluit: Agenderen voor het algemeen overleg publieke ambtsdragers op 21 april 2019.\n\n"
    "2. Verdrag met Chili inzake douanezaken\n\n"
    "Zaak: Brief regering - minister van Buitenlandse Zaken, A.B. Jansen - 19 september 2019 Verdrag met "
    "Chili inzake wederzijdse bijstand in douanezaken - 35001-1\n\n"
    "Noot: Het verdrag met Chili werd ter goedkeuring voorgelegd op 19 september 2019. Om uitdrukkelijke "
    "goedkeuring van het verdrag kan worden gevraagd tot en met 18 oktober 2019.\n"
)


def _decisions_engine() -> Engine:
    letters, chunks = corpus()
    extra = Letter(
        id="besluiten",
        source="besluitenlijst.pdf",
        format="pdf",
        digest="2" * 64,
        text=DECISIONS,
        title="Besluitenlijst procedurevergadering vaste commissie voor Financiën",
        date=date(2019, 9, 25),
        kind="decision_list",
    )
    chunks.append(
        Chunk("besluiten#0", "besluiten", DECISIONS, DECISIONS, ("Besluitenlijst",), (0, len(DECISIONS)))
    )
    letters.append(extra)
    return Engine(TermSearcher(letters, chunks), Settings(), chunks=chunks, letters=letters)


def test_a_value_answer_does_not_pad_with_a_neighbouring_value():
    # "Voor beleid en regelgeving is €752.000" states an amount, but not the one asked for
    answer = _engine().answer("Hoeveel is gereserveerd voor bewustwording en kennisontwikkeling?")
    assert answer.short.startswith("Bedrag: €3.000.000")
    assert "752.000" not in answer.text and len(answer.citations) == 1


def test_the_case_line_of_a_decision_item_dates_its_document_not_the_decision():
    assert is_item_title("Zaak: Brief regering - minister van Financiën - 12 september 2019")
    assert not is_item_title("Besluit: Inbrengdatum vaststellen op 3 oktober 2019.")
    answer = _decisions_engine().answer("Wanneer wordt de brief over agressie tegen buschauffeurs besproken?")
    assert answer.short.startswith("Wanneer: 21 april 2019 ["), answer.text


def test_until_when_is_answered_by_the_date_marked_as_an_end():
    answer = _decisions_engine().answer(
        "Tot wanneer kan om goedkeuring van het verdrag met Chili worden gevraagd?"
    )
    assert answer.short.startswith("Wanneer: 18 oktober 2019 ["), answer.text
