"""`brieven commitments` driven as a user would, on an index built by the real ingest pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from assistant.cli import main
from index.pipeline import ingest_paths
from ingest.model import OPEN_VERDICTS
from ingest.settings import Settings
from tests.letter_ids import demo_id
from tests.test_assistant_status import MEMO_000

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "letters"
MOTIE_XML = ROOT.parent / "shared" / "corpus" / "moties-xml" / "kst-32761-322.xml"
# Two development moties the demo letters report on: Mohandis (letter of 11 July 2025), Ceder (letter 001).
REAL_MOTIES = ROOT.parent / "shared" / "corpus" / "real" / "moties-op-xml"
MOHANDIS = REAL_MOTIES / "21a52da6-49dd-455a-9269-ac613d11d925.xml"
CEDER = REAL_MOTIES / "4ed4a876-d23f-40cd-bda0-c864b06a3981.xml"
STILLE_ARMOEDE = REAL_MOTIES / "000cb880-e10b-47d7-a019-fafb49522520.xml"  # no demo letter reports on it


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five demo letters and one motie XML, ingested with the model-free embedder."""
    from index.fake import FakeEmbedder

    folder = tmp_path_factory.mktemp("index")
    paths = [DEMO] + [p for p in (MOTIE_XML, MOHANDIS, CEDER, STILLE_ARMOEDE) if p.exists()]
    ingest_paths(paths, Settings(index_dir=folder, embedding_model="fake-hash"), embedder=FakeEmbedder())
    return folder


def run(index_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["commitments", "--index", str(index_dir), "--model", "fake-hash", *args]) == 0
    return capsys.readouterr().out


def by_key(rows: list[dict]) -> dict[str, dict]:
    return {r["key"]: r for r in rows}


def test_json_lists_every_commitment_with_its_timeline(index_dir, capsys):
    rows = by_key(json.loads(run(index_dir, capsys, "--json")))
    mitid = rows["TZ202504-147"]
    assert mitid["status"] == "afgedaan"
    assert mitid["mentions"][0]["letter_id"] == "kst-26643-1371"
    assert "doe ik deze toezegging af" in mitid["mentions"][0]["verdict_sentence"]
    # T03667, T03664: letter 004 (no printed date, not before 30 April 2024) precedes the memo of 16 Jan 2025.
    for key in ("T03667", "T03664"):
        letters = [m["letter_id"] for m in rows[key]["mentions"]]
        assert letters == [demo_id("004"), demo_id("000")], key
        assert rows[key]["status"] == "afgedaan"
    # The timeline carries the source of every verdict: the memo's parties for T03667.
    t03667 = [(t["letter_id"], t["verdict"], t["source"]) for t in rows["T03667"]["timeline"]]
    assert t03667[-2:] == [
        (MEMO_000, "afgedaan", "staatssecretaris"),
        (MEMO_000, "geen oordeel", "ambtelijk voorstel"),
    ]
    assert rows["T03667"]["current"]["source"] == "staatssecretaris"
    assert rows["T03667"]["current"]["sentence"] == "Hiermee acht ik de toezegging afgedaan.”"
    assert rows["T03664"]["current"]["source"] == "ambtelijk voorstel"
    standing = [t for t in rows["T03664"]["timeline"] if t["standing"]]
    assert [(t["verdict"], t["source"]) for t in standing] == [("deels voldaan", "commissie")]


def test_motie_in_corpus_is_linked(index_dir, capsys):
    if not MOTIE_XML.exists():
        pytest.skip("shared moties XML not available")
    rows = by_key(json.loads(run(index_dir, capsys, "--json")))
    assert rows["kst-32761-322"]["cited_in_corpus"] == ["kst-32761-322"]


def test_a_motie_registers_itself_and_the_letters_link_to_it(index_dir, capsys):
    if not MOHANDIS.exists():
        pytest.skip("shared moties XML not available")
    rows = by_key(json.loads(run(index_dir, capsys, "--json")))
    mohandis = rows["kst-35968-35"]
    first, *later = mohandis["timeline"]
    # The motie itself first, with the document's own status, then the letter's verdict, which counts.
    assert (first["verdict"], first["source"]) == ("ingediend, uitslag onbekend", "motie")
    assert [(t["letter_id"], t["verdict"], t["source"]) for t in later] == [
        ("kst-26643-1371", "openstaand", "staatssecretaris")
    ]
    assert mohandis["status"] == "openstaand" and mohandis["cited_in_corpus"] == ["kst-35968-35"]
    own = mohandis["mentions"][0]
    assert own["dictum"].startswith("verzoekt de regering") and own["date"] and own["role"] == "indiener"
    assert "Mohandis" in {m["name"] for m in mohandis["members"]}
    assert rows["kst-36600-VII-62"]["status"] == "openstaand"  # Ceder: letter 001 reports on it
    # A motie no letter reports on keeps its own status and is not open.
    alone = rows["kst-24515-782"]
    assert [m["source"] for m in alone["mentions"]] == ["motie"]
    assert alone["status"] == "ingediend, uitslag onbekend"
    assert "kst-24515-782" not in by_key(json.loads(run(index_dir, capsys, "--json", "--status", "open")))
    # The motie of kst-32761-322 is in the corpus and is linked to itself (a letter may report on it).
    assert rows["kst-32761-322"]["timeline"][0]["source"] == "motie"


