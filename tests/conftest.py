"""Shared fixtures: the demo letters parsed once per session, paths to shared material."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "letters"
SHARED = ROOT.parent / "shared"
MOTIES_XML = SHARED / "corpus" / "moties-xml"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture(scope="session")
def demo_letters():
    """The five demo letters, parsed by the real loader and parser, keyed by file name."""
    from ingest.loaders import load_document
    from ingest.parse import parse_letter

    return {p.name: parse_letter(load_document(p)) for p in sorted(DEMO.glob("*.txt"))}


@pytest.fixture
def sample_searcher(tmp_path):
    """A searcher over index.fake's sample corpus, built and opened with the fake embedder."""
    from index.build import update_index
    from index.fake import FakeEmbedder, sample_corpus
    from index.hybrid import open_searcher
    from ingest.settings import Settings
    from ingest.store import Store

    settings = Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")
    letters, chunks = sample_corpus()
    update_index(Store(settings.index_dir), letters, chunks, [], settings, FakeEmbedder())
    return open_searcher(settings, embedder=FakeEmbedder())
