"""Letters added from the chat page: the files are kept beside the index and read by the same ingest as
`brieven ingest` (its lock, limits and snapshot), then the report is shown on the page.

A bad file gets its one-line reason; the other files go on, and nothing indexed is lost (the ingest
writes a new snapshot and moves the pointer only when it is complete)."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from assistant.i18n import letter_title, letter_when, t
from ingest.errors import BrievenError
from ingest.model import Letter
from ingest.settings import Settings

UPLOADS = "uploads"  # beside the snapshots in the index folder, so a card's file link outlives a restart
FILE_TYPES = [".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md", ".xml"]
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class Skipped:
    name: str  # the file name the user gave
    reason: str


@dataclass(frozen=True)
class UploadResult:
    """What one upload did, in the user's terms (file names and letters, never staging paths)."""

    added: tuple[str, ...] = ()  # letter ids
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    reread: tuple[str, ...] = ()  # same file, read again: the readers changed since it was indexed
    skipped: tuple[Skipped, ...] = ()
    letters_total: int = 0
    same_document: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    failed: str | None = None  # the whole ingest refused (e.g. the index is locked or incompatible)


def safe_name(name: str) -> str:
    """A file name without folders or odd characters (the name still tells the user which file it was)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "brief"
    return cleaned[-120:]


def stage(files: Sequence[Path], folder: Path) -> list[tuple[Path, str]]:
    """Copy uploaded files into folder/<digest>/<name>; (staged path, name the user gave) for each."""
    staged = []
    for src in files:
        digest = hashlib.sha256()
        with open(src, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        name = safe_name(src.name)
        target = folder / digest.hexdigest()[:16] / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(src, target)
        staged.append((target.resolve(), name))
    return staged


def ingest_uploads(
    files: Sequence[Path],
    settings: Settings,
    embedder=None,
    progress: Callable[[int, int, str], None] | None = None,
) -> UploadResult:
    """Check the count and sizes, stage the files, and ingest them as `brieven ingest` does."""
    from index.pipeline import ingest_paths  # the CLI's own ingest: lock, limits, snapshot

    too_big = [f for f in files if f.stat().st_size > settings.max_file_bytes]
    mb = settings.max_file_bytes / 1e6
    skipped = [Skipped(safe_name(f.name), f"larger than the limit of {mb:g} MB") for f in too_big]
    staged = stage([f for f in files if f not in too_big], settings.index_dir / UPLOADS)
    names = {str(p): name for p, name in staged}
    done = 0

    def step(path: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(staged), names.get(str(Path(path).resolve()), Path(path).name))

    if not staged:
        return UploadResult(skipped=tuple(skipped))
    try:
        report = ingest_paths([p for p, _ in staged], settings, embedder=embedder, progress=step)
    except BrievenError as exc:
        _remove(p for p, _ in staged)
        return UploadResult(skipped=tuple(skipped), failed=_plain(str(exc), names))
    for err in report.skipped:
        name = names.get(str(Path(err.path).resolve()), safe_name(err.path))
        skipped.append(Skipped(name, _plain(err.reason, names)))
    return UploadResult(
        added=tuple(report.added),
        replaced=tuple(report.replaced),
        unchanged=tuple(report.unchanged),
        reread=tuple(report.reread),
        skipped=tuple(skipped),
        letters_total=report.letters_total,
        same_document=tuple(_plain(x, names) for x in getattr(report, "same_document", ())),
        notes=tuple(_plain(x, names) for x in report.notes),
    )


def prune(staged_root: Path, letters: Sequence[Letter]) -> None:
    """Remove staged files no letter was read from (skipped or already indexed from elsewhere)."""
    keep = {str(Path(x.source).resolve()) for x in letters}
    if not staged_root.is_dir():
        return
    for path in staged_root.glob("*/*"):
        if path.is_file() and str(path.resolve()) not in keep:
            _remove([path])


def _remove(paths) -> None:
    for p in paths:
        p = Path(p)
        p.unlink(missing_ok=True)
        try:
            p.parent.rmdir()
        except OSError:
            pass


def _plain(text: str, names: Mapping[str, str]) -> str:
    """A message with the staging paths replaced by the names the user gave."""
    for path, name in names.items():
        text = text.replace(path, name)
    return " ".join(text.split())


def count_refusal(n: int, settings: Settings, lang: str) -> str | None:
    """The page's answer to more files than one upload may hold (settings.max_upload_files)."""
    if n <= settings.max_upload_files:
        return None
    message = escape(t(lang, "upload_too_many", n=n, max=settings.max_upload_files))
    return f'<div class="upload-report" role="status"><p class="failed">{message}</p></div>'


def report_html(result: UploadResult, letters: Mapping[str, Letter], lang: str) -> str:
    """The upload's report: counts, then the letters by title, the skipped files with their reason."""
    parts = ['<div class="upload-report" role="status">']
    if result.failed:
        parts.append(f'<p class="failed">{escape(t(lang, "upload_failed", reason=result.failed))}</p>')
    else:
        counts = t(
            lang,
            "upload_counts",
            added=len(result.added),
            replaced=len(result.replaced),
            unchanged=len(result.unchanged),
            total=result.letters_total,
        )
        parts.append(f"<p>{escape(counts)}</p>")

    def letter_items(key: str, ids: Sequence[str]) -> None:
        if not ids:
            return
        items = []
        for i in ids:
            x = letters.get(i)
            label = f"{letter_title(x, lang)} — {letter_when(x, lang)}" if x else i
            items.append(f'<li data-letter="{escape(i)}">{escape(label)}</li>')
        parts.append(f'<h5>{escape(t(lang, key))}</h5><ul class="{key}">{"".join(items)}</ul>')

    letter_items("upload_added", result.added)
    letter_items("upload_replaced", result.replaced)
    letter_items("upload_unchanged", result.unchanged)
    letter_items("upload_reread", result.reread)
    if result.skipped:
        items = "".join(
            f'<li class="skipped"><b>{escape(s.name)}</b>: {escape(s.reason)}</li>' for s in result.skipped
        )
        parts.append(f'<h5>{escape(t(lang, "upload_skipped"))}</h5><ul class="upload_skipped">{items}</ul>')
    lost = [
        t(lang, "upload_marker", letter=letter_title(x, lang), label=m.label.strip("[]"))
        + (f" ({t(lang, 'page', n=m.page)})" if m.page else "")
        for i in dict.fromkeys((*result.added, *result.replaced, *result.reread))
        if (x := letters.get(i)) is not None
        for m in x.unresolved_markers
    ]
    if lost:
        items = "".join(f"<li>{escape(x)}</li>" for x in lost)
        parts.append(f'<h5>{escape(t(lang, "upload_markers"))}</h5><ul class="upload_markers">{items}</ul>')
    if result.same_document:
        items = "".join(f"<li>{escape(x)}</li>" for x in result.same_document)
        parts.append(f"<h5>{escape(t(lang, 'upload_same'))}</h5><ul>{items}</ul>")
    if result.notes:
        items = "".join(f"<li>{escape(x)}</li>" for x in result.notes)
        parts.append(f'<h5>{escape(t(lang, "upload_notes"))}</h5><ul class="upload_notes">{items}</ul>')
    parts.append("</div>")
    return "".join(parts)
