"""Commitments printed as table rows: plain-text cells, a header row naming the columns (pure)."""

from __future__ import annotations

import re

from ingest.commitment_draft import (
    Draft,
    Signal,
)
from ingest.commitment_text import (
    NAME,
    parse_member_list,
    squash,
)
from ingest.dates import find_deadlines
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import AFGEDAAN
from ingest.verdicts import STATUS, find_signal, status_label

# Plain-text table rows: cells split by '|', a tab or a run of 3+ spaces (PDF and Word tables extracted
# as text); a row is a commitment's only when one cell is a T/TZ number (or a Kamerstuk with 'motie').
CELL_SPLIT_RE = re.compile(r"\s*\|\s*|\t+| {3,}")
STATUS_CELL_RE = re.compile(r"^\s*status\s*:", re.I)
KIND_CELL_RE = re.compile(r"^(?:motie|toezegging|(?:nader\s+)?gewijzigde\s+motie)$", re.I)
NAMES_CELL_RE = re.compile(rf"(?:{NAME})(?:\s*(?:,|/|\ben\b)\s*(?:{NAME}))*(?:\s+c\.s\.)?")

# A table's header row names its columns; a row under it is read cell by cell by those names.
_COLUMN_NAMES = {
    "id": r"nr\.?|nummer|id|kenmerk|toezeggingnummer|kamerstuk",
    "title": r"omschrijving|onderwerp|titel|toezegging|motie|beschrijving",
    "status": r"stand\s+van\s+zaken|status|voortgang|stand",
    "planning": r"planning|termijn|deadline|verwacht|datum|afronding",
    "kind": r"soort|type",
    "members": r"indiener[s]?|kamerlid|kamerleden|leden",
}
_COLUMN_RE = {k: re.compile(rf"^(?:{p})$", re.I) for k, p in _COLUMN_NAMES.items()}


def table_header(line: str) -> dict:
    """{'id': 0, 'title': 1, 'status': 2, 'planning': 3, '_cells': [...]} for a header row, else {}."""
    cells = [c.strip() for c in CELL_SPLIT_RE.split(line) if c.strip()]
    if len(cells) < 3:
        return {}
    roles: dict = {}
    for i, c in enumerate(cells):
        role = next((k for k, r in _COLUMN_RE.items() if r.match(c) and k not in roles), None)
        if role is None:
            return {}
        roles[role] = i
    if "status" not in roles:
        return {}
    return roles | {"_cells": cells}


class TableRows:
    """The Reader's table part: rows read cell by cell (needs masked, letter, ref, headers)."""

    def _table_rows(self, start: int, end: int) -> list[tuple[int, int, Draft]]:
        """Commitments printed as table rows ('TZ202403-118 | title | Status: in uitvoering'), with spans.

        The identifier cell names it, the first other cell is its title, and the status cell (labelled
        'Status:', else the last of three or more cells) gives the verdict as a label (verdicts.status_label).
        """
        rows = []
        for m in re.finditer(r"[^\n]+", self.masked[start:end]):
            cells = [c.strip() for c in CELL_SPLIT_RE.split(m.group()) if c.strip()]
            if len(cells) < 2 or table_header(m.group()):
                continue
            columns = self.columns_at(start + m.start())
            a, b = start + m.start(), start + m.end()
            if columns and len(cells) == len(columns.get("_cells", ())):
                if row := self._header_row(cells, columns, a, b):
                    rows.append((a, b, row))
                continue
            tz = [(i, toezegging_ids(c)) for i, c in enumerate(cells) if toezegging_ids(c)]
            kst = [(i, kamerstuk_ids(c)) for i, c in enumerate(cells) if kamerstuk_ids(c)]
            if tz:
                kind, (at, ids) = "toezegging", tz[0]
            elif kst and re.search(r"\bmotie\b", m.group(), re.I):
                kind, (at, ids) = "motie", kst[0]
            else:
                continue
            # A cell that is only the kind word ('Motie') names nothing; a cell of names only ('Ellian c.s.',
            # 'Mutluer en Sneller') gives the members (dev09), unless it is the only cell left for a title.
            rest = [c for i, c in enumerate(cells) if i != at and not KIND_CELL_RE.match(c)] or [cells[at]]
            labelled = [c for c in rest if STATUS_CELL_RE.match(c)]
            status = labelled[0] if labelled else (rest[-1] if len(rest) >= 2 else None)
            texts = [c for c in rest if c is not status]
            named = [c for c in texts if NAMES_CELL_RE.fullmatch(c)]
            title = next((c for c in texts if c not in named), texts[0] if texts else rest[0])
            members = tuple(x for c in named if c != title for x in parse_member_list(c))
            draft = Draft(kind, squash(title), a, list(ids), members, promise=squash(title))
            verdict = status_label(status) if status else None
            if verdict:
                found = find_deadlines(status, self.ref)
                moment = found[-1][1] if found else None
                draft.deadlines += [d for _, d in found]
                draft.signals.append(Signal(STATUS, verdict, self.letter.text[a:b].strip(), a, moment))
            rows.append((a, b, draft))
        return rows

    def columns_at(self, offset: int) -> dict:
        """The columns of the last header row above offset (the text reader may have put the header and
        each row in sections of their own, so this looks at the whole letter)."""
        if self.headers is None:
            self.headers = [
                (m.start(), h) for m in re.finditer(r"[^\n]+", self.masked) if (h := table_header(m.group()))
            ]
        above = [h for at, h in self.headers if at < offset]
        return above[-1] if above else {}

    def _header_row(self, cells: list[str], columns: dict, a: int, b: int) -> Draft | None:
        """A row of a table whose header names its columns: each cell read by its column's name. A row
        with no number is a commitment only in a table that has a number column (its own numbering)."""

        def cell(role: str) -> str:
            at = columns.get(role)
            return cells[at] if at is not None else ""

        ident = cell("id") or " ".join(cells)
        tz, kst = list(toezegging_ids(ident)), list(kamerstuk_ids(ident))
        if not (tz or kst or "id" in columns):
            return None
        # a motie by its Kamerstuk, its kind cell, or a header that names the column 'Motie'
        named = " ".join([cell("kind"), *columns["_cells"]])
        kind = "motie" if not tz and (kst or re.search(r"\bmotie\b", named, re.I)) else "toezegging"
        ids = tz or kst
        title = cell("title") or next((c for i, c in enumerate(cells) if i != columns.get("id")), "")
        members = parse_member_list(cell("members")) if cell("members") else ()
        draft = Draft(kind, squash(title), a, ids, members, promise=squash(title))
        status = cell("status")
        # a label ('loopt', 'afgedaan: ...'), else a phrase ('verschuift naar na het zomerreces')
        phrase = find_signal(status) if status and not status_label(status) else None
        verdict = status_label(status) if status else None
        verdict = verdict or (phrase.verdict if phrase else None)
        found = find_deadlines(cell("planning"), self.ref) or find_deadlines(status, self.ref)
        draft.deadlines += [d for _, d in found]
        if verdict:
            moment = found[-1][1] if found and verdict != AFGEDAAN else None
            draft.signals.append(Signal(STATUS, verdict, self.letter.text[a:b].strip(), a, moment))
        return draft
