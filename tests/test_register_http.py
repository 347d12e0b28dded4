"""Register questions over the HTTP API, as a client would ask them: status with its source, lists."""

from __future__ import annotations

import json
import urllib.request

import pytest

from ingest.register_query import open_list
from tests.assistant_fakes import serving
from tests.test_assistant_status import fake_demo_engine


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    eng = fake_demo_engine(tmp_path_factory)
    with serving(eng.settings, eng, tries=300) as url:
        yield url, eng


def _ask(url: str, question: str) -> dict:
    request = urllib.request.Request(
        f"{url}/api/ask",
        data=json.dumps({"question": question}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return json.loads(response.read())


def test_status_with_its_source_over_http(served):
    url, _ = served
    data = _ask(url, "Wat is de status van T03667?")
    assert not data["abstained"]
    assert "afgedaan volgens de staatssecretaris (brief van 8 januari 2025) [1]" in data["answer"]
    assert "het ambtelijk voorstel: geen oordeel [2]" in data["answer"]
    assert data["citations"][1]["quote"] == "Oordeel commissie."


def test_open_list_over_http_is_complete(served):
    url, eng = served
    data = _ask(url, "which commitments are still open?")
    items = [line for line in data["answer"].splitlines() if line.startswith("- ")]
    assert len(items) == len(open_list(eng.register)) and data["language"] == "en"
    assert all(line.rstrip().endswith("]") for line in items)  # each item cited
