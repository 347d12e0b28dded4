"""The twelve real moties in official publication XML, read from ../shared through the whole parser."""

from __future__ import annotations

import pytest

from ingest.loaders import load_document
from ingest.parse import parse_letter
from tests.conftest import MOTIES_XML

FILES = sorted(MOTIES_XML.glob("*.xml"))


@pytest.mark.skipif(not FILES, reason="../shared/corpus/moties-xml is not present")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_motie_xml_parses_with_metadata(path):
    letter = parse_letter(load_document(path))
    assert letter.id == path.stem  # e.g. kst-26643-1341
    assert letter.format == "xml"
    assert letter.date is not None and letter.date.year >= 2020
    assert letter.title and "motie" in letter.title.lower()
    assert letter.addressee == "Tweede Kamer"
    assert letter.kamerstuk and letter.kamerstuk_id == path.stem
    assert "verzoekt de regering" in letter.text or "verzoekt het kabinet" in letter.text
