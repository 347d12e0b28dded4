"""`brieven ingest` and `brieven export` driven as a user would, on the demo corpus (hashing embedder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.store import Store
from tests.conftest import DEMO


@pytest.fixture()
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import index.embeddings
    from index.fake import FakeEmbedder

    monkeypatch.setattr(index.embeddings, "load_embedder", lambda settings: FakeEmbedder(name="fake-hash"))
    return ["--model", "fake-hash"]


def test_ingest_report_then_export(tmp_path: Path, capsys, fake_model):
    index = tmp_path / "idx"
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert "letters: 5 added, 0 replaced, 0 unchanged (5 in the index)" in out
    assert "markers without footnote text: 16" in out
    assert "kst-26643-1371: marker 29 (page 19)" in out
    assert "files skipped: 0" in out

    assert main(["export", "--index", str(index), *fake_model, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(Store(index).load().chunks)
    mitid = [r for r in rows if "MitID" in r["text"] and r["letter"]["kamerstuk"] == "26643 nr. 1371"]
    first = mitid[0]
    assert first["letter"]["date"] == "2025-07-11"
    assert first["section_path"][-1] == "2.2.1 Onderzoeken MitID en vergelijkbare technologieën"
    # the passage that opens the MitID section cites footnote 20 first (with 300-token chunks also 21)
    assert [(f["label"], f["toezeggingen"]) for f in first["footnotes"]][0] == ("20", ["TZ202504-147"])
    assert first["page"] == 14


def test_reingest_of_unchanged_letters_changes_nothing(tmp_path: Path, capsys, fake_model):
    index = tmp_path / "idx"
    main(["ingest", "--index", str(index), *fake_model, "--quiet", str(DEMO)])
    before = Store(index).current_dir()
    capsys.readouterr()
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(DEMO)]) == 0
    assert "0 added, 0 replaced, 5 unchanged" in capsys.readouterr().out
    assert Store(index).current_dir() == before


def test_index_folder_from_environment(tmp_path: Path, capsys, fake_model, monkeypatch):
    monkeypatch.setenv("BRIEVEN_INDEX", str(tmp_path / "from-env"))
    assert main(["ingest", *fake_model, "--quiet", str(DEMO / "000_942beb3f78852484.txt")]) == 0
    assert len(Store(tmp_path / "from-env").load().letters) == 1
    monkeypatch.delenv("BRIEVEN_INDEX")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert main(["ingest", *fake_model, "--quiet", str(DEMO / "000_942beb3f78852484.txt")]) == 0
    assert len(Store(tmp_path / "xdg" / "brieven").load().letters) == 1


def test_export_without_an_index_is_one_clear_line(tmp_path: Path, capsys):
    assert main(["export", "--index", str(tmp_path / "nothing")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "brieven ingest" in err[0]
