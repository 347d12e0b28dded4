"""Reads the moties and toezeggingen a letter reports on, section by section, into drafts (pure).

A commitment starts at its own heading ('Motie Ceder – ...', 'Toezegging - ...', a heading whose
footnote cites a T/TZ number) or at a sentence that names one ('heb ik toegezegd', 'diende het lid X een
motie in'). Each later sentence of the section that gives a verdict signal (ingest/verdicts.py) is
attributed to the commitment it names, else to the one named last in the same paragraph, else to the
section's first commitment: a new paragraph returns to what the section is about.
"""

from __future__ import annotations

import bisect
import re

from ingest.commitment_draft import (
    GROUP_RE,
    HEADING_RE,
    NUMBER_RE,
    QUOTE_RE,
    RUNNING,
    Draft,
    Signal,
    draft_title,
    ids_for,
    promised_words,
)
from ingest.commitment_text import (
    NAME,
    find_members,
    member_key,
    merge_members,
    parse_member_list,
    sentences,
    squash,
)
from ingest.dates import find_deadlines
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import AFGEDAAN, Footnote, Letter, Member, Section
from ingest.verdicts import STATUS, find_signal, status_label

OF_MEMBER_RE = re.compile(
    r"^van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)(?:\s+c\.s\.)?(?:\s+(?:over|inzake|betreffende)\s+(?P<about>.+))?$"
)
TO_MEMBER_RE = re.compile(
    r"^(?:aan\s+)?(?:het\s+lid|de\s+leden)\s+.+?\s+(?:over|inzake|betreffende)\s+(?P<about>\S.*)$"
)
GLUED_RE = re.compile(r"^(?P<names>[^\s].{0,60}?)\s+(?:over|inzake|betreffende)\s+(?P<about>\S.*)$")
DASH_RE = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
# Words that name a commitment in running text; plural 'moties' only counts with names after it.
# 'zegde ik (het lid X) toe' is the writer's promise in the past tense (dev08).
# 'Per toezegging vindt u de stand van zaken' distributes over all of them: it names none.
KIND_RE = re.compile(
    r"(?<!\b[Pp]er\s)\b(?P<w>moties|motie|toezegging|toegezegd|zeg\s+(?:ik\s+)?graag\s+toe|zegde\s+(?:ik|we|wij)(?=\s[^.;]*?\btoe\b))\b",
    re.I,
)
# The letter says it does not report on the commitment it names ('valt buiten dit overzicht', 'ik noem
# haar hier volledigheidshalve'): named in passing, and nothing in that sentence is its verdict.
OUT_OF_SCOPE_RE = re.compile(
    r"\bbuiten\s+(?:dit|deze|het)\s+(?:overzicht|brief|rapportage|verslag)\b|\bvolledigheidshalve\b", re.I
)
ADDRESSED_RE = re.compile(r"\b(?:uw|de)\s+Kamer\b|\bKamerleden\b|\b[Uu]\b|\bheb\s+ik\b", re.I)
MOTION_EVENT_RE = re.compile(r"\bmotie\s+(?:aangenomen|ingediend)|\bdiende\b[^.]*\bmotie\b", re.I)
ANAPHOR_RE = re.compile(r"\b(?:de|deze|die)\s+(?P<kind>motie|toezegging)\b", re.I)
INLINE_KST_RE = re.compile(r"\(((?:Kamerstuk\w*|Kamerbrief)[^()]{4,80}|[^()]{0,40}\bnr\.\s*\d+[^()]{0,20})\)")
# The same without brackets: 'de motie van het lid X, Kamerstuk 36 410 XV, nr. 12, verzoekt ...'.
BARE_KST_RE = re.compile(r"(\bKamerstuk\w*\s+(?:II\s+)?(?:\d{4}/\d{2,4},?\s+)?[^.;()]{0,40}?\bnr\.\s*\d+)")
INLINE_TZ_RE = re.compile(r"\(\s*(T\d{5}|TZ\d{6}-\d{2,4})\s*\)")
PAST_PROMISE = re.compile(r"\b(?:had|hadden)\b[^.]*\b(?:beloofd|toegezegd|aangegeven)\b", re.I)
# Plain-text table rows: cells split by '|', a tab or a run of 3+ spaces (PDF and Word tables extracted
# as text); a row is a commitment's only when one cell is a T/TZ number (or a Kamerstuk with 'motie').
CELL_SPLIT_RE = re.compile(r"\s*\|\s*|\t+| {3,}")
STATUS_CELL_RE = re.compile(r"^\s*status\s*:", re.I)
KIND_CELL_RE = re.compile(r"^(?:motie|toezegging|(?:nader\s+)?gewijzigde\s+motie)$", re.I)
NAMES_CELL_RE = re.compile(rf"(?:{NAME})(?:\s*(?:,|/|\ben\b)\s*(?:{NAME}))*(?:\s+c\.s\.)?")
# The letter's writer says it made a promise ('heb ik het lid X toegezegd', 'zeg ik toe'); 'zoals
# toegezegd' looks back at one.
PROMISE_MADE_RE = re.compile(
    r"\b(?:heb|hebben)\s+(?:ik|we|wij)\b[^.;]*?\btoegezegd\b|\bzeg\s+(?:ik\s+)?(?:graag\s+)?toe\b|"
    r"\bzegde\s+(?:ik|we|wij)\b[^.;]*?\btoe\b|"
    # the passive and the predecessor: 'is in het debat toegezegd', 'heeft mijn ambtsvoorganger toegezegd'
    r"\b(?:is|werd|zijn|werden)\s+(?:[\w,]+\s+){0,8}?toegezegd\b|"
    r"\bheeft\s+(?:de\s+minister|de\s+staatssecretaris|het\s+kabinet|mijn\s+\w*voorganger)\b[^.;]*?\btoegezegd\b",
    re.I,
)
LOOKS_BACK_RE = re.compile(r"\bzoals\s+(?:\w+\s+){0,3}toegezegd\b", re.I)
# A commitment named as the ground of something else ('In lijn met de eerder aangenomen motie van het lid
# Omtzigt werk ik ...', 'conform de motie'): named in passing, a record only where it gets a verdict.
REFERENCE_RE = re.compile(
    # 'Het programma is gestart naar aanleiding van de motie van het lid X' gives its origin (dev04)
    r"\b(?:in\s+lijn\s+met|conform|overeenkomstig|in\s+het\s+verlengde\s+van|in\s+de\s+geest\s+van|"
    r"naar\s+aanleiding\s+van|aansluit\w*\s+bij|sluit\s+(?:\w+\s+){0,6}aan\s+bij)"
    r"\s+(?:de|het|deze|die)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# 'die de motie op nr. 19 vervangt', 'ter vervanging van die gedrukt onder nr. 61': the number near a
# form of 'vervangen' is the predecessor, in the motie's own dossier.
REPLACING_RE = re.compile(r"\bvervang\w*|\bvervanging\b", re.I)
NR_RE = re.compile(r"\bnr\.\s*(\d{1,5})\b")
WEAK_RUNNING_RE = re.compile(r"momenteel|op\s+dit\s+moment|inmiddels\b.*", re.I | re.S)
PROMISE_CUE = re.compile(
    r"\bverzo(?:cht|ekt)|\bvraagt\b|\bgevraagd\b|\btoegezegd\b|\btoe\s+(?:dat|te)\b", re.I
)


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


class Reader:
    """Reads one letter: marker lookup, masked text (markers blanked so names end cleanly), drafts."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        chars = list(letter.text)
        for m in letter.markers:
            for i in range(*m.span):
                chars[i] = " "
        self.masked = "".join(chars)
        self.ref = letter.date  # relative phrases resolve only against a printed date
        self.paragraphs = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", letter.text)]
        self.named_in: dict[int, int] = {}  # id(draft) -> paragraph where it was named last
        self.columns: dict = {}  # the last table header row read (table_header)

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset)

    def markers_in(self, start: int, end: int) -> list[tuple[int, Footnote]]:
        found = []
        for m in self.letter.markers:
            if start <= m.span[0] < end and m.footnote_id:
                fn = self.letter.footnote(m.footnote_id)
                if fn is not None:
                    found.append((m.span[0], fn))
        return found

    def footnotes_in(self, start: int, end: int) -> list[Footnote]:
        out: list[Footnote] = []
        for _, fn in self.markers_in(start, end):
            if fn not in out:
                out.append(fn)
        return out

    def heading_end(self, section: Section) -> int:
        """Where the printed heading (with its glued footnote markers) ends in the letter text."""
        start = section.span[0]
        pos = start
        for w in section.heading.split():
            found = self.masked.find(w, pos, section.span[1])
            if found < 0:
                break
            pos = found + len(w)
        while pos < section.span[1] and (
            self.masked[pos] in " ,\t" or self.letter.text[pos] != self.masked[pos]
        ):
            pos += 1
        return pos

    # -- one section --------------------------------------------------------------------------

    def read_section(self, section: Section, inherited: list[Draft]) -> list[Draft]:
        """Drafts this section adds; inherited drafts (of a commitment it is a subsection of) are updated."""
        text, masked = self.letter.text, self.masked
        head_end = self.heading_end(section)
        heading = squash(section.heading)
        own = self._heading_drafts(section, heading, self.footnotes_in(section.span[0], head_end))
        rows = self._table_rows(head_end, section.span[1])
        # A row, or the table's header row ('Nr. | Omschrijving | Stand van zaken | Planning'), that the
        # text reader took for a heading: the table starts at the section's start.
        if (
            self._table_rows(section.span[0], head_end)
            or table_header(heading)
            or self._runs_on(section, head_end)
        ):
            own, heading, head_end = [], "", section.span[0]
            rows = self._table_rows(head_end, section.span[1])
        drafts = inherited + own + [d for _, _, d in rows]
        # Rows are read cell by cell; sentences are what lies between them.
        spans, at = [], head_end
        for a, b, _ in rows:
            spans += sentences(text, at, a)
            at = b
        spans += sentences(text, at, section.span[1])
        for i, (a, b) in enumerate(spans):
            sent = masked[a:b]
            here = self._sentence_mentions(heading, drafts, spans, i, a, b)
            for d in here:
                self.named_in[id(d)] = self.paragraph(a)
            if drafts and drafts[0].promise is None and drafts[0].pos <= a and PROMISE_CUE.search(sent):
                drafts[0].promise = squash(sent)
            self._signal(drafts, here, a, sent, text[a:b])  # stored verbatim, markers included
        new = drafts[len(inherited) :]
        for d in new:
            d.section = section
            if d.promise is None:
                d.promise = squash(masked[spans[0][0] : spans[0][1]]) if spans else None
        return new

    def _table_rows(self, start: int, end: int) -> list[tuple[int, int, Draft]]:
        """Commitments printed as table rows ('TZ202403-118 | title | Status: in uitvoering'), with spans.

        The identifier cell names it, the first other cell is its title, and the status cell (labelled
        'Status:', else the last of three or more cells) gives the verdict as a label (verdicts.status_label).
        """
        rows = []
        # what the header row names each column ('status', 'planning', ...); the text reader may have put
        # the header and each row in sections of their own, so the last header read holds
        columns = self.columns
        for m in re.finditer(r"[^\n]+", self.masked[start:end]):
            cells = [c.strip() for c in CELL_SPLIT_RE.split(m.group()) if c.strip()]
            if len(cells) < 2:
                continue
            if header := table_header(m.group()):
                columns = self.columns = header
                continue
            a, b = start + m.start(), start + m.end()
            if columns and len(cells) == len(columns.get("_cells", ())):
                rows.append((a, b, self._header_row(cells, columns, a, b)))
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

    def _runs_on(self, section: Section, head_end: int) -> bool:
        """The 'heading' is a numbered paragraph's first line ('1. Met de motie van het lid X heeft uw
        Kamer ...'): its sentence runs on into the text, no capital between (the parser may have set the
        'heading' apart with a blank line)."""
        if not NUMBER_RE.match(section.heading) or re.search(r"[.:;?!]\s*$", section.heading):
            return False
        after = re.match(r"\s*(\S)", self.letter.text[head_end : section.span[1]])
        return bool(after) and (after.group(1).islower() or after.group(1).isdigit())

    def _header_row(self, cells: list[str], columns: dict, a: int, b: int) -> Draft:
        """A row of a table whose header names its columns: each cell read by its column's name."""

        def cell(role: str) -> str:
            at = columns.get(role)
            return cells[at] if at is not None else ""

        ident = cell("id") or " ".join(cells)
        ids = list(toezegging_ids(ident)) or list(kamerstuk_ids(ident))
        kind = (
            "toezegging"
            if toezegging_ids(ident) or not re.search(r"\bmotie\b", cell("kind"), re.I)
            else "motie"
        )
        title = cell("title") or next((c for i, c in enumerate(cells) if i != columns.get("id")), "")
        draft = Draft(kind, squash(title), a, ids, (), promise=squash(title))
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

    def _heading_drafts(self, section: Section, heading: str, footnotes: list[Footnote]) -> list[Draft]:
        m = HEADING_RE.match(heading)
        pos = section.span[0]
        if GROUP_RE.match(NUMBER_RE.sub("", heading)):
            return []
        if m and m.group("rest"):
            kind = "motie" if m.group("kind").lower().startswith("moti") else "toezegging"
            rest = re.sub(r"^[–—-]\s*", "", m.group("rest"))
            # 'Motie (Kamerstuk 29 984, nr. 1190) van de leden X en Y over Z', 'Toezegging (T03812): ...':
            # the number in brackets after the kind word is the commitment's own (an annex's items).
            bracket = re.match(r"\(([^()]{4,80})\)\s*:?\s*", rest)
            own_ids = []
            if bracket:
                own_ids = list(toezegging_ids(bracket.group(1)) or kamerstuk_ids(bracket.group(1)))
                rest = rest[bracket.end() :] if own_ids else rest
            # 'Motie van het lid Kathmann (Kamerstuk 33 009, nr. 130)': the Kamerstuk printed in the
            # heading after the members is the motie's own too (dev10).
            printed = INLINE_KST_RE.search(rest) if kind == "motie" and not own_ids else None
            if printed and kamerstuk_ids(printed.group(1)):
                own_ids = list(kamerstuk_ids(printed.group(1)))
                rest = squash(rest[: printed.start()] + rest[printed.end() :])
            # 'Toezegging T03970' (dev15): the number is the heading's whole subject, the quoted promise
            # under it the title.
            numbered = toezegging_ids(rest) if kind == "toezegging" and not own_ids else ()
            if numbered and not re.sub(r"\b(?:T\d{5}|TZ\d{6}-\d{2,4})\b|[\s–—:()-]", "", rest):
                own_ids, rest = list(numbered), ""
            parts = DASH_RE.split(rest, maxsplit=1)
            names, title = (parts[0], parts[1]) if len(parts) == 2 and parts[1] else ("", rest)
            if kind == "toezegging":
                names, title = "", rest
            glued = GLUED_RE.match(rest) if m.group("rest").startswith("-") and not names else None
            if kind == "motie" and glued:  # "Motie-Tielen over het sportakkoord": the member glued on
                names, title = glued.group("names"), glued.group("about")
            printed = OF_MEMBER_RE.match(names or rest)
            if kind == "motie" and printed:  # "Motie van het lid Kathmann c.s. over online veiligheid"
                about = printed.group("about") or (title if names else None)
                names = printed.group("names")
                title = about or f"Motie {names}"
            members = (
                tuple(x for _, x in find_members(f"{m.group('kind')} {names}")) if kind == "motie" else ()
            )
            # 'Motie Grinwis/Bikker', 'Motie Kostić c.s.' (dev15): names alone are the indieners.
            if kind == "motie" and not members and not names and NAMES_CELL_RE.fullmatch(rest.strip()):
                members, title = parse_member_list(rest), f"Motie {rest.strip()}"
            asked = TO_MEMBER_RE.match(rest) if kind == "toezegging" else None
            if asked:  # "Toezegging aan het lid Kröger (GroenLinks-PvdA) over warmtenetten"
                members = tuple(x for _, x in find_members(rest[: asked.start("about")]))
                title = asked.group("about")
            if m.group("kind") == "Moties" and len(members) > 1:  # two moties under one heading
                pairs = (
                    [[fn] for fn in footnotes]
                    if len(footnotes) == len(members)
                    else [footnotes] * len(members)
                )
                group = [
                    Draft("motie", squash(title), pos, ids_for("motie", fns)[0], (mem,))
                    for mem, fns in zip(members, pairs, strict=True)
                ]
                for d in group:
                    d.siblings = group
                return group
            ids, cites = ids_for(kind, footnotes)
            ids += [i for i in own_ids if i not in ids]
            if not title:  # the heading is the number alone: the promise under it titles it
                title = self._quoted_promise(section.span[0], section.span[1])
            return [Draft(kind, squash(title), pos, ids, members, cites=cites)]
        if section.kind in ("motie", "toezegging") or any(f.toezeggingen for f in footnotes):
            kind = "motie" if section.kind == "motie" else "toezegging"
            ids, cites = ids_for(kind, footnotes)
            return [Draft(kind, NUMBER_RE.sub("", heading), pos, ids, cites=cites)]
        return []

    def _quoted_promise(self, start: int, end: int) -> str:
        """The promise quoted under a heading ('"De minister zal de Kamer ... informeren over X."')."""
        quoted = QUOTE_RE.search(self.masked, start, end)
        return promised_words(quoted.group(1)) if quoted else ""

    def _sentence_mentions(
        self, heading: str, drafts: list[Draft], spans: list, i: int, a: int, b: int
    ) -> list[Draft]:
        """Commitments this sentence names; new ones are appended to drafts. Returns those named here."""
        sent = self.masked[a:b]
        known = len(drafts)
        kinds = [
            (a + k.start(), "motie" if k.group("w").lower().startswith("moti") else "toezegging", k)
            for k in KIND_RE.finditer(sent)
        ]
        members = [(a + p, mem) for p, mem in find_members(sent)]
        markers = self.markers_in(a, b)
        here: list[Draft] = []
        if not kinds and members and i < 4 and len(drafts) == 1 and not drafts[0].members:
            drafts[0].members = tuple(m for _, m in members)  # 'naar aanleiding van de vraag van het lid X'
        printed_tz = set(toezegging_ids(sent))
        if not kinds and printed_tz:
            # 'Toelichting bij TZ202406-051: ...': a T/TZ number printed in the text names that commitment.
            named = [d for d in drafts if printed_tz & set(d.identifiers)]
            if named:
                return named
        if not kinds:
            # A footnote citing a T/TZ number marks a toezegging even where the word is missing.
            tz = [(p, fn) for p, fn in markers if fn.toezeggingen]
            if tz:
                kinds = [(tz[0][0], "toezegging", None)]
            elif markers and (anaphor := ANAPHOR_RE.search(sent)):
                kind = anaphor.group("kind").lower()
                target = next((d for d in reversed(drafts) if d.kind == kind), None)
                if target:
                    target.add_ids(*ids_for(kind, [fn for _, fn in markers]))
                return []
            else:
                return []
        for n, (pos, kind, match) in enumerate(kinds):
            nxt = kinds[n + 1][0] if n + 1 < len(kinds) else b
            prev = kinds[n - 1][0] if n else a
            word = match.group("w").lower() if match else ""
            # Members after this kind word (up to the next), or before it when it is the first.
            mine = tuple(m for p, m in members if pos <= p < nxt or (n == 0 and prev <= p < pos))
            fns = [fn for p, fn in markers if pos <= p < nxt or (n == 0 and p < pos and not kinds[0][2])]
            ids, cites = ids_for(kind, fns) if fns else ([], [])
            if kind == "toezegging" and match and (own := self._number_inline(pos, nxt)):
                ids = ids + [x for x in own if x not in ids]
            printed = self._cited_inline(pos, nxt)
            if printed:  # "de motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952)": printed in the text
                ids, cites = (ids + printed, cites) if kind == "motie" else (ids, cites + printed)
            draft = self._match(drafts, kind, ids, mine)
            if word == "moties" and draft is None:
                continue  # 'de moties van de leden X en Y' cites moties in passing: no record of its own
            if (
                draft is None
                and kind == "toezegging"
                and not ids
                and not mine
                and re.search(r"\bmotie\b", sent, re.I)
            ):
                continue  # 'is toegezegd ... te informeren over de motie': the motie is the commitment
            if draft is None:
                strong = bool(
                    ids
                    or cites
                    or mine
                    or MOTION_EVENT_RE.search(sent)
                    or (kind == "toezegging" and (ADDRESSED_RE.search(sent) or self._promises(sent)))
                )
                if not strong:
                    continue
                promoted = not drafts and (i < 3 or ids)
                again = False
                if not promoted and not ids and not mine:
                    same = [d for d in drafts if d.kind == kind]
                    # An unnamed toezegging in a section about one is that one, unless this sentence
                    # makes a promise again: 'Daarnaast heb ik ... toegezegd' is a second toezegging.
                    again = bool(same) and same[-1].promised_at not in (None, a) and self._promises(sent)
                    if same and not again:
                        draft = same[-1]
                if draft is None:
                    if promoted and kind == "toezegging" and not ids and i > 0:
                        ids, cites = ids_for(kind, self.footnotes_in(spans[0][0], a))
                    title = draft_title(heading, sent, pos - a, kind, mine, bool(drafts))
                    # A second promise is one the letter reports on, not one it names in passing.
                    passing = (
                        (bool(drafts) and not again)
                        or bool(REFERENCE_RE.search(sent[: pos - a]))
                        or bool(OUT_OF_SCOPE_RE.search(sent))
                    )
                    draft = Draft(kind, title, pos, ids, mine, promise=squash(sent), in_passing=passing)
                    draft.add_ids([], cites)
                    drafts.append(draft)
            else:
                draft.add_ids(ids, cites)
                draft.members = merge_members(draft.members, mine)
            if kind == "toezegging" and draft.promised_at is None and self._promises(sent):
                draft.promised_at = a
            if draft not in here:
                here.append(draft)
        self._predecessor(sent, here)
        for kind in ("motie", "toezegging"):
            born = [d for d in drafts[known:] if d.kind == kind and d in here]
            if len(born) > 1:
                # Named together under the section's heading: the heading is the title of each.
                title = born[0].title if born[0].title == NUMBER_RE.sub("", heading) else None
                for d in born:
                    d.named_with = born
                    d.title = title or d.title
        return here

    @staticmethod
    def _predecessor(sent: str, here: list[Draft]) -> None:
        """A gewijzigde motie named here that says which motie it replaces gets its Kamerstuk id."""
        replacing = REPLACING_RE.search(sent)
        motie = next((d for d in here if d.kind == "motie" and d.identifiers), None)
        if not replacing or motie is None:
            return
        own = motie.identifiers[0]
        window = sent[max(0, replacing.start() - 60) : replacing.end() + 60]
        for nr in NR_RE.findall(window):
            prior = f"{own.rsplit('-', 1)[0]}-{nr}"
            if prior not in motie.identifiers and prior not in motie.replaces:
                motie.replaces.append(prior)
                return

    @staticmethod
    def _promises(sent: str) -> bool:
        return bool(PROMISE_MADE_RE.search(sent)) and not LOOKS_BACK_RE.search(sent)

    def _cited_inline(self, pos: int, end: int) -> list[str]:
        """Kamerstuk ids in brackets right after the word that names the commitment."""
        window = self.masked[pos : min(end, pos + 160)]
        m = INLINE_KST_RE.search(window) or BARE_KST_RE.search(window)
        return list(kamerstuk_ids(m.group(1))) if m else []

    def _number_inline(self, pos: int, end: int) -> list[str]:
        """A T/TZ number in brackets after the word, before the next: 'Toezegging (T03812): ...' (an annex
        item), 'heb ik ... toegezegd uw Kamer te informeren over ... (TZ202504-088)' (dev07)."""
        m = INLINE_TZ_RE.search(self.masked, pos, end)
        return list(toezegging_ids(m.group(1))) if m else []

    @staticmethod
    def _match(drafts: list[Draft], kind: str, ids: list[str], members: tuple[Member, ...]) -> Draft | None:
        keys = {member_key(m.name) for m in members}
        for d in drafts:
            if d.kind != kind:
                continue
            if ids and set(ids) & set(d.identifiers):
                return d
            if keys and keys & {member_key(m.name) for m in d.members} and (not ids or not d.identifiers):
                return d
        # The section's own commitment, named again in its text with the member who asked for it.
        head = drafts[0] if drafts and (len(drafts) == 1 or drafts[0].siblings) else None
        if head and head.kind == kind and not head.members and keys and (not ids or not head.identifiers):
            return head
        return None

    def _target(self, drafts: list[Draft], here: list[Draft], pos: int, kind: str, sent: str) -> Draft | None:
        named = [d for d in here if not kind or d.kind == kind]
        if named:
            return named[0]
        keys = {member_key(m.name) for _, m in find_members(sent)}
        by_member = [
            d
            for d in drafts
            if keys & {member_key(m.name) for m in d.members} and (not kind or d.kind == kind)
        ]
        if by_member:
            return by_member[0]
        before = [d for d in drafts if d.pos <= pos and (not kind or d.kind == kind)]
        if kind or not before:
            return before[-1] if before else None
        # Unnamed: the commitment named last in this paragraph, else the section's first one.
        para = self.paragraph(pos)
        local = [d for d in before if self.named_in.get(id(d)) == para]
        return local[-1] if local else before[0]

    def _signal(self, drafts: list[Draft], here: list[Draft], a: int, sent: str, verbatim: str) -> None:
        if OUT_OF_SCOPE_RE.search(sent):
            return
        found = find_deadlines(sent, self.ref)
        # A moment still to come: a date not before the letter's, or an open one ('na de zomer').
        future = [d for _, d in found if d.date is None or self.ref is None or d.date >= self.ref]
        if PAST_PROMISE.search(sent):
            future = []
        phrase = find_signal(sent, dated=bool(future))
        target = self._target(drafts, here, a, phrase.kind if phrase else "", sent)
        if target is None:
            return
        target.deadlines += [d for _, d in found if d not in target.deadlines]
        if phrase is None:
            return
        # Work under way counts where the sentence names the commitment, or where the section is about
        # this one commitment alone ('Het kabinet onderzoekt meerdere opties ...' under its heading).
        # An adverb alone ('momenteel', 'op dit moment', 'inmiddels ...') is too weak for that.
        alone = len(drafts) == 1 and not WEAK_RUNNING_RE.fullmatch(sent[phrase.span[0] : phrase.span[1]])
        if phrase.strength == RUNNING and not (here or phrase.kind or alone):
            return
        moment = future[-1] if future else None
        # 'de motie Kathmann c.s.' under 'Moties Kathmann en Van der Werf': the verdict settles both.
        together = target.siblings if target.siblings and re.search(r"\bc\.s\.", sent) else [target]
        if not here and target.named_with:
            together = target.named_with
        if not here and phrase.plural and phrase.kind:  # 'Hiermee zijn beide moties uitgevoerd.'
            together = [d for d in drafts if d.kind == phrase.kind and d.pos <= a] or together
        for t in together:
            t.signals.append(Signal(phrase.strength, phrase.verdict, verbatim, a, moment))
