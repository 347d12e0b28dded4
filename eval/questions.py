"""The evaluation question set: loading eval/questions.jsonl and checking it against the letters."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from eval.matching import contains, contains_any
from ingest.errors import InputError

QUESTIONS_PATH = Path(__file__).resolve().parent / "questions.jsonl"
KINDS = ("topic", "name", "identifier", "paraphrase", "status")
LANGS = ("nl", "en")


@dataclass(frozen=True)
class Question:
    """One line of questions.jsonl; see eval/README.md for the meaning of each field."""

    id: str
    lang: str
    question: str
    answerable: bool
    letter: str | None  # file stem of the letter that answers it; None when unanswerable
    evidence: tuple[str, ...]  # verbatim snippets: a passage containing any of them is relevant
    footnotes: tuple[str, ...]  # footnote identifiers an answer should cite (TZ..., T0..., kst-...)
    reference_answer: str
    kind: str
    near_miss: bool = False  # unanswerable, but close to something the letters do discuss

    def is_relevant(self, passage_text: str) -> bool:
        """A passage is relevant when it contains at least one evidence snippet."""
        return contains_any(passage_text, self.evidence)


def _from_json(obj: Mapping[str, object], where: str) -> Question:
    try:
        q = Question(
            id=str(obj["id"]),
            lang=str(obj["lang"]),
            question=str(obj["question"]),
            answerable=bool(obj["answerable"]),
            letter=None if obj.get("letter") is None else str(obj["letter"]),
            evidence=tuple(str(s) for s in obj.get("evidence") or ()),  # type: ignore[union-attr]
            footnotes=tuple(str(s) for s in obj.get("footnotes") or ()),  # type: ignore[union-attr]
            reference_answer=str(obj.get("reference_answer") or ""),
            kind=str(obj["kind"]),
            near_miss=bool(obj.get("near_miss", False)),
        )
    except KeyError as exc:
        raise ValueError(f"{where}: missing field {exc}") from exc
    if q.lang not in LANGS:
        raise ValueError(f"{where}: lang must be one of {LANGS}, not {q.lang!r}")
    if q.kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {KINDS}, not {q.kind!r}")
    if q.answerable and (not q.evidence or not q.letter):
        raise ValueError(f"{where}: an answerable question needs a letter and evidence")
    if not q.answerable and q.evidence:
        raise ValueError(f"{where}: an unanswerable question has no evidence")
    return q


def parse_questions(lines: Iterable[str], source: str = "<questions>") -> list[Question]:
    """Parse JSON lines into questions; blank lines are skipped, ids must be unique."""
    out: list[Question] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: not JSON ({exc.msg})") from exc
        q = _from_json(obj, where)
        if q.id in seen:
            raise ValueError(f"{where}: duplicate id {q.id}")
        seen.add(q.id)
        out.append(q)
    return out


def load_questions(path: Path = QUESTIONS_PATH) -> list[Question]:
    """Read a question set; raises InputError when the file is missing or malformed."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the question set ({exc.strerror})") from exc
    try:
        return parse_questions(text.splitlines(), str(path))
    except ValueError as exc:
        raise InputError(str(path), str(exc)) from exc


def check_against_letters(questions: Iterable[Question], letter_texts: Mapping[str, str]) -> list[str]:
    """Problems with the set: unknown letters, or evidence not found in its letter's text.

    `letter_texts` maps a file stem to the letter's text (raw or cleaned: matching ignores
    whitespace, case and hyphenation). An empty list means every snippet was found.
    """
    problems = []
    for q in questions:
        if not q.answerable:
            continue
        text = letter_texts.get(q.letter or "")
        if text is None:
            problems.append(f"{q.id}: unknown letter {q.letter}")
            continue
        missing = [s for s in q.evidence if not contains(text, s)]
        problems += [f"{q.id}: evidence not in {q.letter}: {s!r}" for s in missing]
    return problems
