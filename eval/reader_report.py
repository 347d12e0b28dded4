"""Reader figures on the hand gold: ``python -m eval.reader_report`` parses the gold's documents, scores them.

For every ``tests/gold/real/*.json`` it reads the PDF, its text flavour and its ``-page1`` PDF (calls
and probes of page 1 only, sender not scored there: no signature on page 1) with
``ingest.loaders.load_document`` + ``ingest.parse.parse_letter``, and prints footnote-link
precision/recall, metadata fields, body probes inside footnotes and traps marked as calls, per
document and per part (development / measurement). Then the 50+ XML moties of
``tests/gold/moties_xml_sample.json`` field by field, and the decision lists of
``tests/gold/besluitenlijsten/``. The 884 moties with a full ``<metadata>`` block are the XML
reader's own check (block against body) and are not scored here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from eval.reader_gold import (
    probes_in_footnotes,
    probes_missing_from_body,
    score_decisions,
    score_links,
    score_metadata,
    score_motie,
    traps_marked,
)
from eval.splits import REPO
from ingest.errors import InputError
from ingest.model import Letter

GOLD_DIR = REPO / "tests" / "gold"
CORPUS = REPO.parent / "shared" / "corpus"
PARTS = ("development", "measurement")
MOTIE_FIELDS = ("kamerstuk_id", "date", "title", "first_indiener", "replaces")


def parse_file(path: Path) -> Letter:
    """The current reader on one file: load_document + parse_letter."""
    from ingest.loaders import load_document
    from ingest.parse import parse_letter

    return parse_letter(load_document(path))


@dataclass
class LetterRow:
    """One read of one gold document (the PDF, its text flavour or its page-1 PDF)."""

    document: str
    flavour: str  # "pdf" | "text" | "page1"
    part: str
    error: str | None = None
    predicted: int = 0
    gold: int = 0
    correct: int = 0
    metadata: dict[str, bool] = field(default_factory=dict)
    probes_in_footnotes: list[str] = field(default_factory=list)
    probes_missing: list[str] = field(default_factory=list)
    traps_marked: list[str] = field(default_factory=list)
    traps_absent: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def letter_rows(gold: dict, parse: Callable[[Path], Letter] = parse_file) -> list[LetterRow]:
    """Score one letter gold on each of its files."""
    reads = [("pdf", gold["file"], None), ("text", gold["text_flavour"], None)]
    if gold.get("page1_file"):
        reads.append(("page1", gold["page1_file"], 1))
    rows = []
    for flavour, rel, page in reads:
        row = LetterRow(Path(gold["file"]).stem, flavour, gold["part"])
        try:
            letter = parse(CORPUS / rel)
        except InputError as exc:
            row.error = str(exc)
            rows.append(row)
            continue
        calls = [c for c in gold["calls"] if page is None or c["page"] == page]
        probes = [p["text"] for p in gold["body_probes"] if page is None or p["page"] == page]
        links = score_links(letter, calls)
        row.predicted, row.gold, row.correct = links.predicted, links.gold, links.correct
        row.problems = list(links.problems)
        fields = ("date", "subject", "addressee", "kenmerk", "kamerstuk") if page else None
        for result in score_metadata(letter, gold["metadata"], fields):
            row.metadata[result.name] = result.ok
            if not result.ok:
                wrong = f"metadata {result.name}: expected {result.expected!r}, got {result.got!r}"
                row.problems.append(wrong)
        row.probes_in_footnotes = probes_in_footnotes(letter, probes)
        row.probes_missing = probes_missing_from_body(letter, probes)
        row.traps_marked, row.traps_absent = traps_marked(letter, gold["not_calls"])
        rows.append(row)
    return rows


def motie_results(gold: dict, parse: Callable[[Path], Letter] = parse_file) -> list[dict]:
    """Per motie of the sample: file, chosen, the field verdicts (or the read error)."""
    out = []
    for motie in gold["moties"]:
        entry = {"file": motie["file"], "chosen": motie.get("chosen")}
        try:
            letter = parse(CORPUS / motie["file"])
        except InputError as exc:
            entry.update(error=str(exc), **{f: False for f in MOTIE_FIELDS})
        else:
            entry.update(score_motie(letter, motie))
            entry["got"] = {
                "kamerstuk_id": letter.kamerstuk_id,
                "date": letter.date.isoformat() if letter.date else None,
                "title": letter.title,
                "first_indiener": letter.indieners[0].name if letter.indieners else letter.sender,
            }
        out.append(entry)
    return out


def decision_results(golds: list[dict], parse: Callable[[Path], Letter] = parse_file) -> list[dict]:
    """Per decision list: part and the DecisionScore as a dict (or the read error)."""
    out = []
    for gold in golds:
        entry = {"document": Path(gold["file"]).stem, "part": gold["part"]}
        try:
            score = score_decisions(parse(CORPUS / gold["file"]), gold)
        except InputError as exc:
            entry["error"] = str(exc)
        else:
            entry.update(asdict(score), accuracy=score.accuracy)
        out.append(entry)
    return out


def load_golds() -> tuple[list[dict], dict, list[dict]]:
    def read(path: Path) -> dict:
        return json.loads(path.read_text(encoding="utf-8"))

    letters = [read(p) for p in sorted((GOLD_DIR / "real").glob("*.json"))]
    moties = read(GOLD_DIR / "moties_xml_sample.json")
    lists = [read(p) for p in sorted((GOLD_DIR / "besluitenlijsten").glob("*.json"))]
    return letters, moties, lists


# --- printing -------------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{x:5.3f}"


def letters_table(rows: list[LetterRow], show_problems: bool) -> str:
    lines = [
        "Footnote links, metadata, probes and traps per document (calls: gold / predicted / correct)",
        f"{'part':<12} {'document':<46} {'read':<6} {'gold':>4} {'pred':>4} {'ok':>4} {'P':>5} {'R':>5} "
        f"{'meta':>5} {'probes in fn':>12} {'traps':>5} {'lost probes':>11}",
    ]
    for r in sorted(rows, key=lambda r: (PARTS.index(r.part), r.document, r.flavour)):
        if r.error:
            lines.append(f"{r.part:<12} {r.document:<46} {r.flavour:<6} ERROR {r.error}")
            continue
        meta = f"{sum(r.metadata.values())}/{len(r.metadata)}"
        lines.append(
            f"{r.part:<12} {r.document:<46} {r.flavour:<6} {r.gold:>4} {r.predicted:>4} {r.correct:>4} "
            f"{_pct(r.precision)} {_pct(r.recall)} {meta:>5} {len(r.probes_in_footnotes):>12} "
            f"{len(r.traps_marked):>5} {len(r.probes_missing):>11}"
        )
        if show_problems:
            wrong = [k for k, ok in r.metadata.items() if not ok]
            lines += [f"    metadata wrong: {', '.join(wrong)}"] if wrong else []
            lines += [f"    probe inside a footnote: {p[:80]}" for p in r.probes_in_footnotes]
            lines += [f"    trap marked as a call: {t}" for t in r.traps_marked]
            lines += [f"    {p}" for p in r.problems]
    lines.append("")
    lines.append("Per part and read (micro over documents):")
    for part in PARTS:
        for flavour in ("pdf", "text", "page1", "all"):
            sel = [r for r in rows if r.part == part and not r.error and flavour in (r.flavour, "all")]
            if not sel:
                continue
            pred, gold, ok = (sum(getattr(r, a) for r in sel) for a in ("predicted", "gold", "correct"))
            meta_ok = sum(sum(r.metadata.values()) for r in sel)
            meta_n = sum(len(r.metadata) for r in sel)
            precision, recall = ok / pred if pred else 0.0, ok / gold if gold else 1.0
            swallowed = sum(len(r.probes_in_footnotes) for r in sel)
            traps = sum(len(r.traps_marked) for r in sel)
            errors = sum(1 for r in rows if r.part == part and r.error and flavour in (r.flavour, "all"))
            lines.append(
                f"  {part:<12} {flavour:<6} P {_pct(precision)}  R {_pct(recall)} metadata {meta_ok}/{meta_n}"
                f"  probes in footnotes {swallowed}  traps marked {traps}  errors {errors}"
            )
    return "\n".join(lines)


def moties_table(results: list[dict], show_problems: bool) -> str:
    n = len(results)
    random = [r for r in results if not r["chosen"]]
    lines = [f"XML moties without a full <metadata> block (measurement sample: {len(random)} random + "
             f"{n - len(random)} chosen for their form)"]  # fmt: skip
    for name in MOTIE_FIELDS:
        ok_all = sum(r[name] for r in results)
        ok_random = sum(r[name] for r in random)
        share_random = ok_random / len(random) if random else 0.0
        lines.append(f"  {name:<15} {ok_all:>3}/{n} = {_pct(ok_all / n)}   random 50: {_pct(share_random)}")
    if show_problems:
        for r in results:
            wrong = [f for f in MOTIE_FIELDS if not r[f]]
            if wrong:
                got = r.get("error") or r.get("got")
                lines.append(f"    {Path(r['file']).name}: {', '.join(wrong)}  {got}")
    return "\n".join(lines)


def decisions_table(results: list[dict], show_problems: bool) -> str:
    lines = ["Decision lists (each decision under its own item)"]
    for r in results:
        if "error" in r:
            lines.append(f"  {r['part']:<12} {r['document']:<26} ERROR {r['error']}")
            continue
        lines.append(
            f"  {r['part']:<12} {r['document']:<26} under own item {r['under_own_item']:>3}/{r['total']:<3}"
            f" = {_pct(r['accuracy'])}  misplaced {r['misplaced']:>3}  missing {r['missing']:>3}"
            f"  full dates kept {r['dates_kept']}/{r['dates_total']}"
        )
        if show_problems:
            lines += [f"    {p}" for p in r["problems"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.reader_report", description=__doc__.splitlines()[0])
    ap.add_argument("--problems", action="store_true", help="list every wrong link, field and decision")
    ap.add_argument("--json", type=Path, help="also write all results to this JSON file")
    ap.add_argument("--skip", choices=("letters", "moties", "decisions"), action="append", default=[])
    ap.add_argument(
        "--part", choices=PARTS, help="only this part's documents (the XML moties sample is measurement)"
    )
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"shared corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    letters, moties, lists = load_golds()
    if args.part:
        letters = [g for g in letters if g["part"] == args.part]
        lists = [g for g in lists if g["part"] == args.part]
        if args.part != "measurement":
            args.skip.append("moties")
    results: dict = {}
    if "letters" not in args.skip:
        rows = [row for gold in letters for row in letter_rows(gold)]
        print(letters_table(rows, args.problems), end="\n\n")
        results["letters"] = [asdict(r) | {"precision": r.precision, "recall": r.recall} for r in rows]
    if "moties" not in args.skip:
        results["moties"] = motie_results(moties)
        print(moties_table(results["moties"], args.problems), end="\n\n")
    if "decisions" not in args.skip:
        results["decisions"] = decision_results(lists)
        print(decisions_table(results["decisions"], args.problems))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
