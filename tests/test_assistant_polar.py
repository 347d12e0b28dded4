"""Yes/no and why questions: the intent read once, 'Ja'/'Nee' from the deciding sentence, the reason first,
and "not stated" where the letters discuss the topic but give no reason."""

from __future__ import annotations

from datetime import date

from assistant.analysis import analyse, intents_of
from assistant.discourse import denies, not_only, polar
from assistant.engine import Engine
from assistant.evidence import Candidate
from assistant.polar import (
    asked_clause,
    deciding_quotes,
    gives_reason,
    polar_line,
    reason_line,
    reason_quotes,
)
from ingest.model import Chunk, Hit, Letter
from ingest.settings import Settings
from tests.assistant_fakes import TermSearcher

PLATFORMS = (
    "Er is dit voorjaar een inventarisatie uitgevoerd naar de sociale mediaplatforms van het Rijk. "
    "Er wordt geen gebruik gemaakt van TikTok.\n"
)
VOTE = (
    "Over de registratiecertificaten is een uitvoeringshandeling besproken in Brussel. "
    "Nederland heeft vanwege het optionele karakter tegen de uitvoeringshandeling gestemd.\n"
)
ARCHIVE = (
    "De Rijksoverheid publiceert haar nieuwsberichten op de eigen website. "
    "Nieuwsberichten worden niet op Facebook geplaatst.\n"
)


def _engine() -> Engine:
    text = PLATFORMS + VOTE + ARCHIVE
    letter = Letter(id="brief", source="brief.txt", format="text", digest="2" * 64, text=text,
                    title="Verzamelbrief", date=date(2025, 7, 11))  # fmt: skip
    chunks, start = [], 0
    for i, (part, head) in enumerate(((PLATFORMS, "Onlineplatforms"), (VOTE, "Wallet"), (ARCHIVE, "Nieuws"))):
        chunks.append(Chunk(f"brief#{i}", "brief", part, part, (head,), (start, start + len(part))))
        start += len(part)
    return Engine(TermSearcher([letter], chunks), Settings(), chunks=chunks, letters=[letter])


def _cand(
    text: str, own: float = 0.5, score: float = 1.0, chunk_id: str = "c#0", start: int = 0
) -> Candidate:
    chunk = Chunk(chunk_id, "c", text, text, ("Kop",), (0, len(text)))
    letter = Letter(id="c", source="c.txt", format="text", digest="3" * 64, text=text)
    hit = Hit(chunk=chunk, letter=letter, score=1.0, rank=1)
    return Candidate(hit, (start, len(text)), score, own, 0.5, 0.5, None, 0.0, (), frozenset(), None)


def test_a_question_opening_with_its_verb_is_yes_no_and_a_why_question_asks_a_reason():
    assert "yesno" in intents_of("Is de motie over schermtijd uitgevoerd?")
    assert "yesno" in intents_of("Komt er een wetsvoorstel voor de wallet?")
    assert "yesno" in intents_of("Does the letter say the Netherlands supports the proposal?")
    assert "yesno" in intents_of("Presenteert de Rechtspraak een AI-strategie?")
    assert not polar("Wat vraagt de motie?") and not polar("What does the motion ask?")
    assert not polar("Is the motion adopted or rejected?")  # an alternative, not yes/no
    assert not polar("Wordt de motie aangenomen of verworpen?")
    assert polar("Does she think regulating or funding the communities is opportune?")  # "or" inside
    assert polar("Could shops be obliged to sell a larger share of used goods?")  # English "of"
    assert "why" in intents_of("Waarom wordt de brief uitgesteld?")
    assert "why" in intents_of("Why did the cabinet choose this option?")
    assert "yesno" not in intents_of("Why did the cabinet choose this option?")
    # the intent lives in the one analysis of the question
    assert "yesno" in analyse("Maakt de Rijksoverheid gebruik van TikTok?").intents


def test_a_follow_up_yes_no_question_keeps_what_the_conversation_asked():
    first = _engine().answer("Wanneer wordt de brief verstuurd?")
    follow = analyse("En is dat voor de zomer?", history=(first,))
    assert "yesno" in follow.intents and "when" in follow.intents  # yes/no does not hide what was asked


def test_a_denial_is_read_but_not_only_and_a_prefix_are_no_denial():
    assert denies("Er wordt geen gebruik gemaakt van TikTok.")
    assert denies("Deze gesprekken hebben nog niet plaatsgevonden.")
    assert not denies("Nederland test niet alleen, maar draagt ook bij aan de ontwikkeling.")
    assert not denies("zodat zij kunnen concurreren met niet-Europese bedrijven")
    assert not_only("waarbij Nederland niet alleen test en feedback levert, maar ook bijdraagt")


