"""More decision-list layouts of Tweede and Eerste Kamer practice, typeset by WeasyPrint, with their truth.

Each differs from the layouts of tests/test_decision_list_layout.py and tests/pdf_decisions.py in
what a reader fitted to those could rely on: a long first-page preamble (Vergaderdatum, Voorzitter,
Griffier, a wrapped "Aanwezig" list) in the same label column as the items, items headed "Agendapunt
n:" as bold lines above their labels, running headers and "Pagina n van m" footers, a value that runs
on over a page break, a closing "Toezeggingen" section, an Eerste Kamer list ("Commissie voor ...")
with labels run in bold, and a ruled table of three columns (number, label, value) whose item label
is no word the reader knows ("Onderwerp"), grids with a header row of labels. The letters that must
stay letters are in tests/pdf_decision_letters.py.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import date

Fields = list[tuple[str, str]]  # (kind, value): kind "Zaak", "Besluit", "Toezegging" or "Noot"

ITEMS: list[tuple[str, Fields]] = [
    (
        "Verzoek van het lid Mutluer om een rondetafelgesprek over de politiecapaciteit",
        [
            ("Zaak", "E-mail van het lid Mutluer (GroenLinks-PvdA) van 8 januari 2025 met een verzoek"),
            ("Besluit", "Ingestemd met een rondetafelgesprek; de leden Mutluer en Ellian doen een voorstel."),
        ],
    ),
    (
        "Jaarverslag van de Nationale Politie over 2024",
        [
            (
                "Zaak",
                "Brief regering van de minister van Justitie en Veiligheid van 6 januari 2025 - 29628-1201",
            ),
            ("Besluit", "Agenderen voor het commissiedebat Politie van 12 maart 2025."),
            (
                "Noot",
                "De commissie heeft op 3 december 2024 een schriftelijk overleg over de politie gehouden.",
            ),
            ("Toezegging", "De minister stuurt de Kamer voor 1 mei 2025 het rapport over de werkdruk."),
        ],
    ),
    (
        "Conceptwetsvoorstel herziening van de Wet op de inlichtingen- en veiligheidsdiensten",
        [
            ("Zaak", "Brief regering van de minister van Binnenlandse Zaken van 10 januari 2025 - 34588-120"),
            ("Besluit", "Een inbreng voor een schriftelijk overleg leveren op donderdag 6 februari 2025."),
            ("Besluit", "De minister wordt verzocht de Kamer te informeren over de consultatie van de nota."),
        ],
    ),
]
# A value long enough to wrap over several lines, for the item whose value runs over a page break.
LONG = (
    "De commissie besluit een hoorzitting te houden over de capaciteit van de rechtspraak, met "
    "vertegenwoordigers van de Raad voor de rechtspraak, de Nederlandse Orde van Advocaten en de "
    "Nederlandse Vereniging voor Rechtspraak; de griffie stelt een lijst van genodigden op en legt die "
    "voor aan de leden, die tot en met vrijdag 24 januari 2025 sprekers kunnen voordragen."
)
LONG_ITEM = (
    "Capaciteit van de rechtspraak",
    [("Zaak", "Brief derden van de Raad voor de rechtspraak van 2 januari 2025"), ("Besluit", LONG)],
)
CLOSING = [  # the closing "Toezeggingen" section's toezeggingen
    "De minister zendt de Kamer voor de zomer een brief over de bewaking van ambassades.",
    "De minister informeert de Kamer voor 1 april 2025 over de stand van de wervingscampagne.",
]


@dataclass(frozen=True)
class Layout:
    html: str
    items: tuple[tuple[str, Fields], ...]
    committee: str
    when: date
    closing: tuple[str, ...] = ()  # toezeggingen in a closing section of their own
    zaak_labelled: bool = True  # the Zaak printed after its label (else a paragraph the register may skip)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


CSS = """
@page { size: A4; margin: 24mm 20mm 22mm 20mm;
  @top-left { content: "Tweede Kamer der Staten-Generaal"; font: 7.5pt "DejaVu Sans"; }
  @top-right { content: "Besluitenlijst procedurevergadering J&V"; font: 7.5pt "DejaVu Sans"; }
  @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font: 7.5pt "DejaVu Sans"; } }
