"""The language-model mode run for real, beside the extractive mode, on development questions (by hand).

    python scripts/llm_server.py MODEL.gguf --port 8089 &      # a local OpenAI-compatible server
    python -m eval.llm_run INDEX-v2 --base-url http://127.0.0.1:8089/v1 --per-lang 12 --out eval/results/llm

Not run in CI: it needs a generative model, which is never a dependency of the product. The sample is
deterministic (development questions that follow no other, spread over the file by a fixed stride, the
same number per language); both modes answer the same questions through the same engine and index, and
are scored the same way (eval.answers_v2: required facts, abstention, ALCE citation precision and
recall with the offline judge, expected footnotes). Written per mode: the figures, what the grounding
check removed (Answer.flagged) and every answer, in OUT/results.json and OUT/answers.md.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from assistant.engine import open_engine
from assistant.llm import load_chat_model
from eval.answers_v2 import answer_all, per_question, summarise_part, transcript
from eval.judges import OverlapJudge
from eval.questions import Question, load_questions_v2
from ingest.settings import settings_from_env

KEYS = ("answerable", "right", "false_abstention", "abstention", "citation_precision", "citation_recall",
        "footnotes_shown", "latency_p50_s")  # fmt: skip


def sample(questions: list[Question], per_lang: int) -> list[Question]:
    """per_lang development questions of each language that follow no other, by a fixed stride."""
    out: list[Question] = []
    for lang in ("nl", "en"):
        pool = [q for q in questions if q.part == "development" and q.lang == lang and not q.follows]
        stride = max(1, len(pool) // per_lang)
        out += pool[::stride][:per_lang]
    return sorted(out, key=lambda q: q.id)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.llm_run", description=__doc__.splitlines()[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--base-url", default="http://127.0.0.1:8089/v1")
    ap.add_argument("--model", default="openai:local", help="LangChain provider:model")
    ap.add_argument("--per-lang", type=int, default=12)
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per model call")
    ap.add_argument("--out", type=Path, default=Path("eval/results/llm"))
    args = ap.parse_args(argv)
    settings = settings_from_env(os.environ, index_dir=args.index).with_(
        llm_model=args.model, llm_base_url=args.base_url, llm_api_key="unused", llm_timeout_s=args.timeout
    )
    questions = sample(load_questions_v2(), args.per_lang)
    engine = open_engine(settings)
    model = load_chat_model(settings)
    args.out.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"model": args.model, "questions": [q.id for q in questions], "modes": {}}
    texts = []
    for mode, llm in (("extractive", None), ("llm", model)):
        started = time.perf_counter()

        def ask(q: str, h: tuple, llm: Any = llm) -> Any:
            return engine.answer(q, history=h, llm=llm)

        rows = answer_all(ask, questions, progress=lambda qid, m=mode: print(m, qid, flush=True))
        summary = summarise_part(rows, OverlapJudge(), {})
        result["modes"][mode] = {
            "by_lang": {lang: {k: summary[lang].get(k) for k in KEYS} for lang in ("nl", "en", "all")},
            "flagged": {r.question.id: list(r.answer.flagged) for r in rows if r.answer.flagged},
            "statements_removed": sum(len(r.answer.flagged) for r in rows),
            "answers_with_removals": sum(1 for r in rows if r.answer.flagged),
            "per_question": per_question(rows),
            "duration_s": round(time.perf_counter() - started, 1),
        }
        texts.append(f"## {mode}\n\n{transcript(rows)}")
        (args.out / "results.json").write_text(
            json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        (args.out / "answers.md").write_text("\n".join(texts), encoding="utf-8")
    for mode, d in result["modes"].items():
        for lang in ("nl", "en"):
            print(
                mode,
                lang,
                {k: (round(v, 3) if isinstance(v, float) else v) for k, v in d["by_lang"][lang].items()},
            )
        print(mode, "statements removed by the grounding check:", d["statements_removed"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
