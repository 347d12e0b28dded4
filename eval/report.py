"""Writes an evaluation's results.json, report.md (tables) and plot.png (matplotlib, Agg)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SYSTEM_LABELS = {
    "hybrid": "brieven hybrid (BM25 + dense, RRF)",
    "bm25": "brieven BM25 leg (identifiers, glossary)",
    "plain_bm25": "plain BM25 (bm25s, Dutch stemmer)",
    "dense": "dense only (structured chunks)",
    "textbook": "textbook recipe (1000-char chunks, dense)",
}
LANGS = ("nl", "en", "all")


def _f(x: Any, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def retrieval_table(results: dict[str, Any]) -> str:
    rows = [
        "| system | lang | n | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, by_lang in results["retrieval"].items():
        for lang in LANGS:
            s = by_lang[lang]
            r = s["recall"]
            rows.append(
                f"| {SYSTEM_LABELS.get(name, name)} | {lang} | {s['n']} | {_f(r['1'])} | {_f(r['5'])} "
                f"| {_f(r['10'])} | {_f(s['mrr10'])} | {_f(s['ndcg10'])} |"
            )
    return "\n".join(rows)


def answer_table(results: dict[str, Any]) -> str:
    rows = [
        "| lang | answered / answerable | citation recall | citation precision | abstention accuracy "
        "| false abstention | footnote accuracy | latency p50 (ms) | p95 (ms) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for lang in LANGS:
        a = results["answers"][lang]
        p50 = None if a["latency_p50_s"] is None else a["latency_p50_s"] * 1000
        p95 = None if a["latency_p95_s"] is None else a["latency_p95_s"] * 1000
        rows.append(
            f"| {lang} | {a['n_answered']} / {a['n_answerable']} | {_f(a['citation_recall'])} "
            f"| {_f(a['citation_precision'])} | {_f(a['abstention_accuracy'])} (n={a['n_unanswerable']}) "
            f"| {_f(a['false_abstention_rate'])} | {_f(a['footnote_accuracy'])} "
            f"| {_f(p50, 0)} | {_f(p95, 0)} |"
        )
    return "\n".join(rows)


def judge_table(results: dict[str, Any]) -> str:
    rows = ["| pairs | n | accuracy | Cohen's kappa | precision | recall |", "|---|---|---|---|---|---|"]
    for key, a in results["judge_agreement"].items():
        label = "all (incl. English statements)" if key == "all" else "Dutch statements"
        rows.append(
            f"| {label} | {a['n']} | {_f(a['accuracy'])} | {_f(a['kappa'])} | {_f(a['precision'])} "
            f"| {_f(a['recall'])} |"
        )
    return "\n".join(rows)


def v2_table(results: dict[str, Any]) -> str:
    """The v2 set's answers per part and language: the checker's figures beside the hand labels'."""
    v2 = results["v2"]
    if "skipped" in v2:
        return f"Skipped: {v2['skipped']}."
    rows = [
        "| part | lang | answerable | right (checker) | right (labels) | right (lower) | partial | wrong "
        "| false abstention | near miss / unanswerable abstained | list recall | lists complete "
        "| citation precision (judge / labels) | footnotes shown |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for part, by_lang in v2["parts"].items():
        for lang in LANGS:
            a = by_lang[lang]
            lab = a["labels"]
            rows.append(
                f"| {part} | {lang} | {a['n_answerable']} | {_f(a['right'])} | {_f(lab['right'])} "
                f"| {_f(a['right_lower'])} | {_f(a['partial'])} | {_f(a['wrong'])} "
                f"| {_f(a['false_abstention'])} | {_f(a['abstention'])} (n={a['n_unanswerable']}) "
                f"| {_f(a['list_recall'])} | {_f(a['list_complete'])} "
                f"| {_f(a['citation_precision'])} / {_f(lab['citation_precision'])} "
                f"| {_f(a['footnotes_shown'])} |"
            )
    labelled = ", ".join(
        f"{part} {by_lang['labels']['labelled']}/{by_lang['labels']['questions']}"
        for part, by_lang in v2["parts"].items()
    )
    return "\n".join(rows) + f"\n\nAnswers labelled by hand (current for this answer text): {labelled}."


def markdown(results: dict[str, Any], check: list[str] | None = None) -> str:
    s = results["settings"]
    parts = [
        "# brieven evaluation",
        "",
        f"{s['questions']} questions ({s['answerable']} answerable), "
        f"embedding model `{s['embedding_model']}`, "
        f"{s['chunks']} structured chunks vs {s['textbook_chunks']} textbook chunks, judge: {s['judge']}, "
        f"run time {results['duration_s']} s.",
        "",
        "## Retrieval",
        "",
        "Recall@k = share of questions with a passage containing an evidence snippet in the top k.",
        "",
        retrieval_table(results),
        "",
        "## Answers (offline engine)",
        "",
        "Citation recall and precision per ALCE, over answered answerable questions; abstention "
        "accuracy over the unanswerable ones.",
        "",
        answer_table(results),
        "",
        "## Offline judge agreement with hand labels (eval/judge_labels.jsonl)",
        "",
        judge_table(results),
    ]
    if "v2" in results:
        parts += [
            "",
            "## Answers on the v2 question set (eval/questions_v2.jsonl, eval/facts.py)",
            "",
            "Right = every required fact and list item in the answer (eval/facts.py); the labels are a "
            "person's reading of each answer (eval/labels/); the lower of the two counts. Development: "
            "the part the answerer's rules were set on; measurement: nothing was tuned on it.",
            "",
            v2_table(results),
        ]
    misses = results.get("retrieval_misses", {}).get("hybrid")
    if misses:
        parts += ["", f"Hybrid misses at rank 5: {', '.join(misses)}"]
    if check is not None:
        parts += ["", "## Thresholds (eval/thresholds.json)", ""]
        parts += [f"- FAIL {c}" for c in check] or ["- all met"]
    return "\n".join(parts) + "\n"


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display: CI and servers
    import matplotlib.pyplot as plt

    systems = list(results["retrieval"])
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    width = 0.8 / len(systems)
    for ax, lang in zip(axes, ("nl", "en"), strict=True):
        for i, name in enumerate(systems):
            s = results["retrieval"][name][lang]
            values = [s["recall"]["1"], s["recall"]["5"], s["recall"]["10"], s["mrr10"], s["ndcg10"]]
            xs = [j + i * width for j in range(len(values))]
            ax.bar(xs, values, width, label=SYSTEM_LABELS.get(name, name))
        ax.set_xticks([j + 0.4 - width / 2 for j in range(5)], ["R@1", "R@5", "R@10", "MRR@10", "nDCG@10"])
        ax.set_ylim(0, 1.05)
        ax.set_title(f"Retrieval, {'Dutch' if lang == 'nl' else 'English'} questions (n={s['n']})")
    axes[0].legend(loc="lower right", fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_outputs(results: dict[str, Any], out_dir: Path, check: list[str] | None = None) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out_dir / "report.md").write_text(markdown(results, check), encoding="utf-8")
    plot(results, out_dir / "plot.png")
