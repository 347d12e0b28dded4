"""The demo letters with footnote gold, typeset as ministry PDFs by the test and read back from their layout.

Each PDF (tests/pdf_typeset.py) has real CSS footnotes with raised calls, a letterhead and a page
footer "Pagina n van m"; the links read from it must match the gold of the text version, and its
metadata must be what the text version gives.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from ingest.loaders import load_document
from ingest.parse import parse_letter
from tests.pdf_demo import HEADER_PARAGRAPHS, letterhead_for
from tests.pdf_typeset import typeset
from tests.test_footnote_gold import norm, score

pytest.importorskip("weasyprint")

GOLD = Path(__file__).parent / "gold"
LETTERS = sorted(HEADER_PARAGRAPHS)
FIELDS = ("title", "date", "sender", "addressee", "kamerstuk", "kenmerk", "kind")


@pytest.fixture(scope="session")
def demo_pdfs(demo_letters, tmp_path_factory) -> dict[str, tuple[Path, object]]:
    """Each letter typeset once per session: name -> (PDF path, the letter read back from it)."""
    folder = tmp_path_factory.mktemp("demo-pdf")
    out = {}
    for name in LETTERS:
        text_letter = demo_letters[name]
        path = folder / name.replace(".txt", ".pdf")
        path.write_bytes(typeset(text_letter, letterhead_for(name, text_letter), HEADER_PARAGRAPHS[name]))
        out[name] = (path, parse_letter(load_document(path)))
    return out


def pdf_gold(name: str) -> dict:
    """The text version's gold, its labels as a PDF's calls read ("[3]"): a call printed raised
    has no printed form of its own; a neighbour marker in the context reads "[32]," likewise."""
    gold = json.loads((GOLD / f"footnotes_{name[:3]}.json").read_text(encoding="utf-8"))

    def call(label: str) -> str:
        return label if label.startswith("[") else f"[{label}]"

    def context(text: str) -> str:
        return re.sub(r"(?<=\D)(\d{1,3}),$", r"[\1],", text.strip())

    return {**gold, "markers": [[call(lb), context(cx), tx] for lb, cx, tx in gold["markers"]]}


@pytest.mark.parametrize("name", LETTERS)
def test_links_read_from_the_pdf_match_the_gold(demo_pdfs, name):
    _, letter = demo_pdfs[name]
    precision, recall, problems = score(letter, pdf_gold(name))
    print(f"{name} as PDF: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.97 and recall >= 0.97, "\n".join(problems)


@pytest.mark.parametrize("name", LETTERS)
def test_metadata_is_what_the_text_version_gives(demo_pdfs, demo_letters, name):
    _, letter = demo_pdfs[name]
    text_letter = demo_letters[name]
    got = {f: getattr(letter, f) for f in FIELDS}
    assert got == {f: getattr(text_letter, f) for f in FIELDS}
    assert letter.format == "pdf" and letter.footnotes and all(fn.page for fn in letter.footnotes)


@pytest.mark.parametrize("name", LETTERS)
def test_footnotes_are_the_text_versions(demo_pdfs, demo_letters, name):
    _, letter = demo_pdfs[name]
    expected = sorted((fn.number, norm(fn.text)) for fn in demo_letters[name].footnotes)
    # sorted: WeasyPrint may print a footnote deferred from the page before after the page's own
    assert sorted((fn.number, norm(fn.text)) for fn in letter.footnotes) == expected
    lost = sorted(m.number for m in demo_letters[name].unresolved_markers)
    assert sorted(m.number for m in letter.unresolved_markers) == lost
    if lost:  # reported per letter, never filled in
        assert any("without footnote text" in note for note in letter.reader_notes)


@pytest.mark.parametrize("name", LETTERS)
def test_letterhead_and_page_furniture_are_not_body_text(demo_pdfs, demo_letters, name):
    path, letter = demo_pdfs[name]
    first_page = extract_text(str(path), page_numbers=[0])
    assert "Pagina 1 van" in first_page  # the footer is printed ...
    for printed in (
        "Pagina ",
        "Retouradres",
        "Postbus 2001",
        "Ministerie van Binnenlandse Zaken",
    ):  # ... not read
        assert printed not in letter.text, printed
    assert not re.search(r"^(Datum|Betreft|datum|betreft)\b", letter.text, re.M)
    # the body starts where the text version's body starts, after its header
    body_start = demo_letters[name].text.split("\n\n")[HEADER_PARAGRAPHS[name]]
    assert norm(letter.text.split("\n\n")[0]) == norm(body_start)


def test_headings_come_from_type_size_and_weight(demo_pdfs):
    _, letter = demo_pdfs["003_8bc0e4d4bf612069.txt"]
    heads = {s.heading: s.level for s in letter.sections if s.heading}
    assert heads["1. Toegankelijke en mensgerichte (digitale) dienstverlening"] == 1
    assert heads["1.1.1 Digitale dienstverlening"] == 3
    mitid = next(s for s in letter.sections if s.heading.startswith("2.2.1 Onderzoeken MitID"))
    assert mitid.path[0].startswith("2. ") and mitid.level == 3
