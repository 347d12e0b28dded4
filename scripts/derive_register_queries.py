"""Derive tests/gold/register_queries.json from the hand-written commitments gold of the five demo letters.

The records, verdicts and deadlines are the hand gold (tests/gold/commitments_00N.json); this script only
applies the documented current-status rule, so the query answers cannot drift from the records.
Run: python scripts/derive_register_queries.py  (writes the file; --check compares instead).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
OUT = GOLD / "register_queries.json"

# The letters in time order, read from the letters themselves (see each gold file's "letter" block):
# 004 is of 2024 (after the AI-verordening's adoption on 21 May 2024), 000 a memo of 16 January 2025,
# 001 of spring 2025 (after 16 April, before 28 June), 003 of 11 July 2025, 002 of 10 July 2026.
ORDER = ["004", "000", "001", "003", "002"]
OPEN = ("openstaand", "in uitvoering", "uitgesteld", "vertraagd", "nieuwe deadline")
AS_OF = "2026-01-01"
SOURCE_RANK = {"commissie": 2, "ambtelijk voorstel": 1}  # within one document a decision outranks a proposal
MEMBERS = ("Kathmann", "Van Hattem", "Six Dijkstra", "Veldhoen")
COMMITTEE_MEMOS = {"000"}  # a memo's members are its 'Betrokken lid' lines


def member_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z]+", text))


def load() -> list[dict]:
    mentions = []
    for n in ORDER:
        doc = json.loads((GOLD / f"commitments_{n}.json").read_text(encoding="utf-8"))
        for i, rec in enumerate(doc["commitments"]):
            mentions.append({**rec, "letter": doc["file"], "order": ORDER.index(n), "n": n, "index": i})
    return mentions


def merge(mentions: list[dict]) -> list[list[dict]]:
    """Mentions of one commitment: a shared identifier joins them; one without identifiers stands alone."""
    groups: list[list[dict]] = []
    for m in mentions:
        home = next(
            (g for g in groups if m["identifiers"] and set(m["identifiers"]) & set(g[0]["identifiers"])), None
        )
        if home is None:
            groups.append([m])
        else:
            home.append(m)
    return groups


def current(group: list[dict]) -> dict:
    """The latest mention with a verdict decides (a later letter outranks an earlier); none: geen oordeel."""
    judged = [m for m in group if m["verdict"] != "geen oordeel"]
    if not judged:
        return group[-1]
    return max(judged, key=lambda m: (m["order"], SOURCE_RANK.get(m.get("source") or "", 0)))


def role(m: dict) -> str:
    if m["kind"] == "motie":
        return "indiener"
    return "betrokken lid" if m["n"] in COMMITTEE_MEMOS else "asked"


def entry(group: list[dict]) -> dict:
    dec = current(group)
    ids = sorted({i for m in group for i in m["identifiers"]})
    return {
        "kind": dec["kind"],
        "identifiers": ids,
        "title": dec["title"],
        "members": dec["members"],
        "verdict": dec["verdict"],
        "source": dec.get("source"),
        "by": dec.get("by"),
        "deadline": dec["deadline"],
        "verdict_sentence": dec.get("verdict_sentence"),
        "decided_by": dec["letter"] if dec["verdict"] != "geen oordeel" else None,
        "timeline": [
            {
                "letter": m["letter"],
                "verdict": m["verdict"],
                "source": m.get("source"),
                "deadline": m["deadline"],
            }
            for m in group
        ],
    }


def short(e: dict) -> dict:
    return {k: e[k] for k in ("kind", "identifiers", "title", "verdict", "deadline", "decided_by")}


def derive() -> dict:
    groups = merge(load())
    commitments = [entry(g) for g in groups]
    by_deadline = sorted(
        (e for e in commitments if e["verdict"] in OPEN), key=lambda e: (e["deadline"] or "9999", e["title"])
    )
    overdue = [e for e in by_deadline if e["deadline"] and e["deadline"] < AS_OF]
    members: dict[str, list[dict]] = {}
    for name in MEMBERS:
        key = member_key(name)
        rows = []
        for g, e in zip(groups, commitments, strict=True):
            roles = sorted({role(m) for m in g for n, _ in m["members"] if member_key(n) == key})
            if roles:
                rows.append(
                    {
                        **{k: e[k] for k in ("kind", "identifiers", "title")},
                        "roles": roles,
                        "letters": sorted({m["letter"] for m in g}),
                    }
                )
        members[name] = rows
    return {
        "corpus": "demo-letters (all five; 000, 001, 003 development, 002, 004 measurement)",
        "written_by": "derived by scripts/derive_register_queries.py from the hand-written commitments gold; "
        "the rule below is the only thing the script adds",
        "letters_in_order": [
            f"demo/letters/{p.name}" for n in ORDER for p in (ROOT / "demo" / "letters").glob(f"{n}_*.txt")
        ],
        "rules": [
            "One commitment per shared identifier across letters (T03667, T03664: letters 004 and 000; "
            "TZ202411-104: 001 and 003); a record without identifiers is a commitment of its own.",
            "Current status: the latest letter's verdict (order "
            + " < ".join(ORDER)
            + "); a mention with geen "
            "oordeel does not change it; within one document a committee decision outranks a staff proposal.",
            "Open: current verdict one of "
            + ", ".join(OPEN)
            + " (deels voldaan and geen oordeel are not open). "
            "Listed by deadline, those without a deadline last.",
            f"Overdue as of {AS_OF}: open with a deadline before that date.",
            "Member index: every commitment in which the member is named; role indiener for a motie, "
            "'betrokken lid' for a toezegging in a committee memo (000), 'asked' for a toezegging a letter "
            "says was made at the member's question. Names match without diacritics, case or hyphens "
            "(Six-Dijkstra = Six Dijkstra).",
        ],
        "commitments": commitments,
        "queries": {
            "open": {
                "question": "which commitments are still open?",
                "answer": [short(e) for e in by_deadline],
            },
            "overdue": {
                "question": "welke toezeggingen en moties zijn over de deadline?",
                "as_of": AS_OF,
                "answer": [short(e) for e in overdue],
            },
            "members": {
                "question": "every motie and toezegging of a member, with the member's role",
                "answer": members,
            },
        },
        "if_readings_differ": IF_READINGS_DIFFER,
    }


# What the answers would be under the other readings the gold files name (disputed, verdict_alt).
IF_READINGS_DIFFER = [
    "001 Awb toezegging: deadline 'uiterlijk eind juni' read as 2025-06-30 -> also overdue.",
    "001 TZ202501-020 (kinderrechtentoets) read as openstaand -> also open (no deadline).",
    "003 kst-26643-1321 (Buijsse, cloudcontracten) read as in uitvoering -> also open (no deadline).",
    "003 TZ202411-102 uitgesteld, 003 meldpunt vertraagd: same lists (still open, same deadlines).",
    "004 kst-26643-835 (Bouchallikht) read as geen oordeel -> not open.",
    "004 T03666 (De Blécourt-Wouterse) read as in uitvoering -> also open (no deadline).",
    "002 TZ202510-163 and TZ202601-122 read as afgedaan, 004 T03664 as deels voldaan: same lists.",
]


def render(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    text = render(derive())
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else "register_queries.json is out of date")
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
