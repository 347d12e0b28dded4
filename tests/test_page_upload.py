"""Letters added from the page go through the CLI's ingest (report: added, skipped with the reason);
the page serves only ingested, unchanged files, never as active content; `--no-upload` turns uploads off."""

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant import page_upload, source_files
from ingest.settings import Settings
from tests.assistant_fakes import corpus

LETTER = """Den Haag, 3 maart 2025

1. Kattenbelasting
De gemeente Zoetermeer heft sinds 2024 geen kattenbelasting meer, zo schrijft de wethouder in zijn brief.
"""


@pytest.fixture
def fake_settings(tmp_path, monkeypatch):
    import index.embeddings
    from index.fake import FakeEmbedder

    monkeypatch.setattr(index.embeddings, "load_embedder", lambda settings: FakeEmbedder(name="fake-hash"))
    return Settings(index_dir=tmp_path / "index", embedding_model="fake-hash")


def _files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "gradio-upload"
    folder.mkdir()
    good = folder / "katten belasting.txt"
    good.write_text(LETTER, encoding="utf-8")
    bad = folder / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    return [good, bad]


def test_upload_ingests_the_good_file_and_names_the_bad_one(fake_settings, tmp_path):
    from index.fake import FakeEmbedder
    from ingest.store import Store

    seen = []
    result = page_upload.ingest_uploads(
        _files(tmp_path),
        fake_settings,
        embedder=FakeEmbedder(),
        progress=lambda i, n, name: seen.append(name),
    )
    assert len(result.added) == 1 and result.letters_total == 1 and result.failed is None
    assert [s.name for s in result.skipped] == ["kapot.pdf"]
    assert str(fake_settings.index_dir) not in result.skipped[0].reason  # the user's name, not our path
    assert sorted(seen) == ["kapot.pdf", "katten belasting.txt"]
    letters = Store(fake_settings.index_dir).load().letters
    (letter,) = letters.values()
    staged = Path(letter.source)
    assert (
        staged.is_relative_to(fake_settings.index_dir / page_upload.UPLOADS)
        and staged.name == "katten belasting.txt"
    )
    page_upload.prune(fake_settings.index_dir / page_upload.UPLOADS, list(letters.values()))
    assert [p.name for p in (fake_settings.index_dir / page_upload.UPLOADS).glob("*/*")] == [
        "katten belasting.txt"
    ]
    html = page_upload.report_html(result, letters, "nl")
    assert "1 toegevoegd, 0 vervangen, 0 ongewijzigd; 1 brieven in de index." in html
    assert "<b>kapot.pdf</b>: " in html and "3 maart 2025" in html
    assert letter.id not in html.replace(f'data-letter="{letter.id}"', "")


def test_the_same_upload_again_changes_nothing(fake_settings, tmp_path):
    from index.fake import FakeEmbedder

    files = _files(tmp_path)[:1]
    page_upload.ingest_uploads(files, fake_settings, embedder=FakeEmbedder())
    again = page_upload.ingest_uploads(files, fake_settings, embedder=FakeEmbedder())
    assert again.added == () and len(again.unchanged) == 1 and again.letters_total == 1


def test_an_upload_read_by_older_readers_is_read_again_and_listed(fake_settings, tmp_path, monkeypatch):
    import ingest.reader_version
    from index.fake import FakeEmbedder

    files = _files(tmp_path)[:1]
    page_upload.ingest_uploads(files, fake_settings, embedder=FakeEmbedder())
    monkeypatch.setattr(ingest.reader_version, "READER_VERSION", ingest.reader_version.READER_VERSION + 1)
    again = page_upload.ingest_uploads(files, fake_settings, embedder=FakeEmbedder())
    assert len(again.reread) == 1 and again.added == () and again.letters_total == 1
    from ingest.store import Store

    html = page_upload.report_html(again, Store(fake_settings.index_dir).load().letters, "en")
    assert "<h5>Read again (the readers improved since it was indexed)</h5>" in html
    assert f'<ul class="upload_reread"><li data-letter="{again.reread[0]}">' in html


def test_uploads_are_limited_in_count_and_size(fake_settings, tmp_path):
    assert page_upload.count_refusal(20, fake_settings, "en") is None
    refusal = page_upload.count_refusal(21, fake_settings, "en")
    assert "Too many files: 21 chosen, at most 20 at a time. Nothing was read." in refusal
    small = fake_settings.with_(max_file_bytes=100)
    result = page_upload.ingest_uploads(_files(tmp_path)[:1], small)
    assert result.added == () and result.skipped[0].reason.startswith("larger than the limit")
    assert not (small.index_dir / "CURRENT").exists()


def test_file_names_are_made_safe():
    assert page_upload.safe_name("../../etc/passwd") == "passwd"
    assert page_upload.safe_name("a<b>\x00.txt") == "a_b_.txt"
    assert page_upload.safe_name("...") == "brief"


def _served(tmp_path: Path, fmt: str, body: bytes):
    letters, _ = corpus()
    path = tmp_path / f"brief.{fmt}"
    path.write_bytes(body)
    letter = replace(letters[0], source=str(path), format=fmt, digest=hashlib.sha256(body).hexdigest())
    api = FastAPI()
    source_files.mount(api, lambda: {letter.id: letter})
    return TestClient(api), letter, path


def test_an_ingested_file_is_served_under_a_sandbox(tmp_path):
    client, letter, _ = _served(tmp_path, "pdf", b"%PDF-1.4 fake")
    reply = client.get(f"/letters/file/{letter.id}")
    assert reply.status_code == 200 and reply.content == b"%PDF-1.4 fake"
    assert reply.headers["content-type"] == "application/pdf"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["content-security-policy"].startswith("sandbox")
    assert client.get("/letters/file/../../etc/passwd").status_code == 404
    assert client.get("/letters/file/unknown").status_code == 404


def test_html_is_a_download_and_a_changed_file_is_not_served(tmp_path):
    client, letter, path = _served(tmp_path, "html", b"<script>alert(1)</script>")
    reply = client.get(f"/letters/file/{letter.id}")
    assert reply.status_code == 200 and reply.headers["content-disposition"].startswith("attachment")
    assert "text/html" not in reply.headers["content-type"]
    path.write_bytes(b"<p>changed</p>")
    assert client.get(f"/letters/file/{letter.id}").status_code == 404


def _ids(app) -> set:
    return {c["props"].get("elem_id") for c in app.get_config_file()["components"]}


def test_no_upload_leaves_the_upload_out_of_the_page():
    from assistant.app import build_app
    from tests.assistant_fakes import engine

    eng = engine()
    with_upload, without = build_app(eng.settings, eng), build_app(eng.settings, eng, upload=False)
    assert "upload" in _ids(with_upload) and "upload-off" not in _ids(with_upload)
    assert "upload" not in _ids(without) and "upload-off" in _ids(without)


def test_serve_takes_no_upload():
    import argparse

    from assistant.commands import serve

    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers(), argparse.ArgumentParser(add_help=False))
    assert parser.parse_args(["serve", "--no-upload"]).no_upload is True
    assert parser.parse_args(["serve"]).no_upload is False
