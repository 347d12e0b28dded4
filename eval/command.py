"""`brieven eval`, registered by eval/ (assistant/ never imports eval/): retrieval and answer scores."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "eval",
        parents=[common],
        help="score retrieval and answers on the question set; write results.json, report.md, plot.png",
        description="Runs offline. Without --index the demo corpus is ingested into a temporary folder.",
    )
    p.add_argument(
        "--judge", choices=("offline", "llm"), default="offline", help="citation judge (llm: BRIEVEN_LLM)"
    )
    p.add_argument(
        "--out", metavar="DIR", type=Path, default=None, help="results folder (eval/results/latest)"
    )
    p.add_argument(
        "--questions", metavar="FILE", type=Path, default=None, help="question set (eval/questions.jsonl)"
    )
    p.add_argument(
        "--letters", metavar="DIR", type=Path, default=None, help="corpus to ingest (demo/letters)"
    )
    p.add_argument("--check", action="store_true", help="exit 1 when a metric misses eval/thresholds.json")
    p.add_argument(
        "--judge-agreement",
        action="store_true",
        help="only report the offline judge's agreement with the hand labels",
    )
    p.set_defaults(run=run)


def _agreement() -> int:
    from eval.judge_validation import agreement, load_labels
    from eval.judges import OverlapJudge

    pairs = load_labels()
    for label, subset in (("all", pairs), ("nl", [p for p in pairs if p.lang == "nl"])):
        a = agreement(OverlapJudge(), subset)
        print(
            f"{label}: n={a.n} accuracy={a.accuracy:.3f} kappa={a.kappa:.3f} "
            f"tp={a.true_pos} fp={a.false_pos} fn={a.false_neg} tn={a.true_neg}"
        )
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.judge_agreement:
        return _agreement()
    from eval import run as evaluation
    from eval.report import markdown, write_outputs
    from eval.thresholds import check, load_thresholds

    def progress(message: str) -> None:
        print(f"eval: {message}", file=sys.stderr)

    kwargs = {
        "out_dir": args.out or evaluation.DEFAULT_OUT,
        "judge_name": args.judge,
        "questions_path": args.questions,
        "letters_dir": args.letters or evaluation.DEMO_LETTERS,
        "progress": progress,
    }
    if args.index:
        result = evaluation.run_eval(settings, **kwargs)
    else:
        result = evaluation.run_in_temp_index(settings, **kwargs)
    failures = check(result.results, load_thresholds()) if args.check else None
    if failures is not None:
        write_outputs(result.results, result.out_dir, failures)  # the report shows the verdict too
    print(markdown(result.results, failures))
    print(f"written: {result.out_dir}/results.json, report.md, plot.png")
    if failures:
        print(f"brieven eval: {len(failures)} metric(s) below eval/thresholds.json", file=sys.stderr)
        return 1
    return 0
