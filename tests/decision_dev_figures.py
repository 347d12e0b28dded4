"""Development decision lists (example1/2 only): decisions under their own item, committee, date.

python -m tests.decision_dev_figures [-v]
"""

import json
import sys
from pathlib import Path

from eval.reader_gold import score_decisions
from eval.splits import corpus_root, files
from ingest.decision_list import committee_of, meeting_date
from ingest.loaders import load_document
from ingest.parse import parse_letter

GOLD = Path(__file__).parent / "gold" / "besluitenlijsten"

for path in files("besluitenlijsten-pdf", "development"):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text())
    raw = load_document(corpus_root("besluitenlijsten-pdf") / path.name)
    letter = parse_letter(raw)
    s = score_decisions(letter, gold)
    print(path.stem, raw.kind, f"{s.under_own_item}/{s.total}", committee_of(letter), meeting_date(letter))
    if "-v" in sys.argv:
        print("\n".join(s.problems))
