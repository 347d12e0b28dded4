"""`brieven commitments` driven as a user would, on an index built by the real ingest pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.pipeline import ingest_paths
from ingest.settings import Settings
from tests.letter_ids import demo_id

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "letters"
MOTIE_XML = ROOT.parent / "shared" / "corpus" / "moties-xml" / "kst-32761-322.xml"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five demo letters and one motie XML, ingested with the model-free embedder."""
    from index.fake import FakeEmbedder

    folder = tmp_path_factory.mktemp("index")
    paths = [DEMO] + ([MOTIE_XML] if MOTIE_XML.exists() else [])
    ingest_paths(paths, Settings(index_dir=folder, embedding_model="fake-hash"), embedder=FakeEmbedder())
    return folder


def run(index_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["commitments", "--index", str(index_dir), "--model", "fake-hash", *args]) == 0
    return capsys.readouterr().out


def by_key(rows: list[dict]) -> dict[str, dict]:
    return {r["key"]: r for r in rows}


def test_json_lists_every_commitment_with_its_timeline(index_dir, capsys):
    rows = by_key(json.loads(run(index_dir, capsys, "--json")))
    mitid = rows["TZ202504-147"]
    assert mitid["status"] == "afgedaan"
    assert mitid["mentions"][0]["letter_id"] == "kst-26643-1371"
    assert "doe ik deze toezegging af" in mitid["mentions"][0]["verdict_sentence"]
    # T03667, T03664: letter 004 (no printed date, not before 30 April 2024) precedes the memo of 16 Jan 2025.
    for key in ("T03667", "T03664"):
        letters = [m["letter_id"] for m in rows[key]["mentions"]]
        assert letters == [demo_id("004"), demo_id("000")], key
        assert rows[key]["status"] == "afgedaan"
    assert rows["T03664"]["mentions"][0]["verdict"] == "openstaand"


def test_motie_in_corpus_is_linked(index_dir, capsys):
    if not MOTIE_XML.exists():
        pytest.skip("shared moties XML not available")
    rows = by_key(json.loads(run(index_dir, capsys, "--json")))
    assert rows["kst-32761-322"]["cited_in_corpus"] == ["kst-32761-322"]


def test_status_filter(index_dir, capsys):
    open_rows = by_key(json.loads(run(index_dir, capsys, "--json", "--status", "open")))
    closed_rows = by_key(json.loads(run(index_dir, capsys, "--json", "--status", "closed")))
    assert "T03926" in open_rows and "T03926" not in closed_rows
    assert "TZ202504-147" in closed_rows and "TZ202504-147" not in open_rows
    assert {r["status"] for r in closed_rows.values()} == {"afgedaan"}
    assert "afgedaan" not in {r["status"] for r in open_rows.values()}


def test_member_filter_as_csv(index_dir, capsys):
    rows = list(csv.DictReader(io.StringIO(run(index_dir, capsys, "--csv", "--member", "veldhoen"))))
    keys = {r["key"] for r in rows}
    assert {"T03667", "T03669"} <= keys
    assert all("Veldhoen" in r["members"] for r in rows)
    t03926 = by_key(list(csv.DictReader(io.StringIO(run(index_dir, capsys, "--csv")))))["T03926"]
    assert (t03926["status"], t03926["deadline_date"]) == ("openstaand", "2025-07-01")


def test_default_table(index_dir, capsys):
    out = run(index_dir, capsys, "--status", "open")
    assert out.splitlines()[0].split()[:3] == ["KEY", "KIND", "STATUS"]
    assert "T03926" in out and "1 juli 2025" in out
    assert "TZ202504-147" not in out


def test_without_an_index_one_line_error(tmp_path, capsys):
    assert main(["commitments", "--index", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "brieven ingest" in err[0]
