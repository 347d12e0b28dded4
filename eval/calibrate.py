"""The answerer's abstention thresholds swept on the DEVELOPMENT questions of the v2 set: a curve.

    python -m eval.calibrate --index DIR [--out eval/results/calibration]

DIR holds the v2 corpus (`brieven eval` builds it as "<index>-v2", or ingest eval.corpus.v2_paths()).
For each grid point (assistant.extractive.Rules: min_topic_coverage x min_similarity) every
development question is answered as in `brieven eval`, and three shares are taken: right and complete
answers (eval/facts.py), false abstentions (answerable questions abstained on, "not stated"
included), and abstentions where they are due (unanswerable and near-miss questions). Only the
development part is read; the measurement part stays unseen. Writes curve.json, curve.md, curve.png.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from eval.answers_v2 import answer_all
from eval.facts import summarise
from eval.questions import load_questions_v2

OUT = Path(__file__).resolve().parent / "results" / "calibration"
COVERAGE = (0.25, 0.35, 0.45, 0.55, 0.65, 0.75)
SIMILARITY = (0.80, 0.82, 0.84, 0.86, 1.01)  # 1.01: the embedder's similarity never admits a passage


def sweep(engine: Any, questions: list, coverage=COVERAGE, similarity=SIMILARITY) -> list[dict[str, Any]]:
    """One row per grid point: the rules and the shares per language."""
    search = engine.searcher.search

    @lru_cache(maxsize=4096)
    def cached(query: str, k: int = 5, filters: Any = None, mode: str = "hybrid", **extra: Any) -> Any:
        return search(query, k=k, filters=filters, mode=mode, **extra)

    engine.searcher.search = cached  # the rules change answers, never retrieval: search once per text
    base = engine.rules
    rows = []
    try:
        for sim in similarity:
            for cov in coverage:
                engine.rules = replace(base, min_topic_coverage=cov, min_similarity=sim)
                answered = answer_all(lambda q, h: engine.answer(q, history=h), questions)
                summary = summarise(questions, {r.question.id: r.check for r in answered})
                rows.append(
                    {
                        "min_topic_coverage": cov,
                        "min_similarity": sim,
                        **{
                            lang: {
                                "right": s.right,
                                "false_abstention": s.false_abstention,
                                "abstention": s.abstention,
                            }
                            for lang, s in summary.items()
                        },
                    }
                )
    finally:
        engine.rules = base
        engine.searcher.search = search
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    out = [
        "| min topic coverage | min similarity | right nl | right en | false abstention nl | en "
        "| abstained where due nl | en |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        sim = "off" if r["min_similarity"] > 1 else f"{r['min_similarity']:.2f}"
        out.append(
            f"| {r['min_topic_coverage']:.2f} | {sim} | {f(r['nl']['right'])} | {f(r['en']['right'])} "
            f"| {f(r['nl']['false_abstention'])} | {f(r['en']['false_abstention'])} "
            f"| {f(r['nl']['abstention'])} | {f(r['en']['abstention'])} |"
        )
    return "\n".join(out)


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    for ax, lang in zip(axes, ("nl", "en"), strict=True):
        for sim in sorted({r["min_similarity"] for r in rows}):
            line = [r for r in rows if r["min_similarity"] == sim]
            xs = [r[lang]["false_abstention"] for r in line]
            ys = [r[lang]["abstention"] for r in line]
            label = "similarity off" if sim > 1 else f"similarity >= {sim:.2f}"
            ax.plot(xs, ys, marker="o", label=label)
            for r, x, y in zip(line, xs, ys, strict=True):
                ax.annotate(f"{r['min_topic_coverage']:.2f}", (x, y), fontsize=6)
        ax.set_xlabel("false abstention (answerable questions)")
        ax.set_title(f"{'Dutch' if lang == 'nl' else 'English'} development questions")
    axes[0].set_ylabel("abstained where due (unanswerable, near miss)")
    axes[1].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    from assistant.engine import open_engine
    from ingest.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="an index of the v2 corpus")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    questions = [q for q in load_questions_v2() if q.part == "development"]
    engine = open_engine(Settings(index_dir=args.index))
    rows = sweep(engine, questions)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "curve.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    header = (
        f"# Abstention thresholds on the {len(questions)} development questions\n\n"
        f"`python -m eval.calibrate --index {args.index}`; the defaults are in assistant/extractive.py "
        "(Rules).\n\n"
    )
    (args.out / "curve.md").write_text(header + table(rows) + "\n", encoding="utf-8")
    plot(rows, args.out / "curve.png")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
