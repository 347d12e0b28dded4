"""`brieven ingest PATH...`: read letters into the index folder, with a progress bar and a closing report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from ingest.pipeline import IngestReport, ingest_paths
from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "ingest",
        parents=[common],
        help="read letters (PDF, DOCX, HTML, text, official XML) into the index",
        description="Read letters (files or folders) into the index folder; unchanged letters are skipped.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="rebuild the index (after changing model or chunking); what the same model embedded is reused",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    bar = tqdm(desc="ingest", unit="file", disable=args.quiet or not sys.stderr.isatty(), file=sys.stderr)

    def progress(path: str) -> None:
        bar.set_postfix_str(Path(path).name[:40])
        bar.update(1)

    report = ingest_paths(args.paths, settings, progress=progress, rebuild=args.rebuild)
    bar.close()
    for err in report.skipped:
        print(f"skipped {err.path}: {err.reason}", file=sys.stderr)
    print(format_report(report))
    # exit 1 when some input was skipped, so scripts notice; the good files were ingested all the same
    return 1 if report.skipped else 0


def format_report(r: IngestReport) -> str:
    lines = [
        f"index: {r.index_dir}",
        f"letters: {len(r.added)} added, {len(r.replaced)} replaced, {len(r.unchanged)} unchanged "
        f"({r.letters_total} in the index)",
        f"chunks: {r.chunks_new} new, {r.chunks_total} in the index; embedded {r.embedded}",
        f"footnotes: {r.footnotes}; markers linked to their footnote: {r.markers_linked}",
        f"markers without footnote text: {len(r.markers_without_text)}",
    ]
    lines += [f"  {m}" for m in r.markers_without_text]
    lines += [f"note: {n}" for n in r.notes]
    lines.append(f"files skipped: {len(r.skipped)}")
    lines += [f"  {e.path}: {e.reason}" for e in r.skipped]
    return "\n".join(lines)
