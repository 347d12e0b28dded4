"""Load with the real model: N clients x M questions over HTTP while an ingest of new letters runs,
three runs; errors, latency, resident memory of the server and letters before/after each run.

Acceptance (issue 12): 8 clients x 50 questions, 0 errors, answers after the swap cite the new
letters, the server's resident memory after run 3 within 5% of run 1. Exit status 1 if not.

The server is `brieven serve` on the demo letters (built first unless --index is given, with the
default offline model); each run ingests new letters from the development part of a real corpus
(eval/splits.json), falling back to synthetic letters where the shared corpus is absent. The
questions are those of eval/questions.jsonl; after each ingest one question per new letter (its
subject, or its opening words) checks that the running server answers from it.

Usage: python benchmarks/bench_load.py [--index DIR] [--clients 8] [--questions 50] [--runs 3] [--fake]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.questions import load_questions  # noqa: E402
from ingest.store import Store  # noqa: E402
from tests.load_harness import RunFigures, Server, env_for, ingest_command, one_run, summary  # noqa: E402

RUN_CORPORA = ("kamerbrieven-pdf", "moties-docx-pdf", "besluitenlijsten-pdf")


def new_letters(run: int, folder: Path) -> list[Path]:
    """The files a run ingests: a development part of a real corpus, copied so the paths are new."""
    from eval.splits import files

    folder.mkdir(parents=True, exist_ok=True)
    try:
        chosen = [p for p in files(RUN_CORPORA[run % len(RUN_CORPORA)], "development") if p.exists()]
    except (KeyError, FileNotFoundError):
        chosen = []
    if not chosen:
        from tests.reliability_support import letter_text

        made = []
        for i in range(2):
            path = folder / f"synthetisch-{run}-{i}.txt"
            path.write_text(letter_text(900 + 10 * run + i, topic=f"onderwerp{run}x{i}"), encoding="utf-8")
            made.append(path)
        return made
    return [Path(shutil.copy(p, folder / p.name)) for p in chosen]


def probe_for(index: Path, source: Path) -> str:
    """A question the new letter answers: its subject, else the opening words of its longest paragraph."""
    letter = next(x for x in Store(index).load().letters.values() if Path(x.source) == source)
    if letter.title and len(letter.title.split()) >= 3:
        return " ".join(letter.title.split()[:20])
    longest = max(letter.text.split("\n\n"), key=len)
    return " ".join(longest.split()[:20])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None, help="a copy of it is used; default: build one")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--questions", type=int, default=50, help="questions per client per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fake", action="store_true", help="the hashing embedder instead of the model")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="brieven-load-"))
    index = work / "index"
    if args.index is not None:
        shutil.copytree(args.index, index)
    else:
        print(f"building the demo index in {index} ...", flush=True)
        subprocess.run(
            ingest_command(index, [ROOT / "demo" / "letters"], args.fake),
            env=env_for(args.fake),
            check=True,
            cwd=ROOT,
        )
    questions = [q.question for q in load_questions()]
    server = Server(index, fake=args.fake)
    runs: list[RunFigures] = []
    try:
        server.wait_ready()
        print(f"server ready: {server.url}, {server.rss_kib() / 1024:.0f} MiB resident", flush=True)
        for n in range(args.runs):
            files = new_letters(n, work / f"run{n + 1}")
            figures = one_run(
                n + 1,
                server,
                index,
                files,
                [],
                questions,
                clients=args.clients,
                per_client=args.questions,
                fake=args.fake,
                probe_for=lambda source: probe_for(index, source),
            )
            runs.append(figures)
            print(f"run {n + 1} done ({len(files)} files ingested)", flush=True)
            for sample in figures.error_samples:
                print(f"  error: {sample}")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(summary(runs))
    first, last = runs[0].rss_after_kib, runs[-1].rss_after_kib
    ok = (
        all(r.errors == 0 for r in runs)
        and all(r.new_letters_cited for r in runs)
        and abs(last - first) <= 0.05 * first
    )
    print("acceptance:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
