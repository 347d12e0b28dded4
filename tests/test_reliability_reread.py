"""An upgrade's readers take effect on the next ingest: unchanged files an older reader read are read anew."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

import ingest.pipeline
import ingest.reader_version
from assistant.cli import main
from index.fake import FakeEmbedder
from ingest.store import MANIFEST, Store, file_table
from tests.letter_ids import id_by_source
from tests.reliability_support import DEMO

D001 = DEMO / "001_e995363004b1392d.txt"
D002 = DEMO / "002_665b51bb9b1879d1.txt"
NEW_TITLE = "Voortgangsbrief zoals de nieuwe lezer hem leest"


@pytest.fixture
def embedder(monkeypatch: pytest.MonkeyPatch) -> FakeEmbedder:
    """One hashing embedder for every ingest of a test, so its record says what each run embedded."""
    import index.embeddings
    import index.hybrid

    shared = FakeEmbedder(name="fake-hash")
    monkeypatch.setattr(index.embeddings, "load_embedder", lambda settings: shared)
    monkeypatch.setattr(index.hybrid, "load_embedder", lambda settings: shared)
    return shared


def _ingest(index: Path, *paths: Path) -> int:
    return main(["ingest", "--index", str(index), "--model", "fake-hash", "--quiet", *map(str, paths)])


def _new_readers(monkeypatch: pytest.MonkeyPatch, name: str, **fields) -> None:
    """A release whose readers read the file `name` differently (and so carry a newer version)."""
    monkeypatch.setattr(ingest.reader_version, "READER_VERSION", ingest.reader_version.READER_VERSION + 1)
    parse = ingest.pipeline.parse_letter

    def reads_better(raw):
        letter = parse(raw)
        return replace(letter, **fields) if Path(letter.source).name == name else letter

    monkeypatch.setattr(ingest.pipeline, "parse_letter", reads_better)


def test_new_readers_read_unchanged_files_again_and_embed_only_new_texts(
    tmp_path, capsys, monkeypatch, embedder
):
    index = tmp_path / "idx"
    assert _ingest(index, DEMO) == 0
    before = Store(index).load()
    key = id_by_source(before.letters.values(), D001.name)
    assert before.letters[key].title != NEW_TITLE
    first_texts = set(embedder.embedded_texts)
    embedder.embedded_texts.clear()
    capsys.readouterr()

    _new_readers(monkeypatch, D001.name, title=NEW_TITLE)
    assert _ingest(index, DEMO) == 0
    out = capsys.readouterr().out
    after = Store(index).load()
    assert after.letters[key].title == NEW_TITLE  # the new reading, though the file's bytes are the same
    assert {x.reader_version for x in after.letters.values()} == {ingest.reader_version.READER_VERSION}
    assert "letters re-read: 5 (the readers changed since they were indexed)" in out
    assert "letters: 0 added, 0 replaced, 0 unchanged (5 in the index)" in out
    assert len(after.chunks) == len(before.chunks)
    assert [c.id for c in after.chunks] == [c.id for c in before.chunks]
    assert not first_texts & set(embedder.embedded_texts)  # no text embedded twice
    assert after.manifest["reader_version"] == ingest.reader_version.READER_VERSION
    assert "older version of the readers" not in out  # every letter is up to date now

    capsys.readouterr()
    embedder.embedded_texts.clear()
    assert _ingest(index, DEMO) == 0  # the same readers again: nothing to read
    out = capsys.readouterr().out
    assert "letters: 0 added, 0 replaced, 5 unchanged" in out and "letters re-read" not in out
    assert embedder.embedded_texts == [] and Store(index).current_dir() == after.dir


def test_a_rereading_that_finds_a_stronger_key_takes_it_and_keeps_one_letter(
    tmp_path, capsys, monkeypatch, embedder
):
    index = tmp_path / "idx"
    assert _ingest(index, D001, D002) == 0
    old = id_by_source(Store(index).load().letters.values(), D002.name)
    assert old.startswith("doc-")  # the plain text names no Kamerstuk
    capsys.readouterr()
    _new_readers(monkeypatch, D002.name, kamerstuk="99999 nr. 7", id="kst-99999-7")
    assert _ingest(index, D001, D002) == 0
    out = capsys.readouterr().out
    letters = Store(index).load().letters
    assert "kst-99999-7" in letters and old not in letters and len(letters) == 2
    assert "letters re-read: 2" in out
    assert f"kst-99999-7: read anew from {D002}, indexed before as {old}" in out


def test_letters_whose_files_are_not_given_stay_and_one_line_says_how_to_update_them(
    tmp_path, capsys, monkeypatch, embedder
):
    index = tmp_path / "idx"
    assert _ingest(index, D001, D002) == 0
    capsys.readouterr()
    _new_readers(monkeypatch, D001.name, title=NEW_TITLE)
    assert _ingest(index, D001) == 0
    out = capsys.readouterr().out
    assert "letters re-read: 1 (the readers changed since they were indexed)" in out
    lines = [x for x in out.splitlines() if "older version of the readers" in x]
    assert len(lines) == 1 and lines[0].startswith("note: 1 letter(s) in the index")
    assert "brieven ingest PATH" in lines[0] and "--rebuild" in lines[0]
    letters = Store(index).load().letters
    stale = letters[id_by_source(letters.values(), D002.name)]
    assert stale.reader_version != ingest.reader_version.READER_VERSION  # kept as it was read

    assert main(["doctor", "--index", str(index)]) == 0  # outdated is not damaged
    out = capsys.readouterr().out
    assert [x for x in out.splitlines() if "older version of the readers" in x] == [lines[0][len("note: ") :]]


def _corpus_digest(folder: Path) -> str:
    """index/build.py:corpus_digest over a snapshot's stored records, as they are on disk."""
    h = hashlib.sha256()
    for kind, name in (("letter", "letters.jsonl"), ("chunk", "chunks.jsonl"), ("mention", "mentions.jsonl")):
        for line in (folder / name).read_text("utf-8").splitlines():
            h.update(kind.encode())
            h.update(json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def _as_an_old_index_wrote_it(index: Path) -> None:
    """Remove every trace of reader versions, as an index written before they were recorded looks."""
    folder = Store(index).current_dir()
    assert folder is not None
    path = folder / "letters.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert all("reader_version" in row for row in rows)
    assert _corpus_digest(folder) == json.loads((folder / MANIFEST).read_text("utf-8"))["corpus_digest"]
    for row in rows:
        del row["reader_version"]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    del manifest["reader_version"]
    manifest["corpus_digest"] = _corpus_digest(folder)  # taken over letters without the field
    manifest["files"] = file_table(folder)  # the old index was sound: its checksums match
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), "utf-8")


