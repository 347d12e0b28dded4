"""Helpers for the reliability tests: synthetic letters and the CLI with the hashing embedder."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "letters"

_WORDS = (
    "digitale overheid toezegging motie kabinet onderzoek uitvoering gemeenten burgers dienstverlening "
    "identiteit inlogmiddel toegankelijkheid algoritmes register verordening beleid brief kamer leden "
    "staatssecretaris minister voortgang rapport evaluatie planning middelen budget wetgeving kader "
    "samenwerking provincies waterschappen privacy beveiliging open source cloud autonomie data "
    "standaarden interoperabiliteit publicatie transparantie participatie"
).split()


def letter_text(seed: int, words: int = 400, topic: str = "", date: str = "3 maart 2025") -> str:
    """A letter-shaped text: date, subject, paragraphs of words drawn by `seed` (same seed, same text)."""
    rnd = random.Random(seed)
    body = [rnd.choice(_WORDS) for _ in range(words)]
    if topic:
        body[5:5] = topic.split()
    paras = [" ".join(body[i : i + 60]).capitalize() + "." for i in range(0, len(body), 60)]
    return f"Datum {date}\nBetreft Voortgang {topic or 'digitalisering'}\n\n" + "\n\n".join(paras) + "\n"


def wrapped(text: str, width: int) -> list[str]:
    """The text's lines re-wrapped at `width` characters (the same words, other line breaks)."""
    import textwrap

    out: list[str] = []
    for para in text.split("\n\n"):
        out += textwrap.wrap(para, width) or [""]
        out.append("")
    return out


def use_fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The hashing embedder instead of a real model; the CLI is given --model fake-hash to match."""
    import index.embeddings
    import index.hybrid
    from index.fake import FakeEmbedder

    def fake(settings):
        return FakeEmbedder(name="fake-hash")

    monkeypatch.setattr(index.embeddings, "load_embedder", fake)
    monkeypatch.setattr(index.hybrid, "load_embedder", fake)
    return ["--model", "fake-hash"]


# `python -c` prelude that runs the brieven CLI with the hashing embedder (subprocess tests).
FAKE_CLI = (
    "import sys, index.embeddings as e, index.hybrid as h, index.fake as f;"
    "e.load_embedder = h.load_embedder = lambda s: f.FakeEmbedder(name='fake-hash');"
    "from assistant.cli import main; sys.exit(main(sys.argv[1:]))"
)


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    env.pop("BRIEVEN_FAULT_AT", None)
    env.update(extra)
    return env


def fake_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """`brieven ARGS --model fake-hash` in a subprocess with the hashing embedder."""
    return subprocess.run(
        [sys.executable, "-c", FAKE_CLI, *args, "--model", "fake-hash"],
        capture_output=True,
        text=True,
        env=env or cli_env(),
        timeout=timeout,
        cwd=ROOT,
    )


def start_fake_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", FAKE_CLI, *args, "--model", "fake-hash"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or cli_env(),
        cwd=ROOT,
    )
