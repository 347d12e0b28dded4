"""Faults and load, bounded and on loopback only, with the hashing embedder: ingests killed with
SIGKILL at each stage of a write, concurrent ingests in separate processes, and N clients asking over
HTTP while new letters are ingested. No letter is ever lost; the figures are printed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.questions import load_questions
from ingest.store import Store
from tests import input_files as f
from tests.load_harness import Server, one_run, summary
from tests.reliability_support import DEMO, cli_env, fake_cli, letter_text, start_fake_cli

D000 = DEMO / "000_942beb3f78852484.txt"
D004 = DEMO / "004_2db611365dd9d4ee.txt"
# the stages of ingest/faults.py, in the order an ingest passes them
STAGES = ("locked", "read", "files-written", "snapshot-renamed", "pointer-written", "pointer-moved")


def _sources(index: Path) -> set[str]:
    return {Path(x.source).name for x in Store(index).load().letters.values()}


@pytest.fixture(scope="module")
def base_index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("base") / "idx"
    proc = fake_cli("ingest", "--index", str(folder), "--quiet", str(D000))
    assert proc.returncode == 0, proc.stderr
    return folder


@pytest.mark.parametrize("fresh", [False, True], ids=["existing index", "fresh index"])
@pytest.mark.parametrize("stage", STAGES)
def test_an_ingest_killed_at_any_stage_loses_nothing(stage, fresh, base_index, tmp_path, capsys):
    index = tmp_path / "idx"
    if not fresh:
        shutil.copytree(base_index, index)
    before = _sources(index) if not fresh else set()
    killed = fake_cli(
        "ingest", "--index", str(index), "--quiet", str(D004), env=cli_env(BRIEVEN_FAULT_AT=stage)
    )
    assert killed.returncode == -9, (killed.returncode, killed.stderr)
    # readers see the old snapshot, or the new one once the pointer moved; never a broken one
    if fresh and stage in ("locked", "read", "files-written"):
        assert Store(index).pointer() is None
    elif stage == "pointer-moved":
        assert _sources(index) == before | {D004.name}
    elif not fresh:
        assert _sources(index) == before
    again = fake_cli("ingest", "--index", str(index), "--quiet", str(D004))
    assert again.returncode == 0, again.stderr
    after = _sources(index)
    assert after == before | {D004.name}
    if stage in ("snapshot-renamed", "pointer-written"):
        assert "adopted snap-" in again.stdout and "embedded 0" in again.stdout  # not embedded twice
    if stage == "locked":
        assert "took over the index lock" in again.stdout
    assert not list(index.glob(".tmp-*")) and not list(index.glob(".CURRENT.*"))
    with capsys.disabled():
        where = "fresh" if fresh else "existing"
        print(f"\nkill -9 at {stage} ({where}): letters {len(before)} -> {len(after)}")


@pytest.mark.parametrize("fresh", [True, False], ids=["fresh index", "existing index"])
def test_concurrent_ingests_in_separate_processes_lose_no_letter(fresh, base_index, tmp_path, capsys):
    index = tmp_path / "idx"
    if not fresh:
        shutil.copytree(base_index, index)
    before = _sources(index) if not fresh else set()
    files = [f.write(tmp_path / "in" / str(n), f"brief-{n}.txt", letter_text(200 + n)) for n in range(3)]
    procs = [start_fake_cli("ingest", "--index", str(index), "--quiet", str(p)) for p in files]
    results = [(p, *p.communicate(timeout=600)) for p in procs]
    for proc, _out, err in results:
        assert proc.returncode == 0 and "Traceback" not in err, err
    after = _sources(index)
    assert after == before | {p.name for p in files}
    with capsys.disabled():
        where = "fresh" if fresh else "existing"
        print(f"\n3 concurrent ingests ({where}): letters {len(before)} -> {len(after)}")


TOPICS = [
    "zeppelinbeleid",
    "ballonvaartregister",
    "kabelbaanwet",
    "veerpontfonds",
    "trekschuitnorm",
    "sluisdata",
]


def test_clients_asking_while_letters_are_ingested_see_no_error_and_the_new_letters(tmp_path, capsys):
    """4 clients x 20 questions per run, 3 runs, each run ingesting 2 new letters while they ask."""
    index = tmp_path / "idx"
    proc = fake_cli("ingest", "--index", str(index), "--quiet", str(DEMO))
    assert proc.returncode == 0, proc.stderr
    questions = [q.question for q in load_questions()]
    server = Server(index, fake=True)
    runs = []
    try:
        server.wait_ready()
        for n in range(3):
            topics = TOPICS[2 * n : 2 * n + 2]
            new = [
                f.write(
                    tmp_path / f"run{n}", f"{t}.txt", letter_text(300 + 2 * n + i, topic=f"{t} toegezegd {t}")
                )
                for i, t in enumerate(topics)
            ]
            probes = [f"Wat is er toegezegd over het {t}?" for t in topics]
            runs.append(
                one_run(n + 1, server, index, new, probes, questions, clients=4, per_client=20, fake=True)
            )
    finally:
        server.stop()
    with capsys.disabled():
        print("\nmixed load (hashing embedder):\n" + summary(runs))
    assert all(r.errors == 0 for r in runs), [r.error_samples for r in runs]
    assert all(r.new_letters_cited for r in runs)
    assert [r.letters_after for r in runs] == [7, 9, 11]
    assert abs(runs[2].rss_after_kib - runs[0].rss_after_kib) <= 0.05 * runs[0].rss_after_kib


def test_the_fault_hook_is_inert_unless_asked(tmp_path):
    from ingest import faults

    assert faults.STAGES == STAGES
    done = fake_cli(
        "ingest",
        "--index",
        str(tmp_path / "idx"),
        "--quiet",
        str(D000),
        env=cli_env(BRIEVEN_FAULT_AT="nowhere"),
    )
    assert done.returncode == 0 and _sources(tmp_path / "idx") == {D000.name}
