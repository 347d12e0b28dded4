"""Signature blocks in many arrangements, typeset by the test as the end of a letter and read back.

One signer or several, side by side or one under the other, the function above the name or under
it, on one line with the name or over two lines, titles before the name, ministries whose name
holds a comma ("Onderwijs, Cultuur en Wetenschap"), with or without a closing formula. The sender
must name every signer with the function printed for them.
"""

from __future__ import annotations

import html

import pytest

from ingest.loaders import load_document
from ingest.parse import parse_letter

pytest.importorskip("weasyprint")

BODY = " ".join(
    "Met deze brief informeer ik uw Kamer over de voortgang van het programma en de afspraken die "
    "daarover met de medeoverheden zijn gemaakt."
    for _ in range(6)
)
EZK = "De minister van Economische Zaken en Klimaat,"
OCW = "De minister van Onderwijs, Cultuur en Wetenschap,"


def _stack(*lines: str) -> str:
    """Lines of one signer; "" is white space (where the signature is written)."""
    return "".join(
        "<p style='margin:0'>&nbsp;</p>" if not ln else f"<p style='margin:0'>{html.escape(ln)}</p>"
        for ln in lines
    )


def _side(*signers: tuple[str, ...]) -> str:
    cells = "".join(f"<td style='vertical-align:top;width:75mm'>{_stack(*s)}</td>" for s in signers)
    return f"<table style='border-collapse:collapse'><tr>{cells}</tr></table>"


CASES = {
    "function-above-name": (
        "Hoogachtend,",
        _stack(EZK, "", "", "Micky Adriaansens"),
        "Micky Adriaansens (minister van Economische Zaken en Klimaat)",
    ),
    "name-above-function": (
        "Met vriendelijke groet,",
        _stack("", "", "M.A.M. Adriaansens", "Minister van Economische Zaken en Klimaat"),
        "M.A.M. Adriaansens (minister van Economische Zaken en Klimaat)",
    ),
    "minister-voor": (
        "Hoogachtend,",
        _stack("De minister voor Klimaat en Energie,", "", "", "R.A.A. Jetten"),
        "R.A.A. Jetten (minister voor Klimaat en Energie)",
    ),
    "ministry-with-comma": (
        "Hoogachtend,",
        _stack(OCW, "", "", "Robbert Dijkgraaf"),
        "Robbert Dijkgraaf (minister van Onderwijs, Cultuur en Wetenschap)",
    ),
    "ministry-with-comma-over-two-lines": (
        "Hoogachtend,",
        _stack("De minister van Onderwijs, Cultuur en", "Wetenschap,", "", "", "drs. R.H. Dijkgraaf"),
        "R.H. Dijkgraaf (minister van Onderwijs, Cultuur en Wetenschap)",
    ),
    "titles-before-the-name": (
        "Hoogachtend,",
        _stack("De staatssecretaris van Financiën,", "", "", "mr. dr. A.B. van der Jansen"),
        "A.B. van der Jansen (staatssecretaris van Financiën)",
    ),
    "two-side-by-side-commas": (
        "Hoogachtend,",
        _side((EZK, "", "", "Micky Adriaansens"), (OCW, "", "", "Robbert Dijkgraaf")),
        "Micky Adriaansens (minister van Economische Zaken en Klimaat); "
        "Robbert Dijkgraaf (minister van Onderwijs, Cultuur en Wetenschap)",
    ),
    "two-side-by-side-name-above-function": (
        "Hoogachtend,",
        _side(
            ("", "", "prof. dr. ir. K.L. de Boer", "Minister van Infrastructuur en Waterstaat"),
            ("", "", "V.L.W.A. Heijnen", "Staatssecretaris van Infrastructuur en Waterstaat"),
        ),
        "K.L. de Boer (minister van Infrastructuur en Waterstaat); "
        "V.L.W.A. Heijnen (staatssecretaris van Infrastructuur en Waterstaat)",
    ),
    "two-one-under-the-other": (
        "Hoogachtend,",
        _stack(EZK, "", "", "Micky Adriaansens", "", "", OCW, "", "", "Robbert Dijkgraaf"),
        "Micky Adriaansens (minister van Economische Zaken en Klimaat); "
        "Robbert Dijkgraaf (minister van Onderwijs, Cultuur en Wetenschap)",
    ),
    "capitals-no-closing": (
        "",
        _stack("DE MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT,", "", "", "E.J. Kuipers"),
        "E.J. Kuipers (minister van Volksgezondheid, Welzijn en Sport)",
    ),
    "function-and-name-on-one-line": (
        "Hoogachtend,",
        _stack("De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, E. van Marum"),
        "E. van Marum (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties)",
    ),
    "no-closing-name-above-function": (
        "",
        _stack("", "Hugo de Jonge", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        "Hugo de Jonge (minister van Binnenlandse Zaken en Koninkrijksrelaties)",
    ),
}


def _letter_html(closing: str, block: str) -> str:
    """A short letter with what makes the reader read its layout: a heading, a footnote, a footer."""
    css = (
        "@page { size: A4; margin: 30mm 25mm; @bottom-center { content: 'Pagina ' counter(page) ' van ' "
        "counter(pages); font: 7pt 'DejaVu Sans' } } body { font: 10pt/13pt 'DejaVu Sans' } "
        "p { margin: 0 0 13pt 0 } h2 { font: bold 11pt 'DejaVu Sans'; margin: 0 0 6pt 0 } "
        ".fn { float: footnote; font: 7pt/9pt 'DejaVu Sans' } "
        ".fn::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt; "
        "line-height: 0 }"
    )
    note = '<span class="fn">Kamerstukken II 2023/24, 26 643, nr. 1100.</span>'
    parts = ["<p>Geachte voorzitter,</p>", "<h2>1. Voortgang</h2>", f"<p>{BODY}{note}</p>", f"<p>{BODY}</p>"]
    if closing:
        parts.append(f"<p>{html.escape(closing)}</p>")
    return f"<html><head><style>{css}</style></head><body>{''.join(parts)}{block}</body></html>"


@pytest.mark.parametrize("case", sorted(CASES))
def test_signers_in_every_arrangement(tmp_path, case):
    from weasyprint import HTML

    closing, block, expected = CASES[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(HTML(string=_letter_html(closing, block)).write_pdf())
    letter = parse_letter(load_document(path))
    assert letter.format == "pdf" and not letter.reader_notes  # read from its layout
    assert letter.sender == expected
    assert "Adriaansens" not in (letter.title or "")


def test_a_sentence_about_a_minister_is_no_signature(tmp_path):
    from weasyprint import HTML

    block = _stack("De minister zendt de Kamer voor de zomer een overzicht van de incidenten.")
    path = tmp_path / "zin.pdf"
    path.write_bytes(HTML(string=_letter_html("", block)).write_pdf())
    assert parse_letter(load_document(path)).sender is None
