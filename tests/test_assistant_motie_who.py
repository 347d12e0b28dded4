"""Which motie / who tabled it: a motie is named by its indieners, and "which motion asks" is no list."""

from __future__ import annotations

from assistant.analysis import asks_list, intents_of
from tests.test_assistant_named import ask_json, index_motie_and_letter


def test_which_motion_asks_for_one_motie_and_who_tabled_it():
    for question in ("Which motion asks the government to publish the register?",
                     "Welke motie vraagt de regering om een onderzoek?"):  # fmt: skip
        assert not asks_list(question), question
        assert "who" in intents_of(question), question
    assert asks_list("Which motions did Kathmann submit?")  # plural: still a list


def test_which_body_did_it_asks_who_and_a_verb_in_s_is_no_plural():
    for question in ("Welk bureau heeft onderzocht wat de informatiepunten kosten?",
                     "Which Council configuration handles the instant payments proposal?",
                     "Which consultancy surveyed the other target groups?"):  # fmt: skip
        assert "who" in intents_of(question), question
        assert not asks_list(question), question
    assert asks_list("Which research projects does the motion say are hit?")  # plural noun, then "does"
    assert asks_list("Which organisations signed the covenant?")


def test_ask_who_tabled_a_motie_names_its_indiener(tmp_path, capsys, monkeypatch):
    index, model = index_motie_and_letter(tmp_path, monkeypatch)
    question = "Welke motie verzoekt de regering Israël op te roepen tot toelating van humanitaire hulp?"
    answer = ask_json(index, model, question, capsys)
    assert not answer["abstained"], answer["answer"]
    first = answer["answer"].splitlines()[0]
    assert "Ceder" in first, answer["answer"]
