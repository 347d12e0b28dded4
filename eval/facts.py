"""Checks an answer for its question's required facts: right and complete, partial, wrong or abstained.

A fact is a list of acceptable surface forms; any one form satisfies it, every fact is required
(`eval/questions_v2.jsonl`). A form is found in a text when its tokens occur there as one run,
after both are normalised the same way:

- case, accents, curly quotes, dashes and punctuation do not count ("Blécourt" = "blecourt",
  "AI-monitor" = "AI monitor"), and Dutch and English month names are one token ("juli" = "July");
- numbers are values: thousands separators and decimal commas are read ("3.000.000" = "3,000,000",
  "1,8" = "1.8"), scale words multiply ("3 mln", "3 miljoen", "3 million" = 3000000), and number
  words count ("drie miljoen", "vijftig procent", "ten seconds");
- a currency or percent sign next to a number is its unit (€ / EUR / euro, USD / $ / dollar,
  % / procent / percent); a form with a unit needs the same unit in the text, a form without one
  matches the value whatever its unit ("3 miljoen" matches "€ 3.000.000,-", "€3 million" does not
  match a bare "3 million").

Multi-word forms also match when only word boundaries differ ("open source communities" =
"opensourcecommunities"). Negation is not understood: "not done" contains "done". The checker is a
lower bound on correctness, to be read beside human labels.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from eval.metrics import footnote_found
from eval.questions import ListItem, Question
from ingest.months import MONTH_NUMBERS

RIGHT = "right"  # every required fact (and every expected list item) is in the answer
PARTIAL = "partial"  # some of them
WRONG = "wrong"  # none of them, and the answer did not abstain
ABSTAINED = "abstained"  # abstained or said "not stated"
ANSWERED = "answered"  # an unanswerable question that got an answer instead of an abstention
UNCHECKED = "unchecked"  # an answerable question without facts or items (the old question set)

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'}
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
# Letters and digits are separate tokens, on both sides alike: "T03659" is "t" + 3659 in a form and
# in a text, and a footnote call glued to a word in PDF text ("Zweden4") does not hide the word.
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+)|(?P<sym>[€$£%])")
_SCALES = {
    "duizend": 1e3, "thousand": 1e3,
    "mln": 1e6, "mio": 1e6, "miljoen": 1e6, "miljoenen": 1e6, "million": 1e6, "millions": 1e6,
    "mld": 1e9, "mrd": 1e9, "miljard": 1e9, "miljarden": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
}  # fmt: skip
_UNITS = {
    "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur",
    "$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd",
    "£": "gbp", "gbp": "gbp",
    "%": "%", "procent": "%", "percent": "%", "pct": "%",
}  # fmt: skip
_PREFIX_UNITS = {"€", "eur", "$", "usd", "£", "gbp"}
_NUMBER_WORDS = {
    "nul": 0, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100,
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
# "een"/"één"/"one" are articles or pronouns as often as numbers: a number only before a scale word.
_ONE = {"een", "one"}
# The full names (Dutch and English) from the shared table, plus the abbreviations answers use.
_MONTHS = {
    **MONTH_NUMBERS,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_BULLET = re.compile(r"^\s*(?:[-*•\u2022\u25aa\u25cf]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)])\s+\S")
_COMPACT_MIN = 8  # word-boundary-free comparison only for forms this long, to avoid chance hits


@dataclass(frozen=True)
class Amount:
    """A number in a text: its value after scale words, and its unit ("eur", "usd", "%") if printed."""

    value: float
    unit: str | None = None

    def matches(self, other: Amount) -> bool:
        """Same value; a unit on the form side (self) must be the text's unit as well."""
        same = math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=1e-9)
        return same and (self.unit is None or self.unit == other.unit)


Token = str | Amount


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _DASHES.sub("-", text).lower()


def parse_number(raw: str) -> float:
    """'3.000.000' and '3,000,000' -> 3000000; '1,8' and '1.8' -> 1.8; '4.768' -> 4768 (Dutch thousands)."""
    seps = [c for c in raw if c in ".,"]
    if not seps:
        return float(raw)
    groups = re.split(r"[.,]", raw)
    if len(set(seps)) == 2:  # both kinds: the last separator is the decimal one
        dec = raw.rfind(seps[-1])
        return float(re.sub(r"[.,]", "", raw[:dec]) + "." + raw[dec + 1 :])
    thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3 and groups[0] != "0"
    if len(seps) > 1 or thousands:
        return float("".join(groups)) if thousands else float("".join(groups[:-1]) + "." + groups[-1])
    return float(groups[0] + "." + groups[1])


