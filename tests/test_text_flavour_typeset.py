"""The plain-text reader on letters the tests typeset and read back as the other tool's text flavour.

Each PDF is typeset here (WeasyPrint) and read by pypdfium2 as the shared text flavour writes text
(tests/text_flavour_docs.py); its truth is what was typeset. Development material only.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from ingest.loaders import RawDocument
from ingest.parse import parse_letter
from tests.text_flavour_dev import score
from tests.text_flavour_docs import SUBJECT, Doc, body_after_notes, demo_docs, flavour_text, varied_html

pytest.importorskip("weasyprint")
pytest.importorskip("pypdfium2")


def _pdf(page: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=page).write_pdf()


def read(text: str):
    return parse_letter(RawDocument(source="brief.txt", format="text", digest="x", text=text))


@pytest.fixture(scope="module")
def varied():
    page, calls, probes, traps = varied_html(24)
    text = flavour_text(_pdf(page))
    return Doc("varied-24", text, calls, probes, {"title": SUBJECT}, not_calls=traps)


def test_a_footnote_deferred_to_the_next_page_is_found_there(varied):
    # WeasyPrint finds no room for footnote 11 (a long one) at the foot of its call's page and prints
    # it at the head of the next page's footnotes, where nothing on that page calls it
    lines = varied.text.split("\n")
    label = next(i for i, ln in enumerate(lines) if ln.startswith("11 Zie"))
    call = next(i for i, ln in enumerate(lines) if "Kathmann)11." in ln)
    assert any(re.fullmatch(r"Pagina \d+ van \d+", ln) for ln in lines[call:label])
    letter = read(varied.text)
    fn = next(f for f in letter.footnotes if f.number == 11)
    assert fn.text.startswith("Zie het rapport van de Algemene Rekenkamer")
    row = score(varied)
    assert (row.correct, row.predicted, row.gold) == (24, 24, 24), row.problems
    assert not row.in_footnotes and not row.traps


def test_two_footnotes_on_one_printed_line_are_two(varied):
    # a tool that joins a short footnote's line to the one above it: "... nr. 45, item 12. 13 Kamer..."
    lines = varied.text.split("\n")
    at, n = next(
        (i, int(m.group(1)))
        for i, ln in enumerate(lines)
        if (m := re.match(r"(\d+) Kamerstukken II", ln))
        and lines[i - 1].startswith(f"{int(m.group(1)) - 1} Hand")
    )
    joined = lines[: at - 1] + [lines[at - 1] + " " + lines[at]] + lines[at + 1 :]
    letter = read("\n".join(joined))
    texts = {f.number: f.text for f in letter.footnotes}
    assert texts[n - 1] == "Handelingen II 2024/25, nr. 45, item 12."
    assert texts[n].startswith("Kamerstukken II 2024/25, 21 501-30, nr. 612")
    row = score(Doc("joined", "\n".join(joined), varied.calls, varied.probes, not_calls=varied.not_calls))
    assert row.correct == row.predicted == row.gold == 24, row.problems


def test_a_footnote_line_with_a_number_after_an_abbreviation_stays_whole(varied):
    # "nr. 45" inside a footnote is no footnote 45, and "item 12." followed by a lower-case word no new one
    letter = read(varied.text)
    fourth = next(f for f in letter.footnotes if f.number == 4)
    assert fourth.text == "Handelingen II 2024/25, nr. 45, item 12."


@pytest.fixture(scope="module")
def varied14() -> str:
    return flavour_text(_pdf(varied_html(14)[0]))


@pytest.fixture(scope="module")
def kamerstuk_letter():
    return next(d for d in demo_docs() if d.name == "demo-003")


def test_kamerstuk_header_with_one_space_after_the_dossier_number(kamerstuk_letter):
    # the flavour prints "26643 Informatie- en communicatietechnologie (ICT)" with one space
    assert kamerstuk_letter.text.startswith("26643 Informatie")
    letter = read(kamerstuk_letter.text)
    assert (letter.kamerstuk, letter.title) == (
        kamerstuk_letter.metadata["kamerstuk"],
        kamerstuk_letter.metadata["title"],
    )
    row = score(kamerstuk_letter)
    assert row.meta_ok == row.meta_n and row.correct == row.gold == row.predicted, row.problems


FICHE_CSS = (
    '@page { size: A4; margin: 25mm; @top-right { content: counter(page); font: 8pt "DejaVu Sans"; } }'
    ' body { font: 9pt/12pt "DejaVu Sans"; }'
)
FICHE_TITLE = "Fiche 2: Verordening over betaalrekeningen en digitale betalingen"


def test_a_fiche_under_a_page_label_keeps_its_title():
    filler = "Het voorstel regelt de toegang tot betaalrekeningen voor alle burgers in de Unie. " * 80
    body = f"<p>{FICHE_TITLE}</p><p>1. Algemene gegevens</p><p>a) Titel voorstel</p><p>{filler}</p>"
    text = flavour_text(_pdf(f"<html><head><style>{FICHE_CSS}</style></head><body>{body}</body></html>"))
    # the page number heads its page, as the text of a real fiche has it: each page's label (which
    # WeasyPrint writes after the page's text) moved above that page's lines
    pages, cur = [], []
    for line in text.strip().split("\n"):
        if line.strip().isdigit():
            pages.append([line] + cur)
            cur = []
        else:
            cur.append(line)
    assert len(pages) >= 2 and not cur
    letter = read("\n".join(ln for p in pages for ln in p))
    assert letter.text.startswith(FICHE_TITLE)
    assert (letter.title, letter.kind) == (FICHE_TITLE, "fiche")


LONG_PARA_CSS = (
    '@page { size: A4; margin: 25mm; @bottom-right { content: "Pagina " counter(page) " van " counter(pages);'
    ' font: 7pt "DejaVu Sans"; } } body { font: 9pt/12pt "DejaVu Sans"; }'
    ' .fn { float: footnote; font: 7pt/9pt "DejaVu Sans"; }'
    " .fn::footnote-call { content: counter(footnote); vertical-align: super; font-size: 5.5pt; }"
    ' .fn::footnote-marker { content: counter(footnote) " "; }'
)


def test_a_call_in_a_paragraph_that_runs_over_pages_has_its_own_lines_page():
    # one paragraph over five pages (no short line ends it before): a call on page 5 is on page 5,
    # not on the page where its paragraph began, and finds its footnote there
    sentence = "Het kabinet investeert in de regio en werkt daarbij samen met gemeenten en provincies. "
    calls = {40: "Kamerstuk 33009, nr. 120.", 150: "Kamerstuk 21501-30, nr. 612.", 260: "Zie de bijlage."}
    parts = []
    for i in range(300):
        parts.append(sentence)
        if i in calls:
            parts.append(f'Dit is gemeld in de brief<span class="fn">{calls[i]}</span>. ')
    page = (
        f"<html><head><style>{LONG_PARA_CSS}</style></head><body><p>{''.join(parts)}</p>"
        "<p>Hoogachtend,</p></body></html>"
    )
    text = flavour_text(_pdf(page))
    assert sum(1 for ln in text.split("\n") if ln.startswith("Pagina ")) >= 5
    letter = read(text)
    assert len(letter.footnotes) == 3 and len(letter.markers) == 3
    for marker in letter.markers:
        fn = letter.footnote(marker.footnote_id)
        assert fn is not None and marker.page == fn.page, (marker, fn)
    assert letter.markers[-1].page >= 4


MOTIE = """<html><head><style>@page { size: A4; margin: 25mm; }
body { font: 10pt/13pt "DejaVu Sans"; } p { margin: 0 0 6pt 0; }
td { vertical-align: top; padding: 0 6mm 4pt 0; } td.nr { white-space: nowrap; }
.colophon { font: 6pt "DejaVu Sans"; margin-top: 20mm; }</style></head><body>
<p>Tweede Kamer der Staten-Generaal</p><p>Vergaderjaar 2025–2026</p>
<table><tr><td class="nr">36 600 VII</td><td>Vaststelling van de begrotingsstaten van het Ministerie van
Binnenlandse Zaken en Koninkrijksrelaties (VII) voor het jaar 2026</td></tr>
<tr><td class="nr">Nr. 123</td><td>MOTIE VAN HET LID JANSEN C.S.</td></tr></table>
<p>Voorgesteld 3 maart 2026</p>
<p>De Kamer,</p><p>gehoord de beraadslaging,</p>
<p>overwegende dat gemeenten meer ruimte nodig hebben om de digitale dienstverlening te verbeteren;</p>
<p>verzoekt de regering, in overleg met de VNG een plan op te stellen voor de digitale dienstverlening
van gemeenten,</p><p>en gaat over tot de orde van de dag.</p>
<p>Jansen</p><p>De Vries</p>
<div class="colophon"><p>kst-36600-VII-123</p><p>ISSN 0921 - 7371</p>
<p>’s-Gravenhage 2026 Tweede Kamer, vergaderjaar 2025–2026, 36 600 VII, nr. 123</p></div>
</body></html>"""


def test_a_motie_as_text_gets_its_kamerstuk_header_read():
    text = flavour_text(_pdf(MOTIE))
    assert "36 600 VII Vaststelling" in text  # the flavour sets the dossier and its title one space apart
    letter = read(text)
    assert (letter.kamerstuk_id, letter.kind, letter.date) == ("kst-36600-VII-123", "motie", date(2026, 3, 3))
    assert letter.title.startswith("Motie van het lid Jansen c.s.; Vaststelling van de begrotingsstaten")
    assert [m.name for m in letter.indieners][:2] == ["Jansen", "De Vries"]
    assert letter.addressee == "Tweede Kamer"
    # its dictum clause by clause, as the structured readers label it
    paragraphs = letter.text.split("\n\n")
    assert [p.split(" ")[0] for p in paragraphs] == [
        "Motie",
        "De",
        "gehoord",
        "overwegende",
        "verzoekt",
        "en",
    ]
    assert paragraphs[-1].endswith("orde van de dag.\nJansen\nDe Vries")
    for printed in ("kst-36600-VII-123", "ISSN", "’s-Gravenhage 2026", "Vergaderjaar", "MOTIE VAN HET LID"):
        assert printed not in letter.text


def test_body_text_written_after_a_pages_footnotes_stays_body(varied14):
    # a tool that writes a page's last body lines after its footnotes: the last footnote ends with its
    # sentence, the body's cut sentence goes on in lower case; the reader says what it did
    text, moved = body_after_notes(varied14, 2)
    letter = read(text)
    assert moved.startswith(("resultaten", "het ", "de ")) or moved[0].islower()
    assert not any(moved[:40] in fn.text for fn in letter.footnotes)
    assert " ".join(moved.split()[:6]) in " ".join(letter.text.split())
    assert any("body text after its footnotes" in n for n in letter.reader_notes)
    assert [fn.number for fn in letter.footnotes] == list(range(1, 15))
