"""Real XML moties read from their body alone, scored against their own metadata (eval/xml_moties.py).

A seeded sample of each part of ../shared/corpus/real/moties-op-xml (eval/splits.json); the figures
are printed per part and flavour (run with -s to see them). All 3,000 files: benchmarks/bench_xml_moties.py.
"""

from __future__ import annotations

import pytest

from eval import splits
from eval import xml_moties as xm
from tests.conftest import SHARED

ROOT = SHARED / "corpus" / "real" / "moties-op-xml"
PER_PART = 150


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, xm.Tally]]:
    if not ROOT.is_dir():
        pytest.skip("../shared/corpus/real/moties-op-xml is not present")
    out = {part: xm.score(xm.sample(splits.files(xm.CORPUS, part), PER_PART)) for part in splits.PARTS}
    print("\n" + xm.table(out))
    return out


@pytest.mark.parametrize("part", splits.PARTS)
def test_every_sampled_motie_is_read(results, part):
    tallies = results[part]
    assert sum(t.files for t in tallies.values()) == PER_PART
    assert not [e for t in tallies.values() for e in t.errors]
    for flavour, t in tallies.items():
        # the Kamerstuk id: from the body, against DC.identifier or the externMetadataRecord URL
        assert t.share("kamerstuk") >= 0.99, (flavour, t.misses)
        # every motie gets a title and a first indiener; a date wherever the body prints one
        assert t.found["title"] == t.found["indiener"] == t.files, flavour
        assert t.found["date"] >= 0.98 * t.files, flavour


@pytest.mark.parametrize("part", splits.PARTS)
def test_body_agrees_with_the_metadata(results, part):
    t = results[part].get("metadata")
    assert t is not None and t.files >= 20
    # Issue 13 asks >= 0.99 on all files (the benchmark's figure). A sample of ~45 such files, and the
    # few moties whose printed body and metadata disagree (documented in eval/xml_moties.py), leave a
    # margin here: one miss in the sample is 0.98.
    for name in ("date", "title", "indiener"):
        assert t.share(name) >= 0.95, (name, t.misses)


def test_a_miss_is_counted():
    """The scorer can fail: a body printing another number or indiener than its metadata is a miss."""
    if not ROOT.is_dir():
        pytest.skip("../shared/corpus/real/moties-op-xml is not present")
    path = next(p for p in splits.files(xm.CORPUS, "development") if p.name == "kst-19637-3404.xml")
    data = path.read_bytes()
    good: dict[str, xm.Tally] = {}
    xm.score_bytes(path, data, good)
    assert good["metadata"].right == {"kamerstuk": 1, "date": 1, "title": 1, "replaces": 1, "indiener": 1}
    changed = data.replace(b'kamer="2">3404<', b'kamer="2">3405<').replace(
        b"<al>Vondeling</al>", b"<al>Ceder</al>"
    )
    changed = changed.replace(b"LID VONDELING", b"LID CEDER")
    bad: dict[str, xm.Tally] = {}
    xm.score_bytes(path, changed, bad)
    assert bad["metadata"].right == {"kamerstuk": 0, "date": 1, "title": 0, "replaces": 1, "indiener": 0}
    assert len(bad["metadata"].misses) == 3
    replacing = data.replace(b"LID VONDELING", b"LID VONDELING TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3399")
    wrong: dict[str, xm.Tally] = {}
    xm.score_bytes(path, replacing, wrong)  # the body replaces a motie its metadata does not name
    assert wrong["metadata"].right == {"kamerstuk": 1, "date": 1, "title": 1, "replaces": 0, "indiener": 1}
