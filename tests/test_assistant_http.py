"""The HTTP API answered over a real socket: POST /api/ask, Gradio's /ask, and the page itself."""

import json
import socket
import threading
import time
import urllib.request

import pytest
import uvicorn

from assistant.app import create_server
from ingest.settings import Settings
from tests.assistant_fakes import corpus, engine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url():
    eng = engine()
    eng.letters = corpus()[0]
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_server(Settings(), eng), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(300):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _post(url: str, payload: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_post_api_ask_returns_the_cli_json(base_url):
    status, data = _post(f"{base_url}/api/ask", {"question": "what was promised on MitID?"})
    assert status == 200 and data["abstained"] is False
    assert data["citations"][0]["kamerstuk"] == "26643 nr. 1371"
    assert any(f["text"] == "TZ202504-147" for c in data["citations"] for f in c["footnotes"])


def test_post_api_ask_abstains_and_validates(base_url):
    status, data = _post(f"{base_url}/api/ask", {"question": "Wat is het standpunt over de hondenbelasting?"})
    assert status == 200 and data["abstained"] is True and data["citations"] == []
    status, _ = _post(f"{base_url}/api/ask", {"question": ""})
    assert status == 422


def test_gradio_api_and_page(base_url):
    with urllib.request.urlopen(f"{base_url}/", timeout=30) as response:
        assert response.status == 200 and "gradio" in response.read().decode().lower()
    with urllib.request.urlopen(f"{base_url}/gradio_api/info", timeout=30) as response:
        info = json.loads(response.read())
    assert "/ask" in info["named_endpoints"]
