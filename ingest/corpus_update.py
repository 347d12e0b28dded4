"""One ingest run's changes to the corpus: each new letter is added, replaces its own earlier version,
or is recognised as another file of a document already kept (ingest/identity.py decides which); a file
indexed before and read again by another version of the readers replaces its old reading (re-read)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ingest.identity import FORMAT_RANK, DuplicateFinder, shared_key, with_key
from ingest.model import Chunk, CommitmentMention, Letter

# A letter's chunks and commitment mentions, computed only for the letters that are kept.
Derive = Callable[[Letter], tuple[list[Chunk], list[CommitmentMention]]]


@dataclass
class CorpusUpdate:
    """The indexed corpus plus this run's letters; `offer` applies the identity rules to one letter."""

    letters: dict[str, Letter]
    chunks: dict[str, list[Chunk]]
    mentions: dict[str, list[CommitmentMention]]
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    reread: list[str] = field(default_factory=list)  # same bytes, read again: the readers changed
    same_document: list[str] = field(default_factory=list)  # one line per file that was another's copy
    notes: list[str] = field(default_factory=list)
    _indexed: set[str] = field(default_factory=set)
    _digests: dict[str, str] = field(default_factory=dict)  # source-file digest -> indexed key
    _fresh: set[str] = field(default_factory=set)  # keys whose chunks must be derived
    _finder: DuplicateFinder = field(default_factory=DuplicateFinder)

    @classmethod
    def of(
        cls, letters: Iterable[Letter], chunks: Iterable[Chunk], mentions: Iterable[CommitmentMention]
    ) -> CorpusUpdate:
        by_letter: dict[str, list[Chunk]] = {}
        for c in chunks:
            by_letter.setdefault(c.letter_id, []).append(c)
        said: dict[str, list[CommitmentMention]] = {}
        for m in mentions:
            said.setdefault(m.letter_id, []).append(m)
        letters = {x.id: x for x in letters}
        update = cls(
            letters, {k: by_letter.get(k, []) for k in letters}, {k: said.get(k, []) for k in letters}
        )
        update._indexed = set(letters)
        update._digests = {x.digest: x.id for x in letters.values()}
        update._finder = DuplicateFinder(letters.values())
        return update

    def indexed_with_digest(self, digest: str) -> Letter | None:
        """The indexed letter read from a file with exactly these bytes, if it is still in the corpus."""
        key = self._digests.get(digest)
        letter = self.letters.get(key) if key is not None else None
        return letter if letter is not None and letter.digest == digest else None

    def mark_unchanged(self, letter: Letter) -> None:
        if letter.id not in self.unchanged and letter.id not in self.reread:
            self.unchanged.append(letter.id)

    def offer(self, letter: Letter, rebuild: bool = False) -> None:
        """Add one letter read in this run, applying the identity rules (see ingest/identity.py)."""
        old = self.indexed_with_digest(letter.digest)
        if old is not None and old.id not in self._fresh and old.reader_version != letter.reader_version:
            self._reread(old, letter)
            return
        found = self._finder.find(letter)
        if found is None:
            self._put(letter)
            self.added.append(letter.id)
            return
        other, score = found
        indexed = other.id in self._indexed and other.id not in self._fresh
        if indexed and other.digest == letter.digest and other.id == letter.id and not rebuild:
            self.mark_unchanged(other)
            return
        # Within one run the richer format is kept (the first file on a tie); against the index the new
        # file wins ties, so a corrected letter replaces its old version.
        new_rank, old_rank = FORMAT_RANK.get(letter.format, 0), FORMAT_RANK.get(other.format, 0)
        keep_new = new_rank >= old_rank if indexed else new_rank > old_rank
        key = shared_key(letter, other) if keep_new else shared_key(other, letter)
        how = "same key" if letter.id == other.id else f"{score:.0%} of the text in common"
        if keep_new:
            self._drop(other.id)
            self._put(with_key(letter, key))
            if indexed:
                self.replaced.append(key)
                if letter.source != other.source:
                    self.notes.append(f"{key}: replaces the letter read from {other.source}")
            else:
                self._rename(other.id, key)
            if letter.id != other.id or not indexed:
                self._same(other, letter, key, how)
            return
        if other.id != key:  # the copy that is dropped names the document better: the kept one takes it
            self._drop(other.id)
            self._put(with_key(other, key))
            if indexed:
                self.replaced.append(key)
            else:
                self._rename(other.id, key)
        self._same(letter, other, key, how)

    def _reread(self, old: Letter, letter: Letter) -> None:
        """The same bytes read again by other readers: the new reading replaces the old one.

        The file is the document its old reading was, whatever key the new reading gives it, so the
        pair shares a key by the identity rules (the stronger key; on a tie the new reading's). Should
        the new reading now be another kept letter's copy, the identity rules decide between those two."""
        new = with_key(letter, shared_key(letter, old))
        self._drop(old.id)
        found = self._finder.find(new)
        if found is not None:
            self.offer(new)
            return
        self._put(new)
        self.reread.append(new.id)
        if new.id != old.id:
            self.notes.append(f"{new.id}: read anew from {new.source}, indexed before as {old.id}")

    def _same(self, dropped: Letter, kept: Letter, key: str, how: str) -> None:
        self.same_document.append(
            f"{dropped.source}: same document as {kept.source} ({key}, {how}); "
            f"kept {kept.source} ({kept.format})"
        )

    def _rename(self, old: str, new: str) -> None:
        for done in (self.added, self.replaced, self.reread):
            if old in done:
                done[done.index(old)] = new

    def _put(self, letter: Letter) -> None:
        self.letters[letter.id] = letter
        self.chunks[letter.id] = []
        self.mentions[letter.id] = []
        self._fresh.add(letter.id)
        self._finder.add(letter)

    def _drop(self, key: str) -> None:
        self.letters.pop(key, None)
        self.chunks.pop(key, None)
        self.mentions.pop(key, None)
        self._fresh.discard(key)
        self._finder.remove(key)

    def rederive_all(self) -> None:
        """Chunk every letter again (a rebuild: the chunking settings or the model changed)."""
        self._fresh = set(self.letters)

    def derive(self, derive: Derive) -> int:
        """Chunk the letters this run added or changed; the number of new chunks."""
        new = 0
        for key in sorted(self._fresh):
            chunks, mentions = derive(self.letters[key])
            self.chunks[key], self.mentions[key] = chunks, mentions
            new += len(chunks)
        self._fresh.clear()
        return new

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.reread)

    def all_chunks(self) -> list[Chunk]:
        return [c for key in self.letters for c in self.chunks.get(key, [])]

    def all_mentions(self) -> list[CommitmentMention]:
        return [m for key in self.letters for m in self.mentions.get(key, [])]
