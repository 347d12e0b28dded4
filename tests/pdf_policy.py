"""A policy paper typeset in CSS columns: figures with small labels, a table, a margin column of quotes.

Real strategy papers set their body in two or three columns; a figure's labels and caption, a table
inside a column and pull-quotes in a narrow margin column stand beside body lines at the same
height. WeasyPrint flows the text (`column-count`); a figure is a float placed in the middle of a
sentence, so the sentence goes on below it. The truth is what was typeset: the body sentences, the
captions, the quotes and the table's rows.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field

SUBJECTS = [
    "Het kabinet",
    "De minister",
    "Nederland",
    "De Europese Unie",
    "Het ministerie",
    "De regering",
    "Elk partnerland",
    "De ambassade",
    "Het fonds",
    "De uitvoeringsorganisatie",
]
VERBS = [
    "investeert in",
    "ondersteunt",
    "versterkt",
    "bevordert",
    "financiert",
    "verbetert",
    "bespreekt",
    "evalueert",
    "breidt uit",
    "stimuleert",
]
OBJECTS = [
    "de klimaatfinanciering voor ontwikkelingslanden",
    "de energietransitie in Afrika",
    "schone technologie voor kleine ondernemers",
    "het herstel van natuur en landschap",
    "de weerbaarheid van kustgebieden tegen overstromingen",
    "duurzame landbouw en voedselzekerheid",
    "de samenwerking met internationale ontwikkelingsbanken",
    "het bereik van mitigatieprojecten",
    "de toegang tot betaalbare en duurzame energie",
    "de inzet van private middelen voor adaptatie",
]
TAILS = [
    "in de komende vier jaar",
    "samen met maatschappelijke organisaties",
    "binnen de bestaande budgetten",
    "met bijzondere aandacht voor vrouwen en jongeren",
    "zoals afgesproken in het regeerakkoord",
    "in lijn met de Overeenkomst van Parijs",
    "op basis van de laatste wetenschappelijke inzichten",
    "in nauwe afstemming met de andere lidstaten",
    "waarbij de resultaten jaarlijks worden gemeten",
]
QUOTES = [
    "Klimaatbeleid is ook veiligheidsbeleid voor de komende generaties.",
    "Wie nu investeert in adaptatie, voorkomt later veel grotere schade.",
    "Samenwerking met partnerlanden is de kern van deze strategie.",
]
TABLE = [
    ("Thema", "2023", "2025"),
    ("Mitigatie", "640", "720"),
    ("Adaptatie", "410", "530"),
    ("Natuur", "95", "140"),
    ("Overig", "55", "60"),
]
# a table over the whole width between two runs of columns
WIDE = [
    ("Instrument", "Partner", "Looptijd", "Bedrag"),
    ("Garantiefonds", "FMO", "2023-2030", "250"),
    ("Adaptatiefonds", "VN", "2023-2026", "120"),
    ("Natuurprogramma", "IUCN", "2024-2027", "80"),
]


@dataclass
class PaperTruth:
    sentences: list[str] = field(default_factory=list)  # body sentences, captions and quotes
    body: list[str] = field(default_factory=list)  # the body sentences alone, in the order written
    table_rows: list[tuple[str, ...]] = field(default_factory=list)  # the tables' rows, cell by cell
    quotes: list[str] = field(default_factory=list)


def _sentence(rng: random.Random, used: set[str]) -> str:
    while True:
        text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
        if rng.random() < 0.4:
            text = text[:-1] + f", {rng.choice(TAILS)}."
        if text not in used:
            used.add(text)
            return text


def _figure(n: int, caption: str) -> str:
    """A bar chart: small labels and axis numbers placed absolutely, the caption under it."""
    bars = [("Mitigatie", 70), ("Energie", 45), ("Adaptatie", 58), ("Natuur", 22)]
    parts = []
    for i, (label, length) in enumerate(bars):
        top = 4 + i * 13
        parts.append(f'<span class="lab" style="left:0;top:{top}pt">{label}</span>')
        parts.append(f'<span class="bar" style="left:48pt;top:{top + 1}pt;width:{length}pt"></span>')
        parts.append(f'<span class="lab" style="left:{52 + length}pt;top:{top}pt">{length // 5}</span>')
    for i, tick in enumerate(("0", "5", "10", "15")):
        parts.append(f'<span class="lab" style="left:{48 + i * 25}pt;top:58pt">{tick}</span>')
    return (
        f'<span class="fig"><span class="plot">{"".join(parts)}</span>'
        f'<span class="cap">Figuur {n}: {html.escape(caption)}</span></span>'
    )


def paper_html(
    columns: int = 2, sidebar: bool = True, seed: int = 3, justify: bool = False, wide_table: bool = False
) -> tuple[str, PaperTruth]:
    rng = random.Random(seed)
    used: set[str] = set()
    truth = PaperTruth()
    body: list[str] = []
    figures = quotes = 0
    for section in range(6):
        body.append(f"<h2>{section + 1}. {rng.choice(OBJECTS).capitalize()}</h2>")
        for para in range(4):
            sentences = [_sentence(rng, used) for _ in range(rng.randint(3, 6))]
            truth.sentences += sentences
            truth.body += sentences
            words = " ".join(sentences).split()
            if para == 1 and figures < 3:
                # the figure floats in the middle of a sentence: the sentence goes on below it
                figures += 1
                caption = (
                    f"verdeling van de klimaatfinanciering over {figures + 2} thema's in miljoenen euro "
                    "(bron: jaarverslag van het ministerie)."
                )
                truth.sentences.append(f"Figuur {figures}: {caption}")
                cut = len(words) // 2
                words = [*words[:cut], _figure(figures, caption), *words[cut:]]
            if sidebar and para == 2 and quotes < len(QUOTES):
                quote = QUOTES[quotes]
                quotes += 1
                truth.quotes.append(quote)
                words.insert(0, f'<span class="quote">{html.escape(quote)}</span>')
            body.append(f"<p>{' '.join(words)}</p>")
        if section == 2:
            rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)
            body.append(f'<table class="t">{rows}</table>')
            truth.table_rows += TABLE
        if section == 4 and wide_table:
            rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in WIDE)
            # the columns stop above it and go on below it (WeasyPrint does not span a table)
            body.append(f'</div><table class="t wide">{rows}</table><div class="cols">')
            truth.table_rows += WIDE
    left = 150 if sidebar else 45
    css = f"""
