"""One writer at a time, snapshots that survive damage: the lock, checksums, doctor and --rebuild."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from ingest.store import CURRENT, Store
from tests import input_files as f
from tests.reliability_support import DEMO, fake_cli, letter_text, start_fake_cli, use_fake_model

LOCK_FILE = "LOCK"  # ingest/lock.py
D000 = DEMO / "000_942beb3f78852484.txt"
D004 = DEMO / "004_2db611365dd9d4ee.txt"


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return use_fake_model(monkeypatch)


def _ingest(index: Path, model: list[str], *paths, extra=()) -> int:
    return main(["ingest", "--index", str(index), *model, "--quiet", *extra, *map(str, paths)])


def _one_clear_line(err: str, *fragments: str) -> None:
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("brieven: ") and "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


# -- the lock ---------------------------------------------------------------------------------------


def test_a_second_ingest_refuses_with_one_line_while_the_lock_is_held(tmp_path, capsys, fake_model):
    from ingest.lock import IndexLock

    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D000) == 0
    before = Store(index).current_dir()
    capsys.readouterr()
    with IndexLock(index, what="test"):
        status = _ingest(index, fake_model, D004, extra=["--wait", "0"])
    out, err = capsys.readouterr()
    assert status == 2
    _one_clear_line(err, "being written by another process", f"pid {os.getpid()}", "--wait")
    assert Store(index).current_dir() == before and len(Store(index).load().letters) == 1


def test_a_waiting_ingest_proceeds_when_the_lock_is_released_and_loses_nothing(tmp_path):
    from ingest.lock import IndexLock

    index = tmp_path / "idx"
    lock = IndexLock(index, what="test").acquire()
    try:
        a = start_fake_cli("ingest", "--index", str(index), "--quiet", "--wait", "120", str(D000))
        b = start_fake_cli("ingest", "--index", str(index), "--quiet", "--wait", "120", str(D004))
        with pytest.raises(subprocess.TimeoutExpired):
            a.wait(timeout=3)  # both wait for the lock
        assert b.poll() is None and Store(index).pointer() is None
    finally:
        lock.release()
    for proc in (a, b):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert len(Store(index).load().letters) == 2


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    index.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    record = {"pid": dead.pid, "started": "1", "since": 0.0, "what": "ingest"}
    (index / LOCK_FILE).write_text(json.dumps(record), encoding="utf-8")
    assert _ingest(index, fake_model, D000, extra=["--wait", "0"]) == 0
    assert f"took over the index lock of ingest, pid {dead.pid}" in capsys.readouterr().out


def test_a_recorded_live_holder_is_respected_and_a_reused_pid_is_not(tmp_path, capsys, fake_model):
    from ingest.lock import process_start

    index = tmp_path / "idx"
    index.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = {"pid": sleeper.pid, "started": process_start(sleeper.pid), "since": 0.0}
        (index / LOCK_FILE).write_text(json.dumps(live), encoding="utf-8")
        assert _ingest(index, fake_model, D000, extra=["--wait", "0"]) == 2
        _one_clear_line(capsys.readouterr().err, f"pid {sleeper.pid}")
        # the same pid with another start time: that process died and the pid was given to another
        reused = {**live, "started": str(int(live["started"]) + 1)}
        (index / LOCK_FILE).write_text(json.dumps(reused), encoding="utf-8")
        assert _ingest(index, fake_model, D000, extra=["--wait", "0"]) == 0
    finally:
        sleeper.kill()
        sleeper.wait()


# -- what a snapshot is on disk -------------------------------------------------------------------


def test_every_snapshot_file_and_folder_is_fsynced_before_the_pointer_moves(
    tmp_path, monkeypatch, fake_model
):
    events: list[tuple[str, str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}"), ""))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D000) == 0
    snap = Store(index).current_dir()
    moved = next(i for i, e in enumerate(events) if e[0] == "replace" and e[2] == str(index / CURRENT))
    renamed = next(i for i, e in enumerate(events) if e[0] == "replace" and e[2] == str(snap))
    tmp = Path(events[renamed][1])
    synced_in_tmp = {e[1] for e in events[:renamed] if e[0] == "fsync"}
    for path in [snap, *snap.rglob("*")]:
        assert str(tmp / path.relative_to(snap)) in synced_in_tmp, path  # every file and folder
    assert str(index) in {e[1] for e in events[renamed:moved] if e[0] == "fsync"}  # the rename itself
    pointer = Path(events[moved][1])
    assert str(pointer) in {e[1] for e in events[renamed:moved] if e[0] == "fsync"}
    manifest = json.loads((snap / "manifest.json").read_text())
    files = {p.relative_to(snap).as_posix() for p in snap.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(manifest["files"]) == files


# -- damage: every command says so in one line; doctor and --rebuild repair it -----------------------


def _damage(snap: Path, how: str) -> None:
    if how == "truncated chunks":
        path = snap / "chunks.jsonl"
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "empty vectors":
        (snap / "dense" / "vectors.npy").write_bytes(b"")
    else:
        raise ValueError(how)


@pytest.fixture
def damaged_index(tmp_path, fake_model, capsys, request):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D000, D004) == 0
    capsys.readouterr()
    _damage(Store(index).current_dir(), request.param)
    return index


@pytest.mark.parametrize("damaged_index", ["truncated chunks", "empty vectors"], indirect=True)
@pytest.mark.parametrize("command", ["search", "ask", "ingest"])
def test_a_damaged_index_gives_one_clear_line(damaged_index, command, capsys, fake_model):
    args = {
        "search": ["search", "MitID"],
        "ask": ["ask", "MitID"],
        "ingest": ["ingest", "--quiet", str(DEMO)],
    }
    assert main([*args[command], "--index", str(damaged_index), *fake_model]) == 2
    _one_clear_line(capsys.readouterr().err, "damaged", "brieven doctor", "--rebuild")


@pytest.mark.parametrize("damaged_index", ["truncated chunks", "empty vectors"], indirect=True)
def test_rebuild_works_from_the_stored_letters_whatever_state_the_index_is_in(
    damaged_index, capsys, fake_model
):
    assert main(["ingest", "--rebuild", "--quiet", "--index", str(damaged_index), *fake_model]) == 0
    out = capsys.readouterr().out
    assert "rebuilding from 2 stored letter(s)" in out and "(2 in the index)" in out
    snap = Store(damaged_index).load()
    assert len(snap.letters) == 2 and snap.chunks
    assert main(["search", "toezegging", "--index", str(damaged_index), *fake_model, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]


def test_doctor_says_a_sound_index_is_sound(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D000) == 0
    capsys.readouterr()
    assert main(["doctor", "--index", str(index)]) == 0
    out = capsys.readouterr().out
    assert "sound (every file matches its checksum; 1 letters" in out


def test_doctor_falls_back_to_the_last_sound_snapshot_and_rebuild_takes_the_rest_back(
    tmp_path, capsys, fake_model
):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D000) == 0
    first = Store(index).current_dir()
    assert _ingest(index, fake_model, D004) == 0
    second = Store(index).current_dir()
    vectors = second / "dense" / "vectors.npy"
    data = bytearray(vectors.read_bytes())
    data[-1] ^= 0xFF  # same size, other bytes: only the checksum tells
    vectors.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["doctor", "--index", str(index)]) == 1
    out = capsys.readouterr().out
    assert f"{second.name} is damaged: dense/vectors.npy: checksum differs" in out
    assert f"fell back to {first.name} (1 letters" in out
    assert "1 letter(s) of the damaged snapshot are not in" in out and "--rebuild" in out
    assert Store(index).current_dir() == first and (index / f"damaged-{second.name}").is_dir()
    assert main(["doctor", "--index", str(index)]) == 0
    assert main(["ingest", "--rebuild", "--quiet", "--index", str(index), *fake_model]) == 0
    out = capsys.readouterr().out
    assert "recovered 1 letter(s) from damaged-" in out and "(2 in the index)" in out
    assert not list(index.glob("damaged-*"))


def test_doctor_adopts_a_snapshot_written_whole_whose_pointer_never_moved(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    assert _ingest(index, fake_model, D000) == 0
    first = Store(index).current_dir()
    assert _ingest(index, fake_model, D004) == 0
    second = Store(index).current_dir()
    (index / CURRENT).write_text(first.name)  # as if the writer died before moving the pointer
    capsys.readouterr()
    assert main(["doctor", "--index", str(index)]) == 1
    assert f"adopted {second.name}" in capsys.readouterr().out
    assert Store(index).current_dir() == second


def test_doctor_on_a_folder_without_an_index_is_one_line(tmp_path, capsys):
    assert main(["doctor", "--index", str(tmp_path / "nothing")]) == 2
    _one_clear_line(capsys.readouterr().err, "no ingested letters")
    assert not (tmp_path / "nothing").exists()


def test_readers_never_see_a_half_written_snapshot(tmp_path):
    """A reader loops over loads while ingests write: every load is whole (letters match the manifest)."""
    import threading

    index = tmp_path / "idx"
    proc = fake_cli("ingest", "--index", str(index), "--quiet", str(D000))
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "in"
    for n in range(4):
        f.write(folder / str(n), f"brief-{n}.txt", letter_text(100 + n))
    seen, problems, stop = set(), [], threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                snap = Store(index).load()
                if (
                    len(snap.letters) != snap.manifest["letters"]
                    or len(snap.chunks) != snap.manifest["chunks"]
                ):
                    problems.append(snap.dir.name)
                seen.add(len(snap.letters))
            except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
                problems.append(repr(exc))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(4):
            done = start_fake_cli("ingest", "--index", str(index), "--quiet", str(folder / str(n)))
            assert done.wait(timeout=300) == 0, done.stderr.read()
    finally:
        stop.set()
        reader.join()
    assert not problems and len(Store(index).load().letters) == 5
    shutil.rmtree(folder)
