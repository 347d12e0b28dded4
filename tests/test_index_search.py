"""Hybrid search behaviour: identifiers first, filters, modes, English expansion, the LangChain retriever."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from index.bm25 import BM25Index
from index.build import update_index
from index.dense import DenseIndex, choose_kind
from index.fake import FakeEmbedder, sample_corpus
from index.hybrid import open_searcher, rrf
from index.retriever import BrievenRetriever
from ingest.model import CommitmentMention, Member, SearchFilter
from ingest.settings import Settings
from ingest.store import Store


@pytest.fixture
def searcher(tmp_path):
    settings = Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")
    letters, chunks = sample_corpus()
    mention = CommitmentMention(
        kind="motie",
        identifiers=("kst-26643-1287",),
        title="open source",
        letter_id="kst-26643-1371",
        section_path=(),
        chunk_id="kst-26643-1371#2",
        members=(Member("Buijsse", "VVD"),),
    )
    update_index(Store(settings.index_dir), letters, chunks, [mention], settings, FakeEmbedder())
    return open_searcher(settings, embedder=FakeEmbedder())


def test_toezegging_number_finds_citing_chunk_first(searcher):
    hits = searcher.search("Wat is de stand van TZ202504-147?", k=3)
    assert hits[0].chunk.id == "kst-26643-1371#1"
    assert "id" in hits[0].found_by


@pytest.mark.parametrize(
    "variant", ["26643 nr. 1287", "26 643, nr. 1287", "kst-26643-1287", "Kamerstuk 26643-1287"]
)
def test_kamerstuk_variants_find_the_citing_chunk(searcher, variant):
    hits = searcher.search(f"Wat staat er over {variant}?", k=2)
    assert hits[0].chunk.id == "kst-26643-1371#2"


def test_motie_name_finds_its_section(searcher):
    assert searcher.search("what happened with the Buijsse motion?", k=1)[0].chunk.id == "kst-26643-1371#2"
    assert searcher.search("motie buijsse", k=1)[0].chunk.id == "kst-26643-1371#2"


def test_old_style_toezegging_in_heading(searcher):
    assert searcher.search("T03926", k=1)[0].chunk.id == "brief-a#1"


def test_letter_named_by_number_ranks_its_chunks_first(searcher):
    hits = searcher.search("toegankelijkheid in 26643 nr. 1371", k=3)
    assert {h.letter.id for h in hits} == {"kst-26643-1371"}
    assert hits[0].chunk.id == "kst-26643-1371#3"


def test_filters_by_letter_and_date(searcher):
    only_c = SearchFilter(letter_ids=("brief-c",))
    hits = searcher.search("toezegging kinderrechten cloud", k=10, filters=only_c)
    assert hits and {h.letter.id for h in hits} == {"brief-c"}
    in_2025 = SearchFilter(date_from=date(2025, 1, 1), date_to=date(2025, 6, 30))
    for mode in ("hybrid", "bm25", "dense"):
        hits = searcher.search("toezegging kinderrechten cloud algoritmes", k=10, filters=in_2025, mode=mode)
        assert hits and {h.letter.id for h in hits} == {"brief-a"}, mode
    # an identifier match outside the filter does not leak in
    hits = searcher.search("TZ202504-147", k=5, filters=only_c)
    assert all(h.letter.id == "brief-c" for h in hits)


def test_english_question_is_expanded_to_dutch(searcher):
    question = "How much money goes to children's rights?"
    hits = searcher.search(question, k=1, mode="bm25")
    assert hits[0].chunk.id == "brief-a#2"
    assert searcher.plan(question).language == "en"
    searcher.settings = searcher.settings.with_(expand_english=False)
    assert searcher.search(question, k=1, mode="bm25") == []


def test_modes_and_bad_mode(searcher):
    for mode in ("hybrid", "bm25", "dense"):
        hits = searcher.search("algoritmeregister", k=2, mode=mode)
        assert hits[0].chunk.id == "brief-c#2", mode
        assert mode == "hybrid" or hits[0].found_by == (mode,)
    with pytest.raises(ValueError):
        searcher.search("x", mode="fuzzy")
    assert searcher.search("   ") == []


def test_retriever_returns_documents_with_provenance(searcher):
    retriever = BrievenRetriever(searcher=searcher, k=2)
    docs = retriever.invoke("MitID Kathmann")
    assert len(docs) == 2
    top = docs[0]
    assert top.metadata["chunk_id"] == "kst-26643-1371#1"
    assert top.metadata["letter_id"] == "kst-26643-1371"
    assert top.metadata["date"] == "2025-07-11"
    assert top.metadata["section_path"] == ["Digitale overheid", "MitID"]
    assert top.metadata["footnotes"] == [{"number": 20, "label": "20", "text": "TZ202504-147"}]
    assert top.metadata["letter_title"] == "Moties en toezeggingen digitalisering"
    assert top.metadata["page"] == 1
    assert "MitID" in top.page_content


def test_rrf_prefers_items_ranked_high_in_both():
    scores = rrf([["a", "b", "c"], ["b", "d"]], k=60)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert scores["b"] > scores["a"] > scores["d"] > scores["c"]


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_dense_index_kinds_save_load_and_agree(tmp_path, kind):
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(400, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [f"c{i}" for i in range(400)]
    index = DenseIndex(kind, nprobe=64).fit(ids, vectors)
    index.save(tmp_path / kind)
    loaded = DenseIndex.load(tmp_path / kind)
    assert loaded.kind == kind
    top = loaded.search(vectors[7], k=1)
    assert top[0][0] == "c7" and top[0][1] == pytest.approx(1.0, abs=1e-4)
    mask = np.zeros(400, dtype=bool)
    mask[200:] = True
    assert all(int(cid[1:]) >= 200 for cid, _ in loaded.search(vectors[7], k=5, allowed=mask))


def test_choose_kind():
    assert choose_kind(10, "auto", 100) == "flat"
    assert choose_kind(100, "auto", 100) == "hnsw"
    assert choose_kind(10, "ivf", 100) == "ivf"
    with pytest.raises(ValueError):
        choose_kind(10, "lsh")


def test_bm25_save_load_keeps_identifier_tokens(tmp_path):
    index = BM25Index().fit(["a", "b"], ["toezegging TZ202504-147 over MitID", "motie over cloud"])
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    assert loaded.search("TZ202504-147", 2) == index.search("TZ202504-147", 2)
    assert [c for c, _ in loaded.search("TZ202504-147", 2)] == ["a"]
    assert loaded.search("tz202504-148", 2) == []


def test_identifier_pulls_in_the_rest_of_its_section(tmp_path):
    """A footnote on a toezegging's heading cites the whole section: the next chunks follow it."""
    import dataclasses

    letters, chunks = sample_corpus()
    head = chunks[2]  # the MitID chunk with footnote TZ202504-147
    body = [
        dataclasses.replace(head, id=f"kst-26643-1371#m{i}", footnotes=(), text=t, clean_text=t)
        for i, t in enumerate(
            [
                "Gebruikers kiezen hoe zij inloggen.",
                "De uitgifte gaat digitaal of fysiek.",
                "Ook in Denemarken is er een app.",
            ]
        )  # fmt: skip
    ]
    settings = Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")
    update_index(Store(settings.index_dir), letters, chunks + body, [], settings, FakeEmbedder())
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    hits = searcher.search("Wat houdt TZ202504-147 in?", k=4)
    assert [h.chunk.id for h in hits] == ["kst-26643-1371#1", "kst-26643-1371#m0", "kst-26643-1371#m1",
                                          "kst-26643-1371#m2"]  # fmt: skip
    # the question's own words still order the section: "Denemarken app" pulls the last chunk up
    hits = searcher.search("TZ202504-147 Denemarken app", k=2)
    assert hits[1].chunk.id == "kst-26643-1371#m2"


