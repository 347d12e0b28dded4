"""The v2 questions answered as a user asks them and scored: facts, lists, abstention, citations, labels.

A follow-up is asked after the turns it follows, with the engine's own answers to them as the
conversation (`eval.questions.conversation`). Every answer is checked by `eval.facts` for its
required facts and list items; its citations are judged per statement (ALCE precision) with a judge
that reads the answer frame's short line ("Amount: €3.000.000 [1].") by its values: the label is
fixed vocabulary, the values must be in the cited passage. Human labels of the answers
(`eval/labels/answers_v2.jsonl`, see eval/labels/README.md) are read beside the checker and the lower
of the two is the figure that counts.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eval.adapters import answer_to_run
from eval.facts import RIGHT, CheckedAnswer, FactCheck, check_answer, form_found, summarise
from eval.metrics import AnswerRun, Judge, answer_scores
from eval.questions import Question, conversation
from ingest.model import Answer

LABELS_PATH = Path(__file__).resolve().parent / "labels" / "answers_v2.jsonl"
PARTS = ("development", "measurement")
# The answer frame's fixed labels (assistant/frame.py LABELS); a line "Label: values [n]." is a short line.
_SHORT = re.compile(r"^(?:Amount|Number|When|Who|Where|Bedrag|Aantal|Wanneer|Wie|Waar):\s*(.+)$")


@dataclass(frozen=True)
class V2Answer:
    question: Question
    answer: Answer
    check: FactCheck
    run: AnswerRun
    latency_s: float


def checked_answer(answer: Answer) -> CheckedAnswer:
    """What the fact checker reads: the text shown, the cited passages and their footnotes."""
    footnotes: list[str] = []
    for c in answer.citations:
        for f in c.chunk.footnotes:
            footnotes += [*f.identifiers, f.text]
    return CheckedAnswer(
        text=answer.text,
        cited_texts=tuple(c.chunk.text for c in answer.citations),
        footnote_ids=tuple(footnotes),
        abstained=answer.abstained,
        not_stated=answer.not_stated,
    )


def answer_all(
    answer: Callable[[str, tuple[Answer, ...]], Answer],
    questions: Sequence[Question],
    progress: Callable[[str], None] = lambda _: None,
) -> list[V2Answer]:
    """Answer every question in file order; a follow-up gets the answers to the turns before it."""
    done: dict[str, Answer] = {}
    rows = []
    for q in questions:
        history = tuple(done[p.id] for p in conversation(q, questions)[:-1] if p.id in done)
        start = time.perf_counter()
        result = answer(q.question, history)
        latency = time.perf_counter() - start
        done[q.id] = result
        run = answer_to_run(q.id, result, latency)
        rows.append(V2Answer(q, result, check_answer(q, checked_answer(result)), run, latency))
        progress(q.id)
    return rows


class FrameJudge:
    """The base judge for the letters' words; the short answer line by its values alone."""

    def __init__(self, base: Judge) -> None:
        self.base = base

    def supports(self, statement: str, passages: Sequence[str]) -> bool:
        short = _SHORT.match(statement.strip())
        if not short:
            return self.base.supports(statement, passages)
        joint = "\n".join(passages)
        values = [v.strip(' .“”"') for v in re.split(r",\s*|\s+(?:and|en)\s+", short.group(1))]
        values = [v for v in values if v]
        return bool(values) and all(form_found(v, joint) or form_found(v.strip("“”"), joint) for v in values)


def digest(text: str) -> str:
    """The label's key to an answer: a label is current only for the answer text it was written for."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Label:
    """One answer as a person read it against the letters."""

    id: str
    digest: str
    verdict: str  # right | partial | wrong | abstained | answered
    citations: int  # citations in the answer
    precise: int  # of them, those that support their statement and carry what was asked
    note: str = ""


def load_labels(path: Path = LABELS_PATH) -> dict[str, Label]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = Label(**json.loads(line))
            out[label.id] = label
    return out


def _share(values: Iterable[bool]) -> float | None:
    xs = list(values)
    return sum(xs) / len(xs) if xs else None


def _label_summary(rows: Sequence[V2Answer], labels: dict[str, Label]) -> dict[str, Any]:
    texts = {r.question.id: r.answer.text for r in rows}
    current = {k: v for k, v in labels.items() if k in texts and v.digest == digest(texts[k])}
    out: dict[str, Any] = {"labelled": len(current), "questions": len(rows)}
    for lang in ("nl", "en", "all"):
        group = [r for r in rows if lang == "all" or r.question.lang == lang]
        ans = [current[r.question.id] for r in group if r.question.answerable and r.question.id in current]
        una = [
            current[r.question.id] for r in group if not r.question.answerable and r.question.id in current
        ]
        cited = sum(x.citations for x in ans)
        out[lang] = {
            "right": _share(x.verdict == RIGHT for x in ans),
            "false_abstention": _share(x.verdict == "abstained" for x in ans),
            "abstention": _share(x.verdict == "abstained" for x in una),
            "citation_precision": (sum(x.precise for x in ans) / cited) if cited else None,
        }
    return out


def summarise_part(rows: Sequence[V2Answer], judge: Judge, labels: dict[str, Label]) -> dict[str, Any]:
    """Checker, citation and label figures per language for one part of the set."""
    questions = [r.question for r in rows]
    facts = summarise(questions, {r.question.id: r.check for r in rows})
    cites = answer_scores(questions, [r.run for r in rows], FrameJudge(judge))
    by_label = _label_summary(rows, labels)
    out: dict[str, Any] = {"labels": {"labelled": by_label["labelled"], "questions": by_label["questions"]}}
    for lang in ("nl", "en", "all"):
        f = asdict(facts[lang])
        c = cites.by_lang[lang]
        lab = by_label[lang]
        complete = by_label["labelled"] == by_label["questions"]
        lower = None
        if f["right"] is not None and lab["right"] is not None and complete:
            lower = min(f["right"], lab["right"])
        out[lang] = {
            **f,
            "citation_precision": c.citation_precision,
            "citation_recall": c.citation_recall,
            "latency_p50_s": c.latency_p50_s,
            "latency_p95_s": c.latency_p95_s,
            "labels": lab,
            "right_lower": lower,  # the lower of the checker's and the labels' share, when all are labelled
        }
    return out


def per_question(rows: Sequence[V2Answer]) -> dict[str, dict[str, Any]]:
    return {
        r.question.id: {
            "part": r.question.part,
            "lang": r.question.lang,
            "verdict": r.check.verdict,
            "not_stated": r.answer.not_stated,
            "facts_found": list(r.check.facts_found),
            "items_found": list(r.check.items_found),
            "footnotes_shown": list(r.check.footnotes_shown),
            "digest": digest(r.answer.text),
        }
        for r in rows
    }


def transcript(rows: Sequence[V2Answer]) -> str:
    """Every question with its answer, for reading and labelling (answers.md beside results.json)."""
    out = []
    for r in rows:
        q = r.question
        head = (
            f"### {q.id} ({q.part}, {q.lang}, {q.kind}) — {r.check.verdict} — digest {digest(r.answer.text)}"
        )
        follows = f"\n(follows {q.follows})" if q.follows else ""
        sources = "\n".join(
            f"[{c.n}] {c.letter.id} {' > '.join(c.chunk.section_path)} ({c.cited_for})"
            for c in r.answer.citations
        )
        out.append(f"{head}{follows}\n\n**Q:** {q.question}\n\n```\n{r.answer.text}\n{sources}\n```\n")
    return "\n".join(out)
