"""Small input files that tests write themselves: PDF (hand-built bytes), DOCX, HTML, text, XML, bad ones."""

from __future__ import annotations

import io
import random
from pathlib import Path

# A letter in miniature: a heading, a hyphenated line break, glued footnote markers, bullets and
# a page-bottom footnote block; page 2 holds a numbered committee item.
PAGE_1 = [
    "Datum 10 juli 2026",
    "Betreft Voortgang digitale identiteit",
    "",
    "2.2.1 Onderzoeken MitID",
    "Het kabinet heeft onderzoek gedaan naar MitID.21 De uitvoe-",
    "ring van de motie loopt. Zie ook technologieën20.",
    "",
    "• eerste punt",
    "• tweede punt",
    "",
    "20 TZ202504-147",
    "21 Kamerstukken II 2024/25, 26643, nr. 1287",
]
PAGE_2 = ["1. T03926: Toezegging Gesprek met IPO", "De staatssecretaris zegt toe."]


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")  # the WinAnsiEncoding of the font below
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A valid PDF with one Helvetica text line per entry; an empty list is a page without text."""
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    ]
    contents = []
    for lines in pages:
        ops = (
            [b"BT /F1 11 Tf 14 TL 72 760 Td"]
            + [b"(" + _escape(line) + b") Tj T*" for line in lines]
            + [b"ET"]
        )
        stream = b"\n".join(ops) if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        contents.append(len(objects))
    pages_id = len(objects) + len(pages) + 1
    kids = []
    for content in contents:
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >>"
            b" /Contents %d 0 R >>" % (pages_id, content)
        )
        kids.append(len(objects))
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)


def encrypted_pdf_bytes(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([PAGE_1]))))
    writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def garbage_bytes(size: int = 4096) -> bytes:
    return random.Random(7).randbytes(size)


def docx_bytes(footnotes: bool = True) -> bytes:
    """A Word letter with a heading, body text, a bullet list and (optionally) two real footnotes."""
    from docx import Document
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_heading("Voortgang digitale identiteit", level=1)
    para = doc.add_paragraph("Het kabinet heeft onderzoek gedaan naar MitID.")
    doc.add_paragraph("eerste punt", style="List Bullet")
    doc.add_paragraph("tweede punt", style="List Bullet")
    tail = doc.add_paragraph("De motie is uitgevoerd.")
    if footnotes:
        # Word's ids need not follow the order of the references; the shown numbers do.
        for paragraph, note_id in ((para, "5"), (tail, "2")):
            run = paragraph.add_run()
            ref = OxmlElement("w:footnoteReference")
            ref.set(qn("w:id"), note_id)
            run._r.append(ref)
        w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        notes_xml = (
            f'<w:footnotes xmlns:w="{w}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> TZ202504-147</w:t></w:r></w:p></w:footnote>'
            '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
            " Kamerstukken II 2024/25, 26643, nr. 1287</w:t></w:r></w:p></w:footnote></w:footnotes>"
        ).encode()
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes_xml, doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


HTML = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Kamerbrief</title></head>
<body>
<h1>Voortgang digitale identiteit</h1>
<p>Het kabinet heeft onderzoek gedaan naar MitID &amp; eID.</p>
<ul><li>eerste punt</li><li>tweede punt</li></ul>
<p>Ingevoegde tekst: &lt;script&gt;alert(1)&lt;/script&gt; blijft tekst.</p>
</body></html>
"""

TEXT = (
    "  aan De leden van de vaste commissie voor \n\nDigitalisering \n\n datum 16 januari 2025   \n"
    "\n1. T03926: Toezegging Gesprek met IPO \nover hergebruik van onderzoeks-\ngegevens (36.382) \n"
)


def publication_xml(with_notes: bool = True, root: str = "officiele-publicatie") -> bytes:
    """An official publication in the shape of the Kamerstuk XML, with two <noot>s."""
    note = (
        '<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstukken II 2024/25, '
        '<extref doc="kst-26643-1287">26 643, nr. 1287</extref></noot.al></noot>'
    )
    note2 = '<noot id="n2" type="voet"><noot.nr>2</noot.nr><noot.al>TZ202504-147</noot.al></noot>'
    body_notes = (note, note2) if with_notes else ("", "")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<{root}>
  <metadata>
    <meta name="DC.identifier" content="kst-26643-1371"/>
    <meta name="OVERHEIDop.dossiernummer" content="26643"/>
    <meta name="OVERHEIDop.ondernummer" content="1371"/>
    <meta name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Brief"/>
    <meta name="DC.type" scheme="OVERHEIDop.Parlementair" content="Kamerstuk"/>
    <meta name="OVERHEIDop.documenttitel" content="Brief over de digitale identiteit"/>
    <meta name="OVERHEIDop.indiener" content="Z.E.L. Szabó"/>
    <meta name="DC.creator" content="Tweede Kamer der Staten-Generaal"/>
    <meta name="DCTERMS.issued" content="2025-07-11"/>
  </metadata>
  <kamerstuk>
    <kamerstukkop><tekstregel inhoud="kamernummer">2</tekstregel></kamerstukkop>
    <stuk>
      <stuknr>Nr. <ondernummer>1371</ondernummer></stuknr>
      <titel>BRIEF VAN DE STAATSSECRETARIS</titel>
      <algemeen><vrije-tekst><tekst>
        <divisie><kop><nr>2.</nr><titel>Onderzoek MitID</titel></kop>
          <al>Het kabinet heeft <nadruk type="cur">onderzoek</nadruk> gedaan naar
          MitID.{body_notes[0]} Zie ook de toezegging.{body_notes[1]}</al>
          <lijst><li><li.nr>–</li.nr><al>eerste punt</al></li></lijst>
        </divisie>
      </tekst></vrije-tekst></algemeen>
    </stuk>
  </kamerstuk>
</{root}>
""".encode()


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each bad-input case: its file and a fragment the one-line reason must contain."""
    whole = pdf_bytes([PAGE_1, PAGE_2])
    return {
        "empty": (write(tmp, "leeg.pdf", b""), "empty file"),
        "garbage": (write(tmp, "rommel.pdf", garbage_bytes()), "not a PDF (bad header)"),
        "truncated": (write(tmp, "afgebroken.pdf", whole[: len(whole) // 2]), "corrupt PDF"),
        "encrypted": (write(tmp, "versleuteld.pdf", encrypted_pdf_bytes("geheim")), "encrypted PDF"),
        "scanned": (write(tmp, "scan.pdf", pdf_bytes([[], []])), "no extractable text"),
        "unknown": (write(tmp, "brief.xyz", b"hallo"), "unsupported file type .xyz"),
        "binary_text": (write(tmp, "binair.txt", b"\x00\x01\x02hallo\x00"), "binary data"),
        "bad_encoding": (write(tmp, "vreemd.txt", b"caf\xe9 \x81\x8d"), "unknown text encoding"),
        "not_docx": (write(tmp, "nep.docx", b"PK\x03\x04 geen zip"), "not a DOCX"),
        "malformed_xml": (write(tmp, "kapot.xml", b"<officiele-publicatie><al>open"), "malformed XML"),
        "other_xml": (write(tmp, "ander.xml", b"<rss><channel/></rss>"), "not an official publication"),
    }
