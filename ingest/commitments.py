"""The moties, toezeggingen and decisions a document reports on, as register mentions (pure).

What the document is decides how it is read: a motie registers itself (ingest/motie_record.py), a
committee's decision list gives its decisions and toezeggingen (ingest/decision_list.py), a committee
memo its items with each party's verdict (ingest/committee_memo.py), and any other letter is read
section by section (ingest/commitment_reader.py), the verdict given by the letter's signer.
"""

from __future__ import annotations

import re

from ingest.commitment_draft import Draft
from ingest.commitment_reader import Reader
from ingest.committee_memo import is_committee_memo, memo_mentions
from ingest.decision_list import decision_mentions, is_decision_list
from ingest.model import ASKED, INDIENER, NO_VERDICT, Chunk, CommitmentMention, Letter, Section, Verdict
from ingest.motie_record import is_motie, motie_mentions
from ingest.verdicts import letter_party


def _chunk_at(chunks: list[Chunk], offset: int) -> Chunk | None:
    for c in chunks:
        if c.span[0] <= offset < c.span[1]:
            return c
    return None


def _section_at(letter: Letter, offset: int) -> Section | None:
    inside = [s for s in letter.sections if s.span[0] <= offset < s.span[1]]
    return inside[-1] if inside else None


def extract_mentions(letter: Letter, chunks: list[Chunk]) -> list[CommitmentMention]:
    """One mention per motie, toezegging or decision the document reports on, with its verdict's passage."""
    chunks = [c for c in chunks if c.letter_id == letter.id]

    def locate(offset: int) -> tuple[tuple[str, ...], str | None]:
        chunk = _chunk_at(chunks, offset)
        section = _section_at(letter, offset)
        path = section.path if section else (chunk.section_path if chunk else ())
        return path, chunk.id if chunk else None

    if is_motie(letter):
        return motie_mentions(letter, locate)
    if is_decision_list(letter):
        return decision_mentions(letter, locate)
    if is_committee_memo(letter.text):
        return memo_mentions(letter.text, letter.id, letter.date or letter.date_not_before, locate)
    return _letter_mentions(letter, locate)


def _letter_mentions(letter: Letter, locate) -> list[CommitmentMention]:
    reader = Reader(letter)
    sections = letter.sections or (Section("", (), 1, (0, len(letter.text)), "preamble"),)
    drafts: list[Draft] = []
    parent: tuple[tuple[str, ...], list[Draft]] = ((), [])
    for s in sections:
        # A subsection of a motie or toezegging ('Leren', 'Implementeren') still reports on it.
        # The preamble (path ()) is no parent: every path starts with ().
        inherited = (
            parent[1]
            if parent[1] and parent[0] and s.path[: len(parent[0])] == parent[0] and s.path != parent[0]
            else []
        )
        new = reader.read_section(s, inherited)
        drafts += new
        if not inherited:
            parent = (s.path, new)
    source, by = letter_party(letter)
    when = letter.date or letter.date_not_before
    mentions = []
    for d in merge_by_dictum(_merge_by_identifier(drafts)):
        verdict, signal, deadline = d.verdict()
        if d.in_passing and verdict == NO_VERDICT:
            continue  # 'in lijn met de motie-Omtzigt' in a section on another commitment: named in passing
        anchor = signal.anchor if signal else d.pos
        path, chunk_id = locate(anchor)
        given = verdict != NO_VERDICT
        sentence = signal.sentence if signal else None
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
                new_deadline=deadline,
                deadlines=tuple(d.deadlines),
                letter_date=when,
                source=source if given else None,
                by=by if given else None,
                verdicts=(Verdict(verdict, source, by, sentence, None, deadline, chunk_id),) if given else (),
                cites=tuple(c for c in d.cites if c not in d.identifiers),
                replaces=tuple(d.replaces),
                role=(INDIENER if d.kind == "motie" else ASKED) if d.members else None,
            )
        )
    return mentions


def _merge_by_identifier(drafts: list[Draft]) -> list[Draft]:
    """The same numbered commitment named in two sections of one letter is one mention."""
    merged: list[Draft] = []
    for d in drafts:
        same = next((m for m in merged if d.identifiers and set(d.identifiers) & set(m.identifiers)), None)
        if same is None:
            merged.append(d)
        else:
            same.absorb(d)
    return merged


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def merge_by_dictum(drafts: list[Draft]) -> list[Draft]:
    """An unnumbered motie whose footnote quotes the dictum of a numbered one the letter paraphrases is it.

    'uw Kamer [heeft] per motie (Kamerstukken 32852, nr. 199) verzocht om ... in kaart te brengen' and, in
    the bijlage, 'een motie van Tweede Kamerlid Mulder (CDA).5' whose footnote quotes that verzoek: one motie.
    """
    merged: list[Draft] = []
    for d in drafts:
        words = _content_words(d.quoted) if d.kind == "motie" and d.quoted and not d.identifiers else set()
        same = next(
            (
                m
                for m in merged
                if words
                and m.kind == "motie"
                and m.identifiers
                and m.promise
                and len(words & _content_words(m.promise)) >= 0.6 * len(words)
            ),
            None,
        )
        if same is None:
            merged.append(d)
        else:
            same.absorb(d)
    return merged
