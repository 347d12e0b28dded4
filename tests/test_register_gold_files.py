"""The register gold files are well formed and quote their documents (tests/gold: commitments, register)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from eval.register_gold import (
    NO_VERDICT,
    OPEN,
    SOURCES,
    VERDICTS,
    _words,
    load_all_letter_gold,
    load_json,
)
from eval.splits import corpus_root, part_of, splits

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
LETTER_GOLD = sorted(GOLD.glob("commitments_*.json"))
# The register's own development letters (issue 14): same schema, corpus "register-dev-letters".
DEV_GOLD = sorted((ROOT / "tests" / "register_dev" / "gold").glob("commitments_*.json"))
ID_RE = re.compile(r"TZ\d{6}-\d{3}|T\d{5}|kst-[0-9A-Z]+(-[0-9A-Z]+)*")


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _iso(value: str | None) -> bool:
    if value is None:
        return True
    date.fromisoformat(value)
    return True


def _in_text(sentence: str, text_words: list[str]) -> bool:
    """The sentence's words in order, allowing a page-foot block of footnotes in between."""
    words = _words(sentence)
    if len(words) == 1:  # a status label on its own ('Afgedaan.')
        return words[0] in text_words
    for i in range(len(text_words) - 1):
        if text_words[i : i + 2] != words[:2]:
            continue
        k, j = 0, i
        while j < len(text_words) and j < i + len(words) + 300 and k < len(words):
            k += text_words[j] == words[k]
            j += 1
        if k == len(words):
            return True
    return False


@pytest.mark.parametrize("path", LETTER_GOLD + DEV_GOLD, ids=lambda p: p.name)
def test_letter_gold_uses_the_vocabulary_and_quotes_its_letter(path: Path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    corpus = "register-dev-letters" if path in DEV_GOLD else "demo-letters"
    assert doc["part"] == part_of(corpus, Path(doc["file"]).name)
    text_words = _words((ROOT / doc["file"]).read_text(encoding="utf-8"))
    for rec in doc["commitments"]:
        assert rec["kind"] in ("motie", "toezegging")
        assert all(ID_RE.fullmatch(i) for i in rec["identifiers"]), rec["identifiers"]
        assert rec["verdict"] in VERDICTS and set(rec.get("verdict_alt", ())) <= set(VERDICTS)
        assert _iso(rec["deadline"])
        assert all(isinstance(n, str) and (p is None or isinstance(p, str)) for n, p in rec["members"])
        assert rec["promise"], rec["title"]
        if rec["verdict"] == NO_VERDICT:
            assert rec["source"] is None and rec["verdict_sentence"] is None
        else:
            assert rec["source"] in SOURCES and rec["verdict_sentence"], rec["title"]
        quoted = [rec["verdict_sentence"], *rec.get("verdict_sentence_alt", ())]
        quoted += [
            o["verdict_sentence"]
            for o in rec.get("other_verdicts", ())
            if "huidige status" not in o["verdict_sentence"]
        ]
        for sentence in filter(None, quoted):
            assert _in_text(sentence, text_words), sentence


def test_letter_gold_is_split_as_eval_splits_says():
    parts = load_all_letter_gold()
    assert {g.record.letter for g in parts["development"]} == {
        f"demo/letters/{n}"
        for n in ("000_942beb3f78852484.txt", "001_e995363004b1392d.txt", "003_8bc0e4d4bf612069.txt")
    }
    assert {g.record.letter for g in parts["measurement"]} == {
        "demo/letters/002_665b51bb9b1879d1.txt",
        "demo/letters/004_2db611365dd9d4ee.txt",
    }
    assert sum(not g.passing for g in parts["measurement"]) == 35


def test_dev_letter_gold_covers_the_dev_letters():
    assert {json.loads(p.read_text(encoding="utf-8"))["file"] for p in DEV_GOLD} == {
        f"tests/register_dev/letters/{n}" for n in splits()["corpora"]["register-dev-letters"]["development"]
    }


def test_queries_gold_is_derived_from_the_records_and_consistent():
    derive = _script("derive_register_queries")
    assert json.loads(derive.render(derive.derive())) == load_json("register_queries.json")
    queries = load_json("register_queries.json")["queries"]
    open_ = queries["open"]["answer"]
    assert open_ and all(e["verdict"] in OPEN for e in open_)
    as_of = queries["overdue"]["as_of"]
    assert queries["overdue"]["answer"] == [e for e in open_ if e["deadline"] and e["deadline"] < as_of]
    assert set(queries["members"]["answer"]) >= {"Kathmann", "Van Hattem"}


SHARED = corpus_root("moties-op-xml")


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_moties_gold_is_the_seeded_draw_and_quotes_each_file():
    doc = load_json("register_moties_xml.json")
    assert [m["file"] for m in doc["moties"]] == _script("sample_register_moties").draw()
    for m in doc["moties"]:
        assert part_of("moties-op-xml", m["file"]) == "measurement"
        raw = (SHARED / m["file"]).read_text(encoding="utf-8")
        body = " ".join(
            " ".join("".join(al.itertext()).split()) for al in ElementTree.fromstring(raw.encode()).iter("al")
        )
        assert " ".join(m["dictum"].split()) in body, m["file"]
        assert f"{m['kamerstuk_id']}/" in raw or f'"{m["kamerstuk_id"]}"' in raw
        assert _iso(m["date"]) and m["date"] in raw
        assert m["status"] == "ingediend, uitslag onbekend" and m["kind"] == "motie"
        assert m["replaces"] is None or ID_RE.fullmatch(m["replaces"])
        for name, party in m["indieners"]:
            assert name in body and party is None


def test_decision_list_gold_covers_the_measurement_lists():
    doc = load_json("register_besluitenlijsten.json")
    assert sorted(g["file"] for g in doc["lists"]) == sorted(
        splits()["corpora"]["besluitenlijsten-pdf"]["measurement"]
    )
    for g in doc["lists"]:
        assert _iso(g["date"]) and g["committee"].startswith("vaste commissie")
        assert all(r["kind"] in ("besluit", "toezegging") and r["text"] for r in g["records"])
