"""Score a commitments register against the hand gold: records, verdicts and sources, open and overdue lists.

Pure functions over plain data. The register reaches this module only through `RegisterRecord`, a tuple
(kind, identifiers, title, members, verdict, source, deadline, letter[, extras]) that any implementation
can fill, so the register can change without touching the gold or the scorer. The loaders at the bottom
read the gold files in tests/gold/ (written by reading the documents, see their "rules").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

OPEN = ("openstaand", "in uitvoering", "uitgesteld", "vertraagd", "nieuwe deadline")
VERDICTS = ("afgedaan", "deels voldaan", *OPEN, "geen oordeel", "ingediend, uitslag onbekend")
SOURCES = ("minister", "staatssecretaris", "ambtelijk voorstel", "commissie", "motie")
NO_VERDICT = "geen oordeel"
VERDICT_CLASS = {"afgedaan": "done", "deels voldaan": "partly", NO_VERDICT: "none"} | dict.fromkeys(
    OPEN, "open"
)
# Ministries written out and abbreviated: "staatssecretaris van BZK" is the one of Binnenlandse Zaken.
MINISTRIES = {
    "bzk": ("binnenlandse zaken", "bzk"),
    "ezk": ("economische zaken", "ezk", " ez "),
    "jenv": ("justitie", "jenv", "rechtsbescherming"),
    "ocw": ("onderwijs", "ocw"),
    "vws": ("volksgezondheid", "vws"),
}


class RegisterRecord(NamedTuple):
    """One register record as the scorer sees it; the first eight fields are the adapter's contract."""

    kind: str  # "motie" | "toezegging" | "besluit"
    identifiers: tuple[str, ...]  # "TZ202504-147", "T03926", "kst-26643-1287"
    title: str
    members: tuple[tuple[str, str | None], ...]  # (name, party or None)
    verdict: str | None
    source: str | None  # who gave the verdict: see SOURCES
    deadline: str | None  # ISO date
    letter: str  # file name or path of the document the record was read from
    verdict_sentence: str | None = None
    by: str | None = None  # the role of the minister or state secretary, as printed
    date: str | None = None  # a motie's Voorgesteld date, a decision list's meeting date
    text: str | None = None  # a motie's dictum, a decision's text
    replaces: tuple[str, ...] = ()  # a (nader) gewijzigde motie's predecessors
    committee: str | None = None  # a decision list's committee


@dataclass(frozen=True)
class GoldRecord:
    """A record of the hand gold, with the readings it also accepts."""

    record: RegisterRecord
    verdicts: tuple[str, ...]  # the verdict first, then verdict_alt
    sentences: tuple[str, ...]  # verdict_sentence first, then verdict_sentence_alt
    cites: tuple[
        str, ...
    ] = ()  # Kamerstukken a toezegging was made in: not its identifiers, not wrong either
    part: str = "measurement"
    passing: bool = False  # named in passing only: a register record for it is not a real record


def as_record(value: RegisterRecord | Sequence[Any] | Mapping[str, Any]) -> RegisterRecord:
    """The adapter's plain tuple (8 to 14 fields) or mapping as a RegisterRecord, lists made tuples."""
    rec = RegisterRecord(**value) if isinstance(value, Mapping) else RegisterRecord(*value)
    deadline = rec.deadline.isoformat() if isinstance(rec.deadline, date) else rec.deadline
    return rec._replace(
        identifiers=tuple(rec.identifiers),
        members=tuple((n, p) for n, p in rec.members),
        replaces=tuple(rec.replaces),
        deadline=deadline,
    )


def from_mention(mention: Any, letter: str) -> RegisterRecord:
    """Today's ingest.model.CommitmentMention as a register record.

    The mention carries no verdict source yet (issue 14 adds one), so source and by are None here: an
    adapter for a register that records them must pass them on.
    """
    deadline = mention.new_deadline.date if mention.new_deadline and mention.new_deadline.date else None
    return RegisterRecord(
        kind=mention.kind,
        identifiers=tuple(mention.identifiers),
        title=mention.title,
        members=tuple((m.name, m.party) for m in mention.members),
        verdict=mention.verdict,
        source=None,
        deadline=deadline.isoformat() if deadline else None,
        letter=letter,
        verdict_sentence=mention.verdict_sentence,
    )