@page {{ size: A4; margin: 60pt 45pt 60pt {left}pt;
  @top-left {{ content: "Internationale klimaatstrategie"; font: 6.5pt "DejaVu Sans"; }}
  @bottom-center {{ content: counter(page); font: 8pt "DejaVu Sans"; }}
  @left-top {{ content: element(quote); width: 88pt; margin: 40pt 18pt 0 12pt; vertical-align: top;
    text-align: left; }} }}
body {{ font: 9pt/12pt "DejaVu Sans"; margin: 0; }}
h1 {{ font-size: 18pt; margin: 0 0 18pt 0; }}
.cols {{ column-count: {columns}; column-gap: {14 if columns == 3 else 18}pt;
  text-align: {"justify" if justify else "left"}; }}
h2 {{ font-size: 10.5pt; font-weight: bold; margin: 10pt 0 4pt 0; }} p {{ margin: 0 0 6pt 0; }}
.fig {{ float: left; width: 100%; margin: 4pt 0 6pt 0; }}
.plot {{ display: block; position: relative; height: 68pt; }}
.lab {{ position: absolute; font: 6pt "DejaVu Sans"; white-space: nowrap; }}
.bar {{ position: absolute; height: 7pt; background: #4a7; }}
.cap {{ display: block; font: italic 7pt/8.5pt "DejaVu Sans"; text-align: left; }}
.quote {{ position: running(quote); font: italic 8pt/10.5pt "DejaVu Serif"; text-align: left; }}
table.t {{ font: 8pt/10pt "DejaVu Sans"; border-collapse: collapse; margin: 4pt 0 8pt 0; }}
table.t td {{ padding: 1pt 18pt 1pt 0; border-bottom: 0.4pt solid #999; }}
table.wide {{ width: 100%; }}
"""
    doc = (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        f"<h1>Internationale klimaatstrategie</h1><div class='cols'>{''.join(body)}</div></body></html>"
    )
    truth.sentences += truth.quotes
    return doc, truth


def typeset_policy(**options) -> tuple[bytes, PaperTruth]:
    from weasyprint import HTML

    doc, truth = paper_html(**options)
    pdf = HTML(string=doc).write_pdf()
    # a page shows one quote in its margin (the first placed on it): the others are not printed
    printed = _printed(pdf)
    shown = [q for q in truth.quotes if _squash(q) in printed]
    truth.sentences = [s for s in truth.sentences if s not in truth.quotes or s in shown]
    truth.quotes = shown
    return pdf, truth


def _squash(text: str) -> str:
    return "".join(text.split())


def _printed(pdf: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text

    return _squash(extract_text(io.BytesIO(pdf)))
