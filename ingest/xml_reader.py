"""Reads the official publication XML (<officiele-publicatie>): metadata, header facts, blocks and <noot>s.

Two metadata flavours exist. A full <metadata> block (DC.identifier, OVERHEIDop.dossiernummer,
ondernummer, documenttitel, indiener, DCTERMS.issued) is used where present; many publications
carry only OVERHEIDop.externMetadataRecord, whose URL holds the kst id, and every other fact is
read from the body elements (<dossier>, <stuknr>, <titel>, <datumtekst>, the indieners at the end).

Rules that make both flavours give the same Letter (measured by eval/xml_moties.py):
- the date is the "Voorgesteld" date printed in the body (<datumtekst><datum isodatum>); DCTERMS.issued
  equals it in all but one of the 884 shared moties that have both, and stands in where nothing is printed;
- a motie's title is its own title plus the dossier title (ingest/kamerstuk_header.py): from the
  body, the documenttitel (up to " over …") and the dossiertitel only where the body has no stuk title;
- the indieners are the names printed under the motie, the first indiener (named in the title) first;
  the metadata's OVERHEIDop.indiener (with initials, in reverse order) only where none are printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from ingest.identifiers import kamerstuk_from_id, kst_id_in, normalise_kamerstuk, parse_dossier
from ingest.kamerstuk_header import Dossier, StukTitle, motie_body, motie_title, parse_stuk_title
from ingest.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, XML, Block, Footnote, Member

# Elements that carry no body text: metadata, the printed page header, the Kamerstuk header (its
# facts become metadata), and footnote texts (read where their markers stand).
_SKIP = {"metadata", "meta", "kamerstukkop", "noot", "dossier", "stuknr", "datumtekst"}
# Paragraph-level elements; anything else with text directly inside it is a paragraph as well.
_PARAGRAPHS = {"al", "tekstregel", "stuknr", "datumtekst", "dossiernr", "titel", "tussenkop"}
# Elements whose element children are separate words on one line: "<nr>2.</nr><titel>Doel</titel>".
_ONE_LINE = {"kop", "li", "row"}
_SEPARATOR = {"row": " | "}
# Containers that nest headings one level deeper.
_LEVELS = {"divisie", "hoofdstuk", "afdeling", "paragraaf", "subparagraaf", "bijlage", "artikel"}
_CHAMBERS = {
    "Tweede Kamer der Staten-Generaal": "Tweede Kamer",
    "Eerste Kamer der Staten-Generaal": "Eerste Kamer",
}


class XmlFormatError(ValueError):
    """The XML is well formed but is not an official publication we can read."""


@dataclass(frozen=True)
class Publication:
    """What an official publication XML holds: text with "[n]" markers, blocks, footnotes and metadata."""

    text: str
    footnotes: tuple[Footnote, ...]
    identifier: str | None  # DC.identifier or the externMetadataRecord's kst id, e.g. "kst-26643-1341"
    title: str | None
    date: date | None
    kamerstuk: str | None  # "26643 nr. 1341", "36410 XVI nr. 109", "21501-20 nr. 3121"
    sender: str | None  # the indieners, comma separated, first indiener first
    addressee: str | None  # "Tweede Kamer" | "Eerste Kamer"
    kind: str | None  # "Motie", "Brief", ...
    blocks: tuple[Block, ...] = ()
    indieners: tuple[Member, ...] = ()
    replaces: tuple[str, ...] = ()  # kst ids a (nader) gewijzigde motie replaces
    notes: tuple[str, ...] = ()  # doubts: the body and the metadata disagree


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


class _Builder:
    """Walks the body in document order into blocks; inline <noot>s become "[n]" markers."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
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

    def add(self, kind: str, el: etree._Element, level: int = 0, label: str | None = None) -> None:
        text = _squash(self.inline(el))
        if text:
            self.blocks.append(Block(kind, text, level if kind == HEADING else 0, label=label))

    def walk(self, el: etree._Element, level: int) -> None:
        name = _local(el.tag)
        if not name or name in _SKIP:
            return
        parent = el.getparent()
        if name == "titel" and parent is not None and _local(parent.tag) == "stuk":
            return  # the stuk title is the header's (it heads the blocks, see read_publication)
        if name == "kop":
            return self.add(HEADING, el, level)
        if name == "tussenkop":
            return self.add(HEADING, el, level + 1)
        if name == "li":
            nr = _squash(el.findtext("{*}li.nr") or "")
            return self.add(LIST_ITEM, el, label=nr or None)
        if name == "row":
            cells = [_squash(self.inline(c)) for c in el if _local(c.tag)]
            label = cells[0] if len([c for c in cells if c]) > 1 else None
            return self.add(TABLE_ROW, el, label=label)
        has_text = bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)
        if name in _PARAGRAPHS or name in _ONE_LINE or has_text:
            return self.add(PARAGRAPH, el)
        deeper = level + 1 if name in _LEVELS else level
        for child in el:
            self.walk(child, deeper)


