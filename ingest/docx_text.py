"""DOCX text through unstructured, with Word footnotes kept: "[n]" at each reference, texts as Footnotes."""

from __future__ import annotations

import io
from collections.abc import Iterable

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ingest.model import Footnote
from ingest.offline_nlp import ensure_offline

ensure_offline()  # before the first import of unstructured: no telemetry, no spaCy download

from unstructured.partition.docx import partition_docx  # noqa: E402

DOCX_STYLE = "docx"  # Footnote.style for Word's own footnotes (structural, like XML's <noot>)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnote_texts(document: object) -> dict[str, str]:
    """Footnote id -> text, from the footnotes part; the separator notes (no text) drop out."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES),  # type: ignore[attr-defined]
        None,
    )
    if part is None:
        return {}
    root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    texts: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        paragraphs = []
        for p in note.iter(f"{_W}p"):
            words = [
                t.text or "" if t.tag == f"{_W}t" else " " for t in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br")
            ]
            paragraphs.append("".join(words).strip())
        text = " ".join(p for p in paragraphs if p)
        if text:
            texts[note.get(f"{_W}id", "")] = text
    return texts


def element_text(elements: Iterable[object]) -> str:
    """Element texts as paragraphs separated by blank lines; list items as "• " lines of one block.

    unstructured strips a list item's bullet (and Word/HTML lists have none in their text); the
    bullet is put back so that lists read the same as in PDF text.
    """
    blocks: list[str] = []
    previous_item = False
    for el in elements:
        text = str(getattr(el, "text", "") or "").strip()
        if not text:
            continue
        item = getattr(el, "category", "") == "ListItem"
        if item:
            text = "• " + text
        if item and previous_item:
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
        previous_item = item
    return "\n\n".join(blocks) + "\n"


def docx_document(data: bytes) -> tuple[str, tuple[Footnote, ...]]:
    """Text and footnotes of a DOCX file; python-docx and unstructured errors propagate."""
    document = Document(io.BytesIO(data))
    notes = _footnote_texts(document)
    footnotes: list[Footnote] = []
    numbers: dict[str, int] = {}
    # Word numbers footnote references in the order they appear, whatever their ids; the number
    # shown in the body is that order. Each reference becomes a "[n]" text at its own position,
    # so that unstructured's text carries the marker where the reader sees it.
    for ref in list(document.element.body.iter(qn("w:footnoteReference"))):
        note_id = ref.get(qn("w:id"), "")
        if note_id not in numbers:
            numbers[note_id] = len(numbers) + 1
            n = numbers[note_id]
            if note_id in notes:
                note = Footnote(id=f"fn{n}", number=n, label=str(n), style=DOCX_STYLE, text=notes[note_id])
                footnotes.append(note)
        marker = OxmlElement("w:t")
        marker.text = f"[{numbers[note_id]}]"
        ref.getparent().replace(ref, marker)
    buffer = io.BytesIO()
    if numbers:
        document.save(buffer)
    else:
        buffer.write(data)  # nothing changed: hand unstructured the file as it is
    buffer.seek(0)
    return element_text(partition_docx(file=buffer)), tuple(footnotes)
