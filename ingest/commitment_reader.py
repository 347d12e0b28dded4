"""Reads the moties and toezeggingen a letter reports on, section by section, into drafts (pure).

A commitment starts at its own heading ('Motie Ceder – ...', 'Toezegging - ...', a heading whose
footnote cites a T/TZ number) or at a sentence that names one ('heb ik toegezegd', 'diende het lid X een
motie in'). Each later sentence of the section that gives a verdict signal (ingest/verdicts.py) is
attributed to the commitment it names, else to the one named last in the same paragraph, else to the
section's first commitment: a new paragraph returns to what the section is about.

The Reader is put together from parts: headings (ingest/commitment_headings.py), table rows
(ingest/commitment_table.py), verdict signals (ingest/commitment_signals.py); the running-text patterns
are in ingest/commitment_patterns.py.
"""

from __future__ import annotations

import bisect
import re

from ingest.commitment_draft import (
    NUMBER_RE,
    Draft,
    draft_title,
    ids_for,
)
from ingest.commitment_headings import HeadingDrafts
from ingest.commitment_patterns import (
    ADDRESSED_RE,
    ANAPHOR_RE,
    BARE_KST_RE,
    DICTUM_RE,
    INLINE_KST_RE,
    INLINE_TZ_RE,
    KIND_RE,
    LOOKS_BACK_RE,
    MOTION_EVENT_RE,
    NR_RE,
    OUT_OF_SCOPE_RE,
    PROMISE_CUE,
    PROMISE_MADE_RE,
    REFERENCE_RE,
    REPLACING_RE,
)
from ingest.commitment_signals import Signals
from ingest.commitment_table import TableRows, table_header
from ingest.commitment_text import (
    find_members,
    member_key,
    merge_members,
    sentences,
    squash,
)
from ingest.identifiers import kamerstuk_ids, toezegging_ids
from ingest.model import Footnote, Letter, Member, Section


class Reader(TableRows, HeadingDrafts, Signals):
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
        self.headers: list[tuple[int, dict]] | None = None  # table header rows, found once (columns_at)

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
                    if kind == "motie" and not ids:
                        draft.quoted = next(
                            (f.text[q.start() :] for f in fns if (q := DICTUM_RE.search(f.text))), None
                        )
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