def _raw_tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(_fold(text))]


def _is_number(raw: Sequence[tuple[str, str]], i: int) -> bool:
    kind, tok = raw[i]
    return (
        kind == "num"
        or tok in _NUMBER_WORDS
        or (tok in _ONE and i + 1 < len(raw) and raw[i + 1][1] in _SCALES)
    )


@lru_cache(maxsize=4096)  # answers are checked against many forms, forms against many answers
def tokenize(text: str) -> tuple[Token, ...]:
    """Words (folded), month numbers as 'month:N', and numbers merged with scale word and unit."""
    raw = _raw_tokens(text)
    out: list[Token] = []
    i = 0
    while i < len(raw):
        kind, tok = raw[i]
        value: float | None = None
        if kind == "num":
            value = parse_number(tok)
        elif tok in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[tok])
        elif tok in _ONE and i + 1 < len(raw) and raw[i + 1][1] in _SCALES:
            value = 1.0
        if value is None:
            if tok in _PREFIX_UNITS and i + 1 < len(raw) and _is_number(raw, i + 1):
                pass  # "€ 3.000.000", "EUR 1,8 miljard": the number below takes it as its unit
            elif tok in _MONTHS:
                out.append(f"month:{_MONTHS[tok]}")
            else:
                out.append(_UNITS.get(tok, tok) if kind == "sym" else tok)
            i += 1
            continue
        unit = None
        if i > 0 and raw[i - 1][1] in _PREFIX_UNITS:
            unit = _UNITS[raw[i - 1][1]]
        j = i + 1
        if j < len(raw) and raw[j][1] in _SCALES:
            value *= _SCALES[raw[j][1]]
            j += 1
        if j < len(raw) and raw[j][1] in _UNITS and (unit is None or _UNITS[raw[j][1]] == unit):
            unit = _UNITS[raw[j][1]]
            j += 1
        out.append(Amount(value, unit))
        i = j
    return tuple(out)


def _equal(form_tok: Token, text_tok: Token) -> bool:
    if isinstance(form_tok, Amount):
        return isinstance(text_tok, Amount) and form_tok.matches(text_tok)
    return form_tok == text_tok


def _run_in(form: Sequence[Token], text: Sequence[Token]) -> bool:
    n = len(form)
    if not n or n > len(text):
        return False
    first = form[0]
    for start in range(len(text) - n + 1):
        if _equal(first, text[start]) and all(
            _equal(f, t) for f, t in zip(form[1:], text[start + 1 : start + n], strict=True)
        ):
            return True
    return False


def _compact(tokens: Sequence[Token]) -> str:
    return "".join(t for t in tokens if isinstance(t, str))


def form_found(form: str, text: str) -> bool:
    """Whether one surface form occurs in the text, under the normalisation of this module."""
    form_toks = tokenize(form)
    text_toks = tokenize(text)
    if _run_in(form_toks, text_toks):
        return True
    if len(form_toks) > 1 and not any(isinstance(t, Amount) for t in form_toks):
        key = _compact(form_toks)
        return len(key) >= _COMPACT_MIN and key in _compact(text_toks)
    return False


def fact_found(forms: Iterable[str], text: str) -> bool:
    """A fact is present when any one of its forms is."""
    return any(form_found(f, text) for f in forms)


def item_found(item: ListItem, text: str) -> bool:
    """A list item is named by one of its forms or by its identifier (TZ/T number, Kamerstuk)."""
    if item.id and footnote_found(item.id, [text]):
        return True
    return fact_found(item.forms, text)


def list_lines(text: str) -> tuple[str, ...]:
    """The answer's own list items: lines that start with a bullet or an item number."""
    return tuple(line.strip() for line in text.splitlines() if _BULLET.match(line))


@dataclass(frozen=True)
class CheckedAnswer:
    """What the checker reads of an answer: everything shown to the user, and how it ended."""

    text: str
    cited_texts: tuple[str, ...] = ()  # the texts of the passages it cites
    footnote_ids: tuple[str, ...] = ()  # identifiers (or texts) of the footnotes it shows
    abstained: bool = False
    not_stated: bool = False  # "the letters discuss this but do not state it": an abstention
    items: tuple[str, ...] | None = None  # its list items; None: read bullet lines from the text


