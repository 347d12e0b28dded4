"""Decision lists recognised by their layout, typeset by the test in layouts unlike the development lists.

The development lists (besluitenlijst_example1/2) print a small-type label column ("Zaak:", "Besluit:")
beside bold agenda titles. The lists here differ in what the reader could have fitted to: one font
size throughout, labels without colons or in other spellings ("Besluit(en)", "Toezeggingen",
"ZAAK"), a ruled table, flex columns, a numbered list (<ol>) of items, the committee inside the title
line ("Besluitenlijst procedurevergadering vaste commissie voor …") and the date in words with its
weekday. Each must be recognised as a decision list, each decision must become its own register
mention under its own item with that item's Zaak, and committee and meeting date must be read. A
letter, also one with a label column in its letterhead and the word "besluit" in its text, must not.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import pytest

from ingest.commitments import extract_mentions
from ingest.decision_list import committee_of, is_decision_list, meeting_date
from tests.pdf_typeset import read_typeset

pytest.importorskip("weasyprint")

# (title, [(label kind, value)]): kind "Zaak", "Besluit" or "Toezegging"; each list prints the kinds
# under its own spellings
ITEMS = [
    (
        "Verzoek van het lid Bikker om een technische briefing over de jeugdbescherming",
        [
            ("Zaak", "E-mail van het lid Bikker (ChristenUnie) van 24 februari 2025 met een verzoek"),
            ("Besluit", "Ingestemd met een technische briefing door de Inspectie Justitie en Veiligheid."),
        ],
    ),
    (
        "Voortgangsrapportage versterking van het gevangeniswezen",
        [
            (
                "Zaak",
                "Brief regering van de staatssecretaris van Justitie en Veiligheid van 3 februari 2025 "
                "over de capaciteit van het gevangeniswezen - 24587-1012",
            ),
            ("Besluit", "Agenderen voor het commissiedebat Gevangeniswezen en tbs van 9 april 2025."),
            (
                "Besluit",
                "De staatssecretaris wordt verzocht de Kamer voor het debat te informeren over de "
                "wachtlijsten.",
            ),
            (
                "Toezegging",
                "De staatssecretaris zendt de Kamer voor 1 juli 2025 een plan voor extra plaatsen.",
            ),
        ],
    ),
    (
        "Uitnodiging voor een werkbezoek aan de Raad voor de Kinderbescherming",
        [
            ("Zaak", "Brief derden van de Raad voor de Kinderbescherming van 12 februari 2025"),
            ("Besluit", "De uitnodiging wordt aangenomen; de griffie inventariseert de belangstelling."),
        ],
    ),
    (
        "Initiatiefnota van het lid Ellian over de aanpak van ondermijning",
        [
            ("Zaak", "Initiatiefnota van het lid Ellian (VVD) van 20 januari 2025 - 36672-1"),
            (
                "Besluit",
                [
                    "Een notaoverleg over de initiatiefnota plannen in het tweede kwartaal van 2025.",
                    "De minister wordt verzocht voor 1 april 2025 een reactie op de nota te sturen.",
                ],
            ),
        ],
    ),
]


@dataclass(frozen=True)
class Spec:
    layout: str  # "ruled" | "flex" | "ol" | "table" | "headed"
    labels: dict  # kind -> printed label
    committee: str
    header: tuple[str, ...]  # the header lines (html)
    when: date
    one_size: bool = False  # every line in one font size (the title only bold)
    numbered: bool = True
    items: tuple[int, ...] = (0, 1, 2)  # which of ITEMS the list holds
    middle: bool = False  # labels set in the middle of their cells, beside (not on) their value's first line


CSS = """
@page { size: A4; margin: 22mm 20mm;
  @bottom-right { content: "Pagina " counter(page); font: 8pt "DejaVu Sans"; } }
