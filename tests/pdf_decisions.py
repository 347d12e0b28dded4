"""Committee decision lists typeset by WeasyPrint in several label/value layouts, with their truth.

The development lists (besluitenlijst_example1/2) print each label in a left column and its value
beside it. Other committees and other years print them otherwise; each layout here is one of them:
labels in a left column without colons and a different label set, labels as bold run-in text
("Zaak: …"), a two-column table with ruling lines, labels on a line of their own above the value,
and lists of one or two items. The truth is the gold form eval/reader_gold.score_decisions reads.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

ITEMS = [
    {
        "agendapunt": "Verzoek van het lid Van der Werf om een rondetafelgesprek over digitale weerbaarheid",
        "rows": [
            ("Zaak", "E-mail van het lid Van der Werf (D66) - 4 maart 2024 Verzoek om een rondetafelgesprek"),
            (
                "Besluit",
                "Ingestemd met het verzoek; de staf doet een voorstel voor de opzet van het gesprek.",
            ),
            ("Volgcommissie", "EZK, JenV"),
        ],
    },
    {
        "agendapunt": "Kabinetsreactie op het rapport van de Algemene Rekenkamer over algoritmes",
        "rows": [
            (
                "Zaak",
                "Brief regering - staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, A.C. van "
                "Huffelen - 12 februari 2024 Kabinetsreactie op het rapport Algoritmes getoetst - 26643-1120",
            ),
            ("Besluit", "Agenderen voor het commissiedebat Digitale overheid van 17 april 2024."),
            ("Besluit", "De minister wordt verzocht de Kamer voor dat debat te informeren over de planning."),
            ("Noot", "De commissie heeft op 8 februari 2024 al een schriftelijk overleg gehouden."),
        ],
    },
    {
        "agendapunt": "Uitnodiging voor een werkbezoek aan het Nationaal Cyber Security Centrum",
        "rows": [
            ("Zaak", "Brief derden - Nationaal Cyber Security Centrum - 1 maart 2024 Uitnodiging werkbezoek"),
            ("Besluit", "De uitnodiging wordt aangenomen; leden kunnen zich tot 20 maart 2024 aanmelden."),
            ("Toezegging", "De minister zendt de Kamer voor de zomer een overzicht van de incidenten."),
            ("Griffier", "mr. A.B. de Vries"),
        ],
    },
]


@dataclass(frozen=True)
class ListSpec:
    layout: str  # "columns" | "runin" | "ruled" | "above"
    items: tuple[int, ...]  # indexes into ITEMS
    numbered: bool = True  # "1." before each item
    colon: bool = True  # "Zaak:" or "Zaak"
    agenda_label: bool = True  # the item's title after an "Agendapunt" label, else a bold numbered line
    rubric: str | None = "Brievenlijst"  # a bold rubric above the items
    capitals: bool = False  # labels printed in capitals ("ZAAK:")
    header: dict = field(default_factory=dict)


CSS = """
@page { size: A4; margin: 25mm 22mm; @bottom-center { content: counter(page); font: 8pt "DejaVu Sans"; } }
body { font: 9.5pt/12.5pt "DejaVu Sans"; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 4pt 0; }
p { margin: 0 0 6pt 0; }
.meta { margin-bottom: 14pt; }
table.cols { border-collapse: collapse; width: 100%; }
table.cols td { vertical-align: top; padding: 0 0 5pt 0; }
table.cols td.l { width: 38mm; font-size: 8.5pt; }
table.ruled { border-collapse: collapse; width: 100%; margin-bottom: 10pt; }
table.ruled td { border: 0.6pt solid #000; vertical-align: top; padding: 3pt 5pt; }
table.ruled td.l { width: 32mm; font-weight: bold; }
.rubric { font-weight: bold; margin: 10pt 0 6pt 0; }
.above-label { font-weight: bold; margin: 6pt 0 0 0; }
.above-value { margin: 0 0 4pt 0; }
.item { font-weight: bold; margin: 12pt 0 4pt 0; }
"""


def _label(name: str, spec: ListSpec) -> str:
    name = name.upper() if spec.capitals else name
    return f"{name}:" if spec.colon else name


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def list_html(spec: ListSpec) -> str:
    head = spec.header or {"title": "Besluitenlijst procedurevergadering", "committee": "vaste commissie "
                           "voor Digitale Zaken", "date": "Den Haag, 21 maart 2024"}  # fmt: skip
    parts = [f"<h1>{_esc(head['title'])}</h1>", '<div class="meta">']
    parts += [f"<p>{_esc(head['committee'])}</p>", f"<p>{_esc(head['date'])}</p></div>"]
    if spec.rubric:
        parts.append(f'<p class="rubric">{_esc(spec.rubric)}</p>')
    table_rows: list[str] = []
    for n, index in enumerate(spec.items, 1):
        item = ITEMS[index]
        number = f"{n}. " if spec.numbered else ""
        title = item["agendapunt"]
        rows = [("Agendapunt", title)] + item["rows"] if spec.agenda_label else item["rows"]
        if spec.layout in ("columns", "ruled"):
            cls = "cols" if spec.layout == "columns" else "ruled"
            cells = []
            if not spec.agenda_label:
                cells.append(f'<tr><td colspan="2"><b>{_esc(number + title)}</b></td></tr>')
            for k, (name, value) in enumerate(rows):
                label = (number if k == 0 and spec.agenda_label else "") + _label(name, spec)
                value_html = f"<b>{_esc(value)}</b>" if name == "Agendapunt" else _esc(value)
                cells.append(f'<tr><td class="l">{_esc(label)}</td><td>{value_html}</td></tr>')
            if spec.layout == "ruled":
                parts.append(f'<table class="{cls}">{"".join(cells)}</table>')
            else:
                table_rows += cells
            continue
        if table_rows:
            parts.append(f'<table class="cols">{"".join(table_rows)}</table>')
            table_rows = []
        if not spec.agenda_label:
            parts.append(f'<p class="item">{_esc(number + title)}</p>')
        for k, (name, value) in enumerate(rows):
            label = (number if k == 0 and spec.agenda_label else "") + _label(name, spec)
            if spec.layout == "runin":
                value_html = f"<b>{_esc(value)}</b>" if name == "Agendapunt" else _esc(value)
                parts.append(f"<p><b>{_esc(label)}</b> {value_html}</p>")
            else:  # "above"
                parts.append(
                    f'<p class="above-label">{_esc(label)}</p><p class="above-value">{_esc(value)}</p>'
                )
    if table_rows:
        parts.append(f'<table class="cols">{"".join(table_rows)}</table>')
    return (
        f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def list_pdf(spec: ListSpec) -> bytes:
    from weasyprint import HTML

    return HTML(string=list_html(spec)).write_pdf()


def list_gold(spec: ListSpec) -> dict:
    """The truth in the form of tests/gold/besluitenlijsten/*.json (eval/reader_gold.score_decisions)."""
    items = []
    for n, index in enumerate(spec.items, 1):
        item = ITEMS[index]
        by = {k: [v for name, v in item["rows"] if name == k] for k in ("Zaak", "Besluit", "Noot")}
        items.append(
            {
                "item": str(n),
                "agendapunt": item["agendapunt"],
                "zaak": by["Zaak"],
                "besluit": by["Besluit"],
                "noot": by["Noot"],
                "rows": [list(r) for r in item["rows"]],
            }
        )
    return {"items": items}
