"""The register on the real development documents (issue 14): their hand gold in tests/register_real/gold.

Each gold file names one document (a PDF and its text flavour share a name, so records are keyed by the
gold file, not the document name); a document whose gold has no records counts every record read from it
as unreal. Decision-list toezeggingen are also scored on committee and meeting date.
Run: python -m eval.register_real_dev
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.register_gold import load_letter_gold, score_records
from eval.register_measure import as_record, read

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "register_real" / "gold"


def measure(gold_dir: Path = GOLD_DIR) -> dict[str, Any]:
    """Records, fields and unreal records over every real development document with gold."""
    gold, found, empty_found, raw = [], [], [], {}
    per_doc: dict[str, Any] = {}
    for path in sorted(gold_dir.glob("commitments_*.json")):
        key = path.stem
        doc = json.loads(path.read_text(encoding="utf-8"))
        source = (ROOT / doc["file"]).resolve()
        if not source.exists():
            continue
        letters, mentions = read([source])
        # The besluiten of a decision list are not in this gold (tests/gold/register_besluitenlijsten.json).
        mine = [as_record(m, letters)._replace(letter=key) for m in mentions if m.kind != "besluit"]
        recs = [g for g in load_letter_gold(path)]
        recs = [type(g)(**{**g.__dict__, "record": g.record._replace(letter=key)}) for g in recs]
        raw[key] = doc["commitments"]
        if not [g for g in recs if not g.passing]:
            empty_found += mine
            per_doc[key] = {"gold": 0, "unreal": [f.title for f in mine]}
            continue
        gold += recs
        found += mine
        s = score_records(recs, mine)
        per_doc[key] = {
            k: s[k] for k in ("gold", "found", "matched", "verdict_and_source", "missed", "unreal")
        }
    out = score_records(gold, found)
    out["found_on_documents_without_records"] = len(empty_found)
    out["precision_all"] = out["matched"] / max(1, out["found"] + len(empty_found))
    out["decision_list_committee_date"] = _committee_date(raw, found)
    out["per_document"] = per_doc
    return out


def _committee_date(raw: dict[str, list[dict[str, Any]]], found: list[Any]) -> str:
    """'right/total': decision-list records matched by title whose committee and meeting date are right."""
    from eval.register_gold import title_overlap

    total = right = 0
    for key, recs in raw.items():
        for rec in recs:
            if not rec.get("committee"):
                continue
            total += 1
            hit = next(
                (
                    f
                    for f in found
                    if f.letter == key
                    and f.kind == rec["kind"]
                    and (
                        set(f.identifiers) & set(rec["identifiers"])
                        or title_overlap(f.title, rec["title"]) >= 0.5
                    )
                ),
                None,
            )
            right += bool(hit) and hit.committee == rec["committee"] and hit.date == rec["date"]
    return f"{right}/{total}"


if __name__ == "__main__":
    print(json.dumps(measure(), ensure_ascii=False, indent=1, default=str))
