"""The PDF layout reader on small PDFs the tests typeset: columns, signers, calls, running lines, limits."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.loaders import _read_pdf, load_document
from ingest.model import HEADING, LIST_ITEM, TABLE_ROW
from ingest.parse import parse_letter

pytest.importorskip("weasyprint")

FILLER = "Het kabinet werkt aan een betere dienstverlening voor burgers en ondernemers in het hele land. "

LETTER = f"""<html><head><style>
@page {{ size: A4; margin: 30mm 25mm;
  @top-center {{ content: "Voortgangsbrief digitale overheid"; font: 7pt "DejaVu Sans"; }}
  @bottom-center {{ content: counter(page); font: 8pt "DejaVu Sans"; }} }}
body {{ font: 10pt/13pt "DejaVu Sans"; margin: 0; }} p {{ margin: 0 0 13pt 0; }}
h2 {{ font-size: 10pt; font-weight: bold; margin: 0 0 4pt 0; }}
.fn {{ float: footnote; font: 7.5pt/9pt "DejaVu Sans"; }}
.fn::footnote-call {{ content: attr(data-n); vertical-align: super; font-size: 6pt; line-height: 0; }}
.fn::footnote-marker {{ content: attr(data-n) " "; vertical-align: super; font-size: 5pt; }}
sup {{ font-size: 6pt; vertical-align: super; line-height: 0; }}
td {{ vertical-align: top; padding: 0 12mm 0 0; }}
</style></head><body>
<p>Datum 3 maart 2026</p>
<p>Betreft Voortgang digitale overheid</p>
<p>Geachte voorzitter,</p>
<h2>1. Dienstverlening</h2>
<p>{FILLER * 3}Dit is de 1<sup>e</sup> stap op 20 m<sup>2</sup> kantoorruimte, zoals toegezegd<span class="fn"
 data-n="1">TZ202504-147</span> en eerder gemeld<span class="fn" data-n="2">Kamerstukken II 2024/25, 26643,
 nr. 1287.</span>.</p>
<p>• eerste punt van de lijst<br>• tweede punt van de lijst</p>
<p>{FILLER * 30}</p>
<h2>2. Vervolg</h2>
<p>{FILLER * 8} De motie is uitgevoerd<span class="fn" data-n="3">Kamerstuk 36600 VII, nr. 62.</span>.</p>
<p>Hoogachtend,</p>
<table><tr><td>De minister van Economische Zaken en Klimaat,</td>
<td>De staatssecretaris van Financiën,</td></tr>
<tr><td><br><br>M.A.M. Adriaansens</td><td><br><br>M.L.A. van Rij</td></tr></table>
</body></html>"""

LEFT = " ".join(f"Links {i} gaat over het klimaatbeleid van het kabinet." for i in range(30))
RIGHT = " ".join(f"Rechts {i} gaat over de internationale inzet." for i in range(30))
COLUMNS = f"""<html><head><style>
@page {{ size: A4; margin: 25mm 20mm; }} body {{ font: 9.5pt/12pt "DejaVu Sans"; margin: 0; }}
h1 {{ font-size: 14pt; }} .cols {{ columns: 2; column-gap: 10mm; }}
.fn {{ float: footnote; font: 7pt/9pt "DejaVu Sans"; }}
.fn::footnote-call {{ content: counter(footnote); vertical-align: super; font-size: 6pt; line-height: 0; }}
.fn::footnote-marker {{ content: counter(footnote) " "; }}
</style></head><body><h1>Internationale klimaatstrategie</h1>
<div class="cols"><p>{LEFT} Zie de strategie<span class="fn">Kamerstuk 31793, nr. 200.</span>.</p>
<p>{RIGHT}</p></div>
<h1>Tweede deel over de hele breedte</h1><div class="cols"><p>{LEFT.replace("Links", "Daarna")}</p></div>
</body></html>"""


def _pdf(tmp_path, name: str, html: str):
    from weasyprint import HTML

    path = tmp_path / name
    path.write_bytes(HTML(string=html).write_pdf())
    return path


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory):
    path = _pdf(tmp_path_factory.mktemp("pdf"), "brief.pdf", LETTER)
    raw = load_document(path)
    return path, raw, parse_letter(raw)


def test_raised_numbers_are_calls_but_ordinals_and_units_are_not(letter_pdf):
    _, raw, letter = letter_pdf
    assert [(m.number, m.footnote_id) for m in letter.markers] == [(1, "fn1"), (2, "fn2"), (3, "fn3")]
    assert letter.footnote("fn1").toezeggingen == ("TZ202504-147",)
    assert letter.footnote("fn2").kamerstukken == ("kst-26643-1287",)
    assert "de 1e stap op 20 m2 kantoorruimte, zoals toegezegd[1] en eerder gemeld[2]." in letter.text


def test_label_lines_running_header_and_page_numbers_are_not_body(letter_pdf):
    _, raw, letter = letter_pdf
    assert (letter.date, letter.title) == (date(2026, 3, 3), "Voortgang digitale overheid")
    assert letter.text.startswith("Geachte voorzitter,")
    assert "Voortgangsbrief digitale overheid" not in letter.text
    assert not any(line.strip().isdigit() for line in letter.text.splitlines())
    assert max(b.page or 0 for b in raw.blocks) >= 2  # the header was repeated on more than one page


def test_headings_lists_and_signers_side_by_side(letter_pdf):
    _, raw, letter = letter_pdf
    kinds = {b.text: b.kind for b in raw.blocks}
    assert kinds["1. Dienstverlening"] == HEADING and kinds["2. Vervolg"] == HEADING
    assert (
        kinds["• eerste punt van de lijst"] == LIST_ITEM and kinds["• tweede punt van de lijst"] == LIST_ITEM
    )
    assert [s.heading for s in letter.sections if s.heading] == ["1. Dienstverlening", "2. Vervolg"]
    assert letter.sender == (
        "M.A.M. Adriaansens (minister van Economische Zaken en Klimaat); "
        "M.L.A. van Rij (staatssecretaris van Financiën)"
    )
    assert any(b.kind == TABLE_ROW for b in raw.blocks)  # the signers' row, cell by cell


def test_two_columns_are_read_column_by_column(tmp_path):
    raw = load_document(_pdf(tmp_path, "kolommen.pdf", COLUMNS))
    letter = parse_letter(raw)
    text = "\n\n".join(b.text for b in raw.blocks)
    assert letter.title == "Internationale klimaatstrategie"  # the largest type on the first page
    assert [(m.number, m.footnote_id) for m in letter.markers] == [(1, "fn1")]
    assert "Zie de strategie[1]." in text and "31793" not in text
    assert text.index("Links 29 ") < text.index("Rechts 0 ") < text.index("Rechts 29 ")
    assert text.index("Rechts 29 ") < text.index("Tweede deel over de hele breedte") < text.index("Daarna 0 ")
    assert (
        "Links 3 gaat over het klimaatbeleid van het kabinet. Links 4 gaat" in text
    )  # lines joined in order


def test_too_many_pages_are_refused_with_the_reason(letter_pdf):
    path, _, _ = letter_pdf
    with pytest.raises(Exception, match=r"too many pages \(more than the limit of 1\)"):
        _read_pdf(path.read_bytes(), max_pages=1)
    assert _read_pdf(path.read_bytes(), max_pages=10).blocks
