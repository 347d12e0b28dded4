"""Extraction of the moties and toezeggingen a letter reports on: members, verdict, deadlines (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.commitment_text import (
    FUTURE_CUE,
    find_members,
    find_verdict,
    member_key,
    merge_members,
    sentences,
    squash,
)
from ingest.committee_memo import is_committee_memo, memo_mentions
from ingest.dates import find_deadlines
from ingest.model import (
    NO_VERDICT,
    OPENSTAAND,
    Chunk,
    CommitmentMention,
    Deadline,
    Footnote,
    Letter,
    Member,
    Section,
)

GROUP_RE = re.compile(r"^(?:Moties|Toezeggingen|Moties en toezeggingen)$", re.I)
HEADING_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<kind>Moties|Motie|Toezegging)\b\s*(?P<rest>.*)$")
NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
DASH_RE = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
# Words that name a commitment in running text; plural 'moties' only counts with names after it.
KIND_RE = re.compile(r"\b(?P<w>moties|motie|toezegging|toegezegd|zeg\s+(?:ik\s+)?graag\s+toe)\b", re.I)
ADDRESSED_RE = re.compile(r"\b(?:uw|de)\s+Kamer\b|\bKamerleden\b|\b[Uu]\b|\bheb\s+ik\b", re.I)
MOTION_EVENT_RE = re.compile(r"\bmotie\s+(?:aangenomen|ingediend)|\bdiende\b[^.]*\bmotie\b", re.I)
ANAPHOR_RE = re.compile(r"\b(?:de|deze|die)\s+(?P<kind>motie|toezegging)\b", re.I)
QUOTE_RE = re.compile(r"[“\"]([^”\"]{10,200})[”\"]")
PAST_PROMISE = re.compile(r"\b(?:had|hadden)\b[^.]*\b(?:beloofd|toegezegd|aangegeven)\b", re.I)
PROMISE_CUE = re.compile(
    r"\bverzo(?:cht|ekt)|\bvraagt\b|\bgevraagd\b|\btoegezegd\b|\btoe\s+(?:dat|te)\b", re.I
)


@dataclass
class _Draft:
    """A commitment being read from one section."""

    kind: str
    title: str
    pos: int
    identifiers: list[str] = field(default_factory=list)
    members: tuple[Member, ...] = ()
    promise: str | None = None
    verdict: str = NO_VERDICT
    verdict_sentence: str | None = None
    anchor: int | None = None
    open_deadline: Deadline | None = None
    open_sentence: str | None = None
    open_anchor: int | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    section: Section | None = None
    siblings: list[_Draft] = field(default_factory=list)  # moties printed under one heading

    def add_ids(self, ids: list[str]) -> None:
        self.identifiers += [i for i in ids if i not in self.identifiers]


def _ids_for(kind: str, footnotes: list[Footnote]) -> list[str]:
    """A toezegging is known by its T/TZ number, a motie by its Kamerstuk; else whatever is cited."""
    tz = [i for f in footnotes for i in f.toezeggingen]
    kst = [i for f in footnotes for i in f.kamerstukken]
    if kind == "toezegging":
        return tz or kst
    return kst or tz


class _Reader:
    """Reads one letter: marker lookup, masked text (markers blanked so names end cleanly), drafts."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        chars = list(letter.text)
        for m in letter.markers:
            for i in range(*m.span):
                chars[i] = " "
        self.masked = "".join(chars)
        self.ref = letter.date  # relative phrases resolve only against a printed date

    def footnotes_in(self, start: int, end: int) -> list[Footnote]:
        out = []
        for m in self.letter.markers:
            if start <= m.span[0] < end and m.footnote_id:
                fn = self.letter.footnote(m.footnote_id)
                if fn is not None and fn not in out:
                    out.append(fn)
        return out

    def markers_in(self, start: int, end: int) -> list[tuple[int, Footnote]]:
        found = []
        for m in self.letter.markers:
            if start <= m.span[0] < end and m.footnote_id:
                fn = self.letter.footnote(m.footnote_id)
                if fn is not None:
                    found.append((m.span[0], fn))
        return found

    def heading_end(self, section: Section) -> int:
        """Where the printed heading (with its glued footnote markers) ends in the letter text."""
        start = section.span[0]
        words = section.heading.split()
        pos = start
        for w in words:
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

    def read_section(self, section: Section, inherited: list[_Draft]) -> list[_Draft]:
        """Drafts this section adds; inherited drafts (of a commitment it is a subsection of) are updated."""
        text, masked = self.letter.text, self.masked
        head_end = self.heading_end(section)
        heading = squash(section.heading)
        own = self._heading_drafts(section, heading, self.footnotes_in(section.span[0], head_end))
        drafts = inherited + own
        spans = sentences(text, head_end, section.span[1])
        for i, (a, b) in enumerate(spans):
            sent = masked[a:b]
            here = self._sentence_mentions(section, heading, drafts, spans, i, a, b)
            if drafts and drafts[0].promise is None and drafts[0].pos <= a and PROMISE_CUE.search(sent):
                drafts[0].promise = squash(sent)
            verbatim = text[a:b]  # what is stored and cited: the letter's own words, markers included
            self._verdict(drafts, here, a, sent, verbatim)
            self._deadlines(drafts, here, a, sent, verbatim)
        new = drafts[len(inherited) :]
        for d in new:
            d.section = section
            if d.promise is None:
                d.promise = squash(masked[spans[0][0] : spans[0][1]]) if spans else None
        return new

    def _heading_drafts(self, section: Section, heading: str, footnotes: list[Footnote]) -> list[_Draft]:
        m = HEADING_RE.match(heading)
        pos = section.span[0]
        if GROUP_RE.match(NUMBER_RE.sub("", heading)):
            return []
        if m and m.group("rest"):
            kind = "motie" if m.group("kind").startswith("Moti") else "toezegging"
            rest = re.sub(r"^[–—-]\s*", "", m.group("rest"))
            parts = DASH_RE.split(rest, maxsplit=1)
            names, title = (parts[0], parts[1]) if len(parts) == 2 and parts[1] else ("", rest)
            if kind == "toezegging":
                names, title = "", rest
            members = (
                tuple(x for _, x in find_members(f"{m.group('kind')} {names}")) if kind == "motie" else ()
            )
            if m.group("kind") == "Moties" and len(members) > 1:  # two moties under one heading
                pairs = (
                    [[fn] for fn in footnotes]
                    if len(footnotes) == len(members)
                    else [footnotes] * len(members)
                )
                group = [
                    _Draft("motie", squash(title), pos, _ids_for("motie", fns), (mem,))
                    for mem, fns in zip(members, pairs, strict=True)
                ]
                for d in group:
                    d.siblings = group
                return group
            return [_Draft(kind, squash(title), pos, _ids_for(kind, footnotes), members)]
        if section.kind in ("motie", "toezegging") or any(f.toezeggingen for f in footnotes):
            kind = "motie" if section.kind == "motie" else "toezegging"
            return [_Draft(kind, NUMBER_RE.sub("", heading), pos, _ids_for(kind, footnotes))]
        return []

    def _sentence_mentions(
        self, section: Section, heading: str, drafts: list[_Draft], spans: list, i: int, a: int, b: int
    ) -> list[_Draft]:
        """Commitments this sentence names; new ones are appended to drafts. Returns those named here."""
        sent = self.masked[a:b]
        kinds = [
            (a + k.start(), "motie" if k.group("w").lower().startswith("moti") else "toezegging", k)
            for k in KIND_RE.finditer(sent)
        ]
        members = [(a + p, mem) for p, mem in find_members(sent)]
        markers = self.markers_in(a, b)
        here: list[_Draft] = []
        if not kinds and members and i < 4 and len(drafts) == 1 and not drafts[0].members:
            drafts[0].members = tuple(m for _, m in members)  # 'naar aanleiding van de vraag van het lid X'
        if not kinds:
            # A footnote citing a T/TZ number marks a toezegging even where the word is missing.
            tz = [(p, fn) for p, fn in markers if fn.toezeggingen]
            if tz:
                kinds = [(tz[0][0], "toezegging", None)]
            elif markers and ANAPHOR_RE.search(sent):
                kind = ANAPHOR_RE.search(sent).group("kind").lower()
                target = next((d for d in reversed(drafts) if d.kind == kind), None)
                if target:
                    target.add_ids(_ids_for(kind, [fn for _, fn in markers]))
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
            ids = _ids_for(kind, fns) if fns else []
            if word == "moties" and not mine:
                continue
            draft = self._match(drafts, kind, ids, mine)
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
                    or mine
                    or MOTION_EVENT_RE.search(sent)
                    or (kind == "toezegging" and ADDRESSED_RE.search(sent))
                )
                if not strong:
                    continue
                promoted = not drafts and (i < 3 or ids)
                if not promoted and not ids and not mine:
                    same = [d for d in drafts if d.kind == kind]
                    if same:  # an unnamed toezegging in a section about one: that one
                        draft = same[-1]
                if draft is None:
                    if promoted and kind == "toezegging" and not ids and i > 0:
                        ids = _ids_for(kind, self.footnotes_in(spans[0][0], a))
                    title = NUMBER_RE.sub("", heading) if promoted else self._snippet(sent, pos - a)
                    draft = _Draft(kind, title, pos, ids, mine, promise=squash(sent))
                    drafts.append(draft)
            else:
                draft.add_ids(ids)
                draft.members = merge_members(draft.members, mine)
            if draft not in here:
                here.append(draft)
        return here

    @staticmethod
    def _match(drafts: list[_Draft], kind: str, ids: list[str], members: tuple[Member, ...]) -> _Draft | None:
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

    @staticmethod
    def _snippet(sent: str, at: int) -> str:
        quoted = QUOTE_RE.search(sent, at)
        if quoted:
            return squash(quoted.group(1))
        words = squash(sent[at:]).split()
        return " ".join(words[:14])

    def _target(
        self, drafts: list[_Draft], here: list[_Draft], pos: int, kind: str, sent: str
    ) -> _Draft | None:
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
        return before[-1] if before else None

    def _verdict(self, drafts: list[_Draft], here: list[_Draft], a: int, sent: str, verbatim: str) -> None:
        found = find_verdict(sent)
        if not found:
            return
        target = self._target(drafts, here, a, found.kind, sent)
        if target is None:
            return
        # 'de motie Kathmann c.s.' under 'Moties Kathmann en Van der Werf': the verdict settles both.
        together = target.siblings if target.siblings and re.search(r"\bc\.s\.", sent) else [target]
        for t in together:
            t.verdict, t.verdict_sentence, t.anchor = found.verdict, verbatim, a

    def _deadlines(self, drafts: list[_Draft], here: list[_Draft], a: int, sent: str, verbatim: str) -> None:
        found = find_deadlines(sent, self.ref)
        if not found:
            return
        target = self._target(drafts, here, a, "", sent)
        if target is None:
            return
        target.deadlines += [d for _, d in found if d not in target.deadlines]
        if FUTURE_CUE.search(sent) and not PAST_PROMISE.search(sent):
            future = [d for _, d in found if d.date is None or self.ref is None or d.date >= self.ref]
            if future:
                target.open_deadline, target.open_sentence, target.open_anchor = future[-1], verbatim, a