body { font: 10pt/13pt "DejaVu Sans"; margin: 0; }
p { margin: 0 0 5pt 0; }
h1 { font-size: 14pt; margin: 0 0 6pt 0; }
h1.same { font-size: 10pt; }
table.ruled { border-collapse: collapse; width: 100%; margin-top: 8pt; }
table.ruled td { border: 0.5pt solid #444; padding: 3pt 4pt; vertical-align: top; }
table.ruled td.l { width: 30mm; }
table.plain { border-collapse: collapse; width: 100%; }
table.plain td { padding: 0 0 4pt 0; vertical-align: top; }
table.plain td.l { width: 34mm; font-style: italic; }
table.small td { padding: 0 0 6pt 0; vertical-align: top; }
table.small td.l { width: 36mm; font-size: 7.5pt; }
table.middle td { vertical-align: middle; border: 0.5pt solid #000; padding: 4pt; }
.row { display: flex; margin: 0 0 4pt 0; }
.row .l { width: 40mm; flex: none; font-size: 8pt; color: #333; }
.row .v { flex: 1; }
.row .r { text-align: right; padding-right: 6mm; }
h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
.title { margin: 12pt 0 4pt 0; text-decoration: underline; }
ol { padding-left: 8mm; } ol > li { margin: 0 0 10pt 0; } ul { margin: 0; padding-left: 5mm; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _raw(spec: Spec) -> list:
    return [ITEMS[k] for k in spec.items]


def _items(spec: Spec) -> list:
    """The spec's items, each decision of a listed value ("Besluiten:" over a list) one field."""
    return [(t, [(k, x) for k, v in fields for x in (v if isinstance(v, list) else [v])]) for t, fields in
            (ITEMS[k] for k in spec.items)]  # fmt: skip


def _v(value) -> str:
    """A value as the list prints it: text, or a bulleted list of decisions."""
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in value) + "</ul>"
    return _e(value)


def list_html(spec: Spec) -> str:
    parts = list(spec.header)
    if spec.layout == "ruled":
        rows = []
        for n, (title, fields) in enumerate(_raw(spec), 1):
            rows.append(f'<tr><td class="l">{n}.</td><td><b>{_e(title)}</b></td></tr>')
            rows += [f'<tr><td class="l">{_e(spec.labels[k])}</td><td>{_v(v)}</td></tr>' for k, v in fields]
        parts.append(f'<table class="ruled">{"".join(rows)}</table>')
    elif spec.layout == "table":  # a borderless table, "Agendapunt n" in the small label column
        rows = []
        for n, (title, fields) in enumerate(_raw(spec), 1):
            rows.append(f'<tr><td class="l">Agendapunt {n}</td><td><b>{_e(title)}</b></td></tr>')
            rows += [f'<tr><td class="l">{_e(spec.labels[k])}</td><td>{_v(v)}</td></tr>' for k, v in fields]
        cls = "small middle" if spec.middle else "small"
        parts.append(f'<table class="{cls}">{"".join(rows)}</table>')
    elif spec.layout == "headed":  # unnumbered item titles over a right-aligned label column
        for title, fields in _raw(spec):
            parts.append(f"<h2>{_e(title)}</h2>")
            for k, v in fields:
                parts.append(
                    f'<div class="row"><div class="l r">{_e(spec.labels[k])}</div>'
                    f'<div class="v">{_v(v)}</div></div>'
                )
    elif spec.layout == "flex":
        for n, (title, fields) in enumerate(_raw(spec), 1):
            parts.append(
                f'<div class="row"><div class="l">Agendapunt {n}:</div>'
                f'<div class="v"><b>{_e(title)}</b></div></div>'
            )
            for k, v in fields:
                parts.append(
                    f'<div class="row"><div class="l">{_e(spec.labels[k])}</div>'
                    f'<div class="v">{_v(v)}</div></div>'
                )
    else:  # "ol": a numbered list of items, each a title and a label/value table
        lis = []
        for title, fields in _raw(spec):
            rows = "".join(
                f'<tr><td class="l">{_e(spec.labels[k])}</td><td>{_v(v)}</td></tr>' for k, v in fields
            )
            lis.append(f'<li><p class="title">{_e(title)}</p><table class="plain">{rows}</table></li>')
        parts.append(f"<ol>{''.join(lis)}</ol>")
    css = CSS + ("body, .row .l { font-size: 10pt; } h1 { font-size: 10pt; }" if spec.one_size else "")
    return (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(parts)}</body></html>"
    )


SPECS = {
    # one font size throughout, a ruled table, labels without colons, numbers in the label column
    "ruled-one-size": Spec(
        "ruled",
        {"Zaak": "Zaak", "Besluit": "Besluit", "Toezegging": "Toezeggingen"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            '<h1 class="same">Besluitenlijst procedurevergadering vaste commissie voor Justitie en '
            "Veiligheid</h1>",
            "<p>Vergadering van woensdag 12 maart 2025</p>",
        ),
        date(2025, 3, 12),
        one_size=True,
    ),
    # flex columns: a narrow column of small labels ("Agendapunt 1:") other spellings, the date labelled
    "flex-columns": Spec(
        "flex",
        {"Zaak": "Zaak(en):", "Besluit": "Besluit(en):", "Toezegging": "Toezegging:"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<h1>Besluitenlijst</h1>",
            "<p>Commissie: vaste commissie voor Justitie en Veiligheid</p>",
            "<p>Datum: donderdag 6 maart 2025</p>",
        ),
        date(2025, 3, 6),
    ),
    # a numbered list of items, labels in capitals, the committee in the title line
    "numbered-list": Spec(
        "ol",
        {"Zaak": "ZAAK", "Besluit": "BESLUIT", "Toezegging": "TOEZEGGINGEN"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<h1>Besluitenlijst procedurevergadering vaste commissie voor Justitie en Veiligheid</h1>",
            "<p>dinsdag 4 februari 2025, 13.00 uur</p>",
        ),
        date(2025, 2, 4),
    ),
    # unnumbered item titles (h2) over labels set flush right, "Besluitenlijst" and a dated meeting
    "headed-right-labels": Spec(
        "headed",
        {"Zaak": "Zaak:", "Besluit": "Besluit:", "Toezegging": "Toezegging:"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<h1>Besluitenlijst</h1>",
            "<p>Procedurevergadering van de vaste commissie voor Justitie en Veiligheid op 19 maart 2025</p>",
        ),
        date(2025, 3, 19),
    ),
    # a borderless table of small labels under a one-line "Datum" (a letterhead's label row)
    "table-dated": Spec(
        "table",
        {"Zaak": "Zaak", "Besluit": "Besluit", "Toezegging": "Toezegging"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<p><b>Besluitenlijst e-mailprocedure vaste commissie voor Justitie en Veiligheid</b></p>",
            "<p>Datum 5 maart 2025</p>",
        ),
        date(2025, 3, 5),
    ),
    # the same in a ruled table, each label in the middle of its cell, the date in figures
    "table-labels-middle": Spec(
        "table",
        {"Zaak": "Zaak", "Besluit": "Besluit", "Toezegging": "Toezegging"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<p><b>Besluitenlijst e-mailprocedure vaste commissie voor Justitie en Veiligheid</b></p>",
            "<p>d.d. 05-03-2025</p>",
        ),
        date(2025, 3, 5),
        middle=True,
    ),
    # "Besluiten:" over a bulleted list of decisions, each its own decision
    "listed-decisions": Spec(
        "flex",
        {"Zaak": "Zaak:", "Besluit": "Besluiten:", "Toezegging": "Toezeggingen:"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<h1>Besluitenlijst</h1>",
            "<p>Commissie: vaste commissie voor Justitie en Veiligheid</p>",
            "<p>Datum: donderdag 6 maart 2025</p>",
        ),
        date(2025, 3, 6),
        items=(3, 1, 0),
    ),
    # a list of one item: two label rows only, in capitals without colons
    "one-item-list": Spec(
        "ol",
        {"Zaak": "ZAAK", "Besluit": "BESLUIT", "Toezegging": "TOEZEGGING"},
        "vaste commissie voor Justitie en Veiligheid",
        (
            "<h1>Besluitenlijst e-mailprocedure vaste commissie voor Justitie en Veiligheid</h1>",
            "<p>vrijdag 7 maart 2025</p>",
        ),
        date(2025, 3, 7),
        items=(0,),
    ),
}

LETTER = """<html><head><meta charset='utf-8'><style>
@page { size: A4; margin: 25mm; } body { font: 10pt/13pt "DejaVu Sans"; margin: 0; }
td { vertical-align: top; padding: 0 0 3pt 0; } td.l { width: 30mm; font-size: 8pt; }
</style></head><body>
<table><tr><td class="l">Datum</td><td>14 maart 2025</td></tr>
<tr><td class="l">Betreft</td><td>Besluit over de capaciteit van het gevangeniswezen</td></tr>
<tr><td class="l">Ons kenmerk</td><td>6123456</td></tr></table>
<p>Geachte voorzitter,</p>
<p>Met deze brief informeer ik uw Kamer over het besluit van het kabinet over extra plaatsen in het
gevangeniswezen. Besluit: het kabinet opent twee nieuwe locaties. Zoals toegezegd in het commissiedebat
van 9 april 2025 ontvangt u voor de zomer een plan.</p>
<table><tr><td class="l">Locatie</td><td>Zaak</td></tr>
<tr><td class="l">Almere</td><td>Besluit volgt</td></tr></table>
<p>Hoogachtend,</p><p>De staatssecretaris van Justitie en Veiligheid,</p><p>I. Coenradie</p>
</body></html>"""
# A letter to a committee whose annex tabulates its toezeggingen in a label column, as a list would.
ANNEX = LETTER.replace(
    "<p>Geachte voorzitter,</p>",
    "<p>Aan de vaste commissie voor Justitie en Veiligheid</p><p>Geachte voorzitter,</p>",
).replace(
    "</body>",
    "<h2>Bijlage: overzicht</h2><table>"
    + "".join(
        f'<tr><td class="l">Toezegging</td><td>De staatssecretaris informeert de Kamer over locatie {n}.'
        "</td></tr>"
        f'<tr><td class="l">Status</td><td>Afgedaan met deze brief.</td></tr>'
        for n in range(4)
    )
    + "</table></body>",
)


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout-lists")
    return {name: read_typeset(folder, name, list_html(spec)) for name, spec in SPECS.items()}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_recognised_as_a_decision_list(lists, name):
    raw, letter = lists[name]
    assert raw.kind == "besluitenlijst"
    assert is_decision_list(letter)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_each_decision_its_own_mention_under_its_item_with_its_zaak(lists, name):
    _, letter = lists[name]
    mentions = extract_mentions(letter, [])
    found = {(m.kind, m.decision if m.kind == "besluit" else m.promise): m for m in mentions}
    expected = 0
    for title, fields in _items(SPECS[name]):
        zaak = next(v for k, v in fields if k == "Zaak")
        for kind, value in fields:
            if kind == "Zaak":
                continue
            expected += 1
            key = ("besluit" if kind == "Besluit" else "toezegging", value)
            assert key in found, (key, sorted(found))
            m = found[key]
            assert title in m.title, (m.title, title)
            assert any(title in h for h in m.section_path), (m.section_path, title)
            if kind == "Besluit":
                assert m.promise == zaak
    assert len(mentions) == expected


@pytest.mark.parametrize("name", sorted(SPECS))
def test_committee_and_meeting_date(lists, name):
    _, letter = lists[name]
    spec = SPECS[name]
    assert committee_of(letter) == spec.committee
    assert meeting_date(letter) == spec.when
    assert letter.date == spec.when


def test_a_letter_is_no_decision_list(tmp_path):
    raw, letter = read_typeset(tmp_path, "letter", LETTER)
    assert raw.kind != "besluitenlijst"
    assert not is_decision_list(letter)
    assert letter.date == date(2025, 3, 14)


def test_a_letter_with_a_table_of_toezeggingen_is_no_decision_list(tmp_path):
    raw, letter = read_typeset(tmp_path, "letter-annex", ANNEX)
    assert raw.kind != "besluitenlijst"
    assert not is_decision_list(letter)


def test_a_letter_in_one_font_size_is_no_decision_list(tmp_path):
    raw, letter = read_typeset(tmp_path, "letter-one-size", LETTER.replace("font-size: 8pt;", ""))
    assert raw.kind != "besluitenlijst"
    assert not is_decision_list(letter)
