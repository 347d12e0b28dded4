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
