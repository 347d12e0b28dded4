"""Answer scores on the development part only, old and new development questions apart (a tuning aid).

Run: python -m eval.dev_answers INDEX-v2 [--split-at v2-158]   (INDEX-v2: an index of eval.corpus.v2_paths())
The measurement part is never asked here.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from assistant.engine import open_engine
from eval.answers_v2 import answer_all, summarise_part
from eval.judges import OverlapJudge
from eval.questions import conversation, load_questions_v2
from ingest.settings import settings_from_env

KEYS = ("right", "false_abstention", "abstained_where_due", "citation_precision", "footnotes_shown",
        "list_complete")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.dev_answers", description=__doc__.splitlines()[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--split-at", default="v2-158", help="first id of the newer development questions")
    args = ap.parse_args(argv)
    qs = load_questions_v2()
    dev = [q for q in qs if q.part == "development"]
    need = {p.id for q in dev for p in conversation(q, qs)}
    engine = open_engine(settings_from_env(os.environ, index_dir=args.index))
    rows = answer_all(lambda q, h: engine.answer(q, history=h), [q for q in qs if q.id in need])
    rows = [r for r in rows if r.question.part == "development"]
    for label, part in (("old", [r for r in rows if r.question.id < args.split_at]),
                        ("new", [r for r in rows if r.question.id >= args.split_at])):  # fmt: skip
        summary = summarise_part(part, OverlapJudge(), {})
        for lang in ("nl", "en"):
            d = summary[lang]
            shown = {k: round(v, 3) if isinstance(v, float) else v for k, v in d.items() if k in KEYS}
            print(label, lang, shown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
