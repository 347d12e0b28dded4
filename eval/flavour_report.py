"""Footnote links of the plain-text reader on text flavours of PDFs: ``python -m eval.flavour_report``.

Development material only (eval/splits.json): the development real PDFs with their gold
(tests/gold/real/*.json) and the demo letters with footnote gold typeset as PDFs the way the tests
do (tests/pdf_demo.py, tests/pdf_typeset.py; gold: the text version's). Each PDF is turned into text
by the extractors available offline (pdftotext default, -raw and -layout, pdfminer's extract_text,
pypdfium2's get_text_range) and that text is read as ``brieven ingest`` reads a ``.txt``
(``load_bytes`` + ``parse_letter``). Printed per file and flavour: link precision and recall
(``eval.reader_gold.score_links``), the share of text inside footnotes (as the ingest report
counts it; the PDF read's own share for reference), body probes inside footnotes, metadata fields
right (real letters: their gold; demo letters: the text version's title, date, addressee,
kamerstuk) and the reader's notes where asked.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eval.reader_gold import probes_in_footnotes, score_links, score_metadata
from eval.splits import REPO, part_of
from ingest.loaders import load_bytes
from ingest.model import Letter
from ingest.parse import parse_letter
from ingest.reading_report import reading_report

CORPUS = REPO.parent / "shared" / "corpus"
GOLD = REPO / "tests" / "gold"


@dataclass(frozen=True)
class Source:
    """One development PDF and its truth."""

    name: str
    pdf: bytes
    calls: list[dict]  # {"number", "before", "footnote"} as tests/gold/real/*.json
    probes: list[str] = field(default_factory=list)  # body text never inside a footnote
    gold_metadata: dict | None = None  # a real gold's metadata block (eval.reader_gold.score_metadata)
    fields: tuple[str, ...] | None = None  # the gold fields scored (page 1: no sender)
    expected: dict = field(default_factory=dict)  # else: Letter field -> value (the text version's)


def _pdftotext(*flags: str) -> Callable[[bytes], str]:
    def extract(pdf: bytes) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.pdf"
            path.write_bytes(pdf)
            out = subprocess.run(
                ["pdftotext", *flags, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
            )
        return out.stdout.decode("utf-8")

    return extract


def _pdfminer(pdf: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(pdf))


def _pdfium(pdf: bytes) -> str:
    """Each page's get_text_range, pages joined by a form feed (as pdftotext and pdfminer do)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    return "\f".join(p.replace("\r\n", "\n") for p in pages)


def extractors() -> dict[str, Callable[[bytes], str]]:
    """The extractors installed here, by flavour name."""
    out: dict[str, Callable[[bytes], str]] = {}
    if shutil.which("pdftotext"):
        out |= {"pdftotext": _pdftotext(), "raw": _pdftotext("-raw"), "layout": _pdftotext("-layout")}
    try:
        import pdfminer  # noqa: F401

        out["pdfminer"] = _pdfminer
    except ImportError:
        pass
    try:
        import pypdfium2  # noqa: F401

        out["pdfium"] = _pdfium
    except ImportError:
        pass
    return out


