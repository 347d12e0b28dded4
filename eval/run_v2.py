"""`brieven eval` on the v2 question set: ingest its corpus, answer every question, score by part.

Figures are reported for the development part (where the answerer's rules were set) and the
measurement part (nothing was tuned on it) side by side, each per language. The answers go to
answers.md beside results.json, so they can be read and labelled (eval/labels/README.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eval.answers_v2 import PARTS, answer_all, load_labels, per_question, summarise_part, transcript
from eval.corpus import available, v2_paths
from eval.metrics import Judge
from eval.questions import load_questions_v2
from ingest.errors import BrievenError
from ingest.settings import Settings
from ingest.store import Store

Progress = Callable[[str], None]


def ensure_v2_corpus(settings: Settings, paths: list[Path], progress: Progress) -> None:
    """Ingest the v2 files into settings.index_dir unless they are all there already."""
    from index.pipeline import ingest_paths
    from ingest.errors import IndexNotFoundError

    try:
        have = {Path(x.source).name for x in Store(settings.index_dir).load().letters.values()}
    except IndexNotFoundError:
        have = set()
    if {p.name for p in paths} <= have:
        return
    progress(f"ingesting the v2 corpus ({len(paths)} files) into {settings.index_dir}")
    report = ingest_paths(paths, settings)
    if len(report.skipped) > len(paths) // 10:
        raise BrievenError(f"could not ingest the v2 corpus: {report.skipped[:3]}")


def run_v2(
    settings: Settings, judge: Judge, out_dir: Path | None = None, progress: Progress = print
) -> dict[str, Any]:
    """Every v2 question answered by the offline engine over the v2 corpus; figures per part and language."""
    from assistant.engine import open_engine

    if not available():
        return {"skipped": "the shared corpus (../shared/corpus/real) is not on this machine"}
    questions = load_questions_v2()
    started = time.perf_counter()
    ensure_v2_corpus(settings, v2_paths(questions), progress)
    engine = open_engine(settings)
    engine.answer("wat is er toegezegd over MitID?")  # warm-up, not timed
    progress(f"v2 answers: {len(questions)} questions")
    rows = answer_all(lambda q, h: engine.answer(q, history=h), questions)
    labels = load_labels()
    result: dict[str, Any] = {
        "questions": len(questions),
        "documents": len(Store(settings.index_dir).load().letters),
        "parts": {
            part: summarise_part([r for r in rows if r.question.part == part], judge, labels)
            for part in PARTS
        },
        "per_question": per_question(rows),
        "duration_s": round(time.perf_counter() - started, 1),
    }
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "answers.md").write_text(transcript(rows), encoding="utf-8")
    return result


def v2_index(settings: Settings) -> Settings:
    """The v2 corpus gets its own index folder beside the demo one."""
    folder = settings.index_dir
    return settings.with_(index_dir=folder.parent / f"{folder.name}-v2")
