"""The evaluation question sets: eval/questions.jsonl (v1) and eval/questions_v2.jsonl, loaded and checked."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from eval.matching import contains, contains_any
from eval.splits import question_part
from ingest.errors import InputError

QUESTIONS_PATH = Path(__file__).resolve().parent / "questions.jsonl"  # v1: the in-sample regression set
QUESTIONS_V2_PATH = Path(__file__).resolve().parent / "questions_v2.jsonl"
REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"  # where "real/..." documents of the v2 set live
KINDS = ("topic", "name", "identifier", "paraphrase", "status")
KINDS_V2 = KINDS + ("amount", "date", "who", "list", "followup", "near_miss", "unanswerable")
LANGS = ("nl", "en")
STATUS_SOURCES = ("minister", "staatssecretaris", "ambtelijk voorstel", "commissie")


@dataclass(frozen=True)
class ListItem:
    """One expected item of a list question: its identifier if it has one, and how an answer may name it."""

    id: str | None
    title: str
    forms: tuple[str, ...]


def doc_path(doc: str) -> Path:
    """Where a v2 `doc` lives: "demo/..." in the repository, anything else under ../shared/corpus."""
    return REPO / doc if doc.startswith("demo/") else SHARED_CORPUS / doc


@dataclass(frozen=True)
class Question:
    """One line of questions.jsonl or questions_v2.jsonl; see eval/README.md for each field.

    The v2 fields default to empty so that v1 lines load unchanged; `letter` is the file stem of
    `doc` for v2 lines, so code that matches letters by stem reads both sets.
    """

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
    doc: str | None = (
        None  # v2: the file it rests on ("demo/letters/..." or "real/..." under ../shared/corpus)
    )
    facts: tuple[tuple[str, ...], ...] = ()  # v2: every fact required; any one form of a fact satisfies it
    follows: str | None = None  # v2: a follow-up continues this question's conversation
    items: tuple[ListItem, ...] = ()  # v2: the complete expected items of a list question
    status_source: str | None = None  # v2: who gave the status verdict (see STATUS_SOURCES)
    not_stated: str | None = None  # v2 near misses: what the documents do say
    topic_doc: str | None = None  # v2 near misses: the document that discusses the topic
    part: str = "development"  # "development" or "measurement", from eval/splits.json

    @property
    def path(self) -> Path | None:
        """The file of `doc`, or None when the question rests on no document."""
        return doc_path(self.doc) if self.doc else None

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
            part=question_part(str(obj["id"])),
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


def _strings(obj: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = obj.get(key) or ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValueError(f"{key} must be a list of strings")
    return tuple(str(v) for v in value)


def _facts(obj: Mapping[str, object]) -> tuple[tuple[str, ...], ...]:
    value = obj.get("facts") or []
    if not isinstance(value, list) or not all(isinstance(f, list) and f for f in value):
        raise ValueError("facts must be a list of non-empty lists of surface forms")
    return tuple(tuple(str(form) for form in f) for f in value)


def _items(obj: Mapping[str, object]) -> tuple[ListItem, ...]:
    value = obj.get("items") or []
    if not isinstance(value, list):
        raise ValueError("items must be a list")
    items = []
    for it in value:
        if not isinstance(it, dict) or not it.get("title") or not it.get("forms"):
            raise ValueError("every item needs a title and forms")
        items.append(
            ListItem(None if it.get("id") is None else str(it["id"]), str(it["title"]), _strings(it, "forms"))
        )
    return tuple(items)


def _from_json_v2(obj: Mapping[str, object], where: str) -> Question:
    try:
        doc = None if obj.get("doc") is None else str(obj["doc"])
        q = Question(
            id=str(obj["id"]),
            lang=str(obj["lang"]),
            question=str(obj["question"]),
            answerable=bool(obj["answerable"]),
            letter=Path(doc).stem if doc else None,
            evidence=_strings(obj, "evidence"),
            footnotes=_strings(obj, "footnotes"),
            reference_answer=str(obj.get("reference_answer") or ""),
            kind=str(obj["kind"]),
            near_miss=bool(obj.get("near_miss", False)),
            doc=doc,
            facts=_facts(obj),
            follows=None if obj.get("follows") is None else str(obj["follows"]),
            items=_items(obj),
            status_source=None if obj.get("status_source") is None else str(obj["status_source"]),
            not_stated=None if obj.get("not_stated") is None else str(obj["not_stated"]),
            topic_doc=None if obj.get("topic_doc") is None else str(obj["topic_doc"]),
            part=question_part(str(obj["id"])),
        )
    except KeyError as exc:
        raise ValueError(f"{where}: missing field {exc}") from exc
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    if q.lang not in LANGS:
        raise ValueError(f"{where}: lang must be one of {LANGS}, not {q.lang!r}")
    if q.kind not in KINDS_V2:
        raise ValueError(f"{where}: kind must be one of {KINDS_V2}, not {q.kind!r}")
    if q.answerable and not (q.doc and q.evidence):
        raise ValueError(f"{where}: an answerable question needs a doc and evidence")
    if q.answerable and not (q.facts or q.items):
        raise ValueError(f"{where}: an answerable question needs facts or items")
    if not q.answerable and (q.doc or q.evidence or q.facts or q.items):
        raise ValueError(f"{where}: an unanswerable question has no doc, evidence, facts or items")
    if q.near_miss and (q.answerable or not q.not_stated or not q.topic_doc):
        raise ValueError(f"{where}: a near miss is unanswerable and needs not_stated and topic_doc")
    if (q.kind == "followup") != (q.follows is not None):
        raise ValueError(f"{where}: a follow-up (and only a follow-up) names the question it follows")
    if q.status_source is not None and q.status_source not in STATUS_SOURCES:
        raise ValueError(f"{where}: status_source must be one of {STATUS_SOURCES}")
    if q.kind == "status" and q.status_source is None:
        raise ValueError(f"{where}: a status question names who gave the verdict (status_source)")
    return q


def parse_questions(lines: Iterable[str], source: str = "<questions>") -> list[Question]:
    """Parse JSON lines into questions (v1 or v2, told by the "doc" key); ids must be unique.

    Blank lines are skipped; a follow-up must point at an earlier question of the same part.
    """
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
        if not isinstance(obj, dict):
            raise ValueError(f"{where}: not a JSON object")
        q = _from_json_v2(obj, where) if "doc" in obj else _from_json(obj, where)
        if q.id in seen:
            raise ValueError(f"{where}: duplicate id {q.id}")
        if q.follows is not None:
            head = next((p for p in out if p.id == q.follows), None)
            if head is None:
                raise ValueError(f"{where}: follows {q.follows}, which is not an earlier question")
            if head.part != q.part:
                raise ValueError(f"{where}: follows {q.follows} from the other part ({head.part})")
        seen.add(q.id)
        out.append(q)
    return out


def conversation(question: Question, questions: Iterable[Question]) -> list[Question]:
    """The turns a follow-up is asked after, oldest first, ending with the question itself."""
    by_id = {q.id: q for q in questions}
    turns = [question]
    while turns[0].follows is not None:
        turns.insert(0, by_id[turns[0].follows])
    return turns


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


def load_questions_v2(path: Path = QUESTIONS_V2_PATH) -> list[Question]:
    """The v2 question set (demo letters and real documents), each question with its part."""
    return load_questions(path)


def check_against_documents(questions: Iterable[Question], texts: Mapping[str, str]) -> list[str]:
    """Problems with a v2 set: unknown documents, or evidence not found in its document's text.

    `texts` maps a `doc` as written in the set to the text its reader gives (demo letters as files,
    PDFs through the PDF reader, XML through the publication reader). Empty: every snippet was found.
    """
    problems = []
    for q in questions:
        if not q.answerable or q.doc is None:
            continue
        text = texts.get(q.doc)
        if text is None:
            problems.append(f"{q.id}: unknown document {q.doc}")
            continue
        problems += [f"{q.id}: evidence not in {q.doc}: {s!r}" for s in q.evidence if not contains(text, s)]
    return problems


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
