"""What the chat page shows, rendered without a browser: chat messages (Markdown with escaped document
text), source cards (one per passage, marks, footnote calls, turn-scoped ids), abstentions, the export."""

import re
from dataclasses import replace
from datetime import date

import pytest

from assistant import export, i18n, render
from assistant.conversation import Turn, for_retry, history, stop_last
from assistant.page_cards import cited_cards, official_url, sources_html
from ingest.model import Answer, Citation, Hit, Marker
from tests.assistant_fakes import MITID_TEXT, corpus

PLANTED = 'Zie [x](javascript:alert(1)) en <img src=x onerror="alert(1)"> of **vet** op www.example.org.'


def _mitid():
    """The MitID letter with the marker glued to its heading ("technologieën20") and its passage."""
    letters, chunks = corpus()
    ict = letters[0]
    at = MITID_TEXT.index("technologieën20") + len("technologieën")
    ict = replace(ict, markers=(Marker(20, "20", "plain", (at, at + 2), "fn20"),))
    return ict, chunks[0]


def _citation(n, letter, chunk, sentence):
    a = chunk.text.index(sentence)
    return Citation(n=n, chunk=chunk, letter=letter, quote=sentence, quote_span=(a, a + len(sentence)))


def _answer(question="what was promised on MitID?"):
    ict, chunk = _mitid()
    first = "Tijdens het debat heeft mijn voorganger toegezegd"
    second = "Met onderstaande informatie doe ik deze toezegging af."
    return Answer(
        question=question,
        text=f"MitID toegezegd [1].\nFrom the letters (quoted in Dutch):\n- “{first}” [1]\n- “{second}” [2]",
        abstained=False,
        citations=(_citation(1, ict, chunk, first), _citation(2, ict, chunk, second)),
        language="en",
    )


def test_two_citations_of_one_passage_are_one_card_marking_both_sentences():
    cards = cited_cards(_answer())
    assert len(cards) == 1 and cards[0].numbers == (1, 2)
    html = sources_html([Turn("q", _answer())], "nl")
    assert html.count('<details class="card cited"') == 1
    assert html.count("<mark>") >= 2 and '<sup class="refs"' in html
    assert "Tijdens het debat" in re.findall(r"<mark>(.*?)</mark>", html)[0]


def test_glued_footnote_call_is_a_superscript_that_opens_its_footnote():
    html = sources_html([Turn("q", _answer())], "nl")
    assert "technologieën20" not in html
    assert (
        'technologieën<sup class="fn-call"><a href="#t1-c1-fn1" aria-label="Voetnoot 20">20</a></sup>' in html
    )
    assert '<li id="t1-c1-fn1" tabindex="-1"><span class="fn-label">20</span> TZ202504-147</li>' in html


def test_cards_of_every_turn_stay_with_turn_scoped_ids():
    turns = [Turn("q1", _answer()), Turn("q2", _answer("and DigiD?"))]
    html = sources_html(turns, "en")
    assert 'id="t1-c1"' in html and 'id="t2-c1"' in html
    assert html.index('id="t2-c1"') < html.index('id="t1-c1"')  # the newest turn first
    messages = render.chat_messages(turns, "en")
    assert 'href="#t1-c1"' in messages[1]["content"] and 'href="#t2-c1"' in messages[3]["content"]


def test_card_names_the_letter_by_title_and_date_with_official_and_file_links():
    html = sources_html([Turn("q", _answer())], "nl", file_link=lambda x: "letters/file/" + x.id)
    assert "11 juli 2025" in html and "Kamerstuk 26643 nr. 1371" in html
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-26643-1371"' in html
    assert 'href="letters/file/kst-26643-1371"' in html
    assert "Brief van de staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties" in html


def test_a_letter_without_title_is_never_named_by_its_key():
    letters, _ = corpus()
    bare = replace(
        letters[1],
        id="001-e995363004b1392d",
        title=None,
        sender="Zsolt Szabó (staatssecretaris)",
        addressee="Tweede Kamer",
        date=None,
        date_not_before=date(2024, 12, 19),
    )
    assert i18n.letter_title(bare, "nl") == "Brief van Zsolt Szabó aan Tweede Kamer"
    assert i18n.letter_when(bare, "en") == "not before 19 December 2024"
    html = render.letters_html([bare], "nl")
    assert "001-e995363004b1392d" not in html.replace('data-letter="001-e995363004b1392d"', "")
    anonymous = replace(bare, sender=None, source="/x/brief.txt")
    assert i18n.letter_title(anonymous, "en") == "Letter (brief.txt)"


def test_official_url_is_built_from_the_kamerstuk_id():
    letters, _ = corpus()
    assert official_url(letters[0]) == "https://zoek.officielebekendmakingen.nl/kst-26643-1371"
    roman = replace(letters[0], kamerstuk="36600 VII nr. 62")
    assert official_url(roman) == "https://zoek.officielebekendmakingen.nl/kst-36600-VII-62"
    assert official_url(letters[1]) is None


