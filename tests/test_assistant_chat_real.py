"""`brieven chat` through a real pipe over the ingested demo letters: a follow-up keeps its topic."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.assistant_fakes import demo_index

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def test_chat_from_a_pipe_answers_the_follow_up_about_mitid(tmp_path_factory):
    index = demo_index(tmp_path_factory)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "chat", "--json", "--index", str(index)],
        input="what was promised on MitID?\nand who asked for it?\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert not first["abstained"] and "TZ202504-147" in first["answer"]
    assert second["analysis"]["followup"] and second["short"].startswith("Who: Kathmann")
    assert any("Kathmann" in c["quote"] for c in second["citations"])