def test_the_clause_about_what_is_asked_decides_yes_or_no():
    s = ("Volgens het voorstel mogen aanbieders een vergoeding vragen voor de controle, "
         "en zijn gebruikers niet verplicht om de dienst te gebruiken.")  # fmt: skip
    clause = asked_clause(s, "Mag er een vergoeding gevraagd worden voor de controle?")
    assert "vergoeding" in clause and not denies(clause)
    line = polar_line(_cand(s), "Mag er een vergoeding gevraagd worden voor de controle?", "nl", 1)
    assert line.startswith("Ja — de brief zegt: “") and "vergoeding" in line and line.endswith("[1].")


def test_yes_no_lines_in_both_frames_rest_on_a_quote():
    no = polar_line(_cand("Er wordt geen gebruik gemaakt van TikTok."), "Is TikTok in gebruik?", "nl", 1)
    assert no == "Nee — de brief zegt: “Er wordt geen gebruik gemaakt van TikTok” [1]."
    more = _cand("Nederland levert niet alleen feedback, maar draagt ook bij aan de ontwikkeling.")
    assert polar_line(more, "Does the Netherlands only give feedback?", "en", 1).startswith(
        "No — the letter says:"
    )
    assert polar_line(more, "Does the Netherlands contribute to the development?", "en", 1).startswith(
        "Yes —"
    )
    assert polar_line(more, "Is it not so?", "en", 1) is None  # a denied question gets no bare yes/no
    # a denial in the question's relative clause names the topic; it does not deny the question
    misuse = _cand("Voor zover bekend heeft zich geen misbruik voorgedaan.")
    assert polar_line(misuse, "Is er misbruik van documenten die niet zichtbaar waren?", "nl", 1).startswith(
        "Nee"
    )


def test_the_reason_sentence_leads_and_a_reason_denied_is_none():
    topic = _cand("De gesprekken over hergebruik hebben nog niet plaatsgevonden in 2024.", own=0.8, score=1.0)
    other = _cand("Het gesprek moet gaan over investeringen, zodat bedrijven kunnen concurreren.", score=0.9)
    reason = _cand(
        "Door de wisseling van het kabinet hebben deze gesprekken nog niet plaatsgevonden.", score=0.8
    )
    quotes = reason_quotes(
        [topic, other], [topic, other, reason], "Waarom hebben de gesprekken niet plaatsgevonden?"
    )
    assert quotes is not None and quotes[0] is reason
    assert reason_line(quotes[0], "en", 1).startswith("Reason: “Door de wisseling")
    assert gives_reason("Nederland heeft vanwege het optionele karakter tegen gestemd.")
    assert not gives_reason("Het rapport is door de commissie opgesteld.")  # "door" inside: "by"
    unstated = _cand("De reden waarom organisaties dit nalaten, vermelden zij niet in het jaarverslag.")
    assert reason_quotes([unstated], [unstated], "Waarom doen ze dat?") is None


def test_the_reason_in_the_sentence_before_a_daarom():
    before = _cand(
        "Er moeten minimaal 65 registers beoordeeld worden. Ik informeer u daarom in juli.", start=0
    )
    text = before.hit.chunk.text
    first = Candidate(before.hit, (0, text.index(" Ik") + 1), 0.5, 0.5, 0.5, 0.5, None, 0.0, (), frozenset())
    second = Candidate(
        before.hit, (text.index("Ik"), len(text)), 1.0, 0.5, 0.5, 0.5, None, 0.0, (), frozenset()
    )
    quotes = reason_quotes([second], [second, first], "Waarom informeert zij pas in juli?")
    assert quotes is not None and quotes[0] is first and quotes[1] is second


def test_a_yes_no_answer_says_no_from_the_deciding_sentence_end_to_end():
    answer = _engine().answer("Maakt de Rijksoverheid gebruik van TikTok?")
    assert not answer.abstained
    first = answer.text.splitlines()[0]
    assert first.startswith("Nee — de brief zegt: “Er wordt geen gebruik gemaakt van TikTok”")
    assert answer.citations[0].quote.startswith("Er wordt geen gebruik gemaakt van TikTok")


def test_a_why_answer_leads_with_the_reason_and_a_why_without_one_is_not_stated():
    why = _engine().answer("Why did the Netherlands vote against the uitvoeringshandeling?")
    assert why.text.splitlines()[0].startswith("Reason: “Nederland heeft vanwege het optionele karakter")
    none = _engine().answer("Waarom worden nieuwsberichten niet op Facebook geplaatst?")
    assert none.not_stated and none.abstained
    assert "de gevraagde reden" in none.text


def test_a_denial_as_on_topic_as_the_lead_decides_a_yes_no_question():
    inventory = _cand("Er is een inventarisatie gedaan naar de mediaplatforms van het Rijk.", own=0.5)
    denial = _cand("Er wordt geen gebruik gemaakt van TikTok.", own=0.5)
    aside = _cand("Er is geen budget voor advertenties.", own=0.2)
    assert deciding_quotes([inventory, denial])[0] is denial
    assert deciding_quotes([inventory, aside])[0] is inventory  # a denial about something else stays second
