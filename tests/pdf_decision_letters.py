"""Letters with a label/value letterhead that must stay letters beside the decision lists of
tests/pdf_decision_layouts.py: a memo (nota) without salutation, its label column holding Besluit and
Toezegging once each; a letter whose side column repeats on its second page; a letter whose annex
tabulates toezeggingen under a header row, as a grid list does.
"""

from __future__ import annotations

from datetime import date

from tests.pdf_decision_layouts import _page

LETTER_CSS = """@page { size: A4; margin: 25mm 20mm;
  @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font: 7.5pt "DejaVu Sans"; } }
body { font: 10pt/13pt "DejaVu Sans"; margin: 0; } p { margin: 0 0 6pt 0; }
td { vertical-align: top; padding: 0 0 3pt 0; } td.l { width: 30mm; font-size: 8pt; font-weight: bold; }
.side { float: right; width: 42mm; font-size: 7.5pt; line-height: 10pt; margin-left: 6mm; }
.side b { display: block; } .side p { margin: 0 0 6pt 0; }"""
BODY = (
    "<p>De commissie heeft op 9 april 2025 besloten de minister te vragen naar de stand van zaken. "
    "Besluit: het kabinet opent twee nieuwe locaties. Het besluit wordt in het voorjaar genomen.</p>"
)
# A memo (nota) to the minister: a label column of Aan, Van, Datum, Kenmerk, Betreft, a "Besluit"
# among them, headings, and no salutation or closing formula.
MEMO = _page(
    "<p><b>Nota</b></p><table>"
    + "".join(
        f'<tr><td class="l">{k}</td><td>{v}</td></tr>'
        for k, v in (
            ("Aan", "de minister van Justitie en Veiligheid"),
            ("Van", "de directeur-generaal Straffen en Beschermen"),
            ("Datum", "14 maart 2025"),
            ("Kenmerk", "6123456"),
            ("Betreft", "Besluit over de capaciteit van het gevangeniswezen"),
            ("Besluit", "Gevraagd: instemming met de bijgevoegde brief aan de Kamer"),
            ("Toezegging", "Commissiedebat gevangeniswezen van 9 april 2025"),
        )
    )
    + "</table><h3>1. Aanleiding</h3>"
    + BODY * 3
    + "<h3>2. Besluit</h3>"
    + BODY * 2
    + "<h3>3. Kern</h3>"
    + BODY,
    LETTER_CSS,
)
_SIDE = '<div class="side"><p><b>Datum</b>14 maart 2025</p><p><b>Kenmerk</b>6123456</p>{more}</div>'
# A letter whose side column (Datum, Kenmerk) repeats on its second page, with "Betreft" and "Besluit".
SIDE_LETTER = _page(
    _SIDE.format(more="<p><b>Betreft</b>Besluit over de capaciteit</p><p><b>Besluit</b>bijgevoegd</p>")
    + "<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p><p>Geachte voorzitter,</p>"
    + BODY * 6
    + '<div style="break-before: page"></div>'
    + _SIDE.format(more="")
    + BODY * 4
    + "<p>Hoogachtend,</p><p>de minister van Justitie en Veiligheid,</p><p>D.M. van Weel</p>",
    LETTER_CSS,
)
# A letter to a committee whose annex tabulates toezeggingen under a bold header row, as a grid list does.
GRID_LETTER = _page(
    "<p>Aan de vaste commissie voor Justitie en Veiligheid</p><p>Datum 14 maart 2025</p>"
    "<p>Geachte voorzitter,</p>"
    + BODY * 2
    + "<p>Hoogachtend,</p><p>de minister van Justitie en Veiligheid,</p><p>D.M. van Weel</p>"
    + '<table class="grid"><tr><td><b>Nr.</b></td><td><b>Toezegging</b></td>'
    "<td><b>Stand van zaken</b></td></tr>"
    + "".join(
        f"<tr><td>{n}.</td><td>De minister informeert de Kamer over locatie {n}.</td><td>Afgedaan.</td></tr>"
        for n in range(1, 5)
    )
    + "</table>",
    LETTER_CSS + " table.grid td { padding: 3pt 6pt; border: 0.5pt solid #000; }",
)
LETTERS = {
    "letter-toezeggingen-grid": (GRID_LETTER, date(2025, 3, 14)),
    "memo-label-column": (MEMO, date(2025, 3, 14)),
    "letter-side-column-repeated": (SIDE_LETTER, date(2025, 3, 14)),
}