def test_ask_the_status_of_a_motie_in_the_corpus(index_dir, capsys):
    if not MOHANDIS.exists():
        pytest.skip("shared moties XML not available")
    capsys.readouterr()
    question = "Wat is de status van de motie kst-35968-35?"
    assert main(["ask", "--index", str(index_dir), "--model", "fake-hash", question, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first, *rest = data["answer"].splitlines()
    assert first.startswith("Motie kst-35968-35 ") and "openstaand volgens de staatssecretaris" in first
    own = "in de motie van 11 februari 2025: ingediend, uitslag onbekend (de motie zelf)"
    assert any(own in line for line in rest)
    assert [c["letter_id"] for c in data["citations"]] == ["kst-26643-1371", "kst-35968-35"]


def test_status_filter(index_dir, capsys):
    open_rows = by_key(json.loads(run(index_dir, capsys, "--json", "--status", "open")))
    closed_rows = by_key(json.loads(run(index_dir, capsys, "--json", "--status", "closed")))
    assert "T03926" in open_rows and "T03926" not in closed_rows
    assert "TZ202504-147" in closed_rows and "TZ202504-147" not in open_rows
    assert {r["status"] for r in closed_rows.values()} == {"afgedaan"}
    assert {r["status"] for r in open_rows.values()} <= set(OPEN_VERDICTS)
    deadlines = [
        r["current"]["deadline_date"] or "9999"
        for r in json.loads(run(index_dir, capsys, "--json", "--status", "open"))
    ]
    assert deadlines == sorted(deadlines)  # open lists are sorted by deadline


def test_overdue_is_the_rappel_list_as_of_a_date(index_dir, capsys):
    rows = json.loads(run(index_dir, capsys, "--json", "--overdue", "--as-of", "2026-01-01"))
    assert rows and "T03926" in {r["key"] for r in rows}
    assert all(r["status"] in OPEN_VERDICTS and r["current"]["deadline_date"] < "2026-01-01" for r in rows)
    assert json.loads(run(index_dir, capsys, "--json", "--overdue", "--as-of", "2025-01-01")) == []
    table = run(index_dir, capsys, "--overdue", "--as-of", "2026-01-01")
    assert "overdue as of 2026-01-01" in table
    # Each with the sentence that set its deadline.
    assert (
        "- T03926: De commissie kan de toezeggingen als openstaand handhaven, "
        "met als nieuwe deadline 1 juli 2025." in table
    )


def test_member_index_with_roles(index_dir, capsys):
    rows = json.loads(run(index_dir, capsys, "--members", "--member", "Kathmann", "--json"))
    assert rows and {r["member"] for r in rows} == {"Kathmann"}
    assert {"indiener", "asked"} <= {role for r in rows for role in r["roles"]}
    assert "TZ202504-147" in {r["key"] for r in rows}


def test_ask_for_the_overdue_list_from_the_command_line(index_dir, capsys):
    capsys.readouterr()
    question = "welke toezeggingen zijn over de deadline per 1 januari 2026?"
    assert main(["ask", "--index", str(index_dir), "--model", "fake-hash", question, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not data["abstained"] and "zijn over de deadline (per 1 januari 2026)" in data["answer"]
    assert "T03926" in data["answer"] and data["citations"]
    # As of today, the same list `brieven commitments --overdue` gives.
    assert (
        main(
            [
                "ask",
                "--index",
                str(index_dir),
                "--model",
                "fake-hash",
                "welke toezeggingen zijn over de deadline?",
            ]
        )
        == 0
    )
    answer = capsys.readouterr().out
    late = json.loads(run(index_dir, capsys, "--json", "--overdue", "--kind", "toezegging"))
    assert f"{len(late)} toezeggingen zijn over de deadline" in answer
    assert all(r["key"] in answer for r in late if not r["key"].startswith("toezegging:"))


def test_member_filter_as_csv(index_dir, capsys):
    rows = list(csv.DictReader(io.StringIO(run(index_dir, capsys, "--csv", "--member", "veldhoen"))))
    keys = {r["key"] for r in rows}
    assert {"T03667", "T03669"} <= keys
    assert all("Veldhoen" in r["members"] for r in rows)
    t03926 = by_key(list(csv.DictReader(io.StringIO(run(index_dir, capsys, "--csv")))))["T03926"]
    assert (t03926["status"], t03926["deadline_date"]) == ("openstaand", "2025-07-01")
    assert (t03926["source"], t03926["decided_in"]) == ("ambtelijk voorstel", MEMO_000)
    assert "(ambtelijk voorstel)" in t03926["timeline"] and "(staatssecretaris)" in t03926["timeline"]


def test_default_table(index_dir, capsys):
    out = run(index_dir, capsys, "--status", "open")
    assert out.splitlines()[0].split()[:3] == ["KEY", "KIND", "STATUS"]
    assert "T03926" in out and "1 juli 2025" in out
    assert "TZ202504-147" not in out


def test_without_an_index_one_line_error(tmp_path, capsys):
    assert main(["commitments", "--index", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "brieven ingest" in err[0]