@dataclass(frozen=True)
class _Header:
    """The Kamerstuk header as the body's elements print it."""

    dossiers: tuple[Dossier, ...]
    number: str | None
    stuk_title: str | None
    voorgesteld: date | None
    chamber: str | None
    lines: tuple[str, ...]  # the header as printed, for the full text


def _dossier(el: etree._Element) -> Dossier | None:
    number_el = el.find("{*}dossiernummer")
    if number_el is None:
        return None
    nr = _squash(number_el.findtext("{*}dossiernr") or "")
    part = _squash(number_el.findtext("{*}begrotingshoofdstuk") or number_el.findtext("{*}raadnr") or "")
    parsed = parse_dossier(nr) if nr else parse_dossier(_squash(number_el.xpath("string()")))
    if parsed is None:
        return None
    title_el = el.find("{*}titel")
    title = _squash(title_el.xpath("string()")) if title_el is not None else None
    return Dossier(parsed[0], part or parsed[1], title or None)


def _header(root: etree._Element) -> _Header:
    dossiers = tuple(d for d in (_dossier(el) for el in root.iter("{*}dossier")) if d)
    stuk = next(root.iter("{*}stuk"), None)
    scope = stuk if stuk is not None else root
    number = _squash(next((e.xpath("string()") for e in scope.iter("{*}ondernummer")), "")) or None
    title_el = stuk.find("{*}titel") if stuk is not None else None
    stuk_title = _squash(title_el.xpath("string()")) if title_el is not None else None
    when = None
    datumtekst = next(scope.iter("{*}datumtekst"), None)
    if datumtekst is not None and _squash(datumtekst.xpath("string()")).lower().startswith("voorgesteld"):
        when = next((_iso_date(d.get("isodatum")) for d in datumtekst.iter("{*}datum")), None)
    chamber = next(
        (
            _squash(t.xpath("string()"))
            for t in root.iter("{*}tekstregel")
            if t.get("inhoud") == "kameraanduiding"
        ),
        None,
    )
    # The header as printed, for the full text; the stuk title is not repeated (it heads the blocks).
    lines = [_squash(" ".join(el.itertext())) for el in root.iter("{*}dossier")]
    for el in (*(x for x in scope.iter("{*}stuknr")), datumtekst):
        if el is not None and _squash(el.xpath("string()")):
            lines.append(_squash(el.xpath("string()")))
    return _Header(
        dossiers, number, stuk_title or None, when, _CHAMBERS.get(chamber or "", chamber), tuple(lines)
    )


def _kind(meta: dict[str, list[str]], stuk: StukTitle | None) -> str | None:
    # DC.type holds several values (Motie, Kamerstuk, officiële publicatie); the Kamerstuk type
    # is the one that says what the document is, and "Kamerstuk" itself says nothing more.
    generic = {"kamerstuk", "officiële publicatie"}
    typed = next((v for v in meta.get("DC.type", []) if v.lower() not in generic), None)
    return typed or ("Motie" if stuk else None)


def _metadata_kamerstuk(meta: dict[str, list[str]], identifier: str | None) -> str | None:
    dossier = next(iter(meta.get("OVERHEIDop.dossiernummer", [])), None)
    number = next(iter(meta.get("OVERHEIDop.ondernummer", [])), None)
    if dossier:
        parsed = parse_dossier(dossier)  # "26643", "36725-XVII", "21501-20"
        if parsed and number:
            return normalise_kamerstuk(parsed[0], number, parsed[1])
        return f"{dossier} nr. {number}" if number else dossier
    return kamerstuk_from_id(identifier) if identifier else None


# "… (t.v.v. 36600-VI-154)", "… t.v.v. 33578-145": the kst id of the motie a gewijzigde motie replaces
_TVV_RE = re.compile(r"\(?\bt\.v\.v\.\s*[\w()-]*?-(\d{1,5})\)?\s*$", re.I)