# --- normalising -------------------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def member_key(name: str) -> tuple[str, ...]:
    """Name words without initials, case, diacritics or hyphens: 'D.G.M. Ceder' -> ('ceder',)."""
    name = re.sub(r"\([^)]*\)", " ", name)  # "P.C. (Peter) de Groot"
    return tuple(w for w in re.findall(r"[a-z]+", _ascii(re.sub(r"\b\w\.", " ", name))))


def same_member(a: str, b: str) -> bool:
    """One name ends with the other: 'Peter de Groot' = 'De Groot', 'Six-Dijkstra' = 'Six Dijkstra'."""
    ka, kb = member_key(a), member_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return long_[-len(short) :] == short


def _words(text: str) -> list[str]:
    # Footnote calls glued to a word ("AI.2", "(ChristenUnie)8", superscripts) are not words of the sentence.
    text = re.sub(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+", " ", text)
    text = re.sub(r"(?<=[^\s\d])\d+", " ", text)
    return re.findall(r"\w+", _ascii(text))


def title_overlap(a: str, b: str) -> float:
    wa, wb = ({w for w in _words(t) if len(w) > 2} for t in (a, b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def sentence_matches(gold: str, found: str | None) -> bool:
    """The found sentence holds most of the gold one's words and is not a whole paragraph around it."""
    if not found:
        return False
    g, f = set(_words(gold)), set(_words(found))
    common = len(g & f)
    return common >= 0.8 * len(g) and common >= 0.4 * len(f)


def doc_key(letter: str) -> str:
    """'demo/letters/002_665b.txt' and '002_665b' name the same document."""
    name = Path(str(letter)).name
    return name.rsplit(".", 1)[0] if "." in name else name


def _norm(value: str | None) -> str | None:
    return " ".join(value.lower().split()) if value else None


def verdict_class(verdict: str | None) -> str | None:
    return VERDICT_CLASS.get(_norm(verdict) or "")


def _ministries(role: str | None) -> set[str]:
    text = f" {_ascii(role or '')} "
    return {k for k, names in MINISTRIES.items() if any(n in text for n in names)}


def same_by(gold: str | None, found: str | None) -> bool:
    """Same signer role: a ministry in common, or both empty."""
    if not gold or not found:
        return not gold and not found
    return bool(_ministries(gold) & _ministries(found)) or _norm(gold) == _norm(found)


def same_members(gold: Iterable[tuple[str, str | None]], found: Iterable[tuple[str, str | None]]) -> bool:
    gold, found = list(gold), list(found)
    if len(gold) != len(found):
        return False
    left = list(found)
    for name, party in gold:
        hit = next((f for f in left if same_member(name, f[0]) and _norm(f[1]) == _norm(party)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


# --- matching ----------------------------------------------------------------------------------------------


def _pair_score(gold: GoldRecord, found: RegisterRecord) -> float:
    g = gold.record
    if doc_key(g.letter) != doc_key(found.letter):
        return 0.0
    shared = set(g.identifiers) & set(found.identifiers)
    if shared:
        return 3.0 + (g.kind == found.kind)
    if g.kind != found.kind or (g.identifiers and set(found.identifiers) - set(gold.cites)):
        return 0.0  # a record with its own number is not the gold record with another number
    if g.members and not any(same_member(n, f) for n, _ in g.members for f, _ in found.members):
        return 0.0
    overlap = title_overlap(g.title, found.title)
    return overlap if overlap >= 0.5 else 0.0


def match(gold: Sequence[GoldRecord], found: Sequence[RegisterRecord]) -> list[tuple[int, int]]:
    """One-to-one (gold, found) index pairs, best first: a shared identifier, else kind, member and title."""
    scored = sorted(
        ((s, i, j) for i, g in enumerate(gold) for j, f in enumerate(found) if (s := _pair_score(g, f)) > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _label(rec: RegisterRecord) -> str:
    """A record in a report: its identifiers, else its kind and title."""
    return " ".join(rec.identifiers) or f"{rec.kind}: {rec.title}"


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score_records(
    gold: Sequence[GoldRecord], found: Iterable[RegisterRecord | Sequence[Any]]
) -> dict[str, Any]:
    """Recall, precision and per-field agreement of the register's records for the gold's documents.

    Found records of other documents are left out; records of things the gold lists as named in passing
    count against precision (as 'passing'). Verdict agreement accepts the gold's verdict_alt readings;
    the source is scored where the gold has a verdict (geen oordeel has no source).
    """
    docs = {doc_key(g.record.letter) for g in gold}
    found = [r for r in map(as_record, found) if doc_key(r.letter) in docs]
    real = [g for g in gold if not g.passing]
    pairs = match(real, found)
    passing_pairs = match(
        [g for g in gold if g.passing], [f for j, f in enumerate(found) if j not in {p[1] for p in pairs}]
    )
    n = len(pairs)
    counts = dict.fromkeys(
        ("verdict", "verdict_class", "identifiers", "members", "deadline", "verdict_and_source"), 0
    )
    judged = judged_source = by_total = by_right = sentence_total = sentence_right = 0
    for i, j in pairs:
        g, gr, f = real[i], real[i].record, found[j]
        verdict_ok = _norm(f.verdict) in {_norm(v) for v in g.verdicts}
        counts["verdict"] += verdict_ok
        counts["verdict_class"] += verdict_class(f.verdict) in {verdict_class(v) for v in g.verdicts}
        counts["identifiers"] += set(f.identifiers) - set(g.cites) == set(gr.identifiers)
        counts["members"] += same_members(gr.members, f.members)
        counts["deadline"] += (gr.deadline or None) == (f.deadline or None)
        source_ok = True
        if gr.verdict != NO_VERDICT:
            judged += 1
            source_ok = _norm(f.source) == _norm(gr.source)
            judged_source += source_ok
            if gr.by:
                by_total += 1
                by_right += same_by(gr.by, f.by)
        counts["verdict_and_source"] += verdict_ok and source_ok
        if g.sentences:
            sentence_total += 1
            sentence_right += any(sentence_matches(s, f.verdict_sentence) for s in g.sentences)
    return {
        "gold": len(real),
        "found": len(found),
        "matched": n,
        "recall": _ratio(n, len(real)),
        "precision": _ratio(n, len(found)),
        "passing": len(passing_pairs),
        **{k: _ratio(v, n) for k, v in counts.items()},
        "source": _ratio(judged_source, judged),
        "by": _ratio(by_right, by_total),
        "verdict_sentence": _ratio(sentence_right, sentence_total),
        "missed": [_label(real[i].record) for i in range(len(real)) if i not in {p[0] for p in pairs}],
        "unreal": [_label(f) for j, f in enumerate(found) if j not in {p[1] for p in pairs}],
    }


# --- lists -------------------------------------------------------------------------------------------------


class ListEntry(NamedTuple):
    """An answer list entry: a commitment by its identifiers (or title where none), with its deadline."""

    identifiers: tuple[str, ...]
    title: str
    deadline: str | None = None
    role: str | None = None  # member index: indiener | asked | betrokken lid


def as_entry(value: ListEntry | RegisterRecord | Sequence[Any] | Mapping[str, Any]) -> ListEntry:
    if isinstance(value, RegisterRecord):
        return ListEntry(tuple(value.identifiers), value.title, value.deadline)
    if isinstance(value, Mapping):
        roles = value.get("roles") or ([value["role"]] if value.get("role") else [])
        return ListEntry(
            tuple(value["identifiers"]), value["title"], value.get("deadline"), "|".join(roles) or None
        )
    entry = ListEntry(*value)
    deadline = entry.deadline.isoformat() if isinstance(entry.deadline, date) else entry.deadline
    return entry._replace(identifiers=tuple(entry.identifiers), deadline=deadline)


def _entry_score(gold: ListEntry, found: ListEntry) -> float:
    if gold.identifiers or found.identifiers:
        return 2.0 if set(gold.identifiers) & set(found.identifiers) else 0.0
    overlap = title_overlap(gold.title, found.title)
    return overlap if overlap >= 0.6 else 0.0


def _match_entries(gold: Sequence[ListEntry], found: Sequence[ListEntry]) -> list[tuple[int, int]]:
    scored = sorted(
        ((s, i, j) for i, g in enumerate(gold) for j, f in enumerate(found) if (s := _entry_score(g, f)) > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
            pairs.append((i, j))
    return pairs


def score_list(gold: Iterable[Any], found: Iterable[Any]) -> dict[str, Any]:
    """An answer list (open, overdue) against the gold: exact is the same commitments, no more, no fewer."""
    gold, found = [as_entry(g) for g in gold], [as_entry(f) for f in found]
    pairs = _match_entries(gold, found)
    deadlines = sum((gold[i].deadline or None) == (found[j].deadline or None) for i, j in pairs)
    missing = [
        gold[i].identifiers or gold[i].title for i in range(len(gold)) if i not in {p[0] for p in pairs}
    ]
    extra = [
        found[j].identifiers or found[j].title for j in range(len(found)) if j not in {p[1] for p in pairs}
    ]
    return {
        "gold": len(gold),
        "found": len(found),
        "recall": _ratio(len(pairs), len(gold)),
        "precision": _ratio(len(pairs), len(found)),
        "deadline": _ratio(deadlines, len(pairs)),
        "exact": not missing and not extra,
        "exact_with_deadlines": not missing and not extra and deadlines == len(pairs),
        "missing": missing,
        "extra": extra,
    }


def score_member_index(
    gold: Mapping[str, Iterable[Any]], found: Mapping[str, Iterable[Any]]
) -> dict[str, Any]:
    """Per member: the share of the gold's commitments the index lists, and of those, the role right."""
    per_member = {}
    total = hits = role_hits = 0
    for member, gold_rows in gold.items():
        rows = next((v for k, v in found.items() if same_member(member, k)), [])
        g, f = [as_entry(r) for r in gold_rows], [as_entry(r) for r in rows]
        pairs = _match_entries(g, f)
        roles = sum(
            bool(f[j].role) and bool(set(f[j].role.split("|")) & set((g[i].role or "").split("|")))
            for i, j in pairs
        )
        per_member[member] = {
            "gold": len(g),
            "found": len(f),
            "recall": _ratio(len(pairs), len(g)),
            "role": _ratio(roles, len(pairs)),
        }
        total, hits, role_hits = total + len(g), hits + len(pairs), role_hits + roles
    return {"recall": _ratio(hits, total), "role": _ratio(role_hits, hits), "members": per_member}


# --- moties and decision lists -----------------------------------------------------------------------------


def _same_text(gold: str | None, found: str | None) -> bool:
    return (not gold and not found) or (
        bool(gold) and sentence_matches(gold, found) and sentence_matches(found or "", gold)
    )


def score_moties(
    gold: Sequence[Mapping[str, Any]], found: Iterable[RegisterRecord | Sequence[Any]]
) -> dict[str, Any]:
    """Every motie document registers itself: one motie record per file, with its fields right.

    A found record belongs to a gold motie by its document (the file name, or the Kamerstuk id a register
    may use as the document's name); of a file's records the one carrying the motie's Kamerstuk id, else
    the first motie record without identifiers, is the motie; every other record from that file is unreal.
    """
    owner = {doc_key(g["file"]): g for g in gold} | {g["kamerstuk_id"]: g for g in gold}
    found = [r for r in map(as_record, found) if doc_key(r.letter) in owner]
    fields = dict.fromkeys(("kamerstuk_id", "indieners", "date", "dictum", "replaces", "status"), 0)
    real = 0
    for g in gold:
        mine = [f for f in found if owner[doc_key(f.letter)] is g and f.kind == "motie"]
        f = next((f for f in mine if g["kamerstuk_id"] in f.identifiers), None)
        f = f or next((f for f in mine if not f.identifiers), None)
        if f is None:
            continue
        real += 1
        fields["kamerstuk_id"] += g["kamerstuk_id"] in f.identifiers
        fields["indieners"] += same_members([tuple(m) for m in g["indieners"]], f.members)
        fields["date"] += g["date"] == f.date
        fields["dictum"] += _same_text(g["dictum"], f.text)
        fields["replaces"] += set(f.replaces) == ({g["replaces"]} if g["replaces"] else set())
        fields["status"] += _norm(f.verdict) == _norm(g["status"])
    return {
        "gold": len(gold),
        "found": len(found),
        "recall": _ratio(real, len(gold)),
        "precision": _ratio(real, len(found)),
        **{k: _ratio(v, real) for k, v in fields.items()},
    }


def score_decisions(
    gold_lists: Sequence[Mapping[str, Any]], found: Iterable[RegisterRecord | Sequence[Any]]
) -> dict[str, Any]:
    """Toezeggingen and besluiten of decision lists: found by kind and item or text; committee and date."""
    lists = {doc_key(g["file"]): g for g in gold_lists}
    found = [r for r in map(as_record, found) if doc_key(r.letter) in lists]
    gold = [(key, rec, g) for key, g in lists.items() for rec in g["records"]]
    pairs = []
    used: set[int] = set()
    for key, rec, g in gold:
        for j, f in enumerate(found):
            if j in used or doc_key(f.letter) != key or f.kind != rec["kind"]:
                continue
            if title_overlap(rec["item"], f.title) >= 0.5 or _same_text(rec["text"], f.text):
                used.add(j)
                pairs.append((rec, g, f))
                break
    committee = sum(_norm(f.committee) == _norm(g["committee"]) for _, g, f in pairs)
    dates = sum(f.date == g["date"] for _, g, f in pairs)
    texts = sum(sentence_matches(rec["text"], f.text) for rec, _, f in pairs)
    return {
        "gold": len(gold),
        "gold_toezeggingen": sum(rec["kind"] == "toezegging" for _, rec, _ in gold),
        "found": len(found),
        "recall": _ratio(len(pairs), len(gold)),
        "precision": _ratio(len(pairs), len(found)),
        "committee": _ratio(committee, len(pairs)),
        "date": _ratio(dates, len(pairs)),
        "text": _ratio(texts, len(pairs)),
    }


# --- loading the gold (the only functions here that read files) --------------------------------------------

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold"
# Gold for the register's own development letters (issue 14; corpus "register-dev-letters" in splits.json).
DEV_GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "register_dev" / "gold"


def _gold_record(rec: Mapping[str, Any], letter: str, part: str, passing: bool = False) -> GoldRecord:
    verdict = rec.get("verdict") or NO_VERDICT
    return GoldRecord(
        record=RegisterRecord(
            kind=rec["kind"],
            identifiers=tuple(rec.get("identifiers", ())),
            title=rec.get("title") or rec.get("where", ""),
            members=tuple((n, p) for n, p in rec.get("members", ())),
            verdict=verdict,
            source=rec.get("source"),
            deadline=rec.get("deadline"),
            letter=letter,
            verdict_sentence=rec.get("verdict_sentence"),
            by=rec.get("by"),
        ),
        verdicts=(verdict, *rec.get("verdict_alt", ())),
        sentences=tuple(s for s in (rec.get("verdict_sentence"), *rec.get("verdict_sentence_alt", ())) if s),
        cites=tuple(rec.get("cites", ())),
        part=part,
        passing=passing,
    )


def load_letter_gold(path: Path) -> list[GoldRecord]:
    """A commitments_00N.json file: its records, then what it lists as named in passing."""
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    part = doc.get("part", "development")
    return [_gold_record(r, doc["file"], part) for r in doc["commitments"]] + [
        _gold_record(r, doc["file"], part, passing=True) for r in doc.get("cited_in_passing", ())
    ]


def load_all_letter_gold(gold_dir: Path = GOLD_DIR) -> dict[str, list[GoldRecord]]:
    """The letter gold by part: {"development": [...], "measurement": [...]}."""
    parts: dict[str, list[GoldRecord]] = {"development": [], "measurement": []}
    for path in sorted(Path(gold_dir).glob("commitments_*.json")):
        records = load_letter_gold(path)
        if records:
            parts.setdefault(records[0].part, []).extend(records)
    return parts


def load_json(name: str, gold_dir: Path = GOLD_DIR) -> dict[str, Any]:
    return json.loads((Path(gold_dir) / name).read_text(encoding="utf-8"))


def score_letters(
    found: Iterable[RegisterRecord | Sequence[Any]],
    open_list: Iterable[Any] | None = None,
    overdue: Iterable[Any] | None = None,
    member_index: Mapping[str, Iterable[Any]] | None = None,
    gold_dir: Path = GOLD_DIR,
) -> dict[str, Any]:
    """All figures on the demo letters: records per part, and the queries where the caller gives answers."""
    found = [as_record(r) for r in found]
    out: dict[str, Any] = {
        part: score_records(gold, found) for part, gold in load_all_letter_gold(gold_dir).items()
    }
    queries = load_json("register_queries.json", gold_dir)["queries"]
    if open_list is not None:
        out["open"] = score_list(queries["open"]["answer"], open_list)
    if overdue is not None:
        out["overdue"] = score_list(queries["overdue"]["answer"], overdue)
    if member_index is not None:
        out["members"] = score_member_index(queries["members"]["answer"], member_index)
    return out
