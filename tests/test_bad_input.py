"""`brieven ingest` on bad input: one line per bad file, the good files go on, the old index stays intact.

Exit status: 1 when any file was skipped (so scripts notice), 0 when every file was read; the good
files are ingested either way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.errors import InputError
from ingest.loaders import load_document
from ingest.store import Store
from tests import input_files as f

ROOT = Path(__file__).resolve().parents[1]
DEMO = sorted((ROOT / "demo" / "letters").glob("*.txt"))


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The hashing embedder instead of a real model; the CLI is given --model fake-hash to match."""
    import index.embeddings
    from index.fake import FakeEmbedder

    monkeypatch.setattr(index.embeddings, "load_embedder", lambda settings: FakeEmbedder(name="fake-hash"))
    return ["--model", "fake-hash"]


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _lines_naming(text: str, path: Path) -> list[str]:
    return [line for line in text.splitlines() if str(path) in line]


BAD_CASES = [
    "empty",
    "garbage",
    "truncated",
    "encrypted",
    "scanned",
    "unknown",
    "binary_text",
    "bad_encoding",
    "not_docx",
    "malformed_xml",
    "other_xml",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_each_bad_file_gives_one_clear_reason(tmp_path: Path, case: str) -> None:
    path, fragment = f.bad_files(tmp_path)[case]
    with pytest.raises(InputError) as info:
        load_document(path)
    err = info.value
    assert err.path == str(path) and fragment in err.reason
    assert "\n" not in str(err) and str(err).startswith(f"{path}: ")


def test_ingest_goes_on_past_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture, fake_model: list[str]
) -> None:
    bad = f.bad_files(tmp_path / "in")
    good_pdf = f.write(tmp_path / "in", "goed.pdf", f.pdf_bytes([f.PAGE_1, f.PAGE_2]))
    good_txt = Path(shutil.copy(DEMO[0], tmp_path / "in" / "brief.txt"))
    index = tmp_path / "index"
    paths = [str(good_pdf), *(str(p) for p, _ in bad.values()), str(good_txt)]
    status = main(["ingest", "--index", str(index), *fake_model, "--quiet", *paths])
    out, err = capsys.readouterr()
    assert status == 1  # something was skipped
    for path, fragment in bad.values():
        lines = _lines_naming(err, path)
        assert len(lines) == 1 and fragment in lines[0], (path, err)
    snapshot = Store(index).load()
    assert sorted(letter.source for letter in snapshot.letters.values()) == sorted(
        [str(good_pdf), str(good_txt)]
    )
    assert snapshot.chunks


def test_only_bad_files_leave_the_index_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture, fake_model: list[str]
) -> None:
    index = tmp_path / "index"
    good = Path(shutil.copy(DEMO[0], tmp_path / "brief.txt"))
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(good)]) == 0
    before = _tree_digest(index)
    letters_before = set(Store(index).load().letters)
    capsys.readouterr()

    bad = f.bad_files(tmp_path / "bad")
    status = main(
        ["ingest", "--index", str(index), *fake_model, "--quiet", *(str(p) for p, _ in bad.values())]
    )
    _, err = capsys.readouterr()
    assert status == 1
    assert all(len(_lines_naming(err, p)) == 1 for p, _ in bad.values()), err
    assert _tree_digest(index) == before  # not a byte changed
    assert set(Store(index).load().letters) == letters_before


def test_text_in_windows_1252_is_ingested_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture, fake_model: list[str]
) -> None:
    letter = DEMO[0].read_text(encoding="utf-8").replace("–", "-")  # keep to Windows-1252's repertoire
    path = f.write(tmp_path, "ansi.txt", letter.encode("cp1252"))
    status = main(["ingest", "--index", str(tmp_path / "index"), *fake_model, "--quiet", str(path)])
    out, err = capsys.readouterr()
    assert status == 0
    assert len(Store(tmp_path / "index").load().letters) == 1
    assert any("Windows-1252" in line for line in _lines_naming(out + err, path)), out + err


@pytest.mark.slow
def test_brieven_command_with_the_real_model(tmp_path: Path) -> None:
    """The installed console command, as a user runs it, on one good and two bad files."""
    brieven = shutil.which("brieven", path=str(Path(sys.executable).parent)) or shutil.which("brieven")
    assert brieven, "the brieven console command is not installed"
    good = Path(shutil.copy(DEMO[0], tmp_path / "brief.txt"))
    empty = f.write(tmp_path, "leeg.pdf", b"")
    garbage = f.write(tmp_path, "rommel.pdf", f.garbage_bytes())
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("BRIEVEN_MODEL", None)
    proc = subprocess.run(
        [brieven, "ingest", "--index", str(tmp_path / "index"), str(good), str(empty), str(garbage)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    assert _lines_naming(proc.stderr, empty) == [f"skipped {empty}: empty file"]
    assert _lines_naming(proc.stderr, garbage) == [f"skipped {garbage}: not a PDF (bad header)"]
    assert [x.source for x in Store(tmp_path / "index").load().letters.values()] == [str(good)]