def test_textbook_baseline_searches_fixed_size_chunks():
    import dataclasses

    from index.textbook import TextbookSearcher

    letters, _ = sample_corpus()
    body = "Inleiding over de digitale overheid.\n\n" + "Het algoritmeregister groeit. " * 60
    letters = [
        dataclasses.replace(x, text=body if x.id == "brief-c" else "Brief over cloud.") for x in letters
    ]
    tb = TextbookSearcher(letters, FakeEmbedder())
    assert all(len(c.text) <= 1000 for c in tb.chunks)
    hits = tb.search("algoritmeregister groeit", k=2)
    assert hits[0].letter.id == "brief-c" and hits[0].rank == 1 and hits[0].found_by == ("dense",)


# ---------------------------------------------------------------- answerer API: sentences, context, vectors


def test_sentence_vectors_are_the_sentences_of_each_chunk(searcher):
    from index.sentences import split_chunk

    chunk = searcher.snapshot.chunk("kst-26643-1371#1")
    found = searcher.sentence_vectors([chunk.id, "no-such-chunk"])
    assert list(found) == [chunk.id]
    sv = found[chunk.id]
    assert sv.spans == tuple(split_chunk(chunk.text))
    assert [chunk.text[a:b] for a, b in sv.spans] == [
        "Tijdens het debat heeft mijn voorganger toegezegd om MitID en vergelijkbare technologieën te "
        "onderzoeken.",
        "Het lid Kathmann vroeg of DigiD net zo kan werken.",
    ]
    assert sv.vectors.shape == (2, 64) and sv.vectors.dtype == np.float32
    # the stored vectors are the embedder's vectors of those sentences (float16 in the index)
    expected = FakeEmbedder().embed_passages([chunk.text[a:b] for a, b in sv.spans])
    assert np.allclose(sv.vectors, expected, atol=2e-3)
    # and score against the question's vector as the answerer will
    question = "vroeg Kathmann of DigiD net zo kan werken?"
    scores = sv.vectors @ searcher.query_vector(question)
    assert int(np.argmax(scores)) == 1


