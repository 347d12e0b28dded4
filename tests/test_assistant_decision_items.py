"""Decision-list items, initials in names, particles in indieners, a motie's own date (hand-made letters)."""

from __future__ import annotations

from datetime import date

import numpy as np

from assistant.engine import Engine
from assistant.facts import members_in
from assistant.semantic import Semantic
from assistant.sentences import split_sentences, split_spans
from assistant.values import Value, fresh
from ingest.chunking import sentence_spans
from ingest.model import Chunk, Letter, Member, SentenceVectors
from ingest.settings import Settings
from tests.assistant_fakes import TermSearcher

ITEM = (
    "7. Voortgangsrapportage programma Vernieuwing Toezicht 2008\n\n"
    "Zaak: Brief regering - minister van Binnenlandse Zaken en Koninkrijksrelaties, Horst ter G. - "
    "12 maart 2009 Voortgangsrapportage programma Vernieuwing Toezicht 2008 - 31701-11\n\n"
    "Besluit: Algemeen overleg organiseren na ontvangst jaarverslag 2008, maar voor het zomerreces"
)
RAISED = (
    "26. Toegang pers tot het C2000 systeem\n\n"
    "Zaak: Brief van lid/fractie/commissie - Tweede Kamerlid, Raak van A.A.G.M. (SP) - 25 maart 2009 "
    "Toegang pers tot het C2000 systeem - 2009Z05566\n\n"
    "Besluit: Minister BZK verzoeken om een brief"
)
MOTIE = (
    "De Kamer,\n\ngehoord de beraadslaging,\n\n"
    "constaterende dat het Tijdelijk Noodfonds Energie niet digitaal toegankelijk is en dit in 2025 "
    "alweer het geval was;\n\n"
    "verzoekt de regering het Tijdelijk Noodfonds Energie volledig digitaal toegankelijk te maken,\n\n"
    "en gaat over tot de orde van de dag.\n\nKathmann\n\nVan Baarle"
)


def _letter(letter_id: str, text: str, **meta) -> Letter:
    return Letter(id=letter_id, source=f"{letter_id}.txt", format="text", digest="0" * 64, text=text, **meta)


def _engine() -> Engine:
    items = ITEM + "\n\n" + RAISED
    besluiten = _letter(
        "besluitenlijst", items, title="Besluitenlijst van de procedurevergadering", date=date(2009, 4, 3),
        kind="besluitenlijst",
    )  # fmt: skip
    motie = _letter(
        "kst-26643-1388", MOTIE, title="Motie van het lid Kathmann c.s.; Informatie- en communicatie",
        date=date(2025, 9, 2), kind="motie", kamerstuk="26643 nr. 1388",
        indieners=(Member("Kathmann"), Member("Van Baarle")),
    )  # fmt: skip
    a = len(ITEM) + 2
    chunks = [
        Chunk("besluitenlijst#0", "besluitenlijst", ITEM, ITEM, ("Brieven", ITEM.split("\n")[0]),
              (0, len(ITEM))),
        Chunk("besluitenlijst#1", "besluitenlijst", RAISED, RAISED, ("Overig", RAISED.split("\n")[0]),
              (a, a + len(RAISED))),
        Chunk("kst-26643-1388#0", "kst-26643-1388", MOTIE, MOTIE, ("Motie van het lid Kathmann c.s.",),
              (0, len(MOTIE))),
    ]  # fmt: skip
    letters = [besluiten, motie]
    return Engine(TermSearcher(letters, chunks), Settings(), chunks=chunks, letters=letters)


def test_what_the_committee_decided_leads_with_the_items_besluit():
    for question in (
        "Wat besloot de commissie over de Voortgangsrapportage programma Vernieuwing Toezicht 2008?",
        "What did the committee decide about the Voortgangsrapportage programma Vernieuwing Toezicht 2008?",
    ):
        answer = _engine().answer(question)
        assert not answer.abstained, answer.text
        assert answer.citations[0].quote.startswith("Besluit: Algemeen overleg organiseren"), answer.text


def test_no_split_after_initials():
    line = RAISED.split("\n\n")[1]
    assert split_sentences(line) == [line]
    assert [line[a:b] for a, b in sentence_spans(line)] == [line]  # the index's sentence vectors
    text = "Het lid J. de Vries vroeg het. De minister A.B. Jansen antwoordde."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Het lid J. de Vries vroeg het.", "De minister A.B. Jansen antwoordde."
    ]  # fmt: skip
    assert split_sentences(text) == [text[a:b] for a, b in sentence_spans(text)]


def test_a_listed_member_surname_first_is_the_member():
    assert members_in(RAISED) == (Member("Van Raak", "SP"),)
    assert members_in("Tweede Kamerlid, Plas van der C. (BBB)") == (Member("Van der Plas", "BBB"),)
    assert members_in("Tweede Kamerlid, Beek, W.I.I. van (VVD) - 2 april") == (Member("Van Beek", "VVD"),)
    assert members_in("Tweede Kamerlid, Kuiken, A.H. (PvdA)") == (Member("Kuiken", "PvdA"),)


def test_which_mp_raised_an_item_is_the_member_who_sent_its_case():
    answer = _engine().answer("Which MP raised press access to the C2000 system in the committee?")
    assert answer.short is not None and "Van Raak" in answer.short, answer.text
    assert "Raak van A.A.G.M. (SP)" in answer.citations[0].quote


def test_a_particle_in_the_question_does_not_hide_a_member():
    question = "Wie dienden de motie in om beleidsbeïnvloeding niet uit te sluiten van het subsidiekader?"
    found = fresh([Value("member", "Bamenga", (0, 0)), Value("member", "Van Baarle", (0, 0))], question)
    assert [v.text for v in found] == ["Bamenga", "Van Baarle"]
    assert fresh([Value("member", "Van Baarle", (0, 0))], "Wat vroeg Baarle?") == []  # the member is named


def test_when_a_motie_was_voorgesteld_is_its_own_date():
    for question, short in (
        ("Wanneer is de motie Kathmann over het digitaal toegankelijk maken van het Tijdelijk Noodfonds "
         "Energie voorgesteld?", "Wanneer: 2 september 2025 [1]."),
        ("When was the motion on making the Tijdelijk Noodfonds Energie digitally accessible submitted?",
         "When: 2 September 2025 [1]."),
    ):  # fmt: skip
        answer = _engine().answer(question)
        assert answer.short == short, answer.text
        assert answer.citations[0].letter.id == "kst-26643-1388"
        assert answer.citations[0].quote.startswith("verzoekt de regering")


def test_stored_sentence_vectors_cut_at_initials_still_score_the_whole_sentence():
    """An index built before initials were kept (its sentence spans cut after "A.A.G.M.") is read as is:
    the answerer's sentence takes the best of the stored sentences it overlaps, and none is no error."""
    line = RAISED.split("\n\n")[1]
    a = RAISED.index(line)
    cut = a + line.index("(SP)")
    stored = SentenceVectors("c", ((a, cut - 1), (cut, a + len(line))), np.array([[1.0, 0.0], [0.6, 0.8]]))
    semantic = Semantic(np.array([0.0, 1.0], dtype=np.float32), lambda ids: {"c": stored})
    semantic.load(["c"])
    span = split_spans(RAISED)[1]
    assert span == (a, a + len(line))
    assert abs(semantic.similarity("c", span) - 0.8) < 1e-6
    assert semantic.similarity("c", (0, 5)) is None and semantic.similarity("other", span) is None
