"""Reads the official publication XML (<officiele-publicatie>): metadata, paragraphs, headings, <noot>s."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from ingest.model import XML, Footnote

# Elements that carry no body text: metadata, the printed page header (its facts are in the
# metadata), and footnote texts (read where their markers stand).
_SKIP = {"metadata", "meta", "kamerstukkop", "noot"}
# Paragraph-level elements; anything else with text directly inside it is a paragraph as well.
_PARAGRAPHS = {"al", "tekstregel", "stuknr", "datumtekst", "dossiernr", "titel", "tussenkop"}
# Elements whose element children are separate words on one line: "<nr>2.</nr><titel>Doel</titel>".
_ONE_LINE = {"kop", "li", "row"}
_SEPARATOR = {"row": " | "}
_CHAMBERS = {
    "Tweede Kamer der Staten-Generaal": "Tweede Kamer",
    "Eerste Kamer der Staten-Generaal": "Eerste Kamer",
}


class XmlFormatError(ValueError):
    """The XML is well formed but is not an official publication we can read."""


@dataclass(frozen=True)
class Publication:
    """What an official publication XML holds: text with "[n]" markers, footnotes and metadata."""

    text: str
    footnotes: tuple[Footnote, ...]
    identifier: str | None  # DC.identifier, e.g. "kst-26643-1341"
    title: str | None
    date: date | None
    kamerstuk: str | None  # "26643 nr. 1341"
    sender: str | None  # the indieners, comma separated
    addressee: str | None  # "Tweede Kamer" | "Eerste Kamer"
    kind: str | None  # "Motie", "Brief", ...


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _meta(root: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in root.iter("{*}meta"):
        name, content = meta.get("name"), (meta.get("content") or "").strip()
        if name and content:
            found.setdefault(name, []).append(content)
    return found


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class _TextBuilder:
    """Walks the body in document order; inline <noot>s become "[n]" markers in the paragraph."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.footnotes: list[Footnote] = []

    def inline(self, el: etree._Element) -> str:
        name = _local(el.tag)
        if name in _ONE_LINE:
            parts = [_squash(self.inline(c)) for c in el if _local(c.tag) and _local(c.tag) not in _SKIP]
            return _SEPARATOR.get(name, " ").join(p for p in parts if p)
        parts = [el.text or ""]
        for child in el:
            child_name = _local(child.tag)  # "" for comments and processing instructions
            if child_name == "noot":
                parts.append(self.note(child))
            elif child_name and child_name not in _SKIP:
                parts.append(self.inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def note(self, el: etree._Element) -> str:
        label = (el.get("nr") or el.findtext("{*}noot.nr") or "").strip()
        # A footnote without a printed number is numbered by position, as a reader would count.
        n = int(label) if label.isdigit() else len(self.footnotes) + 1
        body = [self.inline(c) for c in el if _local(c.tag) and _local(c.tag) != "noot.nr"]
        text = _squash(" ".join(body) if body else el.text or "")
        ids = {f.id for f in self.footnotes}
        fid, k = f"fn{n}", 1
        while fid in ids:  # numbering restarted (an annex): "fn1.2" as the data model names it
            k += 1
            fid = f"fn{n}.{k}"
        self.footnotes.append(Footnote(id=fid, number=n, label=str(n), style=XML, text=text))
        return f"[{n}]"

    def block(self, el: etree._Element) -> None:
        name = _local(el.tag)
        if not name or name in _SKIP:
            return
        has_text = bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)
        if name in _PARAGRAPHS or name in _ONE_LINE or has_text:
            text = _squash(self.inline(el))
            if text:
                self.paragraphs.append(text)
            return
        for child in el:
            self.block(child)


def _kamerstuk(meta: dict[str, list[str]]) -> str | None:
    dossier = next(iter(meta.get("OVERHEIDop.dossiernummer", [])), None)
    number = next(iter(meta.get("OVERHEIDop.ondernummer", [])), None)
    if not dossier:
        return None
    return f"{dossier} nr. {number}" if number else dossier


def _kind(meta: dict[str, list[str]]) -> str | None:
    # DC.type holds several values (Motie, Kamerstuk, officiële publicatie); the Kamerstuk type
    # is the one that says what the document is, and "Kamerstuk" itself says nothing more.
    generic = {"kamerstuk", "officiële publicatie"}
    return next((v for v in meta.get("DC.type", []) if v.lower() not in generic), None)


def read_publication(data: bytes) -> Publication:
    """Parse official publication XML bytes; raises etree.XMLSyntaxError or XmlFormatError."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser=parser)
    if _local(root.tag) != "officiele-publicatie":
        found = _local(root.tag)
        raise XmlFormatError(f"not an official publication (<{found}>, not <officiele-publicatie>)")
    meta = _meta(root)
    builder = _TextBuilder()
    for child in root:
        builder.block(child)
    if not builder.paragraphs:
        raise XmlFormatError("official publication without body text")
    body_date = next((d.get("isodatum") for d in root.iter("{*}datum") if d.get("isodatum")), None)
    first = lambda name: next(iter(meta.get(name, [])), None)  # noqa: E731
    senders = meta.get("OVERHEIDop.indiener", [])
    return Publication(
        text="\n\n".join(builder.paragraphs) + "\n",
        footnotes=tuple(builder.footnotes),
        identifier=first("DC.identifier"),
        title=first("OVERHEIDop.documenttitel") or first("DC.title"),
        date=_iso_date(first("DCTERMS.issued")) or _iso_date(body_date),
        kamerstuk=_kamerstuk(meta),
        sender=", ".join(senders) or None,
        addressee=_CHAMBERS.get(first("DC.creator") or "", first("DC.creator")),
        kind=_kind(meta),
    )
