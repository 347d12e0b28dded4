"""Splits eval/questions_v2.jsonl into development and measurement and writes the ids into eval/splits.json.

The rule (run `python -m eval.make_split` to apply it, `--check` to verify the committed split):

1. A question that rests on a document (`doc`), or is a near miss about one (`topic_doc`), goes to
   the part that eval/splits.json already gives that document. Tuning on a question means tuning on
   its document, so a development question on a measurement document would leak that document into
   the rules; the document split was committed first, and the question split follows it.
2. A follow-up goes with the question it follows (it shares its document anyway).
3. The questions that rest on no document at all (unanswerables about topics no document treats)
   are drawn at random per stratum (language): ranked by sha256("<SEED>:<id>"), the first half
   (rounded up) of each stratum is measurement. A hash of the id, not a shuffled list, so that adding
   questions later moves none of the questions already placed.

The script checks the acceptance minimums of the measurement part and prints the composition.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from eval.questions import QUESTIONS_V2_PATH, Question, load_questions_v2
from eval.splits import SPLITS_FILE, part_of

SEED = "brieven-questions-v2"
# The measurement part must hold at least this much (retrieval issue 9, answers issue 10).
MINIMUMS = {
    "questions": 40,
    "per_language": 20,
    "near_miss_or_unanswerable": 10,
    "followup_pairs": 8,
    "lists": 8,
}
_CORPORA = {
    "demo/letters/": "demo-letters",
    "real/kamerbrieven-pdf/": "kamerbrieven-pdf",
    "real/kamerbrieven-text/": "kamerbrieven-text",
    "real/moties-docx-pdf/": "moties-docx-pdf",
    "real/besluitenlijsten-pdf/": "besluitenlijsten-pdf",
    "real/moties-op-xml/": "moties-op-xml",
}


def document_part(doc: str) -> str:
    """The part eval/splits.json gives the document a question rests on."""
    for prefix, corpus in _CORPORA.items():
        if doc.startswith(prefix):
            return part_of(corpus, doc[len(prefix) :])
    raise KeyError(f"{doc} is in no corpus of eval/splits.json")


def _rank(question_id: str) -> str:
    return hashlib.sha256(f"{SEED}:{question_id}".encode()).hexdigest()


def assign_parts(questions: Sequence[Question]) -> dict[str, str]:
    """Question id -> "development" | "measurement" by the rule in the module docstring."""
    by_id = {q.id: q for q in questions}
    parts: dict[str, str] = {}
    loose: dict[str, list[str]] = {}
    for q in questions:
        head = q
        while head.follows is not None:
            head = by_id[head.follows]
        doc = head.doc or head.topic_doc
        if doc:
            parts[q.id] = document_part(doc)
        elif head is q:
            loose.setdefault(q.lang, []).append(q.id)
    for ids in loose.values():
        ranked = sorted(ids, key=_rank)
        cut = (len(ranked) + 1) // 2
        parts.update({qid: "measurement" if i < cut else "development" for i, qid in enumerate(ranked)})
    for q in questions:  # follow-ups of document-less questions go with their head
        if q.id not in parts:
            head = q
            while head.follows is not None:
                head = by_id[head.follows]
            parts[q.id] = parts[head.id]
    return parts


def composition(questions: Iterable[Question], parts: dict[str, str]) -> dict[tuple[str, str], Counter[str]]:
    """Counts per (part, language) and per (part, "all")."""
    table: dict[tuple[str, str], Counter[str]] = {}
    for q in questions:
        for key in ((parts[q.id], q.lang), (parts[q.id], "all")):
            c = table.setdefault(key, Counter())
            c["questions"] += 1
            c["answerable"] += q.answerable
            c["near_miss_or_unanswerable"] += not q.answerable
            c["followup_pairs"] += q.follows is not None
            c["lists"] += q.kind == "list"
            c["with_items"] += bool(q.items)
            c["status"] += q.status_source is not None
            c["demo"] += (q.doc or q.topic_doc or "").startswith("demo/")
            c["real"] += (q.doc or q.topic_doc or "").startswith("real/")
            for kind in ("amount", "date", "who", "identifier"):
                c[kind] += q.kind == kind
    return table


def problems(questions: Sequence[Question], parts: dict[str, str]) -> list[str]:
    """Where the measurement part falls short of MINIMUMS, or a follow-up is split from its head."""
    table = composition(questions, parts)
    meas = table.get(("measurement", "all"), Counter())
    out = [
        f"measurement has {meas[key]} {key}, needs {need}"
        for key, need in MINIMUMS.items()
        if key != "per_language" and meas[key] < need
    ]
    for lang in ("nl", "en"):
        n = table.get(("measurement", lang), Counter())["questions"]
        if n < MINIMUMS["per_language"]:
            out.append(f"measurement has {n} {lang} questions, needs {MINIMUMS['per_language']}")
    by_id = {q.id: q for q in questions}
    out += [
        f"{q.id} is in {parts[q.id]}, the question it follows in {parts[q.follows]}"
        for q in questions
        if q.follows is not None and parts[q.id] != parts[by_id[q.follows].id]
    ]
    return out


def render_table(table: dict[tuple[str, str], Counter[str]]) -> str:
    """The composition as a Markdown table (the one in eval/README.md)."""
    cols = ["questions", "answerable", "near_miss_or_unanswerable", "followup_pairs", "lists", "with_items",
            "status", "amount", "date", "who", "identifier", "demo", "real"]  # fmt: skip
    head = "| part | lang | " + " | ".join(c.replace("_", " ") for c in cols) + " |"
    lines = [head, "|" + "---|" * (len(cols) + 2)]
    for part in ("development", "measurement"):
        for lang in ("nl", "en", "all"):
            c = table.get((part, lang), Counter())
            lines.append(f"| {part} | {lang} | " + " | ".join(str(c[k]) for k in cols) + " |")
    return "\n".join(lines)


def write_measurement(ids: Sequence[str], splits_file: Path = SPLITS_FILE) -> None:
    """Replace only the "measurement" list of the "questions" section, keeping the rest byte for byte."""
    text = splits_file.read_text(encoding="utf-8")
    block = re.search(r'("questions":\s*\{.*?"measurement":\s*)\[[^\]]*\]', text, re.DOTALL)
    if block is None:
        raise ValueError(f"{splits_file}: no questions.measurement list")
    rows = [", ".join(json.dumps(i) for i in ids[k : k + 8]) for k in range(0, len(ids), 8)]
    value = "[\n      " + ",\n      ".join(rows) + "\n    ]" if ids else "[]"
    new = text[: block.start()] + block.group(1) + value + text[block.end() :]
    json.loads(new)  # still valid JSON
    splits_file.write_text(new, encoding="utf-8")


def committed_measurement(splits_file: Path = SPLITS_FILE) -> list[str]:
    return list(json.loads(splits_file.read_text(encoding="utf-8"))["questions"]["measurement"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=QUESTIONS_V2_PATH)
    ap.add_argument("--check", action="store_true", help="verify eval/splits.json instead of writing it")
    args = ap.parse_args(argv)
    questions = load_questions_v2(args.questions)
    parts = assign_parts(questions)
    ids = [q.id for q in questions if parts[q.id] == "measurement"]
    print(render_table(composition(questions, parts)))
    found = problems(questions, parts)
    for p in found:
        print(f"problem: {p}", file=sys.stderr)
    if found:
        return 1
    if args.check:
        if committed_measurement() != ids:
            print("eval/splits.json questions.measurement differs from the rule", file=sys.stderr)
            return 1
        return 0
    write_measurement(ids)
    print(f"wrote {len(ids)} measurement ids to {SPLITS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
