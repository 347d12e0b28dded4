"""The HTTP API answered over a real socket: POST /api/ask, Gradio's /ask, and the page itself."""

import json
import re
import urllib.request

import pytest

from ingest.settings import Settings
from tests.assistant_fakes import corpus, engine, post_json, serving


@pytest.fixture(scope="module")
def base_url():
    eng = engine()
    eng.letters = corpus()[0]
    with serving(Settings(), eng, tries=300) as url:
        yield url


def test_post_api_ask_returns_the_cli_json(base_url):
    status, data = post_json(f"{base_url}/api/ask", {"question": "what was promised on MitID?"})
    assert status == 200 and data["abstained"] is False
    assert data["citations"][0]["kamerstuk"] == "26643 nr. 1371"
    assert any(f["text"] == "TZ202504-147" for c in data["citations"] for f in c["footnotes"])


def test_post_api_ask_abstains_and_validates(base_url):
    question = "Wat is het standpunt over de hondenbelasting?"
    status, data = post_json(f"{base_url}/api/ask", {"question": question})
    assert status == 200 and data["abstained"] is True and data["citations"] == []
    status, _ = post_json(f"{base_url}/api/ask", {"question": ""})
    assert status == 422


def test_gradio_api_and_page(base_url):
    with urllib.request.urlopen(f"{base_url}/", timeout=30) as response:
        body = response.read()
        assert response.status == 200 and "gradio" in body.decode().lower()
        assert int(response.headers["content-length"]) == len(body)
    html = body.decode()
    # The page opens in Dutch and its document says so before any script of Gradio's has run; the
    # script that keeps it so comes first in the <head>.
    assert re.search(r"<html\b[^>]*\blang=\"nl\"", html)
    head = html[html.index("<head>") :]
    assert head.index("window.__brievenLang") < head.index('<script type="module"')
    with urllib.request.urlopen(f"{base_url}/gradio_api/info", timeout=30) as response:
        info = json.loads(response.read())
    assert "/ask" in info["named_endpoints"]
