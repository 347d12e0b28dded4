"""Letter metadata of the five demo letters: each value stated, missing fields None (no kenmerk printed)."""

from __future__ import annotations

from datetime import date

import pytest

EXPECTED = {
    "000_942beb3f78852484.txt": dict(
        id="000-942beb3f78852484",
        title="Brief van de staatssecretaris van BZK over de stand van zaken van een aantal gedane "
        "toezeggingen incl. ambtelijk advies",
        date=date(2025, 1, 16),
        date_not_before=None,
        sender="staf van de vaste commissie voor Digitalisering",
        addressee="Eerste Kamer",
        kamerstuk=None,
        kenmerk=None,
    ),
    "001_e995363004b1392d.txt": dict(
        id="001-e995363004b1392d",
        title=None,
        date=None,
        date_not_before=date(2024, 12, 19),
        sender="Zsolt Szabó (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties "
        "Digitalisering en Koninkrijksrelaties)",
        addressee="Tweede Kamer",
        kamerstuk=None,
        kenmerk=None,
    ),
    "002_665b51bb9b1879d1.txt": dict(
        id="002-665b51bb9b1879d1",
        title="Brief moties, toezeggingen en rapporten digitalisering",
        date=date(2026, 7, 10),
        date_not_before=None,
        sender="W.J.M. Aerdts (staatssecretaris van Economische Zaken en Klimaat); "
        "Eric van der Burg (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties)",
        addressee="Tweede Kamer",
        kamerstuk=None,
        kenmerk=None,
    ),
    "003_8bc0e4d4bf612069.txt": dict(
        id="kst-26643-1371",
        title="Informatie- en communicatietechnologie (ICT); Brief van de staatssecretaris van "
        "Binnenlandse Zaken en Koninkrijksrelaties",
        date=date(2025, 7, 11),
        date_not_before=None,
        sender="E. van Marum (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties)",
        addressee="Tweede Kamer",
        kamerstuk="26643 nr. 1371",
        kenmerk=None,
    ),
    "004_2db611365dd9d4ee.txt": dict(
        id="004-2db611365dd9d4ee",
        title=None,
        date=None,
        date_not_before=date(2024, 4, 30),
        sender="Alexandra C. van Huffelen (staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, "
        "Digitalisering en Koninkrijksrelaties)",
        addressee="Eerste Kamer",
        kamerstuk=None,
        kenmerk=None,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_letter_metadata(demo_letters, name):
    letter = demo_letters[name]
    got = {key: getattr(letter, key) for key in EXPECTED[name]}
    assert got == EXPECTED[name]


def test_kamerstuk_id_of_the_july_2025_letter(demo_letters):
    assert demo_letters["003_8bc0e4d4bf612069.txt"].kamerstuk_id == "kst-26643-1371"


def test_undated_letters_sort_by_earliest_possible_date(demo_letters):
    order = sorted(demo_letters.values(), key=lambda x: x.sort_date)
    assert [x.id for x in order][:2] == ["004-2db611365dd9d4ee", "001-e995363004b1392d"]
