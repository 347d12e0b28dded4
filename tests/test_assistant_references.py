"""A quote from a commitment's section is labelled with the commitment's identifier (`brieven ask`)."""

from __future__ import annotations

import json

from assistant.references import passage_reference
from ingest.model import Chunk, Letter
from ingest.settings import Settings
from tests.reliability_support import use_fake_model

# A committee memo files each toezegging under a heading that carries its number; the sentences under
# it do not repeat the number, and the memo has no footnotes.
MEMO = """Datum 16 januari 2025
Betreft Overzicht toezeggingen Digitalisering

Toezeggingen

1. T03926: Toezegging Gesprek met het IPO over datagebruik

Toegezegd is een gesprek met het IPO over het gebruik van data door de provincies.

2. T03924: Toezegging Informeren Kamer over openbare registers

Toegezegd is de Kamer te informeren over de toegang tot openbare registers.

Om uw Kamer hier goed over te kunnen informeren moet een groot aantal openbare registers (minimaal 65)
die persoonsgegevens bevatten beoordeeld worden.
"""


def test_ask_names_the_commitment_whose_section_the_quote_comes_from(tmp_path, capsys, monkeypatch):
    from assistant.cli import main
    from index.fake import FakeEmbedder
    from index.pipeline import ingest_paths

    model = use_fake_model(monkeypatch)
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    index = tmp_path / "idx"
    settings = Settings(index_dir=index, embedding_model="fake-hash")
    ingest_paths([tmp_path / "memo.txt"], settings, embedder=FakeEmbedder(name="fake-hash"))
    capsys.readouterr()
    question = "Hoeveel openbare registers met persoonsgegevens moeten worden beoordeeld?"
    assert main(["ask", "--index", str(index), *model, "--json", question]) == 0
    answer = json.loads(capsys.readouterr().out)
    text = answer["answer"]
    assert not answer["abstained"] and "65" in text, text
    quote = next(line for line in text.splitlines() if "minimaal 65" in line)
    assert quote.startswith("- T03924: “Om uw Kamer"), text  # the quote says which commitment it is under
    assert text.count("T03924") == 1, text  # once per answer, not on every quote of the same section
    assert "T03926" not in text  # the other commitment's number is not borrowed


def test_a_motie_is_referred_to_by_its_kamerstuk_and_a_plain_passage_by_nothing():
    def letter(kind: str, kamerstuk: str | None) -> Letter:
        return Letter(
            id="x", source="x.txt", format="text", digest="0", text="", kind=kind, kamerstuk=kamerstuk
        )

    ask = "verzoekt de regering"
    chunk = Chunk("x#0", "x", ask, ask, ("Motie van het lid Ceder",), (0, len(ask)))
    assert passage_reference(chunk, letter("motie", "21501-02 nr. 3121")) == "Kamerstuk 21501-02 nr. 3121"
    assert passage_reference(chunk, letter("brief", "26643 nr. 1371")) is None  # a letter is not its topic
    under = Chunk("x#1", "x", "Tekst.", "Tekst.", ("Toezeggingen", "3. T03659: Toezegging Onderzoek"), (0, 6))
    assert passage_reference(under, letter("brief", None)) == "T03659"
