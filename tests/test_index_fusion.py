"""Fusion weights for English questions: BM25 counts as much as a Dutch keyword search can read them."""

from __future__ import annotations

import pytest

from index.glossary import keyword_coverage, parse_glossary, translate_terms
from index.hybrid import fuse
from index.language import ENGLISH_STOPWORDS, without_function_words
from ingest.settings import Settings

GLOSSARY = parse_glossary("motion\tmotie\ncommitment\ttoezegging\n")
CORPUS_WORDS = {"kathmann", "mitid", "cloud"}


@pytest.fixture
def searcher(sample_searcher):
    return sample_searcher


def coverage(question: str) -> float:
    return keyword_coverage(question, CORPUS_WORDS.__contains__, ENGLISH_STOPWORDS, GLOSSARY)


def test_coverage_counts_glossary_terms_and_words_the_corpus_uses():
    assert coverage("Which motion by Kathmann?") == 1.0  # motion: glossary; Kathmann: in the corpus
    assert coverage("Kathmann's commitments on MitID") == 1.0  # possessive and plural forms
    assert coverage("When must burning recyclable material be completely over?") == 0.0
    assert coverage("Which motion on burning material?") == pytest.approx(1 / 3)
    assert coverage("What is it?") == 1.0  # no content words: nothing to discount
    assert coverage("What happens in 2030 under T03659?") == pytest.approx(2 / 3)  # numbers match as printed


def test_dutch_questions_and_the_off_setting_keep_bm25_at_full_weight(searcher):
    # an English question with no word the glossary or the sample letters know
    searcher.settings = searcher.settings.with_(english_bm25_floor=0.0)
    assert searcher.plan("Wanneer moet het verbranden stoppen?").bm25_weight == 1.0
    english = searcher.plan("When must whaling by trawlers be entirely over?")
    assert english.language == "en" and english.bm25_weight == 0.0
    searcher.settings = searcher.settings.with_(english_bm25_floor=0.25)
    assert searcher.plan("When must whaling by trawlers be entirely over?").bm25_weight == 0.25
    searcher.settings = searcher.settings.with_(english_bm25_floor=1.0)
    assert searcher.plan("When must whaling by trawlers be entirely over?").bm25_weight == 1.0


def test_bm25_knows_the_words_of_the_indexed_texts(searcher):
    assert searcher.bm25.knows("algoritmeregister")
    assert searcher.bm25.knows("MitID")
    assert not searcher.bm25.knows("recyclable")
    assert not searcher.bm25.knows("de")  # a stopword has no token to match


def test_fuse_weighs_the_bm25_ranking():
    bm25, dense = [("a", 9.0), ("b", 5.0)], [("b", 0.9), ("a", 0.5)]
    assert max(fuse(bm25, dense, 5, 0.5).items(), key=lambda kv: kv[1])[0] == "a"
    assert max(fuse(bm25, dense, 5, 0.5, bm25_weight=0.2).items(), key=lambda kv: kv[1])[0] == "b"


def test_english_question_the_glossary_cannot_read_follows_the_dense_ranking(searcher, monkeypatch):
    """BM25 over Dutch text ranks an English question's unread words as noise; the dense side decides."""
    ids = [c.id for c in searcher.snapshot.chunks]
    noise, meant = ids[0], ids[1]
    monkeypatch.setattr(searcher, "bm25_ranking", lambda *a: [(noise, 3.0), (meant, 2.0)])
    monkeypatch.setattr(searcher, "dense_ranking", lambda *a: [(meant, 0.9), (noise, 0.5)])
    monkeypatch.setattr(searcher, "sentence_ranking", lambda *a: [(meant, 0.9), (noise, 0.5)])  # dense side
    question = "By when must whaling by trawlers be entirely over?"
    searcher.settings = searcher.settings.with_(english_bm25_floor=1.0)
    assert searcher.search(question, k=1)[0].chunk.id == noise
    searcher.settings = searcher.settings.with_(english_bm25_floor=0.0)
    assert searcher.search(question, k=1)[0].chunk.id == meant
    # a Dutch question keeps BM25 at full weight
    dutch = "Wanneer stopt het verbranden van recyclebaar materiaal?"
    assert searcher.search(dutch, k=1)[0].chunk.id == noise


def test_default_settings_discount_english_bm25():
    assert Settings().english_bm25_floor < 1.0


@pytest.mark.parametrize(
    ("question", "dutch"),
    [
        ("When will the act take effect?", "in werking treden"),
        ("When does it enter into force?", "inwerkingtreding"),
        ("Which Council handles the proposal?", "raad"),
        ("When is it discussed in a committee debate?", "algemeen overleg"),
        ("What did the procedure meeting decide on this agenda item?", "agendapunt"),
        ("Who tabled the motion?", "ingediend"),
    ],
)
def test_glossary_knows_parliamentary_procedure_terms(question, dutch):
    assert dutch in translate_terms(question)


def test_function_words_leave_identifiers_names_and_compounds_alone():
    stripped = without_function_words("What does the abbreviation HUF mean?")
    assert stripped.split() == ["abbreviation", "HUF", "mean?"]
    kept = without_function_words("Is TZ202504-147 done for the state's plan-of-action in T03659?")
    assert kept.split() == ["TZ202504-147", "done", "state's", "plan-of-action", "T03659?"]


def test_english_bm25_query_leaves_out_function_words_the_dense_side_keeps(searcher):
    question = "What does the committee think of the motion?"
    searcher.settings = searcher.settings.with_(english_keyword_stopwords=True)
    plan = searcher.plan(question)
    assert plan.language == "en"
    assert not {"what", "does", "the", "of"} & set(plan.keyword_text.lower().split())
    assert plan.dense_text.startswith(question)  # the multilingual embedder reads the question whole
    assert "motie" in plan.keyword_text  # the glossary terms still join
    searcher.settings = searcher.settings.with_(english_keyword_stopwords=False)
    assert searcher.plan(question).keyword_text.startswith(question)
    dutch = "Wat vindt de commissie van de motie over the cloud?"  # Dutch: untouched
    searcher.settings = searcher.settings.with_(english_keyword_stopwords=True)
    assert searcher.plan(dutch).keyword_text == dutch


def test_english_function_words_no_longer_pull_up_a_passage_that_quotes_english(searcher):
    """A passage quoting an English title ("The Future of ...") matched every "the" of a question."""
    from index.bm25 import BM25Index

    bm25 = BM25Index().fit(
        ["quote", "meant"],
        ["The Future of the Internet: the report of the forum", "HUF staat voor handhaafbaarheid"],
    )
    question = "What does the abbreviation HUF mean?"
    searcher.bm25 = bm25
    searcher.settings = searcher.settings.with_(english_keyword_stopwords=False)
    assert searcher.bm25_ranking(searcher.plan(question).keyword_text, None, None, 2)[0][0] == "quote"
    searcher.settings = searcher.settings.with_(english_keyword_stopwords=True)
    assert searcher.bm25_ranking(searcher.plan(question).keyword_text, None, None, 2)[0][0] == "meant"


def test_plural_possessive_and_in_terms_of():
    assert "buschauffeur" in translate_terms("the bus drivers' letter")
    assert "termijn" not in translate_terms("What does the cabinet think in terms of subsidiarity?")
    assert "subsidiariteit" in translate_terms("What does the cabinet think in terms of subsidiarity?")
