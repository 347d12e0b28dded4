"""A list question whose best sentence is one item of a numbered list gets the whole list (`brieven ask`)."""

from __future__ import annotations

import json
import re

from ingest.settings import Settings
from tests.reliability_support import use_fake_model

# The list's intro names none of the question's words; its last item names most of them.
FICHE = """Datum 2 april 2024
Betreft Fiche: instant payments

Implementatietermijn

De inwerkingtreding wordt voorzien op de twintigste dag na officiële publicatie. Het voorstel kent vier
verschillende data voor de toepassing van de vereisten na de inwerkingtreding, namelijk:

1. Ontvangen van instant payments in euro in de eurozone: 6 maanden;

2. Verzenden van instant payments in euro in de eurozone: 12 maanden;

3. Ontvangen van instant payments in euro buiten de eurozone: 30 maanden;

4. Verzenden van instant payments in euro buiten de eurozone: 36 maanden.

Gevolgen voor Nederland

Nederlandse banken bieden instant payments al grotendeels aan.
"""


def test_a_list_item_brings_its_intro_and_every_other_item(tmp_path, capsys, monkeypatch):
    from assistant.cli import main
    from index.fake import FakeEmbedder
    from index.pipeline import ingest_paths

    model = use_fake_model(monkeypatch)
    (tmp_path / "fiche.txt").write_text(FICHE, encoding="utf-8")
    index = tmp_path / "idx"
    ingest_paths([tmp_path / "fiche.txt"], Settings(index_dir=index, embedding_model="fake-hash"),
                 embedder=FakeEmbedder(name="fake-hash"))  # fmt: skip
    capsys.readouterr()
    question = "Welke termijnen gelden voor het verzenden van instant payments buiten de eurozone?"
    assert main(["ask", "--index", str(index), *model, "--json", question]) == 0
    answer = json.loads(capsys.readouterr().out)
    text = answer["answer"]
    assert not answer["abstained"], text
    for months in ("6 maanden", "12 maanden", "30 maanden", "36 maanden"):  # every item, once, cited
        lines = [x for x in text.splitlines() if re.search(rf"(?<!\d){months}", x)]
        assert len(lines) == 1 and re.search(r"\[\d+\]$", lines[0]), text
    intro = next(x for x in text.splitlines() if "namelijk:" in x)
    assert intro.startswith("- “"), text  # the intro leads, its items under it
    assert text.index("namelijk:") < text.index(": 6 maanden") < text.index(": 36 maanden"), text


def test_a_list_question_whose_lead_lists_nothing_quotes_the_prose_enumeration_after_it():
    from types import SimpleNamespace

    from assistant.selection import _prose_list_after

    text = (
        "We zetten in op een verplicht percentage. Doel hiervan is beter gebruik. "
        "Hierbij hebben we oog voor stromen. We starten met textiel (via de ESPR), verpakkingen "
        "(via de verordening), en elektrische apparaten (via de richtlijn). Daarna volgt de bouw."
    )
    chunk = SimpleNamespace(id="c1")
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        sentences.append(SimpleNamespace(hit=SimpleNamespace(chunk=chunk), span=(start, end), text=part))
        start = end + 1
    lead = sentences[0]
    found = _prose_list_after(lead, sentences, [lead])
    assert found is sentences[3]
    assert _prose_list_after(lead, sentences[:3], [lead]) is None  # no enumeration: nothing added
