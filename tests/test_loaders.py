"""Each input format, read from a small file the test writes: text, pages, footnotes, metadata, discovery."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.loaders import RawDocument, discover, load_document
from ingest.model import Member
from ingest.xml_reader import read_publication
from tests import input_files as f

MOTIES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "moties-xml"


def test_pdf_keeps_lines_and_separates_pages(tmp_path: Path) -> None:
    data = f.pdf_bytes([f.PAGE_1, f.PAGE_2])
    doc = load_document(f.write(tmp_path, "brief.pdf", data))
    assert doc.format == "pdf" and doc.source == str(tmp_path / "brief.pdf")
    assert doc.digest == hashlib.sha256(data).hexdigest()
    page1, page2 = doc.text.split("\f")
    # The parser needs the line structure: a hyphenated line break, glued markers, bullets and
    # the page-bottom footnote block, each footnote on its own line.
    assert "naar MitID.21 De uitvoe-\nring van de motie loopt. Zie ook technologieën20." in page1
    assert "• eerste punt\n• tweede punt" in page1
    assert "\n20 TZ202504-147\n21 Kamerstukken II 2024/25, 26643, nr. 1287\n" in page1
    assert page2.startswith("1. T03926: Toezegging Gesprek met IPO\nDe staatssecretaris zegt toe.")
    assert doc.footnotes == ()  # PDF footnotes are the parser's job


def test_pdf_encrypted_only_against_editing_is_read(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "beveiligd.pdf", f.encrypted_pdf_bytes(user_password="")))
    assert "Betreft Voortgang digitale identiteit" in doc.text


def test_docx_text_lists_and_footnotes(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "brief.docx", f.docx_bytes()))
    assert doc.format == "docx"
    paragraphs = doc.text.strip().split("\n\n")
    assert paragraphs == [
        "Voortgang digitale identiteit",
        "Het kabinet heeft onderzoek gedaan naar MitID.[1]",
        "• eerste punt\n• tweede punt",
        "De motie is uitgevoerd.[2]",
    ]
    # Word's ids were 5 and 2; the numbers are the order of the references, as Word shows them.
    assert [(n.id, n.number, n.label, n.text) for n in doc.footnotes] == [
        ("fn1", 1, "1", "TZ202504-147"),
        ("fn2", 2, "2", "Kamerstukken II 2024/25, 26643, nr. 1287"),
    ]


def test_docx_without_footnotes(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "kaal.docx", f.docx_bytes(footnotes=False)))
    assert doc.footnotes == () and "[1]" not in doc.text
    assert "De motie is uitgevoerd." in doc.text


def test_html_text_is_unescaped_data(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "brief.html", f.HTML))
    assert doc.format == "html"
    assert doc.text.strip().split("\n\n") == [
        "Voortgang digitale identiteit",
        "Het kabinet heeft onderzoek gedaan naar MitID & eID.",
        "• eerste punt\n• tweede punt",
        "Ingevoegde tekst: <script>alert(1)</script> blijft tekst.",
    ]


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>Geïnformeerd over één café.</p></body></html>'
    )
    doc = load_document(f.write(tmp_path, "oud.htm", page.encode("latin-1")))
    assert doc.text.strip() == "Geïnformeerd over één café." and doc.notes == ()


@pytest.mark.parametrize("name", ["brief.txt", "brief.text", "brief.md"])
def test_text_is_verbatim(tmp_path: Path, name: str) -> None:
    doc = load_document(f.write(tmp_path, name, f.TEXT))
    assert doc.format == "text" and doc.text == f.TEXT and doc.notes == ()


def test_text_bom_and_windows_newlines(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + f.TEXT.replace("\n", "\r\n").encode("utf-8")
    doc = load_document(f.write(tmp_path, "bom.txt", data))
    assert doc.text == f.TEXT and doc.notes == ()


def test_text_in_windows_1252_is_decoded_and_reported(tmp_path: Path) -> None:
    original = "Geïnformeerd over de “Woo” – kosten € 752.000,-\n"
    doc = load_document(f.write(tmp_path, "ansi.txt", original.encode("cp1252")))
    assert doc.text == original  # no mojibake
    assert len(doc.notes) == 1 and "Windows-1252" in doc.notes[0] and "not valid UTF-8" in doc.notes[0]


def test_utf16_with_bom(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "utf16.txt", "Geïnformeerd\n".encode("utf-16")))
    assert doc.text == "Geïnformeerd\n" and "UTF-16" in doc.notes[0]


def test_xml_metadata_text_and_noot_markers(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "kst.xml", f.publication_xml()))
    assert doc.format == "xml"
    assert (doc.identifier, doc.kamerstuk, doc.date, doc.kind) == (
        "kst-26643-1371",
        "26643 nr. 1371",
        date(2025, 7, 11),
        "Brief",
    )
    assert (doc.title, doc.sender, doc.addressee) == (
        "Brief over de digitale identiteit",
        "Z.E.L. Szabó",
        "Tweede Kamer",
    )
    paragraphs = doc.text.strip().split("\n\n")
    assert "2. Onderzoek MitID" in paragraphs  # the heading on its own line, number and title
    assert "Het kabinet heeft onderzoek gedaan naar MitID.[1] Zie ook de toezegging.[2]" in paragraphs
    assert "– eerste punt" in paragraphs
    assert "2" not in paragraphs  # the printed page header is not body text
    assert [(n.id, n.number, n.label, n.style, n.text) for n in doc.footnotes] == [
        ("fn1", 1, "1", "xml", "Kamerstukken II 2024/25, 26 643, nr. 1287"),
        ("fn2", 2, "2", "xml", "TZ202504-147"),
    ]
    # every marker in the text has its footnote and the other way round
    assert {f"[{n.number}]" for n in doc.footnotes} == {"[1]", "[2]"}
    assert "TZ202504-147" not in doc.text  # footnote text lives in footnotes, not in the body


def test_xml_noot_with_nr_attribute_and_restart() -> None:
    data = (
        b"<officiele-publicatie><brief>"
        b"<al>Een<noot nr='1'>eerste</noot> en twee<noot nr='2'>tweede</noot>.</al>"
        b"<bijlage><al>Bijlage<noot nr='1'>opnieuw</noot></al></bijlage></brief></officiele-publicatie>"
    )
    pub = read_publication(data)
    assert pub.text == "Een[1] en twee[2].\n\nBijlage[1]\n"
    assert [(n.id, n.text) for n in pub.footnotes] == [
        ("fn1", "eerste"),
        ("fn2", "tweede"),
        ("fn1.2", "opnieuw"),
    ]


@pytest.mark.skipif(not MOTIES.is_dir(), reason="shared moties corpus not present")
def test_all_moties_xml_are_read() -> None:
    files = sorted(MOTIES.glob("*.xml"))
    assert len(files) == 12
    for path in files:
        doc = load_document(path)
        dossier, nr = path.stem.split("-")[1:]
        assert doc.identifier == path.stem and doc.kamerstuk == f"{dossier} nr. {nr}"
        assert doc.kind == "Motie" and doc.addressee == "Tweede Kamer"
        assert doc.date is not None and doc.title and doc.title.startswith(("Motie", "Gewijzigde motie"))
        assert doc.sender  # the indieners
        assert "De Kamer," in doc.text and "en gaat over tot de orde van de dag." in doc.text
        assert doc.footnotes == ()


@pytest.mark.skipif(not MOTIES.is_dir(), reason="shared moties corpus not present")
def test_motie_1341_exactly() -> None:
    doc = load_document(MOTIES / "kst-26643-1341.xml")
    assert doc.date == date(2025, 5, 27)
    # the indieners as printed under the motie, the first indiener (named in the title) first
    assert doc.sender == "Michon-Derkzen, Kathmann"
    assert doc.indieners == (Member("Michon-Derkzen"), Member("Kathmann"))
    own = "Motie van de leden Michon-Derkzen en Kathmann"
    dossier = "Informatie- en communicatietechnologie (ICT)"
    assert doc.title == f"{own}; {dossier}"
    blocks = [(b.kind, b.label, b.text) for b in doc.blocks]
    assert blocks[:3] == [
        ("heading", None, "Motie van de leden Michon-Derkzen en Kathmann"),
        ("paragraph", "opening", "De Kamer,"),
        ("paragraph", "opening", "gehoord de beraadslaging,"),
    ]
    assert [b for b in blocks if b[1] == "ask"] == [
        (
            "paragraph",
            "ask",
            "verzoekt de regering om een zichtbaar en benaderbaar loket over cybersecurity te borgen voor "
            "mkb-ondernemers,",
        )
    ]
    assert blocks[-1] == (
        "paragraph",
        "closing",
        "en gaat over tot de orde van de dag.\nMichon-Derkzen\nKathmann",
    )
    # the printed header is metadata, not body: no block is the dossier, "Nr. 1341" or "Voorgesteld …"
    assert not [b for b in blocks if "26 643" in b[2] or b[2] == "Nr. 1341" or b[2].startswith("Voorgesteld")]


def test_discover_expands_folders_and_reports_unknown_types(tmp_path: Path) -> None:
    a = f.write(tmp_path, "map/a.txt", "a")
    b = f.write(tmp_path, "map/sub/b.PDF", f.pdf_bytes([["b"]]))
    f.write(tmp_path, "map/.verborgen/c.txt", "c")
    f.write(tmp_path, "map/.d.txt", "d")
    odd = f.write(tmp_path, "map/e.xyz", "e")
    doc = f.write(tmp_path, "map/f.rtf", "f")
    files, errors = discover([tmp_path / "map", a, tmp_path / "bestaat-niet.pdf"])
    assert files == [a, b]  # sorted, hidden skipped, a given twice counted once
    assert [(e.path, e.reason) for e in errors] == [
        (str(odd), "unsupported file type .xyz"),
        (str(doc), "unsupported file type .rtf; save it as .docx"),
        (str(tmp_path / "bestaat-niet.pdf"), "no such file or folder"),
    ]


def test_load_document_result_type(tmp_path: Path) -> None:
    doc = load_document(f.write(tmp_path, "a.txt", "hallo\n"))
    assert isinstance(doc, RawDocument)
    with pytest.raises(InputError) as info:
        load_document(tmp_path / "weg.txt")
    assert info.value.reason == "no such file"
