"""Typeset a letter as a Word-style ministry PDF with WeasyPrint, for the tests to read back.

The PDF has what real letters have: a letterhead (return address, addressee block, a column set
small at the right with the ministry, Datum and Betreft; or a memo's "aan / datum / betreft" rows),
real CSS footnotes (`float: footnote`) called by raised numbers, a running line in the right margin
from page 2 on and a page footer "Pagina n van m".
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.loaders import RawDocument
from ingest.model import BRACKETED, Letter

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
SEP = "\n\n"

CSS = """
@page {
  size: A4; margin: 28mm 62mm 25mm 25mm;
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 6.5pt "DejaVu Sans";
                  width: 40mm; }
  @right-top { content: "%(running)s"; font: bold 6.5pt "DejaVu Sans"; vertical-align: top;
               width: 40mm; padding-top: 0; }
  @footnote { border-top: 0.5pt solid black; margin-top: 3mm; padding-top: 1mm; }
}
@page :first { margin-top: 95mm; @right-top { content: none; } }
body { font: 9pt/12.5pt "DejaVu Sans"; margin: 0; }
p { margin: 0 0 12.5pt 0; }
p.li { padding-left: 5mm; text-indent: -5mm; margin-bottom: 2pt; }
h1, h2, h3 { font-weight: bold; margin: 0 0 4pt 0; }
h1 { font-size: 12pt; line-height: 15pt; }
h2 { font-size: 10.5pt; line-height: 13pt; }
h3 { font-size: 9pt; line-height: 12.5pt; }
.fn { float: footnote; font: 7pt/9pt "DejaVu Sans"; }
.fn::footnote-call { content: attr(data-n); vertical-align: super; font-size: 5.5pt; line-height: 0; }
.fn::footnote-marker { content: attr(data-n) " "; vertical-align: super; font-size: 5pt; }
.fnb { float: footnote; font: 7pt/9pt "DejaVu Sans"; }
.fnb::footnote-call { content: "[" attr(data-n) "]"; vertical-align: baseline; font-size: 9pt; }
.fnb::footnote-marker { content: "[" attr(data-n) "] "; }
sup { font-size: 5.5pt; vertical-align: super; line-height: 0; }
.side { position: absolute; top: -67mm; left: 137mm; width: 40mm; font: 6.5pt/9pt "DejaVu Sans"; }
.side p { margin: 0 0 9pt 0; }
.retour { position: absolute; top: -60mm; left: 0; font: 6.5pt "DejaVu Sans"; }
.addressee { position: absolute; top: -52mm; left: 0; width: 90mm; }
.addressee p { margin: 0; }
table.rows { border-collapse: collapse; margin: -16mm 0 12mm 0; }
table.rows td { vertical-align: top; padding: 0 0 2pt 0; }
table.rows td.label { width: 22mm; }
table.kst td { vertical-align: top; padding: 0 0 6pt 0; }
table.kst td.nr { width: 30mm; font-weight: bold; }
"""


@dataclass
class Letterhead:
    """What the typeset letter prints above its body."""

    organisation: str = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    side_fields: list[tuple[str, str]] = field(default_factory=list)  # ("Datum", "16 januari 2025")
    addressee: list[str] = field(default_factory=list)  # the addressee block, after a return address
    rows: list[tuple[str, str]] = field(default_factory=list)  # a memo's "aan / datum / betreft" rows
    kamerstuk: list[tuple[str, str]] = field(default_factory=list)  # ("26643", "Informatie- ...")
    kamerstuk_lines: list[str] = field(default_factory=list)  # "Aan de Voorzitter ...", "Den Haag, ..."


def dutch_date(when: date) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _body_html(letter: Letter, skip: int) -> str:
    """The letter's paragraphs (from `skip` on) as HTML, each marker as a footnote call."""
    by_id = {fn.id: fn for fn in letter.footnotes}
    placed: set[str] = set()
    heads = {s.span[0]: s.level for s in letter.sections if s.heading}
    out: list[str] = []
    pos = 0
    for i, para in enumerate(letter.text.split(SEP)):
        start, end = pos, pos + len(para)
        pos = end + len(SEP)
        if i < skip:
            continue
        parts: list[str] = []
        cursor = start
        for m in letter.markers:
            if not (start <= m.span[0] < end):
                continue
            parts.append(_esc(letter.text[cursor : m.span[0]]))
            fn = by_id.get(m.footnote_id) if m.footnote_id else None
            if fn is not None and fn.id not in placed:
                placed.add(fn.id)
                cls = "fnb" if fn.style == BRACKETED else "fn"
                parts.append(f'<span class="{cls}" data-n="{fn.number}">{_esc(fn.text)}</span>')
            else:
                parts.append(f"<sup>{m.number}</sup>")
            cursor = m.span[1]
        parts.append(_esc(letter.text[cursor:end]))
        inner = "".join(parts)
        if start in heads:
            level = min(3, max(1, heads[start]))
            out.append(f"<h{level}>{inner}</h{level}>")
        elif para.startswith("• "):
            out.append(f'<p class="li">{inner}</p>')
        else:
            out.append(f"<p>{inner}</p>")
    return "\n".join(out)


def letter_html(letter: Letter, head: Letterhead, skip: int) -> str:
    side = [f"<p><b>{_esc(head.organisation)}</b></p>"]
    side += [f"<p><b>{_esc(label)}</b><br>{_esc(value)}</p>" for label, value in head.side_fields]
    parts = [f'<div class="side">{"".join(side)}</div>']
    if head.addressee:
        parts.append('<div class="retour">&gt; Retouradres Postbus 20011 2500 EA Den Haag</div>')
        parts.append(
            '<div class="addressee">' + "".join(f"<p>{_esc(a)}</p>" for a in head.addressee) + "</div>"
        )
    if head.rows:
        cells = "".join(f'<tr><td class="label">{_esc(k)}</td><td>{_esc(v)}</td></tr>' for k, v in head.rows)
        parts.append(f'<table class="rows">{cells}</table>')
    if head.kamerstuk:
        cells = "".join(
            f'<tr><td class="nr">{_esc(k)}</td><td>{_esc(v)}</td></tr>' for k, v in head.kamerstuk
        )
        parts.append(f'<table class="kst">{cells}</table>')
        parts += [f"<p>{_esc(line)}</p>" for line in head.kamerstuk_lines]
    parts.append(_body_html(letter, skip))
    css = CSS % {"running": head.organisation.replace('"', "")}
    return (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(parts)}</body></html>"
    )


# Two columns of body text (CSS columns), footnotes across the page's foot as WeasyPrint sets them.
COLUMNS_CSS = (
    "@page { margin-left: 20mm; margin-right: 20mm } "
    "body { column-count: 2; column-gap: 8mm } .side { left: 130mm }"
)


def typeset(letter: Letter, head: Letterhead, skip: int = 0, columns: bool = False) -> bytes:
    """The letter as PDF bytes (WeasyPrint); in two columns where asked."""
    from weasyprint import HTML

    page = letter_html(letter, head, skip)
    if columns:
        page = page.replace("</style>", COLUMNS_CSS + "</style>")
    return HTML(string=page).write_pdf()


def read_typeset(folder: Path, name: str, source: str) -> tuple[RawDocument, Letter]:
    """Typeset the HTML as folder/name.pdf and read it back as the pipeline does: (raw, letter)."""
    from weasyprint import HTML

    from ingest.loaders import load_document
    from ingest.parse import parse_letter

    path = folder / f"{name}.pdf"
    path.write_bytes(HTML(string=source).write_pdf())
    raw = load_document(path)
    return raw, parse_letter(raw)