def test_question_is_embedded_once_for_search_and_sentences(searcher):
    calls = []
    embed = searcher.embedder.embed_query
    searcher.embedder.embed_query = lambda text: calls.append(text) or embed(text)
    question = "wat is er toegezegd over MitID?"
    searcher.search(question, k=3)
    vector = searcher.query_vector(question)
    assert calls == [question]
    hits = searcher.search(question, k=3, query_vector=vector)
    assert calls == [question] and hits
    given = searcher.search("iets anders", k=3, mode="dense", query_vector=vector)
    assert calls == [question]  # a vector passed in is used as it is
    assert [h.chunk.id for h in given] == [h.chunk.id for h in searcher.search(question, k=3, mode="dense")]


def test_section_context_gives_heading_path_and_neighbours(tmp_path):
    from ingest.model import Chunk, Context

    letters, chunks = sample_corpus()
    body = [
        Chunk(
            id=f"brief-c#s{i}",
            letter_id="brief-c",
            text=f"Deel {i} van de cloudparagraaf.",
            clean_text=f"Deel {i} van de cloudparagraaf.",
            section_path=("Cloud",),
            span=(100 + i, 101 + i),
        )
        for i in range(3)
    ]
    settings = Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")
    update_index(Store(settings.index_dir), letters, chunks + body, [], settings, FakeEmbedder())
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    ctx = searcher.context("brief-c#s0")
    assert isinstance(ctx, Context)
    assert ctx.heading_path == ("Cloud",)
    assert [c.id for c in ctx.previous] == ["brief-c#3"] and [c.id for c in ctx.next] == ["brief-c#s1"]
    assert (ctx.position, ctx.section_size) == (1, 4)
    hit = searcher.search("Deel 2 van de cloudparagraaf", k=1)[0]
    wide = searcher.context(hit, before=5, after=5)
    assert hit.chunk.id == "brief-c#s2" and [c.id for c in wide.previous] == [
        "brief-c#3",
        "brief-c#s0",
        "brief-c#s1",
    ]
    assert wide.next == ()
    alone = searcher.context("brief-a#1")
    assert alone.previous == () and alone.next == () and alone.section_size == 1
    with pytest.raises(KeyError):
        searcher.context("nope")