def real_sources() -> list[Source]:
    """The development real PDFs of tests/gold/real (and their -page1 PDFs) with gold calls and probes."""
    out = []
    for path in sorted((GOLD / "real").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = Path(gold["file"]).name
        if gold["part"] != "development" or part_of("kamerbrieven-pdf", name) != "development":
            continue
        # the whole letter, and its page-1 PDF with page 1's calls and probes
        reads = [(gold["file"], None)] + ([(gold["page1_file"], 1)] if gold.get("page1_file") else [])
        for rel, page in reads:
            pdf = CORPUS / rel
            if not pdf.is_file():
                continue
            calls = [c for c in gold["calls"] if page is None or c["page"] == page]
            probes = [p["text"] for p in gold["body_probes"] if page is None or p["page"] == page]
            fields = ("date", "subject", "addressee", "kenmerk", "kamerstuk") if page else None
            out.append(Source(pdf.stem, pdf.read_bytes(), calls, probes, gold["metadata"], fields))
    return out


def demo_sources() -> list[Source]:
    """The development demo letters with footnote gold, typeset as the tests typeset them."""
    from tests.text_flavour_docs import demo_pdfs

    return [Source(name, pdf, calls, probes, expected=meta) for name, pdf, calls, probes, meta in demo_pdfs()]


@dataclass(frozen=True)
class Row:
    document: str
    flavour: str
    gold: int
    predicted: int
    correct: int
    share: float
    in_footnotes: int
    meta_ok: int = 0
    meta_n: int = 0
    notes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def read_text(text: str, name: str = "brief") -> Letter:
    """The text read as ``brieven ingest`` reads a .txt file."""
    return parse_letter(load_bytes(text.encode("utf-8"), Path(f"{name}.txt")))


def score(source: Source, flavour: str, letter: Letter) -> Row:
    links = score_links(letter, source.calls)
    report = reading_report(letter)
    inside = probes_in_footnotes(letter, source.probes)
    problems = list(links.problems)
    if source.gold_metadata is not None:
        verdicts = [
            (r.name, r.ok, r.expected, r.got)
            for r in score_metadata(letter, source.gold_metadata, source.fields)
        ]
    else:
        verdicts = [(k, getattr(letter, k) == v, v, getattr(letter, k)) for k, v in source.expected.items()]
    problems += [
        f"metadata {name}: expected {want!r}, got {got!r}" for name, ok, want, got in verdicts if not ok
    ]
    return Row(
        source.name, flavour, links.gold, links.predicted, links.correct, report.footnote_share,
        len(inside), sum(ok for _, ok, _, _ in verdicts), len(verdicts), report.notes, tuple(problems),
    )  # fmt: skip


def rows(sources: list[Source], flavours: dict[str, Callable[[bytes], str]]) -> list[Row]:
    out = []
    for source in sources:
        pdf_read = parse_letter(load_bytes(source.pdf, Path(f"{source.name}.pdf")))
        out.append(score(source, "(pdf)", pdf_read))
        for flavour, extract in flavours.items():
            out.append(score(source, flavour, read_text(extract(source.pdf), source.name)))
    return out


def table(found: list[Row], show: bool) -> str:
    lines = [f"{'document':<44} {'flavour':<9} {'gold':>4} {'pred':>4} {'ok':>4} {'P':>5} {'R':>5} "
             f"{'in fn':>6} {'probes':>6} {'meta':>5}"]  # fmt: skip
    for r in found:
        lines.append(
            f"{r.document:<44} {r.flavour:<9} {r.gold:>4} {r.predicted:>4} {r.correct:>4} "
            f"{r.precision:5.3f} {r.recall:5.3f} {r.share:6.1%} {r.in_footnotes:>6} "
            f"{r.meta_ok:>2}/{r.meta_n:<2}"
        )
        if show:
            lines += [f"    note: {n}" for n in r.notes] + [f"    {p}" for p in r.problems]
    lines.append("")
    lines.append("Per flavour (micro over documents):")
    for flavour in dict.fromkeys(r.flavour for r in found):
        sel = [r for r in found if r.flavour == flavour]
        pred, gold, ok = (sum(getattr(r, a) for r in sel) for a in ("predicted", "gold", "correct"))
        worst = min(min(r.precision, r.recall) for r in sel)
        lines.append(
            f"  {flavour:<9} P {ok / pred if pred else 0.0:5.3f}  R {ok / gold if gold else 1.0:5.3f}"
            f"  worst document {worst:5.3f}  probes in footnotes {sum(r.in_footnotes for r in sel)}"
            f"  metadata {sum(r.meta_ok for r in sel)}/{sum(r.meta_n for r in sel)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.flavour_report", description=__doc__.splitlines()[0])
    ap.add_argument("--problems", action="store_true", help="list every wrong link and the reader's notes")
    ap.add_argument("--only", help="only documents whose name contains this")
    ap.add_argument("--flavour", action="append", help="only these flavours (repeatable)")
    ap.add_argument("--dump", type=Path, help="write each flavour's text into this folder (to look at)")
    args = ap.parse_args(argv)
    flavours = extractors()
    if args.flavour:
        flavours = {k: v for k, v in flavours.items() if k in args.flavour}
    sources = real_sources() + demo_sources()
    if args.only:
        sources = [s for s in sources if args.only in s.name]
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for s in sources:
            for flavour, extract in flavours.items():
                name = re.sub(r"[^\w.-]", "_", f"{s.name}.{flavour}.txt")
                (args.dump / name).write_text(extract(s.pdf), encoding="utf-8")
    print(table(rows(sources, flavours), args.problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
