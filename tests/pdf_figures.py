"""Per PDF of one part of the real corpora: calls found and linked, footnotes, doubts and metadata.

python -m tests.pdf_figures development     # or: measurement
"""

from __future__ import annotations

import sys

from eval.splits import files
from ingest.loaders import load_document
from ingest.parse import parse_letter

CORPORA = ("kamerbrieven-pdf", "besluitenlijsten-pdf", "moties-docx-pdf")


def figures(path) -> dict:
    letter = parse_letter(load_document(path))
    called = {m.footnote_id for m in letter.markers if m.footnote_id}
    return {
        "file": path.name,
        "calls": len(letter.markers),
        "linked": sum(1 for m in letter.markers if m.footnote_id),
        "footnotes": len(letter.footnotes),
        "footnotes_called": sum(1 for fn in letter.footnotes if fn.id in called),
        "sections": sum(1 for s in letter.sections if s.heading),
        "kind": letter.kind,
        "date": str(letter.date) if letter.date else None,
        "title": letter.title,
        "sender": letter.sender,
        "addressee": letter.addressee,
        "kenmerk": letter.kenmerk,
        "kamerstuk": letter.kamerstuk,
        "notes": list(letter.reader_notes),
    }


def main(part: str) -> None:
    for corpus in CORPORA:
        for path in files(corpus, part):
            if path.suffix.lower() != ".pdf" or not path.exists():
                continue
            row = figures(path)
            print(f"{corpus}/{row.pop('file')}")
            for key, value in row.items():
                print(f"    {key}: {value}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "development")
