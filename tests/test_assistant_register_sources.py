"""Lists of one party's verdicts from the register: "which does the civil service propose to keep open
with a new deadline of ...?", "which has the state secretary settled according to the committee memo?"
(`brieven ask`, over the committee memo of the demo letters)."""

from __future__ import annotations

import json
import re

import pytest

from assistant.status import status_request
from ingest.model import PROPOSAL, STAATSSECRETARIS
from ingest.settings import Settings
from tests.assistant_fakes import DEMO
from tests.reliability_support import use_fake_model

# The memo: per toezegging the state secretary's reaction, the staff proposal (ambtelijk voorstel) and
# the committee's standing status. Its parties disagree: T03659 is "afgedaan" by the state secretary,
# "deels voldaan" by the staff proposal; T03926, T03927 and T03924 stay open with deadline 1 July 2025.
MEMO = DEMO / "000_942beb3f78852484.txt"


@pytest.fixture
def ask(tmp_path, capsys, monkeypatch):
    from assistant.cli import main
    from index.fake import FakeEmbedder
    from index.pipeline import ingest_paths

    model = use_fake_model(monkeypatch)
    index = tmp_path / "idx"
    ingest_paths([MEMO], Settings(index_dir=index, embedding_model="fake-hash"),
                 embedder=FakeEmbedder(name="fake-hash"))  # fmt: skip
    capsys.readouterr()

    def run(question: str) -> dict:
        assert main(["ask", "--index", str(index), *model, "--json", question]) == 0
        return json.loads(capsys.readouterr().out)

    return run


def _items(text: str) -> dict[str, str]:
    """The listed commitments by identifier, each with its line."""
    out = {}
    for line in text.splitlines():
        ids = re.findall(r"\bT\d{5}\b", line)
        if line.startswith("- ") and ids:
            out[ids[0]] = line
    return out


def test_a_list_by_the_staff_proposal_and_its_new_deadline(ask):
    answer = ask(
        "Welke toezeggingen staan volgens het ambtelijk voorstel open met als nieuwe deadline 1 juli 2025?"
    )
    assert not answer["abstained"], answer["answer"]
    items = _items(answer["answer"])
    assert set(items) == {"T03926", "T03927", "T03924"}, answer["answer"]
    assert answer["answer"].startswith("3 toezeggingen"), answer["answer"]  # the count first
    # a long title is cut at a word with the ellipsis outside the quote: the quote is the memo's words
    assert "…”" not in answer["answer"] and "“Gesprek met Invest-NL over investeringen" in items["T03927"]
    cited = {c["n"]: c for c in answer["citations"]}
    for line in items.values():  # each item cited to the staff proposal's own sentence
        n = int(re.findall(r"\[(\d+)\]", line)[-1])
        assert "nieuwe deadline 1 juli 2025" in cited[n]["quote"], line


def test_a_list_by_the_state_secretary_in_the_committee_memo(ask):
    answer = ask("Which commitments has the state secretary settled according to the committee memo?")
    assert not answer["abstained"], answer["answer"]
    items = _items(answer["answer"])
    # T03659: settled by the state secretary although the staff proposal says partly met
    assert set(items) == {"T03659", "T03664", "T03667", "T03669"}, answer["answer"]
    assert all("according to the state secretary" in line and "[" in line for line in items.values())


def test_the_party_and_the_deadline_are_read_from_the_question():
    staff = status_request(
        "Which commitments does the civil service propose to keep open with a new deadline of 1 July 2025?"
    )
    assert staff is not None and staff.source == PROPOSAL and staff.status == "open"
    assert staff.deadline is not None and staff.deadline[0].isoformat() == "2025-07-01"
    assert staff.period is None  # the deadline's date is not the period of the documents
    secretary = status_request(
        "Welke toezeggingen acht de staatssecretaris volgens de commissiememo afgedaan?"
    )
    assert secretary is not None and secretary.source == STAATSSECRETARIS and secretary.committee_document
    # a committee named as where (a memo) or a list without a status asks for no party's verdict
    where = status_request("Which commitments to senator Veldhoen are in the committee memo?")
    assert where is None or where.source is None
    assert status_request("welke toezeggingen staan nog open?").source is None
