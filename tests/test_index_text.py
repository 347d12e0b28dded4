"""Pure text logic of the index: identifiers, tokenisation, glossary, language, textbook splitting."""

from __future__ import annotations

import pytest

from index.glossary import default_glossary, expand_query, parse_glossary, translate_terms
from index.identifiers import find_ids, heading_names
from index.language import detect_language
from index.textbook import split_text
from index.tokenize import tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wat is er met 26643 nr. 1371 gebeurd?", ["kst-26643-1371"]),
        ("zie 26 643, nr. 1371", ["kst-26643-1371"]),
        ("kst-26643-1371", ["kst-26643-1371"]),
        ("Kamerstuk 26643-1371", ["kst-26643-1371"]),
        ("Kamerstukken II 2024/25, 36 600 VII, nr. 62", ["kst-36600-VII-62"]),
        ("TZ202504-147 en t03926", ["TZ202504-147", "T03926"]),
        ("in 2025 kregen 12000 mensen hulp", []),
    ],
)
def test_find_ids(text, expected):
    assert find_ids(text, loose=True) == expected


def test_printed_kamerstuk_needs_a_hint_in_passages():
    assert find_ids("in 2025 waren er 26643-1371 gevallen") == []
    assert find_ids("in 2025 waren er 26643-1371 gevallen", loose=True) == ["kst-26643-1371"]


def test_heading_names():
    assert heading_names("Motie Thijssen (PRO) en Bruyning (NSC) – 30% cloudopslag") == [
        "thijssen",
        "bruyning",
    ]
    assert heading_names("Gewijzigde motie van het lid Van Hattem over data") == ["hattem"]
    assert heading_names("AI-verordening") == []


def test_tokenize_keeps_identifiers_and_stems_words():
    tokens = tokenize("De toezeggingen TZ202504-147, T03926 en kst-26643-1371 over kinderrechten (36.382)")
    assert "tz202504-147" in tokens and "t03926" in tokens and "kst-26643-1371" in tokens
    assert "36.382" in tokens and "36382" in tokens
    assert "de" not in tokens and "over" not in tokens
    assert tokenize("kinderrechten") == tokenize("kinderrecht")


def test_glossary_file_parses_and_is_broad():
    glossary = default_glossary()
    assert len(glossary.entries) >= 300
    assert "toezegging" in translate_terms("commitment")
    assert "motie" in translate_terms("motions")  # plural of an entry
    assert "kinderrechten" in translate_terms("children's rights")
    assert "algoritmeregister" in translate_terms("the algorithm register")
    assert "inlogmiddel" in translate_terms("a new eID")


def test_glossary_prefers_longest_phrase():
    g = parse_glossary("open\topen\nopen source\topensource\nsource\tbron\n")
    assert translate_terms("open source tools", g) == ["opensource"]
    with pytest.raises(ValueError, match="twice"):
        parse_glossary("a\tb\na\tc\n")
    with pytest.raises(ValueError, match="line 1"):
        parse_glossary("no tab here\n")


def test_expand_query_leaves_unknown_text_alone():
    assert expand_query("xyzzy plugh") == "xyzzy plugh"
    assert expand_query("Which motion?").startswith("Which motion? ")


@pytest.mark.parametrize(
    "question, lang",
    [
        ("What did the minister promise about open source?", "en"),
        ("Wat heeft de minister toegezegd over open source?", "nl"),
        ("is the MitID commitment fulfilled?", "en"),
        ("TZ202504-147", "nl"),
        ("Hoeveel geld gaat er naar kinderrechten online?", "nl"),
        # one cue each ("when", "over"): the other function words decide
        ("By when must burning recyclable material be completely over?", "en"),
        ("Is dat al gebeurd?", "nl"),
    ],
)
def test_detect_language(question, lang):
    assert detect_language(question) == lang


def test_textbook_split_is_verbatim_and_bounded():
    text = ("Alinea een over cloud.\n\n" + "woord " * 400 + "\n\nSlot.") * 3
    pieces = split_text(text, 1000, 200)
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert pieces[0][1].startswith("Alinea een") and pieces[-1][1].endswith("Slot.")


def test_decompounder_splits_into_corpus_words():
    from index.tokenize import Decompounder

    d = Decompounder.from_texts(
        ["Het kader voor een algoritme", "rechten van het kind", "overheid en laptop"]
    )
    assert d.split("algoritmekader") == ["algoritme", "kader"]
    assert d.split("kinderrechten") == ["kind", "rechten"]
    assert d.split("overheidslaptop") == ["overheid", "laptop"]
    assert d.split("kader") == [] and d.split("onbekendwoord") == []
    # the parts are indexed next to the compound, so either spelling finds the other
    assert set(tokenize("algoritmekader", d)) >= set(tokenize("algoritme kader"))
