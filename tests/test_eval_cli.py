"""`brieven eval` as a user runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from tests.assistant_fakes import demo_index

REPO = Path(__file__).resolve().parents[1]


def test_judge_agreement_command(capsys):
    assert main(["eval", "--judge-agreement"]) == 0
    out = capsys.readouterr().out
    assert "nl: n=41 accuracy=0.805 kappa=0.611" in out


def test_llm_judge_without_model_is_a_clear_error(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEVEN_LLM", raising=False)
    argv = ["eval", "--judge", "llm", "--index", str(tmp_path / "idx"), "--out", str(tmp_path / "o")]
    assert main(argv) == 2
    assert "needs a language model" in capsys.readouterr().err


@pytest.mark.slow
def test_brieven_eval_end_to_end(tmp_path, tmp_path_factory):
    out = tmp_path / "results"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    index = demo_index(tmp_path_factory)  # the session's one real-model index of the demo letters
    proc = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "eval", "--index", str(index), "--out", str(out), "--check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    results = json.loads((out / "results.json").read_text())
    assert set(results["retrieval"]) == {"hybrid", "bm25", "plain_bm25", "dense", "textbook"}
    assert results["settings"]["answerable"] >= 48
    report = (out / "report.md").read_text()
    assert "## Retrieval" in report
    # The v2 set beside the old one: both parts, each language, the checker's and the labels' figures.
    if "skipped" not in results["v2"]:
        assert sorted(p.name for p in out.iterdir()) == [
            "answers.md",
            "plot.png",
            "report.md",
            "results.json",
        ]
        parts = results["v2"]["parts"]
        assert set(parts) == {"development", "measurement"}
        for part in parts.values():
            for lang in ("nl", "en"):
                assert part[lang]["n_answerable"] >= 20 and part[lang]["right"] is not None
                assert part[lang]["citation_precision"] is not None
        assert "## Answers on the v2 question set" in report
        assert results["v2"]["per_question"]["v2-001"]["part"] == "development"
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
