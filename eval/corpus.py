"""The corpus the v2 questions are asked over: the demo letters, the real documents, distractor moties.

The index holds every document a v2 question rests on (its `doc` or, for a near miss, `topic_doc`),
all real documents of the kinds the set draws from, and a fixed sample of other XML moties from
`moties-op-xml` as distractors (they look like the moties asked about). The sample is drawn by rank of
sha256("brieven-eval-distractor:" + file name), so it is the same on every machine and was drawn
without looking at any answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from eval.questions import SHARED_CORPUS, Question, doc_path

REPO = Path(__file__).resolve().parents[1]
DEMO_LETTERS = REPO / "demo" / "letters"
REAL = SHARED_CORPUS / "real"
FOLDERS = ("kamerbrieven-pdf", "besluitenlijsten-pdf", "moties-docx-pdf")
DISTRACTORS = 60  # XML moties besides those the questions name


def _distractors(names: Iterable[str], n: int) -> list[str]:
    ranked = sorted(names, key=lambda x: hashlib.sha256(f"brieven-eval-distractor:{x}".encode()).hexdigest())
    return ranked[:n]


def v2_paths(questions: Iterable[Question], distractors: int = DISTRACTORS) -> list[Path]:
    """The files to ingest for the v2 set, sorted; the "-page1" extracts of a PDF are left out
    (they repeat the first page of a document that is in)."""
    named = {doc_path(d) for q in questions for d in (q.doc, q.topic_doc) if d}
    files = set(DEMO_LETTERS.glob("*.txt")) | named
    for folder in FOLDERS:
        root = REAL / folder
        if root.is_dir():
            files |= {p for p in root.iterdir() if p.is_file() and not p.stem.endswith("-page1")}
    moties = REAL / "moties-op-xml"
    if moties.is_dir():
        others = sorted(p.name for p in moties.glob("*.xml") if moties / p.name not in named)
        files |= {moties / name for name in _distractors(others, distractors)}
    return sorted(f for f in files if f.suffix != ".md")


def available() -> bool:
    """Whether the shared corpus the v2 set rests on is present on this machine."""
    return REAL.is_dir()


if __name__ == "__main__":  # the file list, for shell use: --letters $(python -m eval.corpus)
    from eval.questions import load_questions_v2

    print("\n".join(str(p) for p in v2_paths(load_questions_v2())))
