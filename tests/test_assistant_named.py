"""A question that names a document by its title is answered from that document; a motie by its request."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from assistant.analysis import analyse
from ingest.model import Letter
from ingest.settings import Settings
from tests.reliability_support import use_fake_model

_ASKS = [
    "De Kamer,",
    "gehoord de beraadslaging,",
    "constaterende dat Israël meer gebied in het zuiden van Gaza wil innemen en Rafah wil ontruimen;",
    "overwegende dat een actieve en eensgezinde rol van de EU essentieel is voor een duurzaam "
    "staakt-het-vuren;",
    "verzoekt de regering Israël op te roepen tot onmiddellijke toelating van humanitaire hulp en herstel "
    "van stroomvoorziening in Gaza,",
    "en gaat over tot de orde van de dag.",
    "Ceder",
]
# The motie as the official publication XML prints it (header elements, then the dictum).
MOTIE = f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><kamerstuk>
<dossier><dossiernummer><dossiernr>21501</dossiernr>-<raadnr>02</raadnr></dossiernummer>
<titel>Raad Algemene Zaken en Raad Buitenlandse Zaken</titel></dossier>
<stuk><stuknr>Nr. <ondernummer kamer="2">3121</ondernummer></stuknr><titel>MOTIE VAN HET LID CEDER</titel>
<datumtekst>Voorgesteld <datum isodatum="2025-04-10">10 april 2025</datum></datumtekst>
<algemeen><vrije-tekst><tekst status="goed">{"".join(f"<al>{a}</al>" for a in _ASKS)}</tekst></vrije-tekst>
</algemeen></stuk></kamerstuk></officiele-publicatie>
"""

# A letter that reports on another motie of the same member: it names "het lid Ceder" and "motie",
# which is most of what a pasted title says, but none of the dossier it belongs to.
LETTER = """Datum 10 juli 2025
Betreft Voortgang digitale toegankelijkheid

Geachte Voorzitter,

Motie Ceder over toegankelijkheid voor zorg en onderwijs

Het lid Ceder heeft middels zijn motie verzocht de wettelijke verplichting voor digitale
toegankelijkheid te verwerken in relevante wetgeving voor zorg en onderwijs.

De verdere uitvoering van de motie van het lid Ceder wordt daarmee onderdeel van deze werkagenda.

Hoogachtend,

de minister
"""


def index_motie_and_letter(tmp_path: Path, monkeypatch) -> tuple[Path, list[str]]:
    """MOTIE and LETTER ingested with the fake embedder: the index folder and the CLI's model flags."""
    from index.fake import FakeEmbedder
    from index.pipeline import ingest_paths

    model = use_fake_model(monkeypatch)
    (tmp_path / "motie-ceder.xml").write_text(MOTIE, encoding="utf-8")
    (tmp_path / "brief-toegankelijkheid.txt").write_text(LETTER, encoding="utf-8")
    index = tmp_path / "idx"
    settings = Settings(index_dir=index, embedding_model="fake-hash")
    ingest_paths([tmp_path / "motie-ceder.xml", tmp_path / "brief-toegankelijkheid.txt"], settings,
                 embedder=FakeEmbedder(name="fake-hash"))  # fmt: skip
    return index, model


def ask_json(index: Path, model: list[str], question: str, capsys) -> dict:
    """`brieven ask --json` over that index, as a user runs it: the printed answer, parsed."""
    from assistant.cli import main

    capsys.readouterr()
    assert main(["ask", "--index", str(index), *model, "--json", question]) == 0
    return json.loads(capsys.readouterr().out)


def _letter(lid: str, title: str) -> Letter:
    return Letter(
        id=lid, source=f"{lid}.txt", format="text", digest=lid, text="", title=title, date=date(2025, 4, 10)
    )


def test_a_question_that_is_a_title_names_that_letter():
    motie = _letter(
        "kst-21501-02-3121", "Motie van het lid Ceder; Raad Algemene Zaken en Raad Buitenlandse Zaken"
    )
    other = _letter("kst-36600-VII-62", "Motie van het lid Ceder; Vaststelling van de begrotingsstaten 2025")
    letters = [motie, other]
    pasted = analyse(
        "Motie van het lid Ceder; Raad Algemene Zaken en Raad Buitenlandse Zaken", letters=letters
    )
    assert pasted.letters == ("kst-21501-02-3121",)
    typed = analyse("motie lid Ceder raad algemene zaken buitenlandse zaken", letters=letters)
    assert typed.letters == ("kst-21501-02-3121",)
    # asking more than the title, or less of it, names no letter: the question is about something else
    longer = analyse(
        "Wat heeft de minister gedaan met de motie van het lid Ceder over de Raad Algemene Zaken en de "
        "humanitaire hulp aan Gaza, en wanneer wordt de Kamer daarover geïnformeerd?",
        letters=letters,
    )
    assert longer.letters == ()
    assert analyse("motie van het lid Ceder", letters=letters).letters == ()


def test_ask_with_a_motie_title_answers_with_what_the_motie_asks(tmp_path, capsys, monkeypatch):
    """`brieven ask` with a pasted motie title: the motie's request leads, cited from the motie, not
    the letter that reports on another motie of the same member."""
    index, model = index_motie_and_letter(tmp_path, monkeypatch)
    question = "Motie van het lid Ceder; Raad Algemene Zaken en Raad Buitenlandse Zaken"
    answer = ask_json(index, model, question, capsys)
    assert not answer["abstained"], answer["answer"]
    cited = [c["letter_id"] for c in answer["citations"]]
    assert cited and set(cited) == {"kst-21501-02-3121"}, cited
    first = answer["answer"].splitlines()[0]
    # the motie's request leads, labelled with the motie's Kamerstuk number (assistant/references.py)
    lead = "- Kamerstuk 21501-02 nr. 3121: “verzoekt de regering Israël op te roepen"
    assert first.startswith(lead), answer["answer"]
    assert "orde van de dag" not in answer["answer"]  # the closing formula is no answer
