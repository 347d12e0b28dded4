"""Word 97-2003 (.doc) to text through a Debian converter: antiword, else catdoc, else LibreOffice.

The converters are optional at run time (scripts/install puts antiword and catdoc in place); without
any, a .doc is refused with one line that says what to install, or to save the file as .docx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

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
