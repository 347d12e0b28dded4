"""Search identity check (a script, not a test): the top-10 of every development question, saved or compared.

    python -m benchmarks.search_identity --index DIR --save /tmp/before.json   # with the old code
    python -m benchmarks.search_identity --index DIR --compare /tmp/before.json  # with the new code

A speed change must not change a ranking: this records, for each development question of
eval/questions_v2.jsonl (eval/splits.py: question_part; measurement questions are not read), the
chunk ids, scores and found_by of the hybrid, BM25 and dense top-10, and of the hybrid top-10 with a
letter filter (every other letter), then either writes them or reports every question whose results differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.questions import load_questions  # noqa: E402
from eval.splits import question_part  # noqa: E402
from index.hybrid import open_searcher  # noqa: E402
from ingest.model import SearchFilter  # noqa: E402
from ingest.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
K = 10


def results(index: Path, questions: Path) -> dict[str, dict[str, list]]:
    searcher = open_searcher(Settings(index_dir=index))
    development = [q for q in load_questions(questions) if question_part(q.id) == "development"]
    # one filter that admits part of the corpus: every other letter
    only = SearchFilter(letter_ids=tuple(sorted(searcher.snapshot.letters))[::2])
    out: dict[str, dict[str, list]] = {}
    for q in development:
        row = {}
        for mode in ("hybrid", "bm25", "dense"):
            hits = searcher.search(q.question, k=K, mode=mode)
            row[mode] = [[h.chunk.id, round(h.score, 9), list(h.found_by)] for h in hits]
        hits = searcher.search(q.question, k=K, filters=only)
        row["hybrid, filtered"] = [[h.chunk.id, round(h.score, 9), list(h.found_by)] for h in hits]
        out[q.id] = row
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=REPO / "eval" / "questions_v2.jsonl")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    got = results(args.index, args.questions)
    if args.save:
        args.save.write_text(json.dumps(got, indent=0), encoding="utf-8")
        print(f"saved the results of {len(got)} development questions to {args.save}")
        return 0
    want = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = [qid for qid in sorted(set(want) | set(got)) if want.get(qid) != got.get(qid)]
    for qid in differ:
        for mode in sorted(set(want.get(qid, {})) | set(got.get(qid, {}))):
            a, b = want.get(qid, {}).get(mode), got.get(qid, {}).get(mode)
            if a != b:
                before, after = [x[0] for x in a or []], [x[0] for x in b or []]
                print(f"{qid} {mode}: before {before}\n{'':8s} after  {after}")
    print(f"{len(got)} development questions, {len(differ)} with different results")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
