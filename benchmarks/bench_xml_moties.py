"""XML motie benchmark (a script, not a test): all 3,000 real moties read, scored, timed, memory measured.

    python benchmarks/bench_xml_moties.py                 # both parts: figures, time, memory
    python benchmarks/bench_xml_moties.py --misses        # ... and every miss, with what was read

Figures: per part of eval/splits.json and per metadata flavour, each motie read from its body alone
(the <metadata> block removed) and compared with what the metadata says (eval/xml_moties.py).
Time: per file, as a ratio against parsing the same bytes with lxml alone (the baseline, in this
process). Memory: the peak of Python allocations while reading (tracemalloc) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from lxml import etree  # noqa: E402

from eval import splits  # noqa: E402
from eval import xml_moties as xm  # noqa: E402
from ingest.loaders import load_bytes  # noqa: E402
from ingest.parse import parse_letter  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    parts = {part: splits.files(xm.CORPUS, part) for part in splits.PARTS}
    paths = [p for files in parts.values() for p in files]
    if not paths:
        sys.exit(f"no files under {splits.corpus_root(xm.CORPUS)}")
    data = {p: p.read_bytes() for p in paths}

    safe = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    start = time.perf_counter()
    for p in paths:
        etree.fromstring(data[p], parser=safe)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for p in paths:
        parse_letter(load_bytes(data[p], p))  # the whole reader, with the metadata where present
    read_all = time.perf_counter() - start

    tracemalloc.start()  # a second pass: tracemalloc slows Python down, so it is not timed
    for p in paths:
        parse_letter(load_bytes(data[p], p))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    start = time.perf_counter()
    results = {}
    for part, files in parts.items():
        tallies: dict[str, xm.Tally] = {}
        for p in files:
            xm.score_bytes(p, data[p], tallies)
        results[part] = tallies
    scoring = time.perf_counter() - start

    print(xm.table(results))
    n = len(paths)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nread {n} files (load + parse_letter): {read_all:.2f} s = {1000 * read_all / n:.2f} ms/file, "
        f"{read_all / baseline:.1f}x an lxml parse of the same bytes ({1000 * baseline / n:.2f} ms/file); "
        f"scoring run (metadata stripped, read, compared) {scoring:.2f} s"
    )
    print(f"memory: peak Python allocations while reading {peak / 2**20:.1f} MiB; peak RSS {rss:.0f} MiB")
    errors = [e for t in results.values() for tally in t.values() for e in tally.errors]
    print(f"errors: {len(errors)}" + "".join(f"\n  {e}" for e in errors))
    if args.misses:
        for part, tallies in results.items():
            for flavour, t in tallies.items():
                for miss in t.misses:
                    print(f"  {part} {flavour}: {miss}")


if __name__ == "__main__":
    main()
