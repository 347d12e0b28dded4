"""Draw the 30 measurement moties for tests/gold/register_moties_xml.json (fixed seed; prints file names)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.splits import files  # noqa: E402

SEED = 20260714  # fixed: the gold file lists exactly the draw this seed gives
COUNT = 30


def draw(seed: int = SEED, count: int = COUNT) -> list[str]:
    """The sorted measurement part of moties-op-xml, sampled without replacement."""
    names = sorted(p.name for p in files("moties-op-xml", "measurement"))
    return sorted(random.Random(seed).sample(names, count))


if __name__ == "__main__":
    for name in draw():
        print(name)