body { font: 9.5pt/12.5pt "DejaVu Sans"; margin: 0; }
p { margin: 0 0 5pt 0; } h1 { font-size: 13pt; margin: 0 0 8pt 0; }
h3 { font-size: 10pt; margin: 12pt 0 4pt 0; }
table.lv { border-collapse: collapse; width: 100%; }
table.lv td { vertical-align: top; padding: 0 0 4pt 0; } table.lv td.l { width: 35mm; font-size: 8pt; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid td { border: 0.5pt solid #000; vertical-align: top; padding: 3pt 4pt; }
table.grid td.n { width: 8mm; } table.grid td.l { width: 28mm; font-weight: bold; }
"""


def _page(body: str, css: str = CSS) -> str:
    return f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def _rows(fields: Fields, label=lambda k: k) -> str:
    return "".join(f'<tr><td class="l">{_e(label(k))}</td><td>{_e(v)}</td></tr>' for k, v in fields)


PREAMBLE = (
    ("Vergaderdatum", "dinsdag 14 januari 2025"),
    ("Tijd", "13.00 - 13.30 uur"),
    ("Voorzitter", "Van Nispen"),
    ("Griffier", "Tielens-Tripels"),
    (
        "Aanwezig",
        "de leden Bikker, Boswijk, Ellian, Van der Werf, Mutluer, Van Nispen, Sneller, Eerdmans, "
        "Helder, Kops, Van Zanten, Chakor, Coenradie en Vermeer",
    ),
)


def preamble() -> Layout:
    """A long preamble in the label column, then "Agendapunt n:" bold lines, running header/footer."""
    head = (
        "<h1>Besluitenlijst van de procedurevergadering van de vaste commissie voor Justitie en "
        "Veiligheid</h1>"
    )
    body = [head, f'<table class="lv">{"".join(_rows([p]) for p in PREAMBLE)}</table>']
    for n, (title, fields) in enumerate(ITEMS, 1):
        body.append(f"<h3>Agendapunt {n}: {_e(title)}</h3>")
        body.append(f'<table class="lv">{_rows(fields, lambda k: k + ":")}</table>')
    return Layout(
        _page("".join(body)), tuple(ITEMS), "vaste commissie voor Justitie en Veiligheid", date(2025, 1, 14)
    )


def over_pages() -> Layout:
    """A value that runs on over a page break, under the running header and footer."""
    items = (ITEMS[0], LONG_ITEM, ITEMS[2])
    body = [
        "<h1>Besluitenlijst procedurevergadering</h1>",
        "<p>vaste commissie voor Justitie en Veiligheid</p><p>Datum: dinsdag 14 januari 2025</p>",
    ]
    for n, (title, fields) in enumerate(items, 1):
        # the second item starts low on page 1, so its decision breaks over onto page 2
        pad = ' style="margin-top: 158mm"' if n == 2 else ""
        body.append(f"<h3{pad}>{n}. {_e(title)}</h3>")
        body.append(f'<table class="lv">{_rows(fields, lambda k: k + ":")}</table>')
    return Layout(
        _page("".join(body)), items, "vaste commissie voor Justitie en Veiligheid", date(2025, 1, 14)
    )


def closing_section() -> Layout:
    """Items in a label column, then a closing "Toezeggingen" heading over a bulleted list."""
    items = (ITEMS[0], ITEMS[2])
    body = [
        "<h1>Besluitenlijst commissiedebat vaste commissie voor Buitenlandse Zaken</h1>",
        "<p>Datum: woensdag 22 januari 2025</p>",
    ]
    for n, (title, fields) in enumerate(items, 1):
        rows = f'<tr><td class="l">{n}.</td><td><b>{_e(title)}</b></td></tr>' + _rows(fields)
        body.append(f'<table class="lv">{rows}</table>')
    body.append("<h3>Toezeggingen</h3><ul>" + "".join(f"<li>{_e(t)}</li>" for t in CLOSING) + "</ul>")
    return Layout(
        _page("".join(body)),
        items,
        "vaste commissie voor Buitenlandse Zaken",
        date(2025, 1, 22),
        tuple(CLOSING),
    )


def eerste_kamer() -> Layout:
    """An Eerste Kamer list: "Commissie voor ...", numbered bold item titles, labels run in bold."""
    css = CSS.replace("Tweede Kamer der Staten-Generaal", "Eerste Kamer der Staten-Generaal")
    body = [
        "<p>Eerste Kamer der Staten-Generaal</p>",
        "<p><b>Commissie voor Justitie en Veiligheid</b></p>",
        "<p>Besluitenlijst van de vergadering van dinsdag 21 januari 2025</p>",
    ]
    for n, (title, fields) in enumerate(ITEMS, 1):
        body.append(f"<p style='margin-top: 10pt'><b>{n}. {_e(title)}</b></p>")
        body += [f"<p><b>{_e(k)}:</b> {_e(v)}</p>" for k, v in fields]
    return Layout(
        _page("".join(body), css), tuple(ITEMS), "commissie voor Justitie en Veiligheid", date(2025, 1, 21)
    )


def three_columns() -> Layout:
    """A ruled table of three columns: number, label, value; the item's label is "Onderwerp"."""
    rows = []
    for n, (title, fields) in enumerate(ITEMS, 1):
        rows.append(
            f'<tr><td class="n">{n}.</td><td class="l">Onderwerp</td><td><b>{_e(title)}</b></td></tr>'
        )
        rows += [f'<tr><td class="n"></td><td class="l">{_e(k)}</td><td>{_e(v)}</td></tr>' for k, v in fields]
    body = [
        "<h1>Besluitenlijst e-mailprocedure</h1>",
        "<p>Vaste commissie voor Justitie en Veiligheid, maandag 20 januari 2025</p>",
        f'<table class="grid">{"".join(rows)}</table>',
    ]
    return Layout(
        _page("".join(body)), tuple(ITEMS), "vaste commissie voor Justitie en Veiligheid", date(2025, 1, 20)
    )


def grid() -> Layout:
    """A ruled grid with a header row of labels ("Nr.", "Zaak", "Besluit"), one row per item: the item's
    title in bold over its Zaak, each decision a paragraph of its own in the Besluit cell."""
    items = (ITEMS[0], ITEMS[2], LONG_ITEM)
    rows = ['<tr><td class="n"><b>Nr.</b></td><td><b>Zaak</b></td><td><b>Besluit</b></td></tr>']
    for n, (title, fields) in enumerate(items, 1):
        zaak = next(v for k, v in fields if k == "Zaak")
        decisions = "".join(f"<p>{_e(v)}</p>" for k, v in fields if k == "Besluit")
        cell = f"<p><b>{_e(title)}</b></p><p>{_e(zaak)}</p>"
        rows.append(f'<tr><td class="n">{n}.</td><td>{cell}</td><td>{decisions}</td></tr>')
    body = [
        "<h1>Besluitenlijst</h1>",
        "<p>Procedurevergadering vaste commissie voor Justitie en Veiligheid</p>",
        "<p>Datum: 28 januari 2025</p>",
        f'<table class="grid">{"".join(rows)}</table>',
    ]
    return Layout(
        _page("".join(body)), items, "vaste commissie voor Justitie en Veiligheid", date(2025, 1, 28)
    )


def numbered_decisions() -> Layout:
    """Decision labels numbered within their item ("Besluit 1:", "Besluit 2:"), and a slashed label
    ("Besluit/afspraak:"), in a label column under bold numbered item titles."""
    body = [
        "<h1>Besluitenlijst procedurevergadering</h1>",
        "<p>vaste commissie voor Justitie en Veiligheid</p><p>Datum: dinsdag 14 januari 2025</p>",
    ]
    for n, (title, fields) in enumerate(ITEMS, 1):
        count = sum(k == "Besluit" for k, _ in fields)
        labels, seen = [], 0
        for k, _ in fields:
            seen += k == "Besluit"
            labels.append(f"Besluit {seen}:" if k == "Besluit" and count > 1 else f"{k}:")
        if n == 1:
            labels = [lab.replace("Besluit:", "Besluit/afspraak:") for lab in labels]
        rows = "".join(
            f'<tr><td class="l">{_e(lab)}</td><td>{_e(v)}</td></tr>'
            for lab, (_, v) in zip(labels, fields, strict=True)
        )
        body.append(f'<h3>{n}. {_e(title)}</h3><table class="lv">{rows}</table>')
    return Layout(
        _page("".join(body)), tuple(ITEMS), "vaste commissie voor Justitie en Veiligheid", date(2025, 1, 14)
    )


def decisions_only() -> Layout:
    """Only the decisions are labelled, run in ("Besluit: …"); each item a bold title over its Zaak
    printed as a plain paragraph without label (an Eerste Kamer procedure list)."""
    body = [
        "<p><b>Commissie voor Justitie en Veiligheid</b></p>",
        "<p>Besluitenlijst van de procedurevergadering van dinsdag 21 januari 2025</p>",
    ]
    items = tuple((title, [(k, v) for k, v in fields if k != "Noot"]) for title, fields in ITEMS)
    for n, (title, fields) in enumerate(items, 1):
        body.append(f"<p style='margin-top: 10pt'><b>{n}. {_e(title)}</b></p>")
        body += [f"<p>{_e(v)}</p>" if k == "Zaak" else f"<p>{_e(k)}: {_e(v)}</p>" for k, v in fields]
    layout = Layout(_page("".join(body)), items, "commissie voor Justitie en Veiligheid", date(2025, 1, 21))
    return replace(layout, zaak_labelled=False)


def grid_over_pages() -> Layout:
    """The grid of grid() low on its first page: its header row repeated on the next (a <thead>), a row
    broken over the page break."""
    html_ = grid().html.replace(
        '<table class="grid"><tr>', '<table class="grid" style="margin-top: 150mm"><thead><tr>', 1
    )
    html_ = html_.replace("<b>Besluit</b></td></tr>", "<b>Besluit</b></td></tr></thead>", 1)
    return replace(grid(), html=html_)


def grid_plain() -> Layout:
    """The grid of grid() set in one weight: no bold header row, no bold titles."""
    return replace(grid(), html=grid().html.replace("<b>", "").replace("</b>", ""))


LAYOUTS = {
    "grid-one-weight": grid_plain,
    "grid-over-pages": grid_over_pages,
    "decisions-only-labelled": decisions_only,
    "numbered-decision-labels": numbered_decisions,
    "grid-header-row": grid,
    "preamble-agendapunt-headings": preamble,
    "value-over-a-page-break": over_pages,
    "closing-toezeggingen-section": closing_section,
    "eerste-kamer-run-in": eerste_kamer,
    "ruled-three-columns": three_columns,
}
