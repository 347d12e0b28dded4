"""English→Dutch query expansion with a curated glossary of parliamentary and digital-government terms."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


@dataclass(frozen=True)
class Glossary:
    """Lowercased English phrases (as word tuples) mapped to their Dutch equivalents."""

    entries: dict[tuple[str, ...], tuple[str, ...]]
    longest: int

    def lookup(self, words: tuple[str, ...]) -> tuple[str, ...] | None:
        if words in self.entries:
            return self.entries[words]
        last = words[-1]
        # accept a regular plural or possessive of an entry ("motions", "letters", "policies") and a
        # regular verb form ("received", "tested", "safeguarding"): the glossary lists base forms
        for stem in _singulars(last) + _verb_bases(last):
            hit = self.entries.get(words[:-1] + (stem,))
            if hit:
                return hit
        if len(words) > 1:  # a phrasal verb inflects its verb: "handed out", "taking part"
            for stem in _verb_bases(words[0]):
                hit = self.entries.get((stem,) + words[1:])
                if hit:
                    return hit
        return None


def _singulars(word: str) -> list[str]:
    if word.endswith(("'", "’")) and len(word) > 2:  # a plural possessive: "drivers'" -> "drivers", "driver"
        return [word[:-1], *_singulars(word[:-1])]
    out = []
    if word.endswith(("'s", "’s")):
        out.append(word[:-2])
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        out.append(word[:-1])
    return out


def _verb_bases(word: str) -> list[str]:
    """Base forms a regular past or -ing form may come from: "received" -> "receive", "planned" -> "plan".

    Only candidates: a form counts when the glossary lists it, so "need" (no entry "ne") stays itself."""
    out: list[str] = []
    for suffix in ("ed", "ing"):
        if not word.endswith(suffix) or len(word) < len(suffix) + 3:
            continue
        base = word[: -len(suffix)]
        out += [base, base + "e"]  # "tested" -> "test", "received" -> "receive", "making" -> "make"
        if len(base) > 2 and base[-1] == base[-2]:
            out.append(base[:-1])  # "planned" -> "plan", "submitting" -> "submit"
        if suffix == "ed" and base.endswith("i"):
            out.append(base[:-1] + "y")  # "applied" -> "apply"
    return out


def parse_glossary(text: str) -> Glossary:
    """Read the TSV format: `english<TAB>dutch|dutch`, # comments; duplicate terms are an error."""
    entries: dict[tuple[str, ...], tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        english, sep, dutch = line.partition("\t")
        if not sep or not dutch.strip():
            raise ValueError(f"glossary line {number}: expected 'english<TAB>dutch', got {line!r}")
        key = tuple(_WORD.findall(english.lower()))
        if key in entries:
            raise ValueError(f"glossary line {number}: {english!r} defined twice")
        entries[key] = tuple(d.strip() for d in dutch.split("|") if d.strip())
    return Glossary(entries, max((len(k) for k in entries), default=1))


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    text = resources.files("index").joinpath("glossary_en_nl.tsv").read_text(encoding="utf-8")
    return parse_glossary(text)


def _matches(words: tuple[str, ...], glossary: Glossary) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, size, Dutch equivalents) of each glossary phrase in words, longest phrase first."""
    found = []
    i = 0
    while i < len(words):
        for size in range(min(glossary.longest, len(words) - i), 0, -1):
            hit = glossary.lookup(words[i : i + size])
            if hit:
                found.append((i, size, hit))
                i += size
                break
        else:
            i += 1
    return found


def translate_groups(query: str, glossary: Glossary | None = None) -> list[tuple[str, ...]]:
    """For each English word or phrase the glossary knows (longest phrase first), its Dutch equivalents."""
    glossary = glossary or default_glossary()
    groups: list[tuple[str, ...]] = []
    for _, _, hit in _matches(tuple(_WORD.findall(query.lower())), glossary):
        if hit not in groups:
            groups.append(hit)
    return groups


def keyword_coverage(
    query: str, known: Callable[[str], bool], stopwords: frozenset[str], glossary: Glossary | None = None
) -> float:
    """Share of an English question's content words that a Dutch keyword search can match.

    A content word (not a stopword, two letters or more) counts when the glossary translates it or
    known(word) says the corpus itself uses it (a name, an identifier, an English loanword such as
    "cloud"); 1.0 for a question without content words. The rest ("burning", "recyclable") reach
    BM25 over Dutch text only as noise, so its ranking says little about them.
    """
    glossary = glossary or default_glossary()
    words = tuple(_WORD.findall(query.lower()))
    covered = {i for start, size, _ in _matches(words, glossary) for i in range(start, start + size)}
    content = [i for i, w in enumerate(words) if len(w) > 1 and w not in stopwords]
    if not content:
        return 1.0
    return sum(i in covered or _known(words[i], known) for i in content) / len(content)


def _known(word: str, known: Callable[[str], bool]) -> bool:
    if any(ch.isdigit() for ch in word):
        return True  # numbers and identifiers are matched as printed
    forms = [word, *_singulars(word)]
    parts = [p for p in re.split(r"['’-]", word) if p]
    return any(known(f) for f in forms) or (len(parts) > 1 and all(known(p) for p in parts))


def translate_terms(query: str, glossary: Glossary | None = None) -> list[str]:
    """Dutch equivalents of the English words and phrases in query, flattened, without repeats."""
    return list(dict.fromkeys(t for group in translate_groups(query, glossary) for t in group))


def expand_query(query: str, glossary: Glossary | None = None) -> str:
    """The query followed by the Dutch terms the glossary gives for it (unchanged when none)."""
    terms = translate_terms(query, glossary)
    return query if not terms else query + " " + " ".join(terms)
