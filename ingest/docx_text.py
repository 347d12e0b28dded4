"""DOCX read by its structure: Word heading styles, list items, table rows, and Word's own footnotes.

The body is walked in order (python-docx's XML, no rewrapping): a paragraph with a heading style
("Heading 2", "Kop 2", "Title") or an outline level is a heading; one with numbering or a list style
is a list item ("• " put in front, as the text of every other format has it); a table row with two or
more filled cells is a table_row block ("cell | cell", label = the first cell), while a row with one
filled cell is layout (moties are typeset in a table) and its paragraphs are read as paragraphs.
Each footnote reference becomes "[n]" in place, n its order of appearance (as Word shows it), and
the texts come from the footnotes part.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ingest.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block, Footnote

DOCX_STYLE = "docx"  # Footnote.style for Word's own footnotes (structural, like XML's <noot>)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE_RE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.I)
_TITLE_STYLES = {"title", "titel"}
_LIST_STYLE_RE = re.compile(r"\b(?:list|lijst)", re.I)


@dataclass(frozen=True)
class DocxDocument:
    """A Word document's blocks, full text (paragraphs by blank lines, lists as "• " lines), footnotes."""

    text: str
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]


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


class _Reader:
    """Walks w:body in order; numbers footnote references as they appear."""

    def __init__(self, document: object) -> None:
        self.document = document
        self.notes = _footnote_texts(document)
        self.numbers: dict[str, int] = {}
        self.footnotes: list[Footnote] = []
        self.styles = {s.style_id: s for s in document.styles}  # type: ignore[attr-defined]

    def _runs(self, el: etree._Element) -> Iterator[str]:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in (f"{_W}del", _MC_FALLBACK, f"{_W}pPr", f"{_W}rPr"):
                continue  # deleted text; the fallback copy of a text box; properties
            if tag == f"{_W}t":
                yield child.text or ""
            elif tag == f"{_W}tab":
                yield "\t"  # kept: a tab separates columns ("36 278<tab>Wijziging …", two signers)
            elif tag in (f"{_W}br", f"{_W}cr"):
                yield " "
            elif tag == f"{_W}noBreakHyphen":
                yield "-"
            elif tag == f"{_W}footnoteReference":
                yield self._reference(child.get(f"{_W}id", ""))
            else:
                yield from self._runs(child)

    def _reference(self, note_id: str) -> str:
        if note_id not in self.numbers:
            n = self.numbers[note_id] = len(self.numbers) + 1
            if note_id in self.notes:
                self.footnotes.append(Footnote(f"fn{n}", n, str(n), DOCX_STYLE, self.notes[note_id]))
        return f"[{self.numbers[note_id]}]"

    def _style(self, p: etree._Element) -> tuple[str, int]:
        """(kind, heading level) of a paragraph from its style and properties; level 0 for bold text."""
        ppr = p.find(f"{_W}pPr")
        style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = style_el.get(f"{_W}val") if style_el is not None else None
        style = self.styles.get(style_id) if style_id else None
        name = (style.name if style is not None else style_id) or ""
        heading = _HEADING_STYLE_RE.match(name)
        if heading:
            return HEADING, int(heading.group(1))
        if name.lower() in _TITLE_STYLES:
            return HEADING, 1
        outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
        level = outline.get(f"{_W}val", "") if outline is not None else ""
        if level.isdigit() and int(level) < 9:
            return HEADING, int(level) + 1
        numbered = ppr is not None and ppr.find(f"{_W}numPr") is not None
        if numbered or _LIST_STYLE_RE.search(name):
            return LIST_ITEM, 0
        if self._bold(p, style):
            return HEADING, 0  # set in bold: a heading if it reads like one (see paragraph)
        return PARAGRAPH, 0

    @staticmethod
    def _bold(p: etree._Element, style: object) -> bool:
        """Every run with text is bold, by its own properties or its paragraph style."""
        style_bold = bool(style is not None and getattr(getattr(style, "font", None), "bold", None))
        runs = [r for r in p.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()]
        if not runs:
            return False
        for r in runs:
            b = r.find(f"{_W}rPr/{_W}b")
            on = b is not None and b.get(f"{_W}val", "true") not in ("0", "false")
            off = b is not None and not on
            if off or not (on or style_bold):
                return False
        return True

    def paragraph(self, p: etree._Element) -> Block | None:
        text = re.sub(r"\s*\t\s*", "\t", re.sub(r"[^\S\t]+", " ", "".join(self._runs(p)))).strip()
        if not text:
            return None
        kind, level = self._style(p)
        if kind == HEADING and level == 0:
            # a short bold line is a letter's heading (Word letters rarely use heading styles);
            # bold body text (a sentence, a warning) is not
            kind, level = (HEADING, 2) if _heading_like(text) else (PARAGRAPH, 0)
        return Block(kind, "• " + text if kind == LIST_ITEM else text, level)

    def blocks(self, body: etree._Element) -> Iterator[Block]:
        for child in body:
            if child.tag == f"{_W}p":
                block = self.paragraph(child)
                if block:
                    yield block
            elif child.tag == f"{_W}tbl":
                yield from self.table(child)
            elif child.tag == f"{_W}sdt":  # a content control: its content is body
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from self.blocks(content)

    def table(self, tbl: etree._Element) -> Iterator[Block]:
        for tr in tbl.findall(f"{_W}tr"):
            cells = [list(self.blocks(tc)) for tc in tr.findall(f"{_W}tc")]
            filled = [c for c in cells if c]
            if len(filled) >= 2:
                texts = [" ".join(b.text for b in c) for c in filled]
                yield Block(TABLE_ROW, " | ".join(texts), label=texts[0])
            elif filled:
                yield from filled[0]  # layout: a one-column row reads as the paragraphs it holds


def _heading_like(text: str) -> bool:
    return len(text) <= 120 and not text.endswith((".", ",", ";", ":")) and not text[:1].islower()


def blocks_text(blocks: Iterable[Block]) -> str:
    """The full text of blocks: paragraphs separated by blank lines, a run of list items as one."""
    parts: list[str] = []
    previous_item = False
    for b in blocks:
        item = b.kind == LIST_ITEM
        if item and previous_item:
            parts[-1] += "\n" + b.text
        else:
            parts.append(b.text)
        previous_item = item
    return "\n\n".join(parts) + "\n"


def docx_document(data: bytes) -> DocxDocument:
    """Blocks, text and footnotes of a DOCX file; python-docx and lxml errors propagate."""
    document = Document(io.BytesIO(data))
    reader = _Reader(document)
    blocks = tuple(reader.blocks(document.element.body))
    return DocxDocument(blocks_text(blocks), blocks, tuple(reader.footnotes))


def element_text(elements: Iterable[object]) -> str:
    """unstructured's element texts as paragraphs separated by blank lines; list items as "• " lines.

    unstructured strips a list item's bullet (and Word/HTML lists have none in their text); the
    bullet is put back so that lists read the same as in PDF text.
    """
    return blocks_text(element_blocks(elements))


def element_blocks(elements: Iterable[object]) -> list[Block]:
    """unstructured's elements (HTML) as blocks: Title a heading, ListItem a list item, Table rows split."""
    out: list[Block] = []
    for el in elements:
        text = str(getattr(el, "text", "") or "").strip()
        if not text:
            continue
        category = getattr(el, "category", "")
        if category == "ListItem":
            out.append(Block(LIST_ITEM, "• " + text))
        else:
            out.append(Block(PARAGRAPH, text))
    return out