def test_an_index_written_before_reader_versions_is_read_again(tmp_path, capsys, embedder):
    index = tmp_path / "idx"
    assert _ingest(index, D001, D002) == 0
    assert main(["doctor", "--index", str(index)]) == 0
    out = capsys.readouterr().out
    assert "sound" in out and "older version of the readers" not in out  # a fresh index: all current
    _as_an_old_index_wrote_it(index)
    assert {x.reader_version for x in Store(index).load().letters.values()} == {0}
    assert main(["doctor", "--index", str(index)]) == 0
    assert "2 letter(s) in the index were read by an older version" in capsys.readouterr().out

    embedder.embedded_texts.clear()
    assert _ingest(index, D001, D002) == 0
    out = capsys.readouterr().out
    assert "letters re-read: 2 (the readers changed since they were indexed)" in out
    assert embedder.embedded_texts == []  # the same readings: every vector is reused
    snap = Store(index).load()
    assert {x.reader_version for x in snap.letters.values()} == {ingest.reader_version.READER_VERSION}
    assert main(["doctor", "--index", str(index)]) == 0
    assert "older version" not in capsys.readouterr().out


def test_rebuild_with_the_files_rereads_them_too(tmp_path, capsys, monkeypatch, embedder):
    index = tmp_path / "idx"
    assert _ingest(index, D001) == 0
    capsys.readouterr()
    _new_readers(monkeypatch, D001.name, title=NEW_TITLE)
    args = ["ingest", "--index", str(index), "--model", "fake-hash", "--quiet", "--rebuild"]
    assert main(args) == 0  # without its file, a rebuild re-chunks the stored reading
    out = capsys.readouterr().out
    assert "letters re-read" not in out and "1 letter(s) in the index were read by an older version" in out
    assert main([*args, str(D001)]) == 0
    out = capsys.readouterr().out
    assert "letters re-read: 1" in out and "older version" not in out
    assert next(iter(Store(index).load().letters.values())).title == NEW_TITLE
