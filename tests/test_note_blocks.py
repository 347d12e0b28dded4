"""Footnote blocks on small made-up texts: where a footnote ends without page evidence, two footnote
columns read apart, and which numbers are calls (ingest/note_ends.py, note_columns.py, footnotes.py)."""

from __future__ import annotations

import textwrap

from ingest.footnote_blocks import NOTE_BOUND
from ingest.layout import analyse
from ingest.loaders import RawDocument
from ingest.note_columns import Line, read_block
from ingest.parse import parse_letter

FULL = "Een regel van de brief die de volle breedte van de bladzijde vult en doorloopt tot de rand"


def parse(text: str):
    return parse_letter(RawDocument(source="brief.txt", format="text", digest="x", text=text))


def dense(*lines: str, before: int = 12, after: int = 12) -> str:
    """Lines among full body lines, as the other tool writes them: no blank lines, no page labels."""
    return "\n".join([f"{FULL} {i}." if i % 4 == 3 else f"{FULL} {i}" for i in range(before)] + list(lines)
                     + [f"{FULL} {i}" for i in range(after)]) + "\n"  # fmt: skip


def test_the_body_resumes_after_a_footnote_that_ended_on_a_short_line():
    text = dense(
        "en zo verwijst de minister naar de brief van vorig jaar over dit onderwerp1 aan de",
        "1 Kamerstuk 36200, nr. 5",
        "Kamer, die daarover eerder heeft gesproken in het debat van de vaste commissie in mei.",
    )
    (fn,) = analyse(text).footnotes
    assert fn.text == "Kamerstuk 36200, nr. 5"
    assert "aan de Kamer, die daarover" in parse(text).text


def test_a_bullet_after_a_footnote_is_body():
    text = dense(
        "zoals de minister heeft geschreven in haar brief over het programma en de doelen1.",
        "1 Zie ook de Nationale Grondstoffenstrategie van het kabinet, met de bijlagen bij die brief,",
        "en de reactie daarop (Kamerstuk 2022Z24775)",
        "- In 2030 koopt de overheid veel meer circulair in, van bureaus tot bruggen en wegen,",
    )
    (fn,) = analyse(text).footnotes
    assert fn.text.endswith("(Kamerstuk 2022Z24775)")


def test_a_line_that_calls_a_later_footnote_is_body_and_the_footnote_ends_before_it():
    text = dense(
        "zoals de minister heeft geschreven in haar brief over het programma en de doelen1.",
        "1 Zie ook de Nationale Grondstoffenstrategie van het kabinet, en de bijlagen bij die brief met",
        "de tabellen (Kamerstuk 2022Z24775)",
        "De Grondstoffenstrategie en het programma versterken elkaar, zoals ook uit het onderzoek",
        "van het planbureau blijkt, dat de regering eerder naar de Kamer heeft gestuurd met haar",
        "reactie op de verkenning2 en het advies over de uitvoering van de maatregelen in de regio.",
        "2 Kamerstuk 32852, nr. 209.",
    )
    layout = analyse(text)
    assert [f.number for f in layout.footnotes] == [1, 2]
    assert layout.footnotes[0].text.endswith("de tabellen (Kamerstuk 2022Z24775)")
    letter = parse(text)
    assert "De Grondstoffenstrategie en het programma versterken elkaar" in letter.text
    assert [m.footnote_id for m in letter.markers] == ["fn1", "fn2"]


def test_a_footnote_without_an_end_is_cut_at_the_bound_and_noted():
    body = [f"{FULL.lower()} {i}" for i in range(30)]  # lower case lines that go on and on
    call = "zoals de minister heeft geschreven in haar brief over het programma1 van de"
    text = dense(call, "1 Zie de brief", *body, after=0)
    layout = analyse(text)
    assert all(len(f.text) <= NOTE_BOUND for f in layout.footnotes)
    assert any(n.startswith("footnote 1: no end found within 1,000 characters") for n in layout.notes)


def test_two_columns_interleaved_line_by_line_are_read_apart():
    lines = [
        ("Zie de brief van de minister over de", 12),
        ("Kamerstuk 36200, nr. 5.", 14),
        ("voortgang van het programma.", None),
        ("Verordening (EU) 2016/679 over de", 15),
        ("Kamerstuk 32852, nr. 209.", 13),
        ("bescherming van persoonsgegevens.", None),
    ]
    notes, two = read_block([Line(t, n, len(t) + (3 if n else 0)) for t, n in lines], width=90)
    assert two
    assert notes == [
        (12, ["Zie de brief van de minister over de", "voortgang van het programma."]),
        (13, ["Kamerstuk 32852, nr. 209."]),
        (14, ["Kamerstuk 36200, nr. 5."]),
        (15, ["Verordening (EU) 2016/679 over de", "bescherming van persoonsgegevens."]),
    ]


def test_one_footnote_per_column_is_known_by_its_narrow_lines():
    five = textwrap.wrap(
        "5 Zie de brief van de minister van 3 mei over de voortgang van het programma gezonde "
        "leefomgeving en de reactie van het kabinet op het advies van de raad over luchtkwaliteit.",
        40,
    )
    six = textwrap.wrap("6 HUF: handhaafbaarheid, uitvoerbaarheid en fraudebestendigheid", 40)
    rows = [ln for pair in zip(five, six + [""] * len(five), strict=False) for ln in pair if ln]
    lines = [Line(t[2:] if t[:2] in ("5 ", "6 ") else t, int(t[0]) if t[:2] in ("5 ", "6 ") else None, len(t))
             for t in rows]  # fmt: skip
    notes, two = read_block(lines, width=80)
    assert two and notes[1] == (6, ["HUF: handhaafbaarheid, uitvoerbaarheid", "en fraudebestendigheid"])
    assert " ".join(notes[0][1]).endswith("op het advies van de raad over luchtkwaliteit.")
    # full-width lines are one column, whatever their numbers
    wide = [("Kamerstuk 36200, nr. 5, over de voortgang van het programma gezonde leefomgeving", 1),
            ("Kamerstuk 36200, nr. 7, over de reactie op het advies van de raad over de aanpak", 2),
            ("van luchtkwaliteit in steden en dorpen in het hele land.", None)]  # fmt: skip
    wide_lines = [Line(t, n, len(t) + (2 if n else 0)) for t, n in wide]
    assert read_block(wide_lines, width=80) == ([(1, [wide[0][0]]), (2, [wide[1][0], wide[2][0]])], False)


def test_a_call_set_apart_is_taken_without_pages_only_before_the_next_call():
    text = dense(
        "Bij het opstellen van het programma (en eerder de routekaarten door de transitieteams 1)",
        "bleek dat nog veel gegevens ontbreken over de kosten en de effecten van de maatregelen.",
        "1 Kamerstuk 32852, nr. 209.",
    )
    letter = parse(text)
    assert [(m.number, m.footnote_id) for m in letter.markers] == [(1, "fn1")]


def test_article_numbers_after_an_abbreviation_are_not_calls():
    text = (
        "De Commissie verwijst naar de strategie3. Het voorstel is gebaseerd op art. 4 VWEU en op de\n"
        "verordening4 die eerder is vastgesteld.\n\n3 Kamerstuk 32852, nr. 4.\n4 Verordening (EU) 2016/679\n"
    )
    letter = parse(text)
    assert [(m.label, letter.text[m.span[0] - 11 : m.span[0]]) for m in letter.markers] == [
        ("3", "e strategie"),
        ("4", "verordening"),
    ]
