"""Word 97-2003 (.doc) to text through a Debian converter: antiword, else catdoc, else LibreOffice.

The converters are optional at run time (scripts/install puts antiword and catdoc in place); without
any, a .doc is refused with one line that says what to install, or to save the file as .docx.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.model import LIST_ITEM, PARAGRAPH, TABLE_ROW, Block

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file every Word 97 document is
TIMEOUT_S = 60


class DocError(Exception):
    """The file is not a Word document the converter can read."""


class ConverterMissing(DocError):
    """No .doc converter is installed."""


def converters() -> list[str]:
    """The installed converters, in the order they are tried."""
    return [name for name in ("antiword", "catdoc", "soffice") if shutil.which(name)]


def _command(tool: str, path: Path, outdir: Path) -> list[str]:
    if tool == "antiword":
        return ["antiword", "-w", "0", "-m", "UTF-8.txt", str(path)]  # -w 0: one line per paragraph
    if tool == "catdoc":
        return ["catdoc", "-w", "-d", "utf-8", str(path)]
    return ["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(outdir), str(path)]


def doc_text(data: bytes) -> tuple[str, str]:
    """(text, converter used) of a .doc file's bytes; raises ConverterMissing or DocError."""
    if not data.startswith(OLE_MAGIC):
        raise DocError("not a Word 97-2003 document (no OLE compound file header)")
    tools = converters()
    if not tools:
        raise ConverterMissing(
            "Word 97 .doc needs a converter: install antiword or catdoc (apt-get install antiword catdoc) "
            "or LibreOffice, or save it as .docx"
        )
    failures = []
    with tempfile.TemporaryDirectory(prefix="brieven-doc-") as tmp:
        path = Path(tmp) / "document.doc"
        path.write_bytes(data)
        env = {**os.environ, "LC_ALL": "C.UTF-8", "HOME": tmp}  # LibreOffice wants a writable profile
        for tool in tools:
            try:
                done = subprocess.run(
                    _command(tool, path, Path(tmp)),
                    capture_output=True,
                    timeout=TIMEOUT_S,
                    env=env,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                failures.append(f"{tool}: {type(exc).__name__}")
                continue
            text = done.stdout.decode("utf-8", "replace")
            if tool == "soffice":
                out = Path(tmp) / "document.txt"
                text = out.read_text("utf-8", "replace") if out.exists() else ""
            if done.returncode == 0 and text.strip():
                return text.replace("\r\n", "\n"), tool
            why = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no text"])[0]
            failures.append(f"{tool}: {why}")
    raise DocError("cannot convert this .doc (" + "; ".join(failures) + ")")


def _cells(line: str) -> list[str] | None:
    """The cells of an antiword table line "|a   |b   |" as printed (padded), or None outside a table."""
    line = line.rstrip()
    if not (line.startswith("|") and line.endswith("|") and len(line) > 1):
        return None
    return line[1:-1].split("|")


def _wraps(previous: list[str], cells: list[str]) -> bool:
    """A table line continues the row above: every cell it fills was filled to its width above.

    antiword wraps a long cell onto the next line; a line that was not full ended its paragraph, so
    text under it is a new row ("MOTIE VAN HET LID X" then "Voorgesteld …" in the same column).
    """
    for above, cell in zip(previous, cells, strict=True):
        words = cell.split()
        if words and len(above.rstrip()) < len(above) - len(words[0]) - 1:
            return False
    return any(c.strip() for c in cells)


def text_blocks(text: str) -> tuple[Block, ...]:
    """A converter's text as blocks (pure).

    Outside tables, blank lines separate paragraphs. antiword prints a table row per line, "|a|b|",
    padding each cell to its column's width and wrapping a long cell onto the next lines; so a table
    line that continues full cells above (see _wraps) belongs to the same row, each cell's lines
    joined by line breaks. A row with two or more filled cells is a table_row; a row with one filled
    cell (a motie is typeset in a layout table) is a paragraph.
    """
    blocks: list[Block] = []
    row: list[list[str]] = []
    last: list[str] = []

    def flush_row() -> None:
        filled = ["\n".join(line for line in cell if line) for cell in row]
        filled = [c for c in filled if c]
        if len(filled) >= 2:
            blocks.append(Block(TABLE_ROW, " | ".join(filled), label=filled[0].split("\n")[0]))
        elif filled:
            blocks.append(Block(PARAGRAPH, filled[0]))
        row.clear()

    paragraph: list[str] = []

    def flush_paragraph() -> None:
        text = "\n".join(paragraph).strip()
        if text:
            bullet = re.match(r"^(?:[•·]|o|-)\s+", text)
            if bullet:
                blocks.append(Block(LIST_ITEM, "• " + text[bullet.end() :]))
            else:
                blocks.append(Block(PARAGRAPH, text))
        paragraph.clear()

    for raw in text.replace("\r", "").split("\n"):
        cells = _cells(raw)
        if cells is None:
            flush_row()
            last = []
            if raw.strip():
                paragraph.append(" ".join(raw.split()))
            else:
                flush_paragraph()
            continue
        flush_paragraph()
        if row and not (len(cells) == len(row) == len(last) and _wraps(last, cells)):
            flush_row()
        if any(c.strip() for c in cells):
            if not row:
                row.extend([] for _ in cells)
            for column, cell in zip(row, cells, strict=True):
                column.append(" ".join(cell.split()))
        last = cells
    flush_row()
    flush_paragraph()
    return tuple(blocks)
