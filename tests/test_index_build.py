"""Persistence, incremental updates, mismatch refusal and interrupted writes of the index."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from index.build import check_compatible, update_index
from index.fake import FakeEmbedder, sample_corpus
from index.hybrid import open_searcher
from ingest.errors import IndexDamagedError, IndexMismatchError, IndexNotFoundError
from ingest.settings import Settings
from ingest.store import Store


@pytest.fixture
def settings(tmp_path):
    return Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")


def build(settings, embedder, letters, chunks, **kw):
    return update_index(Store(settings.index_dir), letters, chunks, [], settings, embedder, **kw)


def test_build_persists_and_reloads(settings):
    letters, chunks = sample_corpus()
    emb = FakeEmbedder()
    snap = build(settings, emb, letters, chunks)
    assert snap.manifest["chunks"] == len(chunks)
    assert snap.manifest["model"] == "fake-hash" and snap.manifest["dim"] == emb.dim
    assert snap.manifest["index_type"] == "flat"
    assert snap.manifest["fingerprint"] == settings.index_fingerprint()
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    hits = searcher.search("algoritmeregister algoritmes", k=3)
    assert hits[0].chunk.id == "brief-c#2"
    assert [h.rank for h in hits] == [1, 2, 3]
    dense_hits = searcher.search("algoritmeregister algoritmes overheidsorganisaties", k=1, mode="dense")
    assert dense_hits[0].chunk.id == "brief-c#2"


def _parts_of(chunks):
    """Every text the default build embeds for chunks: heading paths and sentences."""
    from index.sentences import sentence_texts

    return {" > ".join(c.section_path) for c in chunks if c.section_path} | {
        t for c in chunks for _, t in sentence_texts(c, None)
    }


def test_incremental_add_embeds_only_new_texts(settings):
    letters, chunks = sample_corpus()
    first = [c for c in chunks if c.letter_id != "brief-c"]
    emb = FakeEmbedder()
    build(settings, emb, letters[:2], first)
    assert sorted(emb.embedded_texts) == sorted(_parts_of(first))  # each distinct text once
    emb2 = FakeEmbedder()
    snap = build(settings, emb2, letters, chunks)
    new = [c for c in chunks if c.letter_id == "brief-c"]
    assert sorted(emb2.embedded_texts) == sorted(_parts_of(new) - _parts_of(first))
    assert snap.manifest["embedded"] == len(new)
    # a changed chunk text is re-embedded even though its id is the same: only its new sentence
    changed = [
        dataclasses.replace(c, text=c.text + " Extra zin.", clean_text=c.clean_text + " Extra zin.")
        if c.id == "brief-a#1"
        else c
        for c in chunks
    ]
    emb3 = FakeEmbedder()
    snap = build(settings, emb3, letters, changed)
    assert emb3.embedded_texts == ["Extra zin."] and snap.manifest["embedded"] == 1


def test_incremental_vectors_equal_a_full_rebuild(settings, tmp_path):
    import numpy as np

    letters, chunks = sample_corpus()
    build(settings, FakeEmbedder(), letters[:2], [c for c in chunks if c.letter_id != "brief-c"])
    grown = build(settings, FakeEmbedder(), letters, chunks)
    fresh = update_index(Store(tmp_path / "fresh"), letters, chunks, [], settings, FakeEmbedder())
    a = np.load(grown.dir / "dense" / "vectors.npy")
    b = np.load(fresh.dir / "dense" / "vectors.npy")
    assert np.array_equal(a, b)


def test_whole_chunk_vectors_without_sentences_embed_each_chunk_once(settings):
    from index.build import index_text

    letters, chunks = sample_corpus()
    whole = settings.with_(chunk_vectors="whole", sentence_vectors=False)
    emb = FakeEmbedder()
    snap = build(whole, emb, letters, chunks)
    assert sorted(emb.embedded_texts) == sorted(index_text(c) for c in chunks)
    assert snap.manifest["sentence_vectors"] is False and snap.manifest["sentences"] == 0
    searcher = open_searcher(whole, embedder=FakeEmbedder())
    assert searcher.sentence_vectors([chunks[0].id]) == {}
    assert searcher.search("algoritmeregister algoritmes overheidsorganisaties", k=1, mode="dense")[
        0
    ].chunk.id == ("brief-c#2")
    # switching the setting back on embeds the sentences, reusing nothing it cannot
    emb2 = FakeEmbedder()
    snap = build(whole.with_(sentence_vectors=True), emb2, letters, chunks)
    assert snap.manifest["sentence_vectors"] is True and emb2.embedded_texts
    assert not set(emb2.embedded_texts) & {index_text(c) for c in chunks}


def test_reingesting_unchanged_corpus_changes_nothing(settings):
    letters, chunks = sample_corpus()
    first = build(settings, FakeEmbedder(), letters, chunks)
    emb = FakeEmbedder()
    again = build(settings, emb, letters, chunks)
    assert again.dir == first.dir
    assert emb.embedded == 0
    assert sorted(p.name for p in settings.index_dir.glob("snap-*")) == [first.dir.name]


def test_mismatched_index_is_refused_with_rebuild_advice(settings):
    letters, chunks = sample_corpus()
    build(settings, FakeEmbedder(), letters, chunks)
    other = settings.with_(embedding_model="another-model")
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        open_searcher(other, embedder=FakeEmbedder())
    with pytest.raises(IndexMismatchError, match="chunk_max_tokens"):
        check_compatible(Store(settings.index_dir).load(), settings.with_(chunk_max_tokens=99))
    with pytest.raises(IndexMismatchError):
        build(other, FakeEmbedder(), letters, chunks)
    rebuilt = build(other, FakeEmbedder(), letters, chunks, rebuild=True)
    assert rebuilt.manifest["fingerprint"]["embedding_model"] == "another-model"


def test_rebuild_reuses_what_the_same_embedder_embedded(settings):
    letters, chunks = sample_corpus()
    build(settings, FakeEmbedder(), letters, chunks)
    rechunked = settings.with_(chunk_max_tokens=99)
    with pytest.raises(IndexMismatchError, match="chunk_max_tokens"):
        build(rechunked, FakeEmbedder(), letters, chunks)
    same, other = FakeEmbedder(), FakeEmbedder(dim=32)
    build(rechunked, same, letters, chunks, rebuild=True)
    assert same.embedded == 0  # the same texts, the same embedder: nothing to embed again
    build(rechunked, other, letters, chunks, rebuild=True)
    assert other.embedded > 0  # another embedder's vectors are never reused


def test_dimension_mismatch_is_refused(settings):
    letters, chunks = sample_corpus()
    build(settings, FakeEmbedder(dim=64), letters, chunks)
    searcher = open_searcher(settings, embedder=None)
    searcher._embedder_factory = lambda: FakeEmbedder(dim=32)
    with pytest.raises(IndexMismatchError, match="rebuild"):
        searcher.search("cloud", mode="dense")


def test_interrupted_write_leaves_previous_index_usable(settings, monkeypatch):
    letters, chunks = sample_corpus()
    build(settings, FakeEmbedder(), letters[:2], [c for c in chunks if c.letter_id != "brief-c"])

    def crash(self, directory):
        raise OSError("disk full")

    monkeypatch.setattr("index.bm25.BM25Index.save", crash)
    with pytest.raises(OSError, match="disk full"):
        build(settings, FakeEmbedder(), letters, chunks)
    monkeypatch.undo()
    searcher = open_searcher(settings, embedder=FakeEmbedder())
    assert len(searcher.snapshot.chunks) == 5
    assert searcher.search("MitID", k=1)[0].chunk.id == "kst-26643-1371#1"
    assert not list(settings.index_dir.glob(".tmp-*"))


def test_missing_index_files_give_a_clear_error(settings):
    letters, chunks = sample_corpus()
    snap = build(settings, FakeEmbedder(), letters, chunks)
    (snap.dir / "dense" / "vectors.npy").unlink()
    with pytest.raises(IndexDamagedError, match="--rebuild"):
        open_searcher(settings, embedder=FakeEmbedder())


def test_no_index_at_all(settings):
    with pytest.raises(IndexNotFoundError):
        open_searcher(settings, embedder=FakeEmbedder())


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "moties-docx-pdf").is_dir(),
    reason="shared corpus not present",
)
def test_a_motie_is_found_by_its_title_and_indiener(tmp_path, capsys, monkeypatch):
    """A motie's header lives in the Letter's metadata, not in its chunk text: `brieven search` by the
    motie's title still finds it, because a chunk without headings is indexed under its title."""
    import json

    from assistant.cli import main
    from index.pipeline import ingest_paths
    from tests.reliability_support import use_fake_model

    use_fake_model(monkeypatch)

    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    motie = shared / "real" / "moties-docx-pdf" / "d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf"
    demo = Path(__file__).resolve().parents[1] / "demo" / "letters"
    index = tmp_path / "idx"
    settings = Settings(index_dir=index, embedding_model="fake-hash")
    ingest_paths([demo, motie], settings, embedder=FakeEmbedder(name="fake-hash"))
    capsys.readouterr()
    question = "motie van het lid Ceder Raad Algemene Zaken en Raad Buitenlandse Zaken"
    args = ["search", "--index", str(index), "--model", "fake-hash", "--json", "-k", "3", question]
    assert main(args) == 0
    hits = json.loads(capsys.readouterr().out)
    hits = hits["results"]
    assert hits[0]["letter_id"] == "kst-21501-02-3121", [h["letter_id"] for h in hits]  # the motie's key
