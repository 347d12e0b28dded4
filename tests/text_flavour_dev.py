"""Score the plain-text reader on development text-flavour documents: ``python -m tests.text_flavour_dev``.

The documents are made when run (tests/text_flavour_docs.py: typeset PDFs and the development real
PDFs, read by pypdfium2 as the shared text flavour writes text); each is read by the plain-text
reader and scored as eval/reader_report scores the real gold: footnote-link precision and recall,
body probes inside footnotes, metadata, numbers marked as calls that are none. Development part only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from eval.reader_gold import (
    probes_in_footnotes,
    score_decisions,
    score_links,
    score_metadata,
    traps_marked,
)
from ingest.loaders import RawDocument
from ingest.model import Letter
from ingest.parse import parse_letter
from tests.text_flavour_docs import Doc, decision_lists, demo_docs, motie_docs, real_docs, varied_docs


@dataclass
class Row:
    name: str
    predicted: int
    gold: int
    correct: int
    meta_ok: int
    meta_n: int
    in_footnotes: list[str]
    traps: list[str]
    problems: list[str] = field(default_factory=list)
    notes: tuple[str, ...] = ()


def read(doc: Doc) -> Letter:
    return parse_letter(RawDocument(source=f"{doc.name}.txt", format="text", digest="x", text=doc.text))


def score(doc: Doc) -> Row:
    letter = read(doc)
    links = score_links(letter, doc.calls)
    problems = list(links.problems)
    ok = n = 0
    if doc.gold_metadata is not None:
        for result in score_metadata(letter, doc.gold_metadata, doc.metadata.get("_fields")):
            n += 1
            ok += result.ok
            if not result.ok:
                problems.append(f"metadata {result.name}: expected {result.expected!r}, got {result.got!r}")
    else:
        for name, want in doc.metadata.items():
            got = getattr(letter, name)
            n += 1
            ok += got == want
            if got != want:
                problems.append(f"metadata {name}: expected {want!r}, got {got!r}")
    inside = probes_in_footnotes(letter, doc.probes)
    problems += [f"probe inside a footnote: {p[:60]!r}" for p in inside]
    marked, _ = traps_marked(letter, doc.not_calls)
    problems += [f"not a call, marked: {t!r}" for t in marked]
    return Row(
        doc.name,
        links.predicted,
        links.gold,
        links.correct,
        ok,
        n,
        inside,
        marked,
        problems,
        letter.reader_notes,
    )


def documents() -> list[Doc]:
    return demo_docs() + varied_docs() + real_docs() + motie_docs()


def table(rows: list[Row], show: bool) -> str:
    lines = [f"{'document':<44} {'gold':>4} {'pred':>4} {'ok':>4} {'P':>5} {'R':>5} meta  inFn traps"]
    for r in rows:
        p = r.correct / r.predicted if r.predicted else float(not r.gold)
        rc = r.correct / r.gold if r.gold else 1.0
        lines.append(
            f"{r.name:<44} {r.gold:>4} {r.predicted:>4} {r.correct:>4} {p:5.3f} {rc:5.3f} "
            f"{r.meta_ok}/{r.meta_n:<3} {len(r.in_footnotes):>4} {len(r.traps):>5}"
        )
        if show:
            lines += [f"    {x}" for x in r.problems]
    pred, gold, corr = (sum(getattr(r, a) for r in rows) for a in ("predicted", "gold", "correct"))
    lines.append(
        f"{'all (micro)':<44} {gold:>4} {pred:>4} {corr:>4} "
        f"{corr / max(pred, 1):5.3f} {corr / max(gold, 1):5.3f} "
        f"{sum(r.meta_ok for r in rows)}/{sum(r.meta_n for r in rows):<3} "
        f"{sum(len(r.in_footnotes) for r in rows):>4} {sum(len(r.traps) for r in rows):>5}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.text_flavour_dev", description=__doc__.splitlines()[0])
    ap.add_argument("--problems", action="store_true", help="list every wrong link, field and probe")
    ap.add_argument("--dump", help="write each document's text into this folder (to look at)")
    args = ap.parse_args(argv)
    docs = documents()
    if args.dump:
        from pathlib import Path

        Path(args.dump).mkdir(parents=True, exist_ok=True)
        for d in docs:
            (Path(args.dump) / f"{d.name}.txt").write_text(d.text, encoding="utf-8")
    print(table([score(d) for d in docs], args.problems))
    print("\nDecision lists read as text (each decision under its own item):")
    for name, text, gold in decision_lists():
        got = score_decisions(read(Doc(name, text, [], [])), gold)
        print(f"  {name:<26} {got.under_own_item:>3}/{got.total:<3} = {got.accuracy:.3f}")
        if args.problems:
            print("\n".join(f"    {x}" for x in got.problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
