"""How well the XML reader reads real moties from their body alone, scored against the files' own metadata.

Truth (issue 13): a motie with a full <metadata> block is read with that block removed, and the
Letter compared with what the block says:
- Kamerstuk id: DC.identifier;
- date: DCTERMS.issued (the day the motie was proposed; the reader's date is the "Voorgesteld" date
  printed in the body, which equals it in all but one of the 884 shared moties);
- title: the motie rule of ingest/kamerstuk_header.py applied to the metadata: the documenttitel up
  to " over …" ("Motie van het lid Ceder"), "; ", the dossiertitel;
  the metadata has no printed title, so the "ter vervanging van die gedrukt onder nr. N" a body prints
  is left out of the comparison and scored as its own field:
- replaces: the number of the motie a gewijzigde motie replaces, by the documenttitel's "(t.v.v. …-N)"
  (none where it has none), against the number of the reader's `replaces` kst id;
- first indiener: the last OVERHEIDop.indiener (the metadata lists the indieners in reverse order),
  compared by surname ("D.J.H. (Diederik) van Dijk" ~ "Diederik van Dijk").
Titles and names are compared up to typography (case, diacritics, dash and quote forms): the
metadata writes "Kostic" and "Defensienota 2024 - Sterk" where the body prints "Kostić" and "–".
A motie with only an externMetadataRecord is scored on its Kamerstuk id (from the record's URL);
its other fields are counted as found / not found (their truth is hand-written gold, elsewhere).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

from ingest.identifiers import kst_id_in
from ingest.loaders import load_bytes
from ingest.model import Letter
from ingest.parse import parse_letter
from ingest.xml_reader import _metadata_title, metadata_replaces

_PRINTED_REPLACES = re.compile(r"\s+ter vervanging van die gedrukt onder nr\. \d+(?=;|$)")
FIELDS = ("kamerstuk", "date", "title", "replaces", "indiener")
CORPUS = "moties-op-xml"


@dataclass(frozen=True)
class Truth:
    flavour: str  # "metadata" | "extern"
    kst_id: str | None
    date: date | None = None
    title: str | None = None
    indiener: str | None = None  # surname (with particles) of the first indiener
    replaces: str | None = None  # the number of the motie it replaces


@dataclass
class Tally:
    """Right / scored per field, for one flavour of one part."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    files: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def share(self, name: str) -> float | None:
        return self.right[name] / self.scored[name] if self.scored[name] else None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def same_text(a: str, b: str) -> bool:
    """Equal up to typography: case, diacritics, dash and quote forms, spacing ("Kostić" = "Kostic")."""
    return _plain(a) == _plain(b)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[‐-―−]", "-", text)
    text = re.sub(r"[«»“”„\"‘’‚']", '"', text)
    return " ".join(text.split()).casefold()


def _surname(name: str) -> str:
    name = re.sub(r"\([^)]*\)", " ", name)
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z][a-z]?\.)+", w)]
    return _plain(" ".join(words))


def truth_of(data: bytes) -> tuple[Truth, bytes]:
    """The truth a file carries, and its bytes with the <metadata> block removed."""
    root = etree.fromstring(data, parser=_parser())
    meta: dict[str, list[str]] = {}
    for m in root.iter("{*}meta"):
        if m.get("name") and (m.get("content") or "").strip():
            meta.setdefault(m.get("name"), []).append(m.get("content").strip())
    for block in root.findall("{*}metadata"):
        root.remove(block)
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    if "DC.identifier" not in meta:
        return Truth("extern", kst_id_in(" ".join(meta.get("OVERHEIDop.externMetadataRecord", [])))), body
    issued = meta.get("DCTERMS.issued", [None])[0]
    return (
        Truth(
            "metadata",
            meta["DC.identifier"][0],
            date.fromisoformat(issued[:10]) if issued else None,
            _metadata_title(meta),
            _surname(meta["OVERHEIDop.indiener"][-1]) if meta.get("OVERHEIDop.indiener") else None,
            metadata_replaces(meta),
        ),
        body,
    )


def _read(body: bytes, path: Path) -> Letter:
    return parse_letter(load_bytes(body, path))


def score_file(path: Path, tallies: dict[str, Tally]) -> None:
    """Read one file's body and add the comparison to tallies[flavour]."""
    score_bytes(path, path.read_bytes(), tallies)


def score_bytes(path: Path, data: bytes, tallies: dict[str, Tally]) -> None:
    """score_file on bytes already read (path names the file in messages and gives the format)."""
    try:
        truth, body = truth_of(data)
    except etree.XMLSyntaxError as exc:
        tallies.setdefault("metadata", Tally()).errors.append(f"{path.name}: {exc}")
        return
    tally = tallies.setdefault(truth.flavour, Tally())
    tally.files += 1
    try:
        letter = _read(body, path)
    except Exception as exc:  # a reader failure is a miss on every field, and is listed
        tally.errors.append(f"{path.name}: {exc}")
        for name in FIELDS:
            tally.scored[name] += name == "kamerstuk" or truth.flavour == "metadata"
        return
    first = letter.indieners[0].name if letter.indieners else None
    title = _PRINTED_REPLACES.sub("", letter.title) if letter.title else None
    replaces = letter.replaces[0].rsplit("-", 1)[-1] if letter.replaces else None
    got = {
        "kamerstuk": letter.kamerstuk_id,
        "date": letter.date,
        "title": title,
        "replaces": replaces,
        "indiener": first,
    }
    want = {
        "kamerstuk": truth.kst_id,
        "date": truth.date,
        "title": truth.title,
        "replaces": truth.replaces,
        "indiener": truth.indiener,
    }
    for name in FIELDS:
        tally.found[name] += got[name] is not None
        if truth.flavour == "extern" and name != "kamerstuk":
            continue
        tally.scored[name] += 1
        if name == "indiener":
            ok = bool(first and want[name] and _surname(first).endswith(want[name]))
        elif name == "replaces":
            ok = got[name] == want[name]
        elif name == "title":
            ok = bool(got[name] and want[name] and same_text(got[name], want[name]))
        else:
            ok = got[name] == want[name]
        tally.right[name] += ok
        if not ok:
            tally.misses.append(f"{path.name} {name}: read {got[name]!r}, truth {want[name]!r}")


def score(paths: Iterable[Path]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for path in paths:
        score_file(path, tallies)
    return tallies


def sample(paths: list[Path], n: int, seed: int = 13) -> list[Path]:
    """A seeded random sample (all of them where there are fewer)."""
    return sorted(random.Random(seed).sample(paths, n)) if len(paths) > n else list(paths)


def table(results: dict[str, dict[str, Tally]]) -> str:
    """Per part and flavour: files, then right/scored per field (and found where not scored)."""
    lines = [f"{'part':<12} {'flavour':<9} {'files':>5}  " + "  ".join(f"{f:>18}" for f in FIELDS)]
    for part, tallies in results.items():
        for flavour, t in sorted(tallies.items()):
            cells = []
            for name in FIELDS:
                share = t.share(name)
                if share is None:
                    cells.append(f"found {t.found[name]}/{t.files}".rjust(18))
                else:
                    cells.append(f"{share:.3f} ({t.right[name]}/{t.scored[name]})".rjust(18))
            lines.append(f"{part:<12} {flavour:<9} {t.files:>5}  " + "  ".join(cells))
    return "\n".join(lines)
