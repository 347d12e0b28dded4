"""Yes/no and why questions: the short line that says yes, no or the reason, resting on a cited sentence.

- A yes/no question ("Is ... ?", "Heeft ... ?", "Does the letter say ...?") is answered "Ja" / "Nee"
  by the sentence that decides it: a sentence that denies ("geen", "niet", "nog niet") says no, one
  that does not says yes; "niet alleen ... maar ook" denies only an "only" question.
- A why question ("waarom", "why", "om welke reden") leads with the on-topic sentence that gives a
  reason ("omdat", "want", "vanwege", "zodat", "met als doel", "Door ..."); where none does, the
  letters discuss the topic but do not state the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant import frame, terms
from assistant.discourse import denies, not_only
from assistant.evidence import Candidate
from assistant.sentences import one_line

# A reason in the sentence itself. "Door"/"Doordat" only opening the sentence: "door" is also "by".
_REASON = re.compile(
    r"\b(?:omdat|want|vanwege|zodat|doordat|aangezien|dankzij|met\s+als\s+doel|bedoeld\s+om|"
    r"ten\s+behoeve\s+van|in\s+verband\s+met|als\s+gevolg\s+van|om\s+die\s+reden|"
    r"because|due\s+to|so\s+that|in\s+order\s+to|owing\s+to|as\s+a\s+result\s+of)\b|^\s*(?:Door|Doordat)\b",
    re.I,
)
# A reason in the sentence before: "Ik zal uw Kamer daarom ... informeren".
_REASON_BEFORE = re.compile(r"\b(?:daarom|hierdoor|daardoor|om\s+deze\s+reden|therefore|hence)\b", re.I)
# A relative clause of the question names what it is about ("de documenten die niet zichtbaar waren").
_RELATIVE = re.compile(r"\b(?:die|dat|which|that|who)\b.*$", re.I)
_ONLY = re.compile(r"\b(?:only|alleen|slechts|uitsluitend|enkel)\b", re.I)
REASON_SHARE = 0.6  # a reason sentence outside the chosen quotes must score this share of the lead
POOL = 8  # the best candidates looked at for a reason
MAX_CLAUSE_WORDS = 30
MIN_CLAUSE_WORDS = 4


def _before(candidates: Sequence[Candidate], cand: Candidate) -> Candidate | None:
    """The sentence right before this one in its passage, where it is a candidate."""
    same = [c for c in candidates if c.hit.chunk.id == cand.hit.chunk.id and c.span[1] <= cand.span[0]]
    return max(same, key=lambda c: c.span[1]) if same else None


def _pool(chosen: Sequence[Candidate], candidates: Sequence[Candidate]) -> list[Candidate]:
    """The chosen quotes and the best other candidates that score near the lead."""
    floor = REASON_SHARE * chosen[0].score
    return list(chosen) + [c for c in candidates[:POOL] if c not in chosen and c.score >= floor]


def deciding_quotes(chosen: Sequence[Candidate]) -> list[Candidate]:
    """For a yes/no question: a quote that denies leads where it holds as much of the question as the lead.

    "Er wordt geen gebruik gemaakt van TikTok" decides "maakt de Rijksoverheid gebruik van TikTok?", not
    the sentence before it about the inventory; otherwise the best quote stays first.
    """
    if not chosen or denies(chosen[0].text):
        return list(chosen)
    lead = chosen[0]
    best = next((c for c in chosen[1:] if denies(c.text) and c.own >= lead.own), lead)
    return [best] + [c for c in chosen if c is not best]


def gives_reason(sentence: str) -> bool:
    """The sentence states a reason: 'omdat ...', 'vanwege ...', 'Door de wisseling van het kabinet ...'."""
    return bool(_REASON.search(sentence))


def _shared(text: str, asked: set[str]) -> int:
    return len(asked & set(terms.content_stems(text)))


def reason_quotes(
    chosen: Sequence[Candidate], candidates: Sequence[Candidate], question: str
) -> list[Candidate] | None:
    """The quotes for a why question, the reason first; None where no on-topic sentence gives one."""
    if not chosen:
        return None
    pool = _pool(chosen, candidates)
    reasons = [c for c in pool if gives_reason(c.text) and not denies_reason(c.text)]
    if reasons:
        # the reason for what is asked, not any reason nearby: a sentence that also states the asked
        # fact ("nog niet plaatsgevonden" for "why not yet?") agrees with the question's denial
        asked = set(terms.content_stems(question))
        best = max(reasons, key=lambda c: (denies(c.text) == denies(question), _shared(c.text, asked)))
        return [best] + [c for c in chosen if c is not best]
    for cand in pool:
        if _REASON_BEFORE.search(cand.text) and (prior := _before(candidates, cand)) is not None:
            return [prior, cand] + [c for c in chosen if c not in (prior, cand)]
    return None


def denies_reason(sentence: str) -> bool:
    """'De reden waarom ... vermelden zij niet': the sentence says the reason is not given."""
    return bool(re.search(r"\breden\b", sentence, re.I)) and denies(sentence)


def _clause(sentence: str, keep: Callable[[str], bool]) -> str:
    """The sentence, or where it is long the clause that decides it (the first that `keep` accepts)."""
    text = one_line(sentence).rstrip(" .")
    if len(text.split()) <= MAX_CLAUSE_WORDS:
        return text
    parts = [p for p in re.split(r"[,;:]\s+", text) if len(p.split()) >= MIN_CLAUSE_WORDS]
    return next((p for p in parts if keep(p)), text)


_CLAUSES = re.compile(
    r"[,;:]\s+|\s+(?:maar|but|terwijl|whereas|en\s+(?=zijn|is|heeft|hebben|wordt|worden))\s+", re.I
)


def asked_clause(sentence: str, question: str) -> str:
    """The clause of the sentence about what is asked: the one sharing most words with the question.

    "mogen PSP's een vergoeding vragen ... en zijn gebruikers niet verplicht ..." answers "mag er een
    vergoeding gevraagd worden?" with its first clause; the denial in the second is about something else.
    On a tie the clause that denies decides ("..., maar LAA is geen fraude-instrument").
    """
    parts = [p for p in _CLAUSES.split(one_line(sentence)) if len(p.split()) >= MIN_CLAUSE_WORDS]
    if len(parts) < 2:
        return sentence
    asked = set(terms.content_stems(question))
    return max(parts, key=lambda p: (_shared(p, asked), denies(p)))


def polar_line(lead: Candidate, question: str, language: str, n: int) -> str | None:
    """'Nee — de brief zegt: “...” [1].' for a yes/no question; None where the question itself denies."""
    if denies(_RELATIVE.sub("", question)):
        return None  # "Is X niet ...?": a bare yes or no would be read both ways
    sentence = asked_clause(lead.text, question)
    more = not_only(lead.text) and bool(_ONLY.search(question))  # "only?" - "niet alleen ..., maar ook"
    no = denies(sentence) or more
    word = frame.polar("no" if no else "yes", language)
    whole = one_line(lead.text).rstrip(" .")
    quoted = whole if more or len(whole.split()) <= MAX_CLAUSE_WORDS else sentence.rstrip(" .")
    return f"{word} — {frame.SAYS[language]} “{quoted}” [{n}]."


def reason_line(lead: Candidate, language: str, n: int) -> str:
    """'Reden: “...” [1].' - the sentence that gives the reason, as printed."""
    return f"{frame.LABELS['why'][language]}: “{_clause(lead.text, gives_reason)}” [{n}]."
