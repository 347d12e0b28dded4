"""Which commitment a sentence's verdict signal is about, and the signal it adds (pure)."""

from __future__ import annotations

import re

from ingest.commitment_draft import (
    RUNNING,
    Draft,
    Signal,
)
from ingest.commitment_patterns import (
    OUT_OF_SCOPE_RE,
    PAST_PROMISE,
    WEAK_RUNNING_RE,
)
from ingest.commitment_text import (
    find_members,
    member_key,
)
from ingest.dates import find_deadlines
from ingest.verdicts import find_signal


class Signals:
    """The Reader's verdict part: the target of a sentence and its signal (needs drafts state)."""

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