def test_planted_markdown_and_html_stay_text_in_chat_cards_and_export():
    ict, chunk = _mitid()
    evil = replace(chunk, text=PLANTED, clean_text=PLANTED, span=(0, len(PLANTED)))
    cite = Citation(n=1, chunk=evil, letter=ict, quote=PLANTED, quote_span=(0, len(PLANTED)))
    answer = Answer(
        question="<b>q</b> [y](javascript:x)",
        text=f"- “{PLANTED}” [1]",
        abstained=False,
        citations=(cite,),
        language="nl",
    )
    turn = Turn(answer.question, answer)
    chat = render.chat_messages([turn], "nl")
    content = chat[1]["content"]
    assert "<img" not in content and "&lt;img" in content
    assert "\\[x\\](javascript:alert(1))" in content  # no link: its brackets are escaped
    assert "\\*\\*vet\\*\\*" in content and "www\\.example" in content
    assert "<b>" not in chat[0]["content"] and "\\[y\\]" in chat[0]["content"]
    card = sources_html([turn], "nl")
    assert "<img" not in card and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in card
    md = export.conversation_markdown([turn], "nl")
    assert "<img" not in md and "&lt;img" in md and "\\[x\\]" in md and "\\*\\*vet\\*\\*" in md


def test_only_citations_the_answer_has_become_links():
    answer = replace(_answer(), text="Een “zin [3]” hier [1]. En [3].")
    content = render.chat_messages([Turn("q", answer)], "nl")[1]["content"]
    assert content.count('class="cite"') == 1 and "\\[3\\]" in content


def test_short_answer_line_leads_in_bold_and_quotes_are_a_list():
    content = render.chat_messages([Turn("q", _answer())], "en")[1]["content"]
    assert content.startswith("**MitID toegezegd ")
    assert "\n- “Tijdens" in content and "\n- “Met onderstaande" in content


def _abstention():
    letters, chunks = corpus()
    hits = tuple(Hit(chunk=c, letter=letters[0], score=1.0, rank=i + 1) for i, c in enumerate(chunks[:2]))
    hits += (Hit(chunk=chunks[2], letter=letters[1], score=0.5, rank=3),)
    return Answer(
        question="Wat vindt men van de hondenbelasting?",
        text="Niet gevonden in de brieven.",
        abstained=True,
        see_also=hits,
        language="nl",
    )


def test_abstention_shows_what_the_letters_say_nearby_and_offers_rephrasings():
    answer = _abstention()
    message = render.chat_messages([Turn(answer.question, answer)], "en")[1]
    assert "Wat de brieven in de buurt zeggen" in message["content"]
    assert 'href="#t1-n1"' in message["content"] and "kst-26643-1371" not in message["content"]
    assert "In het debat over een digitaliserende overheid" in message["content"]
    labels = [o["value"] for o in message["options"]]
    assert labels == [
        "Wat staat er in de brieven over Onderzoeken MitID en vergelijkbare technologieën?",
        "Wat staat er in de brieven over AI-verordening en de Raad van Europa?",
    ]
    html = sources_html([Turn(answer.question, answer)], "nl")
    assert html.count('class="card nearby"') == 3 and 'class="card cited"' not in html


def test_suggestions_follow_the_questions_language():
    answer = replace(_abstention(), language="en")
    assert (
        render.suggestions(answer)[0]
        == "What do the letters say about Onderzoeken MitID en vergelijkbare technologieën?"
    )


def test_export_has_each_turn_with_its_citations_sources_and_footnotes():
    turns = [
        Turn("what was promised on MitID?", _answer()),
        Turn("x", _abstention()),
        Turn("y", partial="Deel", stopped=True),
    ]
    md = export.conversation_markdown(turns, "en", date(2025, 8, 1))
    assert md.startswith("# Conversation with Brieven — 1 August 2025")
    assert "## Question 1: what was promised on MitID?" in md and "MitID toegezegd [1]." in md
    assert "- [1] [2] Brief van de staatssecretaris" in md and "Kamerstuk 26643 nr. 1371" in md
    assert "<https://zoek.officielebekendmakingen.nl/kst-26643-1371>" in md
    assert "  > Met onderstaande informatie doe ik deze toezegging af. [2]" in md
    assert "  - Footnote 20: TZ202504-147" in md
    assert "### What the letters say nearby" in md and "Onderzoeken MitID" in md
    assert "## Question 3: y" in md and "*Stopped.*" in md


def test_streaming_and_stopped_turns_render_without_links():
    assert render.chat_messages([Turn("q", partial="Half [1]")], "nl")[1]["content"] == "Half \\[1\\]"
    stopped = stop_last([Turn("q", partial="Half")])
    assert stopped[0].stopped and render.chat_messages(stopped, "en")[1]["content"] == "Half\n\n*Stopped.*"
    assert history([Turn("a", _answer()), stopped[0]]) == (_answer(),)
    assert for_retry([Turn("a", _answer()), Turn("b")]) == ([Turn("a", _answer())], "b")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_label_exists_in_every_language_with_the_same_placeholders(lang):
    keys = set(i18n.LABELS["nl"])
    assert set(i18n.LABELS[lang]) == keys
    for key in keys:
        fields = set(re.findall(r"{(\w+)}", i18n.LABELS[lang][key]))
        assert fields == set(re.findall(r"{(\w+)}", i18n.LABELS["nl"][key])), key


def test_a_not_stated_answer_cites_what_the_letters_do_say_and_keeps_the_nearby_passages():
    cited = _answer()
    answer = replace(
        _abstention(),
        text="The letters do not state the amount [1].\n- “Met onderstaande informatie doe ik dit af.” [2]",
        citations=cited.citations,
    )
    content = render.chat_messages([Turn("q", answer)], "en")[1]["content"]
    assert content.startswith("**The letters do not state the amount ") and 'href="#t1-c1"' in content
    html = sources_html([Turn("q", answer)], "en")
    assert html.count('class="card cited"') == 1
    assert html.count('class="card nearby"') == 2  # the cited passage is not repeated as a nearby one
