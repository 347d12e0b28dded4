"""The per-letter reading report: footnote share, calls and footnotes without each other, missing fields."""

from __future__ import annotations

from datetime import date

from ingest.loaders import RawDocument
from ingest.model import Footnote, Letter, Marker
from ingest.parse import parse_letter
from ingest.reading_report import reading_lines, reading_report


def test_report_of_a_parsed_letter_with_a_lost_footnote_and_an_uncalled_one():
    text = (
        "Datum 3 maart 2025\nBetreft Stand van zaken\n\n"
        "In het debat is toegezegd de Kamer te informeren.1 Dat doe ik hierbij. Over de motie2 "
        "bericht ik later, evenals over het onderzoek.4\n\n"
        "1 Kamerstuk 26643, nr. 1200\n3 Handelingen II 2024/25, nr. 12\n"
    )
    letter = parse_letter(RawDocument(source="brief.txt", format="text", digest="x", text=text))
    reading = reading_report(letter)
    assert (reading.footnotes, reading.calls, reading.calls_linked) == (2, 2, 1)
    assert reading.calls_without_footnote == ("2",)
    assert reading.footnotes_without_call == ("3",)
    assert reading.fields_missing == ("sender", "addressee", "kenmerk")
    fn_chars = sum(len(f.text) for f in letter.footnotes)
    assert reading.footnote_share == fn_chars / (fn_chars + len(letter.text))
    lines = reading_lines(reading)
    assert lines[0].startswith("brief: 2 footnotes (") and lines[0].endswith("1 of 2 calls linked")
    assert "  calls without footnote: 2" in lines and "  footnotes without call: 3" in lines
    assert "  not found: sender, addressee, kenmerk" in lines


def _letter(**fields) -> Letter:
    base = dict(id="l1", source="l1.txt", format="text", digest="d", text="x" * 300)
    return Letter(**{**base, **fields})


def test_a_letter_mostly_in_footnotes_is_flagged_and_reader_notes_are_shown():
    fn = Footnote("fn1", 1, "1", "plain", "y" * 2700, page=2)
    letter = _letter(
        footnotes=(fn,),
        markers=(Marker(1, "1", "plain", (10, 11), "fn1", 1),),
        reader_notes=("footnote 1 (page 2): 2,700 characters, probably body text",),
        title="Brief",
        date=date(2025, 1, 1),
        sender="A (minister)",
        addressee="Tweede Kamer",
        kenmerk="K-1",
    )
    reading = reading_report(letter)
    assert reading.footnote_share == 0.9 and reading.longest_footnote == 2700
    assert reading.fields_missing == ()
    assert reading.notes[0].startswith("footnote 1 (page 2): 2,700 characters")
    assert "90% of the text is in footnotes" in reading.notes[1]
    assert reading_lines(reading)[-1].startswith("  note: 90% of the text is in footnotes")


def test_a_long_footnote_from_any_reader_is_noted_once():
    fn = Footnote("fn2", 2, "2", "docx", "z" * 1500, page=3)
    reading = reading_report(_letter(text="x" * 9000, footnotes=(fn,)))
    assert reading.notes == ("footnote 2 (page 3): 1,500 characters, probably body text",)


def test_fields_expected_depend_on_the_kind_of_document():
    motie = reading_report(_letter(kind="motie", title="Motie", date=date(2025, 1, 1)))
    assert motie.fields_missing == ("kamerstuk", "indieners")
    other = reading_report(_letter(kind="besluitenlijst"))
    assert other.fields_missing == ("title", "date", "sender", "addressee")
    empty = reading_report(_letter(text=""))
    assert empty.footnote_share == 0.0 and empty.calls == 0
