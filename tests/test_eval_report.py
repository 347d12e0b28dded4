"""Adapters from brieven's Answer to runs, thresholds, and the three output files."""

import json
from datetime import date

from eval.adapters import answer_to_run, split_statements
from eval.report import write_outputs
from eval.thresholds import check
from ingest.model import Answer, Chunk, Citation, Footnote, Letter


def _results():
    scores = {"n": 2, "recall": {"1": 0.5, "5": 1.0, "10": 1.0}, "mrr10": 0.75, "ndcg10": 0.8}
    answers = {
        "n_answerable": 2,
        "n_answered": 2,
        "n_unanswerable": 1,
        "citation_recall": 1.0,
        "citation_precision": 0.5,
        "abstention_accuracy": 1.0,
        "false_abstention_rate": 0.0,
        "footnote_accuracy": None,
        "latency_p50_s": 0.2,
        "latency_p95_s": 0.3,
    }
    agreement = {"n": 3, "accuracy": 1.0, "kappa": 1.0, "precision": 1.0, "recall": 1.0}
    return {
        "settings": {
            "embedding_model": "m",
            "k": 10,
            "judge": "offline",
            "questions": 3,
            "answerable": 2,
            "chunks": 5,
            "textbook_chunks": 4,
        },
        "retrieval": {name: {lang: scores for lang in ("nl", "en", "all")} for name in ("hybrid", "bm25")},
        "answers": {lang: answers for lang in ("nl", "en", "all")},
        "judge_agreement": {"all": agreement, "nl": agreement},
        "duration_s": 1.0,
    }


def test_thresholds_min_max_beats_and_missing():
    results = _results()
    ok = {"min": {"retrieval.hybrid.nl.recall.5": 1.0}, "max": {"answers.all.latency_p95_s": 0.3}}
    assert check(results, ok) == []
    failures = check(
        results,
        {
            "min": {
                "answers.all.citation_precision": 0.6,
                "answers.all.footnote_accuracy": 0.1,
                "no.such": 0,
            },
            "max": {"answers.all.latency_p50_s": 0.1},
            "beats": [["retrieval.hybrid.all.mrr10", "retrieval.bm25.all.mrr10"]],
        },
    )
    assert len(failures) == 5
    assert failures[0] == "answers.all.citation_precision = 0.5 < 0.6"


def test_write_outputs_makes_three_files(tmp_path):
    write_outputs(_results(), tmp_path / "out", ["x = 0 < 1"])
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["plot.png", "report.md", "results.json"]
    assert json.loads((tmp_path / "out" / "results.json").read_text())["duration_s"] == 1.0
    report = (tmp_path / "out" / "report.md").read_text()
    assert "| brieven hybrid (BM25 + dense, RRF) | nl | 2 | 0.500 | 1.000 |" in report
    assert "- FAIL x = 0 < 1" in report
    assert (tmp_path / "out" / "plot.png").read_bytes()[:4] == b"\x89PNG"


def test_split_statements():
    text = (
        "Toezegging: afgedaan in de brief van 11 juli 2025 [1].\n"
        "Uit de brieven:\n"
        "- “Met onderstaande informatie doe ik deze toezegging af.” [1][2]\n"
        "Een zin zonder bron over iets anders.\n"
        "Kort [3]"
    )
    assert split_statements(text) == [
        ("Toezegging: afgedaan in de brief van 11 juli 2025", (1,)),
        ("“Met onderstaande informatie doe ik deze toezegging af.”", (1, 2)),
        ("Een zin zonder bron over iets anders", ()),
    ]


def test_answer_to_run_uses_cited_passages_and_their_footnotes():
    tz = "TZ202504-147"
    fn = Footnote(id="fn20", number=20, label="20", style="plain", text=tz, toezeggingen=(tz,))
    letter = Letter(
        id="kst-26643-1371",
        source="003_x.txt",
        format="text",
        digest="d",
        text="...",
        title="ICT",
        date=date(2025, 7, 11),
        kamerstuk="26643 nr. 1371",
    )
    chunk = Chunk(
        id="c1",
        letter_id=letter.id,
        text="Met onderstaande informatie doe ik deze toezegging af.",
        clean_text="",
        section_path=("2.2.1 MitID",),
        span=(0, 1),
        footnotes=(fn,),
    )
    quote = chunk.text
    answer = Answer(
        question="q",
        text=f"Afgedaan in de brief [1].\n- “{quote}” [1]\n\nSources:\n[1] ICT “{quote}”",
        abstained=False,
        citations=(Citation(n=1, chunk=chunk, letter=letter, quote=quote, quote_span=(0, len(quote))),),
    )
    run = answer_to_run("q001", answer, 0.5)
    assert [s for s, _ in run.statements] == ["Afgedaan in de brief", f"“{quote}”"]
    cited = run.statements[0][1][0]
    assert cited.startswith("ICT 2025-07-11 26643 nr. 1371\n2.2.1 MitID\n") and cited.endswith(quote)
    assert "TZ202504-147" in run.footnote_ids and run.latency_s == 0.5 and not run.abstained
