"""`brieven ingest PATH...`: read letters into the index folder, with a progress bar and a closing report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from index.pipeline import IngestReport, ingest_paths
from ingest.errors import BrievenError
from ingest.reader_version import outdated_line
from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "ingest",
        parents=[common],
        help="read letters (PDF, DOCX, HTML, text, official XML) into the index",
        description="Read letters (files or folders) into the index folder; unchanged letters are skipped. "
        "One ingest writes at a time: a second one waits for the first (--wait), then adds to it.",
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="chunk and embed every stored letter again, whatever state the index is in (after changing "
        "model or chunking, or to repair it; vectors the same embedder made are reused); "
        "PATHs are then optional",
    )
    p.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long to wait while another ingest writes the index (default 600; 0: refuse at once)",
    )
    p.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="also read symbolic links in folders that point outside the paths given",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.cli import clean, raw_stream

    if not args.paths and not args.rebuild:
        raise BrievenError("name the files or folders to ingest (or pass --rebuild to rebuild the index)")
    if args.wait is not None:
        settings = settings.with_(lock_wait_s=max(0.0, args.wait))
    progress = None
    bar = None
    err = raw_stream(sys.stderr)  # the bar redraws with carriage returns: give it the real stream
    if args.quiet or not err.isatty():
        quiet_libraries()
    else:
        from tqdm import tqdm

        bar = tqdm(desc="ingest", unit="file", file=err)

        def progress(path: str) -> None:
            bar.set_postfix_str(clean(Path(path).name[:40]))
            bar.update(1)

    try:
        report = ingest_paths(
            args.paths,
            settings,
            progress=progress,
            rebuild=args.rebuild,
            follow_symlinks=args.follow_symlinks,
        )
    finally:
        if bar is not None:
            bar.close()
    for err in report.skipped:
        print(f"skipped {err.path}: {err.reason}", file=sys.stderr)
    print(format_report(report))
    # exit 1 when some input was skipped, so scripts notice; the good files were ingested all the same
    return 1 if report.skipped else 0


def quiet_libraries() -> None:
    """No progress bars from the model libraries either (transformers draws one while loading weights)."""
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"  # read when huggingface_hub is first imported
    if "transformers" in sys.modules:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()


def format_report(r: IngestReport) -> str:
    lines = [
        f"index: {r.index_dir}",
        f"letters: {len(r.added)} added, {len(r.replaced)} replaced, {len(r.unchanged)} unchanged "
        f"({r.letters_total} in the index)",
        *(
            [f"letters re-read: {len(r.reread)} (the readers changed since they were indexed)"]
            if r.reread
            else []
        ),
        f"chunks: {r.chunks_new} new, {r.chunks_total} in the index; embedded {r.embedded}",
        f"footnotes: {r.footnotes}; markers linked to their footnote: {r.markers_linked}",
        f"markers without footnote text: {len(r.markers_without_text)}",
    ]
    lines += [f"  {m}" for m in r.markers_without_text]
    if r.same_document:
        lines.append(f"files holding a document already read: {len(r.same_document)}")
        lines += [f"  {d}" for d in r.same_document]
    lines += [f"note: {n}" for n in r.notes]
    if r.outdated:
        lines.append(f"note: {outdated_line(r.outdated)}")
    lines.append(f"files skipped: {len(r.skipped)}")
    lines += [f"  {e.path}: {e.reason}" for e in r.skipped]
    return "\n".join(lines)
