"""Which motie / who tabled it: a motie is named by its indieners, and "which motion asks" is no list."""

from __future__ import annotations

import json

from assistant.analysis import asks_list, intents_of
from tests.test_assistant_named import index_motie_and_letter


def test_which_motion_asks_for_one_motie_and_who_tabled_it():
    for question in ("Which motion asks the government to publish the register?",
                     "Welke motie vraagt de regering om een onderzoek?"):  # fmt: skip
        assert not asks_list(question), question
        assert "who" in intents_of(question), question
    assert asks_list("Which motions did Kathmann submit?")  # plural: still a list


def test_ask_who_tabled_a_motie_names_its_indiener(tmp_path, capsys, monkeypatch):
    from assistant.cli import main

    index, model = index_motie_and_letter(tmp_path, monkeypatch)
    capsys.readouterr()
    question = "Welke motie verzoekt de regering Israël op te roepen tot toelating van humanitaire hulp?"
    assert main(["ask", "--index", str(index), *model, "--json", question]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert not answer["abstained"], answer["answer"]
    first = answer["answer"].splitlines()[0]
    assert "Ceder" in first, answer["answer"]