@dataclass(frozen=True)
class FactCheck:
    """The verdict on one answer, with the evidence for it."""

    question_id: str
    verdict: str  # RIGHT | PARTIAL | WRONG | ABSTAINED | ANSWERED | UNCHECKED
    correct: bool | None  # right for answerable questions, abstained for the others
    facts_found: tuple[bool, ...] = ()
    facts_cited: tuple[bool, ...] = ()  # the fact is in the cited passages (reported, not judged)
    items_found: tuple[bool, ...] = ()
    item_recall: float | None = None
    item_precision: float | None = None  # share of the answer's list items that are expected ones
    list_complete: bool | None = None
    footnotes_shown: tuple[bool, ...] = ()

    @property
    def footnote_share(self) -> float | None:
        return sum(self.footnotes_shown) / len(self.footnotes_shown) if self.footnotes_shown else None


def _item_precision(items: Sequence[ListItem], answer_items: Sequence[str]) -> float | None:
    if not answer_items:
        return None
    hits = sum(any(item_found(item, line) for item in items) for line in answer_items)
    return hits / len(answer_items)


def check_answer(question: Question, answer: CheckedAnswer) -> FactCheck:
    """Decide right / partial / wrong / abstained for one answer to one question."""
    abstained = answer.abstained or answer.not_stated
    shown = tuple(answer.footnote_ids) + (answer.text,)
    footnotes = tuple(footnote_found(f, shown) for f in question.footnotes)
    if not question.answerable:
        verdict = ABSTAINED if abstained else ANSWERED
        return FactCheck(question.id, verdict, correct=abstained, footnotes_shown=footnotes)
    if abstained:
        return FactCheck(question.id, ABSTAINED, correct=False, footnotes_shown=footnotes)
    cited = "\n".join(answer.cited_texts)
    facts = tuple(fact_found(forms, answer.text) for forms in question.facts)
    facts_cited = tuple(fact_found(forms, cited) for forms in question.facts)
    items = tuple(item_found(item, answer.text) for item in question.items)
    required = facts + items
    if not required:
        return FactCheck(question.id, UNCHECKED, correct=None, footnotes_shown=footnotes)
    verdict = RIGHT if all(required) else PARTIAL if any(required) else WRONG
    recall = precision = complete = None
    if question.items:
        recall = sum(items) / len(items)
        answer_items = answer.items if answer.items is not None else list_lines(answer.text)
        precision = _item_precision(question.items, answer_items)
        complete = all(items)
    return FactCheck(
        question.id,
        verdict,
        correct=verdict == RIGHT,
        facts_found=facts,
        facts_cited=facts_cited,
        items_found=items,
        item_recall=recall,
        item_precision=precision,
        list_complete=complete,
        footnotes_shown=footnotes,
    )


@dataclass(frozen=True)
class FactSummary:
    """Shares over one group of questions (a language, a part, or all)."""

    n_answerable: int
    n_unanswerable: int
    right: float | None  # right and complete, of answerable questions
    partial: float | None
    wrong: float | None
    false_abstention: float | None  # answerable questions that were abstained on
    abstention: float | None  # unanswerable and near-miss questions that abstained or said "not stated"
    list_recall: float | None
    list_precision: float | None
    list_complete: float | None
    footnotes_shown: float | None  # mean share of expected footnotes shown, over questions that have them


def _share(values: Sequence[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(questions: Sequence[Question], checks: Mapping[str, FactCheck]) -> dict[str, FactSummary]:
    """Per language ("nl", "en") and "all". A question without a check counts as abstained on."""
    groups = {"nl": [q for q in questions if q.lang == "nl"], "en": [q for q in questions if q.lang == "en"]}
    groups["all"] = list(questions)
    out: dict[str, FactSummary] = {}
    for name, qs in groups.items():
        rows = [(q, checks.get(q.id) or FactCheck(q.id, ABSTAINED, correct=not q.answerable)) for q in qs]
        ans = [c for q, c in rows if q.answerable and c.verdict != UNCHECKED]
        una = [c for q, c in rows if not q.answerable]
        lists = [c for q, c in rows if q.answerable and q.items]  # an abstention lists nothing
        shares = [c.footnote_share for q, c in rows if q.answerable and c.footnote_share is not None]
        precisions = [c.item_precision for c in lists if c.item_precision is not None]
        out[name] = FactSummary(
            n_answerable=len(ans),
            n_unanswerable=len(una),
            right=_share([c.verdict == RIGHT for c in ans]),
            partial=_share([c.verdict == PARTIAL for c in ans]),
            wrong=_share([c.verdict == WRONG for c in ans]),
            false_abstention=_share([c.verdict == ABSTAINED for c in ans]),
            abstention=_share([c.verdict == ABSTAINED for c in una]),
            list_recall=_mean([c.item_recall or 0.0 for c in lists]),
            list_precision=_mean(precisions),
            list_complete=_share([bool(c.list_complete) for c in lists]),
            footnotes_shown=_mean(shares),
        )
    return out
