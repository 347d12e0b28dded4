"""No chunk of any shared document over the model's input limit, for a given token counter.

Every shared document (the demo letters, the real letters as PDF and as text, the decision lists, the
office moties, the demo XML moties and a sample of the 3,000 real XML moties) is read by whatever
reader exists for it and chunked. The fast suite counts with the tokenizer-free estimate; the slow
suite loads the configured embedding model and counts with its own tokenizer, so the test holds for
whichever embedder is configured (MiniLM reads 256 word pieces, multilingual-e5-small 512)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.chunking import approx_tokens, chunk_letter
from ingest.errors import InputError
from ingest.loaders import format_of, load_document
from ingest.model import Letter
from ingest.parse import parse_letter
from ingest.settings import Settings
from tests.conftest import DEMO, SHARED

CORPUS = SHARED / "corpus"
XML_SAMPLE_EVERY = 60  # 50 of the 3,000 real XML moties, every 60th by name


def shared_documents() -> list[Path]:
    real = CORPUS / "real"
    paths = sorted(DEMO.glob("*.txt")) + sorted((CORPUS / "letters").glob("*.txt"))
    for folder in ("kamerbrieven-text", "kamerbrieven-pdf", "besluitenlijsten-pdf", "moties-docx-pdf"):
        paths += sorted(p for p in (real / folder).glob("*") if p.is_file())
    paths += sorted((CORPUS / "moties-xml").glob("*.xml"))
    paths += sorted((real / "moties-op-xml").glob("*.xml"))[::XML_SAMPLE_EVERY]
    return paths


@pytest.fixture(scope="session")
def shared_letters() -> tuple[list[Letter], list[str]]:
    """Every shared document read once per session: (letters, files a reader refused with its reason)."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present")
    letters, refused = [], []
    for path in shared_documents():
        try:
            letters.append(parse_letter(load_document(path)))
        except InputError as exc:  # a format without a reader yet: one line, the others go on
            refused.append(str(exc))
    return letters, refused


def oversized(
    letters: list[Letter], settings: Settings, count: Callable[[str], int], limit: int
) -> list[str]:
    out = []
    for letter in letters:
        for chunk in chunk_letter(letter, settings, count):
            n = count(chunk.text)
            if n > limit:
                out.append(f"{chunk.id}: {n} tokens > {limit} ({chunk.text[:60]!r})")
    return out


def test_every_shared_document_is_read_or_refused_in_one_line(shared_letters):
    letters, refused = shared_letters
    assert all("\n" not in reason for reason in refused)
    # the text formats always have a reader: none of them may be refused
    assert not [r for r in refused if format_of(Path(r.split(": ")[0])) in ("text", "xml")], refused
    assert len(letters) >= 80


def test_no_chunk_of_any_shared_document_over_the_limit(shared_letters):
    letters, _ = shared_letters
    settings = Settings()
    assert oversized(letters, settings, approx_tokens, settings.chunk_max_tokens) == []


@pytest.mark.slow
def test_no_chunk_over_the_configured_models_limit_with_its_own_tokenizer(shared_letters):
    from index.embeddings import load_embedder

    letters, _ = shared_letters
    settings = Settings()
    embedder = load_embedder(settings)
    count = embedder.count_tokens
    prefix = getattr(embedder, "passage_prefix", "") or ""
    overhead = (count(prefix) if prefix else 0) + 2  # the passage prefix and the [CLS]/[SEP] pair
    assert settings.chunk_max_tokens + overhead <= embedder.max_seq_length, (
        "chunk limit above the model's input"
    )
    assert oversized(letters, settings, count, settings.chunk_max_tokens) == []
    for letter in letters:
        for chunk in chunk_letter(letter, settings, count):
            assert count(prefix + chunk.clean_text) + 2 <= embedder.max_seq_length, chunk.id
