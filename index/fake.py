"""A deterministic, model-free embedder for fast tests: hashed word features, counted calls."""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


class FakeEmbedder:
    """Bag-of-words vectors by hashing each lowercased word (and its 5-letter prefix) into `dim` slots.

    Texts sharing words get similar vectors, so retrieval tests behave sensibly without a model.
    `calls` and `embedded` count what was asked, so tests can check that only new chunks are embedded.
    """

    implementation = "fake"
    version = None

    def __init__(self, dim: int = 64, name: str = "fake-hash", max_seq_length: int = 256) -> None:
        self.dim = dim
        self.name = name
        self.max_seq_length = max_seq_length
        self.query_prefix = ""
        self.passage_prefix = ""
        self.calls = 0
        self.embedded = 0
        self.embedded_texts: list[str] = []

    def _slot(self, token: str) -> tuple[int, float]:
        digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dim, 1.0 if (value >> 32) & 1 else -1.0

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            for token in {word, word[:5]}:
                slot, sign = self._slot(token)
                vec[slot] += sign
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:
            vec[0] = 1.0
            return vec
        return vec / norm

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        self.embedded_texts.extend(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text))


def sample_corpus():
    """Three small hand-made letters with chunks, footnotes and identifiers, for tests.

    Returns (letters, chunks). Letter B is named by its Kamerstuk number 26643 nr. 1371.
    """
    from datetime import date

    from ingest.model import Chunk, Footnote, Letter

    def letter(lid, title, when, kamerstuk=None):
        return Letter(
            id=lid,
            source=f"{lid}.txt",
            format="text",
            digest=lid * 4,
            text="",
            title=title,
            date=when,
            kamerstuk=kamerstuk,
        )

    letters = [
        letter("brief-a", "Stand van zaken toezeggingen", date(2025, 1, 16)),
        letter(
            "kst-26643-1371", "Moties en toezeggingen digitalisering", date(2025, 7, 11), "26643 nr. 1371"
        ),
        letter("brief-c", "Verzamelbrief AI en algoritmes", date(2024, 6, 20)),
    ]
    mitid = Footnote("fn20", 20, "20", "plain", "TZ202504-147", toezeggingen=("TZ202504-147",))
    buijsse = Footnote(
        "fn3", 3, "3", "plain", "Kamerstukken II 2023/24, 26643, nr. 1287", kamerstukken=("kst-26643-1287",)
    )
    rows = [
        (
            "brief-a",
            ("Toezeggingen", "T03926: Gesprek met IPO over hergebruik van onderzoeksgegevens"),
            "De staatssecretaris zegt toe in gesprek te gaan met IPO, de VNG en de Unie van Waterschappen "
            "over hergebruik van onderzoeksgegevens.",
            (),
        ),
        (
            "brief-a",
            ("Toezeggingen", "Kinderrechten online"),
            "Voor de bescherming van kinderrechten online is in 2025 twee miljoen euro beschikbaar.",
            (),
        ),
        (
            "kst-26643-1371",
            ("Digitale overheid", "MitID"),
            "Tijdens het debat heeft mijn voorganger toegezegd om MitID en vergelijkbare technologieën te "
            "onderzoeken. Het lid Kathmann vroeg of DigiD net zo kan werken.",
            (mitid,),
        ),
        (
            "kst-26643-1371",
            ("Digitale overheid", "Motie Buijsse – open source communities"),
            "De motie Buijsse verzoekt de regering open source communities te ondersteunen; de overheid "
            "publiceert haar broncode.",
            (buijsse,),
        ),
        (
            "kst-26643-1371",
            ("Toegankelijkheid",),
            "De digitale toegankelijkheid van overheidswebsites verbetert; het dashboard toont voortgang.",
            (),
        ),
        (
            "brief-c",
            ("AI-verordening",),
            "De AI-verordening stelt eisen aan risicovolle AI-systemen voordat ze op de markt komen.",
            (),
        ),
        (
            "brief-c",
            ("Algoritmeregister",),
            "Het algoritmeregister bevat nu meer dan achthonderd algoritmes van overheidsorganisaties.",
            (),
        ),
        (
            "brief-c",
            ("Cloud",),
            "Het kabinet werkt aan cloudbeleid en digitale autonomie; clouddiensten van Europese bodem.",
            (),
        ),
    ]
    chunks = []
    counters: dict[str, int] = {}
    for lid, path, text, notes in rows:
        n = counters[lid] = counters.get(lid, 0) + 1
        chunks.append(
            Chunk(
                id=f"{lid}#{n}",
                letter_id=lid,
                text=text,
                clean_text=text,
                section_path=path,
                span=(0, len(text)),
                page=n,
                footnotes=notes,
            )
        )
    return letters, chunks
