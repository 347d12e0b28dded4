"""`brieven search` as a user drives it: JSON output, stdin batch mode, filters, human output, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.cli import main
from index.build import update_index
from index.fake import FakeEmbedder, sample_corpus
from ingest.settings import Settings
from ingest.store import Store


@pytest.fixture
def index_dir(tmp_path):
    settings = Settings(index_dir=tmp_path / "idx", embedding_model="fake-hash")
    letters, chunks = sample_corpus()
    update_index(Store(settings.index_dir), letters, chunks, [], settings, FakeEmbedder())
    return settings.index_dir


def cli(index_dir, *args):
    return ["search", *args, "--index", str(index_dir), "--model", "fake-hash", "--mode", "bm25"]


def test_json_output_has_every_field(index_dir, capsys):
    assert main(cli(index_dir, "Wat is de stand van TZ202504-147?", "-k", "3", "--json")) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["question"] == "Wat is de stand van TZ202504-147?"
    top = out["results"][0]
    assert set(top) >= {"rank", "score", "chunk_id", "letter_id", "letter_title", "date", "section_path",
                        "page", "text", "footnotes"}  # fmt: skip
    assert top["rank"] == 1 and top["chunk_id"] == "kst-26643-1371#1"
    assert top["letter_title"] == "Moties en toezeggingen digitalisering"
    assert top["date"] == "2025-07-11" and top["page"] == 1
    assert top["section_path"] == ["Digitale overheid", "MitID"]
    assert top["footnotes"] == [{"number": 20, "label": "20", "text": "TZ202504-147"}]
    assert [r["rank"] for r in out["results"]] == list(range(1, len(out["results"]) + 1))


def test_filters_on_the_command_line(index_dir, capsys):
    args = cli(index_dir, "toezegging cloud algoritmes kinderrechten", "-k", "10", "--json")
    assert main([*args, "--letter", "brief-c"]) == 0
    assert {r["letter_id"] for r in json.loads(capsys.readouterr().out)["results"]} == {"brief-c"}
    assert main([*args, "--from", "2025-01-01", "--to", "2025-03-01"]) == 0
    assert {r["letter_id"] for r in json.loads(capsys.readouterr().out)["results"]} == {"brief-a"}


def test_stdin_batch_writes_one_json_line_per_question(index_dir):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    questions = "TZ202504-147\n\nmotie Buijsse\nhoeveel algoritmes staan in het algoritmeregister?\n"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant.cli", *cli(index_dir, "-", "-k", "2")],
        input=questions,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [x["question"] for x in lines] == [
        "TZ202504-147",
        "motie Buijsse",
        "hoeveel algoritmes staan in het algoritmeregister?",
    ]
    assert [x["results"][0]["chunk_id"] for x in lines] == [
        "kst-26643-1371#1",
        "kst-26643-1371#2",
        "brief-c#2",
    ]


def test_human_output(index_dir, capsys):
    assert main(cli(index_dir, "algoritmeregister")) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. [")
    assert "Verzamelbrief AI en algoritmes (2024-06-20) — Algoritmeregister" in out
    assert "brief-c#2" in out


def test_missing_index_is_one_line_error(tmp_path, capsys):
    assert main(cli(tmp_path / "nothing", "vraag")) == 2
    err = capsys.readouterr().err
    assert err.startswith("brieven: ") and "brieven ingest" in err and err.count("\n") == 1


def test_mismatched_model_is_refused(index_dir, capsys):
    args = ["search", "vraag", "--index", str(index_dir), "--model", "other-model"]
    assert main(args) == 2
    assert "--rebuild" in capsys.readouterr().err
