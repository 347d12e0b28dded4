"""Figures on the typeset decision lists: recognised, decisions right (own item, own zaak).

python -m tests.decision_layout_figures
"""

import tempfile
from pathlib import Path

from weasyprint import HTML

import tests.test_decision_list_layout as old
from ingest.commitments import extract_mentions
from ingest.decision_list import committee_of, meeting_date
from ingest.loaders import load_document
from ingest.parse import parse_letter
from tests.pdf_decision_layouts import LAYOUTS
from tests.pdf_decision_letters import LETTERS

tmp = Path(tempfile.mkdtemp())


def read(name, src):
    p = tmp / f"{name}.pdf"
    p.write_bytes(HTML(string=src).write_pdf())
    raw = load_document(p)
    return raw, parse_letter(raw)


def score(items, closing, letter, zaak_labelled=True):
    ms = extract_mentions(letter, [])
    found = {(m.kind, m.decision if m.kind == "besluit" else m.promise): m for m in ms}
    tot = ok = 0
    for title, fields in items:
        zaak = next(v for k, v in fields if k == "Zaak")
        for k, v in fields:
            if k in ("Zaak", "Noot"):
                continue
            tot += 1
            m = found.get(("besluit" if k == "Besluit" else "toezegging", v))
            ok += bool(
                m
                and title in m.title
                and any(title in h for h in m.section_path)
                and (k != "Besluit" or not zaak_labelled or m.promise == zaak)
            )
    for v in closing:
        tot += 1
        m = found.get(("toezegging", v))
        ok += bool(m and any("Toezeggingen" in h for h in m.section_path))
    return ok, tot, len(ms)


R = D = T = N = 0
for name, make in LAYOUTS.items():
    lay = make()
    raw, L = read(name, lay.html)
    ok, tot, n = score(lay.items, lay.closing, L, lay.zaak_labelled)
    rec = raw.kind == "besluitenlijst"
    meta = committee_of(L) == lay.committee and meeting_date(L) == lay.when == L.date
    R += rec
    D += ok
    T += tot
    N += 1
    print(f"new {name:32} recognised={rec} decisions {ok}/{tot} (mentions {n}) meta={meta}")
for name, spec in old.SPECS.items():
    raw, L = read(name, old.list_html(spec))
    ok, tot, n = score(old._items(spec), (), L)
    rec = raw.kind == "besluitenlijst"
    R += rec
    D += ok
    T += tot
    N += 1
for name, (src, _) in LETTERS.items():
    raw, L = read(name, src)
    print(f"letter {name}: kind={raw.kind}")
print(f"all typeset lists: recognised {R}/{N}, decisions right {D}/{T}")
