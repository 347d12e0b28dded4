"""Footnote resolution measured against hand-written gold files: precision and recall of marker links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD = sorted((Path(__file__).parent / "gold").glob("footnotes_*.json"))


def norm(text: str) -> str:
    return " ".join(text.split())


def predicted_links(letter) -> list[tuple[str, str, str | None]]:
    """(label, normalised text before the marker, footnote text or None) for every marker found."""
    by_id = {f.id: f for f in letter.footnotes}
    out = []
    for m in letter.markers:
        before = norm(letter.text[max(0, m.span[0] - 300) : m.span[0]])
        fn = by_id.get(m.footnote_id) if m.footnote_id else None
        out.append((m.label, before, fn.text if fn else None))
    return out


def score(letter, gold: dict) -> tuple[float, float, list[str]]:
    gold_links = [(label, norm(ctx), text) for label, ctx, text in gold["markers"]]
    matched_gold: set[int] = set()
    correct = 0
    problems = []
    for label, before, text in predicted_links(letter):
        hit = None
        for i, (g_label, g_ctx, g_text) in enumerate(gold_links):
            if (
                i in matched_gold
                or g_label != label
                or not (before.endswith(g_ctx) or (before + " ").endswith(g_ctx))
            ):
                continue
            text_ok = (g_text is None and text is None) or (
                g_text is not None and text is not None and norm(text).startswith(norm(g_text))
            )
            if text_ok:
                hit = i
                break
        if hit is None:
            problems.append(f"wrong or extra link: marker {label} after '...{before[-50:]}' -> {text!r}")
        else:
            matched_gold.add(hit)
            correct += 1
    for i, (g_label, g_ctx, _) in enumerate(gold_links):
        if i not in matched_gold:
            problems.append(f"missed: marker {g_label} after '...{g_ctx}'")
    predicted = len(letter.markers)
    precision = correct / predicted if predicted else 0.0
    recall = correct / len(gold_links)
    return precision, recall, problems


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_marker_links_match_gold(demo_letters, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    letter = demo_letters[gold["letter"]]
    precision, recall, problems = score(letter, gold)
    print(f"{gold['letter']}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.97 and recall >= 0.97, "\n".join(problems)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_no_footnote_text_invented(demo_letters, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    letter = demo_letters[gold["letter"]]
    gold_texts = [norm(t) for _, _, t in gold["markers"] if t]
    for fn in letter.footnotes:
        assert any(norm(fn.text).startswith(t) for t in gold_texts), (
            f"footnote {fn.label} not in the letter: {fn.text}"
        )
    lost = [label for label, _, t in gold["markers"] if t is None]
    assert sorted(m.label for m in letter.unresolved_markers) == sorted(lost)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_no_false_markers_at_known_traps(demo_letters, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    letter = demo_letters[gold["letter"]]
    for trap in gold["not_markers"]:
        pos = norm(letter.text).find(trap)
        assert pos >= 0, f"trap text not found in the letter: {trap}"
        for m in letter.markers:
            start = len(norm(letter.text[: m.span[0]]))
            assert not (pos <= start < pos + len(trap)), f"false marker {m.label} in '{trap}'"


def test_mitid_passage_cites_tz202504_147(demo_letters):
    letter = demo_letters["003_8bc0e4d4bf612069.txt"]
    (m,) = [m for m in letter.markers if re.search(r"technologieën$", letter.text[: m.span[0]])]
    fn = letter.footnote(m.footnote_id)
    assert (fn.label, fn.toezeggingen) == ("20", ("TZ202504-147",))
    assert letter.page_at(m.span[0]) == 14