def metadata_replaces(meta: dict[str, list[str]]) -> str | None:
    """The number of the motie a gewijzigde motie replaces, by its documenttitel ("… (t.v.v. 32849-280)")."""
    doc_title = next(iter(meta.get("OVERHEIDop.documenttitel", [])), "")
    found = _TVV_RE.search(doc_title)
    return found.group(1) if found else None


def _metadata_title(meta: dict[str, list[str]], replaces_nr: str | None = None) -> str | None:
    """Title by the motie rule from the metadata: documenttitel up to " over …" (without its "t.v.v."),
    "ter vervanging van die gedrukt onder nr. N" where the printed title gives replaces_nr, and the
    dossiertitels."""
    doc_title = next(iter(meta.get("OVERHEIDop.documenttitel", [])), None)
    if not doc_title:
        return next(iter(meta.get("DC.title", [])), None)
    head = re.match(r"^(.*?\b(?:lid|leden)\s.+?)(?:\s?over\s.*)?$", doc_title, re.S)
    if not head or not doc_title.lower().startswith(("motie", "gewijzigde", "nader")):
        return doc_title
    own = _squash(_TVV_RE.sub("", head.group(1)))
    if replaces_nr:
        own += f" ter vervanging van die gedrukt onder nr. {replaces_nr}"
    return motie_title(own, meta.get("OVERHEIDop.dossiertitel", []))


def read_publication(data: bytes) -> Publication:
    """Parse official publication XML bytes; raises etree.XMLSyntaxError or XmlFormatError."""
    # No entity expansion (XXE, billion laughs), no network, no huge trees.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser=parser)
    if _local(root.tag) != "officiele-publicatie":
        found = _local(root.tag)
        raise XmlFormatError(f"not an official publication (<{found}>, not <officiele-publicatie>)")
    meta = _meta(root)
    head = _header(root)
    stuk = parse_stuk_title(head.stuk_title) if head.stuk_title else None
    builder = _Builder()
    if head.stuk_title and stuk is None:  # a letter or other stuk: its printed title heads the body
        builder.blocks.append(Block(HEADING, head.stuk_title, 1))
    for child in root:
        builder.walk(child, 2 if head.stuk_title else 1)
    if not builder.blocks:
        raise XmlFormatError("official publication without body text")
    first = lambda name: next(iter(meta.get(name, [])), None)  # noqa: E731
    identifier = first("DC.identifier") or kst_id_in(first("OVERHEIDop.externMetadataRecord") or "")
    body_kamerstuk = (
        normalise_kamerstuk(head.dossiers[0].number, head.number, head.dossiers[0].part)
        if head.dossiers and head.number
        else None
    )
    kamerstuk = _metadata_kamerstuk(meta, identifier) or body_kamerstuk
    notes: list[str] = []
    if body_kamerstuk and kamerstuk and body_kamerstuk != kamerstuk:
        notes.append(f"the printed header says Kamerstuk {body_kamerstuk}, the metadata {kamerstuk}")
    blocks = builder.blocks
    members: tuple[Member, ...] = ()
    title = first("OVERHEIDop.documenttitel") or first("DC.title")
    replaces: tuple[str, ...] = ()
    if stuk is not None:
        body = motie_body(stuk, head.dossiers, blocks)
        blocks, members, replaces, title = list(body.blocks), body.indieners, body.replaces, body.title
        if not body.signed and meta.get("OVERHEIDop.indiener"):
            # no names printed under the motie: the metadata's, which lists the first indiener last
            members = tuple(Member(n) for n in reversed(meta["OVERHEIDop.indiener"]))
        if not stuk.names:
            title = _metadata_title(meta, stuk.replaces_nr) or title
    elif not title and head.stuk_title:
        title = motie_title(head.stuk_title.capitalize(), [d.title for d in head.dossiers])
    senders = [m.name for m in members] or meta.get("OVERHEIDop.indiener", [])
    when = head.voorgesteld or _iso_date(first("DCTERMS.issued"))
    if when is None:
        when = next((_iso_date(d.get("isodatum")) for d in root.iter("{*}datum") if d.get("isodatum")), None)
    creator = first("DC.creator")
    text = "\n\n".join([*head.lines, *(b.text for b in blocks)]) + "\n"
    return Publication(
        text=text,
        footnotes=tuple(builder.footnotes),
        identifier=identifier,
        title=title,
        date=when,
        kamerstuk=kamerstuk,
        sender=", ".join(senders) or None,
        addressee=_CHAMBERS.get(creator or "", creator) or head.chamber,
        kind=_kind(meta, stuk),
        blocks=tuple(blocks),
        indieners=members,
        replaces=replaces,
        notes=tuple(notes),
    )