def _chunk_at(chunks: list[Chunk], offset: int) -> Chunk | None:
    for c in chunks:
        if c.span[0] <= offset < c.span[1]:
            return c
    return None


def _section_at(letter: Letter, offset: int) -> Section | None:
    inside = [s for s in letter.sections if s.span[0] <= offset < s.span[1]]
    return inside[-1] if inside else None


def extract_mentions(letter: Letter, chunks: list[Chunk]) -> list[CommitmentMention]:
    """One mention per motie or toezegging the letter reports on, with the passage that gives its verdict."""
    chunks = [c for c in chunks if c.letter_id == letter.id]

    def locate(offset: int) -> tuple[tuple[str, ...], str | None]:
        chunk = _chunk_at(chunks, offset)
        section = _section_at(letter, offset)
        path = section.path if section else (chunk.section_path if chunk else ())
        return path, chunk.id if chunk else None

    if is_committee_memo(letter.text):
        return memo_mentions(letter.text, letter.id, letter.date or letter.date_not_before, locate)
    reader = _Reader(letter)
    sections = letter.sections or (Section("", (), 1, (0, len(letter.text)), "preamble"),)
    drafts: list[_Draft] = []
    parent: tuple[tuple[str, ...], list[_Draft]] = ((), [])
    for s in sections:
        # A subsection of a motie or toezegging ('Leren', 'Implementeren') still reports on it.
        inherited = (
            parent[1] if parent[1] and s.path[: len(parent[0])] == parent[0] and s.path != parent[0] else []
        )
        new = reader.read_section(s, inherited)
        drafts += new
        if not inherited:
            parent = (s.path, new)
    mentions = []
    for d in _merge_by_identifier(drafts):
        verdict, sentence, anchor, new_deadline = d.verdict, d.verdict_sentence, d.anchor, None
        if verdict == NO_VERDICT and d.open_sentence:  # no settling verdict, but a moment for the next step
            verdict, sentence, anchor, new_deadline = (
                OPENSTAAND,
                d.open_sentence,
                d.open_anchor,
                d.open_deadline,
            )
        elif verdict == OPENSTAAND:
            new_deadline = d.open_deadline
        path, chunk_id = locate(anchor if anchor is not None else d.pos)
        mentions.append(
            CommitmentMention(
                kind=d.kind,
                identifiers=tuple(d.identifiers),
                title=d.title,
                letter_id=letter.id,
                section_path=path or (d.section.path if d.section else ()),
                chunk_id=chunk_id,
                members=d.members,
                promise=d.promise,
                verdict=verdict,
                verdict_sentence=sentence,
                new_deadline=new_deadline,
                deadlines=tuple(d.deadlines),
                letter_date=letter.date or letter.date_not_before,
            )
        )
    return mentions


def _merge_by_identifier(drafts: list[_Draft]) -> list[_Draft]:
    """The same numbered commitment named in two sections of one letter is one mention."""
    merged: list[_Draft] = []
    for d in drafts:
        same = next((m for m in merged if d.identifiers and set(d.identifiers) & set(m.identifiers)), None)
        if same is None:
            merged.append(d)
            continue
        same.add_ids(d.identifiers)
        same.members = merge_members(same.members, d.members)
        if same.verdict == NO_VERDICT and d.verdict != NO_VERDICT:
            same.verdict, same.verdict_sentence, same.anchor = d.verdict, d.verdict_sentence, d.anchor
        if d.open_sentence and not same.open_sentence:
            same.open_deadline, same.open_sentence, same.open_anchor = (
                d.open_deadline,
                d.open_sentence,
                d.open_anchor,
            )
        same.deadlines += [x for x in d.deadlines if x not in same.deadlines]
    return merged
