"""Draw the 50 measurement moties (externMetadataRecord only) of tests/gold/moties_xml_sample.json.

Run ``python -m eval.draw_moties_sample`` to print the drawing: the same files every time (fixed
seed). The random 50 come from the measurement part of ``moties-op-xml`` (eval/splits.json) among
the files WITHOUT a full ``<metadata>`` block (their only meta element is
``OVERHEIDop.externMetadataRecord``). Where the random 50 miss a dossier form or motie kind that
the measurement part has, the first file of that form in a fixed order (sha256 of the name) is
added and marked ``chosen``. The gold itself was written by reading each drawn file; this script
only says which files.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

from lxml import etree

from eval.splits import files

SEED = 13  # the issue number: fixed, so the drawing never changes
SAMPLE_SIZE = 50
CORPUS = "moties-op-xml"

# Forms the sample must hold at least once (dossier forms, then motie kinds, then the missing date).
REQUIRED = (
    "plain",
    "chapter",
    "sub-number",
    "R-number",
    "two dossiers",
    "gewijzigde motie",
    "nader gewijzigde motie",
    "no Voorgesteld date",
)


def extern_only(root: etree._Element) -> bool:
    """True when the file's metadata is only the externMetadataRecord (no full <metadata> block)."""
    names = [m.get("name") for m in root.findall("metadata/meta")]
    return names == ["OVERHEIDop.externMetadataRecord"]


def forms_of(root: etree._Element) -> set[str]:
    """The dossier form and motie kind of one file, as the names in REQUIRED."""
    out: set[str] = set()
    dossiers = root.findall(".//kamerstuk/dossier")
    if len(dossiers) > 1:
        out.add("two dossiers")
    number = dossiers[0].find("dossiernummer") if dossiers else None
    if number is not None and number.find("rijkswetnr") is not None:
        out.add("R-number")
    elif number is not None and number.find("raadnr") is not None:
        out.add("sub-number")
    elif number is not None and number.find("begrotingshoofdstuk") is not None:
        out.add("chapter")
    elif len(dossiers) == 1:
        out.add("plain")
    title = " ".join("".join(root.find(".//stuk/titel").itertext()).split()).upper()
    if title.startswith("NADER GEWIJZIGDE"):
        out.add("nader gewijzigde motie")
    elif title.startswith("GEWIJZIGDE"):
        out.add("gewijzigde motie")
    if root.find(".//stuk/datumtekst") is None:
        out.add("no Voorgesteld date")
    return out


def draw() -> list[tuple[Path, str | None]]:
    """(file, None) for the random 50, then (file, "for form …") for each form they miss."""
    pool = []
    for path in files(CORPUS, "measurement"):
        root = etree.parse(str(path)).getroot()
        if extern_only(root):
            pool.append((path, forms_of(root)))
    pool.sort(key=lambda item: item[0].name)
    sample = random.Random(SEED).sample(pool, SAMPLE_SIZE)
    drawn: list[tuple[Path, str | None]] = [(path, None) for path, _ in sample]
    covered = set().union(*(forms for _, forms in sample))
    by_digest = sorted(pool, key=lambda item: hashlib.sha256(item[0].name.encode()).hexdigest())
    taken = {path for path, _ in drawn}
    for form in REQUIRED:
        if form in covered:
            continue
        path, forms = next((p, f) for p, f in by_digest if form in f and p not in taken)
        drawn.append((path, f"for form {form}"))
        taken.add(path)
        covered |= forms
    return drawn


def main() -> int:
    for path, chosen in draw():
        print(path.name + (f"\t{chosen}" if chosen else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
